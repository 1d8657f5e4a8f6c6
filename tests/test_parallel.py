"""Chunked work on executors gives exactly the serial results (process pools, threads, Dask)."""

from __future__ import annotations

import functools
import itertools
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from fractions import Fraction

import pytest

from exactgeom import library
from exactgeom._parallel import chunks, map_chunked, worker_count
from oracles.regions import sign_vector


def _points(d, r):
    return [tuple(Fraction(v, 2) for v in p) for p in itertools.product(range(-r, r + 1), repeat=d)]


def _enumeration_inputs():
    A = library.shi(3)
    return functools.partial(sign_vector, A.normals, A.offsets), _points(3, 3)


def test_chunks_cover_everything_once():
    assert [x for c in chunks(range(23), 5) for x in c] == list(range(23))
    with pytest.raises(ValueError, match="chunk size"):
        list(chunks([1], 0))


def test_process_pool_equals_serial_on_a_sign_vector_enumeration():
    function, points = _enumeration_inputs()
    serial = [function(p) for p in points]
    with ProcessPoolExecutor(2) as pool:
        parallel = list(map_chunked(function, points, executor=pool, chunk_size=17))
    assert parallel == serial
    # every sign vector met is a face; the regions met are a subset of the 16 Shi regions
    regions = {s for s in serial if 0 not in s}
    assert 0 < len(regions) <= 16


def test_thread_pool_small_window_keeps_order():
    with ThreadPoolExecutor(3) as pool:
        assert list(map_chunked(lambda x: x * x, range(100), executor=pool, chunk_size=3, max_pending=2)) == [
            x * x for x in range(100)
        ]
        assert worker_count(pool) == 3


def _fails_on_seven(x):
    if x == 7:
        raise ValueError("seven")
    return x


def test_worker_exception_reaches_the_caller():
    with ThreadPoolExecutor(2) as pool, pytest.raises(ValueError, match="seven"):
        list(map_chunked(_fails_on_seven, range(20), executor=pool, chunk_size=2))


def test_bad_window_rejected():
    with ThreadPoolExecutor(1) as pool, pytest.raises(ValueError, match="max_pending"):
        list(map_chunked(abs, [1], executor=pool, max_pending=0))


def test_lattice_on_process_pool_matches_serial():
    lattice = pytest.importorskip("exactgeom.arrangements.lattice")
    A = library.threshold(3)
    serial = lattice.intersection_lattice(A)
    try:
        with ProcessPoolExecutor(2) as pool:
            parallel = lattice.intersection_lattice(A, executor=pool)
    except TypeError:
        pytest.skip("intersection_lattice does not take executor= yet")
    assert parallel.flats_by_rank == serial.flats_by_rank
    assert [parallel.mobius(X) for X in parallel.flats()] == [serial.mobius(X) for X in serial.flats()]


def test_regions_on_process_pool_match_serial():
    faces = pytest.importorskip("exactgeom.arrangements.regions")
    A = library.threshold(3)
    serial = [(R.sign_vector, R.witness) for R in faces.regions(A)]
    with ProcessPoolExecutor(2) as pool:
        parallel = [(R.sign_vector, R.witness) for R in faces.regions(A, executor=pool)]
    assert parallel == serial
    assert len(serial) == 104  # A000609


def test_dask_local_cluster_equals_serial():
    distributed = pytest.importorskip("distributed")
    function, points = _enumeration_inputs()
    serial = [function(p) for p in points]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert worker_count(client.get_executor()) == 2
        via_executor = list(map_chunked(function, points, executor=client.get_executor(), chunk_size=40))
        via_client = list(map_chunked(function, points, executor=client, chunk_size=40))
    assert via_executor == serial
    assert via_client == serial

"""Orbit-aware χ against the flat enumeration and literature values; symmetry groups of the families."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactgeom import library
from exactgeom.arrangements import Arrangement
from exactgeom.arrangements.symmetry import characteristic_polynomial_with_symmetry, symmetry_group

THRESHOLD = {2: (1, 4, 6, 3), 3: (1, 8, 28, 44, 23), 4: (1, 16, 120, 460, 820, 465),
             5: (1, 32, 496, 4240, 19660, 43014, 27129),
             6: (1, 64, 2016, 36848, 400400, 2453248, 7111650, 5023907)}
RESONANCE_REGIONS = {1: 2, 2: 6, 3: 32, 4: 370, 5: 11292, 6: 1066044}


@pytest.mark.parametrize("A", [library.braid(4), library.shi(3), library.catalan(3), library.linial(4),
                               library.semiorder(3), library.coordinate(4), library.threshold(3),
                               library.resonance(4), library.graphical(nx.cycle_graph(5))], ids=repr)
def test_symmetric_equals_flat_enumeration(A):
    assert A.whitney_numbers(symmetry="auto") == A.whitney_numbers()


@pytest.mark.parametrize("n", sorted(THRESHOLD))
def test_threshold_betti_literature(n):
    assert characteristic_polynomial_with_symmetry(library.threshold(n)).betti == THRESHOLD[n]


@pytest.mark.parametrize("n", sorted(RESONANCE_REGIONS))
def test_resonance_regions_literature(n):
    assert library.resonance(n).num_regions(symmetry="auto") == RESONANCE_REGIONS[n]


def test_resonance_betti_literature():
    assert characteristic_polynomial_with_symmetry(library.resonance(2)).betti == (1, 3, 2)
    assert characteristic_polynomial_with_symmetry(library.resonance(3)).betti == (1, 7, 15, 9)


def test_stabilizer_elements_fix_the_remaining_hyperplanes():
    from exactgeom.arrangements.permutation_group import _stabilizer_elements

    G = symmetry_group(library.threshold(4))
    elements = _stabilizer_elements(G, 8)
    assert elements
    for depth, rows in elements.items():
        for g in rows:
            assert sorted(g[:depth]) == list(range(depth)) and g[-1] == len(g) - 1


def test_whole_group_table_matches_elements_by_index():
    import numpy as np

    for A in (library.threshold(3), library.resonance(4), library.catalan(3)):
        G = symmetry_group(A)
        table = G._all_elements()
        assert table.shape == (G.order(), len(A))
        assert np.array_equal(table, G._elements(np.arange(G.order())))
        assert len({tuple(g) for g in table.tolist()}) == G.order()       # distinct: a group's elements


@pytest.mark.parametrize("budget", [1 << 23, 8 * 30], ids=["whole group", "30 elements scanned"])
def test_stabilizer_elements_are_the_first_in_the_scan_order(budget):
    import numpy as np

    from exactgeom.arrangements.permutation_group import _stabilizer_elements

    G = symmetry_group(library.threshold(3))
    order, n = G.order(), len(library.threshold(3))
    stride = next(a for a in range(int(order * 0.618) | 1, 2 * order + 2) if math.gcd(a, order) == 1)
    scan = [tuple(int(x) for x in g) for g in G._elements((np.arange(order) * stride + 7) % order)]
    elements = _stabilizer_elements(G, 5, budget)
    for depth in range(1, n):
        want = [g for g in scan[: budget // n] if set(g[:depth]) == set(range(depth))][:5]
        want = [g + (n,) for g in want if g != tuple(range(n))]
        assert [tuple(int(x) for x in g) for g in elements.get(depth, [])] == want


@pytest.mark.parametrize("A", [library.threshold(3), library.resonance(4), library.catalan(3), library.shi(4),
                               library.resonance(1)], ids=repr)
def test_known_order_shortcut_gives_the_full_schreier_sims_group(A):
    from exactgeom.arrangements.permutation_group import PermutationGroup

    G = symmetry_group(A)                               # a family: stops at the known order
    full = PermutationGroup(G.degree, G.generators)     # no bound: every Schreier generator sifted
    assert "_order_bound" in G.__dict__ and "_order_bound" not in full.__dict__
    assert G.order() == full.order()
    assert {tuple(g) for g in G._all_elements().tolist()} == {tuple(g) for g in full._all_elements().tolist()}


def test_group_keeps_its_old_import_path_and_pickles():
    import pickle

    from exactgeom.arrangements import permutation_group, symmetry

    assert symmetry.PermutationGroup is permutation_group.PermutationGroup
    assert "PermutationGroup" in symmetry.__all__
    G = symmetry_group(library.threshold(3))
    G.order()                                                   # the cached chain travels along
    copy = pickle.loads(pickle.dumps(G))
    assert copy == G and copy.order() == 48 and copy.orbits() == G.orbits()
    # a pickle written when the class lived in exactgeom.arrangements.symmetry still loads
    data = pickle.dumps(permutation_group.PermutationGroup(3, ((1, 2, 0),)), protocol=0)
    old = data.replace(b"exactgeom.arrangements.permutation_group", b"exactgeom.arrangements.symmetry")
    assert old != data
    assert pickle.loads(old).order() == 3


def test_family_group_orders():
    assert symmetry_group(library.threshold(4)).order() == 2**4 * math.factorial(4)
    assert symmetry_group(library.resonance(4)).order() == math.factorial(5)
    assert symmetry_group(library.braid(5)).order() == math.factorial(5)
    assert symmetry_group(library.catalan(3)).order() == 2 * math.factorial(3)
    assert symmetry_group(library.threshold(7)).order() == 2**7 * math.factorial(7)


def test_non_automorphism_refused():
    with pytest.raises(ValueError, match="generator 0"):
        symmetry_group(Arrangement([[1, 0], [0, 1], [1, 1], [1, 3]]), generators=[(1, 0, 2, 3)])
    square = Arrangement([[1, 0], [0, 1], [1, 1], [1, -1]])
    assert symmetry_group(square, generators=[(1, 0, 2, 3)]).order() == 2


def test_generic_arrangement_has_trivial_group():
    assert symmetry_group(Arrangement(library.generic(5, 3, seed=2).normals)).order() == 1


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(*[st.integers(-3, 3)] * 3), min_size=1, max_size=2))
def test_planted_cyclic_symmetry(vectors):
    rows = {v for x in vectors for v in (x, x[1:] + x[:1], x[2:] + x[:2]) if any(v)}
    A = Arrangement(sorted(rows), dimension=3, dedupe=True)
    index = {tuple(int(c) for c in a): i for i, a in enumerate(A.normals)}

    def find(v):
        return index.get(v, index.get(tuple(-c for c in v)))

    cycle = [find(tuple(int(c) for c in a[1:] + a[:1])) for a in A.normals]
    if None in cycle:
        return
    assert A.whitney_numbers(symmetry=[cycle]) == A.whitney_numbers()


def test_prime_too_large_for_64_bit_residues_is_refused():
    from exactgeom.errors import TooLarge

    A = library.generic(7, 4, seed=1)                    # random normals: the prime is about 5.8e10
    with pytest.raises(TooLarge, match="overflow 64-bit"):
        characteristic_polynomial_with_symmetry(A, None)
    # the flat enumeration still counts it: Σ_k (−1)^k C(7, k) t^{4−k}, general position
    assert A.characteristic_polynomial().all_coeffs() == [(-1) ** k * math.comb(7, k) for k in range(5)]


@pytest.mark.slow
def test_resonance_7_betti():
    assert characteristic_polynomial_with_symmetry(library.resonance(7)).betti == (
        1, 127, 7035, 215439, 3831835, 37769977, 169824305, 135677633)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(*[st.integers(-2, 2)] * 4), min_size=1, max_size=9))
def test_without_group_equals_flat_enumeration(vectors):
    """Rank-4 arrangements: the tree, with the rank-3 closed form at its leaves, against the lattice."""
    rows = sorted({v for v in vectors if any(v)})
    if not rows:
        return
    A = Arrangement(rows, dimension=4, dedupe=True)
    assert characteristic_polynomial_with_symmetry(A, None).polynomial() == A.characteristic_polynomial()


@pytest.mark.parametrize("A", [library.threshold(5), library.resonance(5)], ids=repr)
def test_process_pool_gives_the_serial_result(A):
    from concurrent.futures import ProcessPoolExecutor

    serial = characteristic_polynomial_with_symmetry(A)
    with ProcessPoolExecutor(2) as pool:
        parallel = characteristic_polynomial_with_symmetry(A, executor=pool)
    assert parallel == serial
    assert sum(parallel.betti) == {32: 94572, 31: 11292}[len(A)]


@pytest.mark.slow                                        # starting the cluster takes seconds
def test_dask_cluster_gives_the_serial_result():
    distributed = pytest.importorskip("distributed")
    A = library.resonance(4)
    serial = characteristic_polynomial_with_symmetry(A)
    with (distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=None) as cluster,
          distributed.Client(cluster) as client):
        via_client = characteristic_polynomial_with_symmetry(A, executor=client)
        via_executor = characteristic_polynomial_with_symmetry(A, executor=client.get_executor())
    assert via_client == via_executor == serial
    assert sum(serial.betti) == RESONANCE_REGIONS[4]


def test_progress_bar_counts_the_depths_out_of_a_known_total(monkeypatch, capsys):
    from exactgeom._progress import progress_bar
    from exactgeom.arrangements import symmetry

    bars = []

    def recording(enabled, **kwargs):
        bars.append(progress_bar(enabled, **kwargs))
        return bars[-1]

    monkeypatch.setattr(symmetry, "progress_bar", recording)
    r = characteristic_polynomial_with_symmetry(library.threshold(4), progress=True)
    assert r.betti == THRESHOLD[4]
    assert [(bar.total, bar.n, bar.unit) for bar in bars] == [(16, 16, "depths")]   # T_4: 16 hyperplanes
    assert "deletion-restriction" in capsys.readouterr().err


def test_interrupt_leaves_a_note(monkeypatch):
    from exactgeom.arrangements import _orbit_engine

    calls = []
    original = _orbit_engine._expand_task

    def step(task):
        calls.append(task[2])
        if len(calls) > 8:                              # mid-run: T_4 has 16 depths
            raise KeyboardInterrupt
        return original(task)

    monkeypatch.setattr(_orbit_engine, "_expand_task", step)
    with pytest.raises(KeyboardInterrupt) as caught:
        characteristic_polynomial_with_symmetry(library.threshold(4), progress=False)
    notes = caught.value.__notes__
    depth = calls[-1]                                   # T_4: 16 hyperplanes, so 16 depths
    assert any(f"interrupted at depth {depth} of 16" in note for note in notes)
    assert any(f"interrupted after {depth + 1} of 16 depths" in note for note in notes)


@pytest.mark.parametrize("A, stop, regions", [(library.threshold(4), 5, sum(THRESHOLD[4])),
                                              (library.resonance(4), 3, RESONANCE_REGIONS[4]),
                                              (library.threshold(3), 1, sum(THRESHOLD[3]))], ids=repr)
def test_checkpoint_resumes_after_an_interrupt(A, stop, regions, tmp_path, monkeypatch):
    from exactgeom.arrangements import _orbit_engine

    path = tmp_path / "chi.npz"
    original = _orbit_engine._expand_task

    def step(task):
        if task[2] >= stop:
            raise KeyboardInterrupt
        return original(task)

    monkeypatch.setattr(_orbit_engine, "_expand_task", step)
    with pytest.raises(KeyboardInterrupt) as caught:
        characteristic_polynomial_with_symmetry(A, checkpoint=path)
    assert any(repr(str(path)) in note for note in caught.value.__notes__)
    assert path.exists()
    depths = []

    def count(task):
        depths.append(task[2])
        return original(task)

    monkeypatch.setattr(_orbit_engine, "_expand_task", count)
    resumed = characteristic_polynomial_with_symmetry(A, checkpoint=path)
    assert min(depths) >= stop                                  # the depths before were not redone
    monkeypatch.setattr(_orbit_engine, "_expand_task", original)
    again = characteristic_polynomial_with_symmetry(A, checkpoint=path)      # a finished run's file
    assert resumed.betti == again.betti == characteristic_polynomial_with_symmetry(A).betti
    assert resumed.polynomial() == A.characteristic_polynomial()               # the flat enumeration
    assert sum(resumed.betti) == regions                                        # literature values


def test_checkpoint_of_another_arrangement_is_refused(tmp_path):
    path = tmp_path / "chi.npz"
    characteristic_polynomial_with_symmetry(library.threshold(3), checkpoint=path)
    with pytest.raises(ValueError, match="another arrangement or group"):
        characteristic_polynomial_with_symmetry(library.resonance(3), checkpoint=path)
    with pytest.raises(ValueError, match="another arrangement or group"):
        characteristic_polynomial_with_symmetry(library.threshold(3), None, checkpoint=path)


def test_arrangement_method_passes_checkpoint_through(tmp_path):
    from exactgeom import library

    path = tmp_path / "t3.npz"
    A = library.threshold(3)
    first = A.characteristic_polynomial(symmetry="auto", checkpoint=path)
    assert path.exists()
    again = A.characteristic_polynomial(symmetry="auto", checkpoint=path)   # read from the file
    assert first == again == A.characteristic_polynomial()
    assert A.num_regions() == 104                                         # A000609
    with pytest.raises(ValueError, match="needs symmetry"):
        A.characteristic_polynomial(checkpoint=path)

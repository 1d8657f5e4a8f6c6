"""Serial versus executor runs of the long enumerations: identical results, wall-clock speed-up.

Usage::

    python benchmarks/scaleout.py [--workers 2] [--heavy] [--dask]

Prints, per workload, the serial time, the time on a ProcessPoolExecutor (and on a Dask
LocalCluster with --dask), the speed-up, and whether the results are identical.  Timings on a
shared 2-core machine are noisy; run twice.
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ProcessPoolExecutor

import exactgeom as eg
from exactgeom.arrangements import lattice as _lattice_module


def _lattice(n):
    def run(executor):
        L = _lattice_module.intersection_lattice(eg.library.threshold(n), executor=executor)
        return L.flats_by_rank, tuple(L.mobius(X) for X in L.flats())

    return f"intersection lattice of T_{n}", run


def _regions(n):
    def run(executor):
        return [(R.sign_vector, R.witness) for R in eg.library.threshold(n).regions(executor=executor)]

    return f"regions of T_{n} with witnesses", run


def _tropical(points, terms):
    def run(executor):
        return eg.networks.TropicalClassifier(points, n_terms=terms).num_maximal_cones(executor=executor)

    return f"tropical fan {terms}, {len(points)} points", run


def _sign_vector(normals, offsets, point):
    return tuple(
        (v > 0) - (v < 0)
        for v in (sum(a * x for a, x in zip(row, point)) - c for row, c in zip(normals, offsets))
    )


def _sign_vectors(n, count):
    """map_chunked on a plain CPU-bound map: sign vectors of many rational points against T_n."""
    import functools
    import random
    from fractions import Fraction

    from exactgeom._parallel import map_chunked

    A = eg.library.threshold(n)
    rng = random.Random(0)
    points = [
        tuple(Fraction(rng.randint(-99, 99), rng.randint(1, 9)) for _ in range(n + 1)) for _ in range(count)
    ]
    function = functools.partial(_sign_vector, A.normals, A.offsets)

    def run(executor):
        return list(map_chunked(function, points, executor=executor, chunk_size=500))

    return f"map_chunked: {count} sign vectors vs T_{n}", run


def _timed(run, executor):
    start = time.perf_counter()
    result = run(executor)
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--heavy", action="store_true", help="add T_5 regions (about two minutes serially)")
    parser.add_argument("--dask", action="store_true", help="also run on a Dask LocalCluster")
    args = parser.parse_args()
    points = [(0, 0), (3, 1), (1, 4), (-2, 2), (5, -1), (2, -3), (4, 4), (-3, -1)]
    workloads = [_sign_vectors(5, 5000), _lattice(5), _regions(4), _tropical(points[:7], (2, 2))]
    if args.heavy:
        workloads += [_regions(5), _lattice(6)]
    executors = [("processes", lambda: ProcessPoolExecutor(args.workers))]
    if args.dask:
        from dask.distributed import Client, LocalCluster

        def dask_executor():
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=None)
            client = Client(cluster)
            executor = client.get_executor()
            executor.shutdown = lambda *a, **k: (client.close(), cluster.close())
            return executor

        executors.append(("dask", dask_executor))
    print(f"{'workload':40} {'serial':>9} {'executor':>10} {'parallel':>9} {'speed-up':>9}  identical")
    for name, run in workloads:
        serial, t_serial = _timed(run, None)
        for label, make in executors:
            executor = make()
            try:
                _timed(run, executor)  # warm the workers (imports) once
                parallel, t_parallel = _timed(run, executor)
            finally:
                executor.shutdown()
            print(
                f"{name:40} {t_serial:8.2f}s {label:>10} {t_parallel:8.2f}s {t_serial / t_parallel:8.2f}x  "
                f"{parallel == serial}",
                flush=True,
            )


if __name__ == "__main__":
    main()

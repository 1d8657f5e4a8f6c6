"""Timings for region enumeration and f-vectors (issue 3 targets).

Run:  .venv/bin/python benchmarks/regions.py [--quick] [--workers N]

Prints one line per task: the result, the wall-clock time and the target.
Timings on a shared machine are noisy; rerun before drawing conclusions.
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ProcessPoolExecutor

from exactgeom.library import braid, shi, threshold


def _regions(A, executor=None):
    count = bounded = 0
    for R in A.regions(executor=executor):
        count += 1
        bounded += R.is_bounded()
        assert R.witness is not None
    return count, bounded


def _timed(label, target, function, *args):
    start = time.perf_counter()
    result = function(*args)
    elapsed = time.perf_counter() - start
    status = "ok" if elapsed <= target else "OVER TARGET"
    print(f"{label:<44} {result!s:<30} {elapsed:8.2f} s   (target <= {target} s: {status})", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip T_5")
    parser.add_argument("--workers", type=int, default=0, help="also run T_5 on a process pool of N workers")
    args = parser.parse_args()

    _timed("regions of T_4 with witnesses (count, bounded)", 2, _regions, threshold(4))
    _timed("f-vector of braid(5)", 5, lambda: braid(5).f_vector())
    _timed("f-vector of shi(4)", 5, lambda: shi(4).f_vector())
    _timed("region adjacency graph of T_4 (edges)", 5,
           lambda: threshold(4).region_adjacency_graph().number_of_edges())
    if not args.quick:
        _timed("regions of T_5 with witnesses (count, bounded)", 120, _regions, threshold(5))
        if args.workers:
            with ProcessPoolExecutor(args.workers) as pool:
                _timed(f"regions of T_5 on {args.workers} processes", 120, _regions, threshold(5), pool)


if __name__ == "__main__":
    main()

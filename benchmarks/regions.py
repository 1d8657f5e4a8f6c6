"""Timings for region enumeration and f-vectors.

Run:  .venv/bin/python benchmarks/regions.py [--quick] [--workers N] [--t6 FILE]

``--t6 FILE`` streams all 15,028,134 regions of T_6 with their witnesses to FILE, one line
per region (sign vector as + and -, then the witness coordinates as fractions), with
progress bars; the target is 20 minutes.

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


def _stream(A, path):
    count = 0
    with open(path, "w") as out:
        for R in A.regions(progress=True):
            signs = "".join("+" if s > 0 else "-" for s in R.sign_vector)
            out.write(signs + " " + " ".join(str(v) for v in R.witness) + "\n")
            count += 1
    return count


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
    parser.add_argument("--t6", metavar="FILE", help="stream the regions of T_6 to FILE")
    args = parser.parse_args()
    import exactgeom.arrangements.regions  # noqa: F401  (imports are not part of the timings)

    _timed("regions of T_4 with witnesses (count, bounded)", 2, _regions, threshold(4))
    _timed("f-vector of braid(5)", 5, lambda: braid(5).f_vector())
    _timed("f-vector of shi(4)", 5, lambda: shi(4).f_vector())
    _timed("faces of T_4", 1, lambda: sum(1 for _ in threshold(4).faces()))
    _timed("region adjacency graph of T_4 (edges)", 5,
           lambda: threshold(4).region_adjacency_graph().number_of_edges())
    if not args.quick:
        _timed("regions of T_5 with witnesses (count, bounded)", 2, _regions, threshold(5))
        _timed("faces of T_5", 30, lambda: sum(1 for _ in threshold(5).faces()))
        if args.workers:
            with ProcessPoolExecutor(args.workers) as pool:
                _timed(f"regions of T_5 on {args.workers} processes", 2, _regions, threshold(5), pool)
    if args.t6:
        _timed("regions of T_6 streamed to disk", 1200, _stream, threshold(6), args.t6)


if __name__ == "__main__":
    main()

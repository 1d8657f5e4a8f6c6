"""Timings for the classification fan of the 9-point (2, 2) tropical classifier (a script, not a test).

Run:  .venv/bin/python benchmarks/tropical.py [--repeat R]

Target (issue 15): all maximal cones with witnesses, and the certificate of the count, in about 2 s
each.  Prints, for each step, the best wall-clock seconds of R runs (default 3) on a fresh
classifier; the certificate is checked once by the independent verifier.  Timings are noisy on a
shared machine: compare steps of one run, not figures of different runs.
"""

from __future__ import annotations

import sys
import time

from exactgeom.certificates import verify
from exactgeom.networks import TropicalClassifier

# nine points in general position (no three collinear), the first six those of REFERENCE.md §4
NINE = [(0, 0), (3, 1), (1, 4), (-2, 2), (5, -1), (2, -3), (-3, -2), (4, 5), (-1, -5)]


def best(make, repeat: int):
    """The result of ``make()`` and its fastest wall-clock time over ``repeat`` runs."""
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = make()
        seconds.append(time.perf_counter() - start)
    return result, min(seconds)


def main(repeat: int = 3) -> None:
    def classifier():
        return TropicalClassifier(NINE, (2, 2))

    count, count_seconds = best(lambda: classifier().num_maximal_cones(), repeat)
    cones, cones_seconds = best(lambda: sum(1 for _ in classifier().maximal_cones()), repeat)
    cert, cert_seconds = best(lambda: classifier().certificate(), repeat)
    start = time.perf_counter()
    verdict = verify(cert)
    verify_seconds = time.perf_counter() - start
    assert count == cones == cert["claim"]["num_maximal_cones"] and verdict.ok, verdict.message
    partitions, refuted = len(cert["data"]["levels"][-1]), len(cert["data"]["refuted"])
    print(f"9 points, n_terms=(2, 2): {count} maximal cones ({partitions} partitions, "
          f"{refuted} refuted extensions)")
    print(f"  count {count_seconds:.2f} s, all cones with witnesses {cones_seconds:.2f} s, "
          f"certificate {cert_seconds:.2f} s, verified in {verify_seconds:.2f} s (best of {repeat})")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[args.index("--repeat") + 1]) if "--repeat" in args else 3)

"""Timings of the counts of realizable maps (a plain script, not a test).

    .venv/bin/python benchmarks/networks_counts.py            # every n = 3 variant
    .venv/bin/python benchmarks/networks_counts.py --n 2

One synchronous step (every combination of symmetric weights, zero diagonal and
no thresholds) is counted by χ of the parameter arrangement (Zaslavsky), a
product over the units unless the weights are symmetric.  A sequential sweep
and k = 2 iterations count the distinct maps of the chambers, read from the
chambers' unit masks by table lookups (several chambers may compute one map
there, so χ does not count them); with symmetric weights the 271,600 coupled
chambers come from Fourier–Motzkin elimination on the shared weights, not from
linear programs.  Every n = 3 variant takes under 5 s on a loaded 2-core
machine (under 2 s unloaded); before, the unconstrained sweep and iterates took
13-18 s and the symmetric ones one to three minutes (regions with witnesses, then the
maps).  Also the threshold-network counts g(n)^m and the dichotomies of a data
set.  Timings on a shared 2-core machine are noisy.
"""

from __future__ import annotations

import argparse
import itertools
import time

from exactgeom.networks import HopfieldNetwork, LinearClassifier, ThresholdNetwork


def timed(label: str, thunk) -> None:
    start = time.perf_counter()
    value = thunk()
    print(f"{label:<72} {value:>16} {time.perf_counter() - start:>8.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3)
    args = parser.parse_args()
    n = args.n
    print(f"{'count':<72} {'value':>16} {'time':>10}")
    for m in (1, 2, 3):
        for inputs in (3, 4, 5):
            timed(f"ThresholdNetwork({inputs}, {m}).num_realizable()",
                  ThresholdNetwork(inputs, m).num_realizable)
    switches = list(itertools.product((False, True), (False, True), (True, False)))
    for symmetric, zero_diagonal, thresholds in switches:
        net = HopfieldNetwork(n, symmetric=symmetric, zero_diagonal=zero_diagonal, thresholds=thresholds)
        timed(f"one step, symmetric={symmetric}, zero_diagonal={zero_diagonal}, thresholds={thresholds}",
              net.num_realizable)
    for update, k in (("sequential", 1), ("synchronous", 2), ("sequential", 2)):
        for symmetric, zero_diagonal, thresholds in switches:
            net = HopfieldNetwork(n, update=update, iterations=k, symmetric=symmetric,
                                  zero_diagonal=zero_diagonal, thresholds=thresholds)
            timed(f"{update}, k = {k}, symmetric={symmetric}, zero_diagonal={zero_diagonal}, "
                  f"thresholds={thresholds}", net.num_realizable)
    points = [(x, y) for x in range(4) for y in range(4)]
    timed("LinearClassifier(4x4 grid).num_dichotomies()", LinearClassifier(points).num_dichotomies)


if __name__ == "__main__":
    main()

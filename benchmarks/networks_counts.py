"""Timings of the counts of realizable maps (a plain script, not a test).

    .venv/bin/python benchmarks/networks_counts.py            # every n = 3 variant
    .venv/bin/python benchmarks/networks_counts.py --n 2
    .venv/bin/python benchmarks/networks_counts.py --heavy    # also the symmetric sweep / iterates

One synchronous step (every combination of symmetric weights, zero diagonal and
no thresholds) is counted by χ of the parameter arrangement (Zaslavsky), a
product over the units unless the weights are symmetric; a sequential sweep and
k = 2 iterations fall back to enumerating the chambers and collecting distinct
maps (several chambers may compute one map there).  The unconstrained sweep and
iterates use one chamber list per unit (104^3 tuples for n = 3); with symmetric
weights they walk the 271,600 chambers of the coupled arrangement, minutes for
n = 3, so they run only with --heavy.  Also the threshold-network counts
g(n)^m and the dichotomies of a data set.  Timings on a shared 2-core machine
are noisy.
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
    parser.add_argument("--heavy", action="store_true")
    args = parser.parse_args()
    n = args.n
    print(f"{'count':<72} {'value':>16} {'time':>10}")
    for m in (1, 2, 3):
        for inputs in (3, 4, 5):
            timed(f"ThresholdNetwork({inputs}, {m}).num_realizable()",
                  ThresholdNetwork(inputs, m).num_realizable)
    switches = itertools.product((False, True), (False, True), (True, False))
    for symmetric, zero_diagonal, thresholds in switches:
        net = HopfieldNetwork(n, symmetric=symmetric, zero_diagonal=zero_diagonal, thresholds=thresholds)
        timed(f"one step, symmetric={symmetric}, zero_diagonal={zero_diagonal}, thresholds={thresholds}",
              net.num_realizable)
    for update, k in (("sequential", 1), ("synchronous", 2), ("sequential", 2)):
        for constraints in ({}, {"zero_diagonal": True}, {"thresholds": False}, {"symmetric": True}):
            if constraints.get("symmetric") and n >= 3 and not args.heavy:
                continue
            net = HopfieldNetwork(n, update=update, iterations=k, **constraints)
            timed(f"{update}, k = {k}, {constraints or 'no constraints'} (enumeration)", net.num_realizable)
    points = [(x, y) for x in range(4) for y in range(4)]
    timed("LinearClassifier(4x4 grid).num_dichotomies()", LinearClassifier(points).num_dichotomies)


if __name__ == "__main__":
    main()

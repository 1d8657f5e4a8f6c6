"""Timings for threshold-network enumeration (a plain script, not a test).

    .venv/bin/python benchmarks/networks_threshold.py            # n = 1..5
    .venv/bin/python benchmarks/networks_threshold.py --max-n 4

Prints, for each n, the number of threshold functions of n variables found by
enumerating the regions of T_n (:func:`exactgeom.arrangements.regions.regions`,
each chamber with an exact integer witness), the time taken,
and the same count from Zaslavsky's theorem for comparison; then the timings
of the 256 realize() calls for n = m = 2, of the parameter-spaces note's Propositions 3 and 4,
and of the completeness check of k-step refusals for n = 3 (the listing of the
k-th roots by kth_roots against the independent route through the 104^3 tuples
of threshold units that NonRealizable.verify() uses).
Timings on a shared 2-core machine are noisy.
"""

from __future__ import annotations

import argparse
import itertools
import time

import exactgeom as eg
from exactgeom.networks import HopfieldNetwork, ThresholdNetwork
from exactgeom.networks.hopfield import check_proposition, kth_roots
from exactgeom.networks.threshold import threshold_functions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-n", type=int, default=5)
    args = parser.parse_args()
    print(f"{'n':>2} {'functions':>10} {'regions (s)':>11} {'Zaslavsky':>10} {'chi (s)':>8}")
    for n in range(1, args.max_n + 1):
        start = time.perf_counter()
        count = sum(1 for _ in threshold_functions(n))
        enumeration = time.perf_counter() - start
        start = time.perf_counter()
        regions = eg.library.threshold(n).num_regions()
        chi = time.perf_counter() - start
        print(f"{n:>2} {count:>10} {enumeration:>11.2f} {regions:>10} {chi:>8.2f}")
    net = ThresholdNetwork(2, 2)
    start = time.perf_counter()
    verdicts = [bool(net.realize([(b[2 * k], b[2 * k + 1]) for k in range(4)]))
                for b in itertools.product((0, 1), repeat=8)]
    print(f"realize all 256 maps for n = m = 2: {sum(verdicts)} realizable, "
          f"{time.perf_counter() - start:.2f} s")
    for number in (3, 4):
        for n in (2, 3):
            start = time.perf_counter()
            check = check_proposition(number, n)
            print(f"Proposition {number}, n = {n}: holds = {check.holds}, counts = {check.counts}, "
                  f"{time.perf_counter() - start:.2f} s")
    roots_of_three_units()


def roots_of_three_units() -> None:
    points = list(itertools.product((0, 1), repeat=3))
    transposition = tuple(points[{0: 1, 1: 0}.get(k, k)] for k in range(8))     # no square roots
    for update in ("synchronous", "sequential"):
        for k in (2, 3):
            net = HopfieldNetwork(3, update=update, iterations=k)
            f = net.evaluate([[1, -1, 0], [0, 1, 1], [-1, 0, 1]], [0, -1, 1])
            start = time.perf_counter()
            roots = sum(1 for _ in kth_roots(f, k))       # a generator: count as it streams
            listing = time.perf_counter() - start
            start = time.perf_counter()
            realizable = sum(1 for _ in net._realizable_roots(f))
            route = time.perf_counter() - start
            line = (f"n = 3, {update}, k = {k}: f = h^k has {roots} k-th roots "
                    f"(kth_roots {listing:.2f} s), {realizable} realizable (independent route {route:.2f} s)")
            if k == 2:
                start = time.perf_counter()
                proof = net.realize(transposition)
                ok = proof.verify()
                line += f"; refusal of a transposition verified {ok} in {time.perf_counter() - start:.2f} s"
            print(line)


if __name__ == "__main__":
    main()

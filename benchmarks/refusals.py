"""How quickly sizes that would not finish are refused, and how much runs before the refusal.

Run:  .venv/bin/python benchmarks/refusals.py

Each line: the task, the first words of the refusal (or the result when it runs), the wall-clock
time.  The point is that a refusal comes in seconds, not that it is fast: before the byte budget
χ(T_12) exhausted memory, and the 40-point tropical fan ran for hours.
"""

from __future__ import annotations

import itertools
import time

from exactgeom.library import threshold
from exactgeom.networks import HopfieldNetwork, TropicalClassifier


def _timed(label, function):
    start = time.perf_counter()
    try:
        outcome = repr(function())[:40]
    except ValueError as exc:
        outcome = "refused: " + str(exc)[:60]
    print(f"{label:<52} {outcome:<70} {time.perf_counter() - start:8.2f} s", flush=True)


def main() -> None:
    _timed("χ(T_7), 128 hyperplanes", lambda: threshold(7).characteristic_polynomial())
    _timed("χ(T_10), 1,024 hyperplanes", lambda: threshold(10).characteristic_polynomial())
    _timed("χ(T_12), 4,096 hyperplanes", lambda: threshold(12).characteristic_polynomial())
    _timed(
        "tropical fan, 40 points on the moment curve, (3, 3)",
        lambda: TropicalClassifier([(i, i * i) for i in range(40)], n_terms=(3, 3)).num_maximal_cones(),
    )
    _timed(
        "tropical fan, 10 points on a line, (2, 2) (runs)",
        lambda: TropicalClassifier([(i * i % 31,) for i in range(10)], n_terms=(2, 2)).num_maximal_cones(),
    )
    identity = {x: x for x in itertools.product((0, 1), repeat=4)}
    _timed("Hopfield n = 4, k = 2, realize the identity (runs)",
           lambda: bool(HopfieldNetwork(4, iterations=2).realize(identity)))


if __name__ == "__main__":
    main()

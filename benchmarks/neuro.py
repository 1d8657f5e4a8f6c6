"""Timings for neuromanifold and ED-degree computations (issue 5 targets).

Run:  .venv/bin/python benchmarks/neuro.py [--pure] [--elimination]

Prints one line per task: the result, the wall-clock time and the target.  The f4 engine (pure
Python) always runs; ``--pure`` adds the EDD-14 count with the sympy engine (2 to over 10 minutes);
``--elimination`` adds the lightning quartic by elimination, the second route (about 2 minutes).
Timings on a shared 2-core machine are noisy; rerun before drawing conclusions.
"""

from __future__ import annotations

import argparse
import time

import sympy as sp

from exactgeom.algebra import available_engines, ed_degree
from exactgeom.neuro import LightningAttention, PolynomialCNN, PolynomialMLP

from exactgeom._figures import LIGHTNING_QUARTIC

Y = sp.symbols("y1:7")
QUARTIC = sp.sympify(LIGHTNING_QUARTIC, locals={str(y): y for y in Y})


def _timed(label, target, function):
    start = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - start
    print(f"{label:<58} {str(result):<10} {elapsed:8.3f} s   (target {target})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pure", action="store_true", help="also time EDD-14 with the slow sympy engine")
    parser.add_argument("--elimination", action="store_true",
                        help="also time the lightning quartic by elimination (lex Gröbner basis)")
    args = parser.parse_args()
    print(f"engines available: {', '.join(available_engines())}")
    _timed(
        "dimension PolynomialMLP((4,3,1), 3) (incl. construction)",
        "<= 1 s",
        lambda: PolynomialMLP((4, 3, 1), 3).dimension().value,
    )
    _timed(
        "dimension PolynomialCNN((2,2,2), (1,1,1), 2)",
        "<= 1 s",
        lambda: PolynomialCNN((2, 2, 2), (1, 1, 1), 2).dimension().value,
    )
    _timed(
        "dimension PolynomialCNN((2,2,2), (2,2,2), 2)",
        "<= 1 s",
        lambda: PolynomialCNN((2, 2, 2), (2, 2, 2), 2).dimension().value,
    )
    _timed(
        "implicit equation of lightning (2,2,2,1), degree 4, no engine",
        "<= 10 s",
        lambda: len(LightningAttention(2, 2, 2, 1).implicit_equations(4).equations),
    )
    if args.elimination:
        _timed(
            "the same by elimination (lex Gröbner basis over Q, sympy)",
            "none (second route)",
            lambda: len(LightningAttention(2, 2, 2, 1).implicit_equations(4, method="elimination").equations),
        )
    if "msolve" in available_engines():
        _timed(
            "EDD lightning quartic, generic Q, msolve (Lagrange, 2 primes)",
            "<= 2 s",
            lambda: ed_degree([QUARTIC], Y, engine="msolve").value,
        )
        _timed(
            "EDD lightning quartic, generic Q, msolve (minors, 2 primes)",
            "<= 2 s",
            lambda: ed_degree([QUARTIC], Y, engine="msolve", formulation="minors").value,
        )
    _timed(
        "EDD lightning quartic, generic Q, f4 pure Python (Lagrange, 2 primes)",
        "<= 2 s",
        lambda: ed_degree([QUARTIC], Y, engine="f4").value,
    )
    _timed(
        "EDD lightning quartic, generic Q, f4 pure Python (minors, 2 primes)",
        "<= 2 s",
        lambda: ed_degree([QUARTIC], Y, engine="f4", formulation="minors").value,
    )
    if args.pure:
        _timed(
            "EDD lightning quartic, generic Q, sympy (Lagrange, 1 prime)",
            "none (cross-check engine)",
            lambda: ed_degree([QUARTIC], Y, engine="sympy", primes=1).value,
        )


if __name__ == "__main__":
    main()

"""Timings for exact polyhedra: emptiness, certificates, witnesses and exact LPs.

Run:  .venv/bin/python benchmarks/polyhedra.py [--quick]

Workloads
---------
* the half-open parameter cones ``{(w, b) : w.x + b > 0 for f(x) = 1, <= 0 for f(x) = 0}``
  of Boolean functions f on {0,1}^n (n = 3: all 256; n = 4: the first 4000 of 65536):
  emptiness by one exact LP (``lp.point_of``), by ``Polyhedron.is_empty`` (which picks the
  double description for systems this small) and by pplpy's double description directly,
  emptiness certificates, witnesses, and ``Polyhedron.minimize`` (strict rows);
* the l1 linear program min sum(z+ + z-) s.t. K (z+ - z-) = y, z+- >= 0 for random integer
  K of sizes 10 x 100 and 20 x 200, solved twice: through ``Polyhedron.minimize`` with the
  2P sign constraints as dense rows, and through ``linear_program(..., nonnegative=...)``
  with the signs as variable bounds (the optima must agree);
* the minimum-l1 interpolant over the affine dictionary (Theorem 5) of 12 random points
  in Q^3, the primal LP alone and the full ``min_l1_interpolant`` (primal, dual, certificate).

Timings on a shared two-core machine are noisy: compare ratios within one run.
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
from fractions import Fraction

from exactgeom.convex import affine_dictionary, min_l1_interpolant
from exactgeom.polyhedra import Polyhedron, lp
from exactgeom.polyhedra.lp import linear_program


def _timed(label, function, *args):
    start = time.perf_counter()
    result = function(*args)
    elapsed = time.perf_counter() - start
    print(f"{label:<58} {result!s:<26} {elapsed:8.3f} s", flush=True)
    return result, elapsed


def threshold_cone(n: int, values) -> Polyhedron:
    """The cone of (w, b) realising the Boolean function with the given truth table."""
    A, kinds = [], []
    for x, v in zip(itertools.product([0, 1], repeat=n), values):
        A.append(list(x) + [1])
        kinds.append(">" if v else "<=")
    return Polyhedron(A, [0] * len(A), kinds)


def cone_benchmarks(n: int, count: int | None) -> None:
    tables = itertools.product([0, 1], repeat=2**n)
    tables = list(itertools.islice(tables, count)) if count else list(tables)
    cones = [threshold_cone(n, f) for f in tables]
    tag = f"n={n}, {len(cones)} cones"
    _timed(f"emptiness by one LP ({tag}; non-empty)",
           lambda: sum(lp.point_of(P.ambient_dimension, P.constraints) is not None for P in cones))
    fresh = [threshold_cone(n, f) for f in tables]
    _timed(f"emptiness by is_empty() ({tag}; non-empty)", lambda: sum(not P.is_empty() for P in fresh))
    fresh = [threshold_cone(n, f) for f in tables]
    _timed(f"emptiness by double description ({tag})", lambda: sum(not P.to_ppl().is_empty() for P in fresh))
    empty = [P for P in cones if P.is_empty()][:2000]
    _timed(
        f"emptiness certificates (n={n}, {len(empty)} empty cones)",
        lambda: len([P.emptiness_certificate() for P in empty]),
    )
    nonempty = [P for P in cones if not P.is_empty()]
    _timed(
        f"witnesses (n={n}, {len(nonempty)} non-empty cones)", lambda: len([P.witness() for P in nonempty])
    )
    fresh = [threshold_cone(n, f) for f in tables]
    objective = [1] * (n + 1)

    def statuses():
        counts = {}
        for P in fresh:
            status = P.minimize(objective).status
            counts[status] = counts.get(status, 0) + 1
        return ",".join(f"{k}:{v}" for k, v in sorted(counts.items()))

    _timed(f"minimize sum(w, b) over fresh cones ({tag})", statuses)


def l1_problem(m: int, n: int, seed: int = 1):
    """Random integer K (m x n) and y = K z0 for a sparse integer z0; returns K, y, ||z0||_1."""
    rng = random.Random(seed)
    K = [[rng.randint(-5, 5) for _ in range(n)] for _ in range(m)]
    z0 = [rng.randint(-3, 3) if rng.random() < 0.2 else 0 for _ in range(n)]
    y = [sum(a * v for a, v in zip(row, z0)) for row in K]
    return K, y, sum(abs(v) for v in z0)


def l1_dense_rows(K, y):
    m, n = len(K), len(K[0])
    A = [row + [-a for a in row] for row in K] + [[int(j == i) for j in range(2 * n)] for i in range(2 * n)]
    P = Polyhedron(A, y + [0] * (2 * n), ["=="] * m + [">="] * (2 * n))
    return P.minimize([1] * (2 * n)).value


def l1_bounds(K, y):
    n = len(K[0])
    rows = [
        ([Fraction(a) for a in row] + [Fraction(-a) for a in row], "==", Fraction(v)) for row, v in zip(K, y)
    ]
    return linear_program(2 * n, rows, [Fraction(1)] * (2 * n), "minimize", nonnegative=range(2 * n)).value


def l1_benchmarks(sizes) -> None:
    for m, n in sizes:
        K, y, planted = l1_problem(m, n)
        dense, t_dense = _timed(
            f"l1 LP {m}x{n}, signs as dense rows (planted {planted})", l1_dense_rows, K, y
        )
        bounds, t_bounds = _timed(f"l1 LP {m}x{n}, signs as variable bounds", l1_bounds, K, y)
        assert dense == bounds, (dense, bounds)
        print(f"{'':<58} dense rows / bounds = {t_dense / t_bounds:.1f}x", flush=True)


def affine_benchmark(points: int = 12, dimension: int = 3, seed: int = 0) -> None:
    rng = random.Random(seed)
    X = [[rng.randint(-4, 4) for _ in range(dimension)] for _ in range(points)]
    y = [rng.randint(-3, 3) for _ in range(points)]
    D = affine_dictionary(X)
    n, P = D.shape
    rows = [(list(r) + [-v for v in r], "==", Fraction(v)) for r, v in zip(D.matrix, y)]
    tag = f"affine dictionary n={n}, d={dimension}, P={P}"
    _timed(
        f"primal LP ({tag})",
        lambda: (
            linear_program(2 * P, rows, [Fraction(1)] * (2 * P), "minimize", nonnegative=range(2 * P)).value
        ),
    )
    _timed(f"min_l1_interpolant ({tag})", lambda: min_l1_interpolant(None, y, dictionary=D).value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="n = 3 cones and the 10 x 100 LP only")
    args = parser.parse_args()
    cone_benchmarks(3, None)
    if not args.quick:
        cone_benchmarks(4, 4000)
    l1_benchmarks([(10, 100)] if args.quick else [(10, 100), (20, 200)])
    if not args.quick:
        affine_benchmark()


if __name__ == "__main__":
    main()

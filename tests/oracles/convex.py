"""Minimum-l1 interpolation by brute force: the optimum is attained at a basic solution."""

from __future__ import annotations

import itertools
from fractions import Fraction


def solve_independent(columns, y):
    """A solution of Σ_j c_j columns[j] = y when the columns are independent, else None (Gauss over Q).

    Examples
    --------
    >>> solve_independent([[1, 1], [1, -1]], [3, 1])
    [Fraction(2, 1), Fraction(1, 1)]
    >>> solve_independent([[1, 2], [2, 4]], [1, 2]) is None  # dependent columns
    True
    >>> solve_independent([[1, 0]], [0, 1]) is None  # y not in the span
    True
    """
    n, k = len(y), len(columns)
    rows = [[Fraction(columns[j][i]) for j in range(k)] + [Fraction(y[i])] for i in range(n)]
    r = 0
    for c in range(k):
        p = next((i for i in range(r, n) if rows[i][c]), None)
        if p is None:
            return None
        rows[r], rows[p] = rows[p], rows[r]
        rows[r] = [v / rows[r][c] for v in rows[r]]
        for i in range(n):
            if i != r and rows[i][c]:
                rows[i] = [a - rows[i][c] * b for a, b in zip(rows[i], rows[r])]
        r += 1
    if any(rows[i][k] for i in range(r, n)):
        return None
    return [rows[i][k] for i in range(k)]


def min_l1_by_basic_solutions(K, y, intercept):
    """min ‖z‖₁ subject to K z (+ t·1 when ``intercept``) = y, or None when infeasible.

    The feasible set is a polyhedron and ‖z‖₁ is minimised at one of its vertices after splitting z
    into positive and negative parts, so it suffices to try every independent set of columns of K
    (with or without the all-ones column of the free intercept t) and solve the square system.

    Examples
    --------
    >>> min_l1_by_basic_solutions([[1, 2], [1, 0]], [2, 0], False)
    Fraction(1, 1)
    >>> min_l1_by_basic_solutions([[1], [1]], [1, 2], False) is None
    True
    >>> min_l1_by_basic_solutions([[1], [2]], [1, 2], True)
    Fraction(1, 1)
    """
    n, P = len(K), len(K[0]) if K else 0
    best = None
    for size in range(n + 1):
        for support in itertools.combinations(range(P), size):
            for with_t in (False, True) if intercept else (False,):
                columns = [[K[i][j] for i in range(n)] for j in support]
                columns += [[Fraction(1)] * n] if with_t else []
                solution = solve_independent(columns, y)
                if solution is not None:
                    value = sum(abs(v) for v in solution[:size])
                    best = value if best is None or value < best else best
    return best

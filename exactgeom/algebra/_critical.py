"""The critical system of a quadratic distance on a variety, shared by ED degrees and critical sets.

For X = V(f) ⊂ C^n of codimension c, a positive semidefinite Q and a data point u, the critical
points of (x − u)ᵀ Q (x − u) on the smooth part of X are the solutions of rank [Q(x − u) | J(x)ᵀ] ≤ c
off the singular locus (see :mod:`exactgeom.algebra.ed_degree`).  This module reads and checks the
input (:func:`_prepare`), builds the equations (:func:`_critical_system`), and measures varieties
by slicing with random hyperplanes (:func:`variety_dimension`).

Examples
--------
>>> import sympy as sp
>>> x, y = sp.symbols("x y")
>>> variety_dimension([x**2 + y**2 - 1], [x, y], engine="f4")
1
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from .._exact import exact_matrix, exact_vector, to_fmpq
from .engines import PRIMES, _resolve, count_solutions
from .systems import as_dicts, jacobian, minors, random_affine_forms, rational_polynomials, symbols_of

__all__ = ["variety_dimension"]


@dataclass
class _Input:
    """The checked input of :func:`exactgeom.algebra.ed_degree` and :func:`exactgeom.algebra.critical_set`.

    ``trivial`` is None, or the kind of X decided before any critical system is built:
    ``"C^n"`` (no non-zero equation), ``"empty"`` (a non-zero constant equation) or
    ``"empty mod p"`` (no common zero modulo the first prime: probabilistic).
    """

    variables: tuple
    Q: tuple
    u: tuple
    rank_Q: int
    rng: random.Random
    engine: str
    primes: tuple
    source: tuple
    used: tuple = ()
    base: list | None = None
    codimension: int = 0
    notes: list | None = None
    trivial: str | None = None


def _prepare(equations, variables, Q, u, *, seed: int, engine: str, codimension, primes: int) -> _Input:
    """Read and check the input; decide X = C^n and empty X; find the codimension; test reducedness."""
    variables = symbols_of(variables)
    n = len(variables)
    if not n:
        raise ValueError("variables is empty; X lives in C^n with n >= 1")
    rng = random.Random(seed)
    Q = _random_positive_definite(n, rng) if Q is None else exact_matrix(Q, "Q", ncols=n)
    if len(Q) != n or any(Q[i][j] != Q[j][i] for i in range(n) for j in range(n)):
        raise ValueError(f"Q must be a symmetric {n}×{n} matrix")
    psd, rank_Q = _positive_semidefinite(Q)
    if not psd:
        raise ValueError("Q is not positive semidefinite; the distance ||x - u||_Q is not defined")
    u = (
        tuple(Fraction(rng.randint(-20, 20)) for _ in range(n))
        if u is None
        else exact_vector(u, "u", length=n)
    )
    name = _resolve(engine)
    if primes < 1:
        raise ValueError("primes must be at least 1")
    chosen = PRIMES[:primes]
    ctx0, given = rational_polynomials(list(equations), variables)
    source = tuple(_frozen(d) for d in as_dicts(given))
    base = [f for f in given if not f.is_zero()]
    out = _Input(variables, Q, u, rank_Q, rng, name, chosen, source, base=base, notes=[])
    if not base or any(f.total_degree() == 0 for f in base):
        empty = bool(base)
        c = n + 1 if empty else 0
        if codimension is not None and codimension != c:
            raise ValueError(f"codimension {codimension} is wrong: X is {'empty' if empty else 'C^n'}")
        out.used, out.codimension, out.primes = ((sp.Integer(1),) if empty else ()), c, ()
        out.trivial = "empty" if empty else "C^n"
        return out
    if len(base) == 1:
        _, factors = base[0].factor_squarefree()
        radical = ctx0.from_dict({(0,) * n: 1})
        for g, _ in factors:
            radical *= g
        if any(e > 1 for _, e in factors):
            out.notes.append("the equation was replaced by its squarefree part (the radical of the ideal)")
        base = out.base = [radical]
    out.used = tuple(_expression(f, variables) for f in base)
    dicts = as_dicts(base)
    if codimension is None:
        if len(base) == 1:
            codimension = 1
        else:
            dim, _, slice_counts = _dimension_degree(dicts, ctx0, n, name, chosen[:1], rng)
            if dim == -1:
                out.codimension, out.primes, out.trivial = n + 1, chosen[:1], "empty mod p"
                return out
            codimension = n - dim
            _require_reduced(slice_counts, codimension)
    elif len(base) > 1 and 1 <= codimension <= n:
        _require_reduced(_counts(dicts + as_dicts(random_affine_forms(ctx0, n - codimension, n, rng)),
                                 n, name, chosen[:1]), codimension)
    if not 1 <= codimension <= min(n, len(base)):
        raise ValueError(
            f"codimension {codimension} is out of range for a variety in C^{n} defined by {len(base)} "
            "non-zero equation(s); X must be non-empty and proper"
        )
    out.codimension = codimension
    return out


def _trivial_note(kind: str, prime: int | None = None) -> str:
    """What decided X = C^n or an empty X, in words."""
    if kind == "C^n":
        return "exact: X = C^n, whose only critical point is u"
    if kind == "empty":
        return "exact: an equation is a non-zero constant, so X is empty"
    return (f"the equations have no common zero modulo {prime}, so X is empty "
            "(probabilistic: an unlucky prime could hide points)")


def _frozen(d: dict) -> tuple:
    return tuple(sorted(d.items()))



def _lagrange_system(equations, variables, c: int, Q, u, rng):
    """The Lagrange critical system in (x, lambda[, t]) as dicts, its number of variables, and the s×c
    combination R with Q(x − u) = Σ_j lambda_j (J R)_j, i.e. multipliers mu = R lambda for the gradients."""
    n = len(variables)
    hypersurface = len(equations) == 1 and c == 1
    extra = tuple(f"lambda{j}" for j in range(c)) + (() if hypersurface else ("t",))
    ctx, polys = rational_polynomials(equations, variables, extra)
    eqs, h, _, combination = _critical_system(polys, ctx, n, c, Q, u, rng, "lagrange")
    if not hypersurface:
        eqs.append(1 - ctx.gens()[-1] * h)
    return as_dicts(eqs), ctx.nvars(), combination



def _positive_semidefinite(Q) -> tuple[bool, int]:
    """(is PSD, rank) by symmetric Gaussian elimination over Q."""
    A = [list(row) for row in Q]
    n = len(A)
    rank = 0
    for i in range(n):
        if A[i][i] < 0:
            return False, rank
        if A[i][i] == 0:
            if any(A[i][j] != 0 for j in range(i, n)):
                return False, rank
            continue
        rank += 1
        for r in range(i + 1, n):
            factor = A[r][i] / A[i][i]
            for c in range(i, n):
                A[r][c] -= factor * A[i][c]
    return True, rank


def _random_positive_definite(n: int, rng: random.Random):
    B = [[Fraction(rng.randint(-3, 3)) for _ in range(n)] for _ in range(n)]
    return tuple(
        tuple(sum((B[k][i] * B[k][j] for k in range(n)), Fraction(0)) + (i == j) for j in range(n))
        for i in range(n)
    )


def _counts(system, nvars: int, engine: str, primes):
    return [count_solutions(system, nvars, engine=engine, prime=p) for p in primes]


def _dimension_degree(system, ctx, nx: int, engine: str, primes, rng):
    """Dimension and degree of the top-dimensional part of V(system), by slicing with random hyperplanes."""
    for k in range(nx + 1):
        slices = as_dicts(random_affine_forms(ctx, k, nx, rng))
        counts = _counts(system + slices, ctx.nvars(), engine, primes)
        statuses = {c.status for c in counts}
        if len(statuses) != 1:
            raise RuntimeError(f"the primes {primes} disagree ({statuses}); rerun with another seed")
        status = statuses.pop()
        if status == "empty":
            return -1, 0, counts
        if status == "finite":
            degrees = {c.multiplicity_count for c in counts}
            if len(degrees) != 1:
                raise RuntimeError(
                    f"the primes {primes} give different degrees {degrees}; rerun with another seed"
                )
            return k, degrees.pop(), counts
    raise RuntimeError("slicing did not terminate; the system is inconsistent")


def variety_dimension(equations, variables, *, seed: int = 0, engine: str = "auto") -> int:
    """Dimension of the affine variety V(equations) ⊂ C^n, by slicing with random hyperplanes.

    Probabilistic: k random affine hyperplanes meet a variety of dimension ≥ k and miss one of
    dimension < k, for random choices outside a proper closed set.  Returns −1 for the empty set.

    Examples
    --------
    >>> import sympy as sp
    >>> a, b, c = sp.symbols("a b c")
    >>> variety_dimension([b**2 - a*c, a*b - c], [a, b, c], engine="f4")
    1
    """
    variables = symbols_of(variables)
    ctx, polys = rational_polynomials(equations, variables)
    rng = random.Random(seed)
    return _dimension_degree(as_dicts(polys), ctx, len(variables), _resolve(engine), PRIMES[:1], rng)[0]


def _require_reduced(counts, c: int) -> None:
    """Refuse equations whose slice of X (n − c random hyperplanes) has a multiple point: not radical."""
    for r in counts:
        if r.status != "finite":
            raise ValueError(
                f"X does not have codimension {c}: its slice by random hyperplanes of complementary "
                f"dimension is {r.status}; pass the right codimension (or codimension=None)"
            )
        if r.multiplicity_count != r.distinct_count:
            raise ValueError(
                "the equations do not generate a radical ideal: at generic points of X the scheme they "
                f"define is not reduced (a slice has {r.multiplicity_count} points counted with "
                f"multiplicity but {r.distinct_count} distinct); pass generators of the radical ideal, "
                "e.g. from sympy or Macaulay2's radical()"
            )



def _critical_system(polys, ctx, n: int, c: int, Q, u, rng, formulation: str):
    """The critical equations in ctx (x_0..x_{n-1}, then extra variables) and the saturating factor."""
    gens = ctx.gens()
    x = gens[:n]
    residual = [
        sum((to_fmpq(Q[i][j]) * (x[j] - to_fmpq(u[j])) for j in range(n) if Q[i][j]), ctx.from_dict({}))
        for i in range(n)
    ]
    J = jacobian(list(polys), n)
    s = len(J)
    if s > c:
        R = [[rng.randint(-9, 9) for _ in range(c)] for _ in range(s)]
        columns = [
            [sum((R[k][j] * J[k][i] for k in range(s)), ctx.from_dict({})) for j in range(c)]
            for i in range(n)
        ]
    else:
        R = [[int(k == j) for j in range(c)] for k in range(s)]
        columns = [[J[k][i] for k in range(s)] for i in range(n)]
    sing = minors(columns, c)
    h = sum((rng.choice([v for v in range(-20, 21) if v]) * m for m in sing), ctx.from_dict({}))
    if formulation == "lagrange":
        lam = gens[n : n + c]
        eqs = list(polys) + [
            residual[i] - sum((lam[j] * columns[i][j] for j in range(c)), ctx.from_dict({})) for i in range(n)
        ]
    else:
        eqs = list(polys) + minors([[residual[i]] + columns[i] for i in range(n)], c + 1)
    return eqs, h, residual, R



def _expression(f, variables):
    """An fmpq_mpoly over ``variables`` as a sympy expression."""
    return sp.Add(*[sp.Rational(c.numerator, c.denominator) * sp.Mul(*[v**e for v, e in zip(variables, m)])
                    for m, c in as_dicts([f])[0].items()])


def _evaluate(poly: dict, point) -> Fraction:
    total = Fraction(0)
    for m, c in poly.items():
        term = c
        for v, e in zip(point, m):
            term *= v**e
        total += term
    return total


"""Euclidean distance degree of an affine variety for a quadratic form Q.

For X ⊂ C^n of codimension c, a positive definite form Q and a generic
u ∈ C^n, the ED degree is the number of complex critical points of
d_u(x) = (x − u)ᵀ Q (x − u) on the smooth part of X.  A smooth point x ∈ X is
critical exactly when Q(x − u) lies in the row space of the Jacobian J(x) of
the equations of X, i.e. when

    rank [ Q(x − u) | J(x)ᵀ ] ≤ c.

The critical ideal is the ideal of X plus the (c+1)-minors of that n × (s+1)
matrix, saturated by the singular locus (the c-minors of J).  The Jacobian is
taken with respect to x only; a Lagrange formulation that adds the multipliers
as unknowns is equivalent only if the multipliers are kept out of the Jacobian
(REFERENCE.md §5 warns about this pitfall).

Examples
--------
>>> import sympy as sp
>>> x, y = sp.symbols("x y")
>>> ed_degree([x**2 + y**2 - 1], [x, y], Q=[[1, 0], [0, 1]], engine="f4").value
2
>>> ed_degree([x**2 + y**2 - 1], [x, y], Q=[[4, 0], [0, 1]], engine="f4").value
4
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction


from .._exact import exact_matrix, exact_vector, fraction_str, to_fmpq
from .engines import PRIMES, _resolve, count_solutions
from .systems import as_dicts, jacobian, minors, random_affine_forms, rational_polynomials, symbols_of

__all__ = ["ed_degree", "EDDegree", "CriticalSet", "CriticalPart", "variety_dimension"]


@dataclass(frozen=True)
class EDDegree:
    """The ED degree of a variety for a positive definite form.

    Attributes
    ----------
    value : int
        Number of complex critical points (each checked to be simple).
    codimension : int
    Q, u : tuple
        The form and the data point used (exact rationals).
    seed : int
        Seed of the random choices (Q if not given, u if not given, combinations).
    engine : str
    primes : tuple of int
        The counts were computed modulo each of these primes and agree.
    formulation : str
        ``"minors"`` (rank condition) or ``"lagrange"`` (multipliers as unknowns, Jacobian in x only).
    verification : str
        What was checked, and what remains probabilistic.
    counts : tuple of (prime, multiplicity count, distinct count)
        The engine's count modulo each prime.

    Examples
    --------
    The unit circle and a point u off it: the nearest and the farthest point.

    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> r = ed_degree([x**2 + y**2 - 1], [x, y], Q=[[1, 0], [0, 1]], u=[3, 4], engine="f4")
    >>> r.value, r.codimension, r.formulation
    (2, 1, 'lagrange')
    >>> [(m, d) for _, m, d in r.counts]
    [(2, 2), (2, 2)]
    """

    value: int
    codimension: int
    Q: tuple
    u: tuple
    seed: int
    engine: str
    primes: tuple
    formulation: str
    verification: str
    counts: tuple = ()

    def __int__(self) -> int:
        return self.value

    def certificate(self, equations, variables) -> dict:
        """An ``ed-degree`` record: the input, Q, u and the per-prime counts as plain JSON data.

        The verifier re-checks what rational arithmetic can cheaply: Q
        symmetric positive definite, the codimension possible, u off X,
        distinct primes dividing no denominator, every per-prime count equal
        to the value and made of simple points, and the value within the
        Bézout-type bound of Draisma et al. (Prop. 2.6).  The counts
        themselves are a record of the engine's work, not re-derived (see
        :mod:`exactgeom.certificates.check_algebra`).

        Examples
        --------
        >>> import sympy as sp
        >>> from exactgeom.certificates import verify
        >>> x, y = sp.symbols("x y")
        >>> r = ed_degree([x**2 + y**2 - 1], [x, y], Q=[[4, 0], [0, 1]], engine="f4")
        >>> bool(verify(r.certificate([x**2 + y**2 - 1], [x, y])))
        True
        """
        from ..certificates import envelope

        variables = symbols_of(variables)
        _, polys = rational_polynomials(equations, variables)
        encoded = [[[list(m), fraction_str(c)] for m, c in d.items()] for d in as_dicts(polys)]
        claim = {
            "ed_degree": self.value,
            "num_variables": len(variables),
            "codimension": self.codimension,
            "probabilistic": True,
        }
        data = {
            "equations": encoded,
            "Q": [[fraction_str(v) for v in row] for row in self.Q],
            "u": [fraction_str(v) for v in self.u],
            "formulation": self.formulation,
            "counts": [{"prime": p, "multiplicity": m, "distinct": d} for p, m, d in self.counts],
        }
        meta = {"engine": self.engine, "seed": self.seed, "verification": self.verification}
        return envelope("ed-degree", claim, data, meta)


@dataclass(frozen=True)
class CriticalPart:
    """One part of a critical set: its dimension (−1 if empty) and the degree of its top-dimensional part.

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> S = ed_degree([x**2 + y**2 - 1], [x, y], Q=[[1, 0], [0, 0]], u=[3, 4], engine="f4")
    >>> S.part("rest")
    CriticalPart(name='rest', dimension=0, degree=2)
    """

    name: str
    dimension: int
    degree: int


@dataclass(frozen=True)
class CriticalSet:
    """Critical set of (x − u)ᵀQ(x − u) on the smooth part of X for a positive semidefinite Q.

    ``parts`` holds the zero-loss part X ∩ (u + ker Q) and the rest (critical
    points with Q(x − u) ≠ 0), each with its dimension and degree.

    Examples
    --------
    On the unit circle, Q = diag(1, 0) measures only (x − 3)²: the zero-loss
    part is the two complex points with x = 3 (y² = −8), the rest the two
    points (±1, 0) where the circle's tangent is vertical.

    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> S = ed_degree([x**2 + y**2 - 1], [x, y], Q=[[1, 0], [0, 0]], u=[3, 4], engine="f4")
    >>> S.kernel_dimension
    1
    >>> [(p.name, p.dimension, p.degree) for p in S.parts]
    [('zero-loss', 0, 2), ('rest', 0, 2)]
    """

    parts: tuple
    kernel_dimension: int
    codimension: int
    Q: tuple
    u: tuple
    seed: int
    engine: str
    primes: tuple
    verification: str

    def part(self, name: str) -> CriticalPart:
        """The part called ``name`` (``"zero-loss"`` or ``"rest"``)."""
        return next(p for p in self.parts if p.name == name)


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
            return -1, 0
        if status == "finite":
            degrees = {c.multiplicity_count for c in counts}
            if len(degrees) != 1:
                raise RuntimeError(
                    f"the primes {primes} give different degrees {degrees}; rerun with another seed"
                )
            return k, degrees.pop()
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
    return eqs, h, residual


def ed_degree(
    equations,
    variables,
    Q=None,
    u=None,
    *,
    seed: int = 0,
    engine: str = "auto",
    formulation: str = "auto",
    codimension: int | None = None,
    primes: int = 2,
):
    """ED degree of the variety X = V(equations) for the quadratic form Q.

    Parameters
    ----------
    equations : sequence of sympy expressions
        Generators of the ideal of X (radical, X of pure codimension c), rational coefficients.
    variables : sequence of sympy Symbols (or names)
    Q : n×n symmetric rational matrix, optional
        Positive definite: the ED degree is returned.  Positive semidefinite and
        singular: the critical set is described part by part (see Returns).
        ``None``: a seeded random positive definite form BᵀB + I.
    u : sequence of n rationals, optional
        The data point; ``None`` draws a seeded random integer point.
    seed : int
    engine : {"auto", "f4", "sympy", "msolve"}
    formulation : {"auto", "minors", "lagrange"}
        ``"minors"``: rank condition with c+1 minors, saturated with one extra
        variable t (1 − t·h, h a random combination of the c-minors of the
        Jacobian).  ``"lagrange"`` (only when the number of equations is c):
        Q(x − u) = Σ λ_j ∇f_j with the λ_j as unknowns; the gradients are taken
        in x only.  ``"auto"``: lagrange for hypersurfaces with Q definite.
    codimension : int, optional
        c; default 1 for one equation, else computed by slicing.
    primes : int
        Number of primes (≥ 1) modulo which the count is made and compared.

    Returns
    -------
    EDDegree
        For positive definite Q.
    CriticalSet
        For singular positive semidefinite Q: the zero-loss part X ∩ (u + ker Q)
        and the rest, each with dimension and degree.

    Raises
    ------
    ValueError
        Q not symmetric or not positive semidefinite, wrong sizes, or a
        positive-dimensional critical set for definite Q (u not generic).

    Examples
    --------
    >>> import sympy as sp
    >>> a, b, c, d = sp.symbols("a b c d")
    >>> ed_degree([a*d - b*c], [a, b, c, d], Q=[[1 if i == j else 0 for j in range(4)] for i in range(4)],
    ...           engine="f4").value
    2
    >>> ed_degree([a*d - b*c], [a, b, c, d], engine="f4", seed=1).value
    6

    Notes
    -----
    Counting is done modulo ``primes`` primes below 2**30 by the engine (see
    :mod:`exactgeom.algebra.engines`) and the counts must agree.  Each prime's
    count is checked to consist of simple points (multiplicity count equals
    the number of distinct points), which is what genericity of u predicts.
    Random choices (u, Q, the saturating combination, the reduction of
    the Jacobian to c columns when there are more equations than c) are
    generic with probability close to 1; the seed is in the result.

    References
    ----------
    Draisma, Horobeț, Ottaviani, Sturmfels, Thomas, The Euclidean distance degree
    of an algebraic variety, Found. Comput. Math. 16 (2016).
    """
    variables = symbols_of(variables)
    n = len(variables)
    equations = list(equations)
    if not equations:
        raise ValueError("equations is empty; X = C^n has ED degree 1 (its only critical point is u)")
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
    _, base = rational_polynomials(equations, variables)
    if codimension is None:
        codimension = (
            1
            if len(equations) == 1
            else n - _dimension_degree(as_dicts(base), base[0].context(), n, name, chosen[:1], rng)[0]
        )
    c = codimension
    if not 1 <= c <= n:
        raise ValueError(
            f"codimension {c} is out of range for a variety in C^{n} defined by {len(equations)} "
            "equation(s); X must be non-empty and proper"
        )
    if rank_Q < n:
        return _critical_set(equations, variables, c, Q, u, rank_Q, seed, name, chosen, rng)
    if formulation == "auto":
        formulation = "lagrange" if len(equations) == 1 else "minors"
    if formulation not in ("minors", "lagrange"):
        raise ValueError(f"formulation must be 'auto', 'minors' or 'lagrange', not {formulation!r}")
    if formulation == "lagrange" and len(equations) != c:
        raise ValueError(f"the Lagrange formulation needs exactly c = {c} equations; got {len(equations)}")
    hypersurface_lagrange = formulation == "lagrange" and c == 1
    if formulation == "lagrange":
        extra = tuple(f"lambda{j}" for j in range(c)) + (() if hypersurface_lagrange else ("t",))
    else:
        extra = ("t",)
    ctx, polys = rational_polynomials(equations, variables, extra)
    eqs, h, _ = _critical_system(polys, ctx, n, c, Q, u, rng, formulation)
    notes = []
    if hypersurface_lagrange:
        value_at_u = polys[0](*[to_fmpq(v) for v in u], 0)
        if value_at_u == 0:
            raise ValueError("u lies on the hypersurface; choose another u (or u=None)")
        notes.append(
            "no saturation needed: at a singular point Q(x-u) = 0 forces x = u, and f(u) != 0 was checked"
        )
    else:
        t = ctx.gens()[-1]
        eqs.append(1 - t * h)
    system = as_dicts(eqs)
    counts = _counts(system, ctx.nvars(), name, chosen)
    for r in counts:
        if r.status == "positive-dimensional":
            raise ValueError(
                "the critical set is positive-dimensional: u is not generic for this X and Q "
                "(e.g. the centre of a circle), or the equations do not define a variety of "
                f"codimension {c}; try u=None or another seed"
            )
    values = {r.multiplicity_count for r in counts}
    if len(values) != 1:
        raise RuntimeError(f"the counts modulo {chosen} disagree ({values}): an unlucky prime; use primes=3")
    simple = all(r.multiplicity_count == r.distinct_count for r in counts)
    if not simple:
        raise ValueError(
            "some critical points are not simple: u (or Q) is not generic; try another seed or u"
        )
    notes.append(f"counts modulo {len(chosen)} prime(s) {list(chosen)} agree; every critical point is simple")
    notes.append(
        "probabilistic: random u/Q/combinations are generic and the primes are lucky with high probability"
    )
    per_prime = tuple((r.prime, r.multiplicity_count, r.distinct_count) for r in counts)
    return EDDegree(
        counts[0].multiplicity_count, c, Q, u, seed, name, chosen, formulation, "; ".join(notes), per_prime
    )


def _critical_set(equations, variables, c, Q, u, rank_Q, seed, name, chosen, rng) -> CriticalSet:
    n = len(variables)
    ctx, polys = rational_polynomials(equations, variables, ("t",))
    eqs, h, residual = _critical_system(polys, ctx, n, c, Q, u, rng, "minors")
    t = ctx.gens()[-1]
    ell = sum((rng.choice([v for v in range(-20, 21) if v]) * r for r in residual), ctx.from_dict({}))
    zero_loss = list(polys) + [r for r in residual if r != 0] + [1 - t * h]
    rest = eqs + [1 - t * h * ell]
    parts = []
    for label, system in (("zero-loss", zero_loss), ("rest", rest)):
        dim, deg = _dimension_degree(as_dicts(system), ctx, n, name, chosen, rng)
        parts.append(CriticalPart(label, dim, deg))
    note = (
        f"dimension and degree by slicing with random hyperplanes; counts modulo {list(chosen)} agree; "
        "probabilistic (random slices and combinations); degree counts multiplicity"
    )
    return CriticalSet(tuple(parts), n - rank_Q, c, Q, u, seed, name, chosen, note)

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

Preconditions.  The count is only right for generators of a radical ideal: for
non-reduced equations such as (x² + y² − 1)² the Jacobian vanishes on all of X
and no point would survive the saturation.  One equation is replaced by its
squarefree part (the radical of a principal ideal).  For several equations,
reducedness is tested where it matters, at generic points of X: the slice of
X by n − c random affine hyperplanes must consist of simple points (multiplicity
count = number of distinct points); otherwise the input is refused.  Edge cases
have their exact answers: no equations (X = C^n) give 1, the critical point u;
an empty X (a non-zero constant equation, or the unit ideal) gives 0.

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

import hashlib
import json
import random
from dataclasses import dataclass, field
from fractions import Fraction

import flint
import sympy as sp

from .._exact import exact_matrix, exact_vector, fraction_str, to_fmpq
from ..errors import Inconclusive
from .engines import PRIMES, _resolve, count_solutions, rational_parametrization
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
        c; 0 when X = C^n, n + 1 when X is empty.
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
    certified_lower_bound : int or None
        With ``certify=True``: the number of critical points proved by Krawczyk boxes, a proof that
        the ED degree is at least this (None without certification).
    certification : CertifiedCriticalPoints or None
        The boxes (see :func:`exactgeom.algebra.certify_critical_points`); its ``certificate()`` is
        an ``ed-degree-lower-bound`` certificate.
    equations : tuple of sympy expressions
        The equations of X actually used: the input without zero polynomials, a single equation
        replaced by its squarefree part (these go into the certificate's claim).
    variables : tuple of sympy Symbols

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
    equations: tuple = ()
    variables: tuple = ()
    _input: tuple = field(default=(), repr=False, compare=False)
    certified_lower_bound: int | None = None
    certification: object = field(default=None, repr=False, compare=False)

    def __int__(self) -> int:
        return self.value

    def certificate(self, equations=None, variables=None, *, primes: int = 2) -> dict:
        """An ``ed-degree`` certificate: the theorem in the claim, modular critical points as evidence.

        The claim holds the equations of X actually used (after the radical step of
        :func:`ed_degree`), Q, u, the codimension and the value; the evidence, for each of
        ``primes`` primes derived from the claim (see
        :func:`exactgeom.certificates.check_algebra.certificate_primes`), is a rational
        univariate representation of the critical points modulo p — w(T) squarefree of degree
        the value, x_i = g_i(T), and the Lagrange multipliers mu_k(T) with
        Q(x − u) = Σ mu_k ∇f_k — computed from an F4 Gröbner basis of the Lagrange system with
        a seeded random linear form.  The verifier checks it in F_p[T]/(w) and answers
        "consistent": at least that many distinct smooth critical points modulo each prime
        (see :mod:`exactgeom.certificates.check_algebra`).  X = C^n and a visibly empty X are
        proved outright; an empty X without a constant equation is proved by cofactors a_k with
        Σ a_k f_k = 1 when linear algebra over Q finds small ones.

        Parameters
        ----------
        equations, variables : optional
            Accepted for compatibility; when given they must be the input of :func:`ed_degree`.
        primes : int
            Number of primes of evidence (1 to 8).

        Raises
        ------
        Inconclusive
            If the count modulo a certificate prime differs from the value (an unlucky prime).

        Examples
        --------
        >>> import sympy as sp
        >>> from exactgeom.certificates import verify
        >>> x, y = sp.symbols("x y")
        >>> r = ed_degree([x**2 + y**2 - 1], [x, y], Q=[[4, 0], [0, 1]], engine="f4")
        >>> cert = r.certificate()
        >>> evidence = cert["data"]["parametrizations"]
        >>> cert["claim"]["ed_degree"], [len(e["eliminating_polynomial"]) - 1 for e in evidence]
        (4, [4, 4])
        >>> verify(cert).status
        'consistent'
        >>> verify(ed_degree([], [x, y], Q=[[1, 0], [0, 1]]).certificate()).status
        'proved'
        """
        from ..certificates import envelope

        if equations is not None or variables is not None:
            given_vars = symbols_of(variables if variables is not None else self.variables)
            _, given = rational_polynomials(list(equations or ()), given_vars)
            same = tuple(_frozen(d) for d in as_dicts(given)) == self._input
            if given_vars != tuple(self.variables) or not same:
                raise ValueError("certificate(): these are not the equations and variables of this result")
        if not 1 <= primes <= 8:
            raise ValueError("primes must be between 1 and 8")
        variables = tuple(self.variables)
        n = len(variables)
        _, polys = rational_polynomials(list(self.equations), variables)
        dicts = as_dicts(polys)
        claim = {
            "variables": [str(v) for v in variables],
            "equations": [[[list(m), fraction_str(c)] for m, c in d.items()] for d in dicts],
            "Q": [[fraction_str(v) for v in row] for row in self.Q],
            "u": [fraction_str(v) for v in self.u],
            "codimension": self.codimension,
            "ed_degree": self.value,
        }
        meta = {"producer": "exactgeom.algebra.ed_degree", "engine": self.engine, "seed": self.seed,
                "formulation": self.formulation, "verification": self.verification,
                "counts": [{"prime": p, "multiplicity": m, "distinct": d} for p, m, d in self.counts]}
        evidence, data = [], {}
        if dicts and self.codimension == n + 1 and any(sum(m) for d in dicts for m in d):
            cofactors = _nullstellensatz(dicts, n)
            if cofactors is not None:
                data["cofactors"] = [[[list(m), fraction_str(c)] for m, c in a.items()] for a in cofactors]
        if dicts and 1 <= self.codimension <= n:
            rng = random.Random(f"ed-degree certificate {self.seed}")
            system, nvars, combination = _lagrange_system(list(self.equations), variables, self.codimension,
                                                          self.Q, self.u, rng)
            for p in _certificate_primes(claim, primes):
                rur = rational_parametrization(system, nvars, prime=p, rng=rng, project=n)
                degree = len(rur.eliminating) - 1
                if degree != self.value:
                    raise Inconclusive(f"modulo the certificate prime {p} the critical system has {degree} "
                                       f"points, not {self.value}: an unlucky prime or u; try another seed")
                lam = rur.coordinates[n:n + self.codimension]
                multipliers = [[sum(R_kj * l[r] for R_kj, l in zip(row, lam)) % p for r in range(degree)]
                               for row in combination]
                evidence.append({"prime": p, "linear_form": list(rur.linear_form),
                                 "eliminating_polynomial": list(rur.eliminating),
                                 "coordinates": [list(g) for g in rur.coordinates[:n]],
                                 "multipliers": multipliers})
            meta["certificate_seed"] = f"ed-degree certificate {self.seed}"
        return envelope("ed-degree", claim, {"parametrizations": evidence, **data}, meta)


def _nullstellensatz(polys: list[dict], n: int, max_unknowns: int = 3000) -> list[dict] | None:
    """Cofactors a_k over Q with Σ a_k f_k = 1, of the lowest degree d ≤ what ``max_unknowns`` allows.

    Solves the linear system on the coefficients of a_k (all monomials of degree ≤ d) degree by
    degree; None if no solution is found within the size limit (the certificate is then
    "consistent" instead of proved).
    """
    import itertools

    def monomials(d):
        combos = (c for k in range(d + 1) for c in itertools.combinations_with_replacement(range(n), k))
        return [tuple(c.count(i) for i in range(n)) for c in combos]

    for d in itertools.count():
        basis = monomials(d)
        unknowns = [(k, m) for k in range(len(polys)) for m in basis]
        if len(unknowns) > max_unknowns:
            return None
        rows: dict = {}
        for col, (k, m) in enumerate(unknowns):
            for e, c in polys[k].items():
                key = tuple(a + b for a, b in zip(m, e))
                rows.setdefault(key, {})[col] = c
        keys = sorted(rows | {(0,) * n: {}})
        ncols = len(unknowns) + 1
        entries = []
        for key in keys:
            row = [flint.fmpq(0)] * ncols
            for col, c in rows.get(key, {}).items():
                row[col] = to_fmpq(c)
            row[-1] = flint.fmpq(int(key == (0,) * n))
            entries += row
        R, rank = flint.fmpq_mat(len(keys), ncols, entries).rref()
        pivots = [next(j for j in range(ncols) if R[i, j] != 0) for i in range(rank)]
        if ncols - 1 in pivots:
            continue
        out = [{} for _ in polys]
        for i, j in enumerate(pivots):
            value = Fraction(int(R[i, ncols - 1].p), int(R[i, ncols - 1].q))
            if value:
                k, m = unknowns[j]
                out[k][m] = value
        return out


def _frozen(d: dict) -> tuple:
    return tuple(sorted(d.items()))


def _certificate_primes(claim: dict, count: int) -> list[int]:
    """The primes the verifier derives from the claim (SHA-256 of its canonical JSON, as the checker does)."""
    text = json.dumps(json.loads(json.dumps(claim)), sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    out: list[int] = []
    for k in range(count):
        digest = hashlib.sha256(f"exactgeom ed-degree prime {k}\n{text}".encode()).digest()
        candidate = 2**60 + (int.from_bytes(digest[:8], "big") >> 4)
        while candidate in out or not flint.fmpz(candidate).is_prime():
            candidate += 1
        out.append(candidate)
    return out


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
    certify: bool = False,
):
    """ED degree of the variety X = V(equations) for the quadratic form Q.

    Parameters
    ----------
    equations : sequence of sympy expressions
        Generators of a radical ideal of X (X of pure codimension c), rational coefficients.  A
        single equation is replaced by its squarefree part; several equations must be reduced at
        generic points of X (tested on a random slice, see the module docstring).  No equations
        (X = C^n) give 1; a non-zero constant, or no common zero, give 0.
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
    certify : bool
        Also compute the critical points numerically (a rational univariate representation over
        Q, see :func:`exactgeom.algebra.certify.numeric_critical_points`) and prove them with
        Krawczyk boxes: ``certified_lower_bound`` is then a proof that the ED degree is at least
        that number (definite Q, exactly c equations).  When it equals the value and the
        Bézout-type bound of Draisma et al. (Prop. 2.6), the value is proved.

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
        Q not symmetric or not positive semidefinite, wrong sizes, a
        positive-dimensional critical set for definite Q (u not generic), u on X,
        a codimension that does not match X, or several equations that do not
        generate a radical ideal (a random slice of X has a multiple point).

    Examples
    --------
    >>> import sympy as sp
    >>> a, b, c, d = sp.symbols("a b c d")
    >>> ed_degree([a*d - b*c], [a, b, c, d], Q=[[1 if i == j else 0 for j in range(4)] for i in range(4)],
    ...           engine="f4").value
    2
    >>> ed_degree([a*d - b*c], [a, b, c, d], engine="f4", seed=1).value
    6
    >>> ed_degree([(a*d - b*c)**2], [a, b, c, d], engine="f4", seed=1).value  # the radical is used
    6
    >>> ed_degree([a**2, b - c], [a, b, c, d], engine="f4")
    Traceback (most recent call last):
        ...
    ValueError: the equations do not generate a radical ideal: ...

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
    notes = []
    if not base or any(f.total_degree() == 0 for f in base):
        # X = C^n (no non-zero equation): u is the only critical point; X empty: none.
        empty = bool(base)
        c = n + 1 if empty else 0
        if codimension is not None and codimension != c:
            raise ValueError(f"codimension {codimension} is wrong: X is {'empty' if empty else 'C^n'}")
        kept = (sp.Integer(1),) if empty else ()
        if rank_Q < n:
            parts = (CriticalPart("zero-loss", -1 if empty else n - rank_Q, 0 if empty else 1),
                     CriticalPart("rest", -1, 0))
            return CriticalSet(parts, n - rank_Q, c, Q, u, seed, name, chosen,
                               "exact: X is " + ("empty" if empty else "C^n, critical set u + ker Q"))
        note = ("exact: an equation is a non-zero constant, so X is empty" if empty
                else "exact: X = C^n, whose only critical point is u")
        return EDDegree(0 if empty else 1, c, Q, u, seed, name, (), "none", note, (), kept, variables, source)
    if len(base) == 1:
        _, factors = base[0].factor_squarefree()
        radical = ctx0.from_dict({(0,) * n: 1})
        for g, _ in factors:
            radical *= g
        if any(e > 1 for _, e in factors):
            notes.append("the equation was replaced by its squarefree part (the radical of the ideal)")
        base = [radical]
    used = tuple(_expression(f, variables) for f in base)
    dicts = as_dicts(base)
    if codimension is None:
        if len(base) == 1:
            codimension = 1
        else:
            dim, _, slice_counts = _dimension_degree(dicts, ctx0, n, name, chosen[:1], rng)
            if dim == -1:
                note = (f"the equations have no common zero modulo {chosen[0]}, so X is empty "
                        "(probabilistic: an unlucky prime could hide points)")
                if rank_Q < n:
                    parts = (CriticalPart("zero-loss", -1, 0), CriticalPart("rest", -1, 0))
                    return CriticalSet(parts, n - rank_Q, n + 1, Q, u, seed, name, chosen[:1], note)
                return EDDegree(0, n + 1, Q, u, seed, name, chosen[:1], "none", note, (), used, variables,
                                source)
            codimension = n - dim
            _require_reduced(slice_counts, codimension)
    elif len(base) > 1 and 1 <= codimension <= n:
        _require_reduced(_counts(dicts + as_dicts(random_affine_forms(ctx0, n - codimension, n, rng)),
                                 n, name, chosen[:1]), codimension)
    c = codimension
    if not 1 <= c <= min(n, len(base)):
        raise ValueError(
            f"codimension {c} is out of range for a variety in C^{n} defined by {len(base)} "
            "non-zero equation(s); X must be non-empty and proper"
        )
    if rank_Q < n:
        return _critical_set(list(used), variables, c, Q, u, rank_Q, seed, name, chosen, rng)
    if all(_evaluate(d, u) == 0 for d in dicts):
        raise ValueError("u lies on X, so u itself is a critical point: u is not generic; choose another u "
                         "(or u=None)")
    if len(base) > 1:
        notes.append(f"reducedness tested on a slice of X by {n - c} random hyperplanes (simple points)")
    if formulation == "auto":
        formulation = "lagrange" if len(base) == 1 else "minors"
    if formulation not in ("minors", "lagrange"):
        raise ValueError(f"formulation must be 'auto', 'minors' or 'lagrange', not {formulation!r}")
    if formulation == "lagrange" and len(base) != c:
        raise ValueError(f"the Lagrange formulation needs exactly c = {c} equations; got {len(base)}")
    hypersurface_lagrange = formulation == "lagrange" and c == 1
    if formulation == "lagrange":
        extra = tuple(f"lambda{j}" for j in range(c)) + (() if hypersurface_lagrange else ("t",))
    else:
        extra = ("t",)
    ctx, polys = rational_polynomials(list(used), variables, extra)
    eqs, h, _, _ = _critical_system(polys, ctx, n, c, Q, u, rng, formulation)
    if hypersurface_lagrange:
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
    value = counts[0].multiplicity_count
    certification = None
    if certify:
        from .certify import bezout_bound, certify_critical_points, numeric_critical_points

        if len(base) != c:
            raise ValueError(f"certify=True needs exactly c = {c} equations (a square Lagrange system); "
                             f"got {len(base)}")
        points = numeric_critical_points(list(used), variables, Q, u, system=(system, ctx.nvars()),
                                         engine=name)
        certification = certify_critical_points(list(used), variables, points, Q=Q, u=u)
        bound = bezout_bound([f.total_degree() for f in base], n, c)
        lower = certification.certified
        notes.append(f"proved: the ED degree is at least {lower} ({lower} disjoint Krawczyk boxes, each "
                     "holding one smooth critical point)")
        if lower == value == bound:
            notes.append(f"proved: the ED degree is exactly {lower} (the Bezout-type bound of Draisma "
                         "et al., Prop. 2.6, is attained)")
    return EDDegree(
        value, c, Q, u, seed, name, chosen, formulation, "; ".join(notes), per_prime,
        used, variables, source,
        certified_lower_bound=None if certification is None else certification.certified,
        certification=certification,
    )


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


def _critical_set(equations, variables, c, Q, u, rank_Q, seed, name, chosen, rng) -> CriticalSet:
    n = len(variables)
    ctx, polys = rational_polynomials(equations, variables, ("t",))
    eqs, h, residual, _ = _critical_system(polys, ctx, n, c, Q, u, rng, "minors")
    t = ctx.gens()[-1]
    ell = sum((rng.choice([v for v in range(-20, 21) if v]) * r for r in residual), ctx.from_dict({}))
    zero_loss = list(polys) + [r for r in residual if r != 0] + [1 - t * h]
    rest = eqs + [1 - t * h * ell]
    parts = []
    for label, system in (("zero-loss", zero_loss), ("rest", rest)):
        dim, deg, _ = _dimension_degree(as_dicts(system), ctx, n, name, chosen, rng)
        parts.append(CriticalPart(label, dim, deg))
    note = (
        f"dimension and degree by slicing with random hyperplanes; counts modulo {list(chosen)} agree; "
        "probabilistic (random slices and combinations); degree counts multiplicity"
    )
    return CriticalSet(tuple(parts), n - rank_Q, c, Q, u, seed, name, chosen, note)

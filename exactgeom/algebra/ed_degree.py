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

import random
import warnings
from dataclasses import dataclass, field
from fractions import Fraction

import flint

from .._exact import fraction_str, to_fmpq
from ..certificates.check_algebra import certificate_primes as _certificate_primes
from ..errors import Inconclusive
from ._critical import (_counts, _critical_system, _evaluate, _frozen, _lagrange_system, _prepare,
                        _trivial_note, variety_dimension)
from .critical_set import CriticalPart, CriticalSet, critical_set
from .engines import rational_parametrization
from .systems import as_dicts, rational_polynomials, symbols_of

__all__ = ["ed_degree", "EDDegree", "critical_set", "CriticalSet", "CriticalPart", "variety_dimension"]


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
    method : str
        The engine, the formulation, what was checked, and what remains probabilistic.
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
    proved : bool
        The value is a theorem: X = C^n, X visibly empty, or (``certify=True``) the certified lower
        bound equals the value and the Bézout-type upper bound.
    upper_bound : int or None
        The proved upper bound: the Bézout-type bound of Draisma et al. (Prop. 2.6) with
        ``certify=True``, the value itself in the exact edge cases, else None.
    lower_bound : int or None
        ``certified_lower_bound`` (the value itself in the exact edge cases).

    Examples
    --------
    The unit circle and a point u off it: the nearest and the farthest point.

    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> r = ed_degree([x**2 + y**2 - 1], [x, y], Q=[[1, 0], [0, 1]], u=[3, 4], engine="f4")
    >>> r.value, r.codimension, r.formulation, r.proved, r.lower_bound
    (2, 1, 'lagrange', False, None)
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
    method: str
    counts: tuple = ()
    equations: tuple = ()
    variables: tuple = ()
    _input: tuple = field(default=(), repr=False, compare=False)
    certified_lower_bound: int | None = None
    certification: object = field(default=None, repr=False, compare=False)
    proved: bool = False
    upper_bound: int | None = None

    def __int__(self) -> int:
        return self.value

    @property
    def lower_bound(self) -> int | None:
        """The proved lower bound: ``certified_lower_bound``, or the value when it is proved."""
        if self.certified_lower_bound is not None:
            return self.certified_lower_bound
        return self.value if self.proved else None

    @property
    def verification(self) -> str:
        """Deprecated spelling of :attr:`method`."""
        warnings.warn("EDDegree.verification is deprecated: use method", DeprecationWarning, stacklevel=2)
        return self.method

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
                "formulation": self.formulation, "method": self.method,
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
) -> EDDegree:
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
        Positive definite (for a singular positive semidefinite Q the critical set need not be
        finite: see :func:`exactgeom.algebra.critical_set`).  ``None``: a seeded random positive
        definite form BᵀB + I.
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

    Raises
    ------
    ValueError
        Q not symmetric, not positive semidefinite, or singular (use :func:`critical_set`), wrong sizes, a
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
    data = _prepare(equations, variables, Q, u, seed=seed, engine=engine, codimension=codimension,
                    primes=primes)
    variables, Q, u, rng, name, chosen = data.variables, data.Q, data.u, data.rng, data.engine, data.primes
    n = len(variables)
    if data.rank_Q < n:
        raise ValueError(f"Q is singular (rank {data.rank_Q} < {n}): the critical set need not be finite; "
                         "use critical_set(), which describes it part by part")
    if data.trivial is not None:
        proved = data.trivial != "empty mod p"
        value = int(data.trivial == "C^n")
        note = _trivial_note(data.trivial, chosen[0] if chosen else None)
        return EDDegree(value, data.codimension, Q, u, seed, name, chosen, "none", note, (), data.used,
                        variables, data.source, proved=proved, upper_bound=value if proved else None)
    base, used, c, notes = data.base, data.used, data.codimension, data.notes
    dicts = as_dicts(base)
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
    certification, bound = None, None
    if certify:
        from .certify import bezout_bound, certify_critical_points, numeric_critical_points

        if len(base) != c:
            raise ValueError(f"certify=True needs exactly c = {c} equations (a square Lagrange system); "
                             f"got {len(base)}")
        points = numeric_critical_points(list(used), variables, Q, u, system=(system, ctx.nvars()),
                                         engine=name)
        certification = certify_critical_points(list(used), variables, points, Q=Q, u=u)
        bound = bezout_bound([f.total_degree() for f in base], n, c)
        lower = certification.value
        notes.append(f"proved: the ED degree is at least {lower} ({lower} disjoint Krawczyk boxes, each "
                     "holding one smooth critical point)")
        if lower == value == bound:
            notes.append(f"proved: the ED degree is exactly {lower} (the Bezout-type bound of Draisma "
                         "et al., Prop. 2.6, is attained)")
    lower = None if certification is None else certification.value
    method = f"engine {name}, {formulation} formulation; " + "; ".join(notes)
    return EDDegree(value, c, Q, u, seed, name, chosen, formulation, method, per_prime, used, variables,
                    data.source, certified_lower_bound=lower, certification=certification,
                    proved=lower == value == bound, upper_bound=bound)


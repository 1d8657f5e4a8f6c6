"""Freeness of central arrangements, decided where the answer is known, with the reason.

A central arrangement A in Q^d is *free* when its module of logarithmic derivations D(A) is a
free module over the polynomial ring; the degrees of a homogeneous basis are its *exponents*,
and Terao's factorization theorem gives χ_A(t) = Π (t − e_i).  Rank ≤ 2 (always free) and the
braid, coordinate and Shi-cone families of :mod:`exactgeom.library` are answered from the
literature; every other central arrangement is decided by :func:`saito_freeness`.

*The decision.*  Write S = Q[x_1, ..., x_ℓ], α_H for the form of H and Q = Π α_H (degree n).
:func:`logarithmic_derivations` computes D(A)_d = {θ = Σ f_i ∂_i : f_i ∈ S_d, θ(α_H) ∈ (α_H) for all
H} by exact integer linear algebra (θ(α_H) vanishes on H, read off after substituting a
parametrization of H).  In each degree d the new minimal generators are a complement of
Σ_k x_k D(A)_{d−1} in D(A)_d.  Suppose A is free with exponents d_1, ..., d_ℓ.  By Saito's
criterion Σ d_i = deg Q = n; the d − r derivations with constant coefficients killing every
α_H give d − r exponents 0 and the other r exponents are ≥ 1, so every d_i ≤ n − r + 1.  A
minimal homogeneous generating set of a graded free module is a basis (graded Nakayama: its
degrees are those of a basis of D(A)/m D(A)), so the minimal generators found in degrees
0, ..., n − r + 1 are exactly ℓ, of degrees summing to n, and their coefficient matrix has
determinant c·Q with c ≠ 0.  Conversely, if ℓ derivations of D(A) of degrees summing to n have
a non-zero determinant, Saito's criterion says they are a basis.  So the computed generators
decide: ℓ of them with degree sum n and det ≠ 0 prove freeness (the basis and the determinant
are the evidence); any other outcome (more than ℓ, fewer than ℓ, another degree sum, det = 0)
proves that A is not free.

References
----------
K. Saito, *Theory of logarithmic differential forms and logarithmic vector fields*,
J. Fac. Sci. Univ. Tokyo 27 (1980).
P. Orlik and H. Terao, *Arrangements of hyperplanes*, Springer 1992, Ch. 4.
C. A. Athanasiadis, *On free deformations of the braid arrangement*, European J. Combin. 19 (1998).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from math import comb

from .. import _exact
from ..errors import TooLarge

__all__ = ["Freeness", "freeness", "logarithmic_derivations", "saito_freeness"]

MAX_ENTRIES = 4_000_000
"""Default work budget of :func:`saito_freeness`: entries of the largest linear system."""


@dataclass(frozen=True)
class Freeness:
    """Whether a central arrangement is free, its exponents, and how that was decided.

    It has the result shape of :mod:`exactgeom.results`: ``value`` is ``free`` (a bool),
    ``proved`` is always True (a literature theorem, or Saito's criterion computed exactly, decides
    both ways), ``lower_bound`` and ``upper_bound`` are None (the value is no number), ``method``
    says which theorem or computation decided, and ``seed`` is None (nothing is random).

    ``exponents`` are the degrees of a homogeneous basis of the module of logarithmic
    derivations D(A), in increasing order, one per coordinate (so ``d − rank`` zeros for
    the directions along which the arrangement is constant); ``()`` when A is not free.
    Terao's factorization theorem then gives χ_A(t) = Π (t − e_i).

    When decided by :func:`saito_freeness`, ``derivations`` holds the minimal generators found
    (for a free A, the basis: each a tuple of coefficients f_1, ..., f_ℓ as sympy expressions in
    the variables of A), and ``determinant`` the determinant of their coefficient matrix, a
    non-zero constant times Π α_H when A is free.

    ``reason`` (now ``method``) stays readable for one release with a ``DeprecationWarning``.

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> F = braid(4).freeness()
    >>> F
    Freeness(free=True, exponents=(0, 1, 2, 3), method='braid arrangement A_3 in Q^4: free ...')
    >>> F.value, F.proved, F.lower_bound, F.upper_bound, F.seed
    (True, True, None, None, None)
    """

    free: bool
    exponents: tuple[int, ...]
    method: str
    derivations: tuple = field(default=(), compare=False, repr=False)
    determinant: object = field(default=None, compare=False, repr=False)

    proved = True
    lower_bound = None
    upper_bound = None
    seed = None

    @property
    def value(self) -> bool:
        """``free``: whether the arrangement is free."""
        return self.free

    @property
    def reason(self) -> str:
        """Deprecated: use ``method``."""
        warnings.warn("Freeness.reason is deprecated; use method", DeprecationWarning, stacklevel=2)
        return self.method

    def certificate(self) -> dict:
        """No certificate kind states freeness.

        Raises
        ------
        NotImplementedError
            Always; the nearest kind is ``characteristic-polynomial``
            (:func:`exactgeom.arrangements.certify.characteristic_polynomial_certificate`): by
            Terao's factorization the exponents of a free arrangement are the roots of χ_A, which
            that certificate proves.
        """
        raise NotImplementedError("there is no certificate kind for freeness; the nearest is "
                                  "'characteristic-polynomial' (characteristic_polynomial_certificate(A): "
                                  "the exponents of a free A are the roots of the proved χ_A)")

    def __repr__(self) -> str:
        method = self.method if len(self.method) <= 40 else self.method[:37].rstrip() + " ..."
        return f"Freeness(free={self.free}, exponents={self.exponents}, method={method!r})"


def _keys(arrangement) -> frozenset:
    return frozenset(_exact.primitive_integer_vector((*a, c)) for a, c in arrangement.hyperplanes())


def _known_family(arrangement):
    from . import library

    d = arrangement.dimension
    keys = _keys(arrangement)
    if len(arrangement) == d * (d - 1) // 2 and d >= 2 and keys == _keys(library.braid(d)):
        return (tuple(range(d)),
                f"braid arrangement A_{d - 1} in Q^{d}: free with exponents 0, 1, ..., {d - 1} "
                "(supersolvable, hence free by Jambu–Terao; Stanley, Lecture 4)")
    if len(arrangement) == d and keys == _keys(library.coordinate(d)):
        return ((1,) * d, f"coordinate arrangement in Q^{d}: D(A) has the basis x_i ∂/∂x_i, exponents all 1")
    n = d - 1
    if n >= 2 and len(arrangement) == n * (n - 1) + 1 and keys == _keys(library.shi(n).cone()):
        return ((0, 1) + (n,) * (n - 1),
                f"cone of the Shi arrangement of Q^{n}: free with exponents 0, 1 and {n} (n−1 times) "
                "(Athanasiadis 1998; Yoshinaga 2004)")
    return None


def freeness(arrangement, *, method: str = "auto", max_entries: int | None = MAX_ENTRIES) -> Freeness:
    """Decide whether a central arrangement is free, with its exponents and how it was decided.

    Parameters
    ----------
    arrangement : Arrangement
        A central arrangement (freeness is a property of central arrangements; for an
        affine A ask about ``A.cone()``).
    method : {"auto", "saito"}, optional
        ``"auto"`` answers rank ≤ 2 and the braid, coordinate and Shi-cone families of
        :mod:`exactgeom.library` from the literature and decides the rest by
        :func:`saito_freeness`; ``"saito"`` always computes.
    max_entries : int or None, optional
        The work budget of :func:`saito_freeness`.

    Returns
    -------
    Freeness

    Raises
    ------
    ValueError
        For a non-central arrangement.
    TooLarge
        When the derivation computation exceeds ``max_entries``.

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> from exactgeom.library import shi
    >>> freeness(Arrangement([[1, 0, 0], [0, 1, 0], [1, 1, 0]])).exponents
    (0, 1, 2)
    >>> freeness(shi(3).cone()).exponents
    (0, 1, 3, 3)
    >>> freeness(Arrangement([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]])).free
    False
    """
    if not arrangement.is_central():
        raise ValueError("freeness is defined for central arrangements; ask about A.cone() for an affine A")
    if method not in ("auto", "saito"):
        raise ValueError(f"method is 'auto' or 'saito', not {method!r}")
    if method == "saito":
        return saito_freeness(arrangement, max_entries=max_entries)
    d, r, n = arrangement.dimension, arrangement.rank, len(arrangement)
    if r <= 2:
        exponents = (0,) * (d - r) + {0: (), 1: (1,), 2: (1, n - 1)}[r]
        return Freeness(True, tuple(sorted(exponents)),
                        f"rank {r} <= 2: every central arrangement of rank at most 2 is free "
                        f"(the Euler derivation and one of degree n - 1 = {n - 1}; Orlik–Terao, Ch. 4)")
    known = _known_family(arrangement)
    if known is not None:
        return Freeness(True, tuple(sorted(known[0])), known[1])
    return saito_freeness(arrangement, max_entries=max_entries)


# -- logarithmic derivations by linear algebra -----------------------------------------------------
def _monomials(ell: int, degree: int) -> list[tuple[int, ...]]:
    if ell == 0:
        return [()] if degree == 0 else []
    if ell == 1:
        return [(degree,)]
    return [(e, *rest) for e in range(degree, -1, -1) for rest in _monomials(ell - 1, degree - e)]


def _integer_forms(arrangement) -> list[tuple[int, ...]]:
    return [_exact.primitive_integer_vector(a, sign_normalize=False) for a, _ in arrangement.hyperplanes()]


def _restriction_map(a: tuple[int, ...], degree: int, monomials) -> dict:
    """Each x-monomial of ``degree`` mapped to its image (y-monomial -> int) on the hyperplane a·x = 0."""
    ell = len(a)
    j = next(i for i, v in enumerate(a) if v)
    # x_j = -Σ_{i≠j} a_i y_i and x_i = a_j y_i (i ≠ j), with y indexed by the coordinates other than j
    others = [i for i in range(ell) if i != j]
    linear = []
    for i in range(ell):
        if i == j:
            linear.append({tuple(1 if k == m else 0 for k in range(ell - 1)): -a[i2]
                           for m, i2 in enumerate(others) if a[i2]})
        else:
            m = others.index(i)
            linear.append({tuple(1 if k == m else 0 for k in range(ell - 1)): a[j]})
    cache: dict = {(0,) * ell: {(0,) * (ell - 1): 1}}

    def image(mono):
        if mono in cache:
            return cache[mono]
        k = next(i for i, e in enumerate(mono) if e)
        lower = image(mono[:k] + (mono[k] - 1,) + mono[k + 1:])
        out: dict = {}
        for u, c in lower.items():
            for v, c2 in linear[k].items():
                w = tuple(p + q for p, q in zip(u, v))
                out[w] = out.get(w, 0) + c * c2
        result = {w: c for w, c in out.items() if c}
        cache[mono] = result
        return result

    return {mono: image(mono) for mono in monomials}


def _system_size(ell: int, n: int, degree: int) -> int:
    return n * comb(degree + ell - 2, max(ell - 2, 0)) * ell * comb(degree + ell - 1, ell - 1)


def _derivation_space(forms, ell: int, degree: int) -> list[list[int]]:
    """An integer basis of D(A)_degree, each vector indexed by (i, monomial) as in ``_monomials``."""
    import flint

    monomials = _monomials(ell, degree)
    N = len(monomials)
    rows: list[list[int]] = []
    for a in forms:
        images = _restriction_map(a, degree, monomials)
        targets = sorted({w for im in images.values() for w in im})
        where = {w: t for t, w in enumerate(targets)}
        block = [[0] * (ell * N) for _ in targets]
        for col, mono in enumerate(monomials):
            for w, c in images[mono].items():
                for i in range(ell):
                    if a[i]:
                        block[where[w]][i * N + col] += a[i] * c
        rows.extend(block)
    if not rows:
        return [[int(i == k) for i in range(ell * N)] for k in range(ell * N)]
    X, nullity = flint.fmpz_mat(rows).nullspace()
    return [[int(X[r, c]) for r in range(ell * N)] for c in range(nullity)]


def logarithmic_derivations(arrangement, degree: int) -> tuple[tuple, ...]:
    """A basis of D(A)_d, the logarithmic derivations of a central arrangement with coefficients of degree d.

    θ = Σ f_i ∂/∂x_i belongs to D(A) when θ(α_H) = Σ_i (a_H)_i f_i is divisible by α_H for every H.

    Parameters
    ----------
    arrangement : Arrangement
        A central arrangement.
    degree : int
        The degree d ≥ 0 of the coefficients.

    Returns
    -------
    tuple of tuples of sympy expressions
        Each derivation as its coefficients (f_1, ..., f_ℓ) in the variables of A.

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> logarithmic_derivations(braid(3), 0)            # the constant derivation along (1, 1, 1)
    ((-1, -1, -1),)
    >>> len(logarithmic_derivations(braid(3), 1))       # dimension of D(A)_1
    4
    """
    if not arrangement.is_central():
        raise ValueError("logarithmic derivations are defined here for central arrangements")
    if degree < 0:
        raise ValueError(f"degree must be >= 0, not {degree}")
    ell = arrangement.dimension
    basis = _derivation_space(_integer_forms(arrangement), ell, degree)
    return tuple(_as_derivation(v, ell, _monomials(ell, degree), _symbols(arrangement)) for v in basis)


def _symbols(arrangement):
    import sympy

    names = arrangement.variables or tuple(f"x{i + 1}" for i in range(arrangement.dimension))
    return tuple(sympy.Symbol(name) for name in names)


def _as_derivation(vector, ell, monomials, xs) -> tuple:
    import sympy

    N = len(monomials)
    return tuple(sympy.Add(*[c * sympy.Mul(*[x ** e for x, e in zip(xs, mono)])
                             for c, mono in zip(vector[i * N:(i + 1) * N], monomials) if c])
                 for i in range(ell))


def _new_generators(lower: list[list[int]], ell: int, degree: int, space: list[list[int]]) -> list[list[int]]:
    """Vectors of ``space`` (a basis of D(A)_degree) that complete Σ_k x_k·D(A)_{degree−1} to D(A)_degree."""
    import flint

    if not space:
        return []
    monomials = _monomials(ell, degree)
    where = {m: t for t, m in enumerate(monomials)}
    N, N_low = len(monomials), len(_monomials(ell, degree - 1)) if degree else 0
    low_monomials = _monomials(ell, degree - 1) if degree else []
    columns = []
    for v in lower:
        for k in range(ell):
            w = [0] * (ell * N)
            for i in range(ell):
                for col, mono in enumerate(low_monomials):
                    c = v[i * N_low + col]
                    if c:
                        w[i * N + where[mono[:k] + (mono[k] + 1,) + mono[k + 1:]]] = c
            columns.append(w)
    start = len(columns)
    columns.extend(space)
    R, _, rank = flint.fmpz_mat([list(row) for row in zip(*columns)]).rref()
    pivots = []
    for r in range(rank):
        pivots.append(next(c for c in range(R.ncols()) if R[r, c] != 0))
    return [columns[c] for c in pivots if c >= start]


def saito_freeness(arrangement, *, max_entries: int | None = MAX_ENTRIES) -> Freeness:
    """Decide freeness of a central arrangement from the minimal generators of D(A) (Saito's criterion).

    See the module docstring for the argument.  The minimal generators of D(A) are computed degree
    by degree up to n − r + 1 (n hyperplanes, rank r), stopping as soon as the answer is decided.

    Parameters
    ----------
    arrangement : Arrangement
        A central arrangement.
    max_entries : int or None, optional
        Refuse up front when the linear system of the top degree n − r + 1 has more entries
        (equations × unknowns); None for no limit.

    Returns
    -------
    Freeness
        With ``derivations`` (the minimal generators found) and, when there are ℓ of them, their
        ``determinant``.

    Raises
    ------
    TooLarge
        Beyond ``max_entries``.

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> from exactgeom.library import braid
    >>> F = saito_freeness(braid(4))
    >>> F.exponents, F.determinant.factor()
    ((0, 1, 2, 3), (x1 - x2)*(x1 - x3)*(x1 - x4)*(x2 - x3)*(x2 - x4)*(x3 - x4))
    >>> saito_freeness(Arrangement([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]]))
    Freeness(free=False, exponents=(), method='minimal generators of D(A) in degrees ...')
    """
    import sympy

    if not arrangement.is_central():
        raise ValueError("freeness is defined for central arrangements; ask about A.cone() for an affine A")
    ell, r, n = arrangement.dimension, arrangement.rank, len(arrangement)
    top = n - r + 1 if r else 0
    if max_entries is not None and _system_size(ell, n, top) > max_entries:
        size = _system_size(ell, n, top)
        raise TooLarge(f"the logarithmic derivations of degree {top} need a system of {size} entries, more "
                       f"than max_entries={max_entries}", estimate=size, limit=max_entries, unit="entries")
    forms, xs = _integer_forms(arrangement), _symbols(arrangement)
    generators: list[tuple[int, tuple]] = []
    lower: list[list[int]] = []
    verdict = None
    for degree in range(top + 1):
        space = _derivation_space(forms, ell, degree)
        new = _new_generators(lower, ell, degree, space)
        monomials = _monomials(ell, degree)
        generators.extend((degree, _as_derivation(v, ell, monomials, xs)) for v in new)
        lower = space
        total = sum(e for e, _ in generators)
        if len(generators) > ell or (len(generators) == ell and total >= n):
            verdict = len(generators) == ell and total == n
            break
    degrees = tuple(e for e, _ in generators)
    derivations = tuple(theta for _, theta in generators)
    determinant = None
    if len(generators) == ell:
        matrix = sympy.Matrix([list(theta) for theta in derivations])
        determinant = sympy.expand(matrix.det(method="berkowitz"))
    counted = (f"minimal generators of D(A) in degrees 0..{degree}: {len(degrees)} of degrees "
               f"{list(degrees)}")
    if verdict and determinant != 0:
        Q = sympy.Mul(*[sum(c * x for c, x in zip(a, xs)) for a in forms])
        c, remainder = sympy.div(determinant, sympy.expand(Q), *xs)
        if remainder != 0 or not c.is_number:  # pragma: no cover - impossible by Saito's lemma
            raise AssertionError("the Saito determinant is not a constant multiple of Q")
        return Freeness(True, tuple(sorted(degrees)),
                        f"Saito's criterion: {counted}, summing to n = {n}, with determinant {c}·Q",
                        derivations, determinant)
    why = (f"more than ℓ = {ell}" if len(degrees) > ell else
           f"fewer than ℓ = {ell}" if len(degrees) < ell else
           f"degree sum {sum(degrees)} ≠ n = {n}" if sum(degrees) != n else "determinant 0")
    return Freeness(False, (), f"{counted} ({why}); a free D(A) has exactly ℓ minimal generators, of "
                    "degrees summing to n and with non-zero Saito determinant", derivations, determinant)

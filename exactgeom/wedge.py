"""Exterior algebra of Q^d: k-vectors, wedge products, the Hodge star and volumes.

A *k-vector* in Λ^k Q^d is stored by its coefficients in the lexicographic
basis ``e_I = e_{i_1} ∧ … ∧ e_{i_k}`` (``i_1 < … < i_k``, indices from 0 in
code, from 1 in the text).  The wedge of k vectors v_1, …, v_k has as
coefficient of e_I the k×k minor of the matrix with rows v_1, …, v_k on the
columns I.

Conventions
-----------
*Inner product.*  ⟨e_I, e_J⟩ = δ_IJ, so for blades
⟨v_1∧…∧v_k, w_1∧…∧w_k⟩ = det(⟨v_i, w_j⟩) (the Gram determinant, Cauchy–Binet).

*Hodge star.*  ⋆ is the linear map Λ^k → Λ^{d−k} with

    α ∧ ⋆β = ⟨α, β⟩ e_1 ∧ … ∧ e_d      for all k-vectors α, β,

i.e. ⋆e_I = sign(I, I^c) e_{I^c}.  Then ⋆⋆ = (−1)^{k(d−k)} on Λ^k, ⋆1 = e_1∧…∧e_d,
and in the plane ⋆e_1 = e_2, ⋆e_2 = −e_1 (rotation by +90°); in Q^3 the star of
a ∧ b is the usual cross product a × b.

*Cross product.*  cross(v_1, …, v_{d−1}) = ⋆(v_1 ∧ … ∧ v_{d−1}).  It is
orthogonal to every v_i and satisfies ⟨x, cross⟩ = det(v_1, …, v_{d−1}, x), hence
det(v_1, …, v_{d−1}, cross) = ‖cross‖² ≥ 0 (the arguments followed by their
cross product form a positively oriented frame).  Because det(x, v_1, …) =
(−1)^{d−1} det(v_1, …, x), the ReLU neuron x ↦ ((x ∧ v_1 ∧ … ∧ v_{d−1})_+) of
Pilanci has weight (−1)^{d−1} cross(v_1, …, v_{d−1}).

*Where Pilanci differs.*  The text defines ⋆M = M I^{−1} with ``⋆M ∧ N =
(M·N) I`` (star on the left), which is the opposite sign of ours in the plane:
there ⋆e_1 = −e_2 and ⋆e_2 = e_1.  The worked example of its §3.4 is not
consistent with either single convention: w_1 = ⋆(e_1 + e_2) = e_1 − e_2 and
w_2 = ⋆(2e_2) = 2e_1 follow ⋆M = M I^{−1}, while w_3 = ⋆e_1 = e_2 and
w_4 = ⋆e_2 = −e_1 follow ours (ours gives w_1 = e_2 − e_1, w_2 = −2e_1).  The
same paragraph also lists the augmented data as {e_1 − e_2, 2e_1, e_1, e_2}
(those are the neurons w_1, w_2 up to sign); the augmented data of
x_1 = (1, 1), x_2 = (0, 2) are {e_1 + e_2, 2e_2, e_1, e_2}.  Since ReLU neurons
in the dictionaries come in both orientations, only the lines (not the signs)
of the neurons matter there.

Examples
--------
>>> from exactgeom.wedge import wedge, hodge_star, cross
>>> w = wedge([1, 0, 0], [0, 1, 0])
>>> w
KVector(d=3, k=2, coeffs=(1, 0, 0))
>>> hodge_star(w)
KVector(d=3, k=1, coeffs=(0, 0, 1))
>>> cross([1, 2, 3], [4, 5, 6])
(Fraction(-3, 1), Fraction(6, 1), Fraction(-3, 1))
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from itertools import combinations
from math import comb, factorial

import sympy

from ._exact import determinant, exact_matrix, exact_scalar, exact_vector, rank
from .errors import TooLarge

__all__ = [
    "KVector",
    "basis",
    "kvector",
    "wedge",
    "hodge_star",
    "cross",
    "signed_volume",
    "simplex_volume",
    "inner",
    "gram_determinant",
    "norm_l1",
    "norm_squared",
    "norm",
    "dist_to_span",
    "dist_to_affine_hull",
    "positive_part",
]


MAX_COORDINATES = 2**22
"""Largest dimension C(d, k) of a space Λ^k Q^d the module builds (each coordinate costs a basis
tuple, a position entry and a coefficient: a few hundred bytes, about 1 GB in all)."""


@cache
def basis(d: int, k: int) -> tuple[tuple[int, ...], ...]:
    """The lexicographic basis of Λ^k Q^d as index tuples (indices from 0).

    Raises :class:`~exactgeom.errors.TooLarge` when C(d, k) exceeds :data:`MAX_COORDINATES`.

    Examples
    --------
    >>> basis(3, 2)
    ((0, 1), (0, 2), (1, 2))
    >>> basis(2, 0)
    ((),)
    """
    if d < 0 or not 0 <= k <= d:
        raise ValueError(f"need 0 <= k <= d; got d={d}, k={k}")
    size = comb(d, k)
    if size > MAX_COORDINATES:
        raise TooLarge(
            f"Λ^{k} Q^{d} has C({d}, {k}) = {size} coordinates, more than MAX_COORDINATES = "
            f"{MAX_COORDINATES} (about 1 GB of basis and coefficients)",
            estimate=size,
            limit=MAX_COORDINATES,
            unit="coordinates",
        )
    return tuple(combinations(range(d), k))


@cache
def _position(d: int, k: int) -> dict:
    return {index: i for i, index in enumerate(basis(d, k))}


def _merge_sign(first: tuple[int, ...], second: tuple[int, ...]) -> int:
    """Sign of the permutation sorting the concatenation of two disjoint increasing tuples."""
    inversions = 0
    for a in first:
        for b in second:
            if a > b:
                inversions += 1
    return -1 if inversions % 2 else 1


def _fmt(value: Fraction) -> str:
    return (
        str(value.numerator)
        if value.denominator == 1
        else f"Fraction({value.numerator}, {value.denominator})"
    )


@dataclass(frozen=True)
class KVector:
    """An element of Λ^k Q^d with exact coefficients in the lexicographic basis.

    Build one with :func:`kvector` or :func:`wedge`; the constructor expects
    coefficients that are already ``Fraction`` (or ``int``).  ``+``, ``-``,
    multiplication by a rational and ``^`` (the wedge product) are defined;
    equality and hashing are by value.

    Examples
    --------
    >>> a = kvector(2, 1, [1, 2])
    >>> b = kvector(2, 1, [3, 4])
    >>> a ^ b
    KVector(d=2, k=2, coeffs=(-2,))
    >>> 2 * a - b
    KVector(d=2, k=1, coeffs=(-1, 0))
    """

    d: int
    k: int
    coeffs: tuple

    def __post_init__(self):
        if len(self.coeffs) != len(basis(self.d, self.k)):
            raise ValueError(
                f"a {self.k}-vector in dimension {self.d} has {len(basis(self.d, self.k))} coefficients; "
                f"got {len(self.coeffs)}"
            )
        coeffs = tuple(
            c if type(c) is Fraction else exact_scalar(c, f"coeffs[{i}]") for i, c in enumerate(self.coeffs)
        )
        object.__setattr__(self, "coeffs", coeffs)

    def __repr__(self) -> str:
        inner_text = ", ".join(_fmt(c) for c in self.coeffs)
        if len(self.coeffs) == 1:
            inner_text += ","
        return f"KVector(d={self.d}, k={self.k}, coeffs=({inner_text}))"

    def _check_same(self, other: KVector, op: str) -> None:
        if not isinstance(other, KVector):
            raise TypeError(f"cannot {op} a KVector and a {type(other).__name__}")
        if (self.d, self.k) != (other.d, other.k):
            raise ValueError(
                f"cannot {op} a {self.k}-vector in dimension {self.d} "
                f"and a {other.k}-vector in dimension {other.d}"
            )

    def __add__(self, other: KVector) -> KVector:
        self._check_same(other, "add")
        return KVector(self.d, self.k, tuple(a + b for a, b in zip(self.coeffs, other.coeffs)))

    def __sub__(self, other: KVector) -> KVector:
        self._check_same(other, "subtract")
        return KVector(self.d, self.k, tuple(a - b for a, b in zip(self.coeffs, other.coeffs)))

    def __neg__(self) -> KVector:
        return KVector(self.d, self.k, tuple(-a for a in self.coeffs))

    def __mul__(self, scalar) -> KVector:
        if isinstance(scalar, KVector):
            raise TypeError("use ^ (or wedge) for the product of two k-vectors")
        s = exact_scalar(scalar, "scalar")
        return KVector(self.d, self.k, tuple(s * a for a in self.coeffs))

    __rmul__ = __mul__

    def __xor__(self, other: KVector) -> KVector:
        return wedge(self, other)

    def __getitem__(self, index: tuple[int, ...]) -> Fraction:
        """Coefficient of e_index, index an increasing tuple of basis indices (from 0)."""
        return self.coeffs[_position(self.d, self.k)[tuple(index)]]

    def terms(self) -> dict:
        """The non-zero coefficients as ``{index tuple: Fraction}``."""
        return {index: c for index, c in zip(basis(self.d, self.k), self.coeffs) if c}

    def scalar(self) -> Fraction:
        """The single coefficient of a 0-vector or of a d-vector (a multiple of e_1∧…∧e_d)."""
        if self.k not in (0, self.d):
            raise ValueError(f"a {self.k}-vector in dimension {self.d} is not a scalar or a pseudoscalar")
        return self.coeffs[0]

    def is_zero(self) -> bool:
        return not any(self.coeffs)


def kvector(d: int, k: int, coeffs) -> KVector:
    """A k-vector of Λ^k Q^d from user coefficients in the lexicographic basis.

    Examples
    --------
    >>> kvector(3, 2, [1, "1/2", 0])
    KVector(d=3, k=2, coeffs=(1, Fraction(1, 2), 0))
    """
    return KVector(
        d, k, exact_vector(coeffs, name=f"coeffs of a {k}-vector in Q^{d}", length=len(basis(d, k)))
    )


def _as_kvector(value, name: str, d: int | None = None) -> KVector:
    if isinstance(value, KVector):
        if d is not None and value.d != d:
            raise ValueError(f"{name} lives in dimension {value.d}; expected {d}")
        return value
    v = exact_vector(value, name=name, length=d)
    return KVector(len(v), 1, v)


def _wedge_two(a: KVector, b: KVector) -> KVector:
    if a.d != b.d:
        raise ValueError(f"cannot wedge k-vectors of dimensions {a.d} and {b.d}")
    d, k = a.d, a.k + b.k
    if k > d:
        _zero_beyond(d, k)
    out = [Fraction(0)] * len(basis(d, k))
    pos = _position(d, k)
    for I, x in a.terms().items():
        for J, y in b.terms().items():
            if set(I) & set(J):
                continue
            out[pos[tuple(sorted(I + J))]] += _merge_sign(I, J) * x * y
    return KVector(d, k, tuple(out))


def _zero_beyond(d: int, k: int):
    raise ValueError(f"the wedge has degree {k} > d = {d}, so it is zero in Λ^{k}; Λ^k Q^d = 0 for k > d")


def wedge(*factors) -> KVector:
    """Wedge product of vectors and/or k-vectors.

    Parameters
    ----------
    *factors : sequences of rationals (vectors) or :class:`KVector`
        All in the same dimension d; the total degree must be at most d.

    Returns
    -------
    KVector
        For vectors v_1, …, v_k: the k×k minors of the matrix with rows v_i.

    Raises
    ------
    ValueError
        Mixed dimensions, no factors, or total degree above d.

    Examples
    --------
    >>> wedge([1, 2], [3, 4])
    KVector(d=2, k=2, coeffs=(-2,))
    >>> wedge([1, 2, 0], [1, 2, 0]).is_zero()
    True
    """
    if not factors:
        raise ValueError("wedge needs at least one factor")
    first = _as_kvector(factors[0], "factors[0]")
    items = [first] + [_as_kvector(f, f"factors[{i}]", first.d) for i, f in enumerate(factors[1:], 1)]
    if all(item.k == 1 for item in items) and len(items) > 1:
        d, k = first.d, len(items)
        if k > d:
            _zero_beyond(d, k)
        rows = [item.coeffs for item in items]
        return KVector(d, k, tuple(determinant([[r[j] for j in I] for r in rows]) for I in basis(d, k)))
    result = items[0]
    for item in items[1:]:
        result = _wedge_two(result, item)
    return result


def hodge_star(a: KVector) -> KVector:
    """Hodge star Λ^k → Λ^{d−k}, fixed by α ∧ ⋆β = ⟨α, β⟩ e_1∧…∧e_d.

    Examples
    --------
    >>> hodge_star(kvector(2, 1, [1, 0]))
    KVector(d=2, k=1, coeffs=(0, 1))
    >>> hodge_star(kvector(2, 1, [0, 1]))
    KVector(d=2, k=1, coeffs=(-1, 0))
    >>> hodge_star(kvector(3, 0, [5]))
    KVector(d=3, k=3, coeffs=(5,))
    """
    a = _as_kvector(a, "a")
    d = a.d
    out = [Fraction(0)] * len(basis(d, d - a.k))
    pos = _position(d, d - a.k)
    full = set(range(d))
    for I, x in a.terms().items():
        J = tuple(sorted(full - set(I)))
        out[pos[J]] = _merge_sign(I, J) * x
    return KVector(d, d - a.k, tuple(out))


def cross(*vectors) -> tuple[Fraction, ...]:
    """Generalized cross product of d−1 vectors of Q^d: ⋆(v_1 ∧ … ∧ v_{d−1}).

    Orthogonal to every argument; ⟨x, cross(v_1, …)⟩ = det(v_1, …, v_{d−1}, x).
    For d = 1 (no arguments) this is not defined: call with the dimension via
    ``hodge_star(kvector(1, 0, [1]))`` instead.

    Examples
    --------
    >>> cross([1, 0, 0], [0, 1, 0])
    (Fraction(0, 1), Fraction(0, 1), Fraction(1, 1))
    >>> cross([1, 0])
    (Fraction(0, 1), Fraction(1, 1))
    >>> cross([1, 2])
    (Fraction(-2, 1), Fraction(1, 1))
    """
    if not vectors:
        raise ValueError("cross needs d-1 >= 1 vectors of Q^d")
    d = len(vectors[0]) if not isinstance(vectors[0], KVector) else vectors[0].d
    if len(vectors) != d - 1:
        raise ValueError(f"cross takes d-1 = {d - 1} vectors of Q^{d}; got {len(vectors)}")
    return hodge_star(wedge(*vectors)).coeffs


def signed_volume(*vectors) -> Fraction:
    """Signed volume det(v_1, …, v_d) of the parallelotope spanned by d vectors of Q^d.

    Equals the coefficient of v_1 ∧ … ∧ v_d on e_1 ∧ … ∧ e_d.

    Examples
    --------
    >>> signed_volume([1, 0], [0, 1]), signed_volume([0, 1], [1, 0])
    (Fraction(1, 1), Fraction(-1, 1))
    """
    rows = exact_matrix(vectors, name="vectors")
    if len(rows) != len(rows[0]):
        raise ValueError(f"signed_volume takes d vectors of Q^d; got {len(rows)} vectors of Q^{len(rows[0])}")
    return determinant(rows)


def simplex_volume(*points) -> Fraction:
    """Signed volume of the simplex with vertices p_0, …, p_d: det(p_1 − p_0, …, p_d − p_0) / d!.

    In the plane, 2·Vol(x, a, b) = x∧a + a∧b + b∧x (the loop formula).

    Examples
    --------
    >>> simplex_volume([0, 0], [1, 0], [0, 1])
    Fraction(1, 2)
    """
    pts = exact_matrix(points, name="points")
    d = len(pts[0])
    if len(pts) != d + 1:
        raise ValueError(f"a simplex in Q^{d} has {d + 1} vertices; got {len(pts)}")
    base = pts[0]
    return determinant([[a - b for a, b in zip(p, base)] for p in pts[1:]]) / factorial(d)


def inner(a, b) -> Fraction:
    """Inner product of two k-vectors: Σ_I a_I b_I (the Gram determinant on blades).

    Examples
    --------
    >>> inner(wedge([1, 0, 0], [1, 1, 0]), wedge([1, 0, 0], [0, 1, 1]))
    Fraction(1, 1)
    """
    a, b = _as_kvector(a, "a"), _as_kvector(b, "b")
    a._check_same(b, "take the inner product of")
    return sum((x * y for x, y in zip(a.coeffs, b.coeffs)), Fraction(0))


def gram_determinant(vectors, others=None) -> Fraction:
    """det(⟨v_i, w_j⟩) for two lists of k vectors (w = v when ``others`` is omitted).

    Examples
    --------
    >>> gram_determinant([[1, 1, 0], [0, 1, 1]])
    Fraction(3, 1)
    """
    vs = exact_matrix(vectors, name="vectors")
    ws = vs if others is None else exact_matrix(others, name="others", ncols=len(vs[0]))
    if len(vs) != len(ws):
        raise ValueError(f"gram_determinant needs equally many vectors; got {len(vs)} and {len(ws)}")
    return determinant([[sum((x * y for x, y in zip(v, w)), Fraction(0)) for w in ws] for v in vs])


def norm_l1(a) -> Fraction:
    """ℓ1 norm of the coefficients (exact). ``norm_l1(a) == norm_l1(hodge_star(a))``.

    Examples
    --------
    >>> norm_l1(wedge([1, 2, 0], [0, 1, 3]))
    Fraction(10, 1)
    """
    return sum((abs(c) for c in _as_kvector(a, "a").coeffs), Fraction(0))


def norm_squared(a) -> Fraction:
    """Squared Euclidean norm ⟨a, a⟩ (exact).

    Examples
    --------
    >>> norm_squared(wedge([1, 2], [3, 4]))
    Fraction(4, 1)
    """
    a = _as_kvector(a, "a")
    return inner(a, a)


def norm(a) -> sympy.Expr:
    """Euclidean norm as a sympy number (an exact square root).

    Examples
    --------
    >>> norm(kvector(2, 1, [1, 1]))
    sqrt(2)
    """
    return sympy.sqrt(sympy.Rational(norm_squared(a)))


def _sqrt(value: Fraction) -> sympy.Expr:
    return sympy.sqrt(sympy.Rational(value.numerator, value.denominator))


def dist_to_span(x, vectors, *, squared: bool = False):
    """Euclidean distance from x to the linear span of linearly independent vectors.

    dist² = ‖x ∧ v_1 ∧ … ∧ v_k‖² / ‖v_1 ∧ … ∧ v_k‖²  (rational); the distance itself
    is a sympy square root.

    Raises
    ------
    ValueError
        When the vectors are linearly dependent (the quotient is 0/0).

    Examples
    --------
    >>> dist_to_span([1, 1, 1], [[1, 0, 0], [0, 1, 0]])
    1
    >>> dist_to_span([1, 2], [[1, 1]], squared=True)
    Fraction(1, 2)
    >>> dist_to_span([1, 2], [[1, 1]])
    sqrt(2)/2
    """
    vs = exact_matrix(vectors, name="vectors")
    d = len(vs[0]) if vs else len(x)
    xv = exact_vector(x, name="x", length=d)
    if not vs:
        value = sum((c * c for c in xv), Fraction(0))
    else:
        if rank(vs) < len(vs):
            raise ValueError(
                "the spanning vectors are linearly dependent; pass a linearly independent subset"
            )
        if len(vs) == d:
            value = Fraction(0)
        else:
            value = norm_squared(wedge(xv, *vs)) / norm_squared(wedge(*vs))
    return value if squared else _sqrt(value)


def dist_to_affine_hull(x, points, *, squared: bool = False):
    """Euclidean distance from x to the affine hull of affinely independent points p_0, …, p_k.

    The distance to the span of p_i − p_0 from x − p_0; squared it is rational.

    Examples
    --------
    >>> dist_to_affine_hull([0, 0], [[1, 0], [0, 1]], squared=True)
    Fraction(1, 2)
    >>> dist_to_affine_hull([0, 0], [[1, 0], [0, 1]])
    sqrt(2)/2
    """
    pts = exact_matrix(points, name="points")
    if not pts:
        raise ValueError("the affine hull of no points is empty")
    base = pts[0]
    xv = exact_vector(x, name="x", length=len(base))
    return dist_to_span(
        [a - b for a, b in zip(xv, base)],
        [[a - b for a, b in zip(p, base)] for p in pts[1:]],
        squared=squared,
    )


def positive_part(value):
    """(t)_+ = max(t, 0) for a rational, coefficientwise for a KVector.

    Examples
    --------
    >>> positive_part(Fraction(-3, 2)), positive_part(2)
    (Fraction(0, 1), Fraction(2, 1))
    >>> positive_part(wedge([1, 0], [0, 1])).scalar()
    Fraction(1, 1)
    """
    if isinstance(value, KVector):
        return KVector(value.d, value.k, tuple(max(c, Fraction(0)) for c in value.coeffs))
    return max(exact_scalar(value, "value"), Fraction(0))

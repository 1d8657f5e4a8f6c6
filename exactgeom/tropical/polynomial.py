r"""Tropical (max-plus) polynomials and rational functions over Q.

In the max-plus semiring ``a (+) b = max(a, b)``, ``a (.) b = a + b``, ``a (/) b = a - b``.
A *tropical polynomial* in ``d`` variables is a finite formal max-plus sum of
monomials ``c (.) x^alpha``; as a function on Q^d it is

    f(x) = max_i ( c_i + <alpha_i, x> ),

a convex piecewise-affine function.  Coefficients ``c_i`` and exponents
``alpha_i`` are rationals (exponents may be negative or fractional: tropical
Laurent/Puiseux polynomials; networks with rational weights need rational
exponents).  Monomials with the same exponent merge, keeping the larger
coefficient.  The tropical zero (-infinity) is not represented: a polynomial
has at least one term.

Python operators follow the semiring: ``f + g`` is the tropical sum (max),
``f * g`` the tropical product (ordinary sum of functions; Minkowski sum of
the terms), ``f / g`` the quotient, a :class:`TropicalRational` ``f - g``.
A rational scalar ``c`` stands for the constant monomial ``c (.) x^0``.

Two notions of equality: ``==`` compares *formal expressions* (the term lists),
:meth:`TropicalPolynomial.equals_as_function` compares *functions*.  Every
function has a unique shortest expression, :meth:`TropicalPolynomial.reduced`,
made of the terms that are the unique maximum on a non-empty open set (the
vertices of the upper hull of the lifted exponents ``(alpha_i, c_i)``), so
``f.equals_as_function(g)`` iff ``f.reduced() == g.reduced()``.

References
----------
L. Zhang, G. Naitzat, L.-H. Lim, *Tropical geometry of deep neural networks*, ICML 2018.
D. Maclagan, B. Sturmfels, *Introduction to Tropical Geometry*, AMS 2015.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from .. import _exact
from ..polyhedra.hull import convex_hull_vertices, upper_hull_vertices

__all__ = ["TropicalPolynomial", "TropicalRational"]

Exponent = tuple[Fraction, ...]
Term = tuple[Fraction, Exponent]


def _show(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f'"{value}"'


def _input_point(x, nvars: int) -> tuple[Fraction, ...]:
    # a bare scalar is accepted for functions of one variable
    if nvars == 1 and not isinstance(x, (list, tuple)) and not hasattr(x, "__len__"):
        return (_exact.exact_scalar(x, "x"),)
    return _exact.exact_vector(x, "x", length=nvars)


def _polyhedron(constraints, nvars: int):
    from ..polyhedra import Polyhedron

    rows = [list(row) for row, _, _ in constraints]
    rhs = [rhs for _, _, rhs in constraints]
    kinds = [kind for _, kind, _ in constraints]
    return Polyhedron.from_constraints(rows, rhs, kinds, dimension=nvars)


def _maximal(pieces: list) -> list:
    """The polyhedra of ``pieces`` contained in no other one (of equal ones, the first is kept)."""
    return [
        P
        for i, P in enumerate(pieces)
        if not any(
            j != i and P.is_subset(Q) and (j < i or not Q.is_subset(P)) for j, Q in enumerate(pieces)
        )
    ]


@dataclass(frozen=True, eq=False, repr=False, init=False)
class TropicalPolynomial:
    r"""A max-plus polynomial ``max_i (c_i + <alpha_i, x>)`` with rational data.

    Parameters
    ----------
    terms : mapping ``{exponent: coefficient}`` or iterable of ``(coefficient, exponent)``
        Exact scalars; every exponent has length ``nvars``.
    nvars : int, optional
        Number of variables; read from the first exponent when omitted.

    Attributes
    ----------
    terms : tuple of (Fraction, tuple of Fraction)
        ``(coefficient, exponent)`` pairs, distinct exponents, sorted by exponent.
    nvars : int

    Raises
    ------
    ValueError
        No terms, or exponents of different lengths.
    TypeError
        A non-exact number.

    Examples
    --------
    >>> f = TropicalPolynomial([(0, (1, 0)), (0, (0, 1)), (-1, (0, 0))])
    >>> print(f)
    max(-1, x2, x1)
    >>> f((2, "1/2"))
    Fraction(2, 1)
    >>> (f * f).reduced() == TropicalPolynomial([(0, (2, 0)), (0, (0, 2)), (-2, (0, 0))])
    True
    >>> TropicalPolynomial([(0, (1,)), (0, (1, 2))])
    Traceback (most recent call last):
        ...
    ValueError: exponent of term 1 has 2 entries; expected 1
    """

    terms: tuple[Term, ...]
    nvars: int

    def __init__(self, terms, nvars: int | None = None):
        if isinstance(terms, Mapping):
            pairs = [(c, e) for e, c in terms.items()]
        else:
            pairs = list(terms)
        merged: dict[Exponent, Fraction] = {}
        for i, pair in enumerate(pairs):
            try:
                c, e = pair
            except (TypeError, ValueError):
                raise TypeError(f"term {i} must be a pair (coefficient, exponent), not {pair!r}") from None
            coefficient = _exact.exact_scalar(c, f"coefficient of term {i}")
            exponent = _exact.exact_vector(e, f"exponent of term {i}", length=nvars)
            if nvars is None:
                nvars = len(exponent)
            if exponent not in merged or merged[exponent] < coefficient:
                merged[exponent] = coefficient
        if not merged:
            raise ValueError(
                "a tropical polynomial needs at least one term (the tropical zero is not represented)"
            )
        object.__setattr__(self, "terms", tuple((merged[e], e) for e in sorted(merged)))
        object.__setattr__(self, "nvars", nvars)

    @classmethod
    def _trusted(cls, merged: dict[Exponent, Fraction], nvars: int) -> TropicalPolynomial:
        self = object.__new__(cls)
        object.__setattr__(self, "terms", tuple((merged[e], e) for e in sorted(merged)))
        object.__setattr__(self, "nvars", nvars)
        return self

    @classmethod
    def constant(cls, value, nvars: int) -> TropicalPolynomial:
        """The constant ``value`` (the monomial ``value (.) x^0``) in ``nvars`` variables.

        Examples
        --------
        >>> print(TropicalPolynomial.constant(3, 2))
        max(3)
        """
        return cls([(value, (0,) * nvars)], nvars)

    @classmethod
    def monomial(cls, coefficient, exponent) -> TropicalPolynomial:
        """The single term ``coefficient + <exponent, x>``.

        Examples
        --------
        >>> TropicalPolynomial.monomial(1, (2, "1/3"))((1, 3))
        Fraction(4, 1)
        """
        return cls([(coefficient, exponent)])

    # -- value-object protocol -------------------------------------------------------------
    def __eq__(self, other) -> bool:
        return isinstance(other, TropicalPolynomial) and (self.nvars, self.terms) == (
            other.nvars,
            other.terms,
        )

    def __hash__(self) -> int:
        return hash((self.nvars, self.terms))

    def __len__(self) -> int:
        return len(self.terms)

    def __repr__(self) -> str:
        inner = ", ".join(
            f"({_show(c)}, ({', '.join(_show(v) for v in e)}{',' if len(e) == 1 else ''}))"
            for c, e in self.terms
        )
        return f"TropicalPolynomial([{inner}], nvars={self.nvars})"

    def __str__(self) -> str:
        return "max(" + ", ".join(_affine_str(c, e) for c, e in self.terms) + ")"

    # -- evaluation ------------------------------------------------------------------------
    def __call__(self, x) -> Fraction:
        """Evaluate ``max_i (c_i + <alpha_i, x>)`` exactly at a rational point."""
        point = _input_point(x, self.nvars)
        return max(c + _exact.dot(e, point) for c, e in self.terms)

    def maximal_terms(self, x) -> tuple[int, ...]:
        """Indices (into ``terms``) of the terms attaining the maximum at ``x``.

        Examples
        --------
        >>> f = TropicalPolynomial([(0, (0,)), (0, (1,))])
        >>> f.maximal_terms((0,)), f.maximal_terms((1,))
        ((0, 1), (1,))
        """
        point = _input_point(x, self.nvars)
        values = [c + _exact.dot(e, point) for c, e in self.terms]
        top = max(values)
        return tuple(i for i, v in enumerate(values) if v == top)

    # -- semiring operations ---------------------------------------------------------------
    def _coerce(self, other) -> TropicalPolynomial:
        if isinstance(other, TropicalPolynomial):
            if other.nvars != self.nvars:
                raise ValueError(f"cannot combine polynomials in {self.nvars} and {other.nvars} variables")
            return other
        return TropicalPolynomial.constant(_exact.exact_scalar(other, "scalar"), self.nvars)

    def __add__(self, other) -> TropicalPolynomial:
        if isinstance(other, TropicalRational):
            return NotImplemented
        other = self._coerce(other)
        merged = dict((e, c) for c, e in self.terms)
        for c, e in other.terms:
            if e not in merged or merged[e] < c:
                merged[e] = c
        return TropicalPolynomial._trusted(merged, self.nvars)

    __radd__ = __add__

    def __mul__(self, other) -> TropicalPolynomial:
        if isinstance(other, TropicalRational):
            return NotImplemented
        other = self._coerce(other)
        merged: dict[Exponent, Fraction] = {}
        for c1, e1 in self.terms:
            for c2, e2 in other.terms:
                e = tuple(a + b for a, b in zip(e1, e2))
                c = c1 + c2
                if e not in merged or merged[e] < c:
                    merged[e] = c
        return TropicalPolynomial._trusted(merged, self.nvars)

    __rmul__ = __mul__

    def __truediv__(self, other) -> TropicalRational:
        if isinstance(other, TropicalRational):
            return TropicalRational(self) / other
        return TropicalRational(self, self._coerce(other))

    def __rtruediv__(self, other) -> TropicalRational:
        return TropicalRational(self._coerce(other), self)

    def __pow__(self, k) -> TropicalPolynomial:
        """Tropical power ``f^k = k * f`` for a rational ``k >= 0``: terms ``(k c_i, k alpha_i)``.

        For integer ``k`` this is the ``k``-fold tropical product as a function
        (the formal product has extra terms that are never the unique maximum).

        Examples
        --------
        >>> f = TropicalPolynomial([(0, (0,)), (1, (1,))])
        >>> (f ** 2).equals_as_function(f * f)
        True
        """
        k = _exact.exact_scalar(k, "exponent k")
        if k < 0:
            raise ValueError(f"tropical power needs k >= 0 (k * max is max of k * terms only then); got {k}")
        if k == 0:
            return TropicalPolynomial.constant(0, self.nvars)
        return TropicalPolynomial._trusted(
            {tuple(k * v for v in e): k * c for c, e in self.terms}, self.nvars
        )

    # -- functions versus expressions ------------------------------------------------------
    def reduced(self) -> TropicalPolynomial:
        """The shortest expression of the same function: terms that are the unique maximum on an open set.

        These are the vertices of the upper hull of the lifted points
        ``(alpha_i, c_i)`` (the convex hull plus the downward ray).

        Examples
        --------
        >>> f = TropicalPolynomial([(0, (0,)), (-1, (1,)), (0, (2,))])
        >>> print(f.reduced())
        max(0, 2*x1)
        """
        if len(self.terms) == 1:
            return self
        lifted = [(*e, c) for c, e in self.terms]
        keep = {v[:-1]: v[-1] for v in upper_hull_vertices(lifted)}
        return TropicalPolynomial._trusted(keep, self.nvars)

    def equals_as_function(self, other: TropicalPolynomial) -> bool:
        """Whether both define the same function on Q^d (compare reduced forms).

        Examples
        --------
        >>> f = TropicalPolynomial([(0, (0,)), (0, (2,))])
        >>> f.equals_as_function(f + TropicalPolynomial([(0, (1,))]))
        True
        >>> f == f + TropicalPolynomial([(0, (1,))])
        False
        """
        return self.reduced() == self._coerce(other).reduced()

    # -- geometry --------------------------------------------------------------------------
    def newton_polytope(self) -> tuple[Exponent, ...]:
        """Vertices of the Newton polytope ``conv{alpha_i}``, sorted (exact convex hull).

        Examples
        --------
        >>> f = TropicalPolynomial([(0, (0, 0)), (5, (1, 1)), (0, (2, 0)), (0, (0, 2))])
        >>> f.newton_polytope()
        ((Fraction(0, 1), Fraction(0, 1)), (Fraction(0, 1), Fraction(2, 1)), (Fraction(2, 1), Fraction(0, 1)))
        """
        return convex_hull_vertices([e for _, e in self.terms])

    def region_constraints(self, i: int) -> list[tuple[tuple[Fraction, ...], str, Fraction]]:
        """Constraints ``(row, "<=", rhs)`` of the closed set where term ``i`` is maximal.

        Term ``i`` beats term ``j`` where ``(alpha_j - alpha_i) . x <= c_i - c_j``.

        Examples
        --------
        >>> TropicalPolynomial([(0, (0,)), (0, (1,))]).region_constraints(1)
        [((Fraction(-1, 1),), '<=', Fraction(0, 1))]
        """
        ci, ei = self.terms[i]
        return [
            (tuple(b - a for a, b in zip(ei, ej)), "<=", ci - cj)
            for j, (cj, ej) in enumerate(self.terms)
            if j != i
        ]

    def regions(self, *, full_dimensional: bool = False) -> dict[Exponent, object]:
        """The closed polyhedra where each term is maximal, keyed by exponent; empty ones dropped.

        Parameters
        ----------
        full_dimensional : bool
            Keep only regions with non-empty interior (the terms of :meth:`reduced`).

        Returns
        -------
        dict exponent -> :class:`~exactgeom.polyhedra.Polyhedron`

        Examples
        --------
        >>> f = TropicalPolynomial([(0, (0,)), (0, (1,)), (0, (2,))])   # max(0, x, 2x)
        >>> sorted(f.regions())
        [(Fraction(0, 1),), (Fraction(1, 1),), (Fraction(2, 1),)]
        >>> sorted(f.regions(full_dimensional=True))
        [(Fraction(0, 1),), (Fraction(2, 1),)]
        """
        out = {}
        for i, (_, e) in enumerate(self.terms):
            region = _polyhedron(self.region_constraints(i), self.nvars)
            if region.is_empty() or (full_dimensional and region.dimension() < self.nvars):
                continue
            out[e] = region
        return out


def _affine_str(c: Fraction, e: Exponent) -> str:
    parts = []
    for k, v in enumerate(e, start=1):
        if v == 0:
            continue
        coefficient = "" if v == 1 else "-" if v == -1 else f"{v}*"
        parts.append(f"{coefficient}x{k}")
    if c != 0 or not parts:
        parts.insert(0, str(c))
    text = " + ".join(parts)
    return text.replace("+ -", "- ")


@dataclass(frozen=True)
class TropicalRational:
    r"""A tropical quotient ``g (/) h``: the function ``g(x) - h(x)`` of two tropical polynomials.

    Parameters
    ----------
    numerator : TropicalPolynomial
    denominator : TropicalPolynomial, optional
        The constant 0 (tropical one) when omitted.

    ``==`` compares the formal pair ``(numerator, denominator)``;
    :meth:`equals_as_function` compares functions (``g1 - h1 == g2 - h2`` iff
    ``g1 * h2`` and ``g2 * h1`` are equal tropical polynomials as functions).

    Examples
    --------
    >>> x = TropicalPolynomial.monomial(0, (1,))
    >>> relu = (x + 0) / 0           # max(x, 0) - 0
    >>> relu(-3), relu(2)
    (Fraction(0, 1), Fraction(2, 1))
    >>> f = x / (x + 0)              # x - max(x, 0) = min(x, 0)
    >>> f(5), f(-5)
    (Fraction(0, 1), Fraction(-5, 1))
    """

    numerator: TropicalPolynomial
    denominator: TropicalPolynomial | None = None

    def __post_init__(self):
        if not isinstance(self.numerator, TropicalPolynomial):
            raise TypeError(f"numerator must be a TropicalPolynomial, not {type(self.numerator).__name__}")
        if self.denominator is None:
            object.__setattr__(self, "denominator", TropicalPolynomial.constant(0, self.numerator.nvars))
        elif not isinstance(self.denominator, TropicalPolynomial):
            raise TypeError(
                f"denominator must be a TropicalPolynomial, not {type(self.denominator).__name__}"
            )
        if self.numerator.nvars != self.denominator.nvars:
            raise ValueError(
                f"numerator has {self.numerator.nvars} variables but denominator has {self.denominator.nvars}"
            )

    @property
    def nvars(self) -> int:
        return self.numerator.nvars

    def __str__(self) -> str:
        return f"{self.numerator} - {self.denominator}"

    def __call__(self, x) -> Fraction:
        """Evaluate ``g(x) - h(x)`` exactly."""
        return self.numerator(x) - self.denominator(x)

    def _coerce(self, other) -> TropicalRational:
        if isinstance(other, TropicalRational):
            if other.nvars != self.nvars:
                raise ValueError(f"cannot combine functions in {self.nvars} and {other.nvars} variables")
            return other
        if isinstance(other, TropicalPolynomial):
            return TropicalRational(other)
        return TropicalRational(self.numerator._coerce(other))

    def __add__(self, other) -> TropicalRational:
        """Tropical sum ``max(g1 - h1, g2 - h2) = (g1 h2 (+) g2 h1) (/) (h1 h2)``."""
        o = self._coerce(other)
        return TropicalRational(
            self.numerator * o.denominator + o.numerator * self.denominator, self.denominator * o.denominator
        )

    __radd__ = __add__

    def __mul__(self, other) -> TropicalRational:
        """Tropical product: the sum of the two functions."""
        o = self._coerce(other)
        return TropicalRational(self.numerator * o.numerator, self.denominator * o.denominator)

    __rmul__ = __mul__

    def __truediv__(self, other) -> TropicalRational:
        """Tropical quotient: the difference of the two functions."""
        o = self._coerce(other)
        return TropicalRational(self.numerator * o.denominator, self.denominator * o.numerator)

    def __rtruediv__(self, other) -> TropicalRational:
        return self._coerce(other) / self

    def reduced(self) -> TropicalRational:
        """Numerator and denominator replaced by their reduced forms (same function).

        Examples
        --------
        >>> x = TropicalPolynomial.monomial(0, (1,))
        >>> print(((x + x * x + 0) / 0).reduced())
        max(0, 2*x1) - max(0)
        """
        return TropicalRational(self.numerator.reduced(), self.denominator.reduced())

    def equals_as_function(self, other) -> bool:
        """Whether both define the same function on Q^d.

        Examples
        --------
        >>> x = TropicalPolynomial.monomial(0, (1,))
        >>> f = (x + 0) / 0                 # max(x, 0)
        >>> g = (x * x + 0) / x             # max(2x, 0) - x = max(x, -x) = |x|: not the same
        >>> f.equals_as_function(g), f.equals_as_function((x * x + x) / x)
        (False, True)
        """
        o = self._coerce(other)
        return (self.numerator * o.denominator).equals_as_function(o.numerator * self.denominator)

    def linear_regions(self) -> list[tuple[object, tuple[Fraction, ...], Fraction]]:
        """Cells where ``f`` is affine: ``(polyhedron, slope, constant)`` for each pair of terms.

        A cell is the intersection of the region of a term of the reduced numerator
        with the region of a term of the reduced denominator, kept when it has
        non-empty interior; on it ``f(x) = slope . x + constant``.  Adjacent cells
        may carry the same affine function.

        Examples
        --------
        >>> x = TropicalPolynomial.monomial(0, (1,))
        >>> [(s, c) for _, s, c in ((x + 0) / 0).linear_regions()]
        [((Fraction(0, 1),), Fraction(0, 1)), ((Fraction(1, 1),), Fraction(0, 1))]
        """
        g, h = self.numerator.reduced(), self.denominator.reduced()
        out = []
        for i, (ci, ei) in enumerate(g.terms):
            for j, (cj, ej) in enumerate(h.terms):
                cell = _polyhedron(g.region_constraints(i) + h.region_constraints(j), self.nvars)
                if cell.dimension() == self.nvars:
                    out.append((cell, tuple(a - b for a, b in zip(ei, ej)), ci - cj))
        return out

    def decision_boundary_constraints(self) -> list[list[tuple[tuple[Fraction, ...], str, Fraction]]]:
        """Constraint lists of the pieces of ``{f = 0}`` (see :meth:`decision_boundary`).

        Examples
        --------
        >>> x = TropicalPolynomial.monomial(0, (1,))
        >>> (x / 0).decision_boundary_constraints()
        [[((Fraction(1, 1),), '==', Fraction(0, 1))]]
        """
        return [list(piece.constraints) for piece in self.decision_boundary()]

    def decision_boundary(self) -> list:
        """The zero set ``{x : g(x) = h(x)}`` as a list of closed polyhedra.

        One piece per pair (term of reduced ``g``, term of reduced ``h``): the
        points of the pair's cell where the two terms are equal; empty pieces
        and pieces contained in another piece are dropped.  With ``n`` and ``m``
        terms there are at most ``n m`` pieces.

        Examples
        --------
        >>> x = TropicalPolynomial.monomial(0, (1, 0))
        >>> y = TropicalPolynomial.monomial(0, (0, 1))
        >>> [P.dimension() for P in ((x + y) / 0).decision_boundary()]
        [1, 1]
        """
        g, h = self.numerator.reduced(), self.denominator.reduced()
        pieces = []
        for i, (ci, ei) in enumerate(g.terms):
            for j, (cj, ej) in enumerate(h.terms):
                equation = (tuple(a - b for a, b in zip(ei, ej)), "==", cj - ci)
                constraints = g.region_constraints(i) + h.region_constraints(j) + [equation]
                piece = _polyhedron(constraints, self.nvars)
                if not piece.is_empty():
                    pieces.append(piece)
        return _maximal(pieces)

"""Polynomial maps θ ↦ (f_1(θ), …, f_N(θ)) over Q: one ring, exact polynomials, exact evaluation.

A :class:`PolynomialMap` holds its variables (sympy Symbols), the polynomial ring over Q
in those variables (a python-flint ``fmpq_mpoly_ctx``) and the polynomials f_k in it.
It is the one place where sympy expressions (or strings, read by
:mod:`exactgeom.expressions`) become flint polynomials and back; the models of
:mod:`exactgeom.neuro` (:class:`~exactgeom.neuro.Parametrization`) and of
:mod:`exactgeom.dynamics` (:class:`~exactgeom.dynamics.PolynomialModel`) are polynomial maps.

Examples
--------
>>> import sympy as sp
>>> a, b = sp.symbols("a b")
>>> F = PolynomialMap([a, b], [a**2, a*b, "b^2 - 1/2"])
>>> F.expressions
(a**2, a*b, b**2 - 1/2)
>>> F.evaluate([1, 2])
(Fraction(1, 1), Fraction(2, 1), Fraction(7, 2))
>>> [[int(v) for v in row] for row in F.jacobian_at([1, 2])]
[[2, 0], [2, 1], [0, 4]]
>>> F.jacobian_rank_at([0, 0])
0
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations_with_replacement

import flint
import sympy as sp

from .._exact import exact_vector, from_fmpq, to_fmpq
from ..expressions import NotPolynomial, as_expression
from .systems import symbols_of

__all__ = ["PolynomialMap", "NotRationalPolynomial", "monomials", "rank_at"]

ORDERS = ("lex", "deglex", "degrevlex")


class NotRationalPolynomial(TypeError, ValueError):
    """An input that is not a polynomial with rational coefficients in the given variables.

    Both a :class:`TypeError` (wrong kind of value) and a :class:`ValueError` (a string or
    expression outside what is accepted), so callers may catch either.
    """


def monomials(nvars: int, max_degree: int, min_degree: int = 0) -> list[tuple[int, ...]]:
    """Exponent vectors of the monomials of degree min_degree..max_degree in ``nvars`` variables.

    By increasing degree, and lexicographically descending inside a degree
    (x1², x1·x2, x2², …).

    Examples
    --------
    >>> monomials(2, 2, 1)
    [(1, 0), (0, 1), (2, 0), (1, 1), (0, 2)]
    >>> monomials(3, 1, 1) == sorted(monomials(3, 1, 1), reverse=True)
    True

    Notes
    -----
    ``combinations_with_replacement`` lists index multisets i_1 ≤ … ≤ i_d in lexicographic
    order, which is the descending lexicographic order of their exponent vectors.
    """
    out = []
    for degree in range(min_degree, max_degree + 1):
        for combo in combinations_with_replacement(range(nvars), degree):
            exps = [0] * nvars
            for i in combo:
                exps[i] += 1
            out.append(tuple(exps))
    return out


def rank_at(rows, point) -> int:
    """Rank over Q of a matrix of flint polynomials evaluated at an exact point.

    Parameters
    ----------
    rows : sequence of sequences of ``fmpq_mpoly``
        E.g. a Jacobian, or vector fields (one row per field).
    point : sequence of ``fmpq`` (or exact scalars)

    Examples
    --------
    >>> import sympy as sp
    >>> a, b = sp.symbols("a b")
    >>> F = PolynomialMap([a, b], [a * b])
    >>> rank_at(F.jacobian_polynomials(), [0, 0]), rank_at(F.jacobian_polynomials(), [1, 0])
    (0, 1)
    """
    rows = [list(r) for r in rows]
    if not rows or not rows[0]:
        return 0
    vals = [v if isinstance(v, flint.fmpq) else to_fmpq(v) for v in point]
    M = flint.fmpq_mat(len(rows), len(rows[0]))
    for i, row in enumerate(rows):
        for j, poly in enumerate(row):
            if not poly.is_zero():
                M[i, j] = poly(*vals)
    return M.rank()


class PolynomialMap:
    """A polynomial map Q^n → Q^N with rational coefficients, held exactly.

    Parameters
    ----------
    variables : sequence of sympy Symbols or names
    polynomials : sequence
        f_1, …, f_N: sympy expressions, strings (read by
        :func:`exactgeom.expressions.parse_expression` in the variables) or python-flint
        ``fmpq_mpoly`` of a ring whose variable names are those of ``variables``.
    order : {"lex", "deglex", "degrevlex"}, optional
        Monomial order of the ring (default ``"degrevlex"``).
    where : str, optional
        How error messages name the polynomials (``where[i]``).

    Raises
    ------
    TypeError
        An entry containing a float.
    NotRationalPolynomial
        An entry that is not a polynomial in the variables with rational coefficients;
        it is both a TypeError and a ValueError.

    Examples
    --------
    >>> import sympy as sp
    >>> t = sp.Symbol("t")
    >>> F = PolynomialMap([t], [t, t**2])
    >>> F.num_variables, F.num_polynomials, [str(f) for f in F.polynomials]
    (1, 2, ['t', 't^2'])
    >>> F.to_sympy(F.from_sympy("t^3 - t") * F.polynomials[0])
    t**4 - t**2
    >>> PolynomialMap([t], [sp.sqrt(2) * t])
    Traceback (most recent call last):
        ...
    exactgeom.algebra.polynomial_map.NotRationalPolynomial: polynomials[0] has the coefficient sqrt(2), \
which is not rational; use exact rationals
    """

    def __init__(self, variables, polynomials, *, order: str = "degrevlex", where: str = "polynomials"):
        self._set_map(symbols_of(variables, "variables"), polynomials, order=order, where=where)

    def _set_map(self, variables, polynomials, *, order="degrevlex", where="polynomials", ring=None):
        """Fill in the map (also from the constructors of subclasses, which may be frozen)."""
        variables = tuple(variables)
        polynomials = list(polynomials)
        if ring is None:
            flint_ring = next((p.context() for p in polynomials if isinstance(p, flint.fmpq_mpoly)), None)
            if flint_ring is not None:
                ring = flint_ring
            else:
                if order not in ORDERS:
                    raise ValueError(f"order must be one of {ORDERS}, not {order!r}")
                ring = flint.fmpq_mpoly_ctx.get(tuple(str(v) for v in variables), order)
        if tuple(ring.names()) != tuple(str(v) for v in variables):
            raise ValueError(f"the ring's variables {ring.names()} are not {tuple(map(str, variables))}")
        setattr_ = object.__setattr__
        setattr_(self, "_variables", variables)
        setattr_(self, "_ring", ring)
        setattr_(self, "_expressions", None)
        setattr_(self, "_jacobian", None)
        polys = []
        for i, p in enumerate(polynomials):
            if isinstance(p, flint.fmpq_mpoly):
                if p.context() != ring:
                    raise ValueError(f"{where}[{i}] lies in another polynomial ring than the map's, {ring}")
                polys.append(p)
            else:
                polys.append(self.from_sympy(p, f"{where}[{i}]"))
        setattr_(self, "_polynomials", tuple(polys))

    # ------------------------------------------------------------------ data
    @property
    def variables(self) -> tuple:
        """The variables (sympy Symbols), in the order of the ring's generators."""
        return self._variables

    @property
    def ring(self) -> flint.fmpq_mpoly_ctx:
        """The polynomial ring over Q in the variables (python-flint)."""
        return self._ring

    @property
    def polynomials(self) -> tuple:
        """The coordinate polynomials f_k as ``fmpq_mpoly``."""
        return self._polynomials

    @property
    def expressions(self) -> tuple:
        """The coordinate polynomials f_k as (expanded) sympy expressions."""
        if self._expressions is None:
            object.__setattr__(self, "_expressions", tuple(self.to_sympy(f) for f in self._polynomials))
        return self._expressions

    @property
    def num_variables(self) -> int:
        """Number n of variables (the dimension of the source)."""
        return len(self._variables)

    @property
    def num_polynomials(self) -> int:
        """Number N of coordinate polynomials (the dimension of the target)."""
        return len(self._polynomials)

    def __repr__(self) -> str:
        return f"PolynomialMap({list(self._variables)!r}, {list(self.expressions)!r})"

    # ------------------------------------------------------------------ conversion
    def zero(self):
        """The zero polynomial of the ring."""
        return self._ring.from_dict({})

    def monomial(self, exponents, coefficient=1):
        """The term coefficient · x^exponents of the ring."""
        return self._ring.from_dict({tuple(exponents): to_fmpq(coefficient)})

    def from_sympy(self, expr, where: str = "expression"):
        """A sympy polynomial (or a string) in the variables as a flint polynomial of the ring.

        Raises
        ------
        TypeError
            For a float (write it as an exact rational).
        NotRationalPolynomial
            For an irrational coefficient, or an expression that is not a polynomial in
            the variables (both a TypeError and a ValueError).

        Examples
        --------
        >>> import sympy as sp
        >>> x = sp.Symbol("x")
        >>> F = PolynomialMap([x], [x])
        >>> str(F.from_sympy(x**2 / 2 - 1))
        '1/2*x^2 - 1'
        >>> F.from_sympy(x + 0.5, "f")
        Traceback (most recent call last):
            ...
        TypeError: f contains the float 0.500000000000000; write rationals exactly, e.g. sympy.Rational(1, 2)
        """
        variables = self._variables
        names = ", ".join(map(str, variables))
        try:
            expr = as_expression(expr, variables, where=where)
        except NotPolynomial as exc:
            raise NotRationalPolynomial(f"{where} is not a polynomial in {names}: {exc.reason}") from None
        floats = expr.atoms(sp.Float)
        if floats:
            raise TypeError(
                f"{where} contains the float {sorted(floats, key=str)[0]}; "
                "write rationals exactly, e.g. sympy.Rational(1, 2)"
            )
        if variables:
            try:
                items = sp.Poly(expr, *variables).as_dict().items()
            except sp.PolynomialError as exc:
                message = f"{where} = {expr} is not a polynomial in {names}: {exc}"
                raise NotRationalPolynomial(message) from None
        else:
            items = [((), expr)] if expr != 0 else []
        terms = {}
        for exps, c in items:
            if not getattr(c, "is_Rational", False):
                raise NotRationalPolynomial(
                    f"{where} has the coefficient {c}, which is not rational; use exact rationals"
                )
            terms[tuple(int(e) for e in exps)] = flint.fmpq(int(c.p), int(c.q))
        return self._ring.from_dict(terms)

    def to_sympy(self, poly) -> sp.Expr:
        """A flint polynomial of the ring as a sympy expression in the variables."""
        gens = self._variables
        return sp.Add(
            *[
                sp.Rational(int(c.p), int(c.q)) * sp.Mul(*[g**e for g, e in zip(gens, exps) if e])
                for exps, c in poly.to_dict().items()
            ]
        )

    # ------------------------------------------------------------------ calculus and evaluation
    def gradient(self, poly) -> tuple:
        """The partial derivatives of a polynomial of the ring, one per variable."""
        return tuple(poly.derivative(i) for i in range(len(self._variables)))

    def jacobian_polynomials(self) -> tuple:
        """The N × n Jacobian matrix ∂f_k/∂x_j as rows of ``fmpq_mpoly`` (computed once)."""
        if self._jacobian is None:
            object.__setattr__(self, "_jacobian", tuple(self.gradient(f) for f in self._polynomials))
        return self._jacobian

    def _point(self, point) -> list:
        return [to_fmpq(v) for v in exact_vector(point, "point", length=len(self._variables))]

    def evaluate(self, point) -> tuple[Fraction, ...]:
        """f(point), exactly.

        Examples
        --------
        >>> import sympy as sp
        >>> a, b = sp.symbols("a b")
        >>> PolynomialMap([a, b], [a**2, a*b]).evaluate([2, "1/2"])
        (Fraction(4, 1), Fraction(1, 1))
        """
        vals = self._point(point)
        return tuple(from_fmpq(f(*vals)) for f in self._polynomials)

    def jacobian_at(self, point) -> tuple[tuple[Fraction, ...], ...]:
        """The N × n Jacobian matrix at ``point``, exactly.

        Examples
        --------
        >>> import sympy as sp
        >>> a, b = sp.symbols("a b")
        >>> PolynomialMap([a, b], [a * b]).jacobian_at([2, 3])
        ((Fraction(3, 1), Fraction(2, 1)),)
        """
        vals = self._point(point)
        return tuple(
            tuple(from_fmpq(d(*vals)) if not d.is_zero() else Fraction(0) for d in row)
            for row in self.jacobian_polynomials()
        )

    def jacobian_rank_at(self, point) -> int:
        """Rank over Q of the Jacobian matrix at ``point``."""
        return rank_at(self.jacobian_polynomials(), self._point(point))

    def compose(self, poly):
        """g ∘ f for a flint polynomial g in N variables: g(f_1, …, f_N), a polynomial of the ring."""
        return poly.compose(*self._polynomials)

    def is_affine(self) -> bool:
        """Whether every f_k has total degree at most 1."""
        return all(f.total_degree() <= 1 for f in self._polynomials)

    def homogeneous_degree(self) -> int | None:
        """The common degree when the non-zero f_k are homogeneous of one degree, else None."""
        degrees = set()
        for f in self._polynomials:
            if not f.is_zero():
                degrees |= {sum(m) for m in f.monoms()}
        return degrees.pop() if len(degrees) == 1 else None

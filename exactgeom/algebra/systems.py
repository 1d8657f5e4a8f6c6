"""Exact polynomial systems over Q for the engines: parsing user input, Jacobians, minors, slicing.

Polynomials live in a python-flint ``fmpq_mpoly`` context while systems are
built, and are handed to :mod:`exactgeom.algebra.engines` as dicts
``{exponent tuple: Fraction}``.

Examples
--------
>>> import sympy as sp
>>> x, y = sp.symbols("x y")
>>> ctx, (f,) = rational_polynomials([x**2 + y**2 - 1], [x, y])
>>> [str(g) for g in jacobian([f])[0]]
['2*x', '2*y']
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from fractions import Fraction

import flint
import sympy as sp

from .._exact import from_fmpq, to_fmpq
from ..expressions import as_expression

__all__ = [
    "rational_polynomials",
    "jacobian",
    "determinant",
    "minors",
    "as_dicts",
    "random_affine_forms",
    "symbols_of",
]


def symbols_of(variables, name: str = "variables") -> tuple[sp.Symbol, ...]:
    """Variables as distinct sympy Symbols (strings are turned into Symbols).

    Examples
    --------
    >>> symbols_of(["a", "b"])
    (a, b)
    """
    if isinstance(variables, (str, sp.Symbol)):
        raise TypeError(f"{name} must be a sequence of symbols, e.g. sympy.symbols('x y'), not one symbol")
    out = tuple(sp.Symbol(v) if isinstance(v, str) else v for v in variables)
    for i, v in enumerate(out):
        if not isinstance(v, sp.Symbol):
            raise TypeError(f"{name}[{i}] is {v!r}, not a sympy Symbol")
    if len(set(out)) != len(out):
        raise ValueError(f"{name} contains a repeated symbol: {out}")
    return out


def _poly_dict(expr, variables, position: str) -> dict:
    expr = as_expression(expr, variables, where=position)
    if expr.atoms(sp.Float):
        raise TypeError(
            f"{position} contains the float {sorted(expr.atoms(sp.Float), key=str)[0]}; "
            "write rationals exactly, e.g. sympy.Rational(1, 2)"
        )
    try:
        poly = sp.Poly(expr, *variables, domain="QQ")
    except (sp.PolynomialError, sp.CoercionFailed) as exc:
        raise ValueError(
            f"{position} = {expr} is not a polynomial with rational coefficients in {variables}: {exc}"
        ) from None
    return {tuple(m): Fraction(int(c.numerator), int(c.denominator)) for m, c in poly.terms()}


def rational_polynomials(exprs, variables, extra: Sequence[str] = (), name: str = "equations"):
    """Parse sympy expressions into ``fmpq_mpoly`` polynomials over the variables (plus extra ones).

    A string entry is read by :func:`exactgeom.expressions.parse_expression`, in the
    variables only (nothing is evaluated).

    Returns
    -------
    (ctx, tuple of fmpq_mpoly)
        ``ctx`` has the variables first, then the names in ``extra``.

    Raises
    ------
    TypeError
        For floats.
    ValueError
        For non-polynomial or irrational input, naming the entry.

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> ctx, (f, g) = rational_polynomials([x**2*y - sp.Rational(1, 2), x + y], [x, y], extra=("t",))
    >>> ctx.names(), str(f), str(g)
    (('x', 'y', 't'), 'x^2*y - 1/2', 'x + y')
    >>> rational_polynomials([x + 0.5], [x])
    Traceback (most recent call last):
    ...
    TypeError: equations[0] contains the float 0.500000000000000; write rationals exactly, ...
    """
    variables = symbols_of(variables)
    ctx = flint.fmpq_mpoly_ctx.get(tuple(str(v) for v in variables) + tuple(extra), "degrevlex")
    pad = (0,) * len(extra)
    out = []
    for i, e in enumerate(exprs):
        d = _poly_dict(e, variables, f"{name}[{i}]")
        out.append(ctx.from_dict({m + pad: to_fmpq(c) for m, c in d.items()}))
    return ctx, tuple(out)


def jacobian(polys, nvars: int | None = None):
    """Rows of partial derivatives with respect to the first ``nvars`` variables (default: all).

    Examples
    --------
    >>> import sympy as sp
    >>> x, y, t = sp.symbols("x y t")
    >>> _, polys = rational_polynomials([x**2*y, x + t*y], [x, y, t])
    >>> [[str(d) for d in row] for row in jacobian(polys, 2)]
    [['2*x*y', 'x^2'], ['1', 't']]
    """
    if not polys:
        return []
    if nvars is None:
        nvars = polys[0].context().nvars()
    return [[f.derivative(i) for i in range(nvars)] for f in polys]


def determinant(M):
    """Determinant of a small square matrix of polynomials (Laplace expansion along the first row).

    The entries are ``fmpq_mpoly`` polynomials, so this is not
    :func:`exactgeom._exact.determinant` (rational entries, via flint's
    ``fmpq_mat``): flint has no determinant over a multivariate polynomial
    ring.  The matrices here are the (c+1)×(c+1) minors of a Jacobian, small
    and sparse, where expansion skipping zero entries is the cheap choice.

    Examples
    --------
    >>> import sympy as sp
    >>> a, b, c, d = sp.symbols("a b c d")
    >>> _, (A, B, C, D) = rational_polynomials([a, b, c, d], [a, b, c, d])
    >>> str(determinant([[A, B], [C, D]]))
    '-b*c + a*d'
    """
    n = len(M)
    if n == 1:
        return M[0][0]
    total = None
    for j in range(n):
        if M[0][j] == 0:
            continue
        sub = [row[:j] + row[j + 1 :] for row in M[1:]]
        term = M[0][j] * determinant(sub)
        term = term if j % 2 == 0 else -term
        total = term if total is None else total + term
    return total if total is not None else M[0][0] * 0


def minors(M, k: int):
    """All k×k minors of a matrix of polynomials (non-zero ones only).

    Examples
    --------
    The 2×2 minors of the generic 2×3 matrix (they cut out the rank-≤1 matrices):

    >>> import sympy as sp
    >>> gens = sp.symbols("a:f")
    >>> _, (a, b, c, d, e, f) = rational_polynomials(gens, gens)
    >>> [str(m) for m in minors([[a, b, c], [d, e, f]], 2)]
    ['-b*d + a*e', '-c*d + a*f', '-c*e + b*f']
    """
    rows, cols = len(M), len(M[0])
    out = []
    for r in itertools.combinations(range(rows), k):
        for c in itertools.combinations(range(cols), k):
            d = determinant([[M[i][j] for j in c] for i in r])
            if d != 0:
                out.append(d)
    return out


def as_dicts(polys) -> list[dict]:
    """``fmpq_mpoly`` polynomials as dicts ``{exponent tuple: Fraction}``.

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> as_dicts(rational_polynomials([x**2*y - sp.Rational(1, 2)], [x, y])[1])
    [{(2, 1): Fraction(1, 1), (0, 0): Fraction(-1, 2)}]
    """
    return [
        {tuple(int(e) for e in m): from_fmpq(c) for m, c in f.to_dict().items()}
        for f in polys
    ]


def random_affine_forms(ctx, count: int, nvars: int, rng: random.Random, bound: int = 50):
    """``count`` random affine-linear forms in the first ``nvars`` generators of ``ctx``.

    Every variable gets a non-zero integer coefficient in [−bound, bound]; the
    constant term is any integer there.

    Examples
    --------
    >>> import random
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> ctx, _ = rational_polynomials([], [x, y], extra=("t",))
    >>> [str(f) for f in random_affine_forms(ctx, 2, 2, random.Random(0), bound=5)]
    ['2*x - 5*y + 1', '4*x + 3*y - 1']
    """
    gens = ctx.gens()
    forms = []
    for _ in range(count):
        f = ctx.from_dict({(0,) * ctx.nvars(): rng.randint(-bound, bound)})
        for i in range(nvars):
            f += rng.choice([c for c in range(-bound, bound + 1) if c]) * gens[i]
        forms.append(f)
    return forms

"""Linear (in)equalities written as text or sympy relationals, as exact rows over Q.

``"2*w1 - b < 0"``, ``"0 <= x <= 1"`` (a chain gives one row per relation),
``sympy.Lt(2*w1 - b, 0)``.  Relations: ``<=``, ``<``, ``==`` (or ``=``),
``>=``, ``>``.  Coefficients must be rational: in text ``0.5`` is the exact
1/2, a sympy ``Float`` is refused (write ``1/2``), ``sqrt(2)`` is refused, and so
is anything non-linear.  Text is read by
:mod:`exactgeom.expressions` (the package's one reader of expressions; nothing is
evaluated).
"""

from __future__ import annotations

import re
from fractions import Fraction

from .. import _exact
from ..expressions import ExpressionError, NotPolynomial, parse_relations

__all__ = ["parse_system", "format_row"]

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_KIND = {"<=": "<=", "<": "<", "==": "==", "=": "==", ">=": ">=", ">": ">"}


def _refuse_floats(side, position: str):
    import sympy

    floats = side.atoms(sympy.Float)
    if floats:
        value = float(min(floats, key=abs))
        raise TypeError(f"{position} contains the float {value!r}; {_exact._float_hint(value)}")
    return side


def _relations(entry, position: str):
    """The (lhs, kind, rhs) triples of one entry: a string (possibly a chain) or a sympy relational."""
    import sympy

    if isinstance(entry, str):
        try:
            return [tuple(relation) for relation in parse_relations(entry, where=position)]
        except NotPolynomial as exc:
            raise ValueError(f"{position}: {entry!r} is not linear ({exc.reason})") from None
        except ExpressionError as exc:
            if exc.token == "!=":
                raise ValueError(
                    f"{position} uses '!=', which does not define a polyhedron; split it into '<' and '>'"
                ) from None
            raise
    if isinstance(entry, sympy.logic.boolalg.BooleanAtom) or isinstance(entry, bool):
        raise ValueError(
            f"{position} evaluated to {entry}; sympy decided the relation before it reached here "
            "(e.g. x == 1 in Python is a comparison): use sympy.Eq(x, 1) or a string"
        )
    if isinstance(entry, sympy.core.relational.Relational):
        if entry.rel_op not in _KIND:
            raise ValueError(f"{position} uses {entry.rel_op!r}; allowed relations are <=, <, ==, >=, >")
        return [
            (_refuse_floats(entry.lhs, position), _KIND[entry.rel_op], _refuse_floats(entry.rhs, position))
        ]
    raise TypeError(
        f"{position} has type {type(entry).__name__}; "
        'pass a string such as "2*w1 - b < 0" or a sympy relational'
    )


def _linear_form(expression, names: tuple[str, ...], position: str):
    """Coefficients (in the order of ``names``) and constant term of a linear sympy expression."""
    import sympy

    expression = sympy.expand(expression)
    symbols = sorted(expression.free_symbols, key=lambda s: s.name)
    unknown = [s.name for s in symbols if s.name not in names]
    if unknown:
        raise ValueError(
            f"{position} uses {', '.join(unknown)}, which is not among the variables {list(names)}"
        )
    coefficients = dict.fromkeys(names, Fraction(0))
    if symbols:
        try:
            poly = sympy.Poly(expression, *symbols)
        except sympy.PolynomialError:
            raise ValueError(
                f"{position}: {expression} is not linear in {', '.join(s.name for s in symbols)}"
            ) from None
        if poly.total_degree() > 1:
            raise ValueError(f"{position}: {expression} is not linear (degree {poly.total_degree()})")
        for s in symbols:
            coefficients[s.name] += _exact.exact_scalar(
                poly.coeff_monomial(s), f"{position} (coefficient of {s.name})"
            )
        constant = poly.coeff_monomial(1)
    else:
        constant = expression
    return tuple(coefficients[n] for n in names), _exact.exact_scalar(constant, f"{position} (constant term)")


def parse_system(expressions, variables=None):
    """Rows ``(row, kind, rhs)`` and variable names of a system written as expressions.

    Parameters
    ----------
    expressions : str, sympy relational, or a sequence of them
        A chain ``"0 <= x < 1"`` gives one row per relation.
    variables : sequence of str or sympy Symbol, optional
        Fixes the coordinate order (and may name variables no expression
        uses); by default the variables occurring, sorted by name.

    Returns
    -------
    (names, rows) : tuple of str, list of (tuple of Fraction, str, Fraction)

    Raises
    ------
    TypeError
        A float coefficient or an entry that is not a string/relational.
    ValueError
        Unreadable text, no relation, ``!=``, non-linear terms, unknown or repeated variables.

    Examples
    --------
    >>> names, rows = parse_system(["2*w1 - b < 0", "0 <= w1 <= 1/2"])
    >>> names
    ('b', 'w1')
    >>> [(tuple(map(str, row)), kind, str(rhs)) for row, kind, rhs in rows]
    [(('-1', '2'), '<', '0'), (('0', '-1'), '<=', '0'), (('0', '1'), '<=', '1/2')]
    >>> parse_system(["x < 0.5"])[1]
    [((Fraction(1, 1),), '<', Fraction(1, 2))]
    """
    import sympy

    if isinstance(expressions, (str, sympy.Basic)):
        expressions = [expressions]
    relations = []
    for i, entry in enumerate(expressions):
        position = f"expressions[{i}]"
        for lhs, kind, rhs in _relations(entry, position):
            relations.append((lhs - rhs, kind, position))
    if variables is None:
        names = tuple(sorted({s.name for expression, _, _ in relations for s in expression.free_symbols}))
    else:
        names = tuple(v if isinstance(v, str) else getattr(v, "name", None) for v in variables)
        for k, name in enumerate(names):
            if not isinstance(name, str) or not _IDENTIFIER.fullmatch(name):
                raise TypeError(
                    f"variables[{k}] is {variables[k]!r}; pass a name such as 'w1' or a sympy Symbol"
                )
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ValueError(f"variables lists {', '.join(repeated)} more than once")
    rows = []
    for expression, kind, position in relations:
        row, constant = _linear_form(expression, names, position)
        rows.append((row, kind, -constant))
    return names, rows


def _term(coefficient: Fraction, name: str) -> str:
    if coefficient == 1:
        return name
    return f"{_exact.fraction_str(coefficient)}*{name}"


def format_row(row, kind: str, rhs: Fraction, names) -> str:
    """One row as text that :func:`parse_system` reads back to the same row.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> format_row((F(2), F(-1), F(0)), "<", F(-1, 2), ("w1", "w2", "b"))
    '2*w1 - w2 < -1/2'
    >>> format_row((F(0),), "<=", F(1), ("x",))
    '0 <= 1'
    """
    text = ""
    for coefficient, name in zip(row, names):
        if not coefficient:
            continue
        if not text:
            text = "-" + _term(-coefficient, name) if coefficient < 0 else _term(coefficient, name)
        else:
            text += f" - {_term(-coefficient, name)}" if coefficient < 0 else f" + {_term(coefficient, name)}"
    return f"{text or '0'} {kind} {_exact.fraction_str(rhs)}"

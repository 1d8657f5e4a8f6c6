r"""Arrangements written as linear forms in named variables, and the names an arrangement keeps.

A *form* ``f`` stands for the hyperplane ``f = 0``; an equation ``lhs = rhs`` for
``lhs - rhs = 0``.  Forms are strings, read by :mod:`exactgeom.expressions` (the
package's one reader of expressions; nothing is evaluated), or sympy expressions
and equations (``sympy.Eq``).  This is how Sage writes an arrangement,
``H(x - y, x + y - 1)`` in ``HyperplaneArrangements(QQ, ('x', 'y'))``.

The coordinate names are kept on the :class:`~exactgeom.arrangements.Arrangement`
as ``A.variables`` (``None`` for an arrangement built from a matrix, which prints
with ``x1, ..., xd``).  They are part of how the arrangement is shown, not of
what it is: equality and hashing compare the hyperplanes as subsets of Q^d only.

Examples
--------
>>> from exactgeom import Arrangement
>>> A = Arrangement.from_forms(["x - y", "x + y - 1", "2*x = 3*y + 4"])
>>> A.variables, A.normals[2], A.offsets[2]
(('x', 'y'), (Fraction(2, 1), Fraction(-3, 1)), Fraction(4, 1))
>>> print(A)
Arrangement of 3 hyperplanes in Q^2
  H0: x - y = 0
  H1: x + y = 1
  H2: 2*x - 3*y = 4
"""

from __future__ import annotations

import keyword
import re

from .. import _exact

__all__ = ["from_forms", "check_names", "natural_key", "fresh_name", "latex_name"]

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_RELATION_CHARACTERS = "<>=!"


def _is_readable_name(name: str) -> bool:
    # exactly the names exactgeom.expressions reads as one variable
    return bool(_NAME.fullmatch(name)) and not name.startswith("__") and not keyword.iskeyword(name)


def check_names(variables, dimension: int | None = None) -> tuple[str, ...] | None:
    """Validate coordinate names: distinct names the expression reader accepts, one per coordinate.

    Parameters
    ----------
    variables : sequence of str or sympy Symbol, or None
    dimension : int, optional
        The number of names required.

    Returns
    -------
    tuple of str, or None when ``variables`` is None.

    Raises
    ------
    TypeError
        A single string or an entry that is not a name.
    ValueError
        A name the reader refuses (``"2x"``, ``"__x"``, ``"lambda"``), a repeated name, or the
        wrong number of names.

    Examples
    --------
    >>> check_names(["w1", "b"], 2)
    ('w1', 'b')
    >>> check_names(["x", "x"])
    Traceback (most recent call last):
        ...
    ValueError: variables lists 'x' more than once
    """
    if variables is None:
        return None
    if isinstance(variables, str):
        raise TypeError(
            f"variables must be a sequence of names such as ('x', 'y'), not the string {variables!r}"
        )
    names = []
    for k, v in enumerate(variables):
        name = v
        if not isinstance(v, str):
            name = getattr(v, "name", None) if type(v).__module__.startswith("sympy") else None
        if not isinstance(name, str):
            raise TypeError(f"variables[{k}] is {v!r}; pass a name such as 'x1' or a sympy Symbol")
        if not _is_readable_name(name):
            raise ValueError(
                f"variables[{k}] is {name!r}, not a name the expression reader accepts (ASCII letters, "
                "digits and '_', not beginning with a digit or '__', not a Python keyword)"
            )
        if name in names:
            raise ValueError(f"variables lists {name!r} more than once")
        names.append(name)
    if dimension is not None and len(names) != dimension:
        raise ValueError(f"variables has {len(names)} names but the ambient dimension is {dimension}")
    return tuple(names)


def natural_key(name: str) -> tuple:
    """Sort key that orders the digits in a name as a number: ``x2`` before ``x10``.

    Examples
    --------
    >>> sorted(["x10", "y", "x2", "b", "x1"], key=natural_key)
    ['b', 'x1', 'x2', 'x10', 'y']
    """
    parts = re.split(r"(\d+)", name)
    return tuple(int(p) if k % 2 else p for k, p in enumerate(parts)), name


def fresh_name(names, preferred: str = "t") -> str:
    """``preferred`` if it is not among ``names``, else the first of ``preferred0``, ``preferred1``, ....

    Examples
    --------
    >>> fresh_name(["x", "y"]), fresh_name(["t", "t0"])
    ('t', 't1')
    """
    taken = set(names)
    if preferred not in taken:
        return preferred
    k = 0
    while f"{preferred}{k}" in taken:
        k += 1
    return f"{preferred}{k}"


def latex_name(name: str) -> str:
    r"""A coordinate name in LaTeX: trailing digits (or a part after ``_``) become a subscript.

    Examples
    --------
    >>> latex_name("x1"), latex_name("w_12"), latex_name("b"), latex_name("x_a"), latex_name("tau")
    ('x_{1}', 'w_{12}', 'b', 'x_{a}', '\\mathit{tau}')
    """
    match = re.fullmatch(r"([A-Za-z]+)_?([0-9]+)", name) or re.fullmatch(r"([A-Za-z]+)_([A-Za-z0-9]+)", name)
    if match:
        base, subscript = match.groups()
        return f"{_latex_base(base)}_{{{subscript}}}"
    return _latex_base(name)


def _latex_base(text: str) -> str:
    if len(text) == 1:
        return text
    return r"\mathit{" + text.replace("_", r"\_") + "}"


def _shown(entry) -> str:
    text = entry if isinstance(entry, str) else str(entry)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _read(entry, names, where: str):
    """The sympy expression f of one form (the hyperplane is f = 0)."""
    import sympy

    from ..expressions import ExpressionError, as_expression, parse_expression, parse_relations

    if isinstance(entry, str):
        if not any(ch in entry for ch in _RELATION_CHARACTERS):
            return parse_expression(entry, names, where=where)
        try:
            relations = parse_relations(entry, names, where=where)
        except ExpressionError as exc:
            if exc.token == "!=":
                raise ValueError(
                    f"{where} {_shown(entry)} uses '!='; a hyperplane is an equation: write it with '='"
                ) from None
            raise
        if len(relations) > 1:
            raise ValueError(f"{where} {_shown(entry)} is a chain of {len(relations)} relations; "
                             "pass one equation per form")
        relation = relations[0]
        if relation.op != "==":
            raise ValueError(_inequality(where, entry))
        return relation.form
    if isinstance(entry, (bool, sympy.logic.boolalg.BooleanAtom)):
        raise ValueError(
            f"{where} is {entry}: the relation was decided before it reached here (in Python, x == 1 is a "
            "comparison); pass sympy.Eq(x, 1), the form x - 1 or the string 'x = 1'"
        )
    if isinstance(entry, sympy.core.relational.Relational):
        if entry.rel_op != "==":
            raise ValueError(_inequality(where, entry))
        return entry.lhs - entry.rhs
    expression = as_expression(entry, where=where)
    if not isinstance(expression, sympy.Expr):
        raise TypeError(f"{where} is {entry!r}; pass a linear form such as 'x - y' or a sympy expression")
    if names is not None:
        unknown = sorted({s.name for s in expression.free_symbols} - set(names), key=natural_key)
        if unknown:
            raise ValueError(
                f"{where} {_shown(entry)} uses {', '.join(unknown)}, which is not among the variables "
                f"{', '.join(names)}"
            )
    return expression


def _inequality(where: str, entry) -> str:
    return (
        f"{where} {_shown(entry)} is an inequality; an arrangement is made of hyperplanes: write an equation "
        "('x = 1') or a form ('x - 1'); half-spaces and polyhedra are Polyhedron.from_expressions"
    )


def _linear(expression, names: tuple[str, ...], where: str, entry):
    """Normal vector (in the order of ``names``) and offset c of the hyperplane ``expression = 0``."""
    import sympy

    floats = expression.atoms(sympy.Float)
    if floats:
        value = float(min(floats, key=abs))
        raise TypeError(f"{where} contains the float {value!r}; {_exact._float_hint(value)}")
    expression = sympy.expand(expression)
    symbols = sorted(expression.free_symbols, key=lambda s: natural_key(s.name))
    coefficients = dict.fromkeys(names, 0)
    constant = expression
    if symbols:
        try:
            poly = sympy.Poly(expression, *symbols)
        except sympy.PolynomialError:
            raise ValueError(f"{where} {_shown(entry)} is not a polynomial in "
                             f"{', '.join(map(str, symbols))}, so not a linear form") from None
        degree = poly.total_degree()
        if degree > 1:
            raise ValueError(f"{where} {_shown(entry)} is not linear (degree {degree}); a hyperplane is the "
                             "zero set of a linear form a . x - c")
        for s in symbols:
            position = f"{where} (coefficient of {s})"
            coefficients[s.name] += _exact.exact_scalar(poly.coeff_monomial(s), position)
        constant = poly.coeff_monomial(1)
    normal = tuple(_exact.exact_scalar(coefficients[n], where) for n in names)
    constant = _exact.exact_scalar(constant, f"{where} (constant term)")
    if not any(normal):
        holds = "every point" if constant == 0 else "no point"
        raise ValueError(
            f"{where} {_shown(entry)} has no variable term: it reads {_exact.fraction_str(constant)} = 0, "
            f"which {holds} satisfies, so its normal is the zero vector; a hyperplane needs a non-zero normal"
        )
    return normal, -constant


def from_forms(forms, variables=None, *, dedupe: bool = False):
    """The arrangement of the hyperplanes ``f = 0`` for linear forms ``f`` in named variables.

    Parameters
    ----------
    forms : str, sympy expression or equation, or a sequence of them
        ``"x - y"`` (the hyperplane x - y = 0), ``"2*x = 3*y + 4"`` (lhs - rhs = 0),
        ``x + y - 1`` or ``sympy.Eq(x, 1)``.  Strings are read by
        :func:`exactgeom.expressions.parse_expression`; coefficients must be rational.
    variables : sequence of str or sympy Symbol, optional
        The coordinates, in order; they may include names no form uses.  By default the
        names that occur, sorted by name with digits compared as numbers (``x2`` before
        ``x10``, ``b`` before ``w1``).  Sage's ``HyperplaneArrangements(QQ, names)``
        always asks for them; pass them whenever the order matters.
    dedupe : bool, optional
        Merge repeated hyperplanes (also multiples of one equation) instead of raising,
        as for the matrix constructor.

    Returns
    -------
    Arrangement
        With ``variables`` set to the names; hyperplane ``i`` comes from ``forms[i]``.

    Raises
    ------
    ValueError
        Text outside the grammar (an :class:`~exactgeom.expressions.ExpressionError`), a name
        not among ``variables``, an inequality or a chain, a non-linear form, a form without
        variable term, the same hyperplane twice (unless ``dedupe``), no forms and no variables.
    TypeError
        A float coefficient (``0.5``), an irrational coefficient, an entry of another type.

    Examples
    --------
    >>> A = from_forms(["x1 - x2", "x2 - x10", "x1 = x10"])
    >>> A.variables, A.num_regions()
    (('x1', 'x2', 'x10'), 6)
    >>> from_forms(["w1 + b", "b"], variables=["w1", "b"]).normals
    ((Fraction(1, 1), Fraction(1, 1)), (Fraction(0, 1), Fraction(1, 1)))
    >>> from_forms(["x*y - 1"])
    Traceback (most recent call last):
        ...
    ValueError: forms[0] 'x*y - 1' is not linear (degree 2); a hyperplane is the zero set of a linear form \
a . x - c
    >>> from_forms(["x - y", "2*y = 2*x"])
    Traceback (most recent call last):
        ...
    ValueError: forms[0] 'x - y' and forms[1] '2*y = 2*x' are the same hyperplane (one equation is a \
multiple of the other); pass dedupe=True to merge them
    """
    import sympy

    from .arrangement import Arrangement

    if isinstance(forms, (str, sympy.Basic)):
        forms = [forms]
    forms = list(forms)
    names = check_names(variables)
    expressions = [_read(entry, names, f"forms[{i}]") for i, entry in enumerate(forms)]
    if names is None:
        if not forms:
            raise ValueError("no forms and no variables: pass variables=(...) to fix the ambient space")
        occurring = {s.name for e in expressions for s in e.free_symbols}
        names = tuple(sorted(occurring, key=natural_key))
    normals, offsets, seen = [], [], {}
    for i, (entry, expression) in enumerate(zip(forms, expressions)):
        normal, offset = _linear(expression, names, f"forms[{i}]", entry)
        key = _hyperplane_key(normal, offset)
        if key in seen and not dedupe:
            j = seen[key]
            raise ValueError(
                f"forms[{j}] {_shown(forms[j])} and forms[{i}] {_shown(entry)} are the same hyperplane (one "
                "equation is a multiple of the other); pass dedupe=True to merge them"
            )
        seen.setdefault(key, i)
        normals.append(normal)
        offsets.append(offset)
    return Arrangement(normals, offsets, dimension=len(names), dedupe=dedupe, variables=names)


def _hyperplane_key(normal, offset) -> tuple[int, ...]:
    """The primitive integer vector of ``(a, c)``: equal exactly for equations of the same hyperplane."""
    return _exact.primitive_integer_vector((*normal, offset))


def distinct_hyperplanes(normals, offsets, dedupe: bool) -> tuple[tuple, tuple]:
    """Check exact rows ``(a_i, c_i)`` for zero normals and repeated hyperplanes; merge or refuse repeats.

    With ``dedupe`` the first equation of each hyperplane is kept; without, a repeat
    is a ``ValueError`` naming both indices.
    """
    seen: dict[tuple[int, ...], int] = {}
    keep_rows, keep_offs = [], []
    for i, (a, c) in enumerate(zip(normals, offsets)):
        if not any(a):
            raise ValueError(f"normals[{i}] is the zero vector; a hyperplane needs a non-zero normal")
        key = _hyperplane_key(a, c)
        if key in seen:
            if dedupe:
                continue
            raise ValueError(
                f"hyperplanes {seen[key]} and {i} are the same hyperplane (one equation is a multiple "
                "of the other); pass dedupe=True to merge them"
            )
        seen[key] = i
        keep_rows.append(a)
        keep_offs.append(c)
    return tuple(keep_rows), tuple(keep_offs)

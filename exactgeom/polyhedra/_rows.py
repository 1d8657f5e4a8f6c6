"""Rows of a linear system over Q: their kinds, their validation and their evaluation at a point.

A row is ``(a, kind, b)`` meaning ``a . x  kind  b`` with ``kind`` one of :data:`KINDS`.
:class:`~exactgeom.polyhedra.Polyhedron` checks its input here and evaluates its rows here.

Examples
--------
>>> from fractions import Fraction
>>> check_kinds(["<", "=", ">="], 3)
('<', '==', '>=')
>>> satisfies(Fraction(1), "<", Fraction(1)), satisfies(Fraction(1), "<=", Fraction(1))
(False, True)
"""

from __future__ import annotations

from fractions import Fraction

__all__ = ["KINDS", "CLOSED", "Row", "satisfies", "check_kinds", "check_variables"]

KINDS = ("<=", "<", "==", ">=", ">")
CLOSED = {"<": "<=", ">": ">="}  # the closed kind a strict kind relaxes to

_ALIASES = {"=": "=="}

Row = tuple[tuple[Fraction, ...], str, Fraction]


def satisfies(value: Fraction, kind: str, rhs: Fraction) -> bool:
    """Whether ``value  kind  rhs`` holds, ``value`` being a row's left-hand side at a point."""
    if kind == "<=":
        return value <= rhs
    if kind == "<":
        return value < rhs
    if kind == "==":
        return value == rhs
    if kind == ">=":
        return value >= rhs
    return value > rhs


def check_kinds(kinds, count: int) -> tuple[str, ...]:
    """The ``count`` kinds of a system, ``"="`` read as ``"=="``; anything else is refused, named.

    Examples
    --------
    >>> check_kinds("<", 1)
    Traceback (most recent call last):
        ...
    TypeError: kinds must be a sequence of strings, one per row (e.g. ["<", "<="]), not the string '<'
    """
    if isinstance(kinds, str):
        raise TypeError(
            f'kinds must be a sequence of strings, one per row (e.g. ["<", "<="]), not the string {kinds!r}'
        )
    out = []
    for i, kind in enumerate(kinds):
        if not isinstance(kind, str):
            raise TypeError(f"kinds[{i}] is {kind!r}; use one of {', '.join(repr(k) for k in KINDS)}")
        kind = _ALIASES.get(kind, kind)
        if kind not in KINDS:
            raise ValueError(f"kinds[{i}] is {kind!r}; use one of {', '.join(repr(k) for k in KINDS)}")
        out.append(kind)
    if len(out) != count:
        raise ValueError(f"kinds has {len(out)} entries but A has {count} rows; give one kind per row")
    return tuple(out)


def check_variables(variables, dimension: int) -> tuple[str, ...] | None:
    """The coordinate names (from strings or sympy Symbols): ``dimension`` distinct names, or ``None``."""
    if variables is None:
        return None
    names = tuple(v if isinstance(v, str) else getattr(v, "name", None) for v in variables)
    if any(not isinstance(n, str) for n in names):
        raise TypeError("variables must be names (str) or sympy Symbols")
    if len(names) != dimension:
        raise ValueError(f"variables has {len(names)} names but the ambient dimension is {dimension}")
    if len(set(names)) != len(names):
        raise ValueError(f"variables repeats a name: {list(names)}")
    return names

"""Closed faces of an arrangement as pplpy polyhedra.

A face of an arrangement is determined by its *covector* ``τ ∈ {+1, 0, -1}^n``, the sign
of ``a_i . x - c_i`` on it, and its closure is the closed polyhedron
``{x : τ_i (a_i . x - c_i) >= 0}`` (``= 0`` where ``τ_i = 0``).  Used by
:class:`exactgeom.arrangements.regions.Region` and :class:`exactgeom.arrangements.faces.Face`
(closures, facets, boundedness); the enumerations themselves use no polyhedra
(:mod:`exactgeom.arrangements._incremental`, :mod:`exactgeom.arrangements._face_table`).
"""

from __future__ import annotations


import ppl

from ..polyhedra import _ppl


def _integer_rows(arrangement) -> list[tuple[list[int], int]]:
    """Each hyperplane ``a . x = c`` scaled by a positive integer to integer ``(a, c)``."""
    return [_ppl.integer_row(a, c) for a, c in zip(arrangement.normals, arrangement.offsets)]


def _half_spaces(rows) -> list[tuple[ppl.Constraint, ppl.Constraint, ppl.Constraint]]:
    """Per hyperplane the pplpy constraints ``f >= 0``, ``f <= 0`` and ``f == 0``, ``f = a . x - c``."""
    out = []
    for a, c in rows:
        f = ppl.Linear_Expression(a, -c)
        out.append((f >= 0, f <= 0, f == 0))
    return out


def _closure(dimension: int, half_spaces, covector) -> ppl.C_Polyhedron:
    """The closed polyhedron ``{x : covector_i f_i(x) >= 0}`` (``== 0`` where the covector is 0)."""
    P = ppl.C_Polyhedron(dimension, "universe")
    for (ge, le, eq), s in zip(half_spaces, covector):
        P.add_constraint(ge if s > 0 else le if s < 0 else eq)
    return P


def _closure_of(arrangement, covector) -> ppl.C_Polyhedron:
    """:func:`_closure` of the face of ``arrangement`` with this covector (or sign vector)."""
    return _closure(arrangement.dimension, _half_spaces(_integer_rows(arrangement)), covector)

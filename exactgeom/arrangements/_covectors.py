"""Covectors of an arrangement as pplpy polyhedra: the closed faces and a depth-first search over them.

A face of an arrangement is determined by its *covector* ``τ ∈ {+1, 0, -1}^n``, the sign
of ``a_i . x - c_i`` on it, and its closure is the closed polyhedron
``{x : τ_i (a_i . x - c_i) >= 0}`` (``= 0`` where ``τ_i = 0``).  :func:`_leaves` enumerates
the faces (or only the regions) depth first, hyperplane by hyperplane, deciding with two
PPL relation queries whether the next hyperplane cuts a face.  Used by
:mod:`exactgeom.arrangements.faces` (face enumeration) and by
:class:`exactgeom.arrangements.regions.Region` (closures, facets, boundedness).
"""

from __future__ import annotations

from collections.abc import Iterator

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


_INCLUDED = ppl.Poly_Con_Relation.is_included()


def _sides(P: ppl.C_Polyhedron, half_space) -> tuple[bool, bool]:
    """Whether ``P`` has points with ``f > 0`` and with ``f < 0``."""
    ge, le, _ = half_space
    return (not P.relation_with(le).implies(_INCLUDED), not P.relation_with(ge).implies(_INCLUDED))


def _leaves(dimension: int, half_spaces, prefix: tuple[int, ...] = (), *,
            zero: bool = False) -> Iterator[tuple[tuple[int, ...], ppl.C_Polyhedron]]:
    """Depth first, the faces below ``prefix`` (a face of the first ``len(prefix)`` hyperplanes).

    With ``zero=False`` the regions: hyperplane ``k + 1`` splits a node in two
    (``+1``, ``-1``) when its closure has generators strictly on both sides.
    With ``zero=True`` all faces: such a node splits in three (``+1``, ``0``,
    ``-1``).  Otherwise the node lies on one closed side, so its relative
    interior lies strictly on that side, or (faces only) inside the hyperplane.
    Children are visited in the order ``+1, 0, -1``, so the covectors come in
    lexicographic order for that order of signs.  Each leaf is its covector
    and its closure, a closed pplpy polyhedron owned by the caller.
    """
    n = len(half_spaces)
    stack = [(_closure(dimension, half_spaces, prefix), prefix)]
    while stack:
        P, signs = stack.pop()
        k = len(signs)
        while k < n:
            plus, minus = _sides(P, half_spaces[k])
            if plus and minus:
                ge, le, eq = half_spaces[k]
                Q = ppl.C_Polyhedron(P)
                Q.add_constraint(le)
                stack.append((Q, signs + (-1,)))
                if zero:
                    Z = ppl.C_Polyhedron(P)
                    Z.add_constraint(eq)
                    stack.append((Z, signs + (0,)))
                P.add_constraint(ge)
                signs += (1,)
            else:
                signs += (1,) if plus else (-1,) if minus else (0,)
            k += 1
        yield signs, P

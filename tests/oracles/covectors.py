"""Faces of an arrangement by a depth-first search over pplpy polyhedra, one exact LP test per node.

The search the package used before its faces were read off the regions of restrictions
(exactgeom/arrangements/_face_table.py); kept as an independent answer for the tests.
"""

from __future__ import annotations

from collections.abc import Iterator

import ppl

from exactgeom.arrangements._covectors import _closure, _half_spaces, _integer_rows

_INCLUDED = ppl.Poly_Con_Relation.is_included()


def _sides(P: ppl.C_Polyhedron, half_space) -> tuple[bool, bool]:
    """Whether ``P`` has points with ``f > 0`` and with ``f < 0``."""
    ge, le, _ = half_space
    return (not P.relation_with(le).implies(_INCLUDED), not P.relation_with(ge).implies(_INCLUDED))


def leaves(dimension: int, half_spaces, prefix: tuple[int, ...] = (), *,
           zero: bool = False) -> Iterator[tuple[tuple[int, ...], ppl.C_Polyhedron]]:
    """Depth first, the faces below ``prefix`` (a face of the first ``len(prefix)`` hyperplanes).

    With ``zero=False`` the regions: hyperplane ``k + 1`` splits a node in two
    (``+1``, ``-1``) when its closure has generators strictly on both sides.
    With ``zero=True`` all faces: such a node splits in three (``+1``, ``0``,
    ``-1``).  Otherwise the node lies on one closed side, so its relative
    interior lies strictly on that side, or (faces only) inside the hyperplane.
    Children are visited in the order ``+1, 0, -1``, so the covectors come in
    lexicographic order for that order of signs.  Each leaf is its covector
    and its closure, a closed pplpy polyhedron.
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


def faces_by_search(arrangement) -> list[tuple[tuple[int, ...], int]]:
    """``(covector, dimension)`` of every face, in the search's order (lexicographic, ``+1 < 0 < -1``)."""
    half_spaces = _half_spaces(_integer_rows(arrangement))
    found = leaves(arrangement.dimension, half_spaces, zero=True)
    return [(signs, P.affine_dimension()) for signs, P in found]

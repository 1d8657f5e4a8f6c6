"""Arrangements built from an arrangement: center, essentialization, cone, deletion, restriction.

Each function takes an :class:`~exactgeom.arrangements.arrangement.Arrangement`
and returns a new one (or the center, an affine subspace); the methods of the
same names on ``Arrangement`` call these.  Results are built with
``Arrangement._trusted``: their entries are already exact and checked.

Examples
--------
>>> from exactgeom.library import braid
>>> A = braid(3)
>>> [len(B) for B in (deletion(A, 0), restriction(A, 0), cone(A))]
[2, 1, 4]
"""

from __future__ import annotations

from fractions import Fraction

from .. import _exact
from . import forms as _forms
from .arrangement import AffineSubspace, Arrangement
from .forms import _hyperplane_key

__all__ = ["center", "essentialization", "cone", "deletion", "restriction"]


def center(arrangement: Arrangement) -> AffineSubspace | None:
    """The intersection of all hyperplanes, or ``None`` when it is empty.

    The empty arrangement has the whole space Q^d as its center.

    Examples
    --------
    >>> center(Arrangement([[1, 0, 0], [0, 1, 0]], offsets=[1, 2]))
    AffineSubspace(point=(Fraction(1, 1), Fraction(2, 1), Fraction(0, 1)),
                   directions=((Fraction(0, 1), Fraction(0, 1), Fraction(1, 1)),))
    >>> center(Arrangement([[1, 0], [1, 0]], offsets=[0, 1])) is None
    True
    """
    d = arrangement.ambient_dimension
    if not arrangement.normals:
        basis = tuple(tuple(Fraction(int(i == j)) for j in range(d)) for i in range(d))
        return AffineSubspace((Fraction(0),) * d, basis)
    point = _exact.solve(arrangement.normals, arrangement.offsets)
    if point is None:
        return None
    return AffineSubspace(point, tuple(_exact.nullspace(arrangement.normals, d)))


def essentialization(arrangement: Arrangement) -> Arrangement:
    """The essential arrangement in Q^rank obtained by quotienting out the common direction space.

    New coordinates are ``y = B x`` where ``B`` is the reduced row echelon basis
    of the span of the normals; hyperplane ``a . x = c`` becomes ``lambda . y = c``
    with ``a = lambda B``.  Regions, the lattice and χ/t^(d-rank) are preserved.

    Since ``lambda_k = a[p_k]`` for the pivot columns ``p_k`` of ``B``, the result is
    also the trace of A on the coordinate subspace where the non-pivot coordinates
    vanish, in the pivot coordinates: it keeps their names.

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> E = essentialization(braid(3))
    >>> E.ambient_dimension, E.is_essential(), E.num_regions()
    (2, True, 6)
    >>> E.variables
    ('x1', 'x2')
    """
    A = arrangement
    B, pivots = _exact.rref(A.normals, A.ambient_dimension)
    normals = tuple(tuple(a[p] for p in pivots) for a in A.normals)
    names = None if A.variables is None else tuple(A.variables[p] for p in pivots)
    return Arrangement._trusted(normals, A.offsets, len(B), names)


def cone(arrangement: Arrangement, variable: str | None = None) -> Arrangement:
    """The cone cA in Q^(d+1): ``a . x - c x_0 = 0`` for each hyperplane, plus ``x_0 = 0``.

    The new coordinate ``x_0`` is the last one and the hyperplane ``x_0 = 0`` is
    the last hyperplane.  ``χ_{cA}(t) = (t - 1) χ_A(t)``.

    Parameters
    ----------
    arrangement : Arrangement
    variable : str, optional
        The name of the new coordinate.  By default an arrangement with names gets
        ``t`` (as in Sage), or ``t0``, ``t1``, ... when ``t`` is taken, and one without
        names stays without.  Naming it names the old coordinates ``x1, ..., xd`` if
        they have no names.

    Examples
    --------
    >>> cone(Arrangement([[1]], offsets=[1])).normals
    ((Fraction(1, 1), Fraction(-1, 1)), (Fraction(0, 1), Fraction(1, 1)))
    >>> cone(Arrangement.from_forms(["x + y = 1", "t"])).equations()
    ('x + y - t0 = 0', 't = 0', 't0 = 0')
    """
    from .export import coordinate_names

    A = arrangement
    d = A.ambient_dimension
    normals = [(*a, -c) for a, c in zip(A.normals, A.offsets)]
    normals.append((Fraction(0),) * d + (Fraction(1),))
    names = None
    if variable is not None or A.variables is not None:
        old = coordinate_names(A)
        names = _forms.check_names((*old, variable or _forms.fresh_name(old)), d + 1)
    return Arrangement._trusted(normals, (Fraction(0),) * len(normals), d + 1, names)


def _check_index(arrangement: Arrangement, i: int) -> None:
    if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < len(arrangement):
        raise IndexError(
            f"hyperplane index {i!r} out of range for an arrangement of {len(arrangement)} hyperplanes"
        )


def deletion(arrangement: Arrangement, i: int) -> Arrangement:
    """The arrangement without hyperplane ``i`` (later hyperplanes move down one index).

    Raises
    ------
    IndexError
        ``i`` is not the index of a hyperplane.

    Examples
    --------
    >>> deletion(Arrangement([[1, 0], [0, 1], [1, 1]]), 1).normals
    ((Fraction(1, 1), Fraction(0, 1)), (Fraction(1, 1), Fraction(1, 1)))
    """
    A = arrangement
    _check_index(A, i)
    return Arrangement._trusted(A.normals[:i] + A.normals[i + 1 :], A.offsets[:i] + A.offsets[i + 1 :],
                                A.ambient_dimension, A.variables)


def restriction(arrangement: Arrangement, i: int) -> Arrangement:
    """The arrangement induced on hyperplane ``H_i``, in coordinates of ``H_i``.

    ``H_i`` is parametrised by the coordinates other than the pivot of its
    normal (the first non-zero entry): ``x = p + N y`` with ``N`` the standard
    kernel basis.  Hyperplanes parallel to ``H_i`` (empty intersection) are
    dropped and coinciding traces are merged.  Since ``p`` and ``N`` are zero and
    the identity on the other coordinates, ``y`` *is* those coordinates of ``x``,
    and they keep their names (the pivot's name is dropped).

    Raises
    ------
    IndexError
        ``i`` is not the index of a hyperplane.

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> R = restriction(braid(3), 0)
    >>> R.ambient_dimension, len(R), R.variables
    (2, 1, ('x2', 'x3'))
    """
    A = arrangement
    _check_index(A, i)
    a_i, c_i = A.normals[i], A.offsets[i]
    p = _exact.solve([a_i], [c_i])
    N = _exact.nullspace([a_i], A.ambient_dimension)
    normals, offsets, seen = [], [], set()
    for j, (a, c) in enumerate(zip(A.normals, A.offsets)):
        if j == i:
            continue
        new_a = tuple(_exact.dot(a, n) for n in N)
        if not any(new_a):
            continue
        new_c = c - _exact.dot(a, p)
        key = _hyperplane_key(new_a, new_c)
        if key in seen:
            continue
        seen.add(key)
        normals.append(new_a)
        offsets.append(new_c)
    names = None
    if A.variables is not None:
        pivot = next(j for j, v in enumerate(a_i) if v)
        names = A.variables[:pivot] + A.variables[pivot + 1 :]
    return Arrangement._trusted(normals, offsets, A.ambient_dimension - 1, names)

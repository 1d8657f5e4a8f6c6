"""Polyhedral cones ``{x : R x >= 0}`` and their interiors, on raw integer rows (double description).

These are for hot loops that decide thousands of tiny homogeneous systems
(classification fans of tropical classifiers): each call builds one pplpy
``C_Polyhedron`` from integer rows, with no :class:`~exactgeom.polyhedra.Polyhedron`
object in between.  On such small dense systems pplpy's double description
decides emptiness several times faster than its simplex
(:func:`~exactgeom.polyhedra.lp.linear_program`), and its generators give the
point.  A proof that an open cone is empty is a Gordan certificate
(:func:`gordan_multipliers`, Motzkin's multipliers of the strict system).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import ppl

from . import _ppl
from .lp import motzkin_multipliers

__all__ = ["open_cone_point", "gordan_multipliers", "cone_facets"]


def open_cone_point(rows: Sequence[Sequence[int]], dimension: int) -> tuple[Fraction, ...] | None:
    """A point ``x`` with ``r . x >= 1`` for every row ``r``, or ``None`` when ``R x > 0`` has no solution.

    The open cone ``{x : R x > 0}`` is non-empty exactly when a point is
    returned, and the point lies in it: any strict solution scaled up
    satisfies ``R x >= 1``.

    Parameters
    ----------
    rows : sequence of sequences of ``dimension`` ints
        Integer rows (scale rational rows by a positive factor first, e.g. with
        :func:`exactgeom._exact.clear_denominators`).
    dimension : int

    Returns
    -------
    tuple of Fraction or None

    Examples
    --------
    >>> open_cone_point([[1, 0], [0, 1]], 2)
    (Fraction(1, 1), Fraction(1, 1))
    >>> open_cone_point([[1, 0], [-1, 0]], 2) is None
    True

    Notes
    -----
    One double-description emptiness test of ``{R x >= 1}``; a point
    generator of the result is returned.  When ``None`` is returned,
    :func:`gordan_multipliers` proves it.
    """
    constraints = ppl.Constraint_System()
    for r in rows:
        constraints.insert(ppl.Linear_Expression(list(r), -1) >= 0)
    polyhedron = ppl.C_Polyhedron(constraints)
    if polyhedron.space_dimension() < dimension:
        polyhedron.add_space_dimensions_and_embed(dimension - polyhedron.space_dimension())
    if polyhedron.is_empty():
        return None
    return next(_ppl.generator_vector(g, dimension) for g in polyhedron.generators() if g.is_point())


def gordan_multipliers(rows: Sequence[Sequence[int]], dimension: int) -> tuple[Fraction, ...] | None:
    """Multipliers ``y >= 0`` with ``sum(y) = 1`` and ``y R = 0``, proving that ``R x > 0`` has no solution.

    Gordan's alternative: exactly one of ``R x > 0`` and
    ``{y >= 0, y != 0, y R = 0}`` has a solution.  Returns ``None`` when
    ``R x > 0`` has one.

    Parameters
    ----------
    rows : sequence of sequences of ``dimension`` exact scalars (int or Fraction)
    dimension : int

    Returns
    -------
    tuple of Fraction (one per row) or None

    Examples
    --------
    >>> gordan_multipliers([[1, 0], [-1, 0], [0, 1]], 2)
    (Fraction(1, 2), Fraction(1, 2), Fraction(0, 1))
    >>> gordan_multipliers([[1, 0], [0, 1]], 2) is None
    True

    Notes
    -----
    The special case of Motzkin's transposition theorem with strict rows
    only: :func:`~exactgeom.polyhedra.lp.motzkin_multipliers` of the rows
    ``r . x > 0`` (one exact LP), scaled to sum 1.
    """
    zero = Fraction(0)
    y = motzkin_multipliers(dimension, [(r, ">", zero) for r in rows])
    if y is None:
        return None
    total = sum(y)
    return tuple(v / total for v in y)


def cone_facets(rows: Sequence[Sequence[int]], dimension: int) -> list[list[int]]:
    """The facets of the closed cone ``{x : R x >= 0}``, each as the sorted list of row indices defining it.

    The cone must be full-dimensional (``R x > 0`` feasible, see
    :func:`open_cone_point`); then each facet is ``{r . x = 0}`` for the rows
    ``r`` positively proportional to one irredundant constraint, and every row
    not listed is redundant.

    Parameters
    ----------
    rows : sequence of sequences of ``dimension`` ints
    dimension : int

    Returns
    -------
    list of lists of int, sorted

    Examples
    --------
    >>> cone_facets([[1, 0], [0, 1], [1, 1], [2, 0]], 2)
    [[0, 3], [1]]

    Notes
    -----
    One double-description minimisation of the constraint system; rows and
    minimised constraints are matched by their primitive integer vectors
    (pplpy's normal form).
    """
    polyhedron = ppl.C_Polyhedron(dimension, "universe")
    # pplpy stores each constraint divided by the gcd of its coefficients, so positively
    # proportional integer rows, and a row and the minimised constraint it gives, look alike.
    index: dict[tuple[int, ...], list[int]] = {}
    for i, r in enumerate(rows):
        c = ppl.Linear_Expression(list(r), 0) >= 0
        polyhedron.add_constraint(c)
        index.setdefault(tuple(_ppl.padded(c.coefficients(), dimension)), []).append(i)
    out = []
    for c in polyhedron.minimized_constraints():
        key = tuple(_ppl.padded(c.coefficients(), dimension))
        if key in index:
            out.append(index[key])
    return sorted(out)

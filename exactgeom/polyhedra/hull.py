"""Exact convex hulls of finitely many rational points (pplpy double description).

:func:`convex_hull_vertices` gives the vertices of ``conv(points)``,
:func:`upper_hull_vertices` those of ``conv(points) + cone(-e_last)`` (the
points seen from above: for lifted points ``(alpha_i, c_i)`` these are the
terms of a max-plus polynomial that matter), and :func:`polygon_vertices`
the corners of a planar polyhedron cut to a box, in counter-clockwise order.
Points are sequences of exact scalars (int or Fraction), as produced by
:mod:`exactgeom._exact`.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from functools import cmp_to_key

import ppl

from . import _ppl

__all__ = ["convex_hull_vertices", "upper_hull_vertices", "polygon_vertices"]

Point = tuple[Fraction, ...]


def _vertices(
    points: Sequence[Sequence[Fraction]], rays: Sequence[Sequence[int]], name: str
) -> tuple[Point, ...]:
    if not points:
        raise ValueError(f"{name} needs at least one point; the convex hull of no points is empty")
    dimension = len(points[0])
    polyhedron = ppl.C_Polyhedron(dimension, "empty")
    for i, p in enumerate(points):
        if len(p) != dimension:
            raise ValueError(f"points[{i}] has {len(p)} coordinates but points[0] has {dimension}")
        coefficients, divisor = _ppl.integer_row(p, Fraction(1))
        polyhedron.add_generator(ppl.point(ppl.Linear_Expression(coefficients, 0), divisor))
    for r in rays:
        polyhedron.add_generator(ppl.ray(ppl.Linear_Expression(list(r), 0)))
    return tuple(
        sorted(_ppl.generator_vector(g, dimension) for g in polyhedron.minimized_generators() if g.is_point())
    )


def convex_hull_vertices(points: Sequence[Sequence[Fraction]]) -> tuple[Point, ...]:
    """The vertices of the convex hull of finitely many rational points, sorted.

    Parameters
    ----------
    points : non-empty sequence of points of one length ``d`` (exact scalars)

    Returns
    -------
    tuple of tuples of Fraction
        The points that are not convex combinations of the others (repeated
        points counted once), in lexicographic order.

    Raises
    ------
    ValueError
        No points, or points of different lengths.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> convex_hull_vertices([(0, 0), (2, 0), (1, 0), (0, 1), (F(1, 3), F(1, 3))])
    ((Fraction(0, 1), Fraction(0, 1)), (Fraction(0, 1), Fraction(1, 1)), (Fraction(2, 1), Fraction(0, 1)))
    >>> convex_hull_vertices([(), ()])
    ((),)

    Notes
    -----
    One double-description minimisation of the generator system (pplpy).
    """
    return _vertices(points, (), "convex_hull_vertices")


def upper_hull_vertices(points: Sequence[Sequence[Fraction]]) -> tuple[Point, ...]:
    """Vertices of ``conv(points) + cone(-e_d)``: the points on the upper hull (last coordinate up), sorted.

    A point is returned exactly when some linear function ``x -> (u, 1) . x``
    attains its maximum over the points there and nowhere else.  For lifted
    points ``(alpha_i, c_i)`` these are the terms of the max-plus polynomial
    ``max_i (c_i + <alpha_i, x>)`` that are the unique maximum on an open set.

    Parameters
    ----------
    points : non-empty sequence of points of one length ``d >= 1`` (exact scalars)

    Returns
    -------
    tuple of tuples of Fraction, in lexicographic order

    Raises
    ------
    ValueError
        No points, points of different lengths, or points of length 0.

    Examples
    --------
    >>> upper_hull_vertices([(0, 0), (1, 0), (2, 0), (1, -1)])
    ((Fraction(0, 1), Fraction(0, 1)), (Fraction(2, 1), Fraction(0, 1)))
    >>> upper_hull_vertices([(0, 0), (1, 1), (2, 0)])
    ((Fraction(0, 1), Fraction(0, 1)), (Fraction(1, 1), Fraction(1, 1)), (Fraction(2, 1), Fraction(0, 1)))

    Notes
    -----
    One double-description minimisation of the points plus the ray ``-e_d``.
    """
    if not points or not len(points[0]):
        raise ValueError("upper_hull_vertices needs at least one point with at least one coordinate")
    down = [0] * (len(points[0]) - 1) + [-1]
    return _vertices(points, [down], "upper_hull_vertices")


def _counter_clockwise(points: list[tuple[Fraction, Fraction]]) -> list[tuple[Fraction, Fraction]]:
    # Exact angular order around the centroid: upper half-plane first (angle in [0, pi)),
    # then the lower one; within a half-plane by the sign of the cross product.
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)

    def half(p) -> int:
        dx, dy = p[0] - cx, p[1] - cy
        return 0 if dy > 0 or (dy == 0 and dx > 0) else 1

    def compare(p, q) -> int:
        if half(p) != half(q):
            return half(p) - half(q)
        cross = (p[0] - cx) * (q[1] - cy) - (p[1] - cy) * (q[0] - cx)
        return -1 if cross > 0 else (1 if cross < 0 else 0)

    return sorted(points, key=cmp_to_key(compare))


def polygon_vertices(constraints, box) -> list[tuple[Fraction, Fraction]]:
    """Vertices, counter-clockwise, of the closure of a planar polyhedron cut to a box.

    Parameters
    ----------
    constraints : sequence of ``(row, kind, rhs)``
        Rows ``row . x  kind  rhs`` in Q^2, kinds ``"<=", "<", "==", ">=", ">"``;
        strict rows are relaxed (the closure is taken row by row).
    box : (xmin, xmax, ymin, ymax)
        Exact scalars.

    Returns
    -------
    list of (Fraction, Fraction)
        The vertices of ``closure ∩ box``, counter-clockwise around their
        centroid starting from angle 0; fewer than three for a segment, a point
        or the empty set.

    Examples
    --------
    >>> polygon_vertices([((1, 0), "<=", 0)], (-1, 1, -1, 1))
    [(Fraction(0, 1), Fraction(1, 1)), (Fraction(-1, 1), Fraction(1, 1)),
     (Fraction(-1, 1), Fraction(-1, 1)), (Fraction(0, 1), Fraction(-1, 1))]
    >>> polygon_vertices([((1, 1), "==", 3)], (0, 1, 0, 1))
    []

    Notes
    -----
    One double-description minimisation (pplpy ``C_Polyhedron``); the
    angular sort compares exact cross products.
    """
    xmin, xmax, ymin, ymax = (Fraction(v) for v in box)
    polyhedron = ppl.C_Polyhedron(2, "universe")
    box_rows = [((1, 0), ">=", xmin), ((1, 0), "<=", xmax), ((0, 1), ">=", ymin), ((0, 1), "<=", ymax)]
    rows = [*constraints, *box_rows]
    for row, kind, rhs in rows:
        relaxed = {"<": "<=", ">": ">="}.get(kind, kind)
        polyhedron.add_constraint(_ppl.constraint(row, relaxed, Fraction(rhs)))
    points = [_ppl.generator_vector(g, 2) for g in polyhedron.minimized_generators() if g.is_point()]
    if len(points) < 3:
        return points
    return _counter_clockwise(points)

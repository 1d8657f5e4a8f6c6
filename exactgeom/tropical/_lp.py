"""Exact feasibility and convex-hull primitives over pplpy for the tropical and ReLU code.

The hot loops (classification fans, linear regions) run thousands of small
exact problems; they talk to pplpy directly here instead of building full
:class:`~exactgeom.polyhedra.Polyhedron` objects, which are made only for
results handed to the user.

Rows are sequences of Fractions; each is scaled to integers by the lcm of its
denominators (a positive factor, which leaves the set it defines unchanged).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

import ppl

__all__ = [
    "integer_row",
    "positive_cone_point",
    "facet_rows",
    "gordan_multipliers",
    "interior_point",
    "nnc_dimension",
    "hull_vertices",
    "upper_hull_vertices",
    "polygon_vertices",
    "drop_contained",
]


def integer_row(row: Sequence[Fraction], rhs: Fraction = Fraction(0)) -> tuple[list[int], int]:
    """``(row, rhs)`` times the lcm of their denominators, as Python ints.

    Examples
    --------
    >>> integer_row([Fraction(1, 2), Fraction(1, 3)], Fraction(1))
    ([3, 2], 6)
    """
    lcm = Fraction(rhs).denominator
    for v in row:
        lcm = lcm * Fraction(v).denominator // math.gcd(lcm, Fraction(v).denominator)
    return [int(v * lcm) for v in row], int(rhs * lcm)


def _point(generator, dimension: int) -> tuple[Fraction, ...]:
    coefficients = [int(c) for c in generator.coefficients()]
    coefficients += [0] * (dimension - len(coefficients))
    divisor = int(generator.divisor())
    return tuple(Fraction(c, divisor) for c in coefficients)


def positive_cone_point(
    rows: Sequence[Sequence[int]], nvars: int, equations: Sequence[Sequence[int]] = ()
) -> tuple[Fraction, ...] | None:
    """A point x with ``row . x >= 1`` for every row (and ``e . x == 0`` for each equation), or ``None``.

    For a homogeneous system this decides strict feasibility: ``R x > 0`` has a
    solution exactly when ``R x >= 1`` has one (scale any strict solution), so
    the open cone ``{x : R x > 0}`` is non-empty iff a point is returned, and the
    point lies in it.  Rows must be integer (use :func:`integer_row`).

    Examples
    --------
    >>> positive_cone_point([[1, 0], [0, 1]], 2)
    (Fraction(1, 1), Fraction(1, 1))
    >>> positive_cone_point([[1, 0], [-1, 0]], 2) is None
    True
    """
    # A double-description emptiness test is several times faster than pplpy's
    # simplex on these small dense systems, and its generators give the point.
    constraints = ppl.Constraint_System()
    for r in rows:
        constraints.insert(ppl.Linear_Expression(list(r), -1) >= 0)
    for e in equations:
        constraints.insert(ppl.Linear_Expression(list(e), 0) == 0)
    polyhedron = ppl.C_Polyhedron(constraints)
    if polyhedron.space_dimension() < nvars:
        polyhedron.add_space_dimensions_and_embed(nvars - polyhedron.space_dimension())
    if polyhedron.is_empty():
        return None
    return next(_point(g, nvars) for g in polyhedron.generators() if g.is_point())


def gordan_multipliers(rows: Sequence[Sequence[int]], nvars: int) -> tuple[Fraction, ...] | None:
    """Multipliers ``y >= 0`` with ``sum(y) = 1`` and ``y R = 0``, proving ``R x > 0`` infeasible (Gordan).

    Returns ``None`` when ``R x > 0`` is feasible (then no such ``y`` exists).

    Examples
    --------
    >>> gordan_multipliers([[1, 0], [-1, 0], [0, 1]], 2)
    (Fraction(1, 2), Fraction(1, 2), Fraction(0, 1))
    """
    count = len(rows)
    problem = ppl.MIP_Problem(count)
    for i in range(count):
        problem.add_constraint(ppl.Variable(i) >= 0)
    problem.add_constraint(ppl.Linear_Expression([1] * count, -1) == 0)
    for k in range(nvars):
        problem.add_constraint(ppl.Linear_Expression([int(r[k]) for r in rows], 0) == 0)
    if not problem.is_satisfiable():
        return None
    return _point(problem.optimizing_point(), count)


def _primitive(values: Sequence[int]) -> tuple[int, ...]:
    g = 0
    for v in values:
        g = math.gcd(g, int(v))
    return tuple(int(v) // g for v in values) if g else tuple(int(v) for v in values)


def facet_rows(rows: Sequence[Sequence[int]], nvars: int) -> list[list[int]]:
    """The facets of the closed cone ``{x : R x >= 0}``, each as the list of row indices defining it.

    The cone must be full-dimensional (``R x > 0`` feasible); then its
    irredundant constraints are, up to positive scaling, some of the rows, and
    rows with proportional coefficients define the same facet.

    Examples
    --------
    >>> facet_rows([[1, 0], [0, 1], [1, 1], [2, 0]], 2)
    [[0, 3], [1]]
    """
    polyhedron = ppl.C_Polyhedron(nvars, "universe")
    index: dict[tuple[int, ...], list[int]] = {}
    for i, r in enumerate(rows):
        polyhedron.add_constraint(ppl.Linear_Expression(list(r), 0) >= 0)
        index.setdefault(_primitive(r), []).append(i)
    out = []
    for c in polyhedron.minimized_constraints():
        coefficients = [int(v) for v in c.coefficients()]
        coefficients += [0] * (nvars - len(coefficients))
        key = _primitive(coefficients)
        if key in index:
            out.append(index[key])
    return sorted(out)


def interior_point(
    strict: Sequence[tuple[Sequence[Fraction], Fraction]],
    equal: Sequence[tuple[Sequence[Fraction], Fraction]] = (),
    nvars: int | None = None,
) -> tuple[Fraction, ...] | None:
    """A point with ``a . x > c`` for every ``(a, c)`` in ``strict`` and ``a . x == c`` in ``equal``.

    Solved by homogenization: ``(x, s)`` with ``a . x - c s >= 1`` and ``s >= 1``;
    a solution divided by ``s`` satisfies the strict system, and any strict
    solution scales to one.  Returns ``None`` when the system has no solution.

    Examples
    --------
    >>> interior_point([((1,), Fraction(0)), ((-1,), Fraction(-2))])
    (Fraction(1, 1),)
    >>> interior_point([((1,), Fraction(1)), ((-1,), Fraction(-1))]) is None
    True
    """
    if nvars is None:
        nvars = len(strict[0][0]) if strict else len(equal[0][0])
    problem = ppl.MIP_Problem(nvars + 1)
    for a, c in strict:
        coefficients = integer_row([*a, -Fraction(c)])[0]
        problem.add_constraint(ppl.Linear_Expression(coefficients, -1) >= 0)
    for a, c in equal:
        coefficients = integer_row([*a, -Fraction(c)])[0]
        problem.add_constraint(ppl.Linear_Expression(coefficients, 0) == 0)
    problem.add_constraint(ppl.Variable(nvars) >= 1)
    if not problem.is_satisfiable():
        return None
    point = _point(problem.optimizing_point(), nvars + 1)
    s = point[-1]
    return tuple(v / s for v in point[:-1])


def nnc_dimension(constraints, nvars: int) -> int:
    """Affine dimension of ``{x : row . x kind rhs}`` (kinds ``<= < == >= >``); -1 when empty.

    Examples
    --------
    >>> nnc_dimension([((1, 0), ">", 0), ((1, 0), "<", 1)], 2)
    2
    >>> nnc_dimension([((1, 0), ">", 0), ((1, 0), "<=", 0)], 2)
    -1
    """
    polyhedron = ppl.NNC_Polyhedron(nvars, "universe")
    for row, kind, rhs in constraints:
        coefficients, constant = integer_row(row, Fraction(rhs))
        e = ppl.Linear_Expression(coefficients, -constant)
        polyhedron.add_constraint({"<=": e <= 0, "<": e < 0, "==": e == 0, ">=": e >= 0, ">": e > 0}[kind])
    if polyhedron.is_empty():
        return -1
    return int(polyhedron.affine_dimension())


def _hull(points: Sequence[Sequence[Fraction]], rays: Sequence[Sequence[int]] = ()) -> ppl.C_Polyhedron:
    dimension = len(points[0])
    generators = ppl.Generator_System()
    for p in points:
        coefficients = integer_row(list(p), Fraction(1))
        generators.insert(ppl.point(ppl.Linear_Expression(coefficients[0], 0), coefficients[1]))
    for r in rays:
        generators.insert(ppl.ray(ppl.Linear_Expression(list(r), 0)))
    polyhedron = ppl.C_Polyhedron(generators)
    if polyhedron.space_dimension() < dimension:
        polyhedron.add_space_dimensions_and_embed(dimension - polyhedron.space_dimension())
    return polyhedron


def _closed(constraints, nvars: int) -> ppl.C_Polyhedron:
    polyhedron = ppl.C_Polyhedron(nvars, "universe")
    for row, kind, rhs in constraints:
        coefficients, constant = integer_row(row, Fraction(rhs))
        e = ppl.Linear_Expression(coefficients, -constant)
        polyhedron.add_constraint(e == 0 if kind == "==" else (e <= 0 if kind in ("<=", "<") else e >= 0))
    return polyhedron


def drop_contained(pieces, nvars: int) -> list:
    """The closed polyhedra (constraint lists) not contained in another one of the list (first copy kept).

    Examples
    --------
    >>> drop_contained([[((1,), "==", 0)], [((1,), "<=", 1)]], 1)
    [[((1,), '<=', 1)]]
    """
    closed = [_closed(c, nvars) for c in pieces]
    keep = []
    for i, P in enumerate(closed):
        covered = any(j != i and Q.contains(P) and (not P.contains(Q) or j < i) for j, Q in enumerate(closed))
        if not covered:
            keep.append(pieces[i])
    return keep


def hull_vertices(points: Sequence[Sequence[Fraction]]) -> tuple[tuple[Fraction, ...], ...]:
    """The vertices of the convex hull of finitely many rational points, sorted.

    Examples
    --------
    >>> F = Fraction
    >>> hull_vertices([(F(0), F(0)), (F(2), F(0)), (F(1), F(0)), (F(0), F(1))])
    ((Fraction(0, 1), Fraction(0, 1)), (Fraction(0, 1), Fraction(1, 1)), (Fraction(2, 1), Fraction(0, 1)))
    """
    dimension = len(points[0])
    if dimension == 0:
        return ((),)
    polyhedron = _hull(points)
    return tuple(sorted(_point(g, dimension) for g in polyhedron.minimized_generators() if g.is_point()))


def upper_hull_vertices(points: Sequence[Sequence[Fraction]]) -> tuple[tuple[Fraction, ...], ...]:
    """Vertices of ``conv(points) + cone(-e_last)``: the points on the upper hull, sorted.

    For lifted points ``(alpha_i, c_i)`` these are the terms of a tropical
    (max-plus) polynomial that are the unique maximum on an open set.

    Examples
    --------
    >>> F = Fraction
    >>> upper_hull_vertices([(F(0), F(0)), (F(1), F(0)), (F(2), F(0)), (F(1), F(-1))])
    ((Fraction(0, 1), Fraction(0, 1)), (Fraction(2, 1), Fraction(0, 1)))
    """
    dimension = len(points[0])
    down = [0] * dimension
    down[-1] = -1
    polyhedron = _hull(points, [down])
    return tuple(sorted(_point(g, dimension) for g in polyhedron.minimized_generators() if g.is_point()))


def polygon_vertices(constraints, box) -> list[tuple[Fraction, Fraction]]:
    """Vertices, in counter-clockwise order, of the closure of a planar region cut to a box.

    ``constraints`` are ``(row, kind, rhs)`` triples in Q^2 (strictness is
    ignored: the closure is drawn); ``box`` is ``(xmin, xmax, ymin, ymax)``.
    Used for drawing only.

    Examples
    --------
    >>> polygon_vertices([((1, 0), "<=", 0)], (-1, 1, -1, 1))
    [(Fraction(0, 1), Fraction(1, 1)), (Fraction(-1, 1), Fraction(1, 1)),
     (Fraction(-1, 1), Fraction(-1, 1)), (Fraction(0, 1), Fraction(-1, 1))]
    """
    xmin, xmax, ymin, ymax = (Fraction(v) for v in box)
    rows = list(constraints) + [
        ((1, 0), ">=", xmin),
        ((1, 0), "<=", xmax),
        ((0, 1), ">=", ymin),
        ((0, 1), "<=", ymax),
    ]
    polyhedron = _closed(rows, 2)
    points = [_point(g, 2) for g in polyhedron.minimized_generators() if g.is_point()]
    if len(points) < 3:
        return points
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)

    def quadrant_key(p):
        # exact angular order around the centroid: half-plane, then cross-product comparison via slope
        dx, dy = p[0] - cx, p[1] - cy
        upper = dy > 0 or (dy == 0 and dx > 0)
        return (0 if upper else 1, _Slope(dx, dy))

    return sorted(points, key=quadrant_key)


class _Slope:
    """Orders directions within one half-plane counter-clockwise (exact cross products)."""

    __slots__ = ("dx", "dy")

    def __init__(self, dx, dy):
        self.dx, self.dy = dx, dy

    def __lt__(self, other):
        return self.dx * other.dy - self.dy * other.dx > 0

    def __eq__(self, other):
        return self.dx * other.dy - self.dy * other.dx == 0

"""Convex hulls and polygons against the monotone chain, one LP per point, and pairwise intersections."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactgeom import _exact
from exactgeom.polyhedra import Polyhedron, hull, lp
from oracles.hulls import cross, monotone_chain

from .strategies import KINDS, SETTINGS


# --------------------------------------------------------------------------------------------- convex hulls
def in_convex_hull(p, others, *, down=False):
    """Whether p is a convex combination of ``others`` (plus a downward ray when ``down``), by one LP.

    Variables: weights lambda_j >= 0 summing to 1 (and mu >= 0 for the ray -e_d).
    """
    m, d = len(others), len(p)
    count = m + (1 if down else 0)
    rows = [({j: 1 for j in range(m)}, "==", 1)]
    for k in range(d):
        row = {j: q[k] for j, q in enumerate(others) if q[k]}
        if down and k == d - 1:
            row[m] = -1
        rows.append((row, "==", p[k]))
    result = lp.linear_program(count, rows, {}, "minimize", nonnegative=range(count))
    return result.status == "optimal"


def brute_force_vertices(points, *, down=False):
    distinct = sorted(set(points))
    return tuple(p for p in distinct if not in_convex_hull(p, [q for q in distinct if q != p], down=down))


rational_points = st.builds(Fraction, st.integers(-4, 4), st.integers(1, 2))


@SETTINGS
@given(st.lists(st.tuples(rational_points, rational_points), min_size=1, max_size=8))
def test_planar_hull_vertices_match_the_monotone_chain(points):
    assert hull.convex_hull_vertices(points) == monotone_chain(points)


@SETTINGS
@given(
    st.integers(1, 3).flatmap(lambda d: st.lists(st.tuples(*[rational_points] * d), min_size=1, max_size=7))
)
def test_hull_vertices_are_the_points_outside_the_hull_of_the_others(points):
    assert hull.convex_hull_vertices(points) == brute_force_vertices(points)


@SETTINGS
@given(
    st.integers(1, 3).flatmap(lambda d: st.lists(st.tuples(*[rational_points] * d), min_size=1, max_size=7))
)
def test_upper_hull_vertices_are_the_points_outside_hull_plus_downward_ray(points):
    """Upper hull = the points outside conv(others) + cone(-e_d) (one LP each); all are hull vertices."""
    upper = hull.upper_hull_vertices(points)
    assert upper == brute_force_vertices(points, down=True)
    assert set(upper) <= set(hull.convex_hull_vertices(points))


def test_upper_hull_of_a_hand_example():
    """Lifted points (alpha, c) of max(0, 3 + x, 2 + 2x, 4 + 3x, 4x, -5 + 2x, 1 + x): worked by hand."""
    pairs = [(0, 0), (1, 3), (2, 2), (3, 4), (4, 0), (2, -5), (1, 1)]
    # (2, 2) lies below the segment (1, 3)-(3, 4) (height 7/2 at 2); (1, 3) above (0, 0)-(3, 4) (4/3 at 1)
    assert hull.upper_hull_vertices(pairs) == ((0, 0), (1, 3), (3, 4), (4, 0))
    assert hull.convex_hull_vertices(pairs) == ((0, 0), (1, 3), (2, -5), (3, 4), (4, 0))


def test_hull_errors():
    with pytest.raises(ValueError, match="at least one point"):
        hull.convex_hull_vertices([])
    with pytest.raises(ValueError, match=r"points\[1\] has 1 coordinates but points\[0\] has 2"):
        hull.convex_hull_vertices([(0, 0), (1,)])
    with pytest.raises(ValueError, match="at least one coordinate"):
        hull.upper_hull_vertices([()])


# ------------------------------------------------------------------------------------------------- polygons
def tight_vertices(rows):
    """Brute force: points where two independent closed rows are tight and every row holds."""
    closed = Polyhedron([r for r, _, _ in rows], [c for _, _, c in rows], [k for _, k, _ in rows]).closure()
    found = set()
    for (a, _, b), (c, _, e) in itertools.combinations(rows, 2):
        if _exact.rank([a, c], ncols=2) == 2:
            x = _exact.solve([a, c], [b, e])
            if closed.contains(x):
                found.add(x)
    return found


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.tuples(st.integers(-2, 2), st.integers(-2, 2)), st.sampled_from(KINDS), st.integers(-3, 3)
        ),
        max_size=4,
    )
)
def test_polygon_vertices_against_pairwise_intersections_and_orientation(constraints):
    box = (-2, 3, Fraction(-3, 2), 2)
    corners = hull.polygon_vertices(constraints, box)
    box_rows = [((1, 0), ">=", -2), ((1, 0), "<=", 3), ((0, 1), ">=", Fraction(-3, 2)), ((0, 1), "<=", 2)]
    rows = [(tuple(Fraction(a) for a in r), k, Fraction(c)) for r, k, c in [*constraints, *box_rows]]
    relaxed = [(r, {"<": "<=", ">": ">="}.get(k, k), c) for r, k, c in rows]
    assert len(corners) == len(set(corners))
    assert set(corners) == tight_vertices(relaxed)
    # counter-clockwise and convex: every consecutive turn is a strict left turn
    if len(corners) >= 3:
        n = len(corners)
        assert all(cross(corners[i], corners[(i + 1) % n], corners[(i + 2) % n]) > 0 for i in range(n))

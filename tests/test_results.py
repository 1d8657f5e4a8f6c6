"""Every result type of the algebra modules has the one result shape (exactgeom.results)."""

from fractions import Fraction

import pytest
import sympy as sp

from exactgeom.algebra import certify_critical_points, count_solutions, critical_set, ed_degree
from exactgeom.results import check_shape

x, y = sp.symbols("x y")
CIRCLE = [x**2 + y**2 - 1]
I2 = [[1, 0], [0, 1]]


def test_ed_degree_shape_and_proved_edge_case():
    r = ed_degree(CIRCLE, [x, y], Q=[[4, 0], [0, 1]], u=[3, 4], engine="f4")
    check_shape(r)
    assert (r.value, r.proved, r.lower_bound, r.upper_bound) == (4, False, None, None)
    whole = ed_degree([], [x, y], Q=I2)  # X = C^n: the only critical point is u
    check_shape(whole)
    assert (whole.value, whole.proved, whole.lower_bound, whole.upper_bound) == (1, True, 1, 1)


def test_certified_ed_degree_is_proved():
    r = ed_degree(CIRCLE, [x, y], Q=[[4, 0], [0, 1]], u=[3, 4], certify=True, engine="f4")
    check_shape(r)
    # 4 = the Bezout-type bound 2 * (1 + 1) of Draisma et al. for a conic in the plane
    assert (r.value, r.proved, r.lower_bound, r.upper_bound) == (4, True, 4, 4)


def test_critical_set_shape():
    S = critical_set(CIRCLE, [x, y], Q=[[1, 0], [0, 0]], u=[3, 4], engine="f4")
    check_shape(S)
    assert S.value == S.parts and not S.proved
    with pytest.raises(NotImplementedError, match="ed-degree"):
        S.certificate()


def test_certified_critical_points_and_solution_count_shapes():
    r = certify_critical_points(CIRCLE, [x, y], [(0.6, 0.8), (-0.6, -0.8)], Q=I2, u=[3, 4])
    check_shape(r)
    assert (r.value, r.lower_bound, r.upper_bound, r.proved) == (2, 2, None, False)
    count = count_solutions([{(3,): Fraction(1)}], 1, engine="f4")  # x^3 = 0
    check_shape(count)
    assert count.value == 3 and not count.proved
    with pytest.raises(NotImplementedError, match="ed-degree"):
        count.certificate()


def test_deprecated_spellings_warn():
    r = ed_degree(CIRCLE, [x, y], Q=I2, u=[3, 4], engine="f4")
    with pytest.warns(DeprecationWarning, match="use method"):
        assert r.verification == r.method
    S = critical_set(CIRCLE, [x, y], Q=[[1, 0], [0, 0]], u=[3, 4], engine="f4")
    with pytest.warns(DeprecationWarning, match="use method"):
        assert S.verification == S.method
    boxes = certify_critical_points(CIRCLE, [x, y], [(0.6, 0.8)], Q=I2, u=[3, 4])
    with pytest.warns(DeprecationWarning, match="use value"):
        assert boxes.certified == 1

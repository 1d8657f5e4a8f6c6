"""Every result type of the algebra, neuro and arrangement modules has the one result shape.

The shape is that of :mod:`exactgeom.results`.
"""

from fractions import Fraction

import pytest
import sympy as sp

from exactgeom import Arrangement, library
from exactgeom.algebra import certify_critical_points, count_solutions, critical_set, ed_degree
from exactgeom.certificates import verify
from exactgeom.neuro import LinearNetwork, Parametrization, PolynomialMLP, shallow_binary_real_image
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


def test_dimension_shape_proved_and_bounded():
    d = LinearNetwork((2, 1, 2)).dimension()  # 2x2 matrices of rank <= 1: dimension 4 - 1 = 3
    check_shape(d)
    assert (d.value, d.proved, d.lower_bound, d.upper_bound, d.seed) == (3, True, 3, 3, 0)
    a, b, c = sp.symbols("a b c")
    bounded = Parametrization([a, b, c], [a + b, (a + b) ** 2, c]).dimension()  # a surface in C^3
    check_shape(bounded)  # rank 2 from below; nothing proves better than 3 parameters from above
    assert (bounded.value, bounded.proved, bounded.lower_bound, bounded.upper_bound) == (2, False, 2, 3)
    with pytest.raises(NotImplementedError, match="implicit-equations"):
        d.certificate()


def test_implicit_equations_shape_and_certificate_without_the_model():
    t = sp.Symbol("t")
    cubic = Parametrization([t], [t, t**2, t**3])
    y1, y2, y3 = cubic.coordinates
    for method in ("interpolation", "elimination"):
        found = cubic.implicit_equations(2, method=method)
        check_shape(found)
        # the three quadrics of the twisted cubic (its 2x2 minors), not numbers: no bounds
        assert found.value == found.equations == (y1**2 - y2, y1 * y2 - y3, y1 * y3 - y2**2)
        assert found.proved and (found.lower_bound, found.upper_bound) == (None, None)
        assert found.method.split(":")[0] == method
        assert found.seed == (0 if method == "interpolation" else None)  # elimination draws nothing
        assert verify(found.certificate()).status == "proved"
    other = Parametrization([t], [t, t**2, t**4])
    with pytest.raises(ValueError, match="not the model"):
        found.certificate(other)


def test_generic_fiber_shape_follows_the_dimension_bounds():
    F = PolynomialMLP((2, 2, 1), 3).generic_fiber(engine="f4")
    check_shape(F)
    # 6 parameters, dimension 4 proved: the generic fibre has dimension 2
    assert (F.value, F.proved, F.lower_bound, F.upper_bound, F.seed) == (2, True, 2, 2, 0)
    assert "modulo the primes" in F.method
    a, b, c = sp.symbols("a b c")
    G = Parametrization([a, b, c], [a + b, (a + b) ** 2, c]).generic_fiber(engine="f4")
    check_shape(G)  # dimension in [2, 3] of 3 parameters: the fibre dimension in [0, 1]
    assert (G.value, G.proved, G.lower_bound, G.upper_bound, G.points_on_slice) == (1, False, 0, 1, None)
    with pytest.raises(NotImplementedError, match="ed-degree"):
        F.certificate()


def test_real_image_shape():
    for r, fills in ((2, True), (3, False)):  # x^3 - x*y^2 has three real roots: missed over R
        p = shallow_binary_real_image(r)
        check_shape(p)
        assert (p.value, p.proved, p.lower_bound, p.upper_bound) == (fills, True, None, None)
        assert p.value == p.fills_real and p.proved == p.proof["dimension"].proved
        with pytest.raises(NotImplementedError, match="implicit-equations"):
            p.certificate()


def test_deprecated_dimension_spelling_warns():
    d = LinearNetwork((2, 1, 2)).dimension()
    with pytest.warns(DeprecationWarning, match="use proved"):
        assert d.certified is d.proved is True
    bounded = Parametrization(sp.symbols("a b c"), ["a + b", "(a + b)**2", "c"]).dimension()
    with pytest.warns(DeprecationWarning, match="use proved"):
        assert bounded.certified is bounded.proved is False


def test_freeness_shape_both_ways_and_both_routes():
    # braid(4) from the literature, exponents 0..3; generic 4 planes in Q^3 by Saito's criterion:
    # χ = t^3 - 4t^2 + 6t - 3 = (t - 1)(t^2 - 3t + 3) has non-real roots, so not free (Terao)
    generic = Arrangement([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]])
    for F, free in ((library.braid(4).freeness(), True), (library.braid(4).freeness(method="saito"), True),
                    (generic.freeness(), False)):
        check_shape(F)
        assert (F.value, F.proved, F.lower_bound, F.upper_bound, F.seed) == (free, True, None, None, None)
        assert F.value is F.free and F.method
        assert F.exponents == ((0, 1, 2, 3) if free else ())
        with pytest.raises(NotImplementedError, match="characteristic-polynomial"):
            F.certificate()
    assert "Saito's criterion" in library.braid(4).freeness(method="saito").method

"""Exterior algebra over Q: identities as property tests, checked against sympy determinants."""

from fractions import Fraction
from itertools import combinations

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactgeom.wedge import (
    KVector,
    basis,
    cross,
    dist_to_affine_hull,
    dist_to_span,
    gram_determinant,
    hodge_star,
    inner,
    kvector,
    norm,
    norm_l1,
    norm_squared,
    positive_part,
    signed_volume,
    simplex_volume,
    wedge,
)

rationals = st.fractions(min_value=-5, max_value=5, max_denominator=4)


def vectors(d, count):
    return st.lists(st.lists(rationals, min_size=d, max_size=d), min_size=count, max_size=count)


@st.composite
def kvectors(draw, d=None, k=None):
    d = draw(st.integers(1, 4)) if d is None else d
    k = draw(st.integers(0, d)) if k is None else k
    coeffs = draw(st.lists(rationals, min_size=len(basis(d, k)), max_size=len(basis(d, k))))
    return KVector(d, k, tuple(coeffs))


def sympy_det(rows):
    return Fraction(str(sympy.Matrix([[sympy.Rational(str(v)) for v in r] for r in rows]).det()))


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 4).flatmap(lambda d: vectors(d, 2)))
def test_anticommutativity_and_square_zero(vs):
    a, b = vs
    assert wedge(a, b) == -wedge(b, a)
    assert wedge(a, a).is_zero()


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4).flatmap(lambda d: st.tuples(kvectors(d), kvectors(d))))
def test_graded_commutativity(pair):
    a, b = pair
    if a.k + b.k > a.d:
        return
    assert (a ^ b) == (-1) ** (a.k * b.k) * (b ^ a)


@settings(max_examples=40, deadline=None)
@given(st.integers(3, 4).flatmap(lambda d: vectors(d, 3)))
def test_minors_agree_with_blade_products(vs):
    a, b, c = vs
    by_minors = wedge(a, b, c)
    by_blades = (kvector(len(a), 1, a) ^ kvector(len(a), 1, b)) ^ kvector(len(a), 1, c)
    assert by_minors == by_blades
    assert by_minors == kvector(len(a), 1, a) ^ (kvector(len(a), 1, b) ^ kvector(len(a), 1, c))


@settings(max_examples=60, deadline=None)
@given(kvectors())
def test_double_star_sign(a):
    assert hodge_star(hodge_star(a)) == (-1) ** (a.k * (a.d - a.k)) * a


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 4).flatmap(
        lambda d: st.integers(0, d).flatmap(lambda k: st.tuples(kvectors(d, k), kvectors(d, k)))
    )
)
def test_star_defining_property(pair):
    alpha, beta = pair
    top = alpha ^ hodge_star(beta)
    assert top.k == top.d and top.scalar() == inner(alpha, beta)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 5).flatmap(lambda d: vectors(d, d - 1)))
def test_cross_is_orthogonal_and_positively_oriented(vs):
    c = cross(*vs)
    for v in vs:
        assert sum(a * b for a, b in zip(c, v)) == 0
    assert sympy_det(list(vs) + [list(c)]) == sum(x * x for x in c)


@settings(max_examples=40, deadline=None)
@given(vectors(3, 2))
def test_cross_is_the_textbook_cross_product_in_dimension_3(vs):
    (a1, a2, a3), (b1, b2, b3) = vs
    assert cross(vs[0], vs[1]) == (a2 * b3 - a3 * b2, a3 * b1 - a1 * b3, a1 * b2 - a2 * b1)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4).flatmap(lambda d: vectors(d, d)))
def test_signed_volume_is_det(vs):
    assert signed_volume(*vs) == sympy_det(vs)
    if len(vs) > 1:
        assert wedge(*vs).scalar() == sympy_det(vs)


@settings(max_examples=60, deadline=None)
@given(vectors(2, 3))
def test_loop_formula(points):
    x, a, b = points
    loop = wedge(x, a) + wedge(a, b) + wedge(b, x)
    assert 2 * simplex_volume(x, a, b) == loop.scalar()


@settings(max_examples=60, deadline=None)
@given(
    st.integers(2, 4).flatmap(
        lambda d: st.integers(1, d).flatmap(lambda k: st.tuples(vectors(d, k), vectors(d, k)))
    )
)
def test_inner_product_is_gram_determinant(pair):
    vs, ws = pair
    gram = [[sum(a * b for a, b in zip(v, w)) for w in ws] for v in vs]
    assert inner(wedge(*vs), wedge(*ws)) == sympy_det(gram) == gram_determinant(vs, ws)
    assert norm_squared(wedge(*vs)) == gram_determinant(vs)


@settings(max_examples=40, deadline=None)
@given(kvectors())
def test_l1_norm_is_star_invariant(a):
    assert norm_l1(a) == norm_l1(hodge_star(a))
    assert norm_squared(a) == norm_squared(hodge_star(a))


def _projection_distance_squared(x, vs):
    A = sympy.Matrix([[sympy.Rational(str(v)) for v in row] for row in vs]).T
    xv = sympy.Matrix([sympy.Rational(str(v)) for v in x])
    coefficients = (A.T * A).solve(A.T * xv)
    r = xv - A * coefficients
    return Fraction(str((r.T * r)[0]))


@settings(max_examples=40, deadline=None)
@given(
    st.integers(2, 4).flatmap(
        lambda d: st.integers(1, d - 1).flatmap(lambda k: st.tuples(vectors(d, 1), vectors(d, k)))
    )
)
def test_distance_to_span_matches_least_squares(pair):
    (x,), vs = pair
    from exactgeom._exact import rank

    if rank(vs) < len(vs):
        with pytest.raises(ValueError, match="linearly dependent"):
            dist_to_span(x, vs)
        return
    d2 = dist_to_span(x, vs, squared=True)
    assert d2 == _projection_distance_squared(x, vs)
    assert dist_to_span(x, vs) == sympy.sqrt(sympy.Rational(d2.numerator, d2.denominator))


def test_distance_to_affine_hull_and_signed_distance():
    assert dist_to_affine_hull([0, 0, 5], [[1, 0, 1], [0, 1, 1], [0, 0, 1]], squared=True) == 16
    assert dist_to_affine_hull([3, 4], [[0, 0]]) == 5
    # Pilanci: dist(x, Span(x_1..x_{d-1})) = <cross, x> / ||cross||_2 up to sign
    x, v = [1, 2], [1, 1]
    c = cross(v)
    assert sum(a * b for a, b in zip(c, x)) ** 2 / sum(a * a for a in c) == dist_to_span(x, [v], squared=True)


def test_norms_and_positive_part():
    w = wedge([1, 2, 0], [0, 1, 3])
    assert w.coeffs == (1, 3, 6)
    assert norm_l1(w) == 10 and norm_squared(w) == 46 and norm(w) == sympy.sqrt(46)
    assert positive_part(Fraction(-1, 2)) == 0 and positive_part("3/2") == Fraction(3, 2)
    assert positive_part(kvector(2, 1, [-1, 2])) == kvector(2, 1, [0, 2])


def test_star_in_the_plane_and_the_worked_example_of_section_3_4():
    # Convention: alpha ^ *beta = <alpha, beta> e1^e2, so *e1 = e2 and *e2 = -e1.
    e1, e2 = kvector(2, 1, [1, 0]), kvector(2, 1, [0, 1])
    assert hodge_star(e1) == e2 and hodge_star(e2) == -e1
    x1, x2 = [1, 1], [0, 2]
    augmented = [x1, x2, [1, 0], [0, 1]]
    ours = [hodge_star(kvector(2, 1, x)).coeffs for x in augmented]
    text = [(1, -1), (2, 0), (0, 1), (-1, 0)]  # w1 = e1 - e2, w2 = 2 e1, w3 = e2, w4 = -e1
    # w1, w2 follow *M = M I^{-1} (the opposite sign); w3, w4 follow ours.
    assert ours[0] == tuple(-v for v in text[0]) and ours[1] == tuple(-v for v in text[1])
    assert ours[2] == text[2] and ours[3] == text[3]
    # Every neuron is orthogonal to its sample, whichever sign is used.
    for x, w in zip(augmented, ours):
        assert sum(a * b for a, b in zip(x, w)) == 0


def test_basis_is_lexicographic():
    assert basis(4, 2) == tuple(combinations(range(4), 2))
    assert wedge([1, 0, 0, 0], [0, 0, 0, 1])[(0, 3)] == 1


def test_bad_input():
    with pytest.raises(TypeError, match="float"):
        wedge([1, 0.5], [0, 1])
    with pytest.raises(ValueError, match="d-1 = 2"):
        cross([1, 0, 0])
    with pytest.raises(ValueError, match="degree 3 > d = 2"):
        wedge([1, 0], [0, 1], [1, 1])
    with pytest.raises(ValueError, match="dimension"):
        kvector(2, 1, [1, 0]) + kvector(3, 1, [1, 0, 0])
    with pytest.raises(TypeError, match=r"coeffs\[1\] is the float"):
        KVector(2, 1, (1, 0.25))
    with pytest.raises(ValueError, match="2-vector in Q\\^3 has 2 entries; expected 3"):
        kvector(3, 2, [1, 2])

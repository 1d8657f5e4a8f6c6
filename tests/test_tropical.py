"""Tropical polynomials and rational functions: semiring identities (hypothesis), reduced forms against an
independent upper hull, Newton polytopes against the monotone chain, regions against pointwise argmax."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactgeom.tropical import TropicalPolynomial, TropicalRational
from oracles.hulls import monotone_chain

small = st.integers(-4, 4)
rationals = st.fractions(min_value=-5, max_value=5, max_denominator=4)


def polynomials(nvars, max_terms=5):
    term = st.tuples(rationals, st.tuples(*[small] * nvars))
    return st.lists(term, min_size=1, max_size=max_terms).map(lambda ts: TropicalPolynomial(ts, nvars=nvars))


points2 = st.tuples(rationals, rationals)


@settings(max_examples=60, deadline=None)
@given(polynomials(2), polynomials(2), points2)
def test_semiring_operations_are_max_plus_minus(f, g, x):
    assert (f + g)(x) == max(f(x), g(x))
    assert (f * g)(x) == f(x) + g(x)
    assert (f / g)(x) == f(x) - g(x)
    assert (f * 3)(x) == f(x) + 3 and (2 + f)(x) == max(f(x), 2)


@settings(max_examples=60, deadline=None)
@given(polynomials(2), points2, st.fractions(min_value=0, max_value=3, max_denominator=3))
def test_reduced_and_powers_keep_the_function(f, x, k):
    assert f.reduced()(x) == f(x)
    assert (f**k)(x) == k * f(x)
    assert f.equals_as_function(f.reduced())
    assert len(f.reduced()) <= len(f)


@settings(max_examples=40, deadline=None)
@given(polynomials(2, 3), polynomials(2, 3), polynomials(2, 3), points2)
def test_rational_operations(f, g, h, x):
    r, s = f / g, h / f
    assert (r + s)(x) == max(r(x), s(x))
    assert (r * s)(x) == r(x) + s(x)
    assert (r / s)(x) == r(x) - s(x)
    assert (r * s).equals_as_function(h / g)


def _upper_hull_1d(pairs):
    """Monotone-chain upper hull of (exponent, coefficient) points: terms of a univariate max that matter."""
    pts = sorted(set(pairs))
    best = {}
    for e, c in pts:
        best[e] = max(best.get(e, c), c)
    pts = sorted(best.items())
    hull = []
    for p in pts:
        while len(hull) >= 2:
            (x1, y1), (x2, y2) = hull[-2], hull[-1]
            if (x2 - x1) * (p[1] - y1) - (y2 - y1) * (p[0] - x1) >= 0:
                hull.pop()
            else:
                break
        hull.append(p)
    return hull


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(rationals, rationals), min_size=1, max_size=7))
def test_reduced_form_matches_the_upper_hull_in_one_variable(terms):
    f = TropicalPolynomial([(c, (e,)) for c, e in terms])
    expected = [(c, (e,)) for e, c in _upper_hull_1d([(e, c) for c, e in terms])]
    assert list(f.reduced().terms) == expected


def test_formal_versus_functional_equality():
    f = TropicalPolynomial([(0, (0,)), (0, (2,))])
    g = f + TropicalPolynomial([(-1, (1,))])  # max(0, x - 1, 2x): x - 1 never maximal
    assert f != g and f.equals_as_function(g)
    h = f + TropicalPolynomial([(1, (1,))])  # 1 + x wins near x = 0
    assert not f.equals_as_function(h) and h((0,)) == 1 != f((0,))
    assert f == TropicalPolynomial({(0,): 0, (2,): 0})
    # like monomials merge with max: a formal identity
    assert TropicalPolynomial([(1, (1,)), (3, (1,))]) == TropicalPolynomial([(3, (1,))])


def test_newton_polytope_against_monotone_chain():
    rng = random.Random(7)
    for _ in range(30):
        exps = [(rng.randint(-3, 3), rng.randint(-3, 3)) for _ in range(rng.randint(1, 9))]
        f = TropicalPolynomial([(rng.randint(-2, 2), e) for e in exps])
        expected = [tuple(map(Fraction, v)) for v in monotone_chain(exps)]
        assert list(f.newton_polytope()) == expected


def test_regions_contain_exactly_the_points_where_the_term_is_maximal():
    rng = random.Random(3)
    for _ in range(5):
        f = TropicalPolynomial(
            [(rng.randint(-3, 3), (rng.randint(-2, 2), rng.randint(-2, 2))) for _ in range(5)]
        )
        regions = f.regions()
        full = f.regions(full_dimensional=True)
        assert set(full) == {e for _, e in f.reduced().terms}
        assert all(P.dimension() == 2 for P in full.values())
        exponents = [e for _, e in f.terms]
        grid = [(Fraction(a, 2), Fraction(b, 2)) for a in range(-8, 9) for b in range(-8, 9)]
        for x in grid:
            top = {exponents[i] for i in f.maximal_terms(x)}
            assert {e for e, P in regions.items() if P.contains(x)} == top


def test_rational_linear_regions_and_decision_boundary():
    x = TropicalPolynomial.monomial(0, (1, 0))
    y = TropicalPolynomial.monomial(0, (0, 1))
    f = (x + y + 1) / (x * y + 0)  # max(x, y, 1) - max(x + y, 0)
    cells = f.linear_regions()
    rng = random.Random(5)
    for _ in range(200):
        p = (Fraction(rng.randint(-40, 40), 7), Fraction(rng.randint(-40, 40), 7))
        values = [s[0] * p[0] + s[1] * p[1] + c for P, s, c in cells if P.contains(p)]
        assert values and all(v == f(p) for v in values)
    pieces = f.decision_boundary()
    assert len(pieces) <= 3 * 2
    zeros = [
        (Fraction(1), Fraction(0)),
        (Fraction(0), Fraction(1)),
        (Fraction(1, 2), Fraction(1, 2)),
        (Fraction(3), Fraction(0)),
        (Fraction(0), Fraction(5)),
        (Fraction(1, 3), Fraction(2, 3)),
    ]
    for p in zeros:
        assert f(p) == 0 and any(P.contains(p) for P in pieces)
    for _ in range(200):
        p = (Fraction(rng.randint(-40, 40), 7), Fraction(rng.randint(-40, 40), 7))
        assert any(P.contains(p) for P in pieces) == (f(p) == 0)


def test_str_and_repr_round_trip():
    f = TropicalPolynomial([("1/2", (1, 0)), (-1, (0, "2/3"))])
    assert eval(repr(f)) == f
    assert str(f) == "max(-1 + 2/3*x2, 1/2 + x1)"
    r = f / TropicalPolynomial.constant(0, 2)
    assert isinstance(r, TropicalRational) and r((0, 0)) == Fraction(1, 2)


def test_bad_input():
    with pytest.raises(ValueError, match="at least one term"):
        TropicalPolynomial([])
    with pytest.raises(ValueError, match="expected 2"):
        TropicalPolynomial([(0, (1, 0)), (0, (1,))])
    with pytest.raises(TypeError, match="float"):
        TropicalPolynomial([(0.5, (1,))])
    with pytest.raises(TypeError, match="pair"):
        TropicalPolynomial([3])
    f = TropicalPolynomial([(0, (1,))])
    g = TropicalPolynomial([(0, (1, 1))])
    with pytest.raises(ValueError, match="variables"):
        f + g
    with pytest.raises(ValueError, match="k >= 0"):
        f**-1
    with pytest.raises(TypeError, match="TropicalPolynomial"):
        TropicalRational(3)

"""is_filling over C (Jacobian rank) and over R (real-image proofs, or Inconclusive)."""

from __future__ import annotations

import random

import pytest
import sympy as sp

from exactgeom.errors import Inconclusive
from exactgeom.neuro import LinearNetwork, PolynomialMLP
from exactgeom.neuro.dimension import DimensionResult
from exactgeom.neuro.parametrization import Parametrization

a, b, c = sp.symbols("a b c")


@pytest.mark.parametrize("model, expected", [(PolynomialMLP((2, 2, 1), 3), True),
                                             (PolynomialMLP((2, 2, 1), 2), True),
                                             (LinearNetwork((2, 1, 2)), False)], ids=repr)
def test_default_field_is_the_complex_dimension_statement(model, expected):
    assert model.is_filling() == model.is_filling(field="C") == expected
    assert expected == (model.dimension().value == model.ambient_dimension())


def test_real_cubics_are_not_filled():
    # independent evidence: every real image point e(ax+by)^3 + f(cx+dy)^3 has discriminant <= 0,
    # so the open set of cubics with three distinct real roots (discriminant > 0) is missed
    model = PolynomialMLP((2, 2, 1), 3)
    assert model.is_filling(field="C") and not model.is_filling(field="R")
    x, y = sp.symbols("x y")
    rng = random.Random(1)
    for _ in range(20):
        p = [sp.Rational(rng.randint(-9, 9), rng.randint(1, 5)) for _ in range(6)]
        cubic = p[4] * (p[0] * x + p[1] * y) ** 3 + p[5] * (p[2] * x + p[3] * y) ** 3
        assert sp.discriminant(sp.Poly(cubic.subs(y, 1), x)) <= 0 or sp.Poly(cubic, x, y).degree(x) < 3


def test_real_quadrics_are_filled():
    # e(ax+by)^2 + f(cx+dy)^2 with e, f of either sign gives every signature of a binary quadric
    assert PolynomialMLP((2, 2, 1), 2).is_filling(field="R") is True


def test_an_affine_parametrization_of_full_rank_fills_over_R():
    P = Parametrization([a, b], [a + b + 1, a - b])
    assert P.is_filling(field="R") is True


def test_a_certified_lower_dimension_is_not_filling_over_either_field():
    P = Parametrization([a], [a**2, a**3])                 # a curve in the plane
    assert P.dimension().proved
    assert (P.is_filling(field="C"), P.is_filling(field="R")) == (False, False)


@pytest.mark.parametrize("model", [PolynomialMLP((2, 3, 1), 3), PolynomialMLP((1, 1, 1), 2, bias=True),
                                   Parametrization([a, b, c], [a**2 + b, b * c, c**3 + a])], ids=repr)
def test_undecided_real_questions_are_inconclusive_not_answered_over_C(model):
    assert model.is_filling(field="C")
    with pytest.raises(Inconclusive, match="over C the neuromanifold fills.*not decided"):
        model.is_filling(field="R")


def test_an_uncertified_dimension_below_ambient_is_inconclusive_over_R(monkeypatch):
    P = Parametrization([a, b], [a, b, a * b])
    monkeypatch.setattr(P, "dimension", lambda seed=0: DimensionResult(2, 2, 3, False, "sampled", seed))
    assert P.is_filling() is False                          # today's answer over C is kept
    with pytest.raises(Inconclusive, match="only bounded"):
        P.is_filling(field="R")


def test_the_field_is_checked():
    with pytest.raises(ValueError, match='"C" or "R"'):
        PolynomialMLP((2, 2, 1), 2).is_filling(field="Q")

"""The numeric-first LP engine (float proposals, exact checks) against the exact-only engine."""

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactgeom.polyhedra import lp

pytest.importorskip("scipy")

KINDS = ["<=", "<", "==", ">=", ">"]


@st.composite
def systems(draw):
    dimension = draw(st.integers(1, 3))
    m = draw(st.integers(1, 6))
    entries = st.integers(-3, 3).map(Fraction)
    rows = [
        (tuple(draw(entries) for _ in range(dimension)), draw(st.sampled_from(KINDS)), draw(entries))
        for _ in range(m)
    ]
    return dimension, rows


@pytest.fixture
def engine(monkeypatch):
    def use(name):
        monkeypatch.setattr(lp, "ENGINE", name)

    return use


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(systems())
def test_numeric_first_decides_as_the_exact_engine(engine, system):
    dimension, rows = system
    engine("exact")
    exact_point = lp.point_of(dimension, rows)
    exact_multipliers = lp.motzkin_multipliers(dimension, rows)
    engine("numeric")
    point = lp.point_of(dimension, rows)
    multipliers = lp.motzkin_multipliers(dimension, rows)
    empty = exact_point is None
    assert (point is None) == empty == (multipliers is not None) == (exact_multipliers is not None)
    if point is not None:
        assert all(isinstance(v, Fraction) for v in point)
        assert lp.satisfies(point, rows)
    else:
        assert all(isinstance(v, Fraction) for v in multipliers)
        assert lp.is_motzkin_certificate(multipliers, rows)


def test_a_bad_proposal_falls_back_to_the_exact_lp(engine, monkeypatch):
    engine("numeric")
    rows = [((Fraction(1),), ">", Fraction(0)), ((Fraction(1),), "<", Fraction(1))]

    import numpy as np

    def bad_linprog(c, **kwargs):          # proposes points and multipliers that fail the exact check
        class Result:
            status, fun = 0, -1.0
            x = np.full(len(c), 2.0)

        return Result()

    monkeypatch.setattr(lp, "_import_linprog", lambda: bad_linprog)
    point = lp.point_of(1, rows)
    assert point is not None and 0 < point[0] < 1
    empty = [((Fraction(1),), ">", Fraction(0)), ((Fraction(1),), "<", Fraction(0))]
    assert lp.point_of(1, empty) is None
    assert lp.is_motzkin_certificate(lp.motzkin_multipliers(1, empty), empty)


def test_without_scipy_the_exact_engine_runs(engine, monkeypatch):
    engine("numeric")
    monkeypatch.setattr(lp, "_scipy_available", lambda: False)

    def no_scipy():
        raise AssertionError("scipy must not be used")

    monkeypatch.setattr(lp, "_import_linprog", no_scipy)
    assert lp.lp_engine() == "exact"
    assert lp.point_of(1, [((Fraction(2),), ">=", Fraction(1))]) == (Fraction(1, 2),)


def test_an_unknown_engine_is_refused(engine):
    engine("fast")
    with pytest.raises(ValueError, match="EXACTGEOM_LP"):
        lp.lp_engine()


def test_tropical_fan_certificate_is_the_same_with_both_engines(engine):
    from exactgeom.certificates import verify
    from exactgeom.networks import TropicalClassifier

    points = [(0, 0), (3, 1), (1, 4), (-2, 2)]
    claims = {}
    for name in ("exact", "numeric"):
        engine(name)
        cert = TropicalClassifier(points, (2, 2)).certificate()
        assert verify(cert).ok
        claims[name] = (cert["claim"], cert["data"]["levels"], [r["blocks"] for r in cert["data"]["refuted"]])
    assert claims["exact"] == claims["numeric"]

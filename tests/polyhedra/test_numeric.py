"""The numeric-first LP engine (float proposals, exact checks) against the exact-only engine.

Every caller of the two numeric-first functions, ``lp.point_of`` and ``lp.motzkin_multipliers``,
is run under both engines on random cases: polyhedra and their certificates (LP ones included),
Gordan multipliers, the Hopfield/threshold realizations and their certificates, ReLU linear
regions, the midpoint LPs of the Hopfield face cells and the tropical classification-fan
certificate.  The decisions (feasible or not, counts, claims, which extensions are listed or
refuted) must be the same; every witness and every multiplier vector is checked independently (by
evaluation, by the certificate verifier or by the exact Motzkin/Gordan conditions).  Under the
default engine scipy is never used, so nothing returned depends on whether it is installed.
"""

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactgeom.certificates import verify
from exactgeom.polyhedra import Polyhedron, lp

from .strategies import systems as polyhedra

pytest.importorskip("scipy")

KINDS = ["<=", "<", "==", ">=", ">"]
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


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


@pytest.fixture
def linprog_calls(monkeypatch):
    """Count the calls of scipy's linprog (the real one runs)."""
    calls = []
    real = lp._import_linprog()

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(lp, "_import_linprog", lambda: counting)
    return calls


def both(engine, make):
    """``make()`` under the exact engine, then under the numeric one."""
    out = []
    for name in ("exact", "numeric"):
        engine(name)
        out.append(make())
    return out


@SETTINGS
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


def test_the_numeric_engine_uses_scipy(engine, linprog_calls):
    engine("numeric")
    assert lp.lp_engine() == "numeric"
    assert lp.point_of(1, [((Fraction(1),), ">", Fraction(0)), ((Fraction(1),), "<", Fraction(1))])
    assert linprog_calls


@SETTINGS
@given(polyhedra())
def test_polyhedra_and_their_certificates(engine, P):
    def decide():
        rows, kinds, rhs = zip(*P.constraints) if P.constraints else ((), (), ())
        Q = Polyhedron(rows, rhs, kinds, dimension=P.ambient_dimension)   # nothing cached yet
        empty = Q.is_empty()
        cert = Q.emptiness_certificate() if empty else Q.witness_certificate()
        objective = [1] + [0] * (Q.ambient_dimension - 1)
        return empty, Q.witness(), cert, lp_certificate(Q, objective, "maximize")

    from exactgeom.polyhedra.certify import lp_certificate

    (empty, point, *certs), (numeric_empty, numeric_point, *numeric_certs) = both(engine, decide)
    assert empty == numeric_empty == (point is None) == (numeric_point is None)
    if point is not None:
        assert P.contains(numeric_point)
    for cert, numeric_cert in zip(certs, numeric_certs):
        assert verify(cert).ok and verify(numeric_cert).ok
        assert cert["kind"] == numeric_cert["kind"] and cert["claim"] == numeric_cert["claim"]


@SETTINGS
@given(st.integers(1, 3), st.integers(1, 4), st.data())
def test_gordan_multipliers(engine, dimension, m, data):
    from exactgeom.polyhedra.cones import gordan_multipliers

    rows = [[data.draw(st.integers(-2, 2)) for _ in range(dimension)] for _ in range(m)]
    exact, numeric = both(engine, lambda: gordan_multipliers(rows, dimension))
    assert (exact is None) == (numeric is None)
    if numeric is not None:
        assert all(v >= 0 for v in numeric) and sum(numeric) == 1
        assert all(sum(y * r[j] for y, r in zip(numeric, rows)) == 0 for j in range(dimension))


NETWORKS = [
    {},
    {"symmetric": True},
    {"symmetric": True, "zero_diagonal": True},
    {"thresholds": False},
]


@SETTINGS
@given(st.sampled_from(NETWORKS), st.lists(st.tuples(st.integers(0, 1), st.integers(0, 1)),
                                           min_size=4, max_size=4))
def test_hopfield_realizations_and_their_certificates(engine, options, table):
    from exactgeom.networks import HopfieldNetwork

    net = HopfieldNetwork(2, **options)
    exact, numeric = both(engine, lambda: net.realize(table))
    assert bool(exact) == bool(numeric)
    assert numeric.verify()
    if numeric:
        assert net.evaluate(numeric.weights, numeric.thresholds) == tuple(table)
        assert verify(numeric.certificate()).ok
    else:
        assert all(verify(c).ok for c in numeric.certificates)
        assert [c["claim"] for c in exact.certificates] == [c["claim"] for c in numeric.certificates]


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.integers(0, 2**32))
def test_relu_linear_regions(engine, seed):
    import random

    from exactgeom.networks import ReLUNetwork

    rng = random.Random(seed)
    widths = rng.choice([(1, 3, 1), (2, 3, 1), (2, 2, 2, 1)])
    weights = [[[Fraction(rng.randint(-3, 3), rng.randint(1, 2)) for _ in range(a)] for _ in range(b)]
               for a, b in zip(widths, widths[1:])]
    biases = [[Fraction(rng.randint(-3, 3), rng.randint(1, 2)) for _ in range(b)] for b in widths[1:]]
    net = ReLUNetwork(weights, biases)
    exact, numeric = both(engine, lambda: list(net.linear_regions()))
    assert sorted(r.patterns for r in exact) == sorted(r.patterns for r in numeric)
    for region in numeric:
        assert region.polyhedron.contains(region.witness)
        assert (net.activation_pattern(region.witness),) == region.patterns
        affine = zip(region.matrix, region.vector)
        assert net(region.witness) == tuple(sum(a * x for a, x in zip(row, region.witness)) + c
                                            for row, c in affine)


@pytest.mark.parametrize("n", [1, 2])
def test_face_cell_midpoint_lps(engine, n):
    from exactgeom.networks import HopfieldNetwork
    from exactgeom.networks._face_cells import _sum_meets, _unit_cones

    masks = list(_unit_cones(n))
    pairs = [(t, s) for t in masks for s in masks][:: 1 if n == 1 else 7]
    unit = HopfieldNetwork(n)
    for t, s in pairs:
        exact, numeric = both(engine, lambda t=t, s=s: _sum_meets.__wrapped__(t, s, n))
        assert exact.keys() == numeric.keys()
        for u, (x, y) in numeric.items():
            for mask, theta in ((t, x), (s, y), (u, tuple(a + b for a, b in zip(x, y)))):
                values = unit.evaluate(((theta[:n],) * n), (theta[n],) * n)
                assert [v[0] for v in values] == [(mask >> p) & 1 for p in range(2**n)]


@SETTINGS
@given(st.integers(1, 2), st.integers(1, 5), st.sampled_from([(1, 1), (2, 1), (2, 2)]), st.data())
def test_tropical_fan_certificates(engine, d, N, n_terms, data):
    from exactgeom.networks import TropicalClassifier

    point = st.tuples(*[st.integers(-4, 4)] * d)
    points = data.draw(st.lists(point, min_size=N, max_size=N, unique=True))
    exact, numeric = both(engine, lambda: TropicalClassifier(points, n_terms).certificate())
    assert verify(exact).ok and verify(numeric).ok
    assert exact["claim"] == numeric["claim"]
    assert exact["data"]["levels"] == numeric["data"]["levels"]
    blocks = [[r["blocks"] for r in cert["data"]["refuted"]] for cert in (exact, numeric)]
    assert blocks[0] == blocks[1]


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


def _results():
    """Results and certificates from every numeric-first caller, on fixed inputs."""
    from exactgeom.networks import HopfieldNetwork, ReLUNetwork, TropicalClassifier

    empty = Polyhedron.from_expressions(["x + y > 1", "x < 0", "y <= 1"])
    box = Polyhedron.from_expressions(["0 < x < 1", "0 <= y < 2"])
    relu = ReLUNetwork([[[1, -1], [2, 1]], [[1, 1]]], [[0, -1], [0]])
    hopfield = HopfieldNetwork(2, symmetric=True)
    return (
        empty.emptiness_certificate(), box.witness(), box.witness_certificate(),
        [(r.patterns, r.witness) for r in relu.linear_regions()],
        hopfield.realize([(0, 1), (1, 1), (1, 0), (1, 1)]).certificates,
        hopfield.realize([(0, 0), (0, 1), (1, 0), (1, 1)]).certificate(),
        TropicalClassifier([(0, 0), (3, 1), (1, 4), (-2, 2), (5, -1)], (2, 2)).certificate(),
    )


def test_by_default_nothing_depends_on_scipy(monkeypatch):
    monkeypatch.setattr(lp, "ENGINE", "exact")         # the default (EXACTGEOM_LP unset)

    def no_scipy():
        raise AssertionError("the default engine must not use scipy")

    monkeypatch.setattr(lp, "_import_linprog", no_scipy)
    with_scipy = _results()
    monkeypatch.setattr(lp, "_scipy_available", lambda: False)
    assert _results() == with_scipy


def test_an_unknown_engine_is_refused(engine):
    engine("fast")
    with pytest.raises(ValueError, match="EXACTGEOM_LP"):
        lp.lp_engine()

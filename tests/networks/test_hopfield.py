"""Hopfield networks: every variant for n = 2 against a brute force over integer parameters,
k-th roots against all maps, Propositions 3 and 4 of the parameter-spaces note with verified evidence."""

from __future__ import annotations

import itertools
from collections import defaultdict
from fractions import Fraction

import pytest

from exactgeom.certificates import verify
from exactgeom.networks import HopfieldNetwork
from exactgeom.networks.hopfield import check_proposition, kth_roots
from oracles.boolean import cube, iterate, step_table, sweep_table

POINTS = cube(2)


@pytest.fixture(scope="module")
def brute_force():
    """Maps realized by integer W in [-2, 2]^4 and half-integer θ in [-5/2, 5/2]^2, per variant."""
    found = defaultdict(set)
    halves = [Fraction(v, 2) for v in range(-5, 6)]
    for w in itertools.product(range(-2, 3), repeat=4):
        W = ((w[0], w[1]), (w[2], w[3]))
        for t in itertools.product(halves, repeat=2):
            for sequential in (False, True):
                update = "sequential" if sequential else "synchronous"
                h = sweep_table(W, t, 2) if sequential else step_table(W, t, 2)
                h2 = iterate(h, 2)
                found[(update, 1, False, False, False)].add(h)
                found[(update, 2, False, False, False)].add(h2)
                if w[1] == w[2]:
                    found[(update, 1, True, False, False)].add(h)
                if w[0] == w[3] == 0:
                    found[(update, 1, False, True, False)].add(h)
                if t == (0, 0):
                    found[(update, 1, False, False, True)].add(h)
                if w[1] == w[2] and w[0] == w[3] == 0 and t == (0, 0):
                    found[(update, 1, True, True, True)].add(h)
    return found


VARIANTS = [
    (update, k, sym, zd, not_thr)
    for update in ("synchronous", "sequential")
    for (k, sym, zd, not_thr) in [(1, False, False, False), (2, False, False, False), (1, True, False, False),
                                  (1, False, True, False), (1, False, False, True), (1, True, True, True)]
]


@pytest.mark.parametrize("variant", VARIANTS)
def test_realizable_maps_equal_brute_force(variant, brute_force):
    update, k, sym, zd, not_thr = variant
    net = HopfieldNetwork(2, update=update, iterations=k, symmetric=sym, zero_diagonal=zd,
                          thresholds=not not_thr)
    enumerated = {}
    for table, r in net.realizable_functions():
        assert table not in enumerated
        enumerated[table] = r
        assert r.verify() and verify(r.certificate()).ok
    assert set(enumerated) == brute_force[variant]
    assert net.num_realizable() == len(brute_force[variant])


def test_known_counts():
    net = HopfieldNetwork(2)
    assert net.num_realizable() == 196 == net.parameter_arrangement().num_regions()
    assert HopfieldNetwork(2, iterations=2).num_realizable() == 74
    assert HopfieldNetwork(2, update="sequential").num_realizable() == 108
    # classical network on 2 units: W = [[0, a], [a, 0]], θ = 0: the zero map (a <= 0) or the swap (a > 0)
    classical = HopfieldNetwork(2, symmetric=True, zero_diagonal=True, thresholds=False)
    swap = ((0, 0), (1, 0), (0, 1), (1, 1))
    assert {t for t, _ in classical.realizable_functions()} == {((0, 0),) * 4, swap}


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_map_is_realized_or_refused_with_verified_certificates(variant, brute_force):
    update, k, sym, zd, not_thr = variant
    net = HopfieldNetwork(2, update=update, iterations=k, symmetric=sym, zero_diagonal=zd,
                          thresholds=not not_thr)
    for table in itertools.product(POINTS, repeat=4):
        r = net.realize(table)
        assert bool(r) == (table in brute_force[variant])
        assert r.verify()
        if not r and k == 1:
            assert all(verify(c).ok for c in r.certificates)
            for true_inputs, false_inputs in r.asummability:
                assert len(true_inputs) == len(false_inputs) >= 1
                assert [sum(c) for c in zip(*true_inputs)] == [sum(c) for c in zip(*false_inputs)]


def test_kth_roots_against_all_maps():
    maps = list(itertools.product(POINTS, repeat=4))
    for k in (2, 3):
        roots = defaultdict(set)
        for h in maps:
            roots[iterate(h, k)].add(h)
        for f in maps[::7]:
            assert set(kth_roots(f, k)) == roots[f]


def test_two_iteration_cone_is_the_union_over_square_roots():
    net = HopfieldNetwork(2, iterations=2)
    f = ((1, 1), (1, 0), (1, 0), (1, 1))
    members = net.parameter_cones(f)
    assert {h for h, _ in members} == set(kth_roots(f, 2))
    nonempty = [(h, P) for h, P in members if not P.is_empty()]
    assert nonempty
    for _, P in nonempty:
        theta = P.witness()
        W = [theta[0:2], theta[3:5]]
        t = [theta[2], theta[5]]
        assert net.evaluate(W, t) == f


def test_refusal_for_two_iterations_has_a_certificate_per_root():
    net = HopfieldNetwork(2, iterations=2)
    for table in itertools.product(POINTS, repeat=4):
        r = net.realize(table)
        if not r:
            assert r.verify()
            for _, member in r.members:
                assert all(verify(c).ok for c in member.certificates)
            break
    else:
        raise AssertionError("expected a map not realizable in two iterations")


def test_proposition_3_is_false_for_two_units():
    c = check_proposition(3, 2)
    assert not c.holds
    assert c.counts == {"one_step_synchronous": 196, "proposed": 74, "in_both": 70, "only_in_proposed": 4}
    f = c.counterexample["function"]
    realization, proof = c.counterexample["realization"], c.counterexample["one_step_proof"]
    assert realization.verify() and verify(realization.certificate()).ok
    W, t = realization.weights, realization.thresholds
    assert iterate(step_table(W, t, 2), 2) == f
    assert not proof and proof.verify() and all(verify(cert).ok for cert in proof.certificates)


def test_proposition_4_holds_for_two_units(brute_force):
    c = check_proposition(4, 2)
    assert c.holds and c.counterexample is None
    assert c.counts["proposed"] == 108 == len(brute_force[("sequential", 1, False, False, False)])
    sequential = brute_force[("sequential", 1, False, False, False)]
    assert sequential <= brute_force[("synchronous", 1, False, False, False)]


@pytest.mark.slow
@pytest.mark.parametrize("number", [3, 4])
def test_propositions_are_false_for_three_units(number):
    c = check_proposition(number, 3)
    assert not c.holds
    realization, proof = c.counterexample["realization"], c.counterexample["one_step_proof"]
    assert realization.verify() and verify(realization.certificate()).ok
    assert not proof and proof.verify()


def test_bad_arguments():
    with pytest.raises(ValueError, match="update"):
        HopfieldNetwork(2, update="asynchronous")
    with pytest.raises(ValueError, match="iterations"):
        HopfieldNetwork(2, iterations=0)
    with pytest.raises(ValueError, match="Propositions 3 and 4"):
        check_proposition(5, 2)


def test_realizations_respect_the_classical_constraints():
    net = HopfieldNetwork(2, symmetric=True, zero_diagonal=True, thresholds=False)
    for _, r in net.realizable_functions():
        (a, b), (c, d) = r.weights
        assert b == c and a == d == 0 and r.thresholds == (0, 0)
    swap = ((0, 0), (1, 0), (0, 1), (1, 1))
    r = HopfieldNetwork(2).realize(swap)
    forged = type(r)(net, swap, ((0, 1), (2, 0)), (0, 0))     # not symmetric: refused by both checks
    assert not forged.verify() and not verify(forged.certificate()).ok


@pytest.mark.parametrize("kwargs", [{"symmetric": True}, {"zero_diagonal": True}, {"thresholds": False},
                                    {"symmetric": True, "zero_diagonal": True, "thresholds": False}])
def test_constrained_arrangement_chambers_count_the_maps(kwargs, brute_force):
    net = HopfieldNetwork(2, **kwargs)
    key = ("synchronous", 1, kwargs.get("symmetric", False), kwargs.get("zero_diagonal", False),
           not kwargs.get("thresholds", True))
    assert net.parameter_arrangement().num_regions() == len(brute_force[key]) == net.num_realizable()


@pytest.mark.parametrize("kwargs", [{"update": "sequential"}, {"iterations": 2},
                                    {"update": "sequential", "iterations": 2}])
def test_chambers_refine_the_cones(kwargs, brute_force):
    net = HopfieldNetwork(2, **kwargs)
    maps = set()
    for region in net.parameter_arrangement().regions():
        theta = region.witness
        maps.add(net.evaluate([theta[0:2], theta[3:5]], [theta[2], theta[5]]))
    key = (kwargs.get("update", "synchronous"), kwargs.get("iterations", 1), False, False, False)
    assert maps == brute_force[key] == {t for t, _ in net.realizable_functions()}


def test_too_large_enumerations_are_refused_up_front():
    with pytest.raises(ValueError, match="1.3e13"):
        HopfieldNetwork(4, update="sequential").num_realizable()
    with pytest.raises(ValueError, match="1.3e13"):
        next(HopfieldNetwork(4).realizable_functions())
    # one synchronous step needs no enumeration: g(4)^4 chambers by χ
    assert HopfieldNetwork(4).num_realizable() == 1882**4


THREE = cube(3)


def test_three_unit_refusal_without_square_roots_verifies():
    # a single transposition of {0,1}^3 is the square of no map (a root would need a 4-cycle)
    f = tuple(THREE[{0: 1, 1: 0}.get(k, k)] for k in range(8))
    proof = HopfieldNetwork(3, iterations=2).realize(f)
    assert not proof and proof.members == () and proof.verify()


@pytest.mark.parametrize("update", ["synchronous", "sequential"])
def test_three_unit_completeness_check_does_not_trust_kth_roots(update, monkeypatch):
    # f = h^2 for integer parameters; a kth_roots that loses the roots forges a refusal,
    # which verify() must reject by its own route through the chambers of T_3
    net = HopfieldNetwork(3, update=update, iterations=2)
    f = net.evaluate([[1, -1, 0], [0, 1, 1], [-1, 0, 1]], [0, -1, 1])
    assert net.realize(f)
    monkeypatch.setattr("exactgeom.networks.hopfield.kth_roots", lambda function, k: [])
    forged = net.realize(f)
    assert not forged and not forged.verify()


def test_realize_stops_at_the_first_realizable_root():
    # the identity of {0,1}^4 has 46,206,736 square roots; the first one tried is the identity,
    # realizable with W = I, θ = -1/2, so the answer comes at once
    net = HopfieldNetwork(4, iterations=2)
    ident = {x: x for x in itertools.product((0, 1), repeat=4)}
    r = net.realize(ident)
    assert r and r.verify() and net.evaluate(r.weights, r.thresholds) == tuple(ident.values())


def test_refusals_with_too_many_roots_are_refused_with_a_message(monkeypatch):
    # ((0,1),(0,0),(1,1),(1,0)) is not a two-step map of 2 units and has 2 square roots
    f = ((0, 1), (0, 0), (1, 1), (1, 0))
    net = HopfieldNetwork(2, iterations=2)
    assert sum(1 for _ in kth_roots(f, 2)) == 2 and not net.realize(f)
    monkeypatch.setattr("exactgeom.networks.hopfield._MAX_ROOTS", 1)
    with pytest.raises(ValueError, match=r"more than 1 maps h with h\^2 = f.*certificate for every one"):
        net.realize(f)
    with pytest.raises(ValueError, match=r"more than 1 maps"):
        net.parameter_cones(f)


def test_parameter_cone_is_one_step_only_and_parameter_cones_always_a_tuple():
    f = ((1, 1), (1, 0), (1, 0), (1, 1))
    with pytest.raises(ValueError, match="parameter_cones"):
        HopfieldNetwork(2, iterations=2).parameter_cone(f)
    g = ((0, 0), (0, 1), (1, 0), (1, 1))
    (h, P), = HopfieldNetwork(2).parameter_cones(g)
    assert h == g and P.is_empty() == HopfieldNetwork(2).parameter_cone(g).is_empty() is False

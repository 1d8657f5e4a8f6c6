"""Network certificates: strict schema, corrupted claims with adjusted evidence, hostile sizes, and the
iterated kind whose checker enumerates the k-th roots itself (compared with a brute force over all maps)."""

from __future__ import annotations

import copy
import itertools
import random
from collections import defaultdict

import pytest

from exactgeom.certificates import CertificateError, _schema, envelope, verify
from exactgeom.certificates.check_networks import kth_roots as checker_roots
from exactgeom.networks import HopfieldNetwork, ThresholdNetwork
from exactgeom.networks.hopfield import kth_roots as library_roots
from oracles.boolean import cube, iterate

import timing

POINTS2 = cube(2)
INDEX2 = {x: k for k, x in enumerate(POINTS2)}
MAPS2 = list(itertools.product(POINTS2, repeat=4))


def network(n=2, m=None, **flags):
    spec = {"n_inputs": n, "n_outputs": n if m is None else m, "update": "synchronous", "iterations": 1,
            "symmetric": False, "zero_diagonal": False, "thresholds": True}
    spec.update(flags)
    return spec


def one_step_realizable(h):
    """Independent criterion for one synchronous step of 2 units: no output is XOR or XNOR."""
    return all(tuple(y[i] for y in h) not in ((0, 1, 1, 0), (1, 0, 0, 1)) for i in range(2))


def timed_verify(cert):
    start = timing.clock()
    v = verify(cert)
    assert timing.clock() - start < timing.LIMIT, "a hostile certificate took too long"
    return v


# -- the producers' certificates prove --------------------------------------------------------------
def test_producers_write_every_flag_as_a_json_boolean():
    r = ThresholdNetwork(2, 1).realize([0, 0, 0, 1])
    nr = ThresholdNetwork(2, 1).realize([0, 1, 1, 0])
    iterated = HopfieldNetwork(2, iterations=2).realize(((0, 1), (0, 0), (1, 1), (1, 0)))
    for cert in (r.certificate(), nr.certificate(), *nr.certificates, iterated.certificate()):
        spec = cert["claim"]["network"]
        assert set(spec) == {"n_inputs", "n_outputs", "update", "iterations", "symmetric", "zero_diagonal",
                             "thresholds"}
        assert all(spec[k] in (True, False) for k in ("symmetric", "zero_diagonal", "thresholds"))
        assert verify(cert).status == "proved"
    assert iterated.verify() and iterated.certificate()["kind"] == "network-nonrealizable-iterated"


def test_the_documented_xor_example_proves():
    cert = envelope("network-nonrealizable", {"network": network(2, 1), "function": [[0], [1], [1], [0]]},
                    {"multipliers": ["1", "1", "1", "1"], "equation_multipliers": []})
    assert verify(cert).status == "proved"


# -- corrupted claims with consistently adjusted evidence -----------------------------------------
def test_realization_corruptions_are_rejected():
    swap = ((0, 0), (1, 0), (0, 1), (1, 1))
    cert = HopfieldNetwork(2).realize(swap).certificate()
    assert verify(cert).ok
    wrong_value = copy.deepcopy(cert)
    wrong_value["claim"]["function"][1] = [1, 1]
    assert verify(wrong_value).status == "rejected"
    # the same weights claimed for a zero-diagonal network: only consistent if w_ii = 0
    for flag, needle in (("symmetric", "w_12 - w_21"), ("thresholds", "θ_1")):
        flipped = copy.deepcopy(cert)
        flipped["claim"]["network"][flag] = not flipped["claim"]["network"][flag]
        flipped["data"]["weights"] = [["0", "1"], ["2", "0"]]
        flipped["data"]["thresholds"] = ["-1/2", "-1"]
        v = verify(flipped)
        assert v.status == "rejected" and needle in v.message
    # two iterations of the same weights compute the identity, not the swap
    iterated = copy.deepcopy(cert)
    iterated["claim"]["network"]["iterations"] = 2
    assert "the network gives" in verify(iterated).message
    iterated["claim"]["function"] = [list(x) for x in POINTS2]
    assert verify(iterated).ok


def test_realization_of_iterated_and_sequential_networks_by_cycle_arithmetic():
    net = HopfieldNetwork(3, update="sequential", iterations=5)
    W, t = [[1, -1, 0], [0, 1, 1], [-1, 0, 1]], [0, -1, 1]
    f = net.evaluate(W, t)
    cert = net.realize(f).certificate()
    assert verify(cert).ok
    cert["data"]["weights"] = [[str(v) for v in row] for row in W]
    cert["data"]["thresholds"] = [str(v) for v in t]
    assert verify(cert).ok
    for k in range(1, 12):
        other = copy.deepcopy(cert)
        other["claim"]["network"]["iterations"] = k
        expected = HopfieldNetwork(3, update="sequential", iterations=k).evaluate(W, t)
        assert verify(other).ok == (expected == f)
        other["claim"]["function"] = [list(y) for y in expected]
        assert verify(other).ok


def test_string_flags_no_longer_drop_equations():
    # the network read as θ = 0 cannot map 00 to 1; with "false" read by truthiness it "did"
    cert = envelope("network-realization", {"network": network(2, 1, thresholds="false"),
                                            "function": [[1], [1], [1], [1]]},
                    {"weights": [["0", "0"]], "thresholds": ["1"]})
    assert "thresholds must be a JSON boolean" in verify(cert).message
    cert["claim"]["network"]["thresholds"] = False
    assert "violate equation 0 of the network (θ_1 = 0)" in verify(cert).message
    cert["claim"]["network"]["thresholds"] = True
    assert verify(cert).ok


def test_symmetric_flag_changed_with_adjusted_multipliers_is_rejected():
    # realizable by one free step (swap-like map), not by a symmetric one
    f = ((0, 1), (1, 1), (1, 0), (1, 1))
    proof = HopfieldNetwork(2, symmetric=True).realize(f)
    assert not proof and proof.verify()
    assert HopfieldNetwork(2).realize(f)       # so no proof for the free network can exist
    cert = proof.certificate()
    assert len(cert["data"]["equation_multipliers"]) == 1
    as_string = copy.deepcopy(cert)
    as_string["claim"]["network"]["symmetric"] = "false"
    assert "JSON boolean" in verify(as_string).message
    kept = copy.deepcopy(cert)
    kept["claim"]["network"]["symmetric"] = False
    assert "must have 0 entries" in verify(kept).message
    dropped = copy.deepcopy(kept)
    dropped["data"]["equation_multipliers"] = []
    assert "not identically zero" in verify(dropped).message


def test_thresholds_flag_changed_with_adjusted_multipliers_is_rejected():
    f = ((1, 0), (1, 0), (0, 1), (0, 1))    # maps 00 to 10: impossible with θ = 0 (H(0) = 0)
    proof = HopfieldNetwork(2, thresholds=False).realize(f)
    assert not proof and proof.verify() and HopfieldNetwork(2).realize(f)
    cert = proof.certificate()
    for value in ("false", "true", 0, 1, None):
        bad = copy.deepcopy(cert)
        bad["claim"]["network"]["thresholds"] = value
        assert "JSON boolean" in verify(bad).message
    flipped = copy.deepcopy(cert)
    flipped["claim"]["network"]["thresholds"] = True
    flipped["data"]["equation_multipliers"] = []
    assert verify(flipped).status == "rejected"


def test_nonrealizable_function_changed_with_same_multipliers_is_rejected():
    nr = ThresholdNetwork(2, 2).realize([(0, 0), (1, 1), (1, 0), (0, 1)])
    cert = nr.certificate()
    assert verify(cert).ok
    rejected = 0
    for k in range(4):
        for bits in itertools.product((0, 1), repeat=2):
            other = copy.deepcopy(cert)
            other["claim"]["function"][k] = list(bits)
            table = [tuple(y) for y in other["claim"]["function"]]
            if verify(other).ok:        # never for a map that is realizable
                assert not ThresholdNetwork(2, 2).realize(table)
            else:
                rejected += 1
                assert ThresholdNetwork(2, 2).realize(table) or bits[1] != cert["claim"]["function"][k][1]
    assert rejected == 8          # every change of the failing output's bit
    negative = copy.deepcopy(cert)
    negative["data"]["multipliers"] = ["-1" if v != "0" else v for v in negative["data"]["multipliers"]]
    assert "negative" in verify(negative).message


# -- strict schema ---------------------------------------------------------------------------------
@pytest.mark.parametrize("edit,needle", [
    (lambda c: c["claim"]["network"].pop("zero_diagonal"), "missing the field 'zero_diagonal'"),
    (lambda c: c["claim"]["network"].update(extra=True), "unknown field 'extra'"),
    (lambda c: c["claim"]["network"].update(iterations="1"), "iterations must be an integer"),
    (lambda c: c["claim"]["network"].update(iterations=True), "iterations must be an integer"),
    (lambda c: c["claim"]["network"].update(update="async"), "must be one of"),
    (lambda c: c["claim"]["network"].update(n_inputs=26), "n_inputs must be an integer between 1 and 8"),
    (lambda c: c["claim"]["network"].update(update="sequential"), "as many outputs as inputs"),
    (lambda c: c["claim"]["function"].__setitem__(0, [False]), r"function[0][0] must be an integer"),
    (lambda c: c["claim"]["function"].__setitem__(0, [2]), r"function[0][0] must be an integer between 0"),
    (lambda c: c["claim"]["function"].pop(), "must have 4 entries"),
    (lambda c: c["data"].pop("equation_multipliers"), "missing the field 'equation_multipliers'"),
    (lambda c: c["data"].update(witness=[]), "unknown field 'witness'"),
    (lambda c: c["claim"].update(realizable=False), "unknown field 'realizable'"),
    (lambda c: c["data"]["multipliers"].__setitem__(0, 0.5), "must be an integer or a string"),
])
def test_malformed_fields_are_rejected_with_a_message_naming_them(edit, needle):
    cert = ThresholdNetwork(2, 1).realize([0, 1, 1, 0]).certificate()
    edit(cert)
    v = verify(cert)
    assert v.status == "rejected" and needle in v.message


def test_kinds_refuse_the_wrong_number_of_iterations():
    nr = ThresholdNetwork(1, 1).realize([1, 1])
    assert nr  # a constant is realizable; build the one-unit NOT refusal of two steps instead
    iterated = HopfieldNetwork(1, iterations=2).realize([(1,), (0,)]).certificate()
    assert verify(iterated).ok and iterated["data"]["roots"] == []
    one = copy.deepcopy(iterated)
    one["claim"]["network"]["iterations"] = 1
    assert "needs iterations >= 2" in verify(one).message
    xor = HopfieldNetwork(2).realize(((0, 0), (1, 1), (1, 1), (0, 0))).certificate()
    xor["claim"]["network"]["iterations"] = 2
    assert "network-nonrealizable-iterated" in verify(xor).message


# -- hostile sizes ---------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["network-realization", "network-nonrealizable",
                                  "network-nonrealizable-iterated"])
@pytest.mark.parametrize("field,value", [("n_inputs", 26), ("n_inputs", 10**9), ("n_outputs", 10**6),
                                         ("iterations", 10**9), ("iterations", 2**4000), ("n_inputs", -1)])
def test_hostile_sizes_are_refused_quickly(kind, field, value):
    spec = network(2, iterations=2)
    spec[field] = value
    cert = envelope(kind, {"network": spec, "function": [[0, 0]] * 4}, {"roots": []})
    v = timed_verify(cert)
    assert v.status == "rejected" and field in v.message


def test_hostile_lists_and_root_counts_are_refused_quickly():
    spec = network(3, iterations=7, thresholds=False)
    constant = [[0, 0, 0]] * 8            # 8^6 = 262,144 seventh roots; none is listed
    v = timed_verify(envelope("network-nonrealizable-iterated", {"network": spec, "function": constant},
                              {"roots": []}))
    assert v.status == "rejected" and "is not listed" in v.message
    huge = envelope("network-nonrealizable", {"network": network(8, 1), "function": [[0]] * 256},
                    {"multipliers": ["1"] * 2 * 10**5, "equation_multipliers": []})
    assert "must have 256 entries" in timed_verify(huge).message
    long_table = envelope("network-realization", {"network": network(2, 1), "function": [[0]] * 10**5},
                          {"weights": [["0", "0"]], "thresholds": ["0"]})
    assert "must have 4 entries" in timed_verify(long_table).message
    entry = {"map": constant, "multipliers": [], "equation_multipliers": []}
    many_roots = envelope("network-nonrealizable-iterated", {"network": spec, "function": constant},
                          {"roots": [entry] * 10**4})
    assert timed_verify(many_roots).status == "rejected"
    four = envelope("network-nonrealizable-iterated",
                    {"network": network(4, iterations=2), "function": [[0] * 4] * 16}, {"roots": []})
    assert "n <= 3 only" in timed_verify(four).message


def test_the_largest_one_step_certificates_check_within_budget():
    f = [[(sum(x) % 2) for _ in range(64)] for x in itertools.product((0, 1), repeat=8)]    # parity
    nr = ThresholdNetwork(8, 1).realize([y[0] for y in f])
    cert = copy.deepcopy(nr.certificate())
    cert["claim"]["network"]["n_outputs"] = 64
    cert["claim"]["function"] = f
    cert["data"]["multipliers"] = cert["data"]["multipliers"] * 64
    assert timed_verify(cert).status == "proved"


# -- the iterated kind -----------------------------------------------------------------------------
def iterated_refusal(n, k, f, **kwargs):
    nr = HopfieldNetwork(n, iterations=k, **kwargs).realize(f)
    assert not nr
    return nr, nr.certificate()


def test_a_complete_root_list_proves_and_a_dropped_root_is_rejected():
    f = ((0, 1), (0, 0), (1, 1), (1, 0))
    nr, cert = iterated_refusal(2, 2, f)
    assert verify(cert).status == "proved" and nr.verify()
    listed = {tuple(map(tuple, r["map"])) for r in cert["data"]["roots"]}
    assert listed == {h for h in MAPS2 if iterate(h, 2) == f}
    for i in range(len(cert["data"]["roots"])):
        dropped = copy.deepcopy(cert)
        del dropped["data"]["roots"][i]
        v = verify(dropped)
        assert v.status == "rejected" and "is not listed" in v.message
    twice = copy.deepcopy(cert)
    twice["data"]["roots"].append(twice["data"]["roots"][0])
    assert "repeats" in verify(twice).message


def test_a_fake_root_with_a_valid_one_step_proof_is_rejected():
    f = ((0, 1), (0, 0), (1, 1), (1, 0))
    _, cert = iterated_refusal(2, 2, f)
    xor = ((0, 0), (1, 1), (1, 1), (0, 0))      # not a one-step map, and xor∘xor != f
    proof = HopfieldNetwork(2).realize(xor).certificate()
    assert verify(proof).ok and iterate(xor, 2) != f
    fake = copy.deepcopy(cert)
    fake["data"]["roots"].append({"map": [list(y) for y in xor], "multipliers": proof["data"]["multipliers"],
                                  "equation_multipliers": proof["data"]["equation_multipliers"]})
    v = verify(fake)
    assert v.status == "rejected" and "is not a root" in v.message
    # replacing a true root by the fake one keeps the count but loses a root
    swapped = copy.deepcopy(fake)
    del swapped["data"]["roots"][0]
    assert verify(swapped).status == "rejected"


def test_changing_the_iterations_or_the_map_with_the_same_roots_is_rejected():
    f = ((0, 1), (0, 0), (1, 1), (1, 0))
    _, cert = iterated_refusal(2, 2, f)
    for k in (3, 4, 5):
        other = copy.deepcopy(cert)
        other["claim"]["network"]["iterations"] = k
        assert verify(other).status == "rejected"
    # f is the square of exactly two 4-cycles h, and h^6 = h^2: the same list proves the claim for k = 6
    six = copy.deepcopy(cert)
    six["claim"]["network"]["iterations"] = 6
    assert verify(six).ok
    for g in MAPS2[::5]:
        other = copy.deepcopy(cert)
        other["claim"]["function"] = [list(y) for y in g]
        assert verify(other).ok == (g == f)


@pytest.fixture
def unlimited_budget():
    _schema.reset_budget(10**12)
    yield
    _schema.reset_budget()


def test_the_checker_enumeration_equals_a_brute_force_over_all_maps_of_two_units(unlimited_budget):
    for k in (2, 3, 4, 5):
        roots = defaultdict(set)
        for h in MAPS2:
            roots[iterate(h, k)].add(h)
        for f in MAPS2:
            target = [INDEX2[y] for y in f]
            found = checker_roots(target, k)
            assert len(found) == len(set(found))
            assert {tuple(POINTS2[y] for y in h) for h in found} == roots[f]


def test_the_checker_enumeration_agrees_with_the_library_for_three_units(unlimited_budget):
    points = list(itertools.product((0, 1), repeat=3))
    index = {x: j for j, x in enumerate(points)}
    rng = random.Random(3)
    samples = [tuple(points[rng.randrange(8)] for _ in range(8)) for _ in range(40)]
    samples += [tuple(points[p] for p in rng.sample(range(8), 8)) for _ in range(20)]
    samples += [tuple(points), (points[0],) * 4 + (points[1],) * 4]
    for f in samples:
        for k in (2, 3):
            ours = {tuple(points[y] for y in h) for h in checker_roots([index[y] for y in f], k)}
            assert ours == set(library_roots(f, k))


def test_every_two_step_refusal_of_two_units_proves_and_matches_an_independent_criterion():
    net = HopfieldNetwork(2, iterations=2)
    refused = 0
    for f in MAPS2:
        expected = any(one_step_realizable(h) and iterate(h, 2) == f for h in MAPS2)
        r = net.realize(f)
        assert bool(r) == expected
        if not r:
            refused += 1
            assert verify(r.certificate()).status == "proved"
    assert refused == 256 - 74


@pytest.mark.parametrize("kwargs", [{"update": "sequential"}, {"symmetric": True, "zero_diagonal": True},
                                    {"thresholds": False}])
def test_iterated_refusals_of_constrained_and_sequential_networks(kwargs):
    for f in MAPS2[::9]:
        for k in (2, 3):
            r = HopfieldNetwork(2, iterations=k, **kwargs).realize(f)
            if not r:
                cert = r.certificate()
                assert verify(cert).ok and r.verify()
                flipped = copy.deepcopy(cert)
                other = "synchronous" if cert["claim"]["network"]["update"] == "sequential" else "sequential"
                flipped["claim"]["network"]["update"] = other
                if HopfieldNetwork(2, iterations=k, **{**kwargs, "update": other}).realize(f):
                    assert not verify(flipped).ok


def test_three_unit_refusal_lists_are_checked_by_the_checker_alone(monkeypatch):
    net = HopfieldNetwork(3, update="sequential", iterations=2)
    f = net.evaluate([[1, -1, 0], [0, 1, 1], [-1, 0, 1]], [0, -1, 1])
    monkeypatch.setattr("exactgeom.networks.hopfield.kth_roots", lambda function, k: iter(()))
    forged = net.realize(f)
    v = verify(forged.certificate())
    assert v.status == "rejected" and "is not listed" in v.message and not forged.verify()


def test_budget_is_counted_not_timed():
    _schema.reset_budget(1000)
    try:
        with pytest.raises(CertificateError, match="counted steps"):
            checker_roots([0] * 8, 7)
    finally:
        _schema.reset_budget()

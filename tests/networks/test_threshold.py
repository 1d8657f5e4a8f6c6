"""Threshold networks: counts against OEIS A000609 and Zaslavsky, brute force over integer weights,
certificates checked by the independent verifier."""

from __future__ import annotations

import copy
import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import exactgeom as eg
from exactgeom._progress import progress_bar
from exactgeom.arrangements import regions as regions_module
from exactgeom.certificates import verify
from exactgeom.networks import NonRealizable, Realization, ThresholdNetwork
from exactgeom.networks._boolean import truth_table
from exactgeom.networks.threshold import is_threshold_function, threshold_functions
from oracles.boolean import cube, step_table

A000609 = [2, 4, 14, 104, 1882, 94572]
XOR = (0, 1, 1, 0)
XNOR = (1, 0, 0, 1)


def brute_force_threshold_functions(n, bound):
    """Functions H(w·x + b) for integer w in [-bound, bound]^n and half-integer b (a lower bound set)."""
    found = set()
    for w in itertools.product(range(-bound, bound + 1), repeat=n):
        for twice_b in range(-2 * bound * n - 3, 2 * bound * n + 4):
            b = Fraction(twice_b, 2)
            found.add(tuple(1 if sum(a * v for a, v in zip(w, x)) + b > 0 else 0 for x in cube(n)))
    return found


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4])
def test_number_of_threshold_functions_is_A000609_and_zaslavsky(n):
    found = {}
    for bits, (w, b) in threshold_functions(n):
        assert bits not in found
        found[bits] = (w, b)
        values = [sum(a * v for a, v in zip(w, x)) + b for x in cube(n)]
        assert all(v != 0 for v in values), "the witness must lie in the open chamber"
        assert tuple(int(v > 0) for v in values) == bits
    assert len(found) == A000609[n]
    if n >= 1:
        assert len(found) == eg.library.threshold(n).num_regions()
        assert ThresholdNetwork(n, 1).num_realizable() == A000609[n]


@pytest.mark.parametrize("n, bound", [(1, 1), (2, 1), (3, 2)])
def test_enumeration_equals_brute_force_over_integer_weights(n, bound):
    enumerated = {bits for bits, _ in threshold_functions(n)}
    assert brute_force_threshold_functions(n, bound) == enumerated


@pytest.mark.slow
def test_five_variables():
    found = sum(1 for _ in threshold_functions(5))
    assert found == A000609[5] == eg.library.threshold(5).num_regions()
    # sum of the unsigned coefficients of chi(T_5) from the literature
    assert found == sum([1, 32, 496, 4240, 19660, 43014, 27129])


def test_two_by_two_network_196_realizable_60_certified():
    net = ThresholdNetwork(n_inputs=2, n_outputs=2)
    realizable = 0
    for bits in itertools.product((0, 1), repeat=8):
        table = tuple((bits[2 * k], bits[2 * k + 1]) for k in range(4))
        rows = [tuple(y[i] for y in table) for i in range(2)]
        bad_rows = tuple(i for i, r in enumerate(rows) if r in (XOR, XNOR))
        r = net.realize(table)
        if r:
            realizable += 1
            assert isinstance(r, Realization)
            assert step_table(r.weights, r.thresholds, 2) == table
            assert r.verify() and verify(r.certificate()).ok
            assert not bad_rows
        else:
            assert isinstance(r, NonRealizable)
            assert r.rows == bad_rows
            assert all(verify(c).ok for c in r.certificates)
            assert r.verify()
    assert realizable == 196
    assert net.num_realizable() == 196 == net.parameter_arrangement().num_regions()


def test_non_realizable_functions_are_the_maps_with_an_xor_or_xnor_output(monkeypatch):
    # conventions.md: for n = m = 2 the 60 maps no parameter realizes are those with an XOR or XNOR output
    outputs = list(itertools.product((0, 1), repeat=2))
    expected = [table for table in itertools.product(outputs, repeat=4)
                if any(tuple(y[i] for y in table) in (XOR, XNOR) for i in range(2))]
    bars = []

    def recording(enabled, total=None, desc="", unit="it", limit=None):
        bars.append((desc, enabled))
        return progress_bar(False, total=total, desc=desc, unit=unit, limit=limit)

    monkeypatch.setattr(regions_module, "progress_bar", recording)
    net = ThresholdNetwork(2, 2)
    for progress in (False, True):
        bars.clear()
        listed = list(net.non_realizable_functions(progress=progress))
        assert [table for table, _ in listed] == expected and len(expected) == 60
        for table, r in listed:
            assert isinstance(r, NonRealizable) and r.function == table and r.verify()
            assert r.rows == tuple(i for i in range(2) if tuple(y[i] for y in table) in (XOR, XNOR))
        assert ("regions", progress) in bars                 # the bar over the chambers of T_2
    with pytest.raises(TypeError):
        net.non_realizable_functions(True)


def test_xor_asummability_explanation():
    nr = ThresholdNetwork(2, 1).realize(lambda x: x[0] ^ x[1])
    (true_points, false_points), = nr.asummability
    assert sorted(true_points) == [(0, 1), (1, 0)] and sorted(false_points) == [(0, 0), (1, 1)]
    assert [sum(c) for c in zip(*true_points)] == [sum(c) for c in zip(*false_points)]


def test_asummability_for_a_larger_non_threshold_function():
    # x1 x2 OR x3 x4 is not a threshold function: (1,1,0,0)+(0,0,1,1) = (1,0,1,0)+(0,1,0,1)
    nr = ThresholdNetwork(4, 1).realize(lambda x: (x[0] & x[1]) | (x[2] & x[3]))
    assert not nr and nr.verify()
    (true_points, false_points), = nr.asummability
    f = truth_table(lambda x: (x[0] & x[1]) | (x[2] & x[3]), 4)
    index = {x: k for k, x in enumerate(cube(4))}
    assert len(true_points) == len(false_points)
    assert all(f[index[x]] == (1,) for x in true_points) and all(f[index[x]] == (0,) for x in false_points)
    assert [sum(c) for c in zip(*true_points)] == [sum(c) for c in zip(*false_points)]


def test_tampered_certificates_are_rejected():
    nr = ThresholdNetwork(2, 2).realize([(0, 0), (1, 1), (1, 0), (0, 1)])
    cert = copy.deepcopy(nr.certificates[0])
    assert verify(cert).ok
    cert["data"]["multipliers"][0] = str(Fraction(cert["data"]["multipliers"][0]) + 1)
    assert not verify(cert).ok
    cert = copy.deepcopy(nr.certificates[0])
    cert["claim"]["function"][0] = [1, 1]       # a different function: the same multipliers prove nothing
    assert not verify(cert).ok
    r = ThresholdNetwork(2, 1).realize([0, 0, 0, 1])
    cert = r.certificate()
    cert["claim"]["function"][3] = [0]
    assert not verify(cert).ok


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-4, 4), min_size=6, max_size=6),
       st.lists(st.integers(-6, 6), min_size=2, max_size=2))
def test_every_network_function_is_realized_and_lies_in_its_cone(weights, thresholds):
    W = [weights[:3], weights[3:]]
    table = step_table(W, thresholds, 3)
    net = ThresholdNetwork(3, 2)
    r = net.realize(table)
    assert r and step_table(r.weights, r.thresholds, 3) == table
    theta = [v for row, t in zip(W, thresholds) for v in (*row, t)]
    assert net.parameter_cone(table).contains(theta)


def test_parameter_cone_emptiness_matches_realizability():
    net = ThresholdNetwork(2, 1)
    for bits in itertools.product((0, 1), repeat=4):
        P = net.parameter_cone(list(bits))
        assert P.is_empty() == (bits in (XOR, XNOR))
        if not P.is_empty():
            w1, w2, b = P.witness()
            assert step_table([[w1, w2]], [b], 2) == tuple((v,) for v in bits)
    assert is_threshold_function([0, 0, 0, 1]) and not is_threshold_function(list(XOR))


def test_parameter_arrangement_is_threshold_arrangement_for_one_output():
    assert ThresholdNetwork(3, 1).parameter_arrangement() == eg.library.threshold(3)
    A = ThresholdNetwork(1, 3).parameter_arrangement()
    assert A.dimension == 6 and A.num_regions() == 4**3


def test_realizable_functions_are_all_distinct_and_verified():
    seen = set()
    for table, r in ThresholdNetwork(2, 2).realizable_functions():
        assert table not in seen
        seen.add(table)
        assert step_table(r.weights, r.thresholds, 2) == table
    assert len(seen) == 196


@pytest.mark.parametrize(
    "function, error",
    [
        ([0, 1, 2, 0], "takes the values 0 and 1"),
        ([0, 1, 1], "needs 4"),
        ({(0, 0): 0, (0, 1): 1, (1, 0): 1}, "no value for the input"),
        ({(0, 0): 0, (0, 1): 1, (1, 0): 1, (1, 2): 0}, "is not a point"),
        (lambda x: "1", "takes the values 0 and 1"),
    ],
)
def test_bad_functions_raise_clear_errors(function, error):
    with pytest.raises((ValueError, TypeError), match=error):
        ThresholdNetwork(2, 1).realize(function)


def test_float_values_of_a_function_are_a_type_error():
    with pytest.raises(TypeError, match=r"f\[\(0, 1\)\] is the float 1.0"):
        ThresholdNetwork(2, 1).realize([0, 1.0, 1, 1])


def test_bad_sizes_and_parameters():
    with pytest.raises(ValueError, match="n_inputs"):
        ThresholdNetwork(0, 1)
    with pytest.raises(TypeError, match="float"):
        ThresholdNetwork(2, 1).evaluate([[0.5, 1]], [0])
    with pytest.raises(ValueError, match="use n <= 6"):
        next(threshold_functions(7))


def test_executor_gives_the_same_functions():
    from concurrent.futures import ProcessPoolExecutor

    serial = dict(threshold_functions(4))
    with ProcessPoolExecutor(max_workers=2) as pool:
        parallel = dict(threshold_functions(4, executor=pool))
    assert set(parallel) == set(serial) and len(parallel) == 1882
    assert ThresholdNetwork(3, 1).num_realizable() == 104


@pytest.mark.parametrize("table", [((0, 0), (0, 1), (0, 1), (1, 1)), ((1, 0), (0, 0), (1, 1), (0, 1))])
def test_printed_matrix_of_a_realization_computes_the_map(table):
    import re

    text = str(ThresholdNetwork(2, 2).realize(list(table)))
    printed = re.findall(r"\[([-\d/ |]+)\]", text)
    rows = [[Fraction(v) for v in re.split(r"[\s|]+", row.strip())] for row in printed]
    assert len(rows) == 2 and all(len(row) == 3 for row in rows)   # [W | θ]: one row per output
    assert step_table([row[:2] for row in rows], [row[2] for row in rows], 2) == table

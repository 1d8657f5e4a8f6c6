"""Counts of realizable maps, from χ (Zaslavsky) and from the chambers' masks, against enumerations.

The χ count rests on a bijection between the chambers of the parameter arrangement and the
realizable maps (exactgeom/networks/_semantics.py).  Checked here: the counts against LP
feasibility of every candidate truth table (no chambers involved), against a brute force over
integer parameters, against the OEIS values, and the perturbation lemma itself on degenerate
parameters (many rows zero) for every variant.  Sequential sweeps and iterates count the distinct
maps of the chambers' masks (exactgeom/networks/_chambers.py): checked against the maps of the
chambers' witnesses from exact LPs, the coupled chambers against χ and the LP regions, and the
Fourier–Motzkin feasibility test against an LP.
"""

from __future__ import annotations

import itertools
import random
import warnings
from fractions import Fraction

import pytest

from exactgeom.networks import HopfieldNetwork, LinearClassifier, ThresholdNetwork
from exactgeom.networks._chambers import _strictly_feasible, coupled_chambers
from exactgeom.networks._semantics import _block_chambers
from exactgeom.networks.hopfield import check_proposition
from exactgeom.networks.threshold import threshold_functions
from exactgeom.polyhedra import Polyhedron

A000609 = [2, 4, 14, 104, 1882, 94572, 15028134]          # /work/shared/REFERENCE.md, §1
CONSTRAINTS = [dict(symmetric=s, zero_diagonal=z, thresholds=t)
               for s, z, t in itertools.product((False, True), repeat=3)]


def unit_functions_by_lp(n: int, i: int, zero_diagonal: bool, thresholds: bool) -> int:
    """Number of g: {0,1}^n -> {0,1} that unit i computes, one exact LP per candidate truth table."""
    points = list(itertools.product((0, 1), repeat=n))
    count = 0
    for g in itertools.product((0, 1), repeat=len(points)):
        A = [[*x, 1] for x in points]
        kinds = [">" if v else "<=" for v in g]
        if zero_diagonal:
            A.append([1 if j == i else 0 for j in range(n + 1)])
            kinds.append("==")
        if not thresholds:
            A.append([0] * n + [1])
            kinds.append("==")
        count += not Polyhedron.from_constraints(A, [0] * len(A), kinds).is_empty()
    return count


def maps_by_lp(net: HopfieldNetwork) -> set:
    """Every map of {0,1}^2 whose (coupled) cone Par_f is non-empty, one LP per map."""
    points = list(itertools.product((0, 1), repeat=net.n))
    return {t for t in itertools.product(points, repeat=len(points)) if not net.parameter_cone(t).is_empty()}


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, pytest.param(6, marks=pytest.mark.slow)])
def test_threshold_counts_are_A000609(n):
    assert ThresholdNetwork(n, 1).num_realizable() == A000609[n]
    assert ThresholdNetwork(n, 3).num_realizable() == A000609[n] ** 3


@pytest.mark.parametrize("n", [1, 2, 3])
def test_threshold_count_equals_enumeration_and_lp(n):
    by_lp = unit_functions_by_lp(n, 0, False, True)
    assert ThresholdNetwork(n, 1).num_realizable() == sum(1 for _ in threshold_functions(n)) == by_lp
    net = ThresholdNetwork(n, 2)
    assert net.num_realizable() == sum(1 for _ in net.realizable_functions())


def test_deprecated_names_still_answer():
    with pytest.warns(DeprecationWarning, match="num_realizable"):
        assert ThresholdNetwork(2, 1).count_realizable() == 14
    with pytest.warns(DeprecationWarning, match="num_realizable"):
        assert HopfieldNetwork(2).count_realizable() == 196
    clf = LinearClassifier([(0, 0), (1, 0), (0, 1), (1, 1)])
    with pytest.warns(DeprecationWarning, match="num_dichotomies"):
        assert clf.count_dichotomies() == 14


@pytest.mark.parametrize("constraints", CONSTRAINTS)
def test_two_unit_counts_equal_lp_over_all_maps(constraints):
    net = HopfieldNetwork(2, **constraints)
    maps = maps_by_lp(net)
    enumerated = [t for t, _ in net.realizable_functions()]
    assert len(enumerated) == len(set(enumerated))          # distinct chambers, distinct maps
    assert net.num_realizable() == len(maps) == len(enumerated)
    assert set(enumerated) == maps


@pytest.mark.parametrize("constraints", [c for c in CONSTRAINTS if not c["symmetric"]])
def test_three_unit_counts_factor_and_equal_lp_per_unit(constraints):
    net = HopfieldNetwork(3, **constraints)
    expected = 1
    for i in range(3):
        expected *= unit_functions_by_lp(3, i, constraints["zero_diagonal"], constraints["thresholds"])
    assert net.num_realizable() == expected


def test_three_unit_symmetric_counts():
    # the symmetric count of the coupled space; with everything switched on, the classical network
    assert HopfieldNetwork(3, symmetric=True).num_realizable() == 271600
    assert HopfieldNetwork(3, symmetric=True, zero_diagonal=True, thresholds=False).num_realizable() == 26


def perturb(net: HopfieldNetwork, W, t):
    """The point y0 - ε(1, ..., 1) of the bijection proof, in the free coordinates, expanded to (W, θ)."""
    n = net.n
    keys = {}
    for i in range(n):
        for j in range(n):
            if net.zero_diagonal and i == j:
                continue
            keys.setdefault((min(i, j), max(i, j)) if net.symmetric else (i, j), len(keys))
        if net.thresholds:
            keys[("t", i)] = len(keys)
    y0 = [None] * len(keys)
    for (a, b), c in [(k, c) for k, c in keys.items() if k[0] != "t"]:
        y0[c] = W[a][b]
    for i in range(n):
        if net.thresholds:
            y0[keys[("t", i)]] = t[i]
    values, ones = [], []
    for i in range(n):
        for z in itertools.product((0, 1), repeat=n):
            row = sum(W[i][j] * z[j] for j in range(n)) + t[i]
            width = sum(z[j] for j in range(n) if not (net.zero_diagonal and i == j)) + net.thresholds
            values.append(row)
            ones.append(width)
    positive = [v / w for v, w in zip(values, ones) if v > 0]
    eps = min(positive) / 2 if positive else Fraction(1)
    y = [v - eps for v in y0]
    def weight(i, j):
        if net.zero_diagonal and i == j:
            return Fraction(0)
        return y[keys[(min(i, j), max(i, j)) if net.symmetric else (i, j)]]

    W2 = [[weight(i, j) for j in range(n)] for i in range(n)]
    t2 = [y[keys[("t", i)]] if net.thresholds else Fraction(0) for i in range(n)]
    return W2, t2


@pytest.mark.parametrize("n", [2, 3])
@pytest.mark.parametrize("update", ["synchronous", "sequential"])
@pytest.mark.parametrize("constraints", CONSTRAINTS)
def test_every_realizable_map_is_realized_off_all_hyperplanes(n, update, constraints):
    """The lemma behind the bijection, on degenerate parameters (entries in {-1, 0, 1}: many rows vanish)."""
    net = HopfieldNetwork(n, update=update, **constraints)
    rng = random.Random(14)
    for _ in range(60):
        W = [[Fraction(rng.choice((-1, 0, 0, 1))) for _ in range(n)] for _ in range(n)]
        if net.symmetric:
            W = [[W[min(i, j)][max(i, j)] for j in range(n)] for i in range(n)]
        if net.zero_diagonal:
            for i in range(n):
                W[i][i] = Fraction(0)
        t = [Fraction(rng.choice((-1, 0, 0, 1))) if net.thresholds else Fraction(0) for _ in range(n)]
        W2, t2 = perturb(net, W, t)
        assert net.evaluate(W2, t2) == net.evaluate(W, t)
        for i in range(n):
            for z in itertools.product((0, 1), repeat=n):
                row_is_zero_on_L = not net.thresholds and all(z[j] == 0 or (net.zero_diagonal and j == i)
                                                                for j in range(n))
                value = sum(W2[i][j] * z[j] for j in range(n)) + t2[i]
                assert (value == 0) == row_is_zero_on_L


STEPS = [("sequential", 1), ("synchronous", 2), ("sequential", 2), ("synchronous", 3)]


def spec_of(net: HopfieldNetwork) -> dict:
    return net._one_step_network()._spec()


def test_several_chambers_compute_one_sweep():
    # point 3 of the bijection fails here: the chamber count is not the map count
    net = HopfieldNetwork(2, update="sequential")
    assert net.parameter_arrangement().num_regions() == 196 != net.num_realizable() == 108


@pytest.mark.parametrize("update, k", STEPS)
@pytest.mark.parametrize("constraints", CONSTRAINTS)
def test_two_unit_chamber_map_counts_equal_the_enumeration(update, k, constraints):
    """Distinct maps of the chamber masks against the maps of the chambers' witnesses (exact LPs)."""
    net = HopfieldNetwork(2, update=update, iterations=k, **constraints)
    enumerated = {t for t, _ in net.realizable_functions()}
    points = list(itertools.product((0, 1), repeat=2))
    assert {tuple(points[j] for j in f) for f in net._distinct_maps()} == enumerated
    assert net.num_realizable() == len(enumerated)


@pytest.mark.parametrize("update, k", STEPS[:3])
@pytest.mark.parametrize("constraints", [dict(zero_diagonal=True), dict(thresholds=False),
                                         dict(symmetric=True, zero_diagonal=True),
                                         dict(symmetric=True, thresholds=False)])
def test_three_unit_chamber_map_counts_equal_the_enumeration(update, k, constraints):
    net = HopfieldNetwork(3, update=update, iterations=k, **constraints)
    assert net.num_realizable() == len({t for t, _ in net.realizable_functions()})


@pytest.mark.parametrize("n", [2, 3])
@pytest.mark.parametrize("constraints", [c for c in CONSTRAINTS if c["symmetric"]])
def test_coupled_chambers_are_the_regions_counted_by_chi(n, constraints):
    net = HopfieldNetwork(n, **constraints)
    chambers = coupled_chambers(spec_of(net))
    assert len(chambers) == len(set(chambers)) == net.parameter_arrangement().num_regions()
    if n == 2 or constraints["zero_diagonal"] or not constraints["thresholds"]:     # 271,600: the slow test
        by_lp = {tuple(m[i] for i in range(n)) for m, _, _ in _block_chambers(spec_of(net), list(range(n)))}
        assert set(chambers) == by_lp


@pytest.mark.slow
def test_three_unit_symmetric_chambers_equal_the_regions():
    net = HopfieldNetwork(3, symmetric=True)
    by_lp = {tuple(m[i] for i in range(3)) for m, _, _ in _block_chambers(spec_of(net), [0, 1, 2])}
    assert set(coupled_chambers(spec_of(net))) == by_lp


@pytest.mark.parametrize("update, k", [STEPS[0], pytest.param(*STEPS[1], marks=pytest.mark.slow),
                                       pytest.param(*STEPS[2], marks=pytest.mark.slow)])
def test_three_unit_symmetric_maps_contain_every_sampled_parameter(update, k):
    net = HopfieldNetwork(3, update=update, iterations=k, symmetric=True)
    points = list(itertools.product((0, 1), repeat=3))
    maps = {tuple(points[j] for j in f) for f in net._distinct_maps()}
    rng = random.Random(14)
    for _ in range(150):
        a = [[rng.randint(-3, 3) for _ in range(3)] for _ in range(3)]
        W = [[a[min(i, j)][max(i, j)] for j in range(3)] for i in range(3)]
        t = [Fraction(rng.randint(-7, 7), 2) for _ in range(3)]
        assert net.evaluate(W, t) in maps


def test_strict_feasibility_by_elimination_agrees_with_lp():
    rng = random.Random(3)
    for _ in range(150):
        rows = {tuple(rng.randint(-2, 2) for _ in range(3)) for _ in range(rng.randint(1, 6))} - {(0, 0, 0)}
        if not rows:
            continue
        P = Polyhedron.from_constraints([list(r) for r in rows], [0] * len(rows), [">"] * len(rows))
        assert _strictly_feasible(set(rows), 3) == (not P.is_empty())


@pytest.mark.slow
def test_three_unit_sequential_and_iterated_counts_match_the_proposition_checks():
    # check_proposition runs its own loop over tuples of threshold units (bit masks)
    sequential = HopfieldNetwork(3, update="sequential")
    assert sequential.num_realizable() == check_proposition(4, 3).counts["proposed"] == 98720
    iterated = HopfieldNetwork(3, iterations=2)
    assert iterated.num_realizable() == check_proposition(3, 3).counts["proposed"] == 319622


def test_linear_classifier_dichotomies_from_chi_match_enumeration():
    points = [(0, 0), (1, 0), (2, 0), (0, 1), (1, 1), (3, 5)]         # three collinear points
    clf = LinearClassifier(points)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        listed = sum(1 for _ in clf.dichotomies())
    assert clf.num_dichotomies() == listed
    # brute force over integer (a, b): every listed sign pattern, nothing else
    found = set()
    for a1, a2, b in itertools.product(range(-6, 7), repeat=3):
        values = [a1 * x + a2 * y + b for x, y in points]
        if all(values):
            found.add(tuple(1 if v > 0 else -1 for v in values))
    assert found == {s for s, _ in clf.dichotomies()}

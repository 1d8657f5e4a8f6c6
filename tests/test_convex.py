"""Convex reformulations (Pilanci): dictionaries checked neuron by neuron, LP optima against brute force."""

import copy
import random
from fractions import Fraction
from itertools import combinations

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactgeom._exact import rank, solve
from exactgeom.certificates import verify
from exactgeom.wedge import dist_to_affine_hull
from exactgeom.convex import (
    Neuron,
    ThreeLayerUnit,
    affine_dictionary,
    min_l1_interpolant,
    polish,
    polish_neuron,
    ramp_dictionary,
    three_layer_dictionary,
    train_and_polish,
    vector_output_dictionary,
    wedge_dictionary,
)
from oracles.convex import min_l1_by_basic_solutions


def relu(t):
    return t if t > 0 else Fraction(0)


def dot(u, v):
    return sum((Fraction(a) * Fraction(b) for a, b in zip(u, v)), Fraction(0))


def evaluate(unit, x):
    """Evaluate a unit as a network, independently of the unit's own __call__."""
    if isinstance(unit, Neuron):
        return relu(dot(unit.weight, x) + unit.bias)
    assert isinstance(unit, ThreeLayerUnit)
    return relu(unit.sign * (relu(dot(unit.neuron.weight, x) + unit.neuron.bias) - unit.threshold))


def det(rows):
    return Fraction(str(sympy.Matrix([[sympy.Rational(str(v)) for v in r] for r in rows]).det()))


def minors_l1(vectors):
    M = sympy.Matrix([[sympy.Rational(str(v)) for v in r] for r in vectors])
    k, d = M.shape
    return sum(abs(Fraction(str(M[:, list(cols)].det()))) for cols in combinations(range(d), k))


def random_data(n, d, seed):
    rng = random.Random(seed)
    return [[Fraction(rng.randint(-4, 4), rng.randint(1, 2)) for _ in range(d)] for _ in range(n)]


ALL_DICTIONARIES = [
    ("wedge", lambda X: wedge_dictionary(X)),
    ("affine", lambda X: affine_dictionary(X)),
    ("three_layer", lambda X: three_layer_dictionary(X)),
    ("three_layer_bias", lambda X: three_layer_dictionary(X, bias=True)),
]


@pytest.mark.parametrize("name,build", ALL_DICTIONARIES)
@pytest.mark.parametrize("d,seed", [(1, 0), (2, 1), (3, 2)])
def test_every_column_is_its_unit_evaluated_on_the_data(name, build, d, seed):
    X = random_data(4 if d < 3 else 4, d, seed)
    D = build(X)
    assert D.shape[1] == len(D.units) == len(D.labels) > 0
    for j, unit in enumerate(D.units):
        assert D.column(j) == tuple(evaluate(unit, x) for x in X)


def test_theorem_1_ramps():
    x = [Fraction(-1), Fraction(1, 2), Fraction(2)]
    D = ramp_dictionary(x)
    n = len(x)
    for i in range(n):
        for j in range(2 * n):
            expected = relu(x[i] - x[j]) if j < n else relu(x[j - n] - x[i])
            assert D.matrix[i][j] == expected
    assert D.intercept


def _nonzero_columns(K):
    cols = {tuple(K[i][j] for i in range(len(K))) for j in range(len(K[0]))}
    return {c for c in cols if any(c)}


@pytest.mark.parametrize("d,seed", [(2, 5), (3, 6)])
def test_theorem_4_entries_are_normalised_volumes(d, seed):
    X = random_data(4, d, seed)
    augmented = X + [[int(i == k) for i in range(d)] for k in range(d)]
    expected = set()
    for S in combinations(augmented, d - 1):
        if rank(list(S)) < d - 1:
            continue
        scale = minors_l1(S)
        for sign in (1, -1):
            expected.add(tuple(relu(sign * det([x] + list(S))) / scale for x in X))
    expected.discard(tuple([Fraction(0)] * len(X)))
    assert _nonzero_columns(wedge_dictionary(X).matrix) == expected


def test_theorem_5_entries_are_normalised_volumes_through_data_points():
    X = random_data(4, 2, 8)
    expected = set()
    for ell, anchor in enumerate(X):
        pool = [[a - b for a, b in zip(x, anchor)] for i, x in enumerate(X) if i != ell] + [[1, 0], [0, 1]]
        for (u,) in combinations(pool, 1):
            if not any(u):
                continue
            scale = minors_l1([u])
            for sign in (1, -1):
                expected.add(
                    tuple(relu(sign * det([[a - b for a, b in zip(x, anchor)], u])) / scale for x in X)
                )
    expected.discard(tuple([Fraction(0)] * len(X)))
    assert _nonzero_columns(affine_dictionary(X).matrix) == expected


@pytest.mark.parametrize("bias", [False, True])
def test_three_layer_first_layer_neurons_satisfy_the_theorem_equalities(bias):
    X = random_data(4, 3, 9)
    d = 3
    differences = [[a - b for a, b in zip(X[i], X[j])] for i in range(4) for j in range(4) if i != j]
    pool = ([] if bias else X) + differences + [[int(i == k) for i in range(d)] for k in range(d)]
    D = three_layer_dictionary(X, bias=bias)
    for unit in D.units:
        w, b = unit.neuron.weight, unit.neuron.bias
        orthogonal = [v for v in pool if dot(v, w) == 0]
        assert rank(orthogonal) >= d - 1  # equalities (30)-(32) / (35)-(37)
        if bias:
            assert any(dot(x, w) + b == 0 for x in X)  # equality (38)
        else:
            assert b == 0
        assert unit.threshold in {relu(dot(x, w) + b) for x in X}


def test_vector_output_dictionary_p1_is_the_unaugmented_wedge_dictionary():
    X = random_data(4, 3, 10)
    K, subsets = vector_output_dictionary(X, p=1)
    assert _nonzero_columns(K) == _nonzero_columns(wedge_dictionary(X, augment=False).matrix)
    K2, _ = vector_output_dictionary([[3, 4], [1, 0]], p=2)
    assert K2[1][0] == sympy.Rational(4, 5)  # (x2 ^ x1)_+ / ||x1||_2 = dist_+(x2, span x1)


@pytest.mark.parametrize(
    "kind,X,y",
    [
        ("ramp", [[0], [1], [3], [4]], [0, 2, -1, 1]),
        ("wedge", [[1, 1], [0, 2]], [1, 1]),
        ("wedge", [[1, 0], [1, 1], [-1, 2]], [1, -1, 2]),
        ("affine", [[0, 0], [1, 0], [0, 1]], [1, 0, 0]),
        ("wedge", [[-1, -1], [1, -1], [-1, 1], [1, 1]], [1, -1, -1, 1]),
    ],
)
def test_min_l1_interpolant_against_brute_force(kind, X, y):
    fit = min_l1_interpolant(X, y, kind=kind)
    assert verify(fit.certificate)
    for x, label in zip(X, y):
        assert fit(x) == label
        assert sum(z * evaluate(u, [Fraction(v) for v in x]) for u, z in fit.network) + fit.intercept == label
    assert fit.value == min_l1_by_basic_solutions(
        fit.dictionary.matrix, [Fraction(v) for v in y], fit.dictionary.intercept
    )
    assert fit.value == sum(abs(z) for _, z in fit.network)


def test_certificate_tampering_is_caught():
    fit = min_l1_interpolant([[1, 0], [1, 1], [-1, 2]], [1, -1, 2])
    cert = fit.certificate
    bad = copy.deepcopy(cert)
    bad["claim"]["value"] = str(fit.value - Fraction(1, 7))
    assert not verify(bad)
    bad = copy.deepcopy(cert)
    bad["data"]["nu"] = [str(3 * Fraction(v)) for v in bad["data"]["nu"]]
    v = verify(bad)
    assert not v
    bad = copy.deepcopy(cert)
    bad["claim"]["units"][0]["bias"] = "1"  # another unit: K is rebuilt and z no longer fits y
    assert verify(bad).status == "rejected"
    bad = copy.deepcopy(cert)
    bad["data"]["z"][0] = str(Fraction(bad["data"]["z"][0]) + 1)
    assert not verify(bad)


def test_worked_example_of_section_3_4():
    x1, x2 = [1, 1], [0, 2]
    D = wedge_dictionary([x1, x2])
    text_neurons = [(1, -1), (2, 0), (0, 1), (-1, 0)]  # w1..w4 of the text

    def line(w):
        first = next(v for v in w if v)
        return tuple(Fraction(v) / first for v in w)

    assert {line(u.weight) for u in D.units} == {line(w) for w in text_neurons}
    # columns: (x_i ^ x~_j)_+ / ||x~_j||_1 over the augmented data {x1, x2, e1, e2}, both orientations
    for j, unit in enumerate(D.units):
        for i, x in enumerate([x1, x2]):
            assert D.matrix[i][j] == relu(dot(unit.weight, x))
    fit = min_l1_interpolant([x1, x2], [1, 1])
    assert fit.value == min_l1_by_basic_solutions(D.matrix, [Fraction(1), Fraction(1)], False) == 1


def test_xor_of_section_4_2():
    X = [[-1, -1], [1, -1], [-1, 1], [1, 1]]
    y = [1, -1, -1, 1]
    for kind in ("wedge", "affine"):
        fit = min_l1_interpolant(X, y, kind=kind)
        assert fit.value == 4 and verify(fit.certificate)
        neurons = [u for u, _ in fit.network]
        assert len(neurons) == 4
        lines = set()
        for u in neurons:
            on_line = [x for x in X if dot(u.weight, x) + u.bias == 0]
            assert len(on_line) == 2  # each breakline is the affine hull of two training points
            lines.add(tuple(sorted(map(tuple, on_line))))
        assert len(lines) == 2  # four optimal neurons, two distinct breaklines
    # The caption's lines x2 = -1 and x1 = -1 cannot carry an interpolant of XOR:
    # their neurons (both orientations) and an intercept span only additive functions.
    caption = [
        Neuron((Fraction(0), Fraction(1)), Fraction(1)),
        Neuron((Fraction(1), Fraction(0)), Fraction(1)),
        Neuron((Fraction(0), Fraction(-1)), Fraction(-1)),
        Neuron((Fraction(-1), Fraction(0)), Fraction(-1)),
    ]
    A = [[evaluate(u, x) for u in caption] + [Fraction(1)] for x in X]
    assert solve(A, [Fraction(v) for v in y]) is None


def test_polish_recovers_the_cross_product():
    X = [[1, 2, 0], [0, 1, 1], [2, 0, 1], [1, 1, 1]]
    exact = (Fraction(1), Fraction(-1, 2), Fraction(1, 2))  # orthogonal to X[0] and X[1]
    noisy = [exact[0] + Fraction(1, 100), exact[1], exact[2] - Fraction(1, 50)]
    (polished,) = polish([noisy], X)
    scale = sum(abs(v) for v in exact)
    assert polished.weight == tuple(v / scale for v in exact) and polished.bias == 0
    biased = polish_neuron([1, "1/100", 0], [[0, 0, 5], [0, 1, 0], [0, 0, 1], [3, 1, 1]], bias="1/50")
    assert biased == Neuron((Fraction(1), Fraction(0), Fraction(0)), Fraction(0))
    with pytest.raises(ValueError, match="full rank"):
        polish_neuron([1, 1], [[1, 1], [2, 2]])


def test_train_and_polish_cross_check():
    pytest.importorskip("numpy")
    X = [[0, 0], [1, 0], [0, 1], [1, 1], [2, 1]]
    y = [0, 1, 1, 0, 1]
    report = train_and_polish(X, y, hidden=6, seed=0, steps=1500)
    assert isinstance(report["trained_loss"], Fraction) and isinstance(report["trained_path_norm"], Fraction)
    assert report["optimum"] == min_l1_interpolant(X, y, kind="affine").value
    if report["polished_objective"] is not None:
        assert report["optimum"] <= report["polished_objective"]
    for neuron in report["polished_neurons"]:
        assert sum(1 for x in X if dot(neuron.weight, x) + neuron.bias == 0) >= 2


def test_bad_input():
    with pytest.raises(TypeError, match="float"):
        wedge_dictionary([[1, 0.5]])
    with pytest.raises(ValueError, match="unknown kind"):
        min_l1_interpolant([[1]], [1], kind="nope")
    with pytest.raises(ValueError, match="no network of this dictionary interpolates y"):
        min_l1_interpolant([[1, 0], [2, 0]], [1, 1])
    with pytest.raises(ValueError, match="up to 340 columns"):
        three_layer_dictionary(random_data(5, 2, 0), max_columns=100)  # 4 n C(n + C(n,2) + d, d - 1)
    with pytest.raises(TypeError, match="float"):
        Neuron((0.5, 1))


small_data = st.lists(
    st.tuples(st.integers(-3, 3), st.integers(-3, 3)), min_size=2, max_size=3, unique=True
).filter(lambda pts: all(p != (0, 0) for p in pts))


@settings(max_examples=25, deadline=None)
@given(small_data, st.lists(st.integers(-2, 2), min_size=3, max_size=3), st.sampled_from(["wedge", "affine"]))
def test_random_instances_certificate_and_brute_force(points, labels, kind):
    X = [list(p) for p in points]
    y = [Fraction(v) for v in labels[: len(X)]]
    D = wedge_dictionary(X) if kind == "wedge" else affine_dictionary(X)
    expected = min_l1_by_basic_solutions(D.matrix, y, D.intercept)
    try:
        fit = min_l1_interpolant(X, y, dictionary=D)
    except ValueError:
        assert expected is None
        return
    assert verify(fit.certificate)
    assert fit.value == expected


def test_affine_columns_are_distances_to_affine_hulls_up_to_the_l1_l2_scale():
    """K_ij · ‖w‖_1 / ‖w‖_2 = dist_+(x_i, Aff) for lines through two data points (Theorem 5)."""
    X = [[0, 0], [2, 1], [1, 3], [-1, 2]]
    D = affine_dictionary(X)
    checked = 0
    for j, unit in enumerate(D.units):
        on_line = [x for x in X if dot(unit.weight, x) + unit.bias == 0]
        if len(on_line) < 2:
            continue
        w2 = sum(v * v for v in unit.weight)
        for i, x in enumerate(X):
            if D.matrix[i][j] > 0:
                assert D.matrix[i][j] ** 2 / w2 == dist_to_affine_hull(x, on_line[:2], squared=True)
                checked += 1
    assert checked > 0


def test_theorem_1_is_theorem_5_in_dimension_one():
    x = [Fraction(-2), Fraction(0), Fraction(1, 2), Fraction(3)]
    y = [1, -1, 2, 0]
    ramps = ramp_dictionary(x)
    affine = affine_dictionary([[v] for v in x], intercept=True)
    assert _nonzero_columns(ramps.matrix) == _nonzero_columns(affine.matrix)
    a = min_l1_interpolant(None, y, dictionary=ramps)
    b = min_l1_interpolant(None, y, dictionary=affine)
    assert a.value == b.value == min_l1_by_basic_solutions(ramps.matrix, [Fraction(v) for v in y], True)

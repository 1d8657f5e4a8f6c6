"""Exact import of floats and the cross-checks of float claims, against independent answers: the binary
value read off float.hex, brute-force nearest fractions, hand-written forward passes over the binary
weights, brute-force activation patterns (one LP per pattern) and Zaslavsky's count."""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import math
import random
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactgeom import Arrangement, _exact
from exactgeom.dynamics import linear_network, relu_network
from exactgeom.networks import ReLUNetwork
from exactgeom.neuro import LinearNetwork, Parametrization
from exactgeom.errors import TooLarge
from exactgeom.numeric import (
    MAX_CONSERVATION_OPERATIONS,
    MAX_DIMENSION_OPERATIONS,
    MAX_REGIONS,
    check_activation_patterns,
    check_conservation_laws,
    check_dimension,
    conservation_operations,
    dimension_operations,
    exact,
    rationalize,
    region_bound,
)
from oracles.relu import activation_patterns

np = pytest.importorskip("numpy")

finite_floats = st.floats(allow_nan=False, allow_infinity=False)


def binary_value(x: float) -> Fraction:
    """The value of a finite float read off its hex form ±0x1.hhhhp±e (or 0x0.… for subnormals)."""
    text = x.hex()
    sign = -1 if text.startswith("-") else 1
    mantissa, exponent = text.lstrip("-")[2:].split("p")
    whole, _, digits = mantissa.partition(".")
    value = Fraction(int(whole + digits, 16), 16 ** len(digits))
    e = int(exponent)
    return sign * value * (Fraction(2) ** e)


# -- exact ------------------------------------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(finite_floats)
def test_exact_is_the_binary_value(x):
    v = exact(x)
    assert type(v) is Fraction
    assert v == binary_value(x) == Fraction(x)
    assert float(v) == x
    assert v.denominator & (v.denominator - 1) == 0  # a power of two


def test_exact_of_one_tenth():
    assert exact(0.1) == Fraction(3602879701896397, 36028797018963968)
    assert exact(0.1) != Fraction(1, 10)


@pytest.mark.parametrize("dtype,bits", [(np.float16, 11), (np.float32, 24), (np.float64, 53)])
def test_numpy_float_dtypes(dtype, bits):
    rng = np.random.default_rng(7)
    array = (rng.standard_normal((4, 5)) * 10).astype(dtype)
    values = exact(array)
    assert len(values) == 4 and all(len(row) == 5 for row in values)
    for i, j in itertools.product(range(4), range(5)):
        v = values[i][j]
        assert v == binary_value(float(array[i, j]))
        assert dtype(float(v)) == array[i, j]
        # the significand has at most `bits` bits
        assert abs(v.numerator) >> bits == 0 or abs(v.numerator).bit_length() <= bits
        assert v.denominator & (v.denominator - 1) == 0
    assert exact(np.float16(0.1)) == Fraction(819, 8192)  # 0.1 rounded to 11 significant bits


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint32, np.uint64])
def test_numpy_integer_dtypes(dtype):
    info = np.iinfo(dtype)
    array = np.array([info.min, 0, 1, info.max], dtype=dtype)
    assert exact(array) == [Fraction(int(info.min)), 0, 1, Fraction(int(info.max))]
    assert exact(dtype(5)) == 5 and type(exact(dtype(5))) is Fraction


def test_longdouble_kept_at_full_precision():
    third = np.longdouble(1) / np.longdouble(3)
    v = exact(third)
    n, d = third.as_integer_ratio()
    assert v == Fraction(n, d) and d & (d - 1) == 0
    if np.finfo(np.longdouble).nmant > 52:  # extended precision: more than a float64 holds
        assert v != Fraction(float(third))


def test_shapes_are_kept():
    cube = np.arange(24, dtype=np.float64).reshape(2, 3, 4) / 8
    values = exact(cube)
    assert [len(values), len(values[0]), len(values[0][0])] == [2, 3, 4]
    assert values[1][2][3] == Fraction(23, 8)
    assert exact(np.array(0.75)) == Fraction(3, 4)
    assert exact(np.zeros((0, 3))) == []
    nested = exact((0.5, [1, (np.float32(0.25), "1/3")]))
    assert nested == (Fraction(1, 2), [1, (Fraction(1, 4), Fraction(1, 3))])
    assert isinstance(nested, tuple) and isinstance(nested[1], list) and isinstance(nested[1][1], tuple)
    assert exact([np.array([0.5, 1.5]), 2.0]) == [[Fraction(1, 2), Fraction(3, 2)], 2]


@pytest.mark.parametrize(
    "values,message",
    [
        (float("nan"), r"^values is nan, which has no exact value"),
        ([1.0, [2.0, float("inf")]], r"^values\[1\]\[1\] is inf"),
        (np.array([[1.0, 2.0], [-np.inf, 0.0]]), r"^values\[1\]\[0\] is -inf"),
        (np.array([0.0, np.nan], dtype=np.float16), r"^values\[1\] is nan"),
        (np.float32("nan"), r"^values is nan"),
    ],
)
def test_non_finite_values_name_the_position(values, message):
    with pytest.raises(ValueError, match=message):
        exact(values)
    with pytest.raises(ValueError, match=message):
        rationalize(values)


def test_non_real_inputs_refused():
    with pytest.raises(TypeError, match=r"W\[0\] is the complex number"):
        exact([1j], name="W")
    with pytest.raises(TypeError, match="dtype complex128"):
        exact(np.array([1 + 2j]))
    with pytest.raises(TypeError, match=r"values\[0\] is the bool True"):
        exact([True])
    with pytest.raises(TypeError, match="boolean"):
        exact(np.array([True, False]))
    with pytest.raises(TypeError, match="has type NoneType"):
        exact(None)


def test_float_refusal_names_the_explicit_conversions():
    for value in (0.5, np.float64(0.5), np.float32(0.5)):
        with pytest.raises(TypeError, match=r"exactgeom\.numeric\.exact.*exactgeom\.numeric\.rationalize"):
            _exact.exact_scalar(value, "x")
    with pytest.raises(TypeError, match="exactgeom.numeric.exact") as info:
        Arrangement([[1, 0.5], [0, 1]])
    assert info.value.args[0].startswith('normals[0][1] is the float 0.5; pass Fraction(1, 2) or "1/2"')
    with pytest.raises(TypeError) as info:
        _exact.exact_scalar(np.complex64(1), "x")
    assert "numeric" not in str(info.value)


# -- rationalize ------------------------------------------------------------------------------------
def nearest_by_brute_force(x: Fraction, max_denominator: int) -> Fraction:
    best = None
    for q in range(1, max_denominator + 1):
        for p in (math.floor(x * q), math.ceil(x * q)):
            r = Fraction(p, q)
            if best is None or abs(x - r) < abs(x - best):
                best = r
    return best


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=4), st.integers(1, 30))
def test_rationalize_is_nearest_within_the_reported_error(xs, max_denominator):
    values, error, bound = rationalize(xs, max_denominator=max_denominator)
    assert bound == max_denominator and type(error) is Fraction
    errors = []
    for x, r in zip(xs, values):
        assert type(r) is Fraction and r.denominator <= max_denominator
        e = abs(binary_value(x) - r)
        assert e <= error
        assert e == abs(binary_value(x) - nearest_by_brute_force(binary_value(x), max_denominator))
        errors.append(e)
    assert error == max(errors)


def test_rationalize_shapes_defaults_and_arguments():
    r = rationalize(np.array([[0.1, 0.2], [0.3, 0.4]]))
    assert r.values == [[Fraction(1, 10), Fraction(1, 5)], [Fraction(3, 10), Fraction(2, 5)]]
    assert r.max_denominator == 10**6 and 0 < r.error < Fraction(1, 10**16)
    assert rationalize(0.5, 1) == (Fraction(1, 2).limit_denominator(1), Fraction(1, 2), 1)
    assert rationalize([], 5) == ([], 0, 5)
    for bad in (0, -3, 2.0, True):
        with pytest.raises(ValueError, match="max_denominator must be a positive int"):
            rationalize([0.5], bad)


# -- from_numpy / from_torch ------------------------------------------------------------------------
def forward_by_hand(weights, biases, x):
    """The network on the binary values of float weights, written out with explicit loops."""
    value = list(x)
    for l, (W, b) in enumerate(zip(weights, biases)):
        out = []
        for i in range(len(W)):
            total = binary_value(float(b[i]))
            for j in range(len(W[i])):
                total += binary_value(float(W[i][j])) * value[j]
            out.append(total if l == len(weights) - 1 or total > 0 else Fraction(0))
        value = out
    return tuple(value)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_from_numpy_is_the_float_network_evaluated_exactly(dtype):
    rng = np.random.default_rng(3)
    widths = (3, 4, 3, 2)
    weights = [rng.standard_normal((b, a)).astype(dtype) for a, b in zip(widths, widths[1:])]
    biases = [rng.standard_normal(b).astype(dtype) for b in widths[1:]]
    net = ReLUNetwork.from_numpy(weights, biases)
    assert net.widths == widths
    points = random.Random(1)
    for _ in range(10):
        x = tuple(Fraction(points.randint(-40, 40), points.randint(1, 7)) for _ in range(3))
        exact_value = net(x)
        assert exact_value == forward_by_hand(weights, biases, x)
        h = np.asarray([float(t) for t in x])
        for W, b in zip(weights[:-1], biases[:-1]):
            h = np.maximum(W.astype(np.float64) @ h + b, 0)
        floating = weights[-1].astype(np.float64) @ h + biases[-1]
        assert np.allclose([float(v) for v in exact_value], floating, rtol=1e-9, atol=1e-9)


def test_from_numpy_rationalize_and_errors():
    W = [np.array([[0.1, -0.3]]), np.array([[2.5]])]
    b = [np.array([0.2]), np.array([0.0])]
    net = ReLUNetwork.from_numpy(W, b, rationalize=10)
    assert net.weights == (((Fraction(1, 10), Fraction(-3, 10)),), ((Fraction(5, 2),),))
    assert ReLUNetwork.from_numpy(W, b).weights[0][0][0] == Fraction(0.1) != Fraction(1, 10)
    with pytest.raises(ValueError, match=r"weights\[0\]\[0\]\[1\] is nan"):
        ReLUNetwork.from_numpy([np.array([[1.0, np.nan]])], [np.array([0.0])])
    with pytest.raises(ValueError, match=r"weights\[1\] has 2 columns but layer 1 has width 1"):
        ReLUNetwork.from_numpy([np.ones((1, 2)), np.ones((1, 2))], [np.zeros(1), np.zeros(1)])


def test_from_torch_without_torch_names_the_extra():
    if importlib.util.find_spec("torch") is not None:
        pytest.skip("torch is installed: the conversion itself is tested below")
    from exactgeom.errors import MissingOptional

    with pytest.raises(MissingOptional, match=r"pip install 'exactgeom\[torch\]'"):
        ReLUNetwork.from_torch(object())


def test_from_torch_matches_the_module():
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    module = torch.nn.Sequential(
        torch.nn.Linear(2, 4), torch.nn.ReLU(), torch.nn.Linear(4, 3, bias=False), torch.nn.ReLU(),
        torch.nn.Linear(3, 1),
    )
    net = ReLUNetwork.from_torch(module)
    assert net.widths == (2, 4, 3, 1)
    linears = [module[0], module[2], module[4]]
    weights = [layer.weight.detach().tolist() for layer in linears]
    biases = [
        layer.bias.detach().tolist() if layer.bias is not None else [0.0] * layer.out_features
        for layer in linears
    ]
    points = random.Random(2)
    for _ in range(8):
        x = (Fraction(points.randint(-16, 16), 4), Fraction(points.randint(-16, 16), 8))
        assert net(x) == forward_by_hand(weights, biases, x)
        floating = module.double()(torch.tensor([[float(v) for v in x]], dtype=torch.float64)).item()
        module.float()
        assert math.isclose(float(net(x)[0]), floating, rel_tol=1e-9, abs_tol=1e-9)
    half = torch.nn.Sequential(torch.nn.Linear(2, 1)).to(torch.bfloat16)
    assert ReLUNetwork.from_torch(half).weights[0][0] == tuple(
        binary_value(v) for v in half[0].weight.detach().float().tolist()[0]
    )


def test_from_torch_rejects_other_modules():
    torch = pytest.importorskip("torch")
    nn = torch.nn
    with pytest.raises(TypeError, match="takes a torch.nn.Sequential"):
        ReLUNetwork.from_torch(nn.Linear(2, 2))
    with pytest.raises(TypeError, match="layer 1 is Tanh"):
        ReLUNetwork.from_torch(nn.Sequential(nn.Linear(2, 2), nn.Tanh(), nn.Linear(2, 1)))
    for layers in ([nn.Linear(2, 2), nn.ReLU()], [nn.Linear(2, 2), nn.Linear(2, 1)], [nn.ReLU()], []):
        with pytest.raises(ValueError, match="expected Linear, ReLU, Linear"):
            ReLUNetwork.from_torch(nn.Sequential(*layers))


# -- check_dimension --------------------------------------------------------------------------------
def test_dimension_float_rank_at_a_special_point():
    model = LinearNetwork((2, 1, 2))  # rank-one 2x2 matrices: dimension 3
    check = check_dimension(model, 2, point=[0.5, -1.25, 0.0, 0.0])
    assert check.verdict == "refuted"
    assert (check.lower_bound, check.upper_bound, check.rank_at_point) == (3, 3, 2)
    assert check.point == (Fraction(1, 2), Fraction(-5, 4), 0, 0) and "special" in check.reason
    wrong = check_dimension(model, 2, point=[0.5, -1.25, 3.0, 1.0])
    assert wrong.rank_at_point == 3 and "float rank was wrong" in wrong.reason
    assert check_dimension(model, 4).verdict == "refuted"
    assert check_dimension(model, np.int64(3)).verdict == "confirmed"
    assert check_dimension(model, 3.0).dimension.proved
    with pytest.raises(ValueError, match="non-negative whole number"):
        check_dimension(model, 2.5)


def test_dimension_inconclusive_when_the_bounds_do_not_meet():
    a, b = sympy.symbols("a b")
    model = Parametrization([a, b], [a**2 + b**2, a**3 + b**3, a**5 + b**5])  # dimension 2, no bound
    check = check_dimension(model, 2)
    assert (check.lower_bound, check.upper_bound) == (2, 2) and check.verdict == "confirmed"
    # a model with a one-dimensional image written with three parameters and no declared symmetry
    c = sympy.Symbol("c")
    line = Parametrization([a, b, c], [a + b + c, (a + b + c) ** 2])
    check = check_dimension(line, 1)
    assert check.lower_bound == 1 and check.upper_bound == 2 and check.verdict == "inconclusive"
    assert check_dimension(line, 0).verdict == "refuted"
    assert check_dimension(line, 3).verdict == "refuted"


# -- check_conservation_laws ------------------------------------------------------------------------
def test_conservation_count_against_the_closed_form():
    # k r - k(k-1)/2 laws with k = min(r, n + m) for the linear network; r for the ReLU network
    model = linear_network((2, 2, 2))
    assert check_conservation_laws(model, 3, seed=1).verdict == "confirmed"
    for wrong in (2, 4, 5.0):
        check = check_conservation_laws(model, wrong, seed=1)
        assert check.verdict == "refuted" and (check.lower_bound, check.upper_bound) == (3, 3)
    assert check_conservation_laws(relu_network(2, 3, 1), 3).verdict == "confirmed"


def test_conservation_claimed_laws():
    model = linear_network((1, 2, 1))  # U (1x2), V (1x2): UᵀU − VᵀV has 3 entries, k = 2: 3 laws
    U1, U2, V1, V2 = model.parameters
    laws = [U1**2 - V1**2, U1 * U2 - V1 * V2, U2**2 - V2**2]
    check = check_conservation_laws(model, laws)
    assert check.verdict == "confirmed" and check.conserved == (True,) * 3 and check.independent == 3
    dependent = [laws[0], laws[1], 2 * laws[0] + laws[1]]
    check = check_conservation_laws(model, dependent)
    assert check.verdict == "inconclusive" and check.independent == 2
    check = check_conservation_laws(model, [laws[0], U1 * V1])
    assert check.verdict == "refuted" and check.conserved == (True, False) and "claimed[1]" in check.reason
    with pytest.raises(TypeError, match="claimed\\[0\\] is the string"):
        check_conservation_laws(model, ["U_1_1**2"])


# -- check_activation_patterns ----------------------------------------------------------------------
def random_network(rng, widths, bound=3):
    return ReLUNetwork(
        [
            [[rng.randint(-bound, bound) for _ in range(a)] for _ in range(b)]
            for a, b in zip(widths, widths[1:])
        ],
        [[rng.randint(-bound, bound) for _ in range(b)] for b in widths[1:]],
    )


@pytest.mark.parametrize("seed", range(6))
def test_pattern_check_against_brute_force(seed):
    rng = random.Random(seed)
    widths = [(2, 4, 1), (2, 3, 2, 1), (1, 2, 2, 1), (3, 3, 1)][seed % 4]
    net = random_network(rng, widths)
    truth = activation_patterns(net)
    hidden = net.widths[1:-1]
    every = list(itertools.product((0, 1), repeat=sum(hidden)))
    sample = rng.sample(every, k=len(every) // 2) + rng.sample(every, k=2)
    check = check_activation_patterns(net, sample)
    cuts = [sum(hidden[:l]) for l in range(len(hidden) + 1)]
    nested = {tuple(tuple(p[cuts[l] : cuts[l + 1]]) for l in range(len(hidden))) for p in sample}
    assert check.num_regions == len(truth)
    assert {p for p, _ in check.regions} == nested & truth
    assert set(check.not_regions) == nested - truth
    assert {p for p, _ in check.missed} == truth - nested
    assert check.num_sampled == len(nested) and check.num_missed == len(truth - nested)
    for pattern, witness in check.regions + check.missed:
        assert net.activation_pattern(witness) == pattern
    assert check.verdict == ("confirmed" if nested == truth else "refuted")
    assert check_activation_patterns(net, sorted(truth)).verdict == "confirmed"


def test_gaussian_gates_on_data_against_zaslavsky():
    # scnn-style: patterns 1[X g >= 0] of Gaussian gates g; all patterns are the regions of the
    # central arrangement {g : x_i . g = 0} in gate space.
    rng = np.random.default_rng(0)
    X = np.round(rng.standard_normal((6, 2)), 2)
    X = np.hstack([X, np.ones((6, 1))])  # a bias column
    data = exact(X)
    gates = rng.standard_normal((3, 10))
    D = X @ gates >= 0
    net = ReLUNetwork([data, [[1] * 6]], [[0] * 6, [0]])
    check = check_activation_patterns(net, D.T)
    zaslavsky = Arrangement(data).num_regions()
    assert check.num_regions == zaslavsky == 32  # 6 central planes in general position in Q^3
    assert check.num_sampled <= 10 and check.num_missed == zaslavsky - len(check.regions) >= 22
    assert check.verdict == "refuted"


def test_pattern_input_forms_and_errors():
    net = ReLUNetwork([[[1], [-1]], [[1, 1]]], [[0, 0], [0]])
    flat = check_activation_patterns(net, np.array([[1, 0], [0, 1]]))
    nested = check_activation_patterns(net, [((True, False),), [[0.0, 1.0]]])
    assert flat == nested and flat.verdict == "confirmed"
    with pytest.raises(ValueError, match=r"patterns\[0\] has 3 entries; the network has 2 hidden neurons"):
        check_activation_patterns(net, [(1, 0, 1)])
    with pytest.raises(ValueError, match=r"patterns\[1\]: neuron 1 of hidden layer 0 is 2"):
        check_activation_patterns(net, [(1, 0), (0, 2)])
    deep = ReLUNetwork([[[1], [2]], [[1, 1]], [[1]]], [[0, 0], [0], [0]])
    with pytest.raises(ValueError, match=r"has layers of sizes \[1, 2\]"):
        check_activation_patterns(deep, [[[1], [1, 0]]])


# -- size limits, stated up front ------------------------------------------------------------------
def _not_called(*args, **kwargs):
    raise AssertionError("the exact computation started although the input was refused")


def test_dimension_limit_is_counted_from_the_sizes_and_refused_before_any_work(monkeypatch):
    model = LinearNetwork((3, 2, 3))  # P = 12 parameters, N = 9 coordinates
    P, N = 12, 9
    assert dimension_operations(model) == P * P * N + 2 * P * N * min(P, N)
    assert dimension_operations(model, trials=3, at_point=True) == P * P * N + 4 * P * N * min(P, N)
    big = LinearNetwork((40, 40, 40))  # 3200 parameters, 1600 coordinates
    assert dimension_operations(big) == 3200**2 * 1600 + 2 * 3200 * 1600**2 > MAX_DIMENSION_OPERATIONS
    monkeypatch.setattr(importlib.import_module("exactgeom.neuro.dimension"), "dimension", _not_called)
    with pytest.raises(TooLarge, match="max_operations=1000000000") as refused:
        check_dimension(big, 1600)
    assert refused.value.estimate == dimension_operations(big)
    assert refused.value.limit == MAX_DIMENSION_OPERATIONS
    assert refused.value.unit == "operations on Jacobian entries"
    with pytest.raises(TooLarge):
        check_dimension(model, 8, max_operations=dimension_operations(model) - 1)
    monkeypatch.undo()
    assert check_dimension(model, 8, max_operations=dimension_operations(model)).verdict == "confirmed"
    assert check_dimension(model, 8, max_operations=None).verdict == "confirmed"
    with pytest.raises(ValueError, match="max_operations must be a non-negative int or None"):
        check_dimension(model, 8, max_operations=1.5)


def test_conservation_limit_is_counted_from_the_sizes_and_refused_before_any_work(monkeypatch):
    model = linear_network((2, 2, 2))  # p = 8, K = 4 features of degree 2
    unknowns, rows = math.comb(8 + 2, 2) - 1, 4 * math.comb(8 + 2, 8)  # 44 monomials of h, 180 rows
    assert conservation_operations(model) == rows * unknowns * min(rows, unknowns)
    U11 = model.parameters[0]
    # ∂h = 2 U11 in one coordinate; the gradients of the 4 features have 1 term there or none
    touching = sum(1 for f in model.features if sympy.diff(f, U11) != 0)
    assert conservation_operations(model, 2, (U11**2,)) == conservation_operations(model) + touching
    big = linear_network((9, 9, 9))
    assert conservation_operations(big) > MAX_CONSERVATION_OPERATIONS
    monkeypatch.setattr(importlib.import_module("exactgeom.dynamics.laws"), "conservation_laws", _not_called)
    with pytest.raises(TooLarge, match="law search of degree 2") as refused:
        check_conservation_laws(big, 45)
    assert refused.value.estimate == conservation_operations(big)
    assert refused.value.unit == "rational operations"
    with pytest.raises(TooLarge):
        check_conservation_laws(model, 3, max_operations=conservation_operations(model) - 1)
    monkeypatch.undo()
    assert check_conservation_laws(model, 3, seed=1, max_operations=None).verdict == "confirmed"


@pytest.mark.parametrize("seed", range(8))
def test_region_bound_bounds_the_brute_force_count(seed):
    rng = random.Random(100 + seed)
    widths = [(2, 4, 1), (2, 3, 2, 1), (1, 2, 2, 1), (3, 3, 1), (2, 2, 3, 1)][seed % 5]
    net = random_network(rng, widths)
    assert len(activation_patterns(net)) <= region_bound(net)


def test_region_bound_is_attained_by_one_layer_in_general_position():
    # lines x + i y + i^2 = 0: no two parallel, no three concurrent, so Σ_{k ≤ 2} C(5, k) = 16 regions
    net = ReLUNetwork([[[1, i] for i in range(5)], [[1] * 5]], [[i * i for i in range(5)], [0]])
    assert region_bound(net) == 1 + 5 + 10 == len(activation_patterns(net))
    deep = ReLUNetwork([[[1], [2]], [[1, 1]] * 3, [[1, 1, 1]]], [[0, 1], [0, 1, 2], [0]])
    assert region_bound(deep) == (1 + 2) * (1 + 3)  # d = min(1, 2) = 1 for the second layer


def test_pattern_limit_is_refused_before_the_enumeration(monkeypatch):
    wide = ReLUNetwork([[[1, i, i * i] for i in range(100)], [[1] * 100]], [[1] * 100, [0]])
    assert region_bound(wide) == 1 + 100 + math.comb(100, 2) + math.comb(100, 3) > MAX_REGIONS
    monkeypatch.setattr(ReLUNetwork, "linear_regions", _not_called)
    with pytest.raises(TooLarge, match="Montúfar's bound") as refused:
        check_activation_patterns(wide, [(1,) * 100])
    assert (refused.value.estimate, refused.value.limit, refused.value.unit) == (
        region_bound(wide), MAX_REGIONS, "activation regions")
    monkeypatch.undo()
    net = ReLUNetwork([[[1], [-1]], [[1, 1]]], [[0, 0], [0]])
    assert region_bound(net) == 1 + 2  # Σ_{j ≤ 1} C(2, j); both kinks are at 0, so 2 regions
    with pytest.raises(TooLarge):
        check_activation_patterns(net, [(1, 0)], max_regions=2)
    assert check_activation_patterns(net, [(1, 0), (0, 1)], max_regions=3).verdict == "confirmed"
    assert check_activation_patterns(net, [(1, 0)], max_regions=None).num_missed == 1

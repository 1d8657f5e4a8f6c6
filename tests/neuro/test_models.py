"""Network parametrizations checked against hand expansions and closed forms.

Independent sources: the expansions written out in Kohn's lectures (e(ax+by)^2 + f(cx+dy)^2 has
coefficients a^2e + c^2f, 2(abe + cdf), b^2e + d^2f), direct evaluation of the network with
exact rationals at random points (a second algorithm: numbers instead of polynomials), polynomial
multiplication of filters for stride-1 linear convolutions, and dimension formulas from the
literature (determinantal varieties, Kileel–Trager–Bruna expected dimensions, CNN: Σk − (L−1)).
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from exactgeom.neuro import (
    LightningAttention,
    LinearConvNetwork,
    LinearNetwork,
    Parametrization,
    PolynomialCNN,
    PolynomialMLP,
)


def test_seed_expansion_for_squares():
    M = PolynomialMLP((2, 2, 1), 2)
    w = {s.name: s for s in M.params}
    a, b, c, d = w["w1_1_1"], w["w1_1_2"], w["w1_2_1"], w["w1_2_2"]
    e, f = w["w2_1_1"], w["w2_1_2"]
    expected = (a**2 * e + c**2 * f, 2 * (a * b * e + c * d * f), b**2 * e + d**2 * f)
    assert all(sp.expand(p - q) == 0 for p, q in zip(M.polys, expected))
    assert M.basis == ((M.inputs[0] ** 2,), (M.inputs[0] * M.inputs[1],), (M.inputs[1] ** 2,))


def _network_value(widths, coeffs, bias, theta, x):
    """Evaluate the MLP on numbers (not polynomials)."""
    it = iter(theta)
    h = list(x)
    L = len(widths) - 1
    for l in range(1, L + 1):
        W = [[next(it) for _ in range(widths[l - 1])] for _ in range(widths[l])]
        bvec = [next(it) for _ in range(widths[l])] if bias else [0] * widths[l]
        z = [sum(W[i][j] * h[j] for j in range(widths[l - 1])) + bvec[i] for i in range(widths[l])]
        h = [sum(c * zi**e for e, c in coeffs.items()) for zi in z] if l < L else z
    return h


@settings(max_examples=15, deadline=None)
@given(
    widths=st.sampled_from([(2, 2, 1), (2, 3, 2), (3, 2, 2, 1), (1, 2, 1)]),
    activation=st.sampled_from([2, 3, "t**2 + 2*t", "t**3 - t"]),
    bias=st.booleans(),
    seed=st.integers(0, 10**6),
)
def test_coordinates_reproduce_the_network_function(widths, activation, bias, seed):
    M = PolynomialMLP(widths, activation, bias=bias)
    rng = random.Random(seed)
    theta = M.random_point(rng, bound=5)
    x = [Fraction(rng.randint(-4, 4), rng.randint(1, 3)) for _ in range(widths[0])]
    coords = M.evaluate(theta)
    subs = dict(zip(M.inputs, [sp.Rational(v.numerator, v.denominator) for v in x]))
    from_coords = [sum(c * b[o].subs(subs) for c, b in zip(coords, M.basis)) for o in range(widths[-1])]
    direct = _network_value(widths, M.activation, bias, theta, x)
    assert [sp.Rational(v.numerator, v.denominator) for v in direct] == from_coords


def test_linear_network_coordinates_are_the_matrix_product():
    N = LinearNetwork((3, 2, 2))
    rng = random.Random(1)
    theta = N.random_point(rng)
    W1 = sp.Matrix(2, 3, theta[:6])
    W2 = sp.Matrix(2, 2, theta[6:])
    assert list(N.evaluate(theta)) == [Fraction(int(v)) for v in (W2 * W1)]


def test_stride_one_linear_convolution_multiplies_filter_polynomials():
    C = LinearConvNetwork((2, 3), (1, 1))
    t = sp.Symbol("t")
    rng = random.Random(2)
    theta = C.random_point(rng)
    f1 = sum(int(theta[a]) * t**a for a in range(2))
    f2 = sum(int(theta[2 + a]) * t**a for a in range(3))
    product = sp.Poly(f1 * f2, t).all_coeffs()[::-1]
    assert [int(v) for v in C.evaluate(theta)] == [int(v) for v in product]


@pytest.mark.parametrize("widths,r", [((2, 2, 1), 3), ((4, 3, 1), 3), ((2, 3, 2), 2), ((3, 3, 1), 3)])
def test_mlp_dimension_matches_kileel_trager_bruna(widths, r):
    M = PolynomialMLP(widths, r)
    d = M.dimension()
    assert d.proved and d.value == M.expected_dimension()


def test_defective_quadrics():
    # sums of two squares of linear forms in 3 variables: ternary quadrics of rank <= 2,
    # the hypersurface det = 0 of dimension 5, although 8 parameters - 2 scalings = 6
    M = PolynomialMLP((3, 2, 1), 2)
    E = M.implicit_equations(3)
    assert [sp.Poly(e).total_degree() for e in E.equations] == [3]
    d = M.dimension(equations=E.equations)
    assert (d.value, d.proved, M.expected_dimension(), M.defect()) == (5, True, 6, 1)


@pytest.mark.parametrize("widths", [(2, 1, 2), (3, 2, 3), (2, 3, 2), (4, 2, 3, 3)])
def test_linear_network_dimension_is_determinantal(widths):
    r = min(widths)
    d = LinearNetwork(widths).dimension()
    assert d.value == r * (widths[0] + widths[-1] - r) and d.proved


@pytest.mark.parametrize(
    "kernels,strides,degree",
    [((2, 2, 2), (1, 1, 1), 2), ((3, 2), (2, 1), 2), ((2, 2, 2), (2, 2, 2), 2), ((2, 3), (1, 1), 3)],
)
def test_cnn_dimension_is_parameters_minus_scalings(kernels, strides, degree):
    C = PolynomialCNN(kernels, strides, degree)
    assert C.dimension().value == min(sum(kernels) - (len(kernels) - 1), C.ambient_dimension())


def test_lightning_dimension_and_fill():
    M = LightningAttention(2, 2, 2, 1)
    d = M.dimension()
    assert (d.value, d.proved, M.is_filling(), M.defect()) == (5, True, False, 0)


def test_lightning_coordinates_are_coefficients_of_the_attention_output():
    # t = 2 tokens: y_{m,(i,l)} is the coefficient of x_{2,i} x_{2,l} x_{1,m} in output entry 1
    M = LightningAttention(2, 2, 2, 1)
    rng = random.Random(4)
    theta = [sp.Integer(int(v)) for v in M.random_point(rng, bound=6)]
    V = sp.Matrix(1, 2, theta[0:2])
    K = sp.Matrix(2, 2, theta[2:6])
    Qm = sp.Matrix(2, 2, theta[6:10])
    X = sp.Matrix(2, 2, lambda i, k: sp.Symbol(f"x{k + 1}_{i + 1}"))  # column k = token k
    out = sp.expand((V * X * X.T * K.T * Qm * X)[0, 0])
    x = {(k, i): sp.Symbol(f"x{k + 1}_{i + 1}") for k in range(2) for i in range(2)}
    poly = sp.Poly(out, *x.values())
    coords = M.evaluate([int(v) for v in theta])
    for (m, i, l), value in zip([(m, i, l) for m in range(2) for i, l in [(0, 0), (0, 1), (1, 1)]], coords):
        monomial = x[(1, i)] * x[(1, l)] * x[(0, m)]
        assert poly.coeff_monomial(monomial) == value


def test_generic_parametrization_and_errors():
    a, b = sp.symbols("a b")
    P = Parametrization([a, b], [a**2, a * b, b**2])
    assert (P.ambient_dimension(), P.dimension().value, P.is_filling()) == (3, 2, False)
    with pytest.raises(ValueError, match="not a polynomial"):
        Parametrization([a], [sp.sin(a)])
    with pytest.raises(ValueError, match="widths"):
        PolynomialMLP((2,), 2)
    with pytest.raises(ValueError, match="univariate"):
        PolynomialMLP((2, 1), "s*t")
    with pytest.raises(TypeError, match="float"):
        PolynomialMLP((2, 2, 1), sp.Float(0.5) * sp.Symbol("t") ** 2)

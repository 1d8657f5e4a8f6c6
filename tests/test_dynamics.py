"""Conservation laws: closed forms of Marcotte–Gribonval–Peyré, and an independent check on real losses."""

import random
from fractions import Fraction

import pytest
import sympy

from exactgeom._exact import rank
from exactgeom.dynamics import (
    conservation_laws,
    conserved_polynomials,
    is_conserved,
    lie_algebra_trace,
    linear_network,
    polynomial_model,
    relu_network,
)

WIDTHS = [(n, r, m) for n in (1, 2, 3) for r in (1, 2, 3) for m in (1, 2, 3)]


def linear_count(n, r, m):
    """REFERENCE §7: k·r − k(k−1)/2 with k = min(r, n + m); r(r+1)/2 when r <= n + m."""
    k = min(r, n + m)
    return k * r - k * (k - 1) // 2


def coefficient_rank(exprs, symbols):
    """Rank of a list of polynomials as vectors of coefficients (sympy, independent of flint)."""
    polys = [sympy.Poly(e, *symbols).as_dict() for e in exprs]
    monomials = sorted({mono for p in polys for mono in p})
    rows = [[Fraction(str(p.get(mono, 0))) for mono in monomials] for p in polys]
    return rank(rows) if rows else 0


def gram_difference(n, r, m, model):
    U = sympy.Matrix(n, r, model.parameters[: n * r])
    V = sympy.Matrix(m, r, model.parameters[n * r :])
    G = U.T * U - V.T * V
    return [sympy.expand(G[i, j]) for i in range(r) for j in range(i, r)]


@pytest.mark.parametrize("n,r,m", WIDTHS)
def test_linear_network_count_matches_closed_form(n, r, m):
    result = conservation_laws(linear_network((m, r, n)), seed=7)
    assert result.proved
    assert result.value == linear_count(n, r, m)
    assert result.points_agreed == 3
    if r <= n + m:
        assert result.value == r * (r + 1) // 2


@pytest.mark.parametrize("n,r,m", WIDTHS)
def test_relu_network_count_is_width(n, r, m):
    result = conservation_laws(relu_network(n, r, m), seed=3)
    assert result.proved and result.value == r


@pytest.mark.parametrize("n,r,m", [(2, 2, 2), (3, 2, 2), (2, 3, 3), (1, 2, 1), (1, 3, 1)])
def test_linear_laws_are_the_gram_difference(n, r, m):
    model = linear_network((m, r, n))
    laws = conserved_polynomials(model, degree=2)
    expected = gram_difference(n, r, m, model)
    assert all(is_conserved(model, h) for h in expected)
    together = coefficient_rank(list(laws) + expected, model.parameters)
    assert together == len(laws)  # the entries of U^T U - V^T V are among the laws
    if min(n, m) >= 2:
        assert len(laws) == r * (r + 1) // 2  # and they are all of them
    if n == m == 1:
        # scalar output and input: u_i v_j - u_j v_i are conserved too (r(r-1)/2 more
        # quadratic laws), yet the count of independent laws is still the closed form
        assert len(laws) == r * (r + 1) // 2 + r * (r - 1) // 2


@pytest.mark.parametrize("n,r,m", [(2, 2, 2), (3, 3, 1), (1, 2, 3)])
def test_relu_laws_are_the_neuron_balances(n, r, m):
    model = relu_network(n, r, m)
    laws = conserved_polynomials(model, degree=2)
    p = model.parameters
    balances = []
    for j in range(r):
        block = p[j * (n + m) : (j + 1) * (n + m)]
        balances.append(sum(s**2 for s in block[:n]) - sum(s**2 for s in block[n:]))
    assert len(laws) == r
    assert coefficient_rank(list(laws) + balances, p) == r


def test_laws_are_conserved_by_an_actual_square_loss():
    """Independent of the derivation: <grad h, grad L> = 0 for a random dataset, with sympy."""
    model = linear_network((2, 2, 2))
    rng = random.Random(11)
    U = sympy.Matrix(2, 2, model.parameters[:4])
    V = sympy.Matrix(2, 2, model.parameters[4:])
    loss = 0
    for _ in range(3):
        x = sympy.Matrix([rng.randint(-3, 3) for _ in range(2)])
        y = sympy.Matrix([rng.randint(-3, 3) for _ in range(2)])
        r = U * V.T * x - y
        loss += (r.T * r)[0]
    grad_loss = [sympy.diff(loss, s) for s in model.parameters]
    for h in conserved_polynomials(model, degree=2):
        flow = sum(sympy.diff(h, s) * g for s, g in zip(model.parameters, grad_loss))
        assert sympy.expand(flow) == 0
    non_law = model.parameters[0] ** 2
    flow = sum(sympy.diff(non_law, s) * g for s, g in zip(model.parameters, grad_loss))
    assert sympy.expand(flow) != 0


def test_general_polynomial_model_with_quadratic_fields():
    """Scalar three-layer linear network f = a b c: laws a^2 - b^2 and b^2 - c^2, count 2."""
    a, b, c = sympy.symbols("a b c")
    model = polynomial_model([a, b, c], [a * b * c])
    result = conservation_laws(model, degree=2, seed=0)
    assert result.proved and result.value == 2
    assert coefficient_rank(list(result.laws) + [a**2 - b**2, b**2 - c**2], [a, b, c]) == 2


def test_no_law_for_an_injective_model_and_bounds_when_laws_missing():
    a, b = sympy.symbols("a b")
    free = conservation_laws(polynomial_model([a, b], [a, b]))
    assert free.laws == () and free.proved and free.value == 0
    # f = a*b has the law a^2 - b^2 of degree 2; with degree 1 nothing is found and the
    # bounds say so honestly: at least 0, at most 1.
    product = conservation_laws(polynomial_model([a, b], [a * b]), degree=1)
    assert (product.lower_bound, product.upper_bound, product.proved) == (0, 1, False)
    assert product.value == 0 and product.count is None


def test_lie_algebra_closes_for_linear_networks():
    # The fields of U V^T act by left multiplication with the Lie algebra o(n, m) on [U; V].
    n, r, m = 2, 2, 1
    trace = lie_algebra_trace(linear_network((m, r, n)), [(1, 2, 3, 4, 5, 6)], max_depth=20)
    assert trace.closed
    assert trace.algebra_dimension == (n + m) * (n + m - 1) // 2


def test_bad_input():
    with pytest.raises(ValueError, match="positive int"):
        linear_network((1, 1, 0))
    a = sympy.Symbol("a")
    with pytest.raises(TypeError, match="not rational"):
        polynomial_model([a], [sympy.sqrt(2) * a])
    with pytest.raises(ValueError, match="degree"):
        conserved_polynomials(relu_network(1, 1, 1), degree=0)
    with pytest.raises(ValueError, match="unknown coefficients"):
        conserved_polynomials(linear_network((3, 3, 3)), degree=6)
    with pytest.raises(TypeError, match="not a polynomial"):
        is_conserved(relu_network(1, 1, 1), 1 / sympy.Symbol("u_1_1"))


def test_degree_four_laws_are_functions_of_the_balance():
    model = relu_network(1, 1, 1)
    u, v = model.parameters
    laws = conserved_polynomials(model, degree=4)
    h = v**2 - u**2
    assert len(laws) == 2
    assert coefficient_rank(list(laws) + [h, sympy.expand(h**2)], model.parameters) == 2
    result = conservation_laws(model, degree=4)
    assert result.proved and result.value == 1


def test_linear_network_widths_are_input_first():
    # widths (m, r, n) = (2, 1, 3): V in Q^{2x1}, U in Q^{3x1}, features the 3 x 2 matrix U V^T
    model = linear_network((2, 1, 3))
    assert [str(s) for s in model.parameters] == ["U_1_1", "U_2_1", "U_3_1", "V_1_1", "V_2_1"]
    U = sympy.Matrix(3, 1, model.parameters[:3])
    V = sympy.Matrix(2, 1, model.parameters[3:])
    assert list(model.features) == [sympy.expand(e) for e in (U * V.T)]
    assert linear_network([2, 1, 3]) == model


def test_linear_network_output_first_spelling_is_deprecated():
    for n, r, m in [(1, 1, 1), (3, 2, 1), (1, 3, 2)]:
        with pytest.warns(DeprecationWarning, match=rf"linear_network\(\({m}, {r}, {n}\)\)"):
            old = linear_network(n, r, m)
        new = linear_network((m, r, n))
        assert (old.parameters, old.features) == (new.parameters, new.features)


@pytest.mark.parametrize(
    "widths, error, message",
    [
        ((2, 2), ValueError, "three positive ints"),
        ((1, 2, 2, 1), ValueError, "three positive ints"),
        ((1, 0, 1), ValueError, r"widths\[1\] is 0"),
        ((1, 2, -1), ValueError, r"widths\[2\] is -1"),
        ((1, 2.0, 1), TypeError, r"widths\[1\] is the float 2.0"),
        ((True, 1, 1), TypeError, r"widths\[0\] is the bool"),
        (3, TypeError, "sequence of three positive ints"),
        ("121", TypeError, "sequence of three positive ints"),
    ],
)
def test_linear_network_bad_widths(widths, error, message):
    with pytest.raises(error, match=message):
        linear_network(widths)


def test_linear_network_wrong_number_of_arguments():
    with pytest.raises(TypeError, match="one sequence of widths"):
        linear_network(1, 2)
    with pytest.raises(ValueError, match=r"widths\[0\] is 0"):   # old spelling, m = 0
        with pytest.warns(DeprecationWarning):
            linear_network(1, 1, 0)


def test_conservation_laws_have_the_result_shape():
    from exactgeom.results import Result, check_shape

    proved = conservation_laws(relu_network(2, 2, 1), seed=5)
    a, b = sympy.symbols("a b")
    bounded = conservation_laws(polynomial_model([a, b], [a * b]), degree=1, seed=2)
    for result in (proved, bounded):
        check_shape(result)
        assert isinstance(result, Result)
        assert "Lie algebra" in result.method and "lower bound" in result.method
        with pytest.raises(NotImplementedError, match="implicit-equations"):
            result.certificate()
    assert (proved.value, proved.proved, proved.seed) == (2, True, 5)   # REFERENCE: r laws for ReLU
    assert (bounded.value, bounded.proved, bounded.seed) == (0, False, 2)
    assert bounded.lower_bound <= 1 <= bounded.upper_bound   # a^2 - b^2 is the one law


def test_exact_is_a_deprecated_spelling_of_proved():
    result = conservation_laws(relu_network(1, 1, 1), seed=0)
    with pytest.warns(DeprecationWarning, match="use proved"):
        assert result.exact is True

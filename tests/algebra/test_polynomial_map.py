"""PolynomialMap and the shared helpers (monomials, rank_at, nullspace), against sympy and brute force."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction
from math import comb

import flint
import pytest
import sympy as sp

from exactgeom._exact import nullspace, rank
from exactgeom.algebra import PolynomialMap
from exactgeom.algebra.polynomial_map import NotRationalPolynomial, monomials, rank_at
from exactgeom.dynamics import linear_network
from exactgeom.neuro import LinearNetwork, Parametrization

a, b, c = sp.symbols("a b c")
MAPS = [
    ([a, b], [a**2 - b, a * b * sp.Rational(3, 2), b**3 + 1]),
    ([a, b, c], [a * b * c, (a + b + c) ** 2, a - sp.Rational(1, 7)]),
]


@pytest.mark.parametrize("variables, exprs", MAPS)
def test_evaluation_and_jacobian_agree_with_sympy(variables, exprs):
    F = PolynomialMap(variables, exprs)
    rng = random.Random(1)
    for _ in range(3):
        point = [Fraction(rng.randint(-5, 5), rng.randint(1, 4)) for _ in variables]
        subs = {v: sp.Rational(p.numerator, p.denominator) for v, p in zip(variables, point)}
        assert F.evaluate(point) == tuple(Fraction(str(e.subs(subs))) for e in exprs)
        expected = tuple(tuple(Fraction(str(sp.diff(e, v).subs(subs))) for v in variables) for e in exprs)
        assert F.jacobian_at(point) == expected
        assert F.jacobian_rank_at(point) == sp.Matrix(expected).rank()
    assert all(sp.expand(x - y) == 0 for x, y in zip(F.expressions, exprs))


def test_conversion_accepts_strings_and_refuses_what_is_not_a_rational_polynomial():
    F = PolynomialMap(["x", "y"], ["x^2 - 1/2*y", 3])
    x, y = F.variables
    assert F.expressions == (x**2 - y / 2, 3)
    with pytest.raises(TypeError, match="float"):
        F.from_sympy(x + 0.25)
    for bad in (sp.sin(x), 1 / x, sp.sqrt(2) * x, "x/y"):
        with pytest.raises(NotRationalPolynomial) as info:
            F.from_sympy(bad)
        assert isinstance(info.value, TypeError) and isinstance(info.value, ValueError)


def test_flint_polynomials_are_taken_as_they_are():
    ring = flint.fmpq_mpoly_ctx.get(("a", "b"), "lex")
    f = ring.from_dict({(1, 1): 2})
    F = PolynomialMap([a, b], [f])
    assert F.ring is ring and F.polynomials == (f,) and F.expressions == (2 * a * b,)
    with pytest.raises(ValueError, match="ring"):
        PolynomialMap([a, c], [f])


def test_models_of_both_packages_are_polynomial_maps():
    neuro, dynamics = LinearNetwork((2, 1, 2)), linear_network((2, 1, 2))
    assert isinstance(neuro, PolynomialMap) and isinstance(dynamics, PolynomialMap)
    assert isinstance(Parametrization([a], [a]), PolynomialMap)
    # both parametrize the 2 x 2 matrices of rank <= 1: Jacobian rank 3 at a generic point
    assert neuro.jacobian_rank_at([1, 2, 3, 5]) == dynamics.jacobian_rank_at([1, 2, 3, 5]) == 3
    assert dynamics.variables == dynamics.parameters and neuro.variables == neuro.params


def test_monomials_by_brute_force():
    for n, d, low in [(1, 3, 0), (2, 2, 1), (3, 3, 0), (4, 2, 2)]:
        got = monomials(n, d, low)
        brute = [e for e in itertools.product(range(d + 1), repeat=n) if low <= sum(e) <= d]
        assert sorted(got) == sorted(brute) and len(set(got)) == len(got)
        assert len(got) == sum(comb(n + k - 1, k) for k in range(low, d + 1))
        for k in range(low, d + 1):                # inside a degree: lexicographically descending
            block = [e for e in got if sum(e) == k]
            assert block == sorted(block, reverse=True)


def test_rank_at_and_nullspace_against_fraction_arithmetic():
    rng = random.Random(3)
    for _ in range(20):
        rows, cols = rng.randint(1, 5), rng.randint(1, 6)
        M = [[Fraction(rng.randint(-2, 2)) for _ in range(cols)] for _ in range(rows)]
        kernel = nullspace(M)
        flint_kernel = nullspace(flint.fmpq_mat(rows, cols, [int(v) for r in M for v in r]), as_flint=True)
        assert [tuple(Fraction(int(v.p), int(v.q)) for v in x) for x in flint_kernel] == kernel
        assert len(kernel) == cols - rank(M)
        assert all(sum(r[j] * x[j] for j in range(cols)) == 0 for r in M for x in kernel)
    ring = flint.fmpq_mpoly_ctx.get(("a", "b"), "degrevlex")
    x, y = ring.gens()
    assert rank_at([[x, y], [y, x]], [1, 1]) == 1 and rank_at([[x, y], [y, x]], [1, 2]) == 2
    assert rank_at([], [1, 2]) == 0

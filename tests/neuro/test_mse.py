"""The MSE quadric against the loss computed directly from the network on the data.

Independent sources: the loss Σ (f(a_i) − b_i)^2 evaluated from the network function
(hypothesis, random data and coefficients), the Hankel moment structure of AᵀA for one input,
and the rank of Q for fewer samples than coordinates (Kohn, Algebraic neural network theory,
observation 2).
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from exactgeom import _exact
from exactgeom.neuro import LightningAttention, Parametrization, PolynomialMLP, mse_quadric

small = st.fractions(min_value=-4, max_value=4, max_denominator=5)


@settings(max_examples=25, deadline=None)
@given(
    data=st.lists(st.tuples(st.tuples(small, small), small), min_size=1, max_size=7),
    c=st.lists(small, min_size=3, max_size=3),
)
def test_quadric_reproduces_the_loss(data, c):
    M = PolynomialMLP((2, 2, 1), 2)
    q = mse_quadric(M, data)
    x1, x2 = M.inputs
    f = c[0] * x1**2 + c[1] * x1 * x2 + c[2] * x2**2
    direct = sum((f.subs({x1: a[0], x2: a[1]}) - b) ** 2 for a, b in data)
    diff = [ci - ui for ci, ui in zip(c, q.target)]
    quadratic = sum(diff[i] * q.Q[i][j] * diff[j] for i in range(3) for j in range(3))
    assert sp.Rational(direct) == sp.Rational(quadratic + q.constant)
    assert q.loss(c) == quadratic + q.constant


def test_one_input_gives_a_hankel_moment_matrix():
    M = PolynomialMLP((1, 1, 1), 3, bias=True)  # cubic polynomials in one variable
    points = [Fraction(v) for v in (-2, -1, 0, 1, 3)]
    q = mse_quadric(M, [(a, 0) for a in points])
    moments = [sum(a**k for a in points) for k in range(7)]
    assert q.Q == tuple(tuple(moments[i + j] for j in range(4)) for i in range(4))


def test_few_samples_give_a_singular_form():
    M = PolynomialMLP((2, 2, 1), 3)  # 4 coordinates, 2 samples
    q = mse_quadric(M, [((1, 2), 3), ((-1, 1), 0)])
    assert _exact.rank(q.Q) == 2


def test_lightning_vector_valued_outputs():
    M = LightningAttention(2, 2, 2, 1)
    X = [[1, 2], [0, -1]]  # flattened in the order of M.inputs
    q = mse_quadric(M, [(X, [1, 2])])
    assert len(q.Q) == 6 and _exact.rank(q.Q) <= 2


def test_errors():
    a = sp.Symbol("a")
    with pytest.raises(ValueError, match="no output basis"):
        mse_quadric(Parametrization([a], [a**2]), [(1, 1)])
    with pytest.raises(ValueError, match="output has 2 entries"):
        mse_quadric(PolynomialMLP((2, 2, 1), 2), [((1, 2), [1, 2])])
    with pytest.raises(TypeError, match="float"):
        mse_quadric(PolynomialMLP((2, 2, 1), 2), [((1, 0.5), 1)])


@pytest.mark.parametrize(
    "engine", [e for e in __import__("exactgeom").algebra.available_engines() if e != "sympy"]
)
def test_lightning_training_critical_sets_match_the_lecture_table(engine):
    # Kohn, Algebraic neural network theory: Q from the MSE loss of a general data set, |S| = 3, 2, 1 ->
    # 14 points; a curve and two lines (k = 2); a 3-dimensional set (k = 4)
    import random

    from exactgeom.algebra import critical_set, ed_degree

    M = LightningAttention(2, 2, 2, 1)
    equations = M.implicit_equations(4).equations
    rng = random.Random(2)

    def sample(size):
        return [
            (
                [[rng.randint(-5, 5) for _ in range(2)] for _ in range(2)],
                [rng.randint(-5, 5) for _ in range(2)],
            )
            for _ in range(size)
        ]

    q = mse_quadric(M, sample(3))
    assert ed_degree(equations, M.coordinates, Q=q.Q, u=q.target, engine=engine).value == 14
    q = mse_quadric(M, sample(2))
    r = critical_set(equations, M.coordinates, Q=q.Q, u=q.target, engine=engine)
    assert r.kernel_dimension == 2
    assert (r.part("zero-loss").dimension, r.part("rest").dimension, r.part("rest").degree) == (1, 1, 2)
    q = mse_quadric(M, sample(1))
    r = critical_set(equations, M.coordinates, Q=q.Q, u=q.target, engine=engine)
    assert r.kernel_dimension == 4 and r.part("zero-loss").dimension == 3 and r.part("rest").dimension == -1

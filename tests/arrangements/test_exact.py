"""The exact scalar layer: conversions, error messages, and linear algebra over Q checked by substitution."""

from __future__ import annotations

import random
from fractions import Fraction

import flint
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactgeom import _exact

F = Fraction
fractions = st.builds(Fraction, st.integers(-12, 12), st.integers(1, 6)) | st.just(Fraction(0))
matrices = st.integers(1, 4).flatmap(lambda c: st.lists(st.lists(fractions, min_size=c, max_size=c),
                                                         min_size=0, max_size=4).map(lambda rows: (rows, c)))


@pytest.mark.parametrize("value,expected", [
    (3, F(3)), (F(-2, 6), F(-1, 3)), (" 3/4 ", F(3, 4)), ("-2", F(-2)), (sympy.Rational(5, 7), F(5, 7)),
    (sympy.Integer(-4), F(-4)), (flint.fmpz(9), F(9)), (flint.fmpq(-1, 8), F(-1, 8)),
])
def test_accepted_scalars(value, expected):
    assert _exact.exact_scalar(value) == expected and type(_exact.exact_scalar(value)) is Fraction


def test_numpy_integers_accepted_and_numpy_floats_refused():
    np = pytest.importorskip("numpy")
    assert _exact.exact_scalar(np.int64(-3)) == -3
    with pytest.raises(TypeError, match=r"x is the float .*0.5.*; pass Fraction\(1, 2\)"):
        _exact.exact_scalar(np.float64(0.5), "x")
    with pytest.raises(TypeError, match="x is the numpy value"):
        _exact.exact_scalar(np.complex64(1), "x")
    assert _exact.exact_matrix(np.array([[1, 2], [3, 4]])) == ((1, 2), (3, 4))


@pytest.mark.parametrize("value,message", [
    (0.5, r'w\[3\] is the float 0.5; pass Fraction\(1, 2\) or "1/2" for an exact value'),
    (float("inf"), r"w\[3\] is the float inf; it has no exact value"),
    (1 + 2j, r"w\[3\] is the complex number"),
    ("abc", r"w\[3\] is the string 'abc', which is not a rational number"),
    ("1/0", r"not a rational number"),
    (False, r"w\[3\] is the bool False; pass the int 1 or 0"),
    (sympy.pi, r"w\[3\] is the sympy expression pi"),
    (None, r"w\[3\] has type NoneType"),
    ([1], r"w\[3\] has type list"),
])
def test_refused_scalars_name_the_position(value, message):
    with pytest.raises(TypeError, match=message):
        _exact.exact_scalar(value, "w[3]")


def test_vectors_and_matrices():
    assert _exact.exact_vector(["1/2", 3]) == (F(1, 2), F(3))
    with pytest.raises(ValueError, match="x has 2 entries; expected 3"):
        _exact.exact_vector([1, 2], name="x", length=3)
    with pytest.raises(TypeError, match="v must be a sequence of numbers"):
        _exact.exact_vector(5, name="v")
    with pytest.raises(ValueError, match=r"M\[2\] has 1 entries but M\[0\] has 2"):
        _exact.exact_matrix([[1, 2], [3, 4], [5]], name="M")
    with pytest.raises(TypeError, match=r"M\[1\]\[0\] is the float"):
        _exact.exact_matrix([[1, 2], [0.1, 4]], name="M")
    assert _exact.exact_matrix(flint.fmpq_mat(2, 2, [1, 2, 3, 4])) == ((1, 2), (3, 4))


@settings(max_examples=80, deadline=None)
@given(matrices)
def test_nullspace_rank_rref_by_substitution(data):
    rows, ncols = data
    r = _exact.rank(rows, ncols)
    basis = _exact.nullspace(rows, ncols)
    assert len(basis) == ncols - r                                           # rank–nullity
    assert all(_exact.dot(row, x) == 0 for row in rows for x in basis)
    assert _exact.rank(basis, ncols) == len(basis)
    R, pivots = _exact.rref(rows, ncols)
    assert len(R) == r == len(pivots)
    for i, p in enumerate(pivots):
        assert R[i][p] == 1 and all(R[k][p] == 0 for k in range(len(R)) if k != i)
    # the rref rows span the same space as the input rows
    assert all(_exact.in_span(row, R) for row in rows) and all(_exact.in_span(row, rows) for row in R)


@settings(max_examples=80, deadline=None)
@given(matrices, st.data())
def test_solve_by_substitution(data, draw):
    rows, ncols = data
    if not rows:
        return
    b = draw.draw(st.lists(fractions, min_size=len(rows), max_size=len(rows)))
    x = _exact.solve(rows, b)
    if x is not None:
        assert all(_exact.dot(row, x) == bi for row, bi in zip(rows, b))
    else:   # inconsistent: b is not in the column space, so [A | b] has larger rank
        assert _exact.rank([[*row, bi] for row, bi in zip(rows, b)]) > _exact.rank(rows, ncols)


def test_determinant_and_in_span():
    assert _exact.determinant([[2, 1], [1, 1]]) == 1
    assert _exact.determinant([]) == 1
    with pytest.raises(ValueError, match="square"):
        _exact.determinant([[1, 2]])
    assert _exact.in_span([2, 4], [[1, 2]]) and not _exact.in_span([2, 5], [[1, 2]])


@settings(max_examples=100, deadline=None)
@given(st.lists(fractions, min_size=1, max_size=5).filter(any), st.fractions().filter(lambda q: q != 0))
def test_primitive_integer_vector_identifies_lines(v, k):
    p = _exact.primitive_integer_vector(v)
    assert p == _exact.primitive_integer_vector([k * x for x in v])
    assert all(isinstance(x, int) for x in p) and next(x for x in p if x) > 0
    assert _exact.rank([v, p]) == 1
    import math
    assert math.gcd(*p) == 1


@given(st.fractions())
def test_fraction_text_round_trip(q):
    assert _exact.parse_fraction(_exact.fraction_str(q)) == q
    assert "/" not in _exact.fraction_str(F(q.numerator))


def test_random_vectors_are_reproducible():
    a = _exact.random_rational_vector(5, random.Random(3), bound=10)
    assert a == _exact.random_rational_vector(5, random.Random(3), bound=10)
    assert all(abs(x) <= 10 and x.denominator == 1 for x in a)

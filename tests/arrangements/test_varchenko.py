"""The Varchenko matrix against Varchenko's determinant formula, worked out by hand for small arrangements.

det V = Π_X (1 − a_X²)^{n(X) p(X)} over the flats X ≠ ambient space, n(X) = regions of A^X,
p(X) = |β(A_X)| (Varchenko 1993).  A hyperplane has p = 1; a flat on which exactly two
hyperplanes meet has β = 0; three lines through a point have β = 1.
"""

from fractions import Fraction

import pytest
import sympy

from exactgeom import Arrangement
from exactgeom.errors import TooLarge
from exactgeom.library import braid, coordinate, threshold


def one_minus_square(x):
    return 1 - x ** 2


def test_two_crossing_lines():
    V = coordinate(2).varchenko_matrix()
    a, b = V.weights
    # H1, H2: n = 2 (the other line cuts each in a point), p = 1; the origin: β = 0
    assert sympy.expand(V.matrix.det() - one_minus_square(a) ** 2 * one_minus_square(b) ** 2) == 0


def test_three_lines_in_general_position():
    A = Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1])
    V = A.varchenko_matrix()
    a, b, c = V.weights
    # each line is cut by the other two into 3 pieces; the three points have β = 0
    expected = (one_minus_square(a) * one_minus_square(b) * one_minus_square(c)) ** 3
    assert len(V) == 7 and sympy.expand(V.matrix.det() - expected) == 0


def test_braid_3():
    V = braid(3).varchenko_matrix()
    a, b, c = V.weights
    # three planes, each cut into 2 by the common line; the line itself has n = 1 and β = 1
    hyperplanes = one_minus_square(a) * one_minus_square(b) * one_minus_square(c)
    expected = hyperplanes ** 2 * one_minus_square(a * b * c)
    assert sympy.expand(V.matrix.det() - expected) == 0


def test_parallel_lines_and_a_transversal():
    # x = 0, x = 1, y = 0: 6 regions; each vertical line cut into 2, the horizontal one into 3;
    # the two points have β = 0
    A = Arrangement([[1, 0], [1, 0], [0, 1]], offsets=[0, 1, 0])
    V = A.varchenko_matrix()
    a, b, c = V.weights
    expected = one_minus_square(a) ** 2 * one_minus_square(b) ** 2 * one_minus_square(c) ** 3
    assert len(V) == 6 and sympy.expand(V.matrix.det() - expected) == 0


def test_three_concurrent_affine_lines_with_numbers():
    # three lines through (1, 1) plus nothing else: as braid(3), with rational weights
    A = Arrangement([[1, 0], [0, 1], [1, -1]], offsets=[1, 1, 0])
    w = [Fraction(1, 2), 3, "2/3"]
    V = A.varchenko_matrix(weights=w)
    a, b, c = sympy.Rational(1, 2), sympy.Integer(3), sympy.Rational(2, 3)
    hyperplanes = one_minus_square(a) * one_minus_square(b) * one_minus_square(c)
    expected = hyperplanes ** 2 * one_minus_square(a * b * c)
    assert V.matrix.det() == expected


def test_symmetric_unit_diagonal_and_separation():
    A = Arrangement([[1, 0], [0, 1], [1, 1], [1, -1]], offsets=[0, 0, 1, 2])
    V = A.varchenko_matrix()
    M, regions = V.matrix, V.regions
    assert M == M.T and all(M[i, i] == 1 for i in range(len(regions)))
    assert regions == tuple(R.sign_vector for R in A.regions())
    for i, R in enumerate(regions):
        for j, S in enumerate(regions):
            separating = [V.weights[k] for k in range(len(A)) if R[k] != S[k]]
            assert M[i, j] == sympy.Mul(*separating)


def test_weights_mapping_and_refusals():
    V = coordinate(2).varchenko_matrix(weights={1: 5})
    assert V.weights == (sympy.Symbol("a1"), 5)
    with pytest.raises(TypeError):
        coordinate(2).varchenko_matrix(weights=[0.5, 1])
    with pytest.raises(ValueError):
        coordinate(2).varchenko_matrix(weights=[1])
    with pytest.raises(ValueError):
        coordinate(2).varchenko_matrix(weights={7: 1})
    with pytest.raises(TooLarge) as info:
        threshold(5).varchenko_matrix()          # 94 572 regions, refused before enumerating
    assert info.value.estimate == 94572 and info.value.unit == "regions"
    with pytest.raises(TooLarge):
        threshold(3).varchenko_matrix(max_regions=100)   # 104 regions

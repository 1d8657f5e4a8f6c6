"""The Arrangement value object: validation, constructions, value semantics."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactgeom import _exact
from exactgeom.arrangements import AffineSubspace, Arrangement
from exactgeom.library import braid, coordinate, shi, threshold

t = sympy.Symbol("t")
F = Fraction


# -- bad input ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("args,kwargs,error,message", [
    (([[1, 0], [0, 0]],), {}, ValueError, r"normals\[1\] is the zero vector"),
    (([[1, 0], [0, 1, 2]],), {}, ValueError, r"normals\[1\] has 3 entries but normals\[0\] has 2"),
    (([[1, 0], [0, 1]],), {"dimension": 3}, ValueError, r"normals\[0\] has 2 entries; expected 3"),
    (([[1, 0], [0, 1]], [1]), {}, ValueError, "offsets has 1 entries but there are 2 normals"),
    (([[1, 0], [0, 1], [-2, 0]], [1, 0, -2]), {}, ValueError, "hyperplanes 0 and 2 are the same hyperplane"),
    (([[1, 2], [1, 2]],), {}, ValueError, "hyperplanes 0 and 1 are the same hyperplane.*dedupe=True"),
    (([[1, 0], [0, 1.5]],), {}, TypeError,
     r'normals\[1\]\[1\] is the float 1.5; pass Fraction\(3, 2\) or "3/2"'),
    (([[1, 0]], [0.25]), {}, TypeError, r"offsets\[0\] is the float 0.25"),
    (([[1, float("nan")]],), {}, TypeError, r"normals\[0\]\[1\] is the float nan; it has no exact value"),
    (([[1, 1j]],), {}, TypeError, r"normals\[0\]\[1\] is the complex number"),
    (([[1, "x"]],), {}, TypeError, r"normals\[0\]\[1\] is the string 'x'"),
    (([[True, 0]],), {}, TypeError, r"normals\[0\]\[0\] is the bool True"),
    (([[1, sympy.sqrt(2)]],), {}, TypeError, "not a rational number"),
    (([],), {}, ValueError, "empty arrangement needs its ambient dimension"),
    (([[1]],), {"dimension": -1}, ValueError, "dimension must be a non-negative int"),
    (([[1]],), {"dimension": True}, ValueError, "dimension must be a non-negative int"),
    (("12",), {}, TypeError, "normals must be a sequence of rows"),
])
def test_bad_input(args, kwargs, error, message):
    with pytest.raises(error, match=message):
        Arrangement(*args, **kwargs)


def test_dedupe_merges_scalar_multiples_keeping_the_first():
    A = Arrangement([[1, 0], [2, 0], [0, 1], [-3, 0], [0, "1/2"]], offsets=[1, 2, 0, -3, 0], dedupe=True)
    assert A.normals == ((1, 0), (0, 1)) and A.offsets == (1, 0)
    # a different offset is a different (parallel) hyperplane
    assert len(Arrangement([[1, 0], [2, 0]], offsets=[1, 1], dedupe=True)) == 2


def test_exact_inputs_of_every_accepted_kind():
    import flint

    A = Arrangement([[sympy.Rational(1, 2), flint.fmpq(1, 3), "3/4", F(5, 6), flint.fmpz(7)]],
                    offsets=[sympy.Integer(2)])
    assert A.normals == ((F(1, 2), F(1, 3), F(3, 4), F(5, 6), F(7)),) and A.offsets == (F(2),)


# -- constructions ----------------------------------------------------------------------------------------
def test_center_and_centrality():
    A = Arrangement([[1, 0, 0], [0, 1, 0], [1, 1, 0]], offsets=[1, 2, 3])
    C = A.center()
    assert A.is_central() and C.dimension == 1
    assert all(_exact.dot(a, C.point) == c for a, c in A.hyperplanes())
    assert all(_exact.dot(a, v) == 0 for a, _ in A.hyperplanes() for v in C.directions)
    # central through (1, 2, 0), not through 0: three concurrent planes
    assert A.characteristic_polynomial().as_expr() == t**3 - 3 * t**2 + 2 * t
    B = Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1])
    assert B.center() is None and not B.is_central()
    E = Arrangement([], dimension=2)
    assert E.center() == AffineSubspace((0, 0), ((1, 0), (0, 1))) and E.is_central()


def test_essentialization():
    A = Arrangement([[1, 1, 0], [0, 0, 1], [1, 1, 1]], offsets=[0, 1, 5])
    E = A.essentialization()
    assert (A.rank, A.is_essential()) == (2, False)
    assert (E.dimension, E.rank, E.is_essential(), len(E)) == (2, 2, True, 3)
    assert A.characteristic_polynomial() == E.characteristic_polynomial() * sympy.Poly(t, t)
    assert A.num_regions() == E.num_regions() == 7          # three lines in general position
    chi = braid(4).essentialization().characteristic_polynomial()
    assert chi.as_expr() == sympy.expand((t - 1) * (t - 2) * (t - 3))


def test_cone():
    A = shi(3)
    C = A.cone()
    assert C.dimension == 4 and len(C) == 7 and C.is_central()
    assert C.normals[-1] == (0, 0, 0, 1)
    assert all(C.normals[i] == (*A.normals[i], -A.offsets[i]) for i in range(len(A)))
    assert C.num_regions() == 2 * A.num_regions()


def test_deletion_and_restriction():
    A = Arrangement([[1, 0], [0, 1], [1, 1], [1, 0]], offsets=[0, 0, 0, 1])
    D = A.deletion(1)
    assert D.normals == ((1, 0), (1, 1), (1, 0)) and D.offsets == (0, 0, 1)
    R = A.restriction(0)                         # the line x1 = 0, coordinate x2
    assert R.dimension == 1
    assert sorted(zip(R.normals, R.offsets)) == [((F(1),), F(0))]   # x2 = 0 and x1 + x2 = 0 both give y = 0
    R3 = A.restriction(2)                        # x1 + x2 = 0, parametrised by x2: x = (-y, y)
    assert sorted(zip(R3.normals, R3.offsets)) == [((F(-1),), F(0)), ((F(-1),), F(1))]
    for bad in (4, -1, True, "0"):
        with pytest.raises(IndexError, match="out of range"):
            A.restriction(bad)
    with pytest.raises(IndexError):
        A.deletion(7)


def test_restriction_points_lie_on_the_hyperplane():
    A = threshold(2)
    for i in range(len(A)):
        R = A.restriction(i)
        assert R.dimension == A.dimension - 1
        assert R.characteristic_polynomial() == (A.deletion(i).characteristic_polynomial()
                                                 - A.characteristic_polynomial())


# -- value semantics --------------------------------------------------------------------------------------
def test_immutable_and_hashable():
    A = braid(3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        A.normals = ()
    assert A == braid(3) and hash(A) == hash(braid(3))
    assert A != braid(4) and A != coordinate(3)
    assert len({A, braid(3), braid(4)}) == 2
    assert (A == "braid") is False
    B = Arrangement([["1/2", 0]])
    assert B == Arrangement([[F(1, 2), 0]]) and hash(B) == hash(Arrangement([[F(1, 2), 0]]))


def test_repr_and_latex():
    A = Arrangement([[1, 0], [0, -1], [1, "-1/2"]], offsets=[0, 2, "-3/4"])
    assert repr(A) == "Arrangement of 3 hyperplanes in Q^2"
    assert A._repr_latex_() == (r"$\begin{array}{l} x_{1} = 0 \\ -x_{2} = 2 \\ "
                                r"x_{1} - \tfrac{1}{2}x_{2} = -\tfrac{3}{4} \end{array}$")
    empty = r"$\begin{array}{l} \text{(no hyperplanes)} \end{array}$"
    assert Arrangement([], dimension=1)._repr_latex_() == empty


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(-3, 3), st.integers(-3, 3), st.integers(-3, 3)), max_size=5),
       st.integers(1, 5))
def test_scaling_an_equation_does_not_change_the_arrangement(rows, k):
    rows = [r for r in rows if r[:2] != (0, 0)]
    A = Arrangement([r[:2] for r in rows], [r[2] for r in rows], dimension=2, dedupe=True)
    B = Arrangement([(k * a, k * b) for a, b in A.normals], [-k * c for c in A.offsets], dimension=2)
    C = Arrangement([(-a, -b) for a, b in A.normals], [-c for c in A.offsets], dimension=2)
    assert C.characteristic_polynomial() == A.characteristic_polynomial()
    assert len(B) == len(A)

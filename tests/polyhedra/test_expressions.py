"""Polyhedra from relations as text or sympy: hand-written rows, a second writer, error messages."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from exactgeom.polyhedra import Polyhedron
from exactgeom.polyhedra.expressions import format_row

from .strategies import SETTINGS, systems


# ---------------------------------------------------------------------------------------------- expressions
@pytest.mark.parametrize(
    "expressions, variables, error, message",
    [
        (["x*y < 1"], None, ValueError, "not linear"),
        (["x**2 <= 1"], None, ValueError, "not linear"),
        (["1/x <= 1"], None, ValueError, "not linear"),
        (["x != 1"], None, ValueError, "'!='"),
        (["x + 1"], None, ValueError, "has no relation"),
        (["x + < 1"], None, ValueError, "cannot read"),
        (["x + z < 1"], ["x", "y"], ValueError, "z, which is not among the variables"),
        (["x < 1"], ["x", "x"], ValueError, "more than once"),
        (["sqrt(2)*x < 1"], None, ValueError, "not linear|cannot read"),
        ([3], None, TypeError, "has type int"),
    ],
)
def test_expression_errors(expressions, variables, error, message):
    with pytest.raises(error, match=message):
        Polyhedron.from_expressions(expressions, variables=variables)


def test_python_evaluated_relation_is_explained():
    x = sympy.Symbol("x")
    with pytest.raises(ValueError, match="sympy.Eq"):
        Polyhedron.from_expressions([x == 1])


def test_expressions_against_hand_written_rows():
    P = Polyhedron.from_expressions(["2*w1 - b < 0", "0 <= w1 <= 1/2", "w1 + b = 1", "E > I"])
    assert P.variables == ("E", "I", "b", "w1")
    F = Fraction
    assert P.constraints == (
        ((F(0), F(0), F(-1), F(2)), "<", F(0)),
        ((F(0), F(0), F(0), F(-1)), "<=", F(0)),
        ((F(0), F(0), F(0), F(1)), "<=", F(1, 2)),
        ((F(0), F(0), F(1), F(1)), "==", F(1)),
        ((F(1), F(-1), F(0), F(0)), ">", F(0)),
    )
    w, b = sympy.symbols("w b", real=True)
    Q = Polyhedron.from_expressions(
        [sympy.Lt(2 * w - b, 0), sympy.Ge(w, sympy.Rational(1, 3))], variables=["w", b]
    )
    assert Q.variables == ("w", "b")
    assert Q.constraints == (((F(2), F(-1)), "<", F(0)), ((F(1), F(0)), ">=", F(1, 3)))
    assert Polyhedron.from_expressions("x + 1 > 2 + x/2").constraints == (((F(1, 2),), ">", F(1)),)


@SETTINGS
@given(systems(), st.data())
def test_string_constructor_round_trip(P, data):
    d = P.ambient_dimension
    names = tuple(data.draw(st.permutations(["alpha", "b", "w1", "E", "x_2"]))[:d])
    rows, kinds, rhs = ([c[k] for c in P.constraints] for k in range(3))
    named = Polyhedron(rows, rhs, kinds, dimension=d, variables=names)
    # a second writer, independent of the package's: every term spelled out with parentheses
    texts = [
        " + ".join(f"({a.numerator}/{a.denominator})*{n}" for a, n in zip(row, names)) + f" {kind} ({c})"
        if d
        else f"0 {kind} ({c})"
        for row, kind, c in P.constraints
    ]
    assert Polyhedron.from_expressions(texts, variables=names) == named
    assert (
        Polyhedron.from_expressions([format_row(*c, names) for c in P.constraints], variables=names) == named
    )
    for Q in (P, named, Polyhedron(rows, rhs, kinds, dimension=d, variables=[f"W[{j}]" for j in range(d)])):
        assert eval(repr(Q), {"Polyhedron": Polyhedron}) == Q

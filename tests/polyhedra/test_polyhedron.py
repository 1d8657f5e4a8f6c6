"""Polyhedron against independent reasoning: interval arithmetic by hand, row-by-row evaluation with
Fractions, the row texts read by Python's own parser (ast), ranks of tight rows, closed forms for
boxes and simplices, truth tables of threshold units."""

from __future__ import annotations

import ast
import dataclasses
import itertools
import operator
import pickle
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import exactgeom as eg
from exactgeom import _exact
from exactgeom.certificates import verify
from exactgeom.polyhedra import Polyhedron, lp
from oracles.boolean import cube, step_table

from .strategies import SETTINGS, box, holds, systems


# ---------------------------------------------------------------------------------- construction and errors
def test_float_entries_raise_type_error_naming_them():
    with pytest.raises(TypeError, match=r"A\[1\]\[0\] is the float 0.25"):
        Polyhedron([[1, 0], [0.25, 1]], [0, 0], ["<", "<"])
    with pytest.raises(TypeError, match=r"b\[0\] is the float 1.5"):
        Polyhedron([[1]], [1.5], ["<"])
    import sympy

    x, y = sympy.symbols("x y")
    with pytest.raises(TypeError, match=r"expressions\[1\] contains the float 0.5"):
        Polyhedron.from_expressions(["x < 1", sympy.Float(0.5) * x >= y])
    # in text a decimal is the rational it denotes, as "1/2" is
    exact = Polyhedron.from_expressions(["x < 1", "x/2 >= y"])
    assert Polyhedron.from_expressions(["x < 1", "0.5*x >= y"]) == exact
    with pytest.raises(TypeError, match=r"objective\[0\] is the float"):
        Polyhedron.universe(1).minimize([0.5])
    with pytest.raises(TypeError, match=r"point\[0\] is the float"):
        Polyhedron.universe(1).contains([0.5])


@pytest.mark.parametrize(
    "args, kwargs, message",
    [
        (([[1, 2], [1]], [0, 0], ["<", "<"]), {}, r"A\[1\] has 1 entries but A\[0\] has 2"),
        (([[1, 2]], [0, 0], ["<"]), {}, r"b has 2 entries but A has 1 rows"),
        (([[1, 2]], [0], ["<", "<"]), {}, r"kinds has 2 entries but A has 1 rows"),
        (([[1, 2]], [0], ["=<"]), {}, r"kinds\[0\] is '=<'"),
        (([], [], []), {}, r"pass dimension=d"),
        (([[1, 2]], [0], ["<"]), {"dimension": 3}, r"A\[0\] has 2 entries; expected 3"),
        (
            ([[1, 2]], [0], ["<"]),
            {"variables": ["x"]},
            r"variables has 1 names but the ambient dimension is 2",
        ),
        (([[1, 2]], [0], ["<"]), {"variables": ["x", "x"]}, r"repeats a name"),
        (([[1, 2]], [0], ["<"]), {"dimension": -1}, r"dimension must be a non-negative int"),
    ],
)
def test_wrong_shapes_raise_value_error(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        Polyhedron.from_constraints(*args, **kwargs)


def test_kinds_must_be_a_sequence_and_equals_sign_is_an_equation():
    with pytest.raises(TypeError, match="one per row"):
        Polyhedron([[1]], [0], "<")
    assert Polyhedron([[1]], [0], ["="]).constraints[0][1] == "=="


def test_shape_mismatch_between_polyhedra_and_points():
    P, Q = Polyhedron.universe(2), Polyhedron.universe(3)
    with pytest.raises(ValueError, match="same ambient dimension"):
        P.intersection(Q)
    with pytest.raises(ValueError, match="point has 3 entries; expected 2"):
        P.contains([1, 2, 3])
    with pytest.raises(ValueError, match="objective has 1 entries; expected 2"):
        P.maximize([1])
    named = Polyhedron.from_expressions(["x < y"]), Polyhedron.from_expressions(["u < v"])
    with pytest.raises(ValueError, match="same variables"):
        named[0].intersection(named[1])


# ------------------------------------------------------------------------------------------ value semantics
def test_value_object_semantics():
    P = Polyhedron.from_expressions(["x < 1", "y >= x"])
    Q = Polyhedron([[1, 0], [-1, 1]], [1, 0], ["<", ">="], variables=["x", "y"])
    assert P == Q and hash(P) == hash(Q)
    assert P != Polyhedron([[1, 0], [-1, 1]], [1, 0], ["<", ">="])  # variables are part of the value
    assert len({P, Q}) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        P.constraints = ()
    P.witness()  # fill caches, then pickle
    R = pickle.loads(pickle.dumps(P))
    assert R == P and R.witness() == P.witness()
    assert eg.Polyhedron is Polyhedron


def test_to_ppl_is_a_copy_with_integer_rows():
    P = Polyhedron.from_expressions(["x/2 + y/3 < 1"])
    import ppl

    copy = P.to_ppl()
    copy.add_constraint(ppl.Linear_Expression([1, 0], 5) < 0)
    assert len(copy.constraints()) == 2 and len(P.to_ppl().constraints()) == 1
    assert P.to_ppl().constraints()[0].coefficients() == (-3, -2)


# ------------------------------------------------------------------------------------------------ emptiness
@SETTINGS
@given(systems(dims=(1,), max_rows=6))
def test_one_dimensional_emptiness_by_interval_reasoning(P):
    # Each row is c*x kind r: a half-line, a point, everything or nothing. Intersect by hand.
    lower, lower_strict, upper, upper_strict, feasible = None, False, None, False, True
    for (c,), kind, r in P.constraints:
        if c == 0:
            feasible &= holds(Fraction(0), kind, r)
            continue
        bound = r / c
        if c < 0:
            kind = {"<=": ">=", "<": ">", ">=": "<=", ">": "<", "==": "=="}[kind]
        pieces = {
            "<=": [("u", False)],
            "<": [("u", True)],
            ">=": [("l", False)],
            ">": [("l", True)],
            "==": [("u", False), ("l", False)],
        }[kind]
        for side, strict in pieces:
            if side == "u" and (upper is None or bound < upper or (bound == upper and strict)):
                upper, upper_strict = bound, strict
            if side == "l" and (lower is None or bound > lower or (bound == lower and strict)):
                lower, lower_strict = bound, strict
    if lower is not None and upper is not None:
        feasible &= lower < upper or (lower == upper and not lower_strict and not upper_strict)
    assert P.is_empty() == (not feasible)
    assert (P.dimension() == -1) == (not feasible)


def test_emptiness_engine_choice_by_size(monkeypatch):
    # small systems go to the double description, larger ones to the LP; a cached engine answers first
    calls = []
    real = lp.point_of
    monkeypatch.setattr(lp, "point_of", lambda d, rows: calls.append(d) or real(d, rows))
    small = Polyhedron([[1, 1, 1]], [0], [">"])
    large = Polyhedron([[1] * 7, [-1] * 7], [0, 0], [">", ">="])
    assert not small.is_empty() and calls == []
    assert large.is_empty() and calls == [7]
    assert small.dimension() == 3 and not small.is_empty() and calls == [7]


def test_empty_and_universe():
    for d in range(4):
        assert Polyhedron.empty(d).is_empty() and Polyhedron.empty(d).witness() is None
        U = Polyhedron.universe(d)
        assert U.dimension() == d and U.contains([0] * d) and U.is_bounded() == (d == 0)
        assert U.generators().lines and d > 0 or d == 0


# ------------------------------------------------------------------------------------ witness and dimension
def evaluate(P, x):
    """Every row re-evaluated with Fractions: list of (value, kind, rhs)."""
    return [
        (sum((a * v for a, v in zip(row, x)), Fraction(0)), kind, rhs) for row, kind, rhs in P.constraints
    ]


def implicit_equalities(P):
    """Rows that hold with equality on all of P, decided row by row by an emptiness test (no generators)."""
    strict_side = {"<=": "<", ">=": ">"}
    out = []
    for row, kind, rhs in P.constraints:
        if kind == "==":
            out.append(row)
        elif kind in strict_side:
            if P.intersection(Polyhedron([row], [rhs], [strict_side[kind]])).is_empty():
                out.append(row)
    return out


@SETTINGS
@given(systems())
def test_witness_lies_in_the_relative_interior(P):
    w = P.witness()
    if P.is_empty():
        assert w is None
        outcome = verify(P.emptiness_certificate())
        assert outcome, outcome.message
        return
    assert verify(P.witness_certificate())
    assert all(isinstance(v, Fraction) for v in w)
    values = evaluate(P, w)
    assert all(holds(*v) for v in values)
    equalities = implicit_equalities(P)
    for (value, _, rhs), (row, _, _) in zip(values, P.constraints):
        if row not in equalities:
            assert value != rhs, "a row that is not an implicit equality must hold strictly at the witness"
    assert P.dimension() == P.ambient_dimension - _exact.rank(equalities, ncols=P.ambient_dimension)
    # the smallest face of closure(P) containing w is closure(P) itself: the rows tight at w span no more
    tight = [row for (value, _, rhs), (row, _, _) in zip(values, P.constraints) if value == rhs]
    assert _exact.rank(tight, ncols=P.ambient_dimension) == P.ambient_dimension - P.dimension()


@SETTINGS
@given(systems())
def test_generators_match_the_set(P):
    G = P.generators()
    closure = P.closure()
    assert all(P.contains(p) for p in G.points)
    assert all(closure.contains(c) for c in G.closure_points)
    if G.points:
        base = G.points[0]
        for r in G.rays + G.lines:
            assert P.contains([b + 5 * v for b, v in zip(base, r)])
        for line in G.lines:
            assert P.contains([b - 5 * v for b, v in zip(base, line)])
        # dimension = affine rank of points, closure points plus directions
        directions = [[v - b for v, b in zip(p, base)] for p in G.points + G.closure_points] + list(
            G.rays + G.lines
        )
        assert P.dimension() == _exact.rank(directions, ncols=P.ambient_dimension)


@pytest.mark.parametrize("d", [1, 2, 3, 4])
def test_dimensions_of_boxes_simplices_and_slices(d):
    assert box(d).dimension() == d
    assert box(d, [(0, "low"), (d - 1, "high")]).dimension() == d
    assert box(d, [(0, "low"), (d - 1, "high")]).witness() == (Fraction(1, 2),) * d
    # standard simplex {x >= 0, sum x <= 1}: d + 1 affinely independent vertices
    simplex = Polyhedron(
        [[1 if i == j else 0 for j in range(d)] for i in range(d)] + [[1] * d],
        [0] * d + [1],
        [">="] * d + ["<="],
    )
    assert simplex.dimension() == d
    assert len(simplex.generators().points) == d + 1 and simplex.is_bounded()
    # the open simplex {x > 0, sum x = 1} has dimension d - 1
    open_face = Polyhedron(
        [[1 if i == j else 0 for j in range(d)] for i in range(d)] + [[1] * d],
        [0] * d + [1],
        [">"] * d + ["=="],
    )
    assert open_face.dimension() == d - 1
    assert open_face.witness() == (Fraction(1, d),) * d
    # slices of the box by k independent equations x_0 = x_1 = ... = x_k
    for k in range(d):
        eqs = Polyhedron(
            [[1 if j == i else -1 if j == i + 1 else 0 for j in range(d)] for i in range(k)],
            [0] * k,
            ["=="] * k,
            dimension=d,
        )
        assert box(d).intersection(eqs).dimension() == d - k
    # a degenerate slice: x_0 >= 1 and x_0 <= 1 inside the box is a facet
    facet = box(d).intersection(Polyhedron([[1] + [0] * (d - 1)], [1], [">="]))
    assert facet.dimension() == d - 1
    assert facet.affine_hull() == Polyhedron([[1] + [0] * (d - 1)], [1], ["=="])
    # the same slice made strict is empty
    assert box(d).intersection(Polyhedron([[1] + [0] * (d - 1)], [1], [">"])).is_empty()


def test_affine_hull_of_a_segment_in_space():
    P = Polyhedron.from_expressions(["x + y + z == 1", "x == y", "0 < x < 1/3"])
    H = P.affine_hull()
    assert H.dimension() == 1 and len(H.constraints) == 2
    for point in [(0, 0, 1), (Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)), (5, 5, -9)]:
        assert H.contains(point)
    assert not H.contains((1, 0, 0))


# ---------------------------------------------------------------------------- closure, intersection, bounds
def test_closure_intersection_boundedness_subsets():
    P = Polyhedron.from_expressions(["x > 0", "y > 0", "x + y < 1"])
    C = P.closure()
    assert C.contains([0, 0]) and not P.contains([0, 0])
    assert P.is_subset(C) and not C.is_subset(P)
    assert P.is_bounded() and not Polyhedron.from_expressions(["x > 0", "y > 0"]).is_bounded()
    Q = P.intersection(Polyhedron.from_expressions(["x > y"]))
    assert Q.is_subset(P) and Q.contains(["1/2", "1/4"]) and not Q.contains(["1/4", "1/2"])
    assert Polyhedron.empty(1).closure().is_empty()


# ----------------------------------------------------------------------------- rows at a point and as text
def truth_of_text(text, point):
    """The truth of one row written as text at ``point`` (a dict name -> Fraction), read with Python's
    own parser (``ast``, no evaluation) and computed with Fractions."""
    arithmetic = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
                  ast.Div: operator.truediv}
    relations = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Eq: operator.eq, ast.GtE: operator.ge,
                 ast.Gt: operator.gt}

    def value(node):
        if isinstance(node, ast.Constant) and type(node.value) is int:
            return Fraction(node.value)
        if isinstance(node, ast.Name):
            return point[node.id]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -value(node.operand)
        if isinstance(node, ast.BinOp) and type(node.op) in arithmetic:
            return arithmetic[type(node.op)](value(node.left), value(node.right))
        raise AssertionError(f"unexpected {ast.dump(node)} in {text!r}")

    relation = ast.parse(text, mode="eval").body
    assert isinstance(relation, ast.Compare) and len(relation.ops) == 1, text
    return relations[type(relation.ops[0])](value(relation.left), value(relation.comparators[0]))


def points_for(P, data):
    """The origin, points where some row is tight (its boundary), and a few small random points."""
    d = P.ambient_dimension
    small = st.builds(Fraction, st.integers(-4, 4), st.integers(1, 3))
    points = [(Fraction(0),) * d]
    for row, _, rhs in P.constraints:
        j = next((j for j, a in enumerate(row) if a), None)
        if j is not None:  # the point rhs/a_j * e_j lies on the row's hyperplane
            points.append(tuple(rhs / row[j] if k == j else Fraction(0) for k in range(d)))
    points += [tuple(data.draw(st.lists(small, min_size=d, max_size=d))) for _ in range(3)]
    return points


@SETTINGS
@given(systems(), st.data())
def test_violated_rows_are_the_rows_that_fail_when_evaluated_by_hand(P, data):
    for x in points_for(P, data):
        expected = tuple(i for i, v in enumerate(evaluate(P, x)) if not holds(*v))
        assert P.violated_rows(x) == expected
        assert P.contains(x) == (not expected)


def test_violated_rows_on_the_boundary_of_strict_and_closed_rows():
    P = Polyhedron.from_expressions(["x > 0", "x <= 1", "y == 2*x", "x + y < 3"])
    assert P.violated_rows([0, 0]) == (0,)                      # on x = 0: only the strict row fails
    assert P.violated_rows([1, 2]) == (3,)                      # on x = 1 (closed) and x + y = 3 (strict)
    assert P.violated_rows(["1/2", 1]) == ()
    assert P.violated_rows([2, 0]) == (1, 2)
    assert P.violated_rows(["-1/2", 1]) == (0, 2)
    assert Polyhedron.universe(2).violated_rows([5, -5]) == ()
    assert Polyhedron.empty(1).violated_rows([0]) == (0,)
    with pytest.raises(TypeError, match=r"point\[1\] is the float"):
        P.violated_rows([0, 0.5])


@SETTINGS
@given(systems(), st.data())
def test_constraint_texts_state_the_rows(P, data):
    texts = P.constraint_texts()
    assert len(texts) == len(P.constraints)
    names = [f"x{j}" for j in range(P.ambient_dimension)]
    for x in points_for(P, data):
        point = dict(zip(names, x))
        assert [truth_of_text(t, point) for t in texts] == [holds(*v) for v in evaluate(P, x)]
    assert Polyhedron.from_expressions(texts, variables=names).constraints == P.constraints


def test_constraint_texts_use_the_variable_names():
    P = Polyhedron([[2, -1, 0], [0, 0, "1/3"], [0, 0, 0]], ["-1/2", 0, 1], ["<", "==", "<="],
                   variables=["w1", "w2", "b"])
    assert P.constraint_texts() == ("2*w1 - w2 < -1/2", "1/3*b == 0", "0 <= 1")
    assert Polyhedron.universe(3).constraint_texts() == ()
    assert Polyhedron.from_expressions(P.constraint_texts(), variables=P.variables) == P


# ------------------------------------------------------------------------ threshold cones (REFERENCE.md §3)
def threshold_cone(n, values):
    """Par_f of one threshold unit on {0,1}^n in (w_1..w_n, b): strict rows where f = 1, closed where 0."""
    A = [list(x) + [1] for x in cube(n)]
    return Polyhedron(A, [0] * len(A), [">" if v else "<=" for v in values])


@pytest.mark.parametrize("n, realizable", [(1, 4), (2, 14), (3, 104)])
def test_threshold_cones_count_realizable_functions(n, realizable):
    """Non-empty cones = Boolean threshold functions of n variables (OEIS A000609); witnesses realize f."""
    count = 0
    for values in itertools.product([0, 1], repeat=2**n):
        P = threshold_cone(n, values)
        w = P.witness()
        if w is None:
            continue
        count += 1
        *weights, bias = w
        assert step_table([weights], [bias], n) == tuple((v,) for v in values)
        assert P.dimension() == n + 1  # the cone of a realizable function is full-dimensional
    assert count == realizable

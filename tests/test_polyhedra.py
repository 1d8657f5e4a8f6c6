"""exactgeom.polyhedra against independent reasoning: brute force, closed forms, a second algorithm."""

from __future__ import annotations

import dataclasses
import itertools
import pickle
from fractions import Fraction

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import exactgeom as eg
from exactgeom import _exact
from exactgeom.certificates import verify
from exactgeom.polyhedra import LinearProgramResult, Polyhedron, cones, hull, lp
from exactgeom.polyhedra.expressions import format_row

KINDS = ("<=", "<", "==", ">=", ">")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def holds(value, kind, rhs):
    return {"<=": value <= rhs, "<": value < rhs, "==": value == rhs, ">=": value >= rhs, ">": value > rhs}[
        kind
    ]


def evaluate(P, x):
    """Every row re-evaluated with Fractions: list of (value, kind, rhs)."""
    return [
        (sum((a * v for a, v in zip(row, x)), Fraction(0)), kind, rhs) for row, kind, rhs in P.constraints
    ]


@st.composite
def systems(draw, dims=(1, 2, 3), max_rows=5, kinds=KINDS, coefficient=3):
    d = draw(st.sampled_from(dims))
    m = draw(st.integers(0, max_rows))
    small = st.integers(-coefficient, coefficient)
    A = [[draw(small) for _ in range(d)] for _ in range(m)]
    b = [Fraction(draw(small), draw(st.integers(1, 2))) for _ in range(m)]
    k = [draw(st.sampled_from(kinds)) for _ in range(m)]
    return Polyhedron(A, b, k, dimension=d)


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


# --------------------------------------------------------------------------- construction and errors
def test_float_entries_raise_type_error_naming_them():
    with pytest.raises(TypeError, match=r"A\[1\]\[0\] is the float 0.25"):
        Polyhedron([[1, 0], [0.25, 1]], [0, 0], ["<", "<"])
    with pytest.raises(TypeError, match=r"b\[0\] is the float 1.5"):
        Polyhedron([[1]], [1.5], ["<"])
    with pytest.raises(TypeError, match=r"expressions\[1\] contains the float 0.5"):
        Polyhedron.from_expressions(["x < 1", "0.5*x >= y"])
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


# --------------------------------------------------------------------------- value semantics
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


# --------------------------------------------------------------------------- emptiness
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


@SETTINGS
@given(st.one_of(systems(), systems(dims=(4, 5, 6, 7), max_rows=8)))
def test_lp_emptiness_agrees_with_ppl_double_description(P):
    # is_empty() picks one of the two engines by size; both must agree, and the LP's point must satisfy P
    point = lp.point_of(P.ambient_dimension, P.constraints)
    assert (point is None) == P.to_ppl().is_empty() == P.is_empty()
    assert point is None or P.contains(point)


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


# --------------------------------------------------------------------------- witness and dimension
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


def box(d, strict_sides=()):
    """[0, 1]^d with the listed sides (j, "low"/"high") open."""
    A, b, k = [], [], []
    for j in range(d):
        e = [0] * d
        e[j] = 1
        A += [e, e]
        b += [0, 1]
        k += [">" if (j, "low") in strict_sides else ">=", "<" if (j, "high") in strict_sides else "<="]
    return Polyhedron(A, b, k)


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


# --------------------------------------------------------------------------- closure, intersection, bounds
def test_closure_intersection_boundedness_subsets():
    P = Polyhedron.from_expressions(["x > 0", "y > 0", "x + y < 1"])
    C = P.closure()
    assert C.contains([0, 0]) and not P.contains([0, 0])
    assert P.is_subset(C) and not C.is_subset(P)
    assert P.is_bounded() and not Polyhedron.from_expressions(["x > 0", "y > 0"]).is_bounded()
    Q = P.intersection(Polyhedron.from_expressions(["x > y"]))
    assert Q.is_subset(P) and Q.contains(["1/2", "1/4"]) and not Q.contains(["1/4", "1/2"])
    assert Polyhedron.empty(1).closure().is_empty()


# --------------------------------------------------------------------------- linear programming
def vertices(P):
    """Brute force: every point where d linearly independent closure rows are tight and all rows hold."""
    d = P.ambient_dimension
    rows = [(row, rhs) for row, _, rhs in P.constraints]
    closure = P.closure()
    found = set()
    for subset in itertools.combinations(rows, d):
        A = [r for r, _ in subset]
        if _exact.rank(A, ncols=d) < d:
            continue
        x = _exact.solve(A, [c for _, c in subset])
        if closure.contains(x):
            found.add(x)
    return found


@st.composite
def polytopes(draw):
    d = draw(st.sampled_from([2, 3]))
    P = draw(systems(dims=(d,), max_rows=4, kinds=("<=", "<", ">=", ">")))
    return P.intersection(box(d).closure().intersection(Polyhedron([[1] * d], [d], ["<="])))


@SETTINGS
@given(polytopes(), st.lists(st.integers(-4, 4), min_size=3, max_size=3))
def test_lp_optimum_against_vertex_enumeration(P, c):
    c = c[: P.ambient_dimension]
    low, high = P.minimize(c), P.maximize(c)
    if P.is_empty():
        assert low.status == high.status == "infeasible" and low.value is None
        return
    values = [sum((a * v for a, v in zip(c, x)), Fraction(0)) for x in vertices(P)]
    assert low.status == high.status == "optimal"
    assert low.value == min(values) and high.value == max(values)
    for result in (low, high):
        assert P.closure().contains(result.point)
        assert sum((a * v for a, v in zip(c, result.point)), Fraction(0)) == result.value


def test_lp_statuses_and_fractional_objective():
    cone = Polyhedron.from_expressions(["x >= 0", "y > x"])
    assert cone.minimize([0, 1]) == LinearProgramResult("optimal", Fraction(0), (Fraction(0), Fraction(0)))
    assert cone.maximize([0, 1]) == LinearProgramResult("unbounded")
    # empty although its relaxation {x = 0} is not: infeasible over the closure of the (empty) set
    assert Polyhedron.from_expressions(["x > 0", "x <= 0"]).minimize([1]).status == "infeasible"
    triangle = Polyhedron.from_expressions(["x >= 0", "y >= 0", "3*x + 2*y <= 7"])
    assert triangle.maximize(["1/3", "1/2"]).value == Fraction(7, 4)
    assert triangle.maximize([0, 0]).value == 0
    assert Polyhedron.universe(0).minimize([]) == LinearProgramResult("optimal", Fraction(0), ())


# ------------------------------------------------------------------- threshold cones (REFERENCE.md §3)
def threshold_cone(n, values):
    """Par_f of one threshold unit on {0,1}^n in (w_1..w_n, b): strict rows where f = 1, closed where 0."""
    inputs = list(itertools.product([0, 1], repeat=n))
    A = [list(x) + [1] for x in inputs]
    return Polyhedron(A, [0] * len(A), [">" if v else "<=" for v in values]), inputs


@pytest.mark.parametrize("n, realizable", [(1, 4), (2, 14), (3, 104)])
def test_threshold_cones_count_realizable_functions(n, realizable):
    """Non-empty cones = Boolean threshold functions of n variables (OEIS A000609); witnesses realize f."""
    count = 0
    for values in itertools.product([0, 1], repeat=2**n):
        P, inputs = threshold_cone(n, values)
        w = P.witness()
        if w is None:
            continue
        count += 1
        *weights, bias = w
        assert all(
            (sum(a * x for a, x in zip(weights, point)) + bias > 0) == bool(v)
            for point, v in zip(inputs, values)
        )
        assert P.dimension() == n + 1  # the cone of a realizable function is full-dimensional
    assert count == realizable


# ------------------------------------------------------- linear_program: sparse rows and sign bounds
@st.composite
def raw_programs(draw, max_rows=4):
    """(dimension, rows, objective, sense, nonnegative) with small integer and half-integer data."""
    d = draw(st.integers(1, 3))
    small = st.integers(-3, 3)
    rows = [
        (
            tuple(Fraction(draw(small), draw(st.integers(1, 2))) for _ in range(d)),
            draw(st.sampled_from(("<=", "==", ">="))),
            Fraction(draw(small), draw(st.integers(1, 2))),
        )
        for _ in range(draw(st.integers(0, max_rows)))
    ]
    objective = tuple(Fraction(draw(small)) for _ in range(d))
    sense = draw(st.sampled_from(("minimize", "maximize")))
    nonnegative = sorted(draw(st.sets(st.integers(0, d - 1))))
    return d, rows, objective, sense, nonnegative


def sparse(vector):
    return {j: a for j, a in enumerate(vector) if a}


def check_optimal(result, d, rows, objective, nonnegative):
    """An optimal result is a feasible point attaining its value (checked by evaluating every row)."""
    x = result.point
    assert len(x) == d
    assert all(holds(sum((a * v for a, v in zip(row, x)), Fraction(0)), kind, rhs) for row, kind, rhs in rows)
    assert all(x[j] >= 0 for j in nonnegative)
    assert sum((a * v for a, v in zip(objective, x)), Fraction(0)) == result.value


@SETTINGS
@given(raw_programs())
def test_linear_program_sparse_rows_and_sign_bounds_match_dense_rows(program):
    """Sparse rows / a sparse objective / nonnegative= give the same outcome as dense rows x_j >= 0."""
    d, rows, objective, sense, nonnegative = program
    unit = [tuple(Fraction(int(i == j)) for i in range(d)) for j in nonnegative]
    dense = lp.linear_program(d, rows + [(u, ">=", Fraction(0)) for u in unit], objective, sense)
    sparse_rows = [(sparse(row), kind, rhs) for row, kind, rhs in rows]
    for result in (
        lp.linear_program(d, rows, objective, sense, nonnegative=nonnegative),
        lp.linear_program(d, sparse_rows, sparse(objective), sense, nonnegative=nonnegative),
        lp.linear_program(d, sparse_rows + [({j: 1}, ">=", 0) for j in nonnegative], objective, sense),
    ):
        assert (result.status, result.value) == (dense.status, dense.value)
        if result.status == "optimal":
            check_optimal(result, d, rows, objective, nonnegative)


@SETTINGS
@given(raw_programs(), st.integers(1, 3))
def test_linear_program_with_sign_bounds_against_vertex_enumeration(program, bound):
    """In the box |x_j| <= bound, the optimum is the best feasible vertex (brute force over d-subsets)."""
    d, rows, objective, sense, nonnegative = program
    unit = [tuple(Fraction(int(i == j)) for i in range(d)) for j in range(d)]
    box_rows = [(u, "<=", Fraction(bound)) for u in unit] + [(u, ">=", Fraction(-bound)) for u in unit]
    sparse_rows = [(sparse(row), kind, rhs) for row, kind, rhs in rows + box_rows]
    result = lp.linear_program(d, sparse_rows, sparse(objective), sense, nonnegative=nonnegative)
    closed = rows + box_rows + [(unit[j], ">=", Fraction(0)) for j in nonnegative]
    P = Polyhedron([r for r, _, _ in closed], [c for _, _, c in closed], [k for _, k, _ in closed])
    corners = vertices(P)
    if not corners:
        assert result.status == "infeasible"
        return
    values = [sum((a * v for a, v in zip(objective, x)), Fraction(0)) for x in corners]
    assert result.status == "optimal"
    assert result.value == (min(values) if sense == "minimize" else max(values))
    check_optimal(result, d, rows + box_rows, objective, nonnegative)


def test_linear_program_sparse_row_and_sign_bound_errors():
    with pytest.raises(ValueError, match=r"constraints\[0\] names column 2; columns are the ints 0..1"):
        lp.linear_program(2, [({2: 1}, "<=", 0)], (1, 1), "minimize")
    with pytest.raises(ValueError, match=r"constraints\[0\] names column True"):
        lp.linear_program(2, [({True: 1}, "<=", 0)], (1, 1), "minimize")
    with pytest.raises(ValueError, match=r"objective names column -1"):
        lp.linear_program(2, [], {-1: 1}, "minimize")
    with pytest.raises(ValueError, match=r"nonnegative names column 5; columns are the ints 0..1"):
        lp.linear_program(2, [], (1, 1), "minimize", nonnegative=[5])
    with pytest.raises(ValueError, match=r"constraints\[0\] has 1 entries but the dimension is 2"):
        lp.linear_program(2, [((1,), "<=", 0)], (1, 1), "minimize")
    # x_0 >= 0 as a bound: min x_0 + x_1 over x_0 + x_1 >= -1 is unbounded without it, -1 with it
    assert lp.linear_program(2, [({0: 1, 1: 1}, ">=", -1)], {0: 1, 1: 1}, "minimize").value == -1
    assert lp.linear_program(2, [({0: 1}, ">=", -1)], {0: 1, 1: 1}, "minimize").status == "unbounded"
    result = lp.linear_program(2, [({0: 1}, ">=", -1)], {0: 1, 1: 1}, "minimize", nonnegative=[1])
    assert result == LinearProgramResult("optimal", Fraction(-1), (Fraction(-1), Fraction(0)))


# ----------------------------------------------------------------------------- convex hulls
def in_convex_hull(p, others, *, down=False):
    """Whether p is a convex combination of ``others`` (plus a downward ray when ``down``), by one LP.

    Variables: weights lambda_j >= 0 summing to 1 (and mu >= 0 for the ray -e_d).
    """
    m, d = len(others), len(p)
    count = m + (1 if down else 0)
    rows = [({j: 1 for j in range(m)}, "==", 1)]
    for k in range(d):
        row = {j: q[k] for j, q in enumerate(others) if q[k]}
        if down and k == d - 1:
            row[m] = -1
        rows.append((row, "==", p[k]))
    result = lp.linear_program(count, rows, {}, "minimize", nonnegative=range(count))
    return result.status == "optimal"


def brute_force_vertices(points, *, down=False):
    distinct = sorted(set(points))
    return tuple(p for p in distinct if not in_convex_hull(p, [q for q in distinct if q != p], down=down))


def cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def monotone_chain(points):
    """Andrew's monotone chain: the strict convex hull vertices of planar points (collinear ones dropped)."""
    distinct = sorted(set(points))
    if len(distinct) <= 2:
        return tuple(distinct)

    def half(sequence):
        chain = []
        for p in sequence:
            while len(chain) >= 2 and cross(chain[-2], chain[-1], p) <= 0:
                chain.pop()
            chain.append(p)
        return chain

    lower, upper = half(distinct), half(reversed(distinct))
    return tuple(sorted(set(lower[:-1] + upper[:-1])))


rational_points = st.builds(Fraction, st.integers(-4, 4), st.integers(1, 2))


@SETTINGS
@given(st.lists(st.tuples(rational_points, rational_points), min_size=1, max_size=8))
def test_planar_hull_vertices_match_the_monotone_chain(points):
    assert hull.convex_hull_vertices(points) == monotone_chain(points)


@SETTINGS
@given(
    st.integers(1, 3).flatmap(lambda d: st.lists(st.tuples(*[rational_points] * d), min_size=1, max_size=7))
)
def test_hull_vertices_are_the_points_outside_the_hull_of_the_others(points):
    assert hull.convex_hull_vertices(points) == brute_force_vertices(points)


@SETTINGS
@given(
    st.integers(1, 3).flatmap(lambda d: st.lists(st.tuples(*[rational_points] * d), min_size=1, max_size=7))
)
def test_upper_hull_vertices_are_the_points_outside_hull_plus_downward_ray(points):
    """Upper hull = the points outside conv(others) + cone(-e_d) (one LP each); all are hull vertices."""
    upper = hull.upper_hull_vertices(points)
    assert upper == brute_force_vertices(points, down=True)
    assert set(upper) <= set(hull.convex_hull_vertices(points))


def test_upper_hull_of_a_hand_example():
    """Lifted points (alpha, c) of max(0, 3 + x, 2 + 2x, 4 + 3x, 4x, -5 + 2x, 1 + x): worked by hand."""
    pairs = [(0, 0), (1, 3), (2, 2), (3, 4), (4, 0), (2, -5), (1, 1)]
    # (2, 2) lies below the segment (1, 3)-(3, 4) (height 7/2 at 2); (1, 3) above (0, 0)-(3, 4) (4/3 at 1)
    assert hull.upper_hull_vertices(pairs) == ((0, 0), (1, 3), (3, 4), (4, 0))
    assert hull.convex_hull_vertices(pairs) == ((0, 0), (1, 3), (2, -5), (3, 4), (4, 0))


def test_hull_errors():
    with pytest.raises(ValueError, match="at least one point"):
        hull.convex_hull_vertices([])
    with pytest.raises(ValueError, match=r"points\[1\] has 1 coordinates but points\[0\] has 2"):
        hull.convex_hull_vertices([(0, 0), (1,)])
    with pytest.raises(ValueError, match="at least one coordinate"):
        hull.upper_hull_vertices([()])


def tight_vertices(rows):
    """Brute force: points where two independent closed rows are tight and every row holds."""
    closed = Polyhedron([r for r, _, _ in rows], [c for _, _, c in rows], [k for _, k, _ in rows]).closure()
    found = set()
    for (a, _, b), (c, _, e) in itertools.combinations(rows, 2):
        if _exact.rank([a, c], ncols=2) == 2:
            x = _exact.solve([a, c], [b, e])
            if closed.contains(x):
                found.add(x)
    return found


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.tuples(st.integers(-2, 2), st.integers(-2, 2)), st.sampled_from(KINDS), st.integers(-3, 3)
        ),
        max_size=4,
    )
)
def test_polygon_vertices_against_pairwise_intersections_and_orientation(constraints):
    box = (-2, 3, Fraction(-3, 2), 2)
    corners = hull.polygon_vertices(constraints, box)
    box_rows = [((1, 0), ">=", -2), ((1, 0), "<=", 3), ((0, 1), ">=", Fraction(-3, 2)), ((0, 1), "<=", 2)]
    rows = [(tuple(Fraction(a) for a in r), k, Fraction(c)) for r, k, c in [*constraints, *box_rows]]
    relaxed = [(r, {"<": "<=", ">": ">="}.get(k, k), c) for r, k, c in rows]
    assert len(corners) == len(set(corners))
    assert set(corners) == tight_vertices(relaxed)
    # counter-clockwise and convex: every consecutive turn is a strict left turn
    if len(corners) >= 3:
        n = len(corners)
        assert all(cross(corners[i], corners[(i + 1) % n], corners[(i + 2) % n]) > 0 for i in range(n))


# ----------------------------------------------------------------------------- cones
cone_rows = st.integers(1, 3).flatmap(
    lambda d: st.tuples(
        st.just(d), st.lists(st.lists(st.integers(-2, 2), min_size=d, max_size=d), min_size=0, max_size=5)
    )
)


@SETTINGS
@given(cone_rows)
def test_open_cone_point_and_gordan_alternative(case):
    """Exactly one of: a point with R x >= 1 (checked), or y >= 0, sum y = 1, y R = 0 (checked); LP agrees."""
    d, rows = case
    point = cones.open_cone_point(rows, d)
    y = cones.gordan_multipliers(rows, d)
    by_lp = lp.point_of(d, [(tuple(Fraction(a) for a in r), ">", Fraction(0)) for r in rows])
    assert (point is None) == (by_lp is None) == (y is not None)
    if point is not None:
        assert all(sum(a * v for a, v in zip(r, point)) >= 1 for r in rows)
    else:
        assert all(v >= 0 for v in y) and sum(y) == 1
        assert all(sum(v * r[k] for v, r in zip(y, rows)) == 0 for k in range(d))


@SETTINGS
@given(cone_rows)
def test_cone_facets_are_the_irredundant_rows(case):
    """Row i lies on a facet iff dropping every row proportional to it enlarges the cone (one LP per row)."""
    d, rows = case
    rows = [r for r in rows if any(r)]
    if cones.open_cone_point(rows, d) is None:
        return  # facets are defined for full-dimensional cones only
    facets = cones.cone_facets(rows, d)
    listed = [i for facet in facets for i in facet]
    assert sorted(listed) == sorted(set(listed))
    for i, r in enumerate(rows):
        others = [
            s
            for s in rows
            if _exact.primitive_integer_vector(s, sign_normalize=False)
            != _exact.primitive_integer_vector(r, sign_normalize=False)
        ]
        system = [(tuple(Fraction(a) for a in s), ">=", Fraction(0)) for s in others]
        system.append((tuple(Fraction(a) for a in r), "<", Fraction(0)))
        irredundant = lp.point_of(d, system) is not None
        assert (i in listed) == irredundant
    for facet in facets:
        keys = {_exact.primitive_integer_vector(rows[i], sign_normalize=False) for i in facet}
        assert len(keys) == 1


@SETTINGS
@given(systems(), st.booleans())
def test_integer_interior_point_against_the_fraction_average_of_the_generators(P, nnc):
    """The integer witness shared by regions and faces (on C_Polyhedron) and Polyhedron (on NNC_Polyhedron)
    equals the Fraction average of the points and closure points plus the sum of the rays."""
    import ppl

    from exactgeom.polyhedra import _ppl

    if not nnc:
        P = P.closure()  # no strict rows: a C_Polyhedron
    d = P.ambient_dimension
    Q = ppl.NNC_Polyhedron(d, "universe") if nnc else ppl.C_Polyhedron(d, "universe")
    for row, kind, rhs in P.constraints:
        Q.add_constraint(_ppl.constraint(row, kind, rhs))
    # PPL may return a different (equally minimal) system on a second call, e.g. a ray modulo a
    # line: take the generator system once and compare on that one.
    generators = Q.minimized_generators()
    found = _ppl.relative_interior_numerators(generators, d)
    if P.is_empty():
        assert found is None and P.witness() is None
        return
    groups = {"point": [], "closure_point": [], "ray": [], "line": []}
    for g in generators:
        groups[g.type()].append([Fraction(int(v), int(g.divisor()) if g.type().endswith("point") else 1)
                                 for v in g.coefficients()] + [Fraction(0)] * (d - len(g.coefficients())))
    vertices = groups["point"] + groups["closure_point"]
    expected = tuple(sum((p[j] for p in vertices), Fraction(0)) / len(vertices)
                     + sum(r[j] for r in groups["ray"]) for j in range(d))
    numerators, denominator, bounded = found
    assert denominator > 0 and all(type(v) is int for v in numerators + [denominator])
    assert tuple(Fraction(v, denominator) for v in numerators) == expected
    assert bounded == (not groups["ray"])
    assert _ppl.relative_interior_point(Q.minimized_generators(), d) == expected
    if nnc:
        assert P.witness() == expected

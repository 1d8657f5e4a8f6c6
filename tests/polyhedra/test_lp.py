"""The exact LP solver against brute-force vertex enumeration and pplpy's double description."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactgeom import _exact
from exactgeom.polyhedra import LinearProgramResult, Polyhedron, lp

from .strategies import SETTINGS, box, holds, systems


# ------------------------------------------------------------------------------------------------ emptiness
@SETTINGS
@given(st.one_of(systems(), systems(dims=(4, 5, 6, 7), max_rows=8)))
def test_lp_emptiness_agrees_with_ppl_double_description(P):
    # is_empty() picks one of the two engines by size; both must agree, and the LP's point must satisfy P
    point = lp.point_of(P.ambient_dimension, P.constraints)
    assert (point is None) == P.to_ppl().is_empty() == P.is_empty()
    assert point is None or P.contains(point)


# ------------------------------------------------------------------------------------ optima over polyhedra
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


# -------------------------------------------------------------- linear_program: sparse rows and sign bounds
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

"""Arrangements written as linear forms in named variables; the names they keep; spelled-out signatures."""

from __future__ import annotations

import inspect
import pickle
import random
from fractions import Fraction

import networkx as nx
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactgeom.arrangements import Arrangement
from exactgeom.expressions import ExpressionError
from exactgeom.library import (
    braid,
    catalan,
    coordinate,
    generic,
    graphical,
    linial,
    resonance,
    semiorder,
    shi,
    threshold,
)

F = Fraction
x, y, z = sympy.symbols("x y z")


# -- from_forms equals the matrix constructor ------------------------------------------------------------
@pytest.mark.parametrize("forms, variables, normals, offsets", [
    (["x - y", "x + y - 1", "2*x = 3*y + 4"], None, [[1, -1], [1, 1], [2, -3]], [0, 1, 4]),
    ([x - y, x + y - 1, sympy.Eq(2 * x, 3 * y + 4)], None, [[1, -1], [1, 1], [2, -3]], [0, 1, 4]),
    (["1/2*x - y/3 = 5/7"], None, [["1/2", "-1/3"]], ["5/7"]),
    (["w1 + b", "b = 1"], ["w1", "b"], [[1, 1], [0, 1]], [0, 1]),
    (["w1 + b", "b = 1"], None, [[1, 1], [1, 0]], [0, 1]),              # sorted: b, w1
    (["x10 - x2", "x1 = 2"], None, [[0, -1, 1], [1, 0, 0]], [0, 2]),    # natural order x1, x2, x10
    (["x"], ["x", "y", "z"], [[1, 0, 0]], [0]),                          # unused names widen the space
    ("x + y", None, [[1, 1]], [0]),                                      # a single form
    (["(x + 1)*2 - x = y"], None, [[1, -1]], [-2]),                      # expanded before reading
    (["x + y"], [y, x], [[1, 1]], [0]),                                  # sympy Symbols as names
])
def test_from_forms_equals_matrix_constructor(forms, variables, normals, offsets):
    A, B = Arrangement.from_forms(forms, variables), Arrangement(normals, offsets)
    assert A == B and A.normals == B.normals and A.offsets == B.offsets


def test_variable_order():
    assert Arrangement.from_forms(["w1 + b", "b"]).variables == ("b", "w1")
    assert Arrangement.from_forms(["x10 - x2", "x1"]).variables == ("x1", "x2", "x10")
    assert Arrangement.from_forms(["b"], variables=["w1", "b"]).variables == ("w1", "b")
    assert Arrangement.from_forms([], variables=["u", "v"]) == Arrangement([], dimension=2)


def _term_text(coefficient: Fraction, name: str, rng: random.Random) -> str:
    # written independently of the package's printer, in several equivalent spellings
    p, q = coefficient.numerator, coefficient.denominator
    c = f"{p}" if q == 1 else f"{p}/{q}"
    return rng.choice([f"{c}*{name}", f"{name}*{c}", f"({c})*{name}", f"{name}*({c})"])


def _form_text(normal, offset, names, rng: random.Random) -> str:
    terms = [_term_text(a, n, rng) for a, n in zip(normal, names) if a]
    rng.shuffle(terms)
    constant = f"({offset.numerator}/{offset.denominator})"
    if rng.random() < 0.5:
        return " + ".join(terms) + f" - {constant}"
    return " + ".join(terms) + f" = {constant}"


rationals = st.fractions(min_value=-5, max_value=5, max_denominator=4)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 4).flatmap(lambda d: st.tuples(
    st.just(d),
    st.lists(st.tuples(st.lists(rationals, min_size=d, max_size=d), rationals), max_size=6),
)), st.randoms(use_true_random=False))
def test_from_forms_of_printed_text_equals_matrix(data, rng):
    d, rows = data
    rows = [(a, c) for a, c in rows if any(a)]
    names = [f"v{j}" for j in range(d)]
    rng.shuffle(names)
    texts = [_form_text(a, c, names, rng) for a, c in rows]
    A = Arrangement.from_forms(texts, variables=names, dedupe=True)
    assert A == Arrangement([a for a, _ in rows], [c for _, c in rows], dimension=d, dedupe=True)
    assert A.variables == tuple(names)


# -- errors -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("forms, variables, error, message", [
    (["x*y - 1"], None, ValueError, r"forms\[0\] 'x\*y - 1' is not linear \(degree 2\)"),
    (["x", "x**2 = 1"], None, ValueError, r"forms\[1\] .* is not linear \(degree 2\)"),
    (["1/x"], None, ValueError, "not a polynomial"),
    ([sympy.sin(x)], None, ValueError, "not a polynomial"),
    (["x < 1"], None, ValueError, r"forms\[0\] 'x < 1' is an inequality; an arrangement is made of hyper"),
    (["x >= y"], None, ValueError, "is an inequality"),
    ([sympy.Lt(x, 1)], None, ValueError, "is an inequality"),
    (["x = y = z"], None, ValueError, "chain of 2 relations; pass one equation per form"),
    (["x != 1"], None, ValueError, "uses '!='"),
    (["x - x + 1"], None, ValueError, r"no variable term: it reads 1 = 0, which no point satisfies"),
    (["x", "3 = 3"], None, ValueError, r"forms\[1\] '3 = 3' has no variable term"),
    ([sympy.Integer(0)], ["x"], ValueError, "which every point satisfies"),
    (["x - y", "2*y = 2*x"], None, ValueError,
     r"forms\[0\] 'x - y' and forms\[1\] '2\*y = 2\*x' are the same hyperplane.*dedupe=True"),
    (["x + z"], ["x", "y"], ValueError, "unknown name 'z'"),
    ([x + z], ["x", "y"], ValueError, "uses z, which is not among the variables x, y"),
    ([], None, ValueError, "no forms and no variables"),
    (["x"], ["x", "x"], ValueError, "lists 'x' more than once"),
    (["x"], ["2x"], ValueError, "not a name the expression reader accepts"),
    (["x"], "x", TypeError, "not the string"),
    ([sympy.Float(0.5) * x], None, TypeError, "float"),
    ([sympy.sqrt(2) * x], None, TypeError, "not a rational number"),
    ([sympy.Eq(x, x)], None, ValueError, "decided before it reached here"),
    ([True], None, ValueError, "decided before it reached here"),
    ([[1, 2]], None, TypeError, r"forms\[0\]"),
])
def test_errors(forms, variables, error, message):
    with pytest.raises(error, match=message):
        Arrangement.from_forms(forms, variables)


@pytest.mark.parametrize("payload", [
    "__import__('os').system('echo hi')",
    "x.__class__",
    "open('/etc/passwd')",
    "lambda: 0",
    "x; import os",
    "exec('1')",
    "x[0]",
    "'x'",
    "x if y else z",
])
def test_payload_strings_are_value_errors(payload):
    with pytest.raises(ExpressionError):
        Arrangement.from_forms([payload])
    with pytest.raises(ValueError):
        Arrangement.from_forms(["x", payload], variables=["x", "y", "z"])


def test_dedupe_merges_like_the_matrix_constructor():
    A = Arrangement.from_forms(["x - y", "x + y", "2*y = 2*x"], dedupe=True)
    assert A == Arrangement([[1, -1], [1, 1], [-2, 2]], dedupe=True) and len(A) == 2


def test_names_on_the_matrix_constructor():
    A = Arrangement([[1, 0], [0, 1]], offsets=[0, 1], variables=["p", "q"])
    assert A.variables == ("p", "q")
    assert A.equations() == ("p = 0", "q = 1")
    with pytest.raises(ValueError, match="variables has 1 names but the ambient dimension is 2"):
        Arrangement([[1, 0]], variables=["p"])
    with pytest.raises(ValueError, match="not a name"):
        Arrangement([[1]], variables=["__p"])
    assert Arrangement([[1, 0]]).variables is None


# -- names in the output --------------------------------------------------------------------------------
def test_names_in_str_latex_and_exports():
    A = Arrangement.from_forms(["w1 - 2*w2 + b = 1/2", "b"], variables=["w1", "w2", "b"])
    assert repr(A) == "Arrangement of 2 hyperplanes in Q^3"
    assert str(A).splitlines() == ["Arrangement of 2 hyperplanes in Q^3", "  H0: w1 - 2*w2 + b = 1/2",
                                   "  H1: b = 0"]
    assert A._repr_latex_() == r"$\begin{array}{l} w_{1} - 2w_{2} + b = \tfrac{1}{2} \\ b = 0 \end{array}$"
    assert A.to_sage().splitlines() == ["H = HyperplaneArrangements(QQ, ('w1', 'w2', 'b'))",
                                        "w1, w2, b = H.gens()", "A = H(w1 - 2*w2 + b - 1/2, b)"]
    assert A.to_macaulay2().splitlines()[1:] == ["R = QQ[w1, w2, b]",
                                                 "A = arrangement({w1 - 2*w2 + b - 1/2, b}, R)"]


def test_plot_axis_labels():
    pytest.importorskip("matplotlib")
    from exactgeom import plot

    ax = plot.arrangement(Arrangement.from_forms(["u - v", "u + v - 1"]))
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("u", "v")


def test_names_survive_pickling():
    A = pickle.loads(pickle.dumps(threshold(2)))
    assert A == threshold(2) and A.variables == ("w1", "w2", "b")


def test_names_do_not_take_part_in_equality():
    A, B = Arrangement.from_forms(["x"]), Arrangement.from_forms(["y"])
    assert A == B and hash(A) == hash(B) and A.variables != B.variables
    assert braid(3) == Arrangement(braid(3).normals) and braid(3).variables == ("x1", "x2", "x3")


# -- library families name their coordinates -------------------------------------------------------------
@pytest.mark.parametrize("family", [braid, shi, catalan, linial, semiorder, coordinate, resonance])
def test_library_names_x(family):
    assert family(3).variables == ("x1", "x2", "x3")


def test_library_names_threshold_and_graphical():
    assert threshold(3).variables == ("w1", "w2", "w3", "b")
    assert threshold(0).variables == ("b",)
    assert graphical(nx.cycle_graph(3)).variables == ("x_0", "x_1", "x_2")
    assert graphical(nx.path_graph(["u", "v"])).variables == ("x_u", "x_v")
    assert graphical(nx.grid_2d_graph(2, 2)).variables is None          # tuple nodes: no names
    assert generic(3, 2, seed=0).variables is None
    assert braid(4).symmetry_group().order() == 24       # the family's group is still attached
    assert threshold(2).symmetry_group().order() == 8


# -- round trips --------------------------------------------------------------------------------------
ROUND_TRIP = [
    braid(4), shi(3), threshold(2), coordinate(1), graphical(nx.path_graph(3)),
    Arrangement([["1/2", -3, 0], [0, 0, 7]], offsets=["-5/3", 2]),
    Arrangement.from_forms(["alpha - beta_2 = -1/3", "gamma"]),
    Arrangement([], dimension=2, variables=["s", "t"]),
]


@pytest.mark.parametrize("A", ROUND_TRIP, ids=repr)
def test_round_trip_through_text(A):
    names = A.variables or [f"x{j + 1}" for j in range(A.dimension)]
    B = Arrangement.from_forms(A.equations(), variables=names)
    assert B == A and B.normals == A.normals and B.offsets == A.offsets
    lines = [line.split(": ", 1)[1] for line in str(A).splitlines()[1:]]
    assert Arrangement.from_forms(lines, variables=B.variables) == A


# -- derived arrangements keep names where they mean the same coordinates ----------------------------------
def _substitute(A, values):
    """The forms of A (as sympy expressions in its names) with some variables replaced."""
    symbols = sympy.symbols(A.variables)
    forms = [sum(a * s for a, s in zip(normal, symbols)) - c for normal, c in A.hyperplanes()]
    return [sympy.expand(f.subs(values)) for f in forms]


@pytest.mark.parametrize("A", [braid(4), shi(3), threshold(2),
                               Arrangement.from_forms(["u + v", "u + v = 1", "w"])])
def test_essentialization_is_the_trace_on_the_pivot_coordinates(A):
    E = A.essentialization()
    dropped = {sympy.Symbol(n): 0 for n in A.variables if n not in E.variables}
    assert Arrangement.from_forms(_substitute(A, dropped), variables=E.variables) == E


@pytest.mark.parametrize("A, i", [(braid(4), 0), (shi(3), 1), (threshold(2), 3),
                                  (Arrangement.from_forms(["2*u - v = 1", "v", "u = 3", "2*u - v = 5"]), 0)])
def test_restriction_is_in_the_other_coordinates(A, i):
    R = A.restriction(i)
    normal, c = A.hyperplanes()[i]
    pivot = next(j for j, v in enumerate(normal) if v)
    symbols = sympy.symbols(A.variables)
    solved = (c - sum(a * s for j, (a, s) in enumerate(zip(normal, symbols)) if j != pivot)) / normal[pivot]
    forms = [f for k, f in enumerate(_substitute(A, {symbols[pivot]: solved})) if k != i and f.free_symbols]
    assert R.variables == A.variables[:pivot] + A.variables[pivot + 1:]
    assert Arrangement.from_forms(forms, variables=R.variables, dedupe=True) == R


def test_deletion_and_cone_names():
    A = Arrangement.from_forms(["x - y", "y = 1"])
    assert A.deletion(0).variables == ("x", "y")
    C = A.cone()
    assert C.variables == ("x", "y", "t")
    assert C == Arrangement.from_forms(["x - y", "y - t", "t"], variables=["x", "y", "t"])
    assert Arrangement.from_forms(["t + x"]).cone().variables == ("t", "x", "t0")
    assert Arrangement([[1]], offsets=[1]).cone().variables is None
    assert Arrangement([[1]], offsets=[1]).cone(variable="x0").variables == ("x1", "x0")
    with pytest.raises(ValueError, match="more than once"):
        A.cone(variable="x")


# -- signatures are spelled out ---------------------------------------------------------------------------
PUBLIC_METHODS = [name for name, member in inspect.getmembers(Arrangement)
                  if not name.startswith("_") and callable(member)]


def test_there_are_public_methods():
    expected = {"regions", "faces", "num_regions", "characteristic_polynomial", "from_forms", "equations"}
    assert expected <= set(PUBLIC_METHODS)


@pytest.mark.parametrize("name", PUBLIC_METHODS)
def test_public_method_signature_and_docstring(name):
    method = getattr(Arrangement, name)
    parameters = list(inspect.signature(method).parameters.values())
    assert all(p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL) for p in parameters), name
    doc = inspect.getdoc(method) or ""
    assert doc, name
    for p in parameters:
        if p.name not in ("self", "cls"):
            assert p.name in doc, f"{name}: parameter {p.name} is not in the docstring"


def test_decimals_in_text_are_exact():
    # text input reads finite decimals exactly (conventions.md); a Python float stays a TypeError
    A = Arrangement.from_forms(["0.5*x + y", "x - 1e-3"])
    assert A.normals == ((Fraction(1, 2), Fraction(1)), (Fraction(1), Fraction(0)))
    assert A.offsets == (Fraction(0), Fraction(1, 1000))

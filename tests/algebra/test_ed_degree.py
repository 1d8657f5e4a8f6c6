"""ED degrees against the literature values of REFERENCE.md §5 and closed formulas.

Independent sources: DHOST closed forms (general hypersurfaces e Σ (e−1)^i, Eckart–Young
C(min(m,n), r), rational normal curves 3e − 2, 2×n rank one 4n − 2), the circle values of
Kohn's lectures, the lightning quartic's 14 and the table of critical sets for degenerate Q
(Kohn, Algebraic neural network theory), and the two formulations (rank minors vs. Lagrange
with the Jacobian in x only) and the two engines against each other.
"""

from __future__ import annotations

import random

import pytest
import sympy as sp

from exactgeom.algebra import CriticalSet, critical_set, ed_degree, variety_dimension
from exactgeom.algebra.engines import available_engines
from exactgeom.certificates import verify
from literature import LIGHTNING_QUARTIC as LIGHTNING
from literature import Y

ENGINES = available_engines()
FAST = [e for e in ENGINES if e != "sympy"]  # f4 always, msolve when installed

x, y, z = sp.symbols("x y z")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("formulation", ["lagrange", "minors"])
def test_circle(engine, formulation):
    circle = [x**2 + y**2 - 1]
    assert ed_degree(circle, [x, y], Q=sp.eye(2), engine=engine, formulation=formulation).value == 2
    assert ed_degree(circle, [x, y], Q=[[4, 0], [0, 1]], engine=engine, formulation=formulation).value == 4


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("degree,nvars", [(2, 2), (3, 2), (2, 3), (4, 2)])
def test_general_hypersurface(engine, degree, nvars):
    rng = random.Random(degree * 10 + nvars)
    variables = sp.symbols(f"v1:{nvars + 1}")
    # sorted: itermonomials returns a set, whose order (and so f) would depend on PYTHONHASHSEED
    monomials = sorted(sp.itermonomials(variables, degree), key=sp.default_sort_key)
    f = sum(rng.randint(-9, 9) * m for m in monomials)
    expected = degree * sum((degree - 1) ** i for i in range(nvars))
    assert ed_degree([f], variables, engine=engine, seed=degree).value == expected


@pytest.mark.parametrize("engine", ENGINES)
def test_rank_one_2x2_matrices(engine):
    a, b, c, d = sp.symbols("a b c d")
    det = [a * d - b * c]
    assert ed_degree(det, [a, b, c, d], Q=sp.eye(4), engine=engine).value == 2  # Eckart–Young C(2,1)
    assert ed_degree(det, [a, b, c, d], engine=engine, seed=3).value == 6  # 4n − 2, n = 2
    assert ed_degree(det, [a, b, c, d], engine=engine, seed=3, formulation="minors").value == 6


@pytest.mark.parametrize("engine", ENGINES)
def test_affine_twisted_cubic_curve(engine):
    # (t, t^2, t^3): critical points of a degree-6 polynomial in t, so 5 for generic Q
    assert ed_degree([y - x**2, z - x**3], [x, y, z], engine=engine).value == 5


@pytest.mark.parametrize("engine", FAST)
def test_cone_over_rational_normal_curve(engine):
    a, b, c, d = sp.symbols("a b c d")
    cone = [b * b - a * c, b * c - a * d, c * c - b * d]
    assert ed_degree(cone, [a, b, c, d], engine=engine).value == 7  # 3e − 2, e = 3


@pytest.mark.parametrize("engine", FAST)
def test_rank_one_2x3_matrices(engine):
    v = sp.symbols("a b c d e f")
    a, b, c, d, e, f = v
    minors = [a * e - b * d, a * f - c * d, b * f - c * e]
    assert ed_degree(minors, v, Q=sp.eye(6), engine=engine).value == 2
    assert ed_degree(minors, v, engine=engine).value == 10


@pytest.mark.parametrize("engine", FAST)
@pytest.mark.parametrize("formulation", ["lagrange", "minors"])
def test_lightning_quartic_generic_Q(engine, formulation):
    assert ed_degree([LIGHTNING], Y, engine=engine, formulation=formulation).value == 14


def _psd(rank, rng, n=6):
    B = [[rng.randint(-3, 3) for _ in range(n)] for _ in range(rank)]
    return [[sum(B[r][i] * B[r][j] for r in range(rank)) for j in range(n)] for i in range(n)]


# Kohn, Algebraic neural network theory: k = dim ker Q -> 14 points; 4 points + a curve; a surface;
# dimension 3; dimension 4
DEGENERATE_TABLE = {
    1: [(0, None), (0, None)],
    2: [(1, None), (0, 4)],
    3: [(2, None), (-1, 0)],
    4: [(3, None), (-1, 0)],
    5: [(4, None), (-1, 0)],
}


@pytest.mark.parametrize(
    "engine,k",
    [
        pytest.param(e, k, marks=[pytest.mark.slow] if (e == "f4" and k > 2) else [])
        for e in FAST
        for k in DEGENERATE_TABLE
    ],
)
def test_lightning_degenerate_Q_table(engine, k):
    parts = DEGENERATE_TABLE[k]
    r = critical_set([LIGHTNING], Y, Q=_psd(6 - k, random.Random(k)), engine=engine)
    assert isinstance(r, CriticalSet) and r.kernel_dimension == k
    zero_loss, rest = r.part("zero-loss"), r.part("rest")
    assert zero_loss.dimension == parts[0][0]
    assert rest.dimension == parts[1][0]
    if parts[1][1] is not None:
        assert rest.degree == parts[1][1]
    if k == 1:
        assert zero_loss.degree + rest.degree == 14


def test_degenerate_Q_on_the_circle():
    # Q = diag(1, 0): distance |x - u1|; zero-loss points: the 2 points of the circle with x = u1
    r = critical_set([x**2 + y**2 - 1], [x, y], Q=[[1, 0], [0, 0]], u=[sp.Rational(1, 3), 5], engine="sympy")
    assert r.part("zero-loss").dimension == 0 and r.part("zero-loss").degree == 2
    # the rest: the ramification points x = ±1 of the projection to the x-axis
    assert r.part("rest").dimension == 0 and r.part("rest").degree == 2


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="not positive semidefinite"):
        ed_degree([x**2 + y**2 - 1], [x, y], Q=[[1, 0], [0, -1]])
    with pytest.raises(ValueError, match="symmetric"):
        ed_degree([x**2 + y**2 - 1], [x, y], Q=[[1, 1], [0, 1]])
    with pytest.raises(TypeError, match="float"):
        ed_degree([x**2 + y**2 - 0.5], [x, y])
    with pytest.raises(ValueError, match="positive-dimensional"):
        ed_degree([x**2 + y**2 - 1], [x, y], Q=sp.eye(2), u=[0, 0], formulation="minors", engine="sympy")


def test_result_reports_seed_engine_and_primes():
    r = ed_degree([x**2 + y**2 - 1], [x, y], engine="sympy", seed=7)
    assert r.seed == 7 and r.engine == "sympy" and len(r.primes) == 2 and "probabilistic" in r.method
    assert r.value == 4


def test_variety_dimension():
    a, b, c = sp.symbols("a b c")
    assert variety_dimension([a * b], [a, b, c], engine="sympy") == 2
    assert variety_dimension([a, b, c - 1], [a, b, c], engine="sympy") == 0
    assert variety_dimension([a, a - 1], [a, b, c], engine="sympy") == -1


@pytest.mark.parametrize("engine", ENGINES)
def test_squared_circle_takes_the_radical(engine):
    # (x^2 + y^2 - 1)^2 = 0 is the circle: its ED degree is the circle's, never a silent 0
    r = ed_degree([(x**2 + y**2 - 1) ** 2], [x, y], Q=sp.eye(2), engine=engine)
    assert r.value == 2 and "squarefree part" in r.method
    assert sp.expand(r.equations[0] - (x**2 + y**2 - 1)) == 0
    assert ed_degree([3 * (x - 1) ** 3 * (y + 2) ** 2], [x, y], engine=engine).value == 2  # two lines


def test_non_reduced_ideal_is_refused():
    # (x^2, y - z) is the line x = 0, y = z in C^3 counted twice: not radical at any of its points
    with pytest.raises(ValueError, match="radical"):
        ed_degree([x**2, y - z], [x, y, z], engine="f4")
    with pytest.raises(ValueError, match="radical"):
        ed_degree([x**2, y - z], [x, y, z], engine="f4", codimension=2)


def test_edge_cases_have_exact_answers():
    assert ed_degree([], [x, y], Q=sp.eye(2)).value == 1  # X = C^n: u itself
    assert ed_degree([0], [x, y], Q=sp.eye(2)).value == 1
    empty = ed_degree([1], [x, y], Q=sp.eye(2))
    assert empty.value == 0 and empty.codimension == 3
    assert ed_degree([x, x - 1], [x, y], engine="f4").value == 0  # the unit ideal
    with pytest.raises(ValueError, match="u lies on X"):
        ed_degree([x**2 + y**2 - 1], [x, y], u=[1, 0], formulation="minors", engine="f4")


@pytest.mark.parametrize("engine", FAST)
def test_ed_certificate_of_a_space_curve_checks(engine):
    cubic = [y - x**2, z - x**3]
    r = ed_degree(cubic, [x, y, z], engine=engine)
    cert = r.certificate(cubic, [x, y, z])
    v = verify(cert)
    assert r.value == 5 and cert["claim"]["codimension"] == 2 and v.status == "consistent"
    assert "at least 5 distinct smooth critical points" in v.message


def test_singular_Q_is_refused_by_ed_degree_and_named():
    with pytest.raises(ValueError, match=r"critical_set\(\)"):
        ed_degree([x**2 + y**2 - 1], [x, y], Q=[[1, 0], [0, 0]], u=[3, 4], engine="f4")

"""Matroid invariants, the Orlik–Solomon algebra, freeness and the Sage/Macaulay2 exports.

Independent sources used here:
- χ_A and π_A from the lattice module (flats + Möbius function, a different algorithm from the
  subset sums and NBC enumeration of matroid.py);
- closed forms: braid χ = Π(t − k), π = Π(1 + kt); coordinate T = x^n; generic arrangements;
- networkx's ``tutte_polynomial`` of a graph (deletion–contraction) for graphical arrangements;
- brute-force bases and circuits from all subsets with sympy ranks;
- the Orlik–Solomon ideal spanned explicitly in each degree of the exterior algebra (linear
  algebra), against the NBC straightening used for products;
- a small parser of the exported Sage and Macaulay2 text (no eval).
"""

from __future__ import annotations

import itertools
import math
import random
import re
from fractions import Fraction

import flint
import networkx as nx
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactgeom import Arrangement
from exactgeom.arrangements import matroid as mat
from exactgeom.arrangements.orlik_solomon import OrlikSolomonAlgebra, _boundary
from exactgeom.errors import TooLarge
from exactgeom.library import braid, catalan, coordinate, generic, graphical, resonance, shi, threshold

t, x, y = sympy.symbols("t x y")


def chi_from_tutte(A) -> sympy.Expr:
    r, d = A.rank, A.dimension
    T = A.tutte_polynomial()
    return sympy.expand((-1) ** r * t ** (d - r) * T.subs({x: 1 - t, y: 0}))


EXAMPLES = [
    braid(3), braid(4), braid(5), shi(3), catalan(3), coordinate(4), threshold(2), threshold(3),
    resonance(3), generic(5, 2, seed=1), generic(4, 3, seed=2), generic(5, 3, seed=3, central=True),
    Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1]),
    Arrangement([[1], [1], [1]], offsets=[0, 1, 2]),
    Arrangement([[1, 1, 0], [2, 2, 0], [0, 0, 1]], offsets=[0, 1, 0]),
    Arrangement([], dimension=2),
]


# -- Tutte polynomial ------------------------------------------------------------------------------
@pytest.mark.parametrize("A", EXAMPLES, ids=repr)
def test_tutte_gives_the_characteristic_polynomial_of_the_lattice(A):
    assert chi_from_tutte(A) == A.characteristic_polynomial().as_expr()


@pytest.mark.parametrize("A", EXAMPLES, ids=repr)
def test_tutte_counts_regions_and_bounded_regions(A):
    T = A.tutte_polynomial()
    assert T.subs({x: 2, y: 0}) == A.num_regions()
    if A.is_central() and len(A):
        return
    assert T.subs({x: 0, y: 0}) == A.num_bounded_regions()


@pytest.mark.parametrize("n", [2, 3, 4, 5, pytest.param(6, marks=pytest.mark.slow)])
def test_braid_tutte_closed_form_of_chi(n):
    expected = sympy.expand(sympy.prod([t - k for k in range(n)]))
    assert chi_from_tutte(braid(n)) == expected


@pytest.mark.parametrize(
    "G",
    [nx.cycle_graph(5), nx.complete_graph(4), nx.complete_graph(5), nx.house_graph(), nx.bull_graph(),
     nx.path_graph(4), nx.wheel_graph(5), nx.gnm_random_graph(6, 9, seed=4)],
    ids=["C5", "K4", "K5", "house", "bull", "P4", "W5", "G(6,9)"],
)
def test_graphical_tutte_matches_networkx(G):
    assert sympy.expand(graphical(G).tutte_polynomial() - nx.tutte_polynomial(G)) == 0


def test_coordinate_and_generic_closed_forms():
    assert coordinate(4).tutte_polynomial() == x**4
    # N generic central hyperplanes in Q^d (uniform matroid U_{d,N}).
    A = generic(5, 3, seed=3, central=True)
    U = sum((x - 1) ** (3 - min(k, 3)) * (y - 1) ** (k - min(k, 3)) * math.comb(5, k) for k in range(6))
    assert sympy.expand(A.tutte_polynomial() - U) == 0


def test_tutte_variables_and_refusal():
    u, v = sympy.symbols("u v")
    assert braid(3).tutte_polynomial(variables=("u", "v")) == u**2 + u + v
    with pytest.raises(ValueError, match="two names"):
        braid(3).tutte_polynomial(variables=("x",))
    with pytest.raises(TooLarge) as info:
        threshold(5).tutte_polynomial()           # 2^32 subsets, refused before any rank test
    assert info.value.estimate == 2**32 and info.value.unit == "rank tests"
    with pytest.raises(TooLarge):
        mat.tutte_polynomial(generic(8, 2, seed=1), max_rank_tests=100)


# -- matroid: bases and circuits against brute force ----------------------------------------------
def brute_bases_circuits(vectors):
    n = len(vectors)

    def rk(S):
        return sympy.Matrix([list(vectors[i]) for i in S]).rank() if S else 0

    r = rk(range(n))
    subsets = [S for k in range(n + 1) for S in itertools.combinations(range(n), k)]
    ranks = {S: rk(S) for S in subsets}
    bases = sorted(S for S in subsets if len(S) == r and ranks[S] == r)
    dependent = [S for S in subsets if ranks[S] < len(S)]
    circuits = [S for S in dependent if all(ranks[S[:k] + S[k + 1:]] == len(S) - 1 for k in range(len(S)))]
    return bases, sorted(circuits, key=lambda C: (len(C), C))


@pytest.mark.parametrize("A", [braid(4), resonance(3), threshold(2), generic(4, 2, seed=5),
                               Arrangement([[1, 0], [0, 1]], offsets=[0, 1]),
                               Arrangement([[1, 0], [1, 0], [0, 1]], offsets=[0, 1, 0])], ids=repr)
def test_bases_and_circuits_match_brute_force(A):
    M = A.matroid()
    bases, circuits = brute_bases_circuits(M.vectors)
    assert list(M.bases) == bases
    assert list(M.circuits) == circuits
    assert M.rank == (A.rank if A.is_central() else A.rank + 1)


def test_affine_matroid_is_the_cone_matroid():
    A = Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1])
    M = A.matroid()
    assert M == A.cone().matroid() and len(M) == len(A) + 1
    # Its Tutte polynomial is that of the cone, whose χ is (t − 1) χ_A.
    T = M.tutte_polynomial()
    chi_cone = sympy.expand((-1) ** M.rank * t ** (3 - M.rank) * T.subs({x: 1 - t, y: 0}))
    assert chi_cone == sympy.expand((t - 1) * A.characteristic_polynomial().as_expr())


def test_matroid_exports():
    M = braid(3).matroid()
    assert M.to_dict() == {"groundset": [0, 1, 2], "rank": 2, "bases": [[0, 1], [0, 2], [1, 2]]}
    text = M.to_sage()
    rows = [[int(v) for v in row.split(",")] for row in re.findall(r"\[([-\d, ]+)\]", text)]
    assert [tuple(col) for col in zip(*rows)] == [tuple(int(v) for v in a) for a in braid(3).normals]
    G = nx.petersen_graph()
    H = graphical(G).matroid().to_networkx()
    assert nx.is_isomorphic(G, H)
    assert sorted(d["element"] for *_, d in H.edges(data=True)) == list(range(15))
    with pytest.raises(ValueError, match="not a multiple of"):
        resonance(3).matroid().to_networkx()


def test_matroid_subset_queries_validate():
    M = braid(4).matroid()
    assert M.rank_of([]) == 0 and M.rank_of([0, 1, 3]) == 2 and M.is_independent([0, 1, 2])
    with pytest.raises(ValueError, match="ground set"):
        M.rank_of([6])
    assert repr(coordinate(1).matroid()) == "Matroid of rank 1 on 1 element"


# -- NBC sets ----------------------------------------------------------------------------------
@pytest.mark.parametrize("A", EXAMPLES, ids=repr)
def test_nbc_counts_are_the_whitney_numbers(A):
    counts = [0] * (A.rank + 1)
    for S in A.nbc_sets():
        counts[len(S)] += 1
    assert tuple(counts) == tuple(abs(w) for w in A.whitney_numbers())


def test_nbc_sets_contain_no_broken_circuit():
    M = braid(5).matroid()
    broken = [set(B) for B in M.broken_circuits()]
    nbc = M.nbc_sets()
    assert nbc == braid(5).nbc_sets()
    assert all(not any(B <= set(S) for B in broken) for S in nbc)
    independent = [S for k in range(5) for S in itertools.combinations(range(10), k) if M.is_independent(S)]
    assert sorted(nbc) == sorted(S for S in independent if not any(B <= set(S) for B in broken))


def test_nbc_budget():
    with pytest.raises(TooLarge, match="max_rank_tests=50"):
        mat.nbc_sets(braid(5), max_rank_tests=50)


small = st.integers(-2, 2)


@st.composite
def arrangements(draw):
    d = draw(st.integers(1, 3))
    n = draw(st.integers(0, 6))
    normals = [draw(st.lists(small, min_size=d, max_size=d).filter(any)) for _ in range(n)]
    central = draw(st.booleans())
    offsets = [0 if central else draw(st.integers(-1, 1)) for _ in range(n)]
    return Arrangement(normals, offsets, dimension=d, dedupe=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arrangements())
def test_random_nbc_tutte_and_orlik_solomon_agree_with_the_lattice(A):
    w = A.whitney_numbers()
    counts = [0] * (A.rank + 1)
    for S in A.nbc_sets():
        counts[len(S)] += 1
    assert tuple(counts) == tuple(abs(v) for v in w)
    assert chi_from_tutte(A) == A.characteristic_polynomial().as_expr()
    assert A.orlik_solomon_algebra().hilbert_series() == A.poincare_polynomial()


# -- Orlik–Solomon algebra -------------------------------------------------------------------------
@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_braid_hilbert_series_closed_form(n):
    expected = sympy.expand(sympy.prod([1 + k * t for k in range(n)]))
    assert braid(n).orlik_solomon_algebra().hilbert_series().as_expr() == expected


@pytest.mark.parametrize("A", EXAMPLES, ids=repr)
def test_hilbert_series_is_the_poincare_polynomial(A):
    assert A.orlik_solomon_algebra().hilbert_series() == A.poincare_polynomial()


def ideal_in_degree(OS, k):
    """Rows spanning I(A)_k in the basis of k-subsets: e_T ∧ g for the generators g, all T."""
    n = len(OS.arrangement)
    monomials = list(itertools.combinations(range(n), k))
    index = {S: i for i, S in enumerate(monomials)}
    generators = [_boundary(C) for C in OS.circuits] + [{S: 1} for S in OS.obstructions]
    rows = []
    for g in generators:
        degree = len(next(iter(g)))
        if degree > k:
            continue
        for T in itertools.combinations(range(n), k - degree):
            row = [0] * len(monomials)
            for S, c in g.items():
                if set(S) & set(T):
                    continue
                sign = (-1) ** sum(1 for a in T for b in S if a > b)
                row[index[tuple(sorted(T + S))]] += sign * c
            if any(row):
                rows.append(row)
    return monomials, index, rows


@pytest.mark.parametrize("A", [braid(4), shi(3), generic(4, 2, seed=1), resonance(3), threshold(2),
                               Arrangement([[1, 0], [0, 1], [1, 1], [1, -1]], offsets=[0, 0, 1, 1])],
                         ids=repr)
def test_straightening_agrees_with_the_ideal_by_linear_algebra(A):
    OS = A.orlik_solomon_algebra()
    for k in range(0, A.rank + 2):
        monomials, index, rows = ideal_in_degree(OS, k)
        rank_I = flint.fmpz_mat(rows).rank() if rows else 0
        assert len(monomials) - rank_I == len(OS.basis(k))
        # e_S minus its NBC expansion lies in I_k, for every monomial e_S of degree k.
        differences = []
        for S in monomials:
            v = [0] * len(monomials)
            v[index[S]] += 1
            for B, c in OS.monomial(S).coefficients().items():
                v[index[B]] -= c
            differences.append(v)
        assert flint.fmpz_mat(rows + differences).rank() == rank_I


def test_algebra_laws_on_random_elements():
    OS = shi(3).orlik_solomon_algebra()
    rng = random.Random(7)
    gens = OS.gens()

    def element():
        terms = [rng.randint(-2, 2) * OS.monomial(S) for S in OS.basis() if rng.random() < 0.4]
        return sum(terms, OS.one() * 0)

    for _ in range(5):
        a, b, c = element(), element(), element()
        assert (a * b) * c == a * (b * c)
        assert a * (b + c) == a * b + a * c
    for i, j in itertools.combinations(range(len(gens)), 2):
        assert gens[i] * gens[j] == -(gens[j] * gens[i])
        assert gens[i] * gens[i] == 0
    assert all(OS.reduce(r) == 0 for r in OS.relations())
    assert Fraction(1, 2) * gens[0] + gens[0] * Fraction(1, 2) == gens[0]


def test_affine_orlik_solomon_relations_and_cone():
    A = Arrangement([[1], [1], [1]], offsets=[0, 1, 2])          # three points on a line
    OS = A.orlik_solomon_algebra()
    assert OS.circuits == () and OS.obstructions == ((0, 1), (0, 2), (1, 2))
    assert OS.basis() == ((), (0,), (1,), (2,)) and OS.gen(0) * OS.gen(1) == 0
    cone = A.cone().orlik_solomon_algebra()
    assert cone.hilbert_series().as_expr() == sympy.expand((1 + t) * OS.hilbert_series().as_expr())


def test_orlik_solomon_repr_and_errors():
    OS = braid(3).orlik_solomon_algebra()
    assert repr(OS) == "Orlik-Solomon algebra of an arrangement of 3 hyperplanes (dimensions 1, 3, 2)"
    assert repr(2 * OS.gen(0) - Fraction(1, 3) * OS.gen(1) + 1) == "1 + 2*OS{0} - 1/3*OS{1}"
    with pytest.raises(IndexError):
        OS.gen(3)
    with pytest.raises(ValueError, match="different"):
        OS.gen(0) + braid(3).orlik_solomon_algebra().gen(0)
    with pytest.raises(TooLarge):
        OrlikSolomonAlgebra(braid(5), max_rank_tests=100)


# -- freeness --------------------------------------------------------------------------------------
@pytest.mark.parametrize("A", [braid(2), braid(3), braid(4), braid(5), coordinate(3), coordinate(4),
                               shi(2).cone(), shi(3).cone(), shi(4).cone(),
                               Arrangement([[1, 0, 0], [0, 1, 0], [1, 1, 0], [1, 2, 0]]),
                               Arrangement([[1, 0], [0, 1]], offsets=[1, 1])], ids=repr)
def test_exponents_factor_the_characteristic_polynomial(A):
    assert A.is_free()
    exponents = A.exponents()
    assert len(exponents) == A.dimension and sum(exponents) == len(A)
    assert sympy.expand(sympy.prod([t - e for e in exponents])) == A.characteristic_polynomial().as_expr()


def test_freeness_refusals():
    assert not Arrangement([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]]).is_free()   # Saito's criterion
    with pytest.raises(ValueError, match="central"):
        shi(3).is_free()
    assert "braid" in braid(4).freeness().method


# -- exports, read back by a small parser ------------------------------------------------------
TERM = re.compile(r"\s*([+-])?\s*(?:(\d+(?:/\d+)?)\s*\*?\s*)?([A-Za-z_]\w*)?\s*")


def parse_form(text, names):
    """A linear form 'c1*x1 - x2 + 3' as (normal, offset) with a · x = offset."""
    normal = [Fraction(0)] * len(names)
    constant = Fraction(0)
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = TERM.match(text, pos)
        assert m and m.end() > pos, f"cannot read {text[pos:]!r}"
        sign = -1 if m.group(1) == "-" else 1
        coef = Fraction(m.group(2)) if m.group(2) else Fraction(1)
        if m.group(3):
            normal[names.index(m.group(3))] += sign * coef
        else:
            assert m.group(2), f"empty term in {text!r}"
            constant += sign * coef
        pos = m.end()
    return normal, -constant


def split_top_level(body):
    return [part.strip() for part in body.split(",")] if body.strip() else []


def parse_sage(text):
    lines = text.splitlines()
    names = re.fullmatch(r"H = HyperplaneArrangements\(QQ, \((.*)\)\)", lines[0]).group(1)
    names = [v.strip().strip("'") for v in names.split(",") if v.strip()]
    assert re.fullmatch(r"(.*) = H\.gens\(\)", lines[1]).group(1).rstrip(",").split(", ") == names
    body = re.fullmatch(r"A = H\((.*)\)", lines[2]).group(1)
    return names, [parse_form(f, names) for f in split_top_level(body)]


def parse_macaulay2(text):
    lines = text.splitlines()
    assert lines[0] == 'needsPackage "HyperplaneArrangements"'
    names = re.fullmatch(r"R = QQ\[(.*)\]", lines[1]).group(1).split(", ")
    body = re.fullmatch(r"A = arrangement\(\{(.*)\}, R\)", lines[2]).group(1)
    return names, [parse_form(f, names) for f in split_top_level(body)]


ROUND_TRIP = [
    braid(4), shi(3), threshold(2), coordinate(1),
    Arrangement([["1/2", -3, 0], [0, 0, 7]], offsets=["-5/3", 2]),
    Arrangement([[1]], offsets=[-1]),
    Arrangement([], dimension=2),
]


@pytest.mark.parametrize("A", ROUND_TRIP, ids=repr)
@pytest.mark.parametrize("export, parse", [("to_sage", parse_sage), ("to_macaulay2", parse_macaulay2)])
def test_exports_round_trip(A, export, parse):
    names, forms = parse(getattr(A, export)())
    assert len(names) == A.dimension
    B = Arrangement([a for a, _ in forms], [c for _, c in forms], dimension=len(names))
    assert B == A


# -- reprs -----------------------------------------------------------------------------------------
def test_reprs_read_as_english():
    assert repr(Arrangement([[1, 0]])) == "Arrangement of 1 hyperplane in Q^2"
    assert repr(Arrangement([], dimension=3)) == "Arrangement of 0 hyperplanes in Q^3"
    A = Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, "1/2"])
    assert str(A).splitlines() == ["Arrangement of 3 hyperplanes in Q^2", "  H0: x1 = 0", "  H1: x2 = 0",
                                   "  H2: x1 + x2 = 1/2"]
    assert A.matrix() == sympy.Matrix([[1, 0, 0], [0, 1, 0], [1, 1, sympy.Rational(1, 2)]])


def test_notebook_reprs():
    chi = braid(3).characteristic_polynomial()
    assert chi._repr_latex_() == r"$\displaystyle t^{3} - 3 t^{2} + 2 t$"
    assert braid(3).poincare_polynomial()._repr_latex_() == r"$\displaystyle 2 t^{2} + 3 t + 1$"
    assert chi == sympy.Poly(t**3 - 3 * t**2 + 2 * t, t, domain="ZZ") and repr(chi).startswith("Poly(")


@pytest.mark.slow
def test_svg_repr_of_a_line_arrangement():
    pytest.importorskip("matplotlib")
    svg = Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1])._repr_svg_()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert braid(3)._repr_svg_() is None           # not a line arrangement

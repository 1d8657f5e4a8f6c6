"""Named families against closed forms (Stanley's lectures), chromatic polynomials and OEIS values."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import pytest
import sympy

from exactgeom import _exact
from exactgeom.arrangements import library
from exactgeom.library import (braid, catalan, coordinate, generic, graphical, linial, resonance, semiorder,
                               shi, threshold)

t = sympy.Symbol("t")
N = range(1, 7)


def poly(expr):
    return sympy.Poly(sympy.expand(expr), t, domain="ZZ")


@pytest.mark.parametrize("n", N)
def test_braid(n):
    A = braid(n)
    assert (A.dimension, len(A), A.rank) == (n, n * (n - 1) // 2, n - 1)
    assert A.characteristic_polynomial() == poly(sympy.prod([t - i for i in range(n)]))
    assert A.num_regions() == math.factorial(n)


@pytest.mark.parametrize("n", N)
def test_shi(n):
    assert shi(n).characteristic_polynomial() == poly(t * (t - n) ** (n - 1))
    assert shi(n).num_regions() == [1, 3, 16, 125, 1296, 16807][n - 1] == (n + 1) ** (n - 1)
    assert shi(n).num_bounded_regions() == (n - 1) ** (n - 1)


@pytest.mark.parametrize("n", N)
def test_catalan(n):
    assert catalan(n).characteristic_polynomial() == poly(t * sympy.prod([t - n - i for i in range(1, n)]))
    assert catalan(n).num_regions() == [1, 4, 30, 336, 5040, 95040][n - 1]
    assert catalan(n).num_regions() == math.factorial(n) * math.comb(2 * n, n) // (n + 1)


@pytest.mark.parametrize("n", N)
def test_linial(n):
    expected = t * sum(math.comb(n, k) * (t - k) ** (n - 1) for k in range(n + 1)) / 2**n
    assert linial(n).characteristic_polynomial() == poly(expected)
    assert linial(n).num_regions() == [1, 2, 7, 36, 246, 2104][n - 1]


@pytest.mark.parametrize("n", N)
def test_semiorder(n):
    assert semiorder(n).num_regions() == [1, 3, 19, 183, 2371, 38703][n - 1]


@pytest.mark.parametrize("n", N)
def test_coordinate(n):
    assert coordinate(n).characteristic_polynomial() == poly((t - 1) ** n)
    assert coordinate(n).num_regions() == 2**n


def proper_colorings(G, q):
    """Brute force: number of maps V -> [q] with different colors on every edge."""
    nodes = list(G.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    return sum(all(c[index[u]] != c[index[v]] for u, v in G.edges)
               for c in itertools.product(range(q), repeat=len(nodes)))


GRAPHS = [nx.path_graph(4), nx.cycle_graph(5), nx.complete_graph(4), nx.petersen_graph().subgraph(range(6)),
          nx.star_graph(4), nx.empty_graph(3), nx.wheel_graph(6), nx.gnm_random_graph(6, 8, seed=3)]


@pytest.mark.parametrize("G", GRAPHS)
def test_graphical_is_the_chromatic_polynomial(G):
    chi = graphical(G).characteristic_polynomial()
    assert chi == poly(nx.chromatic_polynomial(G).subs(sympy.Symbol("x"), t))
    assert all(chi.eval(q) == proper_colorings(G, q) for q in range(4))


def test_graphical_multigraph_and_self_loop():
    G = nx.MultiGraph([(0, 1), (1, 0), (1, 2)])
    assert len(graphical(G)) == 2
    with pytest.raises(ValueError, match="self-loop"):
        graphical(nx.Graph([(0, 0)]))
    with pytest.raises(ValueError, match="at least one node"):
        graphical(nx.Graph())


# OEIS A000609 and REFERENCE.md
THRESHOLD_REGIONS = [2, 4, 14, 104, 1882, 94572]
THRESHOLD_CHI = {2: [1, 4, 6, 3], 3: [1, 8, 28, 44, 23], 4: [1, 16, 120, 460, 820, 465],
                 5: [1, 32, 496, 4240, 19660, 43014, 27129]}


@pytest.mark.parametrize("n", range(0, 6))
def test_threshold_regions(n):
    A = threshold(n)
    assert (len(A), A.dimension) == (2**n, n + 1)
    assert A.num_regions() == THRESHOLD_REGIONS[n]


@pytest.mark.parametrize("n", sorted(THRESHOLD_CHI))
def test_threshold_chi_coefficients(n):
    coeffs = threshold(n).characteristic_polynomial().all_coeffs()
    assert [abs(c) for c in coeffs] == THRESHOLD_CHI[n]
    assert all(c * (-1) ** k > 0 for k, c in enumerate(coeffs))


@pytest.mark.parametrize("n", range(1, 6))
def test_resonance_regions(n):
    A = resonance(n)
    assert len(A) == 2**n - 1
    assert A.num_regions() == [2, 6, 32, 370, 11292][n - 1]


@pytest.mark.parametrize("num,dim,seed", [(4, 2, 0), (6, 2, 1), (6, 3, 2), (7, 3, 5), (5, 4, 7), (3, 3, 8)])
def test_generic_affine_formulas(num, dim, seed):
    A = generic(num, dim, seed=seed)
    assert len(A) == num and A.dimension == dim and not (num > dim and A.is_central())
    assert A.num_regions() == sum(math.comb(num, k) for k in range(dim + 1))
    assert A.num_bounded_regions() == math.comb(num - 1, dim)


@pytest.mark.parametrize("num,dim,seed", [(5, 2, 0), (6, 3, 1), (7, 3, 2), (6, 4, 3), (8, 3, 4)])
def test_cover_function_counting(num, dim, seed):
    """N points in general position in Q^d: C(N, d) = 2 Σ_{k<d} C(N-1, k) chambers."""
    A = generic(num, dim, seed=seed, central=True)
    assert A.is_central()
    assert A.num_regions() == 2 * sum(math.comb(num - 1, k) for k in range(dim))


def test_generic_is_in_general_position_and_reproducible():
    A = generic(5, 3, seed=11)
    assert A == generic(5, 3, seed=11) and A != generic(5, 3, seed=12)
    for S in itertools.combinations(range(5), 3):
        assert _exact.determinant([A.normals[i] for i in S]) != 0
    for S in itertools.combinations(range(5), 4):
        assert _exact.solve([A.normals[i] for i in S], [A.offsets[i] for i in S]) is None


@pytest.mark.parametrize("call", [lambda: braid(0), lambda: shi(-1), lambda: threshold(-1),
                                  lambda: catalan(2.0), lambda: resonance(True), lambda: generic(-1, 2),
                                  lambda: generic(3, 0), lambda: generic(3, 1, central=True)])
def test_bad_sizes(call):
    with pytest.raises(ValueError, match="needs"):
        call()


def test_library_is_reexported():
    import exactgeom as eg

    assert eg.library.threshold is library.threshold
    assert set(library.__all__) >= {"braid", "shi", "catalan", "linial", "semiorder", "coordinate",
                                    "graphical", "generic", "threshold", "resonance"}

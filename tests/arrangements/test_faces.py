"""Regions, faces, adjacency, f-vectors and region-list certificates, against independent sources.

Independent sources used here: closed forms and literature values (REFERENCE.md §1), Zaslavsky's
theorem through the characteristic polynomial (lattice.py, a Möbius-function computation), brute
force over all sign vectors with one NNC emptiness test each, one LP per (region, hyperplane) for
facets, the Euler relation, the restriction formula f_k = Σ_{dim X = k} r(A^X), and the
standard-library certificate verifier.
"""

from __future__ import annotations

import copy
import itertools
import math
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from fractions import Fraction

import ppl
import pytest
from hypothesis import HealthCheck, given, settings

from exactgeom import Arrangement, _exact
from exactgeom.arrangements import faces as F
from exactgeom.certificates import verify
from exactgeom.library import (
    braid,
    catalan,
    coordinate,
    generic,
    linial,
    resonance,
    semiorder,
    shi,
    threshold,
)
from oracles.regions import sign_vector
from oracles.regions import small_arrangements as oracle_arrangements

# -- independent helpers -------------------------------------------------------------------------


def _expression(a, c, s):
    scale = math.lcm(*(v.denominator for v in (*a, c)))
    return ppl.Linear_Expression([int(s * v * scale) for v in a], int(-s * c * scale))


def _nonempty(A, strict, zero=()):
    """Whether {x : s f_i(x) > 0 for (i, s) in strict, f_i(x) = 0 for i in zero} is non-empty (NNC)."""
    P = ppl.NNC_Polyhedron(A.dimension, "universe")
    for i, s in strict:
        P.add_constraint(_expression(A.normals[i], A.offsets[i], s) > 0)
    for i in zero:
        P.add_constraint(_expression(A.normals[i], A.offsets[i], 1) == 0)
    return not P.is_empty()


def _brute_force_regions(A):
    n = len(A)
    return {s for s in itertools.product((1, -1), repeat=n) if _nonempty(A, list(enumerate(s)))}


def _stirling2(n, k):
    return sum((-1) ** j * math.comb(k, j) * (k - j) ** n for j in range(k + 1)) // math.factorial(k)


def _restriction_to_flat(A, S):
    """A^X for X = ∩_{i∈S} H_i (non-empty), in coordinates of X; None when empty."""
    rows = [A.normals[i] for i in S]
    p = _exact.solve(rows, [A.offsets[i] for i in S]) if S else (Fraction(0),) * A.dimension
    if p is None:
        return None
    N = _exact.nullspace(rows, A.dimension) if S else [
        tuple(Fraction(int(i == j)) for j in range(A.dimension)) for i in range(A.dimension)]
    contained = frozenset(i for i, (a, c) in enumerate(zip(A.normals, A.offsets))
                          if all(_exact.dot(a, v) == 0 for v in N) and _exact.dot(a, p) == c)
    normals, offsets = [], []
    for i, (a, c) in enumerate(zip(A.normals, A.offsets)):
        trace = [_exact.dot(a, v) for v in N]
        if i not in contained and any(trace):
            normals.append(trace)
            offsets.append(c - _exact.dot(a, p))
    return contained, Arrangement(normals, offsets, dimension=len(N), dedupe=True)


def _f_vector_by_restriction(A):
    """f_k = Σ over flats X of dimension k of r(A^X), with r from χ (Zaslavsky)."""
    f = [0] * (A.dimension + 1)
    seen = set()
    for size in range(len(A) + 1):
        for S in itertools.combinations(range(len(A)), size):
            out = _restriction_to_flat(A, S)
            if out is None or out[0] in seen:
                continue
            seen.add(out[0])
            f[out[1].dimension] += out[1].num_regions()
    return f


FAMILIES = [braid(3), braid(4), shi(3), catalan(3), linial(4), semiorder(3), coordinate(3), threshold(2),
            threshold(3), resonance(3), generic(6, 2, seed=1), generic(5, 3, seed=2),
            generic(5, 3, seed=4, central=True), Arrangement([[1, 0], [1, 0]], offsets=[0, 1]),
            Arrangement([], dimension=2)]

small_arrangements = oracle_arrangements(3, 5, 2)

# -- regions -------------------------------------------------------------------------------------


@pytest.mark.parametrize("A", FAMILIES, ids=repr)
def test_region_counts_match_zaslavsky(A):
    R = list(A.regions())
    assert len(R) == A.num_regions()
    assert sum(r.is_bounded() for r in R) == A.num_bounded_regions()
    assert len({r.sign_vector for r in R}) == len(R)


@pytest.mark.parametrize("family, values", [
    (threshold, {0: 2, 1: 4, 2: 14, 3: 104, 4: 1882}),
    (resonance, {1: 2, 2: 6, 3: 32, 4: 370}),
    (shi, {n: (n + 1) ** (n - 1) for n in range(1, 5)}),
    (catalan, {1: 1, 2: 4, 3: 30, 4: 336}),
    (linial, {1: 1, 2: 2, 3: 7, 4: 36, 5: 246}),
    (semiorder, {1: 1, 2: 3, 3: 19, 4: 183}),
    (braid, {n: math.factorial(n) for n in range(1, 6)}),
])
def test_region_counts_match_literature(family, values):
    for n, count in values.items():
        assert sum(1 for _ in family(n).regions()) == count, (family.__name__, n)


def test_bounded_counts_closed_forms():
    for n in range(2, 5):   # Shi: (n-1)^(n-1) bounded regions
        assert sum(R.is_bounded() for R in shi(n).regions()) == (n - 1) ** (n - 1)
    for num, dim in [(4, 2), (6, 2), (5, 3), (7, 3)]:   # generic: C(num - 1, dim)
        regions = list(generic(num, dim, seed=num).regions())
        assert len(regions) == sum(math.comb(num, k) for k in range(dim + 1))
        assert sum(R.is_bounded() for R in regions) == math.comb(num - 1, dim)


@pytest.mark.parametrize("A", FAMILIES, ids=repr)
def test_witnesses_have_their_sign_vectors(A):
    for R in A.regions():
        assert len(R.witness) == A.dimension
        assert all(isinstance(v, Fraction) for v in R.witness)
        assert sign_vector(A.normals, A.offsets, R.witness) == R.sign_vector


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_arrangements)
def test_regions_against_brute_force_and_zaslavsky(A):
    R = list(A.regions())
    assert {r.sign_vector for r in R} == _brute_force_regions(A)
    assert len(R) == A.num_regions()
    assert sum(r.is_bounded() for r in R) == A.num_bounded_regions()
    for r in R:
        assert sign_vector(A.normals, A.offsets, r.witness) == r.sign_vector


def test_regions_order_is_lexicographic_plus_first():
    keys = [tuple(-s for s in R.sign_vector) for R in shi(3).regions()]
    assert keys == sorted(keys)


def test_empty_and_zero_dimensional():
    assert [R.sign_vector for R in Arrangement([], dimension=3).regions()] == [()]
    (R,) = Arrangement([], dimension=0).regions()
    assert R.witness == () and R.is_bounded()


# -- adjacency and facets ------------------------------------------------------------------------


@pytest.mark.parametrize("A", [braid(4), shi(3), catalan(3), threshold(3), generic(5, 3, seed=2),
                               Arrangement([[1, 0], [1, 0], [0, 1]], offsets=[0, 1, 0])], ids=repr)
def test_adjacency_degree_equals_number_of_facets_by_lp(A):
    G = A.region_adjacency_graph()
    assert G.number_of_nodes() == A.num_regions()
    for R in A.regions():
        s = R.sign_vector
        by_lp = {i for i in range(len(A))
                 if _nonempty(A, [(j, s[j]) for j in range(len(A)) if j != i], zero=[i])}
        assert G.degree(s) == len(by_lp)
        assert set(R.facets()) == by_lp
        assert {G.edges[s, t]["hyperplane"] for t in G[s]} == by_lp


def test_adjacency_graph_of_braid_is_the_permutohedron_graph():
    G = braid(4).region_adjacency_graph()   # Cayley graph of S_4 with adjacent transpositions
    assert G.number_of_edges() == 24 * 3 // 2
    assert all(d == 3 for _, d in G.degree())


def test_limits():
    with pytest.raises(ValueError, match="more than limit=10 regions"):
        braid(4).region_adjacency_graph(limit=10)
    with pytest.raises(ValueError, match="more than limit=10 faces"):
        braid(4).face_poset(limit=10)


# -- region_containing and the value object ------------------------------------------------------


def test_region_containing():
    A = shi(3)
    R = A.region_containing([Fraction(1, 3), 0, 5])
    assert R.sign_vector == sign_vector(A.normals, A.offsets, R.witness)
    assert R in set(A.regions())   # equality ignores the witness
    with pytest.raises(ValueError, match=r"lies on hyperplane 3, \(1, 0, -1\) \. x = 1,"):
        A.region_containing([6, 0, 5])
    with pytest.raises(ValueError, match="point has 2 entries; expected 3"):
        A.region_containing([1, 2])
    with pytest.raises(TypeError, match="float"):
        A.region_containing([0.5, 0, 0])


@pytest.mark.parametrize("A", [catalan(3), generic(5, 2, seed=3)], ids=repr)
def test_region_polyhedron_contains_its_witness(A):
    for R in A.regions():
        P = R.polyhedron()
        assert P.contains(R.witness)
        assert P.dimension() == A.dimension
        if A.is_essential():
            assert P.is_bounded() == R.is_bounded()


def test_is_bounded_from_sign_vector_alone():
    A = generic(5, 2, seed=7)
    for R in A.regions():
        fresh = F.Region(A, R.sign_vector, R.witness)
        assert fresh.is_bounded() == R.is_bounded()


# -- executors, progress, interruption -----------------------------------------------------------


def test_executors_give_the_serial_result_in_order():
    A = threshold(3)
    serial = [(R.sign_vector, R.witness) for R in A.regions()]
    with ThreadPoolExecutor(2) as pool:
        threaded = [(R.sign_vector, R.witness) for R in A.regions(executor=pool, chunks=8)]
    with ProcessPoolExecutor(2) as pool:
        processes = [(R.sign_vector, R.witness) for R in A.regions(executor=pool)]
    assert threaded == serial and processes == serial


def test_early_stop_with_executor_cancels_cleanly():
    with ThreadPoolExecutor(2) as pool:
        gen = threshold(4).regions(executor=pool, chunks=32)
        first = [next(gen) for _ in range(5)]
        gen.close()
    assert len({R.sign_vector for R in first}) == 5


def test_keyboard_interrupt_propagates_and_generator_closes():
    gen = threshold(4).regions(progress=True)
    next(gen)
    with pytest.raises(KeyboardInterrupt) as caught:
        gen.throw(KeyboardInterrupt)
    assert caught.value.__notes__ == ["interrupted after 1 of 1882 regions"]     # total from χ
    assert next(gen, None) is None


def test_progress_flag(capsys):
    assert sum(1 for _ in braid(3).regions(progress=True)) == 6


# -- faces and f-vectors -------------------------------------------------------------------------


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_braid_f_vector_is_ordered_set_partitions(n):
    f = braid(n).f_vector()
    assert f == [0] + [math.factorial(k) * _stirling2(n, k) for k in range(1, n + 1)]


@pytest.mark.parametrize("A", FAMILIES, ids=repr)
def test_euler_relation_and_top_entry(A):
    f = A.f_vector()
    assert len(f) == A.dimension + 1
    assert sum((-1) ** k * fk for k, fk in enumerate(f)) == (-1) ** A.dimension
    assert f[A.dimension] == A.num_regions()
    center = A.center()
    if center is not None:
        assert f[: center.dimension] == [0] * center.dimension and f[center.dimension] == 1


@pytest.mark.parametrize("A", [braid(4), shi(3), catalan(3), linial(3), generic(5, 3, seed=2),
                               Arrangement([[1, 0], [1, 0], [1, 1]], offsets=[0, 1, 0])], ids=repr)
def test_f_vector_against_restriction_formula(A):
    assert A.f_vector() == _f_vector_by_restriction(A)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_arrangements)
def test_faces_are_the_nonempty_covectors(A):
    faces = list(A.faces())
    brute = set()
    for cov in itertools.product((1, 0, -1), repeat=len(A)):
        strict = [(i, s) for i, s in enumerate(cov) if s]
        if _nonempty(A, strict, zero=[i for i, s in enumerate(cov) if s == 0]):
            brute.add(cov)
    assert {f.covector for f in faces} == brute
    for face in faces:
        assert sign_vector(A.normals, A.offsets, face.witness) == face.covector
    f = A.f_vector()
    assert sum((-1) ** k * fk for k, fk in enumerate(f)) == (-1) ** A.dimension


def test_face_dimension_is_that_of_its_affine_hull():
    A = shi(3)
    for face in A.faces():
        zero = [A.normals[i] for i, s in enumerate(face.covector) if s == 0]
        assert face.dimension == A.dimension - _exact.rank(zero, A.dimension)


def test_face_poset_covers():
    A = catalan(3)
    P = A.face_poset()
    covectors = list(P.nodes)
    assert len(covectors) == sum(A.f_vector())
    dim = dict(P.nodes(data="dimension"))
    for g, f in itertools.product(covectors, repeat=2):
        below = all(gi == 0 or gi == fi for gi, fi in zip(g, f))
        assert P.has_edge(g, f) == (below and dim[f] == dim[g] + 1)
    adjacency = A.region_adjacency_graph()
    for region in adjacency:   # faces covered by a region = its facets
        assert P.in_degree(region) == adjacency.degree(region)


# -- isomorphism ---------------------------------------------------------------------------------


def _transformed(A, seed):
    """A with hyperplanes permuted, coordinates mapped by an invertible matrix and equations rescaled."""
    import random

    rng = random.Random(seed)
    d = A.dimension
    while True:
        M = [[Fraction(rng.randint(-3, 3)) for _ in range(d)] for _ in range(d)]
        if _exact.rank(M) == d:
            break
    order = list(range(len(A)))
    rng.shuffle(order)
    normals, offsets = [], []
    for i in order:   # x = M y: a . M y = c
        scale = Fraction(rng.choice([1, 2, 3, -1, -2]))
        normals.append([scale * sum(A.normals[i][k] * M[k][j] for k in range(d)) for j in range(d)])
        offsets.append(scale * A.offsets[i])
    return Arrangement(normals, offsets, dimension=d)


@pytest.mark.parametrize("A", [shi(3), catalan(3), generic(5, 3, seed=2)], ids=repr)
def test_isomorphic_to_linear_images(A):
    B = _transformed(A, seed=len(A))
    assert A.is_isomorphic(B, kind="lattice") and A.is_isomorphic(B, kind="face_poset")


def test_same_lattice_different_face_poset():
    # two generic 5-line arrangements: same intersection poset, but their regions have different
    # multisets of facet counts (a face-poset invariant: faces covered by each maximal face)
    A, B = generic(5, 2, seed=0), generic(5, 2, seed=1)
    shapes = [sorted(len(R.facets()) for R in X.regions()) for X in (A, B)]
    assert shapes[0] != shapes[1]
    assert A.is_isomorphic(B, kind="lattice")
    assert not A.is_isomorphic(B, kind="face_poset")


def test_non_isomorphic():
    concurrent = Arrangement([[1, 0], [0, 1], [1, 1]])
    triangle = generic(3, 2, seed=0)
    assert not triangle.is_isomorphic(concurrent, kind="face_poset")
    assert not shi(3).is_isomorphic(catalan(3), kind="face_poset")
    assert not shi(3).is_isomorphic(catalan(3), kind="lattice")
    assert not triangle.is_isomorphic(concurrent, kind="lattice")
    assert braid(3).is_isomorphic(concurrent, kind="lattice")
    with pytest.raises(ValueError, match="kind must be"):
        braid(3).is_isomorphic(concurrent, kind="graph")


# -- region-list certificates --------------------------------------------------------------------


@pytest.mark.parametrize("A", [shi(3), generic(4, 2, seed=3), coordinate(2)], ids=repr)
def test_region_certificate_verifies_and_mutations_fail(A):
    cert = F.region_certificate(A)
    assert verify(cert).ok
    assert cert["claim"]["num_regions_at_least"] == A.num_regions()
    assert "lower bound" in cert["claim"]["statement"]

    bad = copy.deepcopy(cert)
    bad["data"]["regions"][0]["sign_vector"][0] *= -1
    assert "whose sign is not the claimed" in verify(bad).message

    bad = copy.deepcopy(cert)
    bad["data"]["regions"].append(copy.deepcopy(bad["data"]["regions"][0]))
    bad["claim"]["num_regions_at_least"] += 1
    assert "same sign vector" in verify(bad).message

    bad = copy.deepcopy(cert)
    bad["claim"]["num_regions_at_least"] += 1
    assert "but" in verify(bad).message and not verify(bad).ok

    bad = copy.deepcopy(cert)
    a, c = A.normals[0], A.offsets[0]
    j = next(j for j, v in enumerate(a) if v)
    on_plane = [Fraction(0)] * A.dimension
    on_plane[j] = c / a[j]
    bad["data"]["regions"][0]["witness"] = [_exact.fraction_str(v) for v in on_plane]
    assert "lies on hyperplane 0" in verify(bad).message

    bad = copy.deepcopy(cert)
    bad["claim"]["offsets"][0] = _exact.fraction_str(Fraction(bad["claim"]["offsets"][0]) + 1000)
    assert not verify(bad).ok

    bad = copy.deepcopy(cert)
    bad["data"]["regions"][0]["witness"][0] = 0.5
    assert "must be an integer or a string" in verify(bad).message


# -- larger runs ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_threshold_5_regions():
    count = bounded = 0
    for R in threshold(5).regions():
        count += 1
        bounded += R.is_bounded()
    assert (count, bounded) == (94572, 0)


@pytest.mark.slow
def test_larger_f_vectors():
    assert shi(4).f_vector() == _f_vector_by_restriction(shi(4))
    assert catalan(4).f_vector()[-1] == 336

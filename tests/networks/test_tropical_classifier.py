"""Classification fans of tropical classifiers: REFERENCE.md §4 check values, brute force over all maps,
Cover's count, and the arrangement picture for (n, m) = (1, 1)."""

from __future__ import annotations

import itertools
import math
import random
import time
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactgeom import Arrangement
from exactgeom.networks import TropicalClassifier
from exactgeom.errors import TooLarge
from exactgeom.networks.tropical_classifier import DEFAULT_MAX_LPS, LPS_PER_SECOND, ClassificationCone
from exactgeom.polyhedra import Polyhedron

POINTS = [(0, 0), (3, 1), (1, 4), (-2, 2), (5, -1), (2, -3)]
CHECK = {
    (2, 2): [4, 16, 64, 244, 844, 2584],
    (2, 1): [3, 9, 27, 75, 183, 393],
    (1, 1): [2, 4, 8, 14, 22, 32],
}


@pytest.mark.parametrize("n_terms", sorted(CHECK))
def test_reference_check_values(n_terms):
    counts = [TropicalClassifier(POINTS[:N], n_terms=n_terms).num_maximal_cones() for N in range(1, 7)]
    assert counts == CHECK[n_terms]


def test_points_on_a_line():
    assert TropicalClassifier([(t,) for t in range(5)], n_terms=(2, 2)).num_maximal_cones() == 292


def _brute_force(points, n, m):
    """Every map points -> terms, kept when the strict system in the full parameter space is non-empty."""
    K, d = n + m, len(points[0])
    width = d + 1
    out = set()
    for phi in itertools.product(range(K), repeat=len(points)):
        A = []
        for p, k in zip(points, phi):
            lifted = (1, *p)
            for l in range(K):
                if l != k:
                    row = [0] * (K * width)
                    for t in range(width):
                        row[k * width + t] += lifted[t]
                        row[l * width + t] -= lifted[t]
                    A.append(row)
        if not Polyhedron(A, [0] * len(A), [">"] * len(A), dimension=K * width).is_empty():
            out.add(phi)
    return out


@pytest.mark.parametrize("n_terms,N", [((2, 2), 4), ((2, 1), 5), ((1, 2), 4), ((3, 1), 4)])
def test_against_brute_force_over_all_maps(n_terms, N):
    T = TropicalClassifier(POINTS[:N], n_terms=n_terms)
    assert {c.assignment for c in T.maximal_cones()} == _brute_force(POINTS[:N], *n_terms)


def test_brute_force_on_a_non_generic_configuration():
    pts = [(0, 0), (1, 1), (2, 2), (0, 2), (1, 0)]  # three collinear points
    T = TropicalClassifier(pts, n_terms=(2, 1))
    assert {c.assignment for c in T.maximal_cones()} == _brute_force(pts, 2, 1)


_SMALL = st.integers(1, 2).flatmap(
    lambda d: st.lists(st.tuples(*[st.integers(-3, 3)] * d), min_size=1, max_size=4)
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(points=_SMALL, n_terms=st.sampled_from([(1, 1), (2, 1), (1, 2), (2, 2)]))
def test_incremental_enumeration_against_brute_force_on_random_instances(points, n_terms):
    # small integer points, repeats and collinear triples included; every map is decided afresh
    T = TropicalClassifier(points, n_terms=n_terms)
    cones = list(T.maximal_cones())
    assert {c.assignment for c in cones} == _brute_force(points, *n_terms)
    assert len(cones) == len({c.assignment for c in cones}) == T.num_maximal_cones()
    for cone in cones:
        _check_witness(T, cone)


class _PicklingExecutor:
    """Runs each task at once on pickled copies of its arguments and result, like a process pool."""

    def submit(self, fn, *args):
        import concurrent.futures
        import pickle

        future = concurrent.futures.Future()
        future.set_result(pickle.loads(pickle.dumps(fn(*pickle.loads(pickle.dumps(args))))))
        return future


def test_partitions_survive_pickling_to_workers():
    # a process pool's workers get the partitions without their pplpy polyhedra and rebuild them
    T = TropicalClassifier(POINTS, n_terms=(2, 2))
    parts = T.realizable_partitions(executor=_PicklingExecutor())
    assert T.num_maximal_cones() == 2584
    assert [p.blocks for p in parts] == [
        p.blocks for p in TropicalClassifier(POINTS, n_terms=(2, 2)).realizable_partitions()
    ]
    for cone in itertools.islice(T.maximal_cones(), 0, None, 41):
        _check_witness(T, cone)


def _check_witness(T, cone):
    for p, k in zip(T.points, cone.assignment):
        values = T.term_values(cone.witness, p)
        assert all(values[k] > v for l, v in enumerate(values) if l != k)
    n = T.n_terms[0]
    for p, s in zip(T.points, cone.classification):
        assert (T.evaluate(cone.witness, p) > 0) == (s == 1)
        assert s == (1 if cone.assignment[T.points.index(p)] < n else -1)


def test_witnesses_are_in_their_cones():
    T = TropicalClassifier(POINTS[:5], n_terms=(2, 2))
    cones = list(T.maximal_cones())
    assert len(cones) == 844 == len({c.assignment for c in cones})
    for cone in cones:
        assert all(isinstance(v, Fraction) for v in cone.witness)
        assert len(cone.witness) == T.num_parameters == 12
        _check_witness(T, cone)


def _moment_points(N, d):
    return [tuple(t**k for k in range(1, d + 1)) for t in range(N)]


@pytest.mark.parametrize("N,d", [(7, 2), (6, 3), (8, 1)])
def test_one_one_terms_give_covers_count(N, d):
    # points on the moment curve are in general position
    T = TropicalClassifier(_moment_points(N, d), n_terms=(1, 1))
    assert T.num_maximal_cones() == 2 * sum(math.comb(N - 1, k) for k in range(d + 1))


def test_one_one_landscape_is_the_chamber_graph_of_the_arrangement():
    pts = POINTS[:5]
    A = Arrangement([(1, *p) for p in pts])
    T = TropicalClassifier(pts, n_terms=(1, 1))
    G = T.loss_landscape([1, -1, 1, -1, 1])
    H = A.region_adjacency_graph()
    assert G.number_of_nodes() == H.number_of_nodes() == A.num_regions()
    assert G.number_of_edges() == H.number_of_edges()


def _wall_feasible(T, phi, i, l):
    """Brute force: the common wall of phi and phi[i -> l], as an NNC polyhedron in the full space."""
    K, width = T.num_terms, T.ambient_dimension + 1
    A, kinds = [], []
    for j, (p, k) in enumerate(zip(T.points, phi)):
        lifted = (1, *p)
        for r in range(K):
            if r == k:
                continue
            row = [Fraction(0)] * (K * width)
            for t in range(width):
                row[k * width + t] += lifted[t]
                row[r * width + t] -= lifted[t]
            A.append(row)
            kinds.append("==" if (j == i and r == l) else ">")
    return not Polyhedron(A, [0] * len(A), kinds).is_empty()


def test_facets_against_wall_polyhedra():
    T = TropicalClassifier(POINTS[:4], n_terms=(2, 1))
    cones = {c.assignment for c in T.maximal_cones()}
    for phi in list(cones)[::3]:
        expected = set()
        for i in range(len(phi)):
            for l in range(T.num_terms):
                if l != phi[i] and _wall_feasible(T, phi, i, l):
                    psi = phi[:i] + (l,) + phi[i + 1 :]
                    assert psi in cones  # across a wall there is a cone
                    expected.add(psi)
        assert set(T.facets(ClassificationCone(phi, (), ()))) == expected


def test_mistake_counts_and_components():
    T = TropicalClassifier(POINTS[:5], n_terms=(2, 2))
    labels = [1, -1, 1, -1, 1]
    cones = list(T.maximal_cones())
    by_enumeration = {}
    for c in cones:
        k = T.mistakes(c, labels)
        by_enumeration[k] = by_enumeration.get(k, 0) + 1
    assert T.mistake_counts(labels) == dict(sorted(by_enumeration.items()))
    assert sum(T.mistake_counts(labels).values()) == len(cones)
    for k in (0, 1):
        comps = T.components(labels, k)
        selected = [c for c in cones if T.mistakes(c, labels) == k]
        assert sorted(c.assignment for comp in comps for c in comp) == sorted(c.assignment for c in selected)
        # independent adjacency: wall polyhedra between cones differing at one point
        G = nx.Graph()
        G.add_nodes_from(c.assignment for c in selected)
        for a, b in itertools.combinations(G.nodes, 2):
            diff = [i for i in range(len(a)) if a[i] != b[i]]
            if len(diff) == 1 and _wall_feasible(T, a, diff[0], b[diff[0]]):
                G.add_edge(a, b)
        expected = sorted(sorted(c) for c in nx.connected_components(G))
        assert [[c.assignment for c in comp] for comp in comps] == expected


def test_zero_mistakes_iff_witness_classifies_correctly():
    T = TropicalClassifier(POINTS[:5], n_terms=(2, 2))
    labels = ["+", "-", "-", "+", "+"]
    for cone in T.cones_with_mistakes(labels, 0):
        signs = [T.evaluate(cone.witness, p) > 0 for p in T.points]
        assert signs == [True, False, False, True, True]


def test_count_is_invariant_under_order_and_affine_maps():
    rng = random.Random(4)
    pts = POINTS[:6]
    base = TropicalClassifier(pts, n_terms=(2, 1)).num_maximal_cones()
    shuffled = pts[:]
    rng.shuffle(shuffled)
    assert TropicalClassifier(shuffled, n_terms=(2, 1)).num_maximal_cones() == base
    moved = [(2 * x + y + 7, x - Fraction(1, 3) * y - 1) for x, y in pts]
    assert TropicalClassifier(moved, n_terms=(2, 1)).num_maximal_cones() == base
    assert TropicalClassifier(pts, n_terms=(1, 2)).num_maximal_cones() == base


def test_executor_gives_the_same_partitions():
    T1 = TropicalClassifier(POINTS, n_terms=(2, 2))
    T2 = TropicalClassifier(POINTS, n_terms=(2, 2))
    with ThreadPoolExecutor(2) as ex:
        parts = T2.realizable_partitions(executor=ex)
    assert [p.blocks for p in parts] == [p.blocks for p in T1.realizable_partitions()]
    assert T2.num_maximal_cones() == 2584


def test_bad_input():
    with pytest.raises(ValueError, match="points is empty"):
        TropicalClassifier([], n_terms=(1, 1))
    with pytest.raises(ValueError, match="positive int"):
        TropicalClassifier([(0,)], n_terms=(0, 1))
    with pytest.raises(ValueError, match="pair"):
        TropicalClassifier([(0,)], n_terms=3)
    with pytest.raises(TypeError, match="float"):
        TropicalClassifier([(0.5, 1)], n_terms=(1, 1))
    T = TropicalClassifier([(0,), (1,)], n_terms=(1, 1))
    with pytest.raises(ValueError, match="labels"):
        T.mistake_counts([1, 2])
    with pytest.raises(ValueError, match="2 points"):
        T.mistake_counts([1, -1, 1])
    with pytest.raises(TypeError, match=r"labels\[0\] is the float"):
        T.mistake_counts([1.0, -1])


@pytest.mark.slow
def test_six_points_brute_force_two_two():
    T = TropicalClassifier(POINTS, n_terms=(2, 2))
    assert {c.assignment for c in T.maximal_cones()} == _brute_force(POINTS, 2, 2)


@pytest.mark.slow
def test_nine_points_witnesses_and_counts():
    pts = POINTS + [(-3, -2), (4, 5), (-1, -5)]
    T = TropicalClassifier(pts, n_terms=(2, 2))
    total = T.num_maximal_cones()
    labels = [1, -1, 1, -1, 1, -1, 1, -1, 1]
    assert sum(T.mistake_counts(labels).values()) == total
    count = 0
    for cone in T.maximal_cones():
        count += 1
        if count % 37 == 0:
            _check_witness(T, cone)
    assert count == total
    shuffled = pts[::-1]
    assert TropicalClassifier(shuffled, n_terms=(2, 2)).num_maximal_cones() == total


def test_loss_landscape_picture():
    pytest.importorskip("matplotlib")
    from exactgeom import plot

    T = TropicalClassifier(POINTS[:4], n_terms=(2, 1))
    G = T.loss_landscape([1, -1, 1, -1])
    assert G.number_of_nodes() == 75
    minima = sum(1 for v in G if all(G.nodes[u]["mistakes"] >= G.nodes[v]["mistakes"] for u in G[v]))
    ax = plot.loss_landscape(G)
    assert ax.get_title() == f"75 cells, minimum 0 mistakes, {minima} local minima (layout seed 0)"
    G.add_node("bare")
    with pytest.raises(ValueError, match="mistakes"):
        plot.loss_landscape(G)


def test_certificate_of_the_count_verifies_and_detects_tampering():
    import copy

    from exactgeom.certificates import verify

    cert = TropicalClassifier(POINTS, n_terms=(2, 2)).certificate()
    assert cert["claim"]["num_maximal_cones"] == 2584
    assert verify(cert).ok
    dropped = copy.deepcopy(cert)
    removed = dropped["data"]["levels"][-1].pop()
    dropped["data"]["witnesses"].pop()
    message = verify(dropped).message
    assert "neither listed nor refuted" in message and str(removed) in message
    bad_multipliers = copy.deepcopy(cert)
    entry = bad_multipliers["data"]["refuted"][0]
    entry["multipliers"] = ["1"] + ["0"] * (len(entry["multipliers"]) - 1)
    assert "combine" in verify(bad_multipliers).message
    bad_witness = copy.deepcopy(cert)
    bad_witness["data"]["witnesses"][-1] = [["0"] * 3 for _ in bad_witness["data"]["witnesses"][-1]]
    assert "unique maximum" in verify(bad_witness).message
    wrong = copy.deepcopy(cert)
    wrong["claim"]["num_maximal_cones"] = 2585
    assert not verify(wrong).ok


def test_refuses_with_an_estimate_when_too_large():
    T = TropicalClassifier(POINTS, n_terms=(2, 2))
    with pytest.raises(
        TooLarge, match=r"already have \d+ realizable partitions.*max_partitions=10\).*would take at least"
    ) as refusal:
        T.realizable_partitions(max_partitions=10)
    assert refusal.value.unit == "partitions" and refusal.value.estimate > refusal.value.limit == 10
    with pytest.raises(TooLarge, match=r"max_lps=0; at least \d+ LPs\)") as refusal:
        T.realizable_partitions(max_lps=0)
    assert refusal.value.unit == "LPs" and refusal.value.limit == 0
    assert T.num_maximal_cones() == 2584  # nothing half-done is kept


def test_max_seconds_is_a_deprecated_alias_at_a_fixed_rate():
    T = TropicalClassifier(POINTS, n_terms=(2, 2))
    with pytest.warns(DeprecationWarning, match="max_lps"), pytest.raises(TooLarge, match="max_lps=0;"):
        T.realizable_partitions(max_seconds=0)
    with pytest.warns(DeprecationWarning), pytest.raises(TooLarge) as refusal:
        T.realizable_partitions(max_seconds=0.01)
    assert refusal.value.limit == 0.01 * LPS_PER_SECOND == 10


FAR = [(i, i * i) for i in range(40)]
LINE = [(i * i % 31,) for i in range(10)]


def test_refuses_far_out_of_reach_up_front_and_runs_what_fits():
    # 40 points on the moment curve, (3, 3) terms: the fan lives in dimension 15 and the counts
    # grow like N^8 at N = 6; the rest is far beyond the default budget and is refused at once.
    far = TropicalClassifier(FAR, n_terms=(3, 3))
    with pytest.raises(TooLarge, match=r"first 6 of 40 points.*\[1, 2, 5, 14, 42, 132\].*extrapolated"):
        far.realizable_partitions()
    # every extension of a partition but the one its witness already realizes costs an LP (all of
    # them when the witness ties at the new point): between 175 and 175 + (1 + 2 + 5 + 14 + 42)
    assert 1 + 3 + 10 + 35 + 126 <= far.linear_programs <= 1 + 3 + 10 + 35 + 126 + 64
    # 10 points on a line, (2, 2) terms: the partitions double at first, but the polynomial
    # extrapolation (exponent capped by the fan dimension) sees that a budget of 1000 LPs holds
    line = TropicalClassifier(LINE, n_terms=(2, 2))
    assert line.realizable_partitions(max_lps=1000) == TropicalClassifier(
        line.points, n_terms=(2, 2)).realizable_partitions(max_lps=None)
    assert line.linear_programs < 1000


def test_refusals_do_not_depend_on_the_clock(monkeypatch):
    reference = TropicalClassifier(LINE, n_terms=(2, 2))
    expected = [p.blocks for p in reference.realizable_partitions(max_lps=None)]
    # a machine so slow that every clock reading is hours after the previous one
    clock = itertools.count(0, 7200.0)
    for name in ("perf_counter", "monotonic", "time", "process_time"):
        monkeypatch.setattr(time, name, lambda: next(clock))
    far = TropicalClassifier(FAR, n_terms=(3, 3))
    with pytest.raises(TooLarge, match=r"first 6 of 40 points") as refusal:
        far.realizable_partitions()
    assert refusal.value.estimate > 4 * refusal.value.limit == 4 * DEFAULT_MAX_LPS
    line = TropicalClassifier(LINE, n_terms=(2, 2))
    assert [p.blocks for p in line.realizable_partitions(max_lps=1000)] == expected


def _refuted_by_lp(points, blocks) -> bool:
    """Whether the strict system of the partial partition ``blocks`` has no solution (one exact LP)."""
    from exactgeom.polyhedra import lp

    j = max(blocks) + 1
    width = len(points[0]) + 1
    rows = []
    for p, b in zip(points, blocks):
        for l in range(j):
            if l != b:
                row = [Fraction(0)] * (j * width)
                for t, v in enumerate((1, *p)):
                    row[b * width + t] += v
                    row[l * width + t] -= v
                rows.append((tuple(row), ">", Fraction(0)))
    return lp.point_of(j * width, rows) is None


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    points=st.integers(1, 2).flatmap(lambda d: st.lists(
        st.tuples(*[st.fractions(-3, 3, max_denominator=3)] * d), min_size=2, max_size=6, unique=True)),
    n_terms=st.sampled_from([(2, 1), (2, 2), (3, 1)]),
)
def test_reused_refutations_prove_what_a_fresh_lp_decides(points, n_terms):
    # the refutations of a level share Gordan multipliers; each must still refute its own extension
    from exactgeom.certificates import verify

    cert = TropicalClassifier(points, n_terms=n_terms).certificate()
    assert verify(cert).ok
    for entry in cert["data"]["refuted"]:
        blocks = entry["blocks"]
        assert _refuted_by_lp(points[: len(blocks)], blocks)
        assert not _refuted_by_lp(points[: len(blocks) - 1], blocks[:-1])    # the parent is realizable
    listed = {tuple(b) for level in cert["data"]["levels"] for b in level}
    assert all(not _refuted_by_lp(points[: len(b)], b) for b in listed)


def test_one_gordan_lp_serves_many_refutations(monkeypatch):
    from exactgeom.networks import _tropical_fan

    calls = []
    real = _tropical_fan.gordan_multipliers
    monkeypatch.setattr(_tropical_fan, "gordan_multipliers", lambda *a: calls.append(1) or real(*a))
    nine = POINTS + [(-3, -2), (4, 5), (-1, -5)]
    cert = TropicalClassifier(nine[:7], n_terms=(2, 2)).certificate()
    refuted = len(cert["data"]["refuted"])
    assert len(calls) * 4 < refuted     # measured: 35 LPs for 186 refuted extensions

"""Linear classifiers: Cover's closed form, Zaslavsky's count, brute-force dichotomies, the claim of the
Brandenburg–Torres talk."""

from __future__ import annotations

import itertools
import math
import random
from fractions import Fraction

import networkx as nx
import pytest

from exactgeom._exact import determinant
from exactgeom.certificates import verify
from exactgeom.networks import LinearClassifier
from exactgeom.networks.classifiers import check_local_minima, num_dichotomies, random_points


def in_general_position(points):
    lifted = [(*p, Fraction(1)) for p in points]
    d1 = len(lifted[0])
    return all(determinant(list(S)) != 0 for S in itertools.combinations(lifted, d1))


@pytest.mark.parametrize("N, d, seed", [(4, 1, 0), (6, 2, 1), (8, 2, 2), (7, 3, 3), (9, 2, 4)])
def test_cover_count_for_points_in_general_position(N, d, seed):
    pts = random_points(N, d, seed=seed, bound=1000)
    assert in_general_position(pts)
    clf = LinearClassifier(pts)
    expected = 2 * sum(math.comb(N - 1, k) for k in range(d + 1))
    assert num_dichotomies(N, d) == expected
    assert clf.num_dichotomies() == expected == clf.parameter_arrangement().num_regions()


def test_dichotomies_against_brute_force_on_a_degenerate_configuration():
    pts = [(0, 0), (1, 0), (2, 0), (0, 1), (1, 1)]      # three collinear points
    clf = LinearClassifier(pts)
    enumerated = {}
    for labels, (a, b) in clf.dichotomies():
        values = [a[0] * x + a[1] * y + b for x, y in pts]
        assert all(v != 0 for v in values)
        assert tuple(1 if v > 0 else -1 for v in values) == labels
        enumerated[labels] = (a, b)
    brute = set()
    for a1, a2 in itertools.product(range(-4, 5), repeat=2):
        for twice_b in range(-19, 20, 2):
            values = [a1 * x + a2 * y + Fraction(twice_b, 4) for x, y in pts]
            if all(v != 0 for v in values):
                brute.add(tuple(1 if v > 0 else -1 for v in values))
    assert brute == set(enumerated)
    assert len(enumerated) == clf.parameter_arrangement().num_regions()


def test_loss_landscape_graph():
    pts = random_points(6, 2, seed=11, bound=1000)
    labels = [1, -1, 1, 1, -1, -1]
    clf = LinearClassifier(pts)
    G = clf.loss_landscape(labels)
    assert G.number_of_nodes() == num_dichotomies(6, 2)
    for v, data in G.nodes(data=True):
        a, b = data["witness"]
        signs = [1 if sum(ai * pi for ai, pi in zip(a, p)) + b > 0 else -1 for p in pts]
        assert tuple(signs) == v
        assert data["mistakes"] == sum(s != y for s, y in zip(signs, labels))
    for u, v, data in G.edges(data=True):
        differ = [i for i in range(6) if u[i] != v[i]]
        assert differ == [data["hyperplane"]]
    assert min(dict(G.degree).values()) >= 2 and nx.is_connected(G)


def check_evidence(clf, labels, check):
    """Independent check of the evidence: paths step through facets with fewer mistakes, or the
    counterexample is a chamber whose improving flips are certified empty and above a witnessed minimum."""
    pts = clf.points
    G = clf.loss_landscape(labels)
    mistakes = dict(G.nodes(data="mistakes"))
    assert check.minimum == min(mistakes.values())
    for v, path in check.paths.items():
        assert path[0] == v
        for p, q in zip(path, path[1:]):
            assert G.has_edge(p, q) and mistakes[q] < mistakes[p]
    minima = clf.local_minima(labels, graph=G)
    if check.holds:
        assert all(mistakes[path[-1]] == check.minimum for path in check.paths.values())
        assert all(mistakes[m] == check.minimum for m in minima)
        return
    c = check.counterexample
    assert c["chamber"] in minima

    def signs_of(a, b):
        return tuple(1 if sum(ai * pi for ai, pi in zip(a, p)) + b > 0 else -1 for p in pts)

    def loss(signs):
        return sum(s != y for s, y in zip(signs, labels))

    assert signs_of(*c["witness"]) == c["chamber"] and loss(c["chamber"]) == c["mistakes"]
    assert loss(signs_of(*c["global_witness"])) == c["minimum"] < c["mistakes"]
    misclassified = [i for i, (s, y) in enumerate(zip(c["chamber"], labels)) if s != y]
    assert sorted(c["blocked_flips"]) == misclassified
    for i, flip in c["blocked_flips"].items():
        cert = flip["certificate"]
        assert verify(cert).ok
        # the certified system is the cone of the flipped pattern: rows s_j (p_j, 1) (a, b) > 0
        expected_rows = [[str(Fraction(v * s)) for v in (*p, 1)] for p, s in zip(pts, flip["signs"])]
        assert [[str(Fraction(v)) for v in row] for row in cert["claim"]["system"]["rows"]] == expected_rows
        assert flip["signs"] == c["chamber"][:i] + (-c["chamber"][i],) + c["chamber"][i + 1:]


def test_brandenburg_torres_proposition_on_random_instances():
    verdicts = []
    for seed in range(12):
        rng = random.Random(1000 + seed)
        N, d = rng.randint(4, 8), rng.randint(1, 3)
        pts = random_points(N, d, seed=seed, bound=1000)
        labels = [rng.choice((1, -1)) for _ in range(N)]
        clf = LinearClassifier(pts)
        check = check_local_minima(clf, labels)
        check_evidence(clf, labels, check)
        verdicts.append((d, check.holds))
    # the proposition fails on some instances, in the plane as well as on the line
    assert {d for d, holds in verdicts if not holds} >= {1, 2}
    assert any(holds for _, holds in verdicts)


def test_counterexample_on_the_line_by_hand():
    clf = LinearClassifier([(i,) for i in range(6)])
    labels = [1, -1, 1, 1, -1, 1]
    check = check_local_minima(clf, labels)
    assert not check.holds
    check_evidence(clf, labels, check)
    # on a line the realizable patterns are the 2N monotone ones: - ... - + ... + and + ... + - ... -
    monotone = {tuple([-1] * k + [1] * (6 - k)) for k in range(7)}
    monotone |= {tuple(-s for s in v) for v in monotone}
    assert {v for v, _ in clf.dichotomies()} == monotone
    assert check.counterexample["chamber"] == (-1, -1, -1, -1, -1, 1) and check.minimum == 2


def test_separable_labels_have_zero_loss_minimum():
    pts = [(0, 0), (1, 0), (0, 1), (3, 3), (4, 3)]
    labels = [-1, -1, -1, 1, 1]
    assert check_local_minima(LinearClassifier(pts), labels).minimum == 0


def test_bad_input():
    with pytest.raises(ValueError, match="coincide"):
        LinearClassifier([(0, 0), (0, 0)])
    with pytest.raises(TypeError, match="float"):
        LinearClassifier([(0.5, 0)])
    with pytest.raises(ValueError, match=r"\+1 or -1"):
        LinearClassifier([(0,), (1,)]).loss_landscape([1, 0])
    with pytest.raises(TypeError, match=r"labels\[1\] is the float"):
        LinearClassifier([(0,), (1,)]).loss_landscape([1, -1.0])

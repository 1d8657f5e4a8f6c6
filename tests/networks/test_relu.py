"""ReLU networks: exact evaluation, the tropical form (ZNL) against evaluation, linear regions against
brute-force activation patterns, Zaslavsky's count of the first-layer arrangement and the one-layer bound."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from exactgeom import Arrangement
from exactgeom.networks import ReLUNetwork
from exactgeom.networks.relu import one_layer_region_bound
from exactgeom.polyhedra import Polyhedron
from oracles.relu import activation_patterns


def random_network(rng, widths, bound=3, denominators=(1, 2, 3)):
    weights, biases = [], []
    for a, b in zip(widths, widths[1:]):
        weights.append(
            [
                [Fraction(rng.randint(-bound, bound), rng.choice(denominators)) for _ in range(a)]
                for _ in range(b)
            ]
        )
        biases.append([Fraction(rng.randint(-bound, bound), rng.choice(denominators)) for _ in range(b)])
    return ReLUNetwork(weights, biases)


def random_point(rng, n):
    return tuple(Fraction(rng.randint(-60, 60), rng.randint(1, 9)) for _ in range(n))


def manual(net, x):
    v = list(x)
    for l, (W, b) in enumerate(zip(net.weights, net.biases)):
        v = [sum(w * t for w, t in zip(row, v)) + c for row, c in zip(W, b)]
        if l < len(net.weights) - 1:
            v = [max(t, 0) for t in v]
    return tuple(v)


@pytest.mark.parametrize("widths", [(1, 3, 1), (2, 3, 1), (2, 3, 2, 1), (3, 2, 2), (2, 2, 2, 2, 1)])
def test_tropical_form_agrees_with_the_network(widths):
    rng = random.Random(sum(widths))
    for _ in range(3):
        net = random_network(rng, widths)
        f = net.tropical()
        functions = f if isinstance(f, tuple) else (f,)
        assert len(functions) == widths[-1]
        for F in functions:
            for polynomial in (F.numerator, F.denominator):
                assert all(v >= 0 for _, e in polynomial.terms for v in e)  # ZNL: non-negative exponents
        for _ in range(25):
            x = random_point(rng, widths[0])
            assert net(x) == manual(net, x) == tuple(F(x) for F in functions)


@pytest.mark.parametrize(
    "widths,seed",
    [((2, 4, 1), 1), ((2, 5, 1), 2), ((3, 4, 1), 3), ((2, 3, 3, 1), 4), ((1, 3, 2, 1), 5), ((2, 2, 3, 2), 6)],
)
def test_activation_regions_against_brute_force(widths, seed):
    rng = random.Random(seed)
    net = random_network(rng, widths)
    regions = list(net.linear_regions())
    assert {r.patterns[0] for r in regions} == activation_patterns(net)
    for r in regions:
        w = r.witness
        assert net.activation_pattern(w) == r.patterns[0]
        assert r.polyhedron.contains(w)
        assert net(w) == tuple(sum(a * t for a, t in zip(row, w)) + c for row, c in zip(r.matrix, r.vector))
    for _ in range(40):
        x = random_point(rng, widths[0])
        containing = [r for r in regions if r.polyhedron.contains(x)]
        assert len(containing) <= 1  # half-open regions are disjoint
        for r in containing:
            assert net(x) == tuple(
                sum(a * t for a, t in zip(row, x)) + c for row, c in zip(r.matrix, r.vector)
            )


def test_one_hidden_layer_counts_match_zaslavsky_and_the_bound():
    rng = random.Random(11)
    for n, m in [(1, 3), (2, 3), (2, 5), (3, 4), (2, 6)]:
        net = random_network(rng, (n, m, 1), bound=5)
        first = Arrangement(net.weights[0], [-b for b in net.biases[0]], dedupe=True)
        count = net.num_linear_regions()
        assert count == first.num_regions()
        assert count <= one_layer_region_bound(n, m)
    # hyperplanes in general position attain the bound
    net = ReLUNetwork(
        [[[1, 0], [0, 1], [1, 1], [1, -2], [3, 1]], [[1, 1, 1, 1, 1]]], [[0, -1, -4, -7, 13], [0]]
    )
    assert net.num_linear_regions() == one_layer_region_bound(2, 5) == 16
    # parallel hyperplanes and more neurons than 2^m allows is not possible: the 2^m side of the bound
    net = ReLUNetwork([[[1, 0, 0], [0, 1, 0]], [[1, 1]]], [[0, 0], [0]])
    assert net.num_linear_regions() == one_layer_region_bound(3, 2) == 4


def test_domain_restricts_the_regions():
    rng = random.Random(8)
    net = random_network(rng, (2, 4, 2, 1))
    box = Polyhedron([[1, 0], [-1, 0], [0, 1], [0, -1]], [1, 1, 1, 1], ["<=", "<=", "<", "<="])
    rows = [((1, 0), "<", 1), ((-1, 0), "<", 1), ((0, 1), "<", 1), ((0, -1), "<", 1)]
    inside = list(net.linear_regions(box))
    assert {r.patterns[0] for r in inside} == activation_patterns(net, rows)
    assert all(box.contains(r.witness) for r in inside)
    assert len(inside) <= net.num_linear_regions()
    with pytest.raises(ValueError, match="full-dimensional"):
        net.num_linear_regions(Polyhedron([[1, 0]], [0], ["=="]))


def _slope_changes_1d(net):
    """Independent count of affine pieces of a 1-input network: kinks where the slope really changes."""
    cuts = set()
    for r in net.linear_regions():
        for row, _, rhs in r.polyhedron.constraints:
            if row[0] != 0:
                cuts.add(rhs / row[0])
    cuts = sorted(cuts)
    if not cuts:
        return 1
    gap = min([b - a for a, b in zip(cuts, cuts[1:])] + [Fraction(1)]) / 4
    probes = [cuts[0] - 1] + [(a + b) / 2 for a, b in zip(cuts, cuts[1:])] + [cuts[-1] + 1]
    slopes = [(net((p + gap,))[0] - net((p,))[0]) / gap for p in probes]
    return 1 + sum(1 for a, b in zip(slopes, slopes[1:]) if a != b)


def test_affine_pieces_merge_regions_with_the_same_map():
    zero = ReLUNetwork([[[1], [1]], [[1, -1]]], [[0, 0], [0]])  # relu(x) - relu(x) == 0
    assert zero.num_linear_regions() == 2 and zero.num_linear_regions(kind="affine") == 1
    (piece,) = zero.linear_regions(kind="affine")
    assert len(piece.polyhedra) == 2 and piece.matrix == ((Fraction(0),),)
    rng = random.Random(2)
    for _ in range(4):
        net = random_network(rng, (1, 3, 3, 1))
        assert net.num_linear_regions(kind="affine") == _slope_changes_1d(net)
    net = random_network(rng, (2, 3, 2, 1))
    assert net.num_linear_regions(kind="affine") <= net.num_linear_regions()


def test_decision_boundary():
    net = ReLUNetwork([[[1, 0], [0, 1]], [[1, 1]]], [[0, 0], [-1]])  # relu(x) + relu(y) - 1
    pieces = net.decision_boundary()
    on = [(1, 0), (0, 1), ("1/2", "1/2"), (1, -7), (-3, 1)]
    for p in on:
        assert net(p) == (0,) and any(P.contains(p) for P in pieces)
    rng = random.Random(1)
    for _ in range(100):
        x = random_point(rng, 2)
        assert any(P.contains(x) for P in pieces) == (net(x) == (0,))
    with pytest.raises(ValueError, match="scalar output"):
        ReLUNetwork([[[1], [1]]], [[0, 0]]).decision_boundary()


def test_shape_and_type_errors():
    with pytest.raises(ValueError, match="non-empty list"):
        ReLUNetwork([], [])
    with pytest.raises(ValueError, match="one per layer"):
        ReLUNetwork([[[1]]], [])
    with pytest.raises(ValueError, match=r"biases\[0\] has 2 entries"):
        ReLUNetwork([[[1]]], [[0, 1]])
    with pytest.raises(ValueError, match="columns"):
        ReLUNetwork([[[1, 0], [0, 1]], [[1, 1, 1]]], [[0, 0], [0]])
    with pytest.raises(TypeError, match="float"):
        ReLUNetwork([[[0.5]]], [[0]])
    net = ReLUNetwork([[[1, 2]]], [[0]])
    with pytest.raises(ValueError, match="expected 2"):
        net((1,))
    assert eval(repr(net)) == net


@pytest.mark.slow
def test_deeper_networks_against_brute_force():
    rng = random.Random(21)
    for widths in [(2, 4, 4, 1), (3, 3, 3, 1), (2, 3, 3, 3, 1)]:
        net = random_network(rng, widths)
        assert {r.patterns[0] for r in net.linear_regions()} == activation_patterns(net)


def test_pictures_of_regions_and_boundary(tmp_path):
    pytest.importorskip("matplotlib")
    from exactgeom import plot

    net = ReLUNetwork([[[1, 0], [0, 1], [1, 1]], [[1, -1, 1]]], [[0, 0, -1], [0]])
    box_rows = [((1, 0), "<", 2), ((-1, 0), "<", 2), ((0, 1), "<", 2), ((0, -1), "<", 2)]
    ax = plot.linear_regions(net, (-2, 2, -2, 2))
    expected = len(activation_patterns(net, box_rows))
    assert ax.get_title() == f"{expected} activation regions in the box"
    assert len(ax.patches) == expected
    ax.figure.savefig(tmp_path / "regions.png", dpi=30)
    ax = plot.tropical_boundary(net, (-2, 2, -2, 2))
    assert ax.get_title().startswith("decision boundary:") and len(ax.lines) >= 1
    with pytest.raises(ValueError, match="2 inputs"):
        plot.linear_regions(ReLUNetwork([[[1]]], [[0]]), (-1, 1, -1, 1))
    with pytest.raises(ValueError, match="xmin < xmax"):
        plot.linear_regions(net, (1, -1, -1, 1))

"""Refusals in words and the lists of non-realizable maps, against independent criteria.

The identity an explanation states is parsed back out of the text and recomputed here; the 60
non-realizable maps with two inputs and two outputs are exactly those with an XOR or XNOR output.
"""

from __future__ import annotations

import itertools
import re

import pytest

from exactgeom.errors import TooLarge
from exactgeom.networks import HopfieldNetwork, ThresholdNetwork

POINTS = list(itertools.product((0, 1), repeat=2))
XOR, XNOR = (0, 1, 1, 0), (1, 0, 0, 1)
POINT = re.compile(r"(?:(\d+)·)?\(([01](?:,[01])*)\)")


def side(text: str) -> list[tuple[int, tuple[int, ...]]]:
    """``2·(0,1) + (1,0)`` as [(2, (0, 1)), (1, (1, 0))]."""
    return [(int(c or 1), tuple(int(v) for v in p.split(","))) for c, p in POINT.findall(text)]


def check_identity(line: str, row: tuple[int, ...], points) -> None:
    """The vector identity at the start of ``line`` holds, with true inputs left and false right."""
    identity = line.split(": ", 1)[1].split(", so ")[0]
    left_text, right_text = identity.split(" = ")
    right_text = right_text.split(" inputs on each side")[0].rsplit(" (", 1)[0]
    left, right = side(left_text), side(right_text)
    assert left and right
    n = len(points[0])

    def total(terms):
        return [sum(c * z[j] for c, z in terms) for j in range(n)]

    assert total(left) == total(right)
    assert sum(c for c, _ in left) == sum(c for c, _ in right)
    assert f"({sum(c for c, _ in left)} inputs on each side)" in identity
    assert all(row[points.index(z)] == 1 for _, z in left)
    assert all(row[points.index(z)] == 0 for _, z in right)


@pytest.mark.parametrize("row", [XOR, XNOR])
def test_xor_and_xnor_explanations_state_a_true_identity(row):
    nr = ThresholdNetwork(2, 1).realize(list(row))
    text = nr.explain()
    lines = text.splitlines()
    assert lines[0].startswith(f"f = {' '.join(map(str, row))} is not realized")
    check_identity(lines[1], row, POINTS)
    expected = "(0,1) + (1,0) = (0,0) + (1,1)" if row == XOR else "(0,0) + (1,1) = (0,1) + (1,0)"
    assert expected in lines[1]
    assert "would force" in lines[1] and "≤ 0" in lines[1]


def test_sixty_non_realizable_maps_are_those_with_an_xor_or_xnor_output():
    net = ThresholdNetwork(2, 2)
    listed = {}
    for table, proof in net.non_realizable_functions():
        assert not proof and proof.verify()
        listed[table] = proof
    expected = {t for t in itertools.product(POINTS, repeat=4)
                if any(tuple(y[i] for y in t) in (XOR, XNOR) for i in range(2))}
    assert len(listed) == 60 == len(expected) == 256 - net.num_realizable()
    assert set(listed) == expected
    for table, proof in listed.items():
        failing = [i for i in range(2) if tuple(y[i] for y in table) in (XOR, XNOR)]
        assert list(proof.rows) == failing
        lines = proof.explain().splitlines()[1:]
        assert len(lines) == len(failing)
        for i, line in zip(failing, lines):
            assert line.startswith(f"  output {i + 1}: ")
            check_identity(line, tuple(y[i] for y in table), POINTS)
        assert len(repr(proof)) < 300 and "certificate" not in repr(proof)


def test_three_input_explanation_with_multiplicities():
    # parity of three inputs: the identity needs several inputs on each side
    points = list(itertools.product((0, 1), repeat=3))
    row = tuple(sum(x) % 2 for x in points)
    nr = ThresholdNetwork(3, 1).realize(list(row))
    check_identity(nr.explain().splitlines()[1], row, points)


@pytest.mark.parametrize("kwargs", [{"symmetric": True}, {"zero_diagonal": True}, {"thresholds": False},
                                    {"update": "sequential"}, {"iterations": 2}])
def test_hopfield_non_realizable_maps_complement_the_realizable_ones(kwargs):
    net = HopfieldNetwork(2, **kwargs)
    realizable = {t for t, _ in net.realizable_functions()}
    listed = dict(net.non_realizable_functions())
    assert set(listed) | realizable == set(itertools.product(POINTS, repeat=4))
    assert not set(listed) & realizable
    for proof in list(listed.values())[:20]:
        assert not proof and proof.verify()
        text = proof.explain()
        assert "would force" in text or "no map h" in text
        assert len(repr(proof)) < 300


def test_constrained_explanation_names_the_constraint():
    # without thresholds, f_1(0,0) = 1 is impossible: the row is 0 at x = 0
    f = ((1, 0), (0, 1), (1, 0), (1, 1))
    text = HopfieldNetwork(2, thresholds=False).realize(f).explain()
    assert "θ = 0" in text and "0 > 0" in text
    f = ((0, 1), (1, 1), (1, 0), (1, 1))
    text = HopfieldNetwork(2, symmetric=True).realize(f).explain()
    assert "w_ij = w_ji" in text


def test_iterated_explanation_lists_every_root():
    f = ((0, 1), (0, 0), (1, 1), (1, 0))
    proof = HopfieldNetwork(2, iterations=2).realize(f)
    text = proof.explain()
    assert text.count("  h = ") == len(proof.members) == 2
    assert "2 roots refused" in repr(proof)


def test_listing_is_refused_beyond_its_bound():
    with pytest.raises(TooLarge):
        next(ThresholdNetwork(3, 3).non_realizable_functions())
    with pytest.raises(TooLarge):
        next(HopfieldNetwork(3).non_realizable_functions())

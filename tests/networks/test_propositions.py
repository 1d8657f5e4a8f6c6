"""The face-poset reading of the parameter-spaces note's Propositions 3 and 4 against brute force.

Brute force here: the faces of the whole one-step arrangement in Q^6 with their witnesses, grouped by
the map evaluated at the witness (truth tables from oracles.boolean); integer parameters on a grid;
and the stored witnesses (chamber points, midpoint pairs) evaluated directly.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from fractions import Fraction

import pytest

from exactgeom.networks import HopfieldNetwork
from exactgeom.networks.propositions import face_poset_reading
from oracles.boolean import cube, iterate, step_table, sweep_table

POINTS = cube(2)
DYNAMICS = {3: "two-step", 4: "sequential"}


def network_map(number, W, t):
    """The map of Proposition ``number``'s network: two synchronous steps (3) or one sweep (4)."""
    if number == 3:
        return iterate(step_table(W, t, 2), 2)
    return sweep_table(W, t, 2)


def midpoint(p, q):
    return ([[Fraction(a + b, 2) for a, b in zip(u, v)] for u, v in zip(p[0], q[0])],
            [Fraction(a + b, 2) for a, b in zip(p[1], q[1])])


@pytest.fixture(scope="module")
def faces_of_par():
    """(W, θ, one-step map) at the witness of every face of the one-step arrangement in Q^6."""
    arrangement = HopfieldNetwork(2).parameter_arrangement()
    rows = []
    for face in arrangement.faces():
        w = face.witness
        W, t = [[w[0], w[1]], [w[3], w[4]]], [w[2], w[5]]
        # the coordinates are (w_11, w_12, θ_1, w_21, w_22, θ_2): the covector is the sign of w_i·z + θ_i
        signs = [W[i][0] * z[0] + W[i][1] * z[1] + t[i] for i in range(2) for z in POINTS]
        assert tuple((s > 0) - (s < 0) for s in signs) == face.covector
        rows.append((W, t, step_table(W, t, 2)))
    return rows


@pytest.fixture(scope="module", params=[3, 4])
def reading(request):
    return face_poset_reading(request.param)


def test_known_figures():
    three, four = face_poset_reading(3), face_poset_reading(4)
    assert (three.num_faces, three.num_one_step_cells) == (51**2, 14**2)       # T_2 has 51 faces, 14 regions
    assert (three.num_cells, three.num_merged_cells, three.num_nonconvex_cells) == (74, 42, 42)
    assert (four.num_cells, four.num_merged_cells, four.num_nonconvex_cells) == (108, 64, 0)
    assert not three.holds and not four.holds
    assert not bool(three)


def test_cells_are_the_classes_of_faces(reading, faces_of_par):
    """Group the 2601 faces by the map at their witness: the same cells, face counts and one-step maps."""
    faces_in, maps_in = defaultdict(int), defaultdict(set)
    for W, t, h in faces_of_par:
        f = network_map(reading.proposition, W, t)
        faces_in[f] += 1
        maps_in[f].add(h)
    assert len(faces_of_par) == reading.num_faces == 2601
    assert {c.function for c in reading.cells} == set(faces_in)
    for cell in reading.cells:
        assert cell.num_faces == faces_in[cell.function]
        assert set(cell.one_step_maps) == maps_in[cell.function]
        assert len(set(cell.one_step_maps)) == len(cell.one_step_maps)
        assert cell.is_one_step_cell == (len(maps_in[cell.function]) == 1)
    assert reading.num_merged_cells == sum(1 for f in maps_in if len(maps_in[f]) > 1)
    assert reading.holds == (reading.num_merged_cells == 0)


def test_chamber_witnesses(reading):
    """Each witness computes its one-step map h and the cell's map, strictly inside every row (a chamber)."""
    for cell in reading.cells:
        assert len(cell.witnesses) == len(cell.one_step_maps)
        for (W, t), h in zip(cell.witnesses, cell.one_step_maps):
            assert all(isinstance(v, int) for v in (*W[0], *W[1], *t))
            assert step_table(W, t, 2) == h
            assert network_map(reading.proposition, W, t) == cell.function
            assert all(W[i][0] * z[0] + W[i][1] * z[1] + t[i] != 0 for i in range(2) for z in POINTS)


def test_nonconvexity_witnesses(reading):
    """Two points of the cell whose midpoint, evaluated directly, computes another map."""
    for cell in reading.cells:
        if cell.convex:
            continue
        assert not cell.is_one_step_cell               # a single cone Par_h is convex
        p, q = cell.midpoint_witness
        assert network_map(reading.proposition, *p) == cell.function
        assert network_map(reading.proposition, *q) == cell.function
        assert network_map(reading.proposition, *midpoint(p, q)) != cell.function


def test_convex_cells_keep_grid_midpoints(reading):
    """Integer parameters with entries in -2..2: midpoints of two points of a convex cell stay in it."""
    by_map = defaultdict(list)
    for v in itertools.product(range(-2, 3), repeat=6):
        W, t = [v[0:2], v[3:5]], [v[2], v[5]]
        by_map[network_map(reading.proposition, W, t)].append((W, t))
    convex = {c.function for c in reading.cells if c.convex}
    checked = 0
    for f in convex:
        sample = by_map[f][:: max(1, len(by_map[f]) // 25)]
        for p, q in itertools.combinations(sample, 2):
            assert network_map(reading.proposition, *midpoint(p, q)) == f
            checked += 1
    assert checked > 1000


def test_sequential_cells_are_single_cones():
    """A sweep's Par_f is one half-open cone per unit (unit 2 sees (f_1(x), x_2)), so every cell is convex."""
    net = HopfieldNetwork(2, update="sequential")
    for cell in face_poset_reading(4).cells:
        assert cell.convex
        cone = net.parameter_cone(cell.function)
        for W, t in cell.witnesses:
            assert [*W[0], t[0], *W[1], t[1]] in cone


def test_one_unit():
    """n = 1: x and ¬x square to the identity; a sweep of one unit is one step."""
    three, four = face_poset_reading(3, 1), face_poset_reading(4, 1)
    assert (three.num_cells, three.num_merged_cells, three.num_nonconvex_cells) == (3, 1, 1)
    assert not three.holds
    assert (four.num_cells, four.num_merged_cells, four.holds) == (4, 0, True)
    assert three.num_faces == four.num_faces == 9                 # two lines through 0 in Q^2
    identity = next(c for c in three.cells if c.function == ((0,), (1,)))
    assert set(identity.one_step_maps) == {((0,), (1,)), ((1,), (0,))}
    p, q = identity.midpoint_witness
    net = HopfieldNetwork(1, iterations=2)
    assert net.evaluate(*p) == net.evaluate(*q) == identity.function
    assert net.evaluate(*midpoint(p, q)) != identity.function


@pytest.mark.parametrize("number, n", [(5, 2), (3, 3), (3, 0), (4, True), (3, "2")])
def test_refuses(number, n):
    with pytest.raises(ValueError):
        face_poset_reading(number, n)

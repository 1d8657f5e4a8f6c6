"""Faces from the regions of restrictions (arrangements/_face_table.py) against independent answers.

Independent answers: the depth-first search over pplpy polyhedra (oracles.covectors, one exact LP
test per node) for the covectors, their order and the dimensions; the sign vector of each witness
evaluated with Fractions (oracles.regions); Zaslavsky's count of faces Σ_X Σ_{Y >= X} |μ(X, Y)|
from the intersection poset (faces._face_total).
"""

from __future__ import annotations

import re
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactgeom import Arrangement
from exactgeom.arrangements import _face_table
from exactgeom.arrangements import faces as faces_module
from exactgeom.library import braid, catalan, generic, resonance, shi, threshold
from oracles.covectors import faces_by_search
from oracles.regions import sign_vector, small_arrangements, huge_coefficient_arrangements


def _check(A):
    found = list(A.faces())
    assert [(F.covector, F.dimension) for F in found] == faces_by_search(A)   # same faces, same order
    for F in found:
        assert sign_vector(A.normals, A.offsets, F.witness) == F.covector
    total = faces_module._face_total(A)
    assert total is None or total == len(found)
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_arrangements(4, 6, 3))
def test_random_arrangements_against_the_search_and_zaslavsky(A):
    _check(A)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(huge_coefficient_arrangements())
def test_huge_coefficients_take_the_python_integer_path(A):
    # entries beyond int64 in the rows, the parametrizations and the witnesses
    _check(A)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(-3, 3), st.integers(1, 4)), min_size=1, max_size=4),
       st.sampled_from([Arrangement([[1, 0], [0, 1]]), shi(2), generic(4, 2, seed=3)]))
def test_rational_offsets_and_parallel_traces(scales, base):
    # offsets with denominators (the flats' points are not integral); parallel hyperplanes whose
    # traces on a flat coincide or are parallel to it
    normals = [list(a) for a in base.normals] + [[1, 0]] * len(scales)
    offsets = list(base.offsets) + [Fraction(p, q) for p, q in scales]
    _check(Arrangement(normals, offsets, dedupe=True))


@pytest.mark.parametrize("A", [braid(4), shi(3), catalan(3), threshold(3), resonance(3),
                               generic(6, 3, seed=5), generic(5, 3, seed=4, central=True),
                               Arrangement([[1, 0], [1, 0], [0, 1]], offsets=[0, 1, 0]),
                               Arrangement([[1, 1, 1]], offsets=[3]),
                               Arrangement([], dimension=2), Arrangement([], dimension=0)], ids=repr)
def test_families_against_the_search(A):
    _check(A)


def test_threshold_4_count_and_f_vector():
    # 16,483 faces (Zaslavsky from the intersection poset); the top entry is A000609's 1882
    found = list(threshold(4).faces())
    assert len(found) == faces_module._face_total(threshold(4)) == 16483
    f = [0] * 6
    for F in found:
        f[F.dimension] += 1
    assert f[5] == 1882 and sum((-1) ** k * v for k, v in enumerate(f)) == -1
    assert all(sign_vector(threshold(4).normals, threshold(4).offsets, F.witness) == F.covector
               for F in found[::97])


def test_witnesses_stay_small():
    # the witnesses of the restrictions are points of coarse dyadic grids, lifted by integer
    # parametrizations: T_4's 16,483 witnesses have numerators and denominators of a few bits
    for F in threshold(4).faces():
        assert all(abs(v.numerator) <= 2**12 and v.denominator <= 2**12 for v in F.witness)


def test_covector_keys_order_is_lexicographic_plus_zero_minus():
    import itertools

    S = np.array(list(itertools.product((-1, 0, 1), repeat=5)), dtype=np.int8)
    order = np.argsort(_face_table.covector_keys(S), kind="stable")
    rank = {1: 0, 0: 1, -1: 2}
    assert [tuple(s) for s in S[order].tolist()] == sorted(map(tuple, S.tolist()),
                                                            key=lambda s: [rank[v] for v in s])
    assert (_face_table.covectors_of_keys(_face_table.covector_keys(S), 5) == S).all()


def test_witnesses_on_a_flat_with_a_rational_point():
    # the flat 2x + 4y = 1, 3x - y = 0 is the point (1/14, 3/14)
    A = Arrangement([[2, 4], [3, -1], [1, 1]], offsets=[1, 0, 5])
    point = [F for F in A.faces() if F.dimension == 0 and F.covector[:2] == (0, 0)]
    assert [F.witness for F in point] == [(Fraction(1, 14), Fraction(3, 14))]


def test_interrupt_while_the_table_is_built_names_the_flats(monkeypatch):
    original, calls = _face_table.region_table, [0]

    def step(*args, **kwargs):
        calls[0] += 1
        if calls[0] > 3:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    monkeypatch.setattr(_face_table, "region_table", step)
    with pytest.raises(KeyboardInterrupt) as caught:
        list(threshold(3).faces(progress=True))
    (note,) = caught.value.__notes__
    assert re.fullmatch(r"interrupted after \d+ of 58 flats \(table of faces\)", note), note


def test_interrupt_while_yielding_counts_faces(monkeypatch):
    import exactgeom as eg

    original, calls = faces_module._face, [0]

    def step(*args):
        calls[0] += 1
        if calls[0] > 10:
            raise KeyboardInterrupt
        return original(*args)

    monkeypatch.setattr(faces_module, "_face", step)
    n = eg.count(braid(4).faces(progress=True), on_interrupt="return")
    assert (int(n), n.partial, n.note) == (10, True, "interrupted after 10 of 75 faces")


@pytest.mark.slow
def test_threshold_5_f_vector():
    # 1,318,105 faces (as the PPL search finds, in about 135 s): A000609's 94,572 regions on top,
    # one vertex (T_5 is central and essential), the Euler relation; a sample of witnesses checked
    A = threshold(5)
    f = [0] * 7
    for j, F in enumerate(A.faces()):
        f[F.dimension] += 1
        if j % 1009 == 0:
            assert sign_vector(A.normals, A.offsets, F.witness) == F.covector
    assert (f[0], f[6], sum(f)) == (1, 94572, 1318105)
    assert sum((-1) ** k * v for k, v in enumerate(f)) == 1

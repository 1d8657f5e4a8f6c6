"""The LP-free region enumeration (arrangements/_incremental.py) against independent answers.

Independent answers: Zaslavsky's count from χ (the flat lattice), the sign vectors of the
witnesses evaluated with Fractions (oracles.regions), and an exact LP per sign vector for
the brute-force set of regions.
"""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor

import ppl
import pytest
from hypothesis import HealthCheck, given, settings

from exactgeom import Arrangement
from exactgeom.arrangements import _incremental
from exactgeom.library import braid, generic, resonance, shi, threshold
from oracles.regions import sign_vector, small_arrangements, huge_coefficient_arrangements


def _open_region_is_nonempty(A, signs) -> bool:
    """An exact LP (pplpy, NNC): is {x : s_i (a_i . x - c_i) > 0} non-empty?"""
    from exactgeom.polyhedra import _ppl

    P = ppl.NNC_Polyhedron(A.dimension, "universe")
    for (a, c), s in zip((_ppl.integer_row(a, c) for a, c in zip(A.normals, A.offsets)), signs):
        f = ppl.Linear_Expression(a, -c)
        P.add_constraint(f > 0 if s > 0 else f < 0)
    return not P.is_empty()


def _check(A):
    found = list(A.regions())
    signs = [R.sign_vector for R in found]
    assert len(set(signs)) == len(signs) == A.num_regions()
    assert signs == sorted(signs, key=lambda s: tuple(-v for v in s))       # lexicographic, + first
    for R in found:
        assert sign_vector(A.normals, A.offsets, R.witness) == R.sign_vector
    return signs


arrangements = small_arrangements(4, 7, 3)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arrangements)
def test_random_arrangements_against_zaslavsky_and_witnesses(A):
    _check(A)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(huge_coefficient_arrangements())
def test_huge_coefficients_take_the_python_integer_path(A):
    # entries beyond int64: the same regions, the witnesses checked with Fractions
    _check(A)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_arrangements(3, 5, 2))
def test_sign_vectors_equal_the_brute_force_set(A):
    expected = {s for s in itertools.product((1, -1), repeat=len(A)) if _open_region_is_nonempty(A, s)}
    assert set(_check(A)) == expected


@pytest.mark.parametrize("A", [braid(4), shi(3), threshold(3), resonance(3), generic(6, 3, seed=5),
                               Arrangement([[1, 0], [1, 0], [0, 1]], offsets=[0, 1, 0])], ids=repr)
@pytest.mark.parametrize("estimate", [1e100, 1e-100], ids=["tiny steps", "huge steps"])
def test_wrong_step_estimates_only_change_the_witnesses(A, estimate, monkeypatch):
    # The grid and spread points are only a choice of smaller witnesses, read off float estimates:
    # with no grid and nonsense estimates (steps of 2^-330: spread points; steps of 2^330: they cross
    # other hyperplanes and the K-point fallback is taken) the regions are the same.
    expected = [R.sign_vector for R in A.regions()]
    monkeypatch.setattr(_incremental, "_GRID_EXTRA", ())
    monkeypatch.setattr(_incremental, "_to_float", lambda X: X.astype(float) * 0 + estimate)
    assert _check(A) == expected


def test_executor_gives_the_same_regions_and_witnesses():
    A = threshold(3)
    serial = [(R.sign_vector, R.witness) for R in A.regions()]
    with ThreadPoolExecutor(2) as pool:
        for chunks in (1, 3, 8, 50):
            assert [(R.sign_vector, R.witness) for R in A.regions(executor=pool, chunks=chunks)] == serial


def test_witnesses_stay_small():
    # dyadic grid points: T_4's 1882 witnesses have denominators powers of two of a few bits
    for R in threshold(4).regions():
        assert all(v.denominator & (v.denominator - 1) == 0 and v.denominator <= 2**16 for v in R.witness)


def test_central_arrangements_know_no_region_is_bounded():
    assert all(R._bounded is False for R in braid(3).regions())
    (R,) = Arrangement([], dimension=2).regions()
    assert R.is_bounded()


def test_inequalities_read_back_hold_at_the_witness():
    # the text of each region, read back by the expression parser, contains its witness and no other
    # region's witness; T_2's coordinates are named w1, w2, b
    from exactgeom.polyhedra import Polyhedron

    A = threshold(2)
    found = list(A.regions())
    for R in found:
        text = R.inequalities()
        assert all(any(name in t for name in ("w1", "w2", "b")) for t in text)
        P = Polyhedron.from_expressions(list(text), variables=A.variables)
        assert [P.contains(S.witness) for S in found] == [S is R for S in found]
    assert str(found[0]).startswith("region ")


def test_certificates_carry_the_coordinate_names():
    from exactgeom.arrangements.certify import characteristic_polynomial_certificate
    from exactgeom.arrangements.regions import region_certificate
    from exactgeom.certificates import verify

    A = Arrangement.from_forms(["u - v", "u + v - 1"])
    for cert in (region_certificate(A), characteristic_polynomial_certificate(A)):
        assert cert["meta"]["variables"] == ["u", "v"] and verify(cert).ok


def test_a_table_over_the_memory_limit_is_refused_at_the_call():
    from exactgeom.errors import TooLarge

    A = threshold(4)                                   # 1882 regions, 80 * 6 bytes each: 903,360
    with pytest.raises(TooLarge, match="1,882 regions") as caught:
        A.regions(memory_limit=10**5)                  # refused before any iteration
    assert (caught.value.estimate, caught.value.limit, caught.value.unit) == (1882 * 480, 10**5, "bytes")
    assert sum(1 for _ in A.regions(memory_limit=10**6)) == 1882
    assert sum(1 for _ in A.regions(memory_limit=None)) == 1882


@pytest.mark.slow
def test_threshold_7_is_refused_with_its_count():
    from exactgeom.errors import TooLarge

    with pytest.raises(TooLarge, match="8,378,070,864 regions"):
        threshold(7).regions()


def test_the_method_and_the_function_share_the_memory_limit():
    import inspect

    from exactgeom.arrangements import regions as regions_module

    default = inspect.signature(Arrangement.regions).parameters["memory_limit"].default
    assert default == regions_module.MEMORY_LIMIT == inspect.signature(
        regions_module.regions).parameters["memory_limit"].default

"""Solution counts of zero-dimensional systems, checked against systems with known solutions.

Independent sources: systems built from chosen roots (a triangular system with k distinct
integer roots has exactly k solutions; a power x^m has one root of multiplicity m), the empty
and positive-dimensional cases by construction, and the two engines against each other.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactgeom.algebra.engines import PRIMES, available_engines, count_solutions, reduce_mod

ENGINES = available_engines()


def _univariate_from_roots(roots, nvars=2, var=0):
    poly = {(0,) * nvars: Fraction(1)}
    for r in roots:
        new = {}
        for m, c in poly.items():
            up = tuple(e + (i == var) for i, e in enumerate(m))
            new[up] = new.get(up, 0) + c
            new[m] = new.get(m, 0) - r * c
        poly = {m: c for m, c in new.items() if c}
    return poly


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=8, deadline=None)
@given(
    roots=st.lists(st.integers(-30, 30), min_size=1, max_size=5, unique=True),
    slope=st.fractions(min_value=-5, max_value=5, max_denominator=7),
)
def test_triangular_system_has_one_point_per_root(engine, roots, slope):
    # y = slope * x + 1 over the roots of a univariate polynomial in x
    system = [_univariate_from_roots(roots), {(0, 1): Fraction(1), (1, 0): -slope, (0, 0): Fraction(-1)}]
    r = count_solutions(system, 2, engine=engine)
    assert (r.status, r.multiplicity_count, r.distinct_count) == ("finite", len(roots), len(roots))


@pytest.mark.parametrize("engine", ENGINES)
def test_multiplicity_is_counted_separately(engine):
    system = [_univariate_from_roots([2, 2, 2, 5]), {(0, 1): Fraction(1), (1, 0): Fraction(-1)}]
    r = count_solutions(system, 2, engine=engine)
    assert (r.multiplicity_count, r.distinct_count) == (4, 2)


@pytest.mark.parametrize("engine", ENGINES)
def test_empty_and_positive_dimensional(engine):
    assert count_solutions([{(1, 1): Fraction(1)}, {(0, 0): Fraction(3)}], 2, engine=engine).status == "empty"
    assert count_solutions([{(1, 1): Fraction(1)}], 2, engine=engine).status == "positive-dimensional"


def test_reduce_mod_rejects_unlucky_denominators():
    with pytest.raises(ZeroDivisionError, match="divisible"):
        reduce_mod([{(1,): Fraction(1, PRIMES[0])}], PRIMES[0])


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        count_solutions([{(1,): Fraction(1)}], 1, engine="magma")


def test_engines_agree_on_a_dense_system():
    # two random conics in the plane meet in 4 points (Bézout, generic coefficients)
    conic1 = {
        (2, 0): Fraction(3),
        (1, 1): Fraction(-2),
        (0, 2): Fraction(5),
        (1, 0): Fraction(1),
        (0, 0): Fraction(-7),
    }
    conic2 = {
        (2, 0): Fraction(-1),
        (1, 1): Fraction(4),
        (0, 2): Fraction(2),
        (0, 1): Fraction(3),
        (0, 0): Fraction(2),
    }
    results = {
        (r.multiplicity_count, r.distinct_count)
        for r in (count_solutions([conic1, conic2], 2, engine=e) for e in ENGINES)
    }
    assert results == {(4, 4)}


def test_float_coefficients_are_refused_by_name():
    with pytest.raises(TypeError, match=r"polys\[0\]\[\(1,\)\] is the float 0.5"):
        count_solutions([{(1,): 0.5}], 1, engine="f4")

"""Translation between exact rows over Q and pplpy objects (integer coefficients).

Rows are triples ``(row, kind, rhs)`` meaning ``row . x  kind  rhs`` with
Fractions; pplpy wants integer linear expressions, so each row is scaled by
the least common multiple of its denominators (a positive factor, which
leaves the set it defines unchanged).
"""

from __future__ import annotations

import math
from fractions import Fraction

import ppl

_OPERATORS = {
    "<=": lambda e: e <= 0,
    "<": lambda e: e < 0,
    "==": lambda e: e == 0,
    ">=": lambda e: e >= 0,
    ">": lambda e: e > 0,
}


def denominator_lcm(row, rhs) -> int:
    """The least common multiple of the denominators of ``row`` and ``rhs``."""
    return math.lcm(rhs.denominator, *{v.denominator for v in row})


def integer_row(row, rhs) -> tuple[list[int], int]:
    """``(row, rhs)`` times the lcm of their denominators, as Python ints.

    Integer arithmetic only (``p/q * L = p * (L // q)``), so long sparse rows
    of Fractions cost little.
    """
    lcm = denominator_lcm(row, rhs)
    if lcm == 1:
        return [v.numerator for v in row], rhs.numerator
    return [v.numerator * (lcm // v.denominator) for v in row], rhs.numerator * (lcm // rhs.denominator)


def constraint(row, kind: str, rhs) -> ppl.Constraint:
    """The pplpy constraint ``row . x - rhs  kind  0`` with integer coefficients."""
    coefficients, constant = integer_row(row, rhs)
    return _OPERATORS[kind](ppl.Linear_Expression(coefficients, -constant))


def nnc_polyhedron(dimension: int, constraints) -> ppl.NNC_Polyhedron:
    """A fresh ``NNC_Polyhedron`` in Q^dimension cut out by ``constraints``."""
    polyhedron = ppl.NNC_Polyhedron(dimension, "universe")
    for row, kind, rhs in constraints:
        polyhedron.add_constraint(constraint(row, kind, rhs))
    return polyhedron


def _fraction(value) -> Fraction:
    return Fraction(int(value.numerator), int(value.denominator))


def _padded(coefficients, dimension: int) -> list[int]:
    # pplpy drops trailing zero coefficients beyond an object's own space dimension.
    values = [int(c) for c in coefficients]
    return values + [0] * (dimension - len(values))


def generator_vector(generator, dimension: int) -> tuple[Fraction, ...]:
    """Coordinates of a point/closure point (divided by its divisor) or direction of a ray/line."""
    coefficients = _padded(generator.coefficients(), dimension)
    if generator.is_point() or generator.is_closure_point():
        divisor = int(generator.divisor())
        return tuple(Fraction(c, divisor) for c in coefficients)
    return tuple(Fraction(c) for c in coefficients)


def mpq_to_fraction(value) -> Fraction:
    """A gmpy2 ``mpq`` (as returned by ``MIP_Problem.optimal_value``) as a Fraction."""
    return _fraction(value)


def constraint_triple(c, dimension: int) -> tuple[tuple[Fraction, ...], str, Fraction]:
    """A pplpy constraint ``e  kind  0`` back as ``(row, kind, rhs)``."""
    kind = {"equality": "==", "nonstrict_inequality": ">=", "strict_inequality": ">"}[c.type()]
    row = tuple(Fraction(a) for a in _padded(c.coefficients(), dimension))
    return row, kind, Fraction(-int(c.inhomogeneous_term()))

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


def padded(coefficients, dimension: int) -> list[int]:
    """pplpy coefficients as Python ints, with zeros appended up to ``dimension``.

    pplpy drops trailing zero coefficients beyond an object's own space dimension.

    Examples
    --------
    >>> import ppl
    >>> padded((2 * ppl.Variable(0) >= 1).coefficients(), 3)
    [2, 0, 0]
    """
    values = [int(c) for c in coefficients]
    return values + [0] * (dimension - len(values))


def generator_vector(generator, dimension: int) -> tuple[Fraction, ...]:
    """Coordinates of a point/closure point (divided by its divisor) or direction of a ray/line."""
    coefficients = padded(generator.coefficients(), dimension)
    if generator.is_point() or generator.is_closure_point():
        divisor = int(generator.divisor())
        return tuple(Fraction(c, divisor) for c in coefficients)
    return tuple(Fraction(c) for c in coefficients)


def relative_interior_numerators(generators, dimension: int) -> tuple[list[int], int, bool] | None:
    """A point of the relative interior of a polyhedron, computed from its generator system.

    ``generators`` is the (minimised) generator system of a closed or NNC
    pplpy polyhedron in Q^dimension.  The point is the average of the points
    and closure points plus the sum of the rays (lines get weight 0), returned
    as integer numerators over one positive common denominator (not
    necessarily in lowest terms), together with whether there is no ray
    (the polyhedron is bounded modulo its lineality space).  ``None`` when
    there is no point, i.e. the polyhedron is empty.

    Examples
    --------
    >>> import ppl
    >>> x, y = ppl.Variable(0), ppl.Variable(1)
    >>> P = ppl.NNC_Polyhedron(2, "universe")
    >>> for c in (x > 0, y >= 0, x + y < 1):
    ...     P.add_constraint(c)
    >>> for g in P.minimized_generators():
    ...     print(g)
    closure_point(0/1, 0/1)
    closure_point(0/1, 1/1)
    closure_point(1/1, 0/1)
    point(1/2, 0/2)
    >>> relative_interior_numerators(P.minimized_generators(), 2)       # (3/8, 1/4): the average of the four
    ([3, 2], 8, True)
    >>> Q = ppl.C_Polyhedron(2, "universe")
    >>> Q.add_constraint(x >= 1)
    >>> relative_interior_numerators(Q.minimized_generators(), 2)       # the point (1, 0) + the ray (1, 0)
    ([2, 0], 1, False)
    >>> relative_interior_numerators(ppl.C_Polyhedron(2, "empty").minimized_generators(), 2) is None
    True
    """
    # Claim: if P is non-empty with generators p_1..p_k (points), c_1..c_l (closure points),
    # rays r_1..r_s and lines, then w = (sum p + sum c)/(k + l) + sum r lies in the relative
    # interior of P.
    # Proof: closure(P) = conv(p, c) + cone(r) + span(lines), so w is in closure(P).  Take a row
    # a.x <= b (or <, or an equation split into two) of P.  It is valid on closure(P), hence
    # a.p <= b, a.c <= b, a.r <= 0 and a.line = 0 for every generator.  Either equality holds
    # for every generator -- then a.x = b on all of closure(P), hence on its affine hull, and
    # the row is not strict (a strict row tight on closure(P) would leave P empty) -- or some
    # generator is strict, and then a.w < b because w weights every point and closure point
    # and every ray positively.  So w satisfies every row, and every row not identically tight
    # on aff(P) = aff(closure(P)) strictly: a neighbourhood of w in aff(P) lies in P.
    # A closed polyhedron is the case l = 0 with no strict rows.
    #
    # The generators of one system share its space dimension, so the columns line up; pplpy
    # may still shorten them all when trailing coordinates vanish, hence the padding at the end.
    vertices, rays = [], []
    for g in generators:
        if g.is_ray():
            rays.append(g.coefficients())
        elif not g.is_line():  # a point or a closure point
            vertices.append((g.coefficients(), g.divisor()))
    if not vertices:
        return None
    if len(vertices) == 1:
        total, denominator = vertices[0]
    else:
        lcm = math.lcm(*[divisor for _, divisor in vertices])
        if lcm == 1:
            scaled = [coefficients for coefficients, _ in vertices]
        else:
            scaled = [[(lcm // divisor) * v for v in coefficients] for coefficients, divisor in vertices]
        total = [sum(column) for column in zip(*scaled)]
        denominator = lcm * len(vertices)
    if rays:
        total = [t + sum(column) * denominator for t, column in zip(total, zip(*rays))]
    numerators = [int(t) for t in total]
    numerators += [0] * (dimension - len(numerators))
    return numerators, int(denominator), not rays


def fraction_vector(numerators, denominator: int) -> tuple[Fraction, ...]:
    """The vector ``numerators / denominator`` as a tuple of Fractions.

    Examples
    --------
    >>> fraction_vector([2, 0, -3], 4)
    (Fraction(1, 2), Fraction(0, 1), Fraction(-3, 4))
    """
    if denominator == 1:
        return tuple(Fraction(v) for v in numerators)
    return tuple(Fraction(v, denominator) for v in numerators)


def relative_interior_point(generators, dimension: int) -> tuple[Fraction, ...] | None:
    """:func:`relative_interior_numerators` as a tuple of Fractions (``None`` for no generators).

    Examples
    --------
    >>> import ppl
    >>> P = ppl.C_Polyhedron(1, "universe")
    >>> P.add_constraint(2 * ppl.Variable(0) <= 1)
    >>> relative_interior_point(P.minimized_generators(), 1)        # the point 1/2 plus the ray -1
    (Fraction(-1, 2),)
    """
    found = relative_interior_numerators(generators, dimension)
    return None if found is None else fraction_vector(*found[:2])


def mpq_to_fraction(value) -> Fraction:
    """A gmpy2 ``mpq`` (as returned by ``MIP_Problem.optimal_value``) as a Fraction."""
    return _fraction(value)

"""Random half-open systems and small fixed polyhedra shared by the tests of exactgeom.polyhedra."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from exactgeom.polyhedra import Polyhedron


KINDS = ("<=", "<", "==", ">=", ">")

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def holds(value, kind, rhs):
    return {"<=": value <= rhs, "<": value < rhs, "==": value == rhs, ">=": value >= rhs, ">": value > rhs}[
        kind
    ]


@st.composite
def systems(draw, dims=(1, 2, 3), max_rows=5, kinds=KINDS, coefficient=3):
    d = draw(st.sampled_from(dims))
    m = draw(st.integers(0, max_rows))
    small = st.integers(-coefficient, coefficient)
    A = [[draw(small) for _ in range(d)] for _ in range(m)]
    b = [Fraction(draw(small), draw(st.integers(1, 2))) for _ in range(m)]
    k = [draw(st.sampled_from(kinds)) for _ in range(m)]
    return Polyhedron(A, b, k, dimension=d)


def box(d, strict_sides=()):
    """[0, 1]^d with the listed sides (j, "low"/"high") open."""
    A, b, k = [], [], []
    for j in range(d):
        e = [0] * d
        e[j] = 1
        A += [e, e]
        b += [0, 1]
        k += [">" if (j, "low") in strict_sides else ">=", "<" if (j, "high") in strict_sides else "<="]
    return Polyhedron(A, b, k)

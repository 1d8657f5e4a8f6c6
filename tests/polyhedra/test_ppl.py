"""The integer relative-interior point read off pplpy generators, against the Fraction average."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st


from .strategies import SETTINGS, systems


# --------------------------------------------------------------------------------- relative interior points
@SETTINGS
@given(systems(), st.booleans())
def test_integer_interior_point_against_the_fraction_average_of_the_generators(P, nnc):
    """The integer witness shared by regions and faces (on C_Polyhedron) and Polyhedron (on NNC_Polyhedron)
    equals the Fraction average of the points and closure points plus the sum of the rays."""
    import ppl

    from exactgeom.polyhedra import _ppl

    if not nnc:
        P = P.closure()  # no strict rows: a C_Polyhedron
    d = P.ambient_dimension
    Q = ppl.NNC_Polyhedron(d, "universe") if nnc else ppl.C_Polyhedron(d, "universe")
    for row, kind, rhs in P.constraints:
        Q.add_constraint(_ppl.constraint(row, kind, rhs))
    # PPL may return a different (equally minimal) system on a second call, e.g. a ray modulo a
    # line: take the generator system once and compare on that one.
    generators = Q.minimized_generators()
    found = _ppl.relative_interior_numerators(generators, d)
    if P.is_empty():
        assert found is None and P.witness() is None
        return
    groups = {"point": [], "closure_point": [], "ray": [], "line": []}
    for g in generators:
        groups[g.type()].append([Fraction(int(v), int(g.divisor()) if g.type().endswith("point") else 1)
                                 for v in g.coefficients()] + [Fraction(0)] * (d - len(g.coefficients())))
    vertices = groups["point"] + groups["closure_point"]
    expected = tuple(sum((p[j] for p in vertices), Fraction(0)) / len(vertices)
                     + sum(r[j] for r in groups["ray"]) for j in range(d))
    numerators, denominator, bounded = found
    assert denominator > 0 and all(type(v) is int for v in numerators + [denominator])
    assert tuple(Fraction(v, denominator) for v in numerators) == expected
    assert bounded == (not groups["ray"])
    assert _ppl.relative_interior_point(Q.minimized_generators(), d) == expected
    if nnc:
        assert P.witness() == expected

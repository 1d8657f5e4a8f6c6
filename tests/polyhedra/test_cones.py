"""Open polyhedral cones: Gordan's alternative checked on both sides, facets by one LP per row."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from exactgeom import _exact
from exactgeom.polyhedra import cones, lp

from .strategies import SETTINGS


# ---------------------------------------------------------------------------------------------------- cones
cone_rows = st.integers(1, 3).flatmap(
    lambda d: st.tuples(
        st.just(d), st.lists(st.lists(st.integers(-2, 2), min_size=d, max_size=d), min_size=0, max_size=5)
    )
)


@SETTINGS
@given(cone_rows)
def test_open_cone_point_and_gordan_alternative(case):
    """Exactly one of: a point with R x >= 1 (checked), or y >= 0, sum y = 1, y R = 0 (checked); LP agrees."""
    d, rows = case
    point = cones.open_cone_point(rows, d)
    y = cones.gordan_multipliers(rows, d)
    by_lp = lp.point_of(d, [(tuple(Fraction(a) for a in r), ">", Fraction(0)) for r in rows])
    assert (point is None) == (by_lp is None) == (y is not None)
    if point is not None:
        assert all(sum(a * v for a, v in zip(r, point)) >= 1 for r in rows)
    else:
        assert all(v >= 0 for v in y) and sum(y) == 1
        assert all(sum(v * r[k] for v, r in zip(y, rows)) == 0 for k in range(d))


@SETTINGS
@given(cone_rows)
def test_cone_facets_are_the_irredundant_rows(case):
    """Row i lies on a facet iff dropping every row proportional to it enlarges the cone (one LP per row)."""
    d, rows = case
    rows = [r for r in rows if any(r)]
    if cones.open_cone_point(rows, d) is None:
        return  # facets are defined for full-dimensional cones only
    facets = cones.cone_facets(rows, d)
    listed = [i for facet in facets for i in facet]
    assert sorted(listed) == sorted(set(listed))
    for i, r in enumerate(rows):
        others = [
            s
            for s in rows
            if _exact.primitive_integer_vector(s, sign_normalize=False)
            != _exact.primitive_integer_vector(r, sign_normalize=False)
        ]
        system = [(tuple(Fraction(a) for a in s), ">=", Fraction(0)) for s in others]
        system.append((tuple(Fraction(a) for a in r), "<", Fraction(0)))
        irredundant = lp.point_of(d, system) is not None
        assert (i in listed) == irredundant
    for facet in facets:
        keys = {_exact.primitive_integer_vector(rows[i], sign_normalize=False) for i in facet}
        assert len(keys) == 1

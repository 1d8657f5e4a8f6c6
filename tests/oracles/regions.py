"""Sign vectors of points with respect to a hyperplane arrangement, evaluated with Fractions."""

from __future__ import annotations

from fractions import Fraction


def sign_vector(normals, offsets, point):
    """The sign of a_i · x − c_i for every hyperplane a_i · x = c_i (conventions.md).

    A top-level function, so that process pools can pickle it.

    Examples
    --------
    >>> sign_vector([(1, 0), (1, 1)], [0, 1], (Fraction(1, 2), Fraction(1, 2)))
    (1, 0)
    >>> sign_vector([(1, -1)], [Fraction(1, 3)], (0, 0))
    (-1,)
    """
    out = []
    for a, c in zip(normals, offsets):
        value = sum((ai * xi for ai, xi in zip(a, point)), Fraction(0)) - c
        out.append((value > 0) - (value < 0))
    return tuple(out)


def small_arrangements(max_dimension: int, max_hyperplanes: int, bound: int):
    """A hypothesis strategy: arrangements in Q^d, d <= max_dimension, with integer entries in
    [-bound, bound], zero normals dropped and repeated hyperplanes merged (``dedupe=True``)."""
    from hypothesis import strategies as st

    from exactgeom import Arrangement

    width = max_dimension

    def build(d, rows, offsets):
        kept = [(r[:d], o) for r, o in zip(rows, offsets) if any(r[:d])] or [([1] + [0] * (d - 1), 0)]
        return Arrangement([r for r, _ in kept], [o for _, o in kept], dimension=d, dedupe=True)

    return st.builds(
        build,
        st.integers(1, max_dimension),
        st.lists(st.lists(st.integers(-bound, bound), min_size=width, max_size=width),
                 min_size=1, max_size=max_hyperplanes),
        st.lists(st.integers(-bound, bound), min_size=max_hyperplanes, max_size=max_hyperplanes),
    )


def huge_coefficient_arrangements():
    """A hypothesis strategy: arrangements in Q^3 whose entries are beyond int64 (scaled by 2^31 + 11,
    3^40 or 10^30, plus a unit entry so that no normal is zero), duplicates merged."""
    from hypothesis import strategies as st

    from exactgeom import Arrangement

    return st.builds(
        lambda rows, offsets, scale: Arrangement([[v * scale + (i % 3 == j) for j, v in enumerate(r)]
                                                  for i, r in enumerate(rows)],
                                                 [o * scale for o in offsets[:len(rows)]], dedupe=True),
        st.lists(st.lists(st.integers(-2, 2), min_size=3, max_size=3), min_size=1, max_size=5),
        st.lists(st.integers(-2, 2), min_size=5, max_size=5),
        st.sampled_from([2**31 + 11, 3**40, 10**30]),
    )

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

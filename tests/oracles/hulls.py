"""Planar convex hulls by Andrew's monotone chain (an independent second algorithm)."""

from __future__ import annotations


def cross(o, a, b):
    """Twice the signed area of the triangle o, a, b: positive for a left turn.

    Examples
    --------
    >>> cross((0, 0), (1, 0), (0, 1)), cross((0, 0), (1, 0), (2, 0)), cross((0, 0), (0, 1), (1, 0))
    (1, 0, -1)
    """
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def monotone_chain(points):
    """The vertices of the convex hull of planar points, sorted; collinear boundary points dropped.

    Examples
    --------
    >>> monotone_chain([(0, 0), (2, 0), (1, 0), (1, 1), (1, 3), (2, 2), (0, 2)])
    ((0, 0), (0, 2), (1, 3), (2, 0), (2, 2))
    >>> monotone_chain([(1, 1), (1, 1)])
    ((1, 1),)
    """
    distinct = sorted(set(points))
    if len(distinct) <= 2:
        return tuple(distinct)

    def half(sequence):
        chain = []
        for p in sequence:
            while len(chain) >= 2 and cross(chain[-2], chain[-1], p) <= 0:
                chain.pop()
            chain.append(p)
        return chain

    lower, upper = half(distinct), half(reversed(distinct))
    return tuple(sorted(set(lower[:-1] + upper[:-1])))

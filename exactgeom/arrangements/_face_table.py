r"""Faces of an arrangement without linear programs: the regions of its restrictions to its flats.

**Why every face comes out, once, with the right covector.**  A face ``F`` of A
spans the flat ``X = ∩ {H_i : σ_i(F) = 0}``, and inside ``X`` the faces spanning
``X`` are exactly the regions of the restriction ``A^X`` (the traces ``H_i ∩ X``
of the hyperplanes not containing ``X``): a point of ``X`` off every trace has
zeros exactly at the hyperplanes containing ``X``, and two such points have the
same covector iff they have the same sign at every trace.  So the faces of A are
the disjoint union, over the flats ``X`` of L(A) (the whole space included), of
the regions of ``A^X``.  The flats come from the flat engine
(:func:`exactgeom.arrangements.lattice.intersection_lattice`), the regions of
each restriction with witnesses from the LP-free enumeration of
:mod:`exactgeom.arrangements._incremental`, whose module docstring proves that
every region comes out once with a point strictly inside.

Each flat is parametrized exactly by an integer matrix ``M`` on homogeneous
points (``x = p + N y``, by eliminating its hyperplanes one at a time), the
traces are the rows ``r_i M``, primitive and with parallel and identical ones
merged, and the witnesses of their regions are lifted by ``M``; restrictions
that recur (the same traces in these coordinates) are enumerated once.  The
covector of every lifted witness is then computed exactly, at all ``n``
hyperplanes, in integer arithmetic, and its zeros are checked to be exactly the
hyperplanes of the flat: so each face is returned with its true covector, a point of its
relative interior, and the dimension of the flat it spans.  Sorting the packed
covectors puts the faces in lexicographic order (``+1 < 0 < -1``) and shows
they are distinct.

Homogeneous points and rows are those of :mod:`exactgeom.arrangements._incremental`:
``(x_1, ..., x_d, x_0)`` with ``x_0 > 0`` and ``(a, -c)``.
"""

from __future__ import annotations

from math import gcd

import numpy as np

from ._covectors import _integer_rows
from ._incremental import (
    _concatenate,
    _matmul,
    _pivot,
    _row_matrix,
    _sign,
    normalized_rows,
    primitive_rows,
    region_table,
)


def covector_keys(signs: np.ndarray) -> np.ndarray:
    """One byte string per covector (rows of ``signs``, entries -1/0/+1) ordered as the covectors
    are lexicographically with ``+1 < 0 < -1``: two bits per entry, ``00``, ``01``, ``10``.

    Examples
    --------
    >>> S = np.array([[-1, 0], [0, 1], [1, -1], [0, -1]], dtype=np.int8)
    >>> S[np.argsort(covector_keys(S))].tolist()
    [[1, -1], [0, 1], [0, -1], [-1, 0]]
    """
    m, n = signs.shape
    bits = np.zeros((m, 2 * n), dtype=bool)
    bits[:, 0::2] = signs < 0
    bits[:, 1::2] = signs == 0
    packed = np.ascontiguousarray(np.packbits(bits, axis=1))
    if not packed.shape[1]:
        return np.zeros(m, dtype=np.dtype((np.void, 1)))
    return packed.view(np.dtype((np.void, packed.shape[1]))).ravel()


def covectors_of_keys(keys: np.ndarray, n: int) -> np.ndarray:
    """The covectors (int8 matrix, entries -1/0/+1) of :func:`covector_keys` output.

    Examples
    --------
    >>> S = np.array([[1, 0, -1], [0, 0, 1]], dtype=np.int8)
    >>> covectors_of_keys(covector_keys(S), 3).tolist()
    [[1, 0, -1], [0, 0, 1]]
    """
    if not len(keys) or not n:
        return np.zeros((len(keys), n), dtype=np.int8)
    width = keys.dtype.itemsize
    bits = np.unpackbits(np.frombuffer(keys.tobytes(), dtype=np.uint8).reshape(-1, width), axis=1)
    negative, zero = bits[:, 0:2 * n:2].astype(np.int8), bits[:, 1:2 * n:2].astype(np.int8)
    return ((1 - zero) * (1 - 2 * negative)).astype(np.int8)


def flat_parametrization(rows: tuple[tuple[int, ...], ...], flat: tuple[int, ...], dimension: int,
                         codimension: int) -> np.ndarray:
    """An integer ``(d+1) x (k+1)`` matrix ``M`` taking the homogeneous points ``(y, y_0)`` of Q^k,
    ``y_0 > 0``, onto those of the flat ``X = ∩_{i in flat} H_i`` (``rows`` primitive; the flat is
    non-empty of the given codimension, ``k = d - codimension``).

    The hyperplanes of the flat are eliminated one at a time, each in the coordinates
    left by the ones before, as :mod:`~exactgeom.arrangements._incremental` restricts to a
    hyperplane (its pivot coordinate is dropped); a hyperplane whose trace vanishes
    contains what is left and is skipped, and once ``codimension`` have been
    eliminated what is left is ``X``.  Each column is divided by its gcd, a
    positive rescaling of one coordinate.  The last row of ``M`` is ``(0, ..., 0, q)``,
    ``q > 0``, so homogeneous points stay homogeneous.

    Examples
    --------
    >>> flat_parametrization(((1, 1, -1),), (0,), 2, 1).tolist()     # x + y = 1: (-t, t) + (1, 0)
    [[-1, 1], [1, 0], [0, 1]]
    """
    columns = [tuple(int(i == j) for i in range(dimension + 1)) for j in range(dimension + 1)]
    for h in flat:
        if len(columns) == dimension + 1 - codimension:
            break
        trace = tuple(sum(x * y for x, y in zip(rows[h], column)) for column in columns)
        if not any(trace[:-1]):
            continue
        i = _pivot(trace)
        m, s = abs(trace[i]), (1 if trace[i] > 0 else -1)
        columns = [_divided(tuple(m * a - s * trace[j] * b for a, b in zip(columns[j], columns[i])))
                   for j in range(len(columns)) if j != i]
    largest = max(abs(v) for column in columns for v in column)
    return np.array(columns, dtype=np.int64 if largest < 2**31 else object).T


def _divided(column: tuple[int, ...]) -> tuple[int, ...]:
    g = gcd(*column)
    return column if g == 1 else tuple(v // g for v in column)


def restricted_rows(R: np.ndarray, M: np.ndarray, flat: tuple[int, ...]) -> tuple[tuple[int, ...], ...]:
    """The traces on the flat parametrized by ``M`` of the rows ``R`` not containing it, in the
    coordinates of ``M``: primitive, parallel ones left out, identical ones merged, sorted."""
    keep = np.ones(len(R), dtype=bool)
    keep[list(flat)] = False
    return primitive_rows(_matmul(R[keep], M))


def face_table(arrangement, lattice, *, bar=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All faces of ``arrangement``: ``(points, keys, dimensions)`` in the order of the covectors.

    ``lattice`` is its :func:`~exactgeom.arrangements.lattice.intersection_lattice`.
    ``points`` are homogeneous integer witnesses (one row per face, ``x_0 > 0``),
    ``keys`` the packed covectors (:func:`covector_keys`), ``dimensions`` the
    dimension of each face.  ``bar``, when given, is advanced by one per flat.

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> from exactgeom.arrangements.lattice import intersection_lattice
    >>> A = Arrangement([[1]], offsets=[2])                         # x = 2 on the line
    >>> P, K, D = face_table(A, intersection_lattice(A))
    >>> P.tolist(), covectors_of_keys(K, 1).tolist(), D.tolist()
    ([[3, 1], [2, 1], [1, 1]], [[1], [0], [-1]], [1, 0, 1])
    """
    d, n = arrangement.dimension, len(arrangement)
    rows = normalized_rows(_integer_rows(arrangement))
    R = _row_matrix(rows) if n else np.zeros((0, d + 1), dtype=np.int64)
    # Restrictions recur (T_5: 12,364 flats, 159 distinct restrictions in these coordinates):
    # each distinct one is enumerated once.
    tables: dict[tuple[int, tuple[tuple[int, ...], ...]], np.ndarray] = {}
    points, keys, dimensions = [], [], []
    for rank, level in enumerate(lattice.flats_by_rank):
        for bits in level:
            flat = tuple(i for i in range(n) if bits >> i & 1)
            M = flat_parametrization(rows, flat, d, rank)
            k = d - rank
            if M.shape[1] != k + 1:  # pragma: no cover - the flat engine's rank is the codimension
                raise AssertionError(f"the flat {flat} does not have dimension {k}")
            traces = restricted_rows(R, M, flat)
            Y = tables.get((k, traces))
            if Y is None:
                Y = tables[k, traces] = region_table(traces, k)[0]
            X = _matmul(Y, M.T)
            signs = _sign(_matmul(X, R.T))
            zero = np.zeros(n, dtype=bool)
            zero[list(flat)] = True
            if not ((signs == 0) == zero).all():  # pragma: no cover - a region of A^X is off its traces
                raise AssertionError(f"a witness on the flat {flat} has the wrong zeros")
            points.append(X)
            keys.append(covector_keys(signs))
            dimensions.append(np.full(len(X), k, dtype=np.int16))
            if bar is not None:
                bar.update()
    P, K, D = _concatenate(points), np.concatenate(keys), np.concatenate(dimensions)
    order = np.argsort(K, kind="stable")
    K = K[order]
    if len(K) > 1 and (K[1:] == K[:-1]).any():  # pragma: no cover - flats and regions are distinct
        raise AssertionError("two witnesses have the same covector")
    return P[order], K, D[order]

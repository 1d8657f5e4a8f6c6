r"""Regions of an arrangement without linear programs: hyperplanes are added one at a time.

Hyperplanes are integer rows ``r = (a_1, ..., a_d, -c)`` and points are homogeneous
integer vectors ``(x_1, ..., x_d, x_0)`` with ``x_0 > 0``, so that the sign of
``a . x/x_0 - c`` is the sign of ``r . x``.

**Why the regions come out, each exactly once.**  Let ``A_k`` be the first ``k``
hyperplanes.  The regions of ``A_{k-1}`` that ``H_k`` cuts are in bijection with
the regions of the restriction ``A_{k-1}^{H_k}`` (computed recursively, in
coordinates of ``H_k``).  A witness ``q`` of such a region lies in ``H_k`` and off
every other hyperplane of ``A_{k-1}``; from it two *candidates* are made, one on
each side of ``H_k``, by a step along a coordinate direction ``e_i`` with
``r_k[i] != 0``.  The sign of the ``+`` candidate at row ``r_j`` is meant to be
``sign(r_j . q)``, or ``sign(r_j[i])`` when ``r_j . q = 0`` (the ``-`` candidate:
``-sign(r_j[i])``); candidates with a zero in that sign vector are dropped.

*Every region of A is found.*  For a region ``R`` of ``A`` let ``k`` be the last
index at which ``H_k`` cuts the region of ``A_{k-1}`` containing ``R``; then
``R`` is a region of ``A_k``, one of the two pieces, and its candidate ``p``
made from the witness ``q`` of that cut is in ``R``: near ``q`` the only
hyperplane of ``A_k`` is ``H_k``, so a later ``H_j`` through ``q`` would cut
``R``; hence ``r_j . q != 0`` for all ``j != k`` and ``p`` has the signs of ``R``.

*Nothing else is found, and each witness is right.*  Each candidate is kept
only with a point whose signs at all rows are checked exactly (integer dot
products) to be the candidate's zero-free sign vector, so every output is a
region with a point strictly inside it.  The distinct sign vectors are then
found by one sort.  A candidate's point is tried in three forms, the first that
checks is taken: a point of a coarse dyadic grid near the *spread* point
``q ± t e_i`` (``t = 2^e`` below half the distance along ``e_i`` to the first
other hyperplane), the spread point itself, and ``K q ± q_0 e_i`` with
``K |r_j . q| > q_0 |r_j[i]|`` for every ``j`` with ``r_j . q != 0``, which has
the intended signs by construction (for such ``j`` the term ``K r_j . q``
dominates, for the others only ``± q_0 r_j[i]`` is left).  The grid keeps the
witnesses small: without it the size of the entries doubles with every level
of restriction.

The arithmetic is batched in numpy ``int64`` when a bound on every entry shows
that it cannot overflow, and in numpy arrays of Python integers otherwise; the
step sizes are chosen with floating-point logarithms, which only affects which
of the three forms is taken, never a sign.
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd

import numpy as np

_SAFE = 2**62
# Grids tried for a candidate's point, finer in this order: spacing 2^-(max(0, -e) + extra) for a step 2^e.
_GRID_EXTRA = (-4, 0, 3, 9)


def normalized_rows(integer_rows) -> tuple[tuple[int, ...], ...]:
    """The rows ``(a, -c)`` of integer hyperplanes ``a . x = c``, each primitive (gcd 1, same sign)."""
    out = []
    for a, c in integer_rows:
        row = tuple(a) + (-c,)
        g = gcd(*row)
        out.append(tuple(v // g for v in row))
    return tuple(out)


def _primitive(row: tuple[int, ...]) -> tuple[int, ...] | None:
    """``row`` divided by the gcd of its entries, first non-zero normal entry positive; None if parallel."""
    if not any(row[:-1]):
        return None
    g = gcd(*row)
    if next(v for v in row if v) < 0:
        g = -g
    return tuple(v // g for v in row)


def _pivot(row: tuple[int, ...]) -> int:
    """A coordinate whose coefficient in the normal of ``row`` is non-zero and smallest in size."""
    return min((abs(v), i) for i, v in enumerate(row[:-1]) if v)[1]


def _lift(H: tuple[int, ...], i: int) -> np.ndarray:
    """The ``(d+1) x d`` integer matrix taking homogeneous points of ``H`` (the coordinates of
    :func:`restriction_key`: coordinate ``i`` dropped) to homogeneous points of Q^d on ``H``,
    scaling ``x_0`` by ``|H[i]|``."""
    m, s = abs(H[i]), (1 if H[i] > 0 else -1)
    D = len(H)
    L = np.zeros((D, D - 1), dtype=object if max(abs(v) for v in H) >= 2**31 else np.int64)
    others = [j for j in range(D) if j != i]
    for col, j in enumerate(others):
        L[j, col] = m
        L[i, col] = -s * H[j]
    return L


def _largest(M: np.ndarray) -> int:
    return int(abs(M).max()) if M.size else 0


def _matmul(X: np.ndarray, M: np.ndarray) -> np.ndarray:
    """``X @ M`` exactly: int64 when no entry can overflow, Python integers otherwise."""
    if X.dtype != object and M.dtype != object and _largest(X) * _largest(M) * max(1, M.shape[0]) < _SAFE:
        return X @ M
    return X.astype(object) @ M.astype(object)


def _scaled(X: np.ndarray, factors: np.ndarray) -> np.ndarray:
    """``factors[:, None] * X`` exactly."""
    if X.dtype != object and factors.dtype != object and _largest(X) * (_largest(factors) + 1) < _SAFE:
        return factors.reshape(-1, 1) * X
    return factors.astype(object).reshape(-1, 1) * X.astype(object)


def _small(X: np.ndarray) -> np.ndarray:
    """``X`` as int64 when every entry fits comfortably, else unchanged."""
    if X.dtype == object and (not X.size or _largest(X) < _SAFE):
        return X.astype(np.int64)
    return X


def _sign(X: np.ndarray) -> np.ndarray:
    """Entrywise sign as int8."""
    if X.dtype == object:
        return (X > 0).astype(np.int8) - (X < 0).astype(np.int8)
    return np.sign(X).astype(np.int8)


def _to_float(X: np.ndarray) -> np.ndarray:
    """``X`` as float64 (entries beyond float range become inf: only step sizes are read from it)."""
    if X.dtype != object:
        return X.astype(np.float64)
    return np.array([float(v) if abs(v) < 2**1000 else np.inf for v in X.ravel()]).reshape(X.shape)


def _row_matrix(rows: tuple[tuple[int, ...], ...]) -> np.ndarray:
    """``rows`` as an int64 matrix when their entries are small, else as Python integers."""
    return np.array(rows, dtype=np.int64 if max(abs(v) for r in rows for v in r) < 2**31 else object)


def primitive_rows(T: np.ndarray) -> tuple[tuple[int, ...], ...]:
    """The distinct rows of the integer matrix ``T`` whose normal part (all but the last entry) is
    non-zero, each divided by its gcd with its first non-zero entry positive, sorted.

    Examples
    --------
    >>> primitive_rows(np.array([[2, -4, 6], [-1, 2, -3], [0, 0, 5]]))
    ((1, -2, 3),)
    """
    if T.dtype == object:
        out = {_primitive(tuple(int(v) for v in row)) for row in T.tolist()}
        out.discard(None)
        return tuple(sorted(out))
    T = T[(T[:, :-1] != 0).any(axis=1)]
    if not len(T):
        return ()
    first = T[np.arange(len(T)), np.argmax(T[:, :-1] != 0, axis=1)]
    T = T // (np.gcd.reduce(T, axis=1) * np.sign(first)).reshape(-1, 1)
    return tuple(sorted(set(map(tuple, T.tolist()))))


def restriction_key(rows: tuple[tuple[int, ...], ...], k: int, R: np.ndarray | None = None
                    ) -> tuple[tuple[int, ...], ...]:
    """The rows of ``A_{k-1}^{H_k}`` (``rows[:k]`` restricted to ``rows[k]``, coordinate ``i`` of
    ``H_k``'s pivot dropped, positively scaled), primitive and sorted.

    ``R`` is ``rows`` as a matrix (:func:`_row_matrix`), when at hand.
    """
    if not k:
        return ()
    H = rows[k]
    i = _pivot(H)
    R = _row_matrix(rows) if R is None else R
    m, s = abs(H[i]), (1 if H[i] > 0 else -1)
    others = [j for j in range(len(H)) if j != i]
    Hs = np.array([H[j] for j in others], dtype=R.dtype)
    if R.dtype != object and _largest(R) * (2 * _largest(Hs) + m) >= _SAFE:
        R, Hs = R.astype(object), Hs.astype(object)
    return primitive_rows(m * R[:k, others] - s * R[:k, i:i + 1] * Hs)


def _checked(R: np.ndarray, P: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Which homogeneous points (rows of ``P``) have exactly the sign vectors ``target`` (entries ±1)
    at the rows ``R``."""
    return (_matmul(P, R.T) * target > 0).all(axis=1)


def _grid_points(P: np.ndarray, s: np.ndarray) -> np.ndarray:
    """The homogeneous points ``(round(2^s x), 2^s)`` for the points ``x = P[:, :-1] / P[:, -1]``
    (``s`` one non-negative exponent per point)."""
    p0 = P[:, -1:]
    top_bits = int(s.max(initial=0))
    if P.dtype != object and top_bits < 61 and _largest(P) * 2 ** (top_bits + 1) < _SAFE:
        scale = (np.int64(2) ** (s + 1)).reshape(-1, 1)
        G = (P[:, :-1] * scale + p0) // (2 * p0)
        top = np.int64(2) ** s
    else:
        O = P.astype(object)
        scale = (2 ** (s.astype(object) + 1)).reshape(-1, 1)
        G = (O[:, :-1] * scale + O[:, -1:]) // (2 * O[:, -1:])
        top = 2 ** s.astype(object)
    out = np.empty((P.shape[0], P.shape[1]), dtype=G.dtype)
    out[:, :-1] = G
    out[:, -1] = top
    return out


def _points_for(R: np.ndarray, spread: np.ndarray, fallback, target: np.ndarray, e: np.ndarray) -> np.ndarray:
    """For each candidate the first of (coarse grid points, spread point, fallback) with the ``target`` signs.

    The grid for a spread step ``2^e`` has spacing ``2^-s`` for ``s = max(0, -e) + extra``;
    ``fallback(rows)`` makes the fallback points of the candidates ``rows`` (only those still
    without a point)."""
    m = len(target)
    parts_idx, parts_pts = [], []
    base = np.maximum(-e, 0)
    tries = [lambda todo, extra=extra: _grid_points(spread[todo], np.maximum(base[todo] + extra, 0))
             for extra in _GRID_EXTRA]
    tries += [lambda todo: spread[todo], fallback]
    todo = np.arange(m)
    for make in tries:
        if not todo.size:
            break
        sub = make(todo)
        ok = _checked(R, sub, target[todo])
        parts_idx.append(todo[ok])
        parts_pts.append(sub[ok])
        todo = todo[~ok]
    if todo.size:  # pragma: no cover - the fallback has the target signs by construction
        raise AssertionError("a candidate point does not have its sign vector")
    dtype = object if any(p.dtype == object for p in parts_pts) else np.int64
    points = np.empty((m, spread.shape[1]), dtype=dtype)
    for idx, pts in zip(parts_idx, parts_pts):
        points[idx] = pts
    return _small(points)


def _fallback_points(Q: np.ndarray, V: np.ndarray, RI: np.ndarray, pivots: np.ndarray, direction: int
                     ) -> np.ndarray:
    """``K q + direction q_0 e_i`` with ``K = 1 + max_j floor(q_0 |r_j[i]| / |r_j . q|)`` over
    ``r_j . q != 0``: no row with ``r_j . q != 0`` changes sign, the others get ``direction r_j[i]``."""
    q0 = Q[:, -1]
    nonzero = V != 0
    top = _scaled(np.abs(RI), q0)
    K = 1 + np.where(nonzero, top // np.where(nonzero, np.abs(V), 1), 0).max(axis=1, initial=0)
    P = _scaled(Q, K)
    at = np.arange(len(Q))
    P[at, pivots] = P[at, pivots] + direction * q0.astype(P.dtype)
    return P


def _lifted(rows: tuple[tuple[int, ...], ...], k: int, Y: np.ndarray) -> np.ndarray:
    """The witnesses ``Y`` of ``A_{k-1}^{H_k}`` as homogeneous points of Q^d on ``H_k``."""
    H = rows[k]
    return _matmul(Y, _lift(H, _pivot(H)).T)


def candidates(R: np.ndarray, Q: np.ndarray, pivots: np.ndarray, origins: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidates made from points ``Q`` (``Q[p]`` on the hyperplane it was lifted to, stepping
    along ``e_{pivots[p]}``) for the arrangement of the rows of ``R`` (:func:`_row_matrix`):
    their points and sign vectors.

    Returns the homogeneous points (``m' x (d+1)``), their sign matrix
    (``m' x n``, int8, entries ``±1``) at all ``n`` rows, and ``origins`` of
    each, for the candidates whose sign vector has no zero; each point is
    checked to have its signs.
    """
    V = _matmul(Q, R.T)                                   # V[p, j] = r_j . q_p, exactly
    q0 = Q[:, -1]
    RI = R.T[pivots]                                      # RI[p, j] = r_j[i_p]
    S = _sign(V)
    tie = _sign(RI)
    nonzero = S != 0
    # float estimates of |r_j . q| / (q0 |r_j[i]|), the distance along e_i to H_j
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio_all = _to_float(np.abs(V)) / (_to_float(np.abs(RI)) * _to_float(q0).reshape(-1, 1))
    rows_idx = np.arange(len(Q))
    points, signs, where = [], [], []
    for direction in (1, -1):
        target = np.where(nonzero, S, direction * tie).astype(np.int8)
        keep = (target != 0).all(axis=1)
        if not keep.any():
            continue
        # the first other hyperplane along direction * e_i: rows whose sign would flip
        blocking = nonzero & (S * (direction * tie) < 0)
        nearest = np.where(blocking, ratio_all, np.inf).min(axis=1, initial=np.inf)
        with np.errstate(divide="ignore"):
            e = np.floor(np.log2(np.where(np.isfinite(nearest) & (nearest > 0), nearest, 1.0)) - 1e-9) - 1
        e = np.where(np.isfinite(nearest) & (nearest > 0), e, 0).astype(np.int64)[keep]
        Qk, q0k, piv = Q[keep], q0[keep], pivots[keep]
        up, down = np.maximum(e, 0), np.maximum(-e, 0)
        if max(int(up.max(initial=0)), int(down.max(initial=0))) > 60:
            up, down = up.astype(object), down.astype(object)
        two = np.int64(2) if up.dtype != object else 2
        spread = _scaled(Qk, two ** down)                 # 2^-e q for e < 0
        step = _scaled(q0k.reshape(-1, 1), two ** up).ravel()   # 2^e q0 for e >= 0
        if step.dtype == object or spread.dtype == object:
            spread, step = spread.astype(object), step.astype(object)
        at = rows_idx[:len(piv)]
        spread[at, piv] = spread[at, piv] + direction * step
        kept = np.flatnonzero(keep)

        def fallback(todo, kept=kept, direction=direction):
            rows_ = kept[todo]
            return _fallback_points(Q[rows_], V[rows_], RI[rows_], pivots[rows_], direction)

        points.append(_points_for(R, spread, fallback, target[keep], e))
        signs.append(target[keep])
        where.append(origins[keep])
    if not points:
        return (np.zeros((0, Q.shape[1]), dtype=np.int64), np.zeros((0, len(R)), dtype=np.int8),
                np.zeros(0, dtype=np.intp))
    return _concatenate(points), np.concatenate(signs), np.concatenate(where)


# Candidates are made in blocks of rows, so that the (rows x hyperplanes) work matrices stay
# small (a few tens of MB) however many regions there are; only points and packed keys are kept.
_BLOCK_ENTRIES = 2**22


def _all_candidates(rows: tuple[tuple[int, ...], ...], dimension: int, memo: dict, ks=None, bar=None,
                    *, release: bool = False):
    """The candidates of the hyperplanes ``ks`` (default all) of ``rows``: points, sign keys
    (:func:`sign_keys`), and the hyperplane each was made for, ordered by that hyperplane (stable).

    ``release``: the memo of restrictions is not needed afterwards (the outermost call), so
    it is emptied once the witnesses are lifted, before the candidates are made."""
    lifted, pivots, origins = [], [], []
    R = _row_matrix(rows)
    for k in range(len(rows)) if ks is None else ks:
        Q = _lifted(rows, k, witnesses(restriction_key(rows, k, R), dimension - 1, memo))
        lifted.append(Q)
        pivots.append(np.full(len(Q), _pivot(rows[k]), dtype=np.intp))
        origins.append(np.full(len(Q), k, dtype=np.intp))
        if bar is not None:
            bar.update()
    Q, pivot, origin = _concatenate(lifted), np.concatenate(pivots), np.concatenate(origins)
    del lifted, pivots, origins
    if release:
        memo.clear()
    step = max(1024, _BLOCK_ENTRIES // max(1, len(rows)))
    points, keys, where = [], [], []
    for start in range(0, len(Q), step):
        block = slice(start, start + step)
        P, S, o = candidates(R, Q[block], pivot[block], origin[block])
        points.append(P)
        keys.append(sign_keys(S))
        where.append(o)
    del Q
    P, K, o = _concatenate(points), np.concatenate(keys), np.concatenate(where)
    order = np.argsort(o, kind="stable")
    return P[order], K[order], o[order]


def _concatenate(blocks: list[np.ndarray]) -> np.ndarray:
    if any(b.dtype == object for b in blocks):
        return np.concatenate([b.astype(object) for b in blocks])
    return np.concatenate(blocks)


def sign_keys(signs: np.ndarray) -> np.ndarray:
    """One opaque byte string per sign vector whose byte order is the lexicographic order, ``+1`` first."""
    packed = np.ascontiguousarray(np.packbits(signs < 0, axis=1))
    return packed.view(np.dtype((np.void, packed.shape[1]))).ravel() if packed.shape[1] else \
        np.zeros(len(signs), dtype=np.dtype((np.void, 1)))


def signs_of_keys(keys: np.ndarray, n: int) -> np.ndarray:
    """The ``±1`` sign matrix (int8) of :func:`sign_keys` output."""
    if not len(keys):
        return np.zeros((0, n), dtype=np.int8)
    width = keys.dtype.itemsize
    bits = np.unpackbits(np.frombuffer(keys.tobytes(), dtype=np.uint8).reshape(-1, width), axis=1)[:, :n]
    return (1 - 2 * bits.astype(np.int8)).astype(np.int8)


def affine_points(points: np.ndarray) -> list[tuple[Fraction, ...]]:
    """The homogeneous points ``(x, x_0)`` (rows) as tuples of Fractions ``x / x_0``.

    Coordinates repeat a lot (grid points) and a Fraction is immutable: each distinct
    ``(x_i, x_0)`` is made once.
    """
    made: dict[tuple[int, int], Fraction] = {}
    out = []
    for point in points.tolist():
        x0 = point[-1]
        witness = []
        for v in point[:-1]:
            value = made.get((v, x0))
            if value is None:
                value = made[v, x0] = Fraction(v, x0)
            witness.append(value)
        out.append(tuple(witness))
    return out


def distinct_regions(points: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct sign vectors among the candidates, in lexicographic order (+ first),
    each with the first candidate's point: ``(points, keys)``."""
    unique, first = np.unique(keys, return_index=True)
    return points[first], unique


def _origin(dimension: int) -> np.ndarray:
    """The one witness ``(0, ..., 0, 1)`` of the empty arrangement in Q^dimension."""
    W = np.zeros((1, dimension + 1), dtype=np.int64)
    W[0, -1] = 1
    return W


def witnesses(rows: tuple[tuple[int, ...], ...], dimension: int, memo: dict | None = None) -> np.ndarray:
    """One homogeneous witness per region of the arrangement ``rows`` (primitive, distinct) in Q^dimension.

    Examples
    --------
    >>> witnesses(((1, 0), ), 1).tolist()          # x = 0 on the line: points 1 and -1
    [[1, 1], [-1, 1]]
    """
    memo = {} if memo is None else memo
    if not rows:
        return _origin(dimension)
    if rows in memo:
        return memo[rows]
    P, K, _ = _all_candidates(rows, dimension, memo)
    W = distinct_regions(P, K)[0]
    memo[rows] = W
    return W


def candidate_block(rows: tuple[tuple[int, ...], ...], dimension: int, ks: list[int]
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidates of the hyperplanes ``ks`` of ``rows``: points, sign keys and hyperplane of origin
    (one task of a split run)."""
    return _all_candidates(rows, dimension, {}, ks, release=True)


def region_table(rows: tuple[tuple[int, ...], ...], dimension: int, *, bar=None, blocks=None, num_blocks=1
                 ) -> tuple[np.ndarray, np.ndarray]:
    """All regions of the arrangement ``rows``: ``(points, keys)`` in lexicographic order, ``+1`` first.

    ``rows`` are the primitive integer rows in the arrangement's order (not
    sorted: the order of the sign vectors is that of the rows).  ``bar``, when
    given, is advanced by one per hyperplane added.  ``blocks``, when given,
    computes the candidates instead: called with a list of lists of hyperplane
    indices (``num_blocks`` of them, dealt out in turn), it yields
    ``candidate_block(rows, dimension, ks)`` for each list in order (an
    executor's map).  The result is the same: each region's point is the one of
    its first candidate in the order of the hyperplanes they were made for.
    """
    n = len(rows)
    if n == 0:
        return _origin(dimension), sign_keys(np.zeros((1, 0), dtype=np.int8))
    if blocks is None:
        P, keys, _ = _all_candidates(rows, dimension, {}, None, bar, release=True)
    else:
        split = [list(range(j, n, num_blocks)) for j in range(min(num_blocks, n))]
        points, key_parts, origin_parts = [], [], []
        for (P, K, origin), ks in zip(blocks(split), split):
            points.append(P)
            key_parts.append(K)
            origin_parts.append(origin)
            if bar is not None:
                bar.update(len(ks))
        order = np.argsort(np.concatenate(origin_parts), kind="stable")
        P, keys = _concatenate(points)[order], np.concatenate(key_parts)[order]
    return distinct_regions(P, keys)

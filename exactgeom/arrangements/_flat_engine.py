r"""The flat-enumeration engine behind :mod:`exactgeom.arrangements.lattice` (private).

The public functions in ``lattice`` state what is computed; this module is how.
Its entry points are ``_central_rows`` (the integer matroid of A or of its cone),
``_prime_for`` (the modulus, chosen so that the answer is exact) and
``_enumerate_flats`` (Weisner's recursion rank by rank, with a numpy path and a
pure-Python path of the same algorithm, both refusing early, with an
estimate, sizes that would not finish: see the comment above ``_check_size``).

*Exactness with a prime.*  The lattice of flats of a central arrangement
depends only on which subsets of (primitive integer) normals are linearly
independent, i.e. on which minors vanish.  The computation runs modulo a prime
p.  A minor that is non-zero over Q has absolute value at most the Hadamard
bound ``Π ||a_i||`` over its rows, hence at most the product H of the r
largest row norms (all norms are >= 1); we take p = the smallest prime above
H, so no non-zero minor vanishes mod p and the matroid mod p equals the
matroid over Q.  The rank over F_p of any set of rows then equals its rank
over Q, and every flat, cover and Möbius value computed mod p is the exact
one.  (T_6: the row norms are √7 once and √6 or less, H = (7 · 6^6)^{1/2} < 572, p = 577.)

*Two implementations.*  With numpy installed and p < 2^28 the work runs
vectorised in int64, where all products stay below 2^63 (the rows of ``N K_F``
are packed into one int64 sort key when they fit, else grouped by a 64-bit hash
whose classes are then compared entry by entry, so a collision costs time, never
correctness); otherwise a pure-Python implementation of the same algorithm runs
with Python integers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import flint

from .. import _exact
from ..errors import TooLarge

try:
    import numpy as np
except ImportError:  # pragma: no cover - numpy is optional
    np = None


@dataclass(frozen=True)
class _MatroidData:
    rows: tuple[tuple[int, ...], ...]   # primitive integer normals of the central arrangement C (essential)
    excluded: int | None                 # index of H_∞ (affine case) or None
    rank: int                            # rank of C


def _central_rows(arrangement) -> _MatroidData:
    """Integer normals of A (central) or of its cone cA (affine), restricted to pivot columns."""
    d = arrangement.dimension
    if all(c == 0 for c in arrangement.offsets) or arrangement.is_central():     # 0 is a common point
        rows = [_exact.primitive_integer_vector(a, sign_normalize=False) for a in arrangement.normals]
        excluded = None
        width = d
    else:
        rows = [_exact.primitive_integer_vector((*a, -c), sign_normalize=False)
                for a, c in zip(arrangement.normals, arrangement.offsets)]
        rows.append((0,) * d + (1,))
        excluded = len(rows) - 1
        width = d + 1
    if not rows:
        return _MatroidData((), None, 0)
    _, pivots = _exact.rref(rows, width)
    # Rows are combinations λ_i B of the reduced basis B, and a_i[pivots] = λ_i: the
    # restriction to pivot columns is injective on the row space, so the matroid is unchanged.
    ess = tuple(tuple(int(r[j]) for j in pivots) for r in rows)
    return _MatroidData(ess, excluded, len(pivots))


def _prime_for(data: _MatroidData) -> int:
    """The smallest prime larger than every minor of the normals.

    Every non-zero minor of the rows is at most the Hadamard bound of its rows, so at
    most the product of the ``rank`` largest row norms; above that no non-zero minor
    vanishes mod p, the matroid mod p is the matroid over Q, and the enumeration mod p
    is exact (module Notes).
    """
    squares = sorted((sum(v * v for v in r) for r in data.rows), reverse=True)[: data.rank]
    p = math.isqrt(math.prod(squares)) + 2
    while not flint.fmpz(p).is_prime():          # a proof of primality (FLINT's fmpz_is_prime)
        p += 1
    return p


# -- the enumeration engine ------------------------------------------------------------------------
# A level is the list of flats of one rank.  Each flat carries its bitset, a basis K of its
# direction space mod p (columns), μ(0̂, F) and min F (n for the bottom).  Expanding a flat
# groups the non-zero rows of N K by proportionality; a group with smallest index h gives the
# cover G = F ∪ group, used by Weisner's recursion when h < min F and H_excluded ∉ G.
# The excluded hyperplane, when there is one, is always the last (index n - 1).

_NUMPY_PRIME_LIMIT = 1 << 28     # products of two residues stay below 2^56, sums of < 128 of them below 2^63
_USE_NUMPY = np is not None
_CHUNK_ROWS = 1 << 21            # rows of N K handled per vectorised step
_MAX_COVERS = 12_000_000         # covers held at once with one-word bitsets (about 1 GB); see _cover_limit


def _cover_limit(n: int, m: int) -> int:
    """How many covers may be held at once: about 1 GB of arrays.

    A cover costs about 8 (W + m + 4) bytes, W = ceil(n / 64) words of bitset and m residues of
    its direction row; ``_MAX_COVERS`` is the count for W = 1, m = 6 (threshold and braid sizes).
    """
    return _MAX_COVERS * 11 // ((n + 63) // 64 + m + 4)


def _too_large(rank: int, covers: int, flats: int, limit: int, hint_chi: bool) -> TooLarge:
    hint = ("; characteristic_polynomial() needs two ranks fewer than intersection_lattice() and may "
            "still fit") if hint_chi else ""
    return TooLarge(
        f"the intersection lattice is too large to hold in memory: the {flats} flats of rank {rank - 1} "
        f"already have more than {covers} covers of rank {rank} (the limit is {limit}, about 1 GB){hint}",
        estimate=covers, limit=limit, unit="covers",
    )


# Up-front size refusal, a heuristic.  Once the flats of ranks 1..3 are known (cheap: only ranks
# 0..2 have been expanded), the later level sizes are extrapolated: the ratio f_k / f_{k-1} of
# consecutive sizes is assumed to keep shrinking by the factor it last shrank by (that factor
# capped at 1, so growth is never assumed to accelerate).  From ranks <= 3 this predicted the later
# levels of T_5, T_6, T_7, shi(7) and resonance(6) within 10 % and of braid(8) within 30 % (too
# high); for a generic arrangement (f_k = C(n - 1, k)) it predicts too few, by a factor of about
# 2.5 at rank 6, so it errs towards running.  The check is repeated after every level with the
# newer sizes.  It refuses only when the prediction is far out of reach: a level more than twice
# the memory limit (the runtime check would stop there anyway, after the earlier levels had been
# paid for), or more than _MAX_SECONDS of work at an optimistic rate for the engine in use (about
# 1.5 times what was measured on one core).  With thousands of hyperplanes the rank-3 level alone
# can exhaust memory (T_10: 522,753 rank-2 flats, over 10^8 predicted at rank 3), so when at least
# two ranks remain the check already runs on ranks <= 2, with a margin of 4: from ranks <= 2 the
# extrapolation overestimated T_5, T_6 by up to 2.3x and underestimated shi(7), braid(8) and
# generic arrangements.
_MAX_SECONDS = 4 * 3600
_ROWS_PER_SECOND = {"numpy": 10**7, "python": 5 * 10**5}     # rows of N K_F reduced and grouped


def _check_size(sizes, n, last, engine, hint_chi):
    """Raise TooLarge when the extrapolated rest of the enumeration is clearly out of reach."""
    if len(sizes) < 3 or len(sizes) - 1 >= last or (len(sizes) == 3 and last < 4):
        return
    margin = 4 if len(sizes) == 3 else 1
    limit = _cover_limit(n, 0)
    ratio = sizes[-1] / sizes[-2]
    shrink = min(1.0, ratio / (sizes[-2] / sizes[-3]))
    predicted = [float(f) for f in sizes]
    while len(predicted) - 1 < last:
        ratio *= shrink
        predicted.append(predicted[-1] * ratio)
    peak = max(predicted[len(sizes):])
    seconds = n * sum(predicted) / _ROWS_PER_SECOND[engine]
    reasons, estimate = [], (round(peak), 2 * margin * limit, "flats")
    if peak > 2 * margin * limit:
        reasons.append(f"rank {predicted.index(peak)} alone would hold about {peak:.2g} flats, "
                       f"far beyond the memory limit of {limit} covers")
    if seconds > margin * _MAX_SECONDS:
        if not reasons:
            estimate = (round(n * sum(predicted)), margin * _MAX_SECONDS * _ROWS_PER_SECOND[engine], "rows")
        reasons.append(f"the work would take about {seconds / 3600:.2g} hours even at "
                       f"{_ROWS_PER_SECOND[engine]:.0e} rows per second ({engine} engine)")
    if not reasons:
        return
    hint = "; characteristic_polynomial() needs two ranks fewer" if hint_chi else ""
    raise TooLarge(
        f"refusing an enumeration that would not finish: {n} hyperplanes, flats by rank so far "
        f"{list(sizes)}; extrapolating their growth (a heuristic, explained in "
        f"exactgeom/arrangements/_flat_engine.py), ranks up to {last} hold about {sum(predicted):.2g} flats "
        f"and {' and '.join(reasons)}{hint}",
        estimate=estimate[0], limit=estimate[1], unit=estimate[2],
    )


def _enumerate_flats(rows, p, excluded, *, depth, count_last, bar, executor):
    """Levels ``[(bitsets, mobius values)]`` for ranks 0..depth (all when None) and the count pass."""
    if _USE_NUMPY and p < _NUMPY_PRIME_LIMIT and len(rows[0]) < 128:
        return _enumerate_numpy(rows, p, excluded, depth, count_last, bar, executor)
    return _enumerate_python(rows, p, excluded, depth, count_last, bar, executor)


# pure Python ---------------------------------------------------------------------------------------
def _expand_python(rows, p, excluded, level):
    """Covers used by Weisner's recursion for each flat of ``level``, as (G, μ(F), h, row, j0, K_F)."""
    out = []
    for bits, K, mu, low in level:
        groups: dict[tuple[int, ...], list] = {}
        for h, a in enumerate(rows):
            if bits >> h & 1:
                continue
            row = [sum(x * y for x, y in zip(a, col)) % p for col in K]
            j0 = next(j for j, x in enumerate(row) if x)
            inv = pow(row[j0], -1, p)
            key = tuple(x * inv % p for x in row)
            group = groups.get(key)
            if group is None:
                groups[key] = [h, 1 << h, key, j0]
            else:
                group[1] |= 1 << h
        for h, gbits, key, j0 in groups.values():
            if h < low and (excluded is None or not gbits >> excluded & 1):
                out.append((bits | gbits, mu, h, key, j0, K))
    return out


def _enumerate_python(rows, p, excluded, depth, count_last, bar, executor):
    n, D = len(rows), len(rows[0])
    identity = [tuple(int(i == j) for i in range(D)) for j in range(D)]
    level = [(0, identity, 1, n)]
    levels = [([0], [1])]
    while True:
        chunks = [level[i:i + 256] for i in range(0, len(level), 256)]
        results = (executor.map(_expand_python, *zip(*[(rows, p, excluded, c) for c in chunks]))
                   if executor is not None else (_expand_python(rows, p, excluded, c) for c in chunks))
        if depth is not None and len(levels) - 1 == depth:
            total = 0
            for chunk, res in zip(chunks, results):
                total += sum(mu for _, mu, *_ in res)
                if bar is not None:
                    bar.update(len(chunk))
            return levels, (-total if count_last else 0)
        merged: dict[int, list] = {}
        limit = _cover_limit(n, D - len(levels)) // 4       # Python objects: about 4x the array cost
        for chunk, res in zip(chunks, results):
            if len(merged) > limit:
                raise _too_large(len(levels), len(merged), len(level), limit, depth is None)
            for G, mu, h, key, j0, K in res:
                entry = merged.get(G)
                if entry is None:
                    newK = [tuple((x - key[j] * y) % p for x, y in zip(K[j], K[j0]))
                            for j in range(len(K)) if j != j0]
                    merged[G] = [-mu, newK, h]
                else:
                    entry[0] -= mu
            if bar is not None:
                bar.update(len(chunk))
        if not merged:
            return levels, 0
        level = [(G, K, mu, h) for G, (mu, K, h) in merged.items()]
        levels.append(([G for G, *_ in level], [mu for _, _, mu, _ in level]))
        _check_size([len(b) for b, _ in levels], n, D if depth is None else depth, "python",
                    depth is None)


# numpy -----------------------------------------------------------------------------------------------
def _inverse_mod(a, p):
    """Elementwise inverse mod p of non-zero residues (Fermat), computed once per distinct value."""
    values, where = np.unique(a, return_inverse=True)
    result = np.ones_like(values)
    base = values.copy()
    e = p - 2
    while e:
        if e & 1:
            result = result * base % p
        base = base * base % p
        e >>= 1
    return result[where.reshape(-1)]


_HASH_WEIGHTS = np.random.default_rng(20240601).integers(1, 2**63, size=129, dtype=np.uint64) | np.uint64(1) \
    if np is not None else None          # fixed: the hash only decides how rows are grouped, never the result


def _runs(sorted_keys):
    """Start index of each run of equal values in a sorted array."""
    return np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])


def _group_packed(p, m, f, h, R, s):
    """Exact grouping by one packed int64 key (f, row, h); used when it fits in 63 bits."""
    b = int(p).bit_length()
    rowkey = np.zeros(len(R), np.int64)
    for j in range(m):
        rowkey |= R[:, j] << (b * j)
    keys = np.sort((f << (b * m + s)) | (rowkey << s) | h)
    hs = keys & ((1 << s) - 1)
    starts = _runs(keys >> s)
    rep = keys[starts] >> s
    v = np.stack([(rep >> (b * j)) & ((1 << b) - 1) for j in range(m)], axis=1)
    return hs, starts, hs[starts], rep >> (b * m), v


def _group_hashed(m, f, h, R):
    """Grouping by a 64-bit hash of (f, row), checked entry by entry (exact fallback on a collision)."""
    with np.errstate(over="ignore"):
        key = R.astype(np.uint64) @ _HASH_WEIGHTS[:m] + f.astype(np.uint64) * _HASH_WEIGHTS[m]
    _, first, inv = np.unique(key, return_index=True, return_inverse=True)
    inv = inv.reshape(-1)
    if not (np.array_equal(R[first[inv]], R) and np.array_equal(f[first[inv]], f)):
        _, first, inv = np.unique(np.column_stack([f, R]), axis=0, return_index=True, return_inverse=True)
        inv = inv.reshape(-1)
    order = np.argsort(inv, kind="stable")
    return h[order], _runs(inv[order]), h[first], f[first], R[first]


def _expand_numpy(N, p, excluded, bits, K, mu, low, count_only):
    """Vectorised expansion of a chunk of flats; see ``_expand_python`` for the meaning."""
    c, D, m = K.shape
    n = N.shape[0]
    M = (np.matmul(N, K) % p).reshape(c * n, m)
    nz = M != 0
    live = nz.any(axis=1)
    if count_only:
        # only rows that can start a valid group (h < min F) or reveal H_excluded matter
        hh = np.tile(np.arange(n), c)
        live &= (hh < np.repeat(low, n)) | (hh == n - 1)
    live = np.flatnonzero(live)
    if len(live) == 0:
        empty = np.zeros(0, np.int64)
        return 0 if count_only else (np.zeros((0, bits.shape[1]), np.uint64), empty, empty, empty,
                                     np.zeros((0, m), np.int64), empty)
    f, h = live // n, live % n
    R = M[live]
    j0 = nz[live].argmax(axis=1)
    R = R * _inverse_mod(R[np.arange(len(R)), j0], p)[:, None] % p
    s = max(1, (n - 1).bit_length())
    if int(p).bit_length() * m + s + max(1, c.bit_length()) <= 62:
        hs, starts, gmin, gf, v = _group_packed(p, m, f, h, R, s)
    else:
        hs, starts, gmin, gf, v = _group_hashed(m, f, h, R)
    valid = gmin < low[gf]
    if excluded is not None:
        last = hs[np.r_[starts[1:], len(hs)] - 1]            # the largest index of each group
        valid &= last != excluded
    if count_only:
        return int(mu[gf[valid]].sum())
    W = bits.shape[1]
    group_bits = np.zeros((len(starts), W), np.uint64)
    for w in range(W):
        vals = np.where(hs >> 6 == w, np.left_shift(np.uint64(1), (hs & 63).astype(np.uint64)), np.uint64(0))
        group_bits[:, w] = np.bitwise_or.reduceat(vals, starts)
    gf, v = gf[valid], v[valid]
    return bits[gf] | group_bits[valid], mu[gf], gf, gmin[valid], v, (v != 0).argmax(axis=1)


def _bitset_to_int(words) -> int:
    return sum(int(w) << (64 * i) for i, w in enumerate(words))


def _enumerate_numpy(rows, p, excluded, depth, count_last, bar, executor):
    N = np.array([[v % p for v in r] for r in rows], dtype=np.int64)
    n, D = N.shape
    W = (n + 63) // 64
    bits = np.zeros((1, W), np.uint64)
    K = np.eye(D, dtype=np.int64)[None]
    mu = np.ones(1, np.int64)
    low = np.array([n], np.int64)
    levels = [([0], [1])]
    while True:
        m = K.shape[2]
        step = max(1, _CHUNK_ROWS // (n * max(m, 1)))
        starts = range(0, len(bits), step)
        count_only = depth is not None and len(levels) - 1 == depth
        args = [(N, p, excluded, bits[s:s + step], K[s:s + step], mu[s:s + step], low[s:s + step], count_only)
                for s in starts]
        results = executor.map(_expand_numpy, *zip(*args)) if executor is not None else \
            (_expand_numpy(*a) for a in args)
        if count_only:
            total = 0
            for s, res in zip(starts, results):
                total += res
                if bar is not None:
                    bar.update(min(step, len(bits) - s))
            return levels, (-total if count_last else 0)
        parts, covers, limit = [], 0, _cover_limit(n, m)
        for s, res in zip(starts, results):
            new_bits, contrib, parent, hmin, vrow, j0 = res
            parts.append((new_bits, contrib, parent + s, hmin, vrow, j0))
            covers += len(new_bits)
            if covers > limit:
                raise _too_large(len(levels), covers, len(bits), limit, depth is None)
            if bar is not None:
                bar.update(min(step, len(bits) - s))
        new_bits, contrib, parent, hmin, vrow, j0 = (np.concatenate(x) for x in zip(*parts))
        if len(new_bits) == 0:
            return levels, 0
        if W == 1:
            _, first, inv = np.unique(new_bits[:, 0], return_index=True, return_inverse=True)
        else:
            _, first, inv = np.unique(new_bits, axis=0, return_index=True, return_inverse=True)
        inv = inv.reshape(-1)
        order = np.argsort(inv, kind="stable")
        mu = -np.add.reduceat(contrib[order], _runs(inv[order]))
        Kp, v, j = K[parent[first]], vrow[first], j0[first]
        others = np.arange(m - 1)[None, :] + (np.arange(m - 1)[None, :] >= j[:, None])
        pivot_column = np.take_along_axis(Kp, j[:, None, None], axis=2)
        K = (np.take_along_axis(Kp, others[:, None, :], axis=2)
             - np.take_along_axis(v, others, axis=1)[:, None, :] * pivot_column) % p
        bits, low = new_bits[first], hmin[first]
        if W == 1:
            level_bits = bits[:, 0].tolist()
        else:
            level_bits = [_bitset_to_int(row) for row in bits.tolist()]
        levels.append((level_bits, mu.tolist()))
        _check_size([len(b) for b, _ in levels], n, D if depth is None else depth, "numpy",
                    depth is None)

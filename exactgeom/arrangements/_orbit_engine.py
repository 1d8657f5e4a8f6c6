r"""The deletion–restriction engine behind :mod:`exactgeom.arrangements.symmetry` (private).

*The tree.*  For a central arrangement B and a hyperplane H of B the Poincaré
polynomial satisfies π(B) = π(B ∖ H) + t π(B^H).  Order the hyperplanes of the
(essential, integer) central arrangement A as H_0, …, H_{n−1}.  A *node* is a pair
(X, i): a flat X of A (held as the set of all hyperplanes containing it, and a basis S
of hyperplanes cutting it out) and a depth i; it stands for the arrangement
B(X, i) = {H_j ∩ X : j ≥ i} in X (a set: equal traces count once).  No trace is all of
X (shown below).  Call j ≥ i *unbroken* when no j' > j has the same trace, and let d be
the smallest unbroken index.  Hyperplanes in [i, d) have later copies, so
B(X, i) = B(X, d), and

    π(B(X, i)) = π(B(X, d + 1)) + t π(B(X ∨ H_d, d + 1))

(deletion of H_d, and restriction to it: every trace on X ∩ H_d of a hyperplane of
B(X, i) is the trace of some H_j with j > d, because a copy chain ends at an unbroken
index, and no j > d has the trace of H_d, so no trace of B(X ∨ H_d, d + 1) is all of
X ∨ H_d).  A node with multiplicity m and rank k = rk X adds m t^k π(B(X, i)) to π(A).
Leaves are evaluated in closed form: one trace, or dim X = 1, gives 1 + t; dim X = 2 with
q distinct traces gives 1 + q t + (q − 1) t²; dim X = 3 with q distinct traces (points of
the projective plane P(X*)) gives 1 + q t + b₂ t² + (b₂ − q + 1) t³, where b₂ = Σ_L (m_L − 1)
over the rank-2 flats, i.e. the lines L spanned by the points, m_L of them on L
(|μ(L)| = m_L − 1), and b₃ follows from χ(1) = 0 for a non-empty central arrangement.
b₂ is counted without square roots: for the points a₁ < … < a_m on L the pairs (a, b),
a < b, on L have exactly m − 1 distinct first points, so b₂ is the number of distinct
pairs (a, L) over all pairs a < b, with L = a × b (cross product) up to scale.  So no node
of dimension ≤ 3 has children.  When q ≥ 2 both children are again nodes with at least
one trace: the other classes end after d, and a class whose trace is not proportional to
that of H_d does not contain X ∩ H_d.  Nodes of one depth are processed together (breadth
first; nodes of several dimensions may share a batch: a trace on X has dim X coordinates,
padded with zeros to the largest dimension in the batch, which changes neither its
vanishing nor which traces are proportional) and nodes with the same flat are merged, adding
multiplicities: π(B(X, i)) depends on X and i only.  The batch of a depth may be cut into
chunks run on an executor; a chunk returns its leaves' contributions and its children,
and the chunks are combined in order, so the result does not depend on the executor.

*Symmetry.*  A permutation g of the hyperplanes induced by an invertible linear map φ
maps X to the flat g X = φ(X) (cut out by g S), and if g fixes the set {i, …, n − 1} it
maps B(X, i) isomorphically onto B(gX, i), so the two nodes have the same π and can be
merged.  Before a depth is processed every node is replaced by an image under a few
elements of the setwise stabilizer of {i, …, n − 1} (greedily, towards the
lexicographically smallest set of hyperplanes): any image is a correct representative,
so a non-canonical choice costs merges, never correctness.

*Exactness.*  Traces are computed modulo a prime p above the Hadamard bound of the
normals (``_flat_engine._prime_for``): every minor that is non-zero over Q is non-zero mod
p, so every rank, and hence the equality of two traces (a rank condition on two normals
together with the rows of S) and the vanishing of a trace, is the same mod p as over Q.
So is the rank of three traces (three normals with the rows of S), hence every
collinearity in the rank-3 closed form.  The basis of X mod p is the null space of the
rows of S (the free columns of its reduced row echelon form), of dimension D − |S|
because those rows are independent over Q, hence mod p.  Residues are held in int32 when
D (p − 1)² < 2^31 (then no product and no sum of D products overflows), else in int64,
and a prime with D (p − 1)² ≥ 2^63 is refused (``TooLarge``) rather than risk an overflow.
Grouping equal traces (and equal pairs (a, L)) sorts an exact int64 key, the row read as
a number in base p after the node index, when it fits; otherwise a 64-bit hash whose
classes are then compared entry by entry (exact fallback on a collision).  The counts are
integers; they are held in int64 only when Buck's bound 2 Σ_{k<r} C(n − 1, k) on the
number of regions, which bounds every multiplicity and every partial sum (the closed-form
terms are non-negative parts of Betti numbers), is below 2^62.
"""

from __future__ import annotations

import functools
import math
import os

import numpy as np

from ..errors import TooLarge

_RNG = np.random.default_rng(20240607)
_WEIGHTS = _RNG.integers(1, 2**62, size=64, dtype=np.int64) | 1
_SALT = _RNG.integers(1, 2**62, size=1 << 16, dtype=np.int64)
_CHUNK = 1 << 21          # entries of N K (nodes × hyperplanes × columns) handled per vectorised step
# Nodes of neighbouring dimensions share a task until it holds this many: a task has a fixed
# cost, padding the traces to the task's largest dimension a cost per node.
_MIXED = 128


@functools.lru_cache(maxsize=8)
def _inverse_table(p: int, dtype=np.int64):
    if p < 1 << 22:
        table = np.zeros(p, dtype)
        table[1:] = [pow(a, -1, p) for a in range(1, p)] if p < 5000 else _fermat(np.arange(1, p), p)
        return lambda v: table[v]
    return lambda v: _fermat(v, p)


def _fermat(v, p):
    result, base, e = np.ones_like(v), v % p, p - 2
    while e:
        if e & 1:
            result = result * base % p
        base = base * base % p
        e >>= 1
    return result


def _kernels(M, p, inv):
    """Null-space bases mod p of a batch of D × D matrices whose non-zero rows are independent.

    Matrix number i has its D − m_i non-zero rows first.  Returns (K, m): K is b × D × w,
    w = max m_i, and the first m_i columns of K_i span the null space of matrix i (the free
    columns of its reduced row echelon form), the others being zero.
    """
    b, D, _ = M.shape
    rows = np.arange(b)
    pivot = np.full((b, D), D, np.int64)
    for t in range(D):
        row = M[:, t, :]
        nz = row != 0
        has = nz.any(axis=1)
        if not has.any():
            break                                       # padding rows come last
        c = nz.argmax(axis=1)
        scale = inv(np.where(has, row[rows, c], 1))
        row = row * scale[:, None] % p
        M[:, t, :] = row
        factor = M[rows, :, c]
        factor[:, t] = 0
        factor[~has] = 0
        M = (M - factor[:, :, None] * row[:, None, :]) % p
        pivot[:, t] = np.where(has, c, D)
    K = np.zeros((b, D + 1, D), M.dtype)
    K[rows[:, None], pivot] = (-M) % p
    K = K[:, :D]
    free = np.ones((b, D + 1), bool)
    free[rows[:, None], pivot] = False
    free = free[:, :D]
    diag = np.arange(D)
    K[:, diag, diag] = free
    m = free.sum(axis=1)
    w = int(m.max())
    columns = np.argsort(~free, axis=1, kind="stable")[:, :w]           # the free columns first
    K = np.take_along_axis(K, columns[:, None, :], axis=2)
    K *= (np.arange(w) < m[:, None])[:, None, :]
    return K, m


def _traces(N, K, p):
    """N K mod p for a batch of bases K (b × D × D), as b × n × D (integer products, exact)."""
    return np.matmul(N[None], K) % p


def _classes(R, node, base):
    """Group ids of equal rows of R within equal ``node``: (order, starts), exactly.

    Entries of R lie in [0, base).  When (node, row) fits in an int64 as a number in base
    ``base`` that number is the sort key; otherwise a 64-bit hash is, checked entry by entry.
    """
    if not len(node):
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    if (int(node.max()) + 1) * base ** R.shape[1] < 1 << 63:
        key = node.astype(np.int64)
        for c in range(R.shape[1]):
            key = key * base + R[:, c]
        order = np.argsort(key)
        ks = key[order]
        return order, np.flatnonzero(np.r_[True, ks[1:] != ks[:-1]])
    key = (R @ _WEIGHTS[: R.shape[1]]) ^ _SALT[node & 0xFFFF] ^ (node >> 16)
    order = np.argsort(key, kind="stable")
    ks = key[order]
    new = np.r_[True, ks[1:] != ks[:-1]]
    starts = np.flatnonzero(new)
    first = order[starts[np.cumsum(new) - 1]]
    if np.array_equal(R[order], R[first]) and np.array_equal(node[order], node[first]):
        return order, starts
    order = np.lexsort((*R.T[::-1], node))          # a hash collision: group exactly
    Rs, ns = R[order], node[order]
    new = np.r_[True, (ns[1:] != ns[:-1]) | (Rs[1:] != Rs[:-1]).any(axis=1)]
    return order, np.flatnonzero(new)


def _expand(S, mult, depth, Nz, p, inv, betti, nbits):
    """Process nodes (bases S, of any dimensions) at ``depth``: add leaves to ``betti``, return children."""
    b, D = S.shape
    n = Nz.shape[0] - 1
    K, m = _kernels(Nz[S], p, inv)
    k = D - m
    T = _traces(Nz[:n], K, p)
    nonzero = T != 0
    live = nonzero.any(axis=2)
    lead = np.take_along_axis(T, nonzero.argmax(axis=2)[:, :, None], axis=2)
    T = T * inv(np.where(live[:, :, None], lead, 1)) % p
    node, j = np.nonzero(live[:, depth:])
    j += depth
    order, starts = _classes(T[node, j], node, p)
    gnode = node[order[starts]]
    q = np.bincount(gnode, minlength=b)
    closed = m <= 3                                     # evaluated in closed form, whatever q
    b2 = np.where(m <= 2, q - 1, 0)
    if (m == 3).any():
        three = m[gnode] == 3
        b2 += _planes_through_lines(T[gnode[three], j[order[starts[three]]], :3], gnode[three],
                                    np.where(m == 3, q, 0), p, inv)
    leaf = closed | (q <= 1)
    np.add.at(betti, k[leaf], mult[leaf])
    np.add.at(betti, k[leaf] + 1, mult[leaf] * q[leaf])
    two, three = closed & (m >= 2), closed & (m >= 3)
    np.add.at(betti, k[two] + 2, mult[two] * b2[two])
    np.add.at(betti, k[three] + 3, mult[three] * (b2[three] - q[three] + 1))
    inner = np.flatnonzero(~leaf)
    if not len(inner):
        return None
    last = np.maximum.reduceat(j[order], starts)
    d = np.full(b, n, np.int64)
    np.minimum.at(d, gnode, last)
    din = d[inner]
    rowd = T[inner, din]
    member = np.zeros((2, len(inner), nbits), bool)
    member[0, :, :n] = ~live[inner]
    member[1, :, :n] = member[0, :, :n] | (T[inner] == rowd[:, None, :]).all(axis=2)
    X_del, X_res = _pack(member)
    S_res = S[inner].copy()
    S_res[np.arange(len(inner)), k[inner]] = din
    return S[inner], X_del, S_res, X_res, mult[inner], din + 1


_PAIRS = 1 << 20          # point pairs handled per vectorised step of the rank-3 closed form


def _planes_through_lines(P, owner, q, p, inv):
    """b_2 of rank-3 arrangements given by their distinct normalised normals P (rows, by ``owner``).

    For each node, the sum over the lines L spanned by its points (in P^2 over F_p) of
    (number of points on L) − 1: for the points a_1 < … < a_m on L the pairs (a, b), a < b,
    on L have exactly m − 1 distinct first points, so b_2 counts the distinct pairs
    (a, L) over the pairs a < b.
    """
    b = len(q)
    o = np.argsort(owner, kind="stable")
    P, owner = P[o], owner[o]
    first = np.cumsum(q) - q
    position = np.arange(len(owner)) - first[owner]
    qmax = int(q.max())
    Pp = np.zeros((b, qmax, 3), np.int64)
    Pp[owner, position] = P
    ib, ia = np.triu_indices(qmax, 1)[::-1]         # pairs ordered by the larger point: the
    o = np.lexsort((ia, ib))                        # pairs of a node with q points come first
    ia, ib = ia[o], ib[o]
    npairs = q * (q - 1) // 2
    b2 = np.zeros(b, np.int64)
    ends = np.cumsum(npairs)
    start = 0
    while start < b:
        stop = max(start + 1, int(np.searchsorted(ends, ends[start] - npairs[start] + _PAIRS, "right")))
        counts = npairs[start:stop]
        if counts.sum():
            who = np.repeat(np.arange(start, stop), counts)
            w = np.arange(len(who)) - np.repeat(np.cumsum(counts) - counts, counts)
            A, B = Pp[who, ia[w]], Pp[who, ib[w]]
            C = np.stack([A[:, 1] * B[:, 2] - A[:, 2] * B[:, 1], A[:, 2] * B[:, 0] - A[:, 0] * B[:, 2],
                          A[:, 0] * B[:, 1] - A[:, 1] * B[:, 0]], axis=1) % p
            nz = C != 0
            lead = C[np.arange(len(C)), nz.argmax(axis=1)]
            C = C * inv(lead)[:, None] % p
            order, starts = _classes(np.column_stack([ia[w], C]), who, max(p, qmax))
            b2 += np.bincount(who[order[starts]], minlength=b)
        start = stop
    return b2


def _pack(member):
    """Boolean sets (… × 64w, bit j = hyperplane j) packed into bytes (… × 8w), big-endian."""
    return np.packbits(member.reshape(-1)).reshape(*member.shape[:-1], member.shape[-1] // 8)


def _unpack(Xp):
    return np.unpackbits(Xp.reshape(-1)).reshape(*Xp.shape[:-1], 8 * Xp.shape[-1]).view(bool)


def _best(Y):
    """Index of the largest row (lexicographic over words) along axis 1 of Y (b × e × words)."""
    alive = np.ones(Y.shape[:2], bool)
    for w in range(Y.shape[2]):
        col = np.where(alive, Y[:, :, w], 0)
        alive &= col == col.max(axis=1, keepdims=True)
    return alive.argmax(axis=1)


def _canonicalize(S, Xp, G, n, rounds: int = 3):
    """Greedy images of the flats Xp (packed) and their bases S under the permutations G.

    G is e × (n + 1) with the identity as row 0; each round moves every node to its best
    image under one element, towards the lexicographically smallest set of hyperplanes
    (the largest big-endian bitmask).
    """
    e, nb = len(G), 8 * Xp.shape[1]
    Ginv = np.full((e, nb), nb, np.intp)
    Ginv[:, :n] = np.argsort(G, axis=1)[:, :n]
    step = max(1, (1 << 23) // (e * nb))
    for s in range(0, len(S), step):
        part = slice(s, s + step)
        member = np.zeros((len(S[part]), nb + 1), bool)
        member[:, :nb] = _unpack(Xp[part])
        Sa = S[part]
        active = np.arange(len(Sa))
        for _ in range(rounds):                 # later rounds only for the nodes that moved
            Y = member[active][:, Ginv]                           # b × e × nb
            choice = _best(_pack(Y).view(">u8"))
            moved = choice > 0
            if not moved.any():
                break
            active, choice = active[moved], choice[moved]
            member[active, :nb] = Y[np.flatnonzero(moved), choice]
            Sa[active] = G[choice[:, None], Sa[active]]
        S[part] = Sa
        Xp[part] = _pack(member[:, :nb])
    return S, Xp


def _merge(S, Xp, mult):
    view = np.ascontiguousarray(Xp).view(np.dtype((np.void, Xp.shape[1]))).ravel()
    _, first, inverse = np.unique(view, return_index=True, return_inverse=True)
    return S[first], Xp[first], _sum_by(inverse.reshape(-1), mult, len(first))


def _sum_by(index, values, size):
    out = np.zeros(size, np.int64)
    np.add.at(out, index, values)
    return out


def _regions_bound(n: int, r: int) -> int:
    return 2 * sum(math.comb(n - 1, k) for k in range(r))


def _expand_task(task):
    """One chunk of a depth's nodes (a top-level function, so that a process pool can run it).

    Returns the Betti number contributions of its leaves and its children.
    """
    S, mult, depth, Nz, p, nbits = task
    betti = np.zeros(Nz.shape[1] + 3, np.int64)
    out = _expand(S.astype(np.intp), mult, depth, Nz, p, _inverse_table(p, Nz.dtype), betti, nbits)
    return betti, out


def _save_checkpoint(path, fingerprint, depth, betti, nodes, pending):
    """Write the state after ``depth`` (``.npz``) to a temporary file, then rename it over ``path``."""
    arrays = {"fingerprint": np.array(fingerprint), "depth": np.array(depth, np.int64), "betti": betti,
              "nodes": np.array(sorted(nodes.items()), np.int64).reshape(-1, 2)}
    for target, chunks in pending.items():
        for name, k in (("S", 0), ("X", 1), ("m", 2)):
            arrays[f"{name}{target}"] = np.concatenate([c[k] for c in chunks])
    tmp = f"{os.fspath(path)}.{os.getpid()}.tmp"
    with open(tmp, "wb") as handle:
        np.savez(handle, **arrays)
    os.replace(tmp, path)


def _load_checkpoint(path, fingerprint, dtype):
    """(next depth, betti, nodes, pending) from ``path``; ValueError for another computation's file."""
    with np.load(path, allow_pickle=False) as f:
        if str(f["fingerprint"]) != fingerprint:
            raise ValueError(f"checkpoint {os.fspath(path)!r} belongs to another arrangement or group")
        pending = {int(k[1:]): [(f[k].astype(dtype), f["X" + k[1:]], f["m" + k[1:]])]
                   for k in f.files if k.startswith("S")}
        nodes = {int(d): int(c) for d, c in f["nodes"]}
        return int(f["depth"]) + 1, f["betti"].copy(), nodes, pending


def betti_numbers(rows, p, stabilizer_elements, *, bar=None, executor=None, workers=1, report=None,
                  checkpoint=None, fingerprint=""):
    """Betti numbers b_0..b_r of the central arrangement with these essential integer rows.

    ``stabilizer_elements[i]`` (optional) is a list of permutations (arrays with the extra
    fixed point n as last entry) fixing {i, …, n − 1} setwise.  ``bar`` counts the depths;
    ``executor`` (with ``workers`` workers) runs the chunks of each depth, whose results are
    combined in the order of the chunks, so the outcome is the serial one.  Returns
    (betti, nodes per depth).  ``report(depth, nodes, waiting)``, if given, is called after
    each depth.  A ``KeyboardInterrupt`` gets a note of the depth reached.  With
    ``checkpoint`` (a path) the state after each depth, i.e. the Betti number parts so far
    and the waiting nodes, is written there atomically, tagged with ``fingerprint``; a run
    finding a file with its fingerprint there resumes after the depth it records.
    """
    if executor is not None:
        from .._parallel import map_chunked

    n, D = len(rows), len(rows[0])
    if _regions_bound(n, D) >= 1 << 62:
        raise TooLarge(f"{n} hyperplanes of rank {D}: the counts may exceed 64-bit integers",
                       estimate=_regions_bound(n, D), limit=1 << 62, unit="regions")
    if D * (p - 1) ** 2 >= 1 << 63:
        raise TooLarge(f"the normals need the prime p = {p} for an exact count, and sums of {D} products "
                       "of residues mod p would overflow 64-bit integers; characteristic_polynomial() "
                       "without symmetry computes this exactly",
                       estimate=D * (p - 1) ** 2, limit=1 << 63, unit="sum of residue products")
    wide = np.int32 if D * (p - 1) ** 2 < 1 << 31 else np.int64      # no sum of products overflows
    Nz = np.zeros((n + 1, D), wide)
    Nz[:n] = [[v % p for v in r] for r in rows]
    betti = np.zeros(D + 3, np.int64)
    dtype = np.int16 if n < 32767 else np.int64
    nbytes = 8 * ((n + 63) // 64)
    pending = {0: [(np.full((1, D), n, dtype), np.zeros((1, nbytes), np.uint8), np.ones(1, np.int64))]}
    elements = {i: np.concatenate([np.arange(n + 1)[None], np.asarray(gs, np.int64)]).astype(dtype)
                for i, gs in (stabilizer_elements or {}).items() if len(gs)}
    nodes = {}
    depth = start = 0
    if checkpoint is not None and os.path.exists(checkpoint):
        start, betti, nodes, pending = _load_checkpoint(checkpoint, fingerprint, dtype)
        if bar is not None:
            bar.update(start)
    try:
        for depth in range(start, n):
            chunks = pending.pop(depth, None)
            if bar is not None:
                bar.update(1)
            if not chunks:
                continue
            S = np.concatenate([c[0] for c in chunks])
            Xp = np.concatenate([c[1] for c in chunks])
            mult = np.concatenate([c[2] for c in chunks])
            del chunks
            if depth in elements:
                S, Xp = _canonicalize(S, Xp, elements[depth], n)
            S, Xp, mult = _merge(S, Xp, mult)
            nodes[depth] = len(mult)
            m = D - (S < n).sum(axis=1)
            order = np.argsort(m, kind="stable")
            S, mult, m = S[order], mult[order], m[order]
            cuts = [0]
            for z in np.flatnonzero(m[1:] != m[:-1]) + 1:
                if z - cuts[-1] >= _MIXED:
                    cuts.append(int(z))
            cuts.append(len(m))
            tasks = []
            for a, z in zip(cuts[:-1], cuts[1:]):
                step = max(1, _CHUNK // (n * D * int(m[z - 1])))
                if executor is not None:
                    step = min(step, -(-(z - a) // (2 * workers)))
                tasks += [(S[s:min(s + step, z)], mult[s:min(s + step, z)], depth, Nz, p, 8 * nbytes)
                          for s in range(a, z, step)]
            del S, Xp, mult
            results = (map(_expand_task, tasks) if executor is None else
                       map_chunked(_expand_task, tasks, executor=executor, chunk_size=1))
            for part, out in results:
                betti += part
                if out is None:
                    continue
                S_del, X_del, S_res, X_res, mu, target = out
                order = np.argsort(target, kind="stable")
                cuts = np.flatnonzero(np.r_[True, target[order][1:] != target[order][:-1]])
                for a, z in zip(cuts, np.r_[cuts[1:], len(order)]):
                    idx = order[a:z]
                    pending.setdefault(int(target[idx[0]]), []).append(
                        (np.concatenate([S_del[idx], S_res[idx]]).astype(dtype),
                         np.concatenate([X_del[idx], X_res[idx]]), np.concatenate([mu[idx], mu[idx]])))
            if checkpoint is not None:
                _save_checkpoint(checkpoint, fingerprint, depth, betti, nodes, pending)
            if report is not None:
                report(depth, nodes[depth], sum(len(c[2]) for chunks in pending.values() for c in chunks))
    except KeyboardInterrupt as stop:
        waiting = sum(len(c[2]) for chunks in pending.values() for c in chunks)
        stop.add_note(f"deletion-restriction interrupted at depth {depth} of {n}: "
                      f"{sum(nodes.values())} nodes processed, {waiting} nodes waiting")
        if checkpoint is not None:
            stop.add_note(f"the state after the last completed depth is in the checkpoint "
                          f"{os.fspath(checkpoint)!r}: the same call resumes from it")
        raise
    return tuple(int(v) for v in betti[: D + 1]), nodes

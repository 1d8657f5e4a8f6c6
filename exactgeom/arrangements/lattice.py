r"""Intersection poset, Möbius function and characteristic polynomial of an arrangement.

For an arrangement A in Q^d the *intersection poset* L(A) consists of all
non-empty intersections of subsets of hyperplanes, ordered by reverse
inclusion; its bottom 0̂ is Q^d itself (the empty intersection).  A flat X is
stored as a *bitset*: the Python int whose bit ``i`` is set when hyperplane
``i`` contains X.  Its rank is ``d - dim X``.  The characteristic polynomial
is ``χ_A(t) = Σ_{X ∈ L(A)} μ(0̂, X) t^{dim X}`` (Stanley, Lecture 1).

Examples
--------
>>> from exactgeom.library import braid
>>> L = intersection_lattice(braid(3))
>>> L
IntersectionLattice of Arrangement of 3 hyperplanes in Q^3: 5 flats, rank 2
>>> [L.mobius(X) for X in L.flats()]
[1, -1, -1, -1, 2]
>>> characteristic_polynomial(braid(4)).as_expr()
t**4 - 6*t**3 + 11*t**2 - 6*t

Notes
-----
*Algorithm.*  Flats are generated rank by rank.  A flat F of rank k is kept
with a basis K_F of its direction space; the rows of ``N K_F`` (N the normals)
are the hyperplanes of the restriction A^F, and two hyperplanes ``h, h'`` lie
in the same flat of rank k + 1 above F exactly when their rows are
proportional.  One matrix product per flat therefore yields every upper cover
of F at once.  The Möbius function comes from Weisner's theorem in the form
(for a geometric lattice, with ``min G`` the smallest hyperplane index in G)

    μ(G) = − Σ { μ(F) : F ⋖ G, min G ∉ F },

so a cover ``F ⋖ G = cl(F ∪ {h})`` is used only when ``h = min G < min F``.
Every flat G has such a lower cover (the closure of a basis of G minus min G),
so every flat is reached; the occurrences are merged by bitset.  No subsets of
hyperplanes are enumerated: the work is one product ``N K_F`` per flat.

For χ alone two levels are skipped.  A central A is the cone over its
deconing at its last hyperplane H, so ``χ_A = (t − 1) Σ_{X ∌ H} μ(X) t^{dim X − 1}``
and only flats not containing H are needed; their top rank r − 1 is never
stored, because ``Σ_{rk G = r−1} μ(G) = − Σ_{rk F = r−2} μ(F) · #{valid covers of F}``
needs only a count per flat of rank r − 2.  An affine A is handled through its
cone cA with H = H_∞ = {x_0 = 0}: the flats of cA not containing H_∞ are
exactly the cones over the non-empty intersections of A, with the same
hyperplanes, the same rank and (as lower intervals agree) the same Möbius
values.  So ``intersection_lattice`` of an affine A returns A's own poset,
computed inside cA.

*Exactness with a prime.*  The lattice of flats of a central arrangement
depends only on which subsets of (primitive integer) normals are linearly
independent, i.e. on which minors vanish.  The computation runs modulo a prime
p.  A minor that is non-zero over Q has absolute value at most the Hadamard
bound ``Π ||a_i||`` over its rows, hence at most the product H of the r
largest row norms (all norms are >= 1); we take p = the smallest prime above
H, so no non-zero minor vanishes mod p and the matroid mod p equals the
matroid over Q.  The rank over F_p of any set of rows then equals its rank
over Q, and every flat, cover and Möbius value computed mod p is the exact
one.  (T_6: H = 7^{7/2} < 908, p = 911.)  With numpy installed and p < 2^28
the work runs vectorised in int64, where all products stay below 2^63 (the
rows of ``N K_F`` are packed into one int64 sort key when they fit, else
grouped by a 64-bit hash whose classes are then compared entry by entry, so
a collision costs time, never correctness); otherwise a pure-Python
implementation of the same algorithm runs with Python integers.

*Cost.*  One product ``N K_F`` (n × rank) per flat F of rank <= r − 2 avoiding
H, plus sorting its n rows.  χ(T_6) (64 hyperplanes, about 530 000 such flats)
takes seconds; ``benchmarks/charpoly.py`` prints the figures.

References
----------
R. P. Stanley, *An introduction to hyperplane arrangements*, Lectures 1–3.
P. Orlik and H. Terao, *Arrangements of hyperplanes*, §2.3 (cones).
L. Weisner, Abstract theory of inversion of finite series, Trans. AMS 38 (1935).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from functools import cached_property

import networkx as nx
import sympy

from .. import _exact
from .._progress import progress_bar
try:
    import numpy as np
except ImportError:  # pragma: no cover - numpy is optional
    np = None

__all__ = [
    "IntersectionLattice",
    "intersection_lattice",
    "characteristic_polynomial",
    "poincare_polynomial",
    "whitney_numbers",
    "num_regions",
    "num_bounded_regions",
]


@dataclass(frozen=True)
class _MatroidData:
    rows: tuple[tuple[int, ...], ...]   # primitive integer normals of the central arrangement C (essential)
    excluded: int | None                 # index of H_∞ (affine case) or None
    rank: int                            # rank of C


def _central_rows(arrangement) -> _MatroidData:
    """Integer normals of A (central) or of its cone cA (affine), restricted to pivot columns."""
    d = arrangement.dimension
    if arrangement.is_central():
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
    """The smallest prime larger than every minor of the normals (Hadamard bound); see the module Notes."""
    squares = sorted((sum(v * v for v in r) for r in data.rows), reverse=True)[: data.rank]
    return int(sympy.nextprime(math.isqrt(math.prod(squares)) + 1))


@dataclass(frozen=True)
class IntersectionLattice:
    """The intersection poset L(A) with its Möbius function, flats stored as bitsets.

    Flat ``X`` is the int whose bit ``i`` is set when hyperplane ``i`` contains the
    intersection; ``0`` is the bottom 0̂ (the whole space).  ``flats_by_rank[k]`` is the
    sorted tuple of flats of rank k and ``mobius_by_rank[k]`` the matching values
    μ(0̂, X).  For a central arrangement this is a geometric lattice; for an affine one
    it is the poset of non-empty intersections (a meet-semilattice).

    Examples
    --------
    >>> from exactgeom.arrangements import Arrangement
    >>> L = Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1]).intersection_lattice()
    >>> L.flats(1), L.flats(2)
    ((1, 2, 4), (3, 5, 6))
    >>> L.mobius(0b011), L.rank_of([0, 1]), len(L)
    (1, 2, 7)
    """

    arrangement: object
    flats_by_rank: tuple[tuple[int, ...], ...]
    mobius_by_rank: tuple[tuple[int, ...], ...]

    @cached_property
    def _index(self) -> dict[int, tuple[int, int]]:
        return {X: (k, m) for k, (level, mus) in enumerate(zip(self.flats_by_rank, self.mobius_by_rank))
                for X, m in zip(level, mus)}

    def __len__(self) -> int:
        return sum(len(level) for level in self.flats_by_rank)

    def __repr__(self) -> str:
        return (f"IntersectionLattice of {self.arrangement!r}: {len(self)} flats, "
                f"rank {len(self.flats_by_rank) - 1}")

    @property
    def rank(self) -> int:
        """The largest rank of a flat (the rank of the arrangement).

        Examples
        --------
        >>> from exactgeom.library import shi
        >>> shi(3).intersection_lattice().rank
        2
        """
        return len(self.flats_by_rank) - 1

    def _key(self, X) -> int:
        if isinstance(X, int) and not isinstance(X, bool):
            key = X
        else:
            key = 0
            for i in X:
                key |= 1 << int(i)
        if key not in self._index:
            raise ValueError(
                f"{X!r} is not a flat of this arrangement: a flat is the set of all hyperplanes "
                "containing a non-empty intersection (as a bitset int or a collection of indices)"
            )
        return key

    def flats(self, rank: int | None = None) -> tuple[int, ...]:
        """The flats of the given rank, or all flats in order of rank, as bitsets.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> [bin(X) for X in braid(3).intersection_lattice().flats()]
        ['0b0', '0b1', '0b10', '0b100', '0b111']
        """
        if rank is None:
            return tuple(X for level in self.flats_by_rank for X in level)
        if not 0 <= rank < len(self.flats_by_rank):
            return ()
        return self.flats_by_rank[rank]

    def rank_of(self, X) -> int:
        """Rank (codimension) of the flat X.

        Examples
        --------
        >>> from exactgeom.library import coordinate
        >>> coordinate(3).intersection_lattice().rank_of({0, 2})
        2
        """
        return self._index[self._key(X)][0]

    def mobius(self, X) -> int:
        """μ(0̂, X) for the flat X (a bitset int or a collection of hyperplane indices).

        Raises
        ------
        ValueError
            When X is not a flat (not closed: the intersection lies on further hyperplanes).

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> L = braid(4).intersection_lattice()
        >>> L.mobius(0), L.mobius({0}), L.mobius(L.flats(3)[0])
        (1, -1, -6)
        >>> L.mobius({0, 1})
        Traceback (most recent call last):
            ...
        ValueError: {0, 1} is not a flat of this arrangement: ...
        """
        return self._index[self._key(X)][1]

    def hyperplanes_of(self, X) -> tuple[int, ...]:
        """The indices of the hyperplanes containing the flat X.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> braid(3).intersection_lattice().hyperplanes_of(7)
        (0, 1, 2)
        """
        return _indices(self._key(X))

    def hasse_diagram(self) -> nx.DiGraph:
        """The Hasse diagram: an edge X -> Y for every cover X ⋖ Y; nodes carry ``rank`` and ``mobius``.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> G = braid(3).intersection_lattice().hasse_diagram()
        >>> G.number_of_nodes(), G.number_of_edges()
        (5, 6)

        Notes
        -----
        In a ranked poset X ⋖ Y iff X < Y and rk Y = rk X + 1.  The flats of rank
        k + 1 above X are found by intersecting, over the hyperplanes of X, the sets
        of flats of rank k + 1 containing each hyperplane.
        """
        G = nx.DiGraph()
        for k, (level, mus) in enumerate(zip(self.flats_by_rank, self.mobius_by_rank)):
            for X, m in zip(level, mus):
                G.add_node(X, rank=k, mobius=m)
        for k in range(1, len(self.flats_by_rank)):
            containing: dict[int, set[int]] = {}
            for Y in self.flats_by_rank[k]:
                for i in _indices(Y):
                    containing.setdefault(i, set()).add(Y)
            for X in self.flats_by_rank[k - 1]:
                sets = sorted((containing.get(i, set()) for i in _indices(X)), key=len)
                above = set.intersection(*sets) if sets else self.flats_by_rank[k]
                G.add_edges_from((X, Y) for Y in above)
        return G


def _indices(bits: int) -> tuple[int, ...]:
    return tuple(i for i in range(bits.bit_length()) if bits >> i & 1)


def intersection_lattice(arrangement, *, progress: bool = False, executor=None) -> IntersectionLattice:
    """The intersection poset L(A) with Möbius values, flats as bitsets over hyperplane indices.

    Parameters
    ----------
    arrangement : Arrangement
    progress : bool, optional
        Show a progress bar over the flats processed.
    executor : concurrent.futures.Executor, optional
        Expand the flats of each rank in chunks on this executor.

    Returns
    -------
    IntersectionLattice
        For an affine arrangement: only the non-empty intersections.

    Examples
    --------
    >>> from exactgeom.library import threshold
    >>> L = intersection_lattice(threshold(2))
    >>> [len(L.flats(k)) for k in range(4)]
    [1, 4, 6, 1]
    >>> L.mobius(0b1111)
    -3

    Notes
    -----
    See the module Notes: rank-by-rank generation with Weisner's recursion,
    exact modulo a prime above the Hadamard bound.
    """
    data = _central_rows(arrangement)
    if not data.rows:
        return IntersectionLattice(arrangement, ((0,),), ((1,),))
    p = _prime_for(data)
    bar = progress_bar(progress, desc="flats", unit="flat")
    try:
        levels, _ = _enumerate_flats(data.rows, p, data.excluded, depth=None, count_last=False,
                                     bar=bar, executor=executor)
    finally:
        bar.close()
    flats_by_rank, mobius_by_rank = [], []
    for bits, mus in levels:
        order = sorted(range(len(bits)), key=bits.__getitem__)
        flats_by_rank.append(tuple(bits[i] for i in order))
        mobius_by_rank.append(tuple(mus[i] for i in order))
    return IntersectionLattice(arrangement, tuple(flats_by_rank), tuple(mobius_by_rank))


@functools.lru_cache(maxsize=64)
def _whitney_first_kind(arrangement, executor=None) -> tuple[int, ...]:
    """w_k = Σ_{rk X = k} μ(X), k = 0..rank(A), computed as in the module Notes."""
    data = _central_rows(arrangement)
    if not data.rows:
        return (1,)
    r = data.rank
    if r == 1:
        return (1, -1)                     # a single hyperplane (central case only)
    p = _prime_for(data)
    excluded = data.excluded if data.excluded is not None else len(data.rows) - 1
    levels, last = _enumerate_flats(data.rows, p, excluded, depth=r - 2, count_last=True,
                                          bar=None, executor=executor)
    q = [sum(mus) for _, mus in levels] + [last]      # Σ over flats avoiding H, by rank 0..r-1
    if data.excluded is not None:                     # affine: these are A's Whitney numbers
        return tuple(q)
    # central: χ_A = (t − 1) Σ_k q_k t^{d-1-k}, i.e. w_k = q_k − q_{k−1}
    return tuple((q[k] if k < r else 0) - (q[k - 1] if k > 0 else 0) for k in range(r + 1))


def characteristic_polynomial(arrangement, *, variable: str = "t", executor=None) -> sympy.Poly:
    """Characteristic polynomial χ_A(t) = Σ_{X ∈ L(A)} μ(0̂, X) t^{dim X}.

    Parameters
    ----------
    arrangement : Arrangement
    variable : str, optional
        Name of the polynomial variable.
    executor : concurrent.futures.Executor, optional
        Run the expansion of each rank in chunks on this executor.

    Returns
    -------
    sympy.Poly over ZZ of degree ``arrangement.dimension``.

    Examples
    --------
    >>> from exactgeom.library import threshold, shi
    >>> characteristic_polynomial(threshold(2)).as_expr()
    t**3 - 4*t**2 + 6*t - 3
    >>> characteristic_polynomial(shi(3), variable="q").as_expr()
    q**3 - 6*q**2 + 9*q

    Notes
    -----
    Central A: deconing at the last hyperplane, χ_A = (t − 1) χ_{dA}; affine A: the
    cone with H_∞ excluded.  Flats are enumerated up to rank r − 2 and the flats of
    rank r − 1 only counted (module Notes).  Results are cached per arrangement.
    """
    t = sympy.Symbol(variable)
    w = _whitney_first_kind(arrangement, executor)
    d = arrangement.dimension
    coeffs = [0] * (d + 1)
    for k, wk in enumerate(w):
        coeffs[k] = wk                    # coefficient of t^{d-k}
    return sympy.Poly(coeffs, t, domain="ZZ")


def poincare_polynomial(arrangement, *, variable: str = "t") -> sympy.Poly:
    """Poincaré polynomial π_A(t) = Σ_X μ(0̂, X) (−t)^{rk X} = (−t)^d χ_A(−1/t).

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> poincare_polynomial(braid(3)).as_expr()
    2*t**2 + 3*t + 1
    """
    t = sympy.Symbol(variable)
    w = _whitney_first_kind(arrangement)
    return sympy.Poly(list(reversed([abs(v) for v in w])), t, domain="ZZ")


def whitney_numbers(arrangement, kind: int = 1) -> tuple[int, ...]:
    """Whitney numbers by rank k = 0..rank(A).

    ``kind=1``: w_k = Σ_{rk X = k} μ(0̂, X), the coefficient of t^{d−k} in χ_A (signed).
    ``kind=2``: W_k = the number of flats of rank k.

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> whitney_numbers(braid(4)), whitney_numbers(braid(4), kind=2)
    ((1, -6, 11, -6), (1, 6, 7, 1))
    """
    if kind == 1:
        return _whitney_first_kind(arrangement)
    if kind == 2:
        L = intersection_lattice(arrangement)
        return tuple(len(level) for level in L.flats_by_rank)
    raise ValueError(f"kind must be 1 or 2, not {kind!r}")


def num_regions(arrangement) -> int:
    """Number of regions, (−1)^d χ_A(−1) = Σ_k |w_k| (Zaslavsky).

    Examples
    --------
    >>> from exactgeom.library import threshold
    >>> num_regions(threshold(4))
    1882
    """
    return sum(abs(w) for w in _whitney_first_kind(arrangement))


def num_bounded_regions(arrangement) -> int:
    """Number of relatively bounded regions, (−1)^{rank} χ_A(1) (Zaslavsky).

    A region is *relatively bounded* when it is bounded modulo the common direction
    space of the hyperplanes, i.e. bounded in the essentialization.  For an essential
    arrangement these are the bounded regions; a non-essential one has no bounded
    region at all, and this count is that of its essentialization.

    Examples
    --------
    >>> from exactgeom.library import shi
    >>> num_bounded_regions(shi(3))
    4
    """
    w = _whitney_first_kind(arrangement)
    return (-1) ** (len(w) - 1) * sum(w)


# -- the enumeration engine ------------------------------------------------------------------------
# A level is the list of flats of one rank.  Each flat carries its bitset, a basis K of its
# direction space mod p (columns), μ(0̂, F) and min F (n for the bottom).  Expanding a flat
# groups the non-zero rows of N K by proportionality; a group with smallest index h gives the
# cover G = F ∪ group, used by Weisner's recursion when h < min F and H_excluded ∉ G.
# The excluded hyperplane, when there is one, is always the last (index n - 1).

_NUMPY_PRIME_LIMIT = 1 << 28     # products of two residues stay below 2^56, sums of < 128 of them below 2^63
_USE_NUMPY = np is not None
_CHUNK_ROWS = 1 << 21            # rows of N K handled per vectorised step
_MAX_COVERS = 12_000_000         # covers held at once (about 1 GB); beyond this we stop with a message


def _too_large(rank: int, covers: int, flats: int) -> ValueError:
    return ValueError(
        f"the intersection lattice is too large to hold in memory: the {flats} flats of rank {rank - 1} "
        f"already have more than {covers} covers of rank {rank} (the limit is {_MAX_COVERS}); "
        "characteristic_polynomial() needs two ranks fewer than intersection_lattice() and may still fit"
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
            last = -sum(mu for res in results for _, mu, *_ in res) if count_last else 0
            return levels, last
        merged: dict[int, list] = {}
        for chunk, res in zip(chunks, results):
            if len(merged) > _MAX_COVERS // 4:
                raise _too_large(len(levels), len(merged), len(level))
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
        parts, covers = [], 0
        for s, res in zip(starts, results):
            new_bits, contrib, parent, hmin, vrow, j0 = res
            parts.append((new_bits, contrib, parent + s, hmin, vrow, j0))
            covers += len(new_bits)
            if covers > _MAX_COVERS:
                raise _too_large(len(levels), covers, len(bits))
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

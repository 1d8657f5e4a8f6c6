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

*Exactness.*  The enumeration runs modulo a prime p chosen above the Hadamard
bound of the normals, so that no non-zero minor vanishes mod p: the matroid
mod p is the matroid over Q and every flat and Möbius value is the exact one.
The argument, and the numpy and pure-Python implementations of the recursion,
are documented in the private module ``exactgeom.arrangements._flat_engine``.

*Cost.*  One product ``N K_F`` (n × rank) per flat F of rank <= r − 2 avoiding
H, plus sorting its n rows.  χ(T_6) (64 hyperplanes, about 530 000 such flats)
takes seconds; ``benchmarks/charpoly.py`` prints the figures.  Sizes that would
not finish (T_7) are refused early with an estimate extrapolated from the flats
of rank <= 3.

References
----------
R. P. Stanley, *An introduction to hyperplane arrangements*, Lectures 1–3.
T. Zaslavsky, *Facing up to arrangements: face-count formulas for partitions of space by
hyperplanes*, Mem. Amer. Math. Soc. 1 (1975), no. 154 (:func:`zaslavsky_counts`).
P. Orlik and H. Terao, *Arrangements of hyperplanes*, §2.3 (cones).
L. Weisner, Abstract theory of inversion of finite series, Trans. AMS 38 (1935).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .._progress import progress_bar
from ._flat_engine import _central_rows, _enumerate_flats, _prime_for

if TYPE_CHECKING:     # imported on use: counting flats and regions needs neither (import time)
    import networkx as nx
    import sympy

    from .._poly import Poly

__all__ = [
    "IntersectionLattice",
    "intersection_lattice",
    "characteristic_polynomial",
    "poincare_polynomial",
    "whitney_numbers",
    "num_regions",
    "num_bounded_regions",
    "zaslavsky_counts",
]


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
        import networkx as nx

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

    Raises
    ------
    exactgeom.errors.TooLarge
        (a ``ValueError``) When the lattice is clearly too large to finish: once the flats of rank <= 3
        are known, the sizes of the later ranks are extrapolated and the enumeration
        is refused with that estimate (a heuristic, described in ``_flat_engine``).

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
    with progress_bar(progress, desc="flats", unit="flats") as bar:
        levels, _ = _enumerate_flats(data.rows, p, data.excluded, depth=None, count_last=False,
                                     bar=bar, executor=executor)
    flats_by_rank, mobius_by_rank = [], []
    for bits, mus in levels:
        order = sorted(range(len(bits)), key=bits.__getitem__)
        flats_by_rank.append(tuple(bits[i] for i in order))
        mobius_by_rank.append(tuple(mus[i] for i in order))
    return IntersectionLattice(arrangement, tuple(flats_by_rank), tuple(mobius_by_rank))


class _LRU:
    """A bounded cache keyed by arrangement alone: how χ was computed (executor, progress bar)
    does not change it, so a value computed one way answers every later call."""

    def __init__(self, maxsize: int):
        self.maxsize, self.data, self.lock = maxsize, {}, threading.Lock()

    def get(self, key):
        with self.lock:
            value = self.data.pop(key, None)
            if value is not None:
                self.data[key] = value             # most recently used last
            return value

    def put(self, key, value) -> None:
        with self.lock:
            self.data[key] = value
            if len(self.data) > self.maxsize:
                del self.data[next(iter(self.data))]

    def cache_clear(self) -> None:
        with self.lock:
            self.data.clear()


_WHITNEY_CACHE = _LRU(64)


def _whitney_first_kind(arrangement, executor=None, progress: bool = False, limit=None) -> tuple[int, ...]:
    """w_k = Σ_{rk X = k} μ(X), k = 0..rank(A), computed as in the module Notes; cached per arrangement.

    ``limit``: a budget of flats expanded, past which ``TooLarge`` is raised (nothing is cached then).
    """
    w = _WHITNEY_CACHE.get(arrangement)
    if w is None:
        w = _compute_whitney_first_kind(arrangement, executor, progress, limit)
        _WHITNEY_CACHE.put(arrangement, w)
    return w


_whitney_first_kind.cache_clear = _WHITNEY_CACHE.cache_clear


def _compute_whitney_first_kind(arrangement, executor, progress: bool, limit=None) -> tuple[int, ...]:
    data = _central_rows(arrangement)
    if not data.rows:
        return (1,)
    r = data.rank
    if r == 1:
        return (1, -1)                     # a single hyperplane (central case only)
    p = _prime_for(data)
    excluded = data.excluded if data.excluded is not None else len(data.rows) - 1
    with progress_bar(progress, desc="flats", unit="flats", limit=limit) as bar:
        levels, last = _enumerate_flats(data.rows, p, excluded, depth=r - 2, count_last=True,
                                        bar=bar, executor=executor)
    q = [sum(mus) for _, mus in levels] + [last]      # Σ over flats avoiding H, by rank 0..r-1
    if data.excluded is not None:                     # affine: these are A's Whitney numbers
        return tuple(q)
    # central: χ_A = (t − 1) Σ_k q_k t^{d-1-k}, i.e. w_k = q_k − q_{k−1}
    return tuple((q[k] if k < r else 0) - (q[k - 1] if k > 0 else 0) for k in range(r + 1))


def characteristic_polynomial(arrangement, *, variable: str = "t", progress: bool = False,
                              executor=None) -> sympy.Poly:
    """Characteristic polynomial χ_A(t) = Σ_{X ∈ L(A)} μ(0̂, X) t^{dim X}.

    Parameters
    ----------
    arrangement : Arrangement
    variable : str, optional
        Name of the polynomial variable.
    progress : bool, optional
        Show a progress bar over the flats processed (on stderr); a cached
        value is returned at once, without a bar.
    executor : concurrent.futures.Executor, optional
        Run the expansion of each rank in chunks on this executor.

    Returns
    -------
    sympy.Poly over ZZ of degree ``arrangement.dimension``.

    Raises
    ------
    exactgeom.errors.TooLarge
        (a ``ValueError``) When the enumeration clearly would not finish (as for ``intersection_lattice``);
        T_7 is refused within seconds, T_6 runs.

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
    return polynomial_from_whitney(_whitney_first_kind(arrangement, executor, progress),
                                   arrangement.dimension, variable)


def polynomial_from_whitney(whitney, dimension: int, variable: str = "t") -> Poly:
    """χ(t) = Σ_k w_k t^{d−k} from the signed Whitney numbers of the first kind.

    Parameters
    ----------
    whitney : sequence of int
        w_0, w_1, … (w_k is the coefficient of t^{d−k}; missing ones are zero).
    dimension : int
        The ambient dimension d, the degree of χ.
    variable : str, optional

    Returns
    -------
    sympy.Poly over ZZ, shown in Jupyter as the plain polynomial.

    Examples
    --------
    >>> polynomial_from_whitney([1, -3, 2], 2).as_expr()
    t**2 - 3*t + 2
    """
    import sympy

    from .._poly import Poly

    coeffs = [0] * (dimension + 1)
    for k, wk in enumerate(whitney):
        coeffs[k] = wk                    # coefficient of t^{d-k}
    return Poly(coeffs, sympy.Symbol(variable), domain="ZZ")


def poincare_polynomial(arrangement, *, variable: str = "t") -> sympy.Poly:
    """Poincaré polynomial π_A(t) = Σ_X μ(0̂, X) (−t)^{rk X} = (−t)^d χ_A(−1/t).

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> poincare_polynomial(braid(3)).as_expr()
    2*t**2 + 3*t + 1
    """
    import sympy

    from .._poly import Poly

    t = sympy.Symbol(variable)
    w = _whitney_first_kind(arrangement)
    return Poly(list(reversed([abs(v) for v in w])), t, domain="ZZ")


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


def zaslavsky_counts(whitney) -> tuple[int, int]:
    """The numbers of regions and of relatively bounded regions from χ_A (Zaslavsky).

    regions = (−1)^d χ_A(−1) = Σ_k (−1)^k w_k and bounded = (−1)^{rank} χ_A(1) =
    (−1)^{rank} Σ_k w_k, where χ_A(t) = Σ_k w_k t^{d−k}.

    Parameters
    ----------
    whitney : sequence of int
        The Whitney numbers of the first kind w_0 = 1, w_1, …, the coefficients of χ_A
        from the highest degree down; trailing zeros (ranks above rank(A)) are allowed.
        The rank is the last k with w_k ≠ 0 (w_k ≠ 0 exactly when there is a flat of
        rank k, as μ(0̂, X) has the sign (−1)^{rk X}).

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> zaslavsky_counts(whitney_numbers(braid(3)))
    (6, 0)
    >>> zaslavsky_counts([1, -3, 3, 0])   # three generic lines in the plane, listed in degree 3
    (7, 1)
    """
    w = [int(v) for v in whitney]
    rank = max((k for k, v in enumerate(w) if v), default=0)
    return sum((-1) ** k * v for k, v in enumerate(w)), (-1) ** rank * sum(w)


def num_regions(arrangement, *, progress: bool = False, executor=None) -> int:
    """Number of regions, (−1)^d χ_A(−1) = Σ_k |w_k| (Zaslavsky).

    ``progress`` and ``executor`` are passed to the computation of χ_A, as in
    :func:`characteristic_polynomial` (whose cached value is shared).

    Examples
    --------
    >>> from exactgeom.library import threshold
    >>> num_regions(threshold(4))
    1882
    """
    return zaslavsky_counts(_whitney_first_kind(arrangement, executor, progress))[0]


def num_bounded_regions(arrangement, *, progress: bool = False, executor=None) -> int:
    """Number of relatively bounded regions, (−1)^{rank} χ_A(1) (Zaslavsky).

    A region is *relatively bounded* when it is bounded modulo the common direction
    space of the hyperplanes, i.e. bounded in the essentialization.  For an essential
    arrangement these are the bounded regions; a non-essential one has no bounded
    region at all, and this count is that of its essentialization.  ``progress`` and
    ``executor`` are as in :func:`characteristic_polynomial`.

    Examples
    --------
    >>> from exactgeom.library import shi
    >>> num_bounded_regions(shi(3))
    4
    """
    return zaslavsky_counts(_whitney_first_kind(arrangement, executor, progress))[1]

r"""Regions (chambers) of a hyperplane arrangement, each with an exact witness point.

A *region* of an arrangement A in Q^d is a connected component of the complement
Q^d minus the union of the hyperplanes.  It is determined by its *sign vector*
``σ ∈ {+1, -1}^n``, ``σ_i = sign(normals[i] . x - offsets[i])`` for any ``x`` in it,
and it is the open polyhedron ``{x : σ_i (a_i . x - c_i) > 0 for all i}``.

The regions are enumerated incrementally: the regions of the first ``k``
hyperplanes are split by hyperplane ``k + 1``.  The search is depth first
(a generator, so memory stays proportional to ``n``), and each node carries
the closure of its region as a closed pplpy polyhedron, whose generators decide
exactly whether the next hyperplane cuts the open region (it does when the
closure has generators strictly on both sides).  A leaf's witness is the mean
of the vertices of the closure plus the sum of its extreme rays, a point of
the interior.

The functions here are re-exported by :mod:`exactgeom.arrangements.faces`, which
is where the :class:`~exactgeom.arrangements.Arrangement` methods look them up.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field
from fractions import Fraction

import networkx as nx
import ppl

from .. import _exact
from .._parallel import map_chunked, worker_count
from .._progress import progress_bar
from ..errors import TooLarge
from ..polyhedra import _ppl
from .lattice import _whitney_first_kind

__all__ = [
    "Region",
    "regions",
    "region_containing",
    "region_adjacency_graph",
    "region_certificate",
]

SignVector = tuple[int, ...]


# -- exact helpers shared with faces.py ---------------------------------------------------------
def _integer_rows(arrangement) -> list[tuple[list[int], int]]:
    """Each hyperplane ``a . x = c`` scaled by a positive integer to integer ``(a, c)``."""
    return [_ppl.integer_row(a, c) for a, c in zip(arrangement.normals, arrangement.offsets)]


def _half_spaces(rows) -> list[tuple[ppl.Constraint, ppl.Constraint, ppl.Constraint]]:
    """Per hyperplane the pplpy constraints ``f >= 0``, ``f <= 0`` and ``f == 0``, ``f = a . x - c``."""
    out = []
    for a, c in rows:
        f = ppl.Linear_Expression(a, -c)
        out.append((f >= 0, f <= 0, f == 0))
    return out


def _closure(dimension: int, half_spaces, covector) -> ppl.C_Polyhedron:
    """The closed polyhedron ``{x : covector_i f_i(x) >= 0}`` (``== 0`` where the covector is 0)."""
    P = ppl.C_Polyhedron(dimension, "universe")
    for (ge, le, eq), s in zip(half_spaces, covector):
        P.add_constraint(ge if s > 0 else le if s < 0 else eq)
    return P


def _closure_of(arrangement, covector) -> ppl.C_Polyhedron:
    """:func:`_closure` of the face of ``arrangement`` with this covector (or sign vector)."""
    return _closure(arrangement.dimension, _half_spaces(_integer_rows(arrangement)), covector)


_INCLUDED = ppl.Poly_Con_Relation.is_included()


def _sides(P: ppl.C_Polyhedron, half_space) -> tuple[bool, bool]:
    """Whether ``P`` has points with ``f > 0`` and with ``f < 0``."""
    ge, le, _ = half_space
    return (not P.relation_with(le).implies(_INCLUDED), not P.relation_with(ge).implies(_INCLUDED))


def _leaves(dimension: int, half_spaces, prefix: tuple[int, ...] = (), *,
            zero: bool = False) -> Iterator[tuple[tuple[int, ...], ppl.C_Polyhedron]]:
    """Depth first, the faces below ``prefix`` (a face of the first ``len(prefix)`` hyperplanes).

    With ``zero=False`` the regions: hyperplane ``k + 1`` splits a node in two
    (``+1``, ``-1``) when its closure has generators strictly on both sides.
    With ``zero=True`` all faces: such a node splits in three (``+1``, ``0``,
    ``-1``).  Otherwise the node lies on one closed side, so its relative
    interior lies strictly on that side, or (faces only) inside the hyperplane.
    Children are visited in the order ``+1, 0, -1``, so the covectors come in
    lexicographic order for that order of signs.  Each leaf is its covector
    and its closure, a closed pplpy polyhedron owned by the caller.
    """
    n = len(half_spaces)
    stack = [(_closure(dimension, half_spaces, prefix), prefix)]
    while stack:
        P, signs = stack.pop()
        k = len(signs)
        while k < n:
            plus, minus = _sides(P, half_spaces[k])
            if plus and minus:
                ge, le, eq = half_spaces[k]
                Q = ppl.C_Polyhedron(P)
                Q.add_constraint(le)
                stack.append((Q, signs + (-1,)))
                if zero:
                    Z = ppl.C_Polyhedron(P)
                    Z.add_constraint(eq)
                    stack.append((Z, signs + (0,)))
                P.add_constraint(ge)
                signs += (1,)
            else:
                signs += (1,) if plus else (-1,) if minus else (0,)
            k += 1
        yield signs, P


# -- the value object ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Region:
    """A region of an arrangement: its sign vector and a witness point strictly inside.

    Two regions are equal when they belong to equal arrangements and have the
    same sign vector; the witness is one point of the region and plays no part
    in equality.

    Parameters
    ----------
    arrangement : Arrangement
    sign_vector : tuple of +1/-1
        ``sign_vector[i]`` is the sign of ``normals[i] . x - offsets[i]`` on the region.
    witness : tuple of Fraction
        A point strictly inside the region.

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> A = Arrangement([[1, 0], [0, 1]])
    >>> R = A.region_containing([1, -2])
    >>> R.sign_vector, R.is_bounded(), R.facets()
    ((1, -1), False, (0, 1))
    >>> R
    Region(sign_vector=(1, -1), witness=(Fraction(1, 1), Fraction(-2, 1)))
    """

    arrangement: object = field(repr=False)
    sign_vector: SignVector
    witness: tuple[Fraction, ...] = field(compare=False)
    _bounded: bool | None = field(default=None, compare=False, repr=False)

    def closure(self) -> ppl.C_Polyhedron:
        """The closed polyhedron ``{x : σ_i (a_i . x - c_i) >= 0}`` as a pplpy ``C_Polyhedron``."""
        return _closure_of(self.arrangement, self.sign_vector)

    def is_bounded(self) -> bool:
        """Whether the region is (relatively) bounded.

        Bounded modulo the directions along which every hyperplane is
        invariant: the recession cone ``{y : σ_i a_i . y >= 0}`` equals the
        lineality space ``{y : a_i . y = 0}``.  For an essential arrangement this
        is plain boundedness; in general it is the notion counted by Zaslavsky's
        (-1)^rank χ_A(1) (Stanley's *relatively bounded*).

        Examples
        --------
        >>> from exactgeom.library import generic, shi
        >>> sum(R.is_bounded() for R in generic(4, 2, seed=3).regions())   # C(3, 2)
        3
        >>> sum(R.is_bounded() for R in shi(3).regions())                  # (n-1)^(n-1), in Q^3 of rank 2
        4
        """
        if self._bounded is None:
            bounded = not any(g.is_ray() for g in self.closure().minimized_generators())
            object.__setattr__(self, "_bounded", bounded)
        return self._bounded

    def facets(self) -> tuple[int, ...]:
        """Indices of the hyperplanes that carry a facet of the region, in increasing order.

        Read off the minimized constraint system of the closure: for a
        full-dimensional polyhedron each irredundant inequality is one facet.

        Examples
        --------
        >>> from exactgeom import Arrangement
        >>> A = Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1])
        >>> A.region_containing(["1/4", "1/4"]).facets()
        (0, 1, 2)
        >>> A.region_containing([-1, -1]).facets()     # x + y = 1 does not touch it
        (0, 1)
        """
        rows = _integer_rows(self.arrangement)
        keys = {}
        for i, ((a, c), s) in enumerate(zip(rows, self.sign_vector)):
            keys[_exact.primitive_integer_vector([s * v for v in a] + [-s * c], sign_normalize=False)] = i
        d = self.arrangement.dimension
        found = set()
        for con in self.closure().minimized_constraints():
            a = _ppl.padded(con.coefficients(), d)
            if con.is_inequality() and any(a):
                found.add(keys[_exact.primitive_integer_vector(a + [int(con.inhomogeneous_term())],
                                                               sign_normalize=False)])
        return tuple(sorted(found))

    def polyhedron(self):
        """The open region as an :class:`exactgeom.polyhedra.Polyhedron` (strict inequalities).

        Row ``i`` reads ``-σ_i a_i . x < -σ_i c_i``.

        Examples
        --------
        >>> from exactgeom import Arrangement
        >>> P = Arrangement([[1, 1]], offsets=[2]).region_containing([0, 0]).polyhedron()
        >>> P.dimension(), P.contains([1, 1]), P.contains([1, 0])
        (2, False, True)
        """
        from ..polyhedra import Polyhedron

        A = self.arrangement
        rows = [[-s * v for v in a] for a, s in zip(A.normals, self.sign_vector)]
        rhs = [-s * c for c, s in zip(A.offsets, self.sign_vector)]
        return Polyhedron.from_constraints(rows, rhs, ["<"] * len(rows), dimension=A.dimension,
                                           variables=A.variables)


# -- enumeration ---------------------------------------------------------------------------------
def _subtree(dimension: int, rows, prefix: SignVector) -> Iterator[tuple[SignVector, list[int], int, bool]]:
    """Depth-first regions below ``prefix`` (a region of the first ``len(prefix)`` hyperplanes).

    In lexicographic order of sign vectors with ``+1`` before ``-1``.  Each
    region comes as its sign vector, its witness as numerators over a common
    denominator, and whether it is (relatively) bounded.
    """
    for signs, P in _leaves(dimension, _half_spaces(rows), prefix):
        yield (signs, *_ppl.relative_interior_numerators(P.minimized_generators(), dimension))


def _subtree_list(dimension: int, rows, prefix: SignVector) -> list[tuple[int, list[int], int, bool]]:
    """The regions below ``prefix``, sign vectors packed as bitmasks (bit i set for +1): cheap to pickle."""
    return [(sum(1 << i for i, s in enumerate(signs) if s > 0), numerators, denominator, bounded)
            for signs, numerators, denominator, bounded in _subtree(dimension, rows, prefix)]


def _frontier(dimension: int, rows, target: int) -> list[SignVector]:
    """The regions of the first ``k`` hyperplanes, in output order, for the least ``k`` giving ``target``."""
    half_spaces = _half_spaces(rows)
    level: list[tuple[ppl.C_Polyhedron, SignVector]] = [(ppl.C_Polyhedron(dimension, "universe"), ())]
    for k in range(len(rows)):
        if len(level) >= target:
            break
        nxt = []
        for P, signs in level:
            plus, minus = _sides(P, half_spaces[k])
            if plus and minus:
                Q = ppl.C_Polyhedron(P)
                Q.add_constraint(half_spaces[k][1])
                P.add_constraint(half_spaces[k][0])
                nxt += [(P, signs + (1,)), (Q, signs + (-1,))]
            else:
                nxt.append((P, signs + ((1,) if plus else (-1,))))
        level = nxt
    return [signs for _, signs in level]


# A progress bar's total is Zaslavsky's count (-1)^d χ_A(-1), computed first when the flat engine
# finds it within this budget of rows of N K_F (flats expanded times hyperplanes, the engine's unit
# of work): T_5 needs 2.5e5 rows (well under a second), T_6 3.4e7 (half a minute; no total then).
_TOTAL_BUDGET_ROWS = 10**6


def _region_total(arrangement) -> int | None:
    """The number of regions when χ_A is cached or cheap (within ``_TOTAL_BUDGET_ROWS``), else None.

    Examples
    --------
    >>> from exactgeom.library import threshold
    >>> _region_total(threshold(4)), _region_total(threshold(6))
    (1882, None)
    """
    try:
        w = _whitney_first_kind(arrangement, limit=max(1, _TOTAL_BUDGET_ROWS // (len(arrangement) + 1)))
    except TooLarge:
        return None
    return sum(abs(v) for v in w)


def regions(arrangement, *, progress: bool = False, executor: Executor | None = None,
            chunks: int | None = None) -> Iterator[Region]:
    r"""Generate the regions of an arrangement, each with an exact witness point.

    Parameters
    ----------
    arrangement : Arrangement
    progress : bool, optional
        Show a progress bar (tqdm when installed) counting regions.  Its total,
        and so tqdm's estimate of the time left, is the number of regions from
        Zaslavsky's theorem when χ_A is already known or cheap to compute (the
        flat enumeration stays within a fixed budget of counted work, about
        10^6 rows, which T_5 meets and T_6 does not); otherwise the bar counts
        without a total.
    executor : concurrent.futures.Executor, optional
        Split the search tree at the first level with at least ``chunks``
        nodes and enumerate the subtrees as tasks of this executor (a
        ``ProcessPoolExecutor`` gives real parallelism).  The output is the same
        as without an executor, in the same order.
    chunks : int, optional
        Number of subtrees to aim for with an executor (default: 16 per worker,
        at least 64).

    Yields
    ------
    Region
        In lexicographic order of sign vectors, ``+1`` before ``-1``.  Each
        region knows whether it is (relatively) bounded, see
        :meth:`Region.is_bounded`, without a further PPL call.

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> A = Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1])
    >>> [R.sign_vector for R in A.regions()]
    [(1, 1, 1), (1, 1, -1), (1, -1, 1), (1, -1, -1), (-1, 1, 1), (-1, 1, -1), (-1, -1, -1)]
    >>> [R.witness for R in A.regions() if R.is_bounded()]
    [(Fraction(1, 3), Fraction(1, 3))]
    >>> from exactgeom.library import threshold
    >>> sum(1 for _ in threshold(3).regions())
    104

    Notes
    -----
    Depth first over the hyperplanes in index order.  A node is a region of
    the first ``k`` hyperplanes, held as its closure, a closed pplpy
    polyhedron; hyperplane ``k + 1`` cuts the open region exactly when the
    closure has generators strictly on both sides (two PPL relation queries on
    up-to-date generators).  Total cost: one such test per node of the tree,
    ``sum_k r(A_k)`` where ``A_k`` are the first ``k`` hyperplanes, plus one
    generator extraction per region for its witness.  Memory: one polyhedron
    per level of the current path.  Measured (``benchmarks/regions.py``, a
    shared 2-core machine): T_4, 1,882 regions, about 0.2-0.3 s; T_5, 94,572
    regions, about 5 s (more when the machine is busy).

    Ctrl-C stops the enumeration; with an executor, pending tasks are
    cancelled.  The :class:`KeyboardInterrupt` carries a note such as
    "interrupted after 137 of 1882 regions" (the total only with
    ``progress=True``); :func:`exactgeom.collect` keeps the regions found.
    """
    d, n = arrangement.dimension, len(arrangement)
    rows = _integer_rows(arrangement)
    total = _region_total(arrangement) if progress else None
    with progress_bar(progress, total=total, desc="regions", unit="regions") as bar:
        if executor is None:
            for signs, numerators, denominator, bounded in _subtree(d, rows, ()):
                bar.update()
                yield Region(arrangement, signs, _ppl.fraction_vector(numerators, denominator), bounded)
            return
        target = chunks if chunks is not None else max(64, 16 * worker_count(executor))
        prefixes = _frontier(d, rows, target)
        task = functools.partial(_subtree_list, d, rows)
        for block in map_chunked(task, prefixes, executor=executor, chunk_size=1):
            for mask, numerators, denominator, bounded in block:
                bar.update()
                signs = tuple(1 if mask >> i & 1 else -1 for i in range(n))
                yield Region(arrangement, signs, _ppl.fraction_vector(numerators, denominator), bounded)


def region_containing(arrangement, point) -> Region:
    """The region containing ``point``, with ``point`` as its witness.

    Parameters
    ----------
    arrangement : Arrangement
    point : sequence of exact scalars

    Raises
    ------
    ValueError
        If ``point`` lies on a hyperplane (naming which) or has the wrong length.

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> braid(3).region_containing([3, 1, 2]).sign_vector
    (1, 1, -1)
    >>> braid(3).region_containing([1, 1, 2])
    Traceback (most recent call last):
        ...
    ValueError: the point lies on hyperplane 0, (1, -1, 0) . x = 0, so it is in no region; move it off
    """
    x = _exact.exact_vector(point, name="point", length=arrangement.dimension)
    signs = []
    for i, (a, c) in enumerate(zip(arrangement.normals, arrangement.offsets)):
        value = _exact.dot(a, x) - c
        if value == 0:
            normal = "(" + ", ".join(str(v) for v in a) + ("," if len(a) == 1 else "") + ")"
            raise ValueError(
                f"the point lies on hyperplane {i}, {normal} . x = {c}, so it is in no region; move it off"
            )
        signs.append(1 if value > 0 else -1)
    return Region(arrangement, tuple(signs), x)


def region_adjacency_graph(arrangement, *, progress: bool = False, executor: Executor | None = None,
                           limit: int | None = 2_000_000) -> nx.Graph:
    """Regions joined through shared facets.

    Two regions share a facet exactly when their sign vectors differ in one
    hyperplane: the facet lies on that hyperplane (hyperplanes are distinct, so
    a facet spans exactly one of them).

    Parameters
    ----------
    arrangement : Arrangement
    progress, executor : optional
        Passed to :func:`regions`.
    limit : int or None, optional
        Stop with ``ValueError`` once more regions than this have been found.

    Returns
    -------
    networkx.Graph
        Nodes are sign vectors with attributes ``witness`` and ``bounded``;
        edge attribute ``hyperplane`` is the index of the hyperplane carrying
        the shared facet.

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> G = braid(3).region_adjacency_graph()
    >>> G.number_of_nodes(), G.number_of_edges(), sorted(d for _, d in G.degree())
    (6, 6, [2, 2, 2, 2, 2, 2])
    >>> G.edges[(1, 1, 1), (-1, 1, 1)]["hyperplane"]
    0
    """
    G = nx.Graph()
    for R in regions(arrangement, progress=progress, executor=executor):
        if limit is not None and G.number_of_nodes() >= limit:
            raise TooLarge(f"the arrangement has more than limit={limit} regions; pass a larger limit "
                           "(or limit=None) to build the whole graph", estimate=limit + 1, limit=limit,
                           unit="regions")
        G.add_node(R.sign_vector, witness=R.witness, bounded=R.is_bounded())
    for signs in G.nodes:
        for i, s in enumerate(signs):
            if s > 0:
                other = signs[:i] + (-1,) + signs[i + 1:]
                if other in G:
                    G.add_edge(signs, other, hyperplane=i)
    return G


def region_certificate(arrangement, *, progress: bool = False, executor: Executor | None = None) -> dict:
    """A ``region-list`` certificate: every region with a witness, checkable without PPL.

    The claim is a *lower bound*: the listed sign vectors are distinct and each
    is realised by its witness, so the arrangement has at least that many
    regions.  Completeness of the list is not part of the evidence; combine it
    with the count (-1)^d χ_A(-1) of Zaslavsky's theorem for equality.

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> from exactgeom.certificates import verify
    >>> cert = region_certificate(braid(3))
    >>> cert["claim"]["num_regions_at_least"], bool(verify(cert))
    (6, True)
    """
    return _region_list_certificate(arrangement, regions(arrangement, progress=progress, executor=executor))


def _region_list_certificate(arrangement, found) -> dict:
    """The ``region-list`` certificate of the regions ``found`` (an iterable of :class:`Region`)."""
    from ..certificates import envelope

    listed = [
        {"sign_vector": list(R.sign_vector), "witness": [_exact.fraction_str(v) for v in R.witness]}
        for R in found
    ]
    claim = {
        "dimension": arrangement.dimension,
        "normals": [[_exact.fraction_str(v) for v in a] for a in arrangement.normals],
        "offsets": [_exact.fraction_str(c) for c in arrangement.offsets],
        "num_regions_at_least": len(listed),
        "statement": (
            "the arrangement {x : normals[i] . x = offsets[i]} has at least num_regions_at_least regions "
            "(distinct sign vectors, each realised by its witness); this is a lower bound, exact only "
            "together with Zaslavsky's count (-1)^d chi(-1)"
        ),
    }
    return envelope("region-list", claim, {"regions": listed}, {"producer": "exactgeom.arrangements.regions"})

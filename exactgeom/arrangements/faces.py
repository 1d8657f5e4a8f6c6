r"""Faces of a hyperplane arrangement: covectors, the face poset and the f-vector.

For ``x ∈ Q^d`` the *covector* of ``x`` is ``σ(x) ∈ {-1, 0, +1}^n``,
``σ_i(x) = sign(normals[i] . x - offsets[i])``.  A *face* is the set of points
with a given covector: a relatively open polyhedron, and the faces partition
Q^d.  Regions are the faces without zeros.  The face poset orders faces by
inclusion of closures, which on covectors reads ``G <= F`` iff ``G_i ∈ {0, F_i}``
for every ``i``.  The f-vector counts faces by dimension.

This module also re-exports the region functions of
:mod:`exactgeom.arrangements.regions`, which the
:class:`~exactgeom.arrangements.Arrangement` methods look up here.

References
----------
R. P. Stanley, *An introduction to hyperplane arrangements*, Lecture 1.
A. Björner et al., *Oriented matroids*, chapter 4 (covectors).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction

import networkx as nx
import ppl

from .. import _exact
from .._progress import progress_bar
from ..errors import TooLarge
from . import _face_table, _incremental
from ._covectors import _closure_of, _integer_rows
from ._flat_engine import _central_rows, _enumerate_flats, _prime_for
from .lattice import intersection_lattice
from .regions import (
    Region,
    region_adjacency_graph,
    region_certificate,
    region_containing,
    regions,
)

__all__ = [
    "Face",
    "Region",
    "faces",
    "face_poset",
    "f_vector",
    "is_isomorphic",
    "regions",
    "region_containing",
    "region_adjacency_graph",
    "region_certificate",
]

Covector = tuple[int, ...]


@dataclass(frozen=True)
class Face:
    """A face of an arrangement: its covector, its dimension and a point of its relative interior.

    Equality is by arrangement and covector; the witness is one point of the face.

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> A = Arrangement([[1, 0], [0, 1]])
    >>> sorted(F.covector for F in A.faces() if F.dimension == 1)
    [(-1, 0), (0, -1), (0, 1), (1, 0)]
    >>> next(F for F in A.faces() if F.dimension == 0)
    Face(covector=(0, 0), dimension=0, witness=(Fraction(0, 1), Fraction(0, 1)))
    """

    arrangement: object = field(repr=False)
    covector: Covector
    dimension: int
    witness: tuple[Fraction, ...] = field(compare=False)

    def is_region(self) -> bool:
        """Whether the face is a region (its covector has no zero)."""
        return 0 not in self.covector

    def closure(self) -> ppl.C_Polyhedron:
        """The closure of the face as a pplpy ``C_Polyhedron``."""
        return _closure_of(self.arrangement, self.covector)


def _face(arrangement, covector: Covector, dimension: int, witness: tuple[Fraction, ...]) -> Face:
    """``Face(arrangement, covector, dimension, witness)`` without the dataclass's per-field setattr."""
    face = object.__new__(Face)
    face.__dict__.update(arrangement=arrangement, covector=covector, dimension=dimension, witness=witness)
    return face


_BLOCK = 4096


def _face_stream(arrangement, points, keys, dimensions) -> Iterator[Face]:
    """Face objects for a table of homogeneous points, packed covectors and dimensions, a block at a time."""
    n = len(arrangement)
    for start in range(0, len(keys), _BLOCK):
        covectors = _face_table.covectors_of_keys(keys[start:start + _BLOCK], n).tolist()
        witnesses = _incremental.affine_points(points[start:start + _BLOCK])
        dims = dimensions[start:start + _BLOCK].tolist()
        for covector, witness, dimension in zip(covectors, witnesses, dims):
            yield _face(arrangement, tuple(covector), dimension, witness)


# With a progress bar the faces found are also counted against the intersection poset (Zaslavsky:
# Σ_X Σ_{Y >= X} |μ(X, Y)|), when that stays within this many subset tests of flats.
_TOTAL_BUDGET_TESTS = 2 * 10**6


def _face_total(arrangement) -> int | None:
    """The number of faces, Σ over flats X of the regions of the restriction A^X, when cheap; else None.

    The regions of A^X number Σ_{Y >= X} |μ(X, Y)| (Zaslavsky), the upper interval of X
    in L(A) being the intersection poset of A^X.  μ(X, ·) is computed by its defining
    recursion, one subset test of bitsets per pair of flats in the interval; the whole
    computation is refused (None) when the flats or the tests exceed ``_TOTAL_BUDGET_TESTS``.

    Examples
    --------
    >>> from exactgeom.library import braid, threshold
    >>> _face_total(braid(3)), _face_total(threshold(5))
    (13, None)
    """
    data = _central_rows(arrangement)
    if not data.rows:
        return 1
    most = math.isqrt(_TOTAL_BUDGET_TESTS)
    try:
        with progress_bar(False, unit="flats", limit=most) as bar:
            levels, _ = _enumerate_flats(data.rows, _prime_for(data), data.excluded, depth=None,
                                         count_last=False, bar=bar, executor=None)
    except TooLarge:
        return None
    flats = [X for bits, _ in levels for X in bits]          # in order of rank
    if len(flats) > most:
        return None
    above = [[Y for Y in flats if Y & X == X] for X in flats]
    if sum(len(U) ** 2 for U in above) > 2 * _TOTAL_BUDGET_TESTS:
        return None
    total = 0
    for X, U in zip(flats, above):
        mu = {X: 1}
        for Y in U[1:]:
            mu[Y] = -sum(m for Z, m in mu.items() if Z & Y == Z)
        total += sum(abs(m) for m in mu.values())
    return total


def faces(arrangement, *, progress: bool = False) -> Iterator[Face]:
    r"""Generate all faces of an arrangement with a witness and their dimension.

    Parameters
    ----------
    arrangement : Arrangement
    progress : bool, optional
        Show progress bars: flats done while the table of faces is built (the
        intersection poset's size as total), then faces as they are yielded
        (the number of faces as total, checked against Zaslavsky's count
        when the intersection poset is small enough to give it cheaply).

    Yields
    ------
    Face
        In lexicographic order of covectors with ``+1`` before ``0`` before ``-1``.

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> F = list(braid(3).faces())
    >>> len(F), sorted({f.dimension for f in F})     # ordered set partitions of {1,2,3}: 13
    (13, [1, 2, 3])
    >>> F[0]
    Face(covector=(1, 1, 1), dimension=3, witness=(Fraction(2, 1), Fraction(1, 1), Fraction(0, 1)))
    >>> [f.witness for f in F if f.dimension == 1]   # on the line x1 = x2 = x3
    [(Fraction(0, 1), Fraction(0, 1), Fraction(0, 1))]

    Notes
    -----
    No linear programs.  The faces spanning a flat ``X`` are the regions of the
    restriction ``A^X``, so the faces are the regions of the restrictions to all
    flats (the whole space included).  Each flat is parametrized exactly over
    the integers, the regions of its restriction come with witnesses from the
    LP-free region enumeration (:func:`~exactgeom.arrangements.regions.regions`;
    restrictions that recur are enumerated once), the witnesses are lifted back
    to Q^d, and the covector of every witness is computed exactly at all
    hyperplanes, its zeros checked to be those of the flat.  One sort of the
    packed covectors gives the order.  The proof is in
    :mod:`exactgeom.arrangements._face_table`.  The whole table is built before
    the first face is yielded: about ``8 (d + 1) + n / 4`` bytes per face.
    Measured (``benchmarks/regions.py``, a shared 2-core machine): T_4, 16,483
    faces, about 0.4 s (0.6 s by the earlier search over pplpy polyhedra); T_5,
    1,318,105 faces, about 12-16 s (135 s).

    Ctrl-C stops the enumeration with a note of how many faces were found (of how
    many, with ``progress=True``), or of how many flats were done while the table
    was built; :func:`exactgeom.collect` keeps the faces found.
    """
    lattice = intersection_lattice(arrangement)
    with progress_bar(progress, total=len(lattice), desc="table of faces", unit="flats") as bar:
        points, keys, dimensions = _face_table.face_table(arrangement, lattice, bar=bar)
    total = len(keys) if progress else None
    if progress:
        expected = _face_total(arrangement)
        if expected is not None and expected != total:  # pragma: no cover - both are exact counts
            raise AssertionError(f"{total} faces found, but Zaslavsky's count is {expected}")
    with progress_bar(progress, total=total, desc="faces", unit="faces") as bar:
        for face in _face_stream(arrangement, points, keys, dimensions):
            bar.update()
            yield face


def f_vector(arrangement, *, progress: bool = False) -> list[int]:
    """Number of faces of each dimension: ``f[k]`` counts the ``k``-dimensional faces, ``k = 0..d``.

    Entries below the dimension of the center (the smallest face) are 0, and
    ``f[d]`` is the number of regions.  Since the faces are relatively open
    cells partitioning Q^d, ``sum_k (-1)^k f[k] = (-1)^d``.

    Examples
    --------
    >>> from exactgeom.library import braid, generic
    >>> braid(3).f_vector()                           # k! S(3, k) in dimension k
    [0, 1, 6, 6]
    >>> generic(3, 2, seed=0).f_vector()              # 3 points, 9 edges, 7 regions
    [3, 9, 7]
    """
    counts = [0] * (arrangement.dimension + 1)
    for F in faces(arrangement, progress=progress):
        counts[F.dimension] += 1
    return counts


def face_poset(arrangement, *, progress: bool = False, limit: int | None = 2_000_000) -> nx.DiGraph:
    """The face poset as its Hasse diagram: an edge from each face to every face covering it.

    ``G`` is covered by ``F`` when the closure of ``F`` contains ``G`` and
    ``dim F = dim G + 1``; on covectors, ``G_i ∈ {0, F_i}`` for all ``i``.

    Parameters
    ----------
    arrangement : Arrangement
    progress : bool, optional
        Show a progress bar while the faces are enumerated.
    limit : int or None, optional
        Stop with ``ValueError`` once more faces than this have been found.

    Returns
    -------
    networkx.DiGraph
        Nodes are covectors with attributes ``dimension`` and ``witness``.

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> P = Arrangement([[1]], offsets=[0]).face_poset()
    >>> sorted(P.edges)
    [((0,), (-1,)), ((0,), (1,))]
    >>> from exactgeom.library import braid
    >>> P = braid(3).face_poset()
    >>> P.number_of_nodes(), P.number_of_edges()
    (13, 18)

    Notes
    -----
    The facets of a face ``F`` spanning the flat ``X`` lie on the traces on ``X``
    of the other hyperplanes; hyperplanes with the same trace form one class,
    and zeroing one class in the covector of ``F`` gives the covector of a
    facet whenever that covector is a face.  Cost: one exact nullspace per
    flat and one dictionary look-up per (face, class).
    """
    G = nx.DiGraph()
    for F in faces(arrangement, progress=progress):
        if limit is not None and G.number_of_nodes() >= limit:
            raise TooLarge(f"the arrangement has more than limit={limit} faces; pass a larger limit "
                           "(or limit=None) to build the whole poset", estimate=limit + 1, limit=limit,
                           unit="faces")
        G.add_node(F.covector, dimension=F.dimension, witness=F.witness)
    rows = _integer_rows(arrangement)
    classes: dict[frozenset, list[tuple[int, ...]]] = {}
    for f in list(G.nodes):
        zero = frozenset(i for i, s in enumerate(f) if s == 0)
        if zero not in classes:
            classes[zero] = _trace_classes(arrangement, rows, zero)
        for block in classes[zero]:
            g = list(f)
            for i in block:
                g[i] = 0
            g = tuple(g)
            if g in G:
                G.add_edge(g, f)
    return G


def _trace_classes(arrangement, rows, zero: frozenset) -> list[tuple[int, ...]]:
    """The hyperplanes not containing the flat ``X = ∩_{i in zero} H_i``, grouped by their trace on ``X``.

    Hyperplanes parallel to ``X`` (no trace) are left out.  A facet ``G`` of a
    face ``F`` on ``X`` lies on one trace, and its covector is that of ``F`` with
    exactly the hyperplanes of that class set to 0.
    """
    d = arrangement.dimension
    equations = [arrangement.normals[i] for i in sorted(zero)]
    if equations:
        point = _exact.solve(equations, [arrangement.offsets[i] for i in sorted(zero)])
        basis = [_exact.clear_denominators(v) for v in _exact.nullspace(equations, d)]
    else:
        point = (Fraction(0),) * d
        basis = [tuple(int(i == j) for j in range(d)) for i in range(d)]
    # Positive rescaling of basis vectors, of the point's coordinates and of each
    # equation leaves the classes unchanged, so the traces are computed over the integers.
    q = math.lcm(*(v.denominator for v in point))
    point = [v.numerator * (q // v.denominator) for v in point]
    groups: dict[tuple[int, ...], list[int]] = {}
    for i, (a, c) in enumerate(rows):
        if i in zero:
            continue
        trace = [sum(x * y for x, y in zip(a, v)) for v in basis]
        if any(trace):
            key = _exact.primitive_integer_vector([Fraction(t) for t in trace]
                                                  + [Fraction(c * q - sum(x * y for x, y in zip(a, point)))])
            groups.setdefault(key, []).append(i)
    return [tuple(block) for block in groups.values()]


def is_isomorphic(A, B, kind: str = "lattice") -> bool:
    """Whether two arrangements are combinatorially equivalent in the chosen sense.

    Parameters
    ----------
    A, B : Arrangement
    kind : {"lattice", "face_poset"}
        ``"lattice"``: the Hasse diagrams of the intersection lattices
        (:meth:`IntersectionLattice.hasse_diagram`) are isomorphic as directed
        graphs.  ``"face_poset"``: the face posets are isomorphic (the
        "c-isomorphism" of the parameter-spaces note, appendix D).  Only the order matters,
        not dimensions, so ``A`` and its essentialization are isomorphic.

    Notes
    -----
    Cheap invariants first (node and edge counts, elements per height, the
    height being the longest chain below an element), then
    :func:`networkx.is_isomorphic` on the two directed graphs, matching heights.

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> from exactgeom.library import braid, generic
    >>> three_lines = Arrangement([[1, 0], [0, 1], [1, 1]])
    >>> is_isomorphic(braid(3), three_lines, kind="lattice")
    True
    >>> is_isomorphic(braid(3), three_lines, kind="face_poset")   # ranks count from the center
    True
    >>> is_isomorphic(generic(3, 2, seed=0), three_lines, kind="face_poset")
    False
    >>> is_isomorphic(generic(3, 2, seed=0), generic(3, 2, seed=5), kind="face_poset")
    True
    """
    if kind == "lattice":
        G1, G2 = A.intersection_lattice().hasse_diagram(), B.intersection_lattice().hasse_diagram()
    elif kind == "face_poset":
        G1, G2 = face_poset(A), face_poset(B)
    else:
        raise ValueError(f'kind must be "lattice" or "face_poset", not {kind!r}')
    if (G1.number_of_nodes(), G1.number_of_edges()) != (G2.number_of_nodes(), G2.number_of_edges()):
        return False
    h1, h2 = _heights(G1), _heights(G2)
    if sorted(h1.values()) != sorted(h2.values()):
        return False
    H1, H2 = nx.DiGraph(G1.edges), nx.DiGraph(G2.edges)
    H1.add_nodes_from((v, {"height": h}) for v, h in h1.items())
    H2.add_nodes_from((v, {"height": h}) for v, h in h2.items())
    return nx.is_isomorphic(H1, H2, node_match=lambda x, y: x["height"] == y["height"])


def _heights(hasse_diagram: nx.DiGraph) -> dict:
    """Length of the longest chain from a minimal element to each element: kept by every isomorphism."""
    height = {}
    for v in nx.topological_sort(hasse_diagram):
        height[v] = max((height[u] + 1 for u in hasse_diagram.predecessors(v)), default=0)
    return height

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
import math
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
from . import _incremental
from ._covectors import _closure_of, _integer_rows
from .lattice import _whitney_first_kind, zaslavsky_counts

__all__ = [
    "Region",
    "regions",
    "region_containing",
    "region_adjacency_graph",
    "region_certificate",
]

SignVector = tuple[int, ...]


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

    def inequalities(self) -> tuple[str, ...]:
        """The region's defining inequalities as text, in the arrangement's coordinate names.

        One per hyperplane ``a_i . x = c_i``: ``a_i . x > c_i`` or ``a_i . x < c_i``
        (library families name their coordinates, e.g. ``w1, ..., wn, b`` for T_n;
        otherwise ``x1, ..., xd``).

        Examples
        --------
        >>> from exactgeom import Arrangement
        >>> A = Arrangement.from_forms(["x - y", "x + y - 1"])
        >>> A.region_containing([0, 2]).inequalities()
        ('x - y < 0', 'x + y > 1')
        >>> print(A.region_containing([2, 1]))
        region x - y > 0, x + y > 1
        """
        from .export import coordinate_names, linear_form

        A = self.arrangement
        names = coordinate_names(A)
        return tuple(f"{linear_form(a, 0, names)} {'>' if s > 0 else '<'} {_exact.fraction_str(c)}"
                     for a, c, s in zip(A.normals, A.offsets, self.sign_vector))

    def __str__(self) -> str:
        return "region " + ", ".join(self.inequalities()) if self.sign_vector else "region (the whole space)"

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
_BLOCK = 4096


def _region(arrangement, sign_vector: SignVector, witness: tuple[Fraction, ...], bounded) -> Region:
    """``Region(arrangement, sign_vector, witness, bounded)`` without the dataclass's per-field setattr."""
    region = object.__new__(Region)
    region.__dict__.update(arrangement=arrangement, sign_vector=sign_vector, witness=witness,
                           _bounded=bounded)
    return region


def _region_stream(arrangement, points, keys, bounded) -> Iterator[Region]:
    """Region objects for a table of homogeneous points and sign keys, built a block at a time."""
    n = len(arrangement)
    for start in range(0, len(keys), _BLOCK):
        signs = _incremental.signs_of_keys(keys[start:start + _BLOCK], n).tolist()
        for sign_vector, witness in zip(signs, _incremental.affine_points(points[start:start + _BLOCK])):
            yield _region(arrangement, tuple(sign_vector), witness, bounded)


# A progress bar's total is Zaslavsky's count (-1)^d χ_A(-1), computed first when the flat engine
# finds it within this budget of rows of N K_F (flats expanded times hyperplanes, the engine's unit
# of work): T_5 needs 2.5e5 rows (well under a second), T_6 3.4e7.  Beyond it, a library family's
# known symmetry group gives χ by orbits (T_6: under a second); otherwise there is no total.
_TOTAL_BUDGET_ROWS = 10**6


def _region_total(arrangement) -> int | None:
    """The number of regions when χ_A is cached or cheap, else None.

    Cheap: within ``_TOTAL_BUDGET_ROWS`` of the flat enumeration, or by orbits of
    the known group of a library family.

    Examples
    --------
    >>> from exactgeom.library import threshold
    >>> _region_total(threshold(4)), _region_total(threshold(6))
    (1882, 15028134)
    """
    try:
        w = _whitney_first_kind(arrangement, limit=max(1, _TOTAL_BUDGET_ROWS // (len(arrangement) + 1)))
    except TooLarge:
        if "_family" not in arrangement.__dict__:
            return None
        from .symmetry import characteristic_polynomial_with_symmetry

        w = characteristic_polynomial_with_symmetry(arrangement, "auto").value.all_coeffs()
    return zaslavsky_counts(w)[0]


# Memory: the table of regions peaks at about this many bytes per region and coordinate of
# the cone (T_6: 8.2 GB for 15,028,134 regions in Q^7, 68 bytes; a margin is added).
_BYTES_PER_COORDINATE = 80
MEMORY_LIMIT = 16 * 2**30


def _check_memory(arrangement, limit) -> int | None:
    """Refuse up front when the table of regions would need more than ``limit`` bytes.

    Cheap first: Zaslavsky's bound Σ_{k <= d} C(n, k) on the number of regions; only if that
    bound is over the limit is the count itself computed (:func:`_region_total`).  Returns the
    count when it was computed.
    """
    if limit is None:
        return None
    d, n = arrangement.dimension, len(arrangement)
    per_region = _BYTES_PER_COORDINATE * (d + 1)
    if sum(math.comb(n, k) for k in range(min(d, n) + 1)) * per_region <= limit:
        return None
    total = _region_total(arrangement)
    if total is not None and total * per_region > limit:
        raise TooLarge(
            f"the arrangement has {total:,} regions: listing them with witnesses needs a table of about "
            f"{total * per_region / 2**30:,.1f} GiB, over memory_limit={limit:,} bytes; count them with "
            "num_regions(), or pass a larger memory_limit (None: no limit)",
            estimate=total * per_region, limit=limit, unit="bytes")
    return total


def regions(arrangement, *, progress: bool = False, executor: Executor | None = None,
            chunks: int | None = None, memory_limit: int | None = MEMORY_LIMIT) -> Iterator[Region]:
    r"""Generate the regions of an arrangement, each with an exact witness point.

    Parameters
    ----------
    arrangement : Arrangement
    progress : bool, optional
        Show progress bars (tqdm when installed): hyperplanes added while the
        table of regions is built, then regions as they are yielded.  The
        second bar's total, and so tqdm's estimate of the time left, is the
        number of regions from Zaslavsky's theorem when χ_A is known or cheap
        (a flat enumeration within a fixed budget of counted work, about 10^6
        rows, which T_5 meets; or by orbits of a library family's known
        symmetry group, which gives T_6's 15,028,134 in about a second).
    executor : concurrent.futures.Executor, optional
        Build the table on this executor: the hyperplanes are dealt out to
        ``chunks`` tasks, each making the candidates of its hyperplanes (a
        ``ProcessPoolExecutor`` or a Dask client gives real parallelism).  The
        output is the same as without an executor, witnesses included.
    chunks : int, optional
        Number of tasks with an executor (default: 4 per worker).
    memory_limit : int or None, optional
        Refuse up front (:class:`~exactgeom.errors.TooLarge`, with the estimate) when the
        table of regions would need more bytes than this, about ``80 (d + 1)`` bytes per
        region at its peak (default 16 GiB; T_6 needs about 9 GB; T_7, 8.4·10^9 regions,
        is refused after its count by orbits).  ``None``: no limit.

    Yields
    ------
    Region
        In lexicographic order of sign vectors, ``+1`` before ``-1``.  For a
        central arrangement :meth:`Region.is_bounded` is known at once (no
        region is bounded when there is a hyperplane); otherwise it is decided
        on demand, one PPL call per region asked.

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> A = Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1])
    >>> [R.sign_vector for R in A.regions()]
    [(1, 1, 1), (1, 1, -1), (1, -1, 1), (1, -1, -1), (-1, 1, 1), (-1, 1, -1), (-1, -1, -1)]
    >>> [R.witness for R in A.regions() if R.is_bounded()]
    [(Fraction(3, 16), Fraction(3, 4))]
    >>> from exactgeom.library import threshold
    >>> sum(1 for _ in threshold(3).regions())
    104

    Notes
    -----
    No linear programs: the hyperplanes are added one at a time, and the
    regions cut by hyperplane ``k`` are read off the regions of the
    restriction of the first ``k - 1`` hyperplanes to it (recursively, with
    restrictions that recur computed once).  Every region gets a candidate
    point, each candidate's signs at all hyperplanes are checked exactly in
    integer arithmetic, and the distinct sign vectors are found by one sort;
    the proof that each region comes out once, with a point strictly inside,
    is in :mod:`exactgeom.arrangements._incremental`.  Witnesses are points of
    coarse dyadic grids where one lies close enough (denominators powers of
    two, a few bits each), so their size stays small with depth.  Memory holds
    the table, about ``80 (d + 1)`` bytes per region at its peak (see
    ``memory_limit``).  Measured (``benchmarks/regions.py``, a shared
    2-core machine): T_5, 94,572 regions with witnesses, about 1.5-2.5 s;
    T_6, 15,028,134 regions streamed to a file, about 9 minutes (the table in
    5) with an 8 GB peak.

    Ctrl-C stops the enumeration; with an executor, pending tasks are
    cancelled.  The :class:`KeyboardInterrupt` carries a note such as
    "interrupted after 137 of 1882 regions" (the total only with
    ``progress=True``); :func:`exactgeom.collect` keeps the regions found.
    """
    total = _check_memory(arrangement, memory_limit)
    if progress and total is None:
        total = _region_total(arrangement)
    return _generate(arrangement, progress, executor, chunks, total)


def _generate(arrangement, progress, executor, chunks, total) -> Iterator[Region]:
    """The generator behind :func:`regions` (whose checks run at the call, not at the first region)."""
    d, n = arrangement.dimension, len(arrangement)
    rows = _incremental.normalized_rows(_integer_rows(arrangement))
    # A central arrangement's regions are cones over a point of the centre: none is bounded
    # modulo the lineality space unless there is no hyperplane; otherwise decide on demand.
    if n == 0:
        bounded = True
    elif arrangement.is_central():
        bounded = False
    else:
        bounded = None
    with progress_bar(progress, total=n, desc="table of regions", unit="hyperplanes") as bar:
        if executor is None:
            points, keys = _incremental.region_table(rows, d, bar=bar)
        else:
            parts = chunks if chunks is not None else 4 * worker_count(executor)
            task = functools.partial(_incremental.candidate_block, rows, d)
            points, keys = _incremental.region_table(
                rows, d, bar=bar, num_blocks=max(1, parts),
                blocks=lambda split: map_chunked(task, split, executor=executor, chunk_size=1))
    with progress_bar(progress, total=total, desc="regions", unit="regions") as bar:
        for region in _region_stream(arrangement, points, keys, bounded):
            bar.update()
            yield region


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


def region_certificate(arrangement, *, progress: bool = False, executor: Executor | None = None,
                       found=None) -> dict:
    """A ``region-list`` certificate: every region with a witness, checkable without PPL.

    The claim is a *lower bound*: the listed sign vectors are distinct and each
    is realised by its witness, so the arrangement has at least that many
    regions.  Completeness of the list is not part of the evidence; combine it
    with the count (-1)^d χ_A(-1) of Zaslavsky's theorem for equality.

    Parameters
    ----------
    arrangement : Arrangement
    progress, executor : optional
        Passed to :func:`regions`.
    found : iterable of Region, optional
        The regions to list (e.g. ones already enumerated); default all, from :func:`regions`.

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> from exactgeom.certificates import verify
    >>> cert = region_certificate(braid(3))
    >>> cert["claim"]["num_regions_at_least"], bool(verify(cert))
    (6, True)
    """
    from ..certificates import envelope

    if found is None:
        found = regions(arrangement, progress=progress, executor=executor)

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
    meta = {"producer": "exactgeom.arrangements.regions"}
    if getattr(arrangement, "variables", None):
        meta["variables"] = [str(v) for v in arrangement.variables]   # the coordinates' names, for readers
    return envelope("region-list", claim, {"regions": listed}, meta)

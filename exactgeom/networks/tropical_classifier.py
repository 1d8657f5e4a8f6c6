r"""The classification fan of tropical rational classifiers with ``(n, m)`` terms.

A classifier is ``f(x) = max_i (a_i + <s_i, x>) - max_j (b_j + <t_j, x>)`` with
parameter ``theta = (a_1, s_1, ..., a_n, s_n, b_1, t_1, ..., b_m, t_m)`` in
``Q^{(n+m)(d+1)}``.  Call its ``K = n + m`` affine terms ``g_1..g_n, h_1..h_m``
(term ``k`` is ``g_{k+1}`` for ``k < n`` and ``h_{k-n+1}`` otherwise).  On data
``p_1..p_N`` a *maximal cone* of the classification fan is a map
``phi: points -> terms`` such that, for some ``theta``, ``phi(p)`` is the
**unique** maximum of all ``K`` terms at ``p`` for every ``p``; the cone is the
open set of those ``theta``.  It is the normal fan of the Minkowski sum over the
points of the simplices ``conv{e_k (x) (1, p)}``.  A point is classified ``+``
exactly when ``phi(p)`` is a numerator term, so the classification is constant
on a cone.  (Recording the argmax of each ``max`` separately gives a different,
coarser-in-places fan on which the classification is not constant; it is not
the one computed here.)

Algorithm
---------
Whether ``phi`` is realizable depends only on the partition of the points into
the fibres of ``phi``: permuting the terms permutes parameters.  A partition
into ``j`` blocks (``j <= K``) is *realizable* when ``j`` affine functions exist
with block ``B``'s function the unique maximum exactly at the points of ``B``
(unused terms of a labelled map are then put below everything).  So the fan has

    sum over realizable partitions with j blocks of  K! / (K - j)!

maximal cones.  Partitions are enumerated point by point as restricted-growth
strings (block labels by first appearance): each realizable partial partition
is extended by every existing block and, while ``j < K``, by a new block, and
kept when the homogeneous strict system is feasible.  Unused terms can always go
below everything, so the system compares each point's block with all ``K``
functions and an extension's system is its parent's plus the new point's ``K - 1``
rows.  The lineality space (one affine function added to every term, dimension
``d + 1``) is factored out by fixing the last function to 0, and ``R theta > 0``
is decided as ``R theta >= 1`` on the parent's pplpy polyhedron: a row that alone
misses it refutes the extension at once, otherwise one incremental
double-description step decides it and gives an exact witness.  The block whose
function is the unique maximum at the new point under the parent's witness is
kept without an LP (the witness still works).  Every labelled cone is then
produced with a witness by relabelling a partition's witness
(:mod:`exactgeom.networks._tropical_fan` holds the enumeration).

Facets: two maximal cones share a facet only if they differ at one point
``p`` (``phi(p) = k``, ``psi(p) = l``; distinct points give non-parallel edges
of the Minkowski sum), and they do exactly when the constraint
``(theta_k - theta_l) . (1, p) > 0`` is irredundant for the cone of ``phi``.

References
----------
M.-C. Brandenburg, G. Loho, G. Montúfar, *The real tropical geometry of neural networks*, arXiv:2403.11871.
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from .. import _exact
from .._progress import progress_bar
from ..polyhedra.cones import cone_facets
from ._tropical_fan import (
    DEFAULT_MAX_LPS,
    LPS_PER_SECOND,
    _block_functions,
    _cone_rows,
    _check_budget,
    _extend,
    _extend_level,
    _partition_witness,
    _root,
)

__all__ = ["TropicalClassifier", "ClassificationCone", "RealizablePartition"]

Vector = tuple[Fraction, ...]


@dataclass(frozen=True)
class ClassificationCone:
    """A maximal cone of the classification fan.

    Attributes
    ----------
    assignment : tuple of int
        ``assignment[i]`` is the term (``0..n+m-1``) that is the unique maximum at point ``i``.
    witness : tuple of Fraction
        A parameter ``theta`` in the open cone, laid out ``(a_1, s_1, ..., b_m, t_m)``.
    classification : tuple of int
        ``+1`` where the maximal term is a numerator term ``g``, ``-1`` otherwise.

    Examples
    --------
    >>> T = TropicalClassifier([(0,), (1,), (2,)], n_terms=(1, 1))
    >>> cone = next(T.maximal_cones())
    >>> cone.assignment, cone.classification
    ((0, 0, 0), (1, 1, 1))
    >>> [T.evaluate(cone.witness, p) > 0 for p in [(0,), (1,), (2,)]]    # every point classified +1
    [True, True, True]
    """

    assignment: tuple[int, ...]
    witness: Vector
    classification: tuple[int, ...]


@dataclass(frozen=True)
class RealizablePartition:
    """A realizable partition of the points: blocks numbered by first appearance.

    Attributes
    ----------
    blocks : tuple of int
        ``blocks[i]`` is the block of point ``i`` (a restricted-growth string).
    num_blocks : int
    witness : tuple of Fraction
        Affine functions ``(c, w)`` of blocks ``0..num_blocks-2`` in order (block
        ``num_blocks - 1`` has the zero function): each point's block function is
        its unique maximum.

    Examples
    --------
    Block 0 gets the affine function c + w x, the last block the zero function:

    >>> T = TropicalClassifier([(0,), (1,), (2,)], n_terms=(1, 1))
    >>> p = [q for q in T.realizable_partitions() if q.blocks == (0, 0, 1)][0]
    >>> c, w = p.witness
    >>> p.num_blocks, [0 if c + w * x > 0 else 1 for x in (0, 1, 2)]
    (2, [0, 0, 1])
    """

    blocks: tuple[int, ...]
    num_blocks: int
    witness: Vector


def _mistakes(classification, labels) -> int:
    """Number of points where the classification differs from the label."""
    return sum(s != y for s, y in zip(classification, labels))


class TropicalClassifier:
    r"""Tropical rational classifiers with ``n_terms = (n, m)`` on fixed data points.

    Parameters
    ----------
    points : sequence of N points in Q^d (exact scalars)
    n_terms : (int, int)
        Numbers ``n`` of numerator and ``m`` of denominator terms, both >= 1.

    Attributes
    ----------
    points : tuple of tuples of Fraction
    n_terms : (int, int)
    ambient_dimension, num_terms, num_parameters : int
        ``d``, ``n + m`` and ``(n + m)(d + 1)``.
    linear_programs : int
        Exact LPs solved by the enumeration (which runs once; its partitions are cached).

    Raises
    ------
    ValueError
        No points, ragged points, or ``n_terms`` not two positive ints.

    Examples
    --------
    >>> P = [(0, 0), (3, 1), (1, 4), (-2, 2)]
    >>> TropicalClassifier(P, n_terms=(2, 2)).num_maximal_cones()
    244
    >>> TropicalClassifier(P, n_terms=(1, 1)).num_maximal_cones()     # Cover's count 2(1 + 3 + 3)
    14
    >>> cone = next(TropicalClassifier(P[:2], n_terms=(1, 1)).maximal_cones())
    >>> cone.assignment, cone.classification
    ((0, 0), (1, 1))
    """

    def __init__(self, points, n_terms=(1, 1)):
        pts = _exact.exact_matrix(points, name="points")
        if not pts:
            raise ValueError("points is empty; give at least one data point")
        try:
            n, m = n_terms
        except (TypeError, ValueError):
            raise ValueError(f"n_terms must be a pair (n, m) of positive ints, not {n_terms!r}") from None
        for name, v in (("n", n), ("m", m)):
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                raise ValueError(f"n_terms: {name} must be a positive int, not {v!r}")
        self.points = pts
        self.n_terms = (n, m)
        self.ambient_dimension = len(pts[0])
        self.num_terms = n + m
        self.num_parameters = (n + m) * (self.ambient_dimension + 1)
        # (1, p) scaled to integers: a positive factor per point leaves every strict row's meaning unchanged
        self._lifted = tuple(_exact.clear_denominators((Fraction(1), *q)) for q in pts)
        self.linear_programs = 0
        self._partitions: list[RealizablePartition] | None = None

    def __repr__(self) -> str:
        d = self.ambient_dimension
        return f"TropicalClassifier({len(self.points)} points in Q^{d}, n_terms={self.n_terms})"

    @property
    def dimension(self) -> int:
        """Deprecated alias of :attr:`ambient_dimension`."""
        warnings.warn("TropicalClassifier.dimension is deprecated: use ambient_dimension", DeprecationWarning,
                      stacklevel=2)
        return self.ambient_dimension

    def term_name(self, k: int) -> str:
        """``"g1".."gn"`` for numerator terms, ``"h1".."hm"`` for denominator terms.

        Examples
        --------
        >>> [TropicalClassifier([(0,)], (2, 1)).term_name(k) for k in range(3)]
        ['g1', 'g2', 'h1']
        """
        n = self.n_terms[0]
        return f"g{k + 1}" if k < n else f"h{k - n + 1}"

    # -- enumeration ----------------------------------------------------------------------
    def realizable_partitions(
        self, *, progress: bool = False, executor=None, max_partitions: int = 10**6,
        max_lps: int | None = DEFAULT_MAX_LPS, max_seconds: float | None = None,
    ) -> list[RealizablePartition]:
        """All realizable partitions of the points into at most ``n + m`` blocks, with witnesses.

        Parameters
        ----------
        progress : bool
            A progress bar over the points.
        executor : concurrent.futures.Executor, optional
            Each level's extensions are split into chunks run on the executor.
        max_partitions : int
            Stop with an estimate of the remaining work when a prefix of the points
            already has more realizable partitions than this.
        max_lps : int or None
            Budget in exact LPs (default :data:`DEFAULT_MAX_LPS`, ten million).  Stop, after
            any point, when the remaining work clearly exceeds it: either provably (every
            realizable partition of the first N points needs at least one LP for each later
            point, and the partitions only multiply, so ``partitions x remaining points`` LPs
            is a lower bound), or by more than four times on a polynomial extrapolation of the
            growth so far (see :func:`_predicted_lps`).  ``None`` lets the enumeration run
            however long it takes.  The decision uses counted LPs only, so it is the same on
            every machine, however fast or loaded.
        max_seconds : float or None
            Deprecated alias: converted to ``max_lps = max_seconds * LPS_PER_SECOND`` at the
            fixed rate :data:`LPS_PER_SECOND` (1,000 LPs per second); no clock is read.

        Raises
        ------
        exactgeom.errors.TooLarge
            When ``max_partitions`` or ``max_lps`` is exceeded (a ``ValueError``; the message
            gives the counts so far and the LP estimate, also in ``estimate``/``limit``).

        Examples
        --------
        >>> T = TropicalClassifier([(0,), (1,), (2,)], n_terms=(1, 1))
        >>> [p.blocks for p in T.realizable_partitions()]
        [(0, 0, 0), (0, 0, 1), (0, 1, 1)]
        >>> TropicalClassifier([(t,) for t in range(6)], (2, 2)).realizable_partitions(max_lps=10)
        Traceback (most recent call last):
            ...
        exactgeom.errors.TooLarge: the first 3 of 6 points ... (max_lps=10; at least 12 LPs); ...
        """
        if max_seconds is not None:
            warnings.warn("max_seconds is deprecated: pass max_lps (the budget is converted at "
                          f"{LPS_PER_SECOND} LPs per second)", DeprecationWarning, stacklevel=2)
            max_lps = math.floor(max_seconds * LPS_PER_SECOND)
        if self._partitions is not None:
            return self._partitions
        K, width = self.num_terms, self.ambient_dimension + 1
        states = [_root(K, width)]
        self.linear_programs = 0
        with progress_bar(progress, total=len(self.points), desc="points", unit="point") as bar:
            bar.update(1)
            sizes = [1]
            for _ in range(1, len(self.points)):
                states, lps = _extend_level(states, self._lifted, K, executor)
                self.linear_programs += lps
                bar.update(1)
                sizes.append(len(states))
                _check_budget(sizes, lps, len(self.points), K, width, max_partitions, max_lps)
        self._partitions = [
            RealizablePartition(
                s.blocks, s.num_blocks, _partition_witness(s.theta, s.divisor, s.num_blocks, width)
            )
            for s in states
        ]
        return self._partitions

    def num_maximal_cones(self, *, progress: bool = False, executor=None) -> int:
        """The number of maximal cones: ``sum over realizable partitions of (n+m)! / (n+m-j)!``.

        Examples
        --------
        >>> TropicalClassifier([(0, 0), (3, 1), (1, 4)], n_terms=(2, 1)).num_maximal_cones()
        27
        """
        K = self.num_terms
        return sum(
            math.perm(K, p.num_blocks)
            for p in self.realizable_partitions(progress=progress, executor=executor)
        )

    def certificate(self) -> dict:
        """A certificate of :meth:`num_maximal_cones`, checkable with rational arithmetic only.

        Kind ``"classification-fan-count"``.  The data list, for every prefix
        ``p_1..p_N`` of the points, the realizable partitions (restricted-growth
        strings); every extension of a listed partition by the next point that
        is not listed comes with Gordan multipliers ``y >= 0``, ``y != 0``,
        ``y R = 0`` proving its strict system ``R theta > 0`` infeasible; the
        partitions of all points come with witness block functions.  The checker
        (:mod:`exactgeom.certificates.check_tropical`) recomputes the rows from
        the points, checks all of this and the count ``sum (n+m)!/(n+m-j)!``.
        Multipliers depend only on the partition of the few points they
        involve, so one exact LP serves all the extensions of a level that
        partition those points alike (for the nine points of
        ``benchmarks/tropical.py`` and ``(2, 2)`` terms: 110 LPs for 2039
        refuted extensions, and the certificate costs little more than
        :meth:`num_maximal_cones`).

        Examples
        --------
        >>> from exactgeom.certificates import verify
        >>> cert = TropicalClassifier([(0, 0), (3, 1), (1, 4), (-2, 2)], (2, 2)).certificate()
        >>> cert["claim"]["num_maximal_cones"], verify(cert).ok
        (244, True)
        """
        from ..certificates import envelope
        from ..certificates.check_tropical import STATEMENT

        K, width = self.num_terms, self.ambient_dimension + 1
        states = [_root(K, width)]
        levels = [[[0]]]
        refuted: list = []
        for _ in range(1, len(self.points)):
            states, _ = _extend(states, self._lifted, K, refuted)
            levels.append([list(s.blocks) for s in states])
        witnesses = []
        for s in states:
            witness = _partition_witness(s.theta, s.divisor, s.num_blocks, width)
            functions = _block_functions(witness, s.num_blocks, width)
            witnesses.append([[_exact.fraction_str(v) for v in f] for f in functions])
        count = sum(math.perm(K, s.num_blocks) for s in states)
        text: dict = {}  # refutations reuse a few multiplier values (mostly 0): format each once
        claim = {
            "statement": STATEMENT,
            "points": [[_exact.fraction_str(v) for v in p] for p in self.points],
            "n_terms": list(self.n_terms),
            "num_maximal_cones": count,
        }
        data = {
            "levels": levels,
            "witnesses": witnesses,
            "refuted": [
                {"blocks": list(b), "multipliers": [text[v] if v in text else text.setdefault(
                    v, _exact.fraction_str(v)) for v in y]}
                for b, y in refuted
            ],
        }
        meta = {"producer": "exactgeom.networks.tropical_classifier", "engine": "pplpy"}
        return envelope("classification-fan-count", claim, data, meta)

    def _unused_function(self, partition: RealizablePartition, functions) -> Vector:
        """An affine function below every point's block function (for the terms a labelling leaves out)."""
        scale = math.lcm(*(v.denominator for f in functions for v in f))
        integer = [[int(v * scale) for v in f] for f in functions]
        # self._lifted[i] is (1, p_i) times its first entry: divide that out again
        lowest = min(
            Fraction(sum(a * b for a, b in zip(integer[k], q)), scale * q[0])
            for k, q in zip(partition.blocks, self._lifted)
        )
        return (lowest - 1,) + (Fraction(0),) * self.ambient_dimension

    def _cones(self, partition: RealizablePartition) -> Iterator[ClassificationCone]:
        """The labelled cones of one partition, each with the relabelled partition witness."""
        K, n = self.num_terms, self.n_terms[0]
        sign = [1 if k < n else -1 for k in range(K)]
        functions = _block_functions(partition.witness, partition.num_blocks, self.ambient_dimension + 1)
        unused = self._unused_function(partition, functions)
        for labelling in itertools.permutations(range(K), partition.num_blocks):
            theta = [unused] * K
            for f, term in zip(functions, labelling):
                theta[term] = f
            assignment = tuple(map(labelling.__getitem__, partition.blocks))
            witness = tuple(itertools.chain.from_iterable(theta))
            yield ClassificationCone(assignment, witness, tuple(map(sign.__getitem__, assignment)))

    def maximal_cones(self, *, progress: bool = False, executor=None) -> Iterator[ClassificationCone]:
        """Generate every maximal cone of the classification fan with a witness parameter.

        Examples
        --------
        >>> T = TropicalClassifier([(0,), (1,), (2,)], n_terms=(1, 1))
        >>> [c.assignment for c in T.maximal_cones()]
        [(0, 0, 0), (1, 1, 1), (0, 0, 1), (1, 1, 0), (0, 1, 1), (1, 0, 0)]
        >>> c = next(T.maximal_cones())
        >>> T.evaluate(c.witness, (1,)) > 0
        True
        """
        for partition in self.realizable_partitions(progress=progress, executor=executor):
            yield from self._cones(partition)

    def evaluate(self, theta, x) -> Fraction:
        """``f_theta(x) = max_i g_i(x) - max_j h_j(x)`` exactly; ``theta = (a_1, s_1, ..., b_m, t_m)``.

        Examples
        --------
        >>> TropicalClassifier([(0,)], (1, 1)).evaluate((1, 2, 0, 0), (3,))
        Fraction(7, 1)
        """
        theta = _exact.exact_vector(theta, "theta", length=self.num_parameters)
        x = _exact.exact_vector(x, "x", length=self.ambient_dimension)
        values = self.term_values(theta, x)
        n = self.n_terms[0]
        return max(values[:n]) - max(values[n:])

    def term_values(self, theta, x) -> list[Fraction]:
        """The values of the ``n + m`` affine terms at ``x`` (``theta`` and ``x`` already exact).

        Examples
        --------
        >>> TropicalClassifier([(0,)], (1, 1)).term_values((1, 2, 0, -1), (3,))
        [Fraction(7, 1), Fraction(-3, 1)]
        """
        width = self.ambient_dimension + 1
        lifted = (Fraction(1), *x)
        return [_exact.dot(theta[k * width : (k + 1) * width], lifted) for k in range(self.num_terms)]

    # -- labels and the 0/1 loss -----------------------------------------------------------
    def _labels(self, labels) -> tuple[int, ...]:
        out = []
        for i, v in enumerate(labels):
            if isinstance(v, float):
                raise TypeError(f'labels[{i}] is the float {v!r}; use +1/-1 (or "+"/"-")')
            if v in (1, "+", True) and v is not False:
                out.append(1)
            elif v in (-1, "-", False, 0) and v is not True:
                out.append(-1)
            else:
                raise ValueError(f'labels[{i}] is {v!r}; use +1/-1 (or "+"/"-")')
        if len(out) != len(self.points):
            raise ValueError(f"got {len(out)} labels for {len(self.points)} points")
        return tuple(out)

    def mistakes(self, cone: ClassificationCone, labels) -> int:
        """Number of points whose classification on ``cone`` differs from its label.

        Examples
        --------
        >>> T = TropicalClassifier([(0,), (1,)], (1, 1))
        >>> [T.mistakes(c, [1, -1]) for c in T.maximal_cones()]
        [1, 1, 0, 2]
        """
        labels = self._labels(labels)
        return _mistakes(cone.classification, labels)

    def mistake_counts(self, labels) -> dict[int, int]:
        """How many maximal cones make each number of mistakes (counted per partition, not per cone).

        A partition's labelled cones send a set ``S`` of its blocks to numerator
        terms (``(n)_{|S|} (m)_{j-|S|}`` ways); they make the negatives in ``S`` and
        the positives outside ``S`` mistakes.

        Examples
        --------
        >>> T = TropicalClassifier([(0,), (1,), (2,)], (1, 1))
        >>> T.mistake_counts([1, -1, 1])
        {1: 3, 2: 3}
        """
        labels = self._labels(labels)
        n, m = self.n_terms
        counts: Counter = Counter()
        for partition in self.realizable_partitions():
            j = partition.num_blocks
            positives = [0] * j
            negatives = [0] * j
            for b, y in zip(partition.blocks, labels):
                if y > 0:
                    positives[b] += 1
                else:
                    negatives[b] += 1
            for size in range(max(0, j - m), min(n, j) + 1):
                ways = math.perm(n, size) * math.perm(m, j - size)
                for S in itertools.combinations(range(j), size):
                    chosen = set(S)
                    wrong = sum(negatives[b] if b in chosen else positives[b] for b in range(j))
                    counts[wrong] += ways
        return dict(sorted(counts.items()))

    def cones_with_mistakes(self, labels, mistakes: int) -> list[ClassificationCone]:
        """The maximal cones making exactly ``mistakes`` mistakes.

        Examples
        --------
        >>> T = TropicalClassifier([(0,), (1,), (2,)], (1, 1))
        >>> [c.assignment for c in T.cones_with_mistakes([1, -1, 1], 1)]
        [(0, 0, 0), (1, 1, 0), (0, 1, 1)]
        """
        labels = self._labels(labels)
        return [c for c in self.maximal_cones() if _mistakes(c.classification, labels) == mistakes]

    def facets(self, cone: ClassificationCone) -> list[tuple[int, ...]]:
        """The maximal cones across the facets of ``cone``, as assignments.

        Examples
        --------
        >>> T = TropicalClassifier([(0,), (1,), (2,)], (1, 1))
        >>> T.facets(ClassificationCone((0, 0, 1), (), (1, 1, -1)))
        [(0, 1, 1), (0, 0, 0)]
        """
        K, width = self.num_terms, self.ambient_dimension + 1
        rows = _cone_rows(cone.assignment, self._lifted, K, width)
        labels = [(i, l) for i, b in enumerate(cone.assignment) for l in range(K) if l != b]
        out = []
        for facet in cone_facets(rows, (K - 1) * width):
            neighbour = list(cone.assignment)
            for r in facet:
                i, l = labels[r]
                neighbour[i] = l
            out.append(tuple(neighbour))
        return out

    def loss_landscape(self, labels, *, cones=None):
        """Graph of maximal cones (nodes: assignments with ``mistakes``, ``witness``), edges through facets.

        Parameters
        ----------
        labels : sequence of +1/-1
        cones : iterable of ClassificationCone, optional
            Restrict to these cones (default: all); edges join two of them sharing a facet.

        Returns
        -------
        networkx.Graph

        Examples
        --------
        >>> T = TropicalClassifier([(0,), (1,), (2,)], (1, 1))
        >>> G = T.loss_landscape([1, -1, 1])
        >>> G.number_of_nodes(), G.number_of_edges()
        (6, 6)

        Notes
        -----
        One pplpy constraint minimization per cone (its irredundant rows are its facets).
        """
        import networkx as nx

        labels = self._labels(labels)
        cones = list(self.maximal_cones() if cones is None else cones)
        G = nx.Graph()
        for c in cones:
            G.add_node(
                c.assignment,
                mistakes=_mistakes(c.classification, labels),
                witness=c.witness,
                classification=c.classification,
            )
        for c in cones:
            for other in self.facets(c):
                if other in G:
                    G.add_edge(c.assignment, other)
        return G

    def components(self, labels, mistakes: int) -> list[list[ClassificationCone]]:
        """Facet-connected components of the cones making exactly ``mistakes`` mistakes.

        Two cones are joined when they share a facet (a common face of
        codimension 1); the lineality space makes closures meet trivially, so
        lower-dimensional contacts are not counted.

        Examples
        --------
        >>> T = TropicalClassifier([(0,), (1,), (2,)], (1, 1))
        >>> [[c.assignment for c in comp] for comp in T.components([1, -1, 1], 1)]
        [[(0, 0, 0)], [(0, 1, 1)], [(1, 1, 0)]]
        """
        import networkx as nx

        cones = self.cones_with_mistakes(labels, mistakes)
        by_assignment = {c.assignment: c for c in cones}
        G = self.loss_landscape(labels, cones=cones)
        components = [sorted(comp) for comp in nx.connected_components(G)]
        return [[by_assignment[a] for a in comp] for comp in sorted(components)]

r"""Linear classifiers f(x) = a·x + b on a finite data set, their parameter arrangement and 0/1 loss.

For data p_1, ..., p_N ∈ Q^d the parameter space Q^{d+1} of (a, b) is cut by
the central arrangement of the hyperplanes {(a, b) : a·p_i + b = 0}; its
chambers are the sign patterns (dichotomies) a linear classifier can produce
(Brandenburg–Torres 2023).  For labels y ∈ {+1, -1}^N the 0/1 loss (number of mistakes:
points with sign(f(p_i)) != y_i) is constant on a chamber.  The Brandenburg–Torres talk states:
every local minimum of the loss on the chamber graph is global; more
precisely from every chamber there is a path through facets, with strictly
decreasing loss, to a chamber of minimum loss (:func:`check_local_minima`).

**Outcome: the proposition is false.**  On random instances it fails in
dimensions 1, 2 and 3 (see the tests).  The simplest counterexample lies on a
line: points 0, 1, ..., 5 labelled (+, -, +, +, -, +).  The classifier 2x - 9,
sign pattern (-, -, -, -, -, +), makes 3 mistakes; its two facet neighbours
(-, -, -, -, +, +) and (-, -, -, -, -, -) make 4 each, yet the minimum is 2
(e.g. 2x - 3).  :func:`check_local_minima` returns such a chamber with its
witness and emptiness certificates for the sign patterns that would improve it.

Cover's function-counting theorem: for N points in general position (every
d+1 of the lifted points (p_i, 1) linearly independent) there are
C(N, d+1) = 2 Σ_{k=0}^{d} C(N-1, k) chambers (:func:`num_dichotomies`).

Examples
--------
>>> from exactgeom.networks import LinearClassifier
>>> clf = LinearClassifier([(0, 0), (1, 0), (0, 1)])
>>> clf.num_dichotomies(), num_dichotomies(3, 2)
(8, 8)
>>> clf.local_minima([1, -1, -1])
[(1, -1, -1)]
>>> line = LinearClassifier([(i,) for i in range(6)])
>>> check = check_local_minima(line, [1, -1, 1, 1, -1, 1])
>>> check.holds, check.minimum, check.counterexample["chamber"], check.counterexample["mistakes"]
(False, 2, (-1, -1, -1, -1, -1, 1), 3)
"""

from __future__ import annotations

import math
import random
import warnings
from dataclasses import dataclass
from fractions import Fraction

import networkx as nx

from .. import _exact
from ..arrangements.regions import region_adjacency_graph, regions

__all__ = ["LinearClassifier", "LandscapeCheck", "check_local_minima", "num_dichotomies", "cover_count",
           "random_points"]


def num_dichotomies(N: int, d: int) -> int:
    """Cover's count 2 Σ_{k=0}^{d} C(N-1, k) of dichotomies of N general points in Q^d by affine classifiers.

    For a given data set, :meth:`LinearClassifier.num_dichotomies` counts them
    whether or not the points are in general position.

    Examples
    --------
    >>> [num_dichotomies(N, 2) for N in range(1, 6)]
    [2, 4, 8, 14, 22]

    References
    ----------
    T. M. Cover, Geometrical and statistical properties of systems of linear
    inequalities with applications in pattern recognition, IEEE Trans.
    Electronic Computers 14 (1965).
    """
    if N < 1 or d < 0:
        raise ValueError(f"need N >= 1 and d >= 0, not N={N!r}, d={d!r}")
    return 2 * sum(math.comb(N - 1, k) for k in range(d + 1))


def cover_count(N: int, d: int) -> int:
    """Deprecated alias of :func:`num_dichotomies`."""
    warnings.warn("cover_count is deprecated: use num_dichotomies", DeprecationWarning, stacklevel=2)
    return num_dichotomies(N, d)


def random_points(N: int, d: int, *, seed: int, bound: int = 20) -> tuple[tuple[Fraction, ...], ...]:
    """N distinct random integer points in [-bound, bound]^d drawn with ``random.Random(seed)``.

    Examples
    --------
    >>> random_points(2, 2, seed=0)
    ((Fraction(4, 1), Fraction(6, 1)), (Fraction(-18, 1), Fraction(-4, 1)))
    """
    rng = random.Random(seed)
    points: list[tuple[Fraction, ...]] = []
    if N > (2 * bound + 1) ** d:
        size = (2 * bound + 1) ** d
        raise ValueError(f"cannot draw {N} distinct points from a box of {size} integer points")
    while len(points) < N:
        p = _exact.random_rational_vector(d, rng, bound)
        if p not in points:
            points.append(p)
    return tuple(points)


@dataclass(frozen=True)
class LandscapeCheck:
    """The Brandenburg–Torres talk's proposition on one labelled data set.

    ``holds`` is true when every chamber has a strictly decreasing facet path
    to a chamber of minimum loss; ``paths`` maps every chamber to a greedy
    strictly decreasing facet path (a list of sign vectors), and
    ``counterexample`` is None or a local minimum that is not global, as a dict:
    ``chamber``, ``mistakes``, ``witness`` (a, b), ``blocked_flips`` (for each
    misclassified point i, the sign pattern with i flipped and an
    "nnc-emptiness" certificate that no classifier produces it),
    ``global_minimum`` and ``global_witness``.

    Examples
    --------
    Three points on a line labelled +, -, +: Cover's 2(1 + 2) = 6 chambers, and
    every chamber descends to one with the unavoidable single mistake.

    >>> c = check_local_minima(LinearClassifier([(0,), (1,), (2,)]), [1, -1, 1])
    >>> bool(c), c.num_chambers, c.minimum, c.counterexample is None
    (True, 6, 1, True)
    """

    labels: tuple[int, ...]
    holds: bool
    minimum: int
    num_chambers: int
    paths: dict
    counterexample: dict | None

    def __bool__(self) -> bool:
        return self.holds


class LinearClassifier:
    """Affine classifiers on a fixed finite data set in Q^d.

    Parameters
    ----------
    points : sequence of N distinct points of Q^d (exact entries)

    Examples
    --------
    >>> clf = LinearClassifier([(0,), (1,), (2,)])
    >>> sorted(labels for labels, _ in clf.dichotomies())
    [(-1, -1, -1), (-1, -1, 1), (-1, 1, 1), (1, -1, -1), (1, 1, -1), (1, 1, 1)]
    """

    def __init__(self, points):
        pts = _exact.exact_matrix(points, name="points")
        if not pts or not pts[0]:
            raise ValueError("points must be a non-empty list of points with at least one coordinate")
        index = {}
        for i, p in enumerate(pts):
            if p in index:
                raise ValueError(f"points[{index[p]}] and points[{i}] coincide; pass distinct points")
            index[p] = i
        self.points = pts
        self.ambient_dimension = len(pts[0])

    def __repr__(self) -> str:
        return f"LinearClassifier of {len(self.points)} points in Q^{self.ambient_dimension}"

    @property
    def dimension(self) -> int:
        """Deprecated alias of :attr:`ambient_dimension`."""
        warnings.warn("LinearClassifier.dimension is deprecated: use ambient_dimension", DeprecationWarning,
                      stacklevel=2)
        return self.ambient_dimension

    def _labels(self, labels) -> tuple[int, ...]:
        if len(labels) != len(self.points):
            raise ValueError(f"got {len(labels)} labels for {len(self.points)} points")
        for i, y in enumerate(labels):
            if isinstance(y, float):
                raise TypeError(f"labels[{i}] is the float {y!r}; labels are the ints +1 or -1")
            if isinstance(y, bool) or y not in (1, -1):
                raise ValueError(f"labels[{i}] is {y!r}; labels are +1 or -1")
        return tuple(int(y) for y in labels)

    def parameter_arrangement(self):
        """The central arrangement {(a, b) : a·p_i + b = 0} in Q^{d+1} (coordinates a_1..a_d, b).

        Examples
        --------
        >>> LinearClassifier([(0, 0), (1, 0), (0, 1)]).parameter_arrangement().num_regions()
        8
        """
        from ..arrangements import Arrangement

        return Arrangement([(*p, 1) for p in self.points])

    def _parameters(self, witness) -> tuple[tuple[Fraction, ...], Fraction]:
        """A chamber witness scaled to integers, as ``(a, b)``.

        The arrangement is central, so a positive multiple of a point of a
        chamber stays in it.
        """
        scaled = [Fraction(v) for v in _exact.clear_denominators(witness)]
        return tuple(scaled[: self.ambient_dimension]), scaled[self.ambient_dimension]

    def dichotomies(self, *, progress: bool = False, executor=None):
        """Generator of the realizable labelings with witnesses.

        The labelings are the chambers of :meth:`parameter_arrangement`,
        enumerated by :func:`exactgeom.arrangements.regions.regions` (``progress``
        and ``executor`` are passed on).

        Yields
        ------
        (labels, (a, b))
            ``labels[i] = sign(a·p_i + b)`` in {+1, -1}, and ``(a, b)`` an integer
            witness (as Fractions) with no point on the decision boundary.

        Examples
        --------
        >>> labels, (a, b) = next(LinearClassifier([(0,), (1,)]).dichotomies())
        >>> all((a[0] * x + b > 0) == (y > 0) for (x,), y in zip([(0,), (1,)], labels))
        True
        """
        for region in regions(self.parameter_arrangement(), progress=progress, executor=executor):
            yield region.sign_vector, self._parameters(region.witness)

    def num_dichotomies(self) -> int:
        """Number of labelings a classifier produces: the chambers of the parameter arrangement, by χ.

        A dichotomy is the sign vector of some (a, b) with no point on the
        decision boundary, that is of a point off every hyperplane
        a·p_i + b = 0; the points off all hyperplanes with one sign vector form
        one chamber, and distinct chambers have distinct sign vectors.  So the
        count is the number of chambers, (-1)^{d+1} χ(-1) (Zaslavsky), with no
        enumeration.

        Examples
        --------
        >>> LinearClassifier([(0, 0), (1, 0), (0, 1), (1, 1)]).num_dichotomies()
        14
        """
        return self.parameter_arrangement().num_regions()

    def count_dichotomies(self, *, progress: bool = False, executor=None) -> int:
        """Deprecated alias of :meth:`num_dichotomies` (``progress`` and ``executor`` are ignored)."""
        warnings.warn("count_dichotomies is deprecated: use num_dichotomies", DeprecationWarning,
                      stacklevel=2)
        return self.num_dichotomies()

    def loss_landscape(self, labels, *, progress: bool = False, executor=None) -> nx.Graph:
        """The chamber graph with the 0/1 loss.

        Nodes are sign vectors (tuples of ±1) with attributes ``mistakes``
        (number of i with sign != labels[i]) and ``witness`` ((a, b)); an edge
        joins two chambers sharing a facet, with attribute ``hyperplane`` (the
        index of the point whose sign flips).  Built by
        :func:`exactgeom.arrangements.regions.region_adjacency_graph`; two
        chambers share a facet exactly when their sign vectors differ in one
        entry, the points being distinct.

        Examples
        --------
        >>> G = LinearClassifier([(0,), (1,), (2,)]).loss_landscape([1, -1, 1])
        >>> G.number_of_nodes(), G.number_of_edges(), min(m for _, m in G.nodes(data="mistakes"))
        (6, 6, 1)
        """
        labels = self._labels(labels)
        G = region_adjacency_graph(self.parameter_arrangement(), progress=progress, executor=executor,
                                   limit=None)
        for signs, data in G.nodes(data=True):
            witness = data.pop("witness")
            data.pop("bounded")
            data["mistakes"] = sum(s != y for s, y in zip(signs, labels))
            data["witness"] = self._parameters(witness)
        return G

    def local_minima(self, labels, graph: nx.Graph | None = None) -> list[tuple[int, ...]]:
        """Chambers none of whose facet-neighbours has fewer mistakes (sorted).

        Examples
        --------
        >>> LinearClassifier([(0,), (1,), (2,)]).local_minima([1, -1, 1])
        [(-1, -1, 1), (1, -1, -1), (1, 1, 1)]
        """
        G = self.loss_landscape(labels) if graph is None else graph
        return sorted(v for v, m in G.nodes(data="mistakes")
                      if all(G.nodes[u]["mistakes"] >= m for u in G.neighbors(v)))


def check_local_minima(classifier: LinearClassifier, labels) -> LandscapeCheck:
    """Check the Brandenburg–Torres talk's proposition for one labelled data set, with the evidence.

    For every chamber, follow a neighbour with fewer mistakes (the one with
    fewest, ties broken by the smallest sign vector) until none exists; the
    proposition holds when every such walk ends at a global minimum, which is
    the case exactly when every local minimum is global.

    Examples
    --------
    >>> c = check_local_minima(LinearClassifier([(0,), (1,), (2,)]), [1, -1, 1])
    >>> c.holds, c.minimum, c.paths[(1, 1, -1)]
    (True, 1, [(1, 1, -1), (1, -1, -1)])
    """
    labels = classifier._labels(labels)
    G = classifier.loss_landscape(labels)
    mistakes = dict(G.nodes(data="mistakes"))
    minimum = min(mistakes.values())
    paths = {}
    counterexample = None
    for v in sorted(G.nodes):
        path = [v]
        while True:
            better = [u for u in G.neighbors(path[-1]) if mistakes[u] < mistakes[path[-1]]]
            if not better:
                break
            path.append(min(better, key=lambda u: (mistakes[u], u)))
        paths[v] = path
        if mistakes[path[-1]] > minimum and counterexample is None:
            counterexample = _counterexample(classifier, labels, G, path[-1], minimum)
    return LandscapeCheck(labels, counterexample is None, minimum, G.number_of_nodes(), paths, counterexample)


def _counterexample(classifier, labels, G, chamber, minimum) -> dict:
    """A local minimum that is not global, with the proofs: witnesses and emptiness certificates.

    Every neighbour through a facet flips one sign; flipping a correctly
    classified point adds a mistake, so the only way down would be to flip a
    misclassified point, and for each of those the flipped sign pattern is an
    empty cone (an "nnc-emptiness" certificate of :mod:`exactgeom.polyhedra`).
    """
    from ..polyhedra import Polyhedron

    flips = {}
    for i, (s, y) in enumerate(zip(chamber, labels)):
        if s != y:
            signs = chamber[:i] + (-s,) + chamber[i + 1:]
            rows = [[v * sign for v in (*p, 1)] for p, sign in zip(classifier.points, signs)]
            cone = Polyhedron.from_constraints(rows, [0] * len(rows), [">"] * len(rows))
            flips[i] = {"signs": signs, "certificate": cone.emptiness_certificate()}
    best = min(v for v in G.nodes if G.nodes[v]["mistakes"] == minimum)
    return {"chamber": chamber, "mistakes": G.nodes[chamber]["mistakes"],
            "witness": G.nodes[chamber]["witness"], "blocked_flips": flips,
            "global_minimum": best, "global_witness": G.nodes[best]["witness"], "minimum": minimum}

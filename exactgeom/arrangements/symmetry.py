r"""Symmetry groups of arrangements and characteristic polynomials computed with them.

A permutation g of the hyperplane indices is a *symmetry* of A when an invertible linear
map φ of the ambient space (for an affine A: an affine map, i.e. a linear map of the cone
cA fixing H_∞) maps H_i onto H_{g(i)} for every i.  Symmetries preserve the intersection
lattice, so χ_A can be computed with memory that grows with orbits instead of flats
(:mod:`exactgeom.arrangements._orbit_engine` states the algorithm and its proof).  The
groups are :class:`~exactgeom.arrangements.permutation_group.PermutationGroup` values, also
importable from here.

Examples
--------
>>> from exactgeom.library import threshold, resonance
>>> G = threshold(3).symmetry_group()
>>> G.order(), G.orbits()
(48, ((0, 1, 2, 3, 4, 5, 6, 7),))
>>> resonance(3).symmetry_group().order()
24
>>> r = characteristic_polynomial_with_symmetry(threshold(4), symmetry="auto")
>>> r.betti, r.group_order, r.method
((1, 16, 120, 460, 820, 465), 384, 'deletion-restriction with orbit merging')

References
----------
T. Brysiewicz, H. Eble, L. Kühne, Computing characteristic polynomials of hyperplane
arrangements with symmetries, Discrete Comput. Geom. (2023).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from .. import _exact
from .._progress import progress_bar
from ._flat_engine import _central_rows, _prime_for
from .permutation_group import PermutationGroup, _stabilizer_elements

if TYPE_CHECKING:                # sympy is imported on use: counting alone never needs it
    import sympy

__all__ = ["PermutationGroup", "symmetry_group", "SymmetricCount", "characteristic_polynomial_with_symmetry"]


# -- exact check that a permutation is induced by a linear map ------------------------------------
def _is_induced(rows, perm) -> bool:
    """Whether a_i M = λ_i a_{perm(i)} for some invertible M and non-zero λ_i (rows essential)."""
    D = len(rows[0])
    basis, current = [], []
    for i, r in enumerate(rows):
        if _exact.rank([*current, r], D) > len(current):
            basis.append(i)
            current.append(r)
            if len(basis) == D:
                break
    images = [rows[perm[b]] for b in basis]
    if _exact.rank(images, D) < D:
        return False
    # coordinates of every row in the basis rows, and of every image row in the image basis
    coords = _exact.from_fmpq_mat(_exact.to_fmpq_mat(rows) * _exact.to_fmpq_mat(current).inv())
    image_coords = _exact.from_fmpq_mat(
        _exact.to_fmpq_mat([rows[perm[j]] for j in range(len(rows))]) * _exact.to_fmpq_mat(images).inv()
    )
    parent = list(range(D))
    weight = [Fraction(1)] * D                        # λ_b = weight[b] · λ_{root(b)}

    def find(b):
        if parent[b] == b:
            return b, Fraction(1)
        root, w = find(parent[b])
        parent[b], weight[b] = root, weight[b] * w
        return root, weight[b]

    for c, e in zip(coords, image_coords):
        support = [b for b in range(D) if c[b]]
        if support != [b for b in range(D) if e[b]]:
            return False
        b0 = support[0]
        for b in support[1:]:
            # c_b λ_b = μ e_b and c_b0 λ_b0 = μ e_b0, so λ_b / λ_b0 = e_b c_b0 / (c_b e_b0)
            want = e[b] * c[b0] / (c[b] * e[b0])
            (r0, w0), (r1, w1) = find(b0), find(b)
            if r0 == r1:
                if w1 / w0 != want:
                    return False
            else:
                parent[r1], weight[r1] = r0, want * w0 / w1
    return True


# -- groups of the library families ----------------------------------------------------------------
def _register_family(arrangement, family: str, parameter) -> None:
    # kept on the object (equality ignores it): only the instance built by the library carries it
    object.__setattr__(arrangement, "_family", (family, parameter))


def _family_generators(arrangement, family, n):
    normals = [tuple(int(v) for v in a) for a in arrangement.normals]
    keys = [(a, c) for a, c in zip(normals, arrangement.offsets)]
    index = {key: i for i, key in enumerate(keys)}
    maps = []
    if family in ("threshold", "coordinate", "braid", "catalan", "semiorder", "resonance"):
        k = n + 1 if family == "resonance" else n
        maps += [("swap", i) for i in range(k - 1)]
    if family in ("threshold",):
        maps += [("flip", i) for i in range(n)]
    if family in ("catalan", "semiorder"):
        maps.append(("negate", None))
    if family in ("shi", "linial"):
        maps.append(("reverse", None))
    gens = []
    for kind, i in maps:
        image = []
        for a, c in keys:
            a = list(a)
            if family == "threshold":
                x = list(a[:n])
                if kind == "swap":
                    x[i], x[i + 1] = x[i + 1], x[i]
                else:
                    x[i] = 1 - x[i]
                target = (tuple(x) + (1,), c)
            elif family == "resonance":
                S = {j for j in range(n) if a[j]}
                S = {i + 1 if j == i else i if j == i + 1 else j for j in S}
                if n in S:
                    S = set(range(n + 1)) - S
                target = (tuple(int(j in S) for j in range(n)), c)
            elif kind == "swap":
                a[i], a[i + 1] = a[i + 1], a[i]
                target = (tuple(a), c)
            elif kind == "negate":
                target = (tuple(a), -c)
            else:                               # reverse: x_i -> -x_{n-1-i}
                target = (tuple(-v for v in reversed(a)), c)
            image.append(index.get(target, index.get((tuple(-v for v in target[0]), -target[1]))))
        gens.append(tuple(image))
    return gens


# The order of the abstract group whose generators _family_generators maps to permutations:
# the permutation group is its image, so no larger, and PermutationGroup._chain may stop once
# its basic orbits account for this many elements.
_FAMILY_ORDER = {
    "threshold": lambda n: 2**n * math.factorial(n),          # hyperoctahedral group B_n
    "resonance": lambda n: math.factorial(n + 1),             # S_{n+1}
    "braid": math.factorial, "coordinate": math.factorial,    # S_n
    "catalan": lambda n: 2 * math.factorial(n), "semiorder": lambda n: 2 * math.factorial(n),
    "shi": lambda n: 2, "linial": lambda n: 2,                # x_i ↦ −x_{n+1−i}
}


def _graph_generators(arrangement, graph):
    import networkx as nx

    nodes = list(graph.nodes)
    try:
        nodes = sorted(nodes)
    except TypeError:
        pass
    pos = {v: k for k, v in enumerate(nodes)}
    index = {}
    for a in arrangement.normals:
        i, j = (k for k, v in enumerate(a) if v)
        index[(i, j)] = len(index)
    gens = []
    matcher = nx.algorithms.isomorphism.GraphMatcher(graph, graph)
    for count, iso in enumerate(matcher.isomorphisms_iter()):
        if count > 2000:
            break
        gens.append(tuple(index[tuple(sorted((pos[iso[nodes[i]]], pos[iso[nodes[j]]])))]
                          for (i, j) in index))
    return gens


def symmetry_group(arrangement, generators=None) -> PermutationGroup:
    """The group of permutations of the hyperplanes induced by invertible linear (affine) maps.

    Parameters
    ----------
    arrangement : Arrangement
    generators : sequence of permutations, optional
        Check these (each a sequence of hyperplane indices: ``g[i]`` is the image of
        ``i``) and return the group they generate.

    Returns
    -------
    PermutationGroup
        For a library family, its known group (threshold: the hyperoctahedral group;
        resonance R_n: S_{n+1}; braid, coordinate: S_n; Catalan, semiorder: S_n × {±1};
        Shi, Linial: the reflection x_i ↦ −x_{n+1−i}; graphical: the graph's automorphisms),
        which for a few small cases is a proper subgroup of the full group; otherwise the
        group found by a search over permutations preserving the rank-2 flats, each
        checked exactly.

    Raises
    ------
    ValueError
        A given generator that is not a permutation, or not induced by a linear map.

    Examples
    --------
    >>> from exactgeom.library import braid, generic
    >>> braid(4).symmetry_group().order()
    24
    >>> generic(4, 2, seed=3).symmetry_group().order()
    1
    >>> from exactgeom.arrangements import Arrangement
    >>> Arrangement([[1, 0], [0, 1], [1, 1], [1, 3]]).symmetry_group(generators=[(1, 0, 2, 3)])
    Traceback (most recent call last):
        ...
    ValueError: generator 0 (1, 0, 2, 3) is not induced by an invertible linear map ...
    """
    n = len(arrangement)
    if generators is not None:
        data = _central_rows(arrangement)
        rows = data.rows
        gens = []
        for k, g in enumerate(generators):
            g = tuple(int(x) for x in g)
            if sorted(g) != list(range(n)):
                raise ValueError(f"generator {k} {g} is not a permutation of the {n} hyperplane indices")
            ext = g + ((n,) if data.excluded is not None else ())
            if rows and not _is_induced(rows, ext):
                raise ValueError(f"generator {k} {g} is not induced by an invertible linear map "
                                 "(it does not map the hyperplanes onto each other by one linear map)")
            gens.append(g)
        return PermutationGroup(n, tuple(gens))
    known = arrangement.__dict__.get("_family")
    if known is not None:
        family, parameter = known
        if family == "graphical":
            gens = _graph_generators(arrangement, parameter)
        else:
            gens = _family_generators(arrangement, family, parameter)
        identity = tuple(range(n))
        group = PermutationGroup(n, tuple(g for g in dict.fromkeys(gens) if g != identity))
        bound = _FAMILY_ORDER.get(family)
        if bound is not None:                # kept beside the fields, like the chain it shortens
            object.__setattr__(group, "_order_bound", bound(parameter))
        return group
    data = _central_rows(arrangement)
    return PermutationGroup(n, tuple(_search_generators(arrangement, data.rows, data.excluded)))


def _search_generators(arrangement, rows, excluded):
    """Generators from a search over lattice automorphisms (hyperplanes + rank-2 flats), checked linear."""
    import networkx as nx

    n = len(arrangement)
    if n <= 1 or not rows:
        return []
    L = arrangement.intersection_lattice()
    graph = nx.Graph()
    graph.add_nodes_from(range(n), kind=0)
    for X in L.flats(2):
        graph.add_node(("X", X), kind=1)
        graph.add_edges_from((i, ("X", X)) for i in range(n) if X >> i & 1)
    identity = tuple(range(n))
    gens, base, level_of = [], [], []

    def extend(g):
        return g + ((n,) if excluded is not None else ())

    def orbit_of(b):
        fixing = tuple(g for g, lv in zip(gens, level_of) if lv == len(base))
        return next(o for o in PermutationGroup(n, fixing).orbits() if b in o)

    for b in range(n):
        orbit = orbit_of(b)
        for c in range(b + 1, n):
            if c in orbit:
                continue
            marked = [(graph.copy(), b), (graph.copy(), c)]
            for G, point in marked:
                for f in base:
                    G.nodes[f]["kind"] = ("fixed", f)
                G.nodes[point]["kind"] = "moved"
            matcher = nx.algorithms.isomorphism.GraphMatcher(
                marked[0][0], marked[1][0], node_match=lambda u, v: u["kind"] == v["kind"])
            for count, iso in enumerate(matcher.isomorphisms_iter()):
                g = tuple(iso[i] for i in range(n))
                if g != identity and _is_induced(rows, extend(g)):
                    gens.append(g)
                    level_of.append(len(base))
                    orbit = orbit_of(b)
                    break
                if count > 200:
                    break
        base.append(b)
    return gens


@dataclass(frozen=True)
class SymmetricCount:
    """The outcome of :func:`characteristic_polynomial_with_symmetry`.

    ``betti`` are the unsigned Whitney numbers b_0..b_rank, ``whitney`` the signed ones,
    ``nodes_per_depth`` the number of merged orbit representatives processed at each depth.
    """

    arrangement: object
    betti: tuple[int, ...]
    group_order: int
    nodes_per_depth: tuple[tuple[int, int], ...]
    method: str

    # The result shape of :mod:`exactgeom.results`: the polynomial is exact (the prime argument of
    # :mod:`._orbit_engine` is a proof), no random choice is made.
    proved = True
    lower_bound = None
    upper_bound = None
    seed = None

    @property
    def value(self) -> sympy.Poly:
        """χ_A (the same as :meth:`polynomial`)."""
        return self.polynomial()

    def certificate(self) -> dict:
        """A ``characteristic-polynomial`` certificate, re-derived from the flats (small arrangements)."""
        from .certify import characteristic_polynomial_certificate

        return characteristic_polynomial_certificate(self.arrangement)

    @property
    def whitney(self) -> tuple[int, ...]:
        """Signed Whitney numbers w_k = (−1)^k b_k."""
        return tuple((-1) ** k * b for k, b in enumerate(self.betti))

    def polynomial(self, variable: str = "t") -> sympy.Poly:
        """χ_A as a sympy Poly over ZZ."""
        from .lattice import polynomial_from_whitney

        return polynomial_from_whitney(self.whitney, self.arrangement.dimension, variable)


def _resolve(arrangement, symmetry) -> PermutationGroup | None:
    if symmetry is None or symmetry is False:
        return None
    if isinstance(symmetry, str):
        if symmetry != "auto":
            raise ValueError(f"symmetry must be None, 'auto', a PermutationGroup or generators, "
                             f"not {symmetry!r}")
        return symmetry_group(arrangement)
    if isinstance(symmetry, PermutationGroup):
        return symmetry_group(arrangement, symmetry.generators)
    return symmetry_group(arrangement, symmetry)


def _fingerprint(rows, p, group) -> str:
    """The tag of a checkpoint: a hash of the rows, the prime and the group's generators."""
    tag = repr((tuple(rows), p, sorted(group.generators) if group is not None else None))
    return hashlib.sha256(tag.encode()).hexdigest()


def characteristic_polynomial_with_symmetry(arrangement, symmetry="auto", *, progress: bool = False,
                                            per_depth: int = 24, executor=None,
                                            checkpoint=None) -> SymmetricCount:
    """χ_A by breadth-first deletion–restriction, merging nodes in one orbit of the symmetry group.

    Parameters
    ----------
    arrangement : Arrangement
    symmetry : None, "auto", PermutationGroup or sequence of permutations
        The group to use; ``"auto"`` takes :func:`symmetry_group`, ``None`` none.
    progress : bool, optional
        A progress bar over the depths (one per hyperplane, so with a known total).  A
        Ctrl-C (``KeyboardInterrupt``) passing through gets notes saying how many depths
        and nodes were done, with or without the bar.
    per_depth : int, optional
        How many stabilizer elements are tried when choosing a representative.
    executor : concurrent.futures.Executor or dask.distributed.Client, optional
        Runs the chunks of each depth's batch of nodes (``exactgeom._parallel``); the
        result is the serial one.  ``None`` runs in this process.
    checkpoint : str or os.PathLike, optional
        A file for runs of hours: after each depth the waiting nodes and the Betti numbers
        so far are written there (atomically, ``.npz``), and a call finding the file resumes
        from it (a finished run's file gives the result at once).  The file records a hash
        of the rows and of the group; one of another computation raises ``ValueError``.

    Returns
    -------
    SymmetricCount

    Examples
    --------
    >>> from exactgeom.library import resonance
    >>> r = characteristic_polynomial_with_symmetry(resonance(4))
    >>> r.betti, r.group_order
    ((1, 15, 80, 170, 104), 120)
    >>> r.polynomial().as_expr()
    t**4 - 15*t**3 + 80*t**2 - 170*t + 104

    Notes
    -----
    Algorithm and exactness: :mod:`exactgeom.arrangements._orbit_engine`.  The memory
    holds the nodes of the depths not yet processed, merged by flat and by orbit.
    """
    from ._orbit_engine import betti_numbers

    workers = 1
    if executor is not None:
        from .._parallel import worker_count

        workers = worker_count(executor)
    group = _resolve(arrangement, symmetry)
    data = _central_rows(arrangement)
    order = group.order() if group is not None else 1
    if not data.rows:
        return SymmetricCount(arrangement, (1,), order, (), "empty arrangement")
    if data.excluded is not None and group is not None:
        group = group._with_fixed_point()
    elements = _stabilizer_elements(group, per_depth) if group is not None else {}
    p = _prime_for(data)
    with progress_bar(progress, total=len(data.rows), desc="deletion-restriction", unit="depths") as bar:
        betti, nodes = betti_numbers(data.rows, p, elements, bar=bar, executor=executor,
                                     workers=workers, checkpoint=checkpoint,
                                     fingerprint=_fingerprint(data.rows, p, group))
    if data.excluded is not None:            # π(cA) = (1 + t) π(A)
        deconed = [1]
        for k in range(1, len(betti) - 1):
            deconed.append(betti[k] - deconed[-1])
        betti = tuple(deconed)
    method = "deletion-restriction with orbit merging" if elements else "deletion-restriction"
    return SymmetricCount(arrangement, tuple(betti), order, tuple(sorted(nodes.items())), method)


r"""Named hyperplane arrangements and their known closed forms.

All families live in Q^n with coordinates named ``x1, ..., xn`` (threshold: Q^{n+1}
with ``w1, ..., wn, b``; graphical: ``x_<node>``), which ``str(A)``, ``A.to_sage()``
and plots use.  The closed forms below are the ones the test-suite checks against (Stanley,
*An introduction to hyperplane arrangements*, Lectures 2 and 5).

=============  ==========================  =================================================
family         hyperplanes                 χ(t)
=============  ==========================  =================================================
braid(n)       x_i - x_j = 0, i<j          t(t-1)...(t-n+1); n! regions
shi(n)         x_i - x_j ∈ {0, 1}, i<j     t(t-n)^{n-1}; (n+1)^{n-1} regions
catalan(n)     x_i - x_j ∈ {-1, 0, 1}      t ∏_{i=1}^{n-1} (t-n-i); n! C_n regions
linial(n)      x_i - x_j = 1, i<j          t 2^{-n} Σ_k C(n,k)(t-k)^{n-1}
semiorder(n)   x_i - x_j = ±1, i<j
coordinate(n)  x_i = 0                     (t-1)^n
graphical(G)   x_i = x_j for edges ij      chromatic polynomial of G
threshold(n)   w·x + b = 0, x ∈ {0,1}^n    regions = Boolean threshold functions (A000609)
resonance(n)   Σ_{i∈S} x_i = 0, S ≠ ∅      regions: 2, 6, 32, 370, 11292, ...
=============  ==========================  =================================================
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

from .arrangement import Arrangement
from .forms import _is_readable_name

__all__ = [
    "braid",
    "shi",
    "catalan",
    "linial",
    "semiorder",
    "coordinate",
    "graphical",
    "generic",
    "threshold",
    "resonance",
]


def _check_n(n: int, name: str, minimum: int = 1) -> None:
    if not isinstance(n, int) or isinstance(n, bool) or n < minimum:
        raise ValueError(f"{name}(...) needs an int >= {minimum}, not {n!r}")


def _xs(n: int) -> tuple[str, ...]:
    return tuple(f"x{i + 1}" for i in range(n))


def _with_group(arrangement: Arrangement, family: str, parameter) -> Arrangement:
    """Record the family, so that ``symmetry_group()`` returns its known group."""
    from .symmetry import _register_family

    _register_family(arrangement, family, parameter)
    return arrangement


def _difference_family(n: int, values: tuple[int, ...], name: str) -> Arrangement:
    _check_n(n, name)
    normals, offsets = [], []
    for i, j in itertools.combinations(range(n), 2):
        for c in values:
            row = [0] * n
            row[i], row[j] = 1, -1
            normals.append(row)
            offsets.append(c)
    return _with_group(Arrangement(normals, offsets, dimension=n, variables=_xs(n)), name, n)


def braid(n: int) -> Arrangement:
    """The braid arrangement (Coxeter type A_{n-1}): x_i - x_j = 0 for 1 <= i < j <= n.

    Examples
    --------
    >>> braid(3).equations()
    ('x1 - x2 = 0', 'x1 - x3 = 0', 'x2 - x3 = 0')
    >>> braid(3).characteristic_polynomial().as_expr()
    t**3 - 3*t**2 + 2*t
    >>> braid(4).num_regions()
    24
    """
    return _difference_family(n, (0,), "braid")


def shi(n: int) -> Arrangement:
    """The Shi arrangement: x_i - x_j = 0 and x_i - x_j = 1 for i < j.

    Examples
    --------
    >>> shi(3).num_regions()
    16
    """
    return _difference_family(n, (0, 1), "shi")


def catalan(n: int) -> Arrangement:
    """The Catalan arrangement: x_i - x_j ∈ {-1, 0, 1} for i < j.

    Examples
    --------
    >>> catalan(3).num_regions()
    30
    """
    return _difference_family(n, (-1, 0, 1), "catalan")


def linial(n: int) -> Arrangement:
    """The Linial arrangement: x_i - x_j = 1 for i < j.

    Examples
    --------
    >>> linial(3).num_regions()
    7
    """
    return _difference_family(n, (1,), "linial")


def semiorder(n: int) -> Arrangement:
    """The semiorder arrangement: x_i - x_j = ±1 for i < j.

    Examples
    --------
    >>> semiorder(3).num_regions()
    19
    """
    return _difference_family(n, (-1, 1), "semiorder")


def coordinate(n: int) -> Arrangement:
    """The coordinate arrangement x_i = 0 in Q^n (the Boolean arrangement).

    Examples
    --------
    >>> coordinate(3).num_regions()
    8
    """
    _check_n(n, "coordinate")
    normals = [[int(i == j) for j in range(n)] for i in range(n)]
    return _with_group(Arrangement(normals, variables=_xs(n)), "coordinate", n)


def graphical(G) -> Arrangement:
    """The graphical arrangement of a networkx graph: x_u = x_v for every edge uv.

    Coordinates follow ``sorted(G.nodes)`` when the nodes are sortable, else the
    graph's node order, and are named ``x_<node>`` when every ``x_<node>`` is a
    distinct name the expression reader accepts (nodes such as ``0`` or ``"a"``);
    otherwise they have no names and print as ``x1, ..., xd``.  Self-loops are
    rejected; multi-edges give one hyperplane.

    Examples
    --------
    >>> import networkx as nx
    >>> graphical(nx.path_graph(["a", "b", "c"])).equations()
    ('x_a - x_b = 0', 'x_b - x_c = 0')
    >>> graphical(nx.cycle_graph(4)).characteristic_polynomial().as_expr()
    t**4 - 4*t**3 + 6*t**2 - 3*t
    """
    nodes = list(G.nodes)
    try:
        nodes = sorted(nodes)
    except TypeError:
        pass
    if not nodes:
        raise ValueError("graphical(G) needs a graph with at least one node")
    index = {v: k for k, v in enumerate(nodes)}
    normals = []
    for u, v in G.edges():
        if u == v:
            raise ValueError(f"graphical(G): the self-loop at node {u!r} has no hyperplane x_u = x_u")
        row = [0] * len(nodes)
        i, j = sorted((index[u], index[v]))
        row[i], row[j] = 1, -1
        normals.append(row)
    names = [f"x_{v}" for v in nodes]
    if not all(isinstance(v, (int, str)) and _is_readable_name(n) for v, n in zip(nodes, names)) \
            or len(set(names)) != len(names):
        names = None
    A = Arrangement(normals, dimension=len(nodes), dedupe=True, variables=names)
    return _with_group(A, "graphical", G)


def generic(num: int, dim: int, *, seed: int = 0, central: bool = False, bound: int = 100) -> Arrangement:
    """A random arrangement in general position, reproducible from ``seed``.

    Normals and offsets are integers drawn uniformly from [-bound, bound] with
    ``random.Random(seed)``.  General position is then *checked exactly*, and
    the draw repeated until it holds: every set of at most ``dim`` normals is
    independent and (affine case) no ``dim + 1`` hyperplanes share a point;
    for ``central=True``, every set of at most ``dim`` normals is independent.

    Examples
    --------
    >>> A = generic(5, 2, seed=1)
    >>> A.num_regions(), A.num_bounded_regions()   # 1 + 5 + C(5,2) and C(4,2)
    (16, 6)
    """
    from .. import _exact

    _check_n(num, "generic", minimum=0)
    _check_n(dim, "generic", minimum=1)
    if central and dim == 1 and num > 1:
        raise ValueError("generic(num, 1, central=True) needs num <= 1: one hyperplane of Q^1 contains 0")
    rng = random.Random(seed)
    for _ in range(1000):
        normals = [[rng.randint(-bound, bound) for _ in range(dim)] for _ in range(num)]
        offsets = [0] * num if central else [rng.randint(-bound, bound) for _ in range(num)]
        rows = [[Fraction(v) for v in a] for a in normals]
        ok = all(_exact.rank([rows[i] for i in S], dim) == len(S)
                 for k in range(1, min(num, dim) + 1) for S in itertools.combinations(range(num), k))
        if ok and not central:
            aug = [[*a, Fraction(-c)] for a, c in zip(rows, offsets)]
            ok = all(_exact.rank([aug[i] for i in S], dim + 1) == dim + 1
                     for S in itertools.combinations(range(num), dim + 1))
        if ok:
            return Arrangement(normals, offsets, dimension=dim)
    raise RuntimeError(f"no generic arrangement found with bound={bound}; increase bound")


def threshold(n: int) -> Arrangement:
    """The threshold arrangement T_n in Q^{n+1}, coordinates named ``w1, ..., wn, b``.

    One hyperplane ``w . x + b = 0`` for each ``x ∈ {0,1}^n``, taken in
    lexicographic order of ``x`` (so hyperplane 0 is ``b = 0``).  Its regions are
    the Boolean threshold functions of n variables (OEIS A000609).

    Examples
    --------
    >>> threshold(2).num_regions()
    14
    >>> len(threshold(3)), threshold(3).dimension
    (8, 4)
    >>> threshold(2).variables
    ('w1', 'w2', 'b')
    """
    _check_n(n, "threshold", minimum=0)
    normals = [[*x, 1] for x in itertools.product((0, 1), repeat=n)]
    names = (*(f"w{i + 1}" for i in range(n)), "b")
    return _with_group(Arrangement(normals, dimension=n + 1, variables=names), "threshold", n)


def resonance(n: int) -> Arrangement:
    """The resonance arrangement R_n in Q^n: Σ_{i∈S} x_i = 0 for each non-empty S ⊆ [n].

    Subsets are ordered by their indicator vectors read as binary numbers.

    Examples
    --------
    >>> resonance(3).num_regions()
    32
    """
    _check_n(n, "resonance")
    normals = [list(x) for x in itertools.product((0, 1), repeat=n) if any(x)]
    normals.sort(key=lambda x: int("".join(map(str, x)), 2))
    return _with_group(Arrangement(normals, dimension=n, variables=_xs(n)), "resonance", n)

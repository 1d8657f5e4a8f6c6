r"""Matroid invariants of a hyperplane arrangement: bases, circuits, NBC sets, Tutte polynomial.

The *matroid* of a central arrangement A = {H_0, ..., H_{n-1}} is the linear matroid of its
normals: a set S of hyperplanes is independent when the normals a_i, i ∈ S, are linearly
independent, and the rank of S is the dimension of their span.  Its lattice of flats is the
intersection lattice L(A) (Stanley, Lecture 3).  This is Sage's ``A.matroid()``.

An affine arrangement has no matroid of its own.  Two objects stand in for it, and both are
offered:

- the matroid of the cone cA (:meth:`Arrangement.cone`): ground set 0..n, with the hyperplane
  at infinity x_0 = 0 as element n.  :func:`matroid` returns this one, so that
  ``A.matroid()`` is what Sage gives for ``A.cone().matroid()`` (Sage's ``matroid()`` itself
  refuses a non-central arrangement);
- the *semimatroid* of A (Ardila): only *central* subsets — those whose hyperplanes share a
  point — carry a rank.  :func:`tutte_polynomial`, :func:`nbc_sets` and the Orlik–Solomon
  algebra use it, which is what makes χ_A(t) = (−1)^r t^{d−r} T_A(1−t, 0) and
  |NBC_k| = |w_k| hold for every arrangement; for a central arrangement the two notions agree.

A *circuit* is a minimal dependent central set; a *broken circuit* is a circuit minus its
smallest element in the order of the hyperplanes; an *NBC set* is an independent set containing
no broken circuit.

Ranks are computed exactly over Z (primitive integer rows, flint ``fmpz_mat``).  Work is counted
in rank tests: the Tutte polynomial of a central arrangement (2^n tests) is refused up front with
:class:`~exactgeom.errors.TooLarge` when 2^n exceeds ``max_rank_tests``; the other enumerations
stop with ``TooLarge`` at the test that exceeds the budget.

Examples
--------
>>> from exactgeom.library import braid
>>> M = braid(3).matroid()
>>> M
Matroid of rank 2 on 3 elements
>>> M.bases, M.circuits
(((0, 1), (0, 2), (1, 2)), ((0, 1, 2),))
>>> braid(3).tutte_polynomial()
x**2 + x + y

References
----------
R. P. Stanley, *An introduction to hyperplane arrangements*, Lectures 3 and 4.
F. Ardila, *Semimatroids and their Tutte polynomials*, Rev. Colombiana Mat. 41 (2007).
P. Orlik and H. Terao, *Arrangements of hyperplanes*, Springer 1992, Ch. 3.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

import sympy

from .. import _exact
from ..errors import TooLarge

__all__ = [
    "Matroid",
    "matroid",
    "tutte_polynomial",
    "nbc_sets",
    "MAX_RANK_TESTS",
]

#: Default budget of exact rank tests for one enumeration (each a flint rank of a small integer matrix).
MAX_RANK_TESTS = 400_000


class _Oracle:
    """Exact rank of subsets of an arrangement's hyperplanes (integer rows, flint), with a counted budget."""

    def __init__(self, normals, offsets, dimension: int, limit: int, what: str):
        rows = [_exact.primitive_integer_vector((*a, c), sign_normalize=False)
                for a, c in zip(normals, offsets)]
        self.n = len(rows)
        self.d = dimension
        self.augmented = rows
        self.normals = [r[:dimension] for r in rows]
        self.central = all(r[dimension] == 0 for r in rows)
        self.tests = 0
        self.limit = limit
        self.what = what

    def _spend(self) -> None:
        self.tests += 1
        if self.tests > self.limit:
            raise TooLarge(
                f"{self.what} needs more than max_rank_tests={self.limit} exact rank tests; "
                "pass a larger max_rank_tests to run it anyway",
                estimate=self.tests, limit=self.limit, unit="rank tests",
            )

    def rank(self, S) -> int:
        """Rank of the normals of S."""
        self._spend()
        if not S:
            return 0
        return _exact.to_fmpz_mat([self.normals[i] for i in S], self.d).rank()

    def augmented_rank(self, S) -> int:
        """Rank of the rows (a_i, c_i); it equals ``rank(S)`` exactly when S is central."""
        if self.central:
            return self.rank(S)
        self._spend()
        if not S:
            return 0
        return _exact.to_fmpz_mat([self.augmented[i] for i in S], self.d + 1).rank()

    @cached_property
    def total_rank(self) -> int:
        return _exact.to_fmpz_mat(self.normals, self.d).rank() if self.normals else 0


def _oracle(arrangement, limit: int, what: str) -> _Oracle:
    return _Oracle(arrangement.normals, arrangement.offsets, arrangement.dimension, limit, what)


def _refuse_subsets(n: int, limit: int) -> None:
    if 2 ** n > limit:
        raise TooLarge(
            f"the Tutte polynomial sums over all 2^{n} subsets of the hyperplanes, more than "
            f"max_rank_tests={limit}; pass a larger max_rank_tests to run it anyway",
            estimate=2 ** n, limit=limit, unit="rank tests",
        )


def _independent_sets(oracle: _Oracle):
    """Independent sets as sorted tuples, depth first (each extends one by a larger index)."""
    stack = [()]
    while stack:
        S = stack.pop()
        yield S
        start = S[-1] + 1 if S else 0
        for h in range(oracle.n - 1, start - 1, -1):
            T = (*S, h)
            if oracle.rank(T) == len(T):
                stack.append(T)


def _circuits_and_obstructions(oracle: _Oracle):
    """Central circuits and minimal non-central sets, each a sorted tuple.

    Both are found as I ∪ {h} with I independent, h > max I and the normals of I ∪ {h}
    dependent; such a set is minimal exactly when removing any element of I leaves it
    independent (a minimal non-central set contains no circuit, so it has this form too).
    """
    circuits, obstructions = [], []
    for S in _independent_sets(oracle):
        start = S[-1] + 1 if S else 0
        for h in range(start, oracle.n):
            T = (*S, h)
            if oracle.rank(T) == len(T):
                continue
            if not all(oracle.rank(T[:k] + T[k + 1:]) == len(S) for k in range(len(S))):
                continue
            (circuits if oracle.augmented_rank(T) == len(S) else obstructions).append(T)
    return tuple(sorted(circuits)), tuple(sorted(obstructions))


def _nbc_sets(oracle: _Oracle) -> tuple[tuple[int, ...], ...]:
    # S = {s_1 < ... < s_k} independent is NBC iff no h < s_j passes through the flat of
    # {s_j, ..., s_k} for any j; building S from its largest element down, only the new
    # full set needs the test.
    found = []
    stack = [()]
    while stack:
        S = stack.pop()
        found.append(S)
        stop = S[0] if S else oracle.n
        for s in range(stop):
            T = (s, *S)
            if oracle.rank(T) != len(T):
                continue
            if any(oracle.augmented_rank((h, *T)) == len(T) for h in range(s)):
                continue
            stack.append(T)
    return tuple(sorted(found, key=lambda S: (len(S), S)))


def _tutte_counts(oracle: _Oracle) -> dict[tuple[int, int], int]:
    """Number of central subsets B by (r − r(B), |B| − r(B)); non-central sets are pruned."""
    r = oracle.total_rank
    counts: dict[tuple[int, int], int] = {}
    stack = [((), 0)]
    while stack:
        S, rank = stack.pop()
        key = (r - rank, len(S) - rank)
        counts[key] = counts.get(key, 0) + 1
        start = S[-1] + 1 if S else 0
        for h in range(start, oracle.n):
            T = (*S, h)
            rT = oracle.rank(T)
            # S is central; T is too when h raises the rank, else exactly when h passes through its flat.
            if rT == rank and not oracle.central and oracle.augmented_rank(T) != rT:
                continue
            stack.append((T, rT))
    return counts


def _tutte_expression(counts, variables) -> sympy.Expr:
    x, y = (sympy.Symbol(v) for v in variables)
    return sympy.expand(sum(c * (x - 1) ** a * (y - 1) ** b for (a, b), c in counts.items()))


def _check_variables(variables) -> tuple[str, str]:
    if (not isinstance(variables, (tuple, list)) or len(variables) != 2
            or not all(isinstance(v, str) and v.isidentifier() for v in variables)):
        raise ValueError(f"variables must be two names such as ('x', 'y'), not {variables!r}")
    return tuple(variables)


@dataclass(frozen=True, eq=False, repr=False)
class Matroid:
    r"""The linear matroid of a finite list of vectors over Q (ground set 0..n−1).

    Built by :func:`matroid` from the normals of a central arrangement (or of the cone of
    an affine one).  Immutable; equality is equality of the vector lists.

    Parameters
    ----------
    vectors : tuple of tuples of Fraction
        Element i of the ground set is ``vectors[i]``.
    dimension : int
        Length of the vectors.
    max_rank_tests : int, optional
        Budget for the enumerations behind ``bases``, ``circuits`` and ``tutte_polynomial``.

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> M = Arrangement([[1, 0], [0, 1], [1, 1], [2, 1]]).matroid()
    >>> M.rank, len(M.bases), M.circuits[:2]
    (2, 6, ((0, 1, 2), (0, 1, 3)))
    >>> M.rank_of([0, 2]), M.is_independent([1, 2, 3])
    (2, False)
    """

    vectors: tuple[tuple[Fraction, ...], ...]
    dimension: int
    max_rank_tests: int = MAX_RANK_TESTS

    def _oracle(self, what: str) -> _Oracle:
        zeros = (Fraction(0),) * len(self.vectors)
        return _Oracle(self.vectors, zeros, self.dimension, self.max_rank_tests, what)

    def __len__(self) -> int:
        return len(self.vectors)

    def __eq__(self, other) -> bool:
        if not isinstance(other, Matroid):
            return NotImplemented
        return (self.dimension, self.vectors) == (other.dimension, other.vectors)

    def __hash__(self) -> int:
        return hash((self.dimension, self.vectors))

    def __repr__(self) -> str:
        n = len(self)
        return f"Matroid of rank {self.rank} on {n} element{'' if n == 1 else 's'}"

    @property
    def ground_set(self) -> tuple[int, ...]:
        """The elements 0..n−1 (element i is hyperplane i).

        Examples
        --------
        >>> from exactgeom.library import coordinate
        >>> coordinate(2).matroid().ground_set
        (0, 1)
        """
        return tuple(range(len(self)))

    @cached_property
    def rank(self) -> int:
        """The rank of the whole ground set.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> braid(4).matroid().rank
        3
        """
        return self._oracle("the rank").total_rank

    def _subset(self, S) -> tuple[int, ...]:
        S = tuple(sorted(set(S)))
        if any(not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < len(self) for i in S):
            raise ValueError(f"{S!r} is not a subset of the ground set 0..{len(self) - 1}")
        return S

    def rank_of(self, S) -> int:
        """The rank of the subset ``S`` of the ground set.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> braid(4).matroid().rank_of([0, 1, 3])
        2
        """
        return self._oracle("a rank").rank(self._subset(S))

    def is_independent(self, S) -> bool:
        """Whether the vectors indexed by ``S`` are linearly independent.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> braid(3).matroid().is_independent([0, 2])
        True
        """
        S = self._subset(S)
        return self._oracle("a rank").rank(S) == len(S)

    @cached_property
    def bases(self) -> tuple[tuple[int, ...], ...]:
        """The bases (maximal independent sets), sorted tuples in lexicographic order.

        Examples
        --------
        >>> from exactgeom.library import coordinate
        >>> coordinate(3).matroid().bases
        ((0, 1, 2),)
        """
        oracle = self._oracle("the bases")
        return tuple(sorted(S for S in _independent_sets(oracle) if len(S) == self.rank))

    @cached_property
    def circuits(self) -> tuple[tuple[int, ...], ...]:
        """The circuits (minimal dependent sets), sorted tuples in lexicographic order.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> braid(4).matroid().circuits
        ((0, 1, 3), (0, 2, 4), (1, 2, 5), (3, 4, 5), (0, 1, 4, 5), (0, 2, 3, 5), (1, 2, 3, 4))
        """
        circuits = _circuits_and_obstructions(self._oracle("the circuits"))[0]
        return tuple(sorted(circuits, key=lambda C: (len(C), C)))

    def broken_circuits(self) -> tuple[tuple[int, ...], ...]:
        """Each circuit without its smallest element (duplicates removed).

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> braid(3).matroid().broken_circuits()
        ((1, 2),)
        """
        return tuple(sorted({C[1:] for C in self.circuits}, key=lambda C: (len(C), C)))

    def nbc_sets(self) -> tuple[tuple[int, ...], ...]:
        """Independent sets containing no broken circuit, by size then lexicographically.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> braid(3).matroid().nbc_sets()
        ((), (0,), (1,), (2,), (0, 1), (0, 2))
        """
        return _nbc_sets(self._oracle("the NBC sets"))

    def tutte_polynomial(self, variables=("x", "y")) -> sympy.Expr:
        """T_M(x, y) = Σ_{B ⊆ E} (x − 1)^{r − r(B)} (y − 1)^{|B| − r(B)}, a sympy expression.

        Examples
        --------
        >>> from exactgeom.library import coordinate
        >>> coordinate(3).matroid().tutte_polynomial()
        x**3
        """
        variables = _check_variables(variables)
        _refuse_subsets(len(self), self.max_rank_tests)
        return _tutte_expression(_tutte_counts(self._oracle("the Tutte polynomial")), variables)

    def to_sage(self) -> str:
        """Sage code for the same matroid: ``Matroid(matrix=...)`` with the vectors as columns.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> print(braid(3).matroid().to_sage())
        Matroid(matrix=matrix(QQ, 3, 3, [[1, 1, 0], [-1, 0, 1], [0, -1, -1]]))
        """
        columns = [[_exact.fraction_str(v[j]) for v in self.vectors] for j in range(self.dimension)]
        body = ", ".join("[" + ", ".join(row) + "]" for row in columns)
        return f"Matroid(matrix=matrix(QQ, {self.dimension}, {len(self)}, [{body}]))"

    def to_dict(self) -> dict:
        """Sage's ``Matroid(groundset=..., bases=...)`` data as plain lists.

        Examples
        --------
        >>> from exactgeom.library import braid
        >>> braid(3).matroid().to_dict()
        {'groundset': [0, 1, 2], 'rank': 2, 'bases': [[0, 1], [0, 2], [1, 2]]}
        """
        return {"groundset": list(self.ground_set), "rank": self.rank, "bases": [list(B) for B in self.bases]}

    def to_networkx(self):
        """The graph whose cycle matroid this is, when every vector is λ(e_u − e_v).

        Nodes are the coordinates 0..d−1; edge uv carries ``element=i``.  Graphical
        arrangements (:func:`exactgeom.library.graphical`) give back their graph.

        Raises
        ------
        ValueError
            When some vector is not a multiple of e_u − e_v (the matroid is not given as graphic).

        Examples
        --------
        >>> import networkx as nx
        >>> from exactgeom.library import graphical
        >>> G = graphical(nx.cycle_graph(4)).matroid().to_networkx()
        >>> sorted(G.edges())
        [(0, 1), (0, 3), (1, 2), (2, 3)]
        """
        import networkx as nx

        G = nx.Graph()
        G.add_nodes_from(range(self.dimension))
        for i, v in enumerate(self.vectors):
            support = [j for j, x in enumerate(v) if x]
            if len(support) != 2 or v[support[0]] != -v[support[1]]:
                raise ValueError(
                    f"element {i} is the vector {tuple(map(_exact.fraction_str, v))}, not a multiple of "
                    "e_u - e_v; only a graphic presentation has a networkx graph"
                )
            G.add_edge(*support, element=i)
        return G


def matroid(arrangement, *, max_rank_tests: int = MAX_RANK_TESTS) -> Matroid:
    """The matroid of a central arrangement, or of the cone of an affine one.

    Central A: the linear matroid of the normals (Sage's ``A.matroid()``).  Affine A: the
    matroid of cA = ``A.cone()``, whose element n is the hyperplane at infinity.

    Parameters
    ----------
    arrangement : Arrangement
    max_rank_tests : int, optional
        Budget for the enumerations of the returned object.

    Returns
    -------
    Matroid

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> Arrangement([[1, 0], [0, 1]]).matroid()
    Matroid of rank 2 on 2 elements
    >>> M = Arrangement([[1], [1]], offsets=[0, 1]).matroid()   # cone: x = 0, x - x_0 = 0, x_0 = 0
    >>> M, M.circuits
    (Matroid of rank 2 on 3 elements, ((0, 1, 2),))
    """
    A = arrangement if arrangement.is_central() else arrangement.cone()
    return Matroid(tuple(A.normals), A.dimension, max_rank_tests)


def tutte_polynomial(arrangement, *, variables=("x", "y"),
                     max_rank_tests: int = MAX_RANK_TESTS) -> sympy.Expr:
    r"""Tutte polynomial T_A(x, y) = Σ_B (x − 1)^{r − r(B)} (y − 1)^{|B| − r(B)} over central subsets B.

    For a central arrangement this is the Tutte polynomial of its matroid; for an affine one
    it is Ardila's Tutte polynomial of the semimatroid (the sum runs over the subsets whose
    hyperplanes share a point).  In both cases χ_A(t) = (−1)^r t^{d−r} T_A(1 − t, 0) and the
    number of regions is T_A(2, 0).

    Parameters
    ----------
    arrangement : Arrangement
    variables : pair of str, optional
    max_rank_tests : int, optional
            Central A: refused up front (``TooLarge``) when 2^n, the number of subsets, exceeds
        it; affine A: stopped at the rank test that exceeds it.

    Returns
    -------
    sympy expression with integer coefficients.

    Examples
    --------
    >>> from exactgeom.library import braid, generic
    >>> braid(4).tutte_polynomial()
    x**3 + 3*x**2 + 4*x*y + 2*x + y**3 + 3*y**2 + 2*y
    >>> generic(3, 2, seed=1).tutte_polynomial()      # three lines in general position
    x**2 + x + 1
    >>> generic(3, 2, seed=1).tutte_polynomial().subs({"x": 2, "y": 0})   # the 7 regions
    7

    Notes
    -----
    Depth-first over the subsets in index order, one exact rank test per subset (two for an
    affine arrangement), pruning the supersets of non-central sets.
    """
    variables = _check_variables(variables)
    if arrangement.is_central():
        _refuse_subsets(len(arrangement), max_rank_tests)
    oracle = _oracle(arrangement, max_rank_tests, "the Tutte polynomial")
    return _tutte_expression(_tutte_counts(oracle), variables)


def nbc_sets(arrangement, *, max_rank_tests: int = MAX_RANK_TESTS) -> tuple[tuple[int, ...], ...]:
    """The no-broken-circuit sets with respect to the order of the hyperplanes.

    An NBC set is an independent set of hyperplanes containing no broken circuit (a central
    circuit minus its smallest element).  The number of NBC sets of size k is |w_k|, the
    absolute value of the k-th Whitney number of the first kind (the coefficient of t^{d−k}
    in χ_A), for central and affine arrangements alike (Orlik–Terao, §3.1; Stanley, Lecture 4).

    Parameters
    ----------
    arrangement : Arrangement
    max_rank_tests : int, optional
        Stop with ``TooLarge`` at the rank test that exceeds this budget.

    Returns
    -------
    tuple of sorted tuples of hyperplane indices, by size, then lexicographically.

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> A = Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1])
    >>> nbc_sets(A)
    ((), (0,), (1,), (2,), (0, 1), (0, 2), (1, 2))
    >>> A.whitney_numbers()
    (1, -3, 3)
    """
    return _nbc_sets(_oracle(arrangement, max_rank_tests, "the NBC sets"))

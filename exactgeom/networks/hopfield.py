r"""Hopfield networks on {0,1}^n: iterated synchronous steps, sequential sweeps, classical constraints.

The parameter is Θ = (W, θ) ∈ Q^{n×n} × Q^n, coordinates per unit
``(w_i1, ..., w_in, θ_i)`` as in :mod:`exactgeom.networks.threshold`.

* ``update="synchronous"``: one step is HN_Θ(x) = H(Wx + θ) (parameter-spaces note, Def. 4).
* ``update="sequential"``: one sweep updates unit 1, then unit 2, ..., each
  unit seeing the values already updated.  Unit i at input x sees
  ``z_i(x) = (f_1(x), ..., f_{i-1}(x), x_i, ..., x_n)`` when the sweep computes
  f, so Par_f is still a product of one half-open cone per unit, with the
  inputs x replaced by z_i(x):
  ``{(w_i, θ_i) : w_i·z_i(x) + θ_i > 0 iff f_i(x) = 1}``.
* ``iterations=k`` (1 <= k <= 1024): the network computes the k-th power of its
  one-step map h = HN_Θ, so Par^k_f = ∪_{h : h^k = f} Par_h, a union of
  half-open cones.  A refusal lists every such h with a one-step proof; its
  "network-nonrealizable-iterated" certificate is checked by a verifier that
  enumerates the maps h with h^k = f by its own backtracking (n <= 3).
* ``symmetric`` (W = Wᵀ), ``zero_diagonal`` (w_ii = 0), ``thresholds=False``
  (θ = 0) add linear equations to the cone; with ``symmetric`` the units are
  coupled and the cone no longer factors per unit.

Examples
--------
>>> from exactgeom.networks import HopfieldNetwork
>>> net = HopfieldNetwork(2, iterations=2)
>>> f = ((1, 1), (1, 0), (1, 0), (1, 1))     # unit 2 computes XNOR after two steps
>>> r = net.realize(f)
>>> bool(r), r.verify()
(True, True)
>>> bool(HopfieldNetwork(2).realize(f))
False
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from fractions import Fraction

from .. import _exact
from ..errors import TooLarge
from ..polyhedra.lp import point_of
from ._boolean import Table, boolean_points, compose, truth_table
from .threshold import (
    NonRealizable,
    Realization,
    ThresholdNetwork,
    _cone_polyhedron,
    _cone_rows,
    _constraint_rows,
    _equations,
    _one_step,
    _realize_one_step,
    threshold_functions,
)

__all__ = ["HopfieldNetwork", "PropositionCheck", "check_proposition", "kth_roots"]

_MAX_N = 4
_MAX_ITERATIONS = 1024
"""Largest number of iterations (the bound of the certificate checker, ``check_networks.MAX_ITERATIONS``)."""


def kth_roots(function: Table, k: int) -> Iterator[Table]:
    """The maps h: {0,1}^n -> {0,1}^n with h^k = f, one at a time (backtracking along orbits).

    A generator, because there can be very many: the identity of {0,1}^4 has
    46,206,736 square roots (the involutions of 16 points).

    Examples
    --------
    >>> ident = ((0, 0), (0, 1), (1, 0), (1, 1))
    >>> sum(1 for _ in kth_roots(ident, 2))      # the involutions of a 4-element set
    10
    >>> next(kth_roots(ident, 2)) == ident
    True
    """
    N = len(function)
    n = (N - 1).bit_length()
    points = boolean_points(n)
    index = {x: j for j, x in enumerate(points)}
    target = [index[y] for y in function]
    h = [-1] * N

    def consistent() -> bool:
        for x in range(N):
            y = x
            for _ in range(k):
                y = h[y]
                if y < 0:
                    break
            else:
                if y != target[x]:
                    return False
        return True

    def extend(hint: int) -> Iterator[Table]:
        x = hint if 0 <= hint < N and h[hint] < 0 else next((j for j in range(N) if h[j] < 0), -1)
        if x < 0:
            yield tuple(points[h[j]] for j in range(N))
            return
        for y in range(N):
            h[x] = y
            if consistent():
                yield from extend(y)
        h[x] = -1

    yield from extend(0)


_MAX_ROOTS = 100_000


def _bounded_roots(table: Table, k: int) -> Iterator[Table]:
    """:func:`kth_roots`, stopping with :class:`~exactgeom.errors.TooLarge` after ``_MAX_ROOTS`` roots.

    A realization stops at the first realizable root; Par_f has one cone per
    root, and a refusal needs a certificate for every root, which are out of
    reach beyond this many.
    """
    for count, h in enumerate(kth_roots(table, k), start=1):
        if count > _MAX_ROOTS:
            raise TooLarge(
                f"f has more than {_MAX_ROOTS} maps h with h^{k} = f; Par_f is the union of one cone per "
                "map, and a refusal would need a certificate for every one of them "
                "(the identity of {0,1}^4 alone has 46,206,736 square roots)",
                estimate=count, limit=_MAX_ROOTS, unit="roots",
            )
        yield h


def _threshold_masks(n: int) -> list[int]:
    """The threshold functions of n variables as bit masks (bit p: the value at the p-th point of {0,1}^n)."""
    return [sum(b << p for p, b in enumerate(bits)) for bits, _ in threshold_functions(n)]


def _mask_step(masks, y: int, sequential: bool) -> int:
    """One synchronous step or sequential sweep of units given as threshold masks, on a point given as an int.

    Point x is the int with bit n-1-i equal to x_i (its index in lexicographic
    order); unit i outputs bit ``y`` of ``masks[i]``.

    Examples
    --------
    Unit 1 computes NAND, unit 2 copies x_1; at x = (1, 1) the sweep lets unit 2
    see the new x_1 = 0:

    >>> _mask_step([0b0111, 0b1100], 0b11, False), _mask_step([0b0111, 0b1100], 0b11, True)
    (1, 0)
    """
    n = len(masks)
    if sequential:                     # unit i sees the bits already updated
        for i, mask in enumerate(masks):
            bit = 1 << (n - 1 - i)
            y = y | bit if (mask >> y) & 1 else y & ~bit
        return y
    return sum(1 << (n - 1 - i) for i, mask in enumerate(masks) if (mask >> y) & 1)


@dataclass(frozen=True)
class HopfieldNetwork:
    """A Hopfield network on n binary units; see the module docstring for the options.

    Parameters
    ----------
    n : int
    update : {"synchronous", "sequential"}
    iterations : int
    symmetric, zero_diagonal : bool
    thresholds : bool
        ``False`` forces θ = 0.

    Examples
    --------
    >>> HopfieldNetwork(2).count_realizable()
    196
    >>> HopfieldNetwork(2, symmetric=True, zero_diagonal=True, thresholds=False).count_realizable()
    2
    """

    n: int
    update: str = "synchronous"
    iterations: int = 1
    symmetric: bool = False
    zero_diagonal: bool = False
    thresholds: bool = True

    def __post_init__(self):
        if not isinstance(self.n, int) or isinstance(self.n, bool) or not 1 <= self.n <= _MAX_N:
            raise ValueError(f"n must be an int between 1 and {_MAX_N}, not {self.n!r}")
        if self.update not in ("synchronous", "sequential"):
            raise ValueError(f'update must be "synchronous" or "sequential", not {self.update!r}')
        if (not isinstance(self.iterations, int) or isinstance(self.iterations, bool)
                or not 1 <= self.iterations <= _MAX_ITERATIONS):
            raise ValueError(
                f"iterations must be an int between 1 and {_MAX_ITERATIONS}, not {self.iterations!r}")
        for name in ("symmetric", "zero_diagonal", "thresholds"):
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"{name} must be True or False, not {getattr(self, name)!r}")

    # -- semantics -------------------------------------------------------------------------------
    @property
    def n_inputs(self) -> int:
        return self.n

    @property
    def n_outputs(self) -> int:
        return self.n

    @property
    def dimension(self) -> int:
        """Dimension n(n+1) of the parameter space."""
        return self.n * (self.n + 1)

    def _spec(self) -> dict:
        return {"n_inputs": self.n, "n_outputs": self.n, "update": self.update,
                "iterations": self.iterations, "symmetric": self.symmetric,
                "zero_diagonal": self.zero_diagonal, "thresholds": self.thresholds}

    def _one_step_network(self) -> HopfieldNetwork:
        return replace(self, iterations=1)

    def truth_table(self, function) -> Table:
        """``function`` (dict, callable or truth table) as a truth table of a map {0,1}^n -> {0,1}^n.

        Examples
        --------
        >>> HopfieldNetwork(2).truth_table(lambda x: (x[1], x[0]))      # swap the units
        ((0, 0), (1, 0), (0, 1), (1, 1))
        """
        return truth_table(function, self.n, self.n)

    def evaluate(self, weights, thresholds) -> Table:
        """The truth table of the k-step map for Θ = (weights, thresholds) (exact).

        Examples
        --------
        >>> HopfieldNetwork(2, update="sequential").evaluate([[0, 1], [1, 0]], [0, 0])
        ((0, 0), (1, 1), (0, 0), (1, 1))
        """
        W = _exact.exact_matrix(weights, name="weights", ncols=self.n)
        if len(W) != self.n:
            raise ValueError(f"weights has {len(W)} rows; the network has {self.n} units")
        t = _exact.exact_vector(thresholds, name="thresholds", length=self.n)
        spec = self._spec()
        out = []
        for x in boolean_points(self.n):
            for _ in range(self.iterations):
                x = _one_step(spec, W, t, x)
            out.append(x)
        return tuple(out)

    def _iterate_table(self, h: Table) -> Table:
        power = h
        for _ in range(self.iterations - 1):
            power = compose(h, power)
        return power

    def _realizable_roots(self, function: Table):
        """The one-step maps h with h^k = f among those the unconstrained network with this update realizes.

        A route independent of :func:`kth_roots`: run over every tuple of
        threshold functions, one per unit (the chambers of T_n,
        :func:`~exactgeom.networks.threshold.threshold_functions`), form the
        synchronous step or the sequential sweep they define and iterate it k
        times on each point, stopping at the first point where h^k and f
        differ.  The classical constraints only shrink the parameter set, so
        every map realizable under them is among these.  Integer bit masks
        keep it at about a second for n = 3 (104^3 tuples).

        Examples
        --------
        >>> net = HopfieldNetwork(2, iterations=2)
        >>> f = ((1, 1), (1, 0), (1, 0), (1, 1))
        >>> one_step = net._one_step_network()
        >>> sorted(net._realizable_roots(f)) == sorted(h for h in kth_roots(f, 2) if one_step.realize(h))
        True
        """
        n, k = self.n, self.iterations
        N = 2**n
        points = boolean_points(n)
        target = [sum(b << (n - 1 - j) for j, b in enumerate(y)) for y in function]
        sequential = self.update == "sequential"
        for combo in itertools.product(_threshold_masks(n), repeat=n):
            for start in range(N):
                y = start
                for _ in range(k):
                    y = _mask_step(combo, y, sequential)
                if y != target[start]:
                    break
            else:
                yield tuple(points[_mask_step(combo, x, sequential)] for x in range(N))

    # -- parameter cones -------------------------------------------------------------------------
    def parameter_cone(self, function):
        """Par_f: a half-open Polyhedron (k = 1) or the union as a tuple of (h, Polyhedron), h^k = f.

        For k >= 2 the members are the cones Par_h of the one-step maps h with
        h^k = f (every such map, realizable or not: an empty member is an
        empty Polyhedron).

        Examples
        --------
        >>> HopfieldNetwork(1).parameter_cone([(1,), (0,)]).is_empty()
        False
        >>> members = HopfieldNetwork(1, iterations=2).parameter_cone([(0,), (1,)])
        >>> [h for h, _ in members]
        [((0,), (1,)), ((1,), (0,))]
        """
        table = self.truth_table(function)
        spec = self._spec()
        if self.iterations == 1:
            return _cone_polyhedron(spec, table)
        return tuple((h, _cone_polyhedron(spec, h)) for h in _bounded_roots(table, self.iterations))

    def realize(self, function):
        """A :class:`Realization` (k-step) or a :class:`NonRealizable` proof.

        For k >= 2 the proof has one member per map h with h^k = f, each a
        one-step NonRealizable with its certificates.

        Examples
        --------
        >>> nr = HopfieldNetwork(2, symmetric=True).realize(((0, 1), (1, 1), (1, 0), (1, 1)))
        >>> bool(nr), nr.verify()
        (False, True)
        """
        table = self.truth_table(function)
        one = self._one_step_network()
        if self.iterations == 1:
            return _realize_one_step(self, table)
        members = []
        for h in _bounded_roots(table, self.iterations):
            r = _realize_one_step(one, h)
            if r:
                return Realization(self, table, r.weights, r.thresholds)
            members.append((h, r))
        return NonRealizable(self, table, (), tuple(members))

    # -- enumeration ------------------------------------------------------------------------------
    def _one_step_maps(self, progress=False, executor=None):
        """(h, Realization of h by the one-step network) for every realizable one-step map h."""
        n = self.n
        if n >= 4:
            raise TooLarge("n = 4 units have 1882^4 ≈ 1.3e13 candidate one-step maps (products "
                           "of threshold units); enumeration stops at n = 3 (realize() does single maps)",
                           estimate=1882**4, limit=104**3, unit="one-step maps")
        one = self._one_step_network()
        spec = one._spec()
        constrained = self.symmetric or self.zero_diagonal or not self.thresholds
        if not constrained and self.update == "synchronous":
            for table, r in ThresholdNetwork(n, n).realizable_functions(progress, executor):
                yield table, Realization(one, table, r.weights, r.thresholds)
            return
        rows = list(threshold_functions(n, progress=progress, executor=executor))
        if not constrained:
            seen = set()
            points = boolean_points(n)
            for combo in itertools.product(rows, repeat=n):
                # the chamber witnesses are integers: evaluate the sweep in integer arithmetic
                weights = tuple(w for _, (w, _) in combo)
                thresholds = tuple(b for _, (_, b) in combo)
                table = tuple(_one_step(spec, weights, thresholds, x) for x in points)
                if table not in seen:
                    seen.add(table)
                    yield table, Realization(one, table, tuple(tuple(map(Fraction, w)) for w in weights),
                                             tuple(map(Fraction, thresholds)))
            return
        yield from self._constrained_maps(rows)

    def _constrained_maps(self, rows):
        """Backtracking over units: extend only partial maps whose (relaxed) cone is non-empty."""
        n = self.n
        spec = self._spec()
        one = self._one_step_network()
        points = boolean_points(n)
        index = {x: k for k, x in enumerate(points)}
        equations = _equations(spec)

        def feasible(partial: list[tuple[int, ...]]) -> bool:
            i_max = len(partial)
            padded = tuple(tuple(partial[i][k] for i in range(i_max)) + (0,) * (n - i_max)
                           for k in range(len(points)))
            forms, strict = [], []
            for i, _, form, s in _constraint_rows(spec, padded):
                if i < i_max:
                    forms.append(form)
                    strict.append(s)
            live = {c for i in range(i_max) for c in range(i * (n + 1), (i + 1) * (n + 1))}
            eqs = [e for e in equations if all(c in live for c, v in enumerate(e) if v)]
            return point_of(self.dimension, _cone_rows(forms, strict, eqs)) is not None

        def candidates(partial):
            i = len(partial)
            out = set()
            for bits, _ in rows:
                row = []
                for k, x in enumerate(points):
                    z = tuple(partial[j][k] for j in range(i)) + x[i:] if self.update == "sequential" else x
                    row.append(bits[index[z]])
                out.add(tuple(row))
            return sorted(out)

        def extend(partial):
            if len(partial) == n:
                table = tuple(tuple(partial[i][k] for i in range(n)) for k in range(len(points)))
                yield table, _realize_one_step(one, table)
                return
            for row in candidates(partial):
                if feasible(partial + [row]):
                    yield from extend(partial + [row])

        yield from extend([])

    def realizable_functions(self, progress: bool = False, executor=None):
        """Generator of (truth table, Realization) over all maps the network realizes.

        One-step maps come from the chambers of T_n (products for synchronous
        updates, the sweep of every tuple of threshold units for sequential
        ones, a backtracking over units with exact LPs under constraints); for
        k >= 2 the k-th powers of the one-step maps, each once.

        Examples
        --------
        >>> sum(1 for _ in HopfieldNetwork(2, update="sequential").realizable_functions())
        108
        """
        if self.iterations == 1:
            for table, r in self._one_step_maps(progress, executor):
                yield table, Realization(self, table, r.weights, r.thresholds)
            return
        seen = set()
        for h, r in self._one_step_maps(progress, executor):
            table = self._iterate_table(h)
            if table not in seen:
                seen.add(table)
                yield table, Realization(self, table, r.weights, r.thresholds)

    def count_realizable(self, progress: bool = False, executor=None) -> int:
        """Number of realizable maps (by enumeration with witnesses).

        Examples
        --------
        >>> HopfieldNetwork(2, iterations=2).count_realizable()
        74
        """
        return sum(1 for _ in self.realizable_functions(progress, executor))

    def parameter_arrangement(self):
        """The arrangement of all hyperplanes ``{w_i·z + θ_i = 0}``, z ∈ {0,1}^n, on the parameter subspace.

        Coordinates: the free parameters, in the order of Θ's coordinates,
        keeping for ``symmetric`` only w_ij with i <= j, dropping w_ii under
        ``zero_diagonal`` and θ_i when ``thresholds=False``; hyperplanes that
        become trivial are dropped and coinciding ones merged.  For one
        unconstrained synchronous step its chambers are the realizable maps;
        otherwise each chamber lies inside a single Par_f (the signs of all
        w_i·z + θ_i fix every sweep and every iterate), so the chambers refine
        the decomposition of the parameter space into the Par_f.

        Examples
        --------
        >>> HopfieldNetwork(2).parameter_arrangement().num_regions()
        196
        >>> HopfieldNetwork(2, symmetric=True).parameter_arrangement().dimension
        5
        """
        from ..arrangements import Arrangement

        n = self.n
        free = {}
        for i in range(n):
            for j in range(n):
                if self.zero_diagonal and i == j:
                    continue
                key = (min(i, j), max(i, j)) if self.symmetric else (i, j)
                free.setdefault(key, len(free))
            if self.thresholds:
                free[("theta", i)] = len(free)
        normals = []
        for i in range(n):
            for z in boolean_points(n):
                row = [0] * len(free)
                for j in range(n):
                    key = (min(i, j), max(i, j)) if self.symmetric else (i, j)
                    if key in free:
                        row[free[key]] += z[j]
                if self.thresholds:
                    row[free[("theta", i)]] += 1
                if any(row):
                    normals.append(row)
        return Arrangement(normals, dimension=len(free), dedupe=True)


# --------------------------------------------------------------------------------------------
# The parameter-spaces note, Propositions 3 and 4
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PropositionCheck:
    """Verdict on one of the parameter-spaces note's Propositions 3 and 4 for a given n, with the evidence.

    ``counterexample`` is None when the proposition holds, else a dict with the
    map f, a Realization of f by the network of the proposition (two
    iterations or a sequential sweep) and the NonRealizable proof for one
    synchronous step.  ``counts`` records the exhaustive comparison.

    Examples
    --------
    One unit has the 4 threshold functions 0, 1, x, ¬x; their squares are
    0, 1 and x, all one-step maps.

    >>> c = check_proposition(3, 1)
    >>> c.holds, c.counts["proposed"], c.counts["one_step_synchronous"], c.counterexample
    (True, 3, 4, None)
    """

    proposition: int
    n: int
    statement: str
    holds: bool
    counts: dict
    counterexample: dict | None

    def __bool__(self) -> bool:
        return self.holds


def check_proposition(number: int, n: int) -> PropositionCheck:
    """Decide the parameter-spaces note's Proposition 3 or 4 for n units by exhaustive comparison.

    Reading of the propositions.  Σ[Par^k] is the face poset of the
    decomposition of the parameter space into the cones Par^k_f; the
    decomposition into the Par^2_f = ∪_{h²=f} Par_h is always coarser than
    the one into the Par_h, so the only non-trivial content of
    "Σ[Par^2] ⊂ Σ[Par]" is about which maps occur.  We check:

    * Proposition 3: every map realized by **two synchronous iterations**
      HN_Θ∘HN_Θ is realized by **one synchronous step** HN_Θ'.
    * Proposition 4: every map realized by **one sequential sweep** (unit 1,
      then 2, ..., each seeing the updated values; the asynchronous update of
      the seed with the natural order) is realized by one synchronous step.

    Outcome (exhaustive, every map with an exact witness; the tests compare
    with a brute force over integer parameters):

    * Proposition 3 is **false** for n = 2: 74 maps are realized by two
      synchronous iterations, 70 of them in one step, and 4 only in two steps,
      e.g. f = (00->11, 01->10, 10->10, 11->11) whose second unit computes XNOR.
      For n = 3: 319,622 two-step maps, 192,234 of them not one-step maps.
    * Proposition 4 **holds** for n = 2: the 108 maps of one sequential sweep
      are all among the 196 synchronous ones (the second unit sees (u_1, x_2)
      with u_1 a threshold function of x; XOR/XNOR of x would need u_1 = x_1 or
      ¬x_1 and then a XOR/XNOR of (u_1, x_2)).  It is **false** for n = 3:
      98,720 sequential maps, 16,800 of them not synchronous maps.

    Parameters
    ----------
    number : 3 or 4
    n : int, 1 <= n <= 3

    Returns
    -------
    PropositionCheck

    Examples
    --------
    >>> c = check_proposition(3, 2)
    >>> c.holds, c.counts["only_in_proposed"]
    (False, 4)
    >>> c.counterexample["realization"].verify(), c.counterexample["one_step_proof"].verify()
    (True, True)
    >>> bool(check_proposition(4, 2))
    True
    """
    if number not in (3, 4):
        raise ValueError(f"the parameter-spaces note states Propositions 3 and 4 only; got {number!r}")
    if not isinstance(n, int) or not 1 <= n <= 3:
        raise ValueError(f"n must be 1, 2 or 3 (n = 4 has 1882^4 one-step maps), not {n!r}")
    masks = _threshold_masks(n)
    threshold_set = set(masks)
    N = 2**n
    if number == 3:
        proposed = HopfieldNetwork(n, iterations=2)
        statement = "every map realized by two synchronous iterations is realized by one synchronous step"
    else:
        proposed = HopfieldNetwork(n, update="sequential")
        statement = "every map realized by one sequential sweep is realized by one synchronous step"
    sequential = number == 4
    realized = set()
    first = None
    for combo in itertools.product(masks, repeat=n):
        image = [_mask_step(combo, x, sequential) for x in range(N)]
        if number == 3:
            image = [image[y] for y in image]
        result = tuple(sum(((image[k] >> (n - 1 - i)) & 1) << k for k in range(N)) for i in range(n))
        if result in realized:
            continue
        realized.add(result)
        if first is None and not all(r in threshold_set for r in result):
            first = result
    synchronous = len(threshold_set) ** n
    only = sum(1 for r in realized if not all(m in threshold_set for m in r))
    counts = {"one_step_synchronous": synchronous, "proposed": len(realized),
              "in_both": len(realized) - only, "only_in_proposed": only}
    counterexample = None
    if first is not None:
        table = tuple(tuple((first[i] >> k) & 1 for i in range(n)) for k in range(N))
        counterexample = {"function": table, "realization": proposed.realize(table),
                          "one_step_proof": HopfieldNetwork(n).realize(table)}
    return PropositionCheck(number, n, statement, first is None, counts, counterexample)

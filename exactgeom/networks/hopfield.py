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
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, replace
from fractions import Fraction

from .. import _exact
from ..errors import TooLarge
from ._boolean import Table, boolean_points, compose, truth_table
from ._chambers import chamber_maps
from ._semantics import (
    _block_chambers,
    _cone_polyhedron,
    _coupled_blocks,
    _mask_step,
    _num_one_step_maps,
    _one_step,
    _parameter_arrangement,
    _realize_one_step,
)
from .threshold import NonRealizable, Realization, threshold_functions

__all__ = ["HopfieldNetwork", "kth_roots"]

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
    >>> HopfieldNetwork(2).num_realizable()
    196
    >>> HopfieldNetwork(2, symmetric=True, zero_diagonal=True, thresholds=False).num_realizable()
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
    def num_parameters(self) -> int:
        """Number n(n+1) of parameters (the ambient dimension of the parameter space)."""
        return self.n * (self.n + 1)

    @property
    def dimension(self) -> int:
        """Deprecated alias of :attr:`num_parameters`."""
        warnings.warn("HopfieldNetwork.dimension is deprecated: use num_parameters", DeprecationWarning,
                      stacklevel=2)
        return self.num_parameters

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
        """Par_f of one step (k = 1) as a half-open Polyhedron; for k >= 2 use :meth:`parameter_cones`.

        Raises
        ------
        ValueError
            For k >= 2 iterations, where Par^k_f is a union of cones.

        Examples
        --------
        >>> HopfieldNetwork(1).parameter_cone([(1,), (0,)]).is_empty()
        False
        """
        if self.iterations != 1:
            raise ValueError(f"with iterations={self.iterations} Par_f is a union of cones, one per map "
                             "h with h^k = f: use parameter_cones(function)")
        return _cone_polyhedron(self._spec(), self.truth_table(function))

    def parameter_cones(self, function) -> tuple:
        """Par^k_f as the tuple of (h, Par_h) over the maps h with h^k = f (k = 1: one member, h = f).

        Every such map is listed, realizable or not: an empty member is an
        empty Polyhedron.

        Examples
        --------
        >>> members = HopfieldNetwork(1, iterations=2).parameter_cones([(0,), (1,)])
        >>> [h for h, _ in members]
        [((0,), (1,)), ((1,), (0,))]
        >>> [h for h, _ in HopfieldNetwork(1).parameter_cones([(1,), (0,)])]
        [((1,), (0,))]
        """
        table = self.truth_table(function)
        spec = self._spec()
        if self.iterations == 1:
            return ((table, _cone_polyhedron(spec, table)),)
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
        if self.iterations == 1:
            parameters, failures = _realize_one_step(self._spec(), table)
            return NonRealizable(self, table, failures) if failures else Realization(self, table, *parameters)
        one = self._one_step_network()
        members = []
        for h in _bounded_roots(table, self.iterations):
            parameters, failures = _realize_one_step(one._spec(), h)
            if not failures:
                return Realization(self, table, *parameters)
            members.append((h, NonRealizable(one, h, failures)))
        return NonRealizable(self, table, (), tuple(members))

    # -- enumeration ------------------------------------------------------------------------------
    def _one_step_maps(self, progress=False, executor=None):
        """(h, Realization of h by the one-step network) for every realizable one-step map h, each once.

        Every realizable h is computed on a chamber of the parameter
        arrangement A_L (:mod:`exactgeom.networks._semantics`, point 2), so h
        runs over the maps of the chambers: products of one chamber per unit
        (without ``symmetric``) or the chambers of the coupled arrangement.
        A synchronous step computes distinct maps on distinct chambers; a
        sweep may not, and repeats are skipped.
        """
        n = self.n
        if n >= 4:
            raise TooLarge("n = 4 units have 1882^4 ≈ 1.3e13 candidate one-step maps (products "
                           "of threshold units); enumeration stops at n = 3 (realize() does single maps)",
                           estimate=1882**4, limit=104**3, unit="one-step maps")
        one = self._one_step_network()
        spec = one._spec()
        sequential = self.update == "sequential"
        points = boolean_points(n)
        factors = [list(_block_chambers(spec, block, progress=progress, executor=executor))
                   for block in _coupled_blocks(spec)]
        seen = set()
        for combo in itertools.product(*factors):
            masks, weights, thresholds = {}, {}, {}
            for m, w, t in combo:
                masks.update(m)
                weights.update(w)
                thresholds.update(t)
            table = tuple(points[_mask_step([masks[i] for i in range(n)], x, sequential)]
                          for x in range(2**n))
            if sequential:
                if table in seen:
                    continue
                seen.add(table)
            yield table, Realization(one, table, tuple(tuple(map(Fraction, weights[i])) for i in range(n)),
                                     tuple(Fraction(thresholds[i]) for i in range(n)))

    def realizable_functions(self, *, progress: bool = False, executor=None):
        """Generator of (truth table, Realization) over all maps the network realizes.

        Every realizable map is computed on a chamber of the parameter
        arrangement A_L (:meth:`parameter_arrangement`; proof in
        :mod:`exactgeom.networks._semantics`), so the maps are the distinct maps
        over its chambers, those :meth:`num_realizable` counts
        (:mod:`exactgeom.networks._chambers`).  Here each chamber comes with its
        witness, scaled to integers, as the realization: the chambers are the
        products of one chamber per unit (of T_n without constraints), or with
        ``symmetric`` the chambers of the coupled arrangement.  One step is read
        off each chamber's sign vector; a sweep may compute one map on several
        chambers, and repeats are skipped.  For k >= 2 the maps are the k-th
        powers of the one-step maps, each once.

        Examples
        --------
        >>> sum(1 for _ in HopfieldNetwork(2, update="sequential").realizable_functions())
        108
        """
        if self.iterations == 1:
            for table, r in self._one_step_maps(progress=progress, executor=executor):
                yield table, Realization(self, table, r.weights, r.thresholds)
            return
        seen = set()
        for h, r in self._one_step_maps(progress=progress, executor=executor):
            table = self._iterate_table(h)
            if table not in seen:
                seen.add(table)
                yield table, Realization(self, table, r.weights, r.thresholds)

    def num_realizable(self, *, progress: bool = False, executor=None) -> int:
        """Number of maps the network realizes.

        One synchronous step (with any of the constraints): the number of
        chambers of :meth:`parameter_arrangement`, by χ (Zaslavsky), a product
        over the units unless ``symmetric`` couples them.  The chambers are in
        bijection with the realizable maps: every row is a 0/1 vector in the
        free coordinates, so every realizable map is realized off all
        hyperplanes, and a synchronous step computes distinct maps on distinct
        chambers (proof in :mod:`exactgeom.networks._semantics`).  A sequential
        sweep or k >= 2 iterations can compute one map on several chambers:
        every realizable map is still computed on a chamber and every chamber
        computes one map, so the count is the number of distinct maps over the
        chambers, read from their sign vectors (unit masks) by table lookups,
        the coupled chambers of ``symmetric`` found by Fourier–Motzkin
        elimination instead of linear programs (point 4 there).  For n = 3
        every variant takes a second or two.  ``progress=True`` then shows a
        bar counting the maps (and the bar of the units' chambers).  Ctrl-C
        raises ``KeyboardInterrupt`` with the note "interrupted after k maps";
        ``exactgeom.count(net.realizable_functions(), on_interrupt="return")``
        returns the count so far instead.

        Examples
        --------
        >>> HopfieldNetwork(3, symmetric=True).num_realizable()
        271600
        >>> HopfieldNetwork(2, iterations=2).num_realizable()
        74
        >>> HopfieldNetwork(3, update="sequential", symmetric=True).num_realizable()
        43904
        """
        if self.iterations == 1 and self.update == "synchronous":
            return _num_one_step_maps(self._spec())
        from .._progress import progress_bar

        with progress_bar(progress, desc="realizable maps", unit="maps") as bar:
            for _ in self._distinct_maps(progress=progress, executor=executor):
                bar.update()
        return bar.n

    def _distinct_maps(self, progress=False, executor=None) -> Iterator[tuple[int, ...]]:
        """The maps of :meth:`realizable_functions` without witnesses, each once, as tuples of point indices.

        The distinct maps of the chambers of A_L
        (:func:`~exactgeom.networks._chambers.chamber_maps`; the chambers of the coupled
        arrangement by :func:`~exactgeom.networks._chambers.coupled_chambers`), read from
        their sign vectors without linear programs or witnesses.
        """
        if self.n >= 4:
            next(self._one_step_maps())                 # refuses with the size of the enumeration
        yield from chamber_maps(self._one_step_network()._spec(), self.iterations,
                                 progress=progress, executor=executor)

    def count_realizable(self, *, progress: bool = False, executor=None) -> int:
        """Deprecated alias of :meth:`num_realizable`."""
        warnings.warn("count_realizable is deprecated: use num_realizable", DeprecationWarning, stacklevel=2)
        return self.num_realizable(progress=progress, executor=executor)

    def non_realizable_functions(self, *, progress: bool = False, executor=None) -> Iterator[tuple]:
        """Generator of (truth table, NonRealizable) over the maps of {0,1}^n the network does not realize.

        The realizable maps come from :meth:`realizable_functions`; every other
        map, in lexicographic order of truth tables, is refused by
        :meth:`realize` with its certificates.  For n = 3 there are 8^8 maps:
        only n <= 2 is listed.

        Examples
        --------
        >>> maps = list(HopfieldNetwork(2, symmetric=True).non_realizable_functions())
        >>> len(maps), all(not r and r.verify() for _, r in maps)
        (110, True)
        """
        if self.n > 2:
            raise TooLarge(f"{self.n} units have {2 ** (self.n * 2**self.n)} maps; non_realizable_functions "
                           "lists n <= 2 (realize() decides single maps)",
                           estimate=2 ** (self.n * 2**self.n), limit=256, unit="maps")
        realizable = {table for table, _ in self.realizable_functions(progress=progress, executor=executor)}
        for table in itertools.product(boolean_points(self.n), repeat=2**self.n):
            if table not in realizable:
                yield table, self.realize(table)

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
        >>> HopfieldNetwork(2, symmetric=True).parameter_arrangement().ambient_dimension
        5
        """
        return _parameter_arrangement(self._spec())


def __getattr__(name: str):
    # check_proposition and PropositionCheck live in networks/propositions.py, which imports this module
    if name in ("PropositionCheck", "check_proposition"):
        from . import propositions

        return getattr(propositions, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

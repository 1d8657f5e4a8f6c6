r"""Threshold networks HN_Θ(x) = H(Wx + θ) and the half-open cones Par_f of their parameters.

For ``Θ = (W, θ) ∈ Q^{m×n} × Q^m`` and the Heaviside function ``H(r) = 1`` iff
``r > 0``, the network computes a map ``{0,1}^n -> {0,1}^m``.  For a map f,

    Par_f = {Θ : HN_Θ = f}
          = ∏_i {(w_i, θ_i) : w_i·x + θ_i > 0 where f_i(x) = 1,  <= 0 where f_i(x) = 0},

a half-open polyhedral cone (parameter-spaces note, Proposition 1) and a product of one cone
per output row.  **Coordinates** of the parameter space Q^{m(n+1)} are taken
per output row: ``(w_11, ..., w_1n, θ_1, w_21, ..., w_2n, θ_2, ...)``, so block
i is a copy of the coordinates ``(w, b)`` of :func:`exactgeom.library.threshold`.

The non-empty Par_f of a single output row are exactly the chambers of the
threshold arrangement T_n (the hyperplanes ``w·x + b = 0``, x ∈ {0,1}^n), so
there are g(n) = 2, 4, 14, 104, 1882, 94572 threshold functions (OEIS A000609)
and g(n)^m realizable maps with m outputs.

Examples
--------
>>> from exactgeom.networks import ThresholdNetwork
>>> net = ThresholdNetwork(n_inputs=2, n_outputs=1)
>>> r = net.realize({(0, 0): 0, (0, 1): 0, (1, 0): 0, (1, 1): 1})   # AND
>>> bool(r), r.verify()
(True, True)
>>> xor = net.realize(lambda x: x[0] ^ x[1])
>>> bool(xor), xor.asummability
(False, ((((0, 1), (1, 0)), ((0, 0), (1, 1))),))
>>> xor.verify()
True
>>> net.num_realizable()
14
"""

from __future__ import annotations

import copy
import itertools
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction

from .. import _exact
from ..arrangements.library import threshold
from ..arrangements.regions import regions
from ..certificates import envelope
from ._boolean import Table, boolean_points, truth_table
from ._semantics import (
    _cone_polyhedron,
    _equations,
    _explain_failure,
    _num_one_step_maps,
    _one_step,
    _realize_one_step,
    _table_json,
)

__all__ = [
    "ThresholdNetwork",
    "Realization",
    "NonRealizable",
    "threshold_functions",
    "is_threshold_function",
]


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Realization:
    """Exact parameters ``(W, θ)`` with which ``network`` computes ``function``.

    Truthy.  ``verify()`` evaluates the network on every input with exact
    arithmetic; ``certificate()`` is a "network-realization" certificate that
    :func:`exactgeom.certificates.verify` re-evaluates independently.

    Examples
    --------
    >>> from exactgeom.networks import ThresholdNetwork
    >>> r = ThresholdNetwork(1, 1).realize([1, 0])
    >>> r.weights, r.thresholds
    (((Fraction(-2, 1),),), (Fraction(1, 1),))
    >>> from exactgeom.certificates import verify
    >>> bool(verify(r.certificate()))
    True
    >>> print(ThresholdNetwork(2, 2).realize([(0, 0), (0, 1), (0, 1), (1, 1)]))
    realized by one step of ThresholdNetwork(n_inputs=2, n_outputs=2), output i = H(w_i·x + θ_i):
      [W | θ] = [2  2 | -3]
                [2  2 | -1]
    """

    network: object
    function: Table
    weights: tuple[tuple[Fraction, ...], ...]
    thresholds: tuple[Fraction, ...]

    def __bool__(self) -> bool:
        return True

    def __str__(self) -> str:
        """The parameters as the matrix [W | θ], one row per output, columns aligned."""
        rows = [[_exact.fraction_str(v) for v in (*w, t)] for w, t in zip(self.weights, self.thresholds)]
        widths = [max(len(row[j]) for row in rows) for j in range(len(rows[0]))]
        cells = ["  ".join(v.rjust(k) for v, k in zip(row[:-1], widths)) + f" | {row[-1].rjust(widths[-1])}"
                 for row in rows]
        label = "  [W | θ] = "
        lines = [label + f"[{cells[0]}]", *(" " * len(label) + f"[{c}]" for c in cells[1:])]
        return "\n".join([f"realized by one step of {self.network!r}, output i = H(w_i·x + θ_i):", *lines])

    @property
    def parameters(self) -> tuple[Fraction, ...]:
        """Θ in the network's coordinates (per output row: w_i then θ_i).

        Examples
        --------
        >>> ThresholdNetwork(1, 1).realize([0, 1]).parameters
        (Fraction(2, 1), Fraction(-1, 1))
        """
        return tuple(v for w, t in zip(self.weights, self.thresholds) for v in (*w, t))

    def verify(self) -> bool:
        """Whether the parameters obey the network's equations and compute the function (exact evaluation)."""
        theta = self.parameters
        if any(sum(a * b for a, b in zip(e, theta)) != 0 for e in _equations(self.network._spec())):
            return False
        return self.network.evaluate(self.weights, self.thresholds) == self.function

    def certificate(self) -> dict:
        """A "network-realization" certificate (JSON-able)."""
        return envelope(
            "network-realization",
            {"network": self.network._spec(), "function": _table_json(self.function)},
            {"weights": [[_exact.fraction_str(v) for v in w] for w in self.weights],
             "thresholds": [_exact.fraction_str(v) for v in self.thresholds]},
            {"producer": "exactgeom.networks"},
        )


@dataclass(frozen=True)
class NonRealizable:
    """Proof that no parameter realizes ``function``: one certificate per failing block of rows.

    Falsy.  ``failures`` holds triples ``(rows, certificate, asummability)``:
    the output rows whose cone is empty (a single row unless rows are coupled
    by ``symmetric=True``), a "network-nonrealizable" certificate (Motzkin
    multipliers, checked by :func:`exactgeom.certificates.verify` with rational
    arithmetic only), and for a free single row the asummability explanation
    ``(true inputs, false inputs)``: equally many true and false inputs (with
    repetition, as seen by the unit) with equal sums, so no ``(w, θ)`` can be
    positive on the first and non-positive on the second.  For iterated networks ``members`` holds,
    for every map h with h^k = f, the one-step proof that h is not realizable, and
    :meth:`certificate` is a "network-nonrealizable-iterated" certificate listing them, whose
    checker enumerates the maps h with h^k = f itself (n <= 3).

    Examples
    --------
    >>> from exactgeom.networks import ThresholdNetwork
    >>> nr = ThresholdNetwork(2, 1).realize([1, 0, 0, 1])      # XNOR
    >>> nr.rows, nr.verify()
    ((0,), True)
    >>> nr.certificate()["kind"]
    'network-nonrealizable'
    """

    network: object
    function: Table
    failures: tuple = ()
    members: tuple = field(default=())

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        table = " ".join("".join(map(str, y)) for y in self.function)
        if len(table) > 160:
            table = table[:150] + f" ... ({len(self.function)} inputs)"
        proof = (f"{len(self.members)} roots refused" if getattr(self.network, "iterations", 1) > 1
                 else f"rows={self.rows}")
        return f"NonRealizable({self.network!r}, function='{table}', {proof})"

    def explain(self) -> str:
        """The proof in words, derived from the certificates' Motzkin multipliers.

        One line per failing block of output rows: the rows with positive
        multipliers (scaled to integers), the linear identity they sum to, and
        why it contradicts the strict rows (where f is 1) and the closed rows
        (where f is 0).  For k >= 2 iterations, one such proof per map h with
        h^k = f.

        Examples
        --------
        >>> from exactgeom.networks import ThresholdNetwork
        >>> text = ThresholdNetwork(2, 1).realize([1, 0, 0, 1]).explain()    # XNOR
        >>> print(text[: text.index(", so")])
        f = 1 0 0 1 is not realized by one step of ThresholdNetwork(n_inputs=2, n_outputs=1):
          output 1: (0,0) + (1,1) = (0,1) + (1,0) (2 inputs on each side)
        """
        spec = self.network._spec()
        table = " ".join("".join(map(str, y)) for y in self.function)
        if getattr(self.network, "iterations", 1) > 1:
            k = self.network.iterations
            if not self.members:
                return f"f = {table}: no map h of {{0,1}}^{self.network.n} has h^{k} = f."
            lines = [f"f = {table}: each of the {len(self.members)} maps h with h^{k} = f fails in one step:"]
            one = dict(spec, iterations=1)
            for h, member in self.members:
                words = " ".join("".join(map(str, y)) for y in h)
                lines.append(f"  h = {words}:")
                lines += [f"    {_explain_failure(one, h, c, name='h')}" for c in member.certificates]
            return "\n".join(lines)
        lines = [f"f = {table} is not realized by one step of {self.network!r}:"]
        lines += [f"  {_explain_failure(spec, self.function, c)}" for c in self.certificates]
        return "\n".join(lines)

    @property
    def rows(self) -> tuple[int, ...]:
        """The output rows that cannot be realized."""
        return tuple(i for rows, _, _ in self.failures for i in rows)

    @property
    def certificates(self) -> tuple[dict, ...]:
        return tuple(c for _, c, _ in self.failures)

    @property
    def asummability(self) -> tuple:
        return tuple(a for _, _, a in self.failures if a is not None)

    def verify(self) -> bool:
        """Check every certificate with :func:`exactgeom.certificates.verify` (no PPL involved).

        Examples
        --------
        Two synchronous steps of one unit never compute NOT: for every map h of
        {0, 1}, h∘h is the identity (h a bijection) or constant, so NOT has no
        square roots at all:

        >>> from exactgeom.networks import HopfieldNetwork
        >>> nr = HopfieldNetwork(1, iterations=2).realize([(1,), (0,)])
        >>> bool(nr), nr.members, nr.verify()
        (False, (), True)
        """
        from ..certificates import verify

        if getattr(self.network, "iterations", 1) > 1:
            return verify(self.certificate()).ok
        return bool(self.failures) and all(verify(c).ok for c in self.certificates)

    def certificate(self) -> dict:
        """One certificate proving the refusal on its own (JSON-able).

        For one step, the first of :attr:`certificates` (a "network-nonrealizable" certificate:
        each of them proves the refusal).  For k >= 2 iterations, a
        "network-nonrealizable-iterated" certificate: every map h with h^k = f (the
        ``members``), each with the Motzkin multipliers proving that one step does not
        compute h.  Its checker enumerates the maps h with h^k = f by its own backtracking
        and rejects the certificate when one is missing; it does so for n <= 3 and refuses
        larger networks.

        Examples
        --------
        >>> from exactgeom.certificates import verify
        >>> from exactgeom.networks import HopfieldNetwork
        >>> nr = HopfieldNetwork(2, iterations=2).realize(((0, 1), (0, 0), (1, 1), (1, 0)))
        >>> cert = nr.certificate()
        >>> cert["kind"], len(cert["data"]["roots"]), verify(cert).status
        ('network-nonrealizable-iterated', 2, 'proved')
        """
        if getattr(self.network, "iterations", 1) > 1:
            roots = []
            for h, member in self.members:
                data = member.certificates[0]["data"]
                roots.append({"map": _table_json(h), "multipliers": list(data["multipliers"]),
                              "equation_multipliers": list(data["equation_multipliers"])})
            return envelope(
                "network-nonrealizable-iterated",
                {"network": self.network._spec(), "function": _table_json(self.function)},
                {"roots": roots},
                {"producer": "exactgeom.networks"},
            )
        return copy.deepcopy(self.certificates[0])


_MAX_MAPS = 2**16
"""Most maps that :meth:`ThresholdNetwork.non_realizable_functions` runs over."""


# --------------------------------------------------------------------------------------------
# Enumeration of threshold functions
# --------------------------------------------------------------------------------------------
def threshold_functions(n: int, *, progress: bool = False, executor=None) -> Iterator[tuple]:
    """All Boolean threshold functions of n variables, each with an integer realization.

    The functions are the chambers of the threshold arrangement T_n
    (:func:`exactgeom.library.threshold`), enumerated by
    :func:`exactgeom.arrangements.regions.regions`.  A chamber's exact witness
    is scaled by the lcm of its denominators: T_n is central, so a positive
    multiple stays in the chamber.

    The chambers stream at about 14,000 per second on one core: n = 5 (94,572) takes
    seconds, n = 6 (15,028,134) about 20 minutes, so pass ``progress=True`` there;
    n >= 7 (8,378,070,864 for n = 7) is refused.  The count alone is instant from
    χ(T_n): ``exactgeom.library.threshold(n).num_regions()``.

    Parameters
    ----------
    n : int
    progress : bool
        Show a progress bar counting chambers.
    executor : concurrent.futures.Executor, optional
        Passed to :func:`~exactgeom.arrangements.regions.regions`.

    Yields
    ------
    (bits, (w, b))
        ``bits`` the truth table (one 0/1 per point of {0,1}^n, lexicographic),
        ``w`` a tuple of ints and ``b`` an int with ``w·x + b != 0`` for every x
        and ``w·x + b > 0`` exactly where ``bits`` is 1.

    Examples
    --------
    >>> sum(1 for _ in threshold_functions(3))
    104
    >>> bits, (w, b) = next(threshold_functions(2))
    >>> all((sum(p * q for p, q in zip(w, x)) + b > 0) == bool(y)
    ...     for x, y in zip(((0, 0), (0, 1), (1, 0), (1, 1)), bits))
    True
    """
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise ValueError(f"n must be a non-negative int, not {n!r}")
    if n > 6:
        raise ValueError(f"threshold functions of {n} variables are too many to list (A000609: "
                         "15028134 for n = 6, 8378070864 for n = 7); use n <= 6")
    for region in regions(threshold(n), progress=progress, executor=executor):
        witness = _exact.clear_denominators(region.witness)
        yield tuple(1 if s > 0 else 0 for s in region.sign_vector), (witness[:n], witness[n])


def is_threshold_function(bits) -> bool:
    """Whether a single-output Boolean function (truth table) is a threshold function.

    Examples
    --------
    >>> is_threshold_function([0, 1, 1, 1]), is_threshold_function([0, 1, 1, 0])
    (True, False)
    """
    n = (len(bits) - 1).bit_length()
    return bool(ThresholdNetwork(n, 1).realize(list(bits)))


# --------------------------------------------------------------------------------------------
# The network
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ThresholdNetwork:
    """One layer of threshold units: HN_Θ(x) = H(W x + θ) on {0,1}^n, with m outputs.

    Parameters
    ----------
    n_inputs : int
    n_outputs : int

    Examples
    --------
    >>> net = ThresholdNetwork(n_inputs=2, n_outputs=2)
    >>> net.evaluate([[1, 1], [1, 1]], [-1, 0])
    ((0, 0), (0, 1), (0, 1), (1, 1))
    >>> net.num_realizable()
    196
    """

    n_inputs: int
    n_outputs: int = 1

    def __post_init__(self):
        for name in ("n_inputs", "n_outputs"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{name} must be a positive int, not {value!r}")
        if self.n_inputs > 8:
            raise ValueError(
                f"n_inputs = {self.n_inputs} gives 2^{self.n_inputs} constraints per row; use n_inputs <= 8"
            )
        if self.n_outputs > 64:
            raise ValueError(f"n_outputs = {self.n_outputs}: at most 64 outputs (the bound of the "
                             "certificate checker, check_networks.MAX_OUTPUTS)")

    # -- semantics -------------------------------------------------------------------------------
    def _spec(self) -> dict:
        return {"n_inputs": self.n_inputs, "n_outputs": self.n_outputs, "update": "synchronous",
                "iterations": 1, "symmetric": False, "zero_diagonal": False, "thresholds": True}

    @property
    def num_parameters(self) -> int:
        """Number m(n+1) of parameters (the ambient dimension of the parameter space)."""
        return self.n_outputs * (self.n_inputs + 1)

    @property
    def dimension(self) -> int:
        """Deprecated alias of :attr:`num_parameters`."""
        warnings.warn("ThresholdNetwork.dimension is deprecated: use num_parameters", DeprecationWarning,
                      stacklevel=2)
        return self.num_parameters

    def _parameters(self, weights, thresholds):
        W = _exact.exact_matrix(weights, name="weights", ncols=self.n_inputs)
        if len(W) != self.n_outputs:
            raise ValueError(f"weights has {len(W)} rows; the network has {self.n_outputs} outputs")
        t = _exact.exact_vector(thresholds, name="thresholds", length=self.n_outputs)
        return W, t

    def evaluate(self, weights, thresholds) -> Table:
        """The truth table of HN_Θ for Θ = (weights, thresholds), computed exactly.

        Examples
        --------
        >>> ThresholdNetwork(2, 1).evaluate([[1, 1]], ["-3/2"])
        ((0,), (0,), (0,), (1,))
        """
        W, t = self._parameters(weights, thresholds)
        return tuple(_one_step(self._spec(), W, t, x) for x in boolean_points(self.n_inputs))

    def truth_table(self, function) -> Table:
        """``function`` (dict, callable or truth table) as a truth table; see :mod:`._boolean`.

        Examples
        --------
        >>> ThresholdNetwork(1, 2).truth_table({(0,): (0, 1), (1,): (1, 1)})
        ((0, 1), (1, 1))
        """
        return truth_table(function, self.n_inputs, self.n_outputs)

    # -- parameter cones -------------------------------------------------------------------------
    def parameter_cone(self, function):
        """Par_f as a half-open :class:`~exactgeom.polyhedra.Polyhedron` in Q^{m(n+1)}.

        One row per (output i, input x), in that order (x lexicographic):
        ``w_i·x + θ_i > 0`` if f_i(x) = 1 and ``w_i·x + θ_i <= 0`` otherwise;
        coordinates as in the module docstring.

        Examples
        --------
        >>> P = ThresholdNetwork(2, 1).parameter_cone([0, 0, 0, 1])
        >>> P.contains([1, 1, -1]), P.contains([1, 1, 0])
        (True, False)
        """
        return _cone_polyhedron(self._spec(), self.truth_table(function))

    def realize(self, function):
        """A :class:`Realization` of ``function`` or a :class:`NonRealizable` proof.

        Each output row is an exact linear program (pplpy); an infeasible row
        yields Motzkin multipliers, packed as a "network-nonrealizable"
        certificate, and the asummability explanation.

        Examples
        --------
        >>> f = {(0, 0): (1, 0), (0, 1): (1, 1), (1, 0): (0, 1), (1, 1): (0, 0)}
        >>> r = ThresholdNetwork(2, 2).realize(f)
        >>> bool(r), r.rows
        (False, (1,))
        """
        table = self.truth_table(function)
        parameters, failures = _realize_one_step(self._spec(), table)
        return NonRealizable(self, table, failures) if failures else Realization(self, table, *parameters)

    # -- enumeration ------------------------------------------------------------------------------
    def realizable_functions(self, *, progress: bool = False, executor=None):
        """Generator of (truth table, Realization) over all realizable maps.

        The maps are the products of m threshold functions
        (:func:`threshold_functions`); the witness of each row is an interior
        point of its chamber of T_n.

        Examples
        --------
        >>> f, r = next(ThresholdNetwork(1, 2).realizable_functions())
        >>> r.verify()
        True
        """
        n, m = self.n_inputs, self.n_outputs
        rows = list(threshold_functions(n, progress=progress, executor=executor))
        for combination in itertools.product(rows, repeat=m):
            table = tuple(zip(*(bits for bits, _ in combination)))
            weights = tuple(tuple(Fraction(v) for v in w) for _, (w, _) in combination)
            thresholds = tuple(Fraction(b) for _, (_, b) in combination)
            yield table, Realization(self, table, weights, thresholds)

    def num_realizable(self) -> int:
        """Number of realizable maps, g(n)^m with g(n) the number of chambers of T_n (by χ, no enumeration).

        The chambers of T_n are in bijection with the threshold functions: the
        rows (x, 1) are 0/1 vectors, none zero, so every non-empty Par_f meets a
        chamber with the same map and distinct chambers compute distinct maps
        (the proof is in :mod:`exactgeom.networks._semantics`); the m output
        rows have independent cones, so the count is a product.  The chambers
        are counted by Zaslavsky's theorem, (-1)^{n+1} χ_{T_n}(-1).

        Examples
        --------
        >>> ThresholdNetwork(3, 1).num_realizable(), ThresholdNetwork(2, 2).num_realizable()
        (104, 196)
        >>> ThresholdNetwork(5, 1).num_realizable()
        94572
        """
        return _num_one_step_maps(self._spec())

    def count_realizable(self, *, progress: bool = False, executor=None) -> int:
        """Deprecated alias of :meth:`num_realizable` (``progress`` and ``executor`` are ignored)."""
        warnings.warn("count_realizable is deprecated: use num_realizable", DeprecationWarning, stacklevel=2)
        return self.num_realizable()

    def non_realizable_functions(self, *, progress: bool = False, executor=None) -> Iterator[tuple]:
        """Generator of (truth table, NonRealizable) over the maps no parameter realizes.

        The maps run over all 2^(m 2^n) truth tables in lexicographic order; a
        map is refused exactly when one of its output rows is not a threshold
        function (the rows have independent cones), and each refusal carries its
        certificates.  Refused with :class:`~exactgeom.errors.TooLarge` beyond
        2^16 maps.

        Parameters
        ----------
        progress : bool
            Show the bar of :func:`threshold_functions`, counting the chambers of T_n.
        executor : concurrent.futures.Executor, optional
            Passed to :func:`threshold_functions`.

        Examples
        --------
        >>> maps = list(ThresholdNetwork(2, 2).non_realizable_functions())
        >>> len(maps), all(r.verify() for _, r in maps)
        (60, True)
        """
        from ..errors import TooLarge

        n, m = self.n_inputs, self.n_outputs
        total = 2 ** (m * 2**n)
        if total > _MAX_MAPS:
            raise TooLarge(f"{self!r} has {total} maps {{0,1}}^{n} -> {{0,1}}^{m}; listing the "
                           f"non-realizable ones stops at {_MAX_MAPS} maps (n = 2, m <= 4; n = 3, m <= 2)",
                           estimate=total, limit=_MAX_MAPS, unit="maps")
        rows = {bits for bits, _ in threshold_functions(n, progress=progress, executor=executor)}
        outputs = list(itertools.product((0, 1), repeat=m))
        for table in itertools.product(outputs, repeat=2**n):
            if not all(tuple(y[i] for y in table) in rows for i in range(m)):
                yield table, NonRealizable(self, table, _realize_one_step(self._spec(), table)[1])

    def parameter_arrangement(self):
        """The product arrangement in Q^{m(n+1)} whose chambers are the realizable maps.

        Hyperplane (i, x) is ``{w_i·x + θ_i = 0}`` (the pull-back of T_n along
        the projection to block i), ordered by output then by x.  For m = 1 it
        is :func:`exactgeom.library.threshold`.  Its chambers are the products of
        chambers of T_n, hence g(n)^m of them.

        Examples
        --------
        >>> ThresholdNetwork(2, 1).parameter_arrangement().num_regions()
        14
        """
        from ..arrangements import Arrangement

        n, m = self.n_inputs, self.n_outputs
        size = self.num_parameters
        normals = []
        for i in range(m):
            for x in boolean_points(n):
                row = [0] * size
                row[i * (n + 1) : (i + 1) * (n + 1)] = [*x, 1]
                normals.append(row)
        return Arrangement(normals)

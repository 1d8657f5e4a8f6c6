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
>>> net.count_realizable()
14
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction

from .. import _exact
from ..arrangements.library import threshold
from ..arrangements.regions import regions
from ..certificates import envelope
from ..polyhedra.lp import motzkin_multipliers, point_of
from ._boolean import Table, boolean_points, truth_table

__all__ = [
    "ThresholdNetwork",
    "Realization",
    "NonRealizable",
    "threshold_functions",
    "is_threshold_function",
]


# --------------------------------------------------------------------------------------------
# One-step semantics shared with the Hopfield networks
# --------------------------------------------------------------------------------------------
def _heaviside(r: Fraction) -> int:
    return 1 if r > 0 else 0


def _one_step(spec: dict, weights, thresholds, x) -> tuple[int, ...]:
    """One synchronous step or one sequential sweep of the network described by ``spec``."""
    n = spec["n_inputs"]
    state = list(x)
    out = []
    for i, (w, t) in enumerate(zip(weights, thresholds)):
        seen = state if spec["update"] == "sequential" else x
        y = _heaviside(sum(a * b for a, b in zip(w, seen)) + t)
        out.append(y)
        if spec["update"] == "sequential" and i < n:
            state[i] = y
    return tuple(out)


def _seen_input(spec: dict, table: Table, k: int, i: int) -> tuple[int, ...]:
    """The input that unit i sees at the k-th point when the network computes ``table``."""
    x = boolean_points(spec["n_inputs"])[k]
    if spec["update"] == "sequential":
        return tuple(table[k][:i]) + tuple(x[i:])
    return x


def _equations(spec: dict) -> list[tuple[int, ...]]:
    """Linear equations on Θ (canonical order: symmetry pairs, diagonal, thresholds)."""
    n, m = spec["n_inputs"], spec["n_outputs"]
    size = m * (n + 1)

    def unit(*pairs):
        v = [0] * size
        for position, value in pairs:
            v[position] = value
        return tuple(v)

    eqs = []
    if spec.get("symmetric"):
        eqs += [unit((i * (n + 1) + j, 1), (j * (n + 1) + i, -1)) for i in range(n) for j in range(i + 1, n)]
    if spec.get("zero_diagonal"):
        eqs += [unit((i * (n + 1) + i, 1)) for i in range(n)]
    if not spec.get("thresholds", True):
        eqs += [unit((i * (n + 1) + n, 1)) for i in range(m)]
    return eqs


def _constraint_rows(spec: dict, table: Table):
    """Rows (i, k, form, strict) of Par_f: ``form . Θ > 0`` if strict, ``>= 0`` otherwise."""
    n, m = spec["n_inputs"], spec["n_outputs"]
    size = m * (n + 1)
    rows = []
    for i in range(m):
        for k in range(2**n):
            z = _seen_input(spec, table, k, i)
            sign = 1 if table[k][i] else -1
            form = [0] * size
            form[i * (n + 1) : (i + 1) * (n + 1)] = [sign * v for v in (*z, 1)]
            rows.append((i, k, tuple(form), table[k][i] == 1))
    return rows


def _cone_rows(forms, strict, equations) -> list[tuple]:
    """``(row, kind, rhs)`` triples of :mod:`exactgeom.polyhedra.lp` for a cone of :func:`_constraint_rows`.

    ``form . Θ > 0`` (strict) or ``>= 0`` per form, then ``e . Θ == 0`` per equation.
    """
    zero = Fraction(0)
    rows = [(form, ">" if s else ">=", zero) for form, s in zip(forms, strict)]
    return rows + [(e, "==", zero) for e in equations]


def _cone_polyhedron(spec: dict, table: Table):
    """Par_f of one step as a half-open Polyhedron: the rows of :func:`_constraint_rows` and the equations."""
    from ..polyhedra import Polyhedron

    rows = _constraint_rows(spec, table)
    eqs = _equations(spec)
    A = [list(form) for _, _, form, _ in rows] + [list(e) for e in eqs]
    kinds = [">" if strict else ">=" for *_, strict in rows] + ["=="] * len(eqs)
    return Polyhedron.from_constraints(A, [0] * len(A), kinds)


def _solve_cone(dimension: int, forms, strict, equations):
    """``("witness", Θ)`` for a point of the cone, else ``("multipliers", (λ, μ))`` proving it empty.

    The witness is first sought strictly inside every row (all rows made
    strict), so it avoids the closed rows' boundaries whenever the cone has
    interior in its equation subspace; otherwise any point of the cone.  The
    multipliers satisfy ``λ >= 0``, ``Σ λ_r form_r + Σ μ_e e = 0`` and
    ``λ_r > 0`` on some strict row (Motzkin; both by the exact LPs of
    :mod:`exactgeom.polyhedra.lp`).

    Examples
    --------
    >>> _solve_cone(2, [(1, 1), (-1, 0), (0, -1)], [True, False, False], [])
    ('multipliers', ((Fraction(1, 1), Fraction(1, 1), Fraction(1, 1)), ()))
    >>> _solve_cone(2, [(1, 0)], [True], [(0, 1)])
    ('witness', (Fraction(1, 1), Fraction(0, 1)))
    """
    if not all(strict):
        point = point_of(dimension, _cone_rows(forms, [True] * len(forms), equations))
        if point is not None:
            return "witness", point
    rows = _cone_rows(forms, strict, equations)
    point = point_of(dimension, rows)
    if point is not None:
        return "witness", point
    y = motzkin_multipliers(dimension, rows)
    if y is None:
        raise RuntimeError("the exact LPs found neither a point of the cone nor Motzkin multipliers")
    # Row r was normalised to -form_r . Θ < 0 (or <= 0): y_r is λ_r; equations keep their sign, so μ = -y.
    k = len(forms)
    return "multipliers", (tuple(y[:k]), tuple(-v for v in y[k:]))


def _coupled_blocks(spec: dict) -> list[list[int]]:
    """Groups of output rows whose cones are coupled by the equations."""
    m = spec["n_outputs"]
    return [list(range(m))] if spec.get("symmetric") and m > 1 else [[i] for i in range(m)]


def _table_json(table: Table) -> list[list[int]]:
    return [list(y) for y in table]


def _asummability(spec: dict, table: Table, row: int, multipliers) -> tuple | None:
    """k true and k false inputs of one row with equal sums, from integer-scaled multipliers.

    The inputs are those the unit sees (x itself for synchronous updates; for
    a sequential sweep, x with the already-updated units substituted).  A
    single pair (k = 1) is one input the unit must map to both 1 and 0.
    """
    if spec.get("zero_diagonal") or not spec.get("thresholds", True) or spec.get("symmetric"):
        return None
    n = spec["n_inputs"]
    true = [k for k in range(2**n) if table[k][row]]
    false = [k for k in range(2**n) if not table[k][row]]
    seen = [_seen_input(spec, table, k, row) for k in range(2**n)]
    clash = {seen[k] for k in true} & {seen[k] for k in false}
    if clash:
        z = min(clash)
        return (z,), (z,)
    sums = {}
    for a, b in itertools.combinations_with_replacement(true, 2):
        sums.setdefault(tuple(p + q for p, q in zip(seen[a], seen[b])), (a, b))
    for a, b in itertools.combinations_with_replacement(false, 2):
        s = tuple(p + q for p, q in zip(seen[a], seen[b]))
        if s in sums:
            c, d = sums[s]
            return (seen[c], seen[d]), (seen[a], seen[b])
    scale = _exact.clear_denominators(multipliers)
    true_multiset = tuple(seen[k] for k in true for _ in range(scale[k]))
    false_multiset = tuple(seen[k] for k in false for _ in range(scale[k]))
    return true_multiset, false_multiset


def _realize_one_step(network, table: Table):
    spec = network._spec()
    n, m = spec["n_inputs"], spec["n_outputs"]
    size = m * (n + 1)
    rows = _constraint_rows(spec, table)
    equations = _equations(spec)
    theta = [Fraction(0)] * size
    failures = []
    for block in _coupled_blocks(spec):
        coords = [c for i in block for c in range(i * (n + 1), (i + 1) * (n + 1))]
        block_rows = [r for r in rows if r[0] in block]
        block_eqs = [e for e in equations if any(e[c] for c in coords)]
        forms = [[r[2][c] for c in coords] for r in block_rows]
        kind, result = _solve_cone(len(coords), forms, [r[3] for r in block_rows],
                                   [[e[c] for c in coords] for e in block_eqs])
        if kind == "witness":
            for c, v in zip(coords, result):
                theta[c] = v
            continue
        lam, mu = result
        strict = [Fraction(0)] * len(rows)
        for r, value in zip(block_rows, lam):
            strict[r[0] * 2**n + r[1]] = value
        eq_mult = [Fraction(0)] * len(equations)
        for e, value in zip(block_eqs, mu):
            eq_mult[equations.index(e)] = value
        certificate = envelope(
            "network-nonrealizable",
            {"network": spec, "function": _table_json(table)},
            {"multipliers": [_exact.fraction_str(v) for v in strict],
             "equation_multipliers": [_exact.fraction_str(v) for v in eq_mult]},
            {"producer": "exactgeom.networks", "rows": block},
        )
        asum = _asummability(spec, table, block[0], lam) if len(block) == 1 else None
        failures.append((tuple(block), certificate, asum))
    if failures:
        return NonRealizable(network, table, tuple(failures))
    weights = tuple(tuple(theta[i * (n + 1) : i * (n + 1) + n]) for i in range(m))
    thresholds = tuple(theta[i * (n + 1) + n] for i in range(m))
    return Realization(network, table, weights, thresholds)


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
    """

    network: object
    function: Table
    weights: tuple[tuple[Fraction, ...], ...]
    thresholds: tuple[Fraction, ...]

    def __bool__(self) -> bool:
        return True

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
    >>> net.count_realizable()
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
    def dimension(self) -> int:
        """Dimension m(n+1) of the parameter space."""
        return self.n_outputs * (self.n_inputs + 1)

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
        return _realize_one_step(self, self.truth_table(function))

    # -- enumeration ------------------------------------------------------------------------------
    def realizable_functions(self, progress: bool = False, executor=None):
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

    def count_realizable(self, progress: bool = False, executor=None) -> int:
        """Number of realizable maps: g(n)^m with g(n) the number of chambers of T_n.

        Examples
        --------
        >>> ThresholdNetwork(3, 1).count_realizable()
        104
        """
        g = sum(1 for _ in threshold_functions(self.n_inputs, progress=progress, executor=executor))
        return g**self.n_outputs

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
        size = self.dimension
        normals = []
        for i in range(m):
            for x in boolean_points(n):
                row = [0] * size
                row[i * (n + 1) : (i + 1) * (n + 1)] = [*x, 1]
                normals.append(row)
        return Arrangement(normals)

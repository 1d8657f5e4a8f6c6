"""Cross-checks of what float tools claim (a dimension, a number of conservation laws, activation patterns).

Each check returns a frozen result whose ``verdict`` is ``"confirmed"``, ``"refuted"`` or
``"inconclusive"``; see :mod:`exactgeom.numeric`.

Each check counts the exact work it would do from the sizes of its input before it starts and
refuses with :class:`exactgeom.errors.TooLarge` (carrying the estimate, the limit and the unit)
above a stated budget: :data:`MAX_DIMENSION_OPERATIONS`, :data:`MAX_CONSERVATION_OPERATIONS`
and :data:`MAX_REGIONS`, each also a keyword argument (``None`` lifts it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from math import comb, prod

from .. import _exact
from ..errors import TooLarge
from .convert import _scalar, exact

MAX_DIMENSION_OPERATIONS = 10**9
"""Budget of :func:`check_dimension`, in exact operations on Jacobian entries (a few minutes)."""
MAX_CONSERVATION_OPERATIONS = 10**12
"""Budget of :func:`check_conservation_laws`, in rational operations of the law search (minutes)."""
MAX_REGIONS = 100_000
"""Budget of :func:`check_activation_patterns`: the most activation regions the network may have."""

__all__ = [
    "check_dimension",
    "DimensionCheck",
    "check_conservation_laws",
    "ConservationCheck",
    "check_activation_patterns",
    "PatternCheck",
    "dimension_operations",
    "conservation_operations",
    "region_bound",
    "MAX_DIMENSION_OPERATIONS",
    "MAX_CONSERVATION_OPERATIONS",
    "MAX_REGIONS",
]


def _check_limit(limit, name: str) -> None:
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ValueError(f"{name} must be a non-negative int or None; got {limit!r}")


def _refuse_above(estimate: int, limit, unit: str, what: str, name: str, how: str = "") -> None:
    """Raise TooLarge when the counted ``estimate`` exceeds ``limit`` (None: no limit)."""
    if limit is not None and estimate > limit:
        raise TooLarge(
            f"{what} about {estimate:.3g} {unit}{how}, more than {name}={limit}; use a smaller input, or "
            f"pass a larger {name} (or {name}=None) to run anyway",
            estimate=estimate, limit=limit, unit=unit,
        )


def dimension_operations(model, *, trials: int = 2, at_point: bool = False) -> int:
    """The exact work of :func:`check_dimension`, counted from the sizes of ``model``.

    P · P N for checking that the declared symmetry fields are tangent to the fibres (one
    product of polynomials per field and Jacobian entry; the fields are counted as P, the most
    their rank can be, without building them) plus P N min(P, N) for each exact Jacobian rank
    (``trials`` random points, and the given point when ``at_point``), with P parameters and N
    coordinates.

    Examples
    --------
    >>> from exactgeom.neuro import LinearNetwork
    >>> model = LinearNetwork((3, 2, 3))      # P = 12 parameters, N = 9 coordinates
    >>> dimension_operations(model) == 12 * 12 * 9 + 2 * 12 * 9 * 9
    True
    """
    P, N = len(model.params), model.ambient_dimension()
    ranks = max(1, trials) + int(at_point)
    return P * P * N + ranks * P * N * min(P, N)


def conservation_operations(model, degree: int = 2, laws: tuple = ()) -> int:
    """The exact work of :func:`check_conservation_laws`, counted from the sizes of ``model``.

    The law search solves a linear system with U = C(p + D, D) − 1 unknowns (the monomials of
    h of degree 1..D in p parameters) and at most R = K · C(p + D + e − 2, p) equations (a
    coefficient of each ⟨∇h, ∇φ_k⟩, of degree ≤ D + e − 2 for features of degree ≤ e); dense
    elimination costs R U min(R, U).  Each claimed law h adds Σ_k Σ_i terms(∂_i h) terms(∂_i φ_k)
    products of terms.

    Examples
    --------
    >>> from exactgeom.dynamics import linear_network
    >>> model = linear_network((1, 1, 1))     # p = 2, K = 1 feature U V of degree 2
    >>> U, R = comb(2 + 2, 2) - 1, 1 * comb(2 + 2, 2)
    >>> conservation_operations(model) == R * U * min(R, U)
    True
    """
    if isinstance(degree, bool) or not isinstance(degree, int) or degree < 1:
        raise ValueError(f"degree must be a positive int; got {degree!r}")
    p, K = model.num_parameters, len(model.polynomials)
    e = max((f.total_degree() for f in model.polynomials), default=1)
    unknowns = comb(p + degree, degree) - 1
    rows = K * comb(p + max(degree + e - 2, 0), p)
    total = rows * unknowns * min(rows, unknowns)
    feature_grads = [[len(g) for g in model.gradient(f)] for f in model.polynomials]
    for i, h in enumerate(laws):
        grad = [len(g) for g in model.gradient(model.from_sympy(h, f"claimed[{i}]"))]
        total += sum(a * b for row in feature_grads for a, b in zip(grad, row))
    return total


def region_bound(network) -> int:
    """Montúfar's upper bound on the number of activation regions of a ReLU network.

    Π_l Σ_{j ≤ d_l} C(n_l, j) over the hidden layers of widths n_l, with d_l = min(n_0, …, n_{l−1})
    (n_0 inputs): on each region of the first l − 1 layers the pre-activations of layer l are
    affine with an image of dimension ≤ d_l, which n_l hyperplanes cut into at most
    Σ_{j ≤ d_l} C(n_l, j) pieces.  Attained by one hidden layer in general position.

    Examples
    --------
    >>> from exactgeom.networks import ReLUNetwork
    >>> net = ReLUNetwork([[[1, 0], [0, 1], [1, 1]], [[1, 1, 1]]], [[0, 0, -1], [0]])
    >>> region_bound(net), net.num_linear_regions()
    (7, 7)

    References
    ----------
    G. Montúfar, Notes on the number of linear regions of deep neural networks, SampTA (2017).
    """
    widths = network.widths
    hidden = widths[1:-1]
    return prod(sum(comb(n, j) for j in range(min(widths[:l + 1]) + 1)) for l, n in enumerate(hidden))


def _claimed_count(claimed, name: str = "claimed") -> int:
    value = _scalar(claimed, name)
    if value.denominator != 1 or value < 0:
        raise ValueError(
            f"{name} is {claimed!r}; a dimension or a count is a non-negative whole number "
            "(round the float estimate first)"
        )
    return int(value)


@dataclass(frozen=True)
class DimensionCheck:
    """A claimed neuromanifold dimension compared with the exact one (see :func:`check_dimension`).

    Attributes
    ----------
    verdict : {"confirmed", "refuted", "inconclusive"}
    claimed : int
    lower_bound : int
        Proved lower bound on the dimension.
    upper_bound : int
        Proved upper bound on the dimension.
    rank_at_point : int or None
        The exact Jacobian rank at the point the claim was computed at, when given.
    point : tuple of Fraction or None
        That point, imported exactly.
    dimension : DimensionResult
        The exact computation compared with.
    reason : str
    """

    verdict: str
    claimed: int
    lower_bound: int
    upper_bound: int
    rank_at_point: int | None
    point: tuple | None
    dimension: object
    reason: str


def check_dimension(model, claimed, *, point=None, seed: int = 0, equations=None, trials: int = 2,
                    max_operations: int | None = MAX_DIMENSION_OPERATIONS):
    """Cross-check a claimed dimension (e.g. a float Jacobian rank) against the exact proved bounds.

    The exact rank of the Jacobian at any point is a lower bound for the
    dimension, and :func:`exactgeom.neuro.dimension` proves an upper bound
    (parameters, symmetries, implicit equations).  A claim below the lower
    bound or above the upper bound is refuted; a claim equal to both is
    confirmed; otherwise it is inconclusive.

    Parameters
    ----------
    model : exactgeom.neuro.Parametrization
    claimed : int or integral float
        The reported dimension.
    point : sequence of numbers, optional
        The parameter point the claim was computed at (floats are imported with
        :func:`exact`); the exact rank there tells a special point (the rank
        really drops) from a wrong float rank.
    seed, equations, trials
        Passed to :func:`exactgeom.neuro.dimension`.
    max_operations : int or None
        Budget of exact operations (:func:`dimension_operations`); default
        :data:`MAX_DIMENSION_OPERATIONS`, ``None`` for no limit.

    Returns
    -------
    DimensionCheck

    Raises
    ------
    exactgeom.errors.TooLarge
        When the counted work exceeds ``max_operations``, before any of it is done.

    Examples
    --------
    A linear network 2 → 1 → 2 has a 3-dimensional neuromanifold; a float rank
    taken where the output weights are zero sees only 2:

    >>> from exactgeom.neuro import LinearNetwork
    >>> check = check_dimension(LinearNetwork((2, 1, 2)), 2, point=[0.3, -1.2, 0.0, 0.0])
    >>> check.verdict, check.lower_bound, check.upper_bound, check.rank_at_point
    ('refuted', 3, 3, 2)
    >>> check_dimension(LinearNetwork((2, 1, 2)), 3.0).verdict
    'confirmed'
    >>> check_dimension(LinearNetwork((40, 40, 40)), 1600)
    Traceback (most recent call last):
        ...
    exactgeom.errors.TooLarge: the exact Jacobian ranks and symmetry checks of LinearNetwork(40, 40, 40) need
    about 3.28e+10 operations on Jacobian entries, more than max_operations=1000000000; ...

    Notes
    -----
    The cost is counted up front by :func:`dimension_operations`; a linear network
    15 → 15 → 15 (450 parameters, 225 coordinates) needs about 9·10⁷ operations
    (about ten seconds).
    """
    from ..neuro.dimension import dimension

    claim = _claimed_count(claimed)
    _check_limit(max_operations, "max_operations")
    work = dimension_operations(model, trials=trials, at_point=point is not None)
    _refuse_above(work, max_operations, "operations on Jacobian entries",
                  f"the exact Jacobian ranks and symmetry checks of {model.name} need", "max_operations")
    result = dimension(model, seed=seed, equations=equations, trials=trials)
    lower, upper = result.lower_bound, result.upper_bound
    rank_at, exact_point, note = None, None, ""
    if point is not None:
        exact_point = _exact.exact_vector(exact(point, name="point"), "point", length=len(model.params))
        rank_at = _exact.rank(model.jacobian(exact_point))
        if rank_at < lower:
            note = (
                f"; at the given point the exact Jacobian rank is {rank_at}, below the generic rank: "
                "the point is special"
            )
        if rank_at != claim:
            note += f"; the exact rank at the given point is {rank_at}, not {claim}: the float rank was wrong"
    if claim < lower:
        verdict = "refuted"
        reason = (
            f"the exact Jacobian rank at a rational point is {lower}, and the rank at any point is a "
            f"lower bound for the dimension, so the dimension is at least {lower} > {claim}"
        )
    elif claim > upper:
        verdict = "refuted"
        reason = f"the dimension is at most {upper} < {claim} ({result.method.split('upper bound: ')[-1]})"
    elif lower == upper:
        verdict = "confirmed"
        reason = f"the dimension is proved to be {lower} ({result.method})"
    else:
        verdict = "inconclusive"
        reason = f"the dimension is proved to lie in [{lower}, {upper}] ({result.method})"
    return DimensionCheck(verdict, claim, lower, upper, rank_at, exact_point, result, reason + note)


@dataclass(frozen=True)
class ConservationCheck:
    """A claimed number of conservation laws (and claimed laws) compared with the exact count.

    Attributes
    ----------
    verdict : {"confirmed", "refuted", "inconclusive"}
    claimed : int
        The claimed number of independent laws (the number of laws given, if laws were given).
    lower_bound : int
        Proved lower bound on the number of independent conservation laws.
    upper_bound : int
        Proved upper bound on the number of independent conservation laws.
    laws : tuple of sympy expressions
        The laws given with the claim (empty for a bare count).
    conserved : tuple of bool
        For each given law, whether it is exactly conserved.
    independent : int or None
        Rank of the given laws' gradients at the sample points (max): at least
        that many of them are functionally independent.
    result : ConservationLaws
        The exact computation compared with.
    reason : str
    """

    verdict: str
    claimed: int
    lower_bound: int
    upper_bound: int
    laws: tuple
    conserved: tuple
    independent: int | None
    result: object
    reason: str


def check_conservation_laws(model, claimed, *, degree: int = 2, seed: int = 0, points: int = 3,
                            max_operations: int | None = MAX_CONSERVATION_OPERATIONS):
    """Cross-check a claimed number of conservation laws, or claimed laws, against the exact count.

    Parameters
    ----------
    model : exactgeom.dynamics.PolynomialModel
    claimed : int, integral float, or sequence of sympy expressions
        A count of independent laws, or the laws themselves (polynomials in
        ``model.parameters``; the claim is then that these are conserved and
        that there are that many independent laws).
    degree, seed, points
        Passed to :func:`exactgeom.dynamics.conservation_laws`.
    max_operations : int or None
        Budget of rational operations (:func:`conservation_operations`); default
        :data:`MAX_CONSERVATION_OPERATIONS`, ``None`` for no limit.

    Returns
    -------
    ConservationCheck
        ``refuted`` when a given law is not conserved (exact check of
        ⟨∇h, ∇φ_k⟩ ≡ 0) or the count is outside the proved bounds;
        ``confirmed`` when the count is proved equal (and the given laws are
        conserved with gradients of full rank at a point, hence independent).

    Raises
    ------
    exactgeom.errors.TooLarge
        When the counted work exceeds ``max_operations``, before any of it is
        done (and the memory refusals of :func:`exactgeom.dynamics.conservation_laws`).

    Examples
    --------
    The linear network x ↦ U Vᵀ x with n = m = r = 2 has exactly 3 laws (the
    entries of UᵀU − VᵀV); a float rank taken at a special point may report more:

    >>> from exactgeom.dynamics import linear_network
    >>> model = linear_network((2, 2, 2))
    >>> check = check_conservation_laws(model, 4.0, seed=1)
    >>> check.verdict, check.lower_bound, check.upper_bound
    ('refuted', 3, 3)
    >>> U11, U12, U21, U22, V11, V12, V21, V22 = model.parameters
    >>> laws = [U11**2 + U21**2 - V11**2 - V21**2, U11*U12 + U21*U22 - V11*V12 - V21*V22,
    ...         U12**2 + U22**2 - V12**2 - V22**2]
    >>> check_conservation_laws(model, laws, seed=1).verdict
    'confirmed'
    >>> check = check_conservation_laws(model, laws[:2] + [U11 * V11], seed=1)
    >>> check.verdict, check.conserved
    ('refuted', (True, True, False))
    >>> check_conservation_laws(linear_network((9, 9, 9)), 45)
    Traceback (most recent call last):
        ...
    exactgeom.errors.TooLarge: the law search of degree 2 for linear network with widths (9, 9, 9) needs
    about 1.93e+14 rational operations, more than max_operations=1000000000000; ...

    Notes
    -----
    The cost is counted up front by :func:`conservation_operations`; the linear
    network 5 → 5 → 5 (50 parameters) needs about 6·10¹⁰ (about twenty seconds).
    """
    from ..algebra.polynomial_map import rank_at
    from ..dynamics.laws import conservation_laws, is_conserved

    laws: tuple = ()
    if isinstance(claimed, (list, tuple)):
        for i, h in enumerate(claimed):
            if isinstance(h, (str, bytes)):
                raise TypeError(
                    f"claimed[{i}] is the string {h!r}; build laws as sympy expressions in model.parameters"
                )
        laws = tuple(claimed)
        claim = len(laws)
    else:
        claim = _claimed_count(claimed)
    _check_limit(max_operations, "max_operations")
    work = conservation_operations(model, degree, laws)
    _refuse_above(work, max_operations, "rational operations",
                  f"the law search of degree {degree} for {model.name} needs", "max_operations")
    result = conservation_laws(model, degree, seed=seed, points=points)
    lower, upper = result.lower_bound, result.upper_bound
    conserved = tuple(is_conserved(model, h) for h in laws)
    independent = None
    if laws:
        grads = [model.gradient(model.from_sympy(h, f"claimed[{i}]")) for i, h in enumerate(laws)]
        independent = max(rank_at(grads, point) for point in result.points)
        lower = max(lower, independent if all(conserved) else 0)
    if not all(conserved):
        bad = conserved.index(False)
        verdict = "refuted"
        reason = f"claimed[{bad}] = {laws[bad]} is not conserved: ⟨∇h, ∇φ_k⟩ is not identically zero"
    elif claim < lower:
        verdict = "refuted"
        reason = f"at least {lower} independent laws exist (gradients of rank {lower} at a rational point)"
    elif claim > upper:
        verdict = "refuted"
        reason = (
            f"at most {upper} independent laws exist: the Lie algebra generated by the feature "
            f"gradients has rank {model.num_parameters - upper} at a rational point"
        )
    elif lower == upper and (independent is None or independent == claim):
        verdict = "confirmed"
        reason = f"the number of independent laws is proved to be {lower}"
        if laws:
            reason += "; the given laws are conserved and their gradients have full rank at a point"
    elif lower == upper:
        verdict = "inconclusive"
        reason = (
            f"the count {lower} is right, but the given laws' gradients have rank {independent} < {claim} "
            "at the sample points, so their independence is not shown"
        )
    else:
        verdict = "inconclusive"
        reason = f"the number of independent laws is proved to lie in [{lower}, {upper}]"
    return ConservationCheck(verdict, claim, lower, upper, laws, conserved, independent, result, reason)


@dataclass(frozen=True)
class PatternCheck:
    """Sampled activation patterns of a ReLU network compared with its exact activation regions.

    Attributes
    ----------
    verdict : {"confirmed", "refuted"}
        ``confirmed`` when the sample is exactly the set of activation
        patterns of regions; ``refuted`` when it misses regions or contains
        patterns that are not regions.
    regions : tuple of (pattern, witness)
        The distinct sampled patterns that are activation regions, each with
        an exact interior point (``network.activation_pattern(witness) == pattern``).
    not_regions : tuple of pattern
        Distinct sampled patterns whose set of inputs has empty interior.
    missed : tuple of (pattern, witness)
        Activation regions no sampled pattern hit.
    num_regions : int
        The number of activation regions (exact enumeration).
    reason : str

    Notes
    -----
    Patterns are tuples with one 0/1 tuple per hidden layer, as in
    :meth:`exactgeom.networks.ReLUNetwork.activation_pattern`.
    """

    verdict: str
    regions: tuple
    not_regions: tuple
    missed: tuple
    num_regions: int
    reason: str

    @property
    def num_sampled(self) -> int:
        """Distinct sampled patterns."""
        return len(self.regions) + len(self.not_regions)

    @property
    def num_missed(self) -> int:
        """Activation regions missing from the sample."""
        return len(self.missed)


def _pattern(value, hidden: tuple[int, ...], where: str) -> tuple:
    entries = list(value)
    nested = bool(entries) and all(hasattr(e, "__len__") and not isinstance(e, (str, bytes)) for e in entries)
    if nested:
        layers = [list(e) for e in entries]
        if [len(layer) for layer in layers] != list(hidden):
            raise ValueError(
                f"{where} has layers of sizes {[len(layer) for layer in layers]}; the hidden layers have "
                f"widths {list(hidden)}"
            )
    else:
        if len(entries) != sum(hidden):
            raise ValueError(
                f"{where} has {len(entries)} entries; the network has {sum(hidden)} hidden neurons "
                f"(widths {list(hidden)})"
            )
        layers, start = [], 0
        for width in hidden:
            layers.append(entries[start : start + width])
            start += width
    out = []
    for l, layer in enumerate(layers):
        bits = []
        for j, bit in enumerate(layer):
            if isinstance(bit, (str, bytes)) or bit not in (0, 1):
                raise ValueError(f"{where}: neuron {j} of hidden layer {l} is {bit!r}; patterns are 0/1")
            bits.append(int(bit))
        out.append(tuple(bits))
    return tuple(out)


def check_activation_patterns(network, patterns: Iterable, *, domain=None, progress: bool = False,
                              max_regions: int | None = MAX_REGIONS):
    """Which sampled activation patterns are regions of a ReLU network, and which regions the sample missed.

    Samplers such as the Gaussian gates of convex reformulations (scnn draws
    g ~ N(0, I) and keeps the patterns 1[X g ≥ 0]) see only the regions they
    hit.  This enumerates every activation region exactly
    (:meth:`exactgeom.networks.ReLUNetwork.linear_regions`) and compares.

    Parameters
    ----------
    network : exactgeom.networks.ReLUNetwork
    patterns : iterable of patterns
        Each pattern either one 0/1 sequence per hidden layer or one flat 0/1
        sequence over all hidden neurons (layer by layer); a 2-D numpy array
        is read row by row (scnn's matrix of patterns has them as columns:
        pass its transpose).  Repetitions are ignored.
    domain : Polyhedron, optional
        Restrict to a full-dimensional polyhedron of inputs.
    progress : bool
        Progress bar over the enumeration.
    max_regions : int or None
        Refuse networks that may have more activation regions than this
        (:func:`region_bound`); default :data:`MAX_REGIONS`, ``None`` for no limit.

    Returns
    -------
    PatternCheck

    Raises
    ------
    exactgeom.errors.TooLarge
        When the bound on the number of regions exceeds ``max_regions``, before
        the enumeration starts.

    Examples
    --------
    |x| = relu(x) + relu(−x) has the two patterns (1, 0) and (0, 1); (1, 1) is
    impossible and a sample that only saw x > 0 misses x < 0:

    >>> from exactgeom.networks import ReLUNetwork
    >>> net = ReLUNetwork([[[1], [-1]], [[1, 1]]], [[0, 0], [0]])
    >>> check = check_activation_patterns(net, [(1, 0), (1, 0), (1, 1)])
    >>> check.verdict, check.regions, check.not_regions, check.missed
    ('refuted', ((((1, 0),), (Fraction(1, 1),)),), (((1, 1),),), ((((0, 1),), (Fraction(-1, 1),)),))
    >>> check_activation_patterns(net, [[[1, 0]], [[0, 1]]]).verdict
    'confirmed'
    >>> wide = ReLUNetwork([[[1, i, i * i] for i in range(100)], [[1] * 100]], [[1] * 100, [0]])
    >>> check_activation_patterns(wide, [], max_regions=1000)
    Traceback (most recent call last):
        ...
    exactgeom.errors.TooLarge: a ReLU network with widths (3, 100, 1) may have about 1.67e+05 activation
    regions (Montúfar's bound), more than max_regions=1000; use a smaller input, or pass a larger
    max_regions (or max_regions=None) to run anyway

    Notes
    -----
    One exact enumeration of all activation regions (one exact LP per split
    side not containing the current witness), then set comparisons.  The
    number of regions is bounded up front by Montúfar's bound
    (:func:`region_bound`), exact for one hidden layer in general position and
    pessimistic for deep networks (raise ``max_regions`` for those).
    """
    _check_limit(max_regions, "max_regions")
    bound = region_bound(network)
    _refuse_above(bound, max_regions, "activation regions",
                  f"a ReLU network with widths {tuple(network.widths)} may have",
                  "max_regions", " (Montúfar's bound)")
    hidden = tuple(network.widths[1:-1])
    sample: dict = {}
    for i, value in enumerate(patterns):
        sample.setdefault(_pattern(value, hidden, f"patterns[{i}]"), None)
    witnesses = {}
    for region in network.linear_regions(domain, progress=progress):
        witnesses[region.patterns[0]] = region.witness
    hit = tuple((p, witnesses[p]) for p in sample if p in witnesses)
    not_regions = tuple(p for p in sample if p not in witnesses)
    missed = tuple((p, w) for p, w in witnesses.items() if p not in sample)
    verdict = "confirmed" if not not_regions and not missed else "refuted"
    reason = (
        f"{len(witnesses)} activation regions by exact enumeration; the sample has {len(sample)} distinct "
        f"patterns, {len(hit)} of them regions, and misses {len(missed)} regions"
    )
    if not_regions:
        reason += f"; {len(not_regions)} sampled patterns have no region (empty interior)"
    return PatternCheck(verdict, hit, not_regions, missed, len(witnesses), reason)

"""The λ → 0 limit of the convex ℓ1 programs: min ‖z‖_1 subject to K z (+ t·1) = y, exactly over Q.

The primal is the linear program min Σ (z⁺_j + z⁻_j) over z⁺, z⁻ ≥ 0 (and a
free intercept t) with K (z⁺ − z⁻) + t·1 = y.  Its dual is

    max yᵀν  subject to  ‖Kᵀν‖_∞ ≤ 1  (and 1ᵀν = 0 when there is an intercept),

and weak duality ‖z‖_1 ≥ Σ_j z_j (Kᵀν)_j = νᵀ(y − t·1) = yᵀν shows that a
feasible pair with equal objectives is optimal.  The primal is solved by the
package's exact LP, :func:`exactgeom.polyhedra.lp.linear_program` (pplpy's
rational simplex), the sign constraints passed as variable bounds; the dual
is then found by adding violated columns to a restricted dual whose objective
is capped at the primal optimum.  The pair is returned as a
certificate of kind ``"l1-interpolation-optimality"`` that
:func:`exactgeom.certificates.verify` checks with rational arithmetic.  Its claim is the whole
problem — the data X, the labels y, every unit of the dictionary (so K is rebuilt by the
checker, entry by entry), the intercept flag and the value — and its evidence only z, t and ν.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from .._exact import exact_vector, fraction_str
from ..certificates import envelope
from ..certificates.check_convex import STATEMENT
from ..polyhedra.lp import LinearProgramResult, linear_program
from .dictionaries import (
    Dictionary,
    Neuron,
    ThreeLayerUnit,
    affine_dictionary,
    ramp_dictionary,
    three_layer_dictionary,
    wedge_dictionary,
)

__all__ = ["build_dictionary", "min_l1_interpolant", "L1Interpolant", "KINDS"]

KINDS = {
    "ramp": "Theorem 1: ramps (x − x_j)_+, (x_j − x)_+ in d = 1, with intercept",
    "wedge": "Theorems 2/4: no bias, spans of (d−1)-subsets of the augmented data",
    "affine": "Theorem 5 (p = 1): biased neurons through data points",
    "three_layer": "Theorem 12: three layers, bias-free first layer, with intercept",
    "three_layer_bias": "Theorem 13: three layers with biases, with intercept",
}


def build_dictionary(X, kind: str = "wedge", **options) -> Dictionary:
    """The dictionary of the given kind for data X (see ``KINDS``).

    Examples
    --------
    >>> build_dictionary([[0], [1]], kind="ramp").shape
    (2, 4)
    >>> build_dictionary([[0], [1]], kind="relu")
    Traceback (most recent call last):
        ...
    ValueError: unknown kind 'relu'; use one of 'ramp', 'wedge', 'affine', 'three_layer', 'three_layer_bias'
    """
    if kind == "ramp":
        return ramp_dictionary([row[0] if isinstance(row, (list, tuple)) else row for row in X], **options)
    if kind == "wedge":
        return wedge_dictionary(X, **options)
    if kind == "affine":
        return affine_dictionary(X, **options)
    if kind == "three_layer":
        return three_layer_dictionary(X, bias=False, **options)
    if kind == "three_layer_bias":
        return three_layer_dictionary(X, bias=True, **options)
    raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(repr(k) for k in KINDS)}")


@dataclass(frozen=True)
class L1Interpolant:
    """An exact minimum-ℓ1 interpolating network over a dictionary.

    Attributes
    ----------
    dictionary : Dictionary
    labels : tuple of Fraction
        y.
    coefficients : tuple of Fraction
        z, one per column.
    intercept : Fraction
        t (0 when the program has none).
    value : Fraction
        ‖z‖_1, the optimum.
    dual : tuple of Fraction
        ν with ‖Kᵀν‖_∞ ≤ 1 and yᵀν = value.
    certificate : dict
        Kind ``"l1-interpolation-optimality"``: claim X, y, the units, intercept and value;
        data z, t and ν.

    Examples
    --------
    The tent 0, 1, 0 at x = 0, 1, 2 is 1 − (x − 1)_+ − (1 − x)_+ = 1 − |x − 1|,
    of ℓ1 norm 2; the dual ν = (−1, 2, −1) proves that no interpolant does better.

    >>> fit = min_l1_interpolant([[0], [1], [2]], [0, 1, 0], kind="ramp")
    >>> fit.value, fit.intercept, [str(z) for _, z in fit.network]
    (Fraction(2, 1), Fraction(1, 1), ['-1', '-1'])
    >>> [str(v) for v in fit.dual], sum(v * y for v, y in zip(fit.dual, fit.labels))
    (['-1', '2', '-1'], Fraction(2, 1))
    """

    dictionary: Dictionary
    labels: tuple
    coefficients: tuple
    intercept: Fraction
    value: Fraction
    dual: tuple
    certificate: dict = field(compare=False, hash=False, repr=False)

    @property
    def network(self) -> tuple:
        """The units with non-zero output weight, as ``(unit, weight)`` pairs."""
        return tuple((u, z) for u, z in zip(self.dictionary.units, self.coefficients) if z)

    def __call__(self, x) -> Fraction:
        """The network's output at x: Σ_j z_j unit_j(x) + t."""
        x = exact_vector(x, name="x")
        return sum((z * unit(x) for unit, z in self.network), Fraction(0)) + self.intercept


def _unit_record(unit) -> dict:
    if isinstance(unit, Neuron):
        return {"weight": [fraction_str(v) for v in unit.weight], "bias": fraction_str(unit.bias)}
    if isinstance(unit, ThreeLayerUnit):
        return {
            "weight": [fraction_str(v) for v in unit.neuron.weight],
            "bias": fraction_str(unit.neuron.bias),
            "sign": unit.sign,
            "threshold": fraction_str(unit.threshold),
        }
    raise TypeError(f"unknown unit type {type(unit).__name__}")


def _solve_primal(K, y, intercept: bool) -> LinearProgramResult:
    """min Σ (z⁺ + z⁻) over z± >= 0 (t free) with K (z⁺ − z⁻) + t·1 = y."""
    n, P = len(K), len(K[0])
    rows = [
        (list(K[i]) + [-v for v in K[i]] + ([Fraction(1)] if intercept else []), "==", y[i]) for i in range(n)
    ]
    dimension = 2 * P + (1 if intercept else 0)
    objective = [Fraction(1)] * (2 * P) + ([Fraction(0)] if intercept else [])
    return linear_program(dimension, rows, objective, "minimize", nonnegative=range(2 * P))


def _solve_dual(K, y, intercept: bool, value: Fraction, support) -> tuple:
    """A ν with |Kᵀν| <= 1 (1ᵀν = 0 with intercept) and yᵀν = value, by adding violated columns.

    Each round maximises yᵀν subject to the columns found so far and the cap yᵀν <= value
    (the primal optimum, so the rounds stay bounded); it ends when no column is violated,
    and then yᵀν = value by strong duality.
    """
    n, P = len(K), len(K[0])
    columns = [[K[i][j] for i in range(n)] for j in range(P)]
    active = list(dict.fromkeys(support))
    while True:
        rows = [(list(y), "<=", value)]
        for j in active:
            rows.append((columns[j], "<=", Fraction(1)))
            rows.append((columns[j], ">=", Fraction(-1)))
        if intercept:
            rows.append(([Fraction(1)] * n, "==", Fraction(0)))
        result = linear_program(n, rows, list(y), "maximize")
        if result.status != "optimal":
            raise AssertionError(f"internal error: the restricted dual program is {result.status}")
        dual_value, nu = result.value, result.point
        violation = []
        for j in range(P):
            c = sum((a * b for a, b in zip(columns[j], nu)), Fraction(0))
            if abs(c) > 1:
                violation.append((abs(c), j))
        if not violation:
            return dual_value, nu
        violation.sort(reverse=True)
        active.extend(j for _, j in violation[: max(n, 8)])


def min_l1_interpolant(
    X, y, kind: str = "wedge", *, dictionary: Dictionary | None = None, **options
) -> L1Interpolant:
    """Exact solution of min ‖z‖_1 s.t. K z (+ t·1) = y for a dictionary of Pilanci's paper.

    Parameters
    ----------
    X : n × d rational data (ignored when ``dictionary`` is given)
    y : n rational labels
    kind : str
        One of ``KINDS``: "ramp", "wedge", "affine", "three_layer", "three_layer_bias".
    dictionary : Dictionary, optional
        Use this dictionary (e.g. of polished neurons) instead of building one from X.
    **options
        Passed to the dictionary builder (e.g. ``augment=False``, ``intercept=True``).

    Returns
    -------
    L1Interpolant
        The network, its exact objective and an optimality certificate.

    Raises
    ------
    ValueError
        When no network of the dictionary interpolates y (the LP is infeasible).

    Examples
    --------
    >>> fit = min_l1_interpolant([[0], [1], [2]], [0, 1, 0], kind="ramp")
    >>> fit.value, fit([1]), fit(["1/2"])
    (Fraction(2, 1), Fraction(1, 1), Fraction(1, 2))
    >>> from exactgeom.certificates import verify
    >>> bool(verify(fit.certificate))
    True

    Notes
    -----
    The primal has 2P (+1) variables, n equality rows and sign bounds; the
    dual rounds have n variables and two rows per column added so far.  Sign
    constraints go to the LP as variable bounds (``nonnegative=``), not dense rows,
    which keeps P in the hundreds fast (about a second for n = 12, P = 800).
    """
    D = dictionary if dictionary is not None else build_dictionary(X, kind, **options)
    n, P = D.shape
    labels = exact_vector(y, name="y", length=n)
    if P == 0:
        raise ValueError("the dictionary has no non-zero column; nothing can be fitted")
    K = D.matrix
    primal = _solve_primal(K, labels, D.intercept)
    if primal.status != "optimal":
        raise ValueError(
            f"no network of this dictionary interpolates y (the linear program is {primal.status})"
        )
    value, point = primal.value, primal.point
    z = tuple(point[j] - point[P + j] for j in range(P))
    t = point[2 * P] if D.intercept else Fraction(0)
    if sum((abs(v) for v in z), Fraction(0)) != value:
        raise AssertionError("internal error: the optimal point does not attain the optimal value")
    dual_value, nu = _solve_dual(K, labels, D.intercept, value, [j for j in range(P) if z[j]])
    if dual_value != value:
        raise AssertionError(f"internal error: primal {value} and dual {dual_value} optima differ")
    cert = envelope(
        "l1-interpolation-optimality",
        {
            "statement": STATEMENT,
            "X": [[fraction_str(v) for v in x] for x in D.data],
            "y": [fraction_str(v) for v in labels],
            "units": [_unit_record(u) for u in D.units],
            "intercept": D.intercept,
            "value": fraction_str(value),
        },
        {
            "z": [fraction_str(v) for v in z],
            "t": fraction_str(t),
            "nu": [fraction_str(v) for v in nu],
        },
        {
            "producer": "exactgeom.convex.min_l1_interpolant",
            "theorem": D.theorem,
            "engine": "pplpy MIP_Problem",
        },
    )
    return L1Interpolant(D, labels, z, t, value, tuple(nu), cert)

"""The λ → 0 limit of the convex ℓ1 programs: min ‖z‖_1 subject to K z (+ t·1) = y, exactly over Q.

The primal is the linear program min Σ (z⁺_j + z⁻_j) over z⁺, z⁻ ≥ 0 (and a
free intercept t) with K (z⁺ − z⁻) + t·1 = y.  Its dual is

    max yᵀν  subject to  ‖Kᵀν‖_∞ ≤ 1  (and 1ᵀν = 0 when there is an intercept),

and weak duality ‖z‖_1 ≥ Σ_j z_j (Kᵀν)_j = νᵀ(y − t·1) = yᵀν shows that a
feasible pair with equal objectives is optimal.  The dual (n variables) is solved
first with pplpy's exact simplex (:func:`exactgeom.polyhedra.lp.linear_program`),
then the primal restricted to the columns where |(Kᵀν)_j| = 1, with the sign of
(Kᵀν)_j — by complementary slackness any interpolant there is optimal — and the
pair is returned as a certificate of kind ``"l1-interpolation-optimality"``
that :func:`exactgeom.certificates.verify` checks with rational arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .._exact import exact_vector, fraction_str
from ..certificates import envelope
from ..polyhedra.lp import linear_program
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
    coefficients : tuple of Fraction
        z, one per column.
    intercept : Fraction
        t (0 when the program has none).
    value : Fraction
        ‖z‖_1, the optimum.
    dual : tuple of Fraction
        ν with ‖Kᵀν‖_∞ ≤ 1 and yᵀν = value.
    certificate : dict
        Kind ``"l1-interpolation-optimality"``.
    """

    dictionary: Dictionary
    labels_y: tuple
    coefficients: tuple
    intercept: Fraction
    value: Fraction
    dual: tuple
    certificate: dict

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


def _solve_restricted_primal(K, y, intercept: bool, support, signs):
    """min Σ a_j over a >= 0 (and t free) with Σ_j K[:, j] s_j a_j + t·1 = y, j in the support."""
    n, size = len(K), len(support)
    dim = size + (1 if intercept else 0)
    zero = Fraction(0)
    A, b, kinds = [], [], []
    for i in range(n):
        A.append([K[i][j] * s for j, s in zip(support, signs)] + ([Fraction(1)] if intercept else []))
        b.append(y[i])
        kinds.append("==")
    for k in range(size):
        row = [zero] * dim
        row[k] = Fraction(1)
        A.append(row)
        b.append(zero)
        kinds.append(">=")
    objective = [Fraction(1)] * size + ([zero] if intercept else [])
    return linear_program(dim, list(zip(A, kinds, b)), objective, "minimize")


def _solve_dual(K, y, intercept: bool):
    n, P = len(K), len(K[0]) if K else 0
    A, b, kinds = [], [], []
    for j in range(P):
        col = [K[i][j] for i in range(n)]
        A.append(col)
        b.append(Fraction(1))
        kinds.append("<=")
        A.append([-v for v in col])
        b.append(Fraction(1))
        kinds.append("<=")
    if intercept:
        A.append([Fraction(1)] * n)
        b.append(Fraction(0))
        kinds.append("==")
    return linear_program(n, list(zip(A, kinds, b)), list(y), "maximize")


def min_l1_interpolant(
    X, y, kind: str = "wedge", *, dictionary: Dictionary | None = None, **options
) -> L1Interpolant:
    """Exact solution of min ‖z‖_1 s.t. K z (+ t·1) = y for a dictionary of seed 002.

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
    Two exact LPs over pplpy's MIP solver (through
    :func:`exactgeom.polyhedra.lp.linear_program`): the dual, with n
    variables and 2P rows for P columns, then the primal restricted by
    complementary slackness to the columns where |(Kᵀν)_j| = 1 (typically a few).
    """
    D = dictionary if dictionary is not None else build_dictionary(X, kind, **options)
    n, P = D.shape
    labels = exact_vector(y, name="y", length=n)
    if P == 0:
        raise ValueError("the dictionary has no non-zero column; nothing can be fitted")
    K = D.matrix
    dual = _solve_dual(K, labels, D.intercept)
    if dual.status != "optimal":
        raise ValueError(f"no network of this dictionary interpolates y (the dual program is {dual.status})")
    nu = dual.point
    # Complementary slackness: an optimal z lives on the columns where |(K^T nu)_j| = 1, with
    # the sign of (K^T nu)_j; any such interpolant has ||z||_1 = y^T nu and is optimal.
    correlations = [sum((K[i][j] * nu[i] for i in range(n)), Fraction(0)) for j in range(P)]
    support = [j for j, c in enumerate(correlations) if abs(c) == 1]
    signs = [1 if correlations[j] > 0 else -1 for j in support]
    primal = _solve_restricted_primal(K, labels, D.intercept, support, signs)
    if primal.status != "optimal" or primal.value != dual.value:
        raise AssertionError(f"internal error: primal {primal.value} and dual {dual.value} optima differ")
    coefficients = [Fraction(0)] * P
    for k, (j, s) in enumerate(zip(support, signs)):
        coefficients[j] = s * primal.point[k]
    z = tuple(coefficients)
    t = primal.point[len(support)] if D.intercept else Fraction(0)
    value = sum((abs(v) for v in z), Fraction(0))
    cert = envelope(
        "l1-interpolation-optimality",
        {
            "statement": "min ||z||_1 subject to K z + t 1 = y equals value",
            "value": fraction_str(value),
            "intercept": D.intercept,
        },
        {
            "K": [[fraction_str(v) for v in row] for row in K],
            "y": [fraction_str(v) for v in labels],
            "z": [fraction_str(v) for v in z],
            "t": fraction_str(t),
            "nu": [fraction_str(v) for v in nu],
            "X": [[fraction_str(v) for v in x] for x in D.data],
            "units": [_unit_record(u) for u in D.units],
        },
        {
            "producer": "exactgeom.convex.min_l1_interpolant",
            "theorem": D.theorem,
            "engine": "pplpy MIP_Problem",
        },
    )
    return L1Interpolant(D, labels, z, t, value, tuple(nu), cert)

"""Verifier for ``l1-interpolation-optimality`` certificates (standard library only).

The theorem, all of it in the claim: for the data points ``claim.X`` (n rows in Q^d), the labels
``claim.y`` and the units ``claim.units`` (the dictionary: column j of K is unit j evaluated at
the data, K_ij = unit_j(x_i)),

    min ‖z‖_1  subject to  K z + t·1 = y   (t free with ``claim.intercept``, t = 0 without)

equals ``claim.value``.  A unit is a ReLU neuron ``{"weight": w, "bias": b}``, x ↦ (⟨w, x⟩ + b)_+,
or a three-layer unit ``{"weight": w, "bias": b, "sign": s, "threshold": c}``,
x ↦ (s·((⟨w, x⟩ + b)_+ − c))_+ with s = ±1.

Schema (every field read by :mod:`exactgeom.certificates._schema`; unknown or missing fields are
rejected; ``statement``, when present, must be exactly :data:`STATEMENT`)::

    claim   X, y, units, intercept, value [, statement]
    data    z, t, nu

``intercept`` is a JSON boolean, ``sign`` the JSON integer 1 or -1, everything else bounded
rationals.

What this checker re-derives: K, entry by entry, from X and the units (nothing about K is read
from the data); then that z and t are feasible (K z + t·1 = y, t = 0 without an intercept) with
‖z‖_1 = value, and that ν is dual feasible (|(Kᵀν)_j| ≤ 1 for every column j, 1ᵀν = 0 with an
intercept) with yᵀν = value.  Weak duality, ‖z‖_1 ≥ zᵀKᵀν = νᵀ(y − t·1) = yᵀν, makes both
optimal.  Trusted: nothing beyond rational arithmetic and that one-line inequality.

Limits: at most :data:`MAX_SAMPLES` samples of dimension at most :data:`MAX_DIMENSION` and
:data:`MAX_UNITS` units, and the counted work budget for building K and the two products with
it (each step charged by the size of the rationals involved).

Examples
--------
The tent 0, 1, 0 at x = 0, 1, 2 is 1 − (x − 1)_+ − (1 − x)_+, of ℓ1 norm 2; ν = (−1, 2, −1)
proves that no combination of the two ramps does better:

>>> from exactgeom.certificates import envelope, verify
>>> units = [{"weight": ["1"], "bias": "-1"}, {"weight": ["-1"], "bias": "1"}]
>>> claim = {"X": [["0"], ["1"], ["2"]], "y": ["0", "1", "0"], "units": units,
...          "intercept": True, "value": "2"}
>>> cert = envelope("l1-interpolation-optimality", claim,
...                 {"z": ["-1", "-1"], "t": "1", "nu": ["-1", "2", "-1"]})
>>> verify(cert).status
'proved'

Halving the value and the evidence does not halve the optimum of *these* labels:

>>> cert["claim"]["value"] = "1"
>>> cert["data"]["z"], cert["data"]["t"] = ["-1/2", "-1/2"], "1/2"
>>> verify(cert).message
'K z + t differs from y in row 1: 1/2 != 1'
"""

from __future__ import annotations

from fractions import Fraction

from . import CertificateError
from . import _schema as schema

__all__ = ["CHECKS", "MAX_SAMPLES", "MAX_DIMENSION", "MAX_UNITS", "STATEMENT", "check_l1_interpolation"]

MAX_SAMPLES = 100_000
"""Certificates with more data points are refused."""
MAX_DIMENSION = 10_000
"""Data of a larger dimension are refused."""
MAX_UNITS = 1_000_000
"""Dictionaries with more units are refused."""

STATEMENT = (
    "min ||z||_1 subject to K z + t 1 = y (t = 0 without intercept), where K[i][j] is unit j "
    "evaluated at X[i], equals value"
)
"""The only text ``claim.statement`` may hold."""


_size = schema.bit_size
_dot = schema.dot


def _relu(value: Fraction) -> Fraction:
    return value if value > 0 else Fraction(0)


def _unit(unit, j: int, d: int):
    """The unit's output as a function of x; its record is read and checked once."""
    where = f"claim.units[{j}]"
    schema.record(unit, where, ("weight", "bias"), ("sign", "threshold"))
    w = schema.rvec(unit["weight"], f"{where}.weight", d)
    b = schema.rational(unit["bias"], f"{where}.bias")
    three_layer = "sign" in unit or "threshold" in unit
    if three_layer:
        schema.record(unit, where, ("weight", "bias", "sign", "threshold"))
        sign = schema.integer(unit["sign"], f"{where}.sign", -1, 1)
        if sign == 0:
            raise CertificateError(f"{where}.sign must be 1 or -1, found 0")
        threshold = schema.rational(unit["threshold"], f"{where}.threshold")

    def value(x: list) -> Fraction:
        pre = _relu(_dot(zip(w, x), "the dictionary K") + b)
        return _relu(sign * (pre - threshold)) if three_layer else pre

    return value


def check_l1_interpolation(cert: dict) -> str:
    """Check an ``l1-interpolation-optimality`` certificate; K is rebuilt from the claim.

    Returns
    -------
    str
        What was re-derived.
    """
    claim = schema.record(cert["claim"], "claim", ("X", "y", "units", "intercept", "value"), ("statement",))
    data = schema.record(cert["data"], "data", ("z", "t", "nu"))
    schema.statement(claim, STATEMENT)
    X = schema.points(claim["X"], "claim.X", MAX_SAMPLES, MAX_DIMENSION, "data point")
    d = len(X[0])
    n = len(X)
    y = schema.rvec(claim["y"], "claim.y", n)
    units = [_unit(u, j, d) for j, u in enumerate(schema.array(claim["units"], "claim.units",
                                                                max_length=MAX_UNITS))]
    intercept = schema.boolean(claim["intercept"], "claim.intercept")
    value = schema.rational(claim["value"], "claim.value")
    columns = len(units)
    z = schema.rvec(data["z"], "data.z", columns)
    nu = schema.rvec(data["nu"], "data.nu", n)
    t = schema.rational(data["t"], "data.t")
    if not intercept and t != 0:
        raise CertificateError("the claim has no intercept but t is not 0")
    schema.spend(n * columns, "the dictionary K")
    K = [[unit(x) for unit in units] for x in X]
    for i in range(n):
        fitted = _dot(zip(K[i], z), "K z") + t
        if fitted != y[i]:
            raise CertificateError(f"K z + t differs from y in row {i}: {fitted} != {y[i]}")
    norm = _dot(((abs(v), 1) for v in z), "||z||_1")
    if norm != value:
        raise CertificateError(f"||z||_1 = {norm} but the claimed value is {value}")
    for j in range(columns):
        s = _dot(((K[i][j], nu[i]) for i in range(n)), "K^T nu")
        if abs(s) > 1:
            raise CertificateError(f"the dual vector is infeasible: |(K^T nu)_{j}| = {abs(s)} > 1")
    if intercept and _dot(((v, 1) for v in nu), "1^T nu") != 0:
        raise CertificateError("with an intercept the dual vector must sum to 0")
    dual_value = _dot(zip(y, nu), "y^T nu")
    if dual_value != value:
        raise CertificateError(
            f"the dual objective y^T nu = {dual_value} differs from the claimed value {value}"
        )
    return (f"K ({n} x {columns}) rebuilt from X and the units; z is feasible with ||z||_1 = {value} and "
            f"nu is dual feasible with y^T nu = {value} (weak duality)")


CHECKS = {"l1-interpolation-optimality": check_l1_interpolation}

"""Verifier for ``l1-interpolation-optimality`` certificates (standard library only).

Claim: min ‖z‖_1 subject to K z + t·1 = y (t = 0 without intercept) equals ``value``.
Evidence: z and t with K z + t·1 = y and ‖z‖_1 = value; ν with |(Kᵀν)_j| ≤ 1 for
every column j, 1ᵀν = 0 when there is an intercept, and yᵀν = value.  Weak
duality, ‖z‖_1 ≥ zᵀKᵀν = νᵀ(y − t·1) = yᵀν, makes both optimal.  When the data
points ``X`` and the ``units`` are present, every entry of K is also recomputed
as the unit's output: (⟨w, x⟩ + b)_+ for a neuron, (s·((⟨w, x⟩ + b)_+ − c))_+ for a
three-layer unit with sign s and threshold c.
"""

from __future__ import annotations

from fractions import Fraction

from . import CertificateError
from ._rational import q, qmat, qvec


def _relu(value: Fraction) -> Fraction:
    return value if value > 0 else Fraction(0)


def _unit(unit: dict):
    """The unit's output as a function of x; its record is read and checked once."""
    w, b = qvec(unit["weight"]), q(unit["bias"])
    three_layer = "sign" in unit
    if three_layer:
        sign, threshold = unit["sign"], q(unit["threshold"])
        if sign not in (1, -1):
            raise CertificateError(f"a three-layer unit has sign {sign!r}; expected 1 or -1")

    def value(x: list) -> Fraction:
        if len(w) != len(x):
            raise CertificateError(f"a unit has {len(w)} weights but the data have dimension {len(x)}")
        pre = _relu(sum((a * c for a, c in zip(w, x)), Fraction(0)) + b)
        return _relu(sign * (pre - threshold)) if three_layer else pre

    return value


def check_l1_interpolation(cert: dict) -> None:
    claim, data = cert["claim"], cert["data"]
    value = q(claim["value"])
    intercept = claim["intercept"]
    if not isinstance(intercept, bool):
        raise CertificateError("claim.intercept must be true or false")
    K, y, z, nu = qmat(data["K"]), qvec(data["y"]), qvec(data["z"]), qvec(data["nu"])
    t = q(data.get("t", 0))
    n = len(y)
    if len(K) != n or len(nu) != n:
        raise CertificateError(f"K has {len(K)} rows and nu {len(nu)} entries, but y has {n}")
    columns = len(z)
    for i, row in enumerate(K):
        if len(row) != columns:
            raise CertificateError(f"row {i} of K has {len(row)} entries but z has {columns}")
    if not intercept and t != 0:
        raise CertificateError("the claim has no intercept but t is not 0")
    for i in range(n):
        fitted = sum((K[i][j] * z[j] for j in range(columns)), Fraction(0)) + t
        if fitted != y[i]:
            raise CertificateError(f"K z + t differs from y in row {i}: {fitted} != {y[i]}")
    if sum((abs(v) for v in z), Fraction(0)) != value:
        raise CertificateError(f"||z||_1 = {sum(abs(v) for v in z)} but the claimed value is {value}")
    for j in range(columns):
        s = sum((K[i][j] * nu[i] for i in range(n)), Fraction(0))
        if abs(s) > 1:
            raise CertificateError(f"the dual vector is infeasible: |(K^T nu)_{j}| = {abs(s)} > 1")
    if intercept and sum(nu, Fraction(0)) != 0:
        raise CertificateError("with an intercept the dual vector must sum to 0")
    dual_value = sum((a * b for a, b in zip(y, nu)), Fraction(0))
    if dual_value != value:
        raise CertificateError(
            f"the dual objective y^T nu = {dual_value} differs from the claimed value {value}"
        )
    if "units" in data and "X" in data:
        X, units = qmat(data["X"]), data["units"]
        if len(X) != n or len(units) != columns:
            raise CertificateError("X must have one row per label and units one entry per column")
        for j, unit in enumerate(units):
            output = _unit(unit)
            for i, x in enumerate(X):
                if output(x) != K[i][j]:
                    raise CertificateError(
                        f"K[{i}][{j}] = {K[i][j]} is not the output of unit {j} at sample {i}"
                    )


CHECKS = {"l1-interpolation-optimality": check_l1_interpolation}

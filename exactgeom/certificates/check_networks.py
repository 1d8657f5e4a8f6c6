"""Verifier for threshold/Hopfield network certificates (standard library only).

Kinds
-----
``network-realization``
    claim: ``network`` (n_inputs, n_outputs, update "synchronous"|"sequential",
    iterations, symmetric, zero_diagonal, thresholds) and ``function`` (one
    output list per input x ∈ {0,1}^n, x in lexicographic order).
    data: ``weights`` (n_outputs rows of n_inputs rationals), ``thresholds``.
    Check: the parameters obey the network's constraints and the network,
    evaluated exactly (H(r) = 1 iff r > 0), computes the function.

``network-nonrealizable``
    claim: as above with ``iterations`` = 1.
    data: ``multipliers`` λ, one per (output i, input x) in that order (x
    lexicographic), and ``equation_multipliers`` μ, one per equation of the
    network (symmetry pairs w_ij = w_ji for i < j in lexicographic order, then
    w_ii = 0 for each i, then θ_i = 0 for each i; only those the network has).
    Check (Motzkin's transposition theorem): with L_{i,x}(Θ) = w_i·z + θ_i,
    z the input unit i sees at x (x itself for synchronous updates; the
    already-updated f_1(x)..f_{i-1}(x) followed by x_i..x_n for a sequential
    sweep), and s = +1 where f_i(x) = 1, s = -1 elsewhere: λ >= 0,
    Σ λ s L + Σ μ E = 0 identically, and λ > 0 on some row with f_i(x) = 1.
    Then every Θ satisfying the equations with s L(Θ) > 0 (f = 1), s L(Θ) >= 0
    (f = 0) would give 0 = Σ λ s L(Θ) > 0: no Θ realizes f.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import product

from . import CertificateError
from ._rational import qmat, qvec


def _network(claim) -> tuple:
    net = claim["network"]
    n, m = net["n_inputs"], net["n_outputs"]
    update = net.get("update", "synchronous")
    if not (isinstance(n, int) and isinstance(m, int) and n >= 1 and m >= 1):
        raise CertificateError(f"bad network sizes n_inputs={n!r}, n_outputs={m!r}")
    if update not in ("synchronous", "sequential"):
        raise CertificateError(f"unknown update rule {update!r}")
    if (update == "sequential" or net.get("iterations", 1) != 1 or net.get("symmetric")
            or net.get("zero_diagonal")) and m != n:
        raise CertificateError("recurrent options need as many outputs as inputs")
    return net, n, m, update


def _function(claim, n, m):
    table = claim["function"]
    points = list(product((0, 1), repeat=n))
    if not isinstance(table, list) or len(table) != len(points):
        raise CertificateError(f"the function must list {len(points)} outputs")
    out = []
    for x, y in zip(points, table):
        if not isinstance(y, list) or len(y) != m or any(v not in (0, 1) or isinstance(v, bool) for v in y):
            raise CertificateError(f"the output at {x} must be a list of {m} bits, found {y!r}")
        out.append(tuple(y))
    return points, out


def _equations(net, n, m):
    eqs = []
    size = m * (n + 1)
    if net.get("symmetric"):
        for i in range(n):
            for j in range(i + 1, n):
                v = [0] * size
                v[i * (n + 1) + j], v[j * (n + 1) + i] = 1, -1
                eqs.append(v)
    if net.get("zero_diagonal"):
        for i in range(n):
            v = [0] * size
            v[i * (n + 1) + i] = 1
            eqs.append(v)
    if not net.get("thresholds", True):
        for i in range(m):
            v = [0] * size
            v[i * (n + 1) + n] = 1
            eqs.append(v)
    return eqs


def check_realization(cert) -> None:
    net, n, m, update = _network(cert["claim"])
    points, table = _function(cert["claim"], n, m)
    W = qmat(cert["data"]["weights"])
    t = qvec(cert["data"]["thresholds"])
    if len(W) != m or any(len(r) != n for r in W) or len(t) != m:
        raise CertificateError(f"weights must be {m}x{n} and thresholds of length {m}")
    flat = [v for i in range(m) for v in (*W[i], t[i])]
    for k, e in enumerate(_equations(net, n, m)):
        if sum(a * b for a, b in zip(e, flat)) != 0:
            raise CertificateError(f"the parameters violate equation {k} of the network")
    iterations = net.get("iterations", 1)
    if not isinstance(iterations, int) or iterations < 1:
        raise CertificateError(f"iterations must be a positive int, found {iterations!r}")
    for x, y in zip(points, table):
        state = tuple(x)
        for _ in range(iterations):
            new = list(state)
            out = []
            for i in range(m):
                seen = new if update == "sequential" else state
                r = sum((W[i][j] * seen[j] for j in range(n)), Fraction(0)) + t[i]
                out.append(1 if r > 0 else 0)
                if update == "sequential":
                    new[i] = out[-1]
            state = tuple(out)
        if state != y:
            raise CertificateError(f"at input {x} the network gives {state}, the function {y}")


def check_nonrealizable(cert) -> None:
    net, n, m, update = _network(cert["claim"])
    if net.get("iterations", 1) != 1:
        raise CertificateError("a non-realizability certificate is for one step (iterations = 1)")
    points, table = _function(cert["claim"], n, m)
    lam = qvec(cert["data"]["multipliers"])
    eqs = _equations(net, n, m)
    mu = qvec(cert["data"].get("equation_multipliers", []))
    if len(lam) != m * len(points):
        raise CertificateError(f"expected {m * len(points)} multipliers, found {len(lam)}")
    if len(mu) != len(eqs):
        raise CertificateError(f"expected {len(eqs)} equation multipliers, found {len(mu)}")
    if any(v < 0 for v in lam):
        raise CertificateError("a multiplier of an inequality is negative")
    size = m * (n + 1)
    total = [Fraction(0)] * size
    strict_mass = Fraction(0)
    for i in range(m):
        for k, x in enumerate(points):
            value = lam[i * len(points) + k]
            if not value:
                continue
            z = tuple(table[k][:i]) + tuple(x[i:]) if update == "sequential" else tuple(x)
            sign = 1 if table[k][i] else -1
            for j in range(n):
                total[i * (n + 1) + j] += value * sign * z[j]
            total[i * (n + 1) + n] += value * sign
            if table[k][i]:
                strict_mass += value
    for e, value in zip(eqs, mu):
        for j in range(size):
            total[j] += value * e[j]
    if any(total):
        raise CertificateError(f"the combination is not identically zero: {[str(v) for v in total]}")
    if strict_mass <= 0:
        raise CertificateError("no strict inequality carries a positive multiplier")


CHECKS = {"network-realization": check_realization, "network-nonrealizable": check_nonrealizable}

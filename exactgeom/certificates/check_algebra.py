"""Verifier for the neuromanifold / ED-degree certificate kinds (standard library only).

Kinds
-----
``implicit-equations``
    data: ``parametrization`` (one polynomial per coordinate, in the
    parameters) and ``equations`` (polynomials in the coordinates); a
    polynomial is a list of ``[exponent list, rational]`` terms.  Checked by
    substituting the parametrization into every equation and expanding with
    exact rational arithmetic: every result must be the zero polynomial.
``ed-degree``
    A record of a modular ED-degree count.  Checked: Q symmetric positive
    definite (exact LDLᵀ), u off the variety when X is a hypersurface in the
    Lagrange formulation, every modulus prime, at least one count, and every
    count equal to the claimed value with all points simple.  The counts are
    the engine's record; the claim is flagged probabilistic.
"""

from __future__ import annotations

from fractions import Fraction

from . import CertificateError
from ._rational import q, qmat, qvec


def _poly(terms, nvars: int, where: str) -> dict:
    if not isinstance(terms, list):
        raise CertificateError(f"{where} must be a list of [exponents, coefficient] terms")
    out: dict = {}
    for term in terms:
        exps, coeff = term
        if (
            not isinstance(exps, list)
            or len(exps) != nvars
            or any(isinstance(e, bool) or not isinstance(e, int) or e < 0 for e in exps)
        ):
            raise CertificateError(f"{where}: exponent vector {exps!r} is not {nvars} non-negative ints")
        key = tuple(exps)
        out[key] = out.get(key, Fraction(0)) + q(coeff)
    return {k: v for k, v in out.items() if v}


def _mul(f: dict, g: dict) -> dict:
    out: dict = {}
    for m1, c1 in f.items():
        for m2, c2 in g.items():
            key = tuple(a + b for a, b in zip(m1, m2))
            out[key] = out.get(key, Fraction(0)) + c1 * c2
    return {k: v for k, v in out.items() if v}


def _add_into(acc: dict, f: dict, scale: Fraction) -> None:
    for m, c in f.items():
        acc[m] = acc.get(m, Fraction(0)) + scale * c
        if not acc[m]:
            del acc[m]


def check_implicit_equations(cert: dict) -> None:
    claim, data = cert["claim"], cert["data"]
    P, N = claim["num_params"], claim["num_coordinates"]
    param = [_poly(f, P, f"parametrization[{i}]") for i, f in enumerate(data["parametrization"])]
    if len(param) != N:
        raise CertificateError(f"{len(param)} coordinate polynomials but num_coordinates = {N}")
    one = {(0,) * P: Fraction(1)}
    powers = [[one] for _ in range(N)]

    def power(i: int, e: int) -> dict:
        while len(powers[i]) <= e:
            powers[i].append(_mul(powers[i][-1], param[i]))
        return powers[i][e]

    if not data["equations"]:
        raise CertificateError("no equations to check")
    for k, terms in enumerate(data["equations"]):
        eq = _poly(terms, N, f"equations[{k}]")
        if not eq:
            raise CertificateError(f"equations[{k}] is the zero polynomial, which proves nothing")
        total: dict = {}
        for m, c in eq.items():
            prod = one
            for i, e in enumerate(m):
                if e:
                    prod = _mul(prod, power(i, e))
            _add_into(total, prod, c)
        if total:
            some = next(iter(total.items()))
            raise CertificateError(
                f"equations[{k}] does not vanish on the parametrization: the term with "
                f"exponents {list(some[0])} has coefficient {some[1]}"
            )


def _is_prime(p: int) -> bool:
    if p < 2:
        return False
    d = 2
    while d * d <= p:
        if p % d == 0:
            return False
        d += 1
    return True


def _positive_definite(Q) -> bool:
    A = [list(r) for r in Q]
    n = len(A)
    for i in range(n):
        if A[i][i] <= 0:
            return False
        for r in range(i + 1, n):
            factor = A[r][i] / A[i][i]
            for c in range(i, n):
                A[r][c] -= factor * A[i][c]
    return True


def _evaluate(poly: dict, point) -> Fraction:
    total = Fraction(0)
    for m, c in poly.items():
        term = c
        for v, e in zip(point, m):
            term *= v**e
        total += term
    return total


def check_ed_degree(cert: dict) -> None:
    claim, data = cert["claim"], cert["data"]
    n, value = claim["num_variables"], claim["ed_degree"]
    if claim.get("probabilistic") is not True:
        raise CertificateError("an ED-degree count modulo primes must be flagged probabilistic")
    Q, u = qmat(data["Q"]), qvec(data["u"])
    if len(Q) != n or any(len(r) != n for r in Q) or len(u) != n:
        raise CertificateError(f"Q must be {n}×{n} and u of length {n}")
    if any(Q[i][j] != Q[j][i] for i in range(n) for j in range(n)):
        raise CertificateError("Q is not symmetric")
    if not _positive_definite(Q):
        raise CertificateError("Q is not positive definite")
    equations = [_poly(f, n, f"equations[{i}]") for i, f in enumerate(data["equations"])]
    if not equations:
        raise CertificateError("no equations")
    if (
        data.get("formulation") == "lagrange"
        and claim["codimension"] == 1
        and _evaluate(equations[0], u) == 0
    ):
        raise CertificateError("u lies on the hypersurface; the Lagrange count would include x = u")
    counts = data["counts"]
    if not counts:
        raise CertificateError("no per-prime counts recorded")
    for entry in counts:
        p = entry["prime"]
        if not _is_prime(p):
            raise CertificateError(f"the modulus {p} is not prime")
        if entry["multiplicity"] != value:
            raise CertificateError(f"modulo {p} the count is {entry['multiplicity']}, not {value}")
        if entry["distinct"] != entry["multiplicity"]:
            raise CertificateError(f"modulo {p} the critical points are not all simple")


CHECKS = {"implicit-equations": check_implicit_equations, "ed-degree": check_ed_degree}

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
    A record of a modular ED-degree count: the equations of X ⊂ C^n, the
    form Q, the data point u, the formulation, and for each prime p the
    number of critical points modulo p with and without multiplicity.

    What the checker establishes, with rational arithmetic of its own:

    1. *The question is well posed.*  Q is symmetric positive definite
       (exact LDLᵀ), so ‖x − u‖_Q² is a distance; no equation is a non-zero
       constant (X is not empty); the claimed codimension c satisfies
       1 ≤ c ≤ min(n, number of non-zero equations) (Krull: s equations
       cut out components of codimension ≤ s); the Lagrange formulation has
       exactly c equations.
    2. *u is not visibly special.*  Some equation is non-zero at u, i.e.
       u ∉ X.  A data point on X is itself a critical point (distance 0),
       which a generic u never is.
    3. *The counts are consistent with each other.*  At least one count;
       the moduli are distinct primes; no prime divides a denominator of
       the equations, Q or u (otherwise the system has no reduction
       modulo p and the count means nothing); every count equals the
       claimed value and counts only simple points (multiplicity count =
       number of distinct points), as a generic u predicts.
    4. *The value is within the Bézout-type bound* of Draisma, Horobeț,
       Ottaviani, Sturmfels, Thomas (FoCM 2016, Prop. 2.6): if X has
       codimension c and is cut out by polynomials of degrees
       d_1 ≥ d_2 ≥ … then EDdegree(X) ≤ d_1⋯d_c Σ_{i_1+…+i_c ≤ n−c}
       (d_1 − 1)^{i_1}⋯(d_c − 1)^{i_c}.  (For a positive definite Q write
       Q = BᵀB: the Q-distance to X is the Euclidean distance to BX, which
       is cut out by polynomials of the same degrees.)

    What it does not establish: that the counts modulo p are right (they
    are the engine's record, not re-derived: redoing the Gröbner basis
    computation is the work the certificate summarises), that the primes
    are lucky (a prime dividing a leading coefficient met over Q can
    change the count), that u and the random choices of the computation
    are generic beyond point 2, or that the equations generate a radical
    ideal of pure codimension c.  The claim must therefore be flagged
    ``probabilistic``; a certificate that says otherwise is rejected.
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


def _degree(poly: dict) -> int:
    return max(sum(m) for m in poly)


def _ed_degree_bound(degrees: list[int], n: int, c: int) -> int:
    """DHOST Prop. 2.6: d_1⋯d_c Σ_{i_1+…+i_c ≤ n−c} Π (d_j − 1)^{i_j}, for the c largest degrees."""
    top = sorted(degrees, reverse=True)[:c]
    series = [1] + [0] * (n - c)  # coefficients of Π_j 1/(1 − (d_j − 1) t), up to t^(n−c)
    for d in top:
        series = [sum(series[k - i] * (d - 1) ** i for i in range(k + 1)) for k in range(n - c + 1)]
    product = 1
    for d in top:
        product *= d
    return product * sum(series)


def check_ed_degree(cert: dict) -> None:
    claim, data = cert["claim"], cert["data"]
    n, value, c = claim["num_variables"], claim["ed_degree"], claim["codimension"]
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
    nonzero = [f for f in equations if f]
    if not nonzero:
        raise CertificateError("no non-zero equations")
    for i, f in enumerate(equations):
        if f and _degree(f) == 0:
            raise CertificateError(f"equations[{i}] is a non-zero constant: X is empty")
    if not 1 <= c <= min(n, len(nonzero)):
        raise CertificateError(
            f"codimension {c} is impossible for X in C^{n} cut out by {len(nonzero)} non-zero equation(s)"
        )
    if data.get("formulation") == "lagrange" and len(equations) != c:
        raise CertificateError(
            f"the Lagrange formulation needs exactly c = {c} equations, not {len(equations)}"
        )
    if all(_evaluate(f, u) == 0 for f in nonzero):
        raise CertificateError("u lies on X, so u itself is a critical point: u is not generic")
    counts = data["counts"]
    if not counts:
        raise CertificateError("no per-prime counts recorded")
    primes = [entry["prime"] for entry in counts]
    if len(set(primes)) != len(primes):
        raise CertificateError(f"the moduli {primes} repeat a prime; agreement needs distinct primes")
    denominators = [v.denominator for f in nonzero for v in f.values()]
    denominators += [v.denominator for row in Q for v in row] + [v.denominator for v in u]
    for entry in counts:
        p = entry["prime"]
        if not _is_prime(p):
            raise CertificateError(f"the modulus {p} is not prime")
        if any(d % p == 0 for d in denominators):
            raise CertificateError(f"the prime {p} divides a denominator of the input: no reduction mod {p}")
        if entry["multiplicity"] != value:
            raise CertificateError(f"modulo {p} the count is {entry['multiplicity']}, not {value}")
        if entry["distinct"] != entry["multiplicity"]:
            raise CertificateError(f"modulo {p} the critical points are not all simple")
    bound = _ed_degree_bound([_degree(f) for f in nonzero], n, c)
    if value > bound:
        raise CertificateError(
            f"ED degree {value} exceeds the bound {bound} for codimension {c} and these degrees "
            "(Draisma et al., FoCM 2016, Prop. 2.6)"
        )


CHECKS = {"implicit-equations": check_implicit_equations, "ed-degree": check_ed_degree}

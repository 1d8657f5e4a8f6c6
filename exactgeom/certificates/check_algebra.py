"""Verifier for the ``implicit-equations`` and ``ed-degree`` certificate kinds (standard library only).

Polynomials
-----------
A polynomial in k named variables is a list of terms ``[exponents, coefficient]``: ``exponents``
a list of k JSON integers (each at most :data:`MAX_DEGREE`, total degree at most
:data:`MAX_DEGREE`), ``coefficient`` a non-zero certificate rational; no monomial twice, at most
:data:`MAX_TERMS` terms.  ``[]`` is the zero polynomial.  Names of variables are distinct
non-empty strings; at most :data:`MAX_VARIABLES` of them.

``implicit-equations``
----------------------
claim (the whole theorem)::

    {"parameters": ["t"], "coordinates": ["y1", "y2"],
     "parametrization": [poly in the parameters, one per coordinate],   # the map phi
     "equations": [poly in the coordinates, ...],                       # non-zero
     "statement": "each equation vanishes identically on the image of the parametrization"}

data: ``{}`` (the claim is its own evidence).

The checker substitutes the parametrization *of the claim* into every equation and expands the
result with exact integer arithmetic (denominators cleared, counted work): every equation must
become the zero polynomial.  Proved: each listed equation lies in the kernel of the ring map
y ↦ phi, i.e. vanishes on the image of phi.  Not claimed: that the equations generate that kernel
(the producer's interpolation argument); a certificate whose map differs from a model's map is
a theorem about a different map, which a reader sees in the claim.

``ed-degree``
-------------
claim (the whole theorem)::

    {"variables": ["x", "y"], "equations": [poly, ...],   # X = V(equations) in C^n
     "Q": [[rational]*n]*n, "u": [rational]*n,           # the form and the data point
     "codimension": c, "ed_degree": D}

*The ED degree of X for Q is D*: for generic u, ‖x − u‖²_Q has D critical points on the smooth
part of X, where X has pure codimension c (c = 0: X = C^n; c = n + 1: X is empty).  The data
point u of the claim is the one the evidence is about.

data::

    {"parametrizations": [
        {"prime": p,                       # the k-th prime derived from the claim, see below
         "linear_form": [l_1, ..., l_n],   # ints mod p
         "eliminating_polynomial": [w_0, ..., w_D],   # w(T) = sum w_i T^i, monic (w_D = 1)
         "coordinates": [[g_i0, ..., g_i(D-1)] for each variable],   # x_i = g_i(T) mod w
         "multipliers": [[m_k0, ..., m_k(D-1)] for each equation]},  # mu_k(T) mod w
        ...],
     "cofactors": [poly, ...]}    # optional, for an empty X only: sum_k a_k f_k = 1

``parametrizations`` is empty exactly when X = C^n or X is empty.

The primes are not chosen by the certificate: entry k must use the smallest prime p ≥ 2^60 + s_k
(s_k from the SHA-256 digest of the canonical JSON of the claim and k, see
:func:`certificate_primes`), so a certificate cannot pick primes that are unlucky for its input.

What the checker establishes, with its own arithmetic:

1. *The question is well posed.*  Q is symmetric positive definite (exact fraction-free
   elimination, Sylvester's criterion).  No equation is the zero polynomial.
2. *Edge cases are decided outright* (status "proved"): no equations means X = C^n, whose only
   critical point is u (Q is non-singular), so c must be 0 and D = 1; an equation that is a
   non-zero constant means X is empty, so c must be n + 1 and D = 0.
3. *Otherwise* 1 ≤ c ≤ min(n, number of equations) (Krull), D is at most the Bézout-type bound of
   Draisma, Horobeț, Ottaviani, Sturmfels, Thomas (FoCM 2016, Prop. 2.6), and for every prime p
   of the evidence, in F_p[T]/(w): w is monic of degree D and squarefree (gcd(w, w') = 1), so it
   has D distinct roots; ℓ(x(T)) ≡ T, so distinct roots give distinct points x; every equation
   vanishes at x(T); Q(x − u) ≡ Σ_k mu_k ∇f_k (the gradient of the distance is normal to X); the
   c×c minors of the Jacobian J have no common root with w (each point is a smooth point of X
   where J has rank ≥ c), and when there are more than c equations the (c+1)×(c+1) minors vanish
   (rank exactly c); when there are exactly c equations, the Jacobian of the square system
   (f, Q(x − u) − Σ mu_k ∇f_k) in (x, mu) is invertible mod w, so each point is an isolated,
   simple solution for this u (this rules out a u, such as the centre of a circle, whose
   critical set is positive-dimensional).  Some equation is non-zero at u modulo p (u is not on X).

   Re-derived: *at least D distinct smooth critical points of ‖x − u‖²_Q on X over the algebraic
   closure of F_p, for each listed p*.  Not re-derived: that there are no further critical points
   (the upper bound is only the Bézout-type bound), that the primes are lucky (counts over F_p
   equal counts over Q — only made improbable to arrange by deriving the primes from the claim),
   that u is generic, and that the equations generate a radical ideal of pure codimension c.
   The verdict is therefore "consistent", never "proved", with a message that says so.
   A claimed empty X (c = n + 1) without a constant equation is proved by ``data.cofactors``
   (optional; one polynomial a_k per equation with Σ a_k f_k = 1 exactly, the weak
   Nullstellensatz), and is "consistent" without them (emptiness not re-derived).

Limits: :data:`MAX_VARIABLES` variables, :data:`MAX_DEGREE` for exponents and degrees,
:data:`MAX_TERMS` terms per polynomial, :data:`MAX_EQUATIONS` equations, :data:`MAX_PRIMES`
primes; every polynomial loop is counted with :func:`exactgeom.certificates._schema.spend`.

Examples
--------
>>> from exactgeom.certificates import envelope, verify
>>> claim = {"parameters": ["t"], "coordinates": ["y1", "y2"],
...          "parametrization": [[[[1], 1]], [[[2], 1]]],
...          "equations": [[[[2, 0], 1], [[0, 1], -1]]], "statement": STATEMENT}
>>> verify(envelope("implicit-equations", claim, {})).status
'proved'
>>> claim["equations"] = [[[[1, 0], 1]]]
>>> print(verify(envelope("implicit-equations", claim, {})).message)
claim.equations[0] does not vanish on the image: after substituting the parametrization the term t^1 has
coefficient 1
"""

from __future__ import annotations

import hashlib
import json
from fractions import Fraction
from math import lcm

from . import CertificateError, Consistent
from . import _schema as S
from ._modular import (CALL, _coprime, _derivative, _determinant, _Evaluator, _minors, _modp, _poly_gcd,
                       _Quotient)

__all__ = ["CHECKS", "check_implicit_equations", "check_ed_degree", "certificate_primes", "STATEMENT"]

MAX_VARIABLES = 64
"""Most variables (parameters, coordinates) a polynomial of these kinds may have."""
MAX_DEGREE = 100
"""Largest exponent and largest total degree of one polynomial."""
MAX_TERMS = 100_000
"""Most terms of one polynomial."""
MAX_EQUATIONS = 1_000
"""Most equations in one claim."""
MAX_PRIMES = 8
"""Most primes in one ``ed-degree`` certificate."""
MAX_ED_DEGREE = 100_000
"""Largest ED degree a certificate may claim."""
PRIME_FLOOR = 2**60
"""The certificate primes lie just above this."""

STATEMENT = "each equation vanishes identically on the image of the parametrization"


# --------------------------------------------------------------------------- reading


def _names(value, where: str, minimum: int = 0) -> list[str]:
    names = S.array(value, where, max_length=MAX_VARIABLES)
    if len(names) < minimum:
        raise CertificateError(f"{where} must name at least {minimum} variable(s)")
    out = [S.string(v, f"{where}[{i}]") for i, v in enumerate(names)]
    if any(not v or len(v) > 100 for v in out):
        raise CertificateError(f"{where}: every name is a non-empty string of at most 100 characters")
    if len(set(out)) != len(out):
        raise CertificateError(f"{where} repeats a name")
    return out


def _polynomial(value, nvars: int, where: str) -> dict:
    """A polynomial as ``{exponent tuple: Fraction}`` (strict: no repeated monomial, no zero coefficient)."""
    terms = S.array(value, where, max_length=MAX_TERMS)
    out: dict = {}
    for k, term in enumerate(terms):
        here = f"{where}[{k}]"
        S.array(term, here, length=2)
        exps = tuple(S.integer(e, f"{here}[0][{i}]", 0, MAX_DEGREE)
                     for i, e in enumerate(S.array(term[0], f"{here}[0]", length=nvars)))
        if sum(exps) > MAX_DEGREE:
            raise CertificateError(f"{here} has total degree {sum(exps)}; at most {MAX_DEGREE} is checked")
        coeff = S.rational(term[1], f"{here}[1]")
        if not coeff:
            raise CertificateError(f"{here} has coefficient 0; leave the term out")
        if exps in out:
            raise CertificateError(f"{here} repeats the monomial {list(exps)}")
        out[exps] = coeff
    return out


def _degree(poly: dict) -> int:
    return max((sum(m) for m in poly), default=-1)


def _monomial_text(exps, names) -> str:
    return "*".join(f"{v}^{e}" for v, e in zip(names, exps) if e) or "1"


# --------------------------------------------------------------------------- implicit equations


def _bits(poly: dict) -> int:
    return max((abs(c).bit_length() for c in poly.values()), default=0)


def _int_mul(f: dict, g: dict, what: str, key_words: int = 1) -> dict:
    """Product of integer polynomials with packed monomial keys (key addition = monomial product)."""
    words = (_bits(f) + _bits(g)) // 64 + 1
    S.spend(CALL + len(f) * len(g) * (64 + words * words + key_words), what)
    out: dict = {}
    for k1, c1 in f.items():
        for k2, c2 in g.items():
            k = k1 + k2
            out[k] = out.get(k, 0) + c1 * c2
    return {k: v for k, v in out.items() if v}


def check_implicit_equations(cert: dict) -> str:
    """Substitute the claim's parametrization into each equation of the claim; all must vanish.

    Raises
    ------
    CertificateError
        A malformed or oversized field, a zero equation, or an equation that does not vanish.
    """
    claim = S.record(cert["claim"], "claim",
                     required=("parameters", "coordinates", "parametrization", "equations", "statement"))
    S.record(cert["data"], "data")
    S.string(claim["statement"], "claim.statement", choices=(STATEMENT,))
    params = _names(claim["parameters"], "claim.parameters")
    coords = _names(claim["coordinates"], "claim.coordinates", minimum=1)
    phi_terms = S.array(claim["parametrization"], "claim.parametrization", length=len(coords))
    phi = [_polynomial(f, len(params), f"claim.parametrization[{k}]") for k, f in enumerate(phi_terms)]
    equation_terms = S.array(claim["equations"], "claim.equations", max_length=MAX_EQUATIONS)
    equations = [_polynomial(f, len(coords), f"claim.equations[{k}]") for k, f in enumerate(equation_terms)]
    for k, eq in enumerate(equations):
        if not eq:
            raise CertificateError(f"claim.equations[{k}] is the zero polynomial, which says nothing")
    if not equations:
        return "no equations: nothing to prove"
    # Clear denominators: phi_k = P_k / d_k with P_k integral; pack exponent vectors into ints so
    # that a product of monomials is one integer addition (slots wide enough for any result).
    top = max((_degree(f) for f in phi), default=0)
    slot = (max(top, 0) * MAX_DEGREE).bit_length() + 1
    key_words = slot * len(params) // 64 + 1

    def pack(exps) -> int:
        key = 0
        for i, e in enumerate(exps):
            key |= e << (slot * i)
        return key

    denominators = [lcm(*(c.denominator for c in f.values())) if f else 1 for f in phi]
    integral = [{pack(m): int(c * d) for m, c in f.items()} for f, d in zip(phi, denominators)]
    powers = [[{0: 1}] for _ in phi]
    for k, eq in enumerate(equations):
        top_exp = [max(m[i] for m in eq) for i in range(len(coords))]
        scale = lcm(*(c.denominator for c in eq.values()))
        total: dict = {}
        for m, c in eq.items():
            # c * prod (P_i/d_i)^m_i, times scale * prod d_i^top_i: an integer polynomial
            coeff = int(c * scale)
            for i, e in enumerate(m):
                coeff *= denominators[i] ** (top_exp[i] - e)
            S.spend(CALL + abs(coeff).bit_length() // 64, "the substitution")
            product = {0: coeff}
            for i, e in enumerate(m):
                if e:
                    while len(powers[i]) <= e:
                        powers[i].append(_int_mul(powers[i][-1], integral[i], "the substitution", key_words))
                    product = _int_mul(product, powers[i][e], "the substitution", key_words)
            S.spend(len(product) * (32 + key_words), "the substitution")
            for key, v in product.items():
                total[key] = total.get(key, 0) + v
        left = {key: v for key, v in total.items() if v}
        if left:
            key = min(left)
            exps = [(key >> (slot * i)) & ((1 << slot) - 1) for i in range(len(params))]
            value = Fraction(left[key], scale)
            for i, e in enumerate(top_exp):
                value /= denominators[i] ** e
            raise CertificateError(
                f"claim.equations[{k}] does not vanish on the image: after substituting the "
                f"parametrization the term {_monomial_text(exps, params)} has coefficient {value}")
    return (f"each of the {len(equations)} equation(s) vanishes identically after substituting the "
            f"parametrization of the claim (exact expansion)")


# --------------------------------------------------------------------------- ED degree


def certificate_primes(claim: dict, count: int) -> list[int]:
    """The primes an ``ed-degree`` certificate with this claim must use, derived from the claim.

    Entry k uses the smallest prime ≥ 2^60 + s_k, where s_k < 2^60 is read from the SHA-256
    digest of ``"exactgeom ed-degree prime {k}\\n"`` followed by the claim as canonical JSON
    (``sort_keys=True``, separators ``(",", ":")``, ASCII).  Changing the claim changes the primes.

    Examples
    --------
    >>> p, q = certificate_primes({"ed_degree": 2}, 2)
    >>> 2**60 < p < 2**61 and 2**60 < q < 2**61 and p != q
    True
    """
    text = json.dumps(claim, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    out: list[int] = []
    for k in range(count):
        digest = hashlib.sha256(f"exactgeom ed-degree prime {k}\n{text}".encode()).digest()
        candidate = PRIME_FLOOR + (int.from_bytes(digest[:8], "big") >> 4)
        while candidate in out or not S.is_prime(candidate):  # bounded: prime gaps near 2^60 are small
            candidate += 1
        out.append(candidate)
    return out


def _check_distance_form(Q: list[list[Fraction]]) -> None:
    """Reject a claim.Q that is not symmetric positive definite (so ||x - u||_Q is a distance)."""
    n = len(Q)
    if any(Q[i][j] != Q[j][i] for i in range(n) for j in range(i)):
        raise CertificateError("claim.Q is not symmetric")
    if not _positive_definite(Q):
        raise CertificateError("claim.Q is not positive definite, so ||x - u||_Q is not a distance")


def _positive_definite(Q: list[list[Fraction]]) -> bool:
    """Sylvester's criterion with fraction-free (Bareiss) elimination of the integer matrix L·Q."""
    n = len(Q)
    scale = lcm(*(v.denominator for row in Q for v in row)) if n else 1
    A = [[int(v * scale) for v in row] for row in Q]
    previous = 1
    for k in range(n):
        pivot = A[k][k]
        if pivot <= 0:
            return False
        words = 2 * pivot.bit_length() // 64 + 1
        S.spend((n - k) ** 2 * (4 + words * words), "the positive-definiteness test")
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                A[i][j] = (pivot * A[i][j] - A[i][k] * A[k][j]) // previous
        previous = pivot
    return True


def _ed_degree_bound(degrees: list[int], n: int, c: int) -> int:
    """DHOST Prop. 2.6: d_1⋯d_c Σ_{i_1+…+i_c ≤ n−c} Π (d_j − 1)^{i_j}, for the c largest degrees."""
    top = sorted(degrees, reverse=True)[:c]
    series = [1] + [0] * (n - c)  # coefficients of Π_j 1/(1 − (d_j − 1) t), up to t^(n−c)
    for d in top:
        S.spend((n - c + 1) ** 2, "the Bézout-type bound")
        series = [sum(series[k - i] * (d - 1) ** i for i in range(k + 1)) for k in range(n - c + 1)]
    product = 1
    for d in top:
        product *= d
    return product * sum(series)


def _residues(value, where: str, length: int, p: int) -> list[int]:
    entries = S.array(value, where, length=length)
    return [S.integer(v, f"{where}[{i}]", 0, p - 1) for i, v in enumerate(entries)]


def _check_parametrization(entry, where: str, p: int, n: int, equations, Q, u, c: int, D: int) -> None:
    """The evidence modulo p: D distinct smooth critical points x(T), T a root of w (module docstring)."""
    s = len(equations)
    entry = S.record(entry, where, required=("prime", "linear_form", "eliminating_polynomial",
                                              "coordinates", "multipliers"))
    if S.integer(entry["prime"], f"{where}.prime", 2) != p:
        raise CertificateError(f"{where}.prime must be {p}, the prime derived from the claim "
                               f"(found {S._short(entry['prime'])})")
    ell = _residues(entry["linear_form"], f"{where}.linear_form", n, p)
    w = _residues(entry["eliminating_polynomial"], f"{where}.eliminating_polynomial", D + 1, p)
    if w[-1] != 1:
        raise CertificateError(f"{where}.eliminating_polynomial must be monic of degree {D}, the claimed "
                               "ED degree")
    xs = [_residues(g, f"{where}.coordinates[{i}]", D, p)
          for i, g in enumerate(S.array(entry["coordinates"], f"{where}.coordinates", length=n))]
    mus = [_residues(g, f"{where}.multipliers[{k}]", D, p)
           for k, g in enumerate(S.array(entry["multipliers"], f"{where}.multipliers", length=s))]
    S.spend(sum(len(f) for f in equations) * (CALL + n), "the equations at u")
    at_u = [sum((_modp(coeff, p, "claim.equations") * _power_product(u, m, p, "claim.u")
                 for m, coeff in f.items()), 0) % p for f in equations]
    if not any(at_u):
        raise CertificateError(f"every equation vanishes at u modulo {p}: u lies on X (or is special modulo "
                               "the certificate prime), so u is not a generic data point")
    if D == 0:
        return
    ring = _Quotient(w, p)
    xs = [ring.reduce(g) for g in xs]
    mus = [ring.reduce(g) for g in mus]
    derivative = [(k * w[k]) % p for k in range(1, D + 1)]
    if not _coprime(derivative, w, p):
        raise CertificateError(f"modulo {p} the eliminating polynomial is not squarefree: it does not have "
                               f"{D} distinct roots")
    form: list[int] = []
    for i in range(n):
        form = ring.add(form, xs[i], ell[i])
    if form != ring.reduce([0, 1]):
        raise CertificateError(f"modulo {p}: the linear form of the coordinates is not T modulo w, so the "
                               "roots of w do not name the points")
    value = _Evaluator(ring, xs, "claim.equations")
    for k, f in enumerate(equations):
        if value(f):
            raise CertificateError(f"modulo {p}: claim.equations[{k}] does not vanish at the points x(T), "
                                   "so they are not points of X")
    gradients = [[value(_derivative(f, i)) for i in range(n)] for f in equations]
    for i in range(n):
        residual: list[int] = []
        for j in range(n):
            if Q[i][j]:
                qij = _modp(Q[i][j], p, "claim.Q")
                residual = ring.add(residual, ring.add(xs[j], ring.constant(-_modp(u[j], p, "claim.u"))), qij)
        for k in range(s):
            residual = ring.add(residual, ring.mul(mus[k], gradients[k][i]), -1)
        if residual:
            raise CertificateError(f"modulo {p}: coordinate {i} of Q(x - u) - sum mu_k grad f_k is not zero "
                                   "at the points: they are not critical points of the distance")
    common = list(w)
    for minor in _minors(gradients, c, ring):
        common = _poly_gcd(common, minor, p)
        if len(common) == 1:
            break
    if len(common) != 1:
        raise CertificateError(f"modulo {p}: at some root of w every {c}×{c} minor of the Jacobian vanishes, "
                               "so that point is not on the smooth part of X")
    if s > c:
        for minor in _minors(gradients, c + 1, ring):
            if minor:
                raise CertificateError(f"modulo {p}: a {c + 1}×{c + 1} minor of the Jacobian is non-zero at "
                                       f"the points, so X does not have codimension {c} there")
        return
    # s == c: the square system G(x, mu) = (f, Q(x - u) - sum mu_k grad f_k) has an invertible Jacobian
    hessians = [[[value(_derivative(_derivative(f, i), j)) if j >= i else None for j in range(n)]
                 for i in range(n)] for f in equations]
    jac = [[gradients[k][j] for j in range(n)] + [[] for _ in range(s)] for k in range(s)]
    for i in range(n):
        row = []
        for j in range(n):
            entry_ij = ring.constant(_modp(Q[i][j], p, "claim.Q"))
            for k in range(s):
                h = hessians[k][min(i, j)][max(i, j)]
                entry_ij = ring.add(entry_ij, ring.mul(mus[k], h), -1)
            row.append(entry_ij)
        row += [ring.add([], gradients[k][i], -1) for k in range(s)]
        jac.append(row)
    if not _coprime(_determinant(jac, ring), w, p):
        raise CertificateError(f"modulo {p}: the Jacobian of the critical equations is singular at some root "
                               "of w, so that critical point is not isolated and simple for this u")


def _check_cofactors(value, equations, n: int) -> None:
    """Σ a_k f_k = 1 exactly, for cofactors a_k read from the evidence (one per equation)."""
    cofactors = [_polynomial(a, n, f"data.cofactors[{k}]")
                 for k, a in enumerate(S.array(value, "data.cofactors", length=len(equations)))]
    total: dict = {}
    for a, f in zip(cofactors, equations):
        S.spend(CALL + 64 * len(a) * len(f), "the cofactor identity")
        for m1, c1 in a.items():
            for m2, c2 in f.items():
                key = tuple(x + y for x, y in zip(m1, m2))
                total[key] = total.get(key, 0) + c1 * c2
    total = {m: v for m, v in total.items() if v}
    if total != {(0,) * n: 1}:
        raise CertificateError("data.cofactors: sum_k a_k f_k is not the constant 1, so it does not show "
                               "that X is empty")


def _power_product(point, m, p: int, where: str) -> int:
    out = 1
    for v, e in zip(point, m):
        if e:
            out = out * pow(_modp(v, p, where), e, p) % p
    return out


def check_ed_degree(cert: dict):
    """Check an ``ed-degree`` certificate (module docstring): proved edge cases, else consistent or rejected.

    Raises
    ------
    CertificateError
        A malformed or oversized field, an ill-posed question, or evidence that does not check.
    """
    raw = cert["claim"]
    claim = S.record(raw, "claim", required=("variables", "equations", "Q", "u", "codimension", "ed_degree"))
    data = S.record(cert["data"], "data", required=("parametrizations",), optional=("cofactors",))
    names = _names(claim["variables"], "claim.variables", minimum=1)
    n = len(names)
    Q = S.rmat(claim["Q"], "claim.Q", rows=n, cols=n)
    u = S.rvec(claim["u"], "claim.u", length=n)
    equation_terms = S.array(claim["equations"], "claim.equations", max_length=MAX_EQUATIONS)
    equations = [_polynomial(f, n, f"claim.equations[{k}]") for k, f in enumerate(equation_terms)]
    c = S.integer(claim["codimension"], "claim.codimension", 0, n + 1)
    D = S.integer(claim["ed_degree"], "claim.ed_degree", 0, MAX_ED_DEGREE)
    entries = S.array(data["parametrizations"], "data.parametrizations", max_length=MAX_PRIMES)
    _check_distance_form(Q)
    for k, f in enumerate(equations):
        if not f:
            raise CertificateError(f"claim.equations[{k}] is the zero polynomial; leave it out")
    constants = [k for k, f in enumerate(equations) if _degree(f) == 0]
    if not equations or constants:
        what = ("there are no equations, so X = C^n, whose only critical point is u (Q is non-singular)"
                if not equations else
                f"claim.equations[{constants[0]}] is a non-zero constant, so X is empty")
        expected = (0, 1) if not equations else (n + 1, 0)
        if (c, D) != expected:
            raise CertificateError(f"{what}: the codimension must be {expected[0]} and the ED degree "
                                   f"{expected[1]}, not {c} and {D}")
        if entries:
            raise CertificateError(f"{what}; data.parametrizations must be empty")
        return f"{what}: ED degree {D} (codimension {c})"
    if c == 0:
        raise CertificateError("codimension 0 means X = C^n, but a non-zero equation does not vanish on C^n")
    if "cofactors" in data and c != n + 1:
        raise CertificateError("data.cofactors is evidence for an empty X only (codimension n + 1)")
    if c == n + 1:
        if D != 0:
            raise CertificateError(f"codimension {n + 1} means X is empty, whose ED degree is 0, not {D}")
        if entries:
            raise CertificateError("X is claimed empty; data.parametrizations must be empty")
        if "cofactors" in data:
            _check_cofactors(data["cofactors"], equations, n)
            return (f"X is empty: sum_k a_k f_k = 1 for the {len(equations)} cofactor(s) of the evidence "
                    "(weak Nullstellensatz), so the ED degree is 0")
        return Consistent("X is claimed empty (ED degree 0); the emptiness of X is not re-derived "
                          "(no equation is a non-zero constant and no cofactors are given)")
    if c > len(equations):
        raise CertificateError(f"codimension {c} is impossible for X in C^{n} cut out by {len(equations)} "
                               "equation(s) (Krull)")
    bound = _ed_degree_bound([_degree(f) for f in equations], n, c)
    if D > bound:
        raise CertificateError(f"ED degree {D} exceeds the bound {bound} for codimension {c} and these "
                               "degrees (Draisma et al., FoCM 2016, Prop. 2.6)")
    if not entries:
        raise CertificateError("data.parametrizations is empty: an ED-degree count needs evidence modulo "
                               "a prime")
    primes = certificate_primes(raw, len(entries))
    for k, (entry, p) in enumerate(zip(entries, primes)):
        _check_parametrization(entry, f"data.parametrizations[{k}]", p, n, equations, Q, u, c, D)
    isolated = ("each an isolated simple solution for this u" if len(equations) == c
                else "isolation not checked (more equations than the codimension)")
    return Consistent(
        f"re-derived: at least {D} distinct smooth critical points of ||x - u||_Q^2 on X over the algebraic "
        f"closure of F_p for each of the {len(primes)} prime(s) derived from the claim ({isolated}), and "
        f"{D} <= {bound} (Bezout-type bound); not re-derived: that there are no further critical points, "
        "that the primes are lucky, that u is generic, that the equations generate a radical ideal of pure "
        f"codimension {c}")


CHECKS = {"implicit-equations": check_implicit_equations, "ed-degree": check_ed_degree}

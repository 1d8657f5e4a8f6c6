"""Verifier for the ``ed-degree-lower-bound`` certificate kind (standard library only).

``ed-degree-lower-bound``
-------------------------
claim (the whole theorem)::

    {"variables": ["x", "y"], "equations": [poly, ...],   # X = V(f_1, ..., f_c) in C^n, c >= 1
     "Q": [[rational]*n]*n, "u": [rational]*n,           # the form and the data point
     "ed_degree_at_least": L}

*The ED degree of X for Q is at least L*: for generic data points, ‖x − u‖²_Q has at least L
critical points at points of X where the Jacobian of f has rank c.  Polynomials are written as
in :mod:`exactgeom.certificates.check_algebra` (lists of ``[exponents, coefficient]``).

data::

    {"boxes": [{"centre": [[re, im], ...],               # n + c complex coordinates: x, then lambda
                "radius": r,                             # every real and imaginary half-width
                "preconditioner": [[[re, im]]*(n+c)]*(n+c)},   # a matrix Y (any choice is sound)
               ...]}                                     # exactly L boxes

All entries are certificate rationals ("p/q").  The checker builds, from the claim only, the square
Lagrange system in (x, λ)

    G = (f_1, ..., f_c, Q(x − u) − Σ_j λ_j ∇f_j)        (gradients in x only)

and its Jacobian G', and then, in its own complex interval arithmetic (pairs of real intervals
with rational endpoints, kept as integers over 2^PRECISION and rounded outward after every
product):

1. *Krawczyk test* for every box B with centre m: K(B) = m − Y G(m) + (I − Y G'(B))(B − m) lies in
   the interior of B, coordinate by coordinate, real and imaginary part.  Then B holds exactly one
   solution of G = 0, and it is simple (Krawczyk 1969; Breiding–Rose–Timme 2023 for complex boxes).
2. *Smoothness*: some c×c minor of the Jacobian of f (in x) is an interval that excludes 0 on the
   whole box, so that solution is a point of X where the Jacobian has rank c, and its multipliers
   are determined by x.
3. *Distinctness*: the boxes are pairwise disjoint (some coordinate's real or imaginary intervals
   are disjoint), so they hold L distinct critical points.
4. Q is symmetric positive definite, no equation is zero or constant, 1 ≤ c ≤ n, and L is the
   number of boxes and at most the Bézout-type bound of Draisma et al. (FoCM 2016, Prop. 2.6).

Simple critical points for this u persist, distinct and smooth, for every u' near u, among them
generic ones: the ED degree is at least L.  Verdict "proved"; when L equals the Bézout-type bound
the message adds that the ED degree is exactly L (for X of pure codimension c).

Limits: :data:`MAX_BOXES` boxes, :data:`MAX_CODIMENSION` equations, the variable, degree and term
limits of :mod:`exactgeom.certificates.check_algebra`; every loop is counted with
:func:`exactgeom.certificates._schema.spend`.

Examples
--------
>>> from exactgeom.certificates import envelope, verify
>>> claim = {"variables": ["x"], "equations": [[[[2], 1], [[0], -2]]], "Q": [["1"]], "u": ["0"],
...          "ed_degree_at_least": 1}
>>> box = {"centre": [["1414213562/1000000000", "0"], ["1", "0"]], "radius": "1/1000000",
...        "preconditioner": [[["1/3", "0"], ["0", "0"]], [["0", "0"], ["0", "0"]]]}
>>> v = verify(envelope("ed-degree-lower-bound", claim, {"boxes": [box]}))
>>> v.status, v.message.split(";")[0]
('rejected', 'data.boxes[0]: the Krawczyk operator does not map the box into its interior (coordinate 1)')
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations

from . import CertificateError
from . import _schema as S
from .check_algebra import _check_distance_form, _degree, _derivative, _ed_degree_bound, _names, _polynomial

__all__ = ["CHECKS", "check_ed_degree_lower_bound"]

MAX_BOXES = 10_000
"""Most boxes one certificate may hold."""
MAX_CODIMENSION = 6
"""Most equations (the codimension c); the c×c minors are expanded by Laplace's rule."""
PRECISION = 240
"""Interval endpoints are integers over 2^PRECISION, rounded outward."""


# --------------------------------------------------------------------------- interval arithmetic


def _point(q: Fraction) -> tuple:
    scaled = q * (1 << PRECISION)
    lo = scaled.numerator // scaled.denominator
    return (lo, lo if scaled.denominator == 1 else lo + 1)


def _add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def _sub(a, b):
    return (a[0] - b[1], a[1] - b[0])


def _mul(a, b):
    products = (a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1])
    return (min(products) >> PRECISION, -((-max(products)) >> PRECISION))


def _cadd(a, b):
    return (_add(a[0], b[0]), _add(a[1], b[1]))


def _csub(a, b):
    return (_sub(a[0], b[0]), _sub(a[1], b[1]))


def _cmul(a, b):
    S.spend(8, "the interval arithmetic")
    return (_sub(_mul(a[0], b[0]), _mul(a[1], b[1])), _add(_mul(a[0], b[1]), _mul(a[1], b[0])))


_ZERO = ((0, 0), (0, 0))


def _cpoint(re: Fraction, im: Fraction):
    return (_point(re), _point(im))


def _contains_zero(z) -> bool:
    return z[0][0] <= 0 <= z[0][1] and z[1][0] <= 0 <= z[1][1]


class _Polynomials:
    """Polynomials with interval coefficients, evaluated at complex interval vectors (shared powers)."""

    def __init__(self, polys):
        self.polys = [[(m, _cpoint(c, Fraction(0))) for m, c in p.items()] for p in polys]

    def __call__(self, z):
        powers: dict = {}

        def power(i, e):
            if (i, e) not in powers:
                powers[(i, e)] = z[i] if e == 1 else _cmul(power(i, e - 1), z[i])
            return powers[(i, e)]

        out = []
        for p in self.polys:
            total = _ZERO
            for m, c in p:
                term = c
                for i, e in enumerate(m):
                    if e:
                        term = _cmul(term, power(i, e))
                total = _cadd(total, term)
            out.append(total)
        return out


def _determinant(M):
    """Laplace expansion along the first row (c ≤ MAX_CODIMENSION)."""
    if len(M) == 1:
        return M[0][0]
    total = _ZERO
    for j, entry in enumerate(M[0]):
        minor = [row[:j] + row[j + 1:] for row in M[1:]]
        term = _cmul(entry, _determinant(minor))
        total = _cadd(total, term) if j % 2 == 0 else _csub(total, term)
    return total


# --------------------------------------------------------------------------- the system


def _lagrange(equations, n: int, Q, u):
    c = len(equations)
    N = n + c
    f = [{m + (0,) * c: v for m, v in d.items()} for d in equations]
    grads = [[_derivative(fj, i) for i in range(n)] for fj in f]
    G = list(f)
    for i in range(n):
        S.spend(N + sum(len(grads[j][i]) for j in range(c)), "building the critical system")
        g: dict = {}
        zero = (0,) * N
        for j in range(n):
            if Q[i][j]:
                key = tuple(int(k == j) for k in range(N))
                g[key] = g.get(key, 0) + Q[i][j]
                g[zero] = g.get(zero, 0) - Q[i][j] * u[j]
        for j in range(c):
            for m, v in grads[j][i].items():
                key = m[:n + j] + (m[n + j] + 1,) + m[n + j + 1:]
                g[key] = g.get(key, 0) - v
        G.append({m: v for m, v in g.items() if v})
    jacobian = []
    for g in G:
        S.spend(N * (1 + len(g)), "the Jacobian of the critical system")
        jacobian.append([_derivative(g, k) for k in range(N)])
    return G, jacobian, [[grads[j][i] for i in range(n)] for j in range(c)]


def _complex(value, where: str) -> tuple:
    pair = S.array(value, where, length=2)
    return (S.rational(pair[0], f"{where}[0]"), S.rational(pair[1], f"{where}[1]"))


def _read_box(value, where: str, N: int):
    box = S.record(value, where, required=("centre", "radius", "preconditioner"))
    entries = S.array(box["centre"], f"{where}.centre", length=N)
    centre = [_complex(z, f"{where}.centre[{i}]") for i, z in enumerate(entries)]
    radius = S.rational(box["radius"], f"{where}.radius")
    if radius <= 0:
        raise CertificateError(f"{where}.radius must be positive, found {radius}")
    rows = S.array(box["preconditioner"], f"{where}.preconditioner", length=N)
    Y = [[_complex(z, f"{where}.preconditioner[{i}][{j}]")
          for j, z in enumerate(S.array(row, f"{where}.preconditioner[{i}]", length=N))]
         for i, row in enumerate(rows)]
    return centre, radius, Y


def _krawczyk(where: str, centre, radius, Y, G, J, N: int) -> None:
    m = [_cpoint(a, b) for a, b in centre]
    r = _point(radius)
    spread = ((-r[1], r[1]), (-r[1], r[1]))  # B − m, enclosed
    B = [_cadd(z, spread) for z in m]
    Gm = G(m)
    JB = J(B)
    Yi = [[_cpoint(a, b) for a, b in row] for row in Y]
    for i in range(N):
        S.spend(N * N, "the Krawczyk operator")
        k = m[i]
        for t in range(N):
            k = _csub(k, _cmul(Yi[i][t], Gm[t]))
        for j in range(N):
            entry = _cpoint(Fraction(int(i == j)), Fraction(0))
            for t in range(N):
                entry = _csub(entry, _cmul(Yi[i][t], JB[t * N + j]))
            k = _cadd(k, _cmul(entry, spread))
        scale = Fraction(1, 1 << PRECISION)
        for part, mid in ((k[0], centre[i][0]), (k[1], centre[i][1])):
            if not (part[0] * scale > mid - radius and part[1] * scale < mid + radius):
                raise CertificateError(f"{where}: the Krawczyk operator does not map the box into its "
                                       f"interior (coordinate {i}); the box is not proved to hold a "
                                       "critical point")


def _smooth(where: str, centre, radius, fjac, n: int, c: int) -> None:
    r = _point(radius)
    B = [_cadd(_cpoint(a, b), ((-r[1], r[1]), (-r[1], r[1]))) for a, b in centre]
    flat = fjac(B)
    J = [flat[j * n:(j + 1) * n] for j in range(c)]
    for cols in combinations(range(n), c):
        S.spend(1, "the minors of the Jacobian")
        if not _contains_zero(_determinant([[J[j][i] for i in cols] for j in range(c)])):
            return
    raise CertificateError(f"{where}: every {c}×{c} minor of the Jacobian of the equations may vanish on the "
                           "box, so its critical point is not proved to be a smooth point of X")


def _disjoint(a, b) -> bool:
    (ca, ra), (cb, rb) = a, b
    reach = ra + rb
    return any(abs(p[0] - q[0]) > reach or abs(p[1] - q[1]) > reach for p, q in zip(ca, cb))


def check_ed_degree_lower_bound(cert: dict) -> str:
    """Check an ``ed-degree-lower-bound`` certificate (module docstring).

    Raises
    ------
    CertificateError
        A malformed or oversized field, an ill-posed question, a box the Krawczyk test or the
        smoothness test does not pass, two boxes that meet, or a bound that is not the number of boxes.
    """
    claim = S.record(cert["claim"], "claim",
                     required=("variables", "equations", "Q", "u", "ed_degree_at_least"))
    data = S.record(cert["data"], "data", required=("boxes",))
    names = _names(claim["variables"], "claim.variables", minimum=1)
    n = len(names)
    Q = S.rmat(claim["Q"], "claim.Q", rows=n, cols=n)
    u = S.rvec(claim["u"], "claim.u", length=n)
    terms = S.array(claim["equations"], "claim.equations", max_length=MAX_CODIMENSION)
    equations = [_polynomial(f, n, f"claim.equations[{k}]") for k, f in enumerate(terms)]
    L = S.integer(claim["ed_degree_at_least"], "claim.ed_degree_at_least", 0, MAX_BOXES)
    boxes = S.array(data["boxes"], "data.boxes", max_length=MAX_BOXES)
    c = len(equations)
    if not 1 <= c <= n:
        raise CertificateError(f"claim.equations must hold between 1 and {n} equations (the codimension c), "
                               f"found {c}")
    for k, f in enumerate(equations):
        if _degree(f) <= 0:
            raise CertificateError(f"claim.equations[{k}] is a constant; X must be a proper non-empty "
                                   "variety")
    _check_distance_form(Q)
    if L != len(boxes):
        raise CertificateError(f"the claim is an ED degree of at least {L} but data.boxes holds {len(boxes)} "
                               "box(es); give one box per critical point")
    bound = _ed_degree_bound([_degree(f) for f in equations], n, c)
    if L > bound:
        raise CertificateError(f"the claimed lower bound {L} exceeds the Bezout-type upper bound {bound} "
                               "(Draisma et al., FoCM 2016, Prop. 2.6)")
    N = n + c
    G_polys, jacobian, fjac_polys = _lagrange(equations, n, Q, u)
    G = _Polynomials(G_polys)
    J = _Polynomials([e for row in jacobian for e in row])
    fjac = _Polynomials([e for row in fjac_polys for e in row])
    read = []
    for k, value in enumerate(boxes):
        where = f"data.boxes[{k}]"
        centre, radius, Y = _read_box(value, where, N)
        _krawczyk(where, centre, radius, Y, G, J, N)
        _smooth(where, centre, radius, fjac, n, c)
        read.append((centre, radius))
    for a in range(len(read)):
        S.spend(len(read) * N, "the disjointness of the boxes")
        for b in range(a):
            if not _disjoint(read[a], read[b]):
                raise CertificateError(f"data.boxes[{b}] and data.boxes[{a}] meet, so they are not proved to "
                                       "hold distinct critical points")
    message = (f"the ED degree of X for Q is at least {L}; re-derived: each of the {L} pairwise disjoint "
               "boxes holds exactly one simple solution of the Lagrange system (Krawczyk test in rational "
               f"interval arithmetic) at a point where the Jacobian of f has rank {c}")
    if L == bound:
        message += (f"; {L} is also the Bezout-type upper bound (Draisma et al., Prop. 2.6), so for X of "
                    f"pure codimension {c} the ED degree is exactly {L}")
    return message


CHECKS = {"ed-degree-lower-bound": check_ed_degree_lower_bound}

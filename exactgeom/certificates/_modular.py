"""Arithmetic in F_p[T]/(w) for the ``ed-degree`` checker (standard library only, every loop counted).

Elements of the quotient ring are coefficient lists, low degree first, reduced modulo the monic w.
Products are Kronecker products (one integer multiplication), reduction is Barrett's; minors
and determinants are division-free, so they work in a ring that need not be a field.

Examples
--------
>>> ring = _Quotient([1, 0, 1], 7)       # F_7[T]/(T^2 + 1)
>>> ring.mul([0, 1], [0, 1])             # T * T = -1
[6]
>>> _poly_gcd([6, 0, 1], [1, 1], 7)      # gcd(T^2 - 1, T + 1) = T + 1
[1, 1]
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations
from math import comb

from . import CertificateError
from . import _schema as S

CALL = 60
"""Counted steps charged for the fixed cost of one polynomial operation (beyond its coefficient work)."""

def _pack(a: list[int], width: int) -> int:
    return int.from_bytes(b"".join(c.to_bytes(width, "little") for c in a), "little")


def _kronecker(a: list[int], b: list[int], p: int) -> list[int]:
    """The product of two coefficient lists over F_p (entries in [0, p)) by one integer product.

    Each list is packed into an integer with slots wide enough for any coefficient of the product
    (at most min(len a, len b)·(p − 1)² < 2^(8·width)), so no slot overflows into the next.
    """
    if not a or not b:
        return []
    count = len(a) + len(b) - 1
    if len(a) * len(b) <= 1024:  # schoolbook is faster for short lists
        S.spend(CALL + 4 * len(a) * len(b), "arithmetic modulo w")
        out = [0] * count
        for i, x in enumerate(a):
            if x:
                for j, y in enumerate(b):
                    out[i + j] += x * y
        return [v % p for v in out]
    width = (2 * p.bit_length() + min(len(a), len(b)).bit_length() + 7) // 8
    words = width // 8 + 1
    S.spend(CALL + 24 * (len(a) + len(b)) + (len(a) * words) * (len(b) * words) // 8, "arithmetic modulo w")
    data = (_pack(a, width) * _pack(b, width)).to_bytes(count * width, "little")
    return [int.from_bytes(data[i * width:(i + 1) * width], "little") % p for i in range(count)]


class _Quotient:
    """The ring F_p[T]/(w) for a monic w; elements are coefficient lists (low degree first), reduced.

    Products are Kronecker products; reduction modulo w is Barrett's: with v = rev(w)^(-1) mod
    T^(D-1), the quotient of a (deg a ≤ 2D − 2) by w is rev(rev(a)·v mod T^m), m = deg a − D + 1.
    """

    def __init__(self, w: list[int], p: int):
        self.w, self.p, self.D = w, p, len(w) - 1
        reverse = w[::-1]
        inverse, k = [1], 1
        while k < self.D - 1:  # Newton: v <- v (2 - rev(w) v) mod T^(2k)
            k = min(2 * k, self.D - 1)
            error = [(-c) % p for c in _kronecker(reverse[:k], inverse, p)[:k]]
            error[0] = (error[0] + 2) % p
            inverse = _kronecker(inverse, error, p)[:k]
        self.inverse = inverse

    def reduce(self, a: list[int]) -> list[int]:
        p, D = self.p, self.D
        if D <= 1:  # F_p[T]/(T + w_0) is F_p, by T -> -w_0 (and D = 0 is the zero ring)
            S.spend(CALL + 2 * len(a), "arithmetic modulo w")
            value = 0
            for c in reversed(a):
                value = (value * -self.w[0] + c) % p if D else 0
            return [value] if value else []
        a = [v % p for v in a]
        while len(a) > D:
            top = len(a) - (2 * D - 1)
            if top > 0:  # reduce the highest 2D − 1 coefficients (T^top times a block) first
                a = a[:top] + self.reduce(a[top:])
                continue
            m = len(a) - D
            quotient = _kronecker(a[::-1][:m], self.inverse[:m], p)[:m][::-1]
            product = _kronecker(quotient, self.w, p)
            a = [(x - y) % p for x, y in zip(a[:D], product[:D])]
        while a and not a[-1]:
            a.pop()
        return a

    def mul(self, a: list[int], b: list[int]) -> list[int]:
        return self.reduce(_kronecker(a, b, self.p))

    def add(self, a: list[int], b: list[int], scale: int = 1) -> list[int]:
        S.spend(CALL + 2 * max(len(a), len(b)), "arithmetic modulo w")
        out = list(a) + [0] * (len(b) - len(a))
        for j, y in enumerate(b):
            out[j] += scale * y
        return self.reduce(out)

    def constant(self, c: int) -> list[int]:
        return self.reduce([c])


def _poly_gcd(a: list[int], b: list[int], p: int) -> list[int]:
    """Monic gcd in F_p[T] (Euclid, counted)."""

    def strip(v):
        v = [x % p for x in v]
        while v and not v[-1]:
            v.pop()
        return v

    a, b = strip(a), strip(b)
    while b:
        S.spend(3 * (len(a) + 1) * (len(b) + 1), "a gcd modulo p")
        inv = pow(b[-1], -1, p)
        while len(a) >= len(b):
            c = a[-1] * inv % p
            shift = len(a) - len(b)
            for j, y in enumerate(b):
                a[shift + j] = (a[shift + j] - c * y) % p
            a = strip(a)
        a, b = b, a
    if not a:
        return []
    inv = pow(a[-1], -1, p)
    return [x * inv % p for x in a]


def _coprime(a: list[int], w: list[int], p: int) -> bool:
    return len(_poly_gcd(w, a, p)) == 1


def _modp(c: Fraction, p: int, where: str) -> int:
    if c.denominator % p == 0:
        raise CertificateError(f"the prime {p} divides a denominator of {where}: no reduction modulo {p}")
    return c.numerator * pow(c.denominator, -1, p) % p


def _derivative(poly: dict, i: int) -> dict:
    out = {}
    for m, c in poly.items():
        if m[i]:
            out[m[:i] + (m[i] - 1,) + m[i + 1:]] = c * m[i]
    return out


class _Evaluator:
    """Values of polynomials over Q at the point x(T) of F_p[T]/(w), sharing the powers of the x_i."""

    def __init__(self, ring: _Quotient, xs: list[list[int]], where: str):
        self.ring, self.xs, self.where = ring, xs, where
        self.powers = [[ring.constant(1)] for _ in xs]

    def power(self, i: int, e: int) -> list[int]:
        table = self.powers[i]
        while len(table) <= e:
            table.append(self.ring.mul(table[-1], self.xs[i]))
        return table[e]

    def __call__(self, poly: dict) -> list[int]:
        ring, p = self.ring, self.ring.p
        total: list[int] = []
        for m, c in poly.items():
            S.spend(CALL, "evaluating the equations")
            term = ring.constant(_modp(c, p, self.where))
            for i, e in enumerate(m):
                if e and term:
                    term = ring.mul(term, self.power(i, e))
            total = ring.add(total, term)
        return total


def _minors(M: list[list[list[int]]], k: int, ring: _Quotient):
    """All k×k minors of a matrix over the ring (Laplace expansion along the first row, memoised)."""
    rows, cols = len(M), len(M[0]) if M else 0
    memo: dict = {}

    def det(rs: tuple, cs: tuple) -> list[int]:
        if len(rs) == 1:
            return M[rs[0]][cs[0]]
        key = (rs, cs)
        if key not in memo:
            S.spend(CALL + len(cs), "the minors")
            total: list[int] = []
            for j, col in enumerate(cs):
                entry = M[rs[0]][col]
                if entry:
                    sub = det(rs[1:], cs[:j] + cs[j + 1:])
                    total = ring.add(total, ring.mul(entry, sub), 1 if j % 2 == 0 else -1)
            memo[key] = total
        return memo[key]

    S.spend(CALL * comb(rows, k) * comb(cols, k), "the minors")
    for rs in combinations(range(rows), k):
        for cs in combinations(range(cols), k):
            yield det(rs, cs)


def _determinant(A: list[list[list[int]]], ring: _Quotient) -> list[int]:
    """Division-free determinant over a commutative ring (Bird, Inform. Process. Lett. 111, 2011)."""
    n = len(A)
    S.spend(n**4, "the determinant")
    X = [row[:] for row in A]
    for _ in range(n - 1):
        mu = [[[] for _ in range(n)] for _ in range(n)]
        running: list[int] = []
        for i in range(n - 1, -1, -1):
            mu[i][i] = ring.add([], running, -1)
            running = ring.add(running, X[i][i])
            for j in range(i + 1, n):
                mu[i][j] = X[i][j]
        X = [[_dot([mu[i][k] for k in range(i, n)], [A[k][j] for k in range(i, n)], ring)
              for j in range(n)] for i in range(n)]
    return X[0][0] if n % 2 == 1 else ring.add([], X[0][0], -1)


def _dot(a, b, ring: _Quotient) -> list[int]:
    S.spend(len(a), "the determinant")
    total: list[int] = []
    for x, y in zip(a, b):
        if x and y:
            total = ring.add(total, ring.mul(x, y))
    return total

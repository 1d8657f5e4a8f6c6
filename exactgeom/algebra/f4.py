"""A modest F4 Gröbner basis algorithm over F_p in pure Python, with python-flint linear algebra.

Polynomials are dicts ``{exponent tuple: int mod p}``; the monomial order is
graded reverse lexicographic.  Each round selects the critical pairs of lowest
lcm degree (normal strategy), builds the Macaulay matrix of the S-pair
halves and of reducers found by symbolic preprocessing, row-reduces it with
``flint.nmod_mat.rref`` and keeps the rows with new leading monomials.
Critical pairs are pruned with the Gebauer–Möller criteria.  Matrices are
dense, which is fine for the systems of this package (a few hundred rows for
the lightning EDD-14 system).

Examples
--------
>>> p = 101
>>> G = groebner_basis([{(2, 0): 1, (0, 2): 1, (0, 0): p - 1}, {(1, 0): 1, (0, 1): p - 1}], p)
>>> sorted(leading_monomial(g) for g in G)
[(0, 2), (1, 0)]
"""

from __future__ import annotations

import flint

__all__ = ["groebner_basis", "leading_monomial", "normal_form", "grevlex_key"]


def grevlex_key(m):
    """Sort key: larger key = larger monomial in graded reverse lexicographic order.

    Total degree first; among equal degrees, the monomial with the smaller
    exponent of the last variable is larger.

    Examples
    --------
    >>> sorted([(1, 0, 1), (0, 2, 0), (0, 0, 1), (1, 0, 0)], key=grevlex_key)
    [(0, 0, 1), (1, 0, 0), (1, 0, 1), (0, 2, 0)]
    """
    return (sum(m), tuple(-e for e in reversed(m)))


def leading_monomial(f: dict):
    """The grevlex-largest monomial of a non-zero polynomial.

    Examples
    --------
    >>> leading_monomial({(1, 0): 5, (0, 2): 1, (0, 0): 3})
    (0, 2)
    """
    return max(f, key=grevlex_key)


def _divides(a, b) -> bool:
    return all(x <= y for x, y in zip(a, b))


def _lcm(a, b):
    return tuple(max(x, y) for x, y in zip(a, b))


def _coprime(a, b) -> bool:
    return all(x == 0 or y == 0 for x, y in zip(a, b))


def _shift(f: dict, m) -> dict:
    return {tuple(x + y for x, y in zip(e, m)): c for e, c in f.items()}


def _monic(f: dict, p: int) -> dict:
    inv = pow(f[leading_monomial(f)], -1, p)
    return {m: c * inv % p for m, c in f.items()}


class _Basis:
    def __init__(self, p: int):
        self.p = p
        self.polys: list[dict] = []
        self.lms: list[tuple] = []
        self.active: list[int] = []
        self.pairs: list[tuple] = []  # (lcm, i, j)

    def insert(self, h: dict) -> None:
        """Add h (monic) and update pairs and the active set (Gebauer–Möller)."""
        k = len(self.polys)
        self.polys.append(h)
        lh = leading_monomial(h)
        self.lms.append(lh)
        pending = [(_lcm(self.lms[i], lh), i) for i in self.active]
        kept = []
        while pending:
            l, i = pending.pop(0)
            if _coprime(self.lms[i], lh) or not any(_divides(l2, l) for l2, _ in pending + kept):
                kept.append((l, i))
        new_pairs = [(l, i, k) for l, i in kept if not _coprime(self.lms[i], lh)]
        survivors = []
        for l, i, j in self.pairs:
            if _divides(lh, l) and _lcm(self.lms[i], lh) != l and _lcm(self.lms[j], lh) != l:
                continue
            survivors.append((l, i, j))
        self.pairs = survivors + new_pairs
        self.active = [i for i in self.active if not _divides(lh, self.lms[i])] + [k]

    def reducer(self, m):
        for i in self.active:
            if _divides(self.lms[i], m):
                return i
        return None


def _reduce_round(basis: _Basis, selected) -> list[dict]:
    p = basis.p
    rows = {}
    for l, i, j in selected:
        for idx in (i, j):
            mult = tuple(a - b for a, b in zip(l, basis.lms[idx]))
            rows[(mult, idx)] = None
    polys = [_shift(basis.polys[idx], mult) for mult, idx in rows]
    monomials = set()
    for f in polys:
        monomials.update(f)
    done = {leading_monomial(f) for f in polys}
    todo = [m for m in monomials if m not in done]
    while todo:
        m = todo.pop()
        if m in done:
            continue
        done.add(m)
        i = basis.reducer(m)
        if i is None:
            continue
        g = _shift(basis.polys[i], tuple(a - b for a, b in zip(m, basis.lms[i])))
        polys.append(g)
        for mono in g:
            if mono not in monomials:
                monomials.add(mono)
                todo.append(mono)
    columns = sorted(monomials, key=grevlex_key, reverse=True)
    index = {m: c for c, m in enumerate(columns)}
    ncols = len(columns)
    entries = [0] * (len(polys) * ncols)
    for r, f in enumerate(polys):
        base = r * ncols
        for m, c in f.items():
            entries[base + index[m]] = c
    before = {index[leading_monomial(f)] for f in polys}
    R, rank = flint.nmod_mat(len(polys), ncols, entries, p).rref()
    flat = [int(v) for v in R.entries()]
    new = []
    for r in range(rank):
        row = flat[r * ncols : (r + 1) * ncols]
        lead = next(c for c, v in enumerate(row) if v)
        if lead in before:
            continue
        new.append({columns[c]: v for c, v in enumerate(row) if v})
    return new


def groebner_basis(polys, p: int, *, max_rounds: int = 10000) -> list[dict]:
    """A Gröbner basis (grevlex) of the ideal generated by ``polys`` over F_p.

    Parameters
    ----------
    polys : list of dict
        ``{exponent tuple: int}`` with coefficients in [0, p).
    p : int
        A prime.

    Returns
    -------
    list of dict
        Monic polynomials whose leading monomials generate the leading ideal
        (minimal: no leading monomial divides another).  ``[{(0,…,0): 1}]`` for the unit ideal.

    Examples
    --------
    The circle x² + y² = 1 and the line x = y over F_101: y² = 1/2 = 51 there.

    >>> p = 101
    >>> groebner_basis([{(2, 0): 1, (0, 2): 1, (0, 0): p - 1}, {(1, 0): 1, (0, 1): p - 1}], p)
    [{(1, 0): 1, (0, 1): 100}, {(0, 2): 1, (0, 0): 50}]
    >>> groebner_basis([{(1,): 1}, {(1,): 1, (0,): 1}], 7)
    [{(0,): 1}]
    """
    basis = _Basis(p)
    nvars = len(next(iter(next(f for f in polys if f)))) if any(polys) else 0
    for i, f in enumerate(polys):
        for m, c in f.items():
            if not isinstance(c, int):
                raise TypeError(f"polys[{i}][{m}] is {c!r}; coefficients over F_p are ints in [0, p)")
        f = {m: c % p for m, c in f.items() if c % p}
        if f:
            basis.insert(_monic(f, p))
    rounds = 0
    while basis.pairs:
        rounds += 1
        if rounds > max_rounds:
            raise RuntimeError(f"F4 did not finish in {max_rounds} rounds")
        degree = min(sum(l) for l, _, _ in basis.pairs)
        selected = [q for q in basis.pairs if sum(q[0]) == degree]
        basis.pairs = [q for q in basis.pairs if sum(q[0]) != degree]
        for h in _reduce_round(basis, selected):
            if leading_monomial(h) == (0,) * nvars:
                return [{(0,) * nvars: 1}]
            basis.insert(_monic(h, p))
    return [basis.polys[i] for i in basis.active]


def normal_form(f: dict, basis: list[dict], p: int) -> dict:
    """The remainder of f on division by a Gröbner basis (unique for a Gröbner basis).

    Examples
    --------
    On the circle ∩ line x = y over F_101, x² ≡ 1/2 = 51 and x³ ≡ 51·y:

    >>> p = 101
    >>> G = groebner_basis([{(2, 0): 1, (0, 2): 1, (0, 0): p - 1}, {(1, 0): 1, (0, 1): p - 1}], p)
    >>> normal_form({(2, 0): 1}, G, p), normal_form({(3, 0): 1}, G, p)
    ({(0, 0): 51}, {(0, 1): 51})
    """
    lms = [leading_monomial(g) for g in basis]
    f = {m: c % p for m, c in f.items() if c % p}
    remainder = {}
    while f:
        m = leading_monomial(f)
        c = f[m]
        for g, lm in zip(basis, lms):
            if _divides(lm, m):
                shift = tuple(a - b for a, b in zip(m, lm))
                for e, v in g.items():
                    key = tuple(x + y for x, y in zip(e, shift))
                    value = (f.get(key, 0) - c * v) % p
                    if value:
                        f[key] = value
                    else:
                        f.pop(key, None)
                break
        else:
            remainder[m] = c
            del f[m]
    return remainder

r"""Permutation groups given by generators: order, orbits and elements by Schreier–Sims.

A group of permutations of {0, …, n − 1} is held by its generators, each the tuple of
images of 0, …, n − 1.  Its base and strong generating set are computed once, on first
use, by the Schreier–Sims algorithm; the transversals of that stabilizer chain give the
order and number every element, so elements can be listed or sampled by index without
storing the group.  :mod:`exactgeom.arrangements.symmetry` builds these groups from the
symmetries of an arrangement.

Examples
--------
>>> G = PermutationGroup(3, ((1, 0, 2), (0, 2, 1)))
>>> G.order(), G.orbits()
(6, ((0, 1, 2),))

References
----------
Á. Seress, *Permutation group algorithms*, Cambridge Tracts in Mathematics 152 (2003),
chapter 4 (the Schreier–Sims algorithm).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["PermutationGroup"]


@dataclass(frozen=True)
class PermutationGroup:
    """A group of permutations of {0, …, degree − 1} given by generators (tuples of images).

    Examples
    --------
    >>> G = PermutationGroup(4, ((1, 0, 2, 3), (1, 2, 3, 0)))
    >>> G.order(), G.orbits()
    (24, ((0, 1, 2, 3),))
    >>> PermutationGroup(3, ()).order()
    1
    """

    degree: int
    generators: tuple[tuple[int, ...], ...]

    def _chain(self):
        """Base, transversals (dicts image -> coset representative) by Schreier–Sims."""
        import numpy as np

        cached = self.__dict__.get("_bsgs")
        if cached is not None:
            return cached
        n = self.degree
        identity = np.arange(n)
        strong = [np.asarray(g, np.intp) for g in self.generators if tuple(g) != tuple(range(n))]
        base = []
        for g in strong:
            if all(g[x] == x for x in base):
                base.append(int(np.flatnonzero(g != identity)[0]))

        def level(i):
            gens = [g for g in strong if all(g[x] == x for x in base[:i])]
            t, stack = {base[i]: identity}, [base[i]]
            while stack:
                x = stack.pop()
                for g in gens:
                    y = int(g[x])
                    if y not in t:
                        t[y] = g[t[x]]
                        stack.append(y)
            return gens, t

        def sift(g, start):
            for j in range(start, len(base)):
                x = int(g[base[j]])
                if x not in trans[j][1]:
                    return g, j
                g = np.argsort(trans[j][1][x])[g]
            return g, len(base)

        trans = [level(i) for i in range(len(base))]
        # Every basic orbit found so far lies in the true one, so the product of their sizes is at
        # most the order; reaching a known upper bound on it (see symmetry_group) proves the chain
        # complete, and the remaining Schreier generators need not be sifted.
        bound = self.__dict__.get("_order_bound")
        i = len(base) - 1
        while i >= 0 and math.prod(len(t) for _, t in trans) != bound:
            gens, t = trans[i]
            added = None
            for x in list(t):
                for g in gens:
                    residue, j = sift(np.argsort(t[int(g[x])])[g[t[x]]], i + 1)
                    if not np.array_equal(residue, identity):
                        added = (residue, j)
                        break
                if added:
                    break
            if added is None:
                i -= 1
                continue
            residue, j = added
            strong.append(residue)
            if j == len(base):
                base.append(int(np.flatnonzero(residue != identity)[0]))
                trans.append(None)
            for l in range(j + 1):
                trans[l] = level(l)
            i = j
        trans = [t for _, t in trans]
        result = (tuple(base), tuple(trans))
        object.__setattr__(self, "_bsgs", result)
        return result

    def order(self) -> int:
        """The number of elements (Schreier–Sims).

        Examples
        --------
        >>> PermutationGroup(3, ((1, 2, 0),)).order()
        3
        """
        result = 1
        for t in self._chain()[1]:
            result *= len(t)
        return result

    def orbits(self) -> tuple[tuple[int, ...], ...]:
        """The orbits on {0, …, degree − 1}, each sorted, ordered by smallest element.

        Examples
        --------
        >>> PermutationGroup(4, ((1, 0, 2, 3),)).orbits()
        ((0, 1), (2,), (3,))
        """
        seen, out = set(), []
        for start in range(self.degree):
            if start in seen:
                continue
            orbit, stack = {start}, [start]
            while stack:
                x = stack.pop()
                for g in self.generators:
                    if g[x] not in orbit:
                        orbit.add(g[x])
                        stack.append(g[x])
            seen |= orbit
            out.append(tuple(sorted(orbit)))
        return tuple(out)

    def _tables(self):
        """The transversals of the stabilizer chain as arrays, the last level first."""
        import numpy as np

        tables = self.__dict__.get("_transversal_tables")
        if tables is None:
            dtype = np.int16 if self.degree < 1 << 15 else np.int64
            tables = [np.array(list(t.values()), dtype=dtype) for t in reversed(self._chain()[1])]
            object.__setattr__(self, "_transversal_tables", tables)
        return tables

    def _elements(self, index):
        """The elements with these indices (0 ≤ index < order) as rows of a numpy array.

        Element number Σ d_l Π_{l' > l} |U_l'| is u_0[d_0] ∘ u_1[d_1] ∘ … for the
        transversals U_l of the stabilizer chain.
        """
        import numpy as np

        tables = self._tables()
        index = np.asarray(index, np.int64)
        E = np.broadcast_to(np.arange(self.degree, dtype=tables[0].dtype if tables else np.int64),
                            (len(index), self.degree))
        for U in tables:                         # E ← U[digit] ∘ E, as one gather from the flat table
            index, digit = np.divmod(index, len(U))
            E = np.take(U.ravel(), (digit * self.degree)[:, None] + E)
        return E

    def _all_elements(self):
        """All elements, row k being element number k of :meth:`_elements`.

        Built from the last level of the chain up, one gather per level: the rows for the
        levels l, l + 1, … are U_l[d] ∘ (the rows for l + 1, …) for every d, so the work is
        about order × degree instead of that times the number of levels.
        """
        import numpy as np

        tables = self._tables()
        E = np.arange(self.degree, dtype=tables[0].dtype if tables else np.int64)[None]
        for U in tables:
            E = np.take(U.ravel(), (np.arange(len(U)) * self.degree)[:, None, None] + E[None])
            E = E.reshape(-1, self.degree)
        return E

    def _with_fixed_point(self) -> PermutationGroup:
        """The same group acting on {0, …, degree}, fixing the new point (its chain reused)."""
        import numpy as np

        group = PermutationGroup(self.degree + 1, tuple(g + (self.degree,) for g in self.generators))
        base, trans = self._chain()
        trans = tuple({x: np.append(u, self.degree) for x, u in t.items()} for t in trans)
        object.__setattr__(group, "_bsgs", (base, trans))
        return group


def _stabilizer_elements(group: PermutationGroup, per_depth: int, budget: int = 1 << 23):
    """For each depth i up to ``per_depth`` group elements fixing {i, …, n − 1} setwise.

    The group is scanned in a fixed pseudo-random order (an affine bijection r ↦ r·s + 7 of
    the element indices), and each depth takes the first ``per_depth`` elements in that order
    that map {0, …, i − 1} into itself, until the scan has touched ``budget`` entries; each
    element is returned with the fixed point n appended.  A group of at most ``budget``
    entries is built whole (:meth:`PermutationGroup._all_elements`) and each depth's hits
    are ranked by r; a larger one is scanned in chunks.  Both give the same elements.
    """
    import numpy as np

    n = group.degree
    order = group.order()
    if not group.generators or order == 1:
        return {}
    stride = next(a for a in range(int(order * 0.618) | 1, 2 * order + 2) if math.gcd(a, order) == 1)
    found = {i: [] for i in range(1, n)}
    if order * n <= budget:
        E = group._all_elements()
        closed = np.empty((n, order), bool)          # closed[i - 1]: g maps {0..i-1} into itself
        running = E[:, 0].copy()                     # max g(0..i-1), one column at a time
        for i in range(1, n + 1):
            np.maximum(running, E[:, i - 1], out=running)
            np.equal(running, i - 1, out=closed[i - 1])
        rank = (np.arange(order, dtype=np.int64) - 7) * pow(stride, -1, order) % order
        for i in found:
            hit = np.flatnonzero(closed[i - 1])
            found[i] = E[hit[np.argsort(rank[hit])[:per_depth]]]
    else:
        chunk = max(1, min(1 << 21, budget) // n)
        for start in range(0, max(1, budget // n), chunk):
            r = np.arange(start, min(start + chunk, order), dtype=np.int64)
            E = group._elements((r * stride + 7) % order)
            closed = np.maximum.accumulate(E, axis=1) == np.arange(n)
            for i in [i for i in found if len(found[i]) < per_depth]:
                hit = np.flatnonzero(closed[:, i - 1])
                found[i].extend(E[hit[: per_depth - len(found[i])]])
            if all(len(v) >= per_depth for v in found.values()):
                break
    out = {}
    for i, rows in found.items():
        rows = np.asarray(rows).reshape(-1, n)
        rows = rows[(rows != np.arange(n)).any(axis=1)]
        if len(rows):
            out[i] = np.concatenate([rows, np.full((len(rows), 1), n, rows.dtype)], axis=1)
    return out

"""Intersection lattice, Möbius function and characteristic polynomial (baseline implementation)."""

from __future__ import annotations

from fractions import Fraction

import networkx as nx
import sympy

from .. import _exact

__all__ = [
    "IntersectionLattice",
    "intersection_lattice",
    "characteristic_polynomial",
    "poincare_polynomial",
    "whitney_numbers",
    "num_regions",
    "num_bounded_regions",
]

T = sympy.Symbol("t")


class IntersectionLattice:
    """Flats of a central arrangement by rank, as frozensets of hyperplane indices."""

    def __init__(self, arrangement, flats_by_rank, mobius_values):
        self.arrangement = arrangement
        self.flats_by_rank = flats_by_rank
        self._mobius = mobius_values

    def mobius(self, X) -> int:
        return self._mobius[frozenset(X)]

    def hasse_diagram(self) -> nx.DiGraph:
        G = nx.DiGraph()
        for rank, flats in enumerate(self.flats_by_rank):
            for F in flats:
                G.add_node(F, rank=rank, mobius=self._mobius[F])
        for rank in range(1, len(self.flats_by_rank)):
            for F in self.flats_by_rank[rank]:
                for E in self.flats_by_rank[rank - 1]:
                    if E < F:
                        G.add_edge(E, F)
        return G


def intersection_lattice(arrangement) -> IntersectionLattice:
    A = arrangement if arrangement.is_central() else arrangement.cone()
    normals = A.normals
    n = len(normals)
    flats = [[frozenset()]]
    while True:
        nxt = set()
        for F in flats[-1]:
            for h in range(n):
                if h in F:
                    continue
                rows = [normals[i] for i in F] + [normals[h]]
                closure = frozenset(i for i in range(n) if _exact.in_span(normals[i], rows))
                nxt.add(closure)
        if not nxt:
            break
        flats.append(sorted(nxt, key=sorted))
    mob = {}
    for rank, level in enumerate(flats):
        for F in level:
            mob[F] = 1 if rank == 0 else -sum(mob[E] for r in range(rank) for E in flats[r] if E < F)
    return IntersectionLattice(A, flats, mob)


def characteristic_polynomial(arrangement, *, variable="t") -> sympy.Poly:
    t = sympy.Symbol(variable)
    if not arrangement.normals:
        return sympy.Poly(t**arrangement.dimension, t, domain="ZZ")
    central = arrangement.is_central()
    L = intersection_lattice(arrangement)
    d = L.arrangement.dimension
    chi = sympy.Poly(sum((L.mobius(F) * t ** (d - r) for r, lev in enumerate(L.flats_by_rank) for F in lev),
                         sympy.Integer(0)), t, domain="ZZ")
    if not central:
        chi, rem = chi.div(sympy.Poly(t - 1, t, domain="ZZ"))
        assert rem.is_zero
    return chi


def poincare_polynomial(arrangement, *, variable="t") -> sympy.Poly:
    t = sympy.Symbol(variable)
    coeffs = characteristic_polynomial(arrangement).all_coeffs()
    return sympy.Poly(sum(abs(c) * t**i for i, c in enumerate(coeffs)), t, domain="ZZ")


def whitney_numbers(arrangement, kind=1):
    if kind == 1:
        return [int(c) for c in characteristic_polynomial(arrangement).all_coeffs()]
    L = intersection_lattice(arrangement)
    return [len(level) for level in L.flats_by_rank]


def num_regions(arrangement) -> int:
    chi = characteristic_polynomial(arrangement)
    return int((-1) ** arrangement.dimension * chi.eval(-1))


def num_bounded_regions(arrangement) -> int:
    chi = characteristic_polynomial(arrangement)
    return int((-1) ** arrangement.rank * chi.eval(1))

"""Cells of the k-step and sequential decompositions of a Hopfield parameter space, from one-step cones.

Without classical constraints the one-step parameter arrangement A_L is the
product of n copies of the threshold arrangement T_n, one per unit (unit i's
coordinates are (w_i, θ_i)).  A threshold function t of n variables has the
per-unit cone P_t = {(w, θ) : w·z + θ > 0 iff t(z) = 1}, a union of faces of
T_n (a face with covector σ lies in P_t for t = [σ = +]); a one-step map
h = (h_1, ..., h_n) has Par_h = P_{h_1} × ... × P_{h_n}.  Every other
dynamics of this module (two synchronous steps, one sequential sweep) is
determined by h, so its cells are unions of the Par_h.

Convexity.  The Par_h are cones, so for p ∈ Par_h and q ∈ Par_h' the open
segment (p, q) lies in Par_h + Par_h' = Π_i (P_{h_i} + P_{h'_i}), and each
point of that sum is the midpoint of two points of Par_h, Par_h'.  A union U of
cones Par_h, h ∈ S, is therefore convex iff for all h, h' ∈ S every map u with
P_{u_i} meeting P_{h_i} + P_{h'_i} for each i lies in S.  Which P_u meet
P_t + P_s is one exact LP in 2(n+1) variables per triple (t, s, u); its point
(x, y) with x ∈ P_t, y ∈ P_s, x + y ∈ P_u is the midpoint witness.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from fractions import Fraction
from functools import cache

from ..arrangements.faces import faces
from ..polyhedra.lp import point_of
from ._boolean import Table, boolean_points
from ._semantics import _block_chambers, _mask_step, _parameter_arrangement
from .hopfield import HopfieldNetwork

Masks = tuple[int, ...]
Point = tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]
"""A parameter Θ = (W, θ) as (rows of W, θ)."""


@cache
def _unit_cones(n: int) -> dict[int, tuple[int, tuple[int, ...]]]:
    """Per threshold mask t: (number of faces of T_n inside P_t, an integer point (w, θ) of its chamber).

    Mask bit p is the value of t at the p-th point of {0,1}^n, as in
    :func:`~exactgeom.networks._semantics._mask_step`.

    Examples
    --------
    >>> cones = _unit_cones(1)
    >>> sorted((t, count) for t, (count, _) in cones.items())    # 0, ¬x, x, 1 on the 9 faces of T_1
    [(0, 4), (1, 2), (2, 2), (3, 1)]
    """
    spec = HopfieldNetwork(n)._spec()
    counts = Counter(sum(1 << p for p, s in enumerate(F.covector) if s == 1)
                     for F in faces(_parameter_arrangement(spec, [0])))
    chambers = {masks[0]: (*weights[0], thresholds[0])
                for masks, weights, thresholds in _block_chambers(spec, [0])}
    return {t: (counts[t], chambers[t]) for t in sorted(chambers)}


def _unit_rows(t: int, n: int, offset: int, width: int, also: int | None = None) -> list[tuple]:
    """Rows of (the block at ``offset`` [+ the block at ``also``]) ∈ P_t, in ``width`` variables."""
    zero = Fraction(0)
    rows = []
    for p, z in enumerate(boolean_points(n)):
        row = [zero] * width
        for start in (offset,) if also is None else (offset, also):
            row[start:start + n + 1] = [Fraction(v) for v in (*z, 1)]
        rows.append((tuple(row), ">" if (t >> p) & 1 else "<=", zero))
    return rows


@cache
def _sum_meets(t: int, s: int, n: int) -> dict[int, tuple[tuple[Fraction, ...], tuple[Fraction, ...]]]:
    """The masks u with P_u ∩ (P_t + P_s) ≠ ∅, each with x ∈ P_t, y ∈ P_s such that x + y ∈ P_u.

    Only u with u ⊇ t ∧ s and u ⊆ t ∨ s can occur (a sum of two positive
    values is positive, of two non-positive ones non-positive); each is one LP.

    Examples
    --------
    >>> sorted(_sum_meets(0b01, 0b10, 1))   # ¬x + x: every threshold function of x
    [0, 1, 2, 3]
    """
    d = n + 1
    out = {}
    for u in _unit_cones(n):
        if (u & t & s) != t & s or (u | t | s) != t | s:
            continue
        rows = _unit_rows(t, n, 0, 2 * d) + _unit_rows(s, n, d, 2 * d) + _unit_rows(u, n, 0, 2 * d, also=d)
        point = point_of(2 * d, rows)
        if point is not None:
            out[u] = (point[:d], point[d:])
    return out


def _as_parameter(blocks) -> Point:
    """Θ = (W, θ) from its integral per-unit blocks (w_i, θ_i), with int entries."""
    return tuple(tuple(int(v) for v in b[:-1]) for b in blocks), tuple(int(b[-1]) for b in blocks)


def _scaled_pair(x_blocks, y_blocks) -> tuple[Point, Point]:
    """The two parameters scaled by one positive integer to integer entries (the cones are invariant)."""
    lcm = math.lcm(*(Fraction(v).denominator for v in itertools.chain(*x_blocks, *y_blocks)))
    return (_as_parameter([[v * lcm for v in b] for b in x_blocks]),
            _as_parameter([[v * lcm for v in b] for b in y_blocks]))


def _midpoint_witness(members: list[Masks], n: int) -> tuple[Point, Point] | None:
    """Two points of ∪_{h ∈ members} Par_h whose midpoint is outside it, or None when the union is convex."""
    inside = set(members)
    chambers = _unit_cones(n)
    for h, g in itertools.combinations(members, 2):
        sums = [_sum_meets(h[i], g[i], n) if h[i] != g[i] else None for i in range(n)]
        choices = [list(m) if m is not None else [h[i]] for i, m in enumerate(sums)]
        for u in itertools.product(*choices):
            if u in inside:
                continue
            x_blocks, y_blocks = [], []
            for i in range(n):
                if sums[i] is None:
                    x_blocks.append(chambers[h[i]][1])
                    y_blocks.append(x_blocks[-1])
                else:
                    x, y = sums[i][u[i]]
                    x_blocks.append(list(x))
                    y_blocks.append(list(y))
            return _scaled_pair(x_blocks, y_blocks)
    return None


def _table(masks: Masks, n: int, image) -> Table:
    points = boolean_points(n)
    return tuple(points[image(masks, x)] for x in range(2**n))


def _one_step(masks: Masks, x: int) -> int:
    return _mask_step(masks, x, False)


def _two_steps(masks: Masks, x: int) -> int:
    return _mask_step(masks, _mask_step(masks, x, False), False)


def _sweep(masks: Masks, x: int) -> int:
    return _mask_step(masks, x, True)


def _dynamics(kind: str):
    return {"two-step": _two_steps, "sequential": _sweep}[kind]


def _cells(kind: str, n: int):
    """``(f, one-step maps, number of faces, chamber witnesses, midpoint witness)`` per cell, in order of f.

    ``kind`` is ``"two-step"`` (HN_Θ∘HN_Θ) or ``"sequential"`` (one sweep).
    """
    image = _dynamics(kind)
    cones = _unit_cones(n)
    grouped: dict[Table, list[Masks]] = {}
    for h in itertools.product(cones, repeat=n):
        grouped.setdefault(_table(h, n, image), []).append(h)
    for f in sorted(grouped):
        members = grouped[f]
        num_faces = sum(math.prod(cones[t][0] for t in h) for h in members)
        witnesses = tuple(_as_parameter([cones[t][1] for t in h]) for h in members)
        maps = tuple(_table(h, n, _one_step) for h in members)
        yield f, maps, num_faces, witnesses, _midpoint_witness(members, n)

r"""The distinct maps over the chambers of A_L: sequential sweeps and k >= 2 iterations.

Point 2 of :mod:`exactgeom.networks._semantics` puts every realizable map (of
any update rule and any number of iterations) on a chamber of A_L, and on a
chamber every row has one sign, so every unit computes one function and the
chamber computes one map.  The realizable maps are therefore exactly the maps
of the chambers, and a chamber's map depends only on its sign vector: the tuple
of its unit masks.  Without ``symmetric`` the chambers are the products of the
units' chambers; with it they are the tuples of unit chambers whose cones are
compatible on the shared weights w_ij = w_ji, decided exactly by
Fourier–Motzkin elimination (:func:`coupled_chambers`).  Neither needs a linear
program or a witness point, and the maps are composed by ``bytes.translate``.
"""

from __future__ import annotations

import itertools
import math

from ._boolean import boolean_points
from ._semantics import _block_chambers, _coupled_blocks, _free_coordinates, _row_form


def _primitive_row(row) -> tuple[int, ...]:
    g = math.gcd(*row)
    return tuple(v // g for v in row) if g > 1 else tuple(row)


def _eliminate(rows: set, j: int) -> set:
    """Fourier–Motzkin for strict rows r·y > 0: the rows implied without coordinate j, which are feasible
    exactly when ``rows`` are (t > -a/c from c > 0 and t < a'/-c' from c' < 0 meet iff c·r' - c'·r > 0)."""
    positive = [r for r in rows if r[j] > 0]
    negative = [r for r in rows if r[j] < 0]
    out = {r for r in rows if r[j] == 0}
    for p in positive:
        for q in negative:
            out.add(_primitive_row(tuple(p[j] * b - q[j] * a for a, b in zip(p, q))))
    return out


def _strictly_feasible(rows: set, dimension: int) -> bool:
    """Whether r·y > 0 for every row has a solution: eliminate every coordinate; a row left is 0 > 0."""
    for j in range(dimension):
        rows = _eliminate(rows, j)
    return not rows


def _extreme_rows(rows: set) -> frozenset:
    """In two coordinates, the two extreme rows, which cut out the same open cone as all of them.

    The rows of a non-empty open cone lie in an open half-plane, where the angle orders them
    (cross(a, b) > 0: b counterclockwise of a), so a scan finds the first and the last."""
    if len(rows) <= 2 or len(next(iter(rows))) != 2:
        return frozenset(rows)
    first = last = next(iter(rows))
    for u in rows:
        if first[0] * u[1] - first[1] * u[0] < 0:
            first = u
        if last[0] * u[1] - last[1] * u[0] > 0:
            last = u
    return frozenset((first, last))


def coupled_chambers(spec: dict) -> list[tuple[int, ...]]:
    """The chambers of the coupled A_L (``symmetric``) as tuples of unit masks, without linear programs.

    A chamber gives every unit i a chamber g_i of its own arrangement in the coordinates
    (w_i, θ_i) it sees, i.e. of the uncoupled A_L.  Conversely a tuple (g_1, ..., g_n) is a chamber
    iff the open cones C(g_i) meet on the shared weights: w_ii and θ_i belong to unit i alone, so the
    condition is that the projections P_i of C(g_i) onto unit i's weights w_ij (j ≠ i) have a common
    point s ∈ Q^{n(n-1)/2}.  Each P_i is an open cone, computed by Fourier–Motzkin (exact); tuples
    are grouped by their projections and each combination of projections is decided once.

    Examples
    --------
    >>> spec = {"n_inputs": 2, "n_outputs": 2, "update": "synchronous", "symmetric": True,
    ...         "zero_diagonal": True, "thresholds": False}
    >>> sorted(coupled_chambers(spec))      # w_12 < 0: both units output 0; w_12 > 0: the swap
    [(0, 0), (10, 12)]
    """
    n = spec["n_inputs"]
    uncoupled = dict(spec, symmetric=False)
    pairs = {pair: k for k, pair in enumerate(itertools.combinations(range(n), 2))}
    points = boolean_points(n)
    groups = []
    for i in range(n):
        free = _free_coordinates(uncoupled, [i])
        forms = [(p, form) for p, z in enumerate(points) if any(form := _row_form(uncoupled, free, i, z))]
        own = [free[key] for key in ((i, i), ("theta", i)) if key in free]
        shared = sorted((pairs[min(i, j), max(i, j)], free[i, j]) for j in range(n) if j != i)
        by_projection: dict = {}
        for masks, _, _ in _block_chambers(uncoupled, [i]):
            g = masks[i]
            rows = {_primitive_row([v if (g >> p) & 1 else -v for v in form]) for p, form in forms}
            for j in own:
                rows = _eliminate(rows, j)
            # every row left is zero on w_ii and θ_i: its entries on the shared weights, in Q^{n(n-1)/2}
            projection = set()
            for r in _extreme_rows({tuple(r[c] for _, c in shared) for r in rows}):
                s = [0] * len(pairs)
                for (k, _), v in zip(shared, r):
                    s[k] = v
                projection.add(tuple(s))
            by_projection.setdefault(frozenset(projection), []).append(g)
        groups.append(list(by_projection.items()))
    chambers = []
    for combination in itertools.product(*groups):
        if _strictly_feasible(set().union(*(rows for rows, _ in combination)), len(pairs)):
            chambers.extend(itertools.product(*(masks for _, masks in combination)))
    return chambers


def _stage_tables(n: int, i: int, mask: int, sequential: bool) -> bytes:
    """Unit i's update as a ``bytes.translate`` table on states s = (x << n) | y.

    y is the current state (x with units 1..i-1 updated); unit i reads y in a sweep and x in a
    synchronous step, and sets bit n-1-i of y.  The table of the last unit also drops x, so
    its output is the image of x."""
    low = (1 << n) - 1
    bit = 1 << (n - 1 - i)
    table = bytearray(256)
    for s in range(1 << (2 * n)):
        seen = s & low if sequential else s >> n
        t = s | bit if (mask >> seen) & 1 else s & ~bit
        table[s] = t & low if i == n - 1 else t
    return bytes(table)


def _power(h: bytes, k: int) -> bytes:
    """h^k for a map of {0, ..., len(h) - 1} given as bytes (composition by ``translate``, by squaring)."""
    pad = bytes(256 - len(h))
    result, base = None, h
    while True:
        if k & 1:
            result = base if result is None else result.translate(base + pad)
        k >>= 1
        if not k:
            return result
        base = base.translate(base + pad)


def chamber_maps(spec: dict, iterations: int, *, progress=False, executor=None):
    """The distinct k-step maps over the chambers of A_L, each once, as tuples of point indices.

    Unit i's update is one ``translate`` of the 2^n states (:func:`_stage_tables`); the chambers of
    one block of coupled units are applied to every distinct state the earlier blocks produced (two
    chambers of the earlier blocks with the same state give the same maps with every later chamber).

    Examples
    --------
    >>> spec = {"n_inputs": 2, "n_outputs": 2, "update": "sequential"}
    >>> sum(1 for _ in chamber_maps(spec, 1)), sum(1 for _ in chamber_maps(spec, 2))
    (108, 41)
    """
    n, N = spec["n_inputs"], 2 ** spec["n_inputs"]
    sequential = spec["update"] == "sequential"
    blocks = []
    for block in _coupled_blocks(spec):
        if len(block) > 1:
            chambers = coupled_chambers(spec)
        else:
            chambers = [(m[block[0]],) for m, _, _ in _block_chambers(spec, block, progress=progress,
                                                                        executor=executor)]
        units = {(i, g) for chamber in chambers for i, g in zip(block, chamber)}
        tables = {(i, g): _stage_tables(n, i, g, sequential) for i, g in units}
        blocks.append([tuple(tables[i, g] for i, g in zip(block, chamber)) for chamber in chambers])
    states = {bytes((x << n) | x for x in range(N))}
    for block in blocks[:-1]:
        next_states = set()
        for s in states:
            for chamber in block:
                t = s
                for table in chamber:
                    t = t.translate(table)
                next_states.add(t)
        states = next_states
    seen = set()
    for s in states:
        for chamber in blocks[-1]:
            t = s
            for table in chamber:
                t = t.translate(table)
            f = _power(t, iterations)
            if f not in seen:
                seen.add(f)
                yield tuple(f)

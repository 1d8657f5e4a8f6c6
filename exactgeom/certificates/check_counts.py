"""Checking characteristic-polynomial and region-count certificates (standard library only).

A certificate of kind ``"characteristic-polynomial"`` or ``"region-count"``
claims, for the arrangement ``{x : normals[i] . x = offsets[i]}`` in Q^d
(``claim.dimension``, ``claim.normals``, ``claim.offsets``), its
characteristic polynomial (``claim.characteristic_polynomial``, integer
coefficients, highest degree first) and/or its numbers of regions and bounded
regions (``claim.regions``, ``claim.bounded_regions``).  The evidence is the
intersection poset: ``data.flats``, a list of flats written as sorted lists of
hyperplane indices, and ``data.mobius``, the value μ(0̂, X) of each.

What this checker establishes, from the numbers alone:

1. every listed index set is a flat: the hyperplanes in it meet (the affine
   system is consistent) and no other hyperplane contains their intersection
   (closedness), with exact ranks from a Gaussian elimination over
   :class:`fractions.Fraction` written here;
2. the list is complete: for every listed flat X, the flats covering X are
   computed here (the hyperplanes outside X, grouped by their trace on X) and
   each must be listed; since every flat is reached from the whole space by a
   chain of covers, no flat is missing;
3. no flat is listed twice and the whole space (the empty set) is listed;
4. the Möbius values satisfy the defining recursion μ(0̂) = 1 and
   Σ_{Y ≤ X} μ(Y) = 0 for every X ≠ 0̂, summed over *all* flats below X
   (not a shortcut through a theorem);
5. χ(t) = Σ_X μ(X) t^{dim X}, regions = (−1)^d χ(−1) and bounded regions
   = (−1)^rank χ(1) (Zaslavsky) are recomputed and compared with the claim.

Zaslavsky's theorem itself is trusted, not re-proved.  The work grows like
(#flats × #hyperplanes × d²) for steps 1–2 and (#flats)² bits of memory for
step 4, so certificates with more than :data:`MAX_FLATS` flats are refused with
an estimate instead of being checked.

Examples
--------
>>> from exactgeom.certificates import verify
>>> cert = {"format": "exactgeom-certificate", "version": 1, "kind": "characteristic-polynomial",
...         "claim": {"dimension": 2, "normals": [[1, 0], [0, 1]], "offsets": [0, 0],
...                   "characteristic_polynomial": [1, -2, 1], "regions": 4, "bounded_regions": 0},
...         "data": {"flats": [[], [0], [1], [0, 1]], "mobius": [1, -1, -1, 1]}}
>>> verify(cert).ok
True
>>> cert["data"]["flats"], cert["data"]["mobius"] = [[], [0], [1]], [1, -1, -1]
>>> verify(cert).message
'the flat [0, 1] covers the flat [0] but is not listed: the list of flats is incomplete'
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd

from . import CertificateError
from ._rational import q

__all__ = ["CHECKS", "MAX_FLATS", "MAX_DIMENSION", "check_counts"]

MAX_FLATS = 60_000
"""Certificates listing more flats than this are refused (the check would need ≳ 0.5 GB and minutes)."""

MAX_DIMENSION = 1_000
"""Arrangements in a larger ambient dimension are refused."""


def _integer_row(values: list[Fraction]) -> tuple[int, ...]:
    lcm = 1
    for v in values:
        lcm = lcm * v.denominator // gcd(lcm, v.denominator)
    return tuple(int(v * lcm) for v in values)


def _kernel(rows: list[tuple[int, ...]], width: int) -> list[tuple[int, ...]]:
    """Integer basis of {k : r . k = 0 for every row r}, by Gauss–Jordan elimination over Fractions."""
    matrix = [[Fraction(v) for v in row] for row in rows]
    pivots: list[int] = []
    r = 0
    for col in range(width):
        pivot = next((i for i in range(r, len(matrix)) if matrix[i][col] != 0), None)
        if pivot is None:
            continue
        matrix[r], matrix[pivot] = matrix[pivot], matrix[r]
        lead = matrix[r][col]
        matrix[r] = [v / lead for v in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][col] != 0:
                factor = matrix[i][col]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[r])]
        pivots.append(col)
        r += 1
        if r == len(matrix):
            break
    basis = []
    for free in (c for c in range(width) if c not in pivots):
        vector = [Fraction(0)] * width
        vector[free] = Fraction(1)
        for row, p in zip(matrix, pivots):
            vector[p] = -row[free]
        basis.append(_integer_row(vector))
    return basis


def _direction_key(vector: tuple[int, ...]) -> tuple[int, ...]:
    """The primitive integer vector with positive first non-zero entry on the line of ``vector``."""
    g = 0
    for v in vector:
        g = gcd(g, v)
    first = next(v for v in vector if v)
    if first < 0:
        g = -g
    return tuple(v // g for v in vector)


def _as_index_set(entry, n: int, position: int) -> tuple[int, ...]:
    if not isinstance(entry, list) or any(isinstance(i, bool) or not isinstance(i, int) for i in entry):
        raise CertificateError(f"flats[{position}] must be a list of hyperplane indices, found {entry!r}")
    if any(not 0 <= i < n for i in entry):
        raise CertificateError(f"flats[{position}] = {entry} has an index outside 0..{n - 1}")
    if any(a >= b for a, b in zip(entry, entry[1:])):
        raise CertificateError(f"flats[{position}] = {entry} is not strictly increasing")
    return tuple(entry)


def _read_arrangement(claim: dict) -> tuple[int, list[tuple[int, ...]]]:
    d = claim["dimension"]
    if isinstance(d, bool) or not isinstance(d, int) or d < 0:
        raise CertificateError(f"claim.dimension must be a non-negative int, found {d!r}")
    normals, offsets = claim["normals"], claim["offsets"]
    if not isinstance(normals, list) or not isinstance(offsets, list) or len(normals) != len(offsets):
        raise CertificateError("claim.normals and claim.offsets must be lists of the same length")
    rows = []
    for i, (a, c) in enumerate(zip(normals, offsets)):
        if not isinstance(a, list) or len(a) != d:
            raise CertificateError(f"normals[{i}] must have {d} entries")
        a = [q(v) for v in a]
        if not any(a):
            raise CertificateError(f"normals[{i}] is the zero vector: not a hyperplane")
        rows.append(_integer_row([*a, -q(c)]))
    return d, rows


def _check_size(num_flats: int, n: int, d: int) -> None:
    if d > MAX_DIMENSION:
        raise CertificateError(f"refusing to check an arrangement in dimension {d} (limit {MAX_DIMENSION})")
    if num_flats > MAX_FLATS:
        operations = num_flats * (n + 1) * (d + 1) ** 2
        memory_mb = num_flats * num_flats // 16 // 2**20
        raise CertificateError(
            f"refusing to check {num_flats} flats (limit {MAX_FLATS}): about {operations:.2e} exact "
            f"operations and {memory_mb} MB for the Möbius check; check a smaller arrangement or raise "
            "exactgeom.certificates.check_counts.MAX_FLATS"
        )


def _upper_covers(flat, rows, d, n, index_of, position):
    """Rank of ``flat`` and the positions of the listed flats covering it; raises when it is not a flat."""
    kernel = _kernel([rows[i] for i in flat], d + 1)
    at_infinity = tuple(k[d] for k in kernel)
    if not any(at_infinity):
        raise CertificateError(
            f"the hyperplanes {list(flat)} have no common point: {list(flat)} is not a flat"
        )
    infinity_key = _direction_key(at_infinity)
    members = set(flat)
    classes: dict[tuple[int, ...], list[int]] = {}
    for i in range(n):
        if i in members:
            continue
        trace = tuple(sum(a * b for a, b in zip(rows[i], k)) for k in kernel)
        if not any(trace):
            raise CertificateError(
                f"hyperplane {i} contains the intersection of {list(flat)}, so {list(flat)} is not closed "
                "(not a flat)"
            )
        key = _direction_key(trace)
        if key != infinity_key:  # otherwise H_i is parallel to the flat and misses it
            classes.setdefault(key, []).append(i)
    covers = []
    for extra in classes.values():
        cover = tuple(sorted(members.union(extra)))
        if cover not in index_of:
            raise CertificateError(
                f"the flat {list(cover)} covers the flat {list(flat)} but is not listed: "
                "the list of flats is incomplete"
            )
        covers.append(index_of[cover])
    if position == 0 and any(len(extra) > 1 for extra in classes.values()):
        same = next(extra for extra in classes.values() if len(extra) > 1)
        raise CertificateError(f"hyperplanes {same[0]} and {same[1]} coincide")
    return d + 1 - len(kernel), covers


def _check_mobius(mobius: list[int], lower: list[list[int]], order: list[int], flats) -> None:
    planes: list[tuple[int, int, int]] = []  # (weight, positive-bits, negative-bits)
    width = max((abs(m) for m in mobius), default=0).bit_length()
    for k in range(width):
        pos = neg = 0
        for j, m in enumerate(mobius):
            if abs(m) >> k & 1:
                if m > 0:
                    pos |= 1 << j
                else:
                    neg |= 1 << j
        planes.append((1 << k, pos, neg))
    below = [0] * len(mobius)
    for j in order:
        down = 0
        for y in lower[j]:
            down |= below[y] | (1 << y)
        below[j] = down
        if j == 0:
            if mobius[0] != 1:
                raise CertificateError(f"μ of the whole space must be 1, found {mobius[0]}")
            continue
        total = mobius[j] + sum(w * ((down & p).bit_count() - (down & m).bit_count()) for w, p, m in planes)
        if total != 0:
            raise CertificateError(
                f"Möbius recursion fails at the flat {list(flats[j])}: μ(X) + Σ_(Y<X) μ(Y) = {total}, not 0"
            )


def check_counts(cert: dict) -> None:
    """Verify a ``characteristic-polynomial`` or ``region-count`` certificate; raise on any discrepancy.

    Examples
    --------
    >>> cert = {"claim": {"dimension": 1, "normals": [[1], [1]], "offsets": [0, 1], "regions": 3},
    ...         "data": {"flats": [[], [0], [1]], "mobius": [1, -1, -1]}}
    >>> check_counts(cert) is None
    True
    >>> cert["claim"]["regions"] = 4
    >>> check_counts(cert)
    Traceback (most recent call last):
        ...
    exactgeom.certificates.CertificateError: claimed 4 regions, but (-1)^d χ(-1) = 3
    """
    claim, data = cert["claim"], cert["data"]
    claimed = {
        key: claim[key] for key in ("characteristic_polynomial", "regions", "bounded_regions") if key in claim
    }
    if not claimed:
        raise CertificateError("the claim states none of characteristic_polynomial, regions, bounded_regions")
    for key in ("regions", "bounded_regions"):
        if key in claimed and (isinstance(claimed[key], bool) or not isinstance(claimed[key], int)):
            raise CertificateError(f"claim.{key} must be an int, found {claimed[key]!r}")
    d, rows = _read_arrangement(claim)
    n = len(rows)
    flats_raw, mobius = data["flats"], data["mobius"]
    if not isinstance(flats_raw, list) or not isinstance(mobius, list) or len(flats_raw) != len(mobius):
        raise CertificateError("data.flats and data.mobius must be lists of the same length")
    if any(isinstance(m, bool) or not isinstance(m, int) for m in mobius):
        raise CertificateError("data.mobius must be a list of ints")
    _check_size(len(flats_raw), n, d)
    flats = [_as_index_set(entry, n, j) for j, entry in enumerate(flats_raw)]
    if not flats or flats[0] != ():
        raise CertificateError("flats[0] must be [] (the whole space, bottom of the poset)")
    index_of: dict[tuple[int, ...], int] = {}
    for j, flat in enumerate(flats):
        if flat in index_of:
            raise CertificateError(
                f"the flat {list(flat)} is listed twice (positions {index_of[flat]} and {j})"
            )
        index_of[flat] = j
    ranks, lower = [0] * len(flats), [[] for _ in flats]
    upper = []
    for j, flat in enumerate(flats):
        ranks[j], covers = _upper_covers(flat, rows, d, n, index_of, j)
        upper.append(covers)
    for j, covers in enumerate(upper):
        for c in covers:
            lower[c].append(j)
    order = sorted(range(len(flats)), key=ranks.__getitem__)
    _check_mobius(mobius, lower, order, flats)
    coefficients = [0] * (d + 1)  # coefficients[k] multiplies t^(d-k)
    for r, m in zip(ranks, mobius):
        coefficients[r] += m
    chi = coefficients
    rank = max(ranks)
    regions = (-1) ** d * sum(c * (-1) ** (d - k) for k, c in enumerate(chi))
    bounded = (-1) ** rank * sum(chi)
    if "characteristic_polynomial" in claimed:
        stated = claimed["characteristic_polynomial"]
        if not isinstance(stated, list) or [q(c) for c in stated] != chi:
            raise CertificateError(f"claimed χ coefficients {stated}, but the flats and μ give {chi}")
    if "regions" in claimed and claimed["regions"] != regions:
        raise CertificateError(f"claimed {claimed['regions']} regions, but (-1)^d χ(-1) = {regions}")
    if "bounded_regions" in claimed and claimed["bounded_regions"] != bounded:
        raise CertificateError(
            f"claimed {claimed['bounded_regions']} bounded regions, but (-1)^rank χ(1) = {bounded}"
        )


CHECKS = {"characteristic-polynomial": check_counts, "region-count": check_counts}

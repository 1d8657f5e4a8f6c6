"""Checking characteristic-polynomial and region-count certificates (standard library only).

The theorem, all of it in the claim: the arrangement ``{x : normals[i] . x = offsets[i]}`` in
Q^d (``claim.dimension``, ``claim.normals``, ``claim.offsets``) has the characteristic
polynomial ``claim.characteristic_polynomial`` (integer coefficients, t^d first) and/or
``claim.regions`` regions and ``claim.bounded_regions`` bounded regions.

Schema (every field read by :mod:`exactgeom.certificates._schema`; unknown or missing fields are
rejected)::

    claim  (characteristic-polynomial)  dimension, normals, offsets, characteristic_polynomial
                                        [, regions, bounded_regions]
    claim  (region-count)               dimension, normals, offsets, at least one of
                                        regions, bounded_regions
    data                                flats, mobius

``dimension``, ``regions``, ``bounded_regions`` are non-negative JSON integers, the coefficients
and the ``mobius`` values JSON integers, ``normals``/``offsets`` bounded rationals.  The evidence
is the intersection poset: ``data.flats``, a list of flats written as strictly increasing lists of
hyperplane indices, and ``data.mobius``, the value μ(0̂, X) of each.

What this checker re-derives, from the claimed arrangement and the listed sets alone:

1. every listed index set is a flat: the hyperplanes in it meet (the affine
   system is consistent) and no other hyperplane contains their intersection
   (closedness); the flats are reached from the whole space one cover at a time and the
   intersection of each is described by an integer basis of the solutions of its homogenised
   equations, restricted by one more equation per cover (exact integer arithmetic written here);
   a listed set that no chain of covers reaches is not a flat;
2. the list is complete: for every listed flat X, the flats covering X are
   computed here (the hyperplanes outside X, grouped by their trace on X) and
   each must be listed; since every flat is reached from the whole space by a
   chain of covers, no flat is missing;
3. no flat is listed twice, the whole space (the empty set) is listed, and no two
   hyperplanes of the claim coincide;
4. the Möbius values satisfy the defining recursion μ(0̂) = 1 and
   Σ_{Y ≤ X} μ(Y) = 0 for every X ≠ 0̂, summed over *all* flats below X
   (not a shortcut through a theorem);
5. χ(t) = Σ_X μ(X) t^{dim X}, regions = (−1)^d χ(−1) and bounded regions
   = (−1)^rank χ(1) (Zaslavsky) are recomputed and compared with the claim.

Trusted: Zaslavsky's theorem itself (not re-proved).  Nothing is taken from ``data`` without
being tested.

Limits: dimension at most :data:`MAX_DIMENSION`, at most :data:`MAX_HYPERPLANES` hyperplanes and
:data:`MAX_FLATS` flats (each refused with a message before any work), and the counted work
budget of :func:`exactgeom.certificates._schema.spend` for the eliminations, the traces and the
Möbius sums, so every input is decided in bounded time and memory.

Examples
--------
>>> from exactgeom.certificates import verify
>>> cert = {"format": "exactgeom-certificate", "version": 2, "kind": "characteristic-polynomial",
...         "claim": {"dimension": 2, "normals": [[1, 0], [0, 1]], "offsets": [0, 0],
...                   "characteristic_polynomial": [1, -2, 1], "regions": 4, "bounded_regions": 0},
...         "data": {"flats": [[], [0], [1], [0, 1]], "mobius": [1, -1, -1, 1]}}
>>> verify(cert).status
'proved'
>>> cert["data"]["flats"], cert["data"]["mobius"] = [[], [0], [1]], [1, -1, -1]
>>> verify(cert).message
'the flat [0, 1] covers the flat [0] but is not listed: the list of flats is incomplete'
"""

from __future__ import annotations

from math import gcd

from . import CertificateError
from . import _schema as schema

__all__ = ["CHECKS", "MAX_FLATS", "MAX_DIMENSION", "MAX_HYPERPLANES", "check_counts"]

MAX_FLATS = 20_000
"""Certificates listing more flats than this are refused (the Möbius check keeps one bitset per flat)."""

MAX_DIMENSION = 1_000
"""Arrangements in a larger ambient dimension are refused."""

MAX_HYPERPLANES = 10_000
"""Arrangements with more hyperplanes are refused."""

MAX_ENTRIES = 4_000_000
"""Most integers of traces (flats of one rank × basis vectors × hyperplanes) held at once."""

_ARRANGEMENT = ("dimension", "normals", "offsets")
_FIELDS = {
    "characteristic-polynomial": (
        (*_ARRANGEMENT, "characteristic_polynomial"), ("regions", "bounded_regions")),
    "region-count": (_ARRANGEMENT, ("regions", "bounded_regions")),
}


def _integer_row(values) -> tuple[int, ...]:
    lcm = 1
    for v in values:
        lcm = lcm * v.denominator // gcd(lcm, v.denominator)
    return tuple(int(v * lcm) for v in values)


def _primitive(row: list[int]) -> list[int]:
    g = 0
    for v in row:
        g = gcd(g, v)
    return [v // g for v in row] if g > 1 else row


def _restrict(columns: list[list[int]], trace: tuple[int, ...], scale: int) -> list[list[int]]:
    """The traces on a basis of the flat cut out by one more hyperplane, whose trace is ``trace``.

    ``columns[j][i]`` is the value of equation i on the j-th basis vector of the flat's space of
    solutions; the new basis vectors are trace[p] k_j - trace[j] k_p (j != p), scaled so that
    their values stay coprime integers.
    """
    p = next(j for j, t in enumerate(trace) if t)
    schema.spend(len(columns) * (8 + 2 * len(columns[p])) * scale, "the restriction of a flat")
    tp, base = trace[p], columns[p]
    out = []
    for j, column in enumerate(columns):
        if j != p:
            tj = trace[j]
            new = [tp * a - tj * b for a, b in zip(column, base)] if tj else [tp * a for a in column]
            g = gcd(*new)
            out.append([v // g for v in new] if g > 1 else new)
    return out


def _name(flat) -> str:
    """A flat for messages (bounded length)."""
    return schema._short(list(flat))


def _direction_key(vector: tuple[int, ...]) -> tuple[int, ...]:
    """The primitive integer vector with positive first non-zero entry on the line of ``vector``."""
    g = gcd(*vector)
    for v in vector:
        if v:
            if v < 0:
                g = -g
            break
    return tuple(v // g for v in vector) if g != 1 else vector


def _as_index_set(entry, n: int, position: int) -> tuple[int, ...]:
    where = f"data.flats[{position}]"
    schema.array(entry, where, max_length=max(n, 1))
    for k, i in enumerate(entry):
        schema.integer(i, f"{where}[{k}]", 0, n - 1)
    if any(a >= b for a, b in zip(entry, entry[1:])):
        raise CertificateError(f"flats[{position}] = {schema._short(entry)} is not strictly increasing")
    return tuple(entry)


def _read_arrangement(claim: dict) -> tuple[int, list[tuple[int, ...]]]:
    d = schema.integer(claim["dimension"], "claim.dimension", 0, MAX_DIMENSION)
    normals = schema.array(claim["normals"], "claim.normals", max_length=MAX_HYPERPLANES)
    offsets = schema.array(claim["offsets"], "claim.offsets", length=len(normals))
    rows = []
    for i, (a, c) in enumerate(zip(normals, offsets)):
        a = schema.rvec(a, f"claim.normals[{i}]", d)
        if not any(a):
            raise CertificateError(f"normals[{i}] is the zero vector: not a hyperplane")
        rows.append(_integer_row([*a, -schema.rational(c, f"claim.offsets[{i}]")]))
    return d, rows


def _upper_covers(flat, columns, n, index_of, scale):
    """The listed flats covering ``flat`` (with the trace defining each); raises when it is not closed.

    The flat's homogenised solutions {(x, s) : a_i . x = c_i s for i in flat} have some basis;
    ``columns[j][i]`` is a_i . x - c_i s on its j-th vector for every hyperplane i, and
    ``columns[j][n]`` is its s-coordinate (the equation of the hyperplane at infinity).  The
    trace of H_i on the flat is the vector (columns[j][i])_j.
    """
    at_infinity = tuple(column[n] for column in columns)
    if not any(at_infinity):
        raise CertificateError(
            f"the hyperplanes {_name(flat)} have no common point: {_name(flat)} is not a flat"
        )
    infinity_key = _direction_key(at_infinity)
    members = set(flat)
    classes: dict[tuple[int, ...], list[int]] = {}
    schema.spend((8 + 4 * len(columns) * (n + 1)) * scale, "the traces of the hyperplanes on the flats")
    traces = list(zip(*columns))
    divisors = list(map(gcd, *columns))
    divisors[n] = 1  # the hyperplane at infinity is never a member; skip it below
    # The trace of H_i is zero exactly when H_i contains the flat (always for its members).
    if divisors.count(0) != len(members):
        i = next(i for i, g in enumerate(divisors) if not g and i not in members)
        raise CertificateError(
            f"hyperplane {i} contains the intersection of {_name(flat)}, so {_name(flat)} is not closed "
            "(not a flat)"
        )
    first = columns[0]
    for column in columns[1:]:
        first = [f or c for f, c in zip(first, column)]  # the first non-zero entry of each trace
    signed = [g if f > 0 else -g or 1 for g, f in zip(divisors, first)]  # members: 1 (their trace is 0)
    keys = zip(*[[v // g for v, g in zip(column, signed)] for column in columns])
    for i, key in zip(range(n), keys):
        if key != infinity_key and divisors[i]:  # a parallel H_i misses the flat; a member is in it
            classes.setdefault(key, []).append(i)
    covers = []
    for extra in classes.values():
        cover = tuple(sorted(members.union(extra)))
        if cover not in index_of:
            raise CertificateError(
                f"the flat {_name(cover)} covers the flat {_name(flat)} but is not listed: "
                "the list of flats is incomplete"
            )
        covers.append((index_of[cover], traces[extra[0]]))
    if not flat and any(len(extra) > 1 for extra in classes.values()):
        same = next(extra for extra in classes.values() if len(extra) > 1)
        raise CertificateError(f"hyperplanes {same[0]} and {same[1]} coincide")
    return covers


def _poset(flats, rows, d, index_of):
    """Ranks and lower covers of the listed flats, reached from the whole space cover by cover."""
    n = len(rows)
    if (d + 1) * (n + 1) > MAX_ENTRIES:
        raise CertificateError(f"refusing to check {n} hyperplanes in dimension {d}: the traces need "
                               f"{(d + 1) * (n + 1)} integers at once (limit {MAX_ENTRIES})")
    # Work on integers grows with their size: the counted steps are scaled by the longest entry.
    scale = 1 + max((abs(v).bit_length() for row in rows for v in row), default=0) // 8
    traces: list = [None] * len(flats)
    traces[0] = [[row[j] for row in rows] + [int(j == d)] for j in range(d + 1)]
    live = (d + 1) * (n + 1)
    ranks, lower = [0] * len(flats), [[] for _ in flats]
    queue, head = [0], 0
    while head < len(queue):
        j = queue[head]
        head += 1
        for c, trace in _upper_covers(flats[j], traces[j], n, index_of, scale):
            lower[c].append(j)
            if traces[c] is None:
                traces[c] = _restrict(traces[j], trace, scale)
                live += len(traces[c]) * (n + 1)
                ranks[c] = ranks[j] + 1
                queue.append(c)
        live -= len(traces[j]) * (n + 1)
        traces[j] = None  # every cover of j has its own traces now
        if live > MAX_ENTRIES:
            raise CertificateError(f"refusing to check this poset: one rank of flats needs more than "
                                   f"{MAX_ENTRIES} integers of traces at once")
    if len(queue) < len(flats):
        reached = set(queue)
        j = next(j for j in range(len(flats)) if j not in reached)
        raise CertificateError(
            f"flats[{j}] = {_name(flats[j])} is not a flat: it is not the closure of a set of hyperplanes "
            "meeting in a point (no chain of covers from the whole space reaches it)"
        )
    return ranks, lower


def _check_mobius(mobius: list[int], lower: list[list[int]], order: list[int], flats) -> None:
    planes: list[tuple[int, int, int]] = []  # (weight, positive-bits, negative-bits)
    width = max((abs(m) for m in mobius), default=0).bit_length()
    for k in range(width):
        schema.spend(1 + len(mobius) // 64, "the Möbius check")
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
            # A bitset of F flats costs about F/64 machine words per operation and of memory.
            schema.spend(1 + below[y].bit_length() // 320, "the Möbius check")
            down |= below[y] | (1 << y)
        below[j] = down
        if j == 0:
            if mobius[0] != 1:
                raise CertificateError(f"μ of the whole space must be 1, found {mobius[0]}")
            continue
        schema.spend(len(planes) * (1 + down.bit_length() // 320), "the Möbius check")
        total = mobius[j] + sum(w * ((down & p).bit_count() - (down & m).bit_count()) for w, p, m in planes)
        if total != 0:
            raise CertificateError(
                f"Möbius recursion fails at the flat {_name(flats[j])}: μ(X) + Σ_(Y<X) μ(Y) = {total}, not 0"
            )


def check_counts(cert: dict) -> str:
    """Verify a ``characteristic-polynomial`` or ``region-count`` certificate; raise on any discrepancy.

    Returns
    -------
    str
        What was re-derived.

    Examples
    --------
    >>> cert = {"kind": "region-count",
    ...         "claim": {"dimension": 1, "normals": [[1], [1]], "offsets": [0, 1], "regions": 3},
    ...         "data": {"flats": [[], [0], [1]], "mobius": [1, -1, -1]}}
    >>> check_counts(cert)
    'the 3 listed sets are all the flats (re-derived), their Möbius values satisfy the recursion, ...'
    >>> cert["claim"]["regions"] = 4
    >>> check_counts(cert)
    Traceback (most recent call last):
        ...
    exactgeom.certificates.CertificateError: claimed 4 regions, but (-1)^d χ(-1) = 3
    """
    kind = cert.get("kind", "characteristic-polynomial")
    if kind not in _FIELDS:
        raise CertificateError(f"check_counts reads {', '.join(_FIELDS)}, not {schema._short(kind)}")
    required, optional = _FIELDS[kind]
    claim = schema.record(cert["claim"], "claim", required, optional)
    data = schema.record(cert["data"], "data", ("flats", "mobius"))
    if not any(key in claim for key in ("characteristic_polynomial", "regions", "bounded_regions")):
        raise CertificateError("the claim states none of characteristic_polynomial, regions, bounded_regions")
    d, rows = _read_arrangement(claim)
    n = len(rows)
    claimed_chi = None
    if "characteristic_polynomial" in claim:
        stated = schema.array(claim["characteristic_polynomial"], "claim.characteristic_polynomial",
                              max_length=MAX_DIMENSION + 1)
        claimed_chi = [schema.integer(c, f"claim.characteristic_polynomial[{k}]", None)
                       for k, c in enumerate(stated)]
    claimed = {key: schema.integer(claim[key], f"claim.{key}") for key in ("regions", "bounded_regions")
               if key in claim}
    flats_raw = schema.array(data["flats"], "data.flats", max_length=MAX_FLATS)
    mobius = schema.array(data["mobius"], "data.mobius", length=len(flats_raw))
    mobius = [schema.integer(m, f"data.mobius[{j}]", None) for j, m in enumerate(mobius)]
    flats = [_as_index_set(entry, n, j) for j, entry in enumerate(flats_raw)]
    if not flats or flats[0] != ():
        raise CertificateError("flats[0] must be [] (the whole space, bottom of the poset)")
    index_of: dict[tuple[int, ...], int] = {}
    for j, flat in enumerate(flats):
        if flat in index_of:
            raise CertificateError(
                f"the flat {_name(flat)} is listed twice (positions {index_of[flat]} and {j})"
            )
        index_of[flat] = j
    ranks, lower = _poset(flats, rows, d, index_of)
    order = sorted(range(len(flats)), key=ranks.__getitem__)
    _check_mobius(mobius, lower, order, flats)
    chi = [0] * (d + 1)  # chi[k] multiplies t^(d-k)
    for r, m in zip(ranks, mobius):
        chi[r] += m
    rank = max(ranks)
    regions = (-1) ** d * sum(c * (-1) ** (d - k) for k, c in enumerate(chi))
    bounded = (-1) ** rank * sum(chi)
    if claimed_chi is not None and claimed_chi != chi:
        raise CertificateError(f"claimed χ coefficients {schema._short(claimed_chi)}, but the flats and μ "
                               f"give {schema._short(chi)}")
    if "regions" in claimed and claimed["regions"] != regions:
        raise CertificateError(f"claimed {claimed['regions']} regions, but (-1)^d χ(-1) = {regions}")
    if "bounded_regions" in claimed and claimed["bounded_regions"] != bounded:
        raise CertificateError(
            f"claimed {claimed['bounded_regions']} bounded regions, but (-1)^rank χ(1) = {bounded}"
        )
    stated = ", ".join([*(["χ(t)"] if claimed_chi is not None else []),
                        *(f"{key} = {value}" for key, value in claimed.items())])
    return (f"the {len(flats)} listed sets are all the flats (re-derived), their Möbius values satisfy the "
            f"recursion, and χ(t) gives {stated}")


CHECKS = {"characteristic-polynomial": check_counts, "region-count": check_counts}

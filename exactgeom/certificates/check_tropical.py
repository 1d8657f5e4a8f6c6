"""Checking classification-fan counts of tropical classifiers (standard library only).

A certificate of kind ``"classification-fan-count"`` claims that for the data
points ``claim.points`` in Q^d and ``claim.n_terms = (n, m)``, the
classification fan of ``max_i g_i - max_j h_j`` (``K = n + m`` affine terms)
has ``claim.num_maximal_cones`` maximal cones: maps ``phi: points -> terms``
with ``phi(p)`` the unique maximum of the ``K`` terms at every ``p`` for some
parameter.

The evidence: ``data.levels[N-1]`` lists partitions of the first ``N`` points
as restricted-growth strings (block of each point, blocks numbered by first
appearance, at most ``K`` blocks); ``data.witnesses[i]`` gives, for the i-th
partition of all points, one affine function ``(c, w)`` per block;
``data.refuted`` lists partitions with Gordan multipliers.

What this checker establishes:

1. every partition of all points is realizable: at each point the function of
   its block is strictly larger than every other block's function;
2. no realizable partition is missing: level 1 is ``[[0]]``, and every
   extension of a listed partition of ``N`` points by a block for point
   ``N + 1`` (an existing block or, below ``K`` blocks, a new one) is listed at
   the next level or refuted by multipliers ``y >= 0``, not all zero, with
   ``sum_r y_r R_r = 0`` for the rows ``R_r = (e_b - e_l) (x) (1, p)`` of its
   strict system (Gordan's alternative: then ``R theta > 0`` has no solution);
   a realizable partition has realizable prefixes, so induction covers all;
3. the count ``sum over partitions of K! / (K - j)!`` (injective labellings of
   the ``j`` blocks by terms: unused terms can be put below all points) equals
   the claim.

Examples
--------
>>> from exactgeom.certificates import verify
>>> cert = {"format": "exactgeom-certificate", "version": 1, "kind": "classification-fan-count",
...         "claim": {"points": [["0"], ["1"]], "n_terms": [1, 1], "num_maximal_cones": 4},
...         "data": {"levels": [[[0]], [[0, 0], [0, 1]]],
...                  "witnesses": [[["0", "0"]], [["1", "-2"], ["0", "0"]]], "refuted": []}}
>>> verify(cert).ok
True
>>> cert["claim"]["num_maximal_cones"] = 5
>>> verify(cert).message
'the listed partitions give 4 maximal cones, not 5'
"""

from __future__ import annotations

from fractions import Fraction
from math import perm

from . import CertificateError
from ._rational import qmat, qvec

__all__ = ["CHECKS", "check_classification_fan_count"]


def _restricted_growth(blocks, length: int, K: int, where: str) -> int:
    if not isinstance(blocks, list) or len(blocks) != length:
        raise CertificateError(f"{where}: expected a list of {length} block numbers, found {blocks!r}")
    top = -1
    for b in blocks:
        if isinstance(b, bool) or not isinstance(b, int) or b < 0 or b > top + 1:
            raise CertificateError(
                f"{where}: {blocks} is not a restricted-growth string (blocks by first appearance)"
            )
        top = max(top, b)
    if top + 1 > K:
        raise CertificateError(f"{where}: {blocks} has {top + 1} blocks but there are only {K} terms")
    return top + 1


def _rows(blocks, lifted, j: int):
    width = len(lifted[0])
    rows = []
    for p, b in zip(lifted, blocks):
        for l in range(j):
            if l == b:
                continue
            row = [Fraction(0)] * (j * width)
            for t in range(width):
                row[b * width + t] += p[t]
                row[l * width + t] -= p[t]
            rows.append(row)
    return rows


def check_classification_fan_count(cert: dict) -> None:
    """Raise :class:`CertificateError` unless the evidence proves the claimed number of maximal cones.

    Parameters
    ----------
    cert : dict
        A ``classification-fan-count`` certificate (see the module docstring).

    Raises
    ------
    CertificateError
        A partition that is not realized by its witness, an extension neither
        listed nor refuted, a refutation whose multipliers do not cancel, or a
        count that differs from the claim.

    Examples
    --------
    One point and ``K = 2`` terms: the one partition ``[0]`` has ``2!/1! = 2``
    labellings (either term can be the maximum there).

    >>> cert = {"claim": {"points": [["5"]], "n_terms": [1, 1], "num_maximal_cones": 2},
    ...         "data": {"levels": [[[0]]], "witnesses": [[["0", "0"]]], "refuted": []}}
    >>> check_classification_fan_count(cert) is None
    True
    >>> cert["data"]["levels"] = [[[1]]]
    >>> check_classification_fan_count(cert)
    Traceback (most recent call last):
        ...
    exactgeom.certificates.CertificateError: the first level must be [[0]] (one point, one block)
    """
    claim, data = cert["claim"], cert["data"]
    points = qmat(claim["points"])
    if not points or len({len(p) for p in points}) != 1:
        raise CertificateError("claim.points must be a non-empty list of points of one dimension")
    n, m = claim["n_terms"]
    if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 1 for v in (n, m)):
        raise CertificateError(f"claim.n_terms must be two positive ints, found {claim['n_terms']!r}")
    K = n + m
    lifted = [[Fraction(1), *p] for p in points]
    levels = data["levels"]
    if not isinstance(levels, list) or len(levels) != len(points):
        raise CertificateError(f"data.levels must have one list per prefix of the {len(points)} points")
    if levels[0] != [[0]]:
        raise CertificateError("the first level must be [[0]] (one point, one block)")
    listed = []
    for N, level in enumerate(levels, start=1):
        seen = set()
        for blocks in level:
            _restricted_growth(blocks, N, K, f"level {N}")
            if tuple(blocks) in seen:
                raise CertificateError(f"level {N} lists {blocks} twice")
            seen.add(tuple(blocks))
        listed.append(seen)
    refuted = {}
    for entry in data["refuted"]:
        key = tuple(entry["blocks"])
        refuted[key] = qvec(entry["multipliers"])
    for N in range(1, len(points)):
        for blocks in levels[N - 1]:
            j = max(blocks) + 1
            for b in range(min(j + 1, K)):
                extension = (*blocks, b)
                if extension in listed[N]:
                    continue
                if extension not in refuted:
                    raise CertificateError(
                        f"the extension {list(extension)} of {blocks} is neither listed nor refuted"
                    )
                y = refuted[extension]
                rows = _rows(extension, lifted, max(j, b + 1))
                if len(y) != len(rows):
                    raise CertificateError(
                        f"refutation of {list(extension)}: {len(y)} multipliers for {len(rows)} rows"
                    )
                if any(v < 0 for v in y) or not any(y):
                    raise CertificateError(
                        f"refutation of {list(extension)}: multipliers must be >= 0, not all 0"
                    )
                combination = [
                    sum((v * r[k] for v, r in zip(y, rows)), Fraction(0)) for k in range(len(rows[0]))
                ]
                if any(combination):
                    raise CertificateError(
                        f"refutation of {list(extension)}: the rows combine to {combination}, not 0"
                    )
    final = levels[-1]
    witnesses = data["witnesses"]
    if len(witnesses) != len(final):
        raise CertificateError(f"{len(witnesses)} witnesses for {len(final)} partitions of all points")
    for blocks, functions in zip(final, witnesses):
        j = max(blocks) + 1
        functions = qmat(functions)
        if len(functions) != j or any(len(f) != len(lifted[0]) for f in functions):
            raise CertificateError(
                f"witness of {blocks}: need {j} affine functions of {len(lifted[0])} entries"
            )
        for i, (p, b) in enumerate(zip(lifted, blocks)):
            values = [sum((a * t for a, t in zip(f, p)), Fraction(0)) for f in functions]
            if any(values[l] >= values[b] for l in range(j) if l != b):
                raise CertificateError(
                    f"witness of {blocks}: at point {i} block {b} is not the unique maximum"
                )
    count = sum(perm(K, max(blocks) + 1) for blocks in final)
    if count != claim["num_maximal_cones"]:
        raise CertificateError(
            f"the listed partitions give {count} maximal cones, not {claim['num_maximal_cones']}"
        )


CHECKS = {"classification-fan-count": check_classification_fan_count}

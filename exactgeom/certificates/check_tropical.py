"""Checking classification-fan counts of tropical classifiers (standard library only).

The theorem, all of it in the claim: for the data points ``claim.points`` in Q^d and
``claim.n_terms = [n, m]``, the classification fan of ``max_i g_i - max_j h_j`` (``K = n + m``
affine terms) has ``claim.num_maximal_cones`` maximal cones: maps ``phi: points -> terms`` with
``phi(p)`` the unique maximum of the ``K`` terms at every ``p`` for some parameter.  (The count
depends on n and m only through K; which terms are numerator terms decides the classification,
not the fan.)

Schema (every field read by :mod:`exactgeom.certificates._schema`; unknown or missing fields are
rejected; ``statement``, when present, must be exactly :data:`STATEMENT`)::

    claim   points, n_terms, num_maximal_cones [, statement]
    data    levels, witnesses, refuted: a list of {"blocks": [...], "multipliers": [...]}

``n_terms`` are two positive JSON integers, ``num_maximal_cones`` a non-negative JSON integer,
block numbers JSON integers, the rest bounded rationals.

The evidence: ``data.levels[N-1]`` lists partitions of the first ``N`` points
as restricted-growth strings (block of each point, blocks numbered by first
appearance, at most ``K`` blocks); ``data.witnesses[i]`` gives, for the i-th
partition of all points, one affine function ``(c, w)`` per block;
``data.refuted`` lists partitions with Gordan multipliers.

What this checker re-derives, from the claimed points (every row below is rebuilt from them):

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

Trusted: Gordan's alternative (its easy direction, which is the combination checked) and the
reduction from labelled maps to partitions (permuting terms permutes parameters).

Limits: at most :data:`MAX_POINTS` points of dimension at most :data:`MAX_DIMENSION`,
n and m each at most :data:`MAX_TERMS`, and the counted work budget for the extensions, the Gordan
combinations and the witnesses (charged by the size of the rationals involved).

Examples
--------
>>> from exactgeom.certificates import verify
>>> cert = {"format": "exactgeom-certificate", "version": 2, "kind": "classification-fan-count",
...         "claim": {"points": [["0"], ["1"]], "n_terms": [1, 1], "num_maximal_cones": 4},
...         "data": {"levels": [[[0]], [[0, 0], [0, 1]]],
...                  "witnesses": [[["0", "0"]], [["1", "-2"], ["0", "0"]]], "refuted": []}}
>>> verify(cert).status
'proved'
>>> cert["claim"]["num_maximal_cones"] = 5
>>> verify(cert).message
'the listed partitions give 4 maximal cones, not 5'
"""

from __future__ import annotations

from fractions import Fraction
from math import lcm, perm

from . import CertificateError
from . import _schema as schema

__all__ = ["CHECKS", "MAX_POINTS", "MAX_DIMENSION", "MAX_TERMS", "STATEMENT",
           "check_classification_fan_count"]

MAX_POINTS = 1_000
"""Certificates about more data points are refused."""
MAX_DIMENSION = 1_000
"""Data points of a larger dimension are refused."""
MAX_TERMS = 1_000
"""Classifiers with more than this many numerator (or denominator) terms are refused."""

STATEMENT = (
    "the classification fan of max_i g_i - max_j h_j (n_terms = [n, m] affine terms) on the points "
    "has num_maximal_cones maximal cones"
)
"""The only text ``claim.statement`` may hold."""


def _restricted_growth(blocks, length: int, K: int, where: str) -> tuple[int, ...]:
    schema.array(blocks, where, length=length)
    top = -1
    for b in blocks:
        if isinstance(b, bool) or not isinstance(b, int) or b < 0 or b > top + 1:
            raise CertificateError(
                f"{where}: {schema._short(blocks)} is not a restricted-growth string "
                "(blocks by first appearance)"
            )
        top = max(top, b)
    if top + 1 > K:
        raise CertificateError(
            f"{where}: {schema._short(blocks)} has {top + 1} blocks but there are only {K} terms")
    return tuple(blocks)


def _steps(bits: int) -> int:
    """Counted cost of one operation on numbers of ``bits`` bits in all (gcds make it quadratic)."""
    return 1 + bits // 256 + 120 * (bits // 1000) ** 2


def _integers(values: list[Fraction], what: str) -> list[int]:
    """``values`` times the lcm of their denominators (a positive factor), each lcm step charged."""
    scale = 1
    for v in values:
        if v.denominator != 1:
            schema.spend(_steps(2 * scale.bit_length() + v.denominator.bit_length()), what)
            scale = lcm(scale, v.denominator)
    schema.spend(len(values) * _steps(scale.bit_length() + max(schema.bit_size(v) for v in values)), what)
    return [v.numerator * (scale // v.denominator) for v in values]


def _bits(values) -> int:
    return max(abs(v).bit_length() for v in values)


def _gordan(extension, y, lifted, j: int, width: int) -> None:
    """Raise unless y >= 0, y != 0 and Σ_r y_r R_r = 0 for the strict rows R of ``extension``.

    Row r, for point p in block b and another block l (in the order point, then l), is
    (e_b - e_l) ⊗ (1, p): it says that b's function exceeds l's at p.  ``lifted[i]`` is
    ``(1, p_i)`` times a positive integer ``lifted[i][0]``, so the row of point i stands for
    the row of ``(1, p_i)`` with multiplier ``y_r / lifted[i][0]``; those multipliers times
    one positive factor are integers, and the sum is taken in integers.
    """
    expected = len(lifted) * (j - 1)
    if len(y) != expected:
        raise CertificateError(
            f"refutation of {list(extension)}: {len(y)} multipliers for {expected} rows"
        )
    if any(v < 0 for v in y) or not any(y):
        raise CertificateError(f"refutation of {list(extension)}: multipliers must be >= 0, not all 0")
    terms = []  # (point, own block, other block, multiplier of the integer row)
    r = 0
    for i, b in enumerate(extension):
        for l in range(j):
            if l == b:
                continue
            if y[r]:
                terms.append((i, b, l, y[r] / lifted[i][0]))
            r += 1
    what = "the Gordan combinations"
    schema.spend(len(terms) * _steps(2 * max(schema.bit_size(v) for *_, v in terms)), what)
    z = _integers([v for *_, v in terms], what)
    # every partial sum is at most len(terms) * max|z| * max|p| in absolute value
    bits = _bits(z) + max(_bits(lifted[i]) for i, *_ in terms) + len(terms).bit_length()
    schema.spend(len(terms) * width * _steps(3 * bits), what)
    combination = [[0] * width for _ in range(j)]
    for (i, b, l, _), v in zip(terms, z):
        plus, minus = combination[b], combination[l]
        for t, q in enumerate(lifted[i]):
            if q:
                plus[t] += v * q
                minus[t] -= v * q
    for l, row in enumerate(combination):
        for t, value in enumerate(row):
            if value:
                raise CertificateError(
                    f"refutation of {list(extension)}: the rows combine to a non-zero entry {t} "
                    f"of block {l}"
                )


def _check_witness(blocks, functions, lifted, width: int) -> None:
    """Raise unless, at every point, the function of its block is strictly the largest of ``functions``.

    The functions are scaled by one positive factor to integers and each ``lifted[i]`` is
    ``(1, p_i)`` times a positive integer, which leaves every comparison at a point unchanged.
    """
    what = "the witnesses"
    flat = _integers([a for f in functions for a in f], what)
    integer = [flat[i * width : (i + 1) * width] for i in range(len(functions))]
    bits = _bits(flat) + max(_bits(p) for p in lifted) + width.bit_length()
    schema.spend(len(lifted) * len(functions) * width * _steps(2 * bits), what)
    j = len(functions)
    for i, (p, b) in enumerate(zip(lifted, blocks)):
        values = [sum(a * t for a, t in zip(f, p)) for f in integer]
        top = values[b]
        if any(values[l] >= top for l in range(j) if l != b):
            raise CertificateError(
                f"witness of {blocks}: at point {i} block {b} is not the unique maximum"
            )


def check_classification_fan_count(cert: dict) -> str:
    """Raise :class:`CertificateError` unless the evidence proves the claimed number of maximal cones.

    Parameters
    ----------
    cert : dict
        A ``classification-fan-count`` certificate (see the module docstring).

    Returns
    -------
    str
        What was re-derived.

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
    >>> check_classification_fan_count(cert)
    'the 1 realizable partitions of the 1 points (all of them, re-derived) give 2 maximal cones'
    >>> cert["data"]["levels"] = [[]]
    >>> check_classification_fan_count(cert)
    Traceback (most recent call last):
        ...
    exactgeom.certificates.CertificateError: the first level must be [[0]] (one point, one block)
    """
    claim = schema.record(cert["claim"], "claim", ("points", "n_terms", "num_maximal_cones"), ("statement",))
    data = schema.record(cert["data"], "data", ("levels", "witnesses", "refuted"))
    schema.statement(claim, STATEMENT)
    points = schema.points(claim["points"], "claim.points", MAX_POINTS, MAX_DIMENSION)
    dimension = len(points[0])
    n, m = schema.array(claim["n_terms"], "claim.n_terms", length=2)
    n = schema.integer(n, "claim.n_terms[0]", 1, MAX_TERMS)
    m = schema.integer(m, "claim.n_terms[1]", 1, MAX_TERMS)
    claimed = schema.integer(claim["num_maximal_cones"], "claim.num_maximal_cones")
    K = n + m
    width = dimension + 1
    # (1, p) times the lcm of p's denominators: integer rows, each a positive multiple of (1, p)
    lifted = [_integers([Fraction(1), *p], "the points") for p in points]
    levels = schema.array(data["levels"], "data.levels", length=len(points))
    listed = []
    for N, level in enumerate(levels, start=1):
        seen = set()
        for blocks in schema.array(level, f"data.levels[{N - 1}]"):
            key = _restricted_growth(blocks, N, K, f"level {N}")
            if key in seen:
                raise CertificateError(f"level {N} lists {list(key)} twice")
            seen.add(key)
        listed.append(seen)
    if listed[0] != {(0,)}:
        raise CertificateError("the first level must be [[0]] (one point, one block)")
    refuted = {}
    for k, entry in enumerate(schema.array(data["refuted"], "data.refuted")):
        where = f"data.refuted[{k}]"
        entry = schema.record(entry, where, ("blocks", "multipliers"))
        blocks = schema.array(entry["blocks"], f"{where}.blocks", max_length=len(points))
        if len(blocks) < 2:
            raise CertificateError(f"{where}.blocks must extend a partition of at least one point")
        key = _restricted_growth(blocks, len(blocks), K, f"{where}.blocks")
        if key in refuted:
            raise CertificateError(f"{where}: the extension {list(key)} is refuted twice")
        refuted[key] = schema.rvec(entry["multipliers"], f"{where}.multipliers")
    for N in range(1, len(points)):
        for blocks in levels[N - 1]:
            j = max(blocks) + 1
            schema.spend((N + 1) * min(j + 1, K), "the extensions of the partitions")
            for b in range(min(j + 1, K)):
                extension = (*blocks, b)
                if extension in listed[N]:
                    continue
                if extension not in refuted:
                    raise CertificateError(
                        f"the extension {list(extension)} of {blocks} is neither listed nor refuted"
                    )
                _gordan(extension, refuted[extension], lifted[: N + 1], max(j, b + 1), width)
    final = levels[-1]
    witnesses = schema.array(data["witnesses"], "data.witnesses", length=len(final))
    for k, (blocks, functions) in enumerate(zip(final, witnesses)):
        j = max(blocks) + 1
        _check_witness(blocks, schema.rmat(functions, f"data.witnesses[{k}]", j, width), lifted, width)
    count = sum(perm(K, max(blocks) + 1) for blocks in final)
    if count != claimed:
        raise CertificateError(f"the listed partitions give {count} maximal cones, not {claimed}")
    return (f"the {len(final)} realizable partitions of the {len(points)} points (all of them, re-derived) "
            f"give {count} maximal cones")


CHECKS = {"classification-fan-count": check_classification_fan_count}

"""Checking ``region-list`` certificates (standard library only).

The theorem, all of it in the claim: the arrangement ``{x : normals[i] . x = offsets[i]}`` in
Q^d (``claim.dimension``, ``claim.normals``, ``claim.offsets``) has at least
``claim.num_regions_at_least`` regions.

Schema (every field read by :mod:`exactgeom.certificates._schema`; unknown or missing fields are
rejected)::

    claim   dimension, normals, offsets, num_regions_at_least [, statement]
    data    regions: a list of {"sign_vector": [+1/-1 per hyperplane], "witness": [d rationals]}

``dimension`` and ``num_regions_at_least`` are non-negative JSON integers, signs the JSON
integers 1 or -1, the rest bounded rationals.  ``statement``, when present, must be exactly
:data:`STATEMENT` (so a reader of the claim cannot be told a different theorem).

What this checker re-derives, with exact integer arithmetic (each witness brought to a common
denominator):

1. each witness lies strictly on the side of each hyperplane that its sign
   vector says (so it is a point of that region, and on no hyperplane);
2. the sign vectors are pairwise distinct (so they are distinct regions);
3. the number of listed regions equals the claimed number.

Nothing is trusted.  This proves a *lower bound* on the number of regions; that the list is
complete is not claimed (equality follows together with a certified count (-1)^d χ_A(-1),
e.g. a ``region-count`` certificate).

Limits: dimension at most :data:`MAX_DIMENSION`, at most :data:`MAX_HYPERPLANES` hyperplanes and
:data:`MAX_REGIONS` regions, at most :data:`MAX_ENTRIES` entries of normals, and the counted
work budget (charged per entry of every product of a normal with a witness, by the size of the
integers).

Examples
--------
>>> from exactgeom.certificates import verify
>>> cert = {"format": "exactgeom-certificate", "version": 2, "kind": "region-list",
...         "claim": {"dimension": 1, "normals": [["1"]], "offsets": ["1/2"], "num_regions_at_least": 2},
...         "data": {"regions": [{"sign_vector": [1], "witness": ["1"]},
...                              {"sign_vector": [-1], "witness": ["0"]}]}}
>>> verify(cert).status
'proved'
>>> cert["data"]["regions"][1]["witness"] = ["1/2"]
>>> verify(cert).message
'region 1: its witness [1/2] lies on hyperplane 0, so it is in no region'
"""

from __future__ import annotations

from math import lcm
from operator import mul

from . import CertificateError
from . import _schema as schema

__all__ = ["CHECKS", "MAX_DIMENSION", "MAX_HYPERPLANES", "MAX_ENTRIES", "MAX_REGIONS", "STATEMENT",
           "check_region_list"]

MAX_DIMENSION = 10_000
"""Arrangements in a larger ambient dimension are refused."""
MAX_HYPERPLANES = 20_000
"""Arrangements with more hyperplanes are refused."""
MAX_ENTRIES = 200_000
"""Arrangements whose normals have more entries (hyperplanes × dimension) are refused."""
MAX_REGIONS = 1_000_000
"""Certificates listing more regions are refused."""

STATEMENT = (
    "the arrangement {x : normals[i] . x = offsets[i]} has at least num_regions_at_least regions "
    "(distinct sign vectors, each realised by its witness); this is a lower bound, exact only "
    "together with Zaslavsky's count (-1)^d chi(-1)"
)
"""The only text ``claim.statement`` may hold."""


def _text(vector) -> str:
    return "[" + ", ".join(str(v) for v in vector) + "]"


def _integer_row(values) -> list[int]:
    common = lcm(*(v.denominator for v in values)) if values else 1
    return [v.numerator * (common // v.denominator) for v in values]


def _arrangement(claim: dict) -> tuple[int, list[tuple[list[int], int]]]:
    d = schema.integer(claim["dimension"], "claim.dimension", 0, MAX_DIMENSION)
    normals = schema.array(claim["normals"], "claim.normals", max_length=MAX_HYPERPLANES)
    offsets = schema.array(claim["offsets"], "claim.offsets", length=len(normals))
    if len(normals) * d > MAX_ENTRIES:
        raise CertificateError(f"refusing to check {len(normals)} hyperplanes in dimension {d}: more than "
                               f"{MAX_ENTRIES} entries of normals")
    rows = []
    for i, (a, c) in enumerate(zip(normals, offsets)):
        a = schema.rvec(a, f"claim.normals[{i}]", d)
        if not any(a):
            raise CertificateError(f"normal {i} is zero, so it defines no hyperplane")
        # a positive multiple of (a, c): the same hyperplane with the same sides
        *a_int, c_int = _integer_row([*a, schema.rational(c, f"claim.offsets[{i}]")])
        rows.append((a_int, c_int))
    return d, rows


def check_region_list(cert: dict) -> str:
    """Raise :class:`CertificateError` unless the listed regions prove the claimed lower bound.

    Parameters
    ----------
    cert : dict
        A ``region-list`` certificate (see the module docstring).

    Returns
    -------
    str
        What was re-derived.

    Raises
    ------
    CertificateError
        A witness off its claimed side or on a hyperplane, a region listed
        twice, or a count that differs from the claim.

    Examples
    --------
    The two coordinate lines cut Q^2 into four quadrants:

    >>> signs = [[1, 1], [1, -1], [-1, 1], [-1, -1]]
    >>> cert = {"claim": {"dimension": 2, "normals": [["1", "0"], ["0", "1"]], "offsets": ["0", "0"],
    ...                   "num_regions_at_least": 4},
    ...         "data": {"regions": [{"sign_vector": s, "witness": s} for s in signs]}}
    >>> check_region_list(cert)
    'the 4 listed points lie in 4 distinct regions of the 2 hyperplanes (re-derived)'
    >>> cert["data"]["regions"][3]["witness"] = ["-1", "1/3"]
    >>> check_region_list(cert)
    Traceback (most recent call last):
        ...
    exactgeom.certificates.CertificateError: region 3: normals[1] . witness - offsets[1] = 1/3, whose sign ...
    """
    claim = schema.record(cert["claim"], "claim", ("dimension", "normals", "offsets", "num_regions_at_least"),
                          ("statement",))
    data = schema.record(cert["data"], "data", ("regions",))
    schema.statement(claim, STATEMENT)
    claimed = schema.integer(claim["num_regions_at_least"], "claim.num_regions_at_least", 0)
    d, rows = _arrangement(claim)
    n = len(rows)
    listed = schema.array(data["regions"], "data.regions", max_length=MAX_REGIONS)
    cost = n * (1 + d // 4)
    row_bits = max((abs(v).bit_length() for a, c in rows for v in (*a, c)), default=0)
    seen: dict[tuple, int] = {}
    for r, entry in enumerate(listed):
        where = f"data.regions[{r}]"
        entry = schema.record(entry, where, ("sign_vector", "witness"))
        signs = schema.array(entry["sign_vector"], f"{where}.sign_vector", max_length=n)
        if len(signs) != n or any(isinstance(s, bool) or s not in (1, -1) for s in signs):
            raise CertificateError(f"region {r}: the sign vector must list +1 or -1 for each of the "
                                   f"{n} hyperplanes, found {schema._short(signs)}")
        x = schema.rvec(entry["witness"], f"{where}.witness")
        if len(x) != d:
            raise CertificateError(f"region {r}: the witness has {len(x)} coordinates, not {d}")
        common = 1
        for v in x:
            schema.spend(1 + common.bit_length() // 64, "the common denominator of a witness")
            common = lcm(common, v.denominator)
        scaled = [v.numerator * (common // v.denominator) for v in x]
        size = max((abs(v).bit_length() for v in scaled), default=0)
        schema.spend(cost * (1 + size // 64) * (1 + row_bits // 64), "the sign vectors of the witnesses")
        for i, (a, c) in enumerate(rows):
            value = sum(map(mul, a, scaled)) - c * common  # common * (a . x - c), common > 0
            if value == 0:
                raise CertificateError(f"region {r}: its witness {_text(x)} lies on hyperplane {i}, "
                                       "so it is in no region")
            if (value > 0) != (signs[i] > 0):
                exact = _value(claim, i, x)
                raise CertificateError(f"region {r}: normals[{i}] . witness - offsets[{i}] = {exact}, "
                                       f"whose sign is not the claimed {signs[i]:+d}")
        key = tuple(signs)
        if key in seen:
            raise CertificateError(f"regions {seen[key]} and {r} have the same sign vector, "
                                   "so they are one region listed twice")
        seen[key] = r
    if claimed != len(listed):
        raise CertificateError(f"the claim is {claimed} regions but {len(listed)} are listed")
    return (f"the {len(listed)} listed points lie in {len(listed)} distinct regions of the {n} hyperplanes "
            "(re-derived)")


def _value(claim, i, x):
    """normals[i] . x - offsets[i] as an exact rational (for the message)."""
    a = schema.rvec(claim["normals"][i], f"claim.normals[{i}]")
    return sum((ai * xi for ai, xi in zip(a, x)), 0) - schema.rational(claim["offsets"][i], "claim.offsets")


CHECKS = {"region-list": check_region_list}

"""Checking ``region-list`` certificates (standard library only).

A ``region-list`` certificate states that an arrangement
``{x : normals[i] . x = offsets[i]}`` in Q^d (``claim.dimension``,
``claim.normals``, ``claim.offsets``) has at least ``claim.num_regions_at_least``
regions.  The evidence ``data.regions`` lists regions as
``{"sign_vector": [+1/-1 per hyperplane], "witness": [rationals]}``.

What this checker establishes, with exact rational arithmetic:

1. each witness lies strictly on the side of each hyperplane that its sign
   vector says (so it is a point of that region, and on no hyperplane);
2. the sign vectors are pairwise distinct (so they are distinct regions);
3. the number of listed regions equals the claimed number.

This proves a *lower bound* on the number of regions.  That the list is
complete is not shown here; equality follows together with a certified count
(-1)^d χ_A(-1) (Zaslavsky), e.g. a ``region-count`` certificate.

Examples
--------
>>> from exactgeom.certificates import verify
>>> cert = {"format": "exactgeom-certificate", "version": 1, "kind": "region-list",
...         "claim": {"dimension": 1, "normals": [["1"]], "offsets": ["1/2"], "num_regions_at_least": 2},
...         "data": {"regions": [{"sign_vector": [1], "witness": ["1"]},
...                              {"sign_vector": [-1], "witness": ["0"]}]}}
>>> verify(cert).ok
True
>>> cert["data"]["regions"][1]["witness"] = ["1/2"]
>>> verify(cert).message
'region 1: its witness [1/2] lies on hyperplane 0, so it is in no region'
"""

from __future__ import annotations

from fractions import Fraction

from . import CertificateError
from ._rational import qvec

__all__ = ["CHECKS", "check_region_list"]


def _text(vector: list[Fraction]) -> str:
    return "[" + ", ".join(str(v) for v in vector) + "]"


def check_region_list(cert: dict) -> None:
    """Raise :class:`CertificateError` unless the listed regions prove the claimed lower bound.

    Parameters
    ----------
    cert : dict
        A ``region-list`` certificate (see the module docstring).

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
    >>> check_region_list(cert) is None
    True
    >>> cert["data"]["regions"][3]["witness"] = ["-1", "1/3"]
    >>> check_region_list(cert)
    Traceback (most recent call last):
        ...
    exactgeom.certificates.CertificateError: region 3: normals[1] . witness - offsets[1] = 1/3, whose sign ...
    """
    claim, data = cert["claim"], cert["data"]
    d = claim["dimension"]
    if isinstance(d, bool) or not isinstance(d, int) or d < 0:
        raise CertificateError(f"claim.dimension must be a non-negative int, found {d!r}")
    normals = [qvec(row) for row in claim["normals"]]
    offsets = qvec(claim["offsets"])
    if len(offsets) != len(normals):
        raise CertificateError(f"{len(normals)} normals but {len(offsets)} offsets")
    for i, a in enumerate(normals):
        if len(a) != d:
            raise CertificateError(f"normal {i} has {len(a)} entries, not dimension = {d}")
        if not any(a):
            raise CertificateError(f"normal {i} is zero, so it defines no hyperplane")
    listed = data["regions"]
    if not isinstance(listed, list):
        raise CertificateError("data.regions must be a list")
    seen: dict[tuple, int] = {}
    for r, entry in enumerate(listed):
        signs = entry["sign_vector"]
        if not isinstance(signs, list) or len(signs) != len(normals) or any(
                isinstance(s, bool) or s not in (1, -1) for s in signs):
            raise CertificateError(f"region {r}: the sign vector must list +1 or -1 for each of the "
                                   f"{len(normals)} hyperplanes, found {signs!r}")
        x = qvec(entry["witness"])
        if len(x) != d:
            raise CertificateError(f"region {r}: the witness has {len(x)} coordinates, not {d}")
        for i, (a, c) in enumerate(zip(normals, offsets)):
            value = sum((ai * xi for ai, xi in zip(a, x)), Fraction(0)) - c
            if value == 0:
                raise CertificateError(f"region {r}: its witness {_text(x)} lies on hyperplane {i}, "
                                       "so it is in no region")
            if (value > 0) != (signs[i] > 0):
                raise CertificateError(f"region {r}: normals[{i}] . witness - offsets[{i}] = {value}, "
                                       f"whose sign is not the claimed {signs[i]:+d}")
        key = tuple(signs)
        if key in seen:
            raise CertificateError(f"regions {seen[key]} and {r} have the same sign vector, "
                                   "so they are one region listed twice")
        seen[key] = r
    claimed = claim["num_regions_at_least"]
    if isinstance(claimed, bool) or not isinstance(claimed, int):
        raise CertificateError(f"claim.num_regions_at_least must be an int, found {claimed!r}")
    if claimed != len(listed):
        raise CertificateError(f"the claim is {claimed} regions but {len(listed)} are listed")


CHECKS = {"region-list": check_region_list}

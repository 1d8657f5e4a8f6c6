"""Reading rationals out of certificates (verifier side; standard library only).

Thin names over :mod:`exactgeom.certificates._schema`, whose bounded reader they use.
"""

from __future__ import annotations

from fractions import Fraction

from ._schema import rational, rmat, rvec


def q(value, where: str = "a rational entry") -> Fraction:
    """A certificate rational: a JSON int or a bounded string "p/q"; anything else is malformed."""
    return rational(value, where)


def qvec(values, where: str = "a list of rationals") -> list[Fraction]:
    return rvec(values, where)


def qmat(rows, where: str = "a matrix") -> list[list[Fraction]]:
    return rmat(rows, where)

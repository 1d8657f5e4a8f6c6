"""Reading rationals out of certificates (verifier side; standard library only)."""

from __future__ import annotations

from fractions import Fraction


def q(value) -> Fraction:
    """A certificate rational: a JSON int or a string "p/q"; anything else is malformed."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"expected a rational written as an int or a string 'p/q', found {value!r}")
    return Fraction(value)


def qvec(values) -> list[Fraction]:
    if not isinstance(values, list):
        raise TypeError(f"expected a list of rationals, found {values!r}")
    return [q(v) for v in values]


def qmat(rows) -> list[list[Fraction]]:
    if not isinstance(rows, list):
        raise TypeError(f"expected a list of rows, found {rows!r}")
    return [qvec(r) for r in rows]

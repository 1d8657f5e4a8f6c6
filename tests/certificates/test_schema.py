"""One size rule for every number a certificate holds: at most MAX_DIGITS decimal digits.

A JSON integer, and the numerator and the denominator of a string "p/q", have at most 2000 digits
(``_schema.MAX_DIGITS``); 2000 are accepted and 2001 rejected, whatever the form, and the verifier
gives a verdict (never an exception) either way.
"""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from exactgeom.certificates import CertificateError, _schema, envelope, verify

import timing

DIGITS = _schema.MAX_DIGITS
SMALLEST = {n: 10 ** (n - 1) for n in (DIGITS, DIGITS + 1)}  # the least number of n digits
LARGEST = {n: 10**n - 1 for n in (DIGITS, DIGITS + 1)}       # the largest


def test_the_limit_is_2000_digits():
    assert DIGITS == 2000 and len(str(LARGEST[DIGITS])) == 2000 and len(str(SMALLEST[DIGITS + 1])) == 2001


@pytest.mark.parametrize("value", [LARGEST[DIGITS], -LARGEST[DIGITS], SMALLEST[DIGITS]])
def test_2000_digit_integers_accepted_in_every_form(value):
    assert _schema.rational(value, "x") == value
    assert _schema.rational(str(value), "x") == value
    assert _schema.integer(value, "x", lo=None) == value
    assert _schema.rational(f"{value}/{LARGEST[DIGITS]}", "x") == Fraction(value, LARGEST[DIGITS])


@pytest.mark.parametrize("value", [SMALLEST[DIGITS + 1], -SMALLEST[DIGITS + 1], 10**DIGITS + 2])
def test_2001_digit_integers_rejected_in_every_form(value):
    with pytest.raises(CertificateError, match="at most 2000 digits"):
        _schema.rational(value, "x")
    with pytest.raises(CertificateError, match="at most 2000 digits"):
        _schema.rational(str(value), "x")
    with pytest.raises(CertificateError, match="must be an integer"):
        _schema.integer(value, "x", lo=None)
    for text in (f"{value}/7", f"7/{abs(value)}"):  # numerator and denominator alike
        with pytest.raises(CertificateError, match="at most 2000 digits"):
            _schema.rational(text, "x")


def test_digits_of_a_string_are_counted_as_written():
    assert _schema.rational("0" * (DIGITS - 1) + "1", "x") == 1
    with pytest.raises(CertificateError, match="at most 2000 digits"):
        _schema.rational("0" * DIGITS + "1", "x")


@pytest.mark.parametrize("text", ["1" * 10**6, "1/" + "1" * 10**6, "-" + "9" * 5 * 10**6,
                                  "1" * DIGITS + "/" + "1" * 10**6])
def test_long_strings_are_rejected_before_they_are_converted(text):
    start = timing.clock()
    with pytest.raises(CertificateError, match="at most 2000 digits"):
        _schema.rational(text, "x")
    assert timing.clock() - start < timing.LIMIT


def _one_point(offset, below, above) -> dict:
    """The region-list certificate of the point ``offset`` cutting Q in two, with two witnesses."""
    claim = {"dimension": 1, "normals": [[1]], "offsets": [offset], "num_regions_at_least": 2}
    data = {"regions": [{"sign_vector": [1], "witness": [above]}, {"sign_vector": [-1], "witness": [below]}]}
    return envelope("region-list", claim, data)


def _forms(n: int):
    """Certificates whose offset has n digits: as a JSON integer, a string "p", and "p/q" twice."""
    N = SMALLEST[n] + 5
    yield _one_point(N, str(N - 1), str(N + 1))
    yield _one_point(str(N), str(N - 1), str(N + 1))
    yield _one_point(f"{N}/3", "0", str(N))             # numerator of n digits
    yield _one_point(f"1/{N}", "0", "1")                # denominator of n digits


def test_verifier_proves_with_2000_digits_in_every_form():
    for cert in _forms(DIGITS):
        assert verify(cert).status == "proved"
        assert verify(json.dumps(cert)).status == "proved"


def test_verifier_rejects_2001_digits_in_every_form_with_a_verdict():
    for cert in _forms(DIGITS + 1):
        for given in (cert, json.dumps(cert)):
            v = verify(given)   # a verdict, never an exception
            assert v.status == "rejected" and "at most 2000 digits" in v.message, v

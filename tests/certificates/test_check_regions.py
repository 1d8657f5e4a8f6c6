"""region-list certificates: the claim is the arrangement and the bound; strict schema; hostile sizes."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactgeom import library
from exactgeom.arrangements.regions import region_certificate
from exactgeom.certificates import check_regions, envelope, verify

import timing

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BASES = {"braid3": library.braid(3), "shi3": library.shi(3), "generic": library.generic(5, 2, seed=2)}
CERTS = {name: region_certificate(A) for name, A in BASES.items()}


def _fresh(name):
    return copy.deepcopy(CERTS[name])


_quickly = timing.rejected_quickly


def test_honest_certificates_prove_the_known_counts():
    # braid(3): 3! regions; shi(3): (n+1)^(n-1) = 16; 5 generic lines: 1 + 5 + C(5,2) = 16
    assert [CERTS[name]["claim"]["num_regions_at_least"] for name in BASES] == [6, 16, 16]
    for cert in CERTS.values():
        v = verify(cert)
        assert v.status == "proved" and "distinct regions" in v.message
    assert CERTS["braid3"]["claim"]["statement"] == check_regions.STATEMENT


@SETTINGS
@given(st.sampled_from(sorted(BASES)), st.data())
def test_more_regions_claimed_with_matching_evidence_rejected(name, data):
    """A bound one larger, with one more region made up from a listed one: never proved."""
    cert = _fresh(name)
    regions = cert["data"]["regions"]
    source = copy.deepcopy(regions[data.draw(st.integers(0, len(regions) - 1))])
    i = data.draw(st.integers(0, len(source["sign_vector"]) - 1))
    source["sign_vector"][i] *= -1  # a sign vector that may or may not be listed: its witness is wrong
    regions.append(source)
    cert["claim"]["num_regions_at_least"] += 1
    assert verify(cert).status == "rejected"


@SETTINGS
@given(st.sampled_from(sorted(BASES)), st.data())
def test_other_arrangement_in_the_claim_rejected_or_true(name, data):
    """Moving a hyperplane in the claim: proved only if every witness is still on its side."""
    from fractions import Fraction

    cert = _fresh(name)
    i = data.draw(st.integers(0, len(cert["claim"]["offsets"]) - 1))
    shift = data.draw(st.sampled_from([Fraction(1), Fraction(-1, 3), Fraction(10)]))
    cert["claim"]["offsets"][i] = str(Fraction(cert["claim"]["offsets"][i]) + shift)
    a = [Fraction(v) for v in cert["claim"]["normals"][i]]
    c = Fraction(cert["claim"]["offsets"][i])
    still = all(
        (sum(x * Fraction(w) for x, w in zip(a, r["witness"])) - c) * r["sign_vector"][i] > 0
        for r in cert["data"]["regions"]
    )
    assert (verify(cert).status == "proved") == still


@pytest.mark.parametrize(
    "path, value, fragment",
    [
        (("claim", "num_regions_at_least"), True, "must be an integer >= 0, found True"),
        (("claim", "num_regions_at_least"), "6", "must be an integer >= 0, found '6'"),
        (("claim", "dimension"), 10**9, "claim.dimension must be an integer between 0 and 10000"),
        (("claim", "statement"), "at least a million regions", "claim.statement must be exactly"),
        (("claim", "extra"), 1, "claim has an unknown field 'extra'"),
        (("data", "regions", 0, "extra"), 1, "data.regions[0] has an unknown field 'extra'"),
        (("data", "regions", 0, "sign_vector", 0), True, "the sign vector must list +1 or -1"),
        (("data", "regions", 0, "witness", 0), "1e9", "data.regions[0].witness[0] must be an integer or"),
        (("claim", "offsets", 0), 0.5, "claim.offsets[0] must be an integer or a string"),
    ],
)
def test_strict_schema(path, value, fragment):
    cert = _fresh("braid3")
    target = cert
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert fragment in verify(cert).message


@pytest.mark.parametrize("section, key", [("claim", "normals"), ("claim", "num_regions_at_least"),
                                          ("data", "regions")])
def test_missing_field_rejected(section, key):
    cert = _fresh("braid3")
    del cert[section][key]
    assert verify(cert).message == f"{section} is missing the field {key!r}"


def test_hostile_sizes_decided_quickly():
    claim = {"dimension": 10**9, "normals": [], "offsets": [], "num_regions_at_least": 1}
    assert "claim.dimension" in _quickly(envelope("region-list", claim, {"regions": [{"sign_vector": [],
                                                                                      "witness": []}]}))
    # hyperplanes x = i of one entry and a witness on the far side of all of them, twice
    for n, fragment in ((10**5, "at most 20000 are checked"), (20_000, "same sign vector")):
        claim = {"dimension": 1, "normals": [[1]] * n, "offsets": list(range(n)), "num_regions_at_least": 2}
        region = {"sign_vector": [-1] * n, "witness": [-1]}
        assert fragment in _quickly(envelope("region-list", claim, {"regions": [region, region]}))
    # the same with 2000-digit rationals: refused by the work budget, not left to run
    big = "9" * 2000 + "/" + "7" * 1999
    claim = {"dimension": 1, "normals": [[big]] * 5000, "offsets": [big] * 5000, "num_regions_at_least": 40}
    regions = [{"sign_vector": [1] * 5000, "witness": [f"{k + 2}/{k + 1}"]} for k in range(40)]
    _quickly(envelope("region-list", claim, {"regions": regions}))
    deep = []
    for _ in range(5000):
        deep = [deep]
    claim = {"dimension": 1, "normals": [[1]], "offsets": [0], "num_regions_at_least": 1}
    _quickly(envelope("region-list", claim, {"regions": [{"sign_vector": [1], "witness": deep}]}))

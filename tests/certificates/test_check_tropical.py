"""classification-fan-count certificates: points and n_terms in the claim; strict schema; hostile sizes."""

from __future__ import annotations

import copy
import functools
import math
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactgeom.certificates import check_tropical, envelope, verify
from exactgeom.networks.tropical_classifier import TropicalClassifier

import timing

POINTS = [(0, 0), (3, 1), (1, 4), (-2, 2), (5, -1), (2, -3)]
SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def _cert(N: int, n: int, m: int) -> dict:
    return TropicalClassifier(POINTS[:N], n_terms=(n, m)).certificate()


def _fresh(N=4, n=2, m=2):
    return copy.deepcopy(_cert(N, n, m))


def test_honest_certificates_give_the_documented_counts():
    # docs/conventions.md: 4, 16, 64, 244 maximal cones for (n, m) = (2, 2) and N = 1..4
    for N, expected in zip(range(1, 5), (4, 16, 64, 244)):
        cert = _cert(N, 2, 2)
        v = verify(cert)
        assert v.status == "proved" and cert["claim"]["num_maximal_cones"] == expected, v.message
    assert _cert(4, 2, 2)["claim"]["statement"] == check_tropical.STATEMENT


def test_one_point_count_by_hand():
    # one point: one partition, K labellings
    cert = TropicalClassifier([(7, 7)], n_terms=(2, 3)).certificate()
    assert cert["claim"]["num_maximal_cones"] == 5 and verify(cert).ok


@SETTINGS
@given(st.integers(2, 4), st.sampled_from([(1, 1), (2, 1), (1, 3)]))
def test_other_term_count_with_recounted_value_rejected(N, terms):
    """Claim (n, m) other than the certificate's, with the count recomputed for the listed partitions."""
    cert = _fresh(N, 2, 2)
    n, m = terms
    K = n + m
    cert["claim"]["n_terms"] = [n, m]
    cert["claim"]["num_maximal_cones"] = sum(math.perm(K, max(b) + 1) if max(b) < K else 0
                                             for b in cert["data"]["levels"][-1])
    truth = TropicalClassifier(POINTS[:N], n_terms=(n, m)).num_maximal_cones()
    if truth != cert["claim"]["num_maximal_cones"]:
        assert verify(cert).status == "rejected"


@SETTINGS
@given(st.integers(2, 4), st.data())
def test_moved_point_proved_only_with_its_true_count(N, data):
    cert = _fresh(N, 2, 2)
    i = data.draw(st.integers(0, N - 1))
    k = data.draw(st.integers(0, 1))
    points = [list(p) for p in POINTS[:N]]
    points[i][k] += data.draw(st.sampled_from([1, -2, 7]))
    cert["claim"]["points"] = [[str(v) for v in p] for p in points]
    truth = TropicalClassifier([tuple(p) for p in points], n_terms=(2, 2)).num_maximal_cones()
    v = verify(cert)
    assert v.status != "proved" or truth == cert["claim"]["num_maximal_cones"]


def test_dropped_partition_and_recount_rejected():
    cert = _fresh(4)
    cert["data"]["levels"][-1].pop()
    cert["data"]["witnesses"].pop()
    cert["claim"]["num_maximal_cones"] = sum(math.perm(4, max(b) + 1) for b in cert["data"]["levels"][-1])
    assert "neither listed nor refuted" in verify(cert).message


@pytest.mark.parametrize(
    "path, value, fragment",
    [
        (("claim", "num_maximal_cones"), True, "claim.num_maximal_cones must be an integer >= 0, found True"),
        (("claim", "num_maximal_cones"), "244", "claim.num_maximal_cones must be an integer >= 0"),
        (("claim", "n_terms", 0), True, "claim.n_terms[0] must be an integer between 1 and 1000"),
        (("claim", "n_terms", 1), 0, "claim.n_terms[1] must be an integer between 1 and 1000"),
        (("claim", "points", 0, 0), "1e9", "claim.points[0][0] must be an integer or a string"),
        (("claim", "statement"), "there are 10**9 cones", "claim.statement must be exactly"),
        (("claim", "extra"), 1, "claim has an unknown field 'extra'"),
        (("data", "refuted", 0, "extra"), 1, "data.refuted[0] has an unknown field 'extra'"),
        (("data", "levels", 1, 0, 1), True, "is not a restricted-growth string"),
    ],
)
def test_strict_schema(path, value, fragment):
    cert = _fresh(4)
    target = cert
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert fragment in verify(cert).message


@pytest.mark.parametrize("section, key", [("claim", "points"), ("claim", "n_terms"), ("data", "refuted")])
def test_missing_field_rejected(section, key):
    cert = _fresh(3)
    del cert[section][key]
    assert verify(cert).message == f"{section} is missing the field {key!r}"


_quickly = timing.rejected_quickly


def test_hostile_sizes_decided_quickly():
    def cert(points, n_terms, levels, witnesses=(), refuted=()):
        return envelope("classification-fan-count",
                        {"points": points, "n_terms": n_terms, "num_maximal_cones": 1},
                        {"levels": levels, "witnesses": list(witnesses), "refuted": list(refuted)})

    assert "between 1 and 1000" in _quickly(cert([["0"]], [10**9, 1], [[[0]]]))
    assert "at most 1000 are checked" in _quickly(cert([["0"] * 10**5], [1, 1], [[[0]]]))
    assert "claim.points has 100000 entries" in _quickly(cert([["0"]] * 10**5, [1, 1], [[[0]]]))
    # 1000 points, 1000 terms: every extension by a new block must be refuted; far too many
    points = [[str(k)] for k in range(1000)]
    levels = [[list(range(N))] for N in range(1, 1001)]
    _quickly(cert(points, [500, 500], levels))
    big = "9" * 2000 + "/" + "7" * 2000  # a file of about 1 MB of such numbers
    points = [[big, big] for _ in range(100)]
    levels = [[[0] * N] for N in range(1, 101)]
    refuted = [{"blocks": [0, 1], "multipliers": [big, big]}]
    _quickly(cert(points, [1, 1], levels, [[[big] * 3]], refuted))


def test_rational_points_and_rescaled_evidence():
    """An affine image of the points has the same fan; positive multiples of the evidence still prove it."""
    points = [(Fraction(x, 3) + Fraction(1, 2), Fraction(y - x, 5)) for x, y in POINTS[:5]]
    cert = TropicalClassifier(points, n_terms=(2, 2)).certificate()
    assert verify(cert).ok and cert["claim"]["num_maximal_cones"] == 844   # REFERENCE.md §4, N = 5
    scaled = copy.deepcopy(cert)
    for entry in scaled["data"]["refuted"]:
        entry["multipliers"] = [str(Fraction(v) * Fraction(7, 11)) for v in entry["multipliers"]]
    for functions in scaled["data"]["witnesses"]:
        functions[:] = [[str(Fraction(v) * Fraction(5, 3)) for v in f] for f in functions]
    assert verify(scaled).ok
    for flip in ("refuted", "witnesses"):
        bad = copy.deepcopy(cert)
        if flip == "refuted":
            entry = bad["data"]["refuted"][-1]
            k = next(i for i, v in enumerate(entry["multipliers"]) if Fraction(v))
            entry["multipliers"][k] = str(Fraction(entry["multipliers"][k]) * Fraction(1001, 1000))
            assert "combine" in verify(bad).message
        else:
            witnesses = bad["data"]["witnesses"]
            k = max(range(len(witnesses)), key=lambda i: len(witnesses[i]))
            witnesses[k] = [[str(-Fraction(v)) for v in f] for f in witnesses[k]]
            assert "unique maximum" in verify(bad).message


def test_hostile_denominators_in_the_evidence_refused_by_the_budget():
    # one point in Q^300 whose witness function has 1600-digit, almost coprime denominators:
    # scaling it to integers would need their lcm, about 1.6 million bits
    d = 300
    witness = [[f"1/{(10**40 + k) ** 40}" for k in range(d + 1)]]
    cert = envelope("classification-fan-count",
                    {"points": [["0"] * d], "n_terms": [1, 1], "num_maximal_cones": 2},
                    {"levels": [[[0]]], "witnesses": [witness], "refuted": []})
    assert "counted steps" in _quickly(cert)
    witness = [[f"1/{(10**40 + k) ** 40}" for k in range(3)]]
    cert = envelope("classification-fan-count",
                    {"points": [["0", "0"]], "n_terms": [1, 1], "num_maximal_cones": 2},
                    {"levels": [[[0]]], "witnesses": [witness], "refuted": []})
    assert verify(cert).ok      # a few such numbers are fine

"""The characteristic-polynomial / region-count checker accepts honest certificates, rejects altered ones."""

from __future__ import annotations

import copy
import functools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactgeom import Arrangement, library
from exactgeom.arrangements.certify import (
    characteristic_polynomial_certificate,
    poset_of_flats,
    region_count_certificate,
)
from exactgeom.certificates import check_counts, verify

import timing


@functools.cache
def _base(name: str) -> dict:
    arrangements = {
        "threshold3": library.threshold(3),
        "braid4": library.braid(4),
        "shi3": library.shi(3),
        "catalan3": library.catalan(3),
        "generic": library.generic(6, 3, seed=3),
        "affine2d": Arrangement([[1, 0], [0, 1], [1, 1], [1, -1]], offsets=[0, 1, 0, "1/2"]),
        "parallel": Arrangement([[1, 0], [1, 0], [0, 1]], offsets=[0, 1, 0]),
    }
    return characteristic_polynomial_certificate(arrangements[name], name=name)


BASES = ["threshold3", "braid4", "shi3", "catalan3", "generic", "affine2d", "parallel"]


def _fresh(name: str) -> dict:
    return copy.deepcopy(_base(name))


# ---------------------------------------------------------------------------------------------
# honest certificates, against independent values


@pytest.mark.parametrize(
    "arrangement, chi",
    [
        (library.threshold(2), [1, -4, 6, -3]),  # REFERENCE.md: T_2 1,4,6,3
        (library.threshold(3), [1, -8, 28, -44, 23]),  # T_3 1,8,28,44,23
        (library.braid(4), [1, -6, 11, -6, 0]),  # t(t-1)(t-2)(t-3)
        (library.coordinate(3), [1, -3, 3, -1]),  # (t-1)^3
        (library.shi(3), [1, -6, 9, 0]),  # t(t-3)^2
    ],
)
def test_certified_polynomial_matches_closed_form(arrangement, chi):
    cert = characteristic_polynomial_certificate(arrangement)
    assert cert["claim"]["characteristic_polynomial"] == chi
    assert verify(json.loads(json.dumps(cert))).ok


def test_threshold4_region_count_is_A000609():
    cert = region_count_certificate(library.threshold(4))
    assert (cert["claim"]["regions"], cert["claim"]["bounded_regions"]) == (1882, 0)
    assert verify(cert).ok


def test_generic_affine_counts_match_formulas():
    # generic affine arrangement of 6 planes in Q^3: sum_{k<=3} C(6,k) = 42 regions, C(5,3) = 10 bounded
    assert _base("generic")["claim"]["regions"] == 42
    assert _base("generic")["claim"]["bounded_regions"] == 10
    assert verify(_base("generic")).ok


def test_parallel_lines_count_by_hand():
    # x=0, x=1, y=0: 6 regions, none bounded
    cert = _base("parallel")
    assert cert["claim"]["regions"] == 6 and cert["claim"]["bounded_regions"] == 0
    assert verify(cert).ok


def test_empty_arrangement():
    cert = characteristic_polynomial_certificate(Arrangement([], dimension=2))
    assert cert["claim"]["characteristic_polynomial"] == [1, 0, 0]
    assert verify(cert).ok


def test_poset_of_flats_whole_space_first_and_ranks_sorted():
    flats, ranks, mobius = poset_of_flats(library.braid(3))
    assert flats[0] == () and mobius[0] == 1
    assert ranks == sorted(ranks)


@pytest.mark.parametrize("name", BASES)
def test_order_of_flats_does_not_matter(name):
    cert = _fresh(name)
    flats, mobius = cert["data"]["flats"], cert["data"]["mobius"]
    pairs = list(zip(flats[1:], mobius[1:]))[::-1]
    cert["data"]["flats"] = [flats[0]] + [f for f, _ in pairs]
    cert["data"]["mobius"] = [mobius[0]] + [m for _, m in pairs]
    assert verify(cert).ok


# ---------------------------------------------------------------------------------------------
# corrupted certificates


def _rejected(cert) -> str:
    v = verify(cert)
    assert not v.ok
    assert v.message
    return v.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(BASES), data=st.data())
def test_changed_mobius_value_rejected(name, data):
    cert = _fresh(name)
    j = data.draw(st.integers(0, len(cert["data"]["mobius"]) - 1))
    delta = data.draw(st.integers(-5, 5).filter(bool))
    cert["data"]["mobius"][j] += delta
    _rejected(cert)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(BASES), data=st.data())
def test_dropped_flat_rejected(name, data):
    cert = _fresh(name)
    j = data.draw(st.integers(1, len(cert["data"]["flats"]) - 1))
    del cert["data"]["flats"][j]
    del cert["data"]["mobius"][j]
    _rejected(cert)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(BASES), data=st.data())
def test_edited_flat_rejected(name, data):
    cert = _fresh(name)
    n = len(cert["claim"]["normals"])
    flats = cert["data"]["flats"]
    j = data.draw(st.integers(1, len(flats) - 1))
    flat = set(flats[j])
    h = data.draw(st.integers(0, n - 1))
    flat.symmetric_difference_update({h})
    flats[j] = sorted(flat)
    _rejected(cert)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(BASES), data=st.data())
def test_extra_flat_rejected(name, data):
    cert = _fresh(name)
    n = len(cert["claim"]["normals"])
    subset = sorted(data.draw(st.sets(st.integers(0, n - 1), min_size=1)))
    listed = {tuple(f) for f in cert["data"]["flats"]}
    cert["data"]["flats"].append(subset)
    cert["data"]["mobius"].append(data.draw(st.integers(-3, 3)))
    message = _rejected(cert)
    if tuple(subset) in listed:
        assert "listed twice" in message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(BASES), data=st.data())
def test_changed_claim_rejected(name, data):
    cert = _fresh(name)
    key = data.draw(st.sampled_from(["characteristic_polynomial", "regions", "bounded_regions"]))
    delta = data.draw(st.integers(-3, 3).filter(bool))
    if key == "characteristic_polynomial":
        k = data.draw(st.integers(0, len(cert["claim"][key]) - 1))
        cert["claim"][key][k] += delta
    else:
        cert["claim"][key] += delta
    _rejected(cert)


@pytest.mark.parametrize("name", BASES)
def test_truncated_polynomial_rejected(name):
    cert = _fresh(name)
    cert["claim"]["characteristic_polynomial"] = cert["claim"]["characteristic_polynomial"][:-1]
    _rejected(cert)


@pytest.mark.parametrize("name", ["threshold3", "braid4", "generic"])
def test_duplicated_hyperplane_rejected(name):
    cert = _fresh(name)
    d = cert["claim"]
    d["normals"].append([str(2 * int(v)) for v in d["normals"][0]])
    d["offsets"].append(str(2 * int(d["offsets"][0])))
    _rejected(cert)


def test_moved_hyperplane_changes_lattice_and_is_rejected():
    cert = _fresh("braid4")
    # x1 - x2 = 1 instead of 0: the flats of the braid arrangement are no longer all the flats
    cert["claim"]["offsets"][0] = "1"
    _rejected(cert)


@pytest.mark.parametrize(
    "path, value",
    [
        (("claim", "normals", 0, 0), 0.5),
        (("claim", "normals", 0, 0), "one"),
        (("data", "mobius", 0), True),
        (("data", "flats", 1), [1, 0]),
        (("data", "flats", 1), [99]),
        (("data", "flats", 0), [0]),
        (("claim", "dimension"), -1),
        (("claim", "regions"), "many"),
        (("data", "flats"), "all"),
    ],
)
def test_malformed_entries_rejected(path, value):
    cert = _fresh("shi3")
    target = cert
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    _rejected(cert)


@pytest.mark.parametrize(
    "section, key",
    [
        ("data", "flats"),
        ("data", "mobius"),
        ("claim", "normals"),
        ("claim", "offsets"),
        ("claim", "dimension"),
    ],
)
def test_missing_data_rejected(section, key):
    cert = _fresh("shi3")
    del cert[section][key]
    assert _rejected(cert) == f"{section} is missing the field {key!r}"


def test_empty_claim_rejected():
    cert = region_count_certificate(library.shi(3))
    for key in ("regions", "bounded_regions"):
        del cert["claim"][key]
    assert "none of" in _rejected(cert)
    cert = _fresh("shi3")
    del cert["claim"]["characteristic_polynomial"]
    assert _rejected(cert) == "claim is missing the field 'characteristic_polynomial'"


def test_zero_normal_rejected():
    cert = _fresh("shi3")
    cert["claim"]["normals"][0] = ["0"] * cert["claim"]["dimension"]
    assert "zero vector" in _rejected(cert)


def test_too_many_flats_refused(monkeypatch):
    monkeypatch.setattr(check_counts, "MAX_FLATS", 10)
    message = _rejected(_fresh("threshold3"))
    listed = len(_base("threshold3")["data"]["flats"])
    assert message == f"data.flats has {listed} entries; at most 10 are checked"


def test_absurd_dimension_refused():
    cert = characteristic_polynomial_certificate(Arrangement([], dimension=1))
    cert["claim"]["dimension"] = 10**9
    cert["claim"]["characteristic_polynomial"] = [1]
    assert "claim.dimension must be an integer between 0 and 1000" in _rejected(cert)


# ---------------------------------------------------------------------------------------------
# random line arrangements: the certified count against an independent count in the plane


def _lines(draw_rows):
    return Arrangement([r[:2] for r in draw_rows], offsets=[r[2] for r in draw_rows], dedupe=True)


def _plane_regions(A) -> int:
    """Regions of lines in the plane: 1 + n + sum over intersection points p of (lines through p) - 1."""
    from fractions import Fraction

    points: dict = {}
    lines = list(zip(A.normals, A.offsets))
    for i, ((a1, b1), c1) in enumerate(lines):
        for (a2, b2), c2 in lines[i + 1 :]:
            det = a1 * b2 - a2 * b1
            if det == 0:
                continue
            p = (Fraction(c1 * b2 - c2 * b1) / det, Fraction(a1 * c2 - a2 * c1) / det)
            points.setdefault(p, set())
    for p, through in points.items():
        for k, ((a, b), c) in enumerate(lines):
            if a * p[0] + b * p[1] == c:
                through.add(k)
    return 1 + len(lines) + sum(len(through) - 1 for through in points.values())


row = st.lists(st.integers(-3, 3), min_size=3, max_size=3).filter(lambda r: r[0] or r[1])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, min_size=1, max_size=7))
def test_random_line_arrangements_certified_and_counted_independently(rows):
    A = _lines(rows)
    cert = characteristic_polynomial_certificate(A)
    assert verify(cert).ok
    assert cert["claim"]["regions"] == _plane_regions(A)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, min_size=2, max_size=7), st.data())
def test_random_line_arrangements_reject_a_missing_flat(rows, data):
    cert = characteristic_polynomial_certificate(_lines(rows))
    flats = cert["data"]["flats"]  # at least the whole space and one hyperplane
    j = data.draw(st.integers(1, len(flats) - 1))
    del flats[j]
    del cert["data"]["mobius"][j]
    assert not verify(cert).ok


# ---------------------------------------------------------------------------------------------
# the claim is the whole theorem: consistent changes of claim and evidence are still rejected


def _chi_and_counts(cert):
    """χ and the two counts from the data, by the formulas of the module docstring (test-side)."""
    from fractions import Fraction

    from exactgeom import Arrangement as A

    claim = cert["claim"]
    arrangement = A([[Fraction(v) for v in a] for a in claim["normals"]],
                    offsets=[Fraction(c) for c in claim["offsets"]], dimension=claim["dimension"])
    flats, ranks, _ = poset_of_flats(arrangement)
    rank_of = dict(zip(flats, ranks))
    d = claim["dimension"]
    chi = [0] * (d + 1)
    for flat, m in zip(cert["data"]["flats"], cert["data"]["mobius"]):
        chi[rank_of.get(tuple(flat), 0)] += m
    rank = max(ranks)
    return chi, (-1) ** d * sum(c * (-1) ** (d - k) for k, c in enumerate(chi)), (-1) ** rank * sum(chi)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(BASES), data=st.data())
def test_changed_value_with_consistent_mobius_rejected(name, data):
    cert = _fresh(name)
    j = data.draw(st.integers(1, len(cert["data"]["mobius"]) - 1))
    cert["data"]["mobius"][j] += data.draw(st.integers(-3, 3).filter(bool))
    chi, regions, bounded = _chi_and_counts(cert)
    cert["claim"].update(characteristic_polynomial=chi, regions=regions, bounded_regions=bounded)
    assert verify(cert).status == "rejected"
    count = region_count_certificate(Arrangement([[1]], offsets=[0]))  # same attack on region-count
    count["data"]["mobius"][1] = -2
    count["claim"]["regions"] = 3
    assert verify(count).status == "rejected"


@pytest.mark.parametrize("other", ["braid4", "catalan3", "affine2d"])
def test_other_arrangement_in_the_claim_rejected(other):
    cert = _fresh("shi3")
    for key in ("dimension", "normals", "offsets"):
        cert["claim"][key] = copy.deepcopy(_base(other)["claim"][key])
    assert verify(cert).status == "rejected"


@pytest.mark.parametrize(
    "path, value, fragment",
    [
        (("claim", "regions"), True, "claim.regions must be an integer >= 0, found True"),
        (("claim", "regions"), -6, "claim.regions must be an integer >= 0"),
        (("claim", "regions"), "16", "claim.regions must be an integer >= 0, found '16'"),
        (("claim", "dimension"), 3.0, "claim.dimension must be an integer"),
        (("claim", "characteristic_polynomial", 0), "1", "characteristic_polynomial[0] must be an integer"),
        (("data", "mobius", 1), False, "data.mobius[1] must be an integer"),
        (("data", "flats", 1, 0), True, "data.flats[1][0] must be an integer between"),
        (("claim", "offsets", 0), "1e99999999", "claim.offsets[0] must be an integer or a string"),
        (("claim", "extra"), 1, "claim has an unknown field 'extra'"),
        (("data", "extra"), 1, "data has an unknown field 'extra'"),
    ],
)
def test_strict_schema(path, value, fragment):
    cert = _fresh("shi3")
    target = cert
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert fragment in _rejected(cert)


def test_a_set_that_is_no_flat_is_rejected():
    cert = _fresh("parallel")  # x=0, x=1, y=0: {0, 1} is empty, not a flat
    cert["data"]["flats"].append([0, 1])
    cert["data"]["mobius"].append(1)
    assert "not a flat" in _rejected(cert)


def test_region_count_message_says_what_was_rederived():
    v = verify(region_count_certificate(library.braid(3)))
    assert v.status == "proved" and "all the flats (re-derived)" in v.message and "regions = 6" in v.message


# ---------------------------------------------------------------------------------------------
# hostile sizes: each decided quickly (CPU seconds, so that a loaded machine does not matter)


def _quickly(cert) -> str:

    start = timing.clock()
    v = verify(cert)
    assert timing.clock() - start < timing.LIMIT, v.message
    assert v.status == "rejected"
    return v.message


def _envelope(claim, data, kind="characteristic-polynomial"):
    from exactgeom.certificates import envelope

    return envelope(kind, claim, data)


def test_hostile_dimension_without_rows():
    for kind in ("characteristic-polynomial", "region-count"):
        claim = {"dimension": 10**9, "normals": [], "offsets": [], "regions": 1}
        if kind == "characteristic-polynomial":
            claim["characteristic_polynomial"] = [1]
        assert "claim.dimension must be an integer between 0 and 1000" in _quickly(
            _envelope(claim, {"flats": [[]], "mobius": [1]}, kind))


def test_hostile_many_hyperplanes_of_one_entry():
    n = 9_999  # points x = i on the line: n + 1 flats, each traced against every hyperplane
    claim = {"dimension": 1, "normals": [[1]] * n, "offsets": list(range(n)), "regions": n + 1}
    data = {"flats": [[]] + [[i] for i in range(n)], "mobius": [1] + [-1] * n}
    assert "counted steps" in _quickly(_envelope(claim, data, "region-count"))
    claim["normals"] = [[1]] * 10**5
    assert "at most 10000 are checked" in _quickly(_envelope(claim, data, "region-count"))


def test_hostile_huge_rationals():
    big = "1" * 2000 + "/" + "7" * 2000
    n = 200
    claim = {"dimension": 2, "normals": [[big, str(i + 1)] for i in range(n)], "offsets": [big] * n,
             "regions": 1}
    data = {"flats": [[]] + [[i] for i in range(n)], "mobius": [1] + [-1] * n}
    _quickly(_envelope(claim, data, "region-count"))
    claim["offsets"][0] = "1" * 2001
    assert "at most 2000 digits" in _quickly(_envelope(claim, data, "region-count"))


def test_hostile_deep_and_long_lists():
    deep = []
    for _ in range(10_000):
        deep = [deep]
    claim = {"dimension": 1, "normals": [[1]], "offsets": [0], "regions": 2}
    _quickly(_envelope(claim, {"flats": [[], deep], "mobius": [1, -1]}, "region-count"))
    _quickly(_envelope(claim, {"flats": [[]] * 10**5, "mobius": [1] * 10**5}, "region-count"))
    _quickly(_envelope(claim, {"flats": [[], [0] * 10**5], "mobius": [1, -1]}, "region-count"))


@pytest.mark.slow
def test_threshold5_is_decided_within_the_budget():

    cert = characteristic_polynomial_certificate(library.threshold(5))
    start = timing.clock()
    v = verify(json.loads(json.dumps(cert)))
    assert v.status == "proved" and cert["claim"]["regions"] == 94572  # A000609
    assert timing.clock() - start < timing.LIMIT

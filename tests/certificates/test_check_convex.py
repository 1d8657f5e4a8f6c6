"""l1-interpolation-optimality: the claim is the whole problem (X, y, the units); K is rebuilt."""

from __future__ import annotations

import copy
import functools
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactgeom.certificates import check_convex, envelope, verify
from exactgeom.convex import min_l1_interpolant
from oracles.convex import min_l1_by_basic_solutions

import timing

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROBLEMS = {
    "tent": ([[0], [1], [2]], [0, 1, 0], "ramp"),
    "wedge": ([[1, 0], [1, 1], [-1, 2]], [1, -1, 2], "wedge"),
    "xor": ([[-1, -1], [1, -1], [-1, 1], [1, 1]], [1, -1, -1, 1], "affine"),
}


@functools.cache
def _fit(name):
    X, y, kind = PROBLEMS[name]
    return min_l1_interpolant(X, y, kind=kind)


def _fresh(name):
    return copy.deepcopy(_fit(name).certificate)


def _unit_value(unit, x):
    """A unit's output, written independently of the checker."""
    pre = max(sum(Fraction(w) * v for w, v in zip(unit["weight"], x)) + Fraction(unit["bias"]), 0)
    if "sign" in unit:
        return max(unit["sign"] * (pre - Fraction(unit["threshold"])), 0)
    return pre


def _brute_force(claim):
    """min ||z||_1 with K z (+ t) = y for the claim's units evaluated on its data."""
    X = [[Fraction(v) for v in x] for x in claim["X"]]
    y = [Fraction(v) for v in claim["y"]]
    K = [[_unit_value(u, x) for u in claim["units"]] for x in X]
    return min_l1_by_basic_solutions(K, y, claim["intercept"])


@pytest.mark.parametrize("name", sorted(PROBLEMS))
def test_honest_certificates_against_brute_force(name):
    cert = _fresh(name)
    v = verify(cert)
    assert v.status == "proved" and "rebuilt from X and the units" in v.message
    assert Fraction(cert["claim"]["value"]) == _brute_force(cert["claim"])
    assert set(cert["data"]) == {"z", "t", "nu"} and cert["claim"]["statement"] == check_convex.STATEMENT


def test_referee_attack_halved_value_with_halved_evidence_rejected():
    """Halving the value, z, t and ν: the claimed y is unchanged, so K z + t no longer fits it."""
    cert = _fresh("tent")
    cert["claim"]["value"] = str(Fraction(cert["claim"]["value"]) / 2)
    for key in ("z", "nu"):
        cert["data"][key] = [str(Fraction(v) / 2) for v in cert["data"][key]]
    cert["data"]["t"] = str(Fraction(cert["data"]["t"]) / 2)
    assert verify(cert).status == "rejected"


def test_referee_attack_on_k_has_nowhere_to_go():
    """K is not evidence: a scaled K in the data is an unknown field; dropping a unit changes z's length."""
    cert = _fresh("wedge")
    cert["data"]["K"] = [["2"] * len(cert["claim"]["units"])] * len(cert["claim"]["X"])
    assert verify(cert).message.startswith("data has an unknown field 'K'")
    cert = _fresh("wedge")
    del cert["claim"]["units"][0]
    assert verify(cert).message == f"data.z must have {len(cert['claim']['units'])} entries, found " \
                                   f"{len(cert['data']['z'])}"


@SETTINGS
@given(st.sampled_from(sorted(PROBLEMS)), st.data())
def test_altered_problem_proved_only_with_its_true_optimum(name, data):
    """Change y, scale a unit, or change the value, with the evidence rescaled to match."""
    cert = _fresh(name)
    claim = cert["claim"]
    what = data.draw(st.sampled_from(["scale y", "scale unit", "value"]))
    factor = data.draw(st.sampled_from([Fraction(1, 2), Fraction(2), Fraction(3)]))
    if what == "scale y":  # a true theorem when everything scales: the optimum scales too
        claim["y"] = [str(Fraction(v) * factor) for v in claim["y"]]
        claim["value"] = str(Fraction(claim["value"]) * factor)
        cert["data"]["z"] = [str(Fraction(v) * factor) for v in cert["data"]["z"]]
        cert["data"]["t"] = str(Fraction(cert["data"]["t"]) * factor)
    elif what == "scale unit":  # column j times factor, z_j divided: K z unchanged, ||z||_1 recomputed
        j = data.draw(st.integers(0, len(claim["units"]) - 1))
        unit = claim["units"][j]
        unit["weight"] = [str(Fraction(v) * factor) for v in unit["weight"]]
        unit["bias"] = str(Fraction(unit["bias"]) * factor)
        if "threshold" in unit:
            unit["threshold"] = str(Fraction(unit["threshold"]) * factor)
        cert["data"]["z"][j] = str(Fraction(cert["data"]["z"][j]) / factor)
        claim["value"] = str(sum(abs(Fraction(v)) for v in cert["data"]["z"]))
    else:
        claim["value"] = str(Fraction(claim["value"]) * factor)
    if verify(cert).status == "proved":
        assert Fraction(claim["value"]) == _brute_force(claim)
    else:
        assert what != "scale y" or factor == 0


@pytest.mark.parametrize(
    "path, value, fragment",
    [
        (("claim", "intercept"), "true", "claim.intercept must be a JSON boolean"),
        (("claim", "intercept"), 1, "claim.intercept must be a JSON boolean"),
        (("claim", "value"), 2.0, "claim.value must be an integer or a string"),
        (("claim", "y", 0), "1e9", "claim.y[0] must be an integer or a string"),
        (("claim", "units", 0, "extra"), 1, "claim.units[0] has an unknown field 'extra'"),
        (("claim", "extra"), 1, "claim has an unknown field 'extra'"),
        (("claim", "statement"), "min is 0", "claim.statement must be exactly"),
        (("data", "extra"), 1, "data has an unknown field 'extra'"),
    ],
)
def test_strict_schema(path, value, fragment):
    cert = _fresh("tent")
    target = cert
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert fragment in verify(cert).message


def test_three_layer_unit_fields_are_all_or_none():
    cert = _fresh("tent")
    cert["claim"]["units"][0]["sign"] = 1
    assert "claim.units[0] is missing the field 'threshold'" == verify(cert).message
    cert["claim"]["units"][0]["threshold"], cert["claim"]["units"][0]["sign"] = "0", True
    assert "claim.units[0].sign must be an integer between -1 and 1" in verify(cert).message


@pytest.mark.parametrize("section, key", [("claim", "X"), ("claim", "y"), ("claim", "units"), ("data", "nu")])
def test_missing_field_rejected(section, key):
    cert = _fresh("tent")
    del cert[section][key]
    assert verify(cert).message == f"{section} is missing the field {key!r}"


_quickly = timing.rejected_quickly


def test_hostile_sizes_decided_quickly():
    def cert(X, y, units, z, nu):
        return envelope("l1-interpolation-optimality",
                        {"X": X, "y": y, "units": units, "intercept": False, "value": "0"},
                        {"z": z, "t": "0", "nu": nu})

    assert "at most 10000" in _quickly(cert([["0"] * 10**5], ["0"], [], [], ["0"]))
    # 300 samples x 300 units: K has 90000 entries, each a dot product; then K z and K^T nu
    X = [[str(i)] for i in range(300)]
    units = [{"weight": ["1"], "bias": str(-j)} for j in range(300)]
    _quickly(cert(X, ["1"] * 300, units, ["1"] * 300, ["1"] * 300))
    big = "9" * 2000 + "/" + "7" * 1999
    X = [[big] * 20 for _ in range(10)]
    units = [{"weight": [big] * 20, "bias": big} for _ in range(2)]
    _quickly(cert(X, [big] * 10, units * 5, [big] * 10, [big] * 10))

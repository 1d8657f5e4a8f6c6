"""Certified critical points: Krawczyk boxes against known ED degrees, and the stdlib re-check.

Independent sources: the closed forms of REFERENCE.md §5 (circle 2 and 4, general plane curves
e², Eckart–Young C(2, 1) = 2 and 4n − 2 = 6 for 2×2 rank one; the affine twisted cubic's 5: the
critical points of a degree-6 polynomial in t),
the lightning quartic's 14, and the stdlib checker's own rational interval arithmetic.
"""

from __future__ import annotations

import copy
import random

import pytest
import sympy as sp

from exactgeom.algebra import certify_critical_points, ed_degree
from exactgeom.algebra.certify import numeric_critical_points
from exactgeom.algebra.engines import msolve_path
from exactgeom.certificates import verify
from literature import LIGHTNING_QUARTIC, Y

x, y, z = sp.symbols("x y z")
CIRCLE = [x**2 + y**2 - 1]


def _identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]


def test_circle_identity_two_real_points():
    r = ed_degree(CIRCLE, [x, y], Q=_identity(2), u=[3, 4], certify=True)
    assert (r.value, r.certified_lower_bound) == (2, 2)
    assert r.certification.real == (True, True)
    # the nearest and farthest points ±(3/5, 4/5) lie in the boxes
    centres = sorted(b.centre[0][0] for b in r.certification.boxes)
    assert abs(centres[0] + sp.Rational(3, 5)) < 1e-30 and abs(centres[1] - sp.Rational(3, 5)) < 1e-30


@pytest.mark.parametrize("engine", ["auto", "f4"])
def test_ellipse_form_four_points(engine):
    r = ed_degree(CIRCLE, [x, y], Q=[[4, 0], [0, 1]], certify=True, engine=engine)
    assert (r.value, r.certified_lower_bound) == (4, 4)
    assert "proved: the ED degree is exactly 4" in r.method


@pytest.mark.parametrize("degree", [2, 3])
def test_general_plane_curve(degree):
    rng = random.Random(degree)
    monomials = sorted(sp.itermonomials([x, y], degree), key=sp.default_sort_key)
    f = sum(rng.randint(-9, 9) * m for m in monomials)
    r = ed_degree([f], [x, y], seed=degree, certify=True)
    assert r.certified_lower_bound == r.value == degree**2  # e Σ_{i<2} (e−1)^i


def test_rank_one_two_by_two_matrices():
    a, b, c, d = sp.symbols("a b c d")
    assert ed_degree([a * d - b * c], [a, b, c, d], Q=_identity(4), certify=True).certified_lower_bound == 2
    assert ed_degree([a * d - b * c], [a, b, c, d], seed=3, certify=True).certified_lower_bound == 6


def test_twisted_cubic_codimension_two():
    r = ed_degree([y - x**2, z - x**3], [x, y, z], certify=True)
    assert r.certified_lower_bound == r.value == 5


@pytest.mark.skipif(msolve_path() is None, reason="the pure-Python lift of the lightning RUR needs more than "
                    "40 primes; without msolve certify=True is Inconclusive here (tested below)")
def test_lightning_quartic():
    r = ed_degree([LIGHTNING_QUARTIC], Y, certify=True)
    assert r.certified_lower_bound == r.value == 14
    assert verify(r.certification.certificate()).ok


@pytest.mark.slow
def test_lightning_quartic_without_msolve_is_a_typed_inconclusive(monkeypatch):
    from exactgeom.errors import Inconclusive

    monkeypatch.setenv("EXACTGEOM_MSOLVE", "none")
    with pytest.raises(Inconclusive, match="did not stabilise"):
        ed_degree([LIGHTNING_QUARTIC], Y, certify=True)


def test_bogus_and_repeated_points_are_rejected():
    pts = [(0.6, 0.8), (-0.6, -0.8), (0.6 + 1e-12, 0.8), (7, -2), (0, 0)]
    r = certify_critical_points(CIRCLE, [x, y], pts, Q=_identity(2), u=[3, 4])
    assert r.value == 2
    reasons = dict(r.rejected)
    assert reasons[2].startswith("the same critical point as points[0]")
    assert set(reasons) == {2, 3, 4}


def test_points_with_multipliers_and_complex_points():
    # Q = diag(4, 1), u = (3, 4): 4(x − 3) = 2λx, so λ = 2 − 6/x
    pts = numeric_critical_points(CIRCLE, [x, y], [[4, 0], [0, 1]], [3, 4])
    with_lambda = []
    for px, py in pts:
        lam = 2 - 6 / px
        with_lambda.append((px, py, lam))
    r = certify_critical_points(CIRCLE, [x, y], with_lambda, Q=[[4, 0], [0, 1]], u=[3, 4])
    assert r.value == 4 and r.real.count(True) == 2 and r.real.count(False) == 2


def test_wrong_sizes_are_refused():
    with pytest.raises(ValueError):
        certify_critical_points(CIRCLE, [x, y], [(1, 2, 3, 4)], u=[3, 4])
    with pytest.raises(ValueError):
        certify_critical_points(CIRCLE, [x, y], [(1, 0)])
    with pytest.raises(ValueError):
        ed_degree([y - x**2, z - x**3, z - x * y], [x, y, z], certify=True)


# --------------------------------------------------------------------------- the stdlib checker


def _circle_certificate():
    pts = numeric_critical_points(CIRCLE, [x, y], [[4, 0], [0, 1]], [3, 4])
    return certify_critical_points(CIRCLE, [x, y], pts, Q=[[4, 0], [0, 1]], u=[3, 4]).certificate()


def test_checker_proves_the_boxes():
    v = verify(_circle_certificate())
    assert v.status == "proved"
    assert "exactly 4" in v.message


def test_box_without_a_root_is_rejected():
    cert = _circle_certificate()
    cert["data"]["boxes"][0]["centre"][0][0] = "1/2"
    assert "Krawczyk" in verify(cert).message


def test_overlapping_boxes_are_rejected():
    cert = _circle_certificate()
    cert["data"]["boxes"].append(copy.deepcopy(cert["data"]["boxes"][1]))
    cert["claim"]["ed_degree_at_least"] = 5
    v = verify(cert)
    assert v.status == "rejected"  # 5 > the bound 4, or the boxes meet


def test_duplicated_box_under_the_bound_is_rejected():
    a, b, c, d = sp.symbols("a b c d")
    r = ed_degree([a * d - b * c], [a, b, c, d], Q=_identity(4), certify=True)
    cert = r.certification.certificate()
    cert["data"]["boxes"].append(copy.deepcopy(cert["data"]["boxes"][0]))
    cert["claim"]["ed_degree_at_least"] = 3
    assert "meet" in verify(cert).message


def test_inflated_bound_and_changed_claim_are_rejected():
    cert = _circle_certificate()
    inflated = copy.deepcopy(cert)
    inflated["claim"]["ed_degree_at_least"] = 3
    assert verify(inflated).status == "rejected"
    moved = copy.deepcopy(cert)
    moved["claim"]["u"] = ["3", "5"]
    assert "Krawczyk" in verify(moved).message
    changed = copy.deepcopy(cert)
    changed["claim"]["Q"] = [["1", "0"], ["0", "1"]]
    assert verify(changed).status == "rejected"


@pytest.mark.parametrize("field,value", [
    ("radius", "0"), ("radius", "-1/2"), ("radius", 0.5), ("centre", [["1", "0"]]),
    ("preconditioner", []), ("radius", "1/" + "9" * 1999),
])
def test_hostile_boxes_are_rejected(field, value):
    cert = _circle_certificate()
    cert["data"]["boxes"][0][field] = value
    assert verify(cert).status == "rejected"


def test_hostile_claims_are_rejected():
    cert = _circle_certificate()
    for key, value in [("ed_degree_at_least", True), ("ed_degree_at_least", 10**9),
                       ("Q", [["1", "2"], ["2", "1"]]), ("equations", []), ("extra", 1)]:
        bad = copy.deepcopy(cert)
        bad["claim"][key] = value
        assert verify(bad).status == "rejected", key
    bad = copy.deepcopy(cert)
    bad["data"]["boxes"] = [cert["data"]["boxes"][0]] * 10_001
    assert verify(bad).status == "rejected"

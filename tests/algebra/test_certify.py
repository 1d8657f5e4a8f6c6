"""Certified critical points: Krawczyk boxes against known ED degrees.

Independent sources: the closed forms of REFERENCE.md §5 (circle 2 and 4, general plane curves
e², Eckart–Young C(2, 1) = 2 and 4n − 2 = 6 for 2×2 rank one; the affine twisted cubic's 5: the
critical points of a degree-6 polynomial in t),
and the lightning quartic's 14.  The certificates these boxes produce, and every forgery of
them, are checked in tests/certificates/test_check_intervals.py.
"""

from __future__ import annotations

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


def test_circle_identity_two_real_points():
    r = ed_degree(CIRCLE, [x, y], Q=sp.eye(2), u=[3, 4], certify=True)
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
    assert ed_degree([a * d - b * c], [a, b, c, d], Q=sp.eye(4), certify=True).certified_lower_bound == 2
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
    r = certify_critical_points(CIRCLE, [x, y], pts, Q=sp.eye(2), u=[3, 4])
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

"""Certified critical points: Krawczyk boxes against known ED degrees.

Independent sources: the closed forms of REFERENCE.md §5 (circle 2 and 4, general hypersurfaces
e Σ_{i<n} (e−1)^i, Eckart–Young C(2, 1) = 2 and 4n − 2 for 2×n rank one, n = 2, 3; the affine
twisted cubic's 5: the critical points of a degree-6 polynomial in t), the lightning quartic's 14,
and a critical point on a linear space solved by hand.  Every certified result is re-checked by
the standard-library checker (``verify``, its own rational interval arithmetic); the forgeries of
these certificates are in tests/certificates/test_check_intervals.py.
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


def rechecked(certification, expected: int) -> None:
    """The stdlib checker proves the boxes' claim on its own: ED degree ≥ expected."""
    cert = certification.certificate()
    assert cert["claim"]["ed_degree_at_least"] == expected == len(cert["data"]["boxes"])
    v = verify(cert)
    assert v.status == "proved", v.message
    assert v.message.startswith(f"the ED degree of X for Q is at least {expected}")


def in_box(box, point) -> bool:
    """An exact point lies in the closed box (real and imaginary parts within the radius)."""
    return all(abs(sp.Rational(value) - re) <= box.radius and abs(im) <= box.radius
               for value, (re, im) in zip(point, box.centre))


def test_circle_identity_two_real_points():
    r = ed_degree(CIRCLE, [x, y], Q=sp.eye(2), u=[3, 4], certify=True)
    assert (r.value, r.certified_lower_bound) == (2, 2)
    assert r.certification.real == (True, True)
    # the nearest and farthest points ±(3/5, 4/5) lie in the boxes
    centres = sorted(b.centre[0][0] for b in r.certification.boxes)
    assert abs(centres[0] + sp.Rational(3, 5)) < 1e-30 and abs(centres[1] - sp.Rational(3, 5)) < 1e-30
    nearest, farthest = (sp.Rational(3, 5), sp.Rational(4, 5)), (-sp.Rational(3, 5), -sp.Rational(4, 5))
    assert sorted(in_box(box, nearest) for box in r.certification.boxes) == [False, True]
    assert sorted(in_box(box, farthest) for box in r.certification.boxes) == [False, True]
    rechecked(r.certification, 2)


@pytest.mark.parametrize("engine", ["auto", "f4"])
def test_ellipse_form_four_points(engine):
    r = ed_degree(CIRCLE, [x, y], Q=[[4, 0], [0, 1]], certify=True, engine=engine)
    assert (r.value, r.certified_lower_bound) == (4, 4)
    assert "proved: the ED degree is exactly 4" in r.method
    rechecked(r.certification, 4)


# Without msolve the rational parametrization is lifted from 62-bit primes by the pure-Python
# engine, and for the larger systems here it does not stabilise within its 40 primes: the answer
# is then an honest Inconclusive, so these cases need the fast engine.
needs_msolve = pytest.mark.skipif(msolve_path() is None,
                                  reason="the pure-Python lift needs more than 40 primes here")


@pytest.mark.parametrize("degree,nvars", [(2, 2), (3, 2), (4, 2), (2, 3),
                                          pytest.param(3, 3, marks=needs_msolve), (2, 4)])
def test_general_hypersurface(degree, nvars):
    rng = random.Random(degree * 10 + nvars)
    variables = sp.symbols(f"v1:{nvars + 1}")
    monomials = sorted(sp.itermonomials(variables, degree), key=sp.default_sort_key)
    f = sum(rng.randint(-9, 9) * m for m in monomials)
    expected = degree * sum((degree - 1) ** i for i in range(nvars))  # e Σ_{i<n} (e−1)^i
    r = ed_degree([f], variables, seed=degree, certify=True)
    assert r.certified_lower_bound == r.value == r.upper_bound == expected and r.proved
    rechecked(r.certification, expected)


def test_rank_one_two_by_two_matrices():
    a, b, c, d = sp.symbols("a b c d")
    frobenius = ed_degree([a * d - b * c], [a, b, c, d], Q=sp.eye(4), certify=True)
    assert frobenius.certified_lower_bound == 2  # Eckart–Young C(2, 1)
    generic = ed_degree([a * d - b * c], [a, b, c, d], seed=3, certify=True)
    assert generic.certified_lower_bound == 4 * 2 - 2
    rechecked(frobenius.certification, 2)
    rechecked(generic.certification, 6)


@needs_msolve
def test_rank_one_two_by_three_matrices_from_two_minors():
    # V(ae − bd, af − cd) is the rank-one variety X (4n − 2 = 10 critical points for a generic Q)
    # together with the plane L = {a = d = 0} (one critical point, the solution of a linear
    # system).  A box on which a or d is non-zero lies off L, where the two minors force rank one.
    v = sp.symbols("a b c d e f")
    a, b, c, d, e, f = v
    r = ed_degree([a * e - b * d, a * f - c * d], v, certify=True)
    assert r.certified_lower_bound == r.value == 10 + 1
    rechecked(r.certification, 11)
    off_plane = [box for box in r.certification.boxes
                 if any(max(abs(re), abs(im)) > box.radius for re, im in (box.centre[0], box.centre[3]))]
    assert len(off_plane) == 4 * 3 - 2
    free = [1, 2, 4, 5]  # b, c, e, f
    Q, u = sp.Matrix(r.Q), sp.Matrix(r.u)
    on_plane = Q.extract(free, free).solve((Q * u).extract(free, [0]))  # (Q(x − u))_free = 0 on L
    point = [0] * 6
    for i, value in zip(free, on_plane):
        point[i] = value
    (last,) = [box for box in r.certification.boxes if box not in off_plane]
    assert in_box(last, point)


def test_twisted_cubic_codimension_two():
    r = ed_degree([y - x**2, z - x**3], [x, y, z], certify=True)
    assert r.certified_lower_bound == r.value == 5
    rechecked(r.certification, 5)


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
    rechecked(r, 2)
    # (7, −2) is not on the circle and (0, 0) is its centre: no box may come from either alone
    alone = certify_critical_points(CIRCLE, [x, y], pts[3:], Q=sp.eye(2), u=[3, 4])
    assert alone.value == 0 and [i for i, _ in alone.rejected] == [0, 1]


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

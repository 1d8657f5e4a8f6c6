"""Implicit equations checked against known equations and by independent substitution.

Independent sources: the resultant quartic of REFERENCE.md §5 (written out by hand here),
det = 0 for the linear network (2, 1, 2), the 2×2 minors of the twisted cubic, sympy's
resultant of two binary quadrics, and the standard-library certificate verifier.
"""

from __future__ import annotations

import sympy as sp

from exactgeom.certificates import verify
from exactgeom.neuro import LightningAttention, LinearNetwork, Parametrization, PolynomialMLP

from literature import LIGHTNING_QUARTIC as QUARTIC
from literature import Y

y1, y2, y3, y4, y5, y6 = Y


def test_lightning_equation_is_the_reference_quartic():
    M = LightningAttention(2, 2, 2, 1)
    E = M.implicit_equations(4)
    assert E.proved and E.ideal_dimensions == (0, 0, 0, 1)
    (eq,) = E.equations
    assert sp.expand(eq - QUARTIC) == 0 or sp.expand(eq + QUARTIC) == 0
    # and it is the resultant of y1 x^2 + y2 x z + y3 z^2 and y4 x^2 + y5 x z + y6 z^2
    t = sp.Symbol("t")
    res = sp.resultant(y1 * t**2 + y2 * t + y3, y4 * t**2 + y5 * t + y6, t)
    assert sp.expand(res - QUARTIC) == 0


def test_linear_network_equation_is_the_determinant():
    (eq,) = LinearNetwork((2, 1, 2)).implicit_equations(3).equations
    c = LinearNetwork((2, 1, 2)).coordinates
    assert sp.expand(eq - (c[0] * c[3] - c[1] * c[2])) == 0


def test_twisted_cubic_cone_equations_span_the_minors():
    s, t = sp.symbols("s t")
    P = Parametrization([s, t], [s**3, s**2 * t, s * t**2, t**3])
    E = P.implicit_equations(2)
    a, b, c, d = P.coordinates
    minors = [a * c - b**2, a * d - b * c, b * d - c**2]
    span = sp.Matrix(
        [
            [sp.Poly(e, a, b, c, d).coeff_monomial(m) for m in sp.itermonomials([a, b, c, d], 2, 2)]
            for e in list(E.equations) + minors
        ]
    )
    assert len(E.equations) == 3 and span.rank() == 3


def test_filling_model_has_no_equations():
    E = PolynomialMLP((2, 2, 1), 2).implicit_equations(3)
    assert E.equations == () and E.ideal_dimensions == (0, 0, 0)


def test_no_equations_feed_ed_degree_as_the_whole_space():
    from exactgeom.algebra import ed_degree

    E = PolynomialMLP((2, 2, 1), 2).implicit_equations(2)
    assert E.equations == ()
    # X = C^3: the distance to u is least at u itself, the only critical point
    r = ed_degree(E.equations, E.coordinates, Q=[[2, 0, 0], [0, 1, 0], [0, 0, 3]])
    assert (r.value, r.codimension, r.proved) == (1, 0, True)


def test_non_homogeneous_parametrization():
    t = sp.Symbol("t")
    E = Parametrization([t], [t + 1, t**2]).implicit_equations(2)
    a, b = E.coordinates
    assert len(E.equations) == 1 and not E.homogeneous
    (eq,) = E.equations
    assert sp.expand(eq.subs({a: t + 1, b: t**2})) == 0


def test_every_equation_vanishes_and_certificate_checks():
    M = LightningAttention(2, 2, 2, 1)
    E = M.implicit_equations(4)
    for eq in E.equations:
        assert sp.expand(eq.subs(dict(zip(M.coordinates, M.polys)))) == 0
    cert = E.certificate(M)
    assert verify(cert)
    cert["claim"]["equations"][0][0][1] = "5"
    assert "does not vanish" in verify(cert).message


def test_dimension_upper_bound_from_equations():
    a, b = sp.symbols("a b")
    P = Parametrization([a, b], [a * b, a * b**2, a * b**3])  # no symmetry known to P
    y = P.coordinates
    d = P.dimension(equations=[y[0] * y[2] - y[1] ** 2])
    assert d.value == 2 and d.upper_bound == 2 and d.proved


def test_interpolation_agrees_with_elimination():
    s, t = sp.symbols("s t")
    models = (LinearNetwork((2, 1, 2)), Parametrization([s, t], [s**3, s**2 * t, s * t**2, t**3]),
              Parametrization([t], [t, t**2, t**3]), Parametrization([s, t], [s + t, s * t, s**2 * t]))
    for model in models:
        E = model.implicit_equations(3)
        F = model.implicit_equations(3, method="elimination")
        assert F.method.startswith("elimination") and F.proved and F.homogeneous == E.homogeneous
        assert F.ideal_dimensions == E.ideal_dimensions
        eliminated = F.equations
        y = model.coordinates
        for e in eliminated:                      # each eliminated equation vanishes on the image
            assert sp.expand(e.subs(dict(zip(y, model.polys)), simultaneous=True)) == 0
        # same ideal: each side reduces to zero modulo a Gröbner basis of the other
        G1 = sp.groebner(list(E.equations), *y, order="grevlex")
        G2 = sp.groebner(list(eliminated), *y, order="grevlex")
        assert all(G1.contains(g) for g in eliminated) and all(G2.contains(e) for e in E.equations)

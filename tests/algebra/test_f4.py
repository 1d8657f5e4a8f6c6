"""The F4 engine's Gröbner bases against sympy's Buchberger/F5B over the same prime field.

Independent source: the leading ideal of a Gröbner basis is unique for the order, and its minimal
generators are the leading monomials of the reduced basis; sympy computes them with a different
algorithm.  Normal forms are checked to be the same remainders as sympy's.
"""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from exactgeom.algebra.f4 import grevlex_key, groebner_basis, leading_monomial, normal_form

P = 32003
X = sp.symbols("a b c")
EXPONENTS = [(i, j, k) for i in range(3) for j in range(3) for k in range(3) if i + j + k <= 2]

polynomial = st.dictionaries(st.sampled_from(EXPONENTS), st.integers(1, P - 1), min_size=1, max_size=5)


def _minimal(monomials):
    monomials = set(monomials)
    return {m for m in monomials if not any(o != m and all(x <= y for x, y in zip(o, m)) for o in monomials)}


@settings(max_examples=30, deadline=None)
@given(system=st.lists(polynomial, min_size=1, max_size=4))
def test_leading_ideal_matches_sympy(system):
    G = groebner_basis(system, P)
    mine = _minimal(leading_monomial(g) for g in G)
    polys = [sp.Poly.from_dict(dict(f), *X, modulus=P) for f in system]
    H = sp.groebner(polys, *X, modulus=P, order="grevlex")
    theirs = _minimal(max(h.monoms(), key=grevlex_key) for h in H.polys)
    assert mine == theirs


@settings(max_examples=20, deadline=None)
@given(system=st.lists(polynomial, min_size=2, max_size=3), f=polynomial)
def test_normal_form_matches_sympy(system, f):
    G = groebner_basis(system, P)
    polys = [sp.Poly.from_dict(dict(g), *X, modulus=P) for g in system]
    H = sp.groebner(polys, *X, modulus=P, order="grevlex")
    _, r = H.reduce(sp.Poly.from_dict(dict(f), *X, modulus=P).as_expr())
    expected = {m: int(c) % P for m, c in sp.Poly(r, *X, modulus=P).terms()} if r != 0 else {}
    assert normal_form(f, G, P) == expected


def test_unit_ideal():
    assert groebner_basis([{(1, 0): 1}, {(1, 0): 1, (0, 0): 1}], P) == [{(0, 0): 1}]


def test_non_integer_coefficients_are_refused():
    with pytest.raises(TypeError, match=r"polys\[1\]\[\(0, 0\)\]"):
        groebner_basis([{(1, 0): 1}, {(0, 0): 0.5}], P)

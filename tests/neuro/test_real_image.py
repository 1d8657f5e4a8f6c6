"""Real images of x^2 and x^3 networks on binary forms (Kohn's lectures).

Independent sources: substitution of the claimed real preimages at random rational forms (numbers
instead of the symbolic case formulas), sympy's discriminant and real-root isolation for the
witness x^3 − xy^2, and the identities of the proof object re-checked by expansion.
"""

from __future__ import annotations

import random

import pytest
import sympy as sp

from exactgeom.neuro import shallow_binary_real_image


def test_quadrics_fill_with_explicit_real_preimages():
    p = shallow_binary_real_image(2)
    assert p.fills_real and p.fills_complex and p.witness is None
    rng = random.Random(0)
    a, b, c, d, e, f = sp.symbols("a b c d e f")
    A, B, C = sp.symbols("A B C")
    x, y = sp.symbols("x1 x2")
    for _ in range(20):
        vals = {
            A: rng.choice([0, rng.randint(-9, 9)]),
            B: rng.choice([0, rng.randint(-9, 9)]),
            C: rng.randint(-9, 9),
        }
        case = next(
            cs
            for cs in p.proof["cases"]
            if (vals[A] != 0) == (cs["condition"] == "A != 0")
            and (vals[A] != 0 or (vals[B] != 0) == cs["condition"].endswith("B != 0"))
        )
        params = {k: sp.sympify(v).subs(vals) for k, v in case["parameters"].items()}
        assert all(v.is_real for v in params.values())
        network = e * (a * x + b * y) ** 2 + f * (c * x + d * y) ** 2
        assert sp.expand(network.subs(params) - (vals[A] * x**2 + vals[B] * x * y + vals[C] * y**2)) == 0


def test_cubics_do_not_fill_over_the_reals():
    p = shallow_binary_real_image(3)
    x, y = sp.symbols("x1 x2")
    assert p.fills_complex and not p.fills_real
    assert sp.expand(p.witness - (x**3 - x * y**2)) == 0
    assert all(p.proof["identities"].values())
    assert p.proof["dimension"].proved and p.proof["dimension"].value == 4
    assert p.proof["discriminant_of_witness"] == sp.discriminant(sp.Poly(x**3 - x, x)) == 4
    assert sorted(sp.real_roots(sp.Poly(x**3 - x, x))) == [-1, 0, 1]
    assert "real rank <= 2" in p.statement and "not dense" in p.statement


def test_other_degrees_are_refused():
    with pytest.raises(ValueError, match="degrees 2 and 3"):
        shallow_binary_real_image(4)

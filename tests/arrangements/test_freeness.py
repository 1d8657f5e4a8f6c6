"""Freeness by Saito's criterion against the literature, Terao's factorization and the old cases."""

import pytest
import sympy

from exactgeom import Arrangement
from exactgeom.arrangements.freeness import logarithmic_derivations, saito_freeness
from exactgeom.errors import TooLarge
from exactgeom.library import braid, coordinate, shi

t = sympy.Symbol("t")


def is_logarithmic(A, theta):
    """θ(α_H) vanishes on H: divisible by α_H (checked by sympy's polynomial division)."""
    xs = sympy.symbols(A.variables or [f"x{i + 1}" for i in range(A.dimension)])
    for a, _ in A.hyperplanes():
        alpha = sum(sympy.Rational(c.numerator, c.denominator) * x for c, x in zip(a, xs))
        image = sympy.expand(sum(sympy.Rational(c.numerator, c.denominator) * f for c, f in zip(a, theta)))
        if image != 0 and sympy.div(image, alpha, *xs)[1] != 0:
            return False
    return True


def terao(A, exponents):
    return sympy.expand(sympy.prod([t - e for e in exponents])) == A.characteristic_polynomial().as_expr()


@pytest.mark.parametrize("A, exponents", [
    (braid(3), (0, 1, 2)), (braid(4), (0, 1, 2, 3)),
    (coordinate(3), (1, 1, 1)), (coordinate(4), (1, 1, 1, 1)),
    (shi(2).cone(), (0, 1, 2)), (shi(3).cone(), (0, 1, 3, 3)),
], ids=repr)
def test_literature_exponents(A, exponents):
    F = saito_freeness(A)
    assert F.free and F.exponents == exponents == A.freeness().exponents
    assert terao(A, F.exponents)
    assert all(is_logarithmic(A, theta) for theta in F.derivations)
    xs = sympy.symbols(A.variables)
    Q = sympy.prod([sum(sympy.Rational(c.numerator, c.denominator) * x for c, x in zip(a, xs))
                    for a, _ in A.hyperplanes()])
    ratio = sympy.cancel(F.determinant / Q)
    assert ratio.is_number and ratio != 0


@pytest.mark.parametrize("A", [
    Arrangement([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]]),                 # generic 4 planes in Q^3
    Arrangement([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1], [1, 2, 3]]),      # generic 5 planes
], ids=repr)
def test_not_free(A):
    F = A.freeness()
    assert not F.free and F.exponents == () and "fewer" not in F.method
    # independent: by Terao's theorem a free arrangement has χ with integer roots; these do not
    roots = sympy.roots(sympy.Poly(A.characteristic_polynomial().as_expr(), t))
    assert not all(r.is_integer for r in roots)


@pytest.mark.parametrize("A", [
    Arrangement([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [0, 1, 1], [1, 1, 1], [1, -1, 0]]),
    Arrangement([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [0, 1, 1], [1, 1, 1]]),
    Arrangement([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, -1, 0], [1, 0, -1], [0, 1, -1]]),  # braid(4), x4 = 0
], ids=repr)
def test_free_outside_the_families_satisfies_terao(A):
    F = A.freeness()
    assert F.free and len(F.exponents) == A.dimension and sum(F.exponents) == len(A)
    assert terao(A, F.exponents)
    assert all(is_logarithmic(A, theta) for theta in F.derivations)


@pytest.mark.parametrize("A", [
    braid(2), Arrangement([[1, 0, 0], [0, 1, 0], [1, 1, 0], [1, 2, 0]]),
    Arrangement([[1, 2], [3, 1], [1, -1]]),
    Arrangement([[1, 0, 0]]), Arrangement([[1, 1, 1], [0, 1, 2]]),
], ids=repr)
def test_rank_two_agrees_with_old_method(A):
    F = saito_freeness(A)
    assert F.free and F.exponents == A.freeness().exponents
    assert terao(A, F.exponents)


def test_dimension_of_derivation_spaces():
    # coordinate(3): D(A) = ⊕ S x_i ∂_i, so dim D(A)_d = 3 · dim S_{d-1} = 3 C(d+1, 2)
    assert [len(logarithmic_derivations(coordinate(3), d)) for d in range(4)] == [0, 3, 9, 18]
    A = braid(3)
    assert all(is_logarithmic(A, theta) for theta in logarithmic_derivations(A, 2))


def test_refusals():
    with pytest.raises(TooLarge):
        saito_freeness(braid(5), max_entries=1000)
    with pytest.raises(ValueError, match="central"):
        saito_freeness(shi(3))
    with pytest.raises(ValueError, match="method"):
        braid(3).freeness(method="guess")


def test_braid_5():
    F = saito_freeness(braid(5))
    assert F.free and F.exponents == (0, 1, 2, 3, 4)


def test_deprecated_reason_warns():
    F = braid(4).freeness()
    with pytest.warns(DeprecationWarning, match="use method"):
        assert F.reason == F.method and "braid" in F.method

"""Generic fibres against classical identifiability results.

Independent sources: Sylvester's theorem (a generic binary cubic is a sum of two cubes in a
unique way, so (2, 2, 1) with x^3 is identifiable up to permutation and scaling); quadratic forms
as sums of squares have an orthogonal-group worth of decompositions (x^2 is not identifiable);
GL symmetries of linear networks; the lightning fibre is the GL(a) × scaling orbit.
"""

from __future__ import annotations

import pytest

from exactgeom.algebra.engines import available_engines
from exactgeom.neuro import LightningAttention, LinearNetwork, PolynomialMLP

ENGINES = available_engines()


@pytest.mark.parametrize("engine", ENGINES)
def test_binary_cubics_are_identifiable_up_to_permutation_and_scaling(engine):
    F = PolynomialMLP((2, 2, 1), 3).generic_fiber(engine=engine)
    assert (F.dimension, F.symmetry_dimension, F.points_on_slice, F.permutations) == (2, 2, 2, 2)
    assert "identifiable" in F.description


def test_sums_of_squares_are_not_identifiable():
    F = PolynomialMLP((2, 2, 1), 2).generic_fiber(engine="sympy")
    assert F.dimension == 3 and F.symmetry_dimension == 2 and F.points_on_slice is None


@pytest.mark.parametrize("widths", [(2, 1, 2), (2, 2, 2)])
def test_linear_network_fibre_is_one_gl_orbit(widths):
    F = LinearNetwork(widths).generic_fiber(engine="sympy")
    assert F.dimension == F.symmetry_dimension and F.points_on_slice == 1


@pytest.mark.parametrize("engine", [e for e in ENGINES if e != "sympy"])
def test_lightning_fibre_and_larger_mlp(engine):
    F = LightningAttention(2, 2, 2, 1).generic_fiber(engine=engine)
    assert (F.dimension, F.symmetry_dimension, F.points_on_slice) == (5, 5, 1)
    G = PolynomialMLP((3, 2, 1), 3).generic_fiber(engine=engine)
    assert G.points_on_slice == G.permutations == 2

"""Numeric objects in, exact answers out: import floats exactly and cross-check what float tools claim.

Every binary floating-point number is a rational number m / 2^k, so a float
weight, gate or point has an exact value and nothing is lost by importing it:
:func:`exact` returns that value as a :class:`fractions.Fraction`
(``Fraction(0.1) == 3602879701896397/36028797018963968``).  When the float was
meant as a short decimal, :func:`rationalize` rounds it to the nearest fraction
with a bounded denominator and reports how far it moved.  Both are explicit:
everywhere else the package refuses floats with a ``TypeError``.

The cross-checks take the answer a floating-point tool reports — a Jacobian
rank at a random point (NeuroDim), a count of conservation laws from a float
rank of a Lie algebra trace (Marcotte–Gribonval–Peyré), a sample of activation
patterns drawn with Gaussian gates (pilancilab's scnn) — and compare it with
the package's exact answer.  Each returns a small frozen result with a
``verdict``:

* ``"confirmed"``: the claim equals a proved value;
* ``"refuted"``: a proved bound or an exact computation contradicts the claim;
* ``"inconclusive"``: the claim is consistent with the proved bounds, which do
  not meet.

and the evidence (the exact result it was compared with, and a ``reason`` in
words).  Each counts its exact work from the sizes of the input first and
refuses with :class:`exactgeom.errors.TooLarge` above a stated budget
(:data:`MAX_DIMENSION_OPERATIONS`, :data:`MAX_CONSERVATION_OPERATIONS`,
:data:`MAX_REGIONS`; keyword arguments ``max_operations=`` / ``max_regions=``).

Examples
--------
>>> from fractions import Fraction
>>> exact([0.5, [0.1, 3]])
[Fraction(1, 2), [Fraction(3602879701896397, 36028797018963968), Fraction(3, 1)]]
>>> values, error, _ = rationalize([0.1, 0.25], max_denominator=100)
>>> values, error == Fraction(0.1) - Fraction(1, 10)
([Fraction(1, 10), Fraction(1, 4)], True)
"""

from .checks import (
    MAX_CONSERVATION_OPERATIONS,
    MAX_DIMENSION_OPERATIONS,
    MAX_REGIONS,
    ConservationCheck,
    DimensionCheck,
    PatternCheck,
    check_activation_patterns,
    check_conservation_laws,
    check_dimension,
    conservation_operations,
    dimension_operations,
    region_bound,
)
from .convert import Rationalized, exact, rationalize

__all__ = [
    "exact",
    "rationalize",
    "Rationalized",
    "check_dimension",
    "DimensionCheck",
    "check_conservation_laws",
    "ConservationCheck",
    "check_activation_patterns",
    "PatternCheck",
    "dimension_operations",
    "conservation_operations",
    "region_bound",
    "MAX_DIMENSION_OPERATIONS",
    "MAX_CONSERVATION_OPERATIONS",
    "MAX_REGIONS",
]

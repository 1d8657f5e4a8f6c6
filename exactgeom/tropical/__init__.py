"""Tropical (max-plus) geometry over Q: polynomials, rational functions, and ReLU networks as such.

>>> from exactgeom.tropical import TropicalPolynomial
>>> f = TropicalPolynomial([(0, (0,)), (1, (1,))])      # max(0, 1 + x)
>>> f(-2), f(3)
(Fraction(0, 1), Fraction(4, 1))

See :mod:`exactgeom.tropical.polynomial` for conventions (operators, exponents,
formal versus functional equality) and :mod:`exactgeom.tropical.conversion`
for the Zhang–Naitzat–Lim decomposition of ReLU networks.
"""

from __future__ import annotations

from .conversion import relu_network_to_tropical
from .polynomial import TropicalPolynomial, TropicalRational

__all__ = ["TropicalPolynomial", "TropicalRational", "relu_network_to_tropical"]

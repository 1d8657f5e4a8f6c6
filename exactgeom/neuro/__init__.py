"""Neuromanifolds: polynomial networks as parametrizations, their dimension, equations and fibres.

>>> import exactgeom as eg
>>> eg.neuro.LinearNetwork((2, 1, 2)).implicit_equations(2).equations
(y1*y4 - y2*y3,)
"""

from __future__ import annotations

from .dimension import DimensionResult, dimension
from .fibers import GenericFiber, generic_fiber
from .implicit import ImplicitEquations, implicit_equations
from .models import LightningAttention, LinearConvNetwork, LinearNetwork, PolynomialCNN, PolynomialMLP
from .mse import MSEQuadric, mse_quadric
from .parametrization import Parametrization
from .real_image import RealImageProof, shallow_binary_real_image

__all__ = [
    "Parametrization",
    "PolynomialMLP",
    "LinearNetwork",
    "LinearConvNetwork",
    "PolynomialCNN",
    "LightningAttention",
    "dimension",
    "DimensionResult",
    "implicit_equations",
    "ImplicitEquations",
    "generic_fiber",
    "GenericFiber",
    "mse_quadric",
    "MSEQuadric",
    "shallow_binary_real_image",
    "RealImageProof",
]

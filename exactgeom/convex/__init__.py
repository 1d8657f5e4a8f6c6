"""Convex reformulations of ReLU network training (Pilanci), solved exactly over Q.

The dictionaries of the paper's theorems (:mod:`.dictionaries`), the λ → 0
ℓ1 problem min ‖z‖_1 s.t. K z (+ t·1) = y as an exact linear program with a
checkable optimality certificate (:mod:`.interpolation`), and polishing of
trained neurons by cross products of data points (:mod:`.polishing`).
Conventions for wedge products and the Hodge star: :mod:`exactgeom.wedge`.
"""

from .dictionaries import (
    Dictionary,
    Neuron,
    ThreeLayerUnit,
    affine_dictionary,
    evaluate_units,
    ramp_dictionary,
    three_layer_dictionary,
    vector_output_dictionary,
    wedge_dictionary,
)
from .interpolation import KINDS, L1Interpolant, build_dictionary, min_l1_interpolant
from .polishing import polish, polish_neuron, train_and_polish

__all__ = [
    "Dictionary",
    "Neuron",
    "ThreeLayerUnit",
    "ramp_dictionary",
    "wedge_dictionary",
    "affine_dictionary",
    "three_layer_dictionary",
    "vector_output_dictionary",
    "evaluate_units",
    "build_dictionary",
    "KINDS",
    "min_l1_interpolant",
    "L1Interpolant",
    "polish",
    "polish_neuron",
    "train_and_polish",
]

"""Networks in parameter space: threshold and Hopfield units, linear and tropical classifiers, ReLU networks.

Submodules are imported on first use of one of their names.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "ThresholdNetwork": "threshold",
    "Realization": "threshold",
    "NonRealizable": "threshold",
    "threshold_functions": "threshold",
    "is_threshold_function": "threshold",
    "HopfieldNetwork": "hopfield",
    "check_proposition": "propositions",
    "PropositionCheck": "propositions",
    "face_poset_reading": "propositions",
    "FacePosetReading": "propositions",
    "ParameterCell": "propositions",
    "LinearClassifier": "classifiers",
    "check_local_minima": "classifiers",
    "cover_count": "classifiers",
    "num_dichotomies": "classifiers",
    "TropicalClassifier": "tropical_classifier",
    "ReLUNetwork": "relu",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module 'exactgeom.networks' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_WHERE))

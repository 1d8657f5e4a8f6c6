"""exactgeom: exact combinatorial and algebraic geometry of neural-network parameter spaces.

The REPL surface: ``Arrangement`` and ``Polyhedron`` at top level, everything
else in subpackages that are imported on first use (``eg.library``,
``eg.networks``, ``eg.neuro``, ``eg.algebra``, ``eg.certificates``, ...).

>>> import exactgeom as eg
>>> eg.library.threshold(3).num_regions()
104
"""

from __future__ import annotations

import importlib

from .arrangements import AffineSubspace, Arrangement
from . import library
from ._collect import collect, count

__version__ = "0.1.0"

_SUBMODULES = {
    "arrangements", "certificates", "networks", "tropical", "neuro", "algebra", "wedge", "convex",
    "dynamics", "plot", "cli", "polyhedra", "reproduce", "numeric", "expressions", "errors",
}
_LAZY_ATTRIBUTES = {"Polyhedron": "polyhedra"}

__all__ = ["Arrangement", "AffineSubspace", "Polyhedron", "library", "collect", "count", *sorted(_SUBMODULES)]


def __getattr__(name: str):
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    if name in _LAZY_ATTRIBUTES:
        return getattr(importlib.import_module(f".{_LAZY_ATTRIBUTES[name]}", __name__), name)
    raise AttributeError(f"module 'exactgeom' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _SUBMODULES | set(_LAZY_ATTRIBUTES))

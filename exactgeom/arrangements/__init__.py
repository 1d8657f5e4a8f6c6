"""Hyperplane arrangements over Q: the value object, its lattice, its faces, and named families.

The value object and the named families are imported eagerly; the lattice and
face machinery (which pull in sympy and pplpy) on first use of one of their names.
"""

from __future__ import annotations

import importlib

from . import library
from .arrangement import AffineSubspace, Arrangement

_WHERE = {
    "IntersectionLattice": "lattice",
    "intersection_lattice": "lattice",
    "characteristic_polynomial": "lattice",
    "poincare_polynomial": "lattice",
    "whitney_numbers": "lattice",
    "num_regions": "lattice",
    "num_bounded_regions": "lattice",
    "Region": "regions",
    "regions": "regions",
    "region_containing": "regions",
    "region_adjacency_graph": "regions",
    "region_certificate": "regions",
    "Face": "faces",
    "faces": "faces",
    "f_vector": "faces",
    "face_poset": "faces",
    "is_isomorphic": "faces",
    "Matroid": "matroid",
    "tutte_polynomial": "matroid",
    "nbc_sets": "matroid",
    "OrlikSolomonAlgebra": "orlik_solomon",
    "orlik_solomon_algebra": "orlik_solomon",
    "Freeness": "freeness",
    "to_sage": "export",
    "to_macaulay2": "export",
}

__all__ = ["Arrangement", "AffineSubspace", "library", *sorted(_WHERE)]


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module 'exactgeom.arrangements' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_WHERE))

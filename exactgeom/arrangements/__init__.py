"""Hyperplane arrangements over Q: the value object, its lattice, its faces, and named families."""

from . import library
from .arrangement import AffineSubspace, Arrangement

__all__ = ["Arrangement", "AffineSubspace", "library"]

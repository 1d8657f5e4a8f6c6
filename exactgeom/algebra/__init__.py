"""Polynomial systems behind one engine interface, and Euclidean distance degrees.

>>> from exactgeom.algebra import available_engines
>>> "sympy" in available_engines()
True
"""

from __future__ import annotations

from .ed_degree import CriticalPart, CriticalSet, EDDegree, ed_degree, variety_dimension
from .engines import SolutionCount, available_engines, count_solutions, msolve_path

__all__ = [
    "ed_degree",
    "EDDegree",
    "CriticalSet",
    "CriticalPart",
    "variety_dimension",
    "count_solutions",
    "SolutionCount",
    "available_engines",
    "msolve_path",
]

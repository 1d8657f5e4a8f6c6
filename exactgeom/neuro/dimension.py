"""Dimension of a neuromanifold: rank of the Jacobian of the parametrization, with proved bounds.

dim M = rank J_φ(θ) at a generic θ.  The rank at *any* point is a lower bound
(the rank can only drop on a proper closed set), so the exact rank at seeded
random rational points is a proved lower bound.  Upper bounds that are
proved, not sampled:

* the ambient dimension N and the number of parameters P;
* P − k when the model knows k polynomial vector fields v with J_φ·v = 0
  identically (checked symbolically here) that are independent at the point
  (continuous symmetries: scalings, GL actions);
* N − rank J_F(φ(θ)) for polynomials F vanishing on M (proved implicit
  equations): M ⊆ V(F), and the local dimension of V(F) at a point is at most
  the dimension of its Zariski tangent space, ker J_F.

When the lower and upper bounds meet, the dimension is proved.

Examples
--------
>>> from exactgeom.neuro import PolynomialMLP
>>> d = PolynomialMLP((2, 2, 1), 3).dimension()
>>> d.value, d.proved
(4, True)
"""

from __future__ import annotations

import random
import warnings
from dataclasses import dataclass

from ..algebra.polynomial_map import rank_at

__all__ = ["dimension", "DimensionResult"]


@dataclass(frozen=True)
class DimensionResult:
    """Dimension of a neuromanifold and how it was established (the shape of :mod:`exactgeom.results`).

    Attributes
    ----------
    value : int
        The dimension if ``proved``, else the proved lower bound (which
        equals the dimension unless every sampled point was special).
    lower_bound : int
    upper_bound : int
        Proved bounds.
    proved : bool
        ``lower_bound == upper_bound``.  The spelling ``certified`` is deprecated.
    method : str
        How each bound was obtained.
    seed : int
        Seed of the random rational points.

    Examples
    --------
    Linear networks 2 → 1 → 2 parametrize the 2×2 matrices of rank ≤ 1, a
    variety of dimension 3: the Jacobian rank gives 3 from below, the four
    parameters minus the one rescaling symmetry give 3 from above.

    >>> from exactgeom.neuro import LinearNetwork
    >>> r = dimension(LinearNetwork((2, 1, 2)))
    >>> r.value, r.lower_bound, r.upper_bound, r.proved
    (3, 3, 3, True)
    """

    value: int
    lower_bound: int
    upper_bound: int
    proved: bool
    method: str
    seed: int

    def __int__(self) -> int:
        return self.value

    @property
    def certified(self) -> bool:
        """Deprecated spelling of :attr:`proved`."""
        warnings.warn("DimensionResult.certified is deprecated: use proved", DeprecationWarning, stacklevel=2)
        return self.proved

    def certificate(self) -> dict:
        """Not available: no certificate kind describes a dimension.

        Raises
        ------
        NotImplementedError
            Always; the nearest kind is ``implicit-equations`` (:meth:`ImplicitEquations.certificate`),
            for the proved equations that give an upper bound.
        """
        raise NotImplementedError("there is no certificate kind for the dimension of a neuromanifold; the "
                                  "nearest is 'implicit-equations' (ImplicitEquations.certificate(): the "
                                  "proved equations behind an upper bound)")


def _symmetry_rank(model, point) -> int:
    fields = model.symmetries()
    if not fields:
        return 0
    P = model.num_variables
    for v in fields:
        for row in model.jacobian_polynomials():
            total = model.zero()
            for j in range(P):
                if not row[j].is_zero() and not v[j].is_zero():
                    total += row[j] * v[j]
            if not total.is_zero():
                raise ArithmeticError(f"{model.name}: a declared symmetry is not tangent to the fibres")
    return rank_at(fields, point)


def dimension(model, *, seed: int = 0, equations=None, trials: int = 2) -> DimensionResult:
    """Dimension of the neuromanifold of ``model`` (a Parametrization).

    Parameters
    ----------
    model : Parametrization
    seed : int
        Seed for the random rational points.
    equations : sequence of sympy expressions in ``model.coordinates``, optional
        Polynomials known to vanish on the neuromanifold (they are checked by
        substitution before use) giving an upper bound.
    trials : int
        Number of random points; the largest rank is kept.

    Returns
    -------
    DimensionResult

    Examples
    --------
    >>> from exactgeom.neuro import LinearNetwork
    >>> r = LinearNetwork((2, 1, 2)).dimension()
    >>> r.value, r.upper_bound, r.proved
    (3, 3, True)
    """
    rng = random.Random(seed)
    P, N = len(model.params), model.ambient_dimension()
    best, best_point = -1, None
    for _ in range(max(1, trials)):
        point = model.random_point(rng)
        r = model.jacobian_rank_at(point)
        if r > best:
            best, best_point = r, point
    upper, how_upper = min(P, N), ("number of parameters" if P <= N else "ambient dimension")
    k = _symmetry_rank(model, best_point)
    if k and P - k < upper:
        upper, how_upper = P - k, f"parameters minus {k} independent symmetry vector fields"
    if equations is not None:
        from .implicit import equation_jacobian_rank

        rf = equation_jacobian_rank(model, equations, model.evaluate(best_point))
        if N - rf < upper:
            upper, how_upper = N - rf, "ambient dimension minus the rank of the proved equations' Jacobian"
    proved = best == upper
    method = (
        f"lower bound: exact Jacobian rank at a seeded random rational point ({trials} tried); "
        f"upper bound: {how_upper}"
    )
    return DimensionResult(best, best, upper, proved, method, seed)

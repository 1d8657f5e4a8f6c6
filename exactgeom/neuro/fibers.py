"""The fibre of a parametrization over a generic point: symmetries and identifiability.

For a random rational θ₀ and y₀ = φ(θ₀) the fibre φ⁻¹(y₀) ⊂ C^P has dimension
P − dim M.  The model's known continuous symmetries (scalings, GL actions) are
polynomial vector fields tangent to the fibre; when their rank k at θ₀ equals
the fibre dimension they explain every continuous direction.  Fixing k
coordinates of θ at their values in θ₀ (chosen so that the symmetry fields
are transversal) gives a slice meeting each symmetry orbit of the fibre in
finitely many points; their number is counted by a polynomial-system engine.
For σ = x^r networks the hidden-neuron permutations account for
∏ d_l! of these points: equality means the network is identifiable up to
permutation and scaling, the description of Kohn's lectures.

Examples
--------
>>> from exactgeom.neuro import PolynomialMLP
>>> F = PolynomialMLP((2, 2, 1), 3).generic_fiber(engine="f4")
>>> F.dimension, F.symmetry_dimension, F.points_on_slice, F.permutations
(2, 2, 2, 2)
>>> PolynomialMLP((2, 2, 1), 2).generic_fiber(engine="f4").points_on_slice is None
True
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from fractions import Fraction

import flint

from .._exact import to_fmpq
from ..algebra.engines import PRIMES, _resolve, count_solutions
from ..algebra.systems import as_dicts
from .dimension import dimension

__all__ = ["generic_fiber", "GenericFiber"]


@dataclass(frozen=True)
class GenericFiber:
    """Description of φ⁻¹(φ(θ₀)) for a seeded random θ₀.

    The shape of :mod:`exactgeom.results`: ``value`` is ``dimension``, the dimension of the generic
    fibre, whose proved bounds come from those of the neuromanifold's dimension.

    Attributes
    ----------
    dimension : int
        P − dim M (with the value of :func:`exactgeom.neuro.dimension`).
    symmetry_dimension : int
        Rank at θ₀ of the known symmetry vector fields.
    points_on_slice : int or None
        Number of points of the fibre on the slice transversal to the
        symmetries (None when the fibre has directions the symmetries do not explain).
    permutations : int
        Order of the known discrete symmetry group (hidden-neuron permutations).
    description : str
    seed : int
        Seed of θ₀ and of the dimension's random points.
    engine : str
    lower_bound, upper_bound : int
        Proved bounds on the dimension of the generic fibre: P minus the proved upper and lower
        bounds on dim M.
    proved : bool
        The dimension of the generic fibre is proved (dim M is).  The point count on the slice is
        never proved: it is made modulo two primes at one random point.
    method : str
        How the dimension, the symmetry rank and the point count were obtained.

    Examples
    --------
    σ = x³ on widths (2, 2, 1): six parameters, a four-dimensional
    neuromanifold, so a two-dimensional fibre, swept out by the two neuron
    rescalings; the slice meets it in the two points that swap the neurons.

    >>> from exactgeom.neuro import PolynomialMLP
    >>> F = generic_fiber(PolynomialMLP((2, 2, 1), 3), engine="f4")
    >>> F.dimension, F.symmetry_dimension, F.points_on_slice, F.permutations
    (2, 2, 2, 2)
    >>> F.value, F.proved, F.lower_bound, F.upper_bound
    (2, True, 2, 2)
    """

    dimension: int
    symmetry_dimension: int
    points_on_slice: int | None
    permutations: int
    description: str
    seed: int
    engine: str
    lower_bound: int
    upper_bound: int
    proved: bool
    method: str

    @property
    def value(self) -> int:
        """The dimension of the generic fibre."""
        return self.dimension

    def certificate(self) -> dict:
        """Not available: no certificate kind describes a fibre.

        Raises
        ------
        NotImplementedError
            Always; the nearest kind is ``ed-degree`` (:meth:`EDDegree.certificate`: modular points
            of a zero-dimensional system as evidence).
        """
        raise NotImplementedError("there is no certificate kind for a generic fibre; the nearest is "
                                  "'ed-degree' (EDDegree.certificate(): modular points of a "
                                  "zero-dimensional system as evidence)")


def _permutation_order(model) -> int:
    widths = getattr(model, "widths", None)
    activation = getattr(model, "activation", None)
    if widths is None or activation is None:
        return 1
    return math.prod(math.factorial(w) for w in widths[1:-1])


def generic_fiber(model, *, seed: int = 0, engine: str = "auto") -> GenericFiber:
    """The fibre of ``model`` over the image of a seeded random parameter point.

    Parameters
    ----------
    model : Parametrization
    seed : int
    engine : {"auto", "f4", "sympy", "msolve"}

    Returns
    -------
    GenericFiber

    Examples
    --------
    σ = x² on widths (2, 2, 1): six parameters onto the three-dimensional
    space of binary quadrics, so the fibre has dimension 3, one more than the
    two neuron rescalings explain (a sum of two squares is also invariant
    under rotating the hidden layer); no point count is made.

    >>> from exactgeom.neuro import PolynomialMLP
    >>> F = generic_fiber(PolynomialMLP((2, 2, 1), 2), engine="f4")
    >>> F.dimension, F.symmetry_dimension, F.points_on_slice
    (3, 2, None)

    Notes
    -----
    Probabilistic like every generic statement checked at a random point; the
    point count is made modulo two primes which must agree.
    """
    name = _resolve(engine)
    rng = random.Random(seed)
    P = model.num_variables
    theta = tuple(Fraction(rng.choice([v for v in range(-9, 10) if v])) for _ in range(P))
    dim = dimension(model, seed=seed)
    fibre_dim = P - dim.value
    bounds = (P - dim.upper_bound, P - dim.lower_bound, dim.proved)
    how = (f"fibre dimension: number of parameters minus the neuromanifold's dimension ({dim.method}); "
           "symmetry rank: exact rank of the symmetry vector fields at a seeded random rational point")
    fields = model.symmetries()
    vals = [to_fmpq(v) for v in theta]
    rows = [[f(*vals) if not f.is_zero() else flint.fmpq(0) for f in v] for v in fields]
    chosen: list[int] = []
    if rows:
        for j in range(P):
            cols = chosen + [j]
            M = flint.fmpq_mat(len(rows), len(cols), [r[c] for r in rows for c in cols])
            if M.rank() == len(cols):
                chosen = cols
    k = len(chosen)
    perms = _permutation_order(model)
    if fibre_dim > k:
        text = (
            f"the generic fibre has dimension {fibre_dim}, more than the {k} dimensions of the known "
            "symmetries: the model is not identifiable up to its known symmetries"
        )
        return GenericFiber(fibre_dim, k, None, perms, text, seed, name, *bounds, how)
    y0 = model.evaluate(theta)
    gens = model.ring.gens()
    eqs = [f - to_fmpq(y) for f, y in zip(model.polynomials, y0)]
    eqs += [gens[j] - vals[j] for j in chosen]
    system = as_dicts(eqs)
    counts = [count_solutions(system, P, engine=name, prime=p) for p in PRIMES[:2]]
    values = {(c.status, c.distinct_count) for c in counts}
    if len(values) != 1:
        raise RuntimeError(f"the two primes disagree: {values}; rerun with another seed")
    status, points = values.pop()
    if status != "finite":
        raise RuntimeError(f"the slice of the fibre is {status}; rerun with another seed")
    text = (
        f"the generic fibre has dimension {fibre_dim}, all explained by the known symmetries; "
        f"it meets a transversal slice in {points} point(s)"
    )
    if perms > 1 or hasattr(model, "activation"):
        text += f"; the {perms} hidden-neuron permutations account for " + (
            "all of them: identifiable up to permutation and scaling"
            if points == perms
            else f"{perms} of them"
        )
    how += (f"; points on the slice: distinct solutions counted by the {name} engine modulo the primes "
            f"{PRIMES[0]} and {PRIMES[1]}, which agree (not proved over Q)")
    return GenericFiber(fibre_dim, k, points, perms, text, seed, name, *bounds, how)

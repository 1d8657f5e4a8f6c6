"""Critical set of a distance (x − u)ᵀ Q (x − u) on a variety for a singular positive semidefinite Q.

When Q has a kernel the critical points of the distance on X need not be finitely many: every
point of X ∩ (u + ker Q) has distance 0.  :func:`critical_set` describes the critical set part by
part, the zero-loss part X ∩ (u + ker Q) and the rest (critical points with Q(x − u) ≠ 0), each
by its dimension and the degree of its top-dimensional part, found by slicing with random
hyperplanes and counting modulo primes.  For a positive definite Q use
:func:`exactgeom.algebra.ed_degree`.

Examples
--------
>>> import sympy as sp
>>> x, y = sp.symbols("x y")
>>> S = critical_set([x**2 + y**2 - 1], [x, y], Q=[[1, 0], [0, 0]], u=[3, 4], engine="f4")
>>> [(p.name, p.dimension, p.degree) for p in S.parts]
[('zero-loss', 0, 2), ('rest', 0, 2)]
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from ._critical import _critical_system, _dimension_degree, _prepare, _trivial_note
from .systems import as_dicts, rational_polynomials

__all__ = ["critical_set", "CriticalSet", "CriticalPart"]


@dataclass(frozen=True)
class CriticalPart:
    """One part of a critical set: its dimension (−1 if empty) and the degree of its top-dimensional part.

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> S = critical_set([x**2 + y**2 - 1], [x, y], Q=[[1, 0], [0, 0]], u=[3, 4], engine="f4")
    >>> S.part("rest")
    CriticalPart(name='rest', dimension=0, degree=2)
    """

    name: str
    dimension: int
    degree: int


@dataclass(frozen=True)
class CriticalSet:
    """Critical set of (x − u)ᵀQ(x − u) on the smooth part of X for a positive semidefinite Q.

    Attributes
    ----------
    parts : tuple of CriticalPart
        The zero-loss part X ∩ (u + ker Q) and the rest (critical points with Q(x − u) ≠ 0).
    kernel_dimension : int
        dim ker Q.
    codimension : int
        c; 0 when X = C^n, n + 1 when X is empty.
    Q, u : tuple
    seed : int
    engine : str
    primes : tuple of int
    method : str
        What was computed and what remains probabilistic.
    proved : bool
        True only when X = C^n or X is visibly empty (a non-zero constant equation); the slicing
        is probabilistic.

    ``value`` is ``parts``; there are no numeric bounds.

    Examples
    --------
    On the unit circle, Q = diag(1, 0) measures only (x − 3)²: the zero-loss
    part is the two complex points with x = 3 (y² = −8), the rest the two
    points (±1, 0) where the circle's tangent is vertical.

    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> S = critical_set([x**2 + y**2 - 1], [x, y], Q=[[1, 0], [0, 0]], u=[3, 4], engine="f4")
    >>> S.kernel_dimension, S.proved
    (1, False)
    >>> [(p.name, p.dimension, p.degree) for p in S.parts]
    [('zero-loss', 0, 2), ('rest', 0, 2)]
    """

    parts: tuple
    kernel_dimension: int
    codimension: int
    Q: tuple
    u: tuple
    seed: int
    engine: str
    primes: tuple
    method: str
    proved: bool = False

    lower_bound = None
    upper_bound = None

    @property
    def value(self) -> tuple:
        """The parts (a critical set is not a number)."""
        return self.parts

    @property
    def verification(self) -> str:
        """Deprecated spelling of :attr:`method`."""
        warnings.warn("CriticalSet.verification is deprecated: use method", DeprecationWarning, stacklevel=2)
        return self.method

    def part(self, name: str) -> CriticalPart:
        """The part called ``name`` (``"zero-loss"`` or ``"rest"``)."""
        return next(p for p in self.parts if p.name == name)

    def certificate(self) -> dict:
        """Not available: no certificate kind describes a critical set.

        Raises
        ------
        NotImplementedError
            Always; the nearest kind is ``ed-degree`` (:meth:`EDDegree.certificate`), for definite Q.
        """
        raise NotImplementedError("there is no certificate kind for critical sets of a singular Q; the "
                                  "nearest is 'ed-degree' (EDDegree.certificate(), for positive definite Q)")


def critical_set(
    equations,
    variables,
    Q,
    u=None,
    *,
    seed: int = 0,
    engine: str = "auto",
    codimension: int | None = None,
    primes: int = 2,
) -> CriticalSet:
    """Critical set of ‖x − u‖²_Q on the smooth part of X = V(equations) for a singular semidefinite Q.

    Parameters
    ----------
    equations, variables, u, seed, engine, codimension, primes
        As for :func:`exactgeom.algebra.ed_degree` (the same checks of the input: radical
        equations, codimension by slicing).
    Q : n×n symmetric rational matrix
        Positive semidefinite and singular (for a definite Q use
        :func:`exactgeom.algebra.ed_degree`).

    Returns
    -------
    CriticalSet
        The zero-loss part X ∩ (u + ker Q) and the rest, each with dimension and degree.

    Raises
    ------
    ValueError
        Q not symmetric, not positive semidefinite, or definite; wrong sizes; a codimension that
        does not match X; equations that do not generate a radical ideal.

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> S = critical_set([x**2 + y**2 - 1], [x, y], Q=[[1, 0], [0, 0]], u=[3, 4], engine="f4")
    >>> S.part("zero-loss")
    CriticalPart(name='zero-loss', dimension=0, degree=2)
    >>> critical_set([x**2 + y**2 - 1], [x, y], Q=[[1, 0], [0, 1]])
    Traceback (most recent call last):
        ...
    ValueError: Q is positive definite: use ed_degree(), which counts the critical points

    Notes
    -----
    Probabilistic: the dimension and degree come from random slices and random combinations of
    the minors, counted modulo ``primes`` primes that must agree; degrees count multiplicity.
    """
    if Q is None:
        raise ValueError("critical_set needs a singular positive semidefinite Q; ed_degree() handles Q=None")
    data = _prepare(equations, variables, Q, u, seed=seed, engine=engine, codimension=codimension,
                    primes=primes)
    n = len(data.variables)
    kernel = n - data.rank_Q
    if not kernel:
        raise ValueError("Q is positive definite: use ed_degree(), which counts the critical points")
    if data.trivial is not None:
        empty = data.trivial != "C^n"
        parts = (CriticalPart("zero-loss", -1 if empty else kernel, 0 if empty else 1),
                 CriticalPart("rest", -1, 0))
        note = _trivial_note(data.trivial, data.primes[0] if data.primes else None)
        if data.trivial == "C^n":
            note = "exact: X is C^n, critical set u + ker Q"
        return CriticalSet(parts, kernel, data.codimension, data.Q, data.u, seed, data.engine, data.primes,
                           note, proved=data.trivial != "empty mod p")
    c, rng, name, chosen = data.codimension, data.rng, data.engine, data.primes
    ctx, polys = rational_polynomials(list(data.used), data.variables, ("t",))
    eqs, h, residual, _ = _critical_system(polys, ctx, n, c, data.Q, data.u, rng, "minors")
    t = ctx.gens()[-1]
    ell = sum((rng.choice([v for v in range(-20, 21) if v]) * r for r in residual), ctx.from_dict({}))
    zero_loss = list(polys) + [r for r in residual if r != 0] + [1 - t * h]
    rest = eqs + [1 - t * h * ell]
    parts = []
    for label, system in (("zero-loss", zero_loss), ("rest", rest)):
        dim, deg, _ = _dimension_degree(as_dicts(system), ctx, n, name, chosen, rng)
        parts.append(CriticalPart(label, dim, deg))
    note = (
        f"dimension and degree by slicing with random hyperplanes; counts modulo {list(chosen)} agree; "
        "probabilistic (random slices and combinations); degree counts multiplicity"
    )
    return CriticalSet(tuple(parts), kernel, c, data.Q, data.u, seed, name, chosen, note)

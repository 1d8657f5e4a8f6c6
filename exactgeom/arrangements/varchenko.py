r"""The Varchenko matrix of a real arrangement: regions against regions, weighted by separating hyperplanes.

Give hyperplane H a weight a_H.  For regions R, R' of A let sep(R, R') be the set of
hyperplanes that separate them (the positions where their sign vectors differ).  The
*Varchenko matrix* is

.. math:: V(R, R') = \prod_{H \in \operatorname{sep}(R, R')} a_H, \qquad V(R, R) = 1,

a symmetric matrix with ones on the diagonal.  Varchenko's theorem evaluates its determinant:

.. math:: \det V = \prod_{X} \bigl(1 - a_X^2\bigr)^{n(X)\, p(X)},

the product over the flats X of L(A) other than the ambient space, with a_X the product of the
weights of the hyperplanes containing X, n(X) the number of regions of the restriction A^X and
p(X) = |β(A_X)| the beta invariant of the localization A_X = {H : H ⊇ X} (so only flats with
p(X) ≠ 0 contribute; every hyperplane has p = 1).

References
----------
A. Varchenko, *Bilinear form of real configuration of hyperplanes*, Adv. Math. 97 (1993) 110–144.
G. Denham and P. Hanlon, *On the Smith normal form of the Varchenko bilinear form of a hyperplane
arrangement*, Pacific J. Math. 181 (1997).
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from ..errors import TooLarge

__all__ = ["VarchenkoMatrix", "varchenko_matrix"]

MAX_REGIONS = 2000
"""Default limit on the number of regions (the matrix has the square of it as entries)."""


@dataclass(frozen=True)
class VarchenkoMatrix:
    """The Varchenko matrix, with the sign vectors that index its rows and columns and the weights.

    Attributes
    ----------
    matrix : sympy.ImmutableMatrix
        ``matrix[i, j]`` is the product of the weights of the hyperplanes separating
        ``regions[i]`` and ``regions[j]``.
    regions : tuple of sign vectors
        The regions in the order of :meth:`Arrangement.regions`.
    weights : tuple of sympy expressions
        ``weights[k]`` is the weight of hyperplane ``k``.

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> V = Arrangement([[1]]).varchenko_matrix()
    >>> V.matrix, V.regions, V.weights
    (Matrix([
    [ 1, a1],
    [a1,  1]]), ((1,), (-1,)), (a1,))
    """

    matrix: sympy.ImmutableMatrix
    regions: tuple[tuple[int, ...], ...]
    weights: tuple

    def __len__(self) -> int:
        return len(self.regions)


def _weights(arrangement, weights) -> tuple:
    n = len(arrangement)
    if weights is None:
        return tuple(sympy.symbols(f"a1:{n + 1}")) if n else ()
    from ..expressions import as_expression

    if isinstance(weights, dict):
        unknown = set(weights) - set(range(n))
        if unknown:
            raise ValueError(f"weights names hyperplanes {sorted(unknown)}; the arrangement has 0..{n - 1}")
        default = sympy.symbols(f"a1:{n + 1}") if n else ()
        values = [weights.get(k, default[k] if n else None) for k in range(n)]
    else:
        values = list(weights)
        if len(values) != n:
            raise ValueError(f"{len(values)} weights for {n} hyperplanes")
    result = []
    for k, value in enumerate(values):
        w = as_expression(value, where=f"weight of hyperplane {k}")
        if w.has(sympy.Float):
            raise TypeError(f"weight of hyperplane {k} is a float ({w}); pass an exact number or a symbol")
        result.append(w)
    return tuple(result)


def varchenko_matrix(arrangement, weights=None, *, max_regions: int | None = MAX_REGIONS) -> VarchenkoMatrix:
    r"""The Varchenko matrix V(R, R') = Π_{H separating R, R'} a_H over the regions of A.

    Parameters
    ----------
    arrangement : Arrangement
        Any real arrangement, central or affine.
    weights : sequence or dict, optional
        The weight of each hyperplane: a sequence of length n, or a dict from hyperplane index
        to weight (the others keep their symbols).  A weight is a sympy expression, an exact
        number, or a string read by :func:`exactgeom.expressions.parse_expression`.  Default:
        the symbols ``a1, ..., an``.
    max_regions : int or None, optional
        Refuse, before enumerating anything, an arrangement with more regions (counted by
        Zaslavsky's theorem, :meth:`Arrangement.num_regions`); None for no limit.

    Returns
    -------
    VarchenkoMatrix

    Raises
    ------
    TooLarge
        More than ``max_regions`` regions.

    Examples
    --------
    >>> from exactgeom import Arrangement
    >>> from exactgeom.library import braid
    >>> V = braid(3).varchenko_matrix()
    >>> V.regions[:2], V.matrix[0, 1]
    (((1, 1, 1), (1, 1, -1)), a3)
    >>> a1, a2, a3 = V.weights                     # Varchenko: three hyperplanes, and the centre (β = 1)
    >>> sympy.expand(V.matrix.det() - ((1 - a1**2) * (1 - a2**2) * (1 - a3**2))**2 * (1 - (a1*a2*a3)**2))
    0
    >>> Arrangement([[1], [1]], offsets=[0, 1]).varchenko_matrix(weights=[2, "1/2"]).matrix.tolist()
    [[1, 1/2, 1], [1/2, 1, 2], [1, 2, 1]]

    Notes
    -----
    Cost: one region enumeration (see :func:`exactgeom.arrangements.regions.regions`) and r^2
    products of at most n weights for r regions; the symbolic determinant is left to the caller.
    """
    w = _weights(arrangement, weights)
    if max_regions is not None:
        total = arrangement.num_regions()
        if total > max_regions:
            raise TooLarge(f"the Varchenko matrix of this arrangement has {total} rows, more than "
                           f"max_regions={max_regions}", estimate=total, limit=max_regions, unit="regions")
    signs = tuple(R.sign_vector for R in arrangement.regions())
    r = len(signs)
    rows = [[sympy.S.One] * r for _ in range(r)]
    for i in range(r):
        for j in range(i + 1, r):
            entry = sympy.Mul(*[w[k] for k, (s, t) in enumerate(zip(signs[i], signs[j])) if s != t])
            rows[i][j] = rows[j][i] = entry
    return VarchenkoMatrix(sympy.ImmutableMatrix(rows), signs, w)

"""Exact linear algebra over Q on python-flint matrices (``fmpq_mat``/``fmpz_mat``).

Rows come in already validated by :func:`exactgeom._exact.exact_matrix` (or as plain ints and
Fractions); :mod:`exactgeom._exact` re-exports everything here, the single import path for numbers.

Examples
--------
>>> from exactgeom._linalg import rank, nullspace
>>> rank([[1, 2], [2, 4]])
1
>>> nullspace([[1, 2]])
[(Fraction(-2, 1), Fraction(1, 1))]
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import flint

__all__ = [
    "to_fmpq_mat",
    "to_fmpz_mat",
    "from_fmpq_mat",
    "rank",
    "rref",
    "nullspace",
    "row_space_basis",
    "in_span",
    "solve",
    "determinant",
]

Vector = tuple[Fraction, ...]
Matrix = tuple[Vector, ...]


def to_fmpq_mat(rows: Sequence[Sequence[Fraction]], ncols: int | None = None) -> flint.fmpq_mat:
    """Exact rows (already validated) as a flint ``fmpq_mat``.

    Examples
    --------
    >>> to_fmpq_mat([[Fraction(1, 2), 0]]).rank()
    1
    """
    nrows = len(rows)
    if ncols is None:
        ncols = len(rows[0]) if nrows else 0
    M = flint.fmpq_mat(nrows, ncols)
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v:
                M[i, j] = flint.fmpq(v.numerator, v.denominator)
    return M


def to_fmpz_mat(rows: Sequence[Sequence[int]], ncols: int | None = None) -> flint.fmpz_mat:
    """Integer rows as a flint ``fmpz_mat``.

    Examples
    --------
    >>> to_fmpz_mat([[1, 2], [3, 4]]).det()
    -2
    """
    nrows = len(rows)
    if ncols is None:
        ncols = len(rows[0]) if nrows else 0
    return flint.fmpz_mat(nrows, ncols, [int(v) for row in rows for v in row])


def _q(x) -> Fraction:
    return Fraction(int(x.p), int(x.q))


def from_fmpq_mat(M: flint.fmpq_mat) -> Matrix:
    """A flint ``fmpq_mat`` as a tuple of tuples of Fractions.

    Examples
    --------
    >>> from_fmpq_mat(to_fmpq_mat([[Fraction(1, 3)]]))
    ((Fraction(1, 3),),)
    """
    return tuple(tuple(_q(M[i, j]) for j in range(M.ncols())) for i in range(M.nrows()))


def rank(rows: Sequence[Sequence[Fraction]], ncols: int | None = None) -> int:
    """Rank over Q (``rows`` may also be a flint ``fmpq_mat``).

    Examples
    --------
    >>> rank([[1, 2, 3], [2, 4, 6], [0, 0, 1]])
    2
    >>> rank([], ncols=3)
    0
    """
    if isinstance(rows, flint.fmpq_mat):
        return rows.rank()
    if not rows:
        return 0
    return to_fmpq_mat([[Fraction(v) for v in r] for r in rows], ncols).rank()


def _as_fmpq_mat(rows, ncols: int | None) -> flint.fmpq_mat:
    if isinstance(rows, flint.fmpq_mat):
        return rows
    if ncols is None:
        ncols = len(rows[0]) if rows else 0
    return to_fmpq_mat([[Fraction(v) for v in row] for row in rows], ncols)


def _rref_fmpq(M: flint.fmpq_mat) -> tuple[flint.fmpq_mat, list[int]]:
    """flint's reduced row echelon form and its pivot columns (one scan of the columns)."""
    R, r = M.rref()
    pivots = []
    for j in range(M.ncols()):
        if len(pivots) == r:
            break
        if R[len(pivots), j] != 0:
            pivots.append(j)
    return R, pivots


def rref(rows: Sequence[Sequence[Fraction]], ncols: int | None = None) -> tuple[Matrix, tuple[int, ...]]:
    """Reduced row echelon form over Q: the non-zero rows and the pivot columns.

    ``rows`` may also be a flint ``fmpq_mat``.

    Examples
    --------
    >>> R, pivots = rref([[2, 4], [1, 3]])
    >>> R, pivots
    (((Fraction(1, 1), Fraction(0, 1)), (Fraction(0, 1), Fraction(1, 1))), (0, 1))
    """
    if not isinstance(rows, flint.fmpq_mat) and not rows:
        return (), ()
    R, pivots = _rref_fmpq(_as_fmpq_mat(rows, ncols))
    return from_fmpq_mat(R)[: len(pivots)], tuple(pivots)


def nullspace(rows, ncols: int | None = None, *, as_flint: bool = False) -> list:
    """A basis of the right kernel {x : M x = 0} over Q, one vector per free column.

    The basis is the standard one read off the reduced row echelon form:
    vector k has a 1 in the k-th free column and 0 in the other free columns.

    Parameters
    ----------
    rows : sequence of rows of exact scalars, or a flint ``fmpq_mat``
        The matrix M (a flint matrix is used as is, without conversion).
    ncols : int, optional
        Number of columns, needed when ``rows`` is an empty sequence.
    as_flint : bool, optional
        Return each vector as a list of flint ``fmpq`` (for callers that go on
        computing in flint) instead of a tuple of Fractions.

    Examples
    --------
    >>> nullspace([[1, 1, 1]])
    [(Fraction(-1, 1), Fraction(1, 1), Fraction(0, 1)), (Fraction(-1, 1), Fraction(0, 1), Fraction(1, 1))]
    >>> nullspace(flint.fmpq_mat(1, 2, [1, 2]), as_flint=True)
    [[-2, 1]]
    """
    if isinstance(rows, flint.fmpq_mat):
        M = rows
    elif rows:
        M = _as_fmpq_mat(rows, ncols)
    else:
        M = flint.fmpq_mat(0, ncols or 0)
    n = M.ncols()
    R, pivots = _rref_fmpq(M) if M.nrows() else (M, [])
    pivot_set = set(pivots)
    basis = []
    for f in (j for j in range(n) if j not in pivot_set):
        x = [flint.fmpq(0)] * n
        x[f] = flint.fmpq(1)
        for i, p in enumerate(pivots):
            x[p] = -R[i, f]
        basis.append(x if as_flint else tuple(_q(v) for v in x))
    return basis


def row_space_basis(rows: Sequence[Sequence[Fraction]], ncols: int | None = None) -> Matrix:
    """The non-zero rows of the reduced row echelon form: a canonical basis of the row space.

    Examples
    --------
    >>> row_space_basis([[2, 2], [1, 1]])
    ((Fraction(1, 1), Fraction(1, 1)),)
    """
    return rref(rows, ncols)[0]


def in_span(vector: Sequence[Fraction], rows: Sequence[Sequence[Fraction]]) -> bool:
    """Whether ``vector`` lies in the row space of ``rows`` (exact).

    Examples
    --------
    >>> in_span([1, 1], [[1, 0], [0, 0]])
    False
    >>> in_span([0, 0], [])
    True
    """
    if not rows:
        return all(v == 0 for v in vector)
    return rank(list(rows) + [list(vector)]) == rank(rows)


def solve(A: Sequence[Sequence[Fraction]], b: Sequence[Fraction]) -> Vector | None:
    """One exact solution of ``A x = b`` (free variables set to 0), or ``None`` if inconsistent.

    Examples
    --------
    >>> solve([[1, 1], [1, -1]], [2, 0])
    (Fraction(1, 1), Fraction(1, 1))
    >>> solve([[1, 1], [2, 2]], [1, 3]) is None
    True
    """
    ncols = len(A[0]) if A else 0
    aug = [list(row) + [bi] for row, bi in zip(A, b)]
    R, pivots = rref(aug, ncols + 1)
    if ncols in pivots:
        return None
    x = [Fraction(0)] * ncols
    for row, p in zip(R, pivots):
        x[p] = row[ncols]
    return tuple(x)


def determinant(rows: Sequence[Sequence[Fraction]]) -> Fraction:
    """Exact determinant of a square matrix.

    Examples
    --------
    >>> determinant([[1, 2], [3, 4]])
    Fraction(-2, 1)
    """
    n = len(rows)
    if any(len(r) != n for r in rows):
        lengths = [len(r) for r in rows]
        raise ValueError(f"determinant needs a square matrix; got {n} rows of lengths {lengths}")
    if n == 0:
        return Fraction(1)
    return _q(to_fmpq_mat([[Fraction(v) for v in r] for r in rows]).det())

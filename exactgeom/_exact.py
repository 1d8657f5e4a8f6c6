"""Exact scalars, vectors and matrices over Q: the package's single point of entry for numbers.

Every public function converts user input here, once, at the edge.  Accepted
scalars are ``int``, :class:`fractions.Fraction`, strings such as ``"3/4"``,
``"-2"`` or ``"0.5"`` (read exactly by :func:`exactgeom.expressions.parse_number`,
the one reader of number text), sympy ``Integer``/``Rational`` and python-flint
``fmpz``/``fmpq``.  Floats, complex numbers, NaN and everything else raise
:class:`TypeError` naming the offending position.  Internally a scalar is a ``Fraction``; linear
algebra runs on python-flint matrices (``fmpq_mat``/``fmpz_mat``).

Examples
--------
>>> from exactgeom._exact import exact_matrix, rank, nullspace
>>> M = exact_matrix([[1, "1/2"], [2, 1]])
>>> rank(M)
1
>>> nullspace(M)
[(Fraction(-1, 2), Fraction(1, 1))]
>>> exact_matrix([[1, 0.5]], name="normals")
Traceback (most recent call last):
    ...
TypeError: normals[0][1] is the float 0.5; pass Fraction(1, 2) or "1/2" for an exact value, or convert
floats explicitly with exactgeom.numeric.exact (their binary value) or exactgeom.numeric.rationalize
(nearby small fractions, error reported)
"""

from __future__ import annotations

import math
import numbers
import random
from collections.abc import Iterable, Sequence
from fractions import Fraction

import flint

from .expressions import parse_number

__all__ = [
    "exact_scalar",
    "exact_vector",
    "exact_matrix",
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
    "primitive_integer_vector",
    "clear_denominators",
    "dot",
    "random_rational_vector",
    "fraction_str",
    "parse_fraction",
    "to_fmpq",
    "from_fmpq",
    "dimension_arg",
]

from ._linalg import (  # noqa: F401  (re-exported: the single import path for numbers)
    Matrix,
    Vector,
    determinant,
    from_fmpq_mat,
    in_span,
    nullspace,
    rank,
    row_space_basis,
    rref,
    solve,
    to_fmpq_mat,
    to_fmpz_mat,
)


def _float_hint(value: float) -> str:
    if math.isnan(value) or math.isinf(value):
        return "it has no exact value; pass an int, a Fraction or a string such as \"3/4\""
    f = Fraction(value).limit_denominator(10**6)
    return (
        f'pass Fraction({f.numerator}, {f.denominator}) or "{f}" for an exact value, or convert floats '
        "explicitly with exactgeom.numeric.exact (their binary value) or exactgeom.numeric.rationalize "
        "(nearby small fractions, error reported)"
    )


def exact_scalar(value, position: str = "value") -> Fraction:
    """Convert one user-supplied scalar to an exact :class:`fractions.Fraction`.

    Parameters
    ----------
    value : int, Fraction, str, sympy Rational, flint fmpz/fmpq
        A string is an integer, a fraction ``"p/q"`` or a finite decimal such as ``"0.5"`` or
        ``"1e-3"``, read exactly (:func:`exactgeom.expressions.parse_number`).
    position : str
        How to name the entry in an error message, e.g. ``"normals[2][0]"``.

    Returns
    -------
    Fraction

    Raises
    ------
    TypeError
        For floats, complex numbers, NaN, irrational sympy numbers and any other type, and for a
        string that is not a number (:class:`~exactgeom.expressions.NotANumber`, also a
        ``ValueError``: ``"nan"``, ``"inf"``, ``"1/0"``).
    ValueError
        :class:`~exactgeom.expressions.ExpressionTooLarge` for a string of a number above
        :data:`exactgeom.expressions.MAX_DIGITS` digits, decided from the text (``"1e999999"``).

    Examples
    --------
    >>> exact_scalar("3/4"), exact_scalar("0.1"), exact_scalar("1e-3")
    (Fraction(3, 4), Fraction(1, 10), Fraction(1, 1000))
    >>> exact_scalar(0.1, "w[0]")
    Traceback (most recent call last):
        ...
    TypeError: w[0] is the float 0.1; pass Fraction(1, 10) or "1/10" for an exact value, ...
    >>> exact_scalar(True, "w[0]")
    Traceback (most recent call last):
        ...
    TypeError: w[0] is the bool True; pass the int 1 or 0 instead
    """
    if isinstance(value, bool):
        return _raise_bool(value, position)
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        raise TypeError(f"{position} is the float {value!r}; {_float_hint(value)}")
    if isinstance(value, complex):
        raise TypeError(f"{position} is the complex number {value!r}; only rational numbers are accepted")
    if isinstance(value, str):
        return parse_number(value, where=position)
    if isinstance(value, flint.fmpz):
        return Fraction(int(value))
    if isinstance(value, flint.fmpq):
        return Fraction(int(value.p), int(value.q))
    module = type(value).__module__ or ""
    if module.startswith("sympy"):
        if getattr(value, "is_Rational", False):
            return Fraction(int(value.p), int(value.q))
        raise TypeError(
            f"{position} is the sympy expression {value!r}, which is not a rational number; "
            "only rationals are accepted"
        )
    if module.startswith("numpy"):
        if isinstance(value, numbers.Integral):
            return Fraction(int(value))
        hint = (
            " (numpy floats convert explicitly with exactgeom.numeric.exact or exactgeom.numeric.rationalize)"
            if isinstance(value, numbers.Real)
            else ""
        )
        raise TypeError(
            f"{position} is the numpy value {value!r} of type {type(value).__name__}; "
            f'pass an int, a Fraction or a string such as "3/4"{hint}'
        )
    raise TypeError(
        f"{position} has type {type(value).__name__} ({value!r}); pass an int, a Fraction or a string "
        'such as "3/4"'
    )


def _raise_bool(value: bool, position: str):
    raise TypeError(f"{position} is the bool {value}; pass the int 1 or 0 instead")


def exact_vector(values, name: str = "vector", length: int | None = None) -> Vector:
    """Convert a sequence to a tuple of Fractions, checking its length if given.

    Examples
    --------
    >>> exact_vector([1, "2/3"])
    (Fraction(1, 1), Fraction(2, 3))
    >>> exact_vector([1, 2], name="x", length=3)
    Traceback (most recent call last):
        ...
    ValueError: x has 2 entries; expected 3
    """
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise TypeError(f"{name} must be a sequence of numbers, not {type(values).__name__}")
    out = tuple(exact_scalar(v, f"{name}[{i}]") for i, v in enumerate(values))
    if length is not None and len(out) != length:
        raise ValueError(f"{name} has {len(out)} entries; expected {length}")
    return out


def exact_matrix(rows, name: str = "matrix", ncols: int | None = None) -> Matrix:
    """Convert a nested sequence to a tuple of equal-length tuples of Fractions.

    Parameters
    ----------
    rows : sequence of sequences (or a flint/sympy matrix)
    name : str
        Used in error messages.
    ncols : int, optional
        Required row length; when omitted the first row fixes it.

    Raises
    ------
    ValueError
        Ragged rows or a wrong number of columns, naming the row.

    Examples
    --------
    >>> exact_matrix([[1, 2], [3]], name="normals")
    Traceback (most recent call last):
        ...
    ValueError: normals[1] has 1 entries but normals[0] has 2; all rows must have the same length
    """
    if hasattr(rows, "tolist") and not isinstance(rows, (list, tuple)):
        rows = rows.tolist()
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Iterable):
        raise TypeError(f"{name} must be a sequence of rows, not {type(rows).__name__}")
    out = []
    for i, row in enumerate(rows):
        vec = exact_vector(row, f"{name}[{i}]")
        if ncols is None:
            ncols = len(vec)
        elif len(vec) != ncols:
            if out:
                raise ValueError(
                    f"{name}[{i}] has {len(vec)} entries but {name}[0] has {ncols}; "
                    "all rows must have the same length"
                )
            raise ValueError(f"{name}[{i}] has {len(vec)} entries; expected {ncols}")
        out.append(vec)
    return tuple(out)


def clear_denominators(vector: Sequence[Fraction]) -> tuple[int, ...]:
    """Scale a rational vector by the lcm of its denominators (no gcd division).

    Examples
    --------
    >>> clear_denominators([Fraction(1, 2), Fraction(2, 3)])
    (3, 4)
    """
    lcm = 1
    for v in vector:
        lcm = lcm * v.denominator // math.gcd(lcm, v.denominator)
    return tuple(int(v * lcm) for v in vector)


def primitive_integer_vector(vector: Sequence[Fraction], *, sign_normalize: bool = True) -> tuple[int, ...]:
    """The primitive integer vector on the ray (or, with ``sign_normalize``, the line) of ``vector``.

    With ``sign_normalize`` the first non-zero entry is made positive, so two
    vectors are proportional exactly when their images are equal.

    Examples
    --------
    >>> primitive_integer_vector([Fraction(-1, 2), 1, 0])
    (1, -2, 0)
    >>> primitive_integer_vector([Fraction(-1, 2), 1, 0], sign_normalize=False)
    (-1, 2, 0)
    """
    ints = clear_denominators([Fraction(v) for v in vector])
    g = 0
    for v in ints:
        g = math.gcd(g, v)
    if g == 0:
        return ints
    ints = tuple(v // g for v in ints)
    if sign_normalize:
        first = next(v for v in ints if v)
        if first < 0:
            ints = tuple(-v for v in ints)
    return ints


def dot(u: Sequence[Fraction], v: Sequence[Fraction]) -> Fraction:
    """Exact inner product.

    Examples
    --------
    >>> dot([1, Fraction(1, 2)], [2, 2])
    Fraction(3, 1)
    """
    return sum((a * b for a, b in zip(u, v)), Fraction(0))


def random_rational_vector(length: int, rng: random.Random, bound: int = 1000) -> Vector:
    """A vector of random integers in [-bound, bound] (as Fractions), drawn from ``rng``.

    Examples
    --------
    >>> v = random_rational_vector(3, random.Random(0), bound=5)
    >>> len(v), all(abs(x) <= 5 for x in v)
    (3, True)
    """
    return tuple(Fraction(rng.randint(-bound, bound)) for _ in range(length))


def fraction_str(value: Fraction) -> str:
    """The canonical text form of a rational used in certificates and JSON: ``"p/q"`` or ``"p"``.

    Examples
    --------
    >>> fraction_str(Fraction(-6, 4)), fraction_str(Fraction(5))
    ('-3/2', '5')
    """
    value = Fraction(value)
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def parse_fraction(text: str) -> Fraction:
    """Inverse of :func:`fraction_str`.

    Examples
    --------
    >>> parse_fraction("-3/2")
    Fraction(-3, 2)
    """
    return exact_scalar(text, "value")


def to_fmpq(value) -> flint.fmpq:
    """One exact rational as a flint ``fmpq``; other input than int/Fraction goes through exact_scalar.

    Examples
    --------
    >>> to_fmpq(Fraction(-3, 4)), to_fmpq(2), to_fmpq("1/3")
    (-3/4, 2, 1/3)
    """
    if not isinstance(value, (int, Fraction)) or isinstance(value, bool):
        value = exact_scalar(value)
    if isinstance(value, int):
        return flint.fmpq(value)
    return flint.fmpq(value.numerator, value.denominator)


def from_fmpq(value: flint.fmpq) -> Fraction:
    """A flint ``fmpq`` (or ``fmpz``) as a Fraction.

    Examples
    --------
    >>> from_fmpq(flint.fmpq(-3, 4))
    Fraction(-3, 4)
    """
    return Fraction(int(value.p), int(value.q)) if isinstance(value, flint.fmpq) else Fraction(int(value))


def dimension_arg(value, name: str = "dimension") -> int:
    """An optional size argument checked at the edge: ``None`` or a non-negative int, returned as is.

    Raises
    ------
    ValueError
        For a negative number, a bool, or anything that is not an int.

    Examples
    --------
    >>> dimension_arg(3), dimension_arg(None)
    (3, None)
    >>> dimension_arg(-1)
    Traceback (most recent call last):
        ...
    ValueError: dimension must be a non-negative int, not -1
    """
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ValueError(f"{name} must be a non-negative int, not {value!r}")
    return value


MEMORY_LIMIT = 2**30
"""Bytes one exact object (a flint matrix, a polynomial system) may take: about 1 GB.

The same order as the flat engine's budget (:mod:`exactgeom.arrangements._flat_engine`).
Sizes above it are refused with :class:`~exactgeom.errors.TooLarge` before anything is
allocated: flint aborts the whole process (no Python exception) when an allocation fails.
"""


def fmpq_mat_bytes(rows: int, cols: int) -> int:
    """Bytes of a dense ``fmpq_mat`` and the copy its ``rref`` returns (two ``fmpz`` of 8 bytes per entry).

    Examples
    --------
    >>> fmpq_mat_bytes(1000, 1000)
    32000000
    """
    return 2 * 16 * rows * cols


def mpoly_bytes(terms: int, nvars: int) -> int:
    """Bytes of ``terms`` terms of an ``fmpq_mpoly`` in ``nvars`` variables (degree orderings).

    flint packs each exponent vector in fields of at least 8 bits, one per variable plus one for
    the total degree, and stores an 8-byte coefficient; the 8 further bytes cover the
    temporaries of products and powers (measured: about 1150 bytes per term of a power in
    1000 variables, against the 1024 counted here).

    Examples
    --------
    >>> mpoly_bytes(10, 1000)
    10240
    """
    return terms * (8 * -(-(nvars + 1) // 8) + 16)


def refuse_above_memory(nbytes: int, what: str, *, limit: int | None = None) -> None:
    """Raise :class:`~exactgeom.errors.TooLarge` when ``nbytes`` exceeds :data:`MEMORY_LIMIT`.

    ``what`` names the object in words, with its counted size ("a 29160 × 2700 rational
    matrix"); the message adds the byte estimate and the limit.

    Examples
    --------
    >>> refuse_above_memory(10**6, "a small matrix")
    >>> refuse_above_memory(5 * 2**30, "a 40000 x 4000 rational matrix")
    Traceback (most recent call last):
        ...
    exactgeom.errors.TooLarge: a 40000 x 4000 rational matrix would take about 5.4 GB of memory \
(the limit is about 1.1 GB, exactgeom._exact.MEMORY_LIMIT); refused before allocating it
    """
    from .errors import TooLarge

    limit = MEMORY_LIMIT if limit is None else limit
    if nbytes > limit:
        raise TooLarge(
            f"{what} would take about {nbytes / 1e9:.2g} GB of memory (the limit is about "
            f"{limit / 1e9:.2g} GB, exactgeom._exact.MEMORY_LIMIT); refused before allocating it",
            estimate=nbytes,
            limit=limit,
            unit="bytes",
        )

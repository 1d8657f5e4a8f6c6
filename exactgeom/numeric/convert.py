"""Floats imported exactly (:func:`exact`) or rounded to small fractions (:func:`rationalize`).

Examples
--------
>>> exact(0.75)
Fraction(3, 4)
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction
from typing import NamedTuple

from .. import _exact

__all__ = ["exact", "rationalize", "Rationalized"]


def _non_finite(value, position: str):
    raise ValueError(
        f"{position} is {value!r}, which has no exact value; replace or drop the non-finite entries "
        "before importing"
    )


def _scalar(value, position: str) -> Fraction:
    if isinstance(value, float):
        if not math.isfinite(value):
            _non_finite(value, position)
        return Fraction(value)
    if isinstance(value, bool) or not (type(value).__module__ or "").startswith("numpy"):
        return _exact.exact_scalar(value, position)
    if getattr(value, "dtype", None) is not None and value.dtype.kind == "b":
        raise TypeError(f"{position} is the numpy bool {value!r}; pass the int 1 or 0 instead")
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, numbers.Real):  # numpy floating of any width, also longdouble
        if not math.isfinite(value):
            _non_finite(float(value), position)
        numerator, denominator = value.as_integer_ratio()
        return Fraction(numerator, denominator)
    return _exact.exact_scalar(value, position)


def _convert(value, position: str, leaf):
    """Apply ``leaf(scalar, position)`` through nested lists/tuples/arrays, keeping the nesting."""
    if isinstance(value, (list, tuple)):
        items = [_convert(v, f"{position}[{i}]", leaf) for i, v in enumerate(value)]
        return items if isinstance(value, list) else tuple(items)
    if hasattr(value, "__array__") and not isinstance(value, (numbers.Number, str, bytes)):
        return _convert_array(value, position, leaf)  # arrays (also 0-d), numpy bools, array-likes
    return leaf(value, position)


def _convert_array(value, position: str, leaf):
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - only without the `fast` extra
        from ..errors import MissingOptional

        raise MissingOptional(
            f"{position} is an array; importing arrays needs numpy: pip install 'exactgeom[fast]'"
        ) from None
    array = np.asarray(value)
    kind = array.dtype.kind
    if kind == "b":
        raise TypeError(
            f"{position} is a boolean (array); convert it with .astype(int) if 0/1 values are meant"
        )
    if kind == "f":
        bad = np.argwhere(~np.isfinite(array))
        if len(bad):
            where = position + "".join(f"[{int(i)}]" for i in bad[0])
            _non_finite(array[tuple(bad[0])].item(), where)
    elif kind not in "iuO":
        raise TypeError(
            f"{position} is an array of dtype {array.dtype}; only integer and real floating-point "
            "arrays have exact rational values"
        )
    # tolist() widens float16/float32 to Python floats (exactly) and keeps longdouble scalars.
    return _convert(array.tolist(), position, leaf)


def exact(values, *, name: str = "values"):
    """The exact rational value of every number in ``values``, nested shape kept.

    A binary float *is* a rational number m / 2^k; this returns it, so
    ``exact(0.1) == Fraction(0.1) == Fraction(3602879701896397, 36028797018963968)``
    and ``float(exact(x)) == x``.  For the nearest fraction with a small
    denominator instead, use :func:`rationalize`.

    Parameters
    ----------
    values : number, nested lists/tuples of numbers, or numpy array
        Python floats and ints, numpy scalars and arrays of any integer or
        real floating dtype (float16 … longdouble), and the exact scalars the
        package accepts everywhere (``Fraction``, ``"3/4"``, sympy/flint rationals).
    name : str, optional
        How to name ``values`` in error messages.

    Returns
    -------
    Fraction, or the same nesting of lists and tuples with Fraction entries.  A
    numpy array of shape ``(a, b, …)`` becomes nested lists (``a`` lists of
    ``b`` …); a 0-dimensional array becomes a single Fraction.

    Raises
    ------
    ValueError
        NaN or infinity, naming its position (e.g. ``values[1][0]``).
    TypeError
        Complex numbers, booleans, strings that are not rationals, other types.
    exactgeom.errors.MissingOptional
        An array without numpy installed (the ``fast`` extra).

    Examples
    --------
    >>> exact(0.1) == Fraction(3602879701896397, 36028797018963968)
    True
    >>> exact((0.75, -2, "1/3"))
    (Fraction(3, 4), Fraction(-2, 1), Fraction(1, 3))
    >>> import numpy as np
    >>> exact(np.array([[0.5, 1.0], [2.0, 0.25]], dtype=np.float32))
    [[Fraction(1, 2), Fraction(1, 1)], [Fraction(2, 1), Fraction(1, 4)]]
    >>> exact(np.float16(0.1))
    Fraction(819, 8192)
    >>> exact([[1.0, 2.0], [3.0, float("nan")]], name="W")
    Traceback (most recent call last):
        ...
    ValueError: W[1][1] is nan, which has no exact value; replace or drop the non-finite entries before
    importing

    Notes
    -----
    One ``as_integer_ratio`` per entry; the cost is linear in the number of entries.
    """
    return _convert(values, name, _scalar)


class Rationalized(NamedTuple):
    """The result of :func:`rationalize`: rounded values and the largest rounding error.

    Attributes
    ----------
    values : Fraction or nested lists/tuples of Fraction (the shape of the input)
    error : Fraction
        max over all entries of |exact value − rounded value|, exactly.
    max_denominator : int
        The denominator bound used.
    """

    values: object
    error: Fraction
    max_denominator: int


def rationalize(values, max_denominator: int = 10**6, *, name: str = "values") -> Rationalized:
    """Round every number to the nearest fraction with denominator ≤ ``max_denominator``, reporting the error.

    Parameters
    ----------
    values : as for :func:`exact`
    max_denominator : int, optional
        At least 1.  Default 10^6.
    name : str, optional
        How to name ``values`` in error messages.

    Returns
    -------
    Rationalized
        ``(values, error, max_denominator)``; ``error`` is the largest
        |x − r| over all entries, computed exactly from the binary value x.

    Raises
    ------
    ValueError, TypeError
        As :func:`exact`; a ``max_denominator`` that is not a positive int.

    Examples
    --------
    >>> r = rationalize([[0.1, 0.2], [0.3, 1.5]], max_denominator=10)
    >>> r.values
    [[Fraction(1, 10), Fraction(1, 5)], [Fraction(3, 10), Fraction(3, 2)]]
    >>> r.error, r.error == abs(Fraction(0.2) - Fraction(1, 5))
    (Fraction(1, 90071992547409920), True)
    >>> rationalize(3.14159, max_denominator=10).values
    Fraction(22, 7)

    Notes
    -----
    The nearest fraction is :meth:`fractions.Fraction.limit_denominator` of the
    exact binary value (continued fractions); no float arithmetic is involved.
    """
    if isinstance(max_denominator, bool) or not isinstance(max_denominator, int) or max_denominator < 1:
        raise ValueError(f"max_denominator must be a positive int; got {max_denominator!r}")
    worst = Fraction(0)

    def leaf(value, position):
        nonlocal worst
        x = _scalar(value, position)
        r = x.limit_denominator(max_denominator)
        worst = max(worst, abs(x - r))
        return r

    rounded = _convert(values, name, leaf)
    return Rationalized(rounded, worst, max_denominator)

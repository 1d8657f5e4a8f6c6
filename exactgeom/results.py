"""The one shape of a result that can be exact, bounded or probabilistic.

Every computation whose answer may be proved, only bounded, or established with high
probability returns an object with these attributes (a frozen dataclass in each module):

``value``
    The answer (an ``int``, a polynomial, …).  When it is not proved it is the best value the
    computation supports, and the bounds say how far it is proved.
``proved`` : bool
    True when ``value`` is a theorem: exact arithmetic with no random choice left unchecked.
``lower_bound``, ``upper_bound``
    Proved bounds for a numeric ``value`` (both equal ``value`` when ``proved``); ``None`` on a side
    that nothing bounds, and for values that are not numbers.
``method`` : str
    How the value and each bound were obtained, in words.
``seed`` : int or None
    The seed of every random choice (None when there was none).
``certificate()``
    A JSON-ready certificate whose claim holds the object and the value, checked by
    :func:`exactgeom.certificates.verify`.  Results that have no certificate kind raise
    ``NotImplementedError`` naming the nearest one.

:class:`Result` is the :class:`typing.Protocol` of that shape; :func:`check_shape` is what the tests
run on every result type.  Older spellings stay readable for one release: ``certified`` and
``exact`` (now ``proved``), ``verification`` (now part of ``method``).

Examples
--------
>>> from exactgeom import library
>>> from exactgeom.arrangements.symmetry import characteristic_polynomial_with_symmetry
>>> from exactgeom.results import Result, check_shape
>>> r = characteristic_polynomial_with_symmetry(library.braid(4))
>>> isinstance(r, Result), r.proved, r.value.as_expr()
(True, True, t**4 - 6*t**3 + 11*t**2 - 6*t)
>>> check_shape(r)
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

__all__ = ["Result", "check_shape"]


@runtime_checkable
class Result(Protocol):
    """A result: value, proved, lower_bound, upper_bound, method, seed and certificate()."""

    value: Any
    proved: bool
    lower_bound: Any
    upper_bound: Any
    method: str
    seed: int | None

    def certificate(self) -> dict: ...


def check_shape(result) -> None:
    """Raise ``AssertionError`` naming what is missing when ``result`` does not have the shape.

    Checks the types of ``proved``, ``method`` and ``seed``, that a proved numeric value equals its
    bounds, and that the bounds, where both are given, enclose the value.
    """
    name = type(result).__name__
    for attribute in ("value", "proved", "lower_bound", "upper_bound", "method", "seed"):
        if not hasattr(result, attribute):
            raise AssertionError(f"{name} has no attribute {attribute!r}")
    if not callable(getattr(result, "certificate", None)):
        raise AssertionError(f"{name} has no certificate() method")
    if not isinstance(result.proved, bool):
        raise AssertionError(f"{name}.proved is {type(result.proved).__name__}, not bool")
    if not isinstance(result.method, str) or not result.method:
        raise AssertionError(f"{name}.method is not a non-empty string")
    if result.seed is not None and not isinstance(result.seed, int):
        raise AssertionError(f"{name}.seed is neither an int nor None")
    low, high, value = result.lower_bound, result.upper_bound, result.value
    numeric = isinstance(value, int) and not isinstance(value, bool)
    if result.proved and numeric and (low != value or high != value):
        raise AssertionError(f"{name} is proved but its bounds ({low}, {high}) differ from {value}")
    if numeric and low is not None and high is not None and not low <= value <= high:
        raise AssertionError(f"{name}: value {value} outside its bounds [{low}, {high}]")

"""The exceptions exactgeom raises on purpose, besides ``TypeError``/``ValueError`` for bad input.

Every refusal is decided from counted work (flats, rows, LPs, roots, monomials, bytes) at a
documented fixed rate, never from measured seconds, so the same input is refused on a fast and on a
loaded machine alike.

- :class:`TooLarge` (a ``ValueError``): refused up front, with the estimate that decided it
  (``estimate``, ``limit``, ``unit``).  The CLI exits with code 4.
- :class:`Inconclusive` (a ``RuntimeError``): the computation ran but could not decide (for
  example two primes disagreed, or a random choice was unlucky every time).
- :class:`MissingOptional` (an ``ImportError``): an optional extra is needed for this call; the
  message names the ``pip install`` that provides it.

Examples
--------
>>> from exactgeom.errors import TooLarge
>>> err = TooLarge("the lattice of T_7 has about 1.1e8 flats", estimate=110_000_000,
...                limit=20_000_000, unit="flats")
>>> isinstance(err, ValueError), err.estimate, err.limit, err.unit
(True, 110000000, 20000000, 'flats')
"""

from __future__ import annotations

__all__ = ["TooLarge", "Inconclusive", "MissingOptional"]


class TooLarge(ValueError):
    """A size that would not finish (or would exhaust memory), refused before the work starts.

    Parameters
    ----------
    message : str
        What was refused and why, with the estimate in words.
    estimate, limit : int or float, optional
        The counted work the input needs and the budget it exceeds.
    unit : str, optional
        What is counted (``"flats"``, ``"LPs"``, ``"monomials"``, ``"bytes"``, ...).

    Examples
    --------
    >>> raise TooLarge("too many roots", estimate=10**6, limit=10**5, unit="roots")
    Traceback (most recent call last):
        ...
    exactgeom.errors.TooLarge: too many roots
    """

    def __init__(self, message: str, *, estimate=None, limit=None, unit: str | None = None):
        super().__init__(message)
        self.estimate = estimate
        self.limit = limit
        self.unit = unit


class Inconclusive(RuntimeError):
    """A computation that ran but could not reach a decision; the message says what to try.

    Examples
    --------
    >>> isinstance(Inconclusive("two primes disagree"), RuntimeError)
    True
    """


class MissingOptional(ImportError):
    """An optional extra this call needs is not installed; the message names the install command.

    Examples
    --------
    >>> str(MissingOptional("plots need matplotlib: pip install 'exactgeom[plot]'"))
    "plots need matplotlib: pip install 'exactgeom[plot]'"
    """

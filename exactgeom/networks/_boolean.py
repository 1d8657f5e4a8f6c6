"""Boolean functions {0,1}^n -> {0,1}^m as exact truth tables.

A Boolean function is stored as its *truth table*: a tuple with one output
tuple per input point, the input points taken in lexicographic order of
{0,1}^n (so ``x = (x_1, ..., x_n)`` has index ``sum_i x_i 2^(n-i)``; x_1 is the
most significant bit).  This is the order of the hyperplanes of
:func:`exactgeom.library.threshold`.

Users may give a function as

* a dict ``{x: y}`` with one entry for every ``x`` in {0,1}^n (``y`` a tuple of
  length m, or a bare 0/1 when m = 1),
* a callable ``f(x) -> y`` taking the tuple ``x``,
* a truth table: a sequence of 2^n outputs in lexicographic order of ``x``.

Entries must be 0 or 1 (``True``/``False`` are accepted as 1/0); anything
else raises an error naming the entry.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from functools import cache

__all__ = ["boolean_points", "truth_table", "output_row", "compose", "format_table"]

Table = tuple[tuple[int, ...], ...]


@cache
def boolean_points(n: int) -> tuple[tuple[int, ...], ...]:
    """The points of {0,1}^n in lexicographic order.

    Examples
    --------
    >>> boolean_points(2)
    ((0, 0), (0, 1), (1, 0), (1, 1))
    """
    return tuple(itertools.product((0, 1), repeat=n))


def _bit(value, where: str) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int) and value in (0, 1):
        return value
    if isinstance(value, float):
        raise TypeError(f"{where} is the float {value!r}; a Boolean function takes the ints 0 and 1")
    raise ValueError(f"{where} is {value!r}; a Boolean function takes the values 0 and 1 only")


def _output(value, m: int, where: str) -> tuple[int, ...]:
    if m == 1 and (isinstance(value, (str, bytes)) or not isinstance(value, Sequence)):
        return (_bit(value, where),)
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise TypeError(f"{where} is {value!r}; expected a tuple of {m} values in {{0, 1}}")
    if len(value) != m:
        raise ValueError(f"{where} has {len(value)} entries; the function has {m} outputs")
    return tuple(_bit(v, f"{where}[{j}]") for j, v in enumerate(value))


def truth_table(function, n_inputs: int, n_outputs: int = 1) -> Table:
    """The truth table of a Boolean function given as a dict, a callable or a table.

    Parameters
    ----------
    function : dict, callable or sequence
        See the module docstring.
    n_inputs, n_outputs : int

    Returns
    -------
    tuple of tuples
        ``table[k]`` is the output (a tuple of m bits) at the k-th point of
        :func:`boolean_points`.

    Raises
    ------
    ValueError
        A missing or extra input point, a wrong number of outputs, or a value
        other than 0/1 (named by its position).
    TypeError
        Something that is not a dict, a callable or a sequence.

    Examples
    --------
    >>> truth_table({(0, 0): 0, (0, 1): 1, (1, 0): 1, (1, 1): 0}, 2)
    ((0,), (1,), (1,), (0,))
    >>> truth_table(lambda x: (x[0] & x[1], x[0] | x[1]), 2, 2)
    ((0, 0), (0, 1), (0, 1), (1, 1))
    >>> truth_table([0, 1, 1, 2], 2)
    Traceback (most recent call last):
        ...
    ValueError: f[(1, 1)] is 2; a Boolean function takes the values 0 and 1 only
    """
    points = boolean_points(n_inputs)
    if isinstance(function, Mapping):
        keys = {}
        for key, value in function.items():
            if not isinstance(key, Sequence) or len(key) != n_inputs or any(
                isinstance(v, bool) or v not in (0, 1) for v in key
            ):
                raise ValueError(f"key {key!r} is not a point of {{0,1}}^{n_inputs}")
            keys[tuple(int(v) for v in key)] = value
        missing = [x for x in points if x not in keys]
        if missing:
            raise ValueError(
                f"the dict has no value for the input {missing[0]} ({len(missing)} inputs missing)"
            )
        return tuple(_output(keys[x], n_outputs, f"f[{x}]") for x in points)
    if callable(function):
        return tuple(_output(function(x), n_outputs, f"f{x}") for x in points)
    if isinstance(function, (str, bytes)) or not isinstance(function, Sequence):
        raise TypeError(
            "a Boolean function is a dict {x: y}, a callable or a truth table, "
            f"not {type(function).__name__}"
        )
    if len(function) != len(points):
        raise ValueError(
            f"the truth table has {len(function)} entries; "
            f"a function on {{0,1}}^{n_inputs} needs {len(points)}"
        )
    return tuple(_output(y, n_outputs, f"f[{x}]") for x, y in zip(points, function))


def output_row(table: Table, i: int) -> tuple[int, ...]:
    """The i-th output of a truth table as a tuple of bits (one per input point).

    Examples
    --------
    >>> output_row(((0, 1), (1, 1)), 0)
    (0, 1)
    """
    return tuple(y[i] for y in table)


def compose(outer: Table, inner: Table) -> Table:
    """The truth table of ``outer ∘ inner`` for maps {0,1}^n -> {0,1}^n.

    Examples
    --------
    >>> swap = ((0, 0), (1, 0), (0, 1), (1, 1))
    >>> compose(swap, swap)
    ((0, 0), (0, 1), (1, 0), (1, 1))
    """
    index = {x: k for k, x in enumerate(boolean_points(len(inner[0])))}
    return tuple(outer[index[y]] for y in inner)


def format_table(table: Table) -> str:
    """A one-line human-readable form ``x->y, ...``.

    Examples
    --------
    >>> format_table(((0,), (1,)))
    '0->0, 1->1'
    """
    n = (len(table) - 1).bit_length()
    return ", ".join(
        f"{''.join(map(str, x))}->{''.join(map(str, y))}" for x, y in zip(boolean_points(n), table)
    )

"""Truth tables of threshold units on {0,1}^n, by evaluating every input (Heaviside H(r) = [r > 0]):
one synchronous step, one sequential sweep, and iterates of a map."""

from __future__ import annotations

import itertools


def cube(n):
    """The points of {0,1}^n in lexicographic order, the order of a truth table.

    Examples
    --------
    >>> cube(2)
    [(0, 0), (0, 1), (1, 0), (1, 1)]
    """
    return list(itertools.product((0, 1), repeat=n))


def step_table(weights, thresholds, n):
    """The map x ↦ H(Wx + θ) on {0,1}^n: one output tuple per input, inputs in lexicographic order.

    Examples
    --------
    AND and OR of two inputs as the two outputs of one step:

    >>> from fractions import Fraction
    >>> step_table([[1, 1], [1, 1]], [Fraction(-3, 2), Fraction(-1, 2)], 2)
    ((0, 0), (0, 1), (0, 1), (1, 1))
    """
    return tuple(
        tuple(1 if sum(w * v for w, v in zip(row, x)) + t > 0 else 0 for row, t in zip(weights, thresholds))
        for x in cube(n)
    )


def sweep_table(weights, thresholds, n):
    """One sequential sweep on {0,1}^n: unit i is updated in turn and sees units 1..i-1 already updated.

    Examples
    --------
    Each unit copies the other: the synchronous step swaps the bits, the sweep copies the second bit
    into the first and keeps it there:

    >>> from fractions import Fraction
    >>> copy = [[0, 1], [1, 0]], [Fraction(-1, 2), Fraction(-1, 2)]
    >>> step_table(*copy, 2)
    ((0, 0), (1, 0), (0, 1), (1, 1))
    >>> sweep_table(*copy, 2)
    ((0, 0), (1, 1), (0, 0), (1, 1))
    """
    table = []
    for x in cube(n):
        state = list(x)
        for i, (row, t) in enumerate(zip(weights, thresholds)):
            state[i] = 1 if sum(w * v for w, v in zip(row, state)) + t > 0 else 0
        table.append(tuple(state))
    return tuple(table)


def iterate(table, k):
    """The k-th iterate of a map {0,1}^n → {0,1}^n given by its truth table (k ≥ 1).

    Examples
    --------
    The swap of two bits is an involution; "copy the first bit" is idempotent:

    >>> swap = ((0, 0), (1, 0), (0, 1), (1, 1))
    >>> iterate(swap, 2) == tuple(cube(2)), iterate(swap, 3) == swap
    (True, True)
    >>> iterate(((0, 0), (0, 0), (1, 1), (1, 1)), 5)
    ((0, 0), (0, 0), (1, 1), (1, 1))
    """
    index = {x: i for i, x in enumerate(cube(len(table[0])))}
    result = table
    for _ in range(k - 1):
        result = tuple(table[index[y]] for y in result)
    return result

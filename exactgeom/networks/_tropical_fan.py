"""The partition enumeration behind :class:`~exactgeom.networks.TropicalClassifier` (private).

A partial partition of the first ``N`` points into ``j`` blocks (a restricted-growth
string) is realizable when ``K`` affine functions exist, block ``b``'s function the
unique maximum at the points of block ``b``; the ``K - j`` unused functions can always
be put below everything, so the strict system may as well compare every point's block
with all ``K`` functions.  Then the rows of a point depend only on its own block, and
the system of an extension is its parent's plus the ``K - 1`` rows of the new point.

So the enumeration keeps, with each realizable partial partition, a pplpy polyhedron
``{theta : R theta >= 1}`` (lineality factored out by fixing the last function to 0)
and decides an extension by copying it and adding the new rows: an incremental
double-description step instead of a fresh one.  An extension that the parent's
witness already satisfies (the new point's block is the witness's unique maximum
there) needs no LP at all; its polyhedron is made only if a descendant needs one.

For a certificate each rejected extension also needs Gordan multipliers.  They
are supported on the rows of a few points and depend only on the partition of
those points, so one exact LP serves every rejected extension of the level
that partitions them alike (:class:`_Refutations`): for 9 points and ``(2, 2)``
terms, 110 LPs for 2039 rejected extensions.
"""

from __future__ import annotations

import math
from fractions import Fraction

import ppl

from ..errors import TooLarge
from ..polyhedra.cones import gordan_multipliers

LPS_PER_SECOND = 1000
"""The fixed rate at which the deprecated ``max_seconds=`` budget is converted to LPs."""

DEFAULT_MAX_LPS = 10_000_000
"""Default LP budget of :meth:`TropicalClassifier.realizable_partitions` (hours of exact LPs)."""


def _cone_rows(assignment, lifted, K: int, width: int) -> list[list[int]]:
    """Rows of ``(theta_b - theta_l) . (1, p) > 0``; the last term's function is fixed to 0."""
    nvars = (K - 1) * width
    rows = []
    for p, b in zip(lifted, assignment):
        for l in range(K):
            if l == b:
                continue
            r = [0] * nvars
            if b < K - 1:
                r[b * width : (b + 1) * width] = p
            if l < K - 1:
                r[l * width : (l + 1) * width] = [-v for v in p]
            rows.append(r)
    return rows


def _block_functions(witness, j: int, width: int) -> list[tuple]:
    """The affine functions ``(c, w)`` of blocks ``0..j-1``: witness slices, then the zero function."""
    functions = [tuple(witness[b * width : (b + 1) * width]) for b in range(j - 1)]
    return functions + [(Fraction(0),) * width]


def _partition_witness(theta, divisor: int, j: int, width: int) -> tuple[Fraction, ...]:
    """Block functions ``0..j-2`` minus block ``j - 1``'s, from all ``K`` functions ``theta / divisor``.

    ``theta`` fixes the last of the ``K`` functions to 0; subtracting block ``j - 1``'s
    function from every block (the lineality space) gives the layout of
    :attr:`RealizablePartition.witness`, where block ``j - 1`` has the zero function.
    """
    K = len(theta) // width + 1
    full = list(theta) + [0] * width
    last = full[(j - 1) * width : j * width] if j - 1 < K else [0] * width
    return tuple(
        Fraction(full[b * width + i] - last[i], divisor) for b in range(j - 1) for i in range(width)
    )


class _State:
    """A realizable partial partition with an integer witness and a lazily built polyhedron.

    ``theta`` (ints, the last function fixed to 0) over ``divisor`` satisfies every row
    of ``blocks``; ``polyhedron`` (or ``None``) is ``{R theta >= 1}`` for the rows of the
    first ``upto`` points.
    """

    __slots__ = ("blocks", "num_blocks", "theta", "divisor", "polyhedron", "upto")

    def __init__(self, blocks, num_blocks, theta, divisor, polyhedron, upto):
        self.blocks = blocks
        self.num_blocks = num_blocks
        self.theta = theta
        self.divisor = divisor
        self.polyhedron = polyhedron
        self.upto = upto

    def __getstate__(self):  # pplpy objects do not pickle: an executor's worker rebuilds them
        return (self.blocks, self.num_blocks, self.theta, self.divisor)

    def __setstate__(self, state):
        self.blocks, self.num_blocks, self.theta, self.divisor = state
        self.polyhedron, self.upto = None, 0


def _root(K: int, width: int) -> _State:
    """The one partition of the first point, with a witness: block 0 above all other functions."""
    theta = [0] * ((K - 1) * width)
    if K > 1:
        theta[0] = 1
        for l in range(1, K - 1):
            theta[l * width] = -1
    return _State((0,), 1, tuple(theta), 1, None, 0)


def _add_rows(polyhedron, rows) -> None:
    for r in rows:
        polyhedron.add_constraint(ppl.Linear_Expression(r, -1) >= 0)


def _polyhedron(state: _State, blocks, lifted, K: int, width: int):
    """A new polyhedron ``{R theta >= 1}`` for the rows of ``blocks`` (a one-point extension of ``state``)."""
    dimension = (K - 1) * width
    if state.polyhedron is None:
        polyhedron = ppl.C_Polyhedron(dimension, "universe")
        start = 0
    else:
        polyhedron = ppl.C_Polyhedron(state.polyhedron)
        start = state.upto
    _add_rows(polyhedron, _cone_rows(blocks[start:], lifted[start : len(blocks)], K, width))
    return polyhedron


_DISJOINT = ppl.Poly_Con_Relation.is_disjoint()


def _cut_off(polyhedron, rows) -> bool:
    """Whether one of ``rows`` alone misses ``polyhedron`` (``r . theta >= 1`` nowhere on it).

    A cheap sufficient test of emptiness: pplpy reads it off the generators already computed.
    """
    return any(
        polyhedron.relation_with(ppl.Linear_Expression(r, -1) >= 0).implies(_DISJOINT) for r in rows
    )


def _extend(states, lifted, K: int, refuted: list | None = None):
    """Extend partial partitions of ``lifted[:N]`` by point ``N = len(blocks)``; keep the realizable ones.

    Returns the new states and the number of LPs (incremental emptiness tests) solved.
    With ``refuted`` (a list), each rejected extension is appended with its Gordan multipliers.
    """
    width = len(lifted[0])
    dimension = (K - 1) * width
    out = []
    lps = 0
    refutations = _Refutations()
    for state in states:
        blocks, j, theta = state.blocks, state.num_blocks, state.theta
        N = len(blocks)
        p = lifted[N]
        values = [sum(a * b for a, b in zip(theta[k * width : (k + 1) * width], p)) for k in range(K - 1)]
        values.append(0)
        top = max(values)
        winners = [k for k, v in enumerate(values) if v == top]
        for b in range(min(j + 1, K)):
            new_blocks = blocks + (b,)
            jj = max(j, b + 1)
            if len(winners) == 1 and b == winners[0]:
                # the parent's witness still works; the polyhedron waits for a descendant's LP
                out.append(_State(new_blocks, jj, theta, state.divisor, state.polyhedron, state.upto))
                continue
            lps += 1
            if state.polyhedron is None or state.upto < N:
                state.polyhedron = _polyhedron(state, blocks, lifted, K, width)
                state.polyhedron.is_empty()  # minimized, so the copies below convert incrementally
                state.upto = N
            if _cut_off(state.polyhedron, _cone_rows(new_blocks[N:], lifted[N : N + 1], K, width)):
                polyhedron = None
            else:
                polyhedron = _polyhedron(state, new_blocks, lifted, K, width)
            if polyhedron is not None and not polyhedron.is_empty():
                point = next(g for g in polyhedron.generators() if g.is_point())
                coefficients = [int(c) for c in point.coefficients()]
                coefficients += [0] * (dimension - len(coefficients))
                witness = tuple(coefficients)
                out.append(_State(new_blocks, jj, witness, int(point.divisor()), polyhedron, N + 1))
            elif refuted is not None:
                refuted.append((new_blocks, refutations.multipliers(new_blocks, lifted, width)))
    return out, lps


def _restriction(blocks, support) -> tuple[tuple[int, ...], list[int]]:
    """The blocks of the ``support`` points renumbered by first appearance, and the renumbering's inverse."""
    renumbered: dict[int, int] = {}
    pattern = tuple(renumbered.setdefault(blocks[i], len(renumbered)) for i in support)
    return pattern, list(renumbered)


class _Refutations:
    """Gordan multipliers for the rejected extensions of one level, reusing earlier ones.

    Multipliers ``y`` of a rejected extension are non-zero only on rows of some
    points ``S`` (the *support*), and each such row compares two blocks of points
    of ``S``: a block with no point in ``S`` would receive only the terms
    ``-y_r (1, p)``, whose first entries are positive and cannot cancel.  So ``y``
    depends only on the restriction of the partition to ``S``, renumbered, and
    refutes every extension with the same restriction (relabelling blocks maps
    the combination ``sum y_r R_r = 0`` to another one).  One exact LP is solved
    per restriction, not per extension.
    """

    def __init__(self):
        # support -> restriction pattern -> [(point, own block, other block, y)] in pattern numbering
        self._known: dict[tuple[int, ...], dict[tuple[int, ...], list]] = {}

    def multipliers(self, blocks, lifted, width: int) -> tuple[Fraction, ...]:
        """Gordan multipliers for the strict system of the rejected extension ``blocks``."""
        j = max(blocks) + 1
        # the newest support first, and one that refutes is moved to the front: neighbouring
        # extensions tend to share it (the order depends on the input alone)
        for support in reversed(self._known):
            pattern, actual = _restriction(blocks, support)
            template = self._known[support].get(pattern)
            if template is not None:
                self._known[support] = self._known.pop(support)
                y = [Fraction(0)] * (len(blocks) * (j - 1))
                for i, own, other, value in template:
                    b, l = actual[own], actual[other]
                    y[i * (j - 1) + (l if l < b else l - 1)] = value
                return tuple(y)
        # the certified rows compare each point with the partition's own blocks only:
        # infeasible with them exactly when with all K functions (unused ones go below)
        scaled = gordan_multipliers(_cone_rows(blocks, lifted[: len(blocks)], j, width), (j - 1) * width)
        rows = [(i, b, l) for i, b in enumerate(blocks) for l in range(j) if l != b]
        # lifted[i] is (1, p_i) times lifted[i][0] > 0: the certificate's rows are those of (1, p_i)
        y = [v * lifted[i][0] for (i, _, _), v in zip(rows, scaled)]
        total = sum(y)
        y = tuple(v / total for v in y)
        support = tuple(sorted({i for (i, _, _), v in zip(rows, y) if v}))
        pattern, actual = _restriction(blocks, support)
        number = {b: k for k, b in enumerate(actual)}
        self._known.setdefault(support, {})[pattern] = [
            (i, number[b], number[l], v) for (i, b, l), v in zip(rows, y) if v
        ]
        return y


def _predicted_lps(sizes, lps_per_partition: float, left: int, max_exponent: int) -> float:
    """Extrapolated number of LPs for the remaining ``left`` points of the partition enumeration.

    ``sizes[i]`` is the number of realizable partitions of the first ``i + 1`` points.  The
    count is a number of maximal cones of a fan in dimension D = (K - 1)(d + 1) (lineality
    removed), the normal fan of a Minkowski sum of N polytopes with N·C(K, 2) edge directions,
    so it grows at most like N^(D - 1) (Gritzmann and Sturmfels, 1993).  The growth is modelled
    as ``c N^e`` with e read off the last two counts and capped at D - 1; each partition costs
    ``lps_per_partition`` LPs, the last point's rate (it grows with the number of points, so this
    errs low).  ``0.0`` while fewer than five counts are known.  A heuristic: callers refuse
    only far beyond their budget.  Everything here is counted, nothing is timed.

    Examples
    --------
    >>> round(_predicted_lps([1, 2, 4, 8, 16], 1.0, 2, 10), 2)  # e = log 2 / log(5/4) = 3.1
    44.19
    >>> _predicted_lps([1, 2, 4, 8, 16], 1.0, 2, 1)    # e capped at 1: 16, then 16 * 6/5
    35.2
    """
    if len(sizes) < 5:
        return 0.0
    N = len(sizes)
    exponent = min(max_exponent, math.log(sizes[-1] / sizes[-2]) / math.log(N / (N - 1)))
    total = sum(sizes[-1] * (M / N) ** exponent for M in range(N, N + left))
    return total * lps_per_partition


def _extend_level(states, lifted, K: int, executor=None):
    """:func:`_extend` on all states, in chunks on ``executor`` when there are many."""
    if executor is None or len(states) < 64:
        return _extend(states, lifted, K)
    size = max(16, len(states) // 32)
    futures = [executor.submit(_extend, states[i : i + size], lifted, K) for i in range(0, len(states), size)]
    out, total = [], 0
    try:
        for future in futures:
            part, lps = future.result()
            out.extend(part)
            total += lps
    finally:
        for future in futures:
            future.cancel()
    return out, total


def _check_budget(sizes, lps: int, num_points: int, K: int, width: int, max_partitions: int, max_lps) -> None:
    """Raise :class:`TooLarge` when the rest of the enumeration clearly exceeds the budget.

    ``sizes`` are the partition counts of the prefixes so far, ``lps`` the LPs of the last point.
    """
    N, partitions = len(sizes) - 1, sizes[-1]
    left = num_points - N - 1
    if not left:
        return
    at_least = partitions * left if K > 1 else 0
    predicted = _predicted_lps(sizes, max(1, lps) / sizes[-2], left, (K - 1) * width - 1)
    if partitions > max_partitions:
        reason = f"max_partitions={max_partitions}"
        estimate, limit, unit = partitions, max_partitions, "partitions"
    elif max_lps is not None and at_least > max_lps:
        reason = f"max_lps={max_lps}; at least {at_least} LPs"
        estimate, limit, unit = at_least, max_lps, "LPs"
    elif max_lps is not None and predicted > 4 * max_lps:
        reason = f"max_lps={max_lps}; about {predicted:.2g} LPs extrapolated"
        estimate, limit, unit = round(predicted), max_lps, "LPs"
    else:
        return
    raise TooLarge(
        f"the first {N + 1} of {num_points} points already have {partitions} "
        f"realizable partitions, {sizes} so far ({reason}); the remaining {left} points "
        f"would take at least {at_least} more LPs (each partition needs an LP per later "
        "point, and the count never decreases). Use fewer points or terms, or raise the "
        "limit",
        estimate=estimate, limit=limit, unit=unit,
    )

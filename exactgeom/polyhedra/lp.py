"""Exact linear programming over Q with pplpy's ``MIP_Problem`` (a rational simplex method).

:func:`linear_program` is the package's one LP solver: it optimises a linear
function over a closed polyhedron given by dense or sparse rows, with sign
constraints ``x_j >= 0`` passed as variable bounds, and does no
double-description work.  Everything else here is an LP built on it: proving
an optimum (:func:`dual_multipliers`, :func:`improving_direction`), deciding
whether a system with strict rows has a solution (:func:`point_of`), and
finding Motzkin multipliers that prove a system has none
(:func:`motzkin_multipliers`).  Rows are triples ``(row, kind, rhs)`` of
Fractions, as stored by :class:`~exactgeom.polyhedra.Polyhedron`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

import ppl

from . import _ppl

__all__ = [
    "LinearProgramResult",
    "linear_program",
    "normalised_rows",
    "point_of",
    "motzkin_multipliers",
    "dual_multipliers",
    "improving_direction",
]

_FLIP = {">=": "<=", ">": "<"}
_CLOSED_KINDS = ("<=", "==", ">=")


@dataclass(frozen=True)
class LinearProgramResult:
    """Outcome of an exact linear program.

    Attributes
    ----------
    status : str
        ``"optimal"``, ``"infeasible"`` or ``"unbounded"``.
    value : Fraction or None
        The optimal value (``None`` unless ``status == "optimal"``).
    point : tuple of Fraction or None
        A point of the feasible set attaining ``value`` (``None`` unless optimal).

    Examples
    --------
    >>> from exactgeom.polyhedra import Polyhedron
    >>> Polyhedron.from_expressions(["0 <= x <= 2", "0 <= y", "x + y <= 3"]).maximize([1, 2])
    LinearProgramResult(status='optimal', value=Fraction(6, 1), point=(Fraction(0, 1), Fraction(3, 1)))
    """

    status: str
    value: Fraction | None = None
    point: tuple[Fraction, ...] | None = None


def normalised_rows(constraints):
    """Rows rewritten with kinds ``"<="``, ``"<"`` or ``"=="`` only (``>=``/``>`` rows negated).

    Returns a list of ``(row, kind, rhs, negated)``.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> normalised_rows([((F(1), F(2)), ">", F(3))])
    [((Fraction(-1, 1), Fraction(-2, 1)), '<', Fraction(-3, 1), True)]
    """
    out = []
    for row, kind, rhs in constraints:
        if kind in _FLIP:
            out.append((tuple(-a for a in row), _FLIP[kind], -rhs, True))
        else:
            out.append((row, kind, rhs, False))
    return out


def _solve(dimension: int, system: ppl.Constraint_System, objective: ppl.Linear_Expression, mode: str):
    problem = ppl.MIP_Problem(dimension, system, objective, mode)
    status = problem.solve()["status"]
    if status == "unfeasible":
        return "infeasible", None, None
    if status == "unbounded":
        return "unbounded", None, None
    value = _ppl.mpq_to_fraction(problem.optimal_value())
    point = _ppl.generator_vector(problem.optimizing_point(), dimension)
    return "optimal", value, point


def _dense(row, dimension: int, where: str) -> list:
    """``row`` as a list of length ``dimension``; a Mapping ``{column: coefficient}`` is sparse."""
    if isinstance(row, Mapping):
        dense = [0] * dimension
        for j, a in row.items():
            if isinstance(j, bool) or not isinstance(j, int) or not 0 <= j < dimension:
                raise ValueError(f"{where} names column {j!r}; columns are the ints 0..{dimension - 1}")
            dense[j] = a
        return dense
    if len(row) != dimension:
        raise ValueError(f"{where} has {len(row)} entries but the dimension is {dimension}")
    return row


def linear_program(
    dimension: int, constraints, objective, sense: str, *, nonnegative=()
) -> LinearProgramResult:
    """Optimise ``objective . x`` over the closed polyhedron of ``constraints`` (no strict rows).

    This is the package's one exact LP solver (pplpy's rational simplex,
    ``MIP_Problem``); it does no double-description work.

    Parameters
    ----------
    dimension : int
        Number of variables ``x_0 .. x_{dimension-1}``.
    constraints : sequence of (row, kind, rhs)
        ``row . x  kind  rhs`` with kind in ``"<="``, ``"=="``, ``">="``.  A row is
        a sequence of ``dimension`` exact scalars (Fraction or int) or, for sparse
        rows, a mapping ``{column: coefficient}``.
    objective : sequence of ``dimension`` exact scalars, or a mapping ``{column: coefficient}``
    sense : {"minimize", "maximize"}
    nonnegative : iterable of int, optional
        Columns ``j`` constrained by ``x_j >= 0``.  These are passed to the simplex
        as variable bounds (``Variable(j) >= 0``) rather than as rows, which is much
        cheaper than ``len(nonnegative)`` dense identity rows.

    Returns
    -------
    LinearProgramResult
        ``point`` is an optimal vertex (or optimal point) when ``status == "optimal"``.

    Raises
    ------
    ValueError
        An unknown ``sense`` or row kind (strict rows included: relax them first),
        a row of the wrong length, a column out of range.

    Notes
    -----
    Rows and the objective are scaled to integers by positive factors (which
    changes neither the feasible set nor the optimisers); the optimal value is
    scaled back.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> linear_program(1, [((F(1),), ">=", F(1, 3))], (F(2),), "minimize")
    LinearProgramResult(status='optimal', value=Fraction(2, 3), point=(Fraction(1, 3),))

    Sparse rows and sign bounds: ``|-5/2|`` as ``min u + v`` subject to
    ``u - v == -5/2`` and ``u, v >= 0`` (bounds, not rows):

    >>> linear_program(2, [({0: 1, 1: -1}, "==", F(-5, 2))], {0: 1, 1: 1}, "minimize", nonnegative=[0, 1])
    LinearProgramResult(status='optimal', value=Fraction(5, 2), point=(Fraction(0, 1), Fraction(5, 2)))
    >>> linear_program(1, [((1,), "<=", 0)], (1,), "minimize").status
    'unbounded'
    >>> linear_program(1, [((1,), "<", 0)], (1,), "minimize")
    Traceback (most recent call last):
        ...
    ValueError: constraints[0] has kind '<'; linear_program takes '<=', '==', '>=' (relax strict rows first)
    """
    if sense not in ("minimize", "maximize"):
        raise ValueError(f"sense must be 'minimize' or 'maximize', not {sense!r}")
    system = ppl.Constraint_System()
    for i, (row, kind, rhs) in enumerate(constraints):
        if kind not in _CLOSED_KINDS:
            raise ValueError(
                f"constraints[{i}] has kind {kind!r}; linear_program takes '<=', '==', '>=' "
                "(relax strict rows first)"
            )
        system.insert(_ppl.constraint(_dense(row, dimension, f"constraints[{i}]"), kind, rhs))
    for j in nonnegative:
        if isinstance(j, bool) or not isinstance(j, int) or not 0 <= j < dimension:
            raise ValueError(f"nonnegative names column {j!r}; columns are the ints 0..{dimension - 1}")
        system.insert(ppl.Variable(j) >= 0)
    objective = _dense(objective, dimension, "objective")
    # A positive multiple of the objective has the same optimisers; divide the value back.
    scaled, _ = _ppl.integer_row(objective, Fraction(0))
    scale = next((Fraction(s) / c for s, c in zip(scaled, objective) if c), Fraction(1))
    status, value, point = _solve(
        dimension,
        system,
        ppl.Linear_Expression(scaled, 0),
        "minimization" if sense == "minimize" else "maximization",
    )
    if status != "optimal":
        return LinearProgramResult(status)
    return LinearProgramResult(status, value / scale, point)


def point_of(dimension: int, constraints) -> tuple[Fraction, ...] | None:
    """Some point satisfying every row (strict rows strictly), or ``None`` when there is none.

    Notes
    -----
    One exact LP in the variables ``(x, t)``: maximise ``t`` subject to the
    closed rows, ``a . x + t <= b`` for each strict row ``a . x < b`` and
    ``t <= 1``.  The system has a solution exactly when the optimum is
    positive: a solution ``x`` with least strict slack ``s > 0`` makes
    ``(x, min(s, 1))`` feasible, and conversely ``t > 0`` forces every strict
    row to hold strictly at ``x``.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> point_of(1, [((F(1),), ">", F(0)), ((F(1),), "<", F(1))]) is not None
    True
    >>> point_of(1, [((F(1),), ">", F(0)), ((F(1),), "<", F(0))]) is None
    True
    """
    one, zero = Fraction(1), Fraction(0)
    rows = [
        ((*row, one if kind == "<" else zero), "<=" if kind == "<" else kind, rhs)
        for row, kind, rhs, _ in normalised_rows(constraints)
    ]
    rows.append(({dimension: one}, "<=", one))
    result = linear_program(dimension + 1, rows, {dimension: one}, "maximize")
    if result.status != "optimal" or result.value <= 0:
        return None
    return result.point[:dimension]


def motzkin_multipliers(dimension: int, constraints) -> list[Fraction] | None:
    r"""Multipliers proving that ``constraints`` has no solution, or ``None`` if none exist.

    With every row normalised to ``a_i . x <= b_i``, ``a_i . x < b_i`` or
    ``a_i . x == b_i``, the result ``y`` (one entry per row, in the original
    order, for the normalised rows) satisfies ``y_i >= 0`` on inequality rows,
    ``sum_i y_i a_i = 0`` and either ``sum_i y_i b_i < 0``, or
    ``sum_i y_i b_i <= 0`` with ``y_i > 0`` on some strict row.

    Notes
    -----
    Motzkin's transposition theorem says such ``y`` exists exactly when the
    system has no solution.  One exact LP finds it: maximise
    ``sum_{strict} y_i - sum_i y_i b_i`` subject to ``sum_i y_i a_i = 0``,
    ``sum_i y_i b_i <= 0``, sign constraints, and the normalisation
    ``sum_{strict} y_i - sum_i y_i b_i <= 1``.  Both terms of the objective are
    non-negative on the feasible set, ``y = 0`` is feasible and the optimum is
    at most 1, so the LP is solvable; its optimum is positive exactly when
    some feasible ``y`` has ``sum b y < 0`` or positive strict mass, i.e. is a
    certificate.  Rows are scaled to integers (by positive factors) for
    pplpy and the multipliers scaled back.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> motzkin_multipliers(1, [((F(1),), ">", F(0)), ((F(1),), "<", F(0))])
    [Fraction(1, 2), Fraction(1, 2)]
    """
    rows = normalised_rows(constraints)
    m = len(rows)
    scaled = [_ppl.integer_row(row, rhs) for row, _, rhs, _ in rows]
    combined_rhs = [constant for _, constant in scaled]
    objective = [int(kind == "<") - constant for (_, kind, _, _), constant in zip(rows, combined_rhs)]
    transposed = [([coefficients[j] for coefficients, _ in scaled], "==", 0) for j in range(dimension)]
    transposed += [(combined_rhs, "<=", 0), (objective, "<=", 1)]
    inequalities = [i for i, (_, kind, _, _) in enumerate(rows) if kind != "=="]
    result = linear_program(m, transposed, objective, "maximize", nonnegative=inequalities)
    if result.status != "optimal" or result.value <= 0:
        return None
    point = result.point
    # z multiplies the integer-scaled row L_i (a_i, b_i); as a multiplier of (a_i, b_i) it is z_i L_i.
    return [z * _ppl.denominator_lcm(row, rhs) for (row, _, rhs, _), z in zip(rows, point)]


_DUAL_SIGN = {  # sign of the multiplier of a row, by (sense, kind): +1 means >= 0, -1 means <= 0
    ("minimize", ">="): 1,
    ("minimize", "<="): -1,
    ("maximize", "<="): 1,
    ("maximize", ">="): -1,
}


def dual_multipliers(dimension: int, constraints, objective, sense: str) -> list[Fraction] | None:
    r"""Multipliers ``lam`` with ``sum_i lam_i a_i = objective`` proving the optimum of a closed LP.

    For ``sense="minimize"``: ``lam_i >= 0`` on ``>=`` rows, ``<= 0`` on ``<=``
    rows, free on equations; then every feasible ``x`` has
    ``objective . x = sum lam_i a_i . x >= sum lam_i b_i``, so the bound
    ``sum lam_i b_i`` equals the minimum when it is attained.  For
    ``"maximize"`` the signs are reversed and the inequality too.  Found by the
    dual LP (maximise, resp. minimise, ``sum lam_i b_i``), whose optimum equals
    the primal one by LP duality.  Returns ``None`` if the dual is infeasible
    (the primal is unbounded or infeasible).

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> rows = [((F(1), F(0)), ">=", F(0)), ((F(0), F(1)), ">=", F(0)), ((F(1), F(1)), ">=", F(2))]
    >>> dual_multipliers(2, rows, (F(1), F(2)), "minimize")
    [Fraction(0, 1), Fraction(1, 1), Fraction(1, 1)]
    """
    m = len(constraints)
    # mu multiplies the integer-scaled row L_i (a_i, b_i); as a multiplier of (a_i, b_i) it is mu_i L_i.
    scaled = [_ppl.integer_row(row, rhs) for row, _, rhs in constraints]
    rows = [([coefficients[j] for coefficients, _ in scaled], "==", objective[j]) for j in range(dimension)]
    signs = [_DUAL_SIGN.get((sense, kind)) for _, kind, _ in constraints]
    rows += [({i: 1}, "<=", 0) for i, sign in enumerate(signs) if sign == -1]
    nonnegative = [i for i, sign in enumerate(signs) if sign == 1]
    bound = [constant for _, constant in scaled]
    dual_sense = "maximize" if sense == "minimize" else "minimize"
    result = linear_program(m, rows, bound, dual_sense, nonnegative=nonnegative)
    if result.status != "optimal":
        return None
    return [mu * _ppl.denominator_lcm(row, rhs) for (row, _, rhs), mu in zip(constraints, result.point)]


def improving_direction(dimension: int, constraints, objective, sense: str) -> tuple[Fraction, ...] | None:
    """A direction ``r`` of the recession cone of a closed system along which the objective improves.

    ``a_i . r`` has the sign of row ``i`` (``<= 0`` for ``<=`` rows, ``>= 0`` for
    ``>=`` rows, ``0`` for equations) and ``objective . r`` is ``-1``
    (minimising) or ``1`` (maximising); ``None`` when no such direction exists.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> improving_direction(2, [((F(1), F(-1)), "<=", F(0))], (F(0), F(-1)), "minimize")
    (Fraction(0, 1), Fraction(1, 1))
    """
    homogeneous = [(row, kind, Fraction(0)) for row, kind, _ in constraints]
    target = -1 if sense == "minimize" else 1
    bounded = homogeneous + [(tuple(objective), ">=" if sense == "minimize" else "<=", Fraction(target))]
    result = linear_program(dimension, bounded, objective, sense)
    if result.status != "optimal" or result.value != target:
        return None
    return result.point

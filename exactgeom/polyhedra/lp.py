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

Numeric-first engine
--------------------
:func:`point_of` and :func:`motzkin_multipliers` first ask a floating-point
LP (scipy's HiGHS, the optional extra ``numeric``) for a *proposal*, and
accept it only after an exact check in Fractions: a rationalized point must
satisfy every row (strict rows strictly), rationalized multipliers must pass
every condition of Motzkin's theorem.  When the proposal fails its check, or
scipy is not installed, the exact simplex above decides.  Nothing returned
is ever a float, and the answers (feasible or not) are the exact ones; only
the witness point or the multipliers may differ from those the exact simplex
would give (both are checked exactly either way).  The engine is chosen by
:data:`ENGINE` (``"numeric"`` or ``"exact"``), which defaults to the
environment variable ``EXACTGEOM_LP`` and otherwise to ``"exact"``;
:func:`lp_engine` gives the engine in effect (``"exact"`` whenever scipy
cannot be imported).  So with the default every result and certificate is the
same whether or not scipy is installed; only ``EXACTGEOM_LP=numeric`` can
change a witness.  The default is exact because on the package's typical LPs
(a few to a few dozen rows) one ``scipy.optimize.linprog`` call costs more
than pplpy's whole exact solve: measured in one run, the 9-point (2, 2)
tropical fan certificate 1.4 s exact vs 1.9 s numeric-first (after importing
scipy, itself about 0.7 s), the linear regions of a (2, 6, 6, 1) ReLU network
0.55 s vs 5.7 s.
"""

from __future__ import annotations

import os
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
    "ENGINE",
    "lp_engine",
]

ENGINE = os.environ.get("EXACTGEOM_LP", "exact")
"""``"numeric"`` (float proposals checked exactly, exact fallback) or ``"exact"`` (pplpy's simplex only)."""

# Denominator bounds tried, in order, when a float proposal is rationalized.
_DENOMINATORS = (1, 2, 12, 360, 10**4, 10**6, 10**9)


def _scipy_available() -> bool:
    """Whether scipy can be imported (looked up without importing it: importing scipy is slow)."""
    import importlib.util

    return importlib.util.find_spec("scipy") is not None


def _import_linprog():
    """scipy's ``linprog`` (imported on first use)."""
    from scipy.optimize import linprog

    return linprog


def lp_engine() -> str:
    """The engine in effect: ``"numeric"`` if :data:`ENGINE` asks for it and scipy imports, else ``"exact"``.

    Raises
    ------
    ValueError
        :data:`ENGINE` (or ``EXACTGEOM_LP``) is neither ``"numeric"`` nor ``"exact"``.

    Examples
    --------
    >>> lp_engine() in ("numeric", "exact")
    True
    """
    if ENGINE not in ("numeric", "exact"):
        raise ValueError(f"the LP engine is {ENGINE!r}; set EXACTGEOM_LP (or lp.ENGINE) to "
                         "'numeric' or 'exact'")
    if ENGINE == "exact" or not _scipy_available():
        return "exact"
    return "numeric"

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


def satisfies(point, constraints) -> bool:
    """Whether the exact ``point`` satisfies every row ``(row, kind, rhs)`` (strict rows strictly).

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> satisfies((F(1, 2),), [((F(1),), ">", F(0)), ((F(1),), "<=", F(1, 2))])
    True
    >>> satisfies((F(0),), [((F(1),), ">", F(0))])
    False
    """
    tests = {"<=": lambda v: v <= 0, "<": lambda v: v < 0, "==": lambda v: v == 0,
             ">=": lambda v: v >= 0, ">": lambda v: v > 0}
    for row, kind, rhs in constraints:
        if not tests[kind](sum(a * x for a, x in zip(row, point) if a) - rhs):
            return False
    return True


def is_motzkin_certificate(multipliers, constraints) -> bool:
    """Whether ``multipliers`` prove ``constraints`` infeasible (as in :func:`motzkin_multipliers`).

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> rows = [((F(1),), ">", F(0)), ((F(1),), "<", F(0))]
    >>> is_motzkin_certificate([F(1), F(1)], rows), is_motzkin_certificate([F(1), F(0)], rows)
    (True, False)
    """
    rows = normalised_rows(constraints)
    if len(multipliers) != len(rows):
        return False
    for (_, kind, _, _), y in zip(rows, multipliers):
        if kind != "==" and y < 0:
            return False
    dimension = len(rows[0][0]) if rows else 0
    for j in range(dimension):
        if sum(y * row[j] for (row, _, _, _), y in zip(rows, multipliers) if y):
            return False
    total = sum(y * rhs for (_, _, rhs, _), y in zip(rows, multipliers) if y)
    return total < 0 or (total <= 0 and any(y > 0 for (_, kind, _, _), y in zip(rows, multipliers)
                                            if kind == "<"))


def _float_rows(rows, dimension: int):
    import numpy as np

    matrix = np.zeros((len(rows), dimension))
    for i, (row, *_rest) in enumerate(rows):
        for j, a in (row.items() if isinstance(row, Mapping) else enumerate(row)):
            matrix[i, j] = float(a)
    return matrix


def _rationalized(values):
    """Candidate exact vectors near the floats ``values``, smallest denominators first."""
    for bound in _DENOMINATORS:
        yield tuple(Fraction(float(v)).limit_denominator(bound) for v in values)


def _numeric_point(dimension: int, rows, linprog):
    """Float LP ``max t`` of :func:`point_of`; returns ``("point", x)``, ``("empty", None)`` or ``None``.

    ``"point"`` only for an exactly checked point, ``"empty"`` only when float
    Motzkin multipliers, rationalized, pass the exact check.
    """
    import numpy as np

    constraints = [(row, kind, rhs) for row, kind, rhs, _ in rows]
    A = _float_rows(rows, dimension)
    strict = np.array([kind == "<" for _, kind, _, _ in rows], dtype=float)
    b = np.array([float(rhs) for _, _, rhs, _ in rows])
    equal = np.array([kind == "==" for _, kind, _, _ in rows], dtype=bool)
    full = np.hstack([A, strict[:, None]]) if len(rows) else np.zeros((0, dimension + 1))
    cost = np.zeros(dimension + 1)
    cost[-1] = -1.0
    bounds = [(None, None)] * dimension + [(None, 1.0)]
    closed = ~equal
    result = linprog(cost, A_ub=full[closed] if closed.any() else None,
                     b_ub=b[closed] if closed.any() else None,
                     A_eq=full[equal] if equal.any() else None, b_eq=b[equal] if equal.any() else None,
                     bounds=bounds, method="highs")
    if result.status == 0 and result.x[-1] > 1e-9:
        for x in _rationalized(result.x[:dimension]):
            if satisfies(x, constraints):
                return "point", x
        return None
    if result.status in (0, 2):
        y = _numeric_motzkin(dimension, rows, linprog)
        if y is not None:
            return "empty", None
    return None


def _numeric_motzkin(dimension: int, rows, linprog):
    """A float proposal for :func:`motzkin_multipliers`, rationalized and checked exactly (else ``None``)."""
    import numpy as np

    m = len(rows)
    if m == 0:
        return None
    A = _float_rows(rows, dimension)
    b = np.array([float(rhs) for _, _, rhs, _ in rows])
    strict = np.array([kind == "<" for _, kind, _, _ in rows], dtype=float)
    objective = strict - b
    bounds = [(None, None) if kind == "==" else (0, None) for _, kind, _, _ in rows]
    result = linprog(-objective, A_ub=np.vstack([b, objective]), b_ub=[0.0, 1.0],
                     A_eq=A.T if dimension else None, b_eq=np.zeros(dimension) if dimension else None,
                     bounds=bounds, method="highs")
    if result.status != 0 or -result.fun <= 1e-9:
        return None
    top = float(np.abs(result.x).max())
    if not top > 0:
        return None
    constraints = [(row, kind, rhs) for row, kind, rhs, _ in rows]
    for y in _rationalized(result.x / top):
        if is_motzkin_certificate(y, constraints):
            return list(y)
    return None


def point_of(dimension: int, constraints) -> tuple[Fraction, ...] | None:
    """Some point satisfying every row (strict rows strictly), or ``None`` when there is none.

    With the numeric engine (:func:`lp_engine`) a float LP proposes first: a
    point is returned only after the exact check of every row, ``None`` only
    after exactly checked Motzkin multipliers; any other outcome goes to the
    exact LP below.

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
    if lp_engine() == "numeric":
        proposed = _numeric_point(dimension, normalised_rows(constraints), _import_linprog())
        if proposed is not None:
            return proposed[1]
    return _exact_point_of(dimension, constraints)


def _exact_point_of(dimension: int, constraints) -> tuple[Fraction, ...] | None:
    """:func:`point_of` by pplpy's exact simplex alone."""
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
    pplpy and the multipliers scaled back.  With the numeric engine, float
    multipliers from HiGHS are tried first and kept only when they pass
    :func:`is_motzkin_certificate` exactly (then they may differ from the
    exact LP's by a positive factor or be another certificate).

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> rows = [((F(1),), ">", F(0)), ((F(1),), "<", F(0))]
    >>> y = motzkin_multipliers(1, rows)
    >>> y[0] == y[1] > 0, is_motzkin_certificate(y, rows)
    (True, True)
    >>> motzkin_multipliers(1, [((F(1),), ">", F(0))]) is None
    True
    """
    rows = normalised_rows(constraints)
    if lp_engine() == "numeric":
        proposed = _numeric_motzkin(dimension, rows, _import_linprog())
        if proposed is not None:
            return proposed
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

"""Certificates for polyhedra: Motzkin multipliers for emptiness, a point for non-emptiness.

Both kinds carry the system itself in their claim, so the verifier
(:mod:`exactgeom.certificates.check_polyhedra`) needs nothing else::

    claim = {"statement": STATEMENTS[kind], "system": {"dimension": d, "variables": [...] or None,
                                                        "rows": [[...], ...], "kinds": [...], "rhs": [...]}}

``"nnc-emptiness"`` data: the rows normalised to ``<=``, ``<``, ``==`` (rows
with ``>=``/``>`` negated, flagged in ``negated``), one multiplier per row,
the right-hand side ``constant`` of the combination, its ``relation`` and the
``contradiction`` it derives (``"0 < c"`` with ``c <= 0`` or ``"0 <= c"`` with
``c < 0``), and ``weight``, the sum of the absolute values of the multipliers.
``"nnc-witness"`` data: ``point``.

``"lp-optimum"`` / ``"lp-unbounded"`` add ``objective``, ``sense`` (and
``value``) to the claim, which concerns the system with strict rows read as
closed; data: an optimal ``point`` and dual ``multipliers``, resp. a ``point``
and an improving ``direction`` (see :func:`lp_certificate`).

References
----------
T. S. Motzkin, *Beiträge zur Theorie der linearen Ungleichungen*, Dissertation, Basel 1936
(the transposition theorem behind ``"nnc-emptiness"``).
"""

from __future__ import annotations

from fractions import Fraction

from .. import _exact
from ..certificates import envelope
from ..certificates.check_polyhedra import STATEMENTS
from . import lp

__all__ = ["emptiness_certificate", "witness_certificate", "lp_certificate", "system_claim"]

_META = {"producer": "exactgeom.polyhedra", "engine": "pplpy MIP_Problem (exact rational simplex)"}


def _strs(values) -> list[str]:
    return [_exact.fraction_str(v) for v in values]


def system_claim(polyhedron) -> dict:
    """The system of ``polyhedron`` as plain JSON data (rationals as strings).

    Examples
    --------
    >>> from exactgeom.polyhedra import Polyhedron
    >>> system_claim(Polyhedron.from_expressions(["x < 1/2"]))
    {'dimension': 1, 'variables': ['x'], 'rows': [['1']], 'kinds': ['<'], 'rhs': ['1/2']}
    """
    return {
        "dimension": polyhedron.ambient_dimension,
        "variables": list(polyhedron.variables) if polyhedron.variables is not None else None,
        "rows": [_strs(row) for row, _, _ in polyhedron.constraints],
        "kinds": [kind for _, kind, _ in polyhedron.constraints],
        "rhs": _strs(rhs for _, _, rhs in polyhedron.constraints),
    }


def emptiness_certificate(polyhedron) -> dict:
    """An ``"nnc-emptiness"`` certificate for an empty polyhedron.

    The multipliers come from one exact LP (:func:`~exactgeom.polyhedra.lp.motzkin_multipliers`)
    and are scaled to coprime integers.

    Raises
    ------
    ValueError
        If the polyhedron has a point (the message gives one).

    Examples
    --------
    >>> from exactgeom.polyhedra import Polyhedron
    >>> cert = emptiness_certificate(Polyhedron.from_expressions(["x >= 1", "x <= 0"]))
    >>> cert["data"]["multipliers"], cert["data"]["contradiction"]
    (['1', '1'], '0 <= -1')
    >>> emptiness_certificate(Polyhedron.from_expressions(["x >= 1"]))
    Traceback (most recent call last):
        ...
    ValueError: the polyhedron is not empty: the point (1) satisfies every row; use witness_certificate() ...
    """
    d = polyhedron.ambient_dimension
    if not polyhedron.is_empty():
        point = lp.point_of(d, polyhedron.constraints)  # one LP, on this error path only
        raise ValueError(
            f"the polyhedron is not empty: the point ({', '.join(map(str, point))}) satisfies every row; "
            "use witness_certificate() to certify that"
        )
    multipliers = lp.motzkin_multipliers(d, polyhedron.constraints)
    if multipliers is None:  # Motzkin's theorem makes this unreachable; refuse rather than emit nonsense
        raise RuntimeError(
            "the LP found the system empty but no Motzkin multipliers; please report this system"
        )
    rows = lp.normalised_rows(polyhedron.constraints)
    # A row reading 0 = 0 contributes nothing; a zero multiplier there keeps the certificate canonical.
    multipliers = [
        Fraction(0) if kind == "==" and not any(row) and not rhs else y
        for (row, kind, rhs, _), y in zip(rows, multipliers)
    ]
    multipliers = [Fraction(v) for v in _exact.primitive_integer_vector(multipliers, sign_normalize=False)]
    constant = sum((y * rhs for y, (_, _, rhs, _) in zip(multipliers, rows)), Fraction(0))
    strict = any(y > 0 and kind == "<" for y, (_, kind, _, _) in zip(multipliers, rows))
    relation = "<" if strict else "<="
    data = {
        "normalised_rows": [_strs(row) for row, _, _, _ in rows],
        "normalised_kinds": [kind for _, kind, _, _ in rows],
        "normalised_rhs": _strs(rhs for _, _, rhs, _ in rows),
        "negated": [negated for _, _, _, negated in rows],
        "multipliers": _strs(multipliers),
        "constant": _exact.fraction_str(constant),
        "relation": relation,
        "contradiction": f"0 {relation} {_exact.fraction_str(constant)}",
        "weight": _exact.fraction_str(sum((abs(y) for y in multipliers), Fraction(0))),
    }
    claim = {
        "statement": STATEMENTS["nnc-emptiness"],
        "system": system_claim(polyhedron),
    }
    return envelope("nnc-emptiness", claim, data, dict(_META))


def witness_certificate(polyhedron, point=None) -> dict:
    """An ``"nnc-witness"`` certificate that ``point`` (default: the witness) lies in the polyhedron.

    Raises
    ------
    ValueError
        If the polyhedron is empty (no default point) or ``point`` violates a row (named).

    Examples
    --------
    >>> from exactgeom.polyhedra import Polyhedron
    >>> witness_certificate(Polyhedron.from_expressions(["0 < x < 1"]))["data"]
    {'point': ['1/2']}
    >>> witness_certificate(Polyhedron.from_expressions(["0 < x < 1"]), [1])
    Traceback (most recent call last):
        ...
    ValueError: the point violates row 1 (x < 1)
    """
    d = polyhedron.ambient_dimension
    if point is None:
        point = polyhedron.witness()
        if point is None:
            raise ValueError("the polyhedron is empty, so it has no witness; use emptiness_certificate()")
    x = _exact.exact_vector(point, name="point", length=d)
    violated = polyhedron.violated_rows(x)
    if violated:
        i = violated[0]
        raise ValueError(f"the point violates row {i} ({polyhedron.constraint_texts()[i]})")
    claim = {
        "statement": STATEMENTS["nnc-witness"],
        "system": system_claim(polyhedron),
    }
    return envelope("nnc-witness", claim, {"point": _strs(x)}, dict(_META))


def lp_certificate(polyhedron, objective, sense: str = "minimize") -> dict:
    """A certificate for the outcome of ``polyhedron.minimize(objective)`` (or ``maximize``).

    * optimal: kind ``"lp-optimum"`` -- an optimal point of the relaxed system
      (strict rows read as closed) and dual multipliers whose bound equals its value;
    * unbounded: kind ``"lp-unbounded"`` -- a point and an improving direction of
      the recession cone;
    * infeasible: the ``"nnc-emptiness"`` certificate of the polyhedron.

    Examples
    --------
    >>> from exactgeom.certificates import verify
    >>> from exactgeom.polyhedra import Polyhedron
    >>> P = Polyhedron.from_expressions(["x >= 0", "y >= 0", "x + y >= 2"])
    >>> cert = lp_certificate(P, [1, 2])
    >>> cert["claim"]["value"], cert["data"]["multipliers"], bool(verify(cert))
    ('2', ['0', '1', '1'], True)
    >>> lp_certificate(P, [1, 2], "maximize")["kind"]
    'lp-unbounded'
    """
    if sense not in ("minimize", "maximize"):
        raise ValueError(f"sense must be 'minimize' or 'maximize', not {sense!r}")
    d = polyhedron.ambient_dimension
    c = _exact.exact_vector(objective, name="objective", length=d)
    result = polyhedron.minimize(c) if sense == "minimize" else polyhedron.maximize(c)
    if result.status == "infeasible":
        return emptiness_certificate(polyhedron)
    relaxed = [
        (row, {"<": "<=", ">": ">="}.get(kind, kind), rhs) for row, kind, rhs in polyhedron.constraints
    ]
    claim = {"system": system_claim(polyhedron), "objective": _strs(c), "sense": sense}
    if result.status == "unbounded":
        direction = lp.improving_direction(d, relaxed, c, sense)
        point = lp.point_of(d, relaxed)
        if direction is None or point is None:
            raise RuntimeError(
                "the LP is unbounded but no improving direction was found; please report this system"
            )
        claim["statement"] = STATEMENTS["lp-unbounded", sense]
        data = {"point": _strs(point), "direction": _strs(direction)}
        return envelope("lp-unbounded", claim, data, dict(_META))
    multipliers = lp.dual_multipliers(d, relaxed, c, sense)
    bound = None
    if multipliers is not None:
        bound = sum((y * rhs for y, (_, _, rhs) in zip(multipliers, relaxed)), Fraction(0))
    if bound != result.value:
        raise RuntimeError("LP duality failed to give matching bounds; please report this system")
    # Rows reading 0 <= 0 (or ==, >=) add nothing to the bound; zero multipliers keep the data canonical.
    multipliers = [
        Fraction(0) if not any(row) and not rhs else y for y, (row, _, rhs) in zip(multipliers, relaxed)
    ]
    claim["statement"] = STATEMENTS["lp-optimum", sense]
    claim["value"] = _exact.fraction_str(result.value)
    data = {"point": _strs(result.point), "multipliers": _strs(multipliers)}
    return envelope("lp-optimum", claim, data, dict(_META))

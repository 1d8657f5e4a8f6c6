"""Verifier for polyhedron certificates: ``nnc-emptiness``, ``nnc-witness``, ``lp-optimum``, ``lp-unbounded``.

Standard library only.  The theorem, all of it in the claim: the system
``claim.system`` (``dimension`` d, optional ``variables`` — names used in messages, or
``null`` — and one ``rows[i]`` / ``kinds[i]`` / ``rhs[i]`` per row, meaning
``rows[i] . x  kinds[i]  rhs[i]`` with kinds among ``<=, <, ==, >=, >``), plus for the linear
programs the ``objective``, the ``sense`` (``"minimize"``/``"maximize"``) and, for an optimum,
the ``value``.

Schema (every field read by :mod:`exactgeom.certificates._schema`; unknown or missing fields are
rejected; ``statement``, when present, must be exactly the text in :data:`STATEMENTS`)::

    claim.system        dimension, rows, kinds, rhs [, variables]
    nnc-emptiness       claim: system [, statement]
                        data: normalised_rows, normalised_kinds, normalised_rhs, negated,
                              multipliers, constant, relation, contradiction, weight
    nnc-witness         claim: system [, statement];  data: point
    lp-optimum          claim: system, objective, sense, value [, statement]
                        data: point, multipliers
    lp-unbounded        claim: system, objective, sense [, statement];  data: point, direction

``nnc-emptiness`` (Motzkin's transposition theorem).  The data rewrites each
row as ``a_i . x <= b_i``, ``a_i . x < b_i`` or ``a_i . x == b_i`` (``>=``/``>``
rows negated, ``negated`` a JSON boolean per row) and gives multipliers ``y_i``
(``>= 0`` except on equations).  Adding ``y_i`` times every row gives
``(sum y_i a_i) . x  R  sum y_i b_i`` where R is ``<`` if some strict row has
``y_i > 0`` and ``<=`` otherwise.  If ``sum y_i a_i = 0`` this reads ``0 R c``,
impossible when ``c < 0``, or when ``c = 0`` and R is ``<``: no x satisfies the
system.  The verifier re-derives the normalisation from the claimed rows, the combination,
``c``, R, the sum of absolute values of the multipliers (``weight``) and the contradiction,
and compares each with what the data state.

``nnc-witness``: ``data.point`` is evaluated on every claimed row.

``lp-optimum`` / ``lp-unbounded`` concern the claimed system with strict rows read as closed.
An optimum is proved by a feasible point attaining ``value`` and dual multipliers bounding the
objective by ``value`` (weak duality, re-derived); unboundedness by a feasible point and a
direction of the recession cone along which the objective improves.

Trusted: nothing beyond rational arithmetic and the two theorems named above (Motzkin's
alternative, weak LP duality), whose one-line proofs are the combinations re-derived here.

Limits: dimension at most :data:`MAX_DIMENSION`, at most :data:`MAX_ROWS` rows and
:data:`MAX_ENTRIES` coefficients, bounded rationals, and the counted work budget: every sum of
products is charged by the size of the numbers it adds, so sums of many rationals with unrelated
denominators are refused rather than left to grow.

Examples
--------
>>> cert = {"format": "exactgeom-certificate", "version": 2, "kind": "nnc-witness",
...         "claim": {"system": {"dimension": 1, "variables": ["x"], "rows": [["1"]],
...                              "kinds": ["<"], "rhs": ["1"]}},
...         "data": {"point": ["1"]}}
>>> check_witness(cert)
Traceback (most recent call last):
    ...
exactgeom.certificates.CertificateError: row 0 (x < 1) fails at the point: the left-hand side is 1, not < 1
"""

from __future__ import annotations

from fractions import Fraction

from . import CertificateError
from . import _schema as schema

__all__ = ["CHECKS", "MAX_DIMENSION", "MAX_ROWS", "MAX_ENTRIES", "STATEMENTS", "check_emptiness",
           "check_witness", "check_lp_optimum", "check_lp_unbounded"]

MAX_DIMENSION = 100_000
"""Systems in more variables are refused."""
MAX_ROWS = 20_000
"""Systems with more rows are refused."""
MAX_ENTRIES = 200_000
"""Systems with more coefficients (rows × dimension) are refused."""

_KINDS = ("<=", "<", "==", ">=", ">")
_FLIP = {">=": "<=", ">": "<"}
_SENSES = {"minimize": ("minimum", "below"), "maximize": ("maximum", "above")}
_CLOSED = "over the system with its strict rows read as closed"

STATEMENTS = {
    "nnc-emptiness": "no point of Q^d satisfies every row of the system",
    "nnc-witness": "the point satisfies every row of the system (strict rows strictly)",
    ("lp-optimum", "minimize"): f"the minimum of objective.x {_CLOSED} is value",
    ("lp-optimum", "maximize"): f"the maximum of objective.x {_CLOSED} is value",
    ("lp-unbounded", "minimize"): f"objective.x is unbounded below {_CLOSED}",
    ("lp-unbounded", "maximize"): f"objective.x is unbounded above {_CLOSED}",
}
"""The only text ``claim.statement`` may hold, per kind (and sense)."""


def _holds(value: Fraction, kind: str, rhs: Fraction) -> bool:
    return {
        "<=": value <= rhs,
        "<": value < rhs,
        "==": value == rhs,
        ">=": value >= rhs,
        ">": value > rhs,
    }[kind]


_size = schema.bit_size
_dot = schema.dot


def _statement(claim: dict, key) -> None:
    schema.statement(claim, STATEMENTS[key])


def _system(claim: dict):
    system = schema.record(claim["system"], "claim.system", ("dimension", "rows", "kinds", "rhs"),
                           ("variables",))
    d = schema.integer(system["dimension"], "claim.system.dimension", 0, MAX_DIMENSION)
    raw = schema.array(system["rows"], "claim.system.rows", max_length=MAX_ROWS)
    if len(raw) * d > MAX_ENTRIES:
        raise CertificateError(f"refusing to check {len(raw)} rows in dimension {d}: more than "
                               f"{MAX_ENTRIES} coefficients")
    rows = [schema.rvec(row, f"claim.system.rows[{i}]", d) for i, row in enumerate(raw)]
    kinds = schema.array(system["kinds"], "claim.system.kinds", length=len(rows))
    for i, kind in enumerate(kinds):
        schema.string(kind, f"claim.system.kinds[{i}]", _KINDS)
    rhs = schema.rvec(system["rhs"], "claim.system.rhs", len(rows))
    names = system.get("variables")
    if names is None:
        names = [f"x{j}" for j in range(d)]
    else:
        schema.array(names, "claim.system.variables", length=d)
        for j, name in enumerate(names):
            schema.string(name, f"claim.system.variables[{j}]")
    return d, rows, kinds, rhs, names


def _text(row, kind, rhs, names) -> str:
    terms = [f"{a}*{n}" if a != 1 else n for a, n in zip(row, names) if a]
    text = f"{' + '.join(terms) or '0'} {kind} {rhs}".replace("+ -", "- ")
    return text if len(text) <= 200 else text[:197] + "..."


def _combination(y, rows, d: int, what: str) -> list[Fraction]:
    """Σ y_i rows[i], coordinate by coordinate (rows with y_i = 0 skipped)."""
    support = [(v, row) for v, row in zip(y, rows) if v]
    return [_dot(((v, row[j]) for v, row in support), what) for j in range(d)]


def check_emptiness(cert) -> str:
    """Check an ``"nnc-emptiness"`` certificate; raise :class:`CertificateError` saying what fails."""
    claim = schema.record(cert["claim"], "claim", ("system",), ("statement",))
    _statement(claim, "nnc-emptiness")
    d, rows, kinds, rhs, names = _system(claim)
    m = len(rows)
    data = schema.record(cert["data"], "data", (
        "normalised_rows", "normalised_kinds", "normalised_rhs", "negated", "multipliers", "constant",
        "relation", "contradiction", "weight"))
    n_rows = [schema.rvec(r, f"data.normalised_rows[{i}]", d)
              for i, r in enumerate(schema.array(data["normalised_rows"], "data.normalised_rows", length=m))]
    n_kinds = schema.array(data["normalised_kinds"], "data.normalised_kinds", length=m)
    n_rhs = schema.rvec(data["normalised_rhs"], "data.normalised_rhs", m)
    negated = [schema.boolean(v, f"data.negated[{i}]")
               for i, v in enumerate(schema.array(data["negated"], "data.negated", length=m))]
    y = schema.rvec(data["multipliers"], "data.multipliers", m)
    stated_constant = schema.rational(data["constant"], "data.constant")
    stated_weight = schema.rational(data["weight"], "data.weight")
    stated_relation = schema.string(data["relation"], "data.relation", ("<", "<="))
    stated_contradiction = schema.string(data["contradiction"], "data.contradiction")
    for i in range(m):
        flip = kinds[i] in _FLIP
        if negated[i] is not flip:
            raise CertificateError(
                f"row {i} is a {kinds[i]!r} row, so it is {'negated' if flip else 'kept as it is'} "
                f"when normalised; the certificate says negated={negated[i]!r}"
            )
        sign = -1 if flip else 1
        expected_kind = _FLIP.get(kinds[i], kinds[i])
        if n_kinds[i] != expected_kind:
            raise CertificateError(
                f"normalised row {i} has kind {schema._short(n_kinds[i])}, "
                f"but row {i} of the system is a {kinds[i]!r} row, which normalises to {expected_kind!r}"
            )
        for j in range(d):
            if n_rows[i][j] != sign * rows[i][j]:
                raise CertificateError(
                    f"normalised row {i} has {names[j]}-coefficient {n_rows[i][j]}, "
                    f"but row {i} of the system gives {sign * rows[i][j]}"
                )
        if n_rhs[i] != sign * rhs[i]:
            raise CertificateError(
                f"normalised row {i} has right-hand side {n_rhs[i]}, "
                f"but row {i} of the system gives {sign * rhs[i]}"
            )
    # From here on only the claim's rows are used: the normalisation is re-derived, not read.
    signs = [-1 if kind in _FLIP else 1 for kind in kinds]
    normal_kinds = [_FLIP.get(kind, kind) for kind in kinds]
    normal_rows = [[s * a for a in row] for s, row in zip(signs, rows)]
    normal_rhs = [s * b for s, b in zip(signs, rhs)]
    for i in range(m):
        if normal_kinds[i] != "==" and y[i] < 0:
            raise CertificateError(f"multiplier {i} is negative ({y[i]}) on the inequality row {i}")
        if normal_kinds[i] == "==" and y[i] and not any(normal_rows[i]) and not normal_rhs[i]:
            raise CertificateError(
                f"row {i} reads 0 == 0 and carries no information; its multiplier must be 0, not {y[i]}"
            )
    for j, coefficient in enumerate(_combination(y, normal_rows, d, "the combination of the rows")):
        if coefficient:
            raise CertificateError(
                f"the combination of the rows has {names[j]}-coefficient {coefficient}, not 0"
            )
    constant = _dot(zip(y, normal_rhs), "the combination of the right-hand sides")
    if constant != stated_constant:
        raise CertificateError(
            f"the combination of the right-hand sides is {constant}, "
            f"but the certificate says {stated_constant}"
        )
    strict_rows = [i for i in range(m) if normal_kinds[i] == "<" and y[i] > 0]
    relation = "<" if strict_rows else "<="
    if stated_relation != relation:
        reason = (
            f"strict row {strict_rows[0]} has a positive multiplier"
            if strict_rows
            else "no strict row has a positive multiplier"
        )
        raise CertificateError(
            f"the rows combine to 0 {relation} {constant} ({reason}), but the certificate says "
            f"0 {stated_relation} {stated_constant}"
        )
    weight = _dot(((abs(v), 1) for v in y), "the weight of the multipliers")
    if weight != stated_weight:
        raise CertificateError(
            f"the multipliers' absolute values add up to {weight}, but the certificate says {stated_weight}"
        )
    if relation == "<" and constant > 0:
        raise CertificateError(
            f"the rows combine to 0 < {constant}, which is no contradiction ({constant} > 0)"
        )
    if relation == "<=" and constant >= 0:
        raise CertificateError(
            f"the rows combine to 0 <= {constant}, which is no contradiction "
            f"({constant} >= 0 and no strict row has a positive multiplier)"
        )
    contradiction = f"0 {relation} {constant}"
    if stated_contradiction != contradiction:
        raise CertificateError(
            f"the rows derive {contradiction!r}, "
            f"but the certificate says {schema._short(stated_contradiction)}"
        )
    return f"the multipliers combine the {m} rows of the claimed system into {contradiction} (re-derived)"


def check_witness(cert) -> str:
    """Check an ``"nnc-witness"`` certificate: the point satisfies every row exactly."""
    claim = schema.record(cert["claim"], "claim", ("system",), ("statement",))
    _statement(claim, "nnc-witness")
    d, rows, kinds, rhs, names = _system(claim)
    data = schema.record(cert["data"], "data", ("point",))
    point = _point(data, d)
    failure = _first_failing_row(rows, kinds, rhs, point)
    if failure is not None:
        i, value = failure
        raise CertificateError(
            f"row {i} ({_text(rows[i], kinds[i], rhs[i], names)}) fails at the point: the left-hand side is "
            f"{value}, not {kinds[i]} {rhs[i]}"
        )
    return f"the point satisfies all {len(rows)} rows of the claimed system (re-evaluated)"


def _point(data: dict, d: int, key: str = "point") -> list[Fraction]:
    point = schema.rvec(data[key], f"data.{key}")
    if len(point) != d:
        raise CertificateError(f"the {key} has {len(point)} coordinates, but the system lives in Q^{d}")
    return point


def _first_failing_row(rows, kinds, rhs, point):
    """``(i, row_i . point)`` for the first row the point does not satisfy, or ``None``."""
    for i, (row, kind, b) in enumerate(zip(rows, kinds, rhs)):
        value = _dot(zip(row, point), "the rows at the point")
        if not _holds(value, kind, b):
            return i, value
    return None


_RELAX = {"<": "<=", ">": ">="}


def _lp_claim(cert, kind: str, data_fields: tuple):
    required = ("system", "objective", "sense", *(("value",) if kind == "lp-optimum" else ()))
    claim = schema.record(cert["claim"], "claim", required, ("statement",))
    sense = schema.string(claim["sense"], "claim.sense", tuple(_SENSES))
    _statement(claim, (kind, sense))
    d, rows, kinds, rhs, names = _system(claim)
    objective = schema.rvec(claim["objective"], "claim.objective")
    if len(objective) != d:
        raise CertificateError(f"the objective has {len(objective)} entries, but the system lives in Q^{d}")
    data = schema.record(cert["data"], "data", data_fields)
    relaxed = [_RELAX.get(k, k) for k in kinds]
    point = _point(data, d)
    failure = _first_failing_row(rows, relaxed, rhs, point)
    if failure is not None:
        i, value = failure
        raise CertificateError(
            f"the point violates row {i} ({_text(rows[i], relaxed[i], rhs[i], names)}, strict rows read as "
            f"closed): the left-hand side is {value}"
        )
    return claim, data, d, rows, relaxed, rhs, names, sense, objective, point


def check_lp_optimum(cert) -> str:
    """Check an ``"lp-optimum"`` certificate: a feasible point and dual multipliers with equal values.

    For a minimum, multiplier ``i`` must be ``>= 0`` on ``>=`` rows and ``<= 0``
    on ``<=`` rows (reversed for a maximum), and the multipliers must combine
    the rows into the objective; then ``objective . x >= sum lam_i b_i`` on the
    whole (relaxed) system, and the point attains that bound.
    """
    claim, data, d, rows, kinds, rhs, names, sense, objective, point = _lp_claim(
        cert, "lp-optimum", ("point", "multipliers"))
    value = schema.rational(claim["value"], "claim.value")
    attained = _dot(zip(objective, point), "the objective at the point")
    if attained != value:
        raise CertificateError(f"the objective at the point is {attained}, not the claimed value {value}")
    lam = schema.rvec(data["multipliers"], "data.multipliers")
    if len(lam) != len(rows):
        raise CertificateError(f"there are {len(lam)} multipliers for {len(rows)} rows")
    for i, kind in enumerate(kinds):
        if lam[i] and not any(rows[i]) and not rhs[i]:
            raise CertificateError(
                f"row {i} reads 0 {kind} 0 and carries no information; its multiplier must be 0, not {lam[i]}"
            )
        wanted = {"minimize": {">=": 1, "<=": -1}, "maximize": {"<=": 1, ">=": -1}}[sense].get(kind, 0)
        if wanted * lam[i] < 0:
            raise CertificateError(
                f"multiplier {i} is {lam[i]}, but for a {_SENSES[sense][0]} a {kind!r} row needs "
                f"a multiplier {'>= 0' if wanted > 0 else '<= 0'}"
            )
    for j, combined in enumerate(_combination(lam, rows, d, "the dual combination of the rows")):
        if combined != objective[j]:
            raise CertificateError(
                f"the multipliers combine the rows to {names[j]}-coefficient {combined}, "
                f"but the objective has {objective[j]}"
            )
    bound = _dot(zip(lam, rhs), "the dual bound")
    if bound != value:
        raise CertificateError(
            f"the multipliers bound the objective from {_SENSES[sense][1]} by {bound}, "
            f"not by the claimed value {value}"
        )
    return (f"the point attains {value} and the multipliers bound the objective from "
            f"{_SENSES[sense][1]} by {value} (weak duality, re-derived)")


def check_lp_unbounded(cert) -> str:
    """Check an ``"lp-unbounded"`` certificate: a feasible point and an improving recession direction."""
    claim, data, d, rows, kinds, rhs, names, sense, objective, point = _lp_claim(
        cert, "lp-unbounded", ("point", "direction"))
    direction = _point(data, d, "direction")
    for i, (row, kind) in enumerate(zip(rows, kinds)):
        slope = _dot(zip(row, direction), "the rows along the direction")
        if not _holds(slope, kind, Fraction(0)):
            raise CertificateError(
                f"moving along the direction leaves row {i} ({_text(row, kind, rhs[i], names)}): "
                f"its left-hand side changes at rate {slope}"
            )
    rate = _dot(zip(objective, direction), "the objective along the direction")
    if (sense == "minimize" and rate >= 0) or (sense == "maximize" and rate <= 0):
        raise CertificateError(
            f"the objective changes at rate {rate} along the direction, so it does not go to "
            f"{'-' if sense == 'minimize' else '+'}infinity"
        )
    return (f"the point is feasible and the objective goes to {'-' if sense == 'minimize' else '+'}infinity "
            "along a recession direction (re-derived)")


CHECKS = {
    "nnc-emptiness": check_emptiness,
    "nnc-witness": check_witness,
    "lp-optimum": check_lp_optimum,
    "lp-unbounded": check_lp_unbounded,
}

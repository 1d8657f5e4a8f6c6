"""Verifier for polyhedron certificates: ``"nnc-emptiness"`` and ``"nnc-witness"``.

Standard library only.  Both kinds state the system in ``claim["system"]``:
``dimension`` d, optional ``variables`` (names for messages), and one
``rows[i]``/``kinds[i]``/``rhs[i]`` per row, meaning ``rows[i] . x  kinds[i]  rhs[i]``
with kinds among ``<=, <, ==, >=, >``.

``nnc-emptiness`` (Motzkin's transposition theorem).  The data rewrites each
row as ``a_i . x <= b_i``, ``a_i . x < b_i`` or ``a_i . x == b_i`` (``>=``/``>``
rows negated) and gives multipliers ``y_i`` (``>= 0`` except on equations).
Adding ``y_i`` times every row gives ``(sum y_i a_i) . x  R  sum y_i b_i``
where R is ``<`` if some strict row has ``y_i > 0`` and ``<=`` otherwise.  If
``sum y_i a_i = 0`` this reads ``0 R c``, impossible when ``c < 0``, or when
``c = 0`` and R is ``<``: no x satisfies the system.  The verifier recomputes the
normalisation, the combination, ``c``, R, the sum of absolute values of the
multipliers (``weight``) and the contradiction, and compares each with what
the certificate states.

``nnc-witness``: ``data["point"]`` is re-evaluated on every row.

``lp-optimum`` / ``lp-unbounded``: the claim adds ``objective``, ``sense``
(``"minimize"``/``"maximize"``) and, for an optimum, ``value``; it concerns the
system with strict rows read as closed.  An optimum is proved by a feasible
point attaining ``value`` and dual multipliers bounding the objective by
``value``; unboundedness by a feasible point and a direction of the recession
cone along which the objective improves.

Examples
--------
>>> cert = {"format": "exactgeom-certificate", "version": 1, "kind": "nnc-witness",
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
from ._rational import q, qmat, qvec

_KINDS = ("<=", "<", "==", ">=", ">")
_FLIP = {">=": "<=", ">": "<"}


def _holds(value: Fraction, kind: str, rhs: Fraction) -> bool:
    return {
        "<=": value <= rhs,
        "<": value < rhs,
        "==": value == rhs,
        ">=": value >= rhs,
        ">": value > rhs,
    }[kind]


def _system(cert):
    system = cert["claim"]["system"]
    d = system["dimension"]
    if isinstance(d, bool) or not isinstance(d, int) or d < 0:
        raise CertificateError(f"the system's dimension must be a non-negative integer, found {d!r}")
    rows, kinds, rhs = qmat(system["rows"]), system["kinds"], qvec(system["rhs"])
    if not isinstance(kinds, list) or not len(rows) == len(kinds) == len(rhs):
        raise CertificateError("the system needs one kind and one right-hand side per row")
    for i, (row, kind) in enumerate(zip(rows, kinds)):
        if len(row) != d:
            raise CertificateError(f"row {i} of the system has {len(row)} entries, not {d}")
        if kind not in _KINDS:
            raise CertificateError(
                f"row {i} of the system has kind {kind!r}; expected one of {', '.join(_KINDS)}"
            )
    names = system.get("variables")
    if names is None:
        names = [f"x{j}" for j in range(d)]
    elif not isinstance(names, list) or len(names) != d or not all(isinstance(n, str) for n in names):
        raise CertificateError(f"'variables' must be a list of {d} names")
    return d, rows, kinds, rhs, names


def _text(row, kind, rhs, names) -> str:
    terms = [f"{a}*{n}" if a != 1 else n for a, n in zip(row, names) if a]
    return f"{' + '.join(terms) or '0'} {kind} {rhs}".replace("+ -", "- ")


def check_emptiness(cert) -> None:
    """Check an ``"nnc-emptiness"`` certificate; raise :class:`CertificateError` saying what fails."""
    d, rows, kinds, rhs, names = _system(cert)
    data = cert["data"]
    n_rows, n_kinds, n_rhs = (
        qmat(data["normalised_rows"]),
        data["normalised_kinds"],
        qvec(data["normalised_rhs"]),
    )
    negated, y = data["negated"], qvec(data["multipliers"])
    m = len(rows)
    for label, values in (
        ("normalised_rows", n_rows),
        ("normalised_kinds", n_kinds),
        ("normalised_rhs", n_rhs),
        ("negated", negated),
        ("multipliers", y),
    ):
        if not isinstance(values, list) or len(values) != m:
            raise CertificateError(f"{label} must have one entry per row of the system ({m})")
    for i in range(m):
        flip = kinds[i] in _FLIP
        if negated[i] is not flip:
            raise CertificateError(
                f"row {i} is a {kinds[i]!r} row, so it is {'negated' if flip else 'kept as it is'} "
                f"when normalised; "
                f"the certificate says negated={negated[i]!r}"
            )
        sign = -1 if flip else 1
        expected_kind = _FLIP.get(kinds[i], kinds[i])
        if n_kinds[i] != expected_kind:
            raise CertificateError(
                f"normalised row {i} has kind {n_kinds[i]!r}, "
                f"but row {i} of the system is a {kinds[i]!r} row, "
                f"which normalises to {expected_kind!r}"
            )
        if len(n_rows[i]) != d:
            raise CertificateError(f"normalised row {i} has {len(n_rows[i])} entries, not {d}")
        for j in range(d):
            if n_rows[i][j] != sign * rows[i][j]:
                raise CertificateError(
                    f"normalised row {i} has {names[j]}-coefficient {n_rows[i][j]}, "
                    f"but row {i} of the system "
                    f"gives {sign * rows[i][j]}"
                )
        if n_rhs[i] != sign * rhs[i]:
            raise CertificateError(
                f"normalised row {i} has right-hand side {n_rhs[i]}, "
                f"but row {i} of the system gives {sign * rhs[i]}"
            )
    for i in range(m):
        if n_kinds[i] != "==" and y[i] < 0:
            raise CertificateError(f"multiplier {i} is negative ({y[i]}) on the inequality row {i}")
        if n_kinds[i] == "==" and y[i] and not any(n_rows[i]) and not n_rhs[i]:
            raise CertificateError(
                f"row {i} reads 0 == 0 and carries no information; its multiplier must be 0, not {y[i]}"
            )
    for j in range(d):
        coefficient = sum((y[i] * n_rows[i][j] for i in range(m)), Fraction(0))
        if coefficient:
            raise CertificateError(
                f"the combination of the rows has {names[j]}-coefficient {coefficient}, not 0"
            )
    constant = sum((y[i] * n_rhs[i] for i in range(m)), Fraction(0))
    if constant != q(data["constant"]):
        raise CertificateError(
            f"the combination of the right-hand sides is {constant}, "
            f"but the certificate says {q(data['constant'])}"
        )
    strict_rows = [i for i in range(m) if n_kinds[i] == "<" and y[i] > 0]
    relation = "<" if strict_rows else "<="
    if data["relation"] != relation:
        reason = (
            f"strict row {strict_rows[0]} has a positive multiplier"
            if strict_rows
            else "no strict row has a positive multiplier"
        )
        raise CertificateError(
            f"the rows combine to 0 {relation} {constant} ({reason}), but the certificate says "
            f"0 {data['relation']} {q(data['constant'])}"
        )
    weight = sum((abs(v) for v in y), Fraction(0))
    if weight != q(data["weight"]):
        raise CertificateError(
            f"the multipliers' absolute values add up to {weight}, "
            f"but the certificate says {q(data['weight'])}"
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
    if data["contradiction"] != contradiction:
        raise CertificateError(
            f"the rows derive {contradiction!r}, but the certificate says {data['contradiction']!r}"
        )


def check_witness(cert) -> None:
    """Check an ``"nnc-witness"`` certificate: the point satisfies every row exactly."""
    d, rows, kinds, rhs, names = _system(cert)
    point = _point(cert, d)
    failure = _first_failing_row(rows, kinds, rhs, point)
    if failure is not None:
        i, value = failure
        raise CertificateError(
            f"row {i} ({_text(rows[i], kinds[i], rhs[i], names)}) fails at the point: the left-hand side is "
            f"{value}, not {kinds[i]} {rhs[i]}"
        )


def _point(cert, d: int) -> list[Fraction]:
    point = qvec(cert["data"]["point"])
    if len(point) != d:
        raise CertificateError(f"the point has {len(point)} coordinates, but the system lives in Q^{d}")
    return point


def _first_failing_row(rows, kinds, rhs, point):
    """``(i, row_i . point)`` for the first row the point does not satisfy, or ``None``."""
    for i, (row, kind, b) in enumerate(zip(rows, kinds, rhs)):
        value = sum((a * x for a, x in zip(row, point)), Fraction(0))
        if not _holds(value, kind, b):
            return i, value
    return None


_RELAX = {"<": "<=", ">": ">="}
_SENSES = {"minimize": ("minimum", "below"), "maximize": ("maximum", "above")}


def _lp_claim(cert):
    d, rows, kinds, rhs, names = _system(cert)
    claim = cert["claim"]
    sense = claim["sense"]
    if sense not in _SENSES:
        raise CertificateError(f"sense must be 'minimize' or 'maximize', found {sense!r}")
    objective = qvec(claim["objective"])
    if len(objective) != d:
        raise CertificateError(f"the objective has {len(objective)} entries, but the system lives in Q^{d}")
    relaxed = [_RELAX.get(k, k) for k in kinds]
    point = _point(cert, d)
    failure = _first_failing_row(rows, relaxed, rhs, point)
    if failure is not None:
        i, value = failure
        raise CertificateError(
            f"the point violates row {i} ({_text(rows[i], relaxed[i], rhs[i], names)}, strict rows read as "
            f"closed): the left-hand side is {value}"
        )
    return d, rows, relaxed, rhs, names, sense, objective, point


def check_lp_optimum(cert) -> None:
    """Check an ``"lp-optimum"`` certificate: a feasible point and dual multipliers with equal values.

    For a minimum, multiplier ``i`` must be ``>= 0`` on ``>=`` rows and ``<= 0``
    on ``<=`` rows (reversed for a maximum), and the multipliers must combine
    the rows into the objective; then ``objective . x >= sum lam_i b_i`` on the
    whole (relaxed) system, and the point attains that bound.
    """
    d, rows, kinds, rhs, names, sense, objective, point = _lp_claim(cert)
    value = q(cert["claim"]["value"])
    attained = sum((c * x for c, x in zip(objective, point)), Fraction(0))
    if attained != value:
        raise CertificateError(f"the objective at the point is {attained}, not the claimed value {value}")
    lam = qvec(cert["data"]["multipliers"])
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
    for j in range(d):
        combined = sum((lam[i] * rows[i][j] for i in range(len(rows))), Fraction(0))
        if combined != objective[j]:
            raise CertificateError(
                f"the multipliers combine the rows to {names[j]}-coefficient {combined}, "
                f"but the objective has {objective[j]}"
            )
    bound = sum((lam[i] * rhs[i] for i in range(len(rows))), Fraction(0))
    if bound != value:
        raise CertificateError(
            f"the multipliers bound the objective from {_SENSES[sense][1]} by {bound}, "
            f"not by the claimed value {value}"
        )


def check_lp_unbounded(cert) -> None:
    """Check an ``"lp-unbounded"`` certificate: a feasible point and an improving recession direction."""
    d, rows, kinds, rhs, names, sense, objective, point = _lp_claim(cert)
    direction = qvec(cert["data"]["direction"])
    if len(direction) != d:
        raise CertificateError(f"the direction has {len(direction)} entries, but the system lives in Q^{d}")
    for i, (row, kind) in enumerate(zip(rows, kinds)):
        slope = sum((a * r for a, r in zip(row, direction)), Fraction(0))
        if not _holds(slope, kind, Fraction(0)):
            raise CertificateError(
                f"moving along the direction leaves row {i} ({_text(row, kind, rhs[i], names)}): "
                f"its left-hand side changes at rate {slope}"
            )
    rate = sum((c * r for c, r in zip(objective, direction)), Fraction(0))
    if (sense == "minimize" and rate >= 0) or (sense == "maximize" and rate <= 0):
        raise CertificateError(
            f"the objective changes at rate {rate} along the direction, so it does not go to "
            f"{'-' if sense == 'minimize' else '+'}infinity"
        )


CHECKS = {
    "nnc-emptiness": check_emptiness,
    "nnc-witness": check_witness,
    "lp-optimum": check_lp_optimum,
    "lp-unbounded": check_lp_unbounded,
}

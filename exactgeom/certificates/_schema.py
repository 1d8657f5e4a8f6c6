"""Strict, bounded reading of certificate fields (verifier side; standard library only).

Every check module reads its claim and evidence through these functions, so one set of rules
holds for every kind:

- a record (JSON object) has exactly the fields its kind names: a missing or an unknown field is
  rejected with a message naming it;
- flags are JSON booleans (``true``/``false``), never strings or numbers;
- one size rule for every number: an integer, and the numerator and the denominator of a
  rational, have at most :data:`MAX_DIGITS` decimal digits (a JSON integer: those of its value;
  a string: those written, checked on the length of the text before it is converted);
- counts are JSON integers (not booleans), within the bounds the kind states;
- rationals are JSON integers or strings ``"p"`` / ``"p/q"`` of decimal digits; no exponents,
  spaces, underscores or floats;
- lists are at most :data:`MAX_LENGTH` long and nesting is at most :data:`MAX_DEPTH` deep;
- the work of a check is counted with :func:`spend`; beyond :data:`MAX_OPERATIONS` counted steps
  the certificate is rejected as too large to check, so every check ends in bounded time on any
  input, whatever the machine's speed.

All violations raise :class:`exactgeom.certificates.CertificateError`.

Examples
--------
>>> rational("-3/4", "claim.offsets[0]")
Fraction(-3, 4)
>>> rational("1e99999999", "claim.offsets[0]")
Traceback (most recent call last):
    ...
exactgeom.certificates.CertificateError: claim.offsets[0] must be an integer or a string 'p/q' ...
>>> boolean("false", "claim.network.symmetric")
Traceback (most recent call last):
    ...
exactgeom.certificates.CertificateError: claim.network.symmetric must be a JSON boolean ...
>>> is_prime(2**61 - 1), is_prime(2**61 + 1)
(True, False)
"""

from __future__ import annotations

import contextvars
import re
from fractions import Fraction

from . import CertificateError

__all__ = [
    "MAX_DIGITS", "MAX_LENGTH", "MAX_DEPTH", "MAX_OPERATIONS", "MAX_PRIME",
    "record", "boolean", "integer", "string", "array", "rational", "rvec", "rmat",
    "spend", "is_prime", "reset_budget", "bit_size", "dot", "check_depth", "points", "statement",
]

MAX_DIGITS = 2000
"""Decimal digits allowed in an integer, and in the numerator and in the denominator of a rational."""
MAX_LENGTH = 1_000_000
"""Longest list a certificate may contain."""
MAX_DEPTH = 64
"""Deepest nesting of lists and objects a certificate may contain."""
MAX_OPERATIONS = 20_000_000
"""Counted steps (roughly: rational operations) one check may use before it is refused."""
MAX_PRIME = 3_317_044_064_679_887_385_961_981
"""Miller–Rabin with the first 13 prime bases is deterministic below this bound."""

_RATIONAL = re.compile(rf"-?[0-9]{{1,{MAX_DIGITS}}}(/[0-9]{{1,{MAX_DIGITS}}})?")
_DIGIT_BOUND = 10**MAX_DIGITS  # |n| < 10**MAX_DIGITS: n has at most MAX_DIGITS digits

_budget: contextvars.ContextVar[list] = contextvars.ContextVar("exactgeom_certificate_budget")


def reset_budget(limit: int = MAX_OPERATIONS) -> None:
    """Start a fresh work budget for one check (:func:`exactgeom.certificates.verify` calls it)."""
    _budget.set([limit, limit])


def spend(steps: int = 1, what: str = "the check") -> None:
    """Count ``steps`` units of work; reject the certificate once the budget is exhausted.

    Examples
    --------
    >>> reset_budget(10)
    >>> spend(5); spend(5)
    >>> spend(1, "the Möbius recursion")
    Traceback (most recent call last):
        ...
    exactgeom.certificates.CertificateError: the Möbius recursion needs more than the 10 counted steps ...
    """
    try:
        box = _budget.get()
    except LookupError:
        box = [MAX_OPERATIONS, MAX_OPERATIONS]
        _budget.set(box)
    box[0] -= steps
    if box[0] < 0:
        raise CertificateError(
            f"{what} needs more than the {box[1]} counted steps this verifier allows for one "
            "certificate (MAX_OPERATIONS)"
        )


def record(value, where: str, required: tuple | list = (), optional: tuple | list = ()) -> dict:
    """``value`` as a JSON object with exactly the ``required`` fields and some of ``optional``.

    Examples
    --------
    >>> record({"n": 1}, "claim", required=("n",))
    {'n': 1}
    >>> record({"n": 1, "extra": 2}, "claim", required=("n",))
    Traceback (most recent call last):
        ...
    exactgeom.certificates.CertificateError: claim has an unknown field 'extra' (expected n)
    """
    if not isinstance(value, dict):
        raise CertificateError(f"{where} must be a JSON object, found {_kind(value)}")
    for key in value:
        if not isinstance(key, str) or (key not in required and key not in optional):
            names = ", ".join([*required, *(f"{k} (optional)" for k in optional)])
            raise CertificateError(f"{where} has an unknown field {_short(key)} (expected {names})")
    for key in required:
        if key not in value:
            raise CertificateError(f"{where} is missing the field {key!r}")
    return value


def boolean(value, where: str) -> bool:
    """A JSON boolean; strings such as ``"false"`` and numbers are rejected."""
    if value is True or value is False:
        return value
    raise CertificateError(f"{where} must be a JSON boolean (true or false), found {_short(value)}")


def integer(value, where: str, lo: int | None = 0, hi: int | None = None) -> int:
    """A JSON integer (not a boolean) with ``lo <= value <= hi`` (``None``: unbounded on that side).

    Unbounded or not, it has at most :data:`MAX_DIGITS` digits.

    Examples
    --------
    >>> integer(3, "claim.n_inputs", 1, 8)
    3
    >>> integer(26, "claim.n_inputs", 1, 8)
    Traceback (most recent call last):
        ...
    exactgeom.certificates.CertificateError: claim.n_inputs must be an integer between 1 and 8, found 26
    """
    ok = _bounded_int(value)
    if ok and (lo is None or value >= lo) and (hi is None or value <= hi):
        return value
    if lo is not None and hi is not None:
        rule = f"an integer between {lo} and {hi}"
    elif lo is not None:
        rule = f"an integer >= {lo}"
    elif hi is not None:
        rule = f"an integer <= {hi}"
    else:
        rule = "an integer"
    raise CertificateError(f"{where} must be {rule}, found {_short(value)}")


def string(value, where: str, choices: tuple | list | None = None) -> str:
    """A JSON string, one of ``choices`` when given."""
    if not isinstance(value, str) or len(value) > 10_000:
        raise CertificateError(f"{where} must be a string, found {_short(value)}")
    if choices is not None and value not in choices:
        names = ", ".join(map(repr, choices))
        raise CertificateError(f"{where} must be one of {names}, found {_short(value)}")
    return value


def array(value, where: str, length: int | None = None, max_length: int = MAX_LENGTH) -> list:
    """A JSON list, of exactly ``length`` entries when given, at most ``max_length`` otherwise."""
    if not isinstance(value, list):
        raise CertificateError(f"{where} must be a list, found {_kind(value)}")
    if length is not None and len(value) != length:
        raise CertificateError(f"{where} must have {length} entries, found {len(value)}")
    if len(value) > max_length:
        raise CertificateError(f"{where} has {len(value)} entries; at most {max_length} are checked")
    spend(len(value), where)
    return value


def rational(value, where: str) -> Fraction:
    """A certificate rational: a JSON integer or a string ``"p"``/``"p/q"`` (q > 0) of bounded size.

    Examples
    --------
    >>> rational(10**MAX_DIGITS - 1, "x") == rational("9" * MAX_DIGITS, "x") == 10**MAX_DIGITS - 1
    True
    >>> rational(10**MAX_DIGITS, "x")
    Traceback (most recent call last):
        ...
    exactgeom.certificates.CertificateError: x must be an integer or a string 'p/q' of at most 2000 \
digits each, found an integer of 6644 bits
    """
    if _bounded_int(value):
        spend(2, where)
        return Fraction(value)
    if isinstance(value, str) and len(value) <= 2 * MAX_DIGITS + 2 and _RATIONAL.fullmatch(value):
        spend(20 + len(value) // 2, where)
        numerator, _, denominator = value.partition("/")
        if not denominator:
            return Fraction(int(numerator))
        if not denominator.strip("0"):
            raise CertificateError(f"{where} has a zero denominator: {value!r}")
        return Fraction(int(numerator), int(denominator))
    raise CertificateError(
        f"{where} must be an integer or a string 'p/q' of at most {MAX_DIGITS} digits each, "
        f"found {_short(value)}"
    )


def _bounded_int(value) -> bool:
    """``value`` is an int (not a bool) of at most :data:`MAX_DIGITS` decimal digits."""
    return isinstance(value, int) and not isinstance(value, bool) and -_DIGIT_BOUND < value < _DIGIT_BOUND


def rvec(value, where: str, length: int | None = None) -> list[Fraction]:
    """A list of rationals (of exactly ``length`` entries when given)."""
    return [rational(v, f"{where}[{i}]") for i, v in enumerate(array(value, where, length))]


def rmat(value, where: str, rows: int | None = None, cols: int | None = None) -> list[list[Fraction]]:
    """A list of rows of rationals; all rows of one length (``cols`` when given)."""
    out = [rvec(r, f"{where}[{i}]", cols) for i, r in enumerate(array(value, where, rows))]
    if out and cols is None and any(len(r) != len(out[0]) for r in out):
        raise CertificateError(f"{where}: the rows have different lengths")
    return out


def points(value, where: str, max_points: int, max_dimension: int,
           what: str = "point") -> list[list[Fraction]]:
    """A non-empty list of rational points of one dimension (that of the first point).

    Examples
    --------
    >>> points([["1/2", 0], [1, 1]], "claim.X", 10, 10)
    [[Fraction(1, 2), Fraction(0, 1)], [Fraction(1, 1), Fraction(1, 1)]]
    >>> points([], "claim.X", 10, 10, "data point")
    Traceback (most recent call last):
        ...
    exactgeom.certificates.CertificateError: claim.X must list at least one data point
    """
    raw = array(value, where, max_length=max_points)
    if not raw:
        raise CertificateError(f"{where} must list at least one {what}")
    d = len(array(raw[0], f"{where}[0]", max_length=max_dimension))
    return [rvec(x, f"{where}[{i}]", d) for i, x in enumerate(raw)]


def statement(claim: dict, expected: str) -> None:
    """An optional ``claim.statement`` must be exactly the checker's own sentence ``expected``.

    Examples
    --------
    >>> statement({"statement": "anything else"}, "...")
    Traceback (most recent call last):
        ...
    exactgeom.certificates.CertificateError: claim.statement must be exactly '...', found 'anything else'
    """
    if "statement" in claim:
        text = string(claim["statement"], "claim.statement")
        if text != expected:
            raise CertificateError(f"claim.statement must be exactly {expected!r}, found {_short(text)}")


def bit_size(value: Fraction) -> int:
    """Bits of the numerator and the denominator of ``value``."""
    return value.numerator.bit_length() + value.denominator.bit_length()


def dot(pairs, what: str) -> Fraction:
    """Σ a·b over ``pairs``, each term charged by the size of the numbers involved.

    Adding rationals of b bits costs about (b/1000)² times a small addition (gcds), so a sum of
    many rationals with unrelated denominators is refused by the budget instead of growing.

    Examples
    --------
    >>> reset_budget()
    >>> dot([(Fraction(1, 2), 4), (3, Fraction(1, 3))], "a check")
    Fraction(3, 1)
    """
    total = Fraction(0)
    for a, b in pairs:
        if a and b:
            bits = bit_size(Fraction(total)) + bit_size(Fraction(a)) + bit_size(Fraction(b))
            spend(1 + bits // 256 + 120 * (bits // 1000) ** 2, what)
            total += a * b
    return total


def is_prime(n: int) -> bool:
    """Deterministic Miller–Rabin for ``n`` below :data:`MAX_PRIME` (first 13 prime bases).

    Larger ``n`` raise :class:`CertificateError` (no deterministic test is run on them).

    Examples
    --------
    >>> [p for p in range(30) if is_prime(p)]
    [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
    >>> is_prime(3215031751)  # a strong pseudoprime to the bases 2, 3, 5 and 7
    False
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise CertificateError(f"a prime must be an integer, found {_short(n)}")
    if n >= MAX_PRIME:
        raise CertificateError(f"the modulus {n} is too large for the deterministic primality test "
                               f"(limit {MAX_PRIME})")
    if n < 2:
        return False
    bases = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41)
    for p in bases:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for a in bases:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def check_depth(value, limit: int = MAX_DEPTH) -> None:
    """Reject nesting deeper than ``limit`` (and cycles in a Python object), without recursion."""
    stack = [(value, 1)]
    seen = 0
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            if depth > limit:
                raise CertificateError(f"the certificate is nested more than {limit} levels deep")
            children = item.values() if isinstance(item, dict) else item
            seen += len(children)
            if seen > 20 * MAX_LENGTH:
                raise CertificateError("the certificate has too many entries to check")
            stack.extend([(child, depth + 1) for child in children if isinstance(child, (list, dict))])


def _kind(value) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null",
             int: "an integer", float: "a float"}
    return names.get(type(value), type(value).__name__)


def _short(value) -> str:
    """A bounded ``repr`` for messages (a hostile entry may be megabytes long)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"an integer of {value.bit_length()} bits"
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a message must never fail
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 80 else text[:77] + "..."

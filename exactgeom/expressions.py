"""Polynomials and polynomial relations written as text, read without evaluating anything.

Every string the package turns into an expression — the rows of
:meth:`~exactgeom.polyhedra.Polyhedron.from_expressions`, a network's activation,
the features of :func:`~exactgeom.dynamics.polynomial_model`, the equations of
:mod:`exactgeom.algebra` — goes through the one reader of this module.  It is a
tokenizer and a recursive-descent parser of the grammar below; no Python code
is ever evaluated (no ``eval``, ``ast`` or ``sympify`` of the text), and the
result is built from sympy's ``Integer``, ``Rational``, ``Symbol``, ``Add``,
``Mul`` and ``Pow``.

Grammar (whitespace between tokens is ignored)::

    relations  := expression (relation expression)+      relation: = == <= >= < >
    expression := term (("+" | "-") term)*
    term       := factor (("*" | "/") factor)*
    factor     := ("+" | "-") factor | power
    power      := atom [("**" | "^") factor]              right-associative
    atom       := integer | name | "(" expression ")"

- An *integer* is a run of decimal digits; a rational is written as a division,
  ``3/4``.  ``/`` divides by a non-zero number only, so every expression is a
  polynomial with rational coefficients.
- A *decimal* literal (``0.5``, ``.5``, ``1e-3``) is refused with
  :class:`FloatLiteral`, a ``TypeError`` as for a Python float anywhere in the
  package: it is never read as a binary float, and the message gives the exact
  rational it denotes, ``"1/2"``, so that writing it is a deliberate choice.
- A *name* is an ASCII letter or ``_`` followed by letters, digits and ``_``;
  names beginning with ``__`` and Python keywords are refused.  Every name is a
  plain variable (``E``, ``I``, ``S``, ``pi`` are symbols, not constants); when
  ``variables`` is given, any other name is an error.
- ``^`` and ``**`` both mean power; the exponent is an integer expression
  between 0 and :data:`MAX_EXPONENT`.  As in Python, ``-x**2`` is ``-(x**2)``
  and ``2**3**2`` is ``2**(3**2)``.  There is no implicit multiplication: ``2x``
  and ``2(x)`` are errors.
- Nothing else is accepted: calls, attributes, subscripts, strings, commas,
  lambdas, comprehensions, ``!=`` and any other character raise
  :class:`ExpressionError` (a ``ValueError``) naming the offending token and its
  position (counted in characters from 0).

Limits, each refused with :class:`ExpressionTooLarge` (a ``ValueError`` and a
:class:`~exactgeom.errors.TooLarge`) before the work is done: the text has at
most :data:`MAX_LENGTH` characters and nests at most :data:`MAX_DEPTH` levels
(parentheses, signs and exponents together); a number has at most
:data:`MAX_DIGITS` digits (literals, and every coefficient the reader computes);
exponents are at most :data:`MAX_EXPONENT`, degrees at most :data:`MAX_DEGREE`,
an expanded polynomial has at most :data:`MAX_TERMS` terms, and the expansion
may take at most :data:`MAX_OPERATIONS` counted coefficient operations.

The result is the expanded polynomial: ``"(x + 1)**2"`` reads as
``x**2 + 2*x + 1``.

Examples
--------
>>> parse_expression("2*x^2 - (x - 1/2)*y")
2*x**2 - x*y + y/2
>>> parse_relation("2*x = 3*y + 4")
Relation(lhs=2*x, op='==', rhs=3*y + 4)
>>> parse_expression("__import__('os').system('ls')")
Traceback (most recent call last):
    ...
exactgeom.expressions.ExpressionError: expression: cannot read "__import__('os').system('ls')": \
the name '__import__' at position 0 is not allowed (names may not begin with '__')
"""

from __future__ import annotations

import keyword
import math
import re
from collections import Counter
from fractions import Fraction
from typing import NamedTuple

from .errors import TooLarge

__all__ = [
    "parse_expression",
    "parse_relation",
    "parse_relations",
    "as_expression",
    "Relation",
    "ExpressionError",
    "NotPolynomial",
    "FloatLiteral",
    "ExpressionTooLarge",
    "MAX_LENGTH",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_EXPONENT",
    "MAX_DEGREE",
    "MAX_TERMS",
    "MAX_OPERATIONS",
]

MAX_LENGTH = 20_000
"""Characters a text may have."""

MAX_DEPTH = 100
"""Nesting levels: each parenthesis, sign and exponent opens one."""

MAX_DIGITS = 4000
"""Decimal digits of a number (numerator and denominator together): literals and computed coefficients."""

MAX_EXPONENT = 1000
"""Largest exponent of ``**`` and ``^``."""

MAX_DEGREE = 1000
"""Largest total degree of a (sub)expression."""

MAX_TERMS = 1000
"""Most terms of an expanded (sub)expression."""

MAX_OPERATIONS = 200_000
"""Counted coefficient operations (weighted by degree and coefficient size) one text may take."""

RELATIONS = {"=": "==", "==": "==", "<=": "<=", ">=": ">=", "<": "<", ">": ">"}

_MAX_BITS = math.ceil(MAX_DIGITS * math.log2(10))
_TOKEN = re.compile(
    r"(?P<decimal>[0-9]+(?:\.[0-9]*(?:[eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)|\.[0-9]+(?:[eE][+-]?[0-9]+)?)"
    r"|(?P<integer>[0-9]+)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<relation>==|<=|>=|!=|=|<|>)"
    r"|(?P<operator>\*\*|[-+*/^()])"
)
_SPACE = " \t\r\n"
_CHARACTER_HINTS = {
    ".": "attribute access is not allowed",
    "[": "subscripts are not allowed",
    "]": "subscripts are not allowed",
    ",": "commas are not allowed (one expression per string)",
    "'": "strings are not allowed",
    '"': "strings are not allowed",
    ":": "lambdas, slices and annotations are not allowed",
    ";": "statements are not allowed",
    "{": "sets and dictionaries are not allowed",
    "}": "sets and dictionaries are not allowed",
    "%": "the only operators are + - * / ** ^",
    "@": "the only operators are + - * / ** ^",
    "&": "the only operators are + - * / ** ^",
    "|": "the only operators are + - * / ** ^",
    "~": "the only operators are + - * / ** ^",
}


class ExpressionError(ValueError):
    """Text that is not an expression of the grammar; names the offending token and its position.

    Attributes
    ----------
    text : str or None
    position : int or None
        Character offset (from 0) of the offending token.
    token : str or None
        The offending token (``None`` at the end of the text).
    reason : str or None
        The message without the ``where`` prefix and the excerpt of the text.

    Examples
    --------
    >>> try:
    ...     parse_expression("x + * 2")
    ... except ExpressionError as err:
    ...     print(err.token, err.position)
    * 4
    """

    def __init__(self, message: str, *, text=None, position=None, token=None, reason=None):
        super().__init__(message)
        self.text = text
        self.position = position
        self.token = token
        self.reason = reason


class NotPolynomial(ExpressionError):
    """Readable text that is not a polynomial: division by a non-number, a negative or fractional exponent.

    Examples
    --------
    >>> parse_expression("1/x")
    Traceback (most recent call last):
        ...
    exactgeom.expressions.NotPolynomial: expression: '1/x' is not a polynomial: division by x at \
position 1 (only division by a non-zero number is allowed)
    """


class FloatLiteral(ExpressionError, TypeError):
    """A decimal literal such as ``0.5``: refused like a float; both a ``ValueError`` and a ``TypeError``.

    Examples
    --------
    >>> parse_expression("x + 0.25")
    Traceback (most recent call last):
        ...
    exactgeom.expressions.FloatLiteral: expression contains the float 0.25 at position 4; \
pass Fraction(1, 4) or "1/4" for an exact value
    """


class ExpressionTooLarge(ExpressionError, TooLarge):
    """Text beyond one of the module's limits, refused before the work (a ``ValueError`` and a TooLarge).

    Examples
    --------
    >>> parse_expression("x**10**9")
    Traceback (most recent call last):
        ...
    exactgeom.expressions.ExpressionTooLarge: expression: refused 'x**10**9': the exponent 1000000000 \
of '**' at position 1 is above MAX_EXPONENT = 1000
    """

    def __init__(self, message: str, *, text=None, position=None, token=None, reason=None, estimate=None,
                 limit=None, unit=None):
        super().__init__(message, text=text, position=position, token=token, reason=reason)
        self.estimate, self.limit, self.unit = estimate, limit, unit


class Relation(NamedTuple):
    """One relation ``lhs op rhs``, with ``op`` one of ``"=="``, ``"<="``, ``">="``, ``"<"``, ``">"``.

    Examples
    --------
    >>> r = parse_relation("2*x = 3*y + 4")
    >>> r.op, r.form
    ('==', 2*x - 3*y - 4)
    """

    lhs: object
    op: str
    rhs: object

    @property
    def form(self):
        """``lhs - rhs``: the relation reads ``form op 0``."""
        return self.lhs - self.rhs


class _Token(NamedTuple):
    kind: str
    text: str
    position: int


def _next_token(text: str, i: int) -> _Token:
    """The token at or after offset ``i``: "end" at the end of the text, "bad" at an unknown character."""
    n = len(text)
    while i < n and text[i] in _SPACE:
        i += 1
    if i == n:
        return _Token("end", "", n)
    match = _TOKEN.match(text, i)
    if match is None:
        return _Token("bad", text[i], i)
    return _Token(match.lastgroup, match.group(), i)


def _excerpt(text: str, position: int | None) -> str:
    if len(text) <= 60:
        return repr(text)
    start = max(0, (position or 0) - 25)
    return repr(("…" if start else "") + text[start:start + 50] + "…")


def _size(c: Fraction) -> int:
    return c.numerator.bit_length() + c.denominator.bit_length()


def _degree(p: dict) -> int:
    return max(map(len, p), default=0)


def _constant(p: dict):
    """The value of a constant polynomial, or None."""
    if any(p):  # a non-empty monomial
        return None
    return p.get((), Fraction(0))


def _at_most_binomial(n: int, k: int, limit: int) -> int:
    """min(C(n, k), limit + 1), computed step by step with an early exit."""
    k = min(k, n - k)
    if k < 0:
        return 0
    value = 1
    for j in range(1, k + 1):
        value = value * (n - k + j) // j
        if value > limit:
            return limit + 1
    return value


class _Reader:
    """One pass over one text: tokens, position, nesting depth and the counted work."""

    def __init__(self, text, variables, where: str):
        if not isinstance(text, str):
            raise TypeError(f"{where} must be a string, not {type(text).__name__}")
        self.text, self.where = text, where
        if len(text) > MAX_LENGTH:
            self.fail(ExpressionTooLarge, MAX_LENGTH, None,
                      f"the text has {len(text)} characters, more than MAX_LENGTH = {MAX_LENGTH}",
                      estimate=len(text), limit=MAX_LENGTH, unit="characters")
        self.declared = None if variables is None else _declared(variables, where)
        self.tokens = [_next_token(text, 0)]  # read lazily, so the first error stops the reading
        self.k = 0
        self.depth = 0
        self.work = 0
        self.symbols: list = []
        self.index: dict[str, int] = {}

    # ---------------------------------------------------------------- errors
    def fail(self, cls, position, token, reason, **extra):
        text = self.text
        if cls is FloatLiteral:
            message = f"{self.where} contains the float {token} at position {position}; {reason}"
        elif cls is NotPolynomial:
            message = f"{self.where}: {_excerpt(text, position)} is not a polynomial: {reason}"
        elif cls is ExpressionTooLarge:
            message = f"{self.where}: refused {_excerpt(text, position)}: {reason}"
        else:
            message = f"{self.where}: cannot read {_excerpt(text, position)}: {reason}"
        raise cls(message, text=text, position=position, token=token, reason=reason, **extra)

    def unexpected(self, token: _Token, expected: str):
        if token.kind == "bad":
            hint = _CHARACTER_HINTS.get(token.text, "it is not part of the grammar")
            self.fail(ExpressionError, token.position, token.text,
                      f"unexpected character {token.text!r} at position {token.position} ({hint})")
        if token.kind == "end":
            self.fail(ExpressionError, token.position, None,
                      f"the text ends (at position {token.position}) where {expected} is expected")
        previous = self.tokens[self.k - 1] if self.k else None
        after_operand = previous is not None and (
            previous.kind in ("integer", "name") or previous.text == ")"
        )
        if token.text == "(" and after_operand:
            hint = "function calls are not allowed, and there is no implicit multiplication: write '*'"
        elif token.kind in ("integer", "name", "decimal") or token.text == "(":
            hint = "an operator is missing before it (there is no implicit multiplication: write '*')"
        elif token.text == ")":
            hint = "it has no matching '('"
        elif token.kind == "relation":
            hint = (
                "'!=' is not a relation of the grammar (relations: = == <= >= < >)"
                if token.text == "!=" else "a relation is not allowed here"
            )
        else:
            hint = f"{expected} is expected"
        self.fail(ExpressionError, token.position, token.text,
                  f"unexpected {token.text!r} at position {token.position}: {hint}")

    def too_large(self, token: _Token, what: str, estimate: int, limit: int, name: str, unit: str):
        self.fail(ExpressionTooLarge, token.position, token.text,
                  f"{what} {token.text!r} at position {token.position} is above {name} = {limit}",
                  estimate=estimate, limit=limit, unit=unit)

    def spend(self, units: int, token: _Token):
        self.work += units
        if self.work > MAX_OPERATIONS:
            self.fail(ExpressionTooLarge, token.position, token.text,
                      f"expanding it needs more than MAX_OPERATIONS = {MAX_OPERATIONS} counted "
                      f"operations (reached at {token.text!r}, position {token.position})",
                      estimate=self.work, limit=MAX_OPERATIONS, unit="operations")

    # ---------------------------------------------------------------- grammar
    def peek(self) -> _Token:
        if self.k < len(self.tokens):
            return self.tokens[self.k]
        while self.k >= len(self.tokens):
            last = self.tokens[-1]
            if last.kind in ("end", "bad"):
                return last
            self.tokens.append(_next_token(self.text, last.position + len(last.text)))
        return self.tokens[self.k]

    def take(self) -> _Token:
        token = self.peek()
        self.k += 1
        return token

    def expression(self) -> dict:
        total = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take()
            sign = 1 if op.text == "+" else -1
            self.add_into(total, self.term(), sign, op)
        return total

    def term(self) -> dict:
        product = self.factor()
        while self.peek().text in ("*", "/"):
            op = self.take()
            right = self.factor()
            product = self.multiply(product, right, op) if op.text == "*" else self.divide(product, right, op)
        return product

    def factor(self) -> dict:
        token = self.peek()
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.fail(ExpressionTooLarge, token.position, token.text,
                      f"it nests more than MAX_DEPTH = {MAX_DEPTH} levels (at {token.text!r}, "
                      f"position {token.position})", estimate=self.depth, limit=MAX_DEPTH, unit="levels")
        if token.text in ("+", "-"):
            self.take()
            value = self.factor()
            if token.text == "-":
                self.spend(len(value), token)
                value = {m: -c for m, c in value.items()}
        else:
            value = self.power()
        self.depth -= 1
        return value

    def power(self) -> dict:
        base = self.atom()
        if self.peek().text not in ("**", "^"):
            return base
        op = self.take()
        exponent = self.factor()
        n = _constant(exponent)
        if n is None:
            self.fail(NotPolynomial, op.position, op.text,
                      f"the exponent of {op.text!r} at position {op.position} is not a number")
        if n.denominator != 1 or n < 0:
            self.fail(NotPolynomial, op.position, op.text,
                      f"the exponent {n} of {op.text!r} at position {op.position} is not a non-negative "
                      "integer")
        n = int(n)
        if n > MAX_EXPONENT:
            self.fail(ExpressionTooLarge, op.position, op.text,
                      f"the exponent {n} of {op.text!r} at position {op.position} is above "
                      f"MAX_EXPONENT = {MAX_EXPONENT}", estimate=n, limit=MAX_EXPONENT, unit="exponent")
        return self.raise_to(base, n, op)

    def atom(self) -> dict:
        token = self.take()
        if token.kind == "integer":
            if len(token.text) > MAX_DIGITS:
                self.too_large(token, f"the {len(token.text)}-digit number", len(token.text), MAX_DIGITS,
                               "MAX_DIGITS", "digits")
            value = int(token.text)
            return {(): Fraction(value)} if value else {}
        if token.kind == "decimal":
            self.fail(FloatLiteral, token.position, token.text, _decimal_hint(token.text))
        if token.kind == "name":
            return {(self.variable(token),): Fraction(1)}
        if token.text == "(":
            value = self.expression()
            closing = self.peek()
            if closing.text != ")":
                if closing.kind == "end":
                    self.fail(ExpressionError, token.position, "(",
                              f"the '(' at position {token.position} is never closed")
                self.unexpected(closing, "')'")
            self.take()
            return value
        self.k -= 1
        self.unexpected(token, "a number, a name or '('")

    def variable(self, token: _Token) -> int:
        name = token.text
        if name.startswith("__"):
            self.fail(ExpressionError, token.position, name,
                      f"the name {name!r} at position {token.position} is not allowed (names may not begin "
                      "with '__')")
        if keyword.iskeyword(name):
            self.fail(ExpressionError, token.position, name,
                      f"{name!r} at position {token.position} is a Python keyword, not a variable name")
        if name not in self.index:
            if self.declared is None:
                import sympy

                symbol = sympy.Symbol(name)
            elif name in self.declared:
                symbol = self.declared[name]
            else:
                listed = ", ".join(list(self.declared)[:10]) + (", …" if len(self.declared) > 10 else "")
                self.fail(ExpressionError, token.position, name,
                          f"unknown name {name!r} at position {token.position}; the variables are "
                          f"{listed or '(none)'}")
            self.index[name] = len(self.symbols)
            self.symbols.append(symbol)
        return self.index[name]

    # ---------------------------------------------------------------- arithmetic on {monomial: Fraction}
    # A monomial is the sorted tuple of its variables' indices, with repetition: x0**2*x1 is (0, 0, 1).
    def check_size(self, c: Fraction, token: _Token, bits: int | None = None):
        bits = _size(c) if bits is None else bits
        if bits > _MAX_BITS:
            digits = math.ceil(bits * math.log10(2))
            self.fail(ExpressionTooLarge, token.position, token.text,
                      f"{token.text!r} at position {token.position} makes a number of about {digits} "
                      f"digits, more than MAX_DIGITS = {MAX_DIGITS}", estimate=digits, limit=MAX_DIGITS,
                      unit="digits")

    def check_terms(self, p: dict, token: _Token):
        if len(p) > MAX_TERMS:
            self.fail(ExpressionTooLarge, token.position, token.text,
                      f"the expansion has more than MAX_TERMS = {MAX_TERMS} terms (at {token.text!r}, "
                      f"position {token.position})", estimate=len(p), limit=MAX_TERMS, unit="terms")

    def add_into(self, total: dict, other: dict, sign: int, token: _Token):
        self.spend(len(other) + sum(map(_size, other.values())) // 512, token)
        for m, c in other.items():
            value = total.get(m, 0) + (c if sign > 0 else -c)
            if value:
                if _size(value) > _MAX_BITS:
                    self.check_size(value, token)
                total[m] = value
            else:
                total.pop(m, None)
        self.check_terms(total, token)

    def multiply(self, a: dict, b: dict, token: _Token) -> dict:
        degree = _degree(a) + _degree(b)
        if a and b and degree > MAX_DEGREE:
            self.fail(ExpressionTooLarge, token.position, token.text,
                      f"the product {token.text!r} at position {token.position} has degree {degree}, above "
                      f"MAX_DEGREE = {MAX_DEGREE}", estimate=degree, limit=MAX_DEGREE, unit="degree")
        size = max(map(_size, a.values()), default=0) + max(map(_size, b.values()), default=0)
        self.spend(len(a) * len(b) * (1 + degree // 8 + size // 256), token)
        out: dict = {}
        for m, c in a.items():
            for mm, cc in b.items():
                key = tuple(sorted(m + mm))
                value = out.get(key, 0) + c * cc
                if value:
                    out[key] = value
                else:
                    del out[key]
        for value in out.values():
            self.check_size(value, token)
        self.check_terms(out, token)
        return out

    def divide(self, a: dict, b: dict, token: _Token) -> dict:
        c = _constant(b)
        if c is None:
            divisor = _sympy(b, self.symbols)
            self.fail(NotPolynomial, token.position, token.text,
                      f"division by {divisor} at position {token.position} (only division by a non-zero "
                      "number is allowed)")
        if c == 0:
            self.fail(ExpressionError, token.position, token.text,
                      f"division by zero at position {token.position}")
        self.spend(len(a), token)
        out = {m: v / c for m, v in a.items()}
        for value in out.values():
            self.check_size(value, token)
        return out

    def raise_to(self, base: dict, n: int, token: _Token) -> dict:
        if n == 0:
            return {(): Fraction(1)}
        degree = _degree(base) * n
        if degree > MAX_DEGREE:
            self.fail(ExpressionTooLarge, token.position, token.text,
                      f"the power {token.text!r} at position {token.position} has degree {degree}, above "
                      f"MAX_DEGREE = {MAX_DEGREE}", estimate=degree, limit=MAX_DEGREE, unit="degree")
        if len(base) <= 1:  # a monomial or zero: no expansion, but the coefficient may grow
            if not base:
                return {}
            ((m, c),) = base.items()
            # a lower bound for the size of c**n, checked before computing it
            self.check_size(c, token, n * (c.numerator.bit_length() + c.denominator.bit_length() - 2) + 2)
            value = c**n
            self.check_size(value, token)
            return {tuple(sorted(m * n)): value}
        bound = _at_most_binomial(len(base) + n - 1, n, MAX_TERMS)
        if bound > MAX_TERMS:
            names = sorted({i for m in base for i in m})
            bound = min(bound, _at_most_binomial(len(names) + degree, degree, MAX_TERMS))
        if bound > MAX_TERMS:
            self.fail(ExpressionTooLarge, token.position, token.text,
                      f"the power {token.text!r} at position {token.position} expands to more than "
                      f"MAX_TERMS = {MAX_TERMS} terms", estimate=bound, limit=MAX_TERMS, unit="terms")
        result = base
        for _ in range(n - 1):
            result = self.multiply(result, base, token)
        return result


def _decimal_hint(literal: str) -> str:
    mantissa, _, exponent = literal.lower().partition("e")
    if len(mantissa) <= 40 and (not exponent or abs(int(exponent)) <= 40):
        f = Fraction(literal)
        return f'pass Fraction({f.numerator}, {f.denominator}) or "{f}" for an exact value'
    return 'write the number exactly as an integer or a fraction "p/q"'


def _declared(variables, where: str) -> dict:
    import sympy

    if isinstance(variables, (str, sympy.Basic)):
        variables = [variables]
    out: dict = {}
    for i, v in enumerate(variables):
        if isinstance(v, str):
            symbol = sympy.Symbol(v)
        elif isinstance(v, sympy.Symbol):
            symbol = v
        else:
            raise TypeError(f"variables[{i}] of {where} is {v!r}; pass names or sympy Symbols")
        if symbol.name in out and out[symbol.name] != symbol:
            raise ValueError(f"variables name {symbol.name!r} twice, as different symbols")
        out[symbol.name] = symbol
    return out


def _sympy(p: dict, symbols: list):
    """The sympy expression of a {monomial: Fraction} polynomial."""
    import sympy

    terms = []
    for m, c in p.items():
        factors = [sympy.Rational(c.numerator, c.denominator)]
        factors += [sympy.Pow(symbols[i], sympy.Integer(e)) for i, e in Counter(m).items()]
        terms.append(sympy.Mul(*factors))
    return sympy.Add(*terms)


def _read(text, variables, where: str, relations: bool):
    reader = _Reader(text, variables, where)
    sides = [reader.expression()]
    ops = []
    while reader.peek().kind == "relation" and relations:
        token = reader.take()
        if token.text == "!=":
            reader.k -= 1
            reader.unexpected(token, "")
        ops.append((RELATIONS[token.text], token))
        sides.append(reader.expression())
    end = reader.peek()
    if end.kind != "end":
        reader.unexpected(end, "an operator" if not relations else "an operator or a relation")
    if relations and not ops:
        reader.fail(ExpressionError, end.position, None,
                    "it has no relation; write e.g. \"2*x - y < 3\" (relations: = == <= >= < >)")
    return reader, [_sympy(side, reader.symbols) for side in sides], ops


def parse_expression(text: str, variables=None, *, where: str = "expression"):
    """The polynomial written in ``text``, as an expanded sympy expression.

    Parameters
    ----------
    text : str
        An expression of the grammar of :mod:`exactgeom.expressions`.
    variables : iterable of str or sympy Symbol, optional
        The names the text may use; each becomes the Symbol given (so assumptions
        carry over).  By default every name is accepted, as a plain Symbol.
    where : str, optional
        How error messages name the text, e.g. ``"features[2]"``.

    Returns
    -------
    sympy.Expr
        A polynomial with rational coefficients, expanded.

    Raises
    ------
    ExpressionError
        Text outside the grammar, an unknown name; subclasses :class:`NotPolynomial`,
        :class:`ExpressionTooLarge` and :class:`FloatLiteral` (also a ``TypeError``).
    TypeError
        ``text`` is not a string.

    Examples
    --------
    >>> parse_expression("-x**2 + 2^3^2 - 3/4")
    2045/4 - x**2
    >>> parse_expression("(a + b)^2", variables=["a", "b"])
    a**2 + 2*a*b + b**2
    >>> parse_expression("a + c", variables=["a", "b"])
    Traceback (most recent call last):
        ...
    exactgeom.expressions.ExpressionError: expression: cannot read 'a + c': unknown name 'c' at position 4; \
the variables are a, b
    >>> parse_expression("2x")
    Traceback (most recent call last):
        ...
    exactgeom.expressions.ExpressionError: expression: cannot read '2x': unexpected 'x' at position 1: \
an operator is missing before it (there is no implicit multiplication: write '*')
    """
    _, (value,), _ = _read(text, variables, where, relations=False)
    return value


def parse_relations(text: str, variables=None, *, where: str = "relation") -> tuple[Relation, ...]:
    """The relations of a chain such as ``"0 <= x < 1"``: one :class:`Relation` per relation sign.

    Parameters
    ----------
    text : str
        Expressions separated by relations ``= == <= >= < >`` (``=`` is read as ``==``).
    variables : iterable of str or sympy Symbol, optional
        As for :func:`parse_expression`.
    where : str, optional
        How error messages name the text.

    Returns
    -------
    tuple of Relation
        ``a op1 b op2 c`` gives ``(Relation(a, op1, b), Relation(b, op2, c))``.

    Raises
    ------
    ExpressionError
        As for :func:`parse_expression`; also for a text without relation and for ``!=``.

    Examples
    --------
    >>> parse_relations("0 <= x < 1")
    (Relation(lhs=0, op='<=', rhs=x), Relation(lhs=x, op='<', rhs=1))
    >>> parse_relations("x != 1")
    Traceback (most recent call last):
        ...
    exactgeom.expressions.ExpressionError: relation: cannot read 'x != 1': unexpected '!=' at position 2: \
'!=' is not a relation of the grammar (relations: = == <= >= < >)
    """
    _, sides, ops = _read(text, variables, where, relations=True)
    return tuple(Relation(sides[k], op, sides[k + 1]) for k, (op, _) in enumerate(ops))


def parse_relation(text: str, variables=None, *, where: str = "relation") -> Relation:
    """The single relation written in ``text``, such as ``"2*x = 3*y + 4"``.

    Parameters
    ----------
    text : str
    variables : iterable of str or sympy Symbol, optional
        As for :func:`parse_expression`.
    where : str, optional
        How error messages name the text.

    Returns
    -------
    Relation
        ``lhs``, ``op`` (``"=="`` for ``=``) and ``rhs``; ``.form`` is ``lhs - rhs``.

    Raises
    ------
    ExpressionError
        As for :func:`parse_relations`, and for a chain of several relations.

    Examples
    --------
    >>> parse_relation("x + y >= 1/2").form
    x + y - 1/2
    >>> parse_relation("0 < x < 1")
    Traceback (most recent call last):
        ...
    exactgeom.expressions.ExpressionError: relation: cannot read '0 < x < 1': '<' at position 6 is a second \
relation; pass one relation (parse_relations reads chains)
    """
    reader, sides, ops = _read(text, variables, where, relations=True)
    if len(ops) > 1:
        token = ops[1][1]
        reader.fail(ExpressionError, token.position, token.text,
                    f"{token.text!r} at position {token.position} is a second relation; pass one relation "
                    "(parse_relations reads chains)")
    return Relation(sides[0], ops[0][0], sides[1])


def as_expression(value, variables=None, *, where: str = "expression"):
    """A sympy expression from a string (read by :func:`parse_expression`) or from a sympy/number value.

    Values other than strings go through ``sympy.sympify(value, strict=True)``,
    which converts numbers and sympy objects and never parses text; floats stay
    sympy Floats, for the caller to refuse with its own message.

    Parameters
    ----------
    value : str, sympy expression, int or Fraction
    variables : iterable of str or sympy Symbol, optional
        Only used for strings; as for :func:`parse_expression`.
    where : str, optional
        How error messages name the value.

    Raises
    ------
    TypeError
        A bool, or a value sympy does not convert without parsing.
    ExpressionError
        For strings, as :func:`parse_expression`.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> as_expression("x**2 - 1", [x]) == as_expression(x**2 - 1)
    True
    >>> as_expression(True, where="activation")
    Traceback (most recent call last):
        ...
    TypeError: activation is the bool True; pass a sympy expression or a string such as "x**2 + 1"
    """
    import sympy

    if isinstance(value, str):
        return parse_expression(value, variables, where=where)
    if isinstance(value, bool):
        raise TypeError(
            f'{where} is the bool {value}; pass a sympy expression or a string such as "x**2 + 1"'
        )
    try:
        return sympy.sympify(value, strict=True)
    except sympy.SympifyError:
        raise TypeError(
            f'{where} has type {type(value).__name__}; pass a sympy expression or a string such as "x**2 + 1"'
        ) from None

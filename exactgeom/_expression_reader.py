"""The reader behind :mod:`exactgeom.expressions`: tokenizer, recursive descent, sparse arithmetic.

A polynomial is a dict ``{monomial: Fraction}``, a monomial the sorted tuple of its
variables' indices (with repetition).  Every operation is counted and checked against
the limits below before it is done; :mod:`exactgeom.expressions` documents the grammar
and re-exports the limits.  :meth:`Reader.number` reads a text that is one rational number;
it and the expressions share the reading of literals (:meth:`Reader.literal`), so a number
written as text means the same wherever the package reads it.
"""

from __future__ import annotations

import keyword
import math
import re
from collections import Counter
from fractions import Fraction
from typing import NamedTuple

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


def _short(token: str) -> str:
    """A token for a message: a hostile number may be thousands of characters long."""
    return repr(token) if len(token) <= 40 else repr(token[:20] + "…" + token[-8:])


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


class Reader:
    """One pass over one text: tokens, position, nesting depth and the counted work.

    The error classes are attributes, bound by :mod:`exactgeom.expressions` (their public
    home) in its subclass, so that this module does not import it.
    """

    ExpressionError = NotPolynomial = NotANumber = ExpressionTooLarge = None

    def __init__(self, text, variables, where: str):
        if not isinstance(text, str):
            raise TypeError(f"{where} must be a string, not {type(text).__name__}")
        self.text, self.where = text, where
        if len(text) > MAX_LENGTH:
            self.fail(self.ExpressionTooLarge, MAX_LENGTH, None,
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
        if cls is self.NotANumber:
            message = (f"{self.where} is the string {_excerpt(text, position)}, which is not a rational "
                       f"number: {reason}")
        elif cls is self.NotPolynomial:
            message = f"{self.where}: {_excerpt(text, position)} is not a polynomial: {reason}"
        elif cls is self.ExpressionTooLarge:
            message = f"{self.where}: refused {_excerpt(text, position)}: {reason}"
        else:
            message = f"{self.where}: cannot read {_excerpt(text, position)}: {reason}"
        raise cls(message, text=text, position=position, token=token, reason=reason, **extra)

    def unexpected(self, token: _Token, expected: str):
        if token.kind == "bad":
            hint = _CHARACTER_HINTS.get(token.text, "it is not part of the grammar")
            self.fail(self.ExpressionError, token.position, token.text,
                      f"unexpected character {token.text!r} at position {token.position} ({hint})")
        if token.kind == "end":
            self.fail(self.ExpressionError, token.position, None,
                      f"the text ends (at position {token.position}) where {expected} is expected")
        previous = self.tokens[self.k - 1] if self.k else None
        after_operand = previous is not None and (
            previous.kind in ("integer", "decimal", "name") or previous.text == ")"
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
        self.fail(self.ExpressionError, token.position, token.text,
                  f"unexpected {token.text!r} at position {token.position}: {hint}")

    def too_large(self, token: _Token, what: str, estimate: int, limit: int, name: str, unit: str):
        self.fail(self.ExpressionTooLarge, token.position, token.text,
                  f"{what} {_short(token.text)} at position {token.position} is above {name} = {limit}",
                  estimate=estimate, limit=limit, unit=unit)

    def spend(self, units: int, token: _Token):
        self.work += units
        if self.work > MAX_OPERATIONS:
            self.fail(self.ExpressionTooLarge, token.position, token.text,
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
            self.fail(self.ExpressionTooLarge, token.position, token.text,
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
            self.fail(self.NotPolynomial, op.position, op.text,
                      f"the exponent of {op.text!r} at position {op.position} is not a number")
        if n.denominator != 1 or n < 0:
            self.fail(self.NotPolynomial, op.position, op.text,
                      f"the exponent {n} of {op.text!r} at position {op.position} is not a non-negative "
                      "integer")
        n = int(n)
        if n > MAX_EXPONENT:
            self.fail(self.ExpressionTooLarge, op.position, op.text,
                      f"the exponent {n} of {op.text!r} at position {op.position} is above "
                      f"MAX_EXPONENT = {MAX_EXPONENT}", estimate=n, limit=MAX_EXPONENT, unit="exponent")
        return self.raise_to(base, n, op)

    def literal(self, token: _Token) -> Fraction:
        """The exact value of an integer or decimal literal, its size checked before it is computed.

        A decimal ``m.fe±k`` is the rational m.f × 10^±k (never a binary float); its digits
        (numerator and denominator together, from the length of the text) count against
        :data:`MAX_DIGITS`, so ``1e999999`` is refused without building 10^999999.
        """
        text = token.text
        if token.kind == "integer":
            if len(text) > MAX_DIGITS:
                self.too_large(token, f"the {len(text)}-digit number", len(text), MAX_DIGITS,
                               "MAX_DIGITS", "digits")
            return Fraction(int(text))
        mantissa, _, exponent = text.lower().partition("e")
        whole, _, fraction = mantissa.partition(".")
        digits = (whole + fraction).lstrip("0")
        if not digits:
            return Fraction(0)
        exponent_digits = exponent.lstrip("+-").lstrip("0")
        if len(exponent_digits) > 9:  # checked before int() reads it
            self.too_large(token, f"the decimal with a {len(exponent_digits)}-digit exponent", 10**9,
                           MAX_DIGITS, "MAX_DIGITS", "digits")
        scale = int(exponent or "0") - len(fraction)
        size = len(digits) + abs(scale)
        if size > MAX_DIGITS:
            self.too_large(token, f"the {size}-digit decimal", size, MAX_DIGITS, "MAX_DIGITS", "digits")
        return Fraction(int(digits) * 10**scale) if scale >= 0 else Fraction(int(digits), 10**-scale)

    def number(self) -> Fraction:
        """The whole text as one rational number: ``[+|-] literal ["/" literal]``.

        Anything else (a name such as ``nan`` or ``inf``, a second operator, division by zero) is
        refused with :attr:`NotANumber`; sizes as for :meth:`literal`.
        """
        token = self.take()
        sign = 1
        if token.text in ("+", "-"):
            sign = -1 if token.text == "-" else 1
            token = self.take()
        value = self.number_literal(token)
        end = self.take()
        if end.text == "/":
            divisor = self.number_literal(self.take())
            if not divisor:
                self.fail(self.NotANumber, end.position, end.text,
                          f"division by zero at position {end.position}")
            value /= divisor
            self.check_size(value, end)
            end = self.take()
        if end.kind != "end":
            self.fail(self.NotANumber, end.position, end.text,
                      f"unexpected {end.text!r} at position {end.position}; a number is an integer, a "
                      'fraction "p/q" or a finite decimal such as "0.5" or "1e-3"')
        return sign * value

    def number_literal(self, token: _Token) -> Fraction:
        if token.kind in ("integer", "decimal"):
            return self.literal(token)
        if token.kind == "end":
            reason = f"the text ends (at position {token.position}) where a number is expected"
        elif token.text.lower() in ("nan", "inf", "infinity"):
            reason = f"{token.text!r} at position {token.position} has no exact value"
        else:
            reason = (f"{token.text!r} at position {token.position} is not a number; write an integer, a "
                      'fraction "p/q" or a finite decimal such as "0.5" or "1e-3"')
        self.fail(self.NotANumber, token.position, token.text, reason)

    def atom(self) -> dict:
        token = self.take()
        if token.kind in ("integer", "decimal"):
            value = self.literal(token)
            return {(): value} if value else {}
        if token.kind == "name":
            return {(self.variable(token),): Fraction(1)}
        if token.text == "(":
            value = self.expression()
            closing = self.peek()
            if closing.text != ")":
                if closing.kind == "end":
                    self.fail(self.ExpressionError, token.position, "(",
                              f"the '(' at position {token.position} is never closed")
                self.unexpected(closing, "')'")
            self.take()
            return value
        self.k -= 1
        self.unexpected(token, "a number, a name or '('")

    def variable(self, token: _Token) -> int:
        name = token.text
        if name.startswith("__"):
            self.fail(self.ExpressionError, token.position, name,
                      f"the name {name!r} at position {token.position} is not allowed (names may not begin "
                      "with '__')")
        if keyword.iskeyword(name):
            self.fail(self.ExpressionError, token.position, name,
                      f"{name!r} at position {token.position} is a Python keyword, not a variable name")
        if name not in self.index:
            if self.declared is None:
                import sympy

                symbol = sympy.Symbol(name)
            elif name in self.declared:
                symbol = self.declared[name]
            else:
                listed = ", ".join(list(self.declared)[:10]) + (", …" if len(self.declared) > 10 else "")
                self.fail(self.ExpressionError, token.position, name,
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
            self.fail(self.ExpressionTooLarge, token.position, token.text,
                      f"{token.text!r} at position {token.position} makes a number of about {digits} "
                      f"digits, more than MAX_DIGITS = {MAX_DIGITS}", estimate=digits, limit=MAX_DIGITS,
                      unit="digits")

    def check_terms(self, p: dict, token: _Token):
        if len(p) > MAX_TERMS:
            self.fail(self.ExpressionTooLarge, token.position, token.text,
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
            self.fail(self.ExpressionTooLarge, token.position, token.text,
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
            self.fail(self.NotPolynomial, token.position, token.text,
                      f"division by {divisor} at position {token.position} (only division by a non-zero "
                      "number is allowed)")
        if c == 0:
            self.fail(self.ExpressionError, token.position, token.text,
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
            self.fail(self.ExpressionTooLarge, token.position, token.text,
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
            self.fail(self.ExpressionTooLarge, token.position, token.text,
                      f"the power {token.text!r} at position {token.position} expands to more than "
                      f"MAX_TERMS = {MAX_TERMS} terms", estimate=bound, limit=MAX_TERMS, unit="terms")
        result = base
        for _ in range(n - 1):
            result = self.multiply(result, base, token)
        return result


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

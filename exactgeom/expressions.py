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
    atom       := integer | decimal | name | "(" expression ")"

- An *integer* is a run of decimal digits; a rational is written as a division,
  ``3/4``.  ``/`` divides by a non-zero number only, so every expression is a
  polynomial with rational coefficients.
- A *decimal* literal (``0.5``, ``.5``, ``2.``, ``1e-3``, ``2.5E+2``) is the
  rational it denotes: ``0.1`` is exactly 1/10, never the binary float
  0.1000000000000000055….  ``nan`` and ``inf`` are names, not numbers.  (A Python
  ``float`` passed as a value is still refused everywhere: it is already a binary
  approximation.)
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

A text that is one number — an entry of a matrix passed as a string, a number in a
command-line file — is read by :func:`parse_number` with the same literals and
limits: ``[+|-] literal ["/" literal]``.

Examples
--------
>>> parse_expression("2*x^2 - (x - 1/2)*y")
2*x**2 - x*y + y/2
>>> parse_relation("2*x = 3*y + 4")
Relation(lhs=2*x, op='==', rhs=3*y + 4)
>>> parse_expression("0.1*x + 1e-3")
x/10 + 1/1000
>>> parse_expression("__import__('os').system('ls')")
Traceback (most recent call last):
    ...
exactgeom.expressions.ExpressionError: expression: cannot read "__import__('os').system('ls')": \
the name '__import__' at position 0 is not allowed (names may not begin with '__')
"""

from __future__ import annotations

import re
import warnings
from fractions import Fraction
from typing import NamedTuple

from .errors import TooLarge

__all__ = [
    "parse_expression",
    "parse_number",
    "parse_relation",
    "parse_relations",
    "as_expression",
    "Relation",
    "ExpressionError",
    "NotPolynomial",
    "NotANumber",
    "ExpressionTooLarge",
    "MAX_LENGTH",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_EXPONENT",
    "MAX_DEGREE",
    "MAX_TERMS",
    "MAX_OPERATIONS",
]

from ._expression_reader import (  # noqa: F401  (MAX_* are documented here)
    MAX_DEGREE,
    MAX_DEPTH,
    MAX_DIGITS,
    MAX_EXPONENT,
    MAX_LENGTH,
    MAX_OPERATIONS,
    MAX_TERMS,
    Reader,
    _declared,
    _sympy,
)

_PLAIN_NUMBER = re.compile(r"[ \t\r\n]*(?P<sign>[-+]?)[ \t\r\n]*(?P<numerator>[0-9]{1,50})"
                           r"(?:[ \t\r\n]*/[ \t\r\n]*(?P<denominator>[0-9]{1,50}))?[ \t\r\n]*")

RELATIONS = {"=": "==", "==": "==", "<=": "<=", ">=": ">=", "<": "<", ">": ">"}



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


class NotANumber(ExpressionError, TypeError):
    """Text read as one number that is not one: both a ``ValueError`` and a ``TypeError``.

    A ``TypeError`` as well, because a string that is no number is, like any other value that
    is no number, a value of the wrong kind where a scalar is expected.

    Examples
    --------
    >>> parse_number("nan", where="w[0]")
    Traceback (most recent call last):
        ...
    exactgeom.expressions.NotANumber: w[0] is the string 'nan', which is not a rational number: 'nan' at \
position 0 has no exact value
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


class _Reader(Reader):
    """The reader raising the error classes of this module."""

    ExpressionError, NotPolynomial, NotANumber, ExpressionTooLarge = (
        ExpressionError, NotPolynomial, NotANumber, ExpressionTooLarge)



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
        Text outside the grammar, an unknown name; subclasses :class:`NotPolynomial` and
        :class:`ExpressionTooLarge`.
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


def parse_number(text: str, *, where: str = "number") -> Fraction:
    """The rational number written in ``text``: an integer, a fraction or a finite decimal.

    The literals are those of the expression grammar, so a number means the same here as in
    an expression: ``[+|-] literal ["/" literal]``, spaces around the tokens ignored, a literal
    an integer (``12``) or a decimal (``0.5``, ``.5``, ``2.``, ``1e-3``, ``2.5E+2``), read
    exactly.  :func:`exactgeom._exact.exact_scalar` reads every string through it.

    Parameters
    ----------
    text : str
    where : str, optional
        How error messages name the text, e.g. ``"normals[0][1]"``.

    Returns
    -------
    fractions.Fraction

    Raises
    ------
    NotANumber
        Anything else: ``"nan"``, ``"inf"``, ``"1/0"``, ``"x"``, ``"1 2"``, an empty text (a
        ``ValueError`` and a ``TypeError``).
    ExpressionTooLarge
        More than :data:`MAX_LENGTH` characters, or a number of more than :data:`MAX_DIGITS`
        digits (numerator and denominator together), decided from the text before the number
        is built: ``"1e999999"`` is refused at once.
    TypeError
        ``text`` is not a string.

    Examples
    --------
    >>> parse_number("0.1"), parse_number("-3/4"), parse_number("1e-3"), parse_number(" 2.5E+2 ")
    (Fraction(1, 10), Fraction(-3, 4), Fraction(1, 1000), Fraction(250, 1))
    >>> parse_number("1.5/2")
    Fraction(3, 4)
    >>> parse_number("1e999999")
    Traceback (most recent call last):
        ...
    exactgeom.expressions.ExpressionTooLarge: number: refused '1e999999': the 1000000-digit decimal \
'1e999999' at position 0 is above MAX_DIGITS = 4000
    """
    if isinstance(text, str):
        plain = _PLAIN_NUMBER.fullmatch(text)
        if plain is not None and (plain["denominator"] is None or plain["denominator"].strip("0")):
            # the common case, read without a reader: short integers and fractions, no size to check
            value = Fraction(int(plain["numerator"]), int(plain["denominator"] or 1))
            return -value if plain["sign"] == "-" else value
    return _Reader(text, None, where).number()


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


class _FloatLiteral(ExpressionError, TypeError):
    """What a decimal literal raised before decimals were read exactly; kept for ``except`` clauses."""


def __getattr__(name: str):
    if name == "FloatLiteral":
        warnings.warn("exactgeom.expressions.FloatLiteral is no longer raised: decimal literals such as "
                      "0.5 are read as the exact rational they denote", DeprecationWarning, stacklevel=2)
        return _FloatLiteral
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

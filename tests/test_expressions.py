"""The one reader of expressions: grammar, errors naming the token, no evaluation, bounded work."""

from __future__ import annotations

import secrets
from fractions import Fraction
from pathlib import Path

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from exactgeom import expressions
from exactgeom._exact import exact_scalar, exact_vector
from exactgeom.errors import TooLarge
from exactgeom.expressions import (
    MAX_DEPTH,
    MAX_DIGITS,
    MAX_EXPONENT,
    MAX_LENGTH,
    ExpressionError,
    ExpressionTooLarge,
    NotANumber,
    NotPolynomial,
    Relation,
    as_expression,
    parse_expression,
    parse_number,
    parse_relation,
    parse_relations,
)

import timing

x, y, z = sympy.symbols("x y z")
R = sympy.Rational


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1 + 2*3", sympy.Integer(7)),
        ("(1 + 2)*3", sympy.Integer(9)),
        ("-x**2", -(x**2)),
        ("-2**2", sympy.Integer(-4)),
        ("(-2)**2", sympy.Integer(4)),
        ("2^3^2", sympy.Integer(512)),
        ("2**3**2", sympy.Integer(512)),
        ("(2**3)**2", sympy.Integer(64)),
        ("x^2", x**2),
        ("x - y - z", x - y - z),
        ("x - (y - z)", x - y + z),
        ("x/2/3", x / 6),
        ("3/4", R(3, 4)),
        ("-3/4*x", R(-3, 4) * x),
        ("+x", x),
        ("- - x", x),
        ("2*-x", -2 * x),
        ("x**-(-2)", x**2),
        ("x**(1 + 1)", x**2),
        ("x^0", sympy.Integer(1)),
        ("0^0", sympy.Integer(1)),
        ("(x + y)^2 - x^2 - y^2", 2 * x * y),
        ("007", sympy.Integer(7)),
        ("  x\t*\ny ", x * y),
    ],
)
def test_grammar_against_sympy_built_directly(text, expected):
    assert parse_expression(text) == sympy.expand(expected)


def test_every_name_is_a_plain_symbol_and_declared_symbols_are_reused():
    E, I, S, pi = sympy.symbols("E I S pi")
    assert parse_expression("E + I + S + pi") == E + I + S + pi
    positive = sympy.Symbol("t", positive=True)
    assert parse_expression("t**2", [positive]).free_symbols == {positive}
    with pytest.raises(ExpressionError, match="unknown name 'u' at position 4; the variables are t"):
        parse_expression("t + u", [positive])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2*x = 3*y + 4", [Relation(2 * x, "==", 3 * y + 4)]),
        ("x == 1", [Relation(x, "==", 1)]),
        ("x <= 1", [Relation(x, "<=", 1)]),
        ("x >= 1", [Relation(x, ">=", 1)]),
        ("x < 1", [Relation(x, "<", 1)]),
        ("x > 1", [Relation(x, ">", 1)]),
        ("0 <= x < y + 1", [Relation(0, "<=", x), Relation(x, "<", y + 1)]),
    ],
)
def test_relations(text, expected):
    assert list(parse_relations(text)) == expected
    if len(expected) == 1:
        assert parse_relation(text) == expected[0]
        assert parse_relation(text).form == expected[0].lhs - expected[0].rhs


@pytest.mark.parametrize(
    "text, token, position",
    [
        ("x + * 2", "*", 4),
        ("2x", "x", 1),
        ("2(x)", "(", 1),
        ("f(x)", "(", 1),
        ("x.y", ".", 1),
        ("x[0]", "[", 1),
        ("x, y", ",", 1),
        ("'x'", "'", 0),
        ("x ? y", "?", 2),
        ("x % 2", "%", 2),
        ("x)", ")", 1),
        ("(x", "(", 0),
        ("x +", None, 3),
        ("", None, 0),
        ("__class__", "__class__", 0),
        ("lambda: 0", "lambda", 0),
        ("x for x in y", "for", 2),
        ("x < 1", "<", 2),
        ("x ** y", "**", 2),
        ("x / y", "/", 2),
        ("x / (1 - 1)", "/", 2),
    ],
)
def test_errors_name_the_token_and_its_position(text, token, position):
    with pytest.raises(ExpressionError) as info:
        parse_expression(text)
    assert isinstance(info.value, ValueError)
    assert (info.value.token, info.value.position) == (token, position)
    assert f"position {position}" in str(info.value)


def test_relation_errors():
    with pytest.raises(ExpressionError, match="has no relation"):
        parse_relations("x + 1")
    with pytest.raises(ExpressionError, match="'!=' at position 2") as info:
        parse_relations("x != 1")
    assert info.value.token == "!="
    with pytest.raises(ExpressionError, match="second relation"):
        parse_relation("0 < x < 1")


def test_non_polynomials_are_refused():
    for text in ["1/x", "x**-1", "x^(1/2)", "2**y", "1/(x + 1)"]:
        with pytest.raises(NotPolynomial):
            parse_expression(text)


# ----------------------------------------------------------------------------- numbers written as text
DECIMALS = [("0.5", R(1, 2)), (".1", R(1, 10)), ("2.", R(2)), ("1e3", R(1000)), ("25e-2", R(1, 4)),
            ("1e-3", R(1, 1000)), ("2.5E+2", R(250)), ("007.50", R(15, 2)), ("0e999999999", R(0))]


@pytest.mark.parametrize("literal, exact", DECIMALS)
def test_decimal_literals_are_their_exact_value(literal, exact):
    assert parse_expression(f"x + {literal}") == x + exact
    assert parse_number(literal) == exact_scalar(literal) == Fraction(exact.p, exact.q)
    assert type(exact_scalar(literal)) is Fraction


def test_one_tenth_is_one_tenth_not_the_binary_float():
    assert exact_scalar("0.1") == Fraction(1, 10) != Fraction(0.1)
    assert parse_expression("0.1") == R(1, 10) and sum([exact_scalar("0.1")] * 10) == 1
    with pytest.raises(TypeError, match=r'w\[0\] is the float 0.1; pass Fraction\(1, 10\) or "1/10"'):
        exact_scalar(0.1, "w[0]")  # a Python float is already binary: still refused


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**12), st.integers(0, 12), st.integers(-30, 30), st.booleans(), st.booleans())
def test_decimal_text_against_integer_arithmetic(mantissa, places, exponent, negative, capital):
    """m with ``places`` digits after the point, times 10**exponent: built from integers alone."""
    digits = str(mantissa).rjust(places + 1, "0")
    text = ("-" if negative else "") + digits[: len(digits) - places] + "." + digits[len(digits) - places:]
    text += ("E" if capital else "e") + str(exponent)
    expected = Fraction(mantissa, 10**places) * Fraction(10) ** exponent * (-1 if negative else 1)
    assert exact_scalar(text) == parse_number(text) == expected
    assert parse_expression(f"x*({text})") == sympy.Rational(expected.numerator, expected.denominator) * x


@settings(max_examples=200, deadline=None)
@given(st.integers(-(10**60), 10**60), st.integers(1, 10**60), st.sampled_from(["", " ", "\t"]),
       st.sampled_from(["", "+"]))
def test_fractions_as_text_short_and_long(p, q, space, plus):
    """Integers and fractions of up to 61 digits (the short ones have a faster path): p/q exactly."""
    text = f"{space}{plus if p >= 0 else ''}{p}{space}/{space}{q}{space}"
    assert parse_number(text) == exact_scalar(text) == Fraction(p, q)
    assert parse_number(f"{space}{p}{space}") == p


@pytest.mark.parametrize("text, reason", [
    ("nan", "'nan' at position 0 has no exact value"), ("inf", "has no exact value"),
    ("-Infinity", "has no exact value"), ("1/0", "division by zero"), ("-7/000", "division by zero"),
    ("", "the text ends"), ("+", "the text ends"),
    ("x", "'x' at position 0 is not a number"), ("1 2", "unexpected '2'"), ("0.5.5", "unexpected '.5'"),
    ("1/2/3", "unexpected '/'"), ("1_000", "unexpected '_000'"), ("2*3", "unexpected '*'"),
])
def test_text_that_is_no_number_is_refused_naming_it(text, reason):
    with pytest.raises(NotANumber) as info:
        exact_scalar(text, "w[1]")
    assert str(info.value).startswith(f"w[1] is the string {text!r}, which is not a rational number: ")
    assert reason in str(info.value)
    assert isinstance(info.value, ValueError) and isinstance(info.value, TypeError)


@pytest.mark.parametrize("text", ["1e999999", "1e-999999", "1e" + "9" * 10_000, "9" * (MAX_DIGITS + 1),
                                  "0." + "0" * MAX_DIGITS + "1", "1" * 3000 + "/2" + "0" * 2999,
                                  "1" * (MAX_LENGTH + 1)], ids=lambda t: t[:12])
def test_huge_numbers_as_text_are_refused_quickly(text):
    start = timing.clock()
    for read in (exact_scalar, parse_number, parse_expression):
        with pytest.raises(ExpressionTooLarge) as info:
            read(text)
        assert isinstance(info.value, ValueError) and info.value.limit is not None
    assert timing.clock() - start < timing.LIMIT


def test_largest_numbers_as_text_are_read():
    assert exact_scalar("9" * MAX_DIGITS) == 10**MAX_DIGITS - 1
    assert exact_scalar(f"1e{MAX_DIGITS - 1}") == 10 ** (MAX_DIGITS - 1)
    assert exact_scalar(f"1e-{MAX_DIGITS - 1}") == Fraction(1, 10 ** (MAX_DIGITS - 1))
    assert exact_vector(["0.5", " -3/4 ", "+2"]) == (Fraction(1, 2), Fraction(-3, 4), Fraction(2))


def test_float_literal_name_is_deprecated():
    with pytest.warns(DeprecationWarning, match="no longer raised"):
        old = expressions.FloatLiteral
    assert issubclass(old, ExpressionError) and issubclass(old, TypeError)
    with pytest.raises(ExpressionError) as info:
        parse_expression("x + 0.5 +")  # nothing raises the old class any more
    assert not isinstance(info.value, old) and parse_expression("x + 0.5") == x + R(1, 2)


def test_as_expression_keeps_sympy_input_and_refuses_what_it_cannot_convert():
    assert as_expression(x**2 + 1) == x**2 + 1
    assert as_expression(Fraction(1, 3)) == R(1, 3)
    assert as_expression("x**2 + 1", [x]) == x**2 + 1
    with pytest.raises(TypeError, match="bool"):
        as_expression(False)
    with pytest.raises(TypeError, match="has type object"):
        as_expression(object())


# ----------------------------------------------------------------------------- nothing is executed
def _payloads(path: Path):
    return [
        f"__import__('os').system('touch {path}')",
        f"open('{path}', 'w')",
        f"exec(\"open('{path}', 'w')\")",
        f"eval(\"__import__('os').system('touch {path}')\")",
        "().__class__.__bases__[0].__subclasses__()",
        f"(lambda: open('{path}', 'w'))()",
        f"[open('{path}', 'w') for _ in (1,)]",
        f"x; import os; os.system('touch {path}')",
    ]


def _entry_points():
    from exactgeom.algebra.ed_degree import ed_degree
    from exactgeom.algebra.systems import rational_polynomials
    from exactgeom.dynamics import polynomial_model, relu_network
    from exactgeom.neuro import PolynomialMLP
    from exactgeom.neuro.parametrization import Parametrization
    from exactgeom.polyhedra import Polyhedron

    a = sympy.Symbol("a")
    return {
        "parse_expression": parse_expression,
        "parse_relations": lambda text: parse_relations(text + " < 1"),
        "as_expression": as_expression,
        "Polyhedron.from_expressions": lambda text: Polyhedron.from_expressions([text + " <= 1"]),
        "PolynomialMLP activation": lambda text: PolynomialMLP((2, 2, 1), text),
        "polynomial_model": lambda text: polynomial_model([a], [text]),
        "PolynomialModel.from_sympy": lambda text: relu_network(1, 1, 1).from_sympy(text),
        "rational_polynomials": lambda text: rational_polynomials([text], [x]),
        "ed_degree": lambda text: ed_degree([text], [x, y]),
        "Parametrization basis": lambda text: Parametrization([a], [a], basis=[(text,)], inputs=[x]),
    }


@pytest.mark.parametrize("entry", sorted(_entry_points()))
def test_payloads_are_not_executed(entry, tmp_path):
    call = _entry_points()[entry]
    path = Path("/tmp") / f"exactgeom_payload_{secrets.token_hex(8)}"
    for payload in _payloads(path):
        with pytest.raises(ValueError):
            call(payload)
        assert not path.exists(), payload


def test_entry_points_still_read_strings():
    from exactgeom.algebra.systems import rational_polynomials
    from exactgeom.dynamics import polynomial_model
    from exactgeom.neuro import PolynomialMLP
    from exactgeom.neuro.parametrization import Parametrization
    from exactgeom.polyhedra import Polyhedron

    a, b = sympy.symbols("a b")
    assert Polyhedron.from_expressions(["0 <= x <= 1/2"]).constraints[1][2] == Fraction(1, 2)
    assert PolynomialMLP((2, 2, 1), "t^2 + 2*t").polys == PolynomialMLP((2, 2, 1), x**2 + 2 * x).polys
    assert polynomial_model([a, b], ["a*b"]).features == (a * b,)
    _, (f,) = rational_polynomials(["x^2 - 1/2"], [x])
    assert str(f) == "x^2 - 1/2"
    assert Parametrization([a], [a], basis=[("x^2",)], inputs=[x]).basis == ((x**2,),)


# ----------------------------------------------------------------------------- hostile sizes
@pytest.mark.parametrize(
    "text",
    [
        "(" * 100_000,
        "(" * (MAX_DEPTH + 1) + "x" + ")" * (MAX_DEPTH + 1),
        "-" * (MAX_LENGTH - 1) + "x",
        "x" * (MAX_LENGTH + 1),
        "x**10**9",
        f"x**{MAX_EXPONENT + 1}",
        "2**2**2**2**2",
        "((x**1000)**1000)**1000",
        "(a + b + c + d + e + f)**1000",
        "(x + y)**500 * (x + y)**500",
        "*".join(["(x + y + z + 1)"] * 40),
        "9" * 5000,
        "(" + "9" * 3000 + "*x)**1000",
        "+".join(f"1/{p}" for p in sympy.primerange(2, 30_000))[: MAX_LENGTH - 10],
        "+".join(f"x{i}" for i in range(3000)),
    ],
    ids=lambda t: t[:24],
)
def test_hostile_sizes_are_refused_quickly(text):
    start = timing.clock()
    with pytest.raises(ExpressionTooLarge) as info:
        parse_expression(text)
    assert isinstance(info.value, TooLarge) and isinstance(info.value, ValueError)
    assert info.value.limit is not None
    assert timing.clock() - start < timing.LIMIT


def test_long_but_harmless_texts_are_read():
    assert parse_expression("x" + " + x" * 3000) == 3001 * x
    depth = MAX_DEPTH - 1
    assert parse_expression("(" * depth + "x" + ")" * depth) == x


# ----------------------------------------------------------------------------- round trip
_SYMBOLS = sympy.symbols("a b c")


def _trees():
    leaves = st.one_of(
        st.integers(-20, 20).map(lambda n: (str(n) if n >= 0 else f"({n})", sympy.Integer(n))),
        st.sampled_from(_SYMBOLS).map(lambda s: (s.name, s)),
    )

    def extend(children):
        binary = st.tuples(st.sampled_from(["+", "-", "*"]), children, children).map(
            lambda t: (
                f"({t[1][0]} {t[0]} {t[2][0]})",
                {"+": t[1][1] + t[2][1], "-": t[1][1] - t[2][1], "*": t[1][1] * t[2][1]}[t[0]],
            )
        )
        power = st.tuples(children, st.integers(0, 3), st.sampled_from(["**", "^"])).map(
            lambda t: (f"({t[0][0]}){t[2]}{t[1]}", t[0][1] ** t[1])
        )
        quotient = st.tuples(children, st.integers(1, 9)).map(
            lambda t: (f"({t[0][0]})/{t[1]}", t[0][1] / t[1])
        )
        negation = children.map(lambda t: (f"-({t[0]})", -t[1]))
        return st.one_of(binary, power, quotient, negation)

    return st.recursive(leaves, extend, max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(_trees())
def test_printed_trees_read_back_to_the_expression_built_directly(tree):
    text, expected = tree
    assert parse_expression(text) == sympy.expand(expected)


@settings(max_examples=100, deadline=None)
@given(_trees())
def test_sympy_printing_reads_back(tree):
    expected = sympy.expand(tree[1])
    assert parse_expression(str(expected)) == expected

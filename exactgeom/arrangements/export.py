"""Code that recreates an arrangement in SageMath or Macaulay2.

Hyperplane a · x = c is written as the linear form a · x − c, whose zero set it is, in the
coordinate names of the arrangement (``A.variables``, else ``x1, ..., xd``).  Both systems
read ``1/2*x1`` as an exact rational coefficient.

Examples
--------
>>> from exactgeom import Arrangement
>>> A = Arrangement([[1, -1], [1, 1]], offsets=[0, 1])
>>> print(to_sage(A))
H = HyperplaneArrangements(QQ, ('x1', 'x2'))
x1, x2 = H.gens()
A = H(x1 - x2, x1 + x2 - 1)
>>> print(to_macaulay2(A))
needsPackage "HyperplaneArrangements"
R = QQ[x1, x2]
A = arrangement({x1 - x2, x1 + x2 - 1}, R)
>>> print(to_sage(Arrangement.from_forms(["w - b", "2*w + b = 1/2"], variables=["w", "b"])))
H = HyperplaneArrangements(QQ, ('w', 'b'))
w, b = H.gens()
A = H(w - b, 2*w + b - 1/2)
"""

from __future__ import annotations

from fractions import Fraction

from .. import _exact

__all__ = ["to_sage", "to_macaulay2", "linear_form", "coordinate_names"]


def coordinate_names(arrangement) -> tuple[str, ...]:
    """The names of the coordinates: the arrangement's own, else ``x1, ..., xd``."""
    names = getattr(arrangement, "variables", None)
    if names:
        return tuple(str(v) for v in names)
    return tuple(f"x{j + 1}" for j in range(arrangement.dimension))


def linear_form(normal, offset, names) -> str:
    """The form a · x − c as text, e.g. ``2*x1 - 1/2*x2 + 3``.

    Examples
    --------
    >>> linear_form([Fraction(2), Fraction(-1, 2)], Fraction(-3), ["x1", "x2"])
    '2*x1 - 1/2*x2 + 3'
    """
    terms = [(coef, name) for coef, name in zip(normal, names) if coef]
    if offset:
        terms.append((-Fraction(offset), None))
    out = []
    for coef, name in terms:
        magnitude = _exact.fraction_str(abs(coef))
        if name is None:
            text = magnitude
        else:
            text = name if abs(coef) == 1 else f"{magnitude}*{name}"
        out.append(("-" if coef < 0 else "+", text))
    first = ("-" if out[0][0] == "-" else "") + out[0][1]
    return first + "".join(f" {s} {t}" for s, t in out[1:])


def _forms(arrangement) -> list[str]:
    names = coordinate_names(arrangement)
    return [linear_form(a, c, names) for a, c in arrangement.hyperplanes()]


def to_sage(arrangement) -> str:
    """Sage code that builds the arrangement as ``A`` (``HyperplaneArrangements(QQ, names)``).

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> print(to_sage(braid(3)))
    H = HyperplaneArrangements(QQ, ('x1', 'x2', 'x3'))
    x1, x2, x3 = H.gens()
    A = H(x1 - x2, x1 - x3, x2 - x3)
    """
    names = coordinate_names(arrangement)
    quoted = ", ".join(repr(v) for v in names) + ("," if len(names) == 1 else "")
    unpack = ", ".join(names) + ("," if len(names) == 1 else "")
    return (f"H = HyperplaneArrangements(QQ, ({quoted}))\n"
            f"{unpack} = H.gens()\n"
            f"A = H({', '.join(_forms(arrangement))})")


def to_macaulay2(arrangement) -> str:
    """Macaulay2 code that builds the arrangement as ``A`` (package HyperplaneArrangements).

    Examples
    --------
    >>> from exactgeom.library import coordinate
    >>> print(to_macaulay2(coordinate(2)))
    needsPackage "HyperplaneArrangements"
    R = QQ[x1, x2]
    A = arrangement({x1, x2}, R)
    """
    names = coordinate_names(arrangement)
    return ('needsPackage "HyperplaneArrangements"\n'
            f"R = QQ[{', '.join(names)}]\n"
            f"A = arrangement({{{', '.join(_forms(arrangement))}}}, R)")


def _latex_fraction(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return rf"\tfrac{{{value.numerator}}}{{{value.denominator}}}"


def _latex(arrangement) -> str:
    """The hyperplanes as a LaTeX array of equations (Jupyter's ``_repr_latex_``)."""
    from .forms import latex_name

    names = [latex_name(name) for name in coordinate_names(arrangement)]
    eqs = []
    for a, c in zip(arrangement.normals, arrangement.offsets):
        terms = []
        for coef, name in zip(a, names):
            if coef == 0:
                continue
            mag = "" if abs(coef) == 1 else _latex_fraction(abs(coef))
            sign = "-" if coef < 0 else "+"
            terms.append((sign, f"{mag}{name}"))
        lhs = ("-" if terms[0][0] == "-" else "") + terms[0][1]
        lhs += "".join(f" {s} {t}" for s, t in terms[1:])
        rhs = ("-" if c < 0 else "") + _latex_fraction(abs(c))
        eqs.append(f"{lhs} = {rhs}")
    body = r" \\ ".join(eqs) if eqs else r"\text{(no hyperplanes)}"
    return rf"$\begin{{array}}{{l}} {body} \end{{array}}$"


def _svg(arrangement) -> str | None:
    """A drawing of a line arrangement (dimension 2, at most 40 lines) as SVG text; else ``None``.

    Needs matplotlib (the ``plot`` extra); without it, or for other arrangements, a
    notebook falls back to the LaTeX and text reprs.
    """
    if arrangement.ambient_dimension != 2 or not 0 < len(arrangement) <= 40:
        return None
    try:
        from matplotlib.figure import Figure
    except ImportError:
        return None
    import io

    from ..plot import arrangement as draw

    figure = Figure(figsize=(4, 4))
    draw(arrangement, ax=figure.add_subplot())
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    return buffer.getvalue()

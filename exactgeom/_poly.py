"""A sympy ``Poly`` that a notebook shows as the plain polynomial.

sympy renders a ``Poly`` in Jupyter as ``\\operatorname{Poly}(t^2 - 1, t, domain=\\mathbb{Z})``;
the subclass here keeps every behaviour of ``sympy.Poly`` (same name, repr, equality and hash,
so it compares and hashes equal to a plain ``Poly``) and only changes ``_repr_latex_`` to the
polynomial itself.

Examples
--------
>>> import sympy
>>> p = Poly([1, 0, -1], sympy.Symbol("t"), domain="ZZ")
>>> p, p == sympy.Poly([1, 0, -1], sympy.Symbol("t"), domain="ZZ")
(Poly(t**2 - 1, t, domain='ZZ'), True)
>>> p._repr_latex_()
'$\\\\displaystyle t^{2} - 1$'
"""

from __future__ import annotations

import sympy

__all__ = ["Poly"]


class Poly(sympy.Poly):
    """``sympy.Poly`` with ``_repr_latex_`` showing the polynomial, not the constructor."""

    __slots__ = ()

    def _repr_latex_(self) -> str:
        return rf"$\displaystyle {sympy.latex(self.as_expr())}$"

"""Polynomially parametrized models: parameters θ and features φ_k(θ) with rational coefficients.

A model is a :class:`~exactgeom.algebra.PolynomialMap`: the features are kept both as
given (sympy expressions, for the user) and as python-flint ``fmpq_mpoly`` polynomials
(``model.polynomials``, for the exact computations of :mod:`exactgeom.dynamics.laws` and
:mod:`exactgeom.dynamics.lie`).

Examples
--------
>>> linear_network(2, 1, 1).features
(U_1_1*V_1_1, U_2_1*V_1_1)
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from ..algebra.polynomial_map import PolynomialMap
from ..expressions import as_expression

__all__ = ["PolynomialModel", "polynomial_model", "linear_network", "relu_network"]


@dataclass(frozen=True)
class PolynomialModel(PolynomialMap):
    """Parameters θ (sympy symbols) and features φ_k(θ) (polynomials with rational coefficients).

    A :class:`~exactgeom.algebra.PolynomialMap` θ ↦ (φ_1(θ), …, φ_K(θ)) in the lex
    order, with the features as given.  Build with :func:`polynomial_model`,
    :func:`linear_network` or :func:`relu_network`.

    Examples
    --------
    >>> model = linear_network(1, 1, 1)
    >>> model.parameters, model.features, model.num_parameters
    ((U_1_1, V_1_1), (U_1_1*V_1_1,), 2)
    >>> model.to_sympy(model.from_sympy(model.features[0] ** 2))
    U_1_1**2*V_1_1**2
    >>> [str(g) for g in model.gradient(model.polynomials[0])]
    ['V_1_1', 'U_1_1']
    """

    parameters: tuple
    features: tuple
    name: str = "model"

    def __post_init__(self):
        self._set_map(self.parameters, self.features, order="lex", where="features")

    @property
    def num_parameters(self) -> int:
        """Number of parameters p."""
        return len(self.parameters)

    @property
    def dimension(self) -> int:
        """Deprecated alias of :attr:`num_parameters`."""
        import warnings

        warnings.warn("PolynomialModel.dimension is deprecated: use num_parameters", DeprecationWarning,
                      stacklevel=2)
        return self.num_parameters


def polynomial_model(parameters, features, name: str = "model") -> PolynomialModel:
    """A model from parameter symbols and feature polynomials.

    Parameters
    ----------
    parameters : sequence of sympy Symbols or of names
    features : sequence of sympy expressions or strings
        Polynomials in the parameters with rational coefficients.  Strings are read by
        :func:`exactgeom.expressions.parse_expression` in the parameters.
    name : str, optional

    Raises
    ------
    TypeError
        A feature that is not a polynomial with rational coefficients.

    Examples
    --------
    >>> import sympy
    >>> a, b = sympy.symbols("a b")
    >>> model = polynomial_model([a, b], [a * b])
    >>> model.num_parameters, model.features
    (2, (a*b,))
    """
    params = tuple(sympy.Symbol(p) if isinstance(p, str) else p for p in parameters)
    if not params:
        raise ValueError("a model needs at least one parameter")
    if len(set(params)) != len(params):
        raise ValueError("parameter names must be distinct")
    features = tuple(as_expression(f, params, where=f"features[{i}]") for i, f in enumerate(features))
    return PolynomialModel(params, features, name)


def _check_widths(**widths) -> None:
    for key, value in widths.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(f"width {key} must be a positive int; got {value!r}")


def linear_network(n: int, r: int, m: int) -> PolynomialModel:
    """Two-layer linear network f(x) = U Vᵀ x, U ∈ Q^{n×r}, V ∈ Q^{m×r} (input m, hidden r, output n).

    Parameters are ``U_a_j`` and ``V_b_j``; features are the n·m entries of U Vᵀ.

    Examples
    --------
    >>> model = linear_network(1, 2, 1)
    >>> model.parameters
    (U_1_1, U_1_2, V_1_1, V_1_2)
    >>> model.features
    (U_1_1*V_1_1 + U_1_2*V_1_2,)
    """
    _check_widths(n=n, r=r, m=m)
    U = [[sympy.Symbol(f"U_{a}_{j}") for j in range(1, r + 1)] for a in range(1, n + 1)]
    V = [[sympy.Symbol(f"V_{b}_{j}") for j in range(1, r + 1)] for b in range(1, m + 1)]
    params = [s for row in U for s in row] + [s for row in V for s in row]
    features = [sum(U[a][j] * V[b][j] for j in range(r)) for a in range(n) for b in range(m)]
    return polynomial_model(params, features, name=f"linear network (n, r, m) = ({n}, {r}, {m})")


def relu_network(n: int, r: int, m: int) -> PolynomialModel:
    """Two-layer ReLU network on an activation region: features u_j v_jᵀ for each hidden neuron j.

    f(x) = Σ_j u_j (v_jᵀ x)_+ with u_j ∈ Q^n, v_j ∈ Q^m.  On a region where the
    activation pattern of every sample is fixed, f(x_i) = Σ_j ε_ij u_j v_jᵀ x_i, so
    the features are the entries of the r matrices u_j v_jᵀ.  Parameters are
    ``u_j_a`` and ``v_j_b``.

    Examples
    --------
    >>> relu_network(1, 2, 1).features
    (u_1_1*v_1_1, u_2_1*v_2_1)
    """
    _check_widths(n=n, r=r, m=m)
    u = [[sympy.Symbol(f"u_{j}_{a}") for a in range(1, n + 1)] for j in range(1, r + 1)]
    v = [[sympy.Symbol(f"v_{j}_{b}") for b in range(1, m + 1)] for j in range(1, r + 1)]
    params = [s for j in range(r) for s in u[j] + v[j]]
    features = [u[j][a] * v[j][b] for j in range(r) for a in range(n) for b in range(m)]
    return polynomial_model(params, features, name=f"ReLU network (n, r, m) = ({n}, {r}, {m})")

"""Polynomially parametrized models: parameters θ and features φ_k(θ) with rational coefficients.

A model is a :class:`~exactgeom.algebra.PolynomialMap`: the features are kept both as
given (sympy expressions, for the user) and as python-flint ``fmpq_mpoly`` polynomials
(``model.polynomials``, for the exact computations of :mod:`exactgeom.dynamics.laws` and
:mod:`exactgeom.dynamics.lie`).

Examples
--------
>>> linear_network((1, 1, 2)).features
(U_1_1*V_1_1, U_2_1*V_1_1)
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
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
    >>> model = linear_network((1, 1, 1))
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


def _network_widths(widths) -> tuple:
    """(input, hidden, output) widths of a two-layer network, each a positive int."""
    if isinstance(widths, (str, bytes)) or not hasattr(widths, "__len__"):
        raise TypeError(
            f"widths must be a sequence of three positive ints (input, hidden, output), e.g. (2, 1, 2); "
            f"got {widths!r}"
        )
    widths = tuple(widths)
    if len(widths) != 3:
        raise ValueError(
            f"widths must be three positive ints (input, hidden, output), e.g. (2, 1, 2); got {len(widths)} "
            f"entries {widths}"
        )
    for i, w in enumerate(widths):
        if isinstance(w, bool) or not isinstance(w, int):
            raise TypeError(f"widths[{i}] is the {type(w).__name__} {w!r}; pass a positive int")
        if w < 1:
            raise ValueError(f"widths[{i}] is {w}; every width must be a positive int")
    return widths


def linear_network(widths: Sequence[int], *deprecated: int) -> PolynomialModel:
    """Two-layer linear network f(x) = U Vᵀ x with widths (m, r, n): input m, hidden r, output n.

    U ∈ Q^{n×r} is the output layer and V ∈ Q^{m×r} the transposed input layer, so
    U Vᵀ is the n × m matrix of the network.  The widths are listed input first, as for
    :class:`exactgeom.neuro.LinearNetwork`: ``linear_network((m, r, n))`` is the map
    that ``LinearNetwork((m, r, n))`` parametrizes.

    Parameters
    ----------
    widths : sequence of three positive ints
        (input, hidden, output) = (m, r, n).

    Returns
    -------
    PolynomialModel
        Parameters ``U_a_j`` (a ≤ n, j ≤ r) then ``V_b_j`` (b ≤ m), row by row; features the
        n·m entries of U Vᵀ, row by row.

    Raises
    ------
    TypeError
        ``widths`` not a sequence, or an entry that is not an int.
    ValueError
        Not three widths, or a width below 1.

    Examples
    --------
    >>> model = linear_network((1, 2, 1))
    >>> model.parameters
    (U_1_1, U_1_2, V_1_1, V_1_2)
    >>> model.features
    (U_1_1*V_1_1 + U_1_2*V_1_2,)
    >>> linear_network((2, 1, 1)).features       # two inputs, one output: a 1 × 2 matrix
    (U_1_1*V_1_1, U_1_1*V_2_1)

    Notes
    -----
    The spelling ``linear_network(n, r, m)`` of earlier releases (output first) still works
    for one release and emits a ``DeprecationWarning``; it is ``linear_network((m, r, n))``.
    """
    if deprecated:
        if len(deprecated) != 2:
            raise TypeError(
                f"linear_network takes one sequence of widths (input, hidden, output); got "
                f"{1 + len(deprecated)} arguments"
            )
        n, r, m = (widths, *deprecated)
        warnings.warn(
            f"linear_network(n, r, m) is deprecated: pass the widths input first, "
            f"linear_network(({m!r}, {r!r}, {n!r}))",
            DeprecationWarning,
            stacklevel=2,
        )
        widths = (m, r, n)
    m, r, n = _network_widths(widths)
    U = [[sympy.Symbol(f"U_{a}_{j}") for j in range(1, r + 1)] for a in range(1, n + 1)]
    V = [[sympy.Symbol(f"V_{b}_{j}") for j in range(1, r + 1)] for b in range(1, m + 1)]
    params = [s for row in U for s in row] + [s for row in V for s in row]
    features = [sum(U[a][j] * V[b][j] for j in range(r)) for a in range(n) for b in range(m)]
    return polynomial_model(params, features, name=f"linear network with widths ({m}, {r}, {n})")


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

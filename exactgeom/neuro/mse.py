"""Training with the mean squared error as distance minimisation in coefficient space.

For a model f_c = Σ_k c_k φ_k (φ_k the output functions of the basis, c the
coordinates) and data (a_i, b_i),

    Σ_i ||f_c(a_i) − b_i||² = (c − u)ᵀ Q (c − u) + const,   Q = AᵀA,  Q u = AᵀB,

where A stacks the feature values φ_k(a_i) (Veronese/Vandermonde rows; AᵀA is
a Hankel moment matrix for one input) and B the outputs (Kohn's lectures).  Q is
singular when there are fewer samples than coordinates; then u is one
solution of the normal equations and any other gives the same loss.

Examples
--------
>>> from exactgeom.neuro import PolynomialMLP
>>> M = PolynomialMLP((1, 1, 1), "t**2", bias=True)
>>> q = mse_quadric(M, [(0, 1), (1, 2), (2, 5)])
>>> [[int(v) for v in row] for row in q.Q]
[[3, 3, 5], [3, 5, 9], [5, 9, 17]]
>>> q.target, q.constant
((Fraction(1, 1), Fraction(0, 1), Fraction(1, 1)), Fraction(0, 1))
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .._exact import exact_scalar, exact_vector, solve
from ..algebra.polynomial_map import PolynomialMap

__all__ = ["mse_quadric", "MSEQuadric"]


@dataclass(frozen=True)
class MSEQuadric:
    """The quadratic form, target and constant with loss(c) = (c − target)ᵀ Q (c − target) + constant.

    Examples
    --------
    Fitting c₀ + c₁t + c₂t² to (0, 1), (1, 2), (2, 5): three samples, three
    coefficients, so the loss vanishes at the interpolating 1 + t² and is
    Q(c − u, c − u) elsewhere.

    >>> from exactgeom.neuro import PolynomialMLP
    >>> q = mse_quadric(PolynomialMLP((1, 1, 1), "t**2", bias=True), [(0, 1), (1, 2), (2, 5)])
    >>> q.loss(q.target), q.loss([0, 0, 0]), 1**2 + 2**2 + 5**2
    (Fraction(0, 1), Fraction(30, 1), 30)
    """

    Q: tuple
    target: tuple
    constant: Fraction
    design: tuple
    response: tuple

    def loss(self, c) -> Fraction:
        """Σ_i ||f_c(a_i) − b_i||², computed from the design matrix."""
        c = exact_vector(c, "c", length=len(self.Q))
        return sum(
            (
                (sum((a * x for a, x in zip(row, c)), Fraction(0)) - b) ** 2
                for row, b in zip(self.design, self.response)
            ),
            Fraction(0),
        )


def _flatten(value):
    if isinstance(value, (list, tuple)):
        return [v for item in value for v in _flatten(item)]
    return [value]


def mse_quadric(model, data) -> MSEQuadric:
    """Q = AᵀA and the target u for the MSE loss of ``model`` on a finite data set.

    Parameters
    ----------
    model : Parametrization with a ``basis`` (all network models have one)
    data : sequence of (input, output) pairs
        input: the values of ``model.inputs`` in that order (nested lists are
        flattened); output: a number, or one number per output component.

    Returns
    -------
    MSEQuadric

    Raises
    ------
    ValueError
        If the model has no basis or an input/output has the wrong length.

    Examples
    --------
    One input, basis 1, t, t²: AᵀA is the Hankel matrix of the moments Σ tᵢᵏ.

    >>> from exactgeom.neuro import PolynomialMLP
    >>> q = mse_quadric(PolynomialMLP((1, 1, 1), "t**2", bias=True), [(0, 1), (1, 2), (3, 4)])
    >>> [[int(v) for v in row] for row in q.Q]
    [[3, 4, 10], [4, 10, 28], [10, 28, 82]]
    """
    if model.basis is None:
        raise ValueError(
            "this parametrization has no output basis; pass basis= and inputs= to Parametrization"
        )
    inputs = model.inputs
    components = len(model.basis[0])
    table = [PolynomialMap(inputs, list(b), where=f"basis[{k}]") for k, b in enumerate(model.basis)]
    design, response = [], []
    for i, pair in enumerate(data):
        try:
            a, b = pair
        except (TypeError, ValueError):
            raise ValueError(f"data[{i}] must be an (input, output) pair") from None
        a = exact_vector(_flatten(a), f"data[{i}] input", length=len(inputs))
        bvec = (
            exact_vector(_flatten(b), f"data[{i}] output")
            if isinstance(b, (list, tuple))
            else (exact_scalar(b, f"data[{i}] output"),)
        )
        if len(bvec) != components:
            raise ValueError(
                f"data[{i}] output has {len(bvec)} entries; the model has {components} output components"
            )
        values = [functions.evaluate(a) for functions in table]
        for o in range(components):
            design.append(tuple(v[o] for v in values))
            response.append(bvec[o])
    if not design:
        raise ValueError("data is empty")
    N = len(model.basis)
    Q = tuple(
        tuple(sum((row[j] * row[k] for row in design), Fraction(0)) for k in range(N)) for j in range(N)
    )
    rhs = [sum((row[j] * b for row, b in zip(design, response)), Fraction(0)) for j in range(N)]
    u = solve(Q, rhs)
    const = sum((b * b for b in response), Fraction(0)) - sum(
        (u[j] * Q[j][k] * u[k] for j in range(N) for k in range(N)), Fraction(0)
    )
    return MSEQuadric(Q, u, const, tuple(design), tuple(response))

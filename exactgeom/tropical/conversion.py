r"""ReLU networks with rational weights as tropical rational functions (Zhang–Naitzat–Lim 2018).

A network ``x -> W_L s(... s(W_1 x + b_1) ...) + b_L`` with ``s = max(., 0)``
applied after every layer but the last.  Each coordinate of a layer is kept as
a pair ``(G, H)`` of tropical polynomials with value ``G - H``.  Writing
``W = W+ - W-`` with ``W+, W- >= 0`` entrywise:

* input layer: ``G_k = b_k (.) x^{W+_k}``, ``H_k = x^{W-_k}``;
* ReLU: ``max(G - H, 0) = (G (+) H) - H``;
* affine layer ``z_k = sum_i W_ki y_i + b_k`` with ``y_i = P_i - H_i``:
  ``G_k = b_k (.) prod_i P_i^{W+_ki} (.) H_i^{W-_ki}``,
  ``H_k = prod_i P_i^{W-_ki} (.) H_i^{W+_ki}``,

where products and powers are tropical (sums and non-negative multiples of
functions), so every exponent stays a non-negative rational.  After each
layer the polynomials are replaced by their reduced forms, which does not
change the functions.
"""

from __future__ import annotations

from fractions import Fraction

from .polynomial import TropicalPolynomial, TropicalRational

__all__ = ["relu_network_to_tropical"]


def _product(factors, nvars: int) -> TropicalPolynomial:
    result = TropicalPolynomial.constant(0, nvars)
    for polynomial, power in factors:
        if power:
            result = (result * polynomial**power).reduced()
    return result


def relu_network_to_tropical(weights, biases) -> tuple[TropicalRational, ...]:
    """One tropical rational function ``G (/) H`` per output of a ReLU network.

    Parameters
    ----------
    weights : sequence of exact matrices (tuples of tuples of Fractions)
        ``weights[l]`` has shape (width of layer l+1, width of layer l).
    biases : sequence of exact vectors

    Inputs are assumed validated (use :class:`exactgeom.networks.ReLUNetwork`,
    whose :meth:`~exactgeom.networks.ReLUNetwork.tropical` calls this).

    Returns
    -------
    tuple of TropicalRational, one per output coordinate; numerator and
    denominator are reduced and have non-negative rational exponents.

    Examples
    --------
    >>> F = Fraction
    >>> (f,) = relu_network_to_tropical([((F(1),), (F(-1),)), ((F(1), F(1)),)], [(F(0), F(0)), (F(0),)])
    >>> print(f)                       # relu(x) + relu(-x) = |x|
    max(0, 2*x1) - max(x1)
    >>> f(-3), f(2)
    (Fraction(3, 1), Fraction(2, 1))

    Notes
    -----
    The number of terms can grow like the number of linear regions of each
    layer's output; reductions keep only upper-hull vertices.
    """
    nvars = len(weights[0][0])
    pairs = []
    for row, b in zip(weights[0], biases[0]):
        positive = tuple(max(w, Fraction(0)) for w in row)
        negative = tuple(max(-w, Fraction(0)) for w in row)
        pairs.append((TropicalPolynomial.monomial(b, positive), TropicalPolynomial.monomial(0, negative)))
    for W, bias in zip(weights[1:], biases[1:]):
        activated = [((G + H).reduced(), H) for G, H in pairs]
        new_pairs = []
        for row, b in zip(W, bias):
            g_factors, h_factors = [], []
            for w, (P, H) in zip(row, activated):
                if w > 0:
                    g_factors.append((P, w))
                    h_factors.append((H, w))
                elif w < 0:
                    g_factors.append((H, -w))
                    h_factors.append((P, -w))
            G = _product(g_factors, nvars) * b
            new_pairs.append((G, _product(h_factors, nvars)))
        pairs = new_pairs
    return tuple(TropicalRational(G.reduced(), H.reduced()) for G, H in pairs)

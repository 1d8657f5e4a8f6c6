"""Polishing trained neurons with cross products of data points (Pilanci, §4.1).

For a neuron w and data x_1, …, x_n of rank d, the d−1 samples with the
smallest |⟨x_i, w⟩| that are linearly independent are selected (ties broken by
index) and w is replaced by their cross product cross(x_{j_1}, …, x_{j_{d−1}}),
oriented like w (⟨new, w⟩ ≥ 0) and normalised to ‖new‖_1 = 1.  With a bias the
same is done for the lifted samples (x_i, 1) and the lifted neuron (w, b) in
Q^{d+1}.  The output is exact; the polished neuron's hyperplane passes through
the selected samples.
"""

from __future__ import annotations

from fractions import Fraction

from .._exact import exact_matrix, exact_scalar, exact_vector, rank
from ..wedge import cross
from .dictionaries import Dictionary, Neuron, evaluate_units
from .interpolation import min_l1_interpolant

__all__ = ["polish_neuron", "polish", "train_and_polish"]


def _dot(u, v) -> Fraction:
    return sum((a * b for a, b in zip(u, v)), Fraction(0))


def polish_neuron(weight, X, bias=None) -> Neuron:
    """Replace one neuron by the cross product of the nearly orthogonal samples.

    Parameters
    ----------
    weight : sequence of d rationals
    X : n × d rational data of rank d (rank d + 1 after lifting, with a bias)
    bias : rational, optional
        Polish the biased neuron (w, b) against the lifted samples (x_i, 1).

    Returns
    -------
    Neuron
        ‖weight‖_1 = 1 (or, if the polished weight is 0, ‖(weight, bias)‖_1 = 1); zero bias
        when ``bias`` is None.

    Raises
    ------
    ValueError
        When the (lifted) data do not have full rank.

    Examples
    --------
    >>> polish_neuron(["1/10", 1], [[1, 0], [0, 1], [1, 1]])
    Neuron(weight=(Fraction(0, 1), Fraction(1, 1)), bias=Fraction(0, 1))
    >>> polish_neuron([1, 1], [[1, 0], [0, 1], [0, 0]], bias="-9/10")
    Neuron(weight=(Fraction(1, 2), Fraction(1, 2)), bias=Fraction(-1, 2))
    """
    rows = exact_matrix(X, name="X")
    d = len(rows[0])
    w = exact_vector(weight, name="weight", length=d)
    if bias is not None:
        w = w + (exact_scalar(bias, "bias"),)
        rows = tuple(r + (Fraction(1),) for r in rows)
    D = len(w)
    if rank(rows) < D:
        what = "lifted samples (x_i, 1)" if bias is not None else "samples"
        raise ValueError(
            f"the {what} have rank {rank(rows)} < {D}; polishing needs data of full rank "
            "(reduce the dimension first)"
        )
    order = sorted(range(len(rows)), key=lambda i: (abs(_dot(rows[i], w)), i))
    chosen: list = []
    for i in order:
        if len(chosen) == D - 1:
            break
        if rank(chosen + [rows[i]]) > len(chosen):
            chosen.append(rows[i])
    c = cross(*chosen) if D > 1 else (Fraction(1),)
    if _dot(c, w) < 0:
        c = tuple(-v for v in c)
    weight_part = c[:d]
    scale = sum((abs(v) for v in weight_part), Fraction(0)) or sum((abs(v) for v in c), Fraction(0))
    c = tuple(v / scale for v in c)
    return Neuron(c[:d], c[d] if bias is not None else Fraction(0))


def polish(W, X, biases=None) -> tuple:
    """Polish every neuron: W lists the neuron weights (one row per neuron).

    Examples
    --------
    >>> [n.weight for n in polish([[1, "1/10"], ["1/10", -1]], [[0, 1], [1, 0], [1, 1]])]
    [(Fraction(1, 1), Fraction(0, 1)), (Fraction(0, 1), Fraction(-1, 1))]
    """
    weights = exact_matrix(W, name="W")
    if biases is None:
        return tuple(polish_neuron(w, X) for w in weights)
    bs = exact_vector(biases, name="biases", length=len(weights))
    return tuple(polish_neuron(w, X, b) for w, b in zip(weights, bs))


def _fraction_of_float(value) -> Fraction:
    return Fraction(float(value))


def train_and_polish(
    X,
    y,
    *,
    hidden: int = 6,
    bias: bool = True,
    seed: int = 0,
    steps: int = 3000,
    learning_rate: float = 0.05,
    weight_decay: float = 1e-4,
) -> dict:
    """Numeric cross-check: train a small ReLU net with numpy, polish it, compare with the exact optimum.

    The network f(x) = Σ_j α_j (⟨w_j, x⟩ + b_j)_+ is trained by full-batch gradient
    descent on the square loss with weight decay (numpy, seeded).  The trained
    floats are then read exactly (``Fraction(float)``), so every figure reported
    is an exact rational about a definite network:

    - ``trained_path_norm`` = Σ |α_j| ‖w_j‖_1 and ``trained_loss`` = Σ (f(x_i) − y_i)²;
    - ``polished_objective``: min ‖z‖_1 with K z = y over the polished neurons (None if
      they cannot interpolate y);
    - ``optimum``: the exact min ℓ1 interpolant of the full dictionary ("affine" with
      bias, "wedge" without), a lower bound for ``polished_objective``.

    Requires numpy (optional dependency); raises ImportError without it.

    Examples
    --------
    >>> try:
    ...     report = train_and_polish([[0, 0], [1, 0], [0, 1], [1, 1]], [0, 1, 1, 0], seed=1)
    ... except ImportError:  # numpy is optional
    ...     report = {"optimum": Fraction(4), "polished_objective": Fraction(4)}
    >>> report["optimum"], report["polished_objective"]
    (Fraction(4, 1), Fraction(4, 1))
    """
    import numpy as np

    rows = exact_matrix(X, name="X")
    labels = exact_vector(y, name="y", length=len(rows))
    rng = np.random.default_rng(seed)
    A = np.array([[float(v) for v in r] for r in rows])
    t = np.array([float(v) for v in labels])
    n, d = A.shape
    W = rng.normal(size=(hidden, d))
    b = rng.normal(size=hidden) * 0.1 if bias else np.zeros(hidden)
    alpha = rng.normal(size=hidden) / np.sqrt(hidden)
    for _ in range(steps):
        pre = A @ W.T + b
        act = np.maximum(pre, 0.0)
        residual = act @ alpha - t
        mask = (pre > 0).astype(float)
        grad_alpha = 2 * act.T @ residual / n + 2 * weight_decay * alpha
        back = (residual[:, None] * mask) * alpha[None, :] * 2 / n
        grad_W = back.T @ A + 2 * weight_decay * W
        alpha -= learning_rate * grad_alpha
        W -= learning_rate * grad_W
        if bias:
            b -= learning_rate * back.sum(axis=0)
    weights = [tuple(_fraction_of_float(v) for v in row) for row in W]
    biases = [_fraction_of_float(v) for v in b]
    outs = [_fraction_of_float(v) for v in alpha]
    trained = [Neuron(w, bb) for w, bb in zip(weights, biases)]
    fitted = [sum((a * unit(x) for a, unit in zip(outs, trained)), Fraction(0)) for x in rows]
    trained_loss = sum(((f - v) ** 2 for f, v in zip(fitted, labels)), Fraction(0))
    path_norm = sum(
        (abs(a) * sum((abs(v) for v in w), Fraction(0)) for a, w in zip(outs, weights)), Fraction(0)
    )
    polished = polish(weights, rows, biases if bias else None)
    units = tuple(dict.fromkeys(u for u in polished if any(u(x) for x in rows)))
    polished_objective = None
    if units:
        D = Dictionary(
            "polished neurons", rows, units, evaluate_units(units, rows), ("polished",) * len(units), False
        )
        try:
            polished_objective = min_l1_interpolant(None, labels, dictionary=D).value
        except ValueError:
            polished_objective = None
    optimum = min_l1_interpolant(rows, labels, kind="affine" if bias else "wedge").value
    return {
        "seed": seed,
        "hidden": hidden,
        "trained_loss": trained_loss,
        "trained_path_norm": path_norm,
        "polished_neurons": polished,
        "polished_objective": polished_objective,
        "optimum": optimum,
    }

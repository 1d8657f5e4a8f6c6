"""The wedge-product dictionaries of Pilanci's paper "From complexity to clarity", exactly over Q.

Every dictionary is a matrix K (rows: training samples, columns: candidate
units) together with the unit each column *is*: column j of K equals, entry by
entry, the outputs of ``dictionary.units[j]`` on the training data.  A convex
reformulation then fits output weights z (and possibly an intercept t) with
K z + t·1 ≈ y and penalty ‖z‖_1.

Conventions (see :mod:`exactgeom.wedge`): det(x, u_1, …, u_{d−1}) = ⟨x, w⟩ with
w = (−1)^{d−1} cross(u_1, …, u_{d−1}).  Neurons are normalised to ‖w‖_1 = 1,
which is the column normalisation of Theorems 2 and 4 (‖cross‖_1 = ‖u_1∧…‖_1)
and makes ‖z‖_1 the network's ℓ1 path norm Σ_j |z_j| ‖w_j‖_1.  Each hyperplane
appears with both orientations ((t)_+ and (−t)_+), as the remark after Theorem 4
requires; units that coincide are listed once, and units that vanish on all the
data are dropped (a zero column never helps in ‖z‖_1).

Where the text is loose, and what is implemented
------------------------------------------------
- Theorem 2 writes K ∈ R^{ñ×ñ}; here the rows are the n training samples and the
  augmented vectors e_k only generate neurons (they carry no labels).
- Formula (15) of Theorem 4 mixes ``xᵀ×(…)/‖×(…)‖_2`` (no positive part, ℓ2) with
  ``Vol_+(P)/‖⋆(…)‖_1``; the ℓ1 program uses the latter, as Theorem 2's (10) does.
- Theorem 5 states its κ_b with the ℓ2 normalisation (a distance to an affine hull,
  irrational in general); :func:`affine_dictionary` uses the ℓ1 normalisation, so
  K_ij · ‖w‖_1/‖w‖_2 = dist_+(x_i, Aff): the same columns up to a positive scale each.
- Theorems 12/13 index "combinations" of d−1 vectors with one orientation; both
  orientations are listed here, as for Theorem 4.

Dictionaries
------------
- :func:`ramp_dictionary` — Theorem 1 (d = 1): the 2n ramps (x − x_j)_+, (x_j − x)_+,
  in the paper's column order, with a free intercept.
- :func:`wedge_dictionary` — Theorems 2 and 4 (no bias, p = 1): neurons
  ±cross(S)/‖cross(S)‖_1 over the linearly independent (d−1)-subsets S of the data
  augmented by the standard basis; K_ij = (x_i ∧ u_1 ∧ … ∧ u_{d−1})_+ / ‖u_1 ∧ …‖_1.
- :func:`affine_dictionary` — Theorem 5 with p = 1 (biased neurons): for each
  anchor x_ℓ, hyperplanes through x_ℓ spanned by d−1 directions from
  {x_i − x_ℓ} ∪ {e_k}; K_ij = ((x_i − x_ℓ) ∧ (u_1 − x_ℓ) ∧ …)_+ / ‖…‖_1.  For d = 1
  this is Theorem 1.
- :func:`three_layer_dictionary` — Theorems 12 (``bias=False``) and 13 (``bias=True``):
  units (s·(N(x) − N(x_{j0})))_+ with s = ±1 and N a first-layer neuron orthogonal to
  d−1 vectors from {x_i} ∪ {x_i − x_j} ∪ {e_k} (Theorem 12) or through a data point
  x_ℓ with directions from {x_i − x_j} ∪ {e_k} (Theorem 13).
- :func:`vector_output_dictionary` — Theorem 14: (d−1)-subsets of the (non-augmented)
  data, normalised by ‖·‖_p, p = 1 (rational) or p = 2 (sympy square roots).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations
from math import comb

import sympy

from .._exact import exact_matrix, exact_scalar, exact_vector
from ..wedge import cross, norm_l1, norm_squared, wedge

__all__ = [
    "Neuron",
    "ThreeLayerUnit",
    "Dictionary",
    "ramp_dictionary",
    "wedge_dictionary",
    "affine_dictionary",
    "three_layer_dictionary",
    "vector_output_dictionary",
    "evaluate_units",
]


def _dot(u, v) -> Fraction:
    return sum((a * b for a, b in zip(u, v)), Fraction(0))


@dataclass(frozen=True)
class Neuron:
    """A ReLU neuron x ↦ (⟨weight, x⟩ + bias)_+ with exact rational weight and bias.

    Examples
    --------
    >>> N = Neuron((Fraction(1), Fraction(-1)), Fraction(1, 2))
    >>> N((1, 0)), N((0, 1))
    (Fraction(3, 2), Fraction(0, 1))
    """

    weight: tuple
    bias: Fraction = Fraction(0)

    def __post_init__(self):
        if not all(type(v) is Fraction for v in self.weight):
            object.__setattr__(self, "weight", exact_vector(self.weight, name="weight"))
        if type(self.bias) is not Fraction:
            object.__setattr__(self, "bias", exact_scalar(self.bias, "bias"))

    def preactivation(self, x) -> Fraction:
        """⟨weight, x⟩ + bias."""
        return _dot(self.weight, x) + self.bias

    def __call__(self, x) -> Fraction:
        return max(self.preactivation(x), Fraction(0))


@dataclass(frozen=True)
class ThreeLayerUnit:
    """A three-layer unit x ↦ (sign · (N(x) − threshold))_+ for a first-layer ReLU neuron N.

    Examples
    --------
    >>> unit = ThreeLayerUnit(Neuron((Fraction(1),)), 1, Fraction(2))
    >>> unit((5,)), unit((1,))
    (Fraction(3, 1), Fraction(0, 1))
    """

    neuron: Neuron
    sign: int
    threshold: Fraction

    def __post_init__(self):
        if self.sign not in (1, -1):
            raise ValueError(f"sign must be 1 or -1; got {self.sign!r}")
        if type(self.threshold) is not Fraction:
            object.__setattr__(self, "threshold", exact_scalar(self.threshold, "threshold"))

    def __call__(self, x) -> Fraction:
        return max(self.sign * (self.neuron(x) - self.threshold), Fraction(0))


@dataclass(frozen=True)
class Dictionary:
    """A dictionary matrix K with the unit behind every column.

    Attributes
    ----------
    theorem : str
        Which result of Pilanci's paper it implements.
    data : tuple of points
        The training samples (rows of K).
    units : tuple of Neuron or ThreeLayerUnit
        ``K[i][j] == units[j](data[i])``.
    matrix : tuple of rows
        K, n × len(units), exact.
    labels : tuple of str
        How each column arose (the multi-index of the theorem).
    intercept : bool
        Whether the convex program of the theorem has a free intercept t.

    Examples
    --------
    The ramp dictionary of three points on the line: one column (x − x_j)_+
    and one (x_j − x)_+ per sample, evaluated at the samples.

    >>> from exactgeom.convex import build_dictionary
    >>> D = build_dictionary([[0], [1], [2]], kind="ramp")
    >>> D.shape, D.labels[0], D.intercept
    ((3, 6), '(x - x_1)_+', True)
    >>> [int(v) for v in D.column(0)], [int(v) for v in D.column(3)]
    ([0, 1, 2], [0, 0, 0])
    """

    theorem: str
    data: tuple
    units: tuple
    matrix: tuple
    labels: tuple
    intercept: bool

    @property
    def shape(self) -> tuple[int, int]:
        """(number of samples, number of columns) of K."""
        return (len(self.data), len(self.units))

    def column(self, j: int) -> tuple:
        """Column j of K."""
        return tuple(row[j] for row in self.matrix)


def evaluate_units(units, points) -> tuple:
    """The matrix ``(units[j](points[i]))_{ij}``.

    Examples
    --------
    >>> evaluate_units([Neuron((Fraction(1),))], [(2,), (-1,)])
    ((Fraction(2, 1),), (Fraction(0, 1),))
    """
    return tuple(tuple(unit(x) for unit in units) for x in points)


def _data(X, name: str = "X") -> tuple:
    rows = exact_matrix(X, name=name)
    if not rows:
        raise ValueError(f"{name} has no samples; pass at least one row")
    if len(rows[0]) == 0:
        raise ValueError(f"{name} has samples of dimension 0")
    return rows


MAX_COLUMNS = 200_000


def _refuse_if_too_large(estimate: int, what: str, max_columns: int) -> None:
    if estimate > max_columns:
        raise ValueError(
            f"the {what} would have up to {estimate} columns (limit max_columns={max_columns}); "
            "use fewer samples, or raise max_columns if you mean it"
        )


def _standard_basis(d: int) -> list[tuple]:
    return [tuple(Fraction(int(i == k)) for i in range(d)) for k in range(d)]


def _normal(directions, d: int) -> tuple | None:
    """The ℓ1-normalised w with ⟨x, w⟩ = det(x, u_1, …, u_{d−1}) / ‖u_1 ∧ …‖_1, or None if dependent."""
    if d == 1:
        return (Fraction(1),)
    c = cross(*directions)
    if not any(c):  # the directions are linearly dependent
        return None
    scale = norm_l1(c)  # = ‖u_1 ∧ … ∧ u_{d−1}‖_1: the Hodge star permutes coefficients up to sign
    sign = -1 if (d - 1) % 2 else 1
    return tuple(sign * v / scale for v in c)


class _Builder:
    def __init__(self, theorem: str, data, intercept: bool):
        self.theorem, self.data, self.intercept = theorem, data, intercept
        self.units, self.labels, self.columns, self.seen = [], [], [], set()

    def add(self, unit, label: str) -> None:
        if unit in self.seen:
            return
        self.seen.add(unit)
        column = tuple(unit(x) for x in self.data)
        if not any(column):
            return
        self.units.append(unit)
        self.labels.append(label)
        self.columns.append(column)

    def build(self) -> Dictionary:
        n = len(self.data)
        matrix = tuple(tuple(col[i] for col in self.columns) for i in range(n))
        return Dictionary(
            self.theorem, self.data, tuple(self.units), matrix, tuple(self.labels), self.intercept
        )


def ramp_dictionary(x) -> Dictionary:
    """Theorem 1 (d = 1): K_ij = (x_i − x_j)_+ for j ≤ n and (x_{j−n} − x_i)_+ for j > n, plus an intercept.

    All 2n columns are kept in the paper's order (zero columns included).

    Examples
    --------
    >>> D = ramp_dictionary([0, 1, 3])
    >>> D.matrix[2]
    (Fraction(3, 1), Fraction(2, 1), Fraction(0, 1), Fraction(0, 1), Fraction(0, 1), Fraction(0, 1))
    >>> D.units[4]
    Neuron(weight=(Fraction(-1, 1),), bias=Fraction(1, 1))
    """
    points = tuple((v,) if not isinstance(v, (list, tuple)) else tuple(v) for v in x)
    data = _data(points, "x")
    if len(data[0]) != 1:
        raise ValueError(
            "ramp_dictionary is for one-dimensional data; use affine_dictionary in dimension d > 1"
        )
    units = [Neuron((Fraction(1),), -p[0]) for p in data] + [Neuron((Fraction(-1),), p[0]) for p in data]
    labels = [f"(x - x_{j + 1})_+" for j in range(len(data))] + [
        f"(x_{j + 1} - x)_+" for j in range(len(data))
    ]
    return Dictionary("Theorem 1", data, tuple(units), evaluate_units(units, data), tuple(labels), True)


def _oriented(builder: _Builder, w, b: Fraction, label: str) -> None:
    builder.add(Neuron(w, b), f"+{label}")
    builder.add(Neuron(tuple(-v for v in w), -b), f"-{label}")


def wedge_dictionary(X, *, augment: bool = True, max_columns: int = MAX_COLUMNS) -> Dictionary:
    """Theorems 2 and 4 (p = 1, no biases): neurons ±cross(S)/‖cross(S)‖_1 over (d−1)-subsets S.

    Parameters
    ----------
    X : n × d rational data matrix
    augment : bool
        Add the standard basis e_1, …, e_d to the vectors subsets are drawn from
        (the augmented set X̃ of the ℓ1 theorems).
    max_columns : int
        Refuse (ValueError, with the estimate) when the dictionary could exceed this.

    Returns
    -------
    Dictionary
        Labels name the subset by 1-based indices into X̃ (rows of X, then e_1, …, e_d).

    Examples
    --------
    >>> D = wedge_dictionary([[1, 1], [0, 2]])
    >>> sorted(unit.weight for unit in D.units)
    [(Fraction(-1, 2), Fraction(1, 2)), (Fraction(0, 1), Fraction(1, 1)), (Fraction(1, 1), Fraction(0, 1))]
    >>> D.matrix
    ((Fraction(0, 1), Fraction(1, 1), Fraction(1, 1)), (Fraction(1, 1), Fraction(0, 1), Fraction(2, 1)))
    >>> D.labels
    ('-span(1,)', '+span(2,)', '-span(3,)')
    """
    data = _data(X)
    d = len(data[0])
    pool_size = len(data) + (d if augment else 0)
    _refuse_if_too_large(2 * comb(pool_size, d - 1), "wedge dictionary", max_columns)
    pool = list(data) + (_standard_basis(d) if augment else [])
    builder = _Builder("Theorem 4" if d > 2 else "Theorem 2" if d == 2 else "Theorem 4 (d = 1)", data, False)
    for subset in combinations(range(len(pool)), d - 1):
        w = _normal([pool[i] for i in subset], d)
        if w is not None:
            _oriented(builder, w, Fraction(0), f"span{tuple(i + 1 for i in subset)}")
    return builder.build()


def affine_dictionary(
    X, *, augment: bool = True, intercept: bool = False, max_columns: int = MAX_COLUMNS
) -> Dictionary:
    """Theorem 5 with p = 1 (biased neurons): hyperplanes through a data point x_ℓ.

    For each anchor ℓ and each linearly independent (d−1)-subset S of
    {x_i − x_ℓ : i ≠ ℓ} (∪ {e_k} with ``augment``), the neuron
    ±(w, −⟨w, x_ℓ⟩) with w = cross(S)/‖cross(S)‖_1 (sign as in the module docstring), i.e.
    x ↦ ((x − x_ℓ) ∧ u_1 ∧ … ∧ u_{d−1})_+ / ‖u_1 ∧ …‖_1 = dist_+ to Aff(x_ℓ, x_ℓ + S) up to the
    ℓ1/ℓ2 normalisation.

    Examples
    --------
    >>> D = affine_dictionary([[0], [1], [3]])
    >>> D.shape
    (3, 4)
    >>> D.units[0], D.matrix[2][0]
    (Neuron(weight=(Fraction(1, 1),), bias=Fraction(0, 1)), Fraction(3, 1))
    """
    data = _data(X)
    d = len(data[0])
    pool_size = len(data) - 1 + (d if augment else 0)
    _refuse_if_too_large(2 * len(data) * comb(pool_size, d - 1), "affine dictionary", max_columns)
    builder = _Builder("Theorem 5 (p = 1)" if d > 1 else "Theorem 1", data, intercept)
    extra = _standard_basis(d) if augment else []
    for ell, anchor in enumerate(data):
        pool = [tuple(a - b for a, b in zip(x, anchor)) for i, x in enumerate(data) if i != ell] + extra
        names = [f"x{i + 1}-x{ell + 1}" for i in range(len(data)) if i != ell] + [
            f"e{k + 1}" for k in range(len(extra))
        ]
        for subset in combinations(range(len(pool)), d - 1):
            w = _normal([pool[i] for i in subset], d)
            if w is not None:
                label = f"through x{ell + 1} along ({', '.join(names[i] for i in subset)})"
                _oriented(builder, w, -_dot(w, anchor), label)
    return builder.build()


def three_layer_dictionary(X, *, bias: bool = False, max_columns: int = MAX_COLUMNS) -> Dictionary:
    """Theorems 12 (``bias=False``) and 13 (``bias=True``): three-layer units, with a free intercept.

    Units are (s·(N(x) − N(x_{j0})))_+, s = ±1, j0 ∈ [n], for first-layer neurons N:

    - Theorem 12: N(x) = (±⟨w, x⟩)_+, w ⟂ d−1 vectors from {x_i} ∪ {x_i − x_j} ∪ {e_k};
    - Theorem 13: N(x) = (±(⟨w, x⟩ − ⟨w, x_ℓ⟩))_+, w ⟂ d−1 vectors from {x_i − x_j} ∪ {e_k},
      ℓ ∈ [n] (the breakline passes through x_ℓ).

    s = +1 gives the columns of K^(1), s = −1 those of K^(2) (eqs. (27), (29)).

    Examples
    --------
    >>> D = three_layer_dictionary([[1, 0], [0, 1], [-1, 0], [0, -1]])
    >>> D.intercept, all(D.matrix[i][j] == u(x) for j, u in enumerate(D.units) for i, x in enumerate(D.data))
    (True, True)
    """
    data = _data(X)
    n, d = len(data), len(data[0])
    pool_size = (0 if bias else n) + n * (n - 1) // 2 + d
    estimate = 4 * n * (n if bias else 1) * comb(pool_size, d - 1)
    _refuse_if_too_large(estimate, "three-layer dictionary", max_columns)
    differences = [tuple(a - b for a, b in zip(data[i], data[j])) for i in range(n) for j in range(i + 1, n)]
    pool = ([] if bias else list(data)) + differences + _standard_basis(d)
    normals = []
    seen = set()
    for subset in combinations(range(len(pool)), d - 1):
        w = _normal([pool[i] for i in subset], d)
        if w is not None and w not in seen:
            seen.add(w)
            seen.add(tuple(-v for v in w))
            normals.append(w)
    builder = _Builder("Theorem 13" if bias else "Theorem 12", data, True)
    anchors = range(n) if bias else [None]
    for w in normals:
        for ell in anchors:
            b = -_dot(w, data[ell]) if bias else Fraction(0)
            for eps in (1, -1):
                neuron = Neuron(tuple(eps * v for v in w), eps * b)
                for j0 in range(n):
                    c = neuron(data[j0])
                    for s in (1, -1):
                        where = f", through x{ell + 1}" if bias else ""
                        builder.add(ThreeLayerUnit(neuron, s, c), f"s={s:+d}, j0={j0 + 1}, w={w}{where}")
    return builder.build()


def vector_output_dictionary(X, *, p: int = 1) -> tuple:
    """Theorem 14: K_ij = (x_i ∧ x_{j_1} ∧ … ∧ x_{j_{d−1}})_+ / ‖x_{j_1} ∧ …‖_p over (d−1)-subsets of X.

    Both orientations of each subset are listed.  For p = 1 the entries are
    Fractions; for p = 2 they are sympy numbers (square roots).  Fitting vector
    labels Y with the group penalty Σ_j ‖Z_j‖_2 is a second-order cone program,
    not solved here.

    Returns
    -------
    (matrix, subsets) : the n × (2·#subsets) matrix and the list of (subset, orientation).

    Examples
    --------
    >>> K, cols = vector_output_dictionary([[1, 0], [1, 1]], p=2)
    >>> K[0], cols[2]
    ((0, 0, sqrt(2)/2, 0), ((2,), 1))
    """
    data = _data(X)
    n, d = len(data), len(data[0])
    if p not in (1, 2):
        raise ValueError(f"p must be 1 or 2; got {p!r}")
    columns, subsets = [], []
    for subset in combinations(range(n), d - 1):
        vs = [data[i] for i in subset]
        blade = wedge(*vs) if d > 1 else None
        if blade is not None and blade.is_zero():  # linearly dependent
            continue
        if p == 1:
            scale = norm_l1(blade) if blade is not None else Fraction(1)
        else:
            scale = sympy.sqrt(sympy.Rational(norm_squared(blade))) if blade is not None else sympy.Integer(1)
        volumes = [wedge(x, *vs).scalar() if d > 1 else x[0] for x in data]
        for orientation in (1, -1):
            values = [max(orientation * vol, Fraction(0)) for vol in volumes]
            if p == 1:
                columns.append(tuple(v / scale for v in values))
            else:
                columns.append(tuple(sympy.Rational(v.numerator, v.denominator) / scale for v in values))
            subsets.append((tuple(i + 1 for i in subset), orientation))
    matrix = tuple(tuple(col[i] for col in columns) for i in range(n))
    return matrix, subsets

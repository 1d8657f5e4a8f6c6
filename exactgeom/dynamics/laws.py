"""Conservation laws of gradient flow: polynomial laws by exact linear algebra, and the proved count.

See :mod:`exactgeom.dynamics` for the setting and for why the two bounds of
:func:`conservation_laws` prove the number of independent laws when they meet.

Examples
--------
>>> from exactgeom.dynamics import relu_network
>>> conservation_laws(relu_network(1, 2, 1), seed=0).value
2

References
----------
S. Marcotte, R. Gribonval and G. Peyré, *Abide by the law and follow the flow: conservation
laws for gradient flows*, NeurIPS 2023.
"""

from __future__ import annotations

import random
import warnings
from dataclasses import dataclass
from math import comb

import flint

from .._exact import fmpq_mat_bytes, nullspace, random_rational_vector, refuse_above_memory, to_fmpq
from ..algebra.polynomial_map import monomials as list_monomials
from ..algebra.polynomial_map import rank_at
from ..errors import TooLarge
from .lie import lie_algebra_trace
from .models import PolynomialModel

__all__ = ["conserved_polynomials", "is_conserved", "conservation_laws", "ConservationLaws"]


MAX_UNKNOWNS = 20_000
"""Most unknown coefficients (monomials of degree 1..D in p parameters) a law search takes on."""


def _kernel_of_columns(columns: list[dict], ncols: int) -> list:
    """Kernel of the matrix whose j-th column has the sparse entries columns[j] (row key -> fmpq)."""
    row_index: dict = {}
    for col in columns:
        for key in col:
            row_index.setdefault(key, len(row_index))
    refuse_above_memory(
        fmpq_mat_bytes(len(row_index), ncols),
        f"the linear system for the conservation laws, a dense {len(row_index)} × {ncols} rational "
        "matrix (one row per coefficient of the products ⟨∇h, ∇φ_k⟩, one column per monomial of h),",
    )
    M = flint.fmpq_mat(max(len(row_index), 1), ncols)
    for j, col in enumerate(columns):
        for key, value in col.items():
            M[row_index[key], j] = value
    return nullspace(M, as_flint=True)


def _law_polys(model: PolynomialModel, degree: int) -> list:
    if not isinstance(degree, int) or degree < 1:
        raise ValueError(f"degree must be a positive int; got {degree!r}")
    p = model.num_parameters
    unknowns = comb(p + degree, degree) - 1
    if unknowns > MAX_UNKNOWNS:
        raise TooLarge(
            f"degree {degree} in {p} parameters means {unknowns} unknown coefficients "
            f"(limit {MAX_UNKNOWNS}); lower the degree",
            estimate=unknowns,
            limit=MAX_UNKNOWNS,
            unit="unknown coefficients",
        )
    feature_grads = [model.gradient(f) for f in model.polynomials]
    monomials = list_monomials(p, degree, 1)
    columns = []
    for exps in monomials:
        mono = model.monomial(exps)
        column: dict = {}
        for k, grad in enumerate(feature_grads):
            total = model.zero()
            for i, e in enumerate(exps):
                if e and not grad[i].is_zero():
                    total += mono.derivative(i) * grad[i]
            for key, value in total.to_dict().items():
                column[(k, key)] = value
        columns.append(column)
    kernel = _kernel_of_columns(columns, len(monomials))
    return [model.ring.from_dict({e: c for e, c in zip(monomials, vector) if c != 0}) for vector in kernel]


def conserved_polynomials(model: PolynomialModel, degree: int = 2) -> tuple:
    """A basis of the polynomials h of degree ≤ D, without constant term, conserved for every dataset.

    Solves ⟨∇h, ∇φ_k⟩ ≡ 0 for all features exactly (see the module docstring
    for why this is the condition), as a kernel over Q of a linear map on the
    coefficients of h.

    Parameters
    ----------
    model : PolynomialModel
    degree : int
        Maximal total degree D.

    Returns
    -------
    tuple of sympy expressions (a basis read off the reduced row echelon form).

    Raises
    ------
    exactgeom.errors.TooLarge
        More than :data:`MAX_UNKNOWNS` unknowns, or a linear system whose dense matrix would
        exceed :data:`exactgeom._exact.MEMORY_LIMIT` (refused before it is allocated).

    Examples
    --------
    >>> from exactgeom.dynamics import relu_network
    >>> conserved_polynomials(relu_network(1, 1, 1))
    (-u_1_1**2 + v_1_1**2,)

    Notes
    -----
    The number of unknowns is the number of monomials of degree 1..D in p
    variables, C(p + D, D) − 1.
    """
    return tuple(model.to_sympy(h) for h in _law_polys(model, degree))


def is_conserved(model: PolynomialModel, h) -> bool:
    """Whether ⟨∇h, ∇φ_k⟩ is identically zero for every feature φ_k (exact).

    Examples
    --------
    >>> from exactgeom.dynamics import linear_network
    >>> model = linear_network((2, 1, 2))
    >>> U1, U2, V1, V2 = model.parameters
    >>> is_conserved(model, U1**2 + U2**2 - V1**2 - V2**2), is_conserved(model, U1**2)
    (True, False)
    """
    poly = model.from_sympy(h, "h")
    grad_h = model.gradient(poly)
    for f in model.polynomials:
        total = model.zero()
        for a, b in zip(grad_h, model.gradient(f)):
            total += a * b
        if not total.is_zero():
            return False
    return True


@dataclass(frozen=True)
class ConservationLaws:
    """Conservation laws of a model: the polynomial ones of degree ≤ D and the number of independent laws.

    A result of the shape of :mod:`exactgeom.results`: ``value`` is the number of functionally
    independent conservation laws near a generic point, ``proved`` says whether the two bounds
    met (see :mod:`exactgeom.dynamics` for why that is a proof).

    Attributes
    ----------
    value : int
        The number of independent laws when ``proved``; otherwise ``lower_bound``, the number
        of independent laws exhibited by ``laws``.
    proved : bool
        ``lower_bound == upper_bound``: the count is a theorem and no further law exists,
        polynomial or not.
    laws : tuple of sympy expressions
        A basis of the conserved polynomials of degree ≤ ``degree`` without constant term.
    lower_bound : int
        Rank of the gradients of ``laws`` at the sample points (max over points): at least
        this many functionally independent laws exist.
    upper_bound : int
        p minus the rank of the Lie trace at the sample points (max over points): no more than
        this many independent laws exist near a generic point.
    method : str
        How each bound was obtained.
    seed : int
        The seed the rational points were drawn from.
    jacobian_ranks : tuple of int
    trace_dimensions : tuple of int
        The two ranks at each point.
    points_agreed : int
        How many points attain both maxima.
    lie_closed : bool
        Whether the brackets computed span the whole Lie algebra.
    lie_algebra_dimension : int
        Dimension of the span of the brackets computed (of the Lie algebra when ``lie_closed``).
    lie_depth : int
        Number of bracket levels computed.

    Examples
    --------
    The scalar network u·v conserves the balancedness v² − u²:

    >>> from exactgeom.dynamics import linear_network
    >>> result = conservation_laws(linear_network((1, 1, 1)), seed=0)
    >>> result.laws, result.value, result.proved
    ((-U_1_1**2 + V_1_1**2,), 1, True)
    >>> result.lower_bound, result.upper_bound, result.seed
    (1, 1, 0)
    """

    model: PolynomialModel
    degree: int
    laws: tuple
    lower_bound: int
    upper_bound: int
    jacobian_ranks: tuple
    trace_dimensions: tuple
    points: tuple
    points_agreed: int
    seed: int
    lie_closed: bool
    lie_algebra_dimension: int
    lie_depth: int

    @property
    def proved(self) -> bool:
        """True when the bounds meet: the count is proved and no further law exists."""
        return self.lower_bound == self.upper_bound

    @property
    def value(self) -> int:
        """The number of independent laws: proved when ``proved``, else the lower bound."""
        return self.lower_bound

    @property
    def count(self) -> int | None:
        """The number of independent conservation laws when proved, else ``None``."""
        return self.value if self.proved else None

    @property
    def exact(self) -> bool:
        """Deprecated spelling of :attr:`proved`."""
        warnings.warn("ConservationLaws.exact is deprecated: use proved", DeprecationWarning, stacklevel=2)
        return self.proved

    @property
    def method(self) -> str:
        """How the lower and the upper bound were obtained, in words."""
        points = len(self.points)
        lie = (f"the Lie algebra closed at dimension {self.lie_algebra_dimension}" if self.lie_closed
               else f"{self.lie_algebra_dimension} independent fields, stopped before the algebra closed")
        return (
            f"lower bound: exact rank of the gradients of the {len(self.laws)} conserved polynomials of "
            f"degree <= {self.degree} (kernel of a linear system over Q) at {points} seeded rational "
            f"points; upper bound: {self.model.num_parameters} parameters minus the exact rank there of "
            f"the trace of the Lie algebra generated by the feature gradients (brackets to depth "
            f"{self.lie_depth}; {lie}); both maxima attained at {self.points_agreed} of {points} points"
        )

    def certificate(self) -> dict:
        """Not available: no certificate kind describes a count of conservation laws.

        Raises
        ------
        NotImplementedError
            Always; the nearest kind is ``implicit-equations`` (polynomial identities checked by
            substitution), which covers neither the gradient identities nor the rank of the Lie trace.
        """
        raise NotImplementedError(
            "there is no certificate kind for a count of conservation laws; the nearest is "
            "'implicit-equations' (polynomial identities checked by substitution), which covers neither "
            "the identities <grad h, grad phi_k> = 0 nor the rank of the Lie trace"
        )


def conservation_laws(
    model: PolynomialModel,
    degree: int = 2,
    *,
    seed: int = 0,
    points: int = 3,
    max_depth: int = 12,
    bound: int = 50,
    full_lie_algebra: bool = False,
) -> ConservationLaws:
    """Polynomial conservation laws of degree ≤ D and the exact number of independent laws.

    Parameters
    ----------
    model : PolynomialModel
    degree : int
        Degree D of the polynomial laws searched.
    seed : int
        Seeds the random rational points (integer entries in [−bound, bound]).
    points : int
        How many points to evaluate at; the result says how many agreed.
    max_depth : int
        Maximal bracket length in the Lie algebra.
    bound : int
        Size of the random integer coordinates.
    full_lie_algebra : bool
        Generate the whole Lie algebra (until it closes or ``max_depth``) instead of
        stopping as soon as the bounds meet; ``lie_algebra_dimension`` is then its dimension.

    Returns
    -------
    ConservationLaws
        ``value`` is the number of independent conservation laws, ``proved`` when
        ``lower_bound == upper_bound`` (see the module docstring).

    Raises
    ------
    exactgeom.errors.TooLarge
        As :func:`conserved_polynomials`, or when the brackets of the Lie algebra would exceed
        :data:`exactgeom._exact.MEMORY_LIMIT` (see :func:`~exactgeom.dynamics.lie.lie_algebra_trace`).

    Examples
    --------
    >>> from exactgeom.dynamics import relu_network
    >>> result = conservation_laws(relu_network(2, 2, 1), seed=0)
    >>> result.value, result.proved, result.laws
    (2, True, (-u_1_1**2 - u_1_2**2 + v_1_1**2, -u_2_1**2 - u_2_2**2 + v_2_1**2))
    >>> result.points_agreed
    3
    """
    if points < 1:
        raise ValueError("points must be at least 1")
    p = model.num_parameters
    rng = random.Random(seed)
    pts = [random_rational_vector(p, rng, bound) for _ in range(points)]
    laws = _law_polys(model, degree)
    grads = [model.gradient(h) for h in laws]
    jac = tuple(rank_at(grads, tuple(to_fmpq(c) for c in pt)) for pt in pts)
    lower = max(jac)
    trace = lie_algebra_trace(model, pts, max_depth=max_depth, target=None if full_lie_algebra else p - lower)
    upper = p - max(trace.dimensions)
    if lower > upper:
        raise AssertionError("internal error: more independent laws than the Lie trace allows")
    agreed = sum(1 for j, t in zip(jac, trace.dimensions) if j == lower and t == p - upper)
    return ConservationLaws(
        model,
        degree,
        tuple(model.to_sympy(h) for h in laws),
        lower,
        upper,
        jac,
        trace.dimensions,
        tuple(pts),
        agreed,
        seed,
        trace.closed,
        trace.algebra_dimension,
        trace.depth,
    )

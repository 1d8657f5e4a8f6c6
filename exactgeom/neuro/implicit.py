"""Implicit equations of a neuromanifold by interpolation, proved by substitution.

For a degree bound D, let I_{≤D} be the polynomials of degree ≤ D in the
coordinates y vanishing on the image of φ.  Evaluate φ at m random rational
points θ_1..θ_m and every monomial of degree ≤ D at the values y = φ(θ_i): the
kernel K of this evaluation matrix contains I_{≤D} (a true equation vanishes at
every sample).  Each element of a spanning set of K is then composed with φ
and expanded exactly (python-flint); if all vanish, K ⊆ I_{≤D}, hence
K = I_{≤D} exactly.  If one does not vanish, more points are added.

When every φ_k is homogeneous of the same degree, the image is a cone and the
ideal is homogeneous: degrees are then handled one at a time.  Generators are
chosen degree by degree: a basis of I_d modulo the products of lower-degree
generators with monomials; only those new generators need the substitution
proof, since the products lie in the ideal already.

A second, independent route for small models (``method="elimination"``, what
Macaulay2's ``eliminate`` or ``ker`` computes): a lex Gröbner basis of
(y_k − φ_k(θ)) over Q with θ > y (sympy) contains a Gröbner basis of the
elimination ideal I = (y_k − φ_k) ∩ Q[y], the whole vanishing ideal of the image;
its reduced grevlex basis is returned, keeping the elements of degree ≤ D.  They
generate I up to degree D because grevlex refines the degree: an f ∈ I of degree
≤ d has a standard representation by basis elements of degree ≤ d, and
dim I_{≤d} is the number of monomials of degree ≤ d that a leading monomial
divides.  Exact and complete, but doubly exponential in the worst case.

Examples
--------
>>> from exactgeom.neuro import LinearNetwork
>>> LinearNetwork((2, 1, 2)).implicit_equations(2).equations
(y1*y4 - y2*y3,)

References
----------
K. Kohn, T. Merkh, G. Montúfar and M. Trager, *Geometry of linear convolutional networks*,
SIAM J. Appl. Algebra Geom. 6 (2022).
N. W. Henry, G. L. Marchetti and K. Kohn, *Geometry of lightning self-attention:
identifiability and dimension*, ICLR 2025 (the quartic of the lightning model).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from fractions import Fraction
from math import comb

import flint
import sympy as sp

from .._exact import from_fmpq, nullspace, primitive_integer_vector, to_fmpq
from ..algebra.polynomial_map import PolynomialMap
from ..algebra.polynomial_map import monomials as list_monomials
from ..errors import TooLarge

__all__ = ["implicit_equations", "ImplicitEquations", "equation_jacobian_rank"]

MAX_MONOMIALS = 6000


@dataclass(frozen=True)
class ImplicitEquations:
    """Generators of the vanishing ideal of a neuromanifold up to a degree.

    The shape of :mod:`exactgeom.results`: ``value`` is ``equations``, and ``lower_bound`` and
    ``upper_bound`` are None (a list of equations is not a number).

    Attributes
    ----------
    equations : tuple of sympy expressions
        Generators (primitive integer coefficients) in ``coordinates``, by increasing degree.
    coordinates : tuple of sympy Symbols
    max_degree : int
    ideal_dimensions : tuple of int
        dim I_d (homogeneous case) or dim I_{≤d} for d = 1..max_degree.
    homogeneous : bool
    proved : bool
        Every generator was checked to vanish identically on the parametrization,
        so the list is complete: it spans I up to max_degree.
    seed : int or None
        Seed of the sample points (None for elimination, which makes no random choice).
    method : str
        The route (``"interpolation"`` or ``"elimination"``, its first word) and what it proved.

    Examples
    --------
    The twisted cubic t ↦ (t, t², t³) satisfies no linear equation and three
    quadrics:

    >>> import sympy as sp
    >>> from exactgeom.neuro import Parametrization
    >>> t = sp.Symbol("t")
    >>> I = implicit_equations(Parametrization([t], [t, t**2, t**3]), 2)
    >>> I.ideal_dimensions, I.homogeneous, I.proved
    ((0, 3), False, True)
    """

    equations: tuple
    coordinates: tuple
    max_degree: int
    ideal_dimensions: tuple
    homogeneous: bool
    proved: bool
    seed: int | None
    method: str
    _model: object = field(default=None, repr=False, compare=False)

    lower_bound = None
    upper_bound = None

    @property
    def value(self) -> tuple:
        """The equations (the generators found)."""
        return self.equations

    def certificate(self, model=None) -> dict:
        """An ``implicit-equations`` certificate whose claim is the whole theorem.

        The claim holds the parameters and coordinates by name, the parametrization φ (one
        polynomial in the parameters per coordinate), the equations, and the statement that each
        equation vanishes identically after substituting φ; the verifier expands the
        substitution itself (see :mod:`exactgeom.certificates.check_algebra`).  Completeness of
        the list up to ``max_degree`` is the interpolation argument of this module, recorded in
        ``meta``, not part of the checked claim.

        Parameters
        ----------
        model : Parametrization, optional
            Accepted for compatibility; when given it must be the model the equations were
            computed for.

        Examples
        --------
        >>> import sympy as sp
        >>> from exactgeom.certificates import verify
        >>> from exactgeom.neuro import Parametrization
        >>> t = sp.Symbol("t")
        >>> cubic = Parametrization([t], [t, t**2, t**3])
        >>> cert = cubic.implicit_equations(2).certificate()
        >>> cert["claim"]["parameters"], cert["claim"]["parametrization"][1]
        (['t'], [[[2], '1']])
        >>> verify(cert).status
        'proved'
        """
        from ..certificates import envelope
        from .._exact import fraction_str

        if model is None:
            model = self._model
        elif self._model is not None and (tuple(model.params), tuple(model.polys)) != (
                tuple(self._model.params), tuple(self._model.polys)):
            raise ValueError("certificate(model): this is not the model these equations were computed for")
        if model is None:
            raise ValueError("certificate(): these equations were not computed by implicit_equations(); "
                             "pass the model")
        if tuple(model.coordinates) != tuple(self.coordinates):
            raise ValueError("certificate(model): the model's coordinates are not those of these equations")

        def encode(poly, gens):
            p = sp.Poly(poly, *gens, domain="QQ")
            if p.is_zero:
                return []
            return [
                [list(m), fraction_str(Fraction(int(c.numerator), int(c.denominator)))] for m, c in p.terms()
            ]

        claim = {
            "parameters": [str(v) for v in model.params],
            "coordinates": [str(v) for v in self.coordinates],
            "parametrization": [encode(f, model.params) for f in model.polys],
            "equations": [encode(e, self.coordinates) for e in self.equations],
            "statement": "each equation vanishes identically on the image of the parametrization",
        }
        meta = {"producer": "exactgeom.neuro.implicit", "seed": self.seed, "method": self.method,
                "max_degree": self.max_degree, "ideal_dimensions": list(self.ideal_dimensions),
                "complete_up_to_max_degree": bool(self.proved)}
        return envelope("implicit-equations", claim, {}, meta)


def _monomials(n: int, degree: int, homogeneous: bool):
    return list_monomials(n, degree, degree if homogeneous else 0)


def _monomial_value(values, exps):
    r = flint.fmpq(1)
    for v, e in zip(values, exps):
        if e:
            r *= v**e
    return r


def _kernel(samples, monomials):
    M = flint.fmpq_mat(
        len(samples), len(monomials), [_monomial_value(s, m) for s in samples for m in monomials]
    )
    return nullspace(M, as_flint=True)


def _in_span_extend(rows, vector):
    """Whether ``vector`` increases the rank of ``rows``."""
    if not rows:
        return any(v != 0 for v in vector)
    M = flint.fmpq_mat(len(rows) + 1, len(vector), [v for r in rows + [vector] for v in r])
    return M.rank() > len(rows)


def _proves(ctx_y, model, vector, monomials) -> bool:
    g = ctx_y.from_dict({m: c for m, c in zip(monomials, vector) if c != 0})
    return model.compose(g).is_zero()


def implicit_equations(
    model, max_degree: int, *, seed: int = 0, method: str = "interpolation"
) -> ImplicitEquations:
    """Generators of the vanishing ideal of the neuromanifold, up to degree ``max_degree``.

    Parameters
    ----------
    model : Parametrization
    max_degree : int
    seed : int
        Seed for the sample points (interpolation; elimination makes no random choice).
    method : {"interpolation", "elimination"}
        Interpolation at rational points with a substitution proof (the default; scales to
        thousands of monomials), or elimination by a lex Gröbner basis over Q (small models
        only); both are exact and complete up to ``max_degree`` (module docstring).

    Returns
    -------
    ImplicitEquations
        Proved complete up to ``max_degree`` (see the module docstring).

    Raises
    ------
    ValueError
        If the number of monomials exceeds a few thousand (the interpolation
        matrix would not fit); the message gives the count.

    Examples
    --------
    >>> import sympy as sp
    >>> from exactgeom.neuro import Parametrization
    >>> t = sp.Symbol("t")
    >>> Parametrization([t], [t, t**2, t**3]).implicit_equations(2).equations
    (y1**2 - y2, y1*y2 - y3, y1*y3 - y2**2)
    >>> Parametrization([t], [t, t**2, t**3]).implicit_equations(2, method="elimination").equations
    (y1**2 - y2, y1*y2 - y3, y1*y3 - y2**2)
    """
    if isinstance(max_degree, bool) or not isinstance(max_degree, int) or max_degree < 1:
        raise ValueError(f"max_degree must be a positive int, not {max_degree!r}")
    if method not in ("interpolation", "elimination"):
        raise ValueError(f"method must be 'interpolation' or 'elimination', not {method!r}")
    N = model.ambient_dimension()
    hom_degree = model.homogeneous_degree()
    homogeneous = hom_degree is not None and hom_degree > 0
    if method == "elimination":
        return _by_elimination(model, max_degree, homogeneous)
    count = comb(N + max_degree - 1, max_degree) if homogeneous else comb(N + max_degree, max_degree)
    if count > MAX_MONOMIALS:
        raise TooLarge(
            f"{count} monomials of degree {'=' if homogeneous else '<='} {max_degree} in {N} "
            f"coordinates: the interpolation matrix would be {count + 8}×{count}; "
            f"lower max_degree (limit {MAX_MONOMIALS} monomials)",
            estimate=count,
            limit=MAX_MONOMIALS,
            unit="monomials",
        )
    rng = random.Random(seed)
    ctx_y = flint.fmpq_mpoly_ctx.get(tuple(str(c) for c in model.coordinates), "degrevlex")
    samples = []
    generators = []  # (degree, vector over monomials of that degree / ≤ degree, monomials)
    dims = []
    for d in range(1, max_degree + 1):
        monomials = _monomials(N, d, homogeneous)
        index = {m: i for i, m in enumerate(monomials)}
        extra = 8
        while True:
            while len(samples) < len(monomials) + extra:
                samples.append(
                    [to_fmpq(v) for v in model.evaluate(model.random_point(rng))]
                )
            kernel = _kernel(samples, monomials)
            lower = []
            for e, vec, mons in generators:
                shifts = _monomials(N, d - e, homogeneous)
                for s in shifts:
                    row = [flint.fmpq(0)] * len(monomials)
                    for m, c in zip(mons, vec):
                        if c != 0:
                            row[index[tuple(a + b for a, b in zip(m, s))]] += c
                    if _in_span_extend(lower, row):
                        lower.append(row)
            new = []
            for v in kernel:
                if len(lower) + len(new) == len(kernel):
                    break
                if _in_span_extend(lower + new, v):
                    new.append(v)
            if all(_proves(ctx_y, model, v, monomials) for v in new):
                break
            extra *= 2
            if extra > 10 * len(monomials) + 64:
                raise RuntimeError("interpolation does not stabilise; the parametrization may be degenerate")
        dims.append(len(kernel))
        for v in new:
            ints = primitive_integer_vector([from_fmpq(c) for c in v])
            generators.append((d, [flint.fmpq(c) for c in ints], monomials))
    y = model.coordinates
    equations = tuple(
        sp.Add(*[c * sp.Mul(*[s**e for s, e in zip(y, m)]) for m, c in zip(mons, vec) if c != 0])
        for _, vec, mons in generators
    )
    equations = tuple(_normalise_sign(e, y) for e in equations)
    method = (
        f"interpolation: exact values of the parametrization at {len(samples)} seeded random rational "
        "points, the kernel of the monomial evaluation matrix, and each new generator proved by expanding "
        f"its substitution into the parametrization; complete up to degree {max_degree}"
    )
    return ImplicitEquations(equations, tuple(y), max_degree, tuple(dims), homogeneous, True, seed, method,
                             model)


def _by_elimination(model, max_degree: int, homogeneous: bool) -> ImplicitEquations:
    y, theta = tuple(model.coordinates), tuple(model.params)
    lex = sp.groebner([yi - f for yi, f in zip(y, model.polys)], *theta, *y, order="lex", domain="QQ")
    eliminated = [g for g in lex.exprs if not (g.free_symbols & set(theta))]
    basis = sp.groebner(eliminated, *y, order="grevlex", domain="QQ").exprs if eliminated else []
    polys = sorted((sp.Poly(g, *y) for g in basis),                   # by degree, then leading monomial
                   key=lambda p: (p.total_degree(), [-e for e in p.monoms(order="grevlex")[0]]))
    kept = [p for p in polys if p.total_degree() <= max_degree]
    equations = tuple(_normalise_sign(p.clear_denoms()[1].primitive()[1].as_expr(), y) for p in kept)
    leading = [p.monoms(order="grevlex")[0] for p in polys]
    dims = tuple(
        sum(1 for m in _monomials(len(y), d, homogeneous)
            if any(all(a >= b for a, b in zip(m, lm)) for lm in leading))
        for d in range(1, max_degree + 1)
    )
    method = (
        "elimination: a lex Gröbner basis of (y − φ(θ)) over Q with θ > y, then the reduced grevlex basis "
        f"of the elimination ideal; complete up to degree {max_degree}"
    )
    return ImplicitEquations(equations, y, max_degree, dims, homogeneous, True, None, method, model)


def _normalise_sign(expr, gens):
    p = sp.Poly(expr, *gens)
    return -expr if p.LC() < 0 else expr


def equation_jacobian_rank(model, equations, point_values) -> int:
    """Rank of the Jacobian of ``equations`` at ``point_values`` after checking they vanish on the image.

    Raises
    ------
    ValueError
        If an equation does not vanish identically on the parametrization.

    Examples
    --------
    The quadrics of the twisted cubic have rank-2 Jacobian at its points: the
    curve is smooth of codimension 2 there.

    >>> import sympy as sp
    >>> from exactgeom.neuro import Parametrization
    >>> t = sp.Symbol("t")
    >>> cubic = Parametrization([t], [t, t**2, t**3])
    >>> y1, y2, y3 = cubic.coordinates
    >>> equation_jacobian_rank(cubic, [y1**2 - y2, y1*y2 - y3, y1*y3 - y2**2], [2, 4, 8])
    2
    >>> equation_jacobian_rank(cubic, [y1], [2, 4, 8])
    Traceback (most recent call last):
    ...
    ValueError: equations[0] does not vanish on the neuromanifold
    """
    equations = PolynomialMap(model.coordinates, list(equations), where="equations")
    for i, g in enumerate(equations.polynomials):
        if not model.compose(g).is_zero() if equations.num_variables else False:
            raise ValueError(f"equations[{i}] does not vanish on the neuromanifold")
    return equations.jacobian_rank_at(point_values)

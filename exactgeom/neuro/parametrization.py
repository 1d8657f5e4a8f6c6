"""Polynomial parametrizations θ ↦ (φ_1(θ), …, φ_N(θ)) of neuromanifolds.

A model with polynomial activation computes, for weights θ, a tuple of
polynomials in its inputs; writing these in a fixed basis of the output space
gives coefficients φ_k(θ), polynomials in θ.  The *neuromanifold* is the image
of φ (its Zariski closure, over C, for the algebraic questions).

:class:`Parametrization` is a :class:`~exactgeom.algebra.PolynomialMap` (the map
held exactly as python-flint ``fmpq_mpoly``) and answers the questions of
:mod:`exactgeom.neuro`; the network models in :mod:`exactgeom.neuro.models` are
Parametrizations built from architectures.

Examples
--------
>>> import sympy as sp
>>> a, b = sp.symbols("a b")
>>> P = Parametrization([a, b], [a**2, a*b, b**2])
>>> P.ambient_dimension(), P.dimension().value
(3, 2)
>>> P.implicit_equations(2).equations
(y1*y3 - y2**2,)
"""

from __future__ import annotations

import random
from fractions import Fraction

import sympy as sp

from ..algebra.polynomial_map import PolynomialMap
from ..algebra.systems import symbols_of
from ..expressions import as_expression

__all__ = ["Parametrization"]


class Parametrization(PolynomialMap):
    """A polynomial map from parameters to coefficients, with the basis it is written in.

    A :class:`~exactgeom.algebra.PolynomialMap` (ring in the parameters, degrevlex order)
    with the output basis, input variables and coordinate names of a model.

    Parameters
    ----------
    params : sequence of sympy Symbols
    polys : sequence of sympy expressions
        φ_1, …, φ_N, polynomials in ``params`` with rational coefficients.
    basis : sequence, optional
        For each coordinate k, the output function it multiplies: a tuple of
        sympy expressions in ``inputs`` (one per output component).  Needed by
        :func:`exactgeom.neuro.mse_quadric`.  Default: none.
    inputs : sequence of sympy Symbols, optional
        The model's input variables.
    coordinates : sequence of sympy Symbols, optional
        Names of the coordinates of the output space; default y1, …, yN.
    name : str, optional

    Examples
    --------
    >>> import sympy as sp
    >>> a, b = sp.symbols("a b")
    >>> Parametrization([a, b], [a + b, 0.5 * a])
    Traceback (most recent call last):
        ...
    TypeError: polys[1] contains the float 0.5...; write rationals exactly, e.g. sympy.Rational(1, 2)
    >>> Parametrization([a, b], [a**2, a*b]).jacobian_at([1, 2])
    ((Fraction(2, 1), Fraction(0, 1)), (Fraction(2, 1), Fraction(1, 1)))
    """

    def __init__(self, params, polys, *, basis=None, inputs=(), coordinates=None, name: str | None = None):
        params = symbols_of(params, "params")
        polys = list(polys)
        if not polys:
            raise ValueError("polys is empty; a parametrization needs at least one coordinate")
        self._set_map(params, polys, where="polys")
        self._describe(basis, symbols_of(inputs, "inputs"), coordinates, name)

    def _describe(self, basis, inputs, coordinates, name):
        """Set what a parametrization adds to its polynomial map (after ``_set_map``)."""
        N = self.num_polynomials
        if coordinates is None:
            coordinates = sp.symbols(f"y1:{N + 1}")
        coordinates = symbols_of(coordinates, "coordinates")
        if len(coordinates) != N:
            raise ValueError(f"{len(coordinates)} coordinate names for {N} coordinates")
        if basis is not None:
            names = inputs or None  # strings are read in the inputs when the model declares them
            basis = tuple(
                tuple(
                    as_expression(e, names, where=f"basis[{k}][{j}]")
                    for j, e in enumerate(b if isinstance(b, (tuple, list)) else (b,))
                )
                for k, b in enumerate(basis)
            )
            if len(basis) != N:
                raise ValueError(f"basis has {len(basis)} entries for {N} coordinates")
        self._basis = basis
        self._inputs = tuple(inputs)
        self._coordinates = coordinates
        self._name = name or "Parametrization"

    # ------------------------------------------------------------------ data
    @property
    def params(self) -> tuple:
        """The parameters (sympy Symbols): the variables of the map."""
        return self.variables

    @property
    def polys(self) -> tuple:
        """The coordinate polynomials φ_k as sympy expressions."""
        return self.expressions

    @property
    def basis(self):
        """Output functions multiplied by each coordinate (tuples over output components), or None."""
        return self._basis

    @property
    def inputs(self) -> tuple:
        """Input variables of the model."""
        return self._inputs

    @property
    def coordinates(self) -> tuple:
        """Symbols naming the coordinates of the output space (used in implicit equations)."""
        return self._coordinates

    @property
    def name(self) -> str:
        return self._name

    def __repr__(self) -> str:
        return f"<{self._name}: {self.num_variables} parameters -> {self.num_polynomials} coordinates>"

    # ------------------------------------------------------------------ evaluation
    def jacobian(self, point) -> tuple[tuple[Fraction, ...], ...]:
        """The N × P Jacobian matrix of φ at ``point``, exactly (as :meth:`jacobian_at`)."""
        return self.jacobian_at(point)

    def random_point(self, rng: random.Random, bound: int = 30) -> tuple[Fraction, ...]:
        """A random integer parameter point drawn from ``rng``."""
        return tuple(Fraction(rng.randint(-bound, bound)) for _ in self.variables)

    def symmetries(self) -> tuple:
        """Polynomial vector fields on parameter space tangent to the fibres (known continuous symmetries).

        Each is a tuple of P ``fmpq_mpoly`` in the parameters with J_φ · v = 0
        identically (checked by :func:`exactgeom.neuro.dimension`).  Generic
        parametrizations know none.
        """
        return ()

    # ------------------------------------------------------------------ questions
    def ambient_dimension(self) -> int:
        """Dimension N of the output (coefficient) space."""
        return self.num_polynomials

    def expected_dimension(self) -> int:
        """min(number of parameters − number of known symmetries, ambient dimension)."""
        return min(self.num_variables - len(self.symmetries()), self.ambient_dimension())

    def dimension(self, *, seed: int = 0, equations=None):
        """Dimension of the neuromanifold; see :func:`exactgeom.neuro.dimension.dimension`."""
        from .dimension import dimension

        return dimension(self, seed=seed, equations=equations)

    def is_filling(self, *, field: str = "C", seed: int = 0) -> bool:
        """Whether the neuromanifold fills the output space, over the complex or the real numbers.

        Parameters
        ----------
        field : {"C", "R"}, optional
            ``"C"`` (default): the image of C^P is Zariski dense in C^N, i.e. the
            Jacobian rank at a generic point (:meth:`dimension`) equals the ambient
            dimension N.  ``"R"``: the image of R^P is dense in R^N (Euclidean
            topology), which can fail although the complex image fills.
        seed : int, optional
            Seed of the random points of :meth:`dimension`.

        Returns
        -------
        bool
            ``"C"``: ``dimension().value == ambient_dimension()`` (a proved lower
            bound, so ``True`` is proved; ``False`` is proved when the dimension is
            proved).  ``"R"``: ``False`` when the complex answer is a proved
            ``False`` (the real image lies in the complex one); for a filling complex
            image, the answer of a real-image proof: affine parametrizations (their
            image is an affine space) and σ = c·x^r, r ∈ {2, 3}, on widths (2, 2, 1)
            without bias (:func:`exactgeom.neuro.real_image.shallow_binary_real_image`).

        Raises
        ------
        exactgeom.errors.Inconclusive
            ``field="R"`` where the package has no proof either way; never answered
            over C instead.
        ValueError
            For another ``field``.

        Examples
        --------
        >>> from exactgeom.neuro import PolynomialMLP
        >>> cubic = PolynomialMLP((2, 2, 1), 3)
        >>> cubic.is_filling(), cubic.is_filling(field="R")   # x^3 - x*y^2 has no real preimage
        (True, False)
        >>> PolynomialMLP((2, 2, 1), 2).is_filling(field="R")
        True
        >>> PolynomialMLP((2, 3, 1), 3).is_filling(field="R")
        Traceback (most recent call last):
            ...
        exactgeom.errors.Inconclusive: over C the neuromanifold fills (dimension 4 = ambient dimension); ...
        """
        if field not in ("C", "R"):
            raise ValueError(f'field must be "C" or "R", not {field!r}')
        dim = self.dimension(seed=seed)
        fills_complex = dim.value == self.ambient_dimension()
        if field == "C":
            return fills_complex
        if not fills_complex:
            if dim.proved:
                return False
            from ..errors import Inconclusive

            raise Inconclusive(
                f"the dimension is only bounded, {dim.lower_bound} <= dim <= {dim.upper_bound}, with "
                f"ambient dimension {self.ambient_dimension()}; neither the complex nor the real question "
                "is decided (try another seed, or pass proved implicit equations to dimension())")
        if self.is_affine():
            return True                   # an affine map of full rank is onto R^N
        from .models import PolynomialMLP

        activation = getattr(self, "activation", None)
        if (isinstance(self, PolynomialMLP) and self.widths == (2, 2, 1) and not self.bias
                and len(activation) == 1 and next(iter(activation)) in (2, 3)):
            from .real_image import shallow_binary_real_image

            return shallow_binary_real_image(next(iter(activation))).fills_real
        from ..errors import Inconclusive

        raise Inconclusive(
            f"over C the neuromanifold fills (dimension {dim.value} = ambient dimension); whether the real "
            "image is dense in R^N is not decided: the package proves it only for affine parametrizations "
            "and for sigma = x^2, x^3 on widths (2, 2, 1) without bias (exactgeom.neuro.real_image)")

    def defect(self, *, seed: int = 0) -> int:
        """expected_dimension() − dimension()."""
        return self.expected_dimension() - self.dimension(seed=seed).value

    def implicit_equations(self, max_degree: int, *, seed: int = 0, method: str = "interpolation"):
        """Generators of the vanishing ideal up to ``max_degree``; see :mod:`exactgeom.neuro.implicit`."""
        from .implicit import implicit_equations

        return implicit_equations(self, max_degree, seed=seed, method=method)

    def generic_fiber(self, *, seed: int = 0, engine: str = "auto"):
        """The fibre over a generic point; see :func:`exactgeom.neuro.fibers.generic_fiber`."""
        from .fibers import generic_fiber

        return generic_fiber(self, seed=seed, engine=engine)

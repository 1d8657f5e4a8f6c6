"""The :class:`Arrangement` value object: a finite set of distinct affine hyperplanes in Q^d.

Hyperplane ``i`` is ``{x in Q^d : normals[i] . x == offsets[i]}``.  The object
is immutable and hashable; every computation lives in a function of its own
module (:mod:`~exactgeom.arrangements.lattice`,
:mod:`~exactgeom.arrangements.faces`) and the methods here only delegate.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

from .. import _exact
from . import forms as _forms
from ._matroid_methods import MatroidMethods

__all__ = ["Arrangement", "AffineSubspace"]


@dataclass(frozen=True)
class AffineSubspace:
    """``point + span(directions)`` in Q^d, with ``directions`` a basis (possibly empty).

    Examples
    --------
    >>> S = AffineSubspace((Fraction(1), Fraction(0)), ((Fraction(0), Fraction(1)),))
    >>> S.dimension
    1
    """

    point: tuple[Fraction, ...]
    directions: tuple[tuple[Fraction, ...], ...]

    @property
    def dimension(self) -> int:
        """The number of direction vectors.

        Examples
        --------
        >>> AffineSubspace((Fraction(0),), ()).dimension
        0
        """
        return len(self.directions)


@dataclass(frozen=True, eq=False, repr=False, init=False)
class Arrangement(MatroidMethods):
    r"""A hyperplane arrangement over Q.

    Parameters
    ----------
    normals : sequence of sequences of exact scalars
        Row ``i`` is the normal vector ``a_i`` (non-zero).
    offsets : sequence of exact scalars, optional
        ``c_i`` in ``a_i . x = c_i``; all zero when omitted (a central arrangement).
    dimension : int, optional
        Ambient dimension; required when ``normals`` is empty.
    dedupe : bool, optional
        Merge repeated hyperplanes (also scalar multiples) instead of raising; the
        first occurrence is kept, so later indices move down.
    variables : sequence of str or sympy Symbol, optional
        Names of the coordinates, one per coordinate, used wherever the arrangement is
        printed (``str``, ``_repr_latex_``, ``to_sage``, plots).  Without them the
        coordinates print as ``x1, ..., xd``.  :meth:`from_forms` sets them.

    Attributes
    ----------
    normals, offsets
        As above (entries as Fractions).
    ambient_dimension : int
        d; ``dimension`` is the same number (an alias kept without a deprecation).
    variables : tuple of str or None

    Raises
    ------
    ValueError
        Zero normal, ragged rows, dimension mismatch, or the same hyperplane
        twice (naming both indices) when ``dedupe`` is false; names that are
        repeated, unreadable or not one per coordinate.
    TypeError
        A non-exact entry (float, complex, ...).

    Notes
    -----
    Equality and hashing compare ``dimension``, ``normals`` and ``offsets``: the
    coordinate names are how an arrangement is shown, not part of the set of
    hyperplanes, so ``from_forms(["x"]) == from_forms(["y"])`` (both are the
    hyperplane 0 of Q^1).  Compare ``A.variables`` as well where names matter.
    (Sage, whose arrangements live in a named polynomial ring, tells these apart.)

    Examples
    --------
    >>> A = Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1])
    >>> A
    Arrangement of 3 hyperplanes in Q^2
    >>> A.ambient_dimension, A.rank, len(A), A.is_central()
    (2, 2, 3, False)
    >>> Arrangement([[1, 0], [2, 0]])
    Traceback (most recent call last):
        ...
    ValueError: hyperplanes 0 and 1 are the same hyperplane (one equation is a multiple of the other);
    pass dedupe=True to merge them
    >>> len(Arrangement([[1, 0], [2, 0]], dedupe=True))
    1
    >>> Arrangement([], dimension=2).characteristic_polynomial().as_expr()
    t**2
    >>> print(Arrangement([[2, 1]], offsets=[1], variables=["w", "b"]))
    Arrangement of 1 hyperplane in Q^2
      H0: 2*w + b = 1
    """

    normals: tuple[tuple[Fraction, ...], ...]
    offsets: tuple[Fraction, ...]
    dimension: int
    variables: tuple[str, ...] | None = None

    def __init__(self, normals, offsets=None, *, dimension: int | None = None, dedupe: bool = False,
                 variables=None):
        dimension = _exact.dimension_arg(dimension)
        rows = _exact.exact_matrix(normals, name="normals", ncols=dimension)
        if dimension is None:
            if not rows:
                raise ValueError("an empty arrangement needs its ambient dimension: pass dimension=d")
            dimension = len(rows[0])
        if offsets is None:
            offs = (Fraction(0),) * len(rows)
        else:
            offs = _exact.exact_vector(offsets, name="offsets")
            if len(offs) != len(rows):
                raise ValueError(f"offsets has {len(offs)} entries but there are {len(rows)} normals")
        keep_rows, keep_offs = _forms.distinct_hyperplanes(rows, offs, dedupe)
        object.__setattr__(self, "normals", keep_rows)
        object.__setattr__(self, "offsets", keep_offs)
        object.__setattr__(self, "dimension", dimension)
        object.__setattr__(self, "variables", _forms.check_names(variables, dimension))

    @classmethod
    def _trusted(cls, normals, offsets, dimension, variables=None) -> Arrangement:
        """Build from already-exact, already-validated data (internal; skips coercion)."""
        self = object.__new__(cls)
        object.__setattr__(self, "normals", tuple(normals))
        object.__setattr__(self, "offsets", tuple(offsets))
        object.__setattr__(self, "dimension", dimension)
        object.__setattr__(self, "variables", variables)
        return self

    @classmethod
    def from_forms(cls, forms, variables=None, *, dedupe: bool = False) -> Arrangement:
        """The arrangement of the hyperplanes ``f = 0`` of linear forms; see :func:`.forms.from_forms`.

        Parameters
        ----------
        forms : str, sympy expression or equation, or a sequence of them
            ``"x - y"`` is the hyperplane x - y = 0 and ``"2*x = 3*y + 4"`` is 2x - 3y - 4 = 0.
        variables : sequence of str or sympy Symbol, optional
            The coordinates in order; by default the names that occur, sorted by name with
            digits compared as numbers (``x2`` before ``x10``).
        dedupe : bool, optional
            Merge repeated hyperplanes instead of raising.

        Examples
        --------
        >>> A = Arrangement.from_forms(["x - y", "x + y - 1", "2*x = 3*y + 4"])
        >>> A.variables, A.ambient_dimension, len(A)
        (('x', 'y'), 2, 3)
        >>> Arrangement.from_forms(A.equations(), variables=A.variables) == A
        True
        """
        return _forms.from_forms(forms, variables, dedupe=dedupe)

    @property
    def ambient_dimension(self) -> int:
        """d, the dimension of the space Q^d the hyperplanes live in (also spelled ``dimension``)."""
        return self.dimension

    # -- value semantics -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.normals)

    def __eq__(self, other) -> bool:
        if not isinstance(other, Arrangement):
            return NotImplemented
        return (self.dimension, self.normals, self.offsets) == (other.dimension, other.normals, other.offsets)

    def __hash__(self) -> int:
        return hash((self.dimension, self.normals, self.offsets))

    def __repr__(self) -> str:
        n = len(self)
        return f"Arrangement of {n} hyperplane{'' if n == 1 else 's'} in Q^{self.dimension}"

    def __str__(self) -> str:
        """The repr followed by one equation a · x = c per line, in the coordinate names."""
        return "\n".join([repr(self), *(f"  H{i}: {e}" for i, e in enumerate(self.equations()))])

    def equations(self) -> tuple[str, ...]:
        """The hyperplanes as equations ``a · x = c`` in the coordinate names, which :meth:`from_forms` reads.

        Examples
        --------
        >>> from exactgeom.library import threshold
        >>> threshold(1).equations()
        ('b = 0', 'w1 + b = 0')
        >>> Arrangement([[1, "-1/2"]], offsets=[-3]).equations()
        ('x1 - 1/2*x2 = -3',)
        """
        from .export import coordinate_names, linear_form

        names = coordinate_names(self)
        return tuple(f"{linear_form(a, 0, names)} = {_exact.fraction_str(c)}" for a, c in self.hyperplanes())

    def matrix(self):
        """The augmented matrix [a_i | c_i] as a sympy Matrix (row i is hyperplane i).

        Examples
        --------
        >>> Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1]).matrix()
        Matrix([
        [1, 0, 0],
        [0, 1, 0],
        [1, 1, 1]])
        """
        import sympy

        rows = [[sympy.Rational(v.numerator, v.denominator) for v in (*a, c)] for a, c in self.hyperplanes()]
        return sympy.Matrix(len(rows), self.dimension + 1, [v for row in rows for v in row])

    def _repr_latex_(self) -> str:
        from .export import _latex

        return _latex(self)

    def _repr_svg_(self) -> str | None:
        """A drawing of a line arrangement for Jupyter, else ``None``; see ``export._svg``."""
        from .export import _svg

        return _svg(self)

    def hyperplanes(self) -> tuple[tuple[tuple[Fraction, ...], Fraction], ...]:
        """The pairs ``(normal, offset)``.

        Examples
        --------
        >>> Arrangement([[1, 2]], offsets=[3]).hyperplanes()
        (((Fraction(1, 1), Fraction(2, 1)), Fraction(3, 1)),)
        """
        return tuple(zip(self.normals, self.offsets))

    # -- linear-algebra facts --------------------------------------------------------------------
    @cached_property
    def rank(self) -> int:
        """Dimension of the span of the normals.

        Examples
        --------
        >>> Arrangement([[1, 1, 0], [2, 2, 0], [0, 0, 1]], offsets=[0, 1, 0]).rank
        2
        """
        return _exact.rank(self.normals, self.dimension)

    def is_central(self) -> bool:
        """Whether all hyperplanes share a point (the center is non-empty).

        Examples
        --------
        >>> Arrangement([[1, 0], [0, 1]], offsets=[1, 1]).is_central()
        True
        >>> Arrangement([[1, 0], [1, 0]], offsets=[0, 1]).is_central()
        False
        """
        return self.center() is not None

    def is_essential(self) -> bool:
        """Whether the normals span Q^d.

        Examples
        --------
        >>> Arrangement([[1, 0, 0], [0, 1, 0]]).is_essential()
        False
        """
        return self.rank == self.dimension

    def center(self) -> AffineSubspace | None:
        """The intersection of all hyperplanes, or ``None``; see :func:`.constructions.center`.

        Examples
        --------
        >>> Arrangement([[1, 0], [0, 1]], offsets=[1, 2]).center().point
        (Fraction(1, 1), Fraction(2, 1))
        """
        from .constructions import center

        return center(self)

    def essentialization(self) -> Arrangement:
        """The essential arrangement in Q^rank; see :func:`.constructions.essentialization`.

        Examples
        --------
        >>> Arrangement([[1, 0, 0], [0, 1, 0]]).essentialization().ambient_dimension
        2
        """
        from .constructions import essentialization

        return essentialization(self)

    def cone(self, variable: str | None = None) -> Arrangement:
        """The cone cA in Q^(d+1); see :func:`.constructions.cone`.

        Parameters
        ----------
        variable : str, optional
            The name of the new (last) coordinate.

        Examples
        --------
        >>> Arrangement([[1]], offsets=[1]).cone().equations()
        ('x1 - x2 = 0', 'x2 = 0')
        """
        from .constructions import cone

        return cone(self, variable)

    def deletion(self, i: int) -> Arrangement:
        """The arrangement without hyperplane ``i``; see :func:`.constructions.deletion`.

        Examples
        --------
        >>> len(Arrangement([[1, 0], [0, 1], [1, 1]]).deletion(1))
        2
        """
        from .constructions import deletion

        return deletion(self, i)

    def restriction(self, i: int) -> Arrangement:
        """The arrangement induced on hyperplane ``H_i``; see :func:`.constructions.restriction`.

        Examples
        --------
        >>> Arrangement([[1, 0], [0, 1], [1, 1]]).restriction(0).ambient_dimension
        1
        """
        from .constructions import restriction

        return restriction(self, i)

    # -- intersection lattice and counts (see lattice.py) ----------------------------------------
    def intersection_lattice(self, *, progress: bool = False, executor=None):
        """The intersection poset L(A); see :func:`exactgeom.arrangements.lattice.intersection_lattice`.

        Parameters
        ----------
        progress : bool, optional
            Show a progress bar.
        executor : concurrent.futures.Executor, optional
            Where to run the enumeration of flats.

        Examples
        --------
        >>> len(Arrangement([[1, 0], [0, 1]]).intersection_lattice())
        4
        """
        from .lattice import intersection_lattice

        return intersection_lattice(self, progress=progress, executor=executor)

    def characteristic_polynomial(self, *, variable: str = "t", progress: bool = False, executor=None,
                                  symmetry=None, checkpoint=None):
        """χ_A(t), a sympy Poly over ZZ; see :func:`.lattice.characteristic_polynomial`.

        Parameters
        ----------
        variable : str, optional
            The name of the polynomial's variable.
        progress : bool, optional
            Show a progress bar.
        executor : concurrent.futures.Executor, optional
            Where to run the enumeration of flats (with ``symmetry``: the chunks of each depth).
        symmetry : "auto", a group or generators, optional
            Compute χ one orbit of flats at a time with
            :func:`.symmetry.characteristic_polynomial_with_symmetry` instead.
        checkpoint : path, optional
            With ``symmetry``: a file written after each depth and resumed from (runs of hours).

        Examples
        --------
        >>> Arrangement([[1, 0], [0, 1]], offsets=[0, 1]).characteristic_polynomial().as_expr()
        t**2 - 2*t + 1
        >>> Arrangement([[1, 0], [0, 1]]).characteristic_polynomial(symmetry="auto").as_expr()
        t**2 - 2*t + 1
        """
        if symmetry is not None:
            from .symmetry import characteristic_polynomial_with_symmetry

            record = characteristic_polynomial_with_symmetry(self, symmetry, progress=progress,
                                                             executor=executor, checkpoint=checkpoint)
            return record.polynomial(variable)
        if checkpoint is not None:
            raise ValueError("checkpoint= needs symmetry= (the flat enumeration keeps no checkpoint)")
        from .lattice import characteristic_polynomial

        return characteristic_polynomial(self, variable=variable, progress=progress, executor=executor)

    def symmetry_group(self, generators=None):
        """Permutations of the hyperplanes induced by linear maps; see :func:`.symmetry.symmetry_group`.

        Parameters
        ----------
        generators : sequence of permutations, optional
            Use these instead of searching for the group.

        Examples
        --------
        >>> Arrangement([[1, 0], [0, 1]]).symmetry_group().order()
        2
        """
        from .symmetry import symmetry_group

        return symmetry_group(self, generators)

    def _whitney_with_symmetry(self, symmetry, progress=False, executor=None):
        from .symmetry import characteristic_polynomial_with_symmetry

        return characteristic_polynomial_with_symmetry(self, symmetry, progress=progress,
                                                       executor=executor).whitney

    def poincare_polynomial(self, *, variable: str = "t"):
        """π_A(t) = Σ_X μ(X) (-t)^rk X; see :func:`exactgeom.arrangements.lattice.poincare_polynomial`.

        Parameters
        ----------
        variable : str, optional
            The name of the polynomial's variable.

        Examples
        --------
        >>> Arrangement([[1, 0], [0, 1]]).poincare_polynomial().as_expr()
        t**2 + 2*t + 1
        """
        from .lattice import poincare_polynomial

        return poincare_polynomial(self, variable=variable)

    def whitney_numbers(self, kind: int = 1, *, symmetry=None):
        """Whitney numbers of the first or second kind; see :func:`.lattice.whitney_numbers`.

        Parameters
        ----------
        kind : 1 or 2, optional
            First kind (signed, the coefficients of χ) or second kind (flats per rank).
        symmetry : "auto", a group or generators, optional
            For ``kind=1``, compute them one orbit of flats at a time.

        Examples
        --------
        >>> A = Arrangement([[1, 0], [0, 1], [1, 1]])
        >>> A.whitney_numbers(), A.whitney_numbers(kind=2)
        ((1, -3, 2), (1, 3, 1))
        """
        if symmetry is not None and kind == 1:
            return self._whitney_with_symmetry(symmetry)
        from .lattice import whitney_numbers

        return whitney_numbers(self, kind=kind)

    def num_regions(self, *, progress: bool = False, executor=None, symmetry=None) -> int:
        """Number of regions, (-1)^d χ_A(-1) (Zaslavsky); see :func:`.lattice.num_regions`.

        Parameters
        ----------
        progress, executor, symmetry
            As for :meth:`characteristic_polynomial`.

        Examples
        --------
        >>> Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1]).num_regions()
        7
        """
        if symmetry is not None:
            return sum(abs(w) for w in self._whitney_with_symmetry(symmetry, progress, executor))
        from .lattice import num_regions

        return num_regions(self, progress=progress, executor=executor)

    def num_bounded_regions(self, *, progress: bool = False, executor=None, symmetry=None) -> int:
        """Relatively bounded regions, (-1)^rank χ_A(1); see :func:`.lattice.num_bounded_regions`.

        Parameters
        ----------
        progress, executor, symmetry
            As for :meth:`characteristic_polynomial`.

        Examples
        --------
        >>> Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1]).num_bounded_regions()
        1
        """
        if symmetry is not None:
            w = self._whitney_with_symmetry(symmetry, progress, executor)
            return (-1) ** (len(w) - 1) * sum(w)
        from .lattice import num_bounded_regions

        return num_bounded_regions(self, progress=progress, executor=executor)

    # -- faces and regions (see regions.py, faces.py) --------------------------------------------
    def regions(self, *, progress: bool = False, executor=None, chunks=None, memory_limit=16 * 2**30):
        """Generator of the regions with exact witnesses; see :func:`exactgeom.arrangements.regions.regions`.

        Parameters
        ----------
        progress : bool, optional
            Show progress bars (hyperplanes added, then regions with a total from χ).
        executor, chunks : optional
            Build the table of regions in ``chunks`` tasks on this executor.
        memory_limit : int or None, optional
            Refuse up front (``TooLarge``) when the table needs more bytes than this.
        """
        from .regions import regions

        return regions(self, progress=progress, executor=executor, chunks=chunks, memory_limit=memory_limit)

    def region_containing(self, point):
        """The region containing ``point``; see :func:`exactgeom.arrangements.regions.region_containing`.

        Parameters
        ----------
        point : sequence of exact scalars
            A point on no hyperplane; it becomes the region's witness.
        """
        from .regions import region_containing

        return region_containing(self, point)

    def region_adjacency_graph(self, *, progress: bool = False, executor=None, limit: int | None = 2_000_000):
        """Regions joined through shared facets; see :func:`.regions.region_adjacency_graph`.

        Parameters
        ----------
        progress, executor
            As for :meth:`regions`.
        limit : int or None, optional
            Refuse (``TooLarge``) beyond this many regions; ``None`` for no limit.
        """
        from .regions import region_adjacency_graph

        return region_adjacency_graph(self, progress=progress, executor=executor, limit=limit)

    def faces(self, *, progress: bool = False):
        """All faces as covectors; see :func:`exactgeom.arrangements.faces.faces`.

        Parameters
        ----------
        progress : bool, optional
            Show a progress bar counting faces.
        """
        from .faces import faces

        return faces(self, progress=progress)

    def face_poset(self, *, progress: bool = False, limit: int | None = 2_000_000):
        """The face poset as a networkx DiGraph; see :func:`exactgeom.arrangements.faces.face_poset`.

        Parameters
        ----------
        progress : bool, optional
            Show a progress bar counting faces.
        limit : int or None, optional
            Refuse (``TooLarge``) beyond this many faces; ``None`` for no limit.
        """
        from .faces import face_poset

        return face_poset(self, progress=progress, limit=limit)

    def f_vector(self, *, progress: bool = False):
        """Number of faces of each dimension; see :func:`exactgeom.arrangements.faces.f_vector`.

        Parameters
        ----------
        progress : bool, optional
            Show a progress bar counting faces.
        """
        from .faces import f_vector

        return f_vector(self, progress=progress)

    def is_isomorphic(self, other: Arrangement, kind: str = "lattice") -> bool:
        """Lattice or face-poset isomorphism; see :func:`exactgeom.arrangements.faces.is_isomorphic`.

        Parameters
        ----------
        other : Arrangement
        kind : "lattice" or "face_poset", optional
            Compare intersection lattices or face posets.
        """
        from .faces import is_isomorphic

        return is_isomorphic(self, other, kind=kind)

"""The :class:`Polyhedron` value object: closed and strict linear inequalities and equations over Q.

A polyhedron here is ``{x in Q^d : a_i . x  kind_i  b_i for every row i}`` with
``kind_i`` one of ``"<="``, ``"<"``, ``"=="``, ``">="``, ``">"``: a
*not necessarily closed* (NNC) polyhedron, such as the half-open parameter cones
of threshold networks.  The rows are the value; geometry is computed on demand
by pplpy's ``NNC_Polyhedron`` (double description) and by exact LPs
(:mod:`exactgeom.polyhedra.lp`).
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

from .. import _exact
from . import _ppl, lp
from ._rows import CLOSED, KINDS, Row, check_kinds, check_variables, satisfies
from .expressions import format_row, parse_system

__all__ = ["Polyhedron", "Generators", "KINDS"]

_REPR_ROWS = 12


@dataclass(frozen=True)
class Generators:
    """The minimised generator system of a polyhedron, in exact coordinates.

    ``closure(P) = conv(points + closure_points) + cone(rays) + span(lines)`` and
    ``P`` itself is the part of that set whose convex-combination weight on
    ``points`` is positive (PPL's semantics for NNC polyhedra).

    Examples
    --------
    >>> G = Polyhedron.from_expressions(["x > 0", "y == 1"]).generators()
    >>> len(G.points), len(G.closure_points), G.rays
    (1, 1, ((Fraction(1, 1), Fraction(0, 1)),))
    """

    points: tuple[tuple[Fraction, ...], ...]
    closure_points: tuple[tuple[Fraction, ...], ...]
    rays: tuple[tuple[Fraction, ...], ...]
    lines: tuple[tuple[Fraction, ...], ...]


def _small_for_double_description(dimension: int, rows: int) -> bool:
    """Whether emptiness is decided faster by the double description than by one LP.

    Measured on the threshold cones of Boolean functions (rows (x, 1), x in {0,1}^n, in
    dimension n + 1: 2.5x faster for n = 3, 4, 2x for n = 5) and on random integer systems
    (2-6x faster up to dimension 3; in dimension 6-8 with 20-64 rows up to 20x slower).
    """
    return dimension <= 3 or (dimension <= 6 and rows <= 32)


def _readable_name(name: str) -> bool:
    # Names that the expression parser reads back as one symbol.
    return name.isidentifier() and not keyword.iskeyword(name)


def _rebuild(dimension, constraints, variables):
    return Polyhedron._trusted(dimension, constraints, variables)


@dataclass(frozen=True, eq=False, repr=False, init=False)
class Polyhedron:
    r"""A polyhedron over Q given by rows ``A[i] . x  kinds[i]  b[i]`` mixing ``<=, <, ==, >=, >``.

    Parameters
    ----------
    A : sequence of sequences of exact scalars (m rows of length d; m may be 0)
    b : sequence of m exact scalars
    kinds : sequence of m strings from ``"<=", "<", "==", ">=", ">"`` (``"="`` is read as ``"=="``)
    dimension : int, optional
        The ambient dimension d; required when ``A`` has no rows.
    variables : sequence of str or sympy Symbol, optional
        Names of the coordinates (used when printing).

    Attributes
    ----------
    ambient_dimension : int
    constraints : tuple of (row, kind, rhs)
        The rows exactly as given (as Fractions).
    variables : tuple of str or None

    Raises
    ------
    TypeError
        A float or other non-exact entry, naming it.
    ValueError
        Wrong shapes, unknown kinds, missing ``dimension``.

    Examples
    --------
    >>> P = Polyhedron([[1, 0], [0, 1], [1, 1]], [0, 0, 1], [">", ">=", "<"])
    >>> P
    Polyhedron.from_constraints([[1, 0], [0, 1], [1, 1]], [0, 0, 1], ['>', '>=', '<'])
    >>> P.is_empty(), P.dimension(), P.witness()
    (False, 2, (Fraction(3, 8), Fraction(1, 4)))
    >>> P.contains([0, 0]), P.contains(["1/2", 0])
    (False, True)
    >>> P.closure().minimize([1, 1]).value
    Fraction(0, 1)
    >>> Polyhedron([[1, 0.5]], [0], ["<"])
    Traceback (most recent call last):
        ...
    TypeError: A[0][1] is the float 0.5; pass Fraction(1, 2) or "1/2" for an exact value, or convert
    floats explicitly with exactgeom.numeric.exact (their binary value) or
    exactgeom.numeric.rationalize (nearby small fractions, error reported)
    """

    ambient_dimension: int
    constraints: tuple[Row, ...]
    variables: tuple[str, ...] | None

    def __init__(self, A, b, kinds, *, dimension: int | None = None, variables=None):
        dimension = _exact.dimension_arg(dimension)
        rows = _exact.exact_matrix(A, name="A", ncols=dimension)
        if dimension is None:
            if not rows:
                raise ValueError("A has no rows, so the ambient dimension is unknown: pass dimension=d")
            dimension = len(rows[0])
        rhs = _exact.exact_vector(b, name="b")
        if len(rhs) != len(rows):
            raise ValueError(
                f"b has {len(rhs)} entries but A has {len(rows)} rows; give one right-hand side per row"
            )
        kinds = check_kinds(kinds, len(rows))
        object.__setattr__(self, "ambient_dimension", dimension)
        object.__setattr__(self, "constraints", tuple(zip(rows, kinds, rhs)))
        object.__setattr__(self, "variables", check_variables(variables, dimension))

    @classmethod
    def _trusted(cls, dimension: int, constraints, variables) -> Polyhedron:
        self = object.__new__(cls)
        object.__setattr__(self, "ambient_dimension", dimension)
        object.__setattr__(self, "constraints", tuple(constraints))
        object.__setattr__(self, "variables", variables)
        return self

    # ----------------------------------------------------------------- constructors
    @classmethod
    def from_constraints(cls, A, b, kinds, *, dimension: int | None = None, variables=None) -> Polyhedron:
        """The polyhedron of rows ``A[i] . x  kinds[i]  b[i]`` (same as the constructor).

        Examples
        --------
        >>> Polyhedron.from_constraints([], [], [], dimension=2).dimension()
        2
        >>> Polyhedron.from_constraints([[1, 2]], [1, 2], ["<"])
        Traceback (most recent call last):
            ...
        ValueError: b has 2 entries but A has 1 rows; give one right-hand side per row
        """
        return cls(A, b, kinds, dimension=dimension, variables=variables)

    @classmethod
    def from_expressions(cls, expressions, variables=None) -> Polyhedron:
        """The polyhedron of linear relations written as strings or sympy relationals.

        Parameters
        ----------
        expressions : str, sympy relational, or a sequence of them
            ``"2*w1 - b < 0"``, chains such as ``"0 <= x < 1"`` (one row per relation).
        variables : sequence of str or sympy Symbol, optional
            The coordinate order; by default the variables that occur, sorted by name.

        Examples
        --------
        >>> P = Polyhedron.from_expressions(["2*w1 - b < 0", "w1 >= 0", "w1 + b == 1"])
        >>> P.variables, P.dimension()
        (('b', 'w1'), 1)
        >>> P
        Polyhedron.from_expressions(['-b + 2*w1 < 0', 'w1 >= 0', 'b + w1 == 1'], variables=['b', 'w1'])
        >>> import sympy
        >>> x, y = sympy.symbols("x y")
        >>> Polyhedron.from_expressions([x + y <= 1, sympy.Eq(x, y)], variables=[y, x]).constraints[1]
        ((Fraction(-1, 1), Fraction(1, 1)), '==', Fraction(0, 1))
        """
        names, rows = parse_system(expressions, variables)
        return cls._trusted(len(names), rows, names)

    @classmethod
    def universe(cls, dimension: int, *, variables=None) -> Polyhedron:
        """All of Q^dimension (no rows).

        Examples
        --------
        >>> Polyhedron.universe(3).witness()
        (Fraction(0, 1), Fraction(0, 1), Fraction(0, 1))
        """
        return cls([], [], [], dimension=dimension, variables=variables)

    @classmethod
    def empty(cls, dimension: int, *, variables=None) -> Polyhedron:
        """The empty set in Q^dimension, as the single row ``0 <= -1``.

        Examples
        --------
        >>> Polyhedron.empty(2).is_empty(), Polyhedron.empty(2).dimension()
        (True, -1)
        """
        return cls([[0] * dimension], [-1], ["<="], dimension=dimension, variables=variables)

    # ----------------------------------------------------------------- value semantics
    def _key(self):
        return self.ambient_dimension, self.constraints, self.variables

    def __eq__(self, other) -> bool:
        if not isinstance(other, Polyhedron):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self):
        return _rebuild, self._key()

    def _names(self) -> tuple[str, ...]:
        return self.variables or tuple(f"x{j}" for j in range(self.ambient_dimension))

    def __repr__(self) -> str:
        if len(self.constraints) > _REPR_ROWS:
            strict = sum(kind in ("<", ">") for _, kind, _ in self.constraints)
            count = len(self.constraints)
            return f"<Polyhedron in Q^{self.ambient_dimension}: {count} constraints, {strict} strict>"
        if self.variables is not None and all(_readable_name(n) for n in self.variables):
            texts = [format_row(row, kind, rhs, self.variables) for row, kind, rhs in self.constraints]
            return f"Polyhedron.from_expressions({texts!r}, variables={list(self.variables)!r})"

        def number(v: Fraction):
            return str(v.numerator) if v.denominator == 1 else repr(_exact.fraction_str(v))

        A = ", ".join(f"[{', '.join(number(v) for v in row)}]" for row, _, _ in self.constraints)
        b = ", ".join(number(rhs) for _, _, rhs in self.constraints)
        kinds = [kind for _, kind, _ in self.constraints]
        extra = "" if self.constraints else f", dimension={self.ambient_dimension}"
        if self.variables is not None:
            extra += f", variables={list(self.variables)!r}"
        return f"Polyhedron.from_constraints([{A}], [{b}], {kinds!r}{extra})"

    def __str__(self) -> str:
        body = ", ".join(self.constraint_texts())
        return f"{{{body}}} in Q^{self.ambient_dimension}" if body else f"Q^{self.ambient_dimension}"

    def __contains__(self, point) -> bool:
        return self.contains(point)

    # ----------------------------------------------------------------- engines
    @cached_property
    def _nnc(self):
        return _ppl.nnc_polyhedron(self.ambient_dimension, self.constraints)

    @cached_property
    def _some_point(self):
        return lp.point_of(self.ambient_dimension, self.constraints)

    def to_ppl(self):
        """A copy of the underlying ``ppl.NNC_Polyhedron`` (integer coefficients).

        Examples
        --------
        >>> Polyhedron.from_expressions(["x < 1/2"]).to_ppl().constraints()
        Constraint_System {-2*x0+1>0}
        """
        import ppl

        return ppl.NNC_Polyhedron(self._nnc)

    # ----------------------------------------------------------------- queries
    def is_empty(self) -> bool:
        """Whether no point satisfies every row.

        Decided by pplpy's double description for small systems (ambient
        dimension at most 3, or at most 6 with at most 32 rows: there it is
        about twice as fast, and the description is reused by
        :meth:`dimension`, :meth:`generators` and the rest), and by one exact
        LP otherwise, where the double description can grow exponentially.

        Examples
        --------
        >>> Polyhedron.from_expressions(["x > 0", "x < 0"]).is_empty()
        True
        >>> Polyhedron.from_expressions(["x >= 0", "x <= 0"]).is_empty()
        False
        """
        known = self.__dict__                 # whichever engine already ran answers at no cost
        if "_nnc" in known or ("_some_point" not in known and _small_for_double_description(
                self.ambient_dimension, len(self.constraints))):
            return bool(self._nnc.is_empty())
        return self._some_point is None

    def dimension(self) -> int:
        """Dimension of the affine hull; -1 when empty.

        Examples
        --------
        >>> Polyhedron.from_expressions(["x + y == 1", "x > 0", "y > 0"]).dimension()
        1
        """
        if self.is_empty():
            return -1
        return int(self._nnc.affine_dimension())

    def contains(self, point) -> bool:
        """Whether ``point`` satisfies every row (evaluated exactly).

        Examples
        --------
        >>> Polyhedron.from_expressions(["x < 1"]).contains([1])
        False
        >>> Polyhedron.from_expressions(["x < 1"]).contains([1, 2])
        Traceback (most recent call last):
            ...
        ValueError: point has 2 entries; expected 1
        """
        return not self.violated_rows(point)

    def violated_rows(self, point) -> tuple[int, ...]:
        """The indices of the rows that ``point`` violates (evaluated exactly); empty when it lies in P.

        Examples
        --------
        >>> P = Polyhedron.from_expressions(["x > 0", "x < 1", "y == x"])
        >>> P.violated_rows([1, 1]), P.violated_rows(["1/2", "1/2"])
        ((1,), ())
        """
        x = _exact.exact_vector(point, name="point", length=self.ambient_dimension)
        return tuple(
            i for i, (row, kind, rhs) in enumerate(self.constraints)
            if not satisfies(_exact.dot(row, x), kind, rhs)
        )

    def constraint_texts(self) -> tuple[str, ...]:
        """The rows as text, one string per row, that :meth:`from_expressions` reads back.

        Coordinates are named by ``variables``, or ``x0, x1, ...`` when there are none.

        Examples
        --------
        >>> Polyhedron([[2, -1], [1, 0]], ["1/2", 0], ["<", ">="]).constraint_texts()
        ('2*x0 - x1 < 1/2', 'x0 >= 0')
        """
        names = self._names()
        return tuple(format_row(row, kind, rhs, names) for row, kind, rhs in self.constraints)

    @cached_property
    def _generators(self) -> Generators:
        d = self.ambient_dimension
        groups = {"point": [], "closure_point": [], "ray": [], "line": []}
        if not self.is_empty():
            for g in self._nnc.minimized_generators():
                groups[g.type()].append(_ppl.generator_vector(g, d))
        return Generators(*(tuple(groups[k]) for k in ("point", "closure_point", "ray", "line")))

    def generators(self) -> Generators:
        """The minimised generators (points, closure points, rays, lines) in exact coordinates.

        Examples
        --------
        >>> G = Polyhedron.from_expressions(["x > 0", "x <= 1"]).generators()
        >>> G.points, G.closure_points, G.rays, G.lines
        (((Fraction(1, 1),),), ((Fraction(0, 1),),), (), ())
        """
        return self._generators

    @cached_property
    def _witness(self):
        if self.is_empty():
            return None
        # Why this point is in the relative interior: see _ppl.relative_interior_numerators.
        return _ppl.relative_interior_point(self._nnc.minimized_generators(), self.ambient_dimension)

    def witness(self) -> tuple[Fraction, ...] | None:
        """A point of the relative interior of P (exact), or ``None`` when P is empty.

        It is the average of the points and closure points of the minimised
        generator system plus the sum of its rays, computed in integers by
        ``exactgeom.polyhedra._ppl.relative_interior_numerators`` (shared with the
        region and face witnesses of arrangements), whose source proves that
        this point lies in the relative interior.

        Examples
        --------
        >>> Polyhedron.from_expressions(["x > 0", "x < 1", "y == 2"]).witness()
        (Fraction(1, 2), Fraction(2, 1))
        >>> Polyhedron.from_expressions(["x > 0", "x < 0"]).witness() is None
        True
        """
        return self._witness

    def is_bounded(self) -> bool:
        """Whether P is bounded (the empty set is).

        Examples
        --------
        >>> Polyhedron.from_expressions(["x > 0"]).is_bounded()
        False
        """
        return bool(self._nnc.is_bounded())

    def is_subset(self, other: Polyhedron) -> bool:
        """Whether every point of P lies in ``other``.

        Examples
        --------
        >>> Polyhedron.from_expressions(["x > 0"]).is_subset(Polyhedron.from_expressions(["x >= 0"]))
        True
        """
        self._check_compatible(other)
        return bool(other._nnc.contains(self._nnc))

    # ----------------------------------------------------------------- constructions
    def _check_compatible(self, other) -> tuple[str, ...] | None:
        if not isinstance(other, Polyhedron):
            raise TypeError(f"expected a Polyhedron, not {type(other).__name__}")
        if other.ambient_dimension != self.ambient_dimension:
            raise ValueError(
                f"the polyhedra live in Q^{self.ambient_dimension} and Q^{other.ambient_dimension}; "
                "they must have the same ambient dimension"
            )
        if self.variables is not None and other.variables is not None and self.variables != other.variables:
            raise ValueError(
                f"the polyhedra name their coordinates {list(self.variables)} and {list(other.variables)}; "
                "build both with the same variables=[...]"
            )
        return self.variables or other.variables

    def closure(self) -> Polyhedron:
        """The topological closure: strict rows relaxed; the empty set stays empty.

        Examples
        --------
        >>> Polyhedron.from_expressions(["x > 0", "x < 1"]).closure()
        Polyhedron.from_expressions(['x >= 0', 'x <= 1'], variables=['x'])
        >>> Polyhedron.from_expressions(["x > 0", "x < 0"]).closure().is_empty()
        True
        """
        if self.is_empty():
            # Relaxing the rows of an empty system can give a non-empty set (x > 0, x < 0).
            return Polyhedron.empty(self.ambient_dimension, variables=self.variables)
        rows = tuple((row, CLOSED.get(kind, kind), rhs) for row, kind, rhs in self.constraints)
        return Polyhedron._trusted(self.ambient_dimension, rows, self.variables)

    def intersection(self, other: Polyhedron) -> Polyhedron:
        """The polyhedron of the rows of both.

        Examples
        --------
        >>> P = Polyhedron.from_expressions(["x > 0"]).intersection(Polyhedron.from_expressions(["x < 0"]))
        >>> P.is_empty()
        True
        """
        variables = self._check_compatible(other)
        return Polyhedron._trusted(self.ambient_dimension, self.constraints + other.constraints, variables)

    def affine_hull(self) -> Polyhedron:
        """The affine hull, as a polyhedron of equations (canonical: reduced row echelon normals).

        Examples
        --------
        >>> Polyhedron.from_expressions(["x + y <= 1", "x + y >= 1", "x > 0"]).affine_hull()
        Polyhedron.from_expressions(['x + y == 1'], variables=['x', 'y'])
        """
        d = self.ambient_dimension
        if self.is_empty():
            return Polyhedron.empty(d, variables=self.variables)
        G = self._generators
        base = G.points[0]
        directions = [tuple(v - b for v, b in zip(p, base)) for p in G.points[1:] + G.closure_points]
        directions += list(G.rays) + list(G.lines)
        normals = _exact.nullspace([r for r in directions if any(r)], ncols=d)
        # nullspace gives a basis of {n : n.v = 0 for every direction v}; canonicalise by row reduction.
        normals = _exact.row_space_basis(normals, ncols=d) if normals else ()
        rows = tuple((n, "==", _exact.dot(n, base)) for n in normals)
        return Polyhedron._trusted(d, rows, self.variables)

    # ----------------------------------------------------------------- linear programming
    def _optimize(self, objective, sense: str) -> lp.LinearProgramResult:
        c = _exact.exact_vector(objective, name="objective", length=self.ambient_dimension)
        has_strict = any(kind in CLOSED for _, kind, _ in self.constraints)
        # With strict rows the relaxed system may be feasible although P is empty (x > 0, x < 0).
        # is_empty() is one LP (lp.point_of, cached on P, no double description).  Deciding it
        # first costs one LP for an empty P; solving the closure first would cost two whenever the
        # closure is feasible, which is the common case for half-open cones (0 is in the closure).
        if has_strict and self.is_empty():
            return lp.LinearProgramResult("infeasible")
        rows = [(row, CLOSED.get(kind, kind), rhs) for row, kind, rhs in self.constraints]
        return lp.linear_program(self.ambient_dimension, rows, c, sense)

    def minimize(self, objective) -> lp.LinearProgramResult:
        """Exact minimum of ``objective . x`` over the closure of P.

        Strict rows are relaxed (the infimum over P equals the minimum over its
        closure when P is non-empty); an empty P is ``"infeasible"`` even when
        its relaxed rows are not.  ``point`` is an optimal point of the closure,
        which may violate strict rows of P.

        Notes
        -----
        No double description: one exact LP over the relaxed rows
        (:func:`~exactgeom.polyhedra.lp.linear_program`), preceded, when P has
        strict rows, by the LP emptiness test of :meth:`is_empty`
        (:func:`~exactgeom.polyhedra.lp.point_of`, cached on P).

        Examples
        --------
        >>> P = Polyhedron.from_expressions(["x > 0", "y > 0", "x + 2*y < 4"])
        >>> P.minimize([1, 1])
        LinearProgramResult(status='optimal', value=Fraction(0, 1), point=(Fraction(0, 1), Fraction(0, 1)))
        >>> P.minimize([-1, 1]).value
        Fraction(-4, 1)
        >>> Polyhedron.from_expressions(["x > 0"]).maximize([1]).status
        'unbounded'

        Empty, although its closure (``x == 0``, ``y >= 0``) is not:

        >>> Polyhedron.from_expressions(["x > 0", "x < 0", "y >= 0"]).maximize([0, 1]).status
        'infeasible'
        """
        return self._optimize(objective, "minimize")

    def maximize(self, objective) -> lp.LinearProgramResult:
        """Exact maximum of ``objective . x`` over the closure of P (see :meth:`minimize`).

        Examples
        --------
        >>> Polyhedron.from_expressions(["0 <= x < 1"]).maximize([3]).value
        Fraction(3, 1)
        """
        return self._optimize(objective, "maximize")

    # ----------------------------------------------------------------- certificates
    def emptiness_certificate(self) -> dict:
        """A certificate (kind ``"nnc-emptiness"``) of Motzkin multipliers proving P empty.

        Raises
        ------
        ValueError
            If P is not empty.

        Examples
        --------
        >>> from exactgeom.certificates import verify
        >>> cert = Polyhedron.from_expressions(["x > 0", "x + y < 0", "y >= 0"]).emptiness_certificate()
        >>> cert["data"]["multipliers"], cert["data"]["contradiction"]
        (['1', '1', '1'], '0 < 0')
        >>> bool(verify(cert))
        True
        """
        from .certify import emptiness_certificate

        return emptiness_certificate(self)

    def witness_certificate(self, point=None) -> dict:
        """A certificate (kind ``"nnc-witness"``) that ``point`` (default: :meth:`witness`) lies in P.

        Examples
        --------
        >>> from exactgeom.certificates import verify
        >>> bool(verify(Polyhedron.from_expressions(["x > 0"]).witness_certificate(["1/3"])))
        True
        """
        from .certify import witness_certificate

        return witness_certificate(self, point)

    def lp_certificate(self, objective, sense: str = "minimize") -> dict:
        """A certificate for :meth:`minimize` / :meth:`maximize` (kinds ``"lp-optimum"``, ``"lp-unbounded"``).

        An infeasible (empty) P gets its ``"nnc-emptiness"`` certificate.

        Examples
        --------
        >>> from exactgeom.certificates import verify
        >>> P = Polyhedron.from_expressions(["0 < x < 1", "0 <= y <= x"])
        >>> cert = P.lp_certificate([1, 1], "maximize")
        >>> cert["kind"], cert["claim"]["value"], bool(verify(cert))
        ('lp-optimum', '2', True)
        """
        from .certify import lp_certificate

        return lp_certificate(self, objective, sense)

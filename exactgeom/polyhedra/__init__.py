"""Half-open polyhedra over Q (pplpy's NNC_Polyhedron) with exact witnesses, exact LPs and certificates.

API summary (for other modules; everything is exact, no floats anywhere)::

    from exactgeom.polyhedra import Polyhedron, LinearProgramResult
    P = Polyhedron.from_constraints(A, b, kinds, dimension=None, variables=None)
        # row i: A[i].x  kinds[i]  b[i], kinds in {"<=", "<", "==", ">=", ">"} ("=" accepted);
        # A may have 0 rows (then dimension=d is required).  Polyhedron(A, b, kinds, ...) is the same.
    P = Polyhedron.from_expressions(["2*w1 - b < 0", "0 <= w1 <= 1", "w1 + b == 1"], variables=None)
        # strings (chains allowed) or sympy relationals; variables fixes the order, else sorted by name
    Polyhedron.universe(d), Polyhedron.empty(d)          # both accept variables=
    P.ambient_dimension, P.constraints, P.variables       # constraints: tuple of (row, kind, rhs), as given
    P.is_empty()           # one exact LP (fast; no double description)
    P.dimension()          # affine dimension, -1 if empty
    P.witness()            # tuple of Fractions in the relative interior, or None if empty
    P.contains(x), x in P  # exact evaluation of every row
    P.generators()         # Generators(points, closure_points, rays, lines), minimised, exact
    P.closure(), P.intersection(Q), P.affine_hull()  (equations, canonical), P.is_bounded(), P.is_subset(Q)
    P.minimize(c), P.maximize(c)
        # exact LP over the CLOSURE of P -> LinearProgramResult(status, value, point)
        # status in {"optimal", "infeasible", "unbounded"}; value: Fraction;
        # point: an optimal point of closure(P)
        # an empty P is "infeasible" even when its relaxed (closed) rows are not
    P.emptiness_certificate()   # dict, kind "nnc-emptiness" (Motzkin multipliers); ValueError if P non-empty
    P.witness_certificate(x=None)  # dict, kind "nnc-witness" (default x = P.witness());
                                   # ValueError if x is not in P
    P.lp_certificate(c, sense="minimize")
        # dict proving the outcome of P.minimize/maximize: kind "lp-optimum" (optimal point + dual
        # multipliers), "lp-unbounded" (point + improving direction) or "nnc-emptiness" (infeasible)
    P.to_ppl()             # a copy of the ppl.NNC_Polyhedron
    # All certificate kinds are checked by exactgeom.certificates.verify(cert) (rational arithmetic only).

``Polyhedron`` is a frozen value object (equality and hash by ambient
dimension, constraint rows and variable names), picklable (for process
executors), with a ``repr`` that can be pasted back.  Lower-level pieces on raw
``(row, kind, rhs)`` triples: :mod:`exactgeom.polyhedra.lp` (``linear_program``, the one
exact LP solver, with sparse rows ``{column: coefficient}`` and ``nonnegative=`` sign bounds;
``point_of``, ``motzkin_multipliers``, ``dual_multipliers``, ``improving_direction``),
:mod:`exactgeom.polyhedra.hull` (``convex_hull_vertices``, ``upper_hull_vertices`` of point
sets; ``polygon_vertices``, a planar polyhedron clipped to a box, counter-clockwise),
:mod:`exactgeom.polyhedra.cones` (``open_cone_point``, ``gordan_multipliers``, ``cone_facets``
for homogeneous integer rows, double description for many tiny systems),
:mod:`exactgeom.polyhedra.expressions` (``parse_system``, ``format_row``),
:mod:`exactgeom.polyhedra.certify` (certificate builders).

Examples
--------
>>> from exactgeom.polyhedra import Polyhedron
>>> P = Polyhedron.from_expressions(["b <= 0", "w1 + b > 0", "w2 + b > 0", "w1 + w2 + b <= 0"])
>>> P.is_empty()
True
>>> from exactgeom.certificates import verify
>>> bool(verify(P.emptiness_certificate()))
True
"""

from .lp import LinearProgramResult
from .polyhedron import KINDS, Generators, Polyhedron

__all__ = ["Polyhedron", "LinearProgramResult", "Generators", "KINDS"]

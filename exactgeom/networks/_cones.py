"""Exact linear programming and chamber search behind the network parameter cones (internal).

Two tools, both on top of pplpy (exact rational arithmetic):

* :func:`solve_cone` decides whether a half-open cone
  ``{Θ : s_r L_r(Θ) > 0 (strict rows), s_r L_r(Θ) >= 0 (closed rows), E_e(Θ) = 0}``
  is empty, returning a witness or Motzkin multipliers (see REFERENCE §2);
* :func:`chambers` walks the chamber graph of a central arrangement from one
  chamber through its facets (found as PPL's minimized constraints) and yields
  every chamber once, with an integer interior point (the sum of the extreme
  rays of its closure).  The chamber graph of an arrangement is connected, so
  the walk is complete.
"""

from __future__ import annotations

import math
from fractions import Fraction

import ppl

__all__ = ["solve_cone", "chambers", "generic_point"]


def _expression(coefficients, constant=0) -> ppl.Linear_Expression:
    return ppl.Linear_Expression([int(c) for c in coefficients], int(constant))


def _integer(row) -> list[int]:
    lcm = 1
    for v in row:
        lcm = lcm * Fraction(v).denominator // math.gcd(lcm, Fraction(v).denominator)
    return [int(Fraction(v) * lcm) for v in row]


def _point(generator, dimension: int) -> tuple[Fraction, ...]:
    coefficients = [int(c) for c in generator.coefficients()]
    coefficients += [0] * (dimension - len(coefficients))
    divisor = int(generator.divisor())
    return tuple(Fraction(c, divisor) for c in coefficients[:dimension])


def _maximize_margin(dimension, forms, strict_mask, equations, margin_on_all):
    """max t s.t. form >= t (strict rows, or all rows), form >= 0 (others), equations, t <= 1."""
    t = ppl.Variable(dimension)
    cs = ppl.Constraint_System()
    for form, strict in zip(forms, strict_mask):
        e = _expression(form)
        cs.insert(e - t >= 0 if (strict or margin_on_all) else e >= 0)
    for eq in equations:
        cs.insert(_expression(eq) == 0)
    cs.insert(t <= 1)
    problem = ppl.MIP_Problem(dimension + 1, cs, ppl.Linear_Expression(t))
    if problem.solve()["status"] != "optimized":
        return None
    point = _point(problem.optimizing_point(), dimension + 1)
    return point[:dimension] if point[dimension] > 0 else None


def _multipliers(dimension, forms, strict_mask, equations):
    """λ >= 0, μ free with Σ λ_r form_r + Σ μ_e eq_e = 0 and Σ_{strict} λ_r = 1 (minimising Σ λ)."""
    k, e = len(forms), len(equations)
    lam = [ppl.Variable(r) for r in range(k)]
    mu = [ppl.Variable(k + j) for j in range(e)]
    cs = ppl.Constraint_System()
    for v in lam:
        cs.insert(v >= 0)
    for j in range(dimension):
        expr = ppl.Linear_Expression(0)
        for r, form in enumerate(forms):
            if form[j]:
                expr += int(form[j]) * lam[r]
        for q, eq in enumerate(equations):
            if eq[j]:
                expr += int(eq[j]) * mu[q]
        cs.insert(expr == 0)
    cs.insert(sum((lam[r] for r in range(k) if strict_mask[r]), ppl.Linear_Expression(0)) == 1)
    objective = sum(lam, ppl.Linear_Expression(0))
    problem = ppl.MIP_Problem(k + e, cs, objective)
    problem.set_optimization_mode("minimization")
    if problem.solve()["status"] != "optimized":
        raise AssertionError("Motzkin alternative failed: neither a witness nor multipliers were found")
    point = _point(problem.optimizing_point(), k + e)
    return point[:k], point[k:]


def solve_cone(dimension: int, forms, strict_mask, equations=()):
    """Decide the half-open cone ``{form_r . Θ > 0 (strict), >= 0 (closed), eq . Θ = 0}``.

    Parameters
    ----------
    dimension : int
    forms : sequence of integer (or rational) vectors of length ``dimension``
    strict_mask : sequence of bool, one per form
    equations : sequence of vectors

    Returns
    -------
    ("witness", point) or ("multipliers", (λ, μ))
        The witness satisfies every closed row strictly when the cone has
        interior in its equation subspace; the multipliers satisfy
        ``Σ λ_r form_r + Σ μ_e eq_e = 0``, ``λ >= 0`` and ``Σ_{strict} λ_r = 1``.

    Examples
    --------
    >>> solve_cone(2, [(1, 1), (-1, 0), (0, -1)], [True, False, False])
    ('multipliers', ((Fraction(1, 1), Fraction(1, 1), Fraction(1, 1)), ()))
    >>> solve_cone(2, [(1, 0)], [True], equations=[(0, 1)])
    ('witness', (Fraction(1, 1), Fraction(0, 1)))
    """
    forms = [_integer(f) for f in forms]
    equations = [_integer(e) for e in equations]
    strict_mask = [bool(s) for s in strict_mask]
    for margin_on_all in (True, False):
        point = _maximize_margin(dimension, forms, strict_mask, equations, margin_on_all)
        if point is not None:
            return "witness", point
        if all(strict_mask):
            break
    return "multipliers", _multipliers(dimension, forms, strict_mask, equations)


def generic_point(normals) -> tuple[int, ...]:
    """An integer point on no hyperplane ``a . x = 0`` of the given integer normals.

    ``(1, M, M^2, ...)`` with ``M = 2 max|a_j| + 1``: a . x is a base-M number
    with digits in (-M/2, M/2), zero only when a = 0.

    Examples
    --------
    >>> generic_point([(1, -1), (2, 1)])
    (1, 5)
    """
    dimension = len(normals[0]) if normals else 0
    bound = max((abs(int(v)) for a in normals for v in a), default=0)
    base = 2 * bound + 1
    return tuple(base**j for j in range(dimension))


def _key(vector) -> tuple[int, ...]:
    g = 0
    for v in vector:
        g = math.gcd(g, int(v))
    vector = tuple(int(v) // g for v in vector)
    return vector if next(v for v in vector if v) > 0 else tuple(-v for v in vector)


def chamber_data(normals, sign_vectors):
    """For each sign vector of a chamber: (sign vector, interior integer point, facet indices).

    Module-level so that it can be shipped to a process pool.
    """
    dimension = len(normals[0])
    expressions = [_expression(a) for a in normals]
    positive = [e >= 0 for e in expressions]
    negative = [-e >= 0 for e in expressions]
    # PPL writes constraints with primitive integer coefficients: look both orientations up directly.
    index = {}
    for i, a in enumerate(normals):
        key = _key(a)
        index[key] = index[tuple(-v for v in key)] = i
    out = []
    for signs in sign_vectors:
        cs = ppl.Constraint_System()
        for i, s in enumerate(signs):
            cs.insert(positive[i] if s > 0 else negative[i])
        polyhedron = ppl.C_Polyhedron(cs)
        facets = []
        for c in polyhedron.minimized_constraints():
            coefficients = tuple(int(v) for v in c.coefficients())
            if len(coefficients) < dimension:
                coefficients += (0,) * (dimension - len(coefficients))
            facets.append(index[coefficients])
        witness = [0] * dimension
        for g in polyhedron.minimized_generators():
            if g.is_ray():
                for j, v in enumerate(g.coefficients()):
                    witness[j] += int(v)
        out.append((tuple(signs), tuple(witness), tuple(sorted(facets))))
    return out


def chambers(normals, *, executor=None, batch: int = 256, progress_bar=None):
    """All chambers of the central arrangement ``{a . x = 0}``: (sign vector, witness, facets).

    Parameters
    ----------
    normals : sequence of integer vectors (distinct hyperplanes)
    executor : concurrent.futures.Executor, optional
        Frontier batches of ``batch`` chambers are mapped over it.
    progress_bar : object with ``update(k)``, optional

    Yields
    ------
    (signs, witness, facets)
        ``signs[i]`` is +1 or -1, ``witness`` an integer point with
        ``signs[i] * (a_i . witness) > 0`` for all i, ``facets`` the indices of
        the hyperplanes supporting facets of the chamber.

    Examples
    --------
    >>> sorted(s for s, _, _ in chambers([(1, 0), (0, 1), (1, 1)]))
    [(-1, -1, -1), (-1, 1, -1), (-1, 1, 1), (1, -1, -1), (1, -1, 1), (1, 1, 1)]
    """
    normals = [tuple(int(v) for v in a) for a in normals]
    if not normals:
        return
    start = generic_point(normals)
    first = tuple(1 if sum(a * x for a, x in zip(row, start)) > 0 else -1 for row in normals)
    seen = {first}
    frontier = [first]
    while frontier:
        chunks = [frontier[i : i + batch] for i in range(0, len(frontier), batch)]
        if executor is None:
            results = map(chamber_data, [normals] * len(chunks), chunks)
        else:
            results = executor.map(chamber_data, [normals] * len(chunks), chunks)
        frontier = []
        for chunk in results:
            for signs, witness, facets in chunk:
                yield signs, witness, facets
                if progress_bar is not None:
                    progress_bar.update(1)
                for i in facets:
                    flipped = signs[:i] + (-signs[i],) + signs[i + 1 :]
                    if flipped not in seen:
                        seen.add(flipped)
                        frontier.append(flipped)

r"""The semantics shared by threshold and Hopfield networks: one step, its cones, and their chambers.

A network description ``spec`` (a dict, the ``network`` field of the
certificates) fixes n inputs, m outputs, the update rule and the classical
constraints.  Unit i at input x sees ``z_i(x)`` (x itself for a synchronous
step; for a sequential sweep x with units 1..i-1 already updated), and for a map f

    Par_f = {Θ ∈ L : ℓ_{i,z}(Θ) > 0 where f_i = 1,  ℓ_{i,z}(Θ) <= 0 where f_i = 0},
    ℓ_{i,z}(Θ) = w_i·z + θ_i,

with L ⊆ Q^{m(n+1)} the subspace cut out by the constraints (W = Wᵀ, w_ii = 0,
θ = 0; :func:`_equations`).

Counting by chambers (Zaslavsky)
--------------------------------
Write y for the *free coordinates* of L (:func:`_free_coordinates`: the w_ij,
for ``symmetric`` only those with i <= j, without w_ii under ``zero_diagonal``,
and θ_i when thresholds are on).  In these coordinates **every row ℓ_{i,z} is a
0/1 vector**: z has 0/1 entries, θ_i appears once, and for fixed i the keys of
w_i1, ..., w_in are distinct (also when w_ij = w_ji are merged).  Let A_L be the
central arrangement of the hyperplanes ℓ_{i,z} = 0 in L over all units i and
*all* z ∈ {0,1}^n, rows that vanish on L dropped and equal rows merged
(:func:`_parameter_arrangement`).

1. *A row that vanishes on L* (θ = 0 at z = 0; with w_ii = 0 also at z = e_i)
   is the constant condition 0 > 0 (never) or 0 <= 0 (always): every
   realizable f has f_i = 0 there and the row imposes nothing else, so dropping
   it loses nothing.
2. *Every non-empty Par_f ∩ L meets a chamber of A_L, with the same unit
   functions.*  Let y0 ∈ L realize f, and y = y0 - ε·(1, ..., 1) with
   0 < ε < min{ℓ(y0) / ℓ(1, ..., 1) : ℓ(y0) > 0}.  A non-zero 0/1 row has
   ℓ(1, ..., 1) >= 1, so rows with ℓ(y0) > 0 stay positive and rows with
   ℓ(y0) <= 0 become ℓ(y) <= -ε < 0.  So y lies on no hyperplane of A_L, and
   H(ℓ_{i,z}(y)) = H(ℓ_{i,z}(y0)) for *every* unit i and z: each unit computes
   the same function of what it sees, so y computes the same synchronous step,
   the same sweep and the same iterates.  (This is Gordan's alternative made
   explicit: the point -(1, ..., 1) is strictly negative on every row, so no
   non-negative combination of the rows vanishes, and no realizable map is
   realized only on a lower-dimensional face.)
3. *One synchronous step: distinct chambers compute distinct maps.*  On a
   chamber inside Par_f the sign of row (i, x) is + iff f_i(x) = 1, so f fixes
   the sign vector.  (Merged rows are equal 0/1 vectors: proportional rows of
   A_L are equal, and Par_f forces them to agree.)

Hence for one synchronous step the chambers of A_L are in bijection with the
realizable maps, and ``num_realizable = (-1)^dim χ_{A_L}(-1)``.  Without
``symmetric`` each row involves only the coordinates of its own unit, so A_L
is the product of one arrangement per unit and the count is the product of the
units' region counts (:func:`_num_one_step_maps`); ``symmetric`` couples the
units and A_L is one arrangement of the coupled space.

4. *A sequential sweep or k >= 2 iterations: the maps are the distinct maps of
   the chambers.*  Point 2 still holds (every realizable map is computed on a
   chamber, with the same H(ℓ_{i,z}) at every row), and on a chamber every row
   has one sign, so each chamber computes exactly one map, read from its sign
   vector (the unit masks).  Point 3 fails: unit i sees only the z_i(x) of the
   map it computes, so rows at other z are free and several chambers give one
   map (for n = 2 the 196 chambers give 108 sweeps), and χ does not count the
   maps.  The count is the number of distinct maps over the chambers
   (:func:`~exactgeom.networks._chambers.chamber_maps`), the chambers taken as tuples of unit masks: the
   products of the units' chambers, or, with ``symmetric``, the tuples whose
   cones meet on the shared weights (:func:`~exactgeom.networks._chambers.coupled_chambers`, by exact
   Fourier–Motzkin elimination; their number is checked against χ in the
   tests).  No linear program and no witness is involved.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

from .. import _exact
from ..certificates import envelope
from ..polyhedra.lp import motzkin_multipliers, point_of
from ._boolean import Table, boolean_points


def _heaviside(r: Fraction) -> int:
    return 1 if r > 0 else 0


def _one_step(spec: dict, weights, thresholds, x) -> tuple[int, ...]:
    """One synchronous step or one sequential sweep of the network described by ``spec``."""
    n = spec["n_inputs"]
    state = list(x)
    out = []
    for i, (w, t) in enumerate(zip(weights, thresholds)):
        seen = state if spec["update"] == "sequential" else x
        y = _heaviside(sum(a * b for a, b in zip(w, seen)) + t)
        out.append(y)
        if spec["update"] == "sequential" and i < n:
            state[i] = y
    return tuple(out)


def _seen_input(spec: dict, table: Table, k: int, i: int) -> tuple[int, ...]:
    """The input that unit i sees at the k-th point when the network computes ``table``."""
    x = boolean_points(spec["n_inputs"])[k]
    if spec["update"] == "sequential":
        return tuple(table[k][:i]) + tuple(x[i:])
    return x


def _equations(spec: dict) -> list[tuple[int, ...]]:
    """Linear equations on Θ (canonical order: symmetry pairs, diagonal, thresholds)."""
    n, m = spec["n_inputs"], spec["n_outputs"]
    size = m * (n + 1)

    def unit(*pairs):
        v = [0] * size
        for position, value in pairs:
            v[position] = value
        return tuple(v)

    eqs = []
    if spec.get("symmetric"):
        eqs += [unit((i * (n + 1) + j, 1), (j * (n + 1) + i, -1)) for i in range(n) for j in range(i + 1, n)]
    if spec.get("zero_diagonal"):
        eqs += [unit((i * (n + 1) + i, 1)) for i in range(n)]
    if not spec.get("thresholds", True):
        eqs += [unit((i * (n + 1) + n, 1)) for i in range(m)]
    return eqs


def _constraint_rows(spec: dict, table: Table):
    """Rows (i, k, form, strict) of Par_f: ``form . Θ > 0`` if strict, ``>= 0`` otherwise."""
    n, m = spec["n_inputs"], spec["n_outputs"]
    size = m * (n + 1)
    rows = []
    for i in range(m):
        for k in range(2**n):
            z = _seen_input(spec, table, k, i)
            sign = 1 if table[k][i] else -1
            form = [0] * size
            form[i * (n + 1) : (i + 1) * (n + 1)] = [sign * v for v in (*z, 1)]
            rows.append((i, k, tuple(form), table[k][i] == 1))
    return rows


def _cone_rows(forms, strict, equations) -> list[tuple]:
    """``(row, kind, rhs)`` triples of :mod:`exactgeom.polyhedra.lp` for a cone of :func:`_constraint_rows`.

    ``form . Θ > 0`` (strict) or ``>= 0`` per form, then ``e . Θ == 0`` per equation.
    """
    zero = Fraction(0)
    rows = [(form, ">" if s else ">=", zero) for form, s in zip(forms, strict)]
    return rows + [(e, "==", zero) for e in equations]


def _cone_polyhedron(spec: dict, table: Table):
    """Par_f of one step as a half-open Polyhedron: the rows of :func:`_constraint_rows` and the equations."""
    from ..polyhedra import Polyhedron

    rows = _constraint_rows(spec, table)
    eqs = _equations(spec)
    A = [list(form) for _, _, form, _ in rows] + [list(e) for e in eqs]
    kinds = [">" if strict else ">=" for *_, strict in rows] + ["=="] * len(eqs)
    return Polyhedron.from_constraints(A, [0] * len(A), kinds)


def _solve_cone(dimension: int, forms, strict, equations):
    """``("witness", Θ)`` for a point of the cone, else ``("multipliers", (λ, μ))`` proving it empty.

    The witness is first sought strictly inside every row (all rows made
    strict), so it avoids the closed rows' boundaries whenever the cone has
    interior in its equation subspace; otherwise any point of the cone.  The
    multipliers satisfy ``λ >= 0``, ``Σ λ_r form_r + Σ μ_e e = 0`` and
    ``λ_r > 0`` on some strict row (Motzkin; both by the exact LPs of
    :mod:`exactgeom.polyhedra.lp`).

    Examples
    --------
    >>> _solve_cone(2, [(1, 1), (-1, 0), (0, -1)], [True, False, False], [])
    ('multipliers', ((Fraction(1, 1), Fraction(1, 1), Fraction(1, 1)), ()))
    >>> _solve_cone(2, [(1, 0)], [True], [(0, 1)])
    ('witness', (Fraction(1, 1), Fraction(0, 1)))
    """
    if not all(strict):
        point = point_of(dimension, _cone_rows(forms, [True] * len(forms), equations))
        if point is not None:
            return "witness", point
    rows = _cone_rows(forms, strict, equations)
    point = point_of(dimension, rows)
    if point is not None:
        return "witness", point
    y = motzkin_multipliers(dimension, rows)
    if y is None:
        raise RuntimeError("the exact LPs found neither a point of the cone nor Motzkin multipliers")
    # Row r was normalised to -form_r . Θ < 0 (or <= 0): y_r is λ_r; equations keep their sign, so μ = -y.
    k = len(forms)
    return "multipliers", (tuple(y[:k]), tuple(-v for v in y[k:]))


def _coupled_blocks(spec: dict) -> list[list[int]]:
    """Groups of output rows whose cones are coupled by the equations."""
    m = spec["n_outputs"]
    return [list(range(m))] if spec.get("symmetric") and m > 1 else [[i] for i in range(m)]


def _table_json(table: Table) -> list[list[int]]:
    return [list(y) for y in table]


def _asummability(spec: dict, table: Table, row: int, multipliers) -> tuple | None:
    """k true and k false inputs of one row with equal sums, from integer-scaled multipliers.

    The inputs are those the unit sees (x itself for synchronous updates; for
    a sequential sweep, x with the already-updated units substituted).  A
    single pair (k = 1) is one input the unit must map to both 1 and 0.
    """
    if spec.get("zero_diagonal") or not spec.get("thresholds", True) or spec.get("symmetric"):
        return None
    n = spec["n_inputs"]
    true = [k for k in range(2**n) if table[k][row]]
    false = [k for k in range(2**n) if not table[k][row]]
    seen = [_seen_input(spec, table, k, row) for k in range(2**n)]
    clash = {seen[k] for k in true} & {seen[k] for k in false}
    if clash:
        z = min(clash)
        return (z,), (z,)
    sums = {}
    for a, b in itertools.combinations_with_replacement(true, 2):
        sums.setdefault(tuple(p + q for p, q in zip(seen[a], seen[b])), (a, b))
    for a, b in itertools.combinations_with_replacement(false, 2):
        s = tuple(p + q for p, q in zip(seen[a], seen[b]))
        if s in sums:
            c, d = sums[s]
            return (seen[c], seen[d]), (seen[a], seen[b])
    scale = _exact.clear_denominators(multipliers)
    true_multiset = tuple(seen[k] for k in true for _ in range(scale[k]))
    false_multiset = tuple(seen[k] for k in false for _ in range(scale[k]))
    return true_multiset, false_multiset


def _realize_one_step(spec: dict, table: Table):
    """Parameters computing ``table`` in one step, or the proof that none do: ``(parameters, failures)``.

    One exact cone problem (:func:`_solve_cone`) per block of coupled output rows
    (:func:`_coupled_blocks`).  When every block has a point, ``parameters`` is
    ``(weights, thresholds)`` and ``failures`` is empty; otherwise ``parameters`` is ``None``
    and ``failures`` holds, per empty block, ``(rows, certificate, asummability)``: the
    block's output rows, a "network-nonrealizable" certificate with its Motzkin
    multipliers, and for a free single row the asummability explanation (else ``None``).
    The result objects of :mod:`exactgeom.networks.threshold` wrap this pair.

    Examples
    --------
    >>> spec = {"n_inputs": 2, "n_outputs": 1, "update": "synchronous"}
    >>> _realize_one_step(spec, ((0,), (0,), (0,), (1,)))[0]            # AND
    (((Fraction(2, 1), Fraction(2, 1)),), (Fraction(-3, 1),))
    >>> parameters, ((rows, certificate, asummability),) = _realize_one_step(spec, ((0,), (1,), (1,), (0,)))
    >>> parameters, rows, certificate["kind"], asummability             # XOR
    (None, (0,), 'network-nonrealizable', (((0, 1), (1, 0)), ((0, 0), (1, 1))))
    """
    n, m = spec["n_inputs"], spec["n_outputs"]
    size = m * (n + 1)
    rows = _constraint_rows(spec, table)
    equations = _equations(spec)
    theta = [Fraction(0)] * size
    failures = []
    for block in _coupled_blocks(spec):
        coords = [c for i in block for c in range(i * (n + 1), (i + 1) * (n + 1))]
        block_rows = [r for r in rows if r[0] in block]
        block_eqs = [e for e in equations if any(e[c] for c in coords)]
        forms = [[r[2][c] for c in coords] for r in block_rows]
        kind, result = _solve_cone(len(coords), forms, [r[3] for r in block_rows],
                                   [[e[c] for c in coords] for e in block_eqs])
        if kind == "witness":
            for c, v in zip(coords, result):
                theta[c] = v
            continue
        lam, mu = result
        strict = [Fraction(0)] * len(rows)
        for r, value in zip(block_rows, lam):
            strict[r[0] * 2**n + r[1]] = value
        eq_mult = [Fraction(0)] * len(equations)
        for e, value in zip(block_eqs, mu):
            eq_mult[equations.index(e)] = value
        certificate = envelope(
            "network-nonrealizable",
            {"network": spec, "function": _table_json(table)},
            {"multipliers": [_exact.fraction_str(v) for v in strict],
             "equation_multipliers": [_exact.fraction_str(v) for v in eq_mult]},
            {"producer": "exactgeom.networks", "rows": block},
        )
        asum = _asummability(spec, table, block[0], lam) if len(block) == 1 else None
        failures.append((tuple(block), certificate, asum))
    if failures:
        return None, tuple(failures)
    weights = tuple(tuple(theta[i * (n + 1) : i * (n + 1) + n]) for i in range(m))
    thresholds = tuple(theta[i * (n + 1) + n] for i in range(m))
    return (weights, thresholds), ()


# --------------------------------------------------------------------------------------------
# Chambers of the parameter arrangement (see the module docstring for the bijection)
# --------------------------------------------------------------------------------------------
def _free_coordinates(spec: dict, units=None) -> dict:
    """Free coordinate keys of L, in the order of Θ's coordinates: ``(i, j)`` for w_ij, ``("theta", i)``.

    ``units`` restricts to the coordinates the given units' rows use.

    Examples
    --------
    >>> spec = {"n_inputs": 2, "n_outputs": 2, "symmetric": True, "zero_diagonal": False, "thresholds": True}
    >>> list(_free_coordinates(spec))
    [(0, 0), (0, 1), ('theta', 0), (1, 1), ('theta', 1)]
    """
    n, m = spec["n_inputs"], spec["n_outputs"]
    free: dict = {}
    for i in range(m) if units is None else units:
        for j in range(n):
            if spec.get("zero_diagonal") and i == j:
                continue
            free.setdefault(_weight_key(spec, i, j), len(free))
        if spec.get("thresholds", True):
            free[("theta", i)] = len(free)
    return free


def _weight_key(spec: dict, i: int, j: int) -> tuple[int, int]:
    return (min(i, j), max(i, j)) if spec.get("symmetric") else (i, j)


def _row_form(spec: dict, free: dict, i: int, z) -> list[int]:
    """ℓ_{i,z} in the free coordinates: a 0/1 vector (the module docstring's key fact)."""
    row = [0] * len(free)
    for j, v in enumerate(z):
        key = _weight_key(spec, i, j)
        if v and key in free:
            row[free[key]] += 1
    if spec.get("thresholds", True):
        row[free[("theta", i)]] += 1
    return row


def _parameter_arrangement(spec: dict, units=None):
    """A_L (or its factor for ``units``): the non-zero rows ℓ_{i,z}, z ∈ {0,1}^n, equal rows merged."""
    from ..arrangements import Arrangement

    units = range(spec["n_outputs"]) if units is None else units
    free = _free_coordinates(spec, units)
    normals = [row for i in units for z in boolean_points(spec["n_inputs"])
               if any(row := _row_form(spec, free, i, z))]
    return Arrangement(normals, dimension=len(free), dedupe=True)


def _num_one_step_maps(spec: dict) -> int:
    """Number of maps one synchronous step realizes: the chambers of A_L, by χ (Zaslavsky).

    The bijection between chambers and maps is the module docstring's; without
    ``symmetric`` A_L is a product over the units and its region count the
    product of theirs.

    Examples
    --------
    >>> spec = {"n_inputs": 3, "n_outputs": 3, "symmetric": True, "zero_diagonal": True, "thresholds": False}
    >>> _num_one_step_maps(spec)
    26
    """
    count = 1
    for block in _coupled_blocks(spec):
        count *= _parameter_arrangement(spec, block).num_regions()
    return count


def _block_chambers(spec: dict, block, *, progress=False, executor=None):
    """The chambers of the factor of A_L for ``block``: ``(masks, weights, thresholds)`` per chamber.

    ``masks[i]`` (for each unit i of the block) has bit p set iff
    ℓ_{i,z}(Θ) > 0 at the p-th point z of {0,1}^n; ``weights``/``thresholds``
    map each unit of the block to its integer row (w_i, θ_i) at the chamber's
    witness (A_L is central: the witness scaled to integers stays inside).
    """
    from ..arrangements.regions import regions

    n = spec["n_inputs"]
    free = _free_coordinates(spec, block)
    points = boolean_points(n)
    for region in regions(_parameter_arrangement(spec, block), progress=progress, executor=executor):
        y = _exact.clear_denominators(region.witness)
        weights, thresholds, masks = {}, {}, {}
        for i in block:
            w = tuple(y[free[_weight_key(spec, i, j)]] if _weight_key(spec, i, j) in free else 0
                      for j in range(n))
            t = y[free[("theta", i)]] if spec.get("thresholds", True) else 0
            weights[i], thresholds[i] = w, t
            masks[i] = sum(1 << p for p, z in enumerate(points) if sum(a * b for a, b in zip(w, z)) + t > 0)
        yield masks, weights, thresholds


def _mask_step(masks, y: int, sequential: bool) -> int:
    """One synchronous step or sequential sweep of units given as threshold masks, on a point given as an int.

    Point x is the int with bit n-1-i equal to x_i (its index in lexicographic
    order); unit i outputs bit ``y`` of ``masks[i]``.

    Examples
    --------
    Unit 1 computes NAND, unit 2 copies x_1; at x = (1, 1) the sweep lets unit 2
    see the new x_1 = 0:

    >>> _mask_step([0b0111, 0b1100], 0b11, False), _mask_step([0b0111, 0b1100], 0b11, True)
    (1, 0)
    """
    n = len(masks)
    if sequential:                     # unit i sees the bits already updated
        for i, mask in enumerate(masks):
            bit = 1 << (n - 1 - i)
            y = y | bit if (mask >> y) & 1 else y & ~bit
        return y
    return sum(1 << (n - 1 - i) for i, mask in enumerate(masks) if (mask >> y) & 1)


# --------------------------------------------------------------------------------------------
# A refusal in words, from its Motzkin multipliers
# --------------------------------------------------------------------------------------------
def _point_str(z) -> str:
    return "(" + ",".join(str(v) for v in z) + ")"


def _constraint_words(spec: dict) -> list[str]:
    words = []
    if spec.get("symmetric"):
        words.append("w_ij = w_ji")
    if spec.get("zero_diagonal"):
        words.append("w_ii = 0")
    if not spec.get("thresholds", True):
        words.append("θ = 0")
    return words


def _explain_failure(spec: dict, table: Table, certificate: dict, name: str = "f") -> str:
    """The proof carried by a "network-nonrealizable" certificate, in words.

    With λ the multipliers (scaled to coprime integers) and T, F the rows with
    λ > 0 where f is 1 and 0, the certificate asserts
    Σ_T λ ℓ_{i,z} = Σ_F λ ℓ_{i,z} on the parameter space L (the equation
    multipliers make up the difference, which vanishes on L).  Every term on
    the left is > 0 and every term on the right <= 0: the contradiction.  For a
    single unit without constraints the identity is one of the inputs the unit
    sees: Σ_T λ z = Σ_F λ z, with Σ_T λ = Σ_F λ when thresholds are on.

    Examples
    --------
    >>> from exactgeom.networks import ThresholdNetwork
    >>> nr = ThresholdNetwork(2, 1).realize([0, 1, 1, 0])
    >>> text = _explain_failure(nr.network._spec(), nr.function, nr.certificates[0])
    >>> text[: text.index(", so")]
    'output 1: (0,1) + (1,0) = (0,0) + (1,1) (2 inputs on each side)'
    >>> text[text.index("so") : text.index(", but")]
    'so w·(0,1)+θ > 0 and w·(1,0)+θ > 0 (f_1 = 1 there) would force w·(0,0)+θ + w·(1,1)+θ > 0'
    >>> text[text.index("but") :]
    'but each term is ≤ 0 (f_1 = 0 there).'
    """
    n, m = spec["n_inputs"], spec["n_outputs"]
    N = 2**n
    lam = [_exact.exact_scalar(v) for v in certificate["data"]["multipliers"]]
    mu = [_exact.exact_scalar(v) for v in certificate["data"]["equation_multipliers"]]
    scaled = _exact.clear_denominators(lam + mu)
    g = math.gcd(*scaled)
    lam_int = [v // g for v in scaled[: len(lam)]]
    positive = [r for r, c in enumerate(lam_int) if c > 0]
    units = sorted({r // N for r in positive})
    thresholds = spec.get("thresholds", True)
    single = len(units) == 1 and m == 1
    constrained = any(mu)

    # every positive row as (coefficient, unit, seen input), merged per (unit, input)
    sides: dict = {1: {}, 0: {}}
    for r in positive:
        i, k = divmod(r, N)
        z = _seen_input(spec, table, k, i)
        side = sides[table[k][i]]
        side[(i, z)] = side.get((i, z), 0) + lam_int[r]

    def form(i, z):
        sub = "" if single else f"_{i + 1}"
        return f"w{sub}·{_point_str(z)}" + (f"+θ{sub}" if thresholds else "")

    def term(c, text):
        return text if c == 1 else f"{c}·{text}"

    def combination(side, name):
        parts = [term(c, name(i, z)) for (i, z), c in sorted(side.items())]
        return " + ".join(parts) if parts else "0"

    who = ", ".join(f"{i + 1}" for i in units)
    head = f"output {who}" if len(units) == 1 else f"outputs {who}"
    f_name = f"{name}_{units[0] + 1}" if len(units) == 1 else name
    if len(units) == 1 and not constrained:
        left = combination(sides[1], lambda i, z: _point_str(z))
        right = combination(sides[0], lambda i, z: _point_str(z))
        count = sum(sides[1].values())
        identity = f"{left} = {right}" + (f" ({count} inputs on each side)" if thresholds else "")
        if spec.get("update") == "sequential" and units[0] > 0:
            identity += f" among the inputs unit {units[0] + 1} sees (units 1..{units[0]} already updated)"
    else:
        left = combination(sides[1], form)
        right = combination(sides[0], form)
        where = " and ".join(_constraint_words(spec)) or "every parameter"
        identity = f"{left} = {right} for every parameter with {where}"
    strict = " and ".join(f"{form(i, z)} > 0" for (i, z) in sorted(sides[1]))
    if sides[0]:
        closed = combination(sides[0], form)
        end = ("but it is ≤ 0" if len(sides[0]) == 1 else "but each term is ≤ 0") + f" ({f_name} = 0 there)"
        return (f"{head}: {identity}, so {strict} ({f_name} = 1 there) would force {closed} > 0, {end}.")
    return f"{head}: {identity}, so {strict} ({f_name} = 1 there) would force 0 > 0."


r"""Verifier for threshold/Hopfield network certificates (standard library only).

Semantics (as in ``docs/conventions.md``).  H(r) = 1 for r > 0 and 0 for r <= 0.  A network has
parameters Θ = (W, θ) ∈ Q^{m×n} × Q^m.  One *step* maps x ∈ {0,1}^n to y with
y_i = H(w_i·z_i + θ_i), where z_i = x for a ``"synchronous"`` update, and for a ``"sequential"``
sweep z_i = (y_1, ..., y_{i-1}, x_i, ..., x_n) (unit 1 first, each unit seeing the values already
updated).  With ``iterations`` = k the network computes the k-fold composition h^k of its one-step
map h.  ``symmetric`` adds the equations w_ij = w_ji, ``zero_diagonal`` w_ii = 0, and
``thresholds`` = false the equations θ_i = 0.

The network record
------------------
``claim.network`` has exactly these fields, all required:

=================  ===========================================================================
``n_inputs``       JSON integer n, 1 <= n <= :data:`MAX_INPUTS` (8: the checks run over the 2^n
                   inputs); at most :data:`MAX_ITERATED_INPUTS` (3) for the iterated kind
``n_outputs``      JSON integer m, 1 <= m <= :data:`MAX_OUTPUTS` (64); m = n whenever the update is
                   sequential, ``iterations`` != 1, or ``symmetric``/``zero_diagonal`` is true
``update``         ``"synchronous"`` or ``"sequential"``
``iterations``     JSON integer k, 1 <= k <= :data:`MAX_ITERATIONS` (1024)
``symmetric``      JSON boolean
``zero_diagonal``  JSON boolean
``thresholds``     JSON boolean (false: θ = 0)
=================  ===========================================================================

Flags are JSON booleans only: ``"false"``, ``0`` or ``null`` are rejected, never read as false.
``claim.function`` (and every map in the evidence) is a truth table: a list of exactly 2^n
outputs, one per input x ∈ {0,1}^n in lexicographic order (x_1 most significant), each a list of
exactly m JSON integers 0 or 1.  Unknown or missing fields are rejected everywhere.

Kinds
-----
``network-realization``
    claim: ``network``, ``function``.
    data: ``weights`` (m rows of n rationals) and ``thresholds`` (m rationals).
    Check: Θ satisfies the network's equations, and the network evaluated exactly computes the
    function (the one-step table, then its k-th power by cycle arithmetic).

``network-nonrealizable``
    claim: ``network`` with ``iterations`` = 1, ``function``.
    data: ``multipliers`` λ, one per (output i, input x) in that order (x lexicographic), and
    ``equation_multipliers`` μ, one per equation of the network (symmetry pairs w_ij = w_ji for
    i < j in lexicographic order, then w_ii = 0 for each i, then θ_i = 0 for each i; only those the
    network has; an empty list when it has none).
    Check (Motzkin's transposition theorem): with L_{i,x}(Θ) = w_i·z_i(x) + θ_i, z_i computed from
    the function itself, and s = +1 where f_i(x) = 1, s = -1 elsewhere: λ >= 0,
    Σ λ s L + Σ μ E = 0 identically, and λ > 0 on some row with f_i(x) = 1.  Every Θ with
    E(Θ) = 0, s L(Θ) > 0 (f = 1) and s L(Θ) >= 0 (f = 0) would give 0 = Σ λ s L(Θ) > 0: no Θ
    realizes f.

``network-nonrealizable-iterated``
    claim: ``network`` with n = m <= 3 and ``iterations`` k >= 2, ``function`` f.
    data: ``roots``, a list of records ``{"map": h, "multipliers": λ, "equation_multipliers": μ}``,
    one per map h: {0,1}^n -> {0,1}^n with h^k = f, each with the multipliers of a
    ``network-nonrealizable`` proof that the one-step network (the same record with iterations 1)
    does not realize h.
    Check: every listed h satisfies h^k = f and none is listed twice; the checker enumerates every
    map h with h^k = f *itself* (:func:`kth_roots`: backtracking over the images of the 2^n points,
    propagating h∘f = f∘h, which every root satisfies since h∘h^k = h^k∘h, and cutting a branch as
    soon as a fully assigned path h^k(x) differs from f(x)), and every root it finds must be listed;
    each one-step proof is checked as above.  Then Par^k_f = ∪_{h^k = f} Par_h is a union of empty
    cones: k iterations of the network never compute f.  (A map with no k-th roots at all gets an
    empty list.)  Larger n are refused: a map of {0,1}^4 can have 46,206,736 square roots.  The
    enumeration stops as soon as it has found more roots than are listed, and each listed root is
    charged 2,000 counted steps up front, so a few thousand roots fit in the work budget (the
    6,322 square roots of the constant map 111 of {0,1}^3 do; its 65,794 cube roots are refused).

All loops are counted with :func:`exactgeom.certificates._schema.spend`.

Examples
--------
>>> from exactgeom.certificates import envelope, verify
>>> network = {"n_inputs": 1, "n_outputs": 1, "update": "synchronous", "iterations": 2,
...            "symmetric": False, "zero_diagonal": False, "thresholds": True}
>>> not_gate = [[1], [0]]                      # h∘h is constant or the identity for every h
>>> verify(envelope("network-nonrealizable-iterated", {"network": network, "function": not_gate},
...                 {"roots": []})).status
'proved'
>>> network["thresholds"] = "false"
>>> verify(envelope("network-nonrealizable-iterated", {"network": network, "function": not_gate},
...                 {"roots": []})).message
"claim.network.thresholds must be a JSON boolean (true or false), found 'false'"
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import product

from . import CertificateError
from ._schema import array, boolean, integer, rational, record, rmat, rvec, spend, string

MAX_INPUTS = 8
"""Largest n_inputs of the one-step kinds (their checks run over the 2^n inputs)."""
MAX_OUTPUTS = 64
"""Largest n_outputs."""
MAX_ITERATIONS = 1024
"""Largest number of iterations a claim may state."""
MAX_ITERATED_INPUTS = 3
"""Largest n for ``network-nonrealizable-iterated`` (the checker enumerates the k-th roots itself)."""

_STEP = 20
"""Counted steps charged per step of the root enumeration (each touches about N list entries)."""

_ROOT_COST = 2000
"""Counted steps charged per listed root of ``network-nonrealizable-iterated`` (reading its table and
multipliers and checking its one-step proof)."""

_NETWORK_FIELDS = ("n_inputs", "n_outputs", "update", "iterations", "symmetric", "zero_diagonal",
                   "thresholds")


@dataclass(frozen=True)
class _Network:
    n: int
    m: int
    update: str
    iterations: int
    symmetric: bool
    zero_diagonal: bool
    thresholds: bool


def _network(value, where: str = "claim.network") -> _Network:
    net = record(value, where, required=_NETWORK_FIELDS)
    n = integer(net["n_inputs"], f"{where}.n_inputs", 1, MAX_INPUTS)
    m = integer(net["n_outputs"], f"{where}.n_outputs", 1, MAX_OUTPUTS)
    update = string(net["update"], f"{where}.update", ("synchronous", "sequential"))
    k = integer(net["iterations"], f"{where}.iterations", 1, MAX_ITERATIONS)
    flags = [boolean(net[name], f"{where}.{name}") for name in ("symmetric", "zero_diagonal", "thresholds")]
    out = _Network(n, m, update, k, *flags)
    if (update == "sequential" or k != 1 or out.symmetric or out.zero_diagonal) and m != n:
        raise CertificateError(
            f"{where}: a sequential update, iterations != 1, symmetric and zero_diagonal need as many "
            f"outputs as inputs, found n_inputs = {n}, n_outputs = {m}")
    return out


def _table(value, net: _Network, where: str) -> list[tuple[int, ...]]:
    """A truth table of 2^n outputs of m bits (JSON integers 0/1)."""
    rows = array(value, where, length=2**net.n)
    out = []
    for k, y in enumerate(rows):
        bits = array(y, f"{where}[{k}]", length=net.m)
        out.append(tuple(integer(v, f"{where}[{k}][{i}]", 0, 1) for i, v in enumerate(bits)))
    return out


def _points(n: int) -> list[tuple[int, ...]]:
    return list(product((0, 1), repeat=n))


def _index(x) -> int:
    """The position of x in the lexicographic order of {0,1}^n."""
    out = 0
    for bit in x:
        out = 2 * out + bit
    return out


def _equations(net: _Network) -> list[dict[int, int]]:
    """The network's equations as sparse rows over the coordinates (w_i1..w_in, θ_i) per unit."""
    n, m = net.n, net.m
    eqs = []
    if net.symmetric:
        eqs += [{i * (n + 1) + j: 1, j * (n + 1) + i: -1} for i in range(n) for j in range(i + 1, n)]
    if net.zero_diagonal:
        eqs += [{i * (n + 1) + i: 1} for i in range(n)]
    if not net.thresholds:
        eqs += [{i * (n + 1) + n: 1} for i in range(m)]
    return eqs


def _step(net: _Network, W, t, x) -> tuple[int, ...]:
    """One synchronous step or one sequential sweep at the input x (exact)."""
    state = list(x)
    out = []
    for i in range(net.m):
        seen = state if net.update == "sequential" else x
        spend(net.n, "evaluating the network")
        r = sum((W[i][j] * seen[j] for j in range(net.n)), Fraction(0)) + t[i]
        out.append(1 if r > 0 else 0)
        if net.update == "sequential":
            state[i] = out[-1]
    return tuple(out)


def _power_at(h, x: int, k: int) -> int | None:
    """h^k(x) for a partial map h (a list, -1 where undefined); None when the path leaves the domain.

    Cycle arithmetic: the path x, h(x), h^2(x), ... repeats after at most len(h) steps.
    """
    first: dict[int, int] = {}
    path: list[int] = []
    y = x
    for s in range(k):
        if y in first:
            start = first[y]
            spend(s, "iterating the map")
            return path[start + (k - start) % (s - start)]
        first[y] = s
        path.append(y)
        y = h[y]
        if y < 0:
            spend(s + 1, "iterating the map")
            return None
    spend(k, "iterating the map")
    return y


def check_realization(cert) -> str:
    claim = record(cert["claim"], "claim", required=("network", "function"))
    net = _network(claim["network"])
    table = _table(claim["function"], net, "claim.function")
    data = record(cert["data"], "data", required=("weights", "thresholds"))
    W = rmat(data["weights"], "data.weights", rows=net.m, cols=net.n)
    t = rvec(data["thresholds"], "data.thresholds", length=net.m)
    flat = [v for i in range(net.m) for v in (*W[i], t[i])]
    for number, e in enumerate(_equations(net)):
        if sum(value * flat[c] for c, value in e.items()) != 0:
            raise CertificateError(f"the parameters violate equation {number} of the network "
                                   f"({_equation_name(net, e)})")
    points = _points(net.n)
    if net.iterations == 1:
        computed = [_step(net, W, t, x) for x in points]
    else:
        one = [_index(_step(net, W, t, x)) for x in points]
        computed = [points[_power_at(one, k, net.iterations)] for k in range(len(points))]
    for x, y, z in zip(points, table, computed):
        if y != z:
            raise CertificateError(f"at input {x} the network gives {z}, the function {y}")
    return (f"re-evaluated the network ({net.iterations} iteration(s), {net.update}) on all {len(points)} "
            "inputs with exact arithmetic: it computes the function")


def _equation_name(net: _Network, e: dict[int, int]) -> str:
    n = net.n

    def name(c):
        i, j = divmod(c, n + 1)
        return f"θ_{i + 1}" if j == n else f"w_{i + 1}{j + 1}"

    terms = [name(c) if v == 1 else f"-{name(c)}" for c, v in sorted(e.items())]
    return " + ".join(terms).replace("+ -", "- ") + " = 0"


_ZERO = Fraction(0)


def _multipliers(value, where: str, length: int) -> list[Fraction]:
    """:func:`rvec` of exactly ``length`` entries; the (frequent) zeros ``"0"``/``0`` without a parse."""
    return [_ZERO if (v == "0" or (type(v) is int and v == 0)) else rational(v, f"{where}[{i}]")
            for i, v in enumerate(array(value, where, length=length))]


def _motzkin(net: _Network, table, data, where: str) -> None:
    """Check the multipliers of a proof that one step of ``net`` does not compute ``table``."""
    points = _points(net.n)
    eqs = _equations(net)
    lam = _multipliers(data["multipliers"], f"{where}.multipliers", net.m * len(points))
    mu = _multipliers(data["equation_multipliers"], f"{where}.equation_multipliers", len(eqs))
    for r, v in enumerate(lam):
        if v < 0:
            raise CertificateError(f"{where}.multipliers[{r}] = {v} is negative")
    n = net.n
    total = [Fraction(0)] * (net.m * (n + 1))
    strict_mass = Fraction(0)
    for i in range(net.m):
        for k, x in enumerate(points):
            value = lam[i * len(points) + k]
            if not value:
                continue
            spend(n + 1, "combining the inequalities")
            z = tuple(table[k][:i]) + tuple(x[i:]) if net.update == "sequential" else tuple(x)
            sign = 1 if table[k][i] else -1
            for j in range(n):
                total[i * (n + 1) + j] += value * sign * z[j]
            total[i * (n + 1) + n] += value * sign
            if table[k][i]:
                strict_mass += value
    for e, value in zip(eqs, mu):
        for c, coefficient in e.items():
            total[c] += value * coefficient
    nonzero = [c for c, v in enumerate(total) if v]
    if nonzero:
        c = nonzero[0]
        i, j = divmod(c, n + 1)
        name = f"θ_{i + 1}" if j == n else f"w_{i + 1}{j + 1}"
        raise CertificateError(
            f"{where}: the combination of the rows is not identically zero (coefficient {total[c]} "
            f"of {name}, {len(nonzero)} non-zero coefficient(s))")
    if strict_mass <= 0:
        raise CertificateError(f"{where}: no strict inequality (a row where the map is 1) carries a "
                               "positive multiplier")


def check_nonrealizable(cert) -> str:
    claim = record(cert["claim"], "claim", required=("network", "function"))
    net = _network(claim["network"])
    if net.iterations != 1:
        raise CertificateError(
            f"a network-nonrealizable certificate is for one step (iterations = 1), found "
            f"{net.iterations}; k >= 2 iterations are proved by network-nonrealizable-iterated")
    table = _table(claim["function"], net, "claim.function")
    data = record(cert["data"], "data", required=("multipliers", "equation_multipliers"))
    _motzkin(net, table, data, "data")
    return ("Motzkin multipliers re-checked on the parameter cone re-derived from the claim: "
            "no parameters realize the function")


def kth_roots(target: list[int], k: int, limit: int | None = None) -> list[tuple[int, ...]]:
    """Every map h of {0, ..., N-1} with h^k = target, by backtracking (counted work).

    ``target[x]`` is f(x).  Stops once more than ``limit`` roots are found (``None``: no limit).
    A root commutes with f (h∘f = h^{k+1} = f∘h), so setting h(x) = y forces h(f(x)) = f(y); a
    branch is cut as soon as some h^k(x) is defined and differs from f(x).  The next point to
    assign is the image just chosen when still free (paths close early), else the first free one.

    Examples
    --------
    >>> kth_roots([0, 1, 2, 3], 2) == [h for h in product(range(4), repeat=4)
    ...                                if all(h[h[x]] == x for x in range(4))]
    True
    >>> kth_roots([1, 0], 2)                 # a transposition is the square of no map of 2 points
    []
    """
    N = len(target)
    h = [-1] * N
    found: list[tuple[int, ...]] = []

    def assign(x: int, y: int, trail: list[int]) -> bool:
        pending = [(x, y)]
        while pending:
            a, b = pending.pop()
            spend(_STEP, "enumerating the k-th roots")
            if h[a] >= 0:
                if h[a] != b:
                    return False
                continue
            h[a] = b
            trail.append(a)
            pending.append((target[a], target[b]))
        return True

    def consistent(trail: list[int]) -> bool:
        # only paths through a newly assigned point can have changed
        touched = set(trail)
        spend(_STEP * N, "enumerating the k-th roots")
        for x in range(N):
            y, through = x, False
            for _ in range(N):
                if y in touched:
                    through = True
                    break
                y = h[y]
                if y < 0:
                    break
            if through:
                value = _power_at(h, x, k)
                if value is not None and value != target[x]:
                    return False
        return True

    def extend(hint: int) -> bool:
        x = hint if h[hint] < 0 else next((j for j in range(N) if h[j] < 0), -1)
        if x < 0:
            found.append(tuple(h))
            return limit is not None and len(found) > limit
        for y in range(N):
            trail: list[int] = []
            stop = assign(x, y, trail) and consistent(trail) and extend(y)
            for a in trail:
                h[a] = -1
            if stop:
                return True
        return False

    if N:
        extend(0)
    return found


def check_nonrealizable_iterated(cert) -> str:
    claim = record(cert["claim"], "claim", required=("network", "function"))
    net = _network(claim["network"])
    if net.n > MAX_ITERATED_INPUTS:
        raise CertificateError(
            f"claim.network.n_inputs = {net.n}: network-nonrealizable-iterated is checked for n <= "
            f"{MAX_ITERATED_INPUTS} only, since the checker enumerates every map h with h^k = f itself "
            "(the identity of {0,1}^4 alone has 46,206,736 square roots)")
    k = net.iterations
    if k < 2:
        raise CertificateError("network-nonrealizable-iterated needs iterations >= 2; one step is proved "
                               "by network-nonrealizable")
    table = _table(claim["function"], net, "claim.function")
    target = [_index(y) for y in table]
    data = record(cert["data"], "data", required=("roots",))
    entries = array(data["roots"], "data.roots")
    # each listed root costs about this many steps to read and check; charged before any is read
    spend(len(entries) * _ROOT_COST, "checking the listed roots")
    one_step = _Network(net.n, net.m, net.update, 1, net.symmetric, net.zero_diagonal, net.thresholds)
    points = _points(net.n)
    listed: dict[tuple[int, ...], int] = {}
    for r, entry in enumerate(entries):
        where = f"data.roots[{r}]"
        entry = record(entry, where, required=("map", "multipliers", "equation_multipliers"))
        h_table = _table(entry["map"], net, f"{where}.map")
        h = tuple(_index(y) for y in h_table)
        if h in listed:
            raise CertificateError(f"{where}.map repeats data.roots[{listed[h]}].map")
        for x in range(len(h)):
            value = _power_at(list(h), x, k)
            if value != target[x]:
                raise CertificateError(
                    f"{where}.map is not a root: h^{k}{points[x]} = {points[value]}, but f{points[x]} = "
                    f"{points[target[x]]}")
        listed[h] = r
        _motzkin(one_step, h_table, entry, where)
    for h in kth_roots(target, k, limit=len(listed)):
        if h not in listed:
            shown = ", ".join(f"{''.join(map(str, points[x]))}->{''.join(map(str, points[y]))}"
                              for x, y in enumerate(h))
            raise CertificateError(f"the map h = ({shown}) satisfies h^{k} = f but is not listed in "
                                   "data.roots")
    return (f"enumerated all {len(listed)} maps h with h^{k} = f (backtracking of the checker) and "
            "re-checked a one-step Motzkin proof for each: no parameters realize f in "
            f"{k} iterations ({net.update})")


CHECKS = {
    "network-realization": check_realization,
    "network-nonrealizable": check_nonrealizable,
    "network-nonrealizable-iterated": check_nonrealizable_iterated,
}

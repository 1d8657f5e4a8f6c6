"""Intersection lattice, Möbius function, χ and Zaslavsky counts, checked against independent computations.

Independent sources used here:
- a brute-force lattice built from *all subsets* of hyperplanes with exact ranks over Q
  and the Möbius function from its definition (a second algorithm, small cases only);
- region counts in the plane from sign vectors of explicit exact test points;
- deletion–restriction and Möbius identities (hypothesis);
- literature values for T_n (REFERENCE.md).
"""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

import networkx as nx
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactgeom import _exact
from exactgeom.arrangements import Arrangement
from exactgeom.arrangements import _flat_engine as engine
from exactgeom.arrangements import lattice as lat
from exactgeom.library import braid, coordinate, generic, resonance, shi, threshold

t = sympy.Symbol("t")


# -- a brute-force lattice from all subsets (independent second algorithm) -------------------------
def brute_lattice(A):
    """{flat bitset: (rank, mu)} from all subsets of hyperplanes, μ from its definition."""
    n = len(A)
    aug = [(*a, c) for a, c in zip(A.normals, A.offsets)]
    flats = {0: 0}
    for k in range(1, n + 1):
        for S in itertools.combinations(range(n), k):
            if _exact.solve([A.normals[i] for i in S], [A.offsets[i] for i in S]) is None:
                continue
            rows = [aug[i] for i in S]
            closure = sum(1 << j for j in range(n) if _exact.in_span(aug[j], rows))
            flats[closure] = _exact.rank([A.normals[i] for i in S], A.dimension)
    mu = {}
    for X in sorted(flats, key=lambda X: flats[X]):
        mu[X] = 1 if X == 0 else -sum(mu[Y] for Y in mu if Y & X == Y and Y != X)
    return {X: (flats[X], mu[X]) for X in flats}


def brute_chi(A):
    return sympy.Poly(sum(m * t ** (A.dimension - r) for r, m in brute_lattice(A).values()) + 0 * t, t)


def _valid(rows, d):
    return [r for r in rows if any(r[:d])]


arrangements = st.integers(1, 3).flatmap(
    lambda d: st.lists(st.lists(st.integers(-2, 2), min_size=d + 1, max_size=d + 1), max_size=6).map(
        lambda rows: Arrangement([r[:d] for r in _valid(rows, d)], [r[d] for r in _valid(rows, d)],
                                 dimension=d, dedupe=True)))
central_arrangements = arrangements.map(lambda A: Arrangement(A.normals, dimension=A.dimension, dedupe=True))
quick = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- lattice against the brute force -----------------------------------------------------------------
@quick
@given(arrangements)
def test_lattice_equals_brute_force(A):
    L = lat.intersection_lattice(A)
    expected = brute_lattice(A)
    got = {X: (L.rank_of(X), L.mobius(X)) for X in L.flats()}
    assert got == expected


@quick
@given(arrangements)
def test_chi_equals_brute_force(A):
    assert A.characteristic_polynomial() == brute_chi(A)


@pytest.mark.parametrize("A", [braid(4), shi(3), threshold(3), resonance(3), generic(5, 3, seed=3),
                               Arrangement([[1, 0], [0, 1], [1, 1], [1, -1]], [0, 1, 0, 2])])
def test_named_lattices_equal_brute_force(A):
    L = A.intersection_lattice()
    assert {X: (L.rank_of(X), L.mobius(X)) for X in L.flats()} == brute_lattice(A)


def test_pure_python_engine_agrees_with_brute_force(monkeypatch):
    # a prime that numpy cannot use forces the pure-Python implementation of the same algorithm
    monkeypatch.setattr(engine, "_USE_NUMPY", False)
    lat._whitney_first_kind.cache_clear()
    try:
        for A in [threshold(3), shi(3), generic(5, 2, seed=4)]:
            L = lat.intersection_lattice(A)
            assert {X: (L.rank_of(X), L.mobius(X)) for X in L.flats()} == brute_lattice(A)
            assert A.characteristic_polynomial() == brute_chi(A)
    finally:
        lat._whitney_first_kind.cache_clear()


def test_large_entries_use_a_prime_above_the_hadamard_bound():
    big = 10**12
    A = Arrangement([[big, 1, 0], [0, big, 1], [1, 0, big], [big, big + 1, 1]])
    data = engine._central_rows(A)
    p = engine._prime_for(data)
    assert sympy.isprime(p)
    rows = data.rows
    minors = [abs(_exact.determinant([[rows[i][j] for j in cols] for i in S]))
              for k in range(1, 4) for S in itertools.combinations(range(len(rows)), k)
              for cols in itertools.combinations(range(3), k)]
    assert p > max(minors) > 10**36            # no non-zero minor can vanish mod p
    assert A.characteristic_polynomial() == brute_chi(A)


# -- Möbius identities ----------------------------------------------------------------------------------
@quick
@given(arrangements)
def test_mobius_sums_vanish_above_bottom(A):
    L = A.intersection_lattice()
    for X in L.flats():
        below = sum(L.mobius(Y) for Y in L.flats() if Y & X == Y)
        assert below == (1 if X == 0 else 0)


@quick
@given(central_arrangements)
def test_mobius_alternates_in_sign_for_central(A):
    # Rota: (-1)^rk X μ(0̂, X) > 0 on a geometric lattice
    L = A.intersection_lattice()
    assert all((-1) ** L.rank_of(X) * L.mobius(X) > 0 for X in L.flats())


@quick
@given(arrangements)
def test_whitney_numbers(A):
    L = A.intersection_lattice()
    assert A.whitney_numbers(kind=2) == tuple(len(L.flats(k)) for k in range(L.rank + 1))
    assert sum(A.whitney_numbers(kind=2)) == len(L) == len(brute_lattice(A))
    w1 = A.whitney_numbers()
    assert w1 == tuple(sum(L.mobius(X) for X in L.flats(k)) for k in range(L.rank + 1))
    assert A.poincare_polynomial() == sympy.Poly(sum(abs(w) * t**k for k, w in enumerate(w1)), t)


@quick
@given(arrangements, st.data())
def test_deletion_restriction(A, data):
    if len(A) == 0:
        return
    i = data.draw(st.integers(0, len(A) - 1))
    chi = A.characteristic_polynomial()
    assert chi == A.deletion(i).characteristic_polynomial() - A.restriction(i).characteristic_polynomial()


@quick
@given(arrangements)
def test_cone_multiplies_by_t_minus_one(A):
    assert A.cone().characteristic_polynomial() == A.characteristic_polynomial() * sympy.Poly(t - 1, t)


# -- Zaslavsky against sign vectors of test points in the plane ---------------------------------------
def plane_regions_by_sign_vectors(A):
    """Regions of a line arrangement in Q^2 from explicit exact test points.

    If two lines are not parallel, every region has a vertex v on its boundary (a region without
    one is bounded by parallel lines only, and a crossing line would cut it).  Near v the region is
    an open sector between two consecutive rays r, r' of the lines through v (angle < π), so
    v + ε(r + r') lies in it once ε is small enough not to reach any line missing v.  We try every
    pair of rays at every vertex, keep the points with no zero sign, and count distinct sign vectors.
    All-parallel arrangements have n + 1 regions, found between consecutive lines along a normal.
    """
    lines = list(zip(A.normals, A.offsets))
    sign = [lambda x, a=a, c=c: (a[0] * x[0] + a[1] * x[1] > c) - (a[0] * x[0] + a[1] * x[1] < c)
            for a, c in lines]
    points = []
    vertices = set()
    for (a, c), (b, e) in itertools.combinations(lines, 2):
        v = _exact.solve([a, b], [c, e])
        if v is not None and a[0] * b[1] != a[1] * b[0]:
            vertices.add(v)
    if not vertices:
        a = lines[0][0]
        norm2 = a[0] ** 2 + a[1] ** 2
        # line (b, e) with b = λa is {a.x = e/λ}, λ = (b.a)/(a.a)
        levels = sorted({e * norm2 / (b[0] * a[0] + b[1] * a[1]) for b, e in lines})
        mids = [levels[0] - 1] + [(x + y) / 2 for x, y in zip(levels, levels[1:])] + [levels[-1] + 1]
        points = [(s * a[0] / norm2, s * a[1] / norm2) for s in mids]
    for v in vertices:
        through = [a for a, c in lines if a[0] * v[0] + a[1] * v[1] == c]
        rays = [r for a in through for r in ((-a[1], a[0]), (a[1], -a[0]))]
        for r, s in itertools.combinations(rays, 2):
            w = (r[0] + s[0], r[1] + s[1])
            if w == (0, 0):
                continue
            eps = Fraction(1)
            for a, c in lines:
                gap = abs(a[0] * v[0] + a[1] * v[1] - c)
                if gap:
                    eps = min(eps, gap / (2 * (abs(a[0] * w[0] + a[1] * w[1]) + 1)))
            points.append((v[0] + eps * w[0], v[1] + eps * w[1]))
    vectors = {tuple(f(x) for f in sign) for x in points}
    return len({s for s in vectors if 0 not in s})


plane_arrangements = st.lists(st.tuples(st.integers(-3, 3), st.integers(-3, 3), st.integers(-4, 4)),
                              min_size=1, max_size=7).map(
    lambda rows: Arrangement([r[:2] for r in rows if r[:2] != (0, 0)] or [[1, 0]],
                             [r[2] for r in rows if r[:2] != (0, 0)] or [0], dedupe=True))


@quick
@given(plane_arrangements)
def test_zaslavsky_regions_in_the_plane(A):
    assert A.num_regions() == plane_regions_by_sign_vectors(A)


def test_zaslavsky_examples_in_the_plane():
    A = Arrangement([[1, 0], [0, 1], [1, 1]], [0, 0, 1])
    assert A.num_regions() == plane_regions_by_sign_vectors(A) == 7
    assert A.num_bounded_regions() == 1
    parallel = Arrangement([[1, 1], [2, 2], [1, 1]], [0, 1, 5])
    assert parallel.num_regions() == plane_regions_by_sign_vectors(parallel) == 4
    # rank 1: the two strips are bounded modulo the common direction (relatively bounded)
    assert parallel.num_bounded_regions() == 2
    assert parallel.essentialization().num_bounded_regions() == 2


# -- the lattice object ---------------------------------------------------------------------------------
def test_lattice_api():
    L = braid(3).intersection_lattice()
    assert len(L) == 5 and L.rank == 2
    assert L.flats(1) == (1, 2, 4) and L.flats(7) == ()
    assert L.mobius({0, 1, 2}) == L.mobius(0b111) == 2
    assert L.rank_of(()) == 0 and L.hyperplanes_of(0b111) == (0, 1, 2)
    with pytest.raises(ValueError, match="not a flat"):
        L.mobius({0, 1})                    # x1=x2 and x1=x3 force x2=x3: the flat is {0, 1, 2}
    with pytest.raises(ValueError, match="kind must be 1 or 2"):
        braid(3).whitney_numbers(kind=3)
    assert repr(L) == "IntersectionLattice of Arrangement of 3 hyperplanes in Q^3: 5 flats, rank 2"
    with pytest.raises(AttributeError):
        L.flats_by_rank = ()
    assert L == braid(3).intersection_lattice() and hash(L) == hash(braid(3).intersection_lattice())
    assert L != braid(4).intersection_lattice()


def test_hasse_diagram_is_the_cover_relation():
    A = threshold(2)
    G = A.intersection_lattice().hasse_diagram()
    brute = brute_lattice(A)
    covers = {(X, Y) for X in brute for Y in brute if X & Y == X and brute[Y][0] == brute[X][0] + 1}
    assert set(G.edges) == covers
    assert nx.is_directed_acyclic_graph(G)
    assert all(G.nodes[X]["mobius"] == brute[X][1] for X in G)


def test_affine_lattice_is_the_poset_of_nonempty_intersections():
    # two parallel lines and a transversal: 0̂, 3 lines, 2 points (the parallel pair never meets)
    A = Arrangement([[1, 0], [1, 0], [0, 1]], [0, 1, 0])
    L = A.intersection_lattice()
    assert L.flats(1) == (1, 2, 4) and L.flats(2) == (5, 6)
    assert A.characteristic_polynomial().as_expr() == t**2 - 3 * t + 2


def test_progress_and_executor_give_the_same_answer(capsys):
    A = shi(4)
    plain = lat.intersection_lattice(A)
    with ThreadPoolExecutor(2) as pool:
        pooled = lat.intersection_lattice(A, progress=True, executor=pool)
        lat._whitney_first_kind.cache_clear()
        assert lat.characteristic_polynomial(A, executor=pool) == brute_chi(A)
    assert (pooled.flats_by_rank, pooled.mobius_by_rank) == (plain.flats_by_rank, plain.mobius_by_rank)


def test_empty_and_single_hyperplane():
    E = Arrangement([], dimension=3)
    assert E.characteristic_polynomial().as_expr() == t**3 and E.num_regions() == 1
    assert len(E.intersection_lattice()) == 1 and E.whitney_numbers(kind=2) == (1,)
    H = Arrangement([[0, 2, 0]], offsets=[5])
    assert H.characteristic_polynomial().as_expr() == t**3 - t**2
    assert H.num_regions() == 2 and H.num_bounded_regions() == 0
    assert coordinate(1).whitney_numbers() == (1, -1)


@pytest.mark.slow
def test_threshold_6_characteristic_polynomial():
    chi = threshold(6).characteristic_polynomial()
    assert [abs(c) for c in chi.all_coeffs()] == [1, 64, 2016, 36848, 400400, 2453248, 7111650, 5023907]
    assert threshold(6).num_regions() == 15028134


# -- the implementation paths: multi-word bitsets, hashed grouping, collision fallback, size limit ------
def grid_arrangement(k):
    """Central planes a x + b y + z = 0 for (a, b) in a k × k grid: the dual of k^2 points in the plane."""
    return Arrangement([[a, b, 1] for a in range(k) for b in range(k)])


def grid_chi_by_collinearity(k):
    """χ of the grid arrangement from collinear point sets: w_2 = Σ_lines (m − 1), χ(1) = 0."""
    points = [(a, b) for a in range(k) for b in range(k)]
    lines = set()
    for p, q in itertools.combinations(points, 2):
        lines.add(frozenset(r for r in points
                            if (q[0] - p[0]) * (r[1] - p[1]) == (q[1] - p[1]) * (r[0] - p[0])))
    n = len(points)
    w2 = sum(len(line) - 1 for line in lines)
    return sympy.Poly(t**3 - n * t**2 + w2 * t - (1 - n + w2), t)


@pytest.mark.parametrize("k", [3, 9])          # 9: 81 hyperplanes, bitsets of two 64-bit words
def test_many_hyperplanes(k):
    A = grid_arrangement(k)
    expected = grid_chi_by_collinearity(k)
    assert A.characteristic_polynomial() == expected
    L = A.intersection_lattice()
    assert sum(L.mobius(X) for X in L.flats(2)) == expected.all_coeffs()[2]
    assert L.flats(3) == (2 ** (k * k) - 1,)


def test_parabola_tangents_many_affine_lines():
    # x + i y = i^2 for i < 70: tangents to a parabola, no two parallel, no three concurrent
    A = Arrangement([[1, i] for i in range(70)], [i * i for i in range(70)])
    assert A.num_regions() == 1 + 70 + 70 * 69 // 2 and A.num_bounded_regions() == 69 * 68 // 2


def test_hashed_grouping_and_collision_fallback(monkeypatch):
    # entries up to 30 in Q^4: p ~ 2^24 does not pack into one int64, so rows are grouped by a hash
    A = Arrangement([[3, -7, 11, 2], [30, 1, 0, -5], [1, 1, 1, 1], [0, 29, -13, 4], [17, 0, 0, 23],
                     [-9, 14, 28, 1], [4, 4, -25, 6], [33, -3, 5, 0]])
    p = engine._prime_for(engine._central_rows(A))
    assert p.bit_length() * 3 > 62 and p < engine._NUMPY_PRIME_LIMIT
    expected = brute_chi(A)
    lat._whitney_first_kind.cache_clear()
    assert A.characteristic_polynomial() == expected
    # a hash that makes every row collide must still give the exact answer
    monkeypatch.setattr(engine, "_HASH_WEIGHTS", engine._HASH_WEIGHTS * 0)
    lat._whitney_first_kind.cache_clear()
    try:
        assert A.characteristic_polynomial() == expected
        L = A.intersection_lattice()
        assert {X: (L.rank_of(X), L.mobius(X)) for X in L.flats()} == brute_lattice(A)
    finally:
        lat._whitney_first_kind.cache_clear()


def test_too_large_is_refused_with_a_message(monkeypatch):
    monkeypatch.setattr(engine, "_MAX_COVERS", 20)
    with pytest.raises(ValueError, match="too large to hold in memory.*rank 2"):
        lat.intersection_lattice(braid(5))
    monkeypatch.setattr(engine, "_USE_NUMPY", False)
    with pytest.raises(ValueError, match="too large to hold in memory.*rank 2"):
        lat.intersection_lattice(grid_arrangement(17))      # 289 flats of rank 1: more than one chunk


def test_threshold_7_is_refused_up_front_with_an_estimate():
    # T_7: 128 hyperplanes (x, 1), x in {0,1}^7.  No three cube vertices are collinear, so every pair of
    # hyperplanes is its own rank-2 flat: C(128, 2) of them, and C(127, 2) avoiding the last hyperplane
    # (the one χ is computed without, module Notes of lattice).
    with pytest.raises(ValueError, match=r"would not finish: 128 hyperplanes, flats by rank so far "
                                         r"\[1, 127, 8001(, \d+)?\].*about [\d.e+]+ flats.*memory limit"):
        lat.characteristic_polynomial(threshold(7))
    with pytest.raises(ValueError, match=r"\[1, 128, 8128(, \d+)?\].*two ranks fewer"):
        lat.intersection_lattice(threshold(7))


@pytest.mark.slow
def test_interrupted_enumeration_says_how_far_it_got(monkeypatch):
    # Ctrl-C during the level expansion: the KeyboardInterrupt carries the number of flats expanded
    real = engine._check_size

    def interrupt_at_rank_3(sizes, *args):
        if len(sizes) == 4:
            raise KeyboardInterrupt
        return real(sizes, *args)

    monkeypatch.setattr(engine, "_check_size", interrupt_at_rank_3)
    with pytest.raises(KeyboardInterrupt) as caught:
        lat.intersection_lattice(threshold(4))
    # ranks 0..2 of T_4 expanded: 1 + 16 + C(16, 2) flats (no three of the 16 hyperplanes share a rank-2 flat)
    assert caught.value.__notes__ == [f"interrupted after {1 + 16 + 120} flats"]


@pytest.mark.slow
def test_thousands_of_hyperplanes_are_refused_within_a_memory_budget():
    # T_12: 4096 hyperplanes, C(4095, 2) rank-2 flats of 64-word bitsets; without a byte budget the
    # rank-2 level alone needs over 4 GB.  The budget stops it during the rank-2 expansion.
    with pytest.raises(ValueError, match=r"too large to hold in memory.*4095 flats of rank 1.*about 1 GB\)$"):
        lat.characteristic_polynomial(threshold(12))


def test_size_refusal_reports_the_work_and_skips_small_ranks(monkeypatch):
    monkeypatch.setattr(engine, "_MAX_SECONDS", 0)
    lat._whitney_first_kind.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"finish: 32 hyperplanes.*hours even at.*numpy engine"):
            lat.characteristic_polynomial(threshold(5))
        monkeypatch.setattr(engine, "_USE_NUMPY", False)
        with pytest.raises(ValueError, match=r"hours even at.*python engine.*needs two ranks fewer"):
            lat.intersection_lattice(threshold(5))
        # rank 3: nothing is left to extrapolate once rank 3 is known, so nothing is refused
        assert grid_arrangement(3).characteristic_polynomial() == grid_chi_by_collinearity(3)
        assert braid(4).num_regions() == 24
    finally:
        lat._whitney_first_kind.cache_clear()


@pytest.mark.parametrize("use_numpy", [True, False])
def test_characteristic_polynomial_progress_counts_flats_and_shares_the_cache(monkeypatch, use_numpy):
    # the bar counts the flats expanded: those avoiding the last hyperplane of ranks 0..r-2 (module Notes)
    monkeypatch.setattr(engine, "_USE_NUMPY", use_numpy and engine._USE_NUMPY)
    updates = []

    class Bar:
        def update(self, k=1):
            updates.append(k)

        def close(self):
            updates.append("closed")

    from exactgeom._progress import _Bar

    monkeypatch.setattr(lat, "progress_bar", lambda enabled, **kw: _Bar(Bar(), None, "flats", "flats"))
    A = braid(4)
    lat._whitney_first_kind.cache_clear()
    try:
        assert lat.characteristic_polynomial(A, progress=True) == brute_chi(A)
        assert updates[-1] == "closed"
        n = len(A)
        avoiding = {X for X in brute_lattice(A) if not X >> (n - 1) & 1}
        by_rank = sorted(brute_lattice(A)[X][0] for X in avoiding)
        assert sum(updates[:-1]) == sum(1 for r in by_rank if r <= A.rank - 2)
        # a cached χ answers every later call, whatever its progress/executor arguments
        updates.clear()
        with ThreadPoolExecutor(2) as pool:
            assert lat.num_regions(A, progress=True, executor=pool) == 24
        assert lat.num_bounded_regions(A, progress=True) == 0 and updates == []
    finally:
        lat._whitney_first_kind.cache_clear()


@pytest.mark.parametrize("n", [2, 3, 4])
def test_zaslavsky_counts_match_closed_forms(n):
    # braid(n): n! regions and, being non-essential with the all-ones direction, no relatively
    # bounded region for n >= 2; Shi(n): (n + 1)^(n - 1) regions, (n - 1)^(n - 1) bounded
    assert lat.zaslavsky_counts(lat.whitney_numbers(braid(n))) == (sympy.factorial(n), 0)
    assert lat.zaslavsky_counts(lat.whitney_numbers(shi(n))) == ((n + 1) ** (n - 1), (n - 1) ** (n - 1))
    # χ's coefficients from the highest degree, padded with zeros above the rank, give the same counts
    coefficients = shi(n).characteristic_polynomial().all_coeffs()
    assert lat.zaslavsky_counts(coefficients) == lat.zaslavsky_counts(lat.whitney_numbers(shi(n)))


def test_zaslavsky_counts_of_lines_in_the_plane():
    # k lines in general position: 1 + k + C(k, 2) regions and C(k - 1, 2) bounded ones
    for k in range(0, 6):
        whitney = [1, -k, k * (k - 1) // 2]
        assert lat.zaslavsky_counts(whitney) == (1 + k + k * (k - 1) // 2, (k - 1) * (k - 2) // 2)

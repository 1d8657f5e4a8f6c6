"""The implicit-equations and ed-degree checkers: honest certificates pass, forged theorems do not.

Independent sources: critical points of the unit circle worked out by hand (for u = (3, 4) and
Q = I they are ±(3/5, 4/5) with multipliers −2 and 3), rational univariate representations built
here by Lagrange interpolation modulo p from explicit points (not by the package's Gröbner code),
the Leibniz formula for determinants, and the closed-form ED degrees of REFERENCE.md §5.
"""

from __future__ import annotations

import copy
import itertools
import json
import random

import pytest
import sympy as sp

from exactgeom.algebra import ed_degree
from exactgeom.algebra.ed_degree import _certificate_primes, _lagrange_system
from exactgeom.algebra.engines import rational_parametrization
from exactgeom.certificates import _schema, check_algebra, envelope, verify
from exactgeom.neuro import LightningAttention, Parametrization

import timing

x, y, z = sp.symbols("x y z")
I2 = [[1, 0], [0, 1]]
CIRCLE = [x**2 + y**2 - 1]


def _fast(cert):
    start = timing.clock()
    v = verify(cert)
    assert timing.clock() - start < timing.LIMIT, f"took too long: {v.message}"
    return v


def _rejected(cert, fragment=""):
    v = _fast(cert)
    assert v.status == "rejected", v
    assert fragment in v.message, v.message
    return v


# ---------------------------------------------------------------------------------------------
# implicit-equations


def _cubic():
    t = sp.Symbol("t")
    P = Parametrization([t], [t, t**2, t**3])
    return P, P.implicit_equations(2).certificate(P)


def test_implicit_honest_certificates_are_proved():
    M = LightningAttention(2, 2, 2, 1)
    cert = M.implicit_equations(4).certificate(M)
    assert cert["data"] == {} and len(cert["claim"]["parametrization"]) == 6
    assert _fast(json.loads(json.dumps(cert))).status == "proved"
    _, cubic = _cubic()
    v = _fast(cubic)
    assert v.status == "proved" and "3 equation(s)" in v.message


def test_implicit_forged_equation_is_rejected():
    _, cert = _cubic()
    cert["claim"]["equations"][0] = [[[1, 0, 0], "1"], [[0, 0, 1], "-1"]]  # y1 - y3: t - t^3 != 0
    _rejected(cert, "does not vanish")


def test_implicit_true_equations_with_another_map_are_rejected():
    _, cert = _cubic()
    cert["claim"]["parametrization"][2] = [[[4], "1"]]  # (t, t^2, t^4): y1*y2 - y3 no longer vanishes
    _rejected(cert, "does not vanish")


def test_implicit_zero_map_is_a_different_theorem():
    P, honest = _cubic()
    y1_only = [[[[1, 0, 0], "1"]]]
    # y1 = 0 vanishes on the image of the zero map: a true theorem, but its claim names the zero map
    forged = copy.deepcopy(honest)
    forged["claim"]["parametrization"] = [[], [], []]
    forged["claim"]["equations"] = y1_only
    assert _fast(forged).status == "proved"
    assert forged["claim"]["parametrization"] != honest["claim"]["parametrization"]
    # with the model's own map in the claim, y1 = 0 is refuted
    relabelled = copy.deepcopy(honest)
    relabelled["claim"]["equations"] = y1_only
    _rejected(relabelled, "does not vanish")


@pytest.mark.parametrize("change, fragment", [
    (lambda c: c["claim"].update(extra=1), "unknown field 'extra'"),
    (lambda c: c["data"].update(equations=[]), "unknown field 'equations'"),
    (lambda c: c["claim"].pop("parametrization"), "missing the field 'parametrization'"),
    (lambda c: c["claim"].update(statement="anything"), "claim.statement must be one of"),
    (lambda c: c["claim"]["equations"][0][0].__setitem__(1, 0.5), "must be an integer or a string"),
    (lambda c: c["claim"]["equations"][0][0].__setitem__(0, [True, 0, 0]), "must be an integer"),
    (lambda c: c["claim"]["equations"][0][0].__setitem__(1, "0"), "coefficient 0"),
    (lambda c: c["claim"]["equations"][0].append(c["claim"]["equations"][0][0]), "repeats the monomial"),
    (lambda c: c["claim"]["equations"].append([]), "zero polynomial"),
    (lambda c: c["claim"]["parametrization"].pop(), "must have 3 entries"),
    (lambda c: c["claim"].update(parameters=["t", "t"]), "repeats a name"),
])
def test_implicit_strict_schema(change, fragment):
    _, cert = _cubic()
    change(cert)
    _rejected(cert, fragment)


def _implicit(params, coords, phi, equations):
    claim = {"parameters": params, "coordinates": coords, "parametrization": phi, "equations": equations,
             "statement": check_algebra.STATEMENT}
    return envelope("implicit-equations", claim, {})


@pytest.mark.parametrize("exponent", [10**9, 10**12])
def test_implicit_hostile_exponents(exponent):
    cert = _implicit(["t"], ["y"], [[[[1], 1]]], [[[[exponent], 1], [[0], -1]]])
    _rejected(cert, "between 0 and 100")
    cert = _implicit(["t"], ["y"], [[[[exponent], 1]]], [[[[1], 1]]])
    _rejected(cert, "between 0 and 100")


def test_implicit_hostile_sizes():
    _rejected(_implicit(["t"], [f"y{i}" for i in range(300)], [[[[1], 1]]] * 300, [[[[1] + [0] * 299, 1]]]),
              "at most 64 are checked")
    # (t1 + ... + t60)^100: the expansion would have ~10^30 terms
    params = [f"t{i}" for i in range(60)]
    linear = [[[int(i == j) for i in range(60)], 1] for j in range(60)]
    _rejected(_implicit(params, ["y"], [linear], [[[[100], 1]]]), "counted steps")
    # an equation with every monomial of degree <= 100 in two coordinates, substituted by dense maps
    monomials = [[[a, b], 1] for a in range(101) for b in range(101 - a)]
    phi = [[[[1, 0], 1], [[0, 1], 1], [[0, 0], 1]], [[[1, 0], 1], [[0, 1], -1]]]
    _rejected(_implicit(["s", "t"], ["y1", "y2"], phi, [monomials]), "counted steps")


# ---------------------------------------------------------------------------------------------
# ed-degree: helpers


def _circle_cert(Q=I2, u=(3, 4), **kwargs):
    return ed_degree(CIRCLE, [x, y], Q=Q, u=list(u), engine="f4", **kwargs).certificate()


def _interpolate(ts, values, p):
    """The polynomial of degree < len(ts) through (ts[k], values[k]) mod p (Lagrange)."""
    out = [0] * len(ts)
    for k, (tk, vk) in enumerate(zip(ts, values)):
        basis, denominator = [1], 1
        for j, tj in enumerate(ts):
            if j != k:
                basis = [(a - tj * b) % p for a, b in zip([0] + basis, basis + [0])]
                denominator = denominator * (tk - tj) % p
        scale = vk * pow(denominator, -1, p) % p
        out = [(o + scale * b) % p for o, b in zip(out, basis)]
    return out


def _rur(points, multipliers, p, form=(1, 2)):
    """Evidence naming the given points (rationals) with the given multipliers, modulo p."""
    def mod(v):
        v = sp.Rational(v)
        return int(v.p) * pow(int(v.q), -1, p) % p

    pts = [[mod(c) for c in pt] for pt in points]
    ts = [sum(f * c for f, c in zip(form, pt)) % p for pt in pts]
    assert len(set(ts)) == len(ts)
    w = [1]
    for t in ts:
        w = [(a - t * b) % p for a, b in zip([0] + w, w + [0])]
    coordinates = [_interpolate(ts, [pt[i] for pt in pts], p) for i in range(len(form))]
    mus = [_interpolate(ts, [mod(m[k]) for m in multipliers], p) for k in range(len(multipliers[0]))]
    return {"prime": p, "linear_form": list(form), "eliminating_polynomial": w, "coordinates": coordinates,
            "multipliers": mus}


def _forge(claim, points, multipliers, primes=2):
    """A certificate for ``claim`` whose evidence names the given points, modulo the claim's primes."""
    evidence = [_rur(points, multipliers, p) for p in check_algebra.certificate_primes(claim, primes)]
    return envelope("ed-degree", claim, {"parametrizations": evidence})


CRITICAL = [("3/5", "4/5"), ("-3/5", "-4/5")]  # of the unit circle for Q = I, u = (3, 4)
MULTIPLIERS = [(-2,), (3,)]                    # (x - u) = mu * grad(x^2 + y^2 - 1)


# ---------------------------------------------------------------------------------------------
# ed-degree: honest certificates


@pytest.mark.parametrize("Q, value", [(I2, 2), ([[4, 0], [0, 1]], 4)])
def test_ed_circle_is_consistent_with_the_reference_values(Q, value):
    cert = json.loads(json.dumps(_circle_cert(Q)))
    assert cert["claim"]["ed_degree"] == value and cert["claim"]["Q"] == [[str(v) for v in r] for r in Q]
    v = _fast(cert)
    assert v.status == "consistent" and not v
    assert f"at least {value} distinct smooth critical points" in v.message
    assert "not re-derived: that there are no further critical points" in v.message


def test_ed_hand_made_evidence_for_the_circle_checks():
    claim = _circle_cert()["claim"]
    assert _fast(_forge(claim, CRITICAL, MULTIPLIERS)).status == "consistent"


@pytest.mark.parametrize("equations, variables, value", [
    ([x**3 + 2 * y**3 - x * y + 1], [x, y], 3 * (1 + 2)),   # general plane cubic: e * sum (e-1)^i
    ([y - x**2, z - x**3], [x, y, z], 5),                     # twisted cubic: s = c = 2
])
def test_ed_other_varieties(equations, variables, value):
    r = ed_degree(equations, variables, engine="f4", seed=1)
    assert r.value == value
    v = _fast(r.certificate())
    assert v.status == "consistent" and f"at least {value} " in v.message


def test_ed_more_equations_than_codimension():
    v6 = sp.symbols("a b c d e f")
    a, b, c, d, e, f = v6
    identity = [[int(i == j) for j in range(6)] for i in range(6)]
    r = ed_degree([a * e - b * d, a * f - c * d, b * f - c * e], v6, Q=identity, engine="f4")
    assert r.value == 2  # 2x3 matrices of rank one, Frobenius form: C(2, 1) (Eckart-Young)
    v = _fast(r.certificate())
    assert v.status == "consistent" and "isolation not checked" in v.message


@pytest.mark.slow
def test_ed_lightning_quartic_is_consistent_with_14():
    from literature import LIGHTNING_QUARTIC, Y

    cert = ed_degree([LIGHTNING_QUARTIC], Y, engine="f4").certificate()
    assert cert["claim"]["ed_degree"] == 14
    v = _fast(cert)
    assert v.status == "consistent" and "at least 14 distinct smooth critical points" in v.message
    cert["claim"]["ed_degree"] = 15
    _rejected(cert)


def test_ed_primes_agree_between_producer_and_checker():
    claim = _circle_cert()["claim"]
    assert _certificate_primes(claim, 3) == check_algebra.certificate_primes(claim, 3)
    assert all(_schema.is_prime(p) and 2**60 < p < 2**61 for p in _certificate_primes(claim, 3))


# ---------------------------------------------------------------------------------------------
# ed-degree: edge cases


def test_ed_edge_cases_agree_with_the_checker():
    whole = ed_degree([], [x, y], Q=I2).certificate()
    assert whole["claim"]["codimension"] == 0 and whole["claim"]["ed_degree"] == 1
    assert _fast(whole).status == "proved"
    empty = ed_degree([1], [x, y], Q=I2).certificate()
    assert (empty["claim"]["codimension"], empty["claim"]["ed_degree"]) == (3, 0)
    assert _fast(empty).status == "proved"
    unit = ed_degree([x, x - 1], [x, y], Q=I2, engine="f4").certificate()
    assert unit["data"]["cofactors"] == [[[[0, 0], "1"]], [[[0, 0], "-1"]]]  # x - (x - 1) = 1
    v = _fast(unit)
    assert v.status == "proved" and "Nullstellensatz" in v.message
    unit["data"]["cofactors"][1] = [[[0, 0], "1"]]
    _rejected(unit, "not the constant 1")
    del unit["data"]["cofactors"]
    v = _fast(unit)
    assert v.status == "consistent" and "emptiness of X is not re-derived" in v.message
    squared = ed_degree([(x**2 + y**2 - 1) ** 2], [x, y], Q=I2, engine="f4").certificate()
    assert squared["claim"]["equations"] == [[[[2, 0], "1"], [[0, 2], "1"], [[0, 0], "-1"]]]
    assert _fast(squared).status == "consistent"


@pytest.mark.parametrize("codimension, value, fragment", [
    (0, 2, "must be 0 and the ED degree 1"), (1, 1, "must be 0 and the ED degree 1"),
])
def test_ed_whole_space_forgeries(codimension, value, fragment):
    cert = ed_degree([], [x, y], Q=I2).certificate()
    cert["claim"].update(codimension=codimension, ed_degree=value)
    _rejected(cert, fragment)


def test_ed_empty_space_forgeries():
    cert = ed_degree([1], [x, y], Q=I2).certificate()
    cert["claim"]["ed_degree"] = 1
    _rejected(cert, "must be 3 and the ED degree 0")
    cert = _circle_cert()
    cert["claim"].update(codimension=3, ed_degree=0)
    cert["data"]["parametrizations"] = []
    v = _fast(cert)
    assert v.status == "consistent" and "not re-derived" in v.message  # never proved
    cert["data"]["cofactors"] = [[[[0, 0], "-1"]]]  # -(x^2 + y^2 - 1) is not 1
    _rejected(cert, "not the constant 1")
    honest = _circle_cert()
    honest["data"]["cofactors"] = [[[[0, 0], "1"]]]
    _rejected(honest, "evidence for an empty X only")


# ---------------------------------------------------------------------------------------------
# ed-degree: forged claims


@pytest.mark.parametrize("value", [4, 3, 1, 0, -7])
def test_ed_changed_value_is_rejected(value):
    cert = _circle_cert()
    cert["claim"]["ed_degree"] = value
    _rejected(cert)


def test_ed_count_three_for_the_circle_with_any_evidence_is_rejected():
    claim = dict(_circle_cert()["claim"], ed_degree=3)
    # two critical points and a third point of the circle that is not critical
    _rejected(_forge(claim, CRITICAL + [("1", "0")], MULTIPLIERS + [(0,)]), "not critical points")
    # three points on the circle with u at its centre: every point is critical there, none isolated
    centre = dict(claim, u=["0", "0"])
    points = [("1", "0"), ("0", "1"), ("3/5", "4/5")]
    _rejected(_forge(centre, points, [("1/2",)] * 3), "not isolated")
    # the honest evidence, padded
    cert = _circle_cert()
    cert["claim"]["ed_degree"] = 3
    _rejected(cert)


def test_ed_four_points_of_another_form_are_rejected():
    honest = ed_degree(CIRCLE, [x, y], Q=[[4, 0], [0, 1]], u=[3, 4], engine="f4").certificate()
    # the claim says Q = I; the evidence is diag(4, 1)'s four critical points, recomputed modulo the
    # primes of the forged claim by the package's own engine
    claim = dict(honest["claim"], Q=[["1", "0"], ["0", "1"]])
    system, nvars, _ = _lagrange_system(CIRCLE, (x, y), 1, ((4, 0), (0, 1)), (3, 4), random.Random(0))
    evidence = []
    for p in check_algebra.certificate_primes(claim, 2):
        r = rational_parametrization(system, nvars, prime=p, rng=random.Random(1), project=2)
        evidence.append({"prime": p, "linear_form": list(r.linear_form),
                         "eliminating_polynomial": list(r.eliminating),
                         "coordinates": [list(g) for g in r.coordinates[:2]],
                         "multipliers": [list(r.coordinates[2])]})
    assert [len(e["eliminating_polynomial"]) - 1 for e in evidence] == [4, 4]
    _rejected(envelope("ed-degree", claim, {"parametrizations": evidence}), "not critical points")


def test_ed_one_true_point_is_consistent_not_proved():
    claim = dict(_circle_cert()["claim"], ed_degree=1)
    v = _fast(_forge(claim, CRITICAL[:1], MULTIPLIERS[:1]))
    assert v.status == "consistent" and "at least 1 " in v.message
    assert "no further critical points" in v.message


@pytest.mark.parametrize("field, value, fragment", [
    ("Q", [["1", "0"], ["0", "2"]], "not critical points"),
    ("u", ["3", "5"], "not critical points"),
    ("equations", [[[[2, 0], "1"], [[0, 2], "2"], [[0, 0], "-1"]]], "does not vanish"),
])
def test_ed_changed_object_with_adjusted_evidence_is_rejected(field, value, fragment):
    claim = dict(_circle_cert()["claim"], **{field: value})
    _rejected(_forge(claim, CRITICAL, MULTIPLIERS), fragment)


@pytest.mark.parametrize("field, value, fragment", [
    ("Q", [["1", "0"], ["0", "-1"]], "not positive definite"),
    ("Q", [["1", "1"], ["0", "1"]], "not symmetric"),
    ("u", ["3/5", "4/5"], "u lies on X"),
    ("codimension", 2, "impossible"),
    ("equations", [[[[2, 0], "1"], [[0, 2], "1"], [[0, 0], "-1"]], []], "zero polynomial"),
])
def test_ed_ill_posed_claims_are_rejected(field, value, fragment):
    claim = dict(_circle_cert()["claim"], **{field: value})
    _rejected(_forge(claim, CRITICAL, MULTIPLIERS), fragment)


def test_ed_claim_change_without_new_evidence_is_rejected():
    cert = _circle_cert()
    cert["claim"]["u"] = ["3", "5"]
    _rejected(cert, "the prime derived from the claim")


# ---------------------------------------------------------------------------------------------
# ed-degree: the evidence itself


def _entry(cert, k=0):
    return cert["data"]["parametrizations"][k]


def test_ed_eliminating_polynomial_of_wrong_degree():
    cert = _circle_cert()
    _entry(cert)["eliminating_polynomial"].pop(0)
    _rejected(cert, "must have 3 entries")
    cert = _circle_cert()
    _entry(cert)["eliminating_polynomial"][-1] = 2
    _rejected(cert, "monic")


def test_ed_eliminating_polynomial_not_squarefree():
    claim = _circle_cert()["claim"]
    cert = _forge(claim, CRITICAL, MULTIPLIERS)
    for entry in cert["data"]["parametrizations"]:
        p, a = entry["prime"], 5
        entry["eliminating_polynomial"] = [a * a % p, -2 * a % p, 1]  # (T - a)^2
    _rejected(cert, "not squarefree")


def test_ed_roots_that_are_not_points_of_X():
    cert = _circle_cert()
    for entry in cert["data"]["parametrizations"]:
        entry["eliminating_polynomial"][0] = (entry["eliminating_polynomial"][0] + 1) % entry["prime"]
    _rejected(cert, "does not vanish at the points")


def test_ed_points_of_X_that_are_not_critical():
    claim = _circle_cert()["claim"]
    _rejected(_forge(claim, [("1", "0"), ("-1", "0")], [(1,), (1,)]), "not critical points")


def test_ed_linear_form_must_name_the_points():
    cert = _circle_cert()
    entry = _entry(cert)
    entry["linear_form"] = [(v + 1) % entry["prime"] for v in entry["linear_form"]]
    _rejected(cert, "linear form")


def test_ed_singular_point_is_rejected():
    # X = V(x, y z): two lines through the origin, singular there; for u = (5, 0, 0) and Q = I the
    # origin satisfies Q(x - u) = -5 grad(x) but is not a smooth point
    claim = {"variables": ["x", "y", "z"], "equations": [[[[1, 0, 0], "1"]], [[[0, 1, 1], "1"]]],
             "Q": [["1", "0", "0"], ["0", "1", "0"], ["0", "0", "1"]], "u": ["5", "0", "0"],
             "codimension": 2, "ed_degree": 1}
    evidence = []
    for p in check_algebra.certificate_primes(claim, 1):
        evidence.append({"prime": p, "linear_form": [1, 1, 1], "eliminating_polynomial": [0, 1],
                         "coordinates": [[0], [0], [0]], "multipliers": [[p - 5], [0]]})
    _rejected(envelope("ed-degree", claim, {"parametrizations": evidence}), "not on the smooth part")


def test_ed_determinant_matches_leibniz():
    rng, p = random.Random(7), 1_000_003
    ring = check_algebra._Quotient([0, 1], p)
    for n in range(1, 6):
        A = [[rng.randint(-4, 4) for _ in range(n)] for _ in range(n)]
        leibniz = 0
        for perm in itertools.permutations(range(n)):
            sign = (-1) ** sum(1 for i, j in itertools.combinations(range(n), 2) if perm[i] > perm[j])
            term = sign
            for i in range(n):
                term *= A[i][perm[i]]
            leibniz += term
        got = check_algebra._determinant([[ring.constant(v) for v in row] for row in A], ring)
        assert (got[0] if got else 0) == leibniz % p


# ---------------------------------------------------------------------------------------------
# ed-degree: hostile inputs, each decided in under 2 s


def test_ed_hostile_prime():
    cert = _circle_cert()
    _entry(cert)["prime"] = 2**61 - 1
    _rejected(cert, "the prime derived from the claim")


@pytest.mark.parametrize("exponent", [10**9, 10**10, 10**12])
def test_ed_hostile_exponents(exponent):
    cert = _circle_cert()
    cert["claim"]["equations"][0][0][0] = [exponent, 0]
    _rejected(cert, "between 0 and 100")


def test_ed_hostile_form():
    cert = _circle_cert()
    cert["claim"]["Q"] = [["1"] * 300 for _ in range(300)]
    _rejected(cert, "must have 2 entries")
    cert["claim"]["variables"] = [f"x{i}" for i in range(300)]
    _rejected(cert, "at most 64 are checked")


def test_ed_hostile_degree_of_the_evidence():
    # x^100 + y^100 = 1 has Bézout-type bound 100 * 100 = 10^4; a w of that degree is refused by the
    # work budget, not computed with
    D = 10_000
    claim = {"variables": ["x", "y"], "equations": [[[[100, 0], "1"], [[0, 100], "1"], [[0, 0], "-1"]]],
             "Q": [["1", "0"], ["0", "1"]], "u": ["3", "4"], "codimension": 1, "ed_degree": D}
    p = check_algebra.certificate_primes(claim, 1)[0]
    entry = {"prime": p, "linear_form": [1, 0], "eliminating_polynomial": [3] * D + [1],
             "coordinates": [[0, 1] + [0] * (D - 2), [5] * D], "multipliers": [[7] * D]}
    cert = envelope("ed-degree", claim, {"parametrizations": [entry]})
    assert len(json.dumps(cert)) < 2**20
    _rejected(cert, "counted steps")


def test_ed_hostile_number_of_minors():
    # 40 equations of codimension 20 in 40 variables: C(40, 20)^2 minors are refused up front
    n = 40
    names = [f"x{i}" for i in range(n)]
    equations = [[[[2 * int(i == j) for i in range(n)], "1"], [[0] * n, "-1"]] for j in range(n)]
    identity = [[str(int(i == j)) for j in range(n)] for i in range(n)]
    claim = {"variables": names, "equations": equations, "Q": identity, "u": ["3"] * n, "codimension": 20,
             "ed_degree": 1}
    p = check_algebra.certificate_primes(claim, 1)[0]
    # the point (1, ..., 1) with multipliers -1 is critical: Q(x - u) = -2 = -1 * 2 x_k
    entry = {"prime": p, "linear_form": [1] + [0] * (n - 1), "eliminating_polynomial": [p - 1, 1],
             "coordinates": [[1]] * n, "multipliers": [[p - 1]] * n}
    _rejected(envelope("ed-degree", claim, {"parametrizations": [entry]}), "counted steps")

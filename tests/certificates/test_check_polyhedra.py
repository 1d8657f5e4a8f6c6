"""Polyhedron certificates: every empty system is certified, and any single alteration is caught."""

from __future__ import annotations

import ast
import copy
import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from exactgeom.certificates import check_polyhedra, verify
from exactgeom.polyhedra import Polyhedron

import timing

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# The XOR row of a threshold unit, parameters (w1, w2, b): f(0,0)=0, f(1,0)=1, f(0,1)=1, f(1,1)=0.
XOR = Polyhedron.from_expressions(
    ["b <= 0", "w1 + b > 0", "w2 + b > 0", "w1 + w2 + b <= 0"], variables=["w1", "w2", "b"]
)

EMPTY_SYSTEMS = [
    Polyhedron.from_expressions(["x > 0", "x < 0"]),
    Polyhedron.from_expressions(["x >= 1", "x <= 0"]),
    Polyhedron.from_expressions(["x > 0", "x <= 0"]),
    Polyhedron.from_expressions(["x > 0", "x + y < 0", "y >= 0"]),
    Polyhedron.from_expressions(["x + y == 1", "x - y == 1", "y > 0"]),
    Polyhedron.from_expressions(["x + y == 1", "x + y == 2"]),
    Polyhedron.from_expressions(["x/2 + y/3 < 1/5", "3*x + 2*y >= 6/5"]),
    Polyhedron.from_expressions(["0 < 0"], variables=["x"]),
    Polyhedron.from_expressions(["0 <= -1"], variables=[]),
    Polyhedron.from_expressions(["0 == 0", "x > 1", "x < 1"]),
    Polyhedron.empty(3),
    XOR,
    # XNOR
    Polyhedron.from_expressions(
        ["b > 0", "w1 + b <= 0", "w2 + b <= 0", "w1 + w2 + b > 0"], variables=["w1", "w2", "b"]
    ),
    Polyhedron([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]], [0, 0, 0, 0], [">", ">", ">=", "<="]),
]


@st.composite
def empty_systems(draw):
    """A random system made empty on purpose: a consequence of some rows, contradicted."""
    d = draw(st.integers(1, 3))
    m = draw(st.integers(1, 4))
    small = st.integers(-3, 3)
    A = [[draw(small) for _ in range(d)] for _ in range(m)]
    b = [Fraction(draw(small), draw(st.integers(1, 3))) for _ in range(m)]
    kinds = [draw(st.sampled_from(["<=", "<", "==", ">=", ">"])) for _ in range(m)]
    P = Polyhedron(A, b, kinds)
    if not P.is_empty():
        objective = [draw(small) for _ in range(d)]
        low = P.minimize(objective)
        assume(low.status == "optimal")
        # objective . x >= low.value holds on P (strictly where P avoids the minimiser); contradict it
        strict = draw(st.booleans())
        cut = Polyhedron(
            [objective], [low.value - (0 if strict else draw(st.integers(1, 3)))], ["<" if strict else "<="]
        )
        if strict and P.contains(low.point):
            cut = Polyhedron([objective], [low.value], ["<"])
        P = P.intersection(cut)
    assume(P.is_empty())
    return P


def assert_fails(cert, *fragments):
    outcome = verify(cert)
    assert not outcome, f"an altered certificate verified: {json.dumps(cert)}"
    assert outcome.message
    for fragment in fragments:
        assert fragment in outcome.message, outcome.message
    return outcome.message


@pytest.mark.parametrize("P", EMPTY_SYSTEMS, ids=str)
def test_every_empty_system_in_the_suite_is_certified(P):
    assert P.is_empty()
    cert = P.emptiness_certificate()
    assert verify(cert), verify(cert).message
    assert verify(json.loads(json.dumps(cert))), "the certificate must survive a JSON round trip"


@SETTINGS
@given(empty_systems())
def test_random_empty_systems_are_certified(P):
    outcome = verify(P.emptiness_certificate())
    assert outcome, outcome.message


def test_non_empty_system_has_no_emptiness_certificate():
    with pytest.raises(ValueError, match="not empty"):
        Polyhedron.from_expressions(["x > 0"]).emptiness_certificate()


# --------------------------------------------------------------------------- single alterations
def _mutate(cert, data):
    """Apply one randomly chosen alteration to a deep copy; returns the copy and a description."""
    cert = copy.deepcopy(cert)
    d, claim = cert["data"], cert["claim"]["system"]
    m = len(d["multipliers"])
    i = data.draw(st.integers(0, m - 1), label="row")
    where = data.draw(
        st.sampled_from(
            [
                "multiplier",
                "normalised row entry",
                "normalised rhs",
                "normalised kind",
                "system row entry",
                "system rhs",
                "system kind",
                "negated",
                "constant",
                "relation",
                "weight",
            ]
        ),
        label="what",
    )
    delta = data.draw(
        st.sampled_from([Fraction(1), Fraction(-1), Fraction(1, 2), Fraction(-7, 3), Fraction(5)])
    )
    flip = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "<="}
    if where == "negated":
        d["negated"][i] = not d["negated"][i]
    elif where in ("constant", "weight"):
        d[where] = str(Fraction(d[where]) + delta)
    elif where == "relation":
        d["relation"] = flip[d["relation"]]
    elif where == "multiplier":
        d["multipliers"][i] = str(Fraction(d["multipliers"][i]) + delta)
    elif where == "normalised rhs":
        d["normalised_rhs"][i] = str(Fraction(d["normalised_rhs"][i]) + delta)
    elif where == "system rhs":
        claim["rhs"][i] = str(Fraction(claim["rhs"][i]) + delta)
    elif where == "normalised kind":
        d["normalised_kinds"][i] = flip[d["normalised_kinds"][i]]
    elif where == "system kind":
        claim["kinds"][i] = flip[claim["kinds"][i]]
    else:
        rows = d["normalised_rows"] if where.startswith("normalised") else claim["rows"]
        assume(rows[i])  # a system in Q^0 has no entries to alter
        j = data.draw(st.integers(0, len(rows[i]) - 1), label="column")
        rows[i][j] = str(Fraction(rows[i][j]) + delta)
    return cert, where


@SETTINGS
@given(st.sampled_from(EMPTY_SYSTEMS), st.data())
def test_any_single_alteration_fails_verification(P, data):
    cert, where = _mutate(P.emptiness_certificate(), data)
    assert_fails(cert)


@SETTINGS
@given(empty_systems(), st.data())
def test_any_single_alteration_of_random_certificates_fails(P, data):
    cert, where = _mutate(P.emptiness_certificate(), data)
    assert_fails(cert)


def test_messages_say_what_does_not_add_up():
    cert = XOR.emptiness_certificate()
    assert cert["data"]["multipliers"] == ["1", "1", "1", "1"]
    assert cert["data"]["contradiction"] == "0 < 0"

    bad = copy.deepcopy(cert)
    bad["data"]["multipliers"][1] = "-1"
    assert_fails(bad, "multiplier 1 is negative (-1)")

    # altering a row in both the claim and the data: the combination no longer cancels
    bad = copy.deepcopy(cert)
    bad["claim"]["system"]["rows"][3][1] = "3/2"
    bad["data"]["normalised_rows"][3][1] = "3/2"
    assert_fails(bad, "the combination of the rows has w2-coefficient 1/2, not 0")

    bad = copy.deepcopy(cert)
    bad["data"]["normalised_rows"][0][2] = "2"
    assert_fails(bad, "normalised row 0 has b-coefficient 2, but row 0 of the system gives 1")

    bad = copy.deepcopy(cert)
    bad["claim"]["system"]["rhs"][1] = "1"
    assert_fails(bad, "normalised row 1 has right-hand side 0, but row 1 of the system gives -1")

    bad = copy.deepcopy(cert)  # consistent change of a right-hand side: the stated constant is now wrong
    bad["claim"]["system"]["rhs"][0] = "-1"
    bad["data"]["normalised_rhs"][0] = "-1"
    assert_fails(bad, "the combination of the right-hand sides is -1, but the certificate says 0")

    bad = copy.deepcopy(cert)  # make both strict rows closed, consistently: 0 <= 0 is no contradiction
    for i in (1, 2):
        bad["claim"]["system"]["kinds"][i] = ">="
        bad["data"]["normalised_kinds"][i] = "<="
    assert_fails(bad, "the rows combine to 0 <= 0 (no strict row has a positive multiplier)")
    bad["data"]["relation"], bad["data"]["contradiction"] = "<=", "0 <= 0"
    assert_fails(bad, "which is no contradiction")

    bad = copy.deepcopy(cert)
    bad["data"]["weight"] = "5"
    assert_fails(bad, "add up to 4, but the certificate says 5")

    bad = copy.deepcopy(cert)
    bad["data"]["negated"][0] = True
    assert_fails(bad, "so it is kept as it is when normalised")


def test_zero_equation_rows_carry_no_multiplier():
    P = Polyhedron.from_expressions(["0 == 0", "x > 1", "x < 1"])
    cert = P.emptiness_certificate()
    assert cert["data"]["multipliers"][0] == "0"
    cert["data"]["multipliers"][0] = "1"
    cert["data"]["weight"] = str(Fraction(cert["data"]["weight"]) + 1)
    assert_fails(cert, "reads 0 == 0 and carries no information")


def test_malformed_certificates_are_rejected_with_reasons():
    cert = XOR.emptiness_certificate()
    for key in ("multipliers", "normalised_rows", "constant"):
        bad = copy.deepcopy(cert)
        del bad["data"][key]
        assert not verify(bad)
    bad = copy.deepcopy(cert)
    bad["data"]["multipliers"] = bad["data"]["multipliers"][:-1]
    assert_fails(bad, "data.multipliers must have 4 entries, found 3")
    bad = copy.deepcopy(cert)
    bad["data"]["multipliers"][0] = 0.5
    assert_fails(bad, "data.multipliers[0] must be an integer or a string")
    bad = copy.deepcopy(cert)
    bad["claim"]["system"]["dimension"] = 2
    assert_fails(bad, "claim.system.rows[0] must have 2 entries, found 3")


# --------------------------------------------------------------------------- witnesses
@pytest.mark.parametrize(
    "P",
    [
        Polyhedron.from_expressions(["x > 0", "y > 0", "x + y < 1"]),
        Polyhedron.from_expressions(
            ["b <= 0", "w1 + b > 0", "w2 + b <= 0", "w1 + w2 + b > 0"]
        ),  # AND-like row
        Polyhedron.from_expressions(["x + y == 1/3", "x >= y"]),
        Polyhedron.universe(2),
    ],
)
def test_witness_certificates_verify_and_alterations_fail(P):
    cert = P.witness_certificate()
    assert verify(cert)
    assert verify(P.witness_certificate(P.generators().points[0]))
    bad = copy.deepcopy(cert)
    bad["data"]["point"] = bad["data"]["point"][:-1]
    assert_fails(bad, "coordinates")


def test_witness_message_names_the_failing_row():
    P = Polyhedron.from_expressions(["x > 0", "y > 0", "x + y < 1"])
    cert = P.witness_certificate(["1/4", "1/4"])
    cert["data"]["point"] = ["1/2", "1/2"]
    assert_fails(cert, "row 2 (x + y < 1) fails at the point: the left-hand side is 1, not < 1")
    cert = P.witness_certificate(["1/4", "1/4"])
    cert["claim"]["system"]["kinds"][0] = "<"
    assert_fails(cert, "row 0 (x < 0) fails")
    with pytest.raises(ValueError, match=r"violates row 2 \(x \+ y < 1\)"):
        P.witness_certificate([1, "1/2"])
    with pytest.raises(ValueError, match="empty"):
        XOR.witness_certificate()


def test_verifier_imports_only_the_standard_library_and_certificate_helpers():
    tree = ast.parse(Path(check_polyhedra.__file__).read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add("." * node.level + (node.module or ""))
    assert imported <= {"__future__", "fractions", "json", ".", "._schema"}, imported


def test_every_non_threshold_function_of_three_inputs_is_certified():
    """256 - 104 = 152 Boolean functions of 3 inputs are not threshold functions (A000609); certify each."""
    import itertools

    inputs = list(itertools.product([0, 1], repeat=3))
    certified = 0
    for values in itertools.product([0, 1], repeat=8):
        P = Polyhedron([list(x) + [1] for x in inputs], [0] * 8, [">" if v else "<=" for v in values])
        if P.is_empty():
            outcome = verify(P.emptiness_certificate())
            assert outcome, outcome.message
            certified += 1
    assert certified == 256 - 104


# --------------------------------------------------------------------------- LP certificates
@st.composite
def lp_problems(draw, box=False):
    """Small LPs; with ``box`` the rows -5 <= x_j <= 5 are added, so the problem is never unbounded."""
    d = draw(st.integers(1, 3))
    m = draw(st.integers(0, 5))
    small = st.integers(-3, 3)
    A = [[draw(small) for _ in range(d)] for _ in range(m)]
    b = [Fraction(draw(small), draw(st.integers(1, 2))) for _ in range(m)]
    kinds = [draw(st.sampled_from(["<=", "<", "==", ">=", ">"])) for _ in range(m)]
    if box:
        for j in range(d):
            unit = [int(k == j) for k in range(d)]
            A += [unit, unit]
            b += [Fraction(-5), Fraction(5)]
            kinds += [">=", "<="]
    objective = [Fraction(draw(small), draw(st.integers(1, 2))) for _ in range(d)]
    return Polyhedron(A, b, kinds, dimension=d), objective, draw(st.sampled_from(["minimize", "maximize"]))


@SETTINGS
@given(lp_problems(), st.data())
def test_lp_certificates_verify_and_altered_values_fail(problem, data):
    P, objective, sense = problem
    result = P.minimize(objective) if sense == "minimize" else P.maximize(objective)
    cert = P.lp_certificate(objective, sense)
    expected = {"optimal": "lp-optimum", "unbounded": "lp-unbounded", "infeasible": "nnc-emptiness"}
    assert cert["kind"] == expected[result.status]
    outcome = verify(json.loads(json.dumps(cert)))
    assert outcome, outcome.message
    if cert["kind"] != "lp-optimum":
        return
    assert Fraction(cert["claim"]["value"]) == result.value
    bad = copy.deepcopy(cert)
    where = data.draw(st.sampled_from(["value", "multiplier", "objective"]))
    delta = data.draw(st.sampled_from([Fraction(1), Fraction(-1, 2), Fraction(3)]))
    if where == "value":
        bad["claim"]["value"] = str(Fraction(bad["claim"]["value"]) + delta)
    elif where == "objective":
        j = data.draw(st.integers(0, P.ambient_dimension - 1))
        bad["claim"]["objective"][j] = str(Fraction(bad["claim"]["objective"][j]) + delta)
    else:
        assume(bad["data"]["multipliers"])
        i = data.draw(st.integers(0, len(bad["data"]["multipliers"]) - 1))
        bad["data"]["multipliers"][i] = str(Fraction(bad["data"]["multipliers"][i]) + delta)
    assert_fails(bad)


def test_lp_certificate_messages():
    P = Polyhedron.from_expressions(["x >= 0", "y >= 0", "x + y >= 2"])
    cert = P.lp_certificate([1, 2])
    assert (cert["kind"], cert["claim"]["value"]) == ("lp-optimum", "2")
    bad = copy.deepcopy(cert)
    bad["claim"]["value"] = "1"
    assert_fails(bad, "the objective at the point is 2, not the claimed value 1")
    bad["claim"]["value"], bad["data"]["point"] = "4", ["0", "2"]  # feasible, but not optimal
    assert_fails(bad, "the multipliers bound the objective from below by 2, not by the claimed value 4")
    bad = copy.deepcopy(cert)
    bad["data"]["multipliers"] = ["-1", "2", "1"]
    assert_fails(bad, "multiplier 0 is -1, but for a minimum a '>=' row needs a multiplier >= 0")
    bad["data"]["multipliers"] = ["0", "2", "1"]
    assert_fails(bad, "combine the rows to y-coefficient 3, but the objective has 2")
    bad = copy.deepcopy(cert)
    bad["data"]["point"] = ["3", "-1"]
    assert_fails(bad, "the point violates row 1 (y >= 0, strict rows read as closed)")

    unbounded = P.lp_certificate([1, 2], "maximize")
    assert unbounded["kind"] == "lp-unbounded" and verify(unbounded)
    bad = copy.deepcopy(unbounded)
    bad["data"]["direction"] = ["-1", "0"]
    assert_fails(bad, "moving along the direction leaves row 0")
    bad["data"]["direction"] = ["0", "0"]
    assert_fails(bad, "changes at rate 0 along the direction")
    assert P.intersection(Polyhedron([[1, 1]], [2], ["<"])).lp_certificate([1, 0])["kind"] == "nnc-emptiness"


# --------------------------------------------------------------------------- the claim is the theorem
def _renormalise(cert):
    """Recompute every derived field of an emptiness certificate from its (altered) claim."""
    system, data = cert["claim"]["system"], cert["data"]
    flip = {">=": "<=", ">": "<"}
    sign = [-1 if k in flip else 1 for k in system["kinds"]]
    data["normalised_rows"] = [[str(s * Fraction(v)) for v in row] for s, row in zip(sign, system["rows"])]
    data["normalised_kinds"] = [flip.get(k, k) for k in system["kinds"]]
    data["normalised_rhs"] = [str(s * Fraction(v)) for s, v in zip(sign, system["rhs"])]
    data["negated"] = [s < 0 for s in sign]
    y = [Fraction(v) for v in data["multipliers"]]
    constant = sum((v * Fraction(b) for v, b in zip(y, data["normalised_rhs"])), Fraction(0))
    strict = any(v > 0 and k == "<" for v, k in zip(y, data["normalised_kinds"]))
    data["constant"], data["relation"] = str(constant), "<" if strict else "<="
    data["contradiction"] = f"0 {data['relation']} {constant}"
    data["weight"] = str(sum((abs(v) for v in y), Fraction(0)))


@SETTINGS
@given(st.sampled_from(EMPTY_SYSTEMS), st.data())
def test_changed_system_with_consistent_evidence_proved_only_when_empty(P, data):
    cert = P.emptiness_certificate()
    system = cert["claim"]["system"]
    assume(system["rows"])
    i = data.draw(st.integers(0, len(system["rows"]) - 1))
    what = data.draw(st.sampled_from(["rhs", "kind", "entry"]))
    if what == "rhs":
        system["rhs"][i] = str(Fraction(system["rhs"][i]) + data.draw(st.sampled_from([1, -1, 5])))
    elif what == "kind":
        system["kinds"][i] = data.draw(st.sampled_from(["<=", "<", "==", ">=", ">"]))
    else:
        assume(system["dimension"])
        j = data.draw(st.integers(0, system["dimension"] - 1))
        system["rows"][i][j] = str(Fraction(system["rows"][i][j]) + 1)
    _renormalise(cert)
    altered = Polyhedron([[Fraction(v) for v in r] for r in system["rows"]],
                         [Fraction(v) for v in system["rhs"]], system["kinds"], dimension=system["dimension"])
    if verify(cert).status == "proved":
        assert altered.is_empty()  # a proof of emptiness of a non-empty system would be a false theorem


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lp_problems(box=True), st.data())
def test_changed_objective_and_value_with_consistent_point_never_proves_a_false_optimum(problem, data):
    P, objective, sense = problem
    cert = P.lp_certificate(objective, sense)
    assume(cert["kind"] == "lp-optimum")
    j = data.draw(st.integers(0, P.ambient_dimension - 1))
    objective = [Fraction(v) for v in cert["claim"]["objective"]]
    objective[j] += data.draw(st.sampled_from([Fraction(1), Fraction(-1, 2)]))
    cert["claim"]["objective"] = [str(v) for v in objective]
    point = [Fraction(v) for v in cert["data"]["point"]]
    cert["claim"]["value"] = str(sum((c * x for c, x in zip(objective, point)), Fraction(0)))
    if verify(cert).status == "proved":
        truth = P.minimize(objective) if sense == "minimize" else P.maximize(objective)
        assert truth.status == "optimal" and truth.value == Fraction(cert["claim"]["value"])


def test_flipped_sense_is_rejected():
    P = Polyhedron.from_expressions(["x >= 0", "y >= 0", "x + y >= 2"])
    cert = P.lp_certificate([1, 2])
    cert["claim"]["sense"] = "maximize"
    cert["claim"]["statement"] = check_polyhedra.STATEMENTS["lp-optimum", "maximize"]
    assert verify(cert).status == "rejected"
    cert["claim"]["statement"] = check_polyhedra.STATEMENTS["lp-optimum", "minimize"]
    assert "claim.statement must be exactly" in verify(cert).message


@pytest.mark.parametrize(
    "path, value, fragment",
    [
        (("data", "negated", 0), "false", "data.negated[0] must be a JSON boolean"),
        (("data", "negated", 0), 0, "data.negated[0] must be a JSON boolean"),
        (("claim", "system", "dimension"), True, "claim.system.dimension must be an integer"),
        (("claim", "system", "kinds", 0), "=<", "claim.system.kinds[0] must be one of"),
        (("claim", "system", "rhs", 0), "1e99999999", "claim.system.rhs[0] must be an integer or a string"),
        (("claim", "system", "extra"), 1, "claim.system has an unknown field 'extra'"),
        (("claim", "extra"), 1, "claim has an unknown field 'extra'"),
        (("data", "extra"), 1, "data has an unknown field 'extra'"),
        (("data", "relation"), "<<", "data.relation must be one of"),
    ],
)
def test_strict_schema(path, value, fragment):
    cert = XOR.emptiness_certificate()
    target = cert
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert fragment in verify(cert).message


def test_missing_fields_named():
    cert = XOR.emptiness_certificate()
    del cert["claim"]["system"]["kinds"]
    assert verify(cert).message == "claim.system is missing the field 'kinds'"
    cert = Polyhedron.from_expressions(["x >= 0"]).lp_certificate([1])
    del cert["claim"]["value"]
    assert verify(cert).message == "claim is missing the field 'value'"


_quickly = timing.rejected_quickly


def test_hostile_dimension_and_row_counts_decided_quickly():
    from exactgeom.certificates import envelope

    system = {"dimension": 10**9, "rows": [], "kinds": [], "rhs": []}
    assert "claim.system.dimension" in _quickly(envelope("nnc-witness", {"system": system}, {"point": []}))
    # 10^5 rows of one entry: refused by the row limit; 20000 rows: read and checked
    for m, fragment in ((10**5, "at most 20000 are checked"), (20_000, "fails at the point")):
        system = {"dimension": 1, "rows": [["1"]] * m, "kinds": ["<="] * m, "rhs": ["0"] * (m - 1) + ["-1"]}
        assert fragment in _quickly(envelope("nnc-witness", {"system": system}, {"point": ["0"]}))


def test_hostile_sums_of_rationals_refused_quickly():
    from exactgeom.certificates import envelope

    # multipliers with unrelated denominators: the sums would grow to megabytes; the budget refuses
    m = 20_000
    system = {"dimension": 1, "rows": [["1"]] * m, "kinds": ["<="] * m, "rhs": ["1"] * m}
    data = {"normalised_rows": system["rows"], "normalised_kinds": system["kinds"],
            "normalised_rhs": system["rhs"], "negated": [False] * m,
            "multipliers": [f"1/{k + 2}{'9' * 40}" for k in range(m)], "constant": "0",
            "relation": "<=", "contradiction": "0 <= -1", "weight": "1"}
    assert "counted steps" in _quickly(envelope("nnc-emptiness", {"system": system}, data))


def test_hostile_huge_rationals_and_deep_lists_decided_quickly():
    from exactgeom.certificates import envelope

    big = "7" * 2000 + "/" + "3" * 2000
    system = {"dimension": 1, "rows": [[big]] * 5000, "kinds": ["<="] * 5000, "rhs": [big] * 5000}
    _quickly(envelope("lp-optimum", {"system": system, "objective": [big], "sense": "minimize", "value": "0"},
                      {"point": [big], "multipliers": [big] * 5000}))
    deep = []
    for _ in range(5000):
        deep = [deep]
    _quickly(envelope("nnc-witness", {"system": {"dimension": 1, "rows": [deep], "kinds": ["<="],
                                                  "rhs": ["0"]}}, {"point": ["0"]}))

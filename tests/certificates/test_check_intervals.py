"""ed-degree-lower-bound certificates: honest boxes are proved, every forgery is rejected.

Independent sources: the critical points of the unit circle for Q = I and u = (3, 4), worked out
by hand (x = ±(3/5, 4/5) with multipliers λ = −2 and 3, the solutions of x − u = 2λx on the
circle); a certificate built here from those exact points and the exact inverse of the Jacobian
(computed with sympy, not by the package's producer); the ED degree 4 of the circle for
diag(4, 1) and the ED degree 2 of the 2×2 matrices of rank one for Q = I (Eckart–Young; REFERENCE.md
§5, conventions.md); and soundness of the Krawczyk test: a box that
holds no root, or two boxes that share one, cannot pass.  Every forged certificate must be
rejected by :func:`exactgeom.certificates.verify` within the time guard of ``timing``, and the
check itself may only fail with a :class:`CertificateError`.
"""

from __future__ import annotations

import copy
import functools
import json
from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactgeom.algebra import ed_degree
from exactgeom.certificates import CertificateError, _schema, check_intervals, envelope, verify

import timing

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
x, y = sp.symbols("x y")
CIRCLE = [x**2 + y**2 - 1]
#: (x, y, λ) of the two critical points of ‖x − (3, 4)‖² on the unit circle (by hand).
CIRCLE_POINTS = ((Fraction(3, 5), Fraction(4, 5), Fraction(-2)),
                 (Fraction(-3, 5), Fraction(-4, 5), Fraction(3)))


@functools.cache
def _produced(form: str) -> dict:
    Q = {"identity": [[1, 0], [0, 1]], "ellipse": [[4, 0], [0, 1]]}[form]
    return ed_degree(CIRCLE, [x, y], Q=Q, u=[3, 4], certify=True).certification.certificate()


def _fresh(form: str = "identity") -> dict:
    return copy.deepcopy(_produced(form))


def _by_hand(radius=Fraction(1, 100)) -> dict:
    """The circle certificate for Q = I, u = (3, 4), written from the hand-computed points."""
    boxes = []
    for px, py, lam in CIRCLE_POINTS:
        # Jacobian of G = (x² + y² − 1, (x − 3) − 2λx, (y − 4) − 2λy) in (x, y, λ)
        J = sp.Matrix([[2 * px, 2 * py, 0], [1 - 2 * lam, 0, -2 * px], [0, 1 - 2 * lam, -2 * py]])
        Y = J.inv()
        boxes.append({"centre": [[str(v), "0"] for v in (px, py, lam)], "radius": str(radius),
                      "preconditioner": [[[str(Y[i, j]), "0"] for j in range(3)] for i in range(3)]})
    claim = {"variables": ["x", "y"], "equations": [[[[2, 0], "1"], [[0, 2], "1"], [[0, 0], "-1"]]],
             "Q": [["1", "0"], ["0", "1"]], "u": ["3", "4"], "ed_degree_at_least": 2}
    return envelope("ed-degree-lower-bound", claim, {"boxes": boxes})


def _rejected(cert, fragment: str = "") -> str:
    """Rejected by verify (quickly), and the check itself fails only through CertificateError."""
    message = timing.rejected_quickly(cert)
    assert fragment in message, message
    if isinstance(cert, dict) and isinstance(cert.get("claim"), dict) and isinstance(cert.get("data"), dict):
        _schema.reset_budget()
        try:
            check_intervals.check_ed_degree_lower_bound(cert)
        except CertificateError:
            pass
        except RecursionError:
            pass  # a self-containing or too deep object: verify rejects it before the check runs
        else:
            raise AssertionError(f"the check accepted what verify rejected: {message}")
    return message


def _complex_to_fraction(pair):
    return Fraction(pair[0]), Fraction(pair[1])


# --------------------------------------------------------------------------- honest certificates


def test_produced_circle_certificate_is_proved_and_its_boxes_hold_the_known_points():
    cert = _fresh()
    v = verify(cert)
    assert v.status == "proved" and v.message.startswith("the ED degree of X for Q is at least 2")
    boxes = cert["data"]["boxes"]
    assert len(boxes) == cert["claim"]["ed_degree_at_least"] == 2
    held = set()
    for box in boxes:
        r = Fraction(box["radius"])
        centre = [_complex_to_fraction(z) for z in box["centre"]]
        assert all(im == 0 for _, im in centre)  # real critical points, conjugation-symmetric boxes
        inside = [k for k, point in enumerate(CIRCLE_POINTS)
                  if all(abs(re - p) < r for (re, _), p in zip(centre, point))]
        assert len(inside) == 1
        held.add(inside[0])
    assert held == {0, 1}


def test_ellipse_form_certificate_proves_the_exact_ed_degree_four():
    cert = _fresh("ellipse")
    v = verify(cert)
    assert v.status == "proved"
    assert "at least 4" in v.message and "the ED degree is exactly 4" in v.message
    assert verify(json.loads(json.dumps(cert))).ok, "the certificate must survive a JSON round trip"


def test_certificate_written_by_hand_is_proved():
    v = verify(_by_hand())
    assert v.status == "proved", v.message
    assert "at least 2" in v.message


def test_box_order_does_not_matter():
    cert = _fresh("ellipse")
    cert["data"]["boxes"].reverse()
    assert verify(cert).ok


# --------------------------------------------------------------------------- boxes that prove nothing


@SETTINGS
@given(st.integers(0, 1), st.integers(0, 2), st.sampled_from([0, 1]),
       st.sampled_from(["3r", "-3r", "1/10", "-1", "1"]))
def test_a_box_moved_off_its_point_is_rejected(k, i, part, shift):
    """Moved by more than twice its radius the box misses its root, and no other root is near."""
    cert = _fresh()
    box = cert["data"]["boxes"][k]
    r = Fraction(box["radius"])
    delta = {"3r": 3 * r, "-3r": -3 * r}.get(shift) or Fraction(shift)
    box["centre"][i][part] = str(Fraction(box["centre"][i][part]) + delta)
    _rejected(cert, "Krawczyk operator does not map the box into its interior")


def test_a_box_off_the_hand_computed_point_is_rejected():
    cert = _by_hand()
    cert["data"]["boxes"][0]["centre"][0][0] = "1/2"
    _rejected(cert, "data.boxes[0]: the Krawczyk operator")


def test_a_box_much_larger_than_the_neighbourhood_of_its_root_is_rejected():
    cert = _by_hand(radius=Fraction(3))  # contains both critical points: not one simple root
    _rejected(cert, "Krawczyk")


def test_a_duplicated_box_is_rejected_whatever_the_claimed_count():
    cert = _fresh()
    cert["data"]["boxes"][1] = copy.deepcopy(cert["data"]["boxes"][0])
    _rejected(cert, "data.boxes[0] and data.boxes[1] meet")
    for extra in (1, 2):  # 3 and 4 boxes for a circle: the bound 4 is only reached by forgeries
        more = _fresh()
        more["data"]["boxes"] += [copy.deepcopy(more["data"]["boxes"][0]) for _ in range(extra)]
        more["claim"]["ed_degree_at_least"] = 2 + extra
        _rejected(more, "meet")


def test_a_duplicated_box_below_the_bezout_type_bound_is_rejected():
    """The 2×2 matrices of rank one, ad − bc = 0 in Q^4, have ED degree 2 for Q = I (Eckart–Young)
    under a Bezout-type bound of 8, so three boxes pass the count check: only the disjointness check
    can catch the copy."""
    a, b, c, d = sp.symbols("a b c d")
    cert = ed_degree([a * d - b * c], [a, b, c, d], Q=sp.eye(4), certify=True).certification.certificate()
    assert verify(cert).ok and len(cert["data"]["boxes"]) == 2
    cert["data"]["boxes"].append(copy.deepcopy(cert["data"]["boxes"][0]))
    cert["claim"]["ed_degree_at_least"] = 3
    _rejected(cert, "data.boxes[0] and data.boxes[2] meet")


def test_overlapping_boxes_around_the_same_point_are_rejected():
    cert = _fresh()
    twin = copy.deepcopy(cert["data"]["boxes"][0])
    r = Fraction(twin["radius"])
    twin["centre"][0][0] = str(Fraction(twin["centre"][0][0]) + r / 4)
    cert["data"]["boxes"].append(twin)
    cert["claim"]["ed_degree_at_least"] = 3
    _rejected(cert, "meet")


def test_a_conjugated_box_lands_on_the_other_conjugate_root():
    """The system has rational coefficients, so conjugating a non-real box gives a box of the
    conjugate root; put in place of a real box, the certificate holds that root twice."""
    cert = _fresh("ellipse")
    real = cert["meta"]["real"]
    complex_boxes = [k for k, r in enumerate(real) if r is False]
    assert len(complex_boxes) == 2 and real.count(True) == 2
    a, b = complex_boxes[0], real.index(True)
    boxes = cert["data"]["boxes"]
    conjugate = copy.deepcopy(boxes[a])
    for z in conjugate["centre"]:
        z[1] = str(-Fraction(z[1]))
    for row in conjugate["preconditioner"]:
        for z in row:
            z[1] = str(-Fraction(z[1]))
    assert verify(envelope("ed-degree-lower-bound", {**cert["claim"], "ed_degree_at_least": 1},
                           {"boxes": [conjugate]})).ok, "the conjugate box holds a root"
    boxes[b] = conjugate
    _rejected(cert, "meet")


# --------------------------------------------------------------------------- claims the boxes do not prove


@pytest.mark.parametrize("claimed, fragment", [
    (3, "the claim is an ED degree of at least 3 but data.boxes holds 2 box(es)"),
    (1, "the claim is an ED degree of at least 1 but data.boxes holds 2 box(es)"),
    (0, "holds 2 box(es)"),
    (10_000, "holds 2 box(es)"),
    (10_001, "claim.ed_degree_at_least must be an integer"),
    (-1, "claim.ed_degree_at_least must be an integer"),
])
def test_claimed_count_other_than_the_number_of_boxes(claimed, fragment):
    cert = _fresh()
    cert["claim"]["ed_degree_at_least"] = claimed
    _rejected(cert, fragment)


def test_more_boxes_than_the_bezout_type_bound_are_rejected():
    cert = _fresh("ellipse")
    cert["data"]["boxes"].append(copy.deepcopy(cert["data"]["boxes"][0]))
    cert["claim"]["ed_degree_at_least"] = 5
    _rejected(cert, "exceeds the Bezout-type upper bound 4")


@pytest.mark.parametrize("equations, fragment", [
    ([[[[2, 0], "1"], [[0, 2], "1"], [[0, 0], "-2"]]], "Krawczyk"),              # radius √2
    ([[[[2, 0], "2"], [[0, 2], "2"], [[0, 0], "-2"]]], "Krawczyk"),              # same X, other λ
    ([[[[2, 0], "1"], [[0, 2], "-1"], [[0, 0], "-1"]]], "Krawczyk"),             # a hyperbola
    ([[[[1, 0], "1"], [[0, 0], "-1"]]], "exceeds the Bezout-type upper bound 1"),  # the line x = 1
    ([[[[0, 0], "5"]]], "claim.equations[0] is a constant"),
    ([[]], "claim.equations[0] is a constant"),                                  # the zero polynomial
    ([], "between 1 and 2 equations"),
    ([[[[2, 0], "1"]], [[[0, 2], "1"]], [[[1, 1], "1"]]], "between 1 and 2 equations"),
    ([[[[2, 0], "1"], [[2, 0], "1"]]], "repeats the monomial [2, 0]"),
    ([[[[2, 0], "0"]]], "has coefficient 0"),
    ([[[[2, 0, 0], "1"]]], "claim.equations[0][0][0]"),
    ([[[[101, 0], "1"]]], "claim.equations[0][0][0][0] must be an integer"),
    ([[[[60, 60], "1"]]], "has total degree 120"),
    ([[[[-1, 0], "1"]]], "claim.equations[0][0][0][0] must be an integer"),
])
def test_changed_equations_are_rejected(equations, fragment):
    cert = _fresh()
    cert["claim"]["equations"] = equations
    _rejected(cert, fragment)


def test_a_second_equation_changes_the_system_the_boxes_must_solve():
    cert = _fresh()
    cert["claim"]["equations"].append([[[1, 0], "1"], [[0, 1], "-1"]])  # the points x = y of the circle
    _rejected(cert, "data.boxes[0].centre must")


@pytest.mark.parametrize("field, value, fragment", [
    ("u", ["3", "5"], "Krawczyk"),
    ("u", ["3"], "claim.u"),
    ("u", ["3", "4", "5"], "claim.u"),
    ("Q", [["1", "0"], ["0", "2"]], "Krawczyk"),
    ("Q", [["1", "2"], ["2", "1"]], "positive definite"),
    ("Q", [["1", "1"], ["0", "1"]], "symmetric"),
    ("Q", [["0", "0"], ["0", "0"]], "positive definite"),
    ("Q", [["1"]], "claim.Q"),
    ("variables", ["x"], "claim.Q must have 1 entries, found 2"),
    ("variables", ["x", "y", "z"], "claim.Q must have 3 entries, found 2"),
    ("variables", ["x", "x"], "claim.variables repeats a name"),
    ("variables", ["x", ""], "every name is a non-empty string"),
    ("variables", [], "claim.variables must name at least 1 variable"),
    ("variables", "xy", "claim.variables must be"),
])
def test_changed_claims_are_rejected(field, value, fragment):
    cert = _fresh()
    cert["claim"][field] = value
    _rejected(cert, fragment)


# --------------------------------------------------------------------------- malformed entries


GARBAGE = [None, True, 0.5, float("nan"), "abc", "1.5", "1e3", " 1", "", "0x10", "1/0", "1/-2", "--1",
           "½", {}, {"re": "1"}, [], ["1"], ["1", "0", "0"]]


@pytest.mark.parametrize("value", GARBAGE, ids=repr)
@pytest.mark.parametrize("where", ["centre entry", "centre pair", "radius", "preconditioner entry",
                                   "preconditioner row", "u entry", "Q entry", "coefficient", "exponent",
                                   "bound"])
def test_garbage_in_any_entry_is_rejected(where, value):
    cert = _fresh()
    box = cert["data"]["boxes"][0]
    claim = cert["claim"]
    if where == "centre entry":
        box["centre"][1][0] = value
    elif where == "centre pair":
        box["centre"][1] = value
    elif where == "radius":
        box["radius"] = value
    elif where == "preconditioner entry":
        box["preconditioner"][2][1][1] = value
    elif where == "preconditioner row":
        box["preconditioner"][2] = value
    elif where == "u entry":
        claim["u"][0] = value
    elif where == "Q entry":
        claim["Q"][0][0] = value
    elif where == "coefficient":
        claim["equations"][0][1][1] = value
    elif where == "exponent":
        claim["equations"][0][1][0][1] = value
    else:
        claim["ed_degree_at_least"] = value
    _rejected(cert)


@pytest.mark.parametrize("field, value, fragment", [
    ("radius", "0", "data.boxes[0].radius must be positive"),
    ("radius", "-1/2", "data.boxes[0].radius must be positive"),
    ("radius", "1/" + "9" * 1999, "Krawczyk"),              # tiny: below the checker's 2^-240 grid
    ("radius", "9" * 1999, "Krawczyk"),                     # huge: holds every root
    ("radius", "1/" + "9" * 2001, "data.boxes[0].radius must be an integer or a string"),
    ("centre", [["1", "0"]], "data.boxes[0].centre must"),
    ("centre", [["1", "0"]] * 4, "data.boxes[0].centre must"),
    ("preconditioner", [], "data.boxes[0].preconditioner must"),
    ("preconditioner", [[["1", "0"]] * 3] * 2, "data.boxes[0].preconditioner must"),
    ("preconditioner", [[["1", "0"]] * 2] * 3, "data.boxes[0].preconditioner[0] must"),
    ("preconditioner", [[["0", "0"]] * 3] * 3, "Krawczyk"),  # Y = 0: K(B) = B is not inside B
])
def test_malformed_boxes_are_rejected(field, value, fragment):
    cert = _fresh()
    cert["data"]["boxes"][0][field] = value
    _rejected(cert, fragment)


def test_huge_numbers_are_refused_or_disproved_quickly():
    big = "9" * 2000
    for value in (big, "-" + big, f"{big}/{'7' * 2000}", "1" + "0" * 1999):
        cert = _fresh()
        cert["data"]["boxes"][0]["centre"][0][0] = value
        _rejected(cert, "Krawczyk")
        cert = _fresh()
        cert["claim"]["u"][1] = value
        _rejected(cert)
    for value in ("9" * 2001, 10**2100, -(10**5000)):
        cert = _fresh()
        cert["data"]["boxes"][0]["preconditioner"][0][0][0] = value
        _rejected(cert, "data.boxes[0].preconditioner[0][0][0]")
    cert = _fresh()
    cert["claim"]["ed_degree_at_least"] = 10**100
    _rejected(cert, "claim.ed_degree_at_least must be an integer")


def test_too_many_boxes_and_too_many_equations_are_refused():
    cert = _fresh()
    cert["data"]["boxes"] = [cert["data"]["boxes"][0]] * (check_intervals.MAX_BOXES + 1)
    cert["claim"]["ed_degree_at_least"] = check_intervals.MAX_BOXES
    _rejected(cert, "data.boxes")
    cert = _fresh()
    n = check_intervals.MAX_CODIMENSION + 1
    cert["claim"]["variables"] = [f"x{i}" for i in range(n)]
    cert["claim"]["equations"] = [[[[int(i == j) for j in range(n)], "1"]] for i in range(n)]
    cert["claim"]["Q"] = [[int(i == j) for j in range(n)] for i in range(n)]
    cert["claim"]["u"] = [0] * n
    _rejected(cert, "claim.equations")


@pytest.mark.parametrize("section, key", [
    ("claim", "variables"), ("claim", "equations"), ("claim", "Q"), ("claim", "u"),
    ("claim", "ed_degree_at_least"), ("data", "boxes"),
])
def test_missing_field_rejected(section, key):
    cert = _fresh()
    del cert[section][key]
    _rejected(cert, f"{section} is missing the field {key!r}")


@pytest.mark.parametrize("key", ["centre", "radius", "preconditioner"])
def test_missing_box_field_rejected(key):
    cert = _fresh()
    del cert["data"]["boxes"][1][key]
    _rejected(cert, f"data.boxes[1] is missing the field {key!r}")


def test_unknown_fields_and_wrong_containers_rejected():
    cases = [
        (("claim", "exact"), True, "claim has an unknown field 'exact'"),
        (("data", "real"), [True, True], "data has an unknown field 'real'"),
        (("data", "boxes", 0, "real"), True, "data.boxes[0] has an unknown field 'real'"),
        (("data", "boxes"), {"0": {}}, "data.boxes must be"),
        (("data", "boxes", 0), ["centre", "radius"], "data.boxes[0] must be"),
        (("data", "boxes", 0, "centre"), "0, 0, 0", "data.boxes[0].centre must be"),
        (("claim", "equations"), "x^2 + y^2 - 1", "claim.equations must be"),
        (("claim", "Q"), "identity", "claim.Q"),
    ]
    for path, value, fragment in cases:
        cert = _fresh()
        target = cert
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        _rejected(cert, fragment)
    for section in ("claim", "data"):
        for value in ([], "boxes", None, 2):
            cert = _fresh()
            cert[section] = value
            _rejected(cert, f"missing or malformed {section!r} section")


def test_deeply_nested_and_self_containing_junk_is_rejected():
    deep: list = ["1", "0"]
    for _ in range(5000):
        deep = [deep]
    cert = _fresh()
    cert["data"]["boxes"][0]["centre"][0] = deep
    _rejected(cert)
    text = json.dumps(_fresh()).replace('["-2", "0"]', "[" * 100_000 + '"-2", "0"' + "]" * 100_000)
    assert verify(text).status == "rejected"  # the JSON reader's own depth limit, not an exception
    cert = _fresh()
    box = cert["data"]["boxes"][0]
    box["preconditioner"][0][0] = box  # a box that contains itself
    _rejected(cert)
    cert = _fresh()
    cert["claim"]["equations"][0][0] = [[2, 0], ["1", ["0", ["0", ["0"]]]]]
    _rejected(cert, "claim.equations[0][0][1]")


# --------------------------------------------------------------------------- any single alteration


def _leaves(value, path=()):
    """Paths of every scalar entry (rationals, exponents, the bound) of a claim or data section."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for k, item in enumerate(value):
            yield from _leaves(item, (*path, k))
    else:
        yield path


NOT_A_NUMBER = st.one_of(
    st.none(), st.booleans(), st.floats(allow_nan=True), st.dictionaries(st.text(max_size=3), st.integers()),
    st.lists(st.integers(), max_size=3),
    st.sampled_from(["1.5", "1e3", " 1", "", "0x10", "1/0", "--1", "½", "inf", "1 / 2", "x", "١"]),
)


@SETTINGS
@given(st.sampled_from(["identity", "ellipse"]), st.data(), NOT_A_NUMBER)
def test_any_numeric_entry_replaced_by_junk_is_rejected(form, data, junk):
    cert = _fresh(form)
    section = data.draw(st.sampled_from(["claim", "data"]))
    paths = [p for p in _leaves(cert[section]) if p[0] != "variables"]
    path = data.draw(st.sampled_from(paths))
    target = cert[section]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = junk
    _rejected(cert)

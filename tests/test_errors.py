"""Typed refusals: sizes that would not finish, or would abort inside flint, raise TooLarge up front.

Each refusal is checked to come before any large allocation (the flint constructor that would
allocate is replaced by one that fails the test) and within a small counted budget of Python
function calls (never a measured time).
"""

from __future__ import annotations

import sys

import pytest

from exactgeom import _exact
from exactgeom.errors import Inconclusive, MissingOptional, TooLarge

CALL_BUDGET = 20_000


def _refusal(fn, *args, **kwargs) -> TooLarge:
    """The TooLarge raised by fn(*args), after counting the Python calls it made on the way."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(count)
    try:
        fn(*args, **kwargs)
    except TooLarge as exc:
        refusal = exc
    else:
        raise AssertionError(f"{fn.__name__}{args} was not refused")
    finally:
        sys.setprofile(None)
    assert calls < CALL_BUDGET, f"the refusal took {calls} Python calls"
    assert refusal.estimate > refusal.limit and refusal.unit
    shown = f"{refusal.estimate / 1e9:.2g} GB" if refusal.unit == "bytes" else str(refusal.estimate)
    assert shown in str(refusal), (shown, str(refusal))   # the message carries the estimate
    return refusal


def test_the_exception_types():
    err = TooLarge("too big", estimate=10, limit=5, unit="flats")
    assert isinstance(err, ValueError) and (err.estimate, err.limit, err.unit) == (10, 5, "flats")
    assert issubclass(Inconclusive, RuntimeError) and issubclass(MissingOptional, ImportError)


def test_refuse_above_memory_reports_the_estimate():
    with pytest.raises(TooLarge, match=r"about 5\.4 GB") as info:
        _exact.refuse_above_memory(5 * 2**30, "a matrix")
    assert info.value.estimate == 5 * 2**30 and info.value.limit == _exact.MEMORY_LIMIT
    _exact.refuse_above_memory(_exact.MEMORY_LIMIT, "a matrix at the limit")


@pytest.fixture
def no_flint_polynomials(monkeypatch):
    """Polynomial rings cannot be created: a refusal must come before flint allocates anything."""
    from exactgeom.neuro import models

    class Forbidden:
        @staticmethod
        def get(*args, **kwargs):
            raise AssertionError("a flint polynomial ring was created before the size was checked")

    monkeypatch.setattr(models.flint, "fmpq_mpoly_ctx", Forbidden)


@pytest.mark.parametrize("activation", [5, "t**5"])
def test_huge_polynomial_mlp_is_refused_before_flint(no_flint_polynomials, activation):
    from exactgeom.neuro import PolynomialMLP

    # one hidden neuron alone: (sum of 50 terms)^5 has C(54, 5) = 3,162,510 terms in 5050 variables
    err = _refusal(PolynomialMLP, (50, 50, 50), activation)
    assert err.unit == "bytes" and err.estimate > 50 * 3_162_510 * 5000
    assert "PolynomialMLP(50, 50, 50)" in str(err)


def test_other_huge_architectures_are_refused_before_flint(no_flint_polynomials):
    from exactgeom.neuro import LightningAttention, LinearNetwork, PolynomialCNN

    _refusal(LinearNetwork, (30, 30, 30, 30, 30, 30))        # 30^5 terms per output
    _refusal(PolynomialCNN, (8, 8, 8, 8), (1, 1, 1, 1), 4)
    _refusal(LightningAttention, 60, 40, 60, 60)


def test_small_models_are_not_refused():
    from exactgeom.neuro import LinearNetwork, PolynomialMLP

    assert PolynomialMLP((2, 2, 1), 3).ambient_dimension() == 4
    assert LinearNetwork((2, 1, 2)).ambient_dimension() == 4


def test_conservation_law_system_is_refused_before_the_matrix(monkeypatch):
    from exactgeom.dynamics import conserved_polynomials, laws, linear_network

    def forbidden(*args):
        raise AssertionError("the dense matrix was allocated before the size was checked")

    model = linear_network((3, 3, 3))
    monkeypatch.setattr(_exact, "MEMORY_LIMIT", 10**5)
    monkeypatch.setattr(laws.flint, "fmpq_mat", forbidden)
    err = _refusal(conserved_polynomials, model)
    # 18 parameters: C(20, 2) - 1 = 189 unknowns, one column each; 16 bytes an entry, twice
    assert "× 189 rational matrix" in str(err) and err.estimate % (32 * 189) == 0


def test_conservation_law_degree_limit_is_typed():
    from exactgeom.dynamics import conserved_polynomials, linear_network

    with pytest.raises(TooLarge, match="unknown coefficients") as info:
        conserved_polynomials(linear_network((3, 3, 3)), degree=6)   # C(24, 6) - 1 = 134595 unknowns
    assert info.value.estimate == 134595 and info.value.unit == "unknown coefficients"


def test_lie_brackets_are_refused_when_they_outgrow_the_budget(monkeypatch):
    from exactgeom.dynamics import lie_algebra_trace, linear_network

    model = linear_network((2, 2, 2))
    # the 4 gradients have 16 terms (4352 bytes at 8 * 9 + 200 a term); the brackets exceed 6000
    monkeypatch.setattr(_exact, "MEMORY_LIMIT", 6000)
    with pytest.raises(TooLarge, match="Lie algebra") as info:
        lie_algebra_trace(model, [tuple(range(1, 9))], max_depth=6)
    assert info.value.unit == "bytes" and info.value.estimate > 6000
    assert "bracket depth 1" in str(info.value)


@pytest.mark.slow
def test_the_referees_conservation_law_case_is_refused(monkeypatch):
    from exactgeom.dynamics import conservation_laws, laws, linear_network

    def forbidden(*args):
        raise AssertionError("the dense matrix was allocated before the size was checked")

    monkeypatch.setattr(laws.flint, "fmpq_mat", forbidden)
    with pytest.raises(TooLarge, match="29160 × 2700") as info:   # flint used to abort here
        conservation_laws(linear_network((6, 6, 6)))
    assert info.value.estimate == 32 * 29160 * 2700


def test_exterior_power_too_large():
    from exactgeom import wedge

    err = _refusal(wedge.basis, 60, 30)
    assert err.unit == "coordinates" and err.limit == wedge.MAX_COORDINATES
    assert len(wedge.basis(10, 5)) == 252


def test_implicit_equation_monomials_are_counted_not_listed():
    from exactgeom.neuro import LinearNetwork
    from exactgeom.neuro.implicit import implicit_equations

    # 100 coordinates, degree <= 6 homogeneous: C(105, 6) ~ 1.6e9 monomials, refused from the count
    err = _refusal(implicit_equations, LinearNetwork((10, 1, 10)), 6)
    assert err.unit == "monomials" and err.estimate == 1_609_344_100


def test_flat_engine_refusals_are_typed(monkeypatch):
    from exactgeom.arrangements import _flat_engine, lattice
    from exactgeom.library import threshold

    with pytest.raises(TooLarge, match="would not finish") as info:
        _flat_engine._check_size([1, 1000, 400_000, 10**8], 1000, 6, "python", True)
    assert info.value.estimate > info.value.limit
    monkeypatch.setattr(_flat_engine, "_MAX_COVERS", 10)
    lattice._whitney_first_kind.cache_clear()
    with pytest.raises(TooLarge, match="too large to hold in memory") as info:
        lattice.intersection_lattice(threshold(3))
    assert info.value.unit == "covers"
    lattice._whitney_first_kind.cache_clear()


def test_region_and_face_limits_are_typed():
    from exactgeom.library import braid

    with pytest.raises(TooLarge, match="limit=3 regions") as info:
        braid(3).region_adjacency_graph(limit=3)
    assert (info.value.estimate, info.value.limit, info.value.unit) == (4, 3, "regions")
    with pytest.raises(TooLarge, match="limit=5 faces"):
        braid(3).face_poset(limit=5)

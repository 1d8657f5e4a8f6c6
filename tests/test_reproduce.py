"""The figure table: structure, statuses, and the cheap figures against their published values."""

from __future__ import annotations

from math import comb

import pytest

from exactgeom import reproduce
from exactgeom.reproduce import FIGURES, Figure, run, run_figure, select


def test_figure_ids_unique_and_described():
    ids = [f.id for f in FIGURES]
    assert len(ids) == len(set(ids))
    for f in FIGURES:
        assert f.tier in reproduce.TIERS
        assert f.description and f.source


def test_quick_tier_is_a_subset_of_default_and_full():
    quick, default, full = (set(f.id for f in select(tier=t)) for t in reproduce.TIERS)
    assert quick < default < full == {f.id for f in FIGURES}


def test_expected_values_are_the_published_ones():
    by_id = {f.id: f for f in FIGURES}
    assert by_id["threshold-counts"].expected == [2, 4, 14, 104, 1882]  # OEIS A000609
    assert by_id["hopfield-2x2"].expected == {"realizable": 196, "not realizable": 60}  # 14^2, 256 - 196
    assert by_id["cover-counts"].expected["central d=3, N=1..8"] == [2, 4, 8, 14, 22, 32, 44, 58]
    assert by_id["ed-lightning"].expected == 14


@pytest.mark.parametrize(
    "figure_id", ["threshold-counts", "threshold-chi", "cover-counts", "deformations-of-braid"]
)
def test_cheap_figures_reproduce_with_proved_certificates(figure_id, tmp_path):
    from exactgeom.certificates import verify

    (result,) = run(select(only=[figure_id]), tmp_path)
    assert result.status == "ok", result.message
    assert result.files and all(p.endswith(".json") for p in result.files)
    assert result.certificates == f"proved ({len(result.files)})"
    assert result.verdicts == {"proved": len(result.files)}
    assert all(verify(p).status == "proved" for p in result.files)   # re-checked from the files


def test_cover_counts_are_cover_formula():
    (result,) = run(select(only=["cover-counts"]), None)
    assert result.computed["central d=3, N=1..8"] == [
        2 * sum(comb(N - 1, k) for k in range(3)) for N in range(1, 9)
    ]


def _raises(exc):
    def compute():
        raise exc

    return compute


def test_missing_optional_engine_is_unavailable_not_failed():
    from exactgeom.errors import MissingOptional

    figure = Figure("x", "d", "s", 1, _raises(MissingOptional("needs msolve: pip install ...")))
    result = run_figure(figure)
    assert result.status == "unavailable" and not result.failed and "msolve" in result.message


@pytest.mark.parametrize(
    "exc", [AttributeError("module has no attribute 'typo'"), ImportError("no module named exactgeom.x"),
            NotImplementedError("later")]
)
def test_other_exceptions_are_errors_not_unavailable(exc):
    result = run_figure(Figure("x", "d", "s", 1, _raises(exc)))
    assert result.status == "ERROR" and result.failed and type(exc).__name__ in result.message


def test_certificate_producer_errors_fail_and_missing_engines_do_not():
    from exactgeom.errors import MissingOptional

    typo = run_figure(Figure("x", "d", "s", 2, lambda: 2, _raises(AttributeError("typo"))))
    assert typo.status == "ok" and typo.failed and typo.certificates.startswith("FAILED")
    missing = run_figure(Figure("x", "d", "s", 2, lambda: 2, _raises(MissingOptional("no msolve"))))
    assert missing.certificates == "unavailable" and not missing.failed


def test_consistent_certificates_are_never_reported_as_proved(tmp_path):
    from exactgeom.certificates import verify

    (result,) = run(select(only=["ed-circle"]), tmp_path)
    assert result.status == "ok"
    # ED degrees modulo primes: the evidence checks, the degree itself is not re-derived
    assert [verify(p).status for p in result.files] == ["consistent", "consistent"]
    assert result.certificates == "consistent (2)" and result.verdicts == {"consistent": 2}
    assert "proved" not in result.certificates and "verified" not in result.certificates
    assert "not re-derived" in result.message and not result.failed


def test_mixed_verdicts_are_counted_separately(monkeypatch):
    from exactgeom import certificates
    from exactgeom.certificates import Verification

    answers = iter([Verification("proved", "k", "m"), Verification("consistent", "k", "only mod p")])
    monkeypatch.setattr(certificates, "verify", lambda cert: next(answers))
    result = run_figure(Figure("x", "d", "s", 1, lambda: 1, lambda: [("a", {}), ("b", {})]))
    assert result.certificates == "proved (1), consistent (1)" and "only mod p" in result.message


def test_crash_is_an_error_and_a_failure():
    result = run_figure(Figure("x", "d", "s", 1, _raises(ZeroDivisionError("boom"))))
    assert result.status == "ERROR" and result.failed and "boom" in result.message


def test_mismatch_is_a_failure():
    result = run_figure(Figure("x", "d", "s", 1, lambda: 2))
    assert result.status == "MISMATCH" and result.failed


def test_bad_certificate_is_a_failure(tmp_path):
    from exactgeom import library
    from exactgeom.arrangements.certify import region_count_certificate

    def lying():
        cert = region_count_certificate(library.braid(3))
        cert["claim"]["regions"] = 7
        return [("braid3", cert)]

    result = run_figure(Figure("x", "d", "s", 6, lambda: library.braid(3).num_regions(), lying), tmp_path)
    assert result.status == "ok"
    assert result.certificates.startswith("FAILED") and result.failed


def test_pilanci_neurons_are_the_rotated_samples():
    # ⋆e1 = e2 and ⋆e2 = −e1 (conventions.md), so the neuron of the sample (a, b) is (−b, a), up to sign;
    # the paper's text gives e1 − e2, 2e1, e2, −e1 for the samples (1, 1), (0, 2), (1, 0), (0, 1)
    (result,) = run(select(only=["pilanci-neurons"]), None)
    assert result.status == "ok" and not result.failed
    samples = [(1, 1), (0, 2), (1, 0), (0, 1)]
    assert [sorted([[-b, a], [b, -a]]) for a, b in samples] == [
        sorted([w, [-v for v in w]]) for w in result.computed
    ]
    assert result.expected == result.computed


def test_former_id_of_pilanci_neurons_still_selects_it_with_a_warning():
    with pytest.warns(FutureWarning, match="'seed002-neurons' is now 'pilanci-neurons'"):
        figures = select(only=["cover-counts", "seed002-neurons"])
    assert [f.id for f in figures] == ["cover-counts", "pilanci-neurons"]
    assert "seed002-neurons" not in {f.id for f in FIGURES}


def test_select_rejects_unknown_tier():
    with pytest.raises(ValueError, match="tier"):
        select(tier="everything")


@pytest.mark.parametrize(
    "exc, code, status",
    [
        (AttributeError("module 'exactgeom.networks' has no attribute 'HopfieldNetwrok'"), 1, "ERROR"),
        ("missing", 0, "unavailable"),
    ],
)
def test_command_exit_code_separates_crashes_from_missing_engines(monkeypatch, capsys, exc, code, status):
    """A typo inside a real figure fails ``exactgeom reproduce``; only MissingOptional is 'unavailable'."""
    import json
    from dataclasses import replace

    from exactgeom.cli import main
    from exactgeom.errors import MissingOptional

    if exc == "missing":
        exc = MissingOptional("needs msolve: pip install exactgeom[msolve]")
    broken = replace(select(only=["cover-counts"])[0], compute=_raises(exc))
    monkeypatch.setattr(reproduce, "FIGURES", (broken,))
    assert main(["reproduce", "--only", "cover-counts", "--no-certificates", "--json"]) == code
    summary = json.loads(capsys.readouterr().out)
    assert summary["counts"][status] == 1 and sum(summary["counts"].values()) == 1
    assert summary["failed"] == (["cover-counts"] if code else [])
    assert summary["figures"][0]["status"] == status

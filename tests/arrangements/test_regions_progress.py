"""Progress totals for regions and faces, and interruptions that keep what was found."""

from __future__ import annotations

import re

import pytest

import exactgeom as eg
from exactgeom import Arrangement
from exactgeom._progress import progress_bar
from exactgeom.arrangements import faces as faces_module
from exactgeom.arrangements import regions as regions_module
from exactgeom.arrangements.lattice import _whitney_first_kind
from exactgeom.errors import TooLarge
from exactgeom.library import braid, generic, shi, threshold


@pytest.fixture
def totals(monkeypatch):
    """The ``total`` each progress bar of regions() / faces() was opened with."""
    seen = []

    def recording(enabled, total=None, desc="", unit="it", limit=None):
        if desc in ("regions", "faces"):
            seen.append((desc, total))
        return progress_bar(enabled, total=total, desc=desc, unit=unit, limit=limit)

    monkeypatch.setattr(regions_module, "progress_bar", recording)
    monkeypatch.setattr(faces_module, "progress_bar", recording)
    return seen


def _interrupt_after(monkeypatch, module, name, k):
    """Make ``module.name`` raise KeyboardInterrupt on its (k + 1)-th call, as Ctrl-C would."""
    original = getattr(module, name)
    calls = [0]

    def step(*args, **kwargs):
        calls[0] += 1
        if calls[0] > k:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, step)


# -- totals ---------------------------------------------------------------------------------------


def test_region_bar_total_is_zaslavskys_count(totals):
    # the bar's total comes from χ; the enumeration counts the regions independently
    found = list(threshold(3).regions(progress=True))
    assert totals == [("regions", 104)] and len(found) == 104


def test_region_bar_total_for_an_affine_arrangement(totals):
    A = shi(3)                                       # (n + 1)^(n - 1) = 16 regions
    assert sum(1 for _ in A.regions(progress=True)) == 16 and totals == [("regions", 16)]


def test_no_total_beyond_the_counted_budget(totals, monkeypatch):
    _whitney_first_kind.cache_clear()
    plain = Arrangement(threshold(3).normals)                          # T_3 without its family's group
    monkeypatch.setattr(regions_module, "_TOTAL_BUDGET_ROWS", 20)      # fewer rows than T_3 needs
    assert regions_module._region_total(plain) is None
    assert sum(1 for _ in plain.regions(progress=True)) == 104
    assert totals == [("regions", None)]
    monkeypatch.setattr(regions_module, "_TOTAL_BUDGET_ROWS", 10**6)
    assert regions_module._region_total(plain) == 104


def test_a_family_total_beyond_the_budget_comes_from_its_group(totals, monkeypatch):
    _whitney_first_kind.cache_clear()
    monkeypatch.setattr(regions_module, "_TOTAL_BUDGET_ROWS", 20)
    assert regions_module._region_total(threshold(3)) == 104           # A000609, by orbits
    assert sum(1 for _ in threshold(3).regions(progress=True)) == 104 and totals == [("regions", 104)]


def test_interrupt_while_the_table_is_built_names_the_hyperplanes(monkeypatch):
    from exactgeom.arrangements import _incremental

    _interrupt_after(monkeypatch, _incremental, "_lifted", 3)
    with pytest.raises(KeyboardInterrupt) as caught:
        list(threshold(3).regions(progress=True))
    (note,) = caught.value.__notes__
    assert re.fullmatch(r"interrupted after [0-3] of 8 hyperplanes \(table of regions\)", note), note


def test_without_progress_no_total_is_computed(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("χ computed although no bar was asked for")

    monkeypatch.setattr(regions_module, "_whitney_first_kind", fail)
    assert sum(1 for _ in braid(4).regions()) == 24


@pytest.mark.parametrize("A", [braid(4), shi(3), generic(5, 2, seed=1), threshold(2),
                               Arrangement([[1, 0], [0, 1], [1, 1]], offsets=[0, 0, 1]),
                               Arrangement([[1, 0, 0], [0, 1, 0]])], ids=repr)
def test_face_total_matches_the_enumeration(A):
    # Zaslavsky's Σ_X Σ_{Y >= X} |μ(X, Y)| against the faces the search tree finds
    assert faces_module._face_total(A) == sum(1 for _ in A.faces())


def test_face_bar_total_and_budget(totals, monkeypatch):
    assert sum(braid(4).f_vector(progress=True)) == 75 and totals == [("faces", 75)]
    monkeypatch.setattr(faces_module, "_TOTAL_BUDGET_TESTS", 16)       # 4 flats at most
    assert faces_module._face_total(braid(4)) is None
    assert faces_module._face_total(Arrangement([[1, 0]])) == 3


def test_face_total_of_the_empty_arrangement():
    assert faces_module._face_total(Arrangement([], dimension=2)) == 1


def test_bar_limit_is_a_counted_budget():
    bar = progress_bar(False, unit="flats", limit=5)
    bar.update(5)
    with pytest.raises(TooLarge) as caught:
        bar.update(1)
    assert (caught.value.estimate, caught.value.limit, caught.value.unit) == (6, 5, "flats")


# -- interruption ---------------------------------------------------------------------------------


def test_collect_keeps_the_regions_found(monkeypatch):
    expected = [R.sign_vector for R in threshold(3).regions()]
    _interrupt_after(monkeypatch, regions_module, "_region", 37)
    found = eg.collect(threshold(3).regions(progress=True), on_interrupt="return")
    assert found.partial and len(found) == 37
    assert found.note == "interrupted after 37 of 104 regions"
    assert [R.sign_vector for R in found] == expected[:37]
    assert "partial=True" in repr(found)


def test_plain_list_keeps_the_note(monkeypatch):
    _interrupt_after(monkeypatch, regions_module, "_region", 5)
    with pytest.raises(KeyboardInterrupt) as caught:
        list(threshold(3).regions(progress=True))
    assert caught.value.__notes__ == ["interrupted after 5 of 104 regions"]


def test_plain_list_without_progress_has_a_note_without_total(monkeypatch):
    _interrupt_after(monkeypatch, regions_module, "_region", 5)
    with pytest.raises(KeyboardInterrupt) as caught:
        list(threshold(3).regions())
    assert caught.value.__notes__ == ["interrupted after 5 regions"]


def test_collect_raise_propagates_with_the_note(monkeypatch):
    _interrupt_after(monkeypatch, regions_module, "_region", 3)
    with pytest.raises(KeyboardInterrupt) as caught:
        eg.collect(braid(3).regions())
    assert caught.value.__notes__ == ["interrupted after 3 regions"]


def test_count_returns_the_count_so_far(monkeypatch):
    _interrupt_after(monkeypatch, faces_module, "_face", 10)
    n = eg.count(braid(4).faces(progress=True), on_interrupt="return")
    assert (int(n), n.partial, n.note) == (10, True, "interrupted after 10 of 75 faces")
    assert n + 0 == 10 and type(n + 0) is int


def test_complete_results_are_plain():
    regions = eg.collect(braid(3).regions(), on_interrupt="return")
    n = eg.count(braid(3).regions(), on_interrupt="return")
    assert (len(regions), regions.partial, regions.note) == (6, False, None)
    assert repr(eg.collect([1])) == repr([1])
    assert (n, n.partial, n.note, repr(n)) == (6, False, None, "6")


def test_interrupt_from_a_plain_iterator_is_counted():
    class Stream:
        def __init__(self):
            self.k = 0

        def __iter__(self):
            return self

        def __next__(self):
            self.k += 1
            if self.k > 4:
                raise KeyboardInterrupt
            return self.k

    found = eg.collect(Stream(), on_interrupt="return")
    assert (found, found.partial, found.note) == ([1, 2, 3, 4], True, "interrupted after 4 items")


def test_on_interrupt_is_checked():
    with pytest.raises(ValueError, match='"raise" or "return"'):
        eg.collect([], on_interrupt="ignore")
    with pytest.raises(ValueError, match='"raise" or "return"'):
        eg.count([], on_interrupt=None)

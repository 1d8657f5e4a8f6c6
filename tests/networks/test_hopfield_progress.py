"""Hopfield counts: a bar counting the maps, and Ctrl-C notes / partial counts."""

from __future__ import annotations

import pytest

import exactgeom as eg
from exactgeom.networks import HopfieldNetwork


def _interrupt_after(monkeypatch, k, method="realizable_functions"):
    """Ctrl-C inside ``method`` (a generator of maps) while the (k + 1)-th map is being found."""
    original = getattr(HopfieldNetwork, method)

    def interrupted(self, *, progress=False, executor=None):
        for i, item in enumerate(original(self, progress=progress, executor=executor)):
            if i == k:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(HopfieldNetwork, method, interrupted)


def test_count_with_progress_gives_the_count(capsys):
    assert HopfieldNetwork(2, update="sequential").num_realizable(progress=True) == 108


def test_interrupted_count_says_how_many_maps(monkeypatch):
    _interrupt_after(monkeypatch, 17, "_distinct_maps")      # the enumeration behind num_realizable
    with pytest.raises(KeyboardInterrupt) as caught:
        HopfieldNetwork(2, iterations=2).num_realizable(progress=True)
    assert caught.value.__notes__ == ["interrupted after 17 maps (realizable maps)"]


def test_partial_count_with_count(monkeypatch):
    _interrupt_after(monkeypatch, 17)
    n = eg.count(HopfieldNetwork(2, iterations=2).realizable_functions(), on_interrupt="return")
    assert (int(n), n.partial, n.note) == (17, True, "interrupted after 17 items")

"""Collect or count a long stream, keeping what was found when Ctrl-C stops it.

``list(A.regions())`` loses every region found so far when it is interrupted;
``collect(A.regions(), on_interrupt="return")`` returns them instead, as a list
that knows it is partial and says how far the enumeration got.  ``count`` does
the same for counts, without keeping the items.

The note is the one the enumeration attached to its :class:`KeyboardInterrupt`
(the package's generators say "interrupted after 137 of 1882 regions", the
total when a progress bar knew it), else one saying how many items arrived.

Examples
--------
>>> def stream():
...     yield from (1, 2, 3)
...     raise KeyboardInterrupt          # stands for Ctrl-C during the fourth item
>>> found = collect(stream(), on_interrupt="return")
>>> found, found.partial, found.note
(Collected([1, 2, 3], partial=True, note='interrupted after 3 items'), True, 'interrupted after 3 items')
>>> collect(iter("ab"))
['a', 'b']
>>> n = count(stream(), on_interrupt="return")
>>> n, n + 1, n.partial
(Count(3, partial=True, note='interrupted after 3 items'), 4, True)
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["collect", "count", "Collected", "Count"]

_CHOICES = ("raise", "return")


class _PartialResult:
    """``partial`` and ``note`` of a result that an interrupt may have cut short."""

    _partial: bool
    _note: str | None

    @property
    def partial(self) -> bool:
        """Whether the stream stopped before its end."""
        return self._partial

    @property
    def note(self) -> str | None:
        """How far an interrupted stream got (None when complete)."""
        return self._note

    def __repr__(self) -> str:
        plain = self._plain_repr()
        if not self._partial:
            return plain
        return f"{type(self).__name__}({plain}, partial=True, note={self._note!r})"


class Collected(_PartialResult, list):
    """A list of collected items with ``partial`` (bool) and ``note`` (str or None).

    ``partial`` is true when the collection was interrupted; ``note`` then says how
    far it got.  A complete result prints as a plain list.

    Examples
    --------
    >>> Collected([1, 2]), Collected([1], partial=True, note="interrupted after 1 items")
    ([1, 2], Collected([1], partial=True, note='interrupted after 1 items'))
    """

    def __init__(self, items: Iterable = (), *, partial: bool = False, note: str | None = None):
        super().__init__(items)
        self._partial, self._note = bool(partial), note

    _plain_repr = list.__repr__


class Count(_PartialResult, int):
    """An int with ``partial`` and ``note``, as :class:`Collected`; arithmetic gives plain ints.

    Examples
    --------
    >>> Count(5), Count(2, partial=True, note="interrupted after 2 items").partial
    (5, True)
    """

    def __new__(cls, value: int, *, partial: bool = False, note: str | None = None):
        self = super().__new__(cls, value)
        self._partial, self._note = bool(partial), note
        return self

    def _plain_repr(self) -> str:
        return repr(int(self))


def _check(on_interrupt: str) -> None:
    if on_interrupt not in _CHOICES:
        raise ValueError(f'on_interrupt must be "raise" or "return", not {on_interrupt!r}')


def _note(exc: KeyboardInterrupt, n: int) -> str:
    """The enumeration's own note (innermost first, as attached), else the number of items that arrived."""
    notes = [note for note in getattr(exc, "__notes__", ()) if note.startswith("interrupted")]
    return "; ".join(notes) if notes else f"interrupted after {n} items"


def _close(iterator) -> None:
    """Close a generator left suspended (Ctrl-C outside it), so that its progress bar closes."""
    close = getattr(iterator, "close", None)
    if close is not None:
        close()


def collect(iterable: Iterable, *, on_interrupt: str = "raise") -> Collected:
    """The items of ``iterable`` as a list; with ``on_interrupt="return"`` Ctrl-C keeps those found.

    Parameters
    ----------
    iterable : iterable
        Typically a generator of the package: ``A.regions()``, ``A.faces()``,
        ``net.realizable_functions()``.
    on_interrupt : {"raise", "return"}, optional
        ``"raise"`` (default): a :class:`KeyboardInterrupt` propagates, with a note of
        how many items had arrived when the stream had attached none.
        ``"return"``: it is caught and the items found are returned with
        ``partial=True`` and the note.

    Returns
    -------
    Collected
        A list; ``.partial`` and ``.note`` say whether and where it stopped.

    Examples
    --------
    >>> from exactgeom.library import braid
    >>> regions = collect(braid(3).regions(), on_interrupt="return")
    >>> len(regions), regions.partial, regions.note
    (6, False, None)

    Notes
    -----
    Only :class:`KeyboardInterrupt` is caught; other errors propagate and the items are
    lost, as with ``list``.
    """
    _check(on_interrupt)
    items: list = []
    iterator = iter(iterable)
    try:
        for item in iterator:
            items.append(item)
    except KeyboardInterrupt as exc:
        _close(iterator)
        note = _note(exc, len(items))
        if on_interrupt == "raise":
            if not getattr(exc, "__notes__", None):
                exc.add_note(note)
            raise
        return Collected(items, partial=True, note=note)
    return Collected(items)


def count(iterable: Iterable, *, on_interrupt: str = "raise") -> Count:
    """The number of items of ``iterable``; with ``on_interrupt="return"`` Ctrl-C returns the count so far.

    Like :func:`collect`, without keeping the items (for streams too long to hold).

    Parameters
    ----------
    iterable : iterable
    on_interrupt : {"raise", "return"}, optional
        As for :func:`collect`.

    Returns
    -------
    Count
        An int; ``.partial`` and ``.note`` say whether and where it stopped.

    Examples
    --------
    >>> from exactgeom.library import threshold
    >>> count(threshold(3).regions())
    104
    """
    _check(on_interrupt)
    n = 0
    iterator = iter(iterable)
    try:
        for _ in iterator:
            n += 1
    except KeyboardInterrupt as exc:
        _close(iterator)
        note = _note(exc, n)
        if on_interrupt == "raise":
            if not getattr(exc, "__notes__", None):
                exc.add_note(note)
            raise
        return Count(n, partial=True, note=note)
    return Count(n)

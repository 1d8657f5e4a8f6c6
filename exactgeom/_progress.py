"""Progress reporting for long enumerations: tqdm when installed, a plain stderr counter otherwise.

A bar is also a context manager: leaving it closes it, and a Ctrl-C
(:class:`KeyboardInterrupt`) that passes through it carries a note saying how far
the enumeration got, so an interrupted call in a REPL says what was done.  With a
``total`` tqdm shows the fraction done and an estimate of the time left.

A bar may also carry a ``limit``: a counted work budget.  Once the count passes it,
``update`` raises :class:`exactgeom.errors.TooLarge`, which lets a caller try a
computation only as far as it is cheap (the totals of
:func:`exactgeom.arrangements.regions.regions` are found this way).

Examples
--------
>>> try:
...     with progress_bar(False, total=40, desc="points", unit="points") as bar:
...         bar.update(3)
...         raise KeyboardInterrupt
... except KeyboardInterrupt as exc:
...     print(exc.__notes__[0])
interrupted after 3 of 40 points
>>> bar = progress_bar(False, unit="flats", limit=10)
>>> bar.update(10)
>>> bar.update(1)
Traceback (most recent call last):
    ...
exactgeom.errors.TooLarge: the work passed its budget of 10 flats
"""

from __future__ import annotations

import sys
import time

from .errors import TooLarge


class _PlainBar:
    def __init__(self, total=None, desc="", unit="it"):
        self.total, self.desc, self.unit, self.n = total, desc, unit, 0
        self._last = 0.0

    def update(self, k=1):
        self.n += k
        now = time.monotonic()
        if now - self._last > 0.5:
            self._last = now
            total = f"/{self.total}" if self.total else ""
            print(f"\r{self.desc}: {self.n}{total} {self.unit}", end="", file=sys.stderr, flush=True)

    def close(self):
        print(f"\r{self.desc}: {self.n} {self.unit} done", file=sys.stderr, flush=True)


class _Bar:
    """``update(k)``, ``close()`` and ``n`` over an optional display; a context manager."""

    def __init__(self, display, total, desc: str, unit: str, limit=None):
        self._display, self.total, self.desc, self.unit, self.n = display, total, desc, unit, 0
        self.limit = limit

    def update(self, k=1):
        self.n += k
        if self._display is not None:
            self._display.update(k)
        if self.limit is not None and self.n > self.limit:
            raise TooLarge(f"the work passed its budget of {self.limit} {self.unit}",
                           estimate=self.n, limit=self.limit, unit=self.unit)

    def close(self):
        if self._display is not None:
            self._display.close()
            self._display = None

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, traceback):
        self.close()
        if kind is not None and issubclass(kind, KeyboardInterrupt):
            of = f" of {self.total}" if self.total else ""
            what = f" ({self.desc})" if self.desc and self.desc != self.unit else ""
            exc.add_note(f"interrupted after {self.n}{of} {self.unit}{what}")
        return False


def progress_bar(enabled: bool, total=None, desc: str = "", unit: str = "it", limit=None) -> _Bar:
    """A bar with ``update(k)``, ``close()`` and a count ``n``; shown on stderr when ``enabled``.

    Use it in a ``with`` block: on Ctrl-C the :class:`KeyboardInterrupt` gets a note
    with the count reached, and ``of total`` when a total is known (module docstring).
    ``limit``, when given, is a budget of counted units: ``update`` raises
    :class:`exactgeom.errors.TooLarge` once the count exceeds it.
    """
    if not enabled:
        return _Bar(None, total, desc, unit, limit)
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return _Bar(_PlainBar(total, desc, unit), total, desc, unit, limit)
    return _Bar(tqdm(total=total, desc=desc, unit=unit, leave=False), total, desc, unit, limit)

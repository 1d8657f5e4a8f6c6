"""Progress reporting for long enumerations: tqdm when installed, a plain stderr counter otherwise."""

from __future__ import annotations

import sys
import time


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


class _NoBar:
    n = 0

    def update(self, k=1):
        self.n += k

    def close(self):
        pass


def progress_bar(enabled: bool, total=None, desc: str = "", unit: str = "it"):
    """A bar with ``update(k)`` and ``close()``; a silent counter when ``enabled`` is false."""
    if not enabled:
        return _NoBar()
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return _PlainBar(total, desc, unit)
    return tqdm(total=total, desc=desc, unit=unit, leave=False)

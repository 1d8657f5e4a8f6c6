"""Pictures of the exact objects (matplotlib, an optional extra: ``pip install "exactgeom[plot]"``).

Drawing is the one place where rationals become floats, and only on their way
to the screen; nothing drawn is fed back into a computation.  Each function
returns the matplotlib ``Axes`` it drew on; without ``ax`` it draws on a new
figure attached to the Agg canvas (no window, no global pyplot state), so
``ax.figure.savefig(path)`` writes the picture.

Arrangements and posets: :func:`arrangement`, :func:`hasse` (module
:mod:`exactgeom.plot.arrangements`).  Network pictures (``loss_landscape``,
``tropical_boundary``, ``linear_regions``) live in
:mod:`exactgeom.plot.networks` and are imported on first use.
"""

from __future__ import annotations

import importlib

from .arrangements import arrangement, hasse

_NETWORK_NAMES = ("loss_landscape", "tropical_boundary", "linear_regions")

__all__ = ["arrangement", "hasse", *_NETWORK_NAMES]


def __getattr__(name: str):
    if name in _NETWORK_NAMES:
        return getattr(importlib.import_module(".networks", __name__), name)
    raise AttributeError(f"module 'exactgeom.plot' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))

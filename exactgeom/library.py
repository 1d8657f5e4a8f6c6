"""Named arrangements (``eg.library``); defined in :mod:`exactgeom.arrangements.library`."""

from .arrangements.library import *  # noqa: F401,F403
from .arrangements.library import __all__  # noqa: F401

"""The drawing surface shared by every plot: an Agg-canvas figure, never pyplot's global state."""

from __future__ import annotations

from fractions import Fraction

from .. import _exact
from ..errors import MissingOptional

INSTALL_HINT = ('matplotlib is needed for plotting; install it with  pip install "exactgeom[plot]"  '
                "(or pip install matplotlib)")


def new_axes(ax, figsize):
    """``ax`` itself, or the axes of a new figure attached to the Agg canvas.

    Raises :class:`~exactgeom.errors.MissingOptional` (an ``ImportError``) with the install
    command when matplotlib is missing.
    """
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingOptional(INSTALL_HINT) from None
    if ax is not None:
        return ax
    figure = Figure(figsize=figsize)
    FigureCanvasAgg(figure)
    return figure.add_subplot()


def exact_box(bbox) -> tuple[Fraction, Fraction, Fraction, Fraction]:
    """``bbox = (xmin, xmax, ymin, ymax)`` as exact rationals, checked to be a non-empty window.

    Examples
    --------
    >>> exact_box((0, 1, "-1/2", 2))
    (Fraction(0, 1), Fraction(1, 1), Fraction(-1, 2), Fraction(2, 1))
    """
    box = _exact.exact_vector(bbox, name="bbox", length=4)
    if not (box[0] < box[1] and box[2] < box[3]):
        raise ValueError(f"bbox = (xmin, xmax, ymin, ymax) needs xmin < xmax and ymin < ymax, got {bbox}")
    return box


def finish(ax, box, title):
    """Set the window ``box`` (exact, handed to matplotlib as floats), equal aspect and the title."""
    ax.set_xlim(float(box[0]), float(box[1]))
    ax.set_ylim(float(box[2]), float(box[3]))
    ax.set_aspect("equal")
    ax.set_title(title)
    return ax

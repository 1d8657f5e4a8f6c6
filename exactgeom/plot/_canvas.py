"""The drawing surface shared by every plot: an Agg-canvas figure, never pyplot's global state."""

from __future__ import annotations

INSTALL_HINT = ('matplotlib is needed for plotting; install it with  pip install "exactgeom[plot]"  '
                "(or pip install matplotlib)")


def new_axes(ax, figsize):
    """``ax`` itself, or the axes of a new figure attached to the Agg canvas.

    Raises ImportError with the install command when matplotlib is missing.
    """
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise ImportError(INSTALL_HINT) from None
    if ax is not None:
        return ax
    figure = Figure(figsize=figsize)
    FigureCanvasAgg(figure)
    return figure.add_subplot()

"""The plot gallery: the pictures shown on the documentation's gallery page.

Each entry of :data:`GALLERY` names a picture, says what it shows, and draws it;
docs/gallery.md shows the same calls as executed examples.  The images are
written when the documentation is built (the mkdocs hook
``exactgeom/plot/_mkdocs_hook.py`` calls :func:`render`), or on request::

    python -m exactgeom.plot.gallery OUTDIR

which writes one PNG per entry into ``OUTDIR`` and prints their paths.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GALLERY", "GalleryEntry", "render", "write_gallery", "main"]


def _arrangement():
    from ..library import generic
    from .arrangements import arrangement

    return arrangement(generic(4, 2, seed=1), labels=True)


def _loss_landscape():
    from ..networks import TropicalClassifier
    from .networks import loss_landscape

    G = TropicalClassifier([(0,), (1,), (2,)], (1, 1)).loss_landscape([1, -1, 1])
    return loss_landscape(G, labels=True)


def _tropical_boundary():
    from ..tropical import TropicalPolynomial
    from .networks import tropical_boundary

    x = TropicalPolynomial.monomial(0, (1, 0))
    y = TropicalPolynomial.monomial(0, (0, 1))
    return tropical_boundary((x + y + 1) / (x * y + 0))


def _linear_regions():
    from ..networks import ReLUNetwork
    from .networks import linear_regions

    net = ReLUNetwork([[[1, 0], [0, 1], [1, 1]], [[1, -1, 1]]], [[0, 0, -1], [0]])
    return linear_regions(net, (-3, 3, -3, 3), witnesses=True)


def _hasse():
    from ..library import braid
    from .arrangements import hasse

    return hasse(braid(3).face_poset())


@dataclass(frozen=True)
class GalleryEntry:
    """One picture of the gallery.

    Attributes
    ----------
    name : str
        File stem of the image (``<name>.png``).
    caption : str
        One sentence describing what is drawn.
    draw : callable
        No arguments; draws the picture on a new Agg figure and returns its Axes.
        docs/gallery.md shows the same calls as executed examples.

    Examples
    --------
    >>> GALLERY[0].name, GALLERY[0].draw().get_title()
    ('arrangement', '11 regions, 3 bounded')
    """

    name: str
    caption: str
    draw: Callable


GALLERY: tuple[GalleryEntry, ...] = (
    GalleryEntry(
        "arrangement",
        "Four generic lines in Q^2 with their 11 regions, each labelled by its sign vector; "
        "the 3 bounded regions are hatched and starred.",
        _arrangement,
    ),
    GalleryEntry(
        "loss_landscape",
        "The 0/1-loss landscape of a tropical classifier on the points 0, 1, 2 of the line with "
        "labels +, -, +: one node per cone of parameter space, coloured by its number of mistakes, "
        "edges between cones sharing a facet.",
        _loss_landscape,
    ),
    GalleryEntry(
        "tropical_boundary",
        "The decision boundary {f = 0} of the tropical rational function "
        "f = max(x, y, 1) - max(x + y, 0), with the cells where f is affine shaded "
        "(blue where f > 0, red where f <= 0).",
        _tropical_boundary,
    ),
    GalleryEntry(
        "linear_regions",
        "The activation regions of a ReLU network R^2 -> R with hidden units x, y, x + y - 1, "
        "in the box [-3, 3]^2, with each region's exact witness point.",
        _linear_regions,
    ),
    GalleryEntry(
        "hasse",
        "The face poset of the braid arrangement in Q^3 (six chambers, six walls, one line), "
        "drawn as a Hasse diagram.",
        _hasse,
    ),
)


def render(entry: GalleryEntry, *, dpi: int = 80) -> bytes:
    """The PNG image of one gallery entry, as bytes.

    Examples
    --------
    >>> render(GALLERY[0], dpi=20)[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    ax = entry.draw()
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return buffer.getvalue()


def write_gallery(outdir, *, dpi: int = 80) -> list[Path]:
    """Write ``<name>.png`` for every gallery entry into ``outdir`` (created if missing).

    Parameters
    ----------
    outdir : str or pathlib.Path
    dpi : int, optional

    Returns
    -------
    list of pathlib.Path, in the order of :data:`GALLERY`.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in write_gallery(tmp, dpi=20)]
    ['arrangement.png', 'loss_landscape.png', 'tropical_boundary.png', 'linear_regions.png', 'hasse.png']
    """
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for entry in GALLERY:
        path = outdir / f"{entry.name}.png"
        path.write_bytes(render(entry, dpi=dpi))
        written.append(path)
    return written


def main(argv=None) -> int:
    """``python -m exactgeom.plot.gallery OUTDIR``: write the gallery images and print their paths."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if len(argv) != 1 or argv[0].startswith("-"):
        print("usage: python -m exactgeom.plot.gallery OUTDIR", file=sys.stderr)
        return 2
    for path in write_gallery(argv[0]):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

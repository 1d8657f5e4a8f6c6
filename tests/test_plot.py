"""Plots render to non-blank PNGs of the requested size; bad input and a missing matplotlib are reported."""

from __future__ import annotations

import builtins
import subprocess
import sys

import pytest

pytest.importorskip("matplotlib")

import matplotlib.image  # noqa: E402

from exactgeom import Arrangement, plot  # noqa: E402
from exactgeom.library import braid, generic, shi  # noqa: E402


def _png(ax, path, dpi=50):
    ax.figure.savefig(path, dpi=dpi)
    return matplotlib.image.imread(path)


def _assert_drawn(image, shape):
    assert image.shape[:2] == shape
    assert image[..., :3].std() > 0.05          # not a blank canvas
    assert len({tuple(p) for p in image[::7, ::7, :3].reshape(-1, 3).tolist()}) > 5   # several colours


def test_arrangement_png(tmp_path):
    A = generic(5, 2, seed=2)
    ax = plot.arrangement(A, labels=True)
    assert ax.get_title() == f"{A.num_regions()} regions, {A.num_bounded_regions()} bounded"
    _assert_drawn(_png(ax, tmp_path / "generic.png"), (300, 300))
    assert len(ax.patches) == A.num_regions()
    # one segment per line, one star per bounded region
    assert len(ax.lines) == len(A) + A.num_bounded_regions()


def test_arrangement_with_box_and_parallel_lines(tmp_path):
    A = Arrangement([[1, 0], [1, 0], [1, 1]], offsets=[0, 1, 0])
    ax = plot.arrangement(A, bbox=(-2, 3, "-5/2", 2))
    assert ax.get_xlim() == (-2.0, 3.0) and ax.get_ylim() == (-2.5, 2.0)
    _assert_drawn(_png(ax, tmp_path / "parallel.png", dpi=40), (240, 240))


def test_arrangement_on_given_axes(tmp_path):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 3))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    assert plot.arrangement(Arrangement([[1, 1], [1, -1]]), ax=ax) is ax
    _assert_drawn(_png(ax, tmp_path / "given.png"), (150, 200))


def test_arrangement_errors():
    with pytest.raises(ValueError, match="draws arrangements in Q\\^2; this one lives in Q\\^3"):
        plot.arrangement(braid(3))
    with pytest.raises(ValueError, match="needs xmin < xmax"):
        plot.arrangement(generic(3, 2), bbox=(1, 0, 0, 1))
    with pytest.raises(TypeError, match="float"):
        plot.arrangement(generic(3, 2), bbox=(0.5, 1, 0, 1))


def test_hasse_of_face_poset_and_lattice(tmp_path):
    ax = plot.hasse(shi(3).essentialization().face_poset(), labels=False)
    _assert_drawn(_png(ax, tmp_path / "faces.png"), (300, 400))
    ax = plot.hasse(shi(3).intersection_lattice())
    assert len(ax.texts) == shi(3).intersection_lattice().hasse_diagram().number_of_nodes()
    assert {t.get_text().strip() for t in ax.texts} >= {"{}", "{0}", "{0,2,4}"}   # flats as index sets
    _assert_drawn(_png(ax, tmp_path / "lattice.png"), (300, 400))


def test_hasse_errors():
    with pytest.raises(ValueError, match="more than max_nodes=5"):
        plot.hasse(braid(3).face_poset(), max_nodes=5)
    with pytest.raises(TypeError, match="networkx DiGraph"):
        plot.hasse([1, 2, 3])


def test_missing_matplotlib_names_the_install_command(monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name.startswith("matplotlib"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    from exactgeom.errors import MissingOptional

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(MissingOptional, match="pip install"):
        plot.arrangement(generic(3, 2))
    with pytest.raises(MissingOptional, match="pip install"):
        plot.hasse(braid(3).face_poset())


def test_network_plots_are_lazy():
    # a fresh interpreter: importing exactgeom.plot does not load the network pictures
    code = ("import sys, exactgeom.plot as p; assert 'exactgeom.plot.networks' not in sys.modules; "
            "f = p.loss_landscape; import exactgeom.plot.networks as m; "
            "assert f is m.loss_landscape and p.linear_regions is m.linear_regions")
    subprocess.run([sys.executable, "-c", code], check=True)
    with pytest.raises(AttributeError, match="no_such_plot"):
        plot.no_such_plot  # noqa: B018

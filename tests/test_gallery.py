"""The plot gallery: its entry point writes every picture, and docs/gallery.md shows each of them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")

import matplotlib.image  # noqa: E402

from exactgeom.plot.gallery import GALLERY, main  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def test_entry_point_writes_every_picture(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "exactgeom.plot.gallery", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    printed = done.stdout.split()
    assert [Path(p).name for p in printed] == [f"{e.name}.png" for e in GALLERY]
    for path in printed:
        image = matplotlib.image.imread(path)
        assert image.shape[0] > 100 and image.shape[1] > 100
        assert image[..., :3].std() > 0.05          # not a blank canvas


def test_entry_point_usage(capsys):
    assert main([]) == 2
    assert "usage: python -m exactgeom.plot.gallery OUTDIR" in capsys.readouterr().err


def test_page_shows_every_picture_and_nothing_else():
    text = (ROOT / "docs" / "gallery.md").read_text()
    shown = re.findall(r"!\[[^\]]*\]\(gallery/([a-z_]+)\.png\)", text)
    assert shown == [e.name for e in GALLERY]
    assert "gallery.md" in (ROOT / "mkdocs.yml").read_text()
    assert "exactgeom/plot/_mkdocs_hook.py" in (ROOT / "mkdocs.yml").read_text()

"""The documentation: its worked examples run, it names every figure and certificate kind, and it builds."""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
FENCE = re.compile(r"(?m)^\s*```.*$")


def _run_examples(path: Path) -> doctest.TestResults:
    # Code fences are blanked out so that a closing ``` never counts as expected output.
    text = FENCE.sub("", path.read_text())
    test = doctest.DocTestParser().get_doctest(text, {"__name__": path.stem}, path.name, str(path), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    return runner.summarize(verbose=False)


@pytest.mark.parametrize("path", PAGES + [ROOT / "README.md"], ids=lambda p: p.name)
def test_examples_in_page_run(path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = _run_examples(path)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {path.name}"


def test_module_pages_exist():
    for name in [
        "index",
        "conventions",
        "arrangements",
        "polyhedra",
        "networks",
        "tropical",
        "neuro",
        "algebra",
        "wedge",
        "convex",
        "dynamics",
        "certificates",
        "cli",
        "reproduce",
        "scale-out",
        "comparison",
    ]:
        assert (DOCS / f"{name}.md").is_file(), name


def test_every_page_is_in_the_navigation():
    config = (ROOT / "mkdocs.yml").read_text()
    for page in PAGES:
        assert page.name in config, f"{page.name} is missing from mkdocs.yml nav"


def test_reproduction_page_lists_every_figure():
    from exactgeom.reproduce import FIGURES

    text = (DOCS / "reproduce.md").read_text()
    missing = [f.id for f in FIGURES if f"`{f.id}`" not in text]
    assert not missing, f"docs/reproduce.md does not list {missing}"
    rows = {line.split("`")[1]: line for line in text.splitlines() if line.startswith("| `")}
    stale = [f.id for f in FIGURES if f"| {f.tier} |" not in rows[f.id] or f.description not in rows[f.id]]
    assert not stale, f"docs/reproduce.md describes {stale} differently from exactgeom.reproduce"


def test_certificate_page_documents_every_kind():
    from exactgeom.certificates import _checks

    text = (DOCS / "certificates.md").read_text()
    missing = [kind for kind in _checks() if f"`{kind}`" not in text]
    assert not missing, f"docs/certificates.md does not document {missing}"


def test_api_reference_covers_every_public_function_and_class():
    # mkdocstrings renders each listed module's __all__ (its own definitions and what it re-exports)
    import importlib
    import inspect
    import pkgutil

    import exactgeom

    def public(module):
        names = getattr(module, "__all__", None)
        if names is None:
            names = [name for name in vars(module) if not name.startswith("_")]
        return [getattr(module, name) for name in names]

    listed = re.findall(r"(?m)^::: (\S+)", (DOCS / "api.md").read_text())
    documented = {id(obj) for name in listed for obj in public(importlib.import_module(name))}
    missing = []
    for info in pkgutil.walk_packages(exactgeom.__path__, "exactgeom."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        module = importlib.import_module(info.name)
        missing += [f"{info.name}.{name}" for name in getattr(module, "__all__", ())
                    if (inspect.isclass(obj := getattr(module, name)) or inspect.isfunction(obj))
                    and id(obj) not in documented]
    assert not missing, f"docs/api.md renders none of {missing}"


def test_mkdocs_build_strict(tmp_path):
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    pytest.importorskip("mkdocstrings")
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or shutil.which("mkdocs")
    command = [mkdocs] if mkdocs else [sys.executable, "-m", "mkdocs"]
    done = subprocess.run(
        [*command, "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "certificates" / "index.html").is_file()
    assert (tmp_path / "site" / "gallery" / "arrangement.png").is_file()   # drawn by the mkdocs hook

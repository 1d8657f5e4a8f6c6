"""Hostile certificates and expressions: is each decided within 2 s of CPU time?

Run:  .venv/bin/python benchmarks/hostile.py      (on a machine that is otherwise idle)

The test suite checks the verdict of every hostile input and only guards against a hang (60 s),
because the verifier's and the parser's limits are counted work, not seconds.  This script runs
the same tests with ``EXACTGEOM_STRICT_TIMING=1``, which turns the guard into the 2-second target,
and prints pytest's ten slowest cases.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ["tests/certificates", "tests/test_expressions.py"]


def main() -> int:
    env = dict(os.environ, EXACTGEOM_STRICT_TIMING="1")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=10",
               "-k", "hostile or quickly or fast or budget or limit", *TESTS]
    return subprocess.run(command, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())

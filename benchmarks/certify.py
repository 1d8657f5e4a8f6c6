"""Certified ED degrees: wall-clock figures for ``ed_degree(..., certify=True)`` and the stdlib re-check.

Targets: the lightning quartic (14) with certify=True in at most 5 s; the circle with Q = diag(4, 1)
(4) in at most 0.5 s.  Prints one line per case: the value, the certified lower bound, the times.

    python benchmarks/certify.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import sympy as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from exactgeom.algebra import ed_degree  # noqa: E402
from exactgeom.certificates import verify  # noqa: E402
from literature import LIGHTNING_QUARTIC, Y  # noqa: E402


def main() -> None:
    x, y = sp.symbols("x y")
    cases = [
        ("circle, Q = diag(4, 1)", [x**2 + y**2 - 1], [x, y], [[4, 0], [0, 1]], 0.5),
        ("lightning quartic, generic Q", [LIGHTNING_QUARTIC], Y, None, 5.0),
    ]
    for name, equations, variables, Q, target in cases:
        ed_degree(equations, variables, Q=Q)  # warm-up: imports and caches
        start = time.perf_counter()
        plain = ed_degree(equations, variables, Q=Q)
        counted = time.perf_counter() - start
        start = time.perf_counter()
        r = ed_degree(equations, variables, Q=Q, certify=True)
        certified = time.perf_counter() - start
        cert = r.certification.certificate()
        start = time.perf_counter()
        status = verify(cert).status
        checked = time.perf_counter() - start
        assert plain.value == r.value
        print(f"{name}: ED degree {r.value}, certified >= {r.certified_lower_bound} "
              f"({r.certification.real_count} real); count {counted:.2f} s, certify=True {certified:.2f} s "
              f"(target {target} s), stdlib re-check {checked:.2f} s: {status}")


if __name__ == "__main__":
    main()

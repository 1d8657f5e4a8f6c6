"""Timings of the characteristic polynomial on the issue's targets (a script, not a test).

Run: ``.venv/bin/python benchmarks/charpoly.py [--repeat R] [--skip-t6]``

Targets: χ(T_5) <= 1 s, χ(T_6) <= 60 s (stretch 10 s), braid(8), shi(7), resonance(6) <= 5 s each.
Each figure is the best of R runs in a fresh cache; the region count is checked against the literature.
"""

from __future__ import annotations

import argparse
import platform
import time

from exactgeom.arrangements import _flat_engine, lattice
from exactgeom.library import braid, resonance, shi, threshold

TARGETS = [
    ("threshold(5)", lambda: threshold(5), 1.0, 94572),
    ("threshold(6)", lambda: threshold(6), 60.0, 15028134),
    ("braid(8)", lambda: braid(8), 5.0, 40320),
    ("shi(7)", lambda: shi(7), 5.0, 262144),
    ("resonance(6)", lambda: resonance(6), 5.0, 1066044),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--skip-t6", action="store_true")
    args = parser.parse_args()
    print(f"python {platform.python_version()}, numpy engine: {_flat_engine._USE_NUMPY}")
    print(f"{'arrangement':<14} {'n':>4} {'d':>3} {'seconds':>9} {'target':>7}  regions")
    for name, build, target, regions in TARGETS:
        if args.skip_t6 and name == "threshold(6)":
            continue
        A = build()
        best = float("inf")
        for _ in range(args.repeat):
            lattice._whitney_first_kind.cache_clear()
            start = time.perf_counter()
            chi = lattice.characteristic_polynomial(A)
            best = min(best, time.perf_counter() - start)
        found = lattice.num_regions(A)
        status = "ok" if found == regions else f"WRONG (expected {regions})"
        print(f"{name:<14} {len(A):>4} {A.dimension:>3} {best:>9.2f} {target:>7.0f}  {found} {status}")
        del chi


if __name__ == "__main__":
    main()

"""χ with symmetry (breadth-first deletion–restriction with orbit merging): figures for issue 12.

Run ``python benchmarks/symmetry.py [--heavy]``; ``--heavy`` adds R_7 and T_7.
"""

from __future__ import annotations

import sys
import time

from exactgeom import library
from exactgeom.arrangements.symmetry import characteristic_polynomial_with_symmetry


def run(name, A):
    start = time.perf_counter()
    record = characteristic_polynomial_with_symmetry(A, "auto")
    seconds = time.perf_counter() - start
    nodes = sum(count for _, count in record.nodes_per_depth)
    print(f"{name}: |G| = {record.group_order}, {nodes} nodes, {sum(record.betti)} regions, {seconds:.2f} s")


if __name__ == "__main__":
    cases = [("T_5", library.threshold(5)), ("T_6", library.threshold(6)), ("R_5", library.resonance(5)),
             ("R_6", library.resonance(6))]
    if "--heavy" in sys.argv:
        cases += [("R_7", library.resonance(7)), ("T_7", library.threshold(7))]
    for name, A in cases:
        run(name, A)

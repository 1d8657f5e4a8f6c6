"""χ with symmetry (breadth-first deletion–restriction with orbit merging): figures for issue 12.

Run ``python benchmarks/symmetry.py [--heavy]``; ``--heavy`` adds R_7 and T_7.  Each line gives
the group order, the nodes processed, the regions, wall-clock and CPU seconds, and a check: the
flat engine's χ (``A.characteristic_polynomial()`` without symmetry, timed) where it runs, else the
literature Betti numbers (shared/REFERENCE.md).  CPU time is the fairer figure on a shared machine.
"""

from __future__ import annotations

import sys
import time

from exactgeom import library
from exactgeom.arrangements.symmetry import characteristic_polynomial_with_symmetry
from exactgeom.errors import TooLarge

LITERATURE = {
    "T_6": (1, 64, 2016, 36848, 400400, 2453248, 7111650, 5023907),
    "R_7": (1, 127, 7035, 215439, 3831835, 37769977, 169824305, 135677633),
}
REGIONS = {"T_5": 94572, "R_5": 11292, "R_6": 1066044, "T_7": 8378070864}


def run(name, A, flat: bool):
    wall, cpu = time.perf_counter(), time.process_time()
    record = characteristic_polynomial_with_symmetry(A, "auto")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    nodes = sum(count for _, count in record.nodes_per_depth)
    line = (f"{name}: |G| = {record.group_order}, {nodes} nodes, {sum(record.betti)} regions, "
            f"{wall:.2f} s wall, {cpu:.2f} s CPU")
    if flat:
        start = time.perf_counter()
        try:
            same = record.polynomial() == A.characteristic_polynomial()
            line += f"; flat engine agrees: {same} ({time.perf_counter() - start:.2f} s)"
        except TooLarge as error:
            line += f"; flat engine refuses ({error})"[:160]
    if name in LITERATURE:
        line += f"; literature Betti numbers: {record.betti == LITERATURE[name]}"
    elif name in REGIONS:
        line += f"; literature regions: {sum(record.betti) == REGIONS[name]}"
    print(line, flush=True)


if __name__ == "__main__":
    cases = [("T_5", library.threshold(5), True), ("T_6", library.threshold(6), True),
             ("R_5", library.resonance(5), True), ("R_6", library.resonance(6), True)]
    if "--heavy" in sys.argv:
        cases += [("R_7", library.resonance(7), False), ("T_7", library.threshold(7), False)]
    for name, A, flat in cases:
        run(name, A, flat)

"""χ with symmetry (breadth-first deletion–restriction with orbit merging): figures for issue 12.

Run ``python benchmarks/symmetry.py [--heavy] [--workers K] [--r8 DEPTHS] [--executors]``.  ``--heavy`` adds
R_7 and T_7.  Each line gives the group order, the nodes processed, the regions, the wall-clock
and CPU seconds of the first call in a fresh process (the best of ``--rounds K``, default 3, one
round for R_7 and T_7: the call only, after the imports), and a check: the flat engine's χ
(``A.characteristic_polynomial()`` without symmetry, timed) where it runs, else the literature
values (shared/REFERENCE.md).  CPU time is the fairer figure on a shared machine.
``--workers K`` reruns each case on a process pool of K workers and checks that the result is
the serial one.

``--executors`` times one case (``--case NAME``, default R_7) serially, on a
``ProcessPoolExecutor`` of K workers (``--workers K``, default 2) and on a Dask
``LocalCluster(n_workers=K, threads_per_worker=1)`` client, best of ``--rounds`` (default 1)
each.  Each line gives the wall and coordinator CPU seconds of the call (the pool or cluster
started, and its workers' imports paid by a small warm-up call, beforehand; their start-up time
is printed apart), and checks the Betti numbers against the serial run and the literature.

``--compare REF`` times T_6 and R_6 (``--rounds K`` times each, alternating) in this tree and in
``git archive REF`` of the package, each in a fresh process, and prints the best CPU and wall
seconds of both and their ratios.  ``--checkpoint PATH`` (with ``--r8``) writes the state after
each depth there and resumes from it.

``--r8 DEPTHS`` runs R_8 (255 hyperplanes, 255 depths) for its first DEPTHS depths (all when
DEPTHS is 255: the full computation) and prints, per depth, the nodes and the CPU seconds so far,
then an extrapolation of the full run: the measured time divided by the fraction of R_7's nodes
that lie in the same fraction of its depths (R_7's profile is measured in the same run).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from exactgeom import library
from exactgeom.arrangements import _orbit_engine
from exactgeom.arrangements._flat_engine import _central_rows, _prime_for
from exactgeom.arrangements.permutation_group import _stabilizer_elements
from exactgeom.arrangements.symmetry import (_fingerprint, characteristic_polynomial_with_symmetry,
                                             symmetry_group)
from exactgeom.errors import TooLarge

LITERATURE = {
    "T_6": (1, 64, 2016, 36848, 400400, 2453248, 7111650, 5023907),
    "R_7": (1, 127, 7035, 215439, 3831835, 37769977, 169824305, 135677633),
}
REGIONS = {"T_5": 94572, "R_5": 11292, "R_6": 1066044, "T_7": 8378070864, "R_8": 419172756930}


def run(name, family, n, flat: bool, workers: int = 0, rounds: int = 3):
    A = getattr(library, family)(n)
    timings = [first_call(family, n) for _ in range(rounds)]
    cpu, wall = min(t[0] for t in timings), min(t[1] for t in timings)
    record = characteristic_polynomial_with_symmetry(A, "auto")
    nodes = sum(count for _, count in record.nodes_per_depth)
    line = (f"{name}: |G| = {record.group_order}, {nodes} nodes, {sum(record.betti)} regions, "
            f"first call in a fresh process {wall:.3f} s wall, {cpu:.3f} s CPU "
            f"(best of {rounds}; same regions: {all(t[2] == sum(record.betti) for t in timings)})")
    if workers:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers) as pool:
            start = time.perf_counter()
            parallel = characteristic_polynomial_with_symmetry(A, "auto", executor=pool)
            line += (f"; {workers} processes: {time.perf_counter() - start:.2f} s wall, "
                     f"same result: {parallel == record}")
    if flat:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            same = record.polynomial() == A.characteristic_polynomial()
            line += (f"; flat engine agrees: {same} ({time.perf_counter() - wall:.2f} s wall, "
                     f"{time.process_time() - cpu:.2f} s CPU)")
        except TooLarge as error:
            line += f"; flat engine refuses ({error})"[:160]
    if name in LITERATURE:
        line += f"; literature Betti numbers: {record.betti == LITERATURE[name]}"
    elif name in REGIONS:
        line += f"; literature regions: {sum(record.betti) == REGIONS[name]}"
    print(line, flush=True)


class _Stop(Exception):
    pass


def profile(A, depths=None, verbose=False, checkpoint=None):
    """Cumulative (depth, nodes, CPU seconds) of a run, stopped after ``depths`` depths (counted).

    With ``checkpoint`` the run resumes from that file and writes it after each depth (the
    node totals then count the resumed part only).
    """
    data = _central_rows(A)
    start, wall = time.process_time(), time.perf_counter()
    group = symmetry_group(A)
    elements = _stabilizer_elements(group, 24)
    rows, total = [], [0]

    def report(depth, nodes, waiting):
        total[0] += nodes
        rows.append((depth, total[0], time.process_time() - start))
        if verbose:
            print(f"  depth {depth}: {nodes} nodes ({total[0]} so far, {waiting} waiting), "
                  f"{rows[-1][2]:.1f} s CPU, {time.perf_counter() - wall:.1f} s wall", flush=True)
        if depths is not None and depth + 1 >= depths and depths < len(data.rows):
            raise _Stop

    try:
        p = _prime_for(data)
        betti, _ = _orbit_engine.betti_numbers(data.rows, p, elements, report=report, checkpoint=checkpoint,
                                               fingerprint=_fingerprint(data.rows, p, group))
    except _Stop:
        betti = None
    return rows, betti


def r8(depths: int, checkpoint=None):
    ref, _ = profile(library.resonance(7))
    rows, betti = profile(library.resonance(8), depths, verbose=True, checkpoint=checkpoint)
    if betti is not None:
        cpu = rows[-1][2] if rows else 0.0
        print(f"R_8: {sum(betti)} regions, {cpu:.1f} s CPU (this run); literature regions: "
              f"{sum(betti) == REGIONS['R_8']}")
        return
    depth, nodes, cpu = rows[-1]
    fraction = (depth + 1) / 255
    reached = [n for d, n, _ in ref if (d + 1) / 127 <= fraction]
    share = (reached[-1] if reached else 1) / ref[-1][1]
    print(f"R_8: {depth + 1} of 255 depths, {nodes} nodes, {cpu:.1f} s CPU; R_7 has {100 * share:.2f}% "
          f"of its {ref[-1][1]} nodes in the same fraction of its depths; extrapolated full run: "
          f"{cpu / share:.0f} s CPU, {nodes / share:.0f} nodes")


_ONE = """
import sys, time
import exactgeom
from exactgeom import library
from exactgeom.arrangements.symmetry import characteristic_polynomial_with_symmetry
A = getattr(library, sys.argv[1])(int(sys.argv[2]))
wall, cpu = time.perf_counter(), time.process_time()
r = characteristic_polynomial_with_symmetry(A, "auto")
print(time.process_time() - cpu, time.perf_counter() - wall, sum(r.betti), exactgeom.__file__)
"""


_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def first_call(family: str, n: int, path: str = _ROOT):
    """(CPU s, wall s, regions) of the first call in a new process importing the package from ``path``.

    The process runs in ``path`` too: ``python -c`` puts its working directory first on sys.path.
    """
    out = subprocess.run([sys.executable, "-c", _ONE, family, str(n)], check=True, capture_output=True,
                         text=True, cwd=path, env={**os.environ, "PYTHONPATH": path}).stdout.split()
    if not os.path.realpath(out[3]).startswith(os.path.realpath(path)):
        raise RuntimeError(f"the package was imported from {out[3]}, not from {path}")
    return float(out[0]), float(out[1]), int(out[2])


CASES = {"T_5": ("threshold", 5), "T_6": ("threshold", 6), "T_7": ("threshold", 7),
         "R_5": ("resonance", 5), "R_6": ("resonance", 6), "R_7": ("resonance", 7)}


def _process_pool(workers):
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers)


class _DaskClient:
    """A ``LocalCluster`` of one-thread worker processes and its client, closed together."""

    def __init__(self, workers):
        from distributed import Client, LocalCluster

        self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                    dashboard_address=None)
        self.client = Client(self.cluster)

    def __enter__(self):
        import importlib

        self.client.run(importlib.import_module, "exactgeom.arrangements._orbit_engine")   # on every worker
        return self.client

    def __exit__(self, *exc):
        self.client.close()
        self.cluster.close()


def executors(name: str, workers: int, rounds: int):
    """Serial, process pool and Dask times of one case; every result checked against the serial one."""
    import contextlib

    family, n = CASES[name]
    A = getattr(library, family)(n)
    serial = None
    print(f"{name}, {workers} workers, load average {os.getloadavg()[0]:.1f} at the start", flush=True)
    for label, start in (("serial", lambda: contextlib.nullcontext(None)),
                         (f"ProcessPoolExecutor({workers})", lambda: _process_pool(workers)),
                         (f"Dask LocalCluster(n_workers={workers}, threads_per_worker=1)",
                          lambda: _DaskClient(workers))):
        up = time.perf_counter()
        with start() as executor:
            if executor is not None:                # the workers import the package here
                characteristic_polynomial_with_symmetry(library.resonance(3), executor=executor)
            up = time.perf_counter() - up
            best, record = None, None
            for _ in range(rounds):
                wall, cpu = time.perf_counter(), time.process_time()
                record = characteristic_polynomial_with_symmetry(A, "auto", executor=executor)
                t = (time.perf_counter() - wall, time.process_time() - cpu)
                best = t if best is None or t[0] < best[0] else best
        serial = serial or record
        line = (f"  {label}: {best[0]:.2f} s wall, {best[1]:.2f} s CPU in this process (best of {rounds}"
                + (f"; start-up and warm-up {up:.2f} s" if label != "serial" else "")
                + f"); same as serial: {record == serial}")
        if name in LITERATURE:
            line += f"; literature Betti numbers: {record.betti == LITERATURE[name]}"
        elif name in REGIONS:
            line += f"; literature regions: {sum(record.betti) == REGIONS[name]}"
        print(line, flush=True)


def compare(ref: str, rounds: int):
    import tempfile

    with tempfile.TemporaryDirectory() as old:
        archive = subprocess.run(["git", "-C", _ROOT, "archive", ref, "exactgeom"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", old], input=archive, check=True)
        for family, n in (("threshold", 6), ("resonance", 6)):
            best = {}
            for _ in range(rounds):
                for label, path in (("before", old), ("after", _ROOT)):
                    cpu, wall, regions = first_call(family, n, path)
                    prev = best.get(label, (1e9, 1e9, regions))
                    best[label] = (min(prev[0], cpu), min(prev[1], wall), regions)
            (c0, w0, r0), (c1, w1, r1) = best["before"], best["after"]
            print(f"{family}({n}): before {c0:.3f} s CPU / {w0:.3f} s wall, after {c1:.3f} s CPU / "
                  f"{w1:.3f} s wall; ratio after/before {c1 / c0:.2f} CPU, {w1 / w0:.2f} wall; "
                  f"same regions: {r0 == r1}", flush=True)


if __name__ == "__main__":
    workers = int(sys.argv[sys.argv.index("--workers") + 1]) if "--workers" in sys.argv else 0
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    if "--compare" in sys.argv:
        compare(sys.argv[sys.argv.index("--compare") + 1], rounds)
        sys.exit()
    if "--executors" in sys.argv:
        name = sys.argv[sys.argv.index("--case") + 1] if "--case" in sys.argv else "R_7"
        executors(name, workers or 2, rounds if "--rounds" in sys.argv else 1)
        sys.exit()
    if "--r8" in sys.argv:
        path = sys.argv[sys.argv.index("--checkpoint") + 1] if "--checkpoint" in sys.argv else None
        r8(int(sys.argv[sys.argv.index("--r8") + 1]), path)
        sys.exit()
    cases = [("T_5", "threshold", 5, True), ("T_6", "threshold", 6, True),
             ("R_5", "resonance", 5, True), ("R_6", "resonance", 6, True)]
    if "--heavy" in sys.argv:
        cases += [("R_7", "resonance", 7, False), ("T_7", "threshold", 7, False)]
    for name, family, n, flat in cases:
        run(name, family, n, flat, workers, rounds if name in ("T_5", "T_6", "R_5", "R_6") else 1)

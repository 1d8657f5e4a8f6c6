"""Timings for the tropical classifier fan and ReLU linear regions (a script, not a test).

Run:  .venv/bin/python benchmarks/networks.py [--quick]

Prints, for each case, the count and the wall-clock and process (cpu) seconds.  Timings are
noisy on a shared 2-core machine.
"""

from __future__ import annotations

import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from fractions import Fraction

from exactgeom.networks import ReLUNetwork, TropicalClassifier

# nine points in general position (no three collinear), the first six those of REFERENCE.md §4
NINE = [(0, 0), (3, 1), (1, 4), (-2, 2), (5, -1), (2, -3), (-3, -2), (4, 5), (-1, -5)]
CONVEX_NINE = [(t, t * t) for t in range(-4, 5)]  # nine points on a parabola (convex position)


def fan(points, n_terms, executor=None):
    T = TropicalClassifier(points, n_terms=n_terms)
    start, cpu = time.perf_counter(), time.process_time()
    count = T.num_maximal_cones(executor=executor)
    enumerate_seconds, enumerate_cpu = time.perf_counter() - start, time.process_time() - cpu
    produced = sum(1 for _ in T.maximal_cones())
    total_seconds, total_cpu = time.perf_counter() - start, time.process_time() - cpu
    assert produced == count
    print(
        f"  {len(points)} points, n_terms={n_terms}: {count} maximal cones, "
        f"{len(T.realizable_partitions())} realizable partitions, {T.linear_programs} LPs; "
        f"partitions {enumerate_seconds:.2f} s wall / {enumerate_cpu:.2f} s cpu, with all cones and "
        f"witnesses {total_seconds:.2f} s wall / {total_cpu:.2f} s cpu"
    )
    return T


def relu(widths, seed):
    rng = random.Random(seed)
    weights, biases = [], []
    for a, b in zip(widths, widths[1:]):
        weights.append(
            [[Fraction(rng.randint(-5, 5), rng.randint(1, 3)) for _ in range(a)] for _ in range(b)]
        )
        biases.append([Fraction(rng.randint(-5, 5), rng.randint(1, 3)) for _ in range(b)])
    net = ReLUNetwork(weights, biases)
    start = time.perf_counter()
    count = net.num_linear_regions()
    regions_seconds = time.perf_counter() - start
    start = time.perf_counter()
    affine = net.num_linear_regions(kind="affine")
    affine_seconds = time.perf_counter() - start
    start = time.perf_counter()
    f = net.tropical()
    tropical_seconds = time.perf_counter() - start
    terms = (len(f.numerator), len(f.denominator)) if net.n_outputs == 1 else None
    print(
        f"  widths {widths} (seed {seed}): {count} activation regions in {regions_seconds:.2f} s, "
        f"{affine} affine pieces in {affine_seconds:.2f} s; "
        f"tropical form {terms} terms in {tropical_seconds:.2f} s"
    )


def main(quick: bool = False):
    print("Classification fan (target: 9 points, n = m = 2, all cones with witnesses <= 2 s)")
    fan(NINE[:6], (2, 2))
    T = fan(NINE, (2, 2))
    labels = [1, 1, 1, -1, -1, -1, 1, -1, 1]
    start = time.perf_counter()
    counts = T.mistake_counts(labels)
    components = [len(T.components(labels, k)) for k in list(counts)[:2]]
    certificate_start = time.perf_counter()
    from exactgeom.certificates import verify

    cert = T.certificate()
    made = time.perf_counter() - certificate_start
    ok = verify(cert).ok
    components_seconds = certificate_start - start
    verify_seconds = time.perf_counter() - certificate_start - made
    print(f"  labels {labels}: cones by mistakes {dict(list(counts.items())[:3])}...")
    print(f"  facet-components of the 0- and 1-mistake cones: {components} ({components_seconds:.2f} s)")
    print(f"  count certificate made in {made:.2f} s, verified {ok} in {verify_seconds:.2f} s")
    if not quick:
        fan(CONVEX_NINE, (2, 2))
        fan(NINE + [(6, 2)], (2, 2))
        fan(NINE, (3, 2))
        with ProcessPoolExecutor(2) as executor:
            start = time.perf_counter()
            count = TropicalClassifier(NINE + [(6, 2)], (2, 2)).num_maximal_cones(executor=executor)
            print(
                f"  10 points with a 2-process executor: {count} cones in {time.perf_counter() - start:.2f} s"
            )
    print("ReLU linear regions")
    relu((2, 8, 1), 1)
    relu((2, 6, 6, 1), 2)
    if not quick:
        relu((3, 6, 6, 1), 3)
        relu((2, 8, 8, 8, 1), 4)


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)

"""Conservation laws of every two-layer linear and ReLU network with all widths <= 3.

For each network (n, r, m) in {1, 2, 3}^3 (output n, hidden r, input m), twice
(linear_network((m, r, n)) and relu_network(n, r, m)): the degree-2
polynomial laws, and the proved number of independent laws (lower bound = rank
of the laws' gradients, upper bound = p - rank of the Lie trace, at 3 seeded
rational points).  Prints one line per network, checks the count against the
closed forms (linear: k r - k(k-1)/2 with k = min(r, n+m); ReLU: r), and the
total time.  Target: under 60 s in total.

    .venv/bin/python benchmarks/dynamics.py            # stop when the bounds meet
    .venv/bin/python benchmarks/dynamics.py --full     # also generate the whole Lie algebra
"""

from __future__ import annotations

import argparse
import time

from exactgeom.dynamics import conservation_laws, linear_network, relu_network


def expected(kind: str, n: int, r: int, m: int) -> int:
    if kind == "ReLU":
        return r
    k = min(r, n + m)
    return k * r - k * (k - 1) // 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="generate the whole Lie algebra")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(
        f"{'network':8} {'(n,r,m)':9} {'p':>3} {'laws':>5} {'count':>5} {'closed form':>11} "
        f"{'proved':>6} {'agreed':>6} {'dim Lie':>7} {'seconds':>8}"
    )
    start = time.perf_counter()
    failures = 0
    constructors = (
        ("linear", lambda n, r, m: linear_network((m, r, n))),   # widths input first
        ("ReLU", relu_network),
    )
    for kind, ctor in constructors:
        for n in (1, 2, 3):
            for r in (1, 2, 3):
                for m in (1, 2, 3):
                    t0 = time.perf_counter()
                    result = conservation_laws(ctor(n, r, m), seed=args.seed, full_lie_algebra=args.full)
                    elapsed = time.perf_counter() - t0
                    want = expected(kind, n, r, m)
                    ok = result.proved and result.value == want
                    failures += not ok
                    lie = f"{result.lie_algebra_dimension}{'' if result.lie_closed else '+'}"
                    print(
                        f"{kind:8} {str((n, r, m)):9} {result.model.num_parameters:>3} {len(result.laws):>5} "
                        f"{result.value:>5} {want:>11} {str(result.proved):>6} "
                        f"{result.points_agreed:>4}/3 {lie:>7} {elapsed:>8.3f}"
                    )
    total = time.perf_counter() - start
    print(f"total: {total:.2f} s for 54 networks (target < 60 s); mismatches: {failures}")
    print("('dim Lie' with '+': generation stopped once the bounds met, a lower bound on the dimension)")


if __name__ == "__main__":
    main()

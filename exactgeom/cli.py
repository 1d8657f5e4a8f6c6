"""The ``exactgeom`` command line."""

from __future__ import annotations

import argparse
import sys


def _tour() -> int:
    from . import library

    for name, A in [("threshold T_3", library.threshold(3)), ("braid(4)", library.braid(4))]:
        chi = A.characteristic_polynomial().as_expr()
        L = A.intersection_lattice()
        print(f"{name}: {A!r}")
        print(f"  chi(t) = {chi}")
        print(f"  regions = {A.num_regions()}, bounded = {A.num_bounded_regions()}")
        print(f"  flats per rank = {A.whitney_numbers(kind=2)}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="exactgeom", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("reproduce", help="recompute the seeds' figures")
    args = parser.parse_args(argv)
    if args.command == "reproduce":
        return _tour()
    return 2


if __name__ == "__main__":
    sys.exit(main())

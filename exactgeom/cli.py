"""The ``exactgeom`` command line.

Subcommands::

    exactgeom count FAMILY N                 regions (and bounded regions) of a named arrangement
    exactgeom charpoly --normals FILE [--offsets FILE] | --family NAME N
    exactgeom regions  --normals FILE [--offsets FILE] | --family NAME N   regions with witnesses
    exactgeom realize --inputs N --outputs M --table TABLE                 threshold-network realizability
    exactgeom verify CERT.json [CERT.json ...]
    exactgeom reproduce [--quick | --full] [--out DIR] [--only ID ...]   recompute the papers' figures

Every subcommand takes ``--json``; those that prove something take
``--certificate PATH``; the long ones (``count``, ``charpoly``, ``regions``)
take ``--progress`` for a progress bar on stderr and ``--workers N``.

Exit codes (the same for every subcommand):

- 0: success (``verify``: every file proved);
- 1: a refuted claim: a certificate rejected by the verifier, a reproduced figure that
  disagrees or crashes, a map that is not realizable;
- 2: bad input: a usage error, an unreadable or malformed file, a float where a rational is
  needed, an unknown family (``verify``: a file that cannot be read as a certificate), or a
  missing optional extra (the message names the ``pip install``);
- 3: ``verify`` only: every file checks, but some are only *consistent* (the evidence checks,
  the claimed value is not re-derived);
- 4: refused up front: the input is too large to finish (:class:`exactgeom.errors.TooLarge`;
  the message gives the estimate and the limit);
- 130: interrupted (Ctrl-C); the message says what had been printed and written, and no
  half-written file is left (certificates are written through
  :func:`exactgeom.certificates.write`, atomically);
- 141: the reader of stdout went away (``exactgeom regions ... | head -1``): the output stops
  quietly, without a traceback, with the code of a process ended by SIGPIPE (128 + 13), as
  ``seq``, ``yes`` and other tools report it.

``verify`` checks every file even when some are bad, prints one status per file
(``proved``, ``consistent``, ``rejected`` or ``unreadable``) and exits with the worst:
1 if any is rejected, else 2 if any is unreadable, else 3 if any is only consistent, else 0.

Matrices in files are JSON (a list of rows) or whitespace-separated text, one
row per line; rationals are written ``p/q``.  Both formats read numbers alike,
exactly, as the Python API reads a string: integers, ``p/q`` and a decimal or
exponent form (``0.5`` is 1/2, ``1e-3`` is 1/1000, in a text file or as a JSON
number, never a binary float).  ``nan``, ``inf`` and other words are bad input.
``--dedupe`` merges repeated hyperplanes (``dedupe=True`` in Python).

Examples
--------
>>> main(["count", "threshold", "3"])
threshold(3): 104 regions, 0 bounded
0
>>> main(["count", "no-such-family", "3"])   # the message goes to stderr
2
"""

from __future__ import annotations

import argparse
import os
import sys

from ._cli.commands import _cmd_charpoly, _cmd_count, _cmd_realize, _cmd_regions, _cmd_reproduce, _cmd_verify
from ._cli.common import (  # noqa: F401  (part of the command line's interface)
    _RECORD,
    EXIT_BAD_INPUT,
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REFUTED,
    EXIT_TOO_LARGE,
    EXIT_UNPROVED,
    FAMILIES,
    NOTHING_DONE,
    _Interrupted,
    read_matrix,
)

__all__ = ["main", "FAMILIES", "read_matrix"]




def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="exactgeom",
        description="Exact geometry of neural-network parameter spaces. Exit codes: 0 ok, "
        "1 refuted claim, 2 bad input or unreadable file, 3 consistent but not proved (verify), "
        "4 refused as too large, 130 interrupted, 141 output pipe closed.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p, certificate=True):
        p.add_argument("--json", action="store_true", help="machine-readable output")
        if certificate:
            p.add_argument("--certificate", metavar="PATH", help="write a checkable certificate to PATH")

    def workers(p):
        p.add_argument(
            "--workers", type=int, default=1, metavar="N", help="split the work over N processes (default 1)"
        )

    def progress(p):
        p.add_argument("--progress", action="store_true", help="show a progress bar on stderr")

    def arrangement_source(p):
        p.add_argument("--normals", metavar="FILE", help="normals, one row per hyperplane (JSON or text)")
        p.add_argument("--offsets", metavar="FILE", help="offsets c_i in a_i.x = c_i (default all 0)")
        p.add_argument(
            "--family", nargs=2, metavar=("NAME", "N"), help=f"a named family: {', '.join(FAMILIES)}"
        )
        p.add_argument("--dedupe", action="store_true",
                       help="merge repeated hyperplanes (one equation a multiple of another)")

    p = sub.add_parser("count", help="regions of a named arrangement family")
    p.add_argument("family", help=", ".join(FAMILIES))
    p.add_argument("n", type=int)
    progress(p)
    workers(p)
    common(p)
    p = sub.add_parser("charpoly", help="characteristic polynomial and Zaslavsky counts")
    arrangement_source(p)
    p.add_argument("--symmetry", choices=["auto"],
                   help="use the arrangement's symmetry group (deletion-restriction)")
    progress(p)
    workers(p)
    common(p)
    p = sub.add_parser("regions", help="list the regions with exact witnesses")
    arrangement_source(p)
    p.add_argument("--limit", type=int, help="stop after this many regions")
    progress(p)
    workers(p)
    common(p)
    p = sub.add_parser("realize", help="realize a Boolean map by one threshold layer, or prove it impossible")
    p.add_argument("--inputs", type=int, required=True)
    p.add_argument("--outputs", type=int, default=1)
    p.add_argument(
        "--table",
        required=True,
        help="outputs at 00..0, 00..1, ..., 11..1 as bit words "
        "(e.g. '00 01 01 11'), or a file containing them",
    )
    common(p)
    p = sub.add_parser("verify", help="check certificates with the independent verifier")
    p.add_argument("paths", nargs="+", metavar="CERT.json")
    common(p, certificate=False)
    p = sub.add_parser("reproduce", help="recompute the figures of the source papers")
    size = p.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="only the figures that take seconds")
    size.add_argument("--full", action="store_true", help="include the heavy figures (the n = 5 enumeration)")
    p.add_argument("--only", nargs="+", metavar="ID", help="just these figures (see --list)")
    p.add_argument("--out", default="certificates-out", help="folder for the certificates")
    p.add_argument("--no-certificates", action="store_true", help="skip producing and checking certificates")
    p.add_argument("--list", action="store_true", help="list the figures and exit")
    common(p, certificate=False)
    return parser


_COMMANDS = {
    "count": _cmd_count,
    "charpoly": _cmd_charpoly,
    "regions": _cmd_regions,
    "realize": _cmd_realize,
    "verify": _cmd_verify,
    "reproduce": _cmd_reproduce,
}


def main(argv=None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code.

    Examples
    --------
    >>> main(["charpoly", "--family", "braid", "3", "--json"])  # doctest: +ELLIPSIS
    {
     "arrangement": "braid(3)",
     ...
     "coefficients": [
      1,
      -3,
      2,
      0
     ],
    ...
    0
    """
    from .errors import MissingOptional, TooLarge

    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    _RECORD.reset()
    try:
        return _COMMANDS[args.command](args)
    except TooLarge as exc:
        print(f"exactgeom: refused: {exc}", file=sys.stderr)
        return EXIT_TOO_LARGE
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except (ValueError, TypeError, OSError, MissingOptional) as exc:
        print(f"exactgeom: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except _Interrupted as exc:
        print(f"\ninterrupted: {exc.done}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        print(f"\n{_RECORD.interrupted()}", file=sys.stderr)
        return EXIT_INTERRUPTED


def _discard_stdout() -> None:
    """Point stdout at the null device, so that the flush at exit cannot fail on the closed pipe again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):    # no file descriptor (an in-process caller's stream): nothing to flush
        pass


if __name__ == "__main__":
    sys.exit(main())

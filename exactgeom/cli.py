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
row per line; rationals are written ``p/q``.  Both formats read numbers alike:
integers and ``p/q`` are exact, and a decimal or exponent form (``0.5``, ``1e3``,
in a text file or as a JSON number) is refused with the ``TypeError`` of the
Python API for a float, naming the entry and the exact form to write.
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
import contextlib
import json
import os
import sys
import time
from pathlib import Path

__all__ = ["main", "FAMILIES", "read_matrix"]

FAMILIES = ("threshold", "resonance", "braid", "shi", "catalan", "linial", "semiorder", "coordinate")

EXIT_OK, EXIT_REFUTED, EXIT_BAD_INPUT, EXIT_UNPROVED, EXIT_TOO_LARGE, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130
EXIT_BROKEN_PIPE = 141           # 128 + SIGPIPE, what a shell reports for a process ended by the signal

NOTHING_DONE = "interrupted before any result was complete; nothing was written"


class _Interrupted(Exception):
    """Ctrl-C with a note on what was done."""

    def __init__(self, done: str):
        super().__init__(done)
        self.done = done


class _Record:
    """What a command has printed and written so far, for an honest message on Ctrl-C.

    Examples
    --------
    >>> record = _Record()
    >>> record.interrupted() == NOTHING_DONE
    True
    >>> record.printed("threshold(3): 104 regions, 0 bounded")
    >>> record.pending = "the certificate t3.json"
    >>> for part in record.interrupted().split("; "):
    ...     print(part)
    interrupted after the result was printed
    the certificate t3.json was not written (no partial file is left)
    """

    def __init__(self):
        self.lines = 0
        self.written: list[str] = []
        self.pending: str | None = None

    def printed(self, text: str) -> None:
        self.lines += 1

    def interrupted(self) -> str:
        if not self.lines and not self.written:
            return NOTHING_DONE if self.pending is None else (
                f"interrupted before any result was complete; {self.pending} was not written "
                "(no partial file is left)")
        parts = ["interrupted after the result was printed" if self.lines else "interrupted"]
        if self.written:
            parts.append(f"written: {', '.join(self.written)}")
        if self.pending is not None:
            parts.append(f"{self.pending} was not written (no partial file is left)")
        elif not self.written:
            parts.append("nothing was written")
        return "; ".join(parts)


_RECORD = _Record()


# ---------------------------------------------------------------------------------------------
# input


def read_matrix(path, name: str = "matrix") -> list:
    """Rows of rationals from a JSON file (a list of rows, or a flat list) or whitespace-separated text.

    Entries stay strings or ints; :mod:`exactgeom._exact` validates them.  A decimal or
    exponent form (``0.5``, ``1e3``) becomes the float it denotes in either format, as
    ``json`` reads it, so that both are refused alike, with the float message of the API.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
    ...     _ = f.write("1 0\\n1/2 -1\\n")
    >>> read_matrix(f.name)
    [['1', '0'], ['1/2', '-1']]
    >>> os.remove(f.name)
    >>> from exactgeom import Arrangement
    >>> Arrangement([[_text_entry(v) for v in "1 0.5".split()]])
    Traceback (most recent call last):
        ...
    TypeError: normals[0][1] is the float 0.5; pass Fraction(1, 2) or "1/2" for an exact value, ...
    """
    text = Path(path).read_text()
    stripped = text.strip()
    if stripped.startswith("[") or stripped.startswith("{"):
        try:
            value = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{name} file {path}: invalid JSON ({exc})") from None
        if isinstance(value, dict):
            raise ValueError(f"{name} file {path}: expected a JSON list, found an object")
        return value
    rows = [[_text_entry(v) for v in line.split()]
            for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return rows


def _text_entry(token: str):
    """A text-file entry as JSON would read it: decimal and exponent forms become floats."""
    if "/" not in token and any(c in token for c in ".eE"):
        try:
            return float(token)
        except ValueError:
            return token
    return token


def _read_vector(path, name: str) -> list:
    value = read_matrix(path, name)
    if value and all(isinstance(row, list) for row in value):
        return [v for row in value for v in row]
    return value


def _family(family: str, n: int):
    """The named arrangement ``family(n)`` and its display name."""
    from . import library

    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}; choose one of {', '.join(FAMILIES)}")
    return getattr(library, family)(n), f"{family}({n})"


def _arrangement(args):
    from . import Arrangement

    if getattr(args, "family", None):
        family, n = args.family
        return _family(family, _int(n, "N"))
    if not getattr(args, "normals", None):
        raise ValueError("give an arrangement with --normals FILE [--offsets FILE] or --family NAME N")
    normals = read_matrix(args.normals, "normals")
    offsets = _read_vector(args.offsets, "offsets") if args.offsets else None
    try:
        A = Arrangement(normals, offsets, dedupe=args.dedupe)
    except ValueError as exc:
        if "dedupe=True" not in str(exc):
            raise
        raise ValueError(str(exc).replace("dedupe=True", "--dedupe")) from None
    return A, Path(args.normals).name


def _int(text: str, name: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"{name} must be an integer, not {text!r}") from None


# ---------------------------------------------------------------------------------------------
# output


def _print(text: str = "", **kwargs) -> None:
    """Print to stdout and note it for the Ctrl-C message."""
    print(text, **kwargs)
    _RECORD.printed(text)


def _emit(args, payload: dict, text: str) -> None:
    _print(json.dumps(payload, indent=1, default=str) if args.json else text)


def _write_certificate(args, cert) -> None:
    """Write the certificate ``cert`` (or the one ``cert()`` builds) to ``--certificate``, atomically."""
    if not getattr(args, "certificate", None):
        return
    from .certificates import write

    _RECORD.pending = f"the certificate {args.certificate}"
    if callable(cert):
        cert = cert()
    if cert is None:
        _RECORD.pending = None
        return
    path = write(cert, args.certificate)
    _RECORD.pending = None
    _RECORD.written.append(str(path))
    if not args.json:
        _print(f"certificate written to {path}")


# ---------------------------------------------------------------------------------------------
# subcommands


@contextlib.contextmanager
def _executor(args):
    """A process pool when ``--workers N`` (N >= 2) was given, else ``None`` (serial)."""
    workers = getattr(args, "workers", 1)
    if workers < 1:
        raise ValueError(f"--workers must be at least 1, not {workers}")
    if workers == 1:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers)
    try:
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)


def _counts(A, args) -> tuple:
    """χ_A and the Zaslavsky counts (-1)^d χ(-1), (-1)^rank χ(1); ``--workers`` and ``--progress`` apply."""
    if getattr(args, "symmetry", None):
        chi = A.characteristic_polynomial(symmetry=args.symmetry, progress=args.progress)
    else:
        with _executor(args) as executor:
            chi = A.characteristic_polynomial(progress=args.progress, executor=executor)
    from .arrangements.lattice import zaslavsky_counts

    regions, bounded = zaslavsky_counts(chi.all_coeffs())
    return chi, regions, bounded


def _cmd_count(args) -> int:
    from .arrangements.certify import region_count_certificate

    A, name = _family(args.family, args.n)
    _, regions, bounded = _counts(A, args)
    _emit(
        args,
        {"arrangement": name, "regions": regions, "bounded_regions": bounded},
        f"{name}: {regions} regions, {bounded} bounded",
    )
    _write_certificate(args, lambda: region_count_certificate(A, name=name))
    return EXIT_OK


def _cmd_charpoly(args) -> int:
    from .arrangements.certify import characteristic_polynomial_certificate

    A, name = _arrangement(args)
    chi, regions, bounded = _counts(A, args)
    coefficients = [int(c) for c in chi.all_coeffs()]
    payload = {
        "arrangement": name,
        "dimension": A.dimension,
        "hyperplanes": len(A),
        "characteristic_polynomial": str(chi.as_expr()),
        "coefficients": coefficients,
        "regions": regions,
        "bounded_regions": bounded,
    }
    _emit(
        args,
        payload,
        f"{name}: {len(A)} hyperplanes in Q^{A.dimension}\n"
        f"  chi(t) = {chi.as_expr()}\n"
        f"  regions = {payload['regions']}, bounded = {payload['bounded_regions']}",
    )
    _write_certificate(args, lambda: characteristic_polynomial_certificate(A, name=name))
    return EXIT_OK


def _cmd_regions(args) -> int:
    from ._exact import fraction_str

    A, name = _arrangement(args)
    rows, shown = [], 0
    try:
        with _executor(args) as executor:
            for region in A.regions(progress=args.progress, executor=executor):
                rows.append(region)
                if args.limit is not None and len(rows) >= args.limit:
                    break
                if not args.json:
                    _print(_format_region(region))
                    shown += 1
    except KeyboardInterrupt:
        shown_note = f" ({shown} printed above)" if shown else " (none printed)"
        raise _Interrupted(
            f"{len(rows)} regions of {name} listed before the interruption{shown_note}; nothing was written"
        ) from None
    if args.json:
        _print(
            json.dumps(
                {
                    "arrangement": name,
                    "regions": [
                        {
                            "sign_vector": list(r.sign_vector),
                            "witness": [fraction_str(v) for v in r.witness],
                            "bounded": bool(r.is_bounded()),
                        }
                        for r in rows
                    ],
                },
                indent=1,
            )
        )
    else:
        for region in rows[shown:]:
            _print(_format_region(region))
        _print(
            f"{len(rows)} regions"
            + (" (limit reached)" if args.limit is not None and len(rows) >= args.limit else "")
        )
    if args.certificate:
        from .arrangements.regions import _region_list_certificate

        # the listing above is the certificate's evidence, unless --limit cut it short
        def certificate():
            full = args.limit is None or len(rows) < args.limit
            return _region_list_certificate(A, rows if full else A.regions(progress=args.progress))

        _write_certificate(args, certificate)
    return EXIT_OK


def _format_region(region) -> str:
    from ._exact import fraction_str

    signs = "".join("+" if s > 0 else "-" for s in region.sign_vector)
    witness = ", ".join(fraction_str(v) for v in region.witness)
    return f"{signs}  ({witness})" + ("  bounded" if region.is_bounded() else "")


def _parse_table(text: str, n: int, m: int) -> list:
    """Outputs at the inputs of {0,1}^n in lexicographic order: 'y y y ...' with y an m-bit word."""
    source = Path(text).read_text() if Path(text).is_file() else text
    words = source.replace(",", " ").split()
    if len(words) != 2**n:
        raise ValueError(
            f"--table has {len(words)} outputs; {{0,1}}^{n} has {2**n} inputs "
            f"(give one {m}-bit word per input, inputs in lexicographic order)"
        )
    table = []
    for k, word in enumerate(words):
        if len(word) != m or set(word) - {"0", "1"}:
            raise ValueError(f"--table entry {k} is {word!r}; expected {m} bits such as {'0' * m!r}")
        table.append(tuple(int(b) for b in word))
    return table


def _cmd_realize(args) -> int:
    from ._exact import fraction_str
    from .networks import ThresholdNetwork

    table = _parse_table(args.table, args.inputs, args.outputs)
    net = ThresholdNetwork(n_inputs=args.inputs, n_outputs=args.outputs)
    result = net.realize(table)
    if result:
        W = [[fraction_str(v) for v in row] for row in result.weights]
        theta = [fraction_str(v) for v in result.thresholds]
        _emit(
            args,
            {"realizable": True, "weights": W, "thresholds": theta, "verified": bool(result.verify())},
            f"realizable: W = {W}, theta = {theta} (checked on all {2**args.inputs} inputs: "
            f"{bool(result.verify())})",
        )
        _write_certificate(args, result.certificate)
        return EXIT_OK
    rows = list(result.rows)
    certs = list(result.certificates)
    explanation = result.explain()
    _emit(
        args,
        {"realizable": False, "failing_output_rows": rows, "certificates_verify": bool(result.verify()),
         "explanation": explanation},
        f"not realizable: output rows {rows} admit no parameters; {len(certs)} certificate(s), "
        f"verified: {bool(result.verify())}\n{explanation}",
    )
    if certs:
        _write_certificate(args, certs[0] if len(certs) == 1 else _bundle(certs))
    return EXIT_REFUTED


def _bundle(certs: list[dict]) -> dict:
    return certs[0] | {"meta": {**certs[0].get("meta", {}), "also": certs[1:]}}


VERIFY_EXIT = {"rejected": EXIT_REFUTED, "unreadable": EXIT_BAD_INPUT, "consistent": EXIT_UNPROVED,
               "proved": EXIT_OK}
"""Exit code of ``verify`` for each status; the batch exits with the first of these that occurs."""


def _verify_one(path: str) -> dict:
    from .certificates import verify

    outcome = verify(Path(path))
    status = outcome.status if outcome.readable else "unreadable"
    return {"path": path, "status": status, "ok": outcome.ok, "kind": outcome.kind,
            "message": outcome.message}


def _cmd_verify(args) -> int:
    results = []
    try:
        for path in args.paths:
            r = _verify_one(path)
            results.append(r)
            if not args.json:
                _print(f"{r['path']}: {r['status']} [{r['kind']}] {r['message']}", flush=True)
    except KeyboardInterrupt:
        raise _Interrupted(
            f"{len(results)} of {len(args.paths)} files verified before the interruption"
            + (" (their statuses are printed above)" if results and not args.json else "")
            + "; nothing was written"
        ) from None
    if args.json:
        _print(json.dumps(results, indent=1))
    found = {r["status"] for r in results}
    return next((code for status, code in VERIFY_EXIT.items() if status in found), EXIT_OK)


def _short(value, width: int = 38) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False) if value is not None else "—"
    return text if len(text) <= width else text[: width - 1] + "…"


def _cmd_reproduce(args) -> int:
    from . import reproduce

    if args.list:
        for f in reproduce.FIGURES:
            _print(f"{f.id:24} [{f.tier}] {f.description} ({f.source})")
        return EXIT_OK
    tier = "quick" if args.quick else "full" if args.full else "default"
    figures = reproduce.select(only=args.only, tier=tier)
    out = None if args.no_certificates else Path(args.out)
    header = f"{'figure':24} {'expected':38} {'computed':38} {'time':>7}  certificates"
    if not args.json:
        print(header)
        print("-" * len(header))

    def report(row):
        _RECORD.written.extend(row.files)
        if not args.json:
            mark = "" if row.status == "ok" and not row.failed else f"  <- {row.status}"
            computed = row.computed if row.status not in ("unavailable", "ERROR") else row.status
            _print(
                f"{row.id:24} {_short(row.expected):38} {_short(computed):38} {row.seconds:6.2f}s  "
                f"{row.certificates}{mark}",
                flush=True,
            )
            if row.message and (row.status != "ok" or row.failed or row.verdicts.get("consistent")):
                _print(f"{'':24} {row.message[:150]}", flush=True)

    start = time.perf_counter()
    try:
        results = reproduce.run(figures, out, certificates=not args.no_certificates, report=report)
    except KeyboardInterrupt as exc:
        done = getattr(exc, "results", [])
        files = [f for r in done for f in r.files]
        raise _Interrupted(
            f"{len(done)} of {len(figures)} figures finished before the interruption"
            + (" (printed above)" if done and not args.json else "")
            + (f"; their {len(files)} certificates are in {out}" if files else "; no certificate was written")
            + "; summary.json was not written"
        ) from None
    failed = [r for r in results if r.failed]
    counts = {s: sum(1 for r in results if r.status == s) for s in ("ok", "MISMATCH", "ERROR", "unavailable")}
    verdicts = {v: sum(r.verdicts.get(v, 0) for r in results) for v in ("proved", "consistent", "rejected")}
    summary = {
        "figures": [r.as_dict() for r in results],
        "counts": counts,
        "certificates": verdicts,
        "failed": [r.id for r in failed],
        "seconds": round(time.perf_counter() - start, 2),
        "certificates_folder": str(out) if out else None,
    }
    if out is not None:
        from .certificates import write

        _RECORD.pending = f"{out / 'summary.json'}"
        write(json.loads(json.dumps(summary, default=str)), out / "summary.json")
        _RECORD.pending = None
        _RECORD.written.append(str(out / "summary.json"))
    if args.json:
        _print(json.dumps(summary, indent=1, default=str))
    else:
        print("-" * len(header))
        _print(
            f"{len(results)} figures in {summary['seconds']} s: {counts['ok']} ok, "
            f"{counts['MISMATCH']} mismatch, "
            f"{counts['ERROR']} error, {counts['unavailable']} unavailable; certificates: "
            f"{verdicts['proved']} proved, {verdicts['consistent']} consistent (not proved), "
            f"{verdicts['rejected']} rejected"
            + (f", written to {out}" if out else "")
        )
        if failed:
            _print(f"FAILED: {', '.join(r.id for r in failed)}")
    return EXIT_REFUTED if failed else EXIT_OK


# ---------------------------------------------------------------------------------------------
# parser


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
    global _RECORD
    from .errors import MissingOptional, TooLarge

    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    _RECORD = _Record()
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

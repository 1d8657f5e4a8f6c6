"""What every subcommand shares: exit codes, reading matrices, printing, writing certificates."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

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
        self.reset()

    def reset(self) -> None:
        """Forget what was printed and written (at the start of a command)."""
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

    Entries stay strings or ints; :mod:`exactgeom._exact` reads them.  A decimal or exponent
    form (``0.5``, ``1e3``) stays the text it is in either format (a JSON number is not turned
    into a binary float), so both formats read it alike, as the exact rational it denotes.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
    ...     _ = f.write("1 0\\n1/2 -1\\n0.5 1e-3\\n")
    >>> read_matrix(f.name)
    [['1', '0'], ['1/2', '-1'], ['0.5', '1e-3']]
    >>> os.remove(f.name)
    >>> with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    ...     _ = f.write('[[1, 0.5], ["1/2", 1e-3]]')
    >>> read_matrix(f.name)
    [[1, '0.5'], ['1/2', '1e-3']]
    >>> os.remove(f.name)
    """
    text = Path(path).read_text()
    stripped = text.strip()
    if stripped.startswith("[") or stripped.startswith("{"):
        try:
            value = json.loads(stripped, parse_float=str)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{name} file {path}: invalid JSON ({exc})") from None
        if isinstance(value, dict):
            raise ValueError(f"{name} file {path}: expected a JSON list, found an object")
        return value
    return [line.split() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _read_vector(path, name: str) -> list:
    value = read_matrix(path, name)
    if value and all(isinstance(row, list) for row in value):
        return [v for row in value for v in row]
    return value


def _family(family: str, n: int):
    """The named arrangement ``family(n)`` and its display name."""
    from .. import library

    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}; choose one of {', '.join(FAMILIES)}")
    return getattr(library, family)(n), f"{family}({n})"


def _arrangement(args):
    from .. import Arrangement

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
    from ..certificates import write

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

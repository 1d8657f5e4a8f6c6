"""Certificates: plain JSON data for every claim exactgeom proves, and an independent verifier.

Envelope (schema version 2; full schema in ``docs/certificates.md``)::

    {"format": "exactgeom-certificate", "version": 2,
     "kind": "<what is claimed>",          # e.g. "nnc-emptiness", "region-count"
     "claim": {...},                       # the statement, in plain data
     "data": {...},                        # the evidence
     "meta": {...}}                        # optional: producer, seed, engine, timings

Rationals are written as strings ``"p/q"`` or ``"p"`` (integers may also be
JSON ints).  The verifier is this package plus the ``check_*`` modules next to
it; it imports only the standard library (``fractions``, ``json``) and shares no
code with the computations that produce certificates.  Each ``check_<area>.py``
module defines ``CHECKS = {kind: function}``; a check function receives the
whole certificate and raises :class:`CertificateError` with a message saying
what does not add up, or returns ``None``/a message (proved) or a
:class:`Consistent` (the evidence checks, the value is not re-derived).  Every
field is read through :mod:`exactgeom.certificates._schema` (strict types,
bounded sizes, counted work), so :func:`verify` is total and bounded.

Examples
--------
>>> from exactgeom.certificates import verify
>>> v = verify({"format": "exactgeom-certificate", "version": 2, "kind": "no-such-kind",
...             "claim": {}, "data": {}})
>>> bool(v), v.message
(False, "unknown certificate kind 'no-such-kind'")
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import os
import pkgutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["verify", "Verification", "Consistent", "CertificateError", "FORMAT", "VERSION", "envelope",
           "write", "load", "STATUSES"]

FORMAT = "exactgeom-certificate"
VERSION = 2


class CertificateError(ValueError):
    """A certificate that does not prove its claim; the message says why.

    Check functions (``CHECKS`` in the ``check_*`` modules) raise it;
    :func:`verify` turns it into a false :class:`Verification`.

    Examples
    --------
    >>> from exactgeom.certificates.check_regions import check_region_list
    >>> cert = envelope("region-list",
    ...                 {"dimension": 1, "normals": [["1"]], "offsets": ["0"], "num_regions_at_least": 2},
    ...                 {"regions": [{"sign_vector": [1], "witness": ["1"]},
    ...                              {"sign_vector": [1], "witness": ["2"]}]})
    >>> check_region_list(cert)
    Traceback (most recent call last):
        ...
    exactgeom.certificates.CertificateError: regions 0 and 1 have the same sign vector, so they are ...
    """


class Consistent:
    """Returned by a check whose central number the verifier cannot re-derive.

    A check function returns ``None`` or a message string when the claim is proved, and a
    ``Consistent(message)`` when every piece of evidence checks but the claimed value itself is
    not re-derived (today: ED degrees counted modulo primes).  The message says what was checked
    and what was not.

    Examples
    --------
    >>> Consistent("counts re-derived modulo 2 primes; luckiness of the primes not checked").message
    'counts re-derived modulo 2 primes; luckiness of the primes not checked'
    """

    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message


STATUSES = ("proved", "consistent", "rejected")


@dataclass(frozen=True)
class Verification:
    """Outcome of :func:`verify`: one of three verdicts, truthy only for ``"proved"``.

    Attributes
    ----------
    status : str
        ``"proved"`` (the evidence proves the claim), ``"consistent"`` (the evidence checks but
        the claimed value is not re-derived; the message says what was and was not), or
        ``"rejected"``.
    kind : str
        The certificate's kind (``"?"`` when it could not be read).
    message : str
        What was established, or what does not add up.
    readable : bool
        False when the input could not even be read as a JSON certificate (the CLI exits 2).

    Examples
    --------
    >>> v = verify(envelope("region-list",
    ...                     {"dimension": 1, "normals": [["2"]], "offsets": ["1"], "num_regions_at_least": 2},
    ...                     {"regions": [{"sign_vector": [1], "witness": ["1"]},
    ...                                  {"sign_vector": [-1], "witness": ["0"]}]}))
    >>> v.status, bool(v), v.ok
    ('proved', True, True)
    """

    status: str
    kind: str
    message: str
    readable: bool = True

    @property
    def ok(self) -> bool:
        """True exactly when the status is ``"proved"``."""
        return self.status == "proved"

    def __bool__(self) -> bool:
        return self.status == "proved"


@functools.cache
def _checks() -> dict:
    """Every ``CHECKS`` table of the ``check_*`` modules, found once per process."""
    table = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("check_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            table.update(module.CHECKS)
    return table


MAX_BYTES = 64 * 2**20
"""Largest certificate file or text the verifier reads."""


def _reject_constant(name):
    raise ValueError(f"{name} is not a number a certificate may contain")


def _parse_json(text) -> object:
    if isinstance(text, (bytes, bytearray)):
        if len(text) > MAX_BYTES:
            raise ValueError(f"the certificate has {len(text)} bytes; at most {MAX_BYTES} are read")
        text = bytes(text).decode("utf-8")
    if len(text) > MAX_BYTES:
        raise ValueError(f"the certificate has {len(text)} characters; at most {MAX_BYTES} are read")
    return json.loads(text, parse_constant=_reject_constant)


def load(path_or_obj) -> dict:
    """A certificate as a dict, from a dict, JSON text (str or bytes), or a path to a JSON file.

    Parameters
    ----------
    path_or_obj : dict, str, bytes or pathlib.Path
        A dict is returned as it is; a string starting with ``{`` (or bytes) is parsed as
        JSON; any other string or path names a JSON file (UTF-8, at most :data:`MAX_BYTES`).

    Returns
    -------
    dict

    Raises
    ------
    TypeError
        For anything else, or JSON that is not an object.
    OSError, ValueError
        For a file that cannot be read, is not UTF-8, or is not JSON.

    Examples
    --------
    >>> load('{"kind": "region-list", "claim": {}}')
    {'kind': 'region-list', 'claim': {}}
    >>> load(3)
    Traceback (most recent call last):
        ...
    TypeError: a certificate is a dict, JSON text or a path, not int
    """
    if isinstance(path_or_obj, dict):
        return path_or_obj
    if isinstance(path_or_obj, (bytes, bytearray)):
        cert = _parse_json(path_or_obj)
    elif isinstance(path_or_obj, str) and path_or_obj.lstrip().startswith(("{", "[")):
        cert = _parse_json(path_or_obj)
    elif isinstance(path_or_obj, (str, Path)):
        path = Path(path_or_obj)
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        cert = _parse_json(raw)
    else:
        raise TypeError(f"a certificate is a dict, JSON text or a path, not {type(path_or_obj).__name__}")
    if not isinstance(cert, dict):
        raise TypeError(f"a certificate is a JSON object, not {type(cert).__name__}")
    return cert


_ENVELOPE_FIELDS = {"format", "version", "kind", "claim", "data", "meta"}


def verify(path_or_obj) -> Verification:
    """Check a certificate with rational arithmetic only; total: every input gets a verdict.

    Parameters
    ----------
    path_or_obj : dict, JSON text (str or bytes), or path

    Returns
    -------
    Verification
        ``status`` is ``"proved"`` when the evidence proves the claim, ``"consistent"`` when
        it checks but the claimed value is not re-derived (the message says what was), and
        ``"rejected"`` otherwise, with the reason.  No input raises: unreadable files,
        non-objects, hostile sizes and malformed fields are all rejected, each check within a
        counted work budget (:data:`exactgeom.certificates._schema.MAX_OPERATIONS`).

    Examples
    --------
    The line ``x = 1/2`` cuts Q into two regions; the witnesses 1 and 0 lie on
    its two sides:

    >>> cert = envelope("region-list",
    ...                 {"dimension": 1, "normals": [["1"]], "offsets": ["1/2"], "num_regions_at_least": 2},
    ...                 {"regions": [{"sign_vector": [1], "witness": ["1"]},
    ...                              {"sign_vector": [-1], "witness": ["0"]}]})
    >>> verify(cert).status
    'proved'
    >>> cert["claim"]["num_regions_at_least"] = 3
    >>> verify(cert).message
    'the claim is 3 regions but 2 are listed'
    >>> verify({"format": "something-else"}).message
    "'format' must be 'exactgeom-certificate', found 'something-else'"
    >>> verify(None).status, verify(b"\\xff").status, verify([1]).status
    ('rejected', 'rejected', 'rejected')
    """
    try:
        return _verify(path_or_obj)
    except Exception as exc:  # noqa: BLE001 - the verifier is total: any failure is a rejection
        return Verification("rejected", "?", f"malformed certificate: {type(exc).__name__}: {_clip(exc)}")


def _clip(exc) -> str:
    try:
        text = str(exc)
    except Exception:  # noqa: BLE001
        text = ""
    return text if len(text) <= 300 else text[:297] + "..."


def _verify(path_or_obj) -> Verification:
    from . import _schema

    try:
        cert = load(path_or_obj)
    except (OSError, ValueError, TypeError, RecursionError, MemoryError, UnicodeDecodeError) as exc:
        return Verification("rejected", "?", f"cannot read certificate: {_clip(exc)}", readable=False)
    if isinstance(path_or_obj, dict):
        # Parsed JSON text is a tree whose depth the JSON decoder already bounds; a dict built in
        # Python may be nested arbitrarily deep or contain itself.
        try:
            _schema.check_depth(cert)
        except CertificateError as exc:
            return Verification("rejected", "?", str(exc), readable=False)
    kind = cert.get("kind", "?")
    kind = kind if isinstance(kind, str) and len(kind) <= 100 else "?"
    if cert.get("format") != FORMAT:
        found = _schema._short(cert.get("format"))
        return Verification("rejected", kind, f"'format' must be {FORMAT!r}, found {found}")
    found = cert.get("version")
    if found != VERSION or isinstance(found, bool):
        if isinstance(found, int) and not isinstance(found, bool) and 1 <= found < VERSION:
            return Verification("rejected", kind, (
                f"certificate version {found} is no longer accepted: its claims do not state the whole "
                f"theorem; recompute it with this exactgeom (version {VERSION})"))
        message = f"unsupported version {_schema._short(found)}; this verifier reads {VERSION}"
        return Verification("rejected", kind, message)
    unknown = sorted(str(k) for k in cert if k not in _ENVELOPE_FIELDS)
    if unknown:
        return Verification("rejected", kind, f"unknown top-level field {_schema._short(unknown[0])}")
    for key in ("claim", "data"):
        if not isinstance(cert.get(key), dict):
            return Verification("rejected", kind, f"missing or malformed {key!r} section")
    if "meta" in cert and not isinstance(cert["meta"], dict):
        return Verification("rejected", kind, "the 'meta' section must be an object")
    if not isinstance(cert.get("kind"), str):
        message = f"'kind' must be a string, found {_schema._short(cert.get('kind'))}"
        return Verification("rejected", "?", message)
    check = _checks().get(kind)
    if check is None:
        return Verification("rejected", kind, f"unknown certificate kind {kind!r}")
    _schema.reset_budget()
    try:
        outcome = check(cert)
    except CertificateError as exc:
        return Verification("rejected", kind, _clip(exc) if len(str(exc)) > 2000 else str(exc))
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError, AttributeError,
            RecursionError, MemoryError, OverflowError) as exc:
        return Verification("rejected", kind, f"malformed certificate: {type(exc).__name__}: {_clip(exc)}")
    if isinstance(outcome, Consistent):
        return Verification("consistent", kind, outcome.message)
    return Verification("proved", kind, outcome if isinstance(outcome, str) and outcome else "proved")


def envelope(kind: str, claim: dict, data: dict, meta: dict | None = None) -> dict:
    """Wrap claim and evidence in the versioned certificate envelope (producer side).

    Parameters
    ----------
    kind : str
        What is claimed; names the check that :func:`verify` runs.
    claim, data : dict
        The statement and the evidence, in plain JSON-able data.
    meta : dict, optional
        Producer, seed, engine, timings; not read by the verifier.

    Returns
    -------
    dict

    Examples
    --------
    >>> cert = envelope("region-count", {"num_regions": 2}, {"chi": [1, -1]})
    >>> cert["format"], cert["version"], cert["kind"], cert["claim"], cert["meta"]
    ('exactgeom-certificate', 2, 'region-count', {'num_regions': 2}, {})
    """
    return {"format": FORMAT, "version": VERSION, "kind": kind, "claim": claim, "data": data,
            "meta": meta or {}}


def write(cert: dict, path) -> Path:
    """Write a certificate atomically (a temporary file renamed into place).

    Parameters
    ----------
    cert : dict
    path : str or pathlib.Path
        Missing parent folders are created.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile
    >>> cert = envelope("region-list",
    ...                 {"dimension": 1, "normals": [["1"]], "offsets": ["0"], "num_regions_at_least": 2},
    ...                 {"regions": [{"sign_vector": [1], "witness": ["1"]},
    ...                              {"sign_vector": [-1], "witness": ["-1"]}]})
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = write(cert, Path(folder) / "sub" / "line.json")
    ...     load(path) == cert, verify(path).ok
    (True, True)
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(cert, indent=1, sort_keys=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        # An interrupt (or any failure) leaves neither a partial file nor a stray temporary.
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path

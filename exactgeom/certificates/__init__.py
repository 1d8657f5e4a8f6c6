"""Certificates: plain JSON data for every claim exactgeom proves, and an independent verifier.

Envelope (schema version 1; full schema in ``docs/certificates.md``)::

    {"format": "exactgeom-certificate", "version": 1,
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
what does not add up.

Examples
--------
>>> from exactgeom.certificates import verify
>>> v = verify({"format": "exactgeom-certificate", "version": 1, "kind": "no-such-kind",
...             "claim": {}, "data": {}})
>>> bool(v), v.message
(False, "unknown certificate kind 'no-such-kind'")
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from dataclasses import dataclass
from pathlib import Path

__all__ = ["verify", "Verification", "CertificateError", "FORMAT", "VERSION", "envelope", "write", "load"]

FORMAT = "exactgeom-certificate"
VERSION = 1


class CertificateError(ValueError):
    """A certificate that does not prove its claim; the message says why."""


@dataclass(frozen=True)
class Verification:
    """Outcome of :func:`verify`: truthy exactly when the certificate checks."""

    ok: bool
    kind: str
    message: str

    def __bool__(self) -> bool:
        return self.ok


def _checks() -> dict:
    table = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("check_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            table.update(module.CHECKS)
    return table


def load(path_or_obj) -> dict:
    """A certificate as a dict, from a dict, a JSON string, or a path to a JSON file."""
    if isinstance(path_or_obj, dict):
        return path_or_obj
    is_json_text = isinstance(path_or_obj, str) and path_or_obj.lstrip().startswith("{")
    if isinstance(path_or_obj, Path) or (isinstance(path_or_obj, str) and not is_json_text):
        return json.loads(Path(path_or_obj).read_text())
    if isinstance(path_or_obj, str):
        return json.loads(path_or_obj)
    raise TypeError(f"a certificate is a dict, a JSON string or a path, not {type(path_or_obj).__name__}")


def verify(path_or_obj) -> Verification:
    """Check a certificate with rational arithmetic only.

    Parameters
    ----------
    path_or_obj : dict, JSON string, or path

    Returns
    -------
    Verification
        ``ok`` is true when the evidence proves the claim; otherwise ``message``
        says what does not add up.
    """
    try:
        cert = load(path_or_obj)
    except (OSError, json.JSONDecodeError) as exc:
        return Verification(False, "?", f"cannot read certificate: {exc}")
    if not isinstance(cert, dict):
        return Verification(False, "?", "a certificate must be a JSON object")
    kind = cert.get("kind", "?")
    if cert.get("format") != FORMAT:
        return Verification(False, str(kind), f"'format' must be {FORMAT!r}, found {cert.get('format')!r}")
    if cert.get("version") != VERSION:
        found = cert.get("version")
        return Verification(False, str(kind), f"unsupported version {found!r}; this verifier reads {VERSION}")
    for key in ("claim", "data"):
        if not isinstance(cert.get(key), dict):
            return Verification(False, str(kind), f"missing or malformed {key!r} section")
    check = _checks().get(kind)
    if check is None:
        return Verification(False, str(kind), f"unknown certificate kind {kind!r}")
    try:
        check(cert)
    except CertificateError as exc:
        return Verification(False, kind, str(exc))
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError, AttributeError) as exc:
        return Verification(False, kind, f"malformed certificate: {type(exc).__name__}: {exc}")
    return Verification(True, kind, "verified")


def envelope(kind: str, claim: dict, data: dict, meta: dict | None = None) -> dict:
    """Wrap claim and evidence in the versioned certificate envelope (producer side)."""
    return {"format": FORMAT, "version": VERSION, "kind": kind, "claim": claim, "data": data,
            "meta": meta or {}}


def write(cert: dict, path) -> Path:
    """Write a certificate atomically (a temporary file renamed into place)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".part")
    tmp.write_text(json.dumps(cert, indent=1, sort_keys=True))
    tmp.replace(path)
    return path

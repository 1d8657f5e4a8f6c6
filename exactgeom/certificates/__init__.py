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


@dataclass(frozen=True)
class Verification:
    """Outcome of :func:`verify`: truthy exactly when the certificate checks.

    Attributes
    ----------
    ok : bool
        Whether the evidence proves the claim.
    kind : str
        The certificate's kind (``"?"`` when it could not be read).
    message : str
        ``"verified"``, or what does not add up.

    Examples
    --------
    >>> v = verify(envelope("region-list",
    ...                     {"dimension": 1, "normals": [["2"]], "offsets": ["1"], "num_regions_at_least": 2},
    ...                     {"regions": [{"sign_vector": [1], "witness": ["1"]},
    ...                                  {"sign_vector": [-1], "witness": ["0"]}]}))
    >>> v
    Verification(ok=True, kind='region-list', message='verified')
    >>> bool(v)
    True
    """

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
    """A certificate as a dict, from a dict, a JSON string, or a path to a JSON file.

    Parameters
    ----------
    path_or_obj : dict, str or pathlib.Path
        A dict is returned as it is; a string starting with ``{`` is parsed as
        JSON; any other string or path names a JSON file.

    Returns
    -------
    dict

    Raises
    ------
    TypeError
        For anything else.
    OSError, json.JSONDecodeError
        For a file that cannot be read or parsed.

    Examples
    --------
    >>> load('{"kind": "region-list", "claim": {}}')
    {'kind': 'region-list', 'claim': {}}
    >>> load(3)
    Traceback (most recent call last):
        ...
    TypeError: a certificate is a dict, a JSON string or a path, not int
    """
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
        says what does not add up.  Malformed input gives a false result, never
        an exception.

    Examples
    --------
    The line ``x = 1/2`` cuts Q into two regions; the witnesses 1 and 0 lie on
    its two sides:

    >>> cert = envelope("region-list",
    ...                 {"dimension": 1, "normals": [["1"]], "offsets": ["1/2"], "num_regions_at_least": 2},
    ...                 {"regions": [{"sign_vector": [1], "witness": ["1"]},
    ...                              {"sign_vector": [-1], "witness": ["0"]}]})
    >>> verify(cert).ok
    True
    >>> cert["claim"]["num_regions_at_least"] = 3
    >>> verify(cert).message
    'the claim is 3 regions but 2 are listed'
    >>> verify({"format": "something-else"}).message
    "'format' must be 'exactgeom-certificate', found 'something-else'"
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
    ('exactgeom-certificate', 1, 'region-count', {'num_regions': 2}, {})
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
    tmp = path.with_suffix(path.suffix + ".part")
    tmp.write_text(json.dumps(cert, indent=1, sort_keys=True))
    tmp.replace(path)
    return path

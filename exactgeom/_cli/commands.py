"""The subcommands of the ``exactgeom`` command line (see :mod:`exactgeom.cli`)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from .common import (
    _RECORD,
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_REFUTED,
    EXIT_UNPROVED,
    _arrangement,
    _emit,
    _executor,
    _family,
    _Interrupted,
    _print,
    _write_certificate,
)

def _counts(A, args) -> tuple:
    """χ_A and the Zaslavsky counts (-1)^d χ(-1), (-1)^rank χ(1); ``--workers`` and ``--progress`` apply."""
    if getattr(args, "symmetry", None):
        chi = A.characteristic_polynomial(symmetry=args.symmetry, progress=args.progress)
    else:
        with _executor(args) as executor:
            chi = A.characteristic_polynomial(progress=args.progress, executor=executor)
    from ..arrangements.lattice import zaslavsky_counts

    regions, bounded = zaslavsky_counts(chi.all_coeffs())
    return chi, regions, bounded


def _cmd_count(args) -> int:
    from ..arrangements.certify import region_count_certificate

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
    from ..arrangements.certify import characteristic_polynomial_certificate

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
        f"{name}: {len(A)} hyperplane{'' if len(A) == 1 else 's'} in Q^{A.dimension}\n"
        f"  chi(t) = {chi.as_expr()}\n"
        f"  regions = {payload['regions']}, bounded = {payload['bounded_regions']}",
    )
    _write_certificate(args, lambda: characteristic_polynomial_certificate(A, name=name))
    return EXIT_OK


def _cmd_regions(args) -> int:
    from .._exact import fraction_str

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
            f"{len(rows)} region{'' if len(rows) == 1 else 's'}"
            + (" (limit reached)" if args.limit is not None and len(rows) >= args.limit else "")
        )
    if args.certificate:
        from ..arrangements.regions import region_certificate

        # the listing above is the certificate's evidence, unless --limit cut it short
        def certificate():
            full = args.limit is None or len(rows) < args.limit
            return region_certificate(A, progress=args.progress, found=rows if full else None)

        _write_certificate(args, certificate)
    return EXIT_OK


def _format_region(region) -> str:
    from .._exact import fraction_str

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
    from .._exact import fraction_str
    from ..networks import ThresholdNetwork

    table = _parse_table(args.table, args.inputs, args.outputs)
    net = ThresholdNetwork(n_inputs=args.inputs, n_outputs=args.outputs)
    result = net.realize(table)
    if result:
        W = [[fraction_str(v) for v in row] for row in result.weights]
        theta = [fraction_str(v) for v in result.thresholds]
        verified = bool(result.verify())
        _emit(
            args,
            {"realizable": True, "weights": W, "thresholds": theta, "verified": verified},
            f"realizable, checked on all {2**args.inputs} inputs: {verified}\n{result}",
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
    from ..certificates import verify

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
    from .. import reproduce

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
        from ..certificates import write

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

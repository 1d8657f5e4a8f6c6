"""The command line, called in-process: output, files and exit codes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from exactgeom.certificates import verify
from exactgeom.cli import main, read_matrix


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_count_threshold_matches_A000609(capsys):
    code, out, _ = _run(capsys, "count", "threshold", "4", "--json")
    assert code == 0
    assert json.loads(out) == {"arrangement": "threshold(4)", "regions": 1882, "bounded_regions": 0}


def test_count_writes_a_certificate_that_verifies(tmp_path, capsys):
    path = tmp_path / "t3.json"
    code, out, _ = _run(capsys, "count", "threshold", "3", "--certificate", str(path))
    assert code == 0 and "104 regions" in out
    assert verify(path).ok
    code, out, _ = _run(capsys, "verify", str(path))
    assert code == 0 and f"{path}: proved [region-count]" in out


def test_unknown_family_is_bad_input(capsys):
    code, _, err = _run(capsys, "count", "no-such", "3")
    assert code == 2 and "unknown family" in err


def test_argparse_errors_exit_2(capsys):
    assert _run(capsys, "count", "threshold")[0] == 2
    assert _run(capsys, "frobnicate")[0] == 2
    assert _run(capsys, "--help")[0] == 0


def test_charpoly_from_text_and_json_files(tmp_path, capsys):
    normals = tmp_path / "normals.txt"
    normals.write_text("1 0\n0 1\n1 1\n")
    offsets = tmp_path / "offsets.json"
    offsets.write_text('["0", "0", "1/2"]')
    code, out, _ = _run(capsys, "charpoly", "--normals", str(normals), "--offsets", str(offsets), "--json")
    assert code == 0
    payload = json.loads(out)
    # three lines in general position: chi = t^2 - 3t + 3, 7 regions, 1 bounded
    assert payload["coefficients"] == [1, -3, 3]
    assert (payload["regions"], payload["bounded_regions"]) == (7, 1)


def test_charpoly_certificate_for_a_family(tmp_path, capsys):
    path = tmp_path / "shi3.json"
    code, out, _ = _run(capsys, "charpoly", "--family", "shi", "3", "--certificate", str(path))
    assert code == 0 and "t**3 - 6*t**2 + 9*t" in out  # t(t-3)^2
    assert json.loads(path.read_text())["kind"] == "characteristic-polynomial"
    assert verify(path).ok


def test_charpoly_reads_a_json_decimal_as_the_exact_rational(tmp_path, capsys):
    # a JSON number 0.5 is 1/2 exactly (cli.md), the same answer as the string "1/2"
    decimal, fraction = tmp_path / "decimal.json", tmp_path / "fraction.json"
    decimal.write_text("[[1, 0.5], [0, 1], [1, 1]]")
    fraction.write_text('[[1, "1/2"], [0, 1], [1, 1]]')
    first = _run(capsys, "charpoly", "--normals", str(decimal), "--json")
    second = _run(capsys, "charpoly", "--normals", str(fraction), "--json")
    payloads = [json.loads(out) for _, out, _ in (first, second)]
    for payload in payloads:
        payload.pop("arrangement")                     # the file name
    assert first[0] == second[0] == 0 and payloads[0] == payloads[1]
    (tmp_path / "nan.json").write_text('[[1, "nan"]]')
    assert _run(capsys, "charpoly", "--normals", str(tmp_path / "nan.json"))[0] == 2


def test_charpoly_missing_file_and_missing_source(tmp_path, capsys):
    assert _run(capsys, "charpoly", "--normals", str(tmp_path / "absent.txt"))[0] == 2
    code, _, err = _run(capsys, "charpoly")
    assert code == 2 and "--normals" in err


def test_read_matrix_skips_comments(tmp_path):
    f = tmp_path / "m.txt"
    f.write_text("# two rows\n1 2/3\n\n-1 0\n")
    assert read_matrix(f) == [["1", "2/3"], ["-1", "0"]]


def test_regions_lists_witnesses_json(capsys):
    code, out, _ = _run(capsys, "regions", "--family", "braid", "3", "--json")
    assert code == 0
    regions = json.loads(out)["regions"]
    assert len(regions) == 6  # 3! chambers
    assert len({tuple(r["sign_vector"]) for r in regions}) == 6
    from fractions import Fraction

    normals = [(1, -1, 0), (1, 0, -1), (0, 1, -1)]
    for r in regions:  # each witness is strictly on the sides its sign vector says
        x = [Fraction(v) for v in r["witness"]]
        for a, s in zip(normals, r["sign_vector"]):
            assert (sum(ai * xi for ai, xi in zip(a, x)) > 0) == (s > 0)


def test_regions_text_with_limit(capsys):
    code, out, _ = _run(capsys, "regions", "--family", "threshold", "2", "--limit", "3")
    assert code == 0 and "3 regions (limit reached)" in out


def test_realize_xor_is_refuted_with_certificate(tmp_path, capsys):
    path = tmp_path / "xor.json"
    code, out, _ = _run(
        capsys, "realize", "--inputs", "2", "--outputs", "1", "--table", "0 1 1 0", "--certificate", str(path)
    )
    assert code == 1 and "not realizable" in out
    assert verify(path).ok


def test_realize_and_gives_a_witness(capsys):
    code, out, _ = _run(
        capsys, "realize", "--inputs", "2", "--outputs", "2", "--table", "00 01 01 11", "--json"
    )
    assert code == 0
    payload = json.loads(out)
    assert payload["realizable"] and payload["verified"]


def test_realize_bad_table_is_bad_input(capsys):
    code, _, err = _run(capsys, "realize", "--inputs", "2", "--table", "0 1 1")
    assert code == 2 and "4 inputs" in err
    assert _run(capsys, "realize", "--inputs", "2", "--table", "0 1 1 2")[0] == 2


def test_verify_rejects_an_altered_certificate(tmp_path, capsys):
    path = tmp_path / "c.json"
    assert _run(capsys, "count", "shi", "3", "--certificate", str(path))[0] == 0
    cert = json.loads(path.read_text())
    cert["claim"]["regions"] += 1
    path.write_text(json.dumps(cert))
    code, out, _ = _run(capsys, "verify", str(path), "--json")
    assert code == 1
    (row,) = json.loads(out)
    assert row["ok"] is False and row["status"] == "rejected"


def test_verify_unreadable_file_is_bad_input(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert _run(capsys, "verify", str(bad))[0] == 2
    assert _run(capsys, "verify", str(tmp_path / "absent.json"))[0] == 2


def test_ctrl_c_exits_130_and_says_what_was_done(monkeypatch, capsys):
    from exactgeom import reproduce

    calls = []

    def interrupting(figure, out=None, *, certificates=True):
        if calls:
            raise KeyboardInterrupt
        calls.append(figure.id)
        return real(figure, out, certificates=certificates)

    real = reproduce.run_figure
    monkeypatch.setattr(reproduce, "run_figure", interrupting)
    code, _, err = _run(capsys, "reproduce", "--only", "cover-counts", "threshold-chi", "--no-certificates")
    assert code == 130
    assert "1 of 2 figures finished" in err


def test_reproduce_only_cheap_figures(tmp_path, capsys):
    code, out, _ = _run(
        capsys, "reproduce", "--only", "threshold-counts", "cover-counts", "--out", str(tmp_path)
    )
    assert code == 0
    assert "2 ok" in out
    files = sorted(p.name for p in tmp_path.iterdir())
    assert "summary.json" in files and "threshold-counts-threshold4.json" in files
    for p in tmp_path.glob("threshold-counts-*.json"):
        assert verify(p).ok


def test_reproduce_mismatch_exits_1(monkeypatch, capsys):
    from dataclasses import replace

    from exactgeom import reproduce

    wrong = replace(reproduce.select(only=["cover-counts"])[0], expected="something else")
    monkeypatch.setattr(reproduce, "FIGURES", (wrong,))
    code, out, _ = _run(capsys, "reproduce", "--only", "cover-counts", "--no-certificates", "--json")
    assert code == 1
    assert json.loads(out)["failed"] == ["cover-counts"]


def test_reproduce_unknown_figure_is_bad_input(capsys):
    code, _, err = _run(capsys, "reproduce", "--only", "no-such-figure")
    assert code == 2 and "unknown figure" in err


def test_reproduce_list(capsys):
    code, out, _ = _run(capsys, "reproduce", "--list")
    assert code == 0 and "hopfield-2x2" in out


@pytest.mark.slow
def test_console_script_module_entry_point(tmp_path):
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "exactgeom.cli", "count", "braid", "4"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 0 and "24 regions" in done.stdout


def test_workers_give_the_serial_answer(capsys):
    code, out, _ = _run(capsys, "count", "threshold", "4", "--workers", "2", "--json")
    assert code == 0 and json.loads(out)["regions"] == 1882
    code, out, _ = _run(capsys, "regions", "--family", "braid", "3", "--workers", "2", "--json")
    assert code == 0 and len(json.loads(out)["regions"]) == 6
    assert _run(capsys, "count", "threshold", "3", "--workers", "0")[0] == 2


def test_regions_certificate_verifies(tmp_path, capsys):
    path = tmp_path / "regions.json"
    code, _, _ = _run(capsys, "regions", "--family", "shi", "3", "--certificate", str(path), "--json")
    assert code == 0
    assert verify(path).ok
    # the listing is the evidence: all (n + 1)^(n - 1) = 16 regions of Shi(3)
    assert json.loads(path.read_text())["claim"]["num_regions_at_least"] == 16
    code, _, _ = _run(capsys, "regions", "--family", "shi", "3", "--limit", "5", "--certificate", str(path))
    assert code == 0 and verify(path).ok
    assert json.loads(path.read_text())["claim"]["num_regions_at_least"] == 16   # not cut by --limit


@pytest.mark.parametrize("argv", [["count", "threshold", "4"], ["charpoly", "--family", "shi", "4"]])
def test_progress_bar_goes_to_stderr_only(monkeypatch, capsys, argv):
    from exactgeom.arrangements import lattice

    lattice._whitney_first_kind.cache_clear()
    plain = _run(capsys, *argv)
    updates = []

    class Bar:
        def update(self, k=1):
            updates.append(k)

        def close(self):
            print("bar closed", file=sys.stderr)

    from exactgeom._progress import _Bar

    monkeypatch.setattr(lattice, "progress_bar",
                        lambda enabled, **kw: _Bar(Bar() if enabled else None, None, "flats", "flats"))
    lattice._whitney_first_kind.cache_clear()
    code, out, err = _run(capsys, *argv, "--progress")
    assert (code, out) == plain[:2] and err == "bar closed\n"
    assert sum(updates) > 0


@pytest.mark.slow
def test_real_ctrl_c_stops_cleanly(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "exactgeom.cli",
            "reproduce",
            "--only",
            "cover-counts",
            "threshold-chi-T6",
            "--out",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    deadline = time.monotonic() + 60
    while not any(tmp_path.glob("cover-counts-*.json")) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (out, err)
    assert "1 of 2 figures finished" in err
    assert not list(tmp_path.glob("*.part"))  # no half-written certificate


# ---------------------------------------------------------------------------------------------
# verify: one status per file, the batch exits with the worst


@pytest.fixture(scope="module")
def certificate_files(tmp_path_factory):
    """One file of each status: proved, consistent (an ED degree), rejected, unreadable."""
    from exactgeom import _figures
    from exactgeom.arrangements.certify import region_count_certificate
    from exactgeom.certificates import write
    from exactgeom.library import braid

    folder = tmp_path_factory.mktemp("certs")
    proved = write(region_count_certificate(braid(3)), folder / "proved.json")
    (_, ed), _ = _figures.ed_circle_certificates()
    consistent = write(ed, folder / "consistent.json")
    cert = region_count_certificate(braid(3))
    cert["claim"]["regions"] = 7
    rejected = write(cert, folder / "rejected.json")
    unreadable = folder / "unreadable.json"
    unreadable.write_text("{not json")
    files = {"proved": proved, "consistent": consistent, "rejected": rejected, "unreadable": unreadable}
    assert {k: verify(p).status for k, p in files.items() if k != "unreadable"} == {
        "proved": "proved", "consistent": "consistent", "rejected": "rejected"}
    return {k: str(p) for k, p in files.items()}


@pytest.mark.parametrize(
    "batch, code",
    [
        (["proved", "proved"], 0),
        (["proved", "rejected", "proved"], 1),
        (["proved", "unreadable", "proved"], 2),
        (["proved", "consistent", "proved"], 3),
        (["consistent", "unreadable", "proved"], 2),
        (["unreadable", "rejected", "consistent"], 1),
    ],
)
def test_verify_exit_code_is_the_worst_of_the_batch(certificate_files, capsys, batch, code):
    paths = [certificate_files[k] for k in batch]
    got, out, _ = _run(capsys, "verify", *paths)
    assert got == code
    lines = out.splitlines()
    assert len(lines) == len(batch)          # a bad file in the middle does not stop the batch
    for line, path, status in zip(lines, paths, batch):
        assert line.startswith(f"{path}: {status} ")
    got, out, _ = _run(capsys, "verify", "--json", *paths)
    assert got == code
    assert [r["status"] for r in json.loads(out)] == batch
    assert [r["ok"] for r in json.loads(out)] == [s == "proved" for s in batch]


def test_verify_never_says_ok_for_a_consistent_certificate(certificate_files, capsys):
    code, out, _ = _run(capsys, "verify", certificate_files["consistent"])
    assert code == 3 and ": consistent [ed-degree]" in out and "not re-derived" in out


# ---------------------------------------------------------------------------------------------
# refusals and interruptions


def test_a_refusal_exits_4_not_2(monkeypatch, capsys):
    from exactgeom.arrangements import _flat_engine, lattice

    monkeypatch.setattr(_flat_engine, "_MAX_COVERS", 10)
    lattice._whitney_first_kind.cache_clear()
    code, out, err = _run(capsys, "count", "threshold", "3")
    lattice._whitney_first_kind.cache_clear()
    assert code == 4 and out == ""
    assert err.startswith("exactgeom: refused:") and "too large to hold in memory" in err


def test_ctrl_c_after_the_result_line_says_what_was_printed(monkeypatch, capsys, tmp_path):
    from exactgeom import certificates

    def interrupted(cert, path):
        raise KeyboardInterrupt

    monkeypatch.setattr(certificates, "write", interrupted)
    path = tmp_path / "t3.json"
    code, out, err = _run(capsys, "count", "threshold", "3", "--certificate", str(path))
    assert code == 130
    assert out == "threshold(3): 104 regions, 0 bounded\n"
    assert "before any result" not in err
    assert "after the result was printed" in err and f"the certificate {path} was not written" in err
    assert not path.exists()


def test_ctrl_c_after_writing_lists_the_file(monkeypatch, capsys, tmp_path):
    from exactgeom._cli import commands

    def written_then_interrupted(args, cert):
        real(args, cert)
        raise KeyboardInterrupt

    real = commands._write_certificate
    monkeypatch.setattr(commands, "_write_certificate", written_then_interrupted)
    path = tmp_path / "t2.json"
    code, _, err = _run(capsys, "count", "threshold", "2", "--certificate", str(path))
    assert code == 130 and f"written: {path}" in err and verify(path).ok


def test_ctrl_c_before_any_result(monkeypatch, capsys):
    from exactgeom import cli
    from exactgeom._cli import commands

    def interrupted(A, args):
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, "_counts", interrupted)
    code, out, err = _run(capsys, "count", "threshold", "3")
    assert code == 130 and out == ""
    assert err.strip() == cli.NOTHING_DONE


def test_ctrl_c_during_verify_counts_the_files(monkeypatch, capsys, certificate_files):
    from exactgeom._cli import commands

    seen = []

    def verify_one(path):
        if seen:
            raise KeyboardInterrupt
        seen.append(path)
        return real(path)

    real = commands._verify_one
    monkeypatch.setattr(commands, "_verify_one", verify_one)
    code, out, err = _run(capsys, "verify", certificate_files["proved"], certificate_files["rejected"])
    assert code == 130 and out.count("\n") == 1
    assert "1 of 2 files verified before the interruption" in err


@pytest.mark.parametrize("where", ["dumps", "replace"])
def test_interrupted_certificate_write_leaves_nothing(monkeypatch, tmp_path, where):
    from exactgeom import certificates
    from exactgeom.arrangements.certify import region_count_certificate
    from exactgeom.library import braid

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    if where == "dumps":
        monkeypatch.setattr(certificates.json, "dumps", interrupt)
    else:
        monkeypatch.setattr(certificates.os, "replace", interrupt)
    target = tmp_path / "sub" / "braid3.json"
    with pytest.raises(KeyboardInterrupt):
        certificates.write(region_count_certificate(braid(3)), target)
    assert not target.exists()
    assert list(tmp_path.rglob("*")) in ([], [tmp_path / "sub"])   # no .part, no temporary


def test_reproduce_summary_is_written_through_the_atomic_writer(monkeypatch, capsys, tmp_path):
    from exactgeom import certificates

    written = []
    real = certificates.write

    def spy(cert, path):
        written.append(Path(path).name)
        return real(cert, path)

    monkeypatch.setattr(certificates, "write", spy)
    code, out, _ = _run(capsys, "reproduce", "--only", "cover-counts", "--out", str(tmp_path))
    assert code == 0 and "certificates: 3 proved, 0 consistent" in out
    assert "summary.json" in written and "cover-counts-central-N4.json" in written
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*"))
    assert json.loads((tmp_path / "summary.json").read_text())["certificates"]["proved"] == 3


def test_reproduce_error_in_a_figure_fails_the_run(monkeypatch, capsys):
    from dataclasses import replace

    from exactgeom import reproduce

    def typo():
        return reproduce.no_such_attribute

    broken = replace(reproduce.select(only=["cover-counts"])[0], compute=typo)
    monkeypatch.setattr(reproduce, "FIGURES", (broken,))
    code, out, _ = _run(capsys, "reproduce", "--only", "cover-counts", "--no-certificates")
    assert code == 1 and "<- ERROR" in out and "AttributeError" in out and "0 unavailable" in out


# ---------------------------------------------------------------------------------------------
# numbers alike in text and JSON, --dedupe, a closed output pipe


@pytest.mark.parametrize("text, json_text", [("1 0.1\n10 1\n", "[[1, 0.1], [10, 1]]"),
                                             ("1 1e-3\n1000 1\n", "[[1, 1e-3], [1000, 1]]"),
                                             ("2.50 1\n5 2.0\n", "[[2.50, 1], [5, 2.0]]")])
def test_decimals_are_exact_alike_in_text_and_json(tmp_path, capsys, text, json_text):
    # each pair of rows is one line exactly when the decimal is the rational it denotes
    # (0.1 as a binary float would make two lines and 4 regions): one line of Q^2, 2 regions
    for name, content in (("n.txt", text), ("n.json", json_text)):
        path = tmp_path / name
        path.write_text(content)
        code, _, err = _run(capsys, "charpoly", "--normals", str(path))
        assert code == 2 and "pass --dedupe to merge them" in err
        code, out, _ = _run(capsys, "charpoly", "--normals", str(path), "--dedupe", "--json")
        assert code == 0 and json.loads(out)["regions"] == 2


@pytest.mark.parametrize("entry, code, message", [("nan", 2, "'nan' at position 0 has no exact value"),
                                                  ("0x10", 2, "which is not a rational number"),
                                                  ("1e999999", 4, "MAX_DIGITS")])
def test_words_and_huge_decimals_are_refused(tmp_path, capsys, entry, code, message):
    path = tmp_path / "n.txt"
    path.write_text(f"1 {entry}\n0 1\n")
    found, _, err = _run(capsys, "charpoly", "--normals", str(path))
    assert found == code and "normals[0][1]" in err and message in err


def test_integers_and_fractions_are_exact_in_both_formats(tmp_path, capsys):
    (tmp_path / "n.txt").write_text("2 1/2\n0 -3\n")
    (tmp_path / "n.json").write_text('[[2, "1/2"], [0, -3]]')
    outs = [json.loads(_run(capsys, "charpoly", "--normals", str(tmp_path / f), "--json")[1])["coefficients"]
            for f in ("n.txt", "n.json")]
    assert outs == [[1, -2, 1]] * 2                          # two lines through 0: (t - 1)^2


def test_dedupe_flag_merges_repeated_hyperplanes(tmp_path, capsys):
    path = tmp_path / "n.txt"
    path.write_text("1 0\n2 0\n0 1\n")                       # rows 0 and 1 are the same line
    code, _, err = _run(capsys, "charpoly", "--normals", str(path))
    assert code == 2 and "pass --dedupe to merge them" in err and "dedupe=True" not in err
    code, out, _ = _run(capsys, "charpoly", "--normals", str(path), "--dedupe", "--json")
    assert code == 0 and json.loads(out)["regions"] == 4    # the coordinate axes of Q^2
    code, out, _ = _run(capsys, "regions", "--normals", str(path), "--dedupe")
    assert code == 0 and out.strip().endswith("4 regions")


def test_one_hyperplane_reads_in_the_singular(tmp_path, capsys):
    path = tmp_path / "n.txt"
    path.write_text("1 0\n")
    code, out, _ = _run(capsys, "charpoly", "--normals", str(path))
    assert code == 0 and out.splitlines()[0].endswith(": 1 hyperplane in Q^2")
    code, out, _ = _run(capsys, "regions", "--normals", str(path))
    assert code == 0 and out.splitlines()[-1] == "2 regions"            # the two half-planes x1 > 0, x1 < 0


def test_broken_pipe_exits_quietly(monkeypatch, capsys):
    import builtins

    from exactgeom import cli

    real_print, printed = builtins.print, []

    def closed_pipe(*args, **kwargs):
        if kwargs.get("file") not in (None, sys.stdout):
            return real_print(*args, **kwargs)
        if printed:
            raise BrokenPipeError(32, "Broken pipe")
        printed.append(args)
        return None

    monkeypatch.setattr(builtins, "print", closed_pipe)
    code = main(["regions", "--family", "braid", "3"])
    assert code == cli.EXIT_BROKEN_PIPE == 141 and len(printed) == 1
    assert capsys.readouterr().err == ""


@pytest.mark.slow
def test_head_closing_the_pipe_leaves_no_traceback(tmp_path):
    import subprocess

    # T_4 lists about 100 kB, more than a pipe holds, so the writer meets the closed pipe
    proc = subprocess.Popen([sys.executable, "-m", "exactgeom.cli", "regions", "--family", "threshold", "4"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert first.startswith(b"+") and proc.returncode == 141 and err == ""

"""The kim-precheck command-line contract (PRECHECK-CONTRACT.md), run as a subprocess."""

import json
import os
import subprocess
import sys

import pytest
from precheck_support import GEDULDET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "kim.residence.precheck", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=60, check=False)


@pytest.fixture
def facts_file(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(GEDULDET), encoding="utf-8")
    return path


def test_file_argument_with_on(facts_file):
    proc = cli(str(facts_file), "--on", "2026-11-24")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["evaluation_date"] == "2026-11-24"
    assert len(out["results"]) == 13
    assert proc.stderr == b""


def test_stdin_and_evaluation_date_from_facts():
    facts = {**GEDULDET, "person": {**GEDULDET["person"], "evaluation_date": "2025-01-15"}}
    proc = cli("-", stdin=json.dumps(facts).encode())
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["evaluation_date"] == "2025-01-15"


def test_on_overrides_evaluation_date():
    facts = {**GEDULDET, "person": {**GEDULDET["person"], "evaluation_date": "2025-01-15"}}
    proc = cli("-", "--on", "2024-01-10", stdin=json.dumps(facts).encode())
    assert json.loads(proc.stdout)["evaluation_date"] == "2024-01-10"


@pytest.mark.parametrize(("payload", "fragment"), [
    (b"{not json", "kein gültiges JSON"),
    (b"[]", "facts:"),
    (json.dumps({"person": {"birth_date": "1990-13-01"}}).encode(),
     "Fehler: person.birth_date: kein gültiges Datum (erwartet JJJJ-MM-TT)"),
    (json.dumps({"language": {"oral": "B7"}}).encode(), "language.oral"),
    (json.dumps({"status_history": [{"status": "duldung_60a", "from": "2020-01-01", "to": "2019-01-01"}]}).encode(),
     "status_history[0].to"),
    (json.dumps({"fdgo_commitment_signed": "ja"}).encode(), "fdgo_commitment_signed"),
])
def test_bad_input_exit_2_one_line_no_stdout(payload, fragment):
    proc = cli("-", "--on", "2026-11-24", stdin=payload)
    assert proc.returncode == 2
    assert proc.stdout == b""
    err = proc.stderr.decode("utf-8")
    assert err.endswith("\n") and err.count("\n") == 1
    assert err.startswith("Fehler: ")
    assert fragment in err


def test_bad_on_and_missing_file(tmp_path):
    proc = cli(str(tmp_path / "missing.json"))
    assert proc.returncode == 2 and proc.stdout == b"" and proc.stderr.count(b"\n") == 1
    proc = cli("-", "--on", "24.11.2026", stdin=b"{}")
    assert proc.returncode == 2 and b"--on" in proc.stderr and proc.stdout == b""


def test_usage_error_is_one_line():
    proc = cli()
    assert proc.returncode == 2 and proc.stdout == b"" and proc.stderr.count(b"\n") == 1


def test_main_function_in_process(facts_file, capsys):
    from kim.residence.precheck.cli import main

    assert main([str(facts_file), "--on", "2026-11-24"]) == 0
    assert json.loads(capsys.readouterr().out)["engine_version"]

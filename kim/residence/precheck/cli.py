"""The ``kim-precheck`` console command (PRECHECK-CONTRACT.md).

``kim-precheck FACTS.json [--on JJJJ-MM-TT]`` or ``kim-precheck - < FACTS.json``. Prints the evaluation as JSON
on stdout (exit 0). Bad input prints exactly one line ``Fehler: <feld>: <meldung>`` on stderr, nothing on stdout,
and exits with 2.
"""

from __future__ import annotations

import argparse
import json
import sys

from .engine import evaluate
from .facts import FactError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line instead of argparse's usage block
        raise _UsageError(message)


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> int:
    line = "Fehler: " + " ".join(message.split()) + "\n"
    sys.stderr.buffer.write(line.encode("utf-8"))
    sys.stderr.flush()
    return code


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as fh:
        return fh.read()


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="kim-precheck", description="Aufenthaltsrechtliche Vorprüfung (JSON ein, JSON aus).")
    parser.add_argument("facts", metavar="FACTS.json", help="Datei mit dem Sachverhalt oder - für stdin")
    parser.add_argument("--on", metavar="JJJJ-MM-TT", help="Entscheidungsdatum (überschreibt person.evaluation_date)")
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        return _fail(f"Aufruf: {exc} (kim-precheck FACTS.json [--on JJJJ-MM-TT])")
    try:
        raw = _read(args.facts)
    except FileNotFoundError:
        return _fail(f"{args.facts}: Datei nicht gefunden")
    except OSError as exc:
        return _fail(f"{args.facts}: Datei kann nicht gelesen werden ({exc.strerror})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _fail("Eingabe: kein gültiges UTF-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return _fail(f"Eingabe: kein gültiges JSON ({exc.msg}, Zeile {exc.lineno}, Spalte {exc.colno})")
    except RecursionError:
        return _fail("Eingabe: JSON zu tief verschachtelt")
    try:
        result = evaluate(data, on=args.on)
    except FactError as exc:
        return _fail(f"{exc.field}: {exc.message}")
    except Exception as exc:  # noqa: BLE001 - report, never print a traceback into a pipeline
        return _fail(f"interner Fehler der Vorprüfung ({type(exc).__name__})", EXIT_INTERNAL)
    out = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    sys.stdout.buffer.write(out.encode("utf-8"))
    sys.stdout.flush()
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

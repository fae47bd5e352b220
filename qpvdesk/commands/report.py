"""Printing a command's answer: its figures as one JSON object or aligned key/value lines; a
document's JSON or French text and the files written."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable


def print_report(report: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for key, value in report.items():
            print(f"{key:<26} {value}")


def print_document(as_json: bool, data: Callable[[], dict], text: Callable[[], str],
                   written: list[str]) -> None:
    """A document command's answer (fiche, portrait): the JSON with --json, else the French
    text unless files were written; then one line per file written, on stderr with --json
    so that stdout carries the JSON alone."""
    if as_json:
        print(json.dumps(data(), ensure_ascii=False, indent=2))
    elif not written:
        print(text())
    for line in written:
        print(line, file=sys.stderr if as_json else sys.stdout)

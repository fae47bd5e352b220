"""Printing a command's figures: one JSON object, or aligned key/value lines."""
from __future__ import annotations

import json


def print_report(report: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for key, value in report.items():
            print(f"{key:<26} {value}")

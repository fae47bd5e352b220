"""Test-side reading of the national pack's raw files with the gzip and csv modules only,
independently of the build's readers (national_pack.py)."""
from __future__ import annotations

import csv
import gzip
from functools import lru_cache

from conftest import ROOT

PACK = ROOT / "data" / "national"


@lru_cache(maxsize=None)
def raw_rows(name: str) -> tuple[dict, ...]:
    """Every row of a pack CSV as a dict (row i of the tuple is file row i + 2)."""
    with gzip.open(PACK / f"{name}.gz", "rt", encoding="utf-8-sig", newline="") as handle:
        return tuple(csv.DictReader(handle, delimiter=";"))


def number(text: str | None) -> float | None:
    """'' -> None, '1 515' / '38,2' / '24129,52380952381' -> float."""
    if text is None:
        return None
    text = text.strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    return None if text == "" else float(text.replace(",", "."))


def epci_communes(siren: str) -> dict[str, dict]:
    return {r["insee_com"]: r for r in raw_rows("cog_communes_epci/communes_cog2026.csv")
            if r["siren_epci"] == siren}


def qpv_of(siren: str) -> dict[str, list[dict]]:
    """QPV 2024 code -> its (QPV, commune) rows, for the QPV with a commune in the EPCI."""
    communes = epci_communes(siren)
    by_code: dict[str, list[dict]] = {}
    for row in raw_rows("qpv2024_liste_anct/qpv2024_communes.csv"):
        by_code.setdefault(row["code_qp"], []).append(row)
    return {code: rows for code, rows in by_code.items()
            if any(r["insee_com_cog2026"] in communes for r in rows)}

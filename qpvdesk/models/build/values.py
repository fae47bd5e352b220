"""One row of `indicator_value`, with its fine status, derivation flag and note.

`status` keeps its three historical values (ok, secret, missing) so that older readers work
unchanged; `status_detail` tells apart a value the producer does not publish for a territory
(`non_publie`: no row for it in a file that is the producer's national file filtered on codes)
from a value absent from the bundled sources (`missing`) and from an empty cell of a
published row (`secret`).
"""
from __future__ import annotations

from .schema import insert_rows

VALUE_COLUMNS = ["territory_kind", "territory_code", "indicator_id", "edition",
                 "reference_year", "value", "status", "source_file", "source_row",
                 "status_detail", "derived", "note"]

ABSENT_STATUSES = ("secret", "non_publie", "missing")


def value_row(kind: str, code: str, indicator_id: str, edition: int,
              reference_year: int | None, value: float | None, source_file: str,
              source_row: int | None, *, absent: str = "secret", derived: bool = False,
              note: str | None = None) -> tuple:
    """A value, or the reason it is absent (`absent`, used only when value is None)."""
    if value is not None:
        detail = "ok"
    elif absent in ABSENT_STATUSES:
        detail = absent
    else:
        raise ValueError(f"unknown absence status {absent!r}")
    status = {"ok": "ok", "secret": "secret"}.get(detail, "missing")
    return (kind, code, indicator_id, edition, reference_year, value, status, source_file,
            source_row, detail, int(derived), note)


def insert_values(conn, rows: list[tuple]) -> int:
    insert_rows(conn, "indicator_value", VALUE_COLUMNS, rows)
    return len(rows)

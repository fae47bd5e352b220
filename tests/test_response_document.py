"""docs/PACKAGE_FORMAT.md section 7 states the response's payload as qpvdesk writes and reads
it — decisions, table columns with their SQL types and CSV titles, modified-geometry layers,
CSV header, trusted comment — so that a third party can write or read one from the text."""
from __future__ import annotations

import re
from pathlib import Path

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "PACKAGE_FORMAT.md"


def section_7() -> str:
    text = DOCUMENT.read_text(encoding="utf-8")
    return text[text.index("## 7. "):text.index("## 8. ")]


def test_section_7_states_the_decisions_and_their_motif_rule():
    from qpvdesk.models.decisions_vocabulary import DECISIONS, MOTIF_REQUIRED

    rows = re.findall(r"^\| `(\w+)` \| ([^|`]+?) \| (may be empty|required[^|]*) \|$",
                      section_7(), re.M)
    assert {code: label for code, label, _ in rows} == DECISIONS
    assert {code for code, _, motif in rows if motif.startswith("required")} == MOTIF_REQUIRED


def test_section_7_states_the_table_the_csv_and_the_layers():
    from qpvdesk.models.package.response import (MODIFIED_COLUMNS, MODIFIED_LAYERS,
                                                 STATE_COLUMNS, csv_header)

    text = section_7()
    columns = re.findall(r"^\| `(\w+)` \| (TEXT|INTEGER|REAL) \| ([^|]+?) \|", text, re.M)
    assert columns == [(column, sql_type, title) for _, column, sql_type, title in STATE_COLUMNS]
    header = next(line for line in text.splitlines() if line.startswith("Proposition ("))
    assert header.split(";") == csv_header()
    layers = dict(re.findall(r"^\| `(geometries_\w+)` \| (POINT|POLYGON)", text, re.M))
    assert {layer: kind.upper() for layer, kind in MODIFIED_LAYERS.items()} == layers
    for column in MODIFIED_COLUMNS:
        assert f"`{column}` (TEXT)" in text


def test_the_document_gives_the_responses_trusted_comment_and_bag_info():
    from qpvdesk.models.package.info import ResponseInfo

    text = DOCUMENT.read_text(encoding="utf-8")
    stated = next(line for line in text.splitlines() if line.startswith("qpvdesk reponse <"))
    info = ResponseInfo("U", "S", "C", "", "", "", "", "T", "K", 1, "")
    assert stated.replace("<External-Identifier>", "U").replace("<Qpvdesk-Epci-Siren>", "S") \
        .replace("<Qpvdesk-Commune-Insee>", "C").replace("<Qpvdesk-Created>", "T") == \
        info.trusted_comment()
    assert "| `Qpvdesk-Epci-Siren` | must (`reponse` only)" in text

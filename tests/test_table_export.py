"""CSV and XLSX export of tables: French CSV conventions, typed XLSX cells, round trips."""
from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from qpvdesk.models.frenchnum import parse_french_number
from qpvdesk.models.indicator_table import build_indicator_table
from qpvdesk.models.table_export import (ABSENT, csv_number, indicator_table_rows, write_csv,
                                         write_xlsx)

HEADER = ["Quartier", "Population", "Taux de pauvreté (%)", "Note"]
ROWS = [
    ["Cité 12-14", 55414, 43.5, "texte ; avec « guillemets » et \"quotes\""],
    ["République - Cité 4", 2158.0, ABSENT["secret"], None],
    ["Les Hauts De Liévin", None, -8.9, "é"],
    ["Très petit", 0, 0.0000001, ""],
    ["Non publié", ABSENT["non_publie"], 12.0, None],
    ["Absent des sources", ABSENT["missing"], 12.0, None],
]
#: as on screen and in the PDFs
WORDS = {ABSENT["secret"]: "secret", ABSENT["non_publie"]: "non publié",
         ABSENT["missing"]: "n.d."}


def read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def test_csv_follows_french_conventions(tmp_path):
    path = write_csv(tmp_path / "tableau.csv", HEADER, ROWS)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "55414;43,5;" in text and "\u202f" not in text and "\u00a0" not in text
    header, *rows = read_csv(path)
    assert header == HEADER
    assert rows[1][1:3] == ["2158", "secret"]
    assert rows[2][1] == ""
    assert rows[3][2] == "0,0000001"
    assert rows[4][1] == "non publié" and rows[5][1] == "n.d."


def test_csv_round_trip(tmp_path):
    header, *rows = read_csv(write_csv(tmp_path / "t.csv", HEADER, ROWS))
    assert header == HEADER
    for written, read in zip(ROWS, rows):
        assert read[0] == written[0]
        for cell, text in zip(written[1:3], read[1:3]):
            if cell in WORDS:
                assert text == WORDS[cell]
            else:
                assert parse_french_number(text) == cell
        assert read[3] == (written[3] or "")


@pytest.mark.parametrize("value, text", [(55414.0, "55414"), (12.5, "12,5"), (-8.9, "-8,9"),
                                         (1234567.25, "1234567,25"), (3, "3")])
def test_csv_numbers(value, text):
    assert csv_number(value) == text


def test_xlsx_round_trip_keeps_numbers_as_numbers(tmp_path):
    path = write_xlsx(tmp_path / "tableau.xlsx", HEADER, ROWS, sheet_title="QPV")
    sheet = load_workbook(path).active
    assert sheet.title == "QPV"
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == HEADER
    for written, read in zip(ROWS, values[1:]):
        assert read[0] == written[0]
        for cell, value in zip(written[1:3], read[1:3]):
            if cell in WORDS:
                assert value == WORDS[cell]
            elif cell is None:
                assert value is None
            else:
                assert isinstance(value, (int, float)) and value == pytest.approx(cell)
    assert all(cell.font.bold for cell in sheet[1])
    assert not sheet["A2"].font.bold
    assert sheet.column_dimensions["D"].width > sheet.column_dimensions["B"].width >= 10


@pytest.mark.parametrize("writer, name", [(write_csv, "t.csv"), (write_xlsx, "t.xlsx")])
def test_failed_export_leaves_the_previous_file(tmp_path, writer, name):
    class Broken:
        def __str__(self):
            raise RuntimeError("boom")

    target = writer(tmp_path / name, HEADER, ROWS)
    before = target.read_bytes()
    with pytest.raises(Exception):
        writer(target, HEADER, [["x", Broken(), 1, 2]])
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_indicator_table_exports_its_figures(reference, tmp_path):
    table = build_indicator_table(reference, ["REVN.DISP_Q2", "DEMO.TX_TOT_MEN6"])
    header, rows = indicator_table_rows(table)
    assert header[4].startswith("Revenu disponible médian par UC (€ par UC) – REVN.DISP_Q2")
    _, *csv_rows = read_csv(write_csv(tmp_path / "qpv.csv", header, rows))
    sheet = load_workbook(write_xlsx(tmp_path / "qpv.xlsx", header, rows)).active
    xlsx_rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(csv_rows) == len(xlsx_rows) == 22 + len(table.summaries)
    for row, csv_row, xlsx_row in zip(table.rows, csv_rows, xlsx_rows):
        assert csv_row[0] == xlsx_row[0] == row.code
        for cell, text, value in zip(row.cells, csv_row[4:], xlsx_row[4:]):
            figure = cell.figure
            expected = {"ok": figure.value, "secret": "secret", "non_publie": "non publié",
                        "missing": "n.d."}[figure.status]
            assert value == expected
            if figure.status == "ok":
                assert parse_french_number(text) == figure.value
            else:
                assert text == expected
    assert csv_rows[-2][2] == "Médiane des 22 QPV"

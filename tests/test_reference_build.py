"""The reference database built from the real sources: content, geometry, provenance."""
from __future__ import annotations

import csv

import pytest

from conftest import SOURCES
from qpvdesk.models.frenchnum import parse_french_number


def scalar(store, sql, *params):
    return store.conn.execute(sql, params).fetchone()[0]


def test_counts(reference):
    counts = reference.counts()
    assert counts["qpv"] == 22
    assert counts["communes"] == 36
    assert counts["iris"] == 113
    assert counts["epci"] == 1
    assert counts["colleges"] == 24
    assert counts["ecoles"] == 96
    assert counts["indicator_values"] > 50_000


def test_reference_levels_exist(reference):
    rows = set(reference.conn.execute(
        "SELECT kind, code FROM territory WHERE kind IN "
        "('epci', 'departement', 'region', 'france')"))
    assert rows == {("epci", "246200364"), ("departement", "62"), ("region", "32"),
                    ("france", "FRM")}


def test_every_geometry_is_valid_lambert93_and_registered(reference):
    tables = reference.conn.execute(
        "SELECT f_table_name, srid, spatial_index_enabled FROM geometry_columns").fetchall()
    assert len(tables) >= 10
    for table, srid, indexed in tables:
        assert srid == 2154 and indexed == 1, table
        bad = scalar(reference, f"SELECT count(*) FROM {table} WHERE geom IS NULL "
                                "OR ST_IsValid(geom) != 1 OR ST_SRID(geom) != 2154")
        assert bad == 0, table


def test_territory_lies_in_lambert93_range(reference):
    # Lens is around x=685 000, y=7 036 000 in Lambert-93: a lon/lat mix-up would be far off.
    x, y = reference.conn.execute(
        "SELECT X(ST_Centroid(geom)), Y(ST_Centroid(geom)) FROM commune WHERE insee = '62498'"
    ).fetchone()
    assert 680_000 < x < 690_000 and 7_030_000 < y < 7_040_000


def test_spatial_index_is_used_and_agrees_with_a_full_scan(reference):
    frame = "BuildMbr(684000, 7034000, 686000, 7036000, 2154)"
    indexed_sql = (f"SELECT code FROM iris WHERE ST_Intersects(geom, {frame}) AND ROWID IN "
                   f"(SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'iris' "
                   f"AND search_frame = {frame}) ORDER BY code")
    plan = " ".join(str(row) for row in reference.conn.execute(
        "EXPLAIN QUERY PLAN " + indexed_sql))
    assert "SpatialIndex" in plan
    indexed = [row[0] for row in reference.conn.execute(indexed_sql)]
    scanned = [row[0] for row in reference.conn.execute(
        f"SELECT code FROM iris WHERE ST_Intersects(geom, {frame}) ORDER BY code")]
    assert indexed == scanned and 3 <= len(indexed) < 113


def test_qpv_population_2022_totals_55414(reference):
    total = scalar(reference, "SELECT sum(value) FROM indicator_value WHERE territory_kind = 'qpv'"
                              " AND indicator_id = 'DEMO.POP_MUN' AND edition = 2022")
    assert total == 55_414


def test_qpv_codes_2015_and_2024_share_order_number(reference):
    for code, code_2015 in reference.conn.execute("SELECT code, code_2015 FROM qpv"):
        assert code.startswith("QN062") and code_2015.startswith("QP062")
        assert code[5:7] == code_2015[6:8]


def test_straddling_qpv_know_their_outside_communes(reference):
    outside = dict(reference.conn.execute(
        "SELECT code, communes_outside_call FROM qpv WHERE communes_outside_call != ''"))
    assert outside == {"QN06216M": "62276,62401", "QN06243M": "62250,62587",
                       "QN06245M": "62724", "QN06247M": "62724"}
    share = scalar(reference, "SELECT share_in_call FROM qpv WHERE code = 'QN06243M'")
    assert share < 0.05


def test_correspondence_states_2015_perimeters_are_absent(reference):
    rows = reference.conn.execute(
        "SELECT perimeter_2015_bundled, note FROM qpv_correspondence").fetchall()
    assert len(rows) == 22
    assert all(bundled == 0 and "2015" in note and "pas inclus" in note
               for bundled, note in rows)


def _source_cell(relative, code_column, code, column, delimiter=";"):
    with (SOURCES / relative).open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=delimiter):
            if row[code_column] == code:
                return row[column]
    raise AssertionError(f"{code} not in {relative}")


@pytest.mark.parametrize("kind, code, indicator, edition, relative, code_column, column", [
    ("qpv", "QP062002", "DEMO.POP_MUN", 2022, "insee_qpv_indicateurs/DEMO_2022_call.csv",
     "CODGEO", "POP_MUN"),
    ("qpv", "QP062019", "REVN.TP60", 2022, "insee_qpv_indicateurs/REVN_2022_call.csv",
     "CODGEO", "TP60"),
    ("qpv", "QP062016", "IPRO.TX_TOT_EMPL", 2017, "insee_qpv_indicateurs/IPRO_2017_call.csv",
     "CODGEO", "TX_TOT_EMPL"),
    ("qpv", "QP062019", "DEMO.POP_MUN", 2020,
     "insee_qpv_indicateurs/data_DEMO_2020_V1_QP_call.csv", "CODGEO", "POP_MUN"),
    ("ensemble_qpv", "ENSEMBLE", "DEMO.POP_MUN", 2017, "insee_qpv_indicateurs/DEMO_2017_call.csv",
     "CODGEO", "POP_MUN"),
    ("epci", "246200364", "FILO.DISP_MED", 2019, "insee_filosofi_caf/FILO2019_DISP_EPCI_extrait.csv",
     "CODGEO", "Q219"),
    ("iris", "620650101", "FILO.DISP_TP60", 2014, "insee_filosofi_caf/filosofi_disp_iris_2014_call.csv",
     "IRIS", "DISP_TP6014"),
    ("iris", "620650102", "CAF.PERCOU", 2016, "insee_filosofi_caf/caf_iris_2016_call.csv",
     "CODGEO", "PERCOU"),
])
def test_values_equal_their_source_rows(reference, kind, code, indicator, edition, relative,
                                        code_column, column):
    source_code = "Ensemble" if kind == "ensemble_qpv" else code
    expected = parse_french_number(_source_cell(relative, code_column, source_code, column))
    assert expected is not None
    value, status, source = reference.conn.execute(
        "SELECT value, status, source_file FROM indicator_value WHERE territory_kind = ? AND "
        "territory_code = ? AND indicator_id = ? AND edition = ?",
        (kind, code, indicator, edition)).fetchone()
    assert (value, status, source) == (pytest.approx(expected), "ok", relative)


def test_known_figures_spelled_out(reference):
    # Read by eye in the sources: "1 515" (narrow no-break space) and "46,4".
    get = "SELECT value FROM indicator_value WHERE territory_code = ? AND indicator_id = ? " \
          "AND edition = ?"
    assert scalar(reference, get, "QP062002", "DEMO.POP_MUN", 2022) == 1515
    assert scalar(reference, get, "QP062016", "IPRO.TX_TOT_EMPL", 2017) == pytest.approx(46.4)


def test_empty_source_cell_is_secret_never_zero(reference):
    # REVN_2022, QP062019 République - Cité 4: DECUC_D1D9 is empty in the source.
    assert _source_cell("insee_qpv_indicateurs/REVN_2022_call.csv", "CODGEO", "QP062019",
                        "DECUC_D1D9") == ""
    value, status = reference.conn.execute(
        "SELECT value, status FROM indicator_value WHERE territory_code = 'QP062019' "
        "AND indicator_id = 'REVN.DECUC_D1D9' AND edition = 2022").fetchone()
    assert (value, status) == (None, "secret")
    assert scalar(reference, "SELECT count(*) FROM indicator_value WHERE status != 'ok' "
                             "AND value IS NOT NULL") == 0


def test_iris_without_filosofi_row_is_missing(reference):
    # Ablain-Saint-Nazaire is not divided into IRIS and too small for IRIS Filosofi.
    status = scalar(reference, "SELECT status FROM indicator_value WHERE territory_kind = 'iris'"
                               " AND territory_code = '620010000' AND indicator_id = "
                               "'FILO.DISP_MED' AND edition = 2019")
    assert status == "missing"


def test_every_value_refers_to_a_catalogued_indicator_and_territory(reference):
    orphans = scalar(reference, """
        SELECT count(*) FROM indicator_value v
        LEFT JOIN indicator i ON i.id = v.indicator_id
        LEFT JOIN territory t ON t.kind = v.territory_kind AND t.code = v.territory_code
        WHERE i.id IS NULL OR t.code IS NULL""")
    assert orphans == 0
    editions = [row[0] for row in reference.conn.execute(
        "SELECT DISTINCT edition FROM indicator_value WHERE indicator_id = "
        "'IPRO.TX_TOT_EMPL' ORDER BY edition")]
    assert editions == [2017, 2018, 2019, 2020, 2021, 2022]


def test_colleges_carry_ips_and_education_priority(reference):
    rep = dict(reference.conn.execute("SELECT rep, count(*) FROM college GROUP BY rep"))
    assert rep.get("REP+", 0) == 5  # Jaurès, Zay (Lens), Langevin (Avion), Grenay, Sallaumines
    sallaumines = reference.conn.execute(
        "SELECT rep, ips FROM college WHERE uai = '0620170Y'").fetchone()
    assert sallaumines[0] == "REP+" and 50 < sallaumines[1] < 130


def test_heritage_layers_present(reference):
    counts = reference.counts()
    assert counts["cites_minieres"] == 46 and counts["terrils"] == 12 and counts["puits"] == 98
    kinds = {row[0] for row in reference.conn.execute("SELECT type FROM unesco_perimetre")}
    assert kinds == {"Bien inscrit", "Zone tampon"}


def test_provenance_covers_every_table_with_a_licence(reference):
    entries = reference.provenance()
    tables = {entry.table_name for entry in entries}
    assert {"qpv", "commune", "iris", "indicator_value", "college", "ecole",
            "heritage_cite"} <= tables
    assert all(entry.licence and entry.producer for entry in entries)
    assert any("ANCT" in e.producer for e in entries if e.table_name == "qpv")


def test_reference_database_is_read_only(reference):
    from qpvdesk.models.spatialite import sqlite_module

    with pytest.raises(sqlite_module().OperationalError, match="readonly"):
        reference.conn.execute("DELETE FROM qpv")

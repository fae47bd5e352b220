"""QPV fiches: figures traced to their source rows, comparisons, ranks, JSON, speed, CLI."""
from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import statistics
import time

import pytest

from conftest import SOURCES
from qpvdesk.models.fiche import (FICHE_INDICATORS, ComparisonValue, Figure, build_fiche,
                                  fiche_to_json, resolve_qpv_code)
from qpvdesk.models.frenchnum import parse_french_number
from qpvdesk.models.reference import ReferenceStore

ALL_QPV = "SELECT code FROM qpv ORDER BY code"


def all_fiches(reference):
    return [build_fiche(reference, code) for (code,) in reference.conn.execute(ALL_QPV)]


def line_of(fiche, indicator_id):
    return next(line for line in fiche.lines() if line.indicator_id == indicator_id)


def source_cell(figure: Figure, column: str) -> tuple[str, str]:
    """(territory code, cell) read with the csv module at the figure's file and line."""
    with (SOURCES / figure.source_file).open(encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter=";"), start=2):
            if number == figure.source_row:
                return row["CODGEO"], row[column]
    raise AssertionError(f"line {figure.source_row} not in {figure.source_file}")


# -- codes ----------------------------------------------------------------------------------

def test_2015_and_2024_codes_open_the_same_qpv(reference):
    assert resolve_qpv_code(reference, "QP062024") == "QN06224M"
    assert resolve_qpv_code(reference, "QN06224M") == "QN06224M"
    assert resolve_qpv_code(reference, " qn06224m ") == "QN06224M"
    by_2015, by_2024 = build_fiche(reference, "QP062024"), build_fiche(reference, "QN06224M")
    assert by_2015.identity.name == "Cité 12-14"
    assert fiche_to_json(by_2015) == fiche_to_json(by_2024)


@pytest.mark.parametrize("code", ["QP999999", "QN99999M", "", "Lens", "QP06202"])
def test_unknown_code_is_a_clear_lookup_error(reference, code):
    with pytest.raises(LookupError, match="Code de quartier inconnu.*QN062xxM.*QP062xxx"):
        build_fiche(reference, code)


# -- figures equal their source rows ------------------------------------------------------------

@pytest.mark.parametrize("qpv, indicator, edition, column, expected_file", [
    ("QN06202M", "DEMO.POP_MUN", 2022, "POP_MUN", "insee_qpv_indicateurs/DEMO_2022_call.csv"),
    ("QN06219M", "REVN.TP60", 2019, "TP60", "insee_qpv_indicateurs/REVN_2019_call.csv"),
    ("QN06216M", "IPRO.TX_TOT_EMPL", 2017, "TX_TOT_EMPL",
     "insee_qpv_indicateurs/IPRO_2017_call.csv"),
    ("QN06224M", "DEMO.A", 2020, "A", "insee_qpv_indicateurs/data_DEMO_2020_V1_QP_call.csv"),
    ("QN06245M", "REVN.DISP_Q2", 2021, "DISP_Q2", "insee_qpv_indicateurs/REVN_2021_call.csv"),
    ("QN06243M", "IPRO.ABC_25", 2022, "ABC_25", "insee_qpv_indicateurs/IPRO_2022_call.csv"),
])
def test_qpv_figures_equal_their_source_rows(reference, qpv, indicator, edition, column,
                                             expected_file):
    fiche = build_fiche(reference, qpv)
    figure = next(f for f in line_of(fiche, indicator).series if f.edition == edition)
    assert figure.source_file == expected_file
    code, cell = source_cell(figure, column)
    assert code == fiche.identity.code_2015
    assert figure.status == "ok"
    assert figure.value == pytest.approx(parse_french_number(cell))


def test_secret_figure_is_kept_secret_with_its_source_row(reference):
    # Cité 12-14, 2022: the share of 6+ person households is an empty cell in DEMO_2022.
    line = line_of(build_fiche(reference, "QN06224M"), "DEMO.TX_TOT_MEN6")
    assert line.qpv.edition == 2022
    code, cell = source_cell(line.qpv, "TX_TOT_MEN6")
    assert (code, cell) == ("QP062024", "")
    assert (line.qpv.value, line.qpv.status) == (None, "secret")
    assert line.rank is None
    assert all(f.status == "secret" and f.value is None for f in line.series)


def test_comparison_figures_equal_their_source_rows(reference):
    line = line_of(build_fiche(reference, "QN06224M"), "REVN.DISP_Q2")
    call = line.comparison("epci").figure
    assert (call.indicator_id, call.edition) == ("FILO.DISP_MED", 2019)
    assert source_cell(call, "Q219") == ("246200364", "17980")
    assert call.value == 17980
    national = line.comparison("ensemble_qpv").figure
    assert national.edition == 2019
    code, cell = source_cell(national, "DISP_Q2")
    assert code == "Ensemble" and national.value == parse_french_number(cell)


# -- comparisons --------------------------------------------------------------------------------

def test_median_income_is_compared_at_every_published_level(reference):
    line = line_of(build_fiche(reference, "QN06224M"), "REVN.DISP_Q2")
    levels = [(item.level, item.territory_code) for item in line.comparisons]
    assert levels == [("commune", "62498"), ("epci", "246200364"), ("departement", "62"),
                      ("region", "32"), ("france", "FRM"), ("ensemble_qpv", "ENSEMBLE")]
    assert not any(item.derived for item in line.comparisons)
    assert line.ratio_to_call == pytest.approx(line.qpv.value / 17980)


def test_no_rate_is_ever_summed(reference):
    aggregation = dict(reference.conn.execute("SELECT id, aggregation FROM indicator"))
    derived = [(line, item) for fiche in all_fiches(reference) for line in fiche.lines()
               for item in line.comparisons if item.derived]
    assert derived, "the CAF counts should give some commune totals"
    for line, item in derived:
        assert aggregation[line.indicator_id] == "count", line.indicator_id
        assert aggregation[item.figure.indicator_id] == "count", item.figure.indicator_id
        assert "dérivé de la somme des IRIS" in item.note


def test_derived_commune_total_is_the_sum_of_all_its_iris(reference):
    line = line_of(build_fiche(reference, "QN06224M"), "DEMO.A")
    lens = line.comparison("commune")
    assert lens.derived and lens.territory_code == "62498"
    statuses, total = reference.conn.execute(
        "SELECT group_concat(DISTINCT v.status), sum(v.value), count(*) FROM iris i "
        "LEFT JOIN indicator_value v ON v.territory_kind = 'iris' AND v.territory_code = i.code"
        " AND v.indicator_id = 'CAF.A' AND v.edition = ? WHERE i.commune_insee = '62498'",
        (lens.figure.edition,)).fetchone()[:2]
    assert statuses == "ok"
    assert lens.figure.value == total
    # Later editions have a secret or absent IRIS in Lens: no total for them.
    later = reference.conn.execute(
        "SELECT count(*) FROM iris i JOIN indicator_value v ON v.territory_kind = 'iris' AND "
        "v.territory_code = i.code AND v.indicator_id = 'CAF.A' AND v.edition > ? "
        "WHERE i.commune_insee = '62498' AND v.status != 'ok'", (lens.figure.edition,))
    assert later.fetchone()[0] > 0


def test_poverty_rate_is_not_derived_from_iris_rates(reference):
    # Bully-les-Mines has a poverty rate for every IRIS: summing them would be possible but
    # meaningless, so the fiche shows no commune or CALL poverty rate.
    for code in ("QN06220M", "QN06233M"):
        line = line_of(build_fiche(reference, code), "REVN.TP60")
        assert {item.level for item in line.comparisons} == {"ensemble_qpv"}
        assert line.ratio_to_call is None


# -- ranks ------------------------------------------------------------------------------------

@pytest.mark.parametrize("indicator, most_unfavourable", [
    ("REVN.TP60", "max"), ("IPRO.TX_TOT_EMPL", "min"), ("DEMO.POP_MUN", "max")])
def test_rank_one_is_the_most_unfavourable(reference, indicator, most_unfavourable):
    edition, = reference.conn.execute(
        "SELECT max(edition) FROM indicator_value WHERE territory_kind = 'qpv' "
        "AND indicator_id = ?", (indicator,)).fetchone()
    expected, = reference.conn.execute(
        f"SELECT {most_unfavourable}(value) FROM indicator_value WHERE territory_kind = 'qpv' "
        "AND indicator_id = ? AND edition = ? AND status = 'ok'", (indicator, edition)).fetchone()
    lines = [line_of(fiche, indicator) for fiche in all_fiches(reference)]
    first = [line for line in lines if line.rank == 1]
    assert first and all(line.qpv.value == expected for line in first)
    ranked = sorted((line for line in lines if line.rank), key=lambda line: line.rank)
    assert len(ranked) == ranked[0].rank_of
    extreme = ranked[0].qpv_max if most_unfavourable == "max" else ranked[0].qpv_min
    assert extreme.figure.value == expected


# -- JSON -------------------------------------------------------------------------------------

def displayed_figures(node, level="qpv"):
    """(indicator, level, edition) of every Figure reachable from a fiche dataclass."""
    if isinstance(node, Figure):
        yield node.indicator_id, level, node.edition
    elif dataclasses.is_dataclass(node):
        if isinstance(node, ComparisonValue):
            level = node.level
        for field in dataclasses.fields(node):
            child_level = field.name if field.name in ("qpv_min", "qpv_max") else level
            yield from displayed_figures(getattr(node, field.name), child_level)
    elif isinstance(node, dict):
        for value in node.values():
            yield from displayed_figures(value, level)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from displayed_figures(value, level)


def json_figures(node):
    if isinstance(node, dict):
        if "indicator_id" in node and "level" in node:
            assert {"label", "unit", "edition", "value", "status", "source_file"} <= node.keys()
            assert (node["value"] is None) == (node["status"] != "ok")
            yield node["indicator_id"], node["level"], node["edition"]
        for value in node.values():
            yield from json_figures(value)
    elif isinstance(node, list):
        for value in node:
            yield from json_figures(value)


@pytest.mark.parametrize("code", ["QN06224M", "QN06216M", "QN06243M"])
def test_json_lists_every_displayed_figure(reference, code):
    fiche = build_fiche(reference, code)
    document = json.loads(json.dumps(fiche_to_json(fiche), ensure_ascii=False))
    shown = set(displayed_figures(fiche))
    assert len(shown) > 100
    assert set(json_figures(document)) == shown
    assert {"qpv", "epci", "commune", "ensemble_qpv", "qpv_min"} <= {lvl for _, lvl, _ in shown}
    assert len(document["schools"]) == len(fiche.schools)


# -- identity, notes, schools ---------------------------------------------------------------------

def test_straddling_qpv_identity_and_notes(reference):
    fiche = build_fiche(reference, "QN06216M")
    identity = fiche.identity
    assert [c.insee for c in identity.communes_in_call] == ["62464"]
    assert {c.insee for c in identity.communes_outside_call} == {"62276", "62401"}
    assert identity.population.indicator_id == "DEMO.POP_MUN"
    assert identity.population.edition == 2022
    notes = " ".join(fiche.notes)
    assert "géographie prioritaire 2015 (code QP062016)" in notes
    assert "celui de 2024" in notes and "déborde de la CALL" in notes
    assert "Taux de pauvreté" in notes  # listed among the indicators without a CALL value


def test_colleges_within_one_km_and_ecoles_of_the_communes(reference):
    fiche = build_fiche(reference, "QN06224M")
    colleges = [s for s in fiche.schools if s.kind == "collège"]
    expected = [uai for (uai,) in reference.conn.execute(
        "SELECT c.uai FROM college c, qpv q WHERE q.code = 'QN06224M' "
        "AND ST_Distance(c.geom, q.geom) <= 1000 ORDER BY ST_Distance(c.geom, q.geom)")]
    assert [s.uai for s in colleges] == expected and expected
    assert all(s.distance_m <= 1000 and s.rep_vintage for s in colleges if s.rep)
    ecoles = [s for s in fiche.schools if s.kind == "école"]
    count, = reference.conn.execute(
        "SELECT count(*) FROM ecole WHERE commune_insee IN ('62498', '62528')").fetchone()
    assert len(ecoles) == count > 0
    assert any("n'ont pas de coordonnées" in note for note in fiche.notes)


def test_fiche_indicators_are_catalogued_qpv_indicators(reference):
    ids = [i for ids in FICHE_INDICATORS.values() for i in ids]
    assert len(ids) == len(set(ids))
    known = {row[0] for row in reference.conn.execute(
        "SELECT DISTINCT indicator_id FROM indicator_value WHERE territory_kind = 'qpv'")}
    assert set(ids) <= known


def test_every_figure_carries_its_source(reference):
    fiche = build_fiche(reference, "QN06233M")
    for line in fiche.lines():
        for figure in [line.qpv, *line.series]:
            assert figure.source_file.startswith("insee_qpv_indicateurs/")
            assert figure.source_row >= 2
    assert {source.path for source in fiche.sources} >= {
        "insee_qpv_indicateurs/DEMO_2022_call.csv",
        "education_ips_rep/colleges_call_ips_2023_2024_rep.geojson"}


# -- speed ------------------------------------------------------------------------------------

def test_opening_a_fiche_takes_at_most_50_ms(reference_path):
    store = ReferenceStore(reference_path)  # fresh store: the first fiche fills the cache
    try:
        codes = [code for (code,) in store.conn.execute(ALL_QPV)]
        timings = []
        for code in codes:
            start = time.perf_counter()
            build_fiche(store, code)
            timings.append((time.perf_counter() - start) * 1000)
    finally:
        store.close()
    assert statistics.median(timings) <= 50, timings
    assert timings[0] <= 250, timings  # cold, with the values loaded


# -- command line ---------------------------------------------------------------------------------

def run_cli(reference_path, *argv):
    from qpvdesk.commands import fiche

    parser = argparse.ArgumentParser()
    parser.add_argument("--reference")
    fiche.add_parser(parser.add_subparsers())
    args = parser.parse_args(["--reference", str(reference_path), *argv])
    return args.handler(args)


def test_cli_text_and_json(reference_path, capsys):
    assert run_cli(reference_path, "fiche", "QP062024") == 0
    text = capsys.readouterr().out
    assert "Cité 12-14 — QN06224M (code 2015 : QP062024)" in text
    assert "Revenu disponible médian par UC : 13\u202f700 € par UC (édition 2022)" in text
    assert run_cli(reference_path, "fiche", "qn06224m", "--json") == 0
    document = json.loads(capsys.readouterr().out)
    assert document["qpv"]["code_2015"] == "QP062024"


def test_cli_unknown_code(reference_path, capsys):
    assert run_cli(reference_path, "fiche", "QP000000") == 2
    assert "Code de quartier inconnu" in capsys.readouterr().err


def test_an_indicator_with_no_value_at_all_reads_not_published(reference_path, tmp_path,
                                                                capsys):
    """A database built from sources without the median income (the self-test found the PDF
    raising IndexError): the line says « n.d. » at the base's latest edition, with no rank or
    range, and the text, JSON and PDF fiches are written."""
    import shutil

    import pysqlite3.dbapi2 as sqlite3

    broken = tmp_path / "sans_revenu.sqlite"
    shutil.copy(reference_path, broken)
    conn = sqlite3.connect(broken)
    conn.execute("DELETE FROM indicator_value WHERE indicator_id = 'REVN.DISP_Q2'")
    conn.commit()
    conn.close()
    store = ReferenceStore(broken)
    try:
        fiche = build_fiche(store, "QN06202M")
    finally:
        store.close()
    line = next(line for lines in fiche.themes.values() for line in lines
                if line.indicator_id == "REVN.DISP_Q2")
    other = next(line for lines in fiche.themes.values() for line in lines
                 if line.indicator_id == "REVN.DISP_D1")
    assert (line.qpv.status, line.qpv.value, line.qpv.edition) == ("missing", None,
                                                                    other.qpv.edition)
    assert (line.rank, line.rank_of, line.qpv_min, line.qpv_max, line.ratio_to_call) == (
        None, 0, None, None, None)
    assert [figure.status for figure in line.series] == ["missing"]
    assert line.comparison("epci").figure.status == "ok"    # the CALL's income is still there
    assert run_cli(broken, "fiche", "QN06202M") == 0
    assert "Revenu disponible médian par UC : n.d. (édition 2022)" in capsys.readouterr().out
    pdf = tmp_path / "fiche.pdf"
    assert run_cli(broken, "fiche", "QN06202M", "--pdf", str(pdf)) == 0
    assert pdf.read_bytes().startswith(b"%PDF-") and "3 pages" in capsys.readouterr().out

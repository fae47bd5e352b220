"""QPV fiches: figures traced to their source rows, comparisons, ranks, JSON, speed, CLI."""
from __future__ import annotations

import argparse
import csv
import dataclasses
import json

import pytest

from conftest import SOURCES
from qpvdesk.models.fiche import (FICHE_INDICATORS, ComparisonValue, Figure, build_fiche,
                                  fiche_to_json, resolve_qpv_code)
from qpvdesk.models.frenchnum import format_french_number, parse_french_number
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
    # REVN 2022 holds the revenus 2018 (qpv_edition_year): every comparison is of 2018.
    line = line_of(build_fiche(reference, "QN06224M"), "REVN.DISP_Q2")
    call = line.comparison("epci")
    assert (call.figure.indicator_id, call.figure.edition) == ("FILO.DISP_MED", 2018)
    assert (call.pairing, call.year_text, call.pairing_note) == ("same_year", "revenus 2018",
                                                                 None)
    assert source_cell(call.figure, "Q218") == ("246200364", "17580")
    assert call.figure.value == 17580
    national = line.comparison("ensemble_qpv")
    assert national.territory_name == "Ensemble des QPV de France — revenus 2018"
    assert national.figure.source_file.endswith("filosofi_qp_revdis_2018_call.csv")
    code, cell = source_cell(national.figure, "DISP_MED_A18")
    assert code == "Ensemble" and national.figure.value == parse_french_number(cell)


# -- comparisons --------------------------------------------------------------------------------

def test_median_income_is_compared_at_every_published_level(reference):
    line = line_of(build_fiche(reference, "QN06224M"), "REVN.DISP_Q2")
    levels = [(item.level, item.territory_code) for item in line.comparisons]
    assert levels == [("commune", "62498"), ("epci", "246200364"), ("departement", "62"),
                      ("region", "32"), ("france", "FRM"), ("ensemble_qpv", "ENSEMBLE")]
    assert not any(item.derived for item in line.comparisons)
    assert {item.year_text for item in line.comparisons} == {"revenus 2018"}
    assert line.ratio_to_call == pytest.approx(line.qpv.value / 17580)


def test_employment_rate_is_compared_with_comparateur_sums_of_the_same_edition(reference):
    """IPRO 2022 beside the comparateur 2022 (recensement 2018), each level a ratio of sums
    of commune counts, never an average of rates; the definition is 'close', and says so."""
    line = line_of(build_fiche(reference, "QN06219M"), "IPRO.TX_TOT_EMPL")
    call = line.comparison("epci")
    assert (call.figure.indicator_id, call.figure.edition, call.figure.reference_year) == \
        ("CC.TX_EMPL_1564", 2022, 2018)
    assert call.pairing == "same_edition" and call.comparability == "close"
    assert call.derived and call.note.startswith("Calculé à partir de P18_ACT1564")
    assert [item.level for item in line.comparisons] == \
        ["commune", "epci", "departement", "region", "france", "ensemble_qpv"]
    notes = " ".join(build_fiche(reference, "QN06219M").notes)
    assert "Définition proche : Même définition au sens du recensement" in notes


def test_no_rate_is_ever_summed(reference):
    """A derived comparison is a sum of counts (IRIS of a commune or of the CALL) or, for a
    rate, a ratio of sums of commune counts: never a sum or an average of rates."""
    aggregation = dict(reference.conn.execute("SELECT id, aggregation FROM indicator"))
    derived = [(line, item) for fiche in all_fiches(reference) for line in fiche.lines()
               for item in line.comparisons if item.derived]
    assert {aggregation[item.figure.indicator_id] for _, item in derived} == {"count", "rate"}
    for line, item in derived:
        assert item.note.startswith("Calculé à partir de"), item.note
        if aggregation[item.figure.indicator_id] == "rate":
            assert item.figure.indicator_id.startswith("CC.TX_")
            assert ("sommes des effectifs communaux" in item.note
                    or "de la ligne de la commune" in item.note), item.note
        else:
            assert aggregation[line.indicator_id] == "count", line.indicator_id


def test_poverty_rate_is_compared_only_with_published_rates(reference):
    # Bully-les-Mines has a poverty rate for every IRIS: summing or averaging them would be
    # meaningless, so the commune and CALL rates are the published ones (comparateur,
    # Filosofi EPCI file), each with its own year, never derived.
    for code in ("QN06220M", "QN06233M"):
        line = line_of(build_fiche(reference, code), "REVN.TP60")
        assert line.comparisons and not any(item.derived for item in line.comparisons)
        call = line.comparison("epci")
        assert call.figure.indicator_id in ("FILOTP.TP60", "OT.TX_PAUV_60")
        assert call.pairing == "other_year" and "Années différentes" in call.pairing_note


def test_low_declared_income_rate_is_never_set_beside_the_poverty_rate(reference):
    """REVN.BREV's declared comparators are all 'different': refused, named, with the
    reason, and no comparison column shows them."""
    fiche = build_fiche(reference, "QN06224M")
    line = next(line for line in fiche.lines() if line.indicator_id == "REVN.TP60")
    assert line.refusals == []
    from qpvdesk.models.fiche import FicheLine, IndicatorData, _fiche_line, indicator_data
    data: IndicatorData = indicator_data(reference)
    data.load(["REVN.BREV"])
    qpv = next(q for q in data.qpvs if q.code == "QN06224M")
    latest = max(data.qpv_editions("REVN.BREV"))
    brev: FicheLine = _fiche_line(data, data.meta("REVN.BREV"), "Revenus et pauvreté", qpv,
                                  latest)
    assert brev.comparisons == [] and brev.ratio_to_call is None
    assert {(r.level, r.indicator_id) for r in brev.refusals} == {
        ("commune", "CC.TP60"), ("commune", "FILOTP.TP60"), ("epci", "FILOTP.TP60"),
        ("epci", "OT.TX_PAUV_60")}
    assert all("revenu déclaré" in r.reason for r in brev.refusals)


def test_ties_name_every_qpv(reference):
    """The 2022 median-income maximum is shared by two QPV, the 2022 single-parent minimum
    too: both are named (values re-read from the INSEE files with the csv module)."""
    def tied(indicator, column, path, pick):
        with (SOURCES / path).open(encoding="utf-8-sig", newline="") as handle:
            values = {row["CODGEO"]: parse_french_number(row[column])
                      for row in csv.DictReader(handle, delimiter=";")
                      if row["CODGEO"].startswith("QP")}
        target = pick(v for v in values.values() if v is not None)
        return sorted(code for code, v in values.items() if v == target), target

    line = line_of(build_fiche(reference, "QN06224M"), "REVN.DISP_Q2")
    codes, top = tied("REVN.DISP_Q2", "DISP_Q2", "insee_qpv_indicateurs/REVN_2022_call.csv",
                      max)
    assert codes == ["QP062016", "QP062035"] and line.qpv_max.figure.value == top == 14990
    assert line.qpv_max.tied_names == ("Cité Des Taberneaux", "Quartier Saint-Elie - Fosse 13")
    assert line.qpv_max.qpv_name == "Cité Des Taberneaux et Quartier Saint-Elie - Fosse 13"
    line = line_of(build_fiche(reference, "QN06224M"), "DEMO.AM")
    codes, low = tied("DEMO.AM", "AM", "insee_qpv_indicateurs/DEMO_2022_call.csv", min)
    assert codes == ["QP062026", "QP062031"] and line.qpv_min.figure.value == low == 65
    assert line.qpv_min.tied_names == ("3 Cités", "Cité 2")


def test_insee_quality_flag_is_kept_as_a_caution(reference):
    """Cité 2's CNAF cells of DEMO 2018 are empty and flagged NOTE_CNAF = 5 in the source
    row: the fiche keeps the flag on the series and says it in a note."""
    with (SOURCES / "insee_qpv_indicateurs/DEMO_2018_call.csv").open(
            encoding="utf-8-sig", newline="") as handle:
        row = next(r for r in csv.DictReader(handle, delimiter=";")
                   if r["CODGEO"] == "QP062026")
    assert row["NOTE_CNAF"] == "5" and row["AM"] == ""
    fiche = build_fiche(reference, "QN06226M")
    line = line_of(fiche, "DEMO.AM")
    assert [(edition, flag.flag, flag.value) for edition, flag in line.flags] == \
        [(2018, "NOTE_CNAF", "5")]
    assert any("précaution (édition 2018)" in note.lower() and "Allocataires monoparents"
               in note for note in fiche.notes)
    assert line_of(build_fiche(reference, "QN06224M"), "DEMO.AM").flags == ()


def test_gap_movement_between_two_editions_of_the_same_income_year_basis(reference):
    """REVN 2021 and 2022 are revenus 2017 and 2018: the gap to the CALL's Filosofi medians
    of those years, recomputed here from the source rows."""
    line = line_of(build_fiche(reference, "QN06224M"), "REVN.DISP_Q2")
    gap = line.gap
    assert (gap.edition_from, gap.edition_to) == (2021, 2022)
    assert (gap.call_from.edition, gap.call_to.edition) == (2017, 2018)
    q21 = next(f for f in line.series if f.edition == 2021)
    assert source_cell(gap.call_from, "Q217") == ("246200364", "17070")
    expected_from, expected_to = q21.value - 17070, line.qpv.value - 17580
    assert (gap.gap_from, gap.gap_to) == pytest.approx((expected_from, expected_to))
    widening = -expected_to > -expected_from       # income: lower is unfavourable
    assert gap.movement == ("worsens" if widening else "improves")
    amount = format_french_number(abs(expected_to - expected_from), 0)
    assert gap.text == f"l'écart {'se creuse' if widening else 'se réduit'} de {amount} €"
    employment = line_of(build_fiche(reference, "QN06224M"), "IPRO.TX_TOT_EMPL")
    assert employment.gap is None and "une seule édition" in employment.gap_unavailable


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
            if field.name in ("call_from", "call_to"):   # a line's gap to the CALL
                child_level = "epci"
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
    assert "Part des 0-24 ans" in notes  # listed among the indicators without a CALL value


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
    lines = {line["indicator_id"]: line for theme in document["themes"]
             for line in theme["lines"]}
    employment = lines["IPRO.TX_TOT_EMPL"]
    call = next(item for item in employment["comparisons"] if item["level"] == "epci")
    assert (call["indicator_id"], call["edition"], call["reference_year"]) == \
        ("CC.TX_EMPL_1564", 2022, 2018)
    assert (call["comparability"], call["pairing"], call["year_text"]) == \
        ("close", "same_edition", "2018")
    assert call["note"].startswith("Calculé à partir de") and call["derived"]
    assert employment["gap"] is None and "une seule édition" in employment["gap_unavailable"]
    income = lines["REVN.DISP_Q2"]
    assert income["gap"]["edition_from"] == 2021 and income["gap"]["text"].startswith("l'écart")
    assert income["qpv_max"]["tied_names"] == ["Cité Des Taberneaux",
                                               "Quartier Saint-Elie - Fosse 13"]


def test_cli_unknown_code(reference_path, capsys):
    assert run_cli(reference_path, "fiche", "QP000000") == 2
    assert "Code de quartier inconnu" in capsys.readouterr().err


def test_an_indicator_with_no_value_at_all_reads_not_available(reference_path, tmp_path,
                                                                capsys):
    """A database built from sources without the median income (the self-test found the PDF
    raising IndexError): the line says « non disponible » at the base's latest edition, with
    no rank or range, and the text, JSON and PDF fiches are written."""
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
    assert ("Revenu disponible médian par UC : non disponible (édition 2022)"
            in capsys.readouterr().out)
    pdf = tmp_path / "fiche.pdf"
    assert run_cli(broken, "fiche", "QN06202M", "--pdf", str(pdf)) == 0
    assert pdf.read_bytes().startswith(b"%PDF-") and "3 pages" in capsys.readouterr().out

"""Reference databases of three EPCI built from the national pack, checked against the pack's
raw files read with gzip and csv (tests/national_raw.py), not with the build's readers:
CA de Lens-Liévin 246200364, Métropole Européenne de Lille 200093201 (Filosofi published under
its former SIREN 245900410), CA du Grand Avignon 248400251 (two départements, two régions, two
new QPV)."""
from __future__ import annotations

import math

import pytest

from national_raw import epci_communes, number, qpv_of, raw_rows
from qpvdesk.models.reference import ReferenceStore

pytestmark = pytest.mark.slow

CALL, MEL, AVIGNON = "246200364", "200093201", "248400251"
QPV_FAMILIES = ("DEMO", "REVN", "IPRO")


@pytest.fixture(scope="module", params=[CALL, MEL, AVIGNON])
def epci(request, national_database):
    store = ReferenceStore(national_database(request.param))
    yield request.param, store
    store.close()


@pytest.fixture(scope="module")
def mel(national_database):
    store = ReferenceStore(national_database(MEL))
    yield store
    store.close()


@pytest.fixture(scope="module")
def avignon(national_database):
    store = ReferenceStore(national_database(AVIGNON))
    yield store
    store.close()


def test_communes_populations_and_outlines(epci):
    siren, store = epci
    raw = epci_communes(siren)
    stored = {code: (name, pop, total) for code, name, pop, total in store.conn.execute(
        "SELECT insee, name, population_municipale, population_totale FROM commune")}
    assert stored == {code: (r["nom_com"], int(r["population_municipale"]),
                             int(r["population_totale"])) for code, r in raw.items()}
    assert len(stored) == {CALL: 36, MEL: 95, AVIGNON: 16}[siren]
    population, = store.conn.execute("SELECT population_municipale FROM epci").fetchone()
    assert population == {CALL: 242_591, MEL: 1_194_040, AVIGNON: 198_133}[siren]
    bad = store.conn.execute("SELECT count(*) FROM commune WHERE geom IS NULL OR "
                             "ST_IsValid(geom) != 1 OR ST_SRID(geom) != 2154").fetchone()[0]
    assert bad == 0


def test_every_qpv_touching_the_epci_with_its_communes_inside_and_outside(epci):
    siren, store = epci
    raw = qpv_of(siren)
    stored = {code: (name, inside, outside, letter) for code, name, inside, outside, letter in
              store.conn.execute("SELECT code, name, communes_in_call, communes_outside_call, "
                                 "letter FROM qpv")}
    expected = {}
    for code, rows in raw.items():
        communes = list(dict.fromkeys(r["insee_com_cog2026"] for r in rows))
        inside = [c for c in communes if c in epci_communes(siren)]
        outside = [c for c in communes if c not in inside]
        expected[code] = (rows[0]["lib_qp"], ",".join(inside), ",".join(outside),
                          rows[0]["lettre"])
    assert stored == expected
    assert len(stored) == {CALL: 22, MEL: 26, AVIGNON: 6}[siren]


def test_straddling_qpv_of_the_call_are_said_so(national_database):
    store = ReferenceStore(national_database(CALL))
    try:
        outside = dict(store.conn.execute(
            "SELECT code, communes_outside_call FROM qpv WHERE communes_outside_call != ''"))
        links = set(store.conn.execute(
            "SELECT qpv_code, commune_insee FROM qpv_commune WHERE geography = 2024 AND "
            "in_call = 0"))
    finally:
        store.close()
    assert outside == {"QN06216M": "62276,62401", "QN06243M": "62250,62587",
                       "QN06245M": "62724", "QN06247M": "62724"}
    assert ("QN06216M", "62401") in links and ("QN06245M", "62724") in links


def test_qpv_figures_equal_the_raw_insee_cells(epci):
    """Every DEMO/REVN/IPRO value of every QPV (and of « Ensemble ») is the cell of the row and
    column it names in the raw national file; an empty cell is 'secret', never 0."""
    _, store = epci
    variables = dict(store.conn.execute("SELECT id, variable FROM indicator"))
    rows = store.conn.execute(
        "SELECT territory_kind, territory_code, indicator_id, value, status_detail, "
        "source_file, source_row FROM indicator_value WHERE territory_kind IN ('qpv', "
        "'ensemble_qpv') AND substr(indicator_id, 1, 4) IN ('DEMO', 'REVN', 'IPRO')").fetchall()
    assert len(rows) > 3000
    checked = 0
    for kind, code, indicator, value, detail, source, row in rows:
        assert source.startswith("national/insee_qpv2015_indicateurs/")
        raw = raw_rows(source.removeprefix("national/"))
        if detail == "non_publie":
            assert row is None and code not in {r["CODGEO"] for r in raw}
            continue
        cells = {name.strip(): text for name, text in raw[row - 2].items() if name}
        assert cells["CODGEO"] == ("Ensemble" if kind == "ensemble_qpv" else code)
        cell = number(cells[variables[indicator]])  # INSEE's names, spaces around them aside
        assert (value, detail) == ((None, "secret") if cell is None else (cell, "ok"))
        checked += 1
    assert checked > 3000


def test_filosofi_by_qpv_of_the_2015_counterpart(avignon):
    raw = {r["codgeo"]: r for r in raw_rows("insee_qpv2015_indicateurs/data_filo16_qp_revdis.csv")}
    value, = avignon.conn.execute(
        "SELECT value FROM indicator_value WHERE territory_kind = 'qpv' AND territory_code = "
        "'QP084002' AND indicator_id = 'FILOQP.DISP_MED' AND edition = 2016").fetchone()
    assert value == number(raw["QP084002"]["disp_q2_a16"])


def test_mel_filosofi_rows_published_under_its_former_siren(mel):
    for year in range(2014, 2020):
        raw = {r["CODGEO"]: r for r in raw_rows(f"insee_filosofi_disp_2014_2019/"
                                                f"FILO{year}_DISP_EPCI.csv")}
        assert MEL not in raw and "245900410" in raw
        value, note = mel.conn.execute(
            "SELECT value, note FROM indicator_value WHERE territory_kind = 'epci' AND "
            "territory_code = ? AND indicator_id = 'FILO.DISP_MED' AND edition = ?",
            (MEL, year)).fetchone()
        assert value == number(raw["245900410"][f"Q2{year % 100}"])
        assert "ancien SIREN 245900410" in note and "périmètre" in note
    raw = {r["CODGEO"]: r for r in raw_rows("insee_filosofi_tp60_2015_2016/filosofi_epci_2016.csv")}
    value, = mel.conn.execute(
        "SELECT value FROM indicator_value WHERE territory_kind = 'epci' AND indicator_id = "
        "'FILOTP.TP60' AND edition = 2016").fetchone()
    assert value == number(raw["245900410"]["TP6016"])


def test_filosofi_of_communes_and_levels_equal_the_raw_files(avignon):
    for kind, code, name, file_code in (
            ("commune", "84007", "FILO2019_DISP_COM.csv", "84007"),
            ("epci", AVIGNON, "FILO2019_DISP_EPCI.csv", AVIGNON),
            ("departement", "30", "FILO2019_DISP_DEP.csv", "30"),
            ("region", "93", "FILO2019_DISP_REG.csv", "93"),
            ("france", "FRM", "FILO2019_DISP_METROPOLE.csv", "1")):
        raw = {r["CODGEO"]: r for r in raw_rows(f"insee_filosofi_disp_2014_2019/{name}")}
        value, = avignon.conn.execute(
            "SELECT value FROM indicator_value WHERE territory_kind = ? AND territory_code = ? "
            "AND indicator_id = 'FILO.DISP_MED' AND edition = 2019", (kind, code)).fetchone()
        assert value == number(raw[file_code]["Q219"]), kind


def _comparateur_sum(variable: str, keep) -> float:
    arrondissements = ({f"751{n:02d}" for n in range(1, 21)} | {f"6938{n}" for n in range(1, 10)}
                       | {f"132{n:02d}" for n in range(1, 17)})
    return math.fsum(number(r[variable]) for r in raw_rows("insee_comparateur_2022/"
                                                            "base_cc_comparateur.CSV")
                     if r["CODGEO"] not in arrondissements and keep(r["CODGEO"]))


def test_comparateur_sums_for_the_epci_its_two_departements_and_regions(avignon):
    departements_of = {}
    for row in raw_rows("cog_communes_epci/communes_cog2026.csv"):
        departements_of.setdefault(row["reg"], set()).add(row["dep"])
    communes = set(epci_communes(AVIGNON))
    expected = {
        ("epci", AVIGNON): _comparateur_sum("P18_POP", communes.__contains__),
        ("departement", "30"): _comparateur_sum("P18_POP", lambda c: c[:2] == "30"),
        ("departement", "84"): _comparateur_sum("P18_POP", lambda c: c[:2] == "84"),
        ("region", "76"): _comparateur_sum("P18_POP", lambda c: c[:2] in departements_of["76"]),
        ("region", "93"): _comparateur_sum("P18_POP", lambda c: c[:2] in departements_of["93"]),
        ("france", "FRM"): _comparateur_sum("P18_POP", lambda c: not c.startswith("97")),
    }
    stored = {(kind, code): value for kind, code, value in avignon.conn.execute(
        "SELECT territory_kind, territory_code, value FROM indicator_value WHERE "
        "indicator_id = 'CC.P_POP' AND edition = 2022 AND territory_kind != 'commune'")}
    assert stored == pytest.approx(expected, rel=1e-12)
    names = dict(avignon.conn.execute("SELECT code, name FROM territory WHERE kind IN "
                                      "('departement', 'region')"))
    assert names == {"30": "Gard", "84": "Vaucluse", "76": "Occitanie",
                     "93": "Provence-Alpes-Côte d'Azur"}


def test_employment_rate_of_the_epci_is_a_ratio_of_sums(avignon):
    communes = set(epci_communes(AVIGNON))
    act, chom, pop = (_comparateur_sum(v, communes.__contains__)
                      for v in ("P18_ACT1564", "P18_CHOM1564", "P18_POP1564"))
    value, derived, note = avignon.conn.execute(
        "SELECT value, derived, note FROM indicator_value WHERE territory_kind = 'epci' AND "
        "indicator_id = 'CC.TX_EMPL_1564' AND edition = 2022").fetchone()
    assert value == pytest.approx(100 * (act - chom) / pop, rel=1e-12)
    assert derived == 1 and "des 16 communes de l'EPCI CA du Grand Avignon" in note


def test_neet_of_communes_epci_departements_regions(avignon):
    for level, kind, code in (("communes", "commune", "84007"), ("epci", "epci", AVIGNON),
                              ("dpt", "departement", "30"), ("region", "region", "93")):
        raw = [r for r in raw_rows(f"ot_neet_2018/neet_{level}_2018.csv") if r["codgeo"] == code]
        stored = dict(avignon.conn.execute(
            "SELECT edition, value FROM indicator_value WHERE territory_kind = ? AND "
            "territory_code = ? AND indicator_id = 'OT.PART_NON_INSERES'", (kind, code)))
        assert stored == {int(r["an"]): number(r["part_non_inseres"]) for r in raw} != {}


def test_correspondence_and_its_confidence_follow_the_derived_table(epci):
    siren, store = epci
    passage = {r["code_qp_2024"]: r for r in
               raw_rows("qpv_passage_2015_2024/passage_qp2024_qp2015_derive.csv")}
    for code, code_2015, confidence, linked in store.conn.execute(
            "SELECT code_2024, code_2015, confidence, figures_linked FROM qpv_correspondence"):
        raw = passage[code]
        assert (code_2015 or "", confidence) == (raw["code_qp_2015"], raw["confiance"])
        assert linked == (confidence in ("haute", "moyenne"))
        shown, = store.conn.execute("SELECT code_2015 FROM qpv WHERE code = ?", (code,)).fetchone()
        assert shown == (code_2015 if linked else None)


def test_avignon_new_qpv_say_they_have_no_insee_figures(avignon):
    confidences = {code: avignon.qpv_correspondence(code) for code, in
                   avignon.conn.execute("SELECT code FROM qpv")}
    new = sorted(c for c, m in confidences.items() if m.confidence == "sans_objet")
    assert new == ["QN08422N", "QN08423N"]
    for code in new:
        assert confidences[code].code_2015 is None and not confidences[code].figures_linked
        assert "pas encore de chiffres INSEE" in confidences[code].caution
    medium = confidences["QN08403M"]
    assert (medium.confidence, medium.code_2015, medium.figures_linked) == (
        "moyenne", "QP084003", True)
    assert "confiance moyenne" in medium.caution and "QP084003" in medium.caution
    assert confidences["QN08402M"].caution is None
    assert avignon.qpv_correspondence("QP084003").code_2024 == "QN08403M"
    assert {q.code for q in avignon.qpv_list() if q.code_2015 is None} == set(new)


def test_a_weak_match_never_links_2015_figures(national_database):
    # Montpellier's QN03411I « Tournezy-Saint Martin » matches QP034015 « Vert-Bois » weakly.
    store = ReferenceStore(national_database("243400017"))
    try:
        weak = store.qpv_correspondence("QN03411I")
        shown, = store.conn.execute("SELECT code_2015 FROM qpv WHERE code = 'QN03411I'"
                                    ).fetchone()
        kept = store.conn.execute(
            "SELECT count(*) FROM indicator_value WHERE territory_kind = 'qpv' AND "
            "territory_code = 'QP034015' AND status = 'ok'").fetchone()[0]
    finally:
        store.close()
    assert (weak.confidence, weak.code_2015, weak.figures_linked, shown) == (
        "faible", "QP034015", False, None)
    assert "confiance faible" in weak.caution and "Vert-Bois" in weak.caution
    assert kept > 100  # its figures are there, to be shown as another quartier's


def test_qpv_without_perimeter_are_marked_inside_their_commune(avignon):
    markers = avignon.qpv_markers()
    assert {m.qpv_code for m in markers} == {c for c, in avignon.conn.execute(
        "SELECT code FROM qpv WHERE geom IS NULL")} and len(markers) == 6
    for marker in markers:
        inside, = avignon.conn.execute(
            "SELECT ST_Within(MakePoint(?, ?, 2154), geom) FROM commune WHERE insee = ?",
            (marker.x, marker.y, marker.commune_insee)).fetchone()
        assert inside == 1 and marker.note.startswith("Périmètre non fourni")
    perimeters = avignon.coverage()["qpv_perimetres"]
    assert not perimeters.available and "6 des 6 QPV" in perimeters.detail


def test_coverage_says_what_has_no_national_source(mel):
    coverage = mel.coverage()
    for topic in ("iris", "equipements_bpe", "etablissements_scolaires", "patrimoine_minier",
                  "postes_politique_ville", "delinquance", "comparateur_2025"):
        assert not coverage[topic].available
        assert coverage[topic].detail.startswith("Non disponible pour cette agglomération")
        assert not mel.is_available(topic)
    for topic in ("communes", "qpv_liste", "indicateurs_qpv", "filosofi", "comparateur_2022",
                  "neet"):
        assert coverage[topic].available
    assert mel.conn.execute("SELECT count(*) FROM iris").fetchone()[0] == 0
    assert mel.conn.execute("SELECT count(*) FROM college").fetchone()[0] == 0


def test_the_database_names_its_epci(epci):
    siren, store = epci
    identity = store.epci_identity()
    assert (identity.siren, identity.build_source, identity.short_name) == (
        siren, "national", None)
    assert identity.name == {CALL: "CA de Lens-Liévin", MEL: "Métropole Européenne de Lille",
                             AVIGNON: "CA du Grand Avignon (COGA)"}[siren]
    assert identity.departements == {CALL: ("62",), MEL: ("59",), AVIGNON: ("30", "84")}[siren]


def test_no_text_of_another_epci_speaks_of_the_call(mel):
    for table, column in (("indicator_comparator", "note"), ("indicator_comparator", "source"),
                          ("indicator_without_comparator", "note"), ("indicator_value", "note"),
                          ("qpv_correspondence", "note"), ("coverage", "detail")):
        hits = mel.conn.execute(f"SELECT count(*) FROM {table} WHERE {column} LIKE '%CALL%'"
                                ).fetchone()[0]
        assert hits == 0, table
    from qpvdesk.models.comparators import epci_with_article
    assert epci_with_article(mel) == "l'intercommunalité"


def test_geometries_valid_lambert93_and_indexed(epci):
    _, store = epci
    for table, srid, indexed in store.conn.execute(
            "SELECT f_table_name, srid, spatial_index_enabled FROM geometry_columns"):
        assert srid == 2154 and indexed == 1, table
        bad = store.conn.execute(f"SELECT count(*) FROM {table} WHERE geom IS NOT NULL AND "
                                 "(ST_IsValid(geom) != 1 OR ST_SRID(geom) != 2154)").fetchone()[0]
        assert bad == 0, table


def test_provenance_names_the_national_files_and_their_licence(mel):
    entries = mel.provenance()
    paths = {e.source_path for e in entries}
    assert "national/insee_qpv2015_indicateurs/DEMO_2022.csv" in paths
    assert "national/communes_epci_contours/communes_cog2026_simplifie.geojson" in paths
    assert all("Licence Ouverte" in e.licence for e in entries)


def test_a_commune_merged_since_the_files(national_database):
    """CC Bugey Sud: Culoz-Béon (01138) has absorbed Béon (01039) since the comparateur (COG
    2021) and the Filosofi files, which have a row for each. Counts are summed, medians are
    not published for the new territory, and both say why."""
    store = ReferenceStore(national_database("200040350"))
    try:
        def stored(indicator, edition):
            return store.conn.execute(
                "SELECT value, status_detail, derived, note FROM indicator_value WHERE "
                "territory_kind = 'commune' AND territory_code = '01138' AND indicator_id = ? "
                "AND edition = ?", (indicator, edition)).fetchone()
        raw = {r["CODGEO"]: r for r in raw_rows("insee_comparateur_2022/base_cc_comparateur.CSV")}
        value, detail, derived, note = stored("CC.P_POP", 2022)
        assert value == number(raw["01138"]["P18_POP"]) + number(raw["01039"]["P18_POP"])
        assert (detail, derived) == ("ok", 1) and "01039, 01138" in note
        value, detail, _, note = stored("CC.MED", 2022)
        assert (value, detail) == (None, "non_publie") and "ne s'additionnent pas" in note
        value, detail, _, note = stored("FILO.DISP_MED", 2019)
        assert (value, detail) == (None, "non_publie") and "regroupées depuis" in note
        untouched, = store.conn.execute(
            "SELECT value FROM indicator_value WHERE territory_kind = 'commune' AND "
            "territory_code = '01034' AND indicator_id = 'FILO.DISP_MED' AND edition = 2019"
        ).fetchone()
        filo = {r["CODGEO"]: r for r in raw_rows("insee_filosofi_disp_2014_2019/"
                                                  "FILO2019_DISP_COM.csv")}
        assert untouched == number(filo["01034"]["Q219"])  # Belley, unchanged
    finally:
        store.close()


def test_progress_goes_from_0_to_1_in_named_steps(national_database):
    steps = national_database.steps[national_database(AVIGNON)]
    fractions = [fraction for _, fraction in steps]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert len(steps) >= 4 and all(step and step[0].islower() for step, _ in steps)
    assert steps[-1][0] == "terminé"

"""The territorial diagnostic: figures re-read from the raw files with the csv module (not the
build's readers), comparators and derived sums, ties, refusals, gaps, generated sentences,
JSON and the CLI."""
from __future__ import annotations

import csv
import json
import math
from collections import defaultdict

import pytest

from conftest import SOURCES
from qpvdesk.cli import main
from qpvdesk.models.comparators import Comparator, Value
from qpvdesk.models.diagnostic import (NotComparable, build_diagnostic, diagnostic_to_json)
from qpvdesk.models.diagnostic.pairing import pair
from qpvdesk.models.frenchnum import format_french_number

THEME_ORDER = ["demographie", "revenus", "familles", "jeunesse", "emploi", "equipements",
               "moyens", "tranquillite"]


def number(text: str) -> float | None:
    """Test-side reading of a cell: '' -> None, '1 515' / '38,2' / '33.8'."""
    text = text.strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    return None if text == "" else float(text.replace(",", "."))


def rows(relative: str) -> list[dict]:
    with (SOURCES / relative).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def qpv_column(relative: str, column: str) -> dict[str, float]:
    """QPV code -> value of a column of an INSEE QPV file (Ensemble and empty cells left
    out; Filosofi by QPV names its code column in lower case in 2016-2017)."""
    values = {}
    for row in rows(relative):
        code = row.get("CODGEO") or row.get("codgeo")
        if code.startswith("QP") and number(row[column]) is not None:
            values[code] = number(row[column])
    return values


def names(reference) -> dict[str, str]:
    return dict(reference.conn.execute("SELECT code_2015, name FROM qpv"))


def extremes(values: dict[str, float], qpv_names: dict[str, str]):
    low, high = min(values.values()), max(values.values())
    return ((low, sorted(qpv_names[c] for c, v in values.items() if v == low)),
            (high, sorted(qpv_names[c] for c, v in values.items() if v == high)))


@pytest.fixture(scope="module")
def diagnostic(reference):
    return build_diagnostic(reference)


def finding(diagnostic, theme, key):
    return diagnostic.theme(theme).finding(key)


def test_themes_in_the_portrait_order(diagnostic):
    assert [theme.key for theme in diagnostic.themes] == THEME_ORDER
    assert [theme.title for theme in diagnostic.themes] == [
        "Démographie", "Revenus et pauvreté", "Familles et allocataires",
        "Jeunesse, NEET et éducation", "Emploi et chômage", "Équipements",
        "Moyens de la politique de la ville", "Tranquillité publique"]
    assert "Département et région seulement" in diagnostic.theme("tranquillite").scope
    for theme in diagnostic.themes:
        assert theme.sentences(), theme.key


# -- figures re-read from the raw files --------------------------------------------------------

def test_population_of_the_qpv_and_of_the_call(diagnostic, reference):
    population = qpv_column("insee_qpv_indicateurs/DEMO_2022_call.csv", "POP_MUN")
    call = math.fsum(number(r["P18_POP"]) for r in
                     rows("insee_comparateur_2022/base_cc_comparateur_2022_call.csv"))
    assert (len(population), math.fsum(population.values()), call) == (22, 55414, 241703)
    item = finding(diagnostic, "demographie", "DEMO.POP_MUN")
    assert item.call.value.value == call and item.call.value.derived
    (low, low_names), (high, high_names) = extremes(population, names(reference))
    assert item.sentence == (
        "Les 22 QPV comptent 55\u202f414 habitants (édition 2022), soit 22,9\u00a0% des "
        "241\u202f703 habitants de la CALL (2018) ; de 1\u202f125 habitants (3 Cités) à "
        "6\u202f792 habitants (Calonne - Marichelles - Vent De Bise) par quartier.")
    assert (low, low_names, high, high_names) == (
        1125, ["3 Cités"], 6792, ["Calonne - Marichelles - Vent De Bise"])
    assert round(100 * 55414 / call, 1) == 22.9
    notes = " ".join(diagnostic.theme("demographie").notes)
    assert "4 QPV débordent de la CALL" in notes and "La Plaine Du 7" in notes


def test_median_income_ties_and_call_of_the_same_income_year(diagnostic, reference):
    medians = qpv_column("insee_filosofi_qpv_2016_2019/filosofi_qp_revdis_2019_call.csv",
                         "DISP_MED_A19")
    call = number(next(r for r in rows("insee_filosofi_caf/FILO2019_DISP_EPCI_extrait.csv")
                       if r["CODGEO"] == "246200364")["Q219"])
    (low, low_names), (high, high_names) = extremes(medians, names(reference))
    item = finding(diagnostic, "revenus", "FILOQP.DISP_MED")
    assert (item.edition, item.year_text) == (2019, "revenus 2019")
    assert item.call.value.value == call == 17980 and item.call.pairing == "same_year"
    assert (item.lowest.value, list(item.lowest.names)) == (low, low_names)
    assert (item.highest.value, list(item.highest.names)) == (high, high_names)
    assert high_names == ["Cité Des Taberneaux", "Quartier Saint-Elie - Fosse 13"]
    assert item.worse_than_call == 22
    assert item.sentence == (
        "Tous les QPV ont un revenu disponible médian inférieur à celui de la CALL "
        "(17\u202f980 € par UC, revenus 2019) : de 13\u202f140 € par UC (Quartier du 3/15) à "
        "15\u202f130 € par UC (Cité Des Taberneaux et Quartier Saint-Elie - Fosse 13).")
    departement = next(r for r in item.references if r.level == "departement")
    assert departement.value.value == number(next(
        r for r in rows("insee_filosofi_caf/FILO2019_DISP_DEP_extrait.csv"))["Q219"])
    # « × la CALL »: the QPV medians are 1,2 to 1,4 times lower
    assert item.ratio_text == "de 1,2 à 1,4 fois moins"
    assert (round(call / high, 1), round(call / low, 1)) == (1.2, 1.4)


def test_single_parent_share_is_a_ratio_of_two_counts_of_the_same_row(diagnostic, reference):
    counts = {row["CODGEO"]: (number(row["AM"]), number(row["A"]))
              for row in rows("insee_qpv_indicateurs/DEMO_2022_call.csv")
              if row["CODGEO"].startswith("QP")}
    shares = {code: 100 * am / a for code, (am, a) in counts.items()}
    (low, low_names), (high, high_names) = extremes(shares, names(reference))
    item = finding(diagnostic, "familles", "DEMO.AM/DEMO.A")
    assert item.lowest.value == pytest.approx(low) and list(item.lowest.names) == low_names
    assert item.highest.value == pytest.approx(high) and list(item.highest.names) == high_names
    assert item.derived_note.startswith("Calculé par qpvdesk à partir de deux effectifs")
    # the CALL's share would need every IRIS of the CAF files: one is secret, so none
    assert item.call.value.status == "missing" and item.ratio_text is None
    assert "la valeur de la CALL n'est pas calculable" in item.sentence
    ensemble = next(r for r in item.references if r.level == "ensemble_qpv")
    row = next(r for r in rows("insee_qpv_indicateurs/DEMO_2019_call.csv")
               if r["CODGEO"] == "Ensemble")
    assert ensemble.value.value == pytest.approx(100 * number(row["AM"]) / number(row["A"]))
    assert ensemble.year_text == "édition 2019" and ensemble.pairing == "other_year"
    assert ensemble.pairing_note == ("Années différentes : édition 2019 pour la comparaison, "
                                     "édition 2022 pour les QPV.")


def test_neet_share_for_the_call_departement_and_region(diagnostic):
    def value(relative, year):
        return next(number(r["part_non_inseres"]) for r in rows(relative) if r["an"] == year)

    call = value("ot_neet_2008_2018/neet_epci_2018_call.csv", "2018")
    dep = value("ot_neet_2008_2018/neet_dpt_2018_call.csv", "2018")
    reg = value("ot_neet_2008_2018/neet_region_2018_call.csv", "2018")
    statement = diagnostic.theme("jeunesse").statements[0]
    assert (call, dep, reg) == (25.8, 23.2, 20.2)
    assert statement.startswith(
        "La part des jeunes non insérés (NEET) n'est pas publiée pour les QPV. En 2018, elle "
        "est de 25,8\u00a0% pour la CALL, contre 23,2\u00a0% pour le Pas-de-Calais et "
        "20,2\u00a0% pour les Hauts-de-France")


def test_employment_rate_sentence_and_call_from_commune_counts(diagnostic, reference):
    """The issue's example: the CALL's rate is Σ(ACT − CHOM) / Σ POP1564 over its 36
    communes in the comparateur 2022 (recensement 2018): 53,52 %, written 53,5 % (the 2024
    portrait's 53,6 % comes from another source); the QPV values are IPRO 2022."""
    communes = rows("insee_comparateur_2022/base_cc_comparateur_2022_call.csv")
    assert len(communes) == 36
    rate = 100 * math.fsum(number(r["P18_ACT1564"]) - number(r["P18_CHOM1564"])
                           for r in communes) / math.fsum(number(r["P18_POP1564"])
                                                         for r in communes)
    assert round(rate, 2) == 53.52
    item = finding(diagnostic, "emploi", "IPRO.TX_TOT_EMPL")
    assert item.call.value.value == pytest.approx(rate, rel=1e-12)
    assert item.call.value.note.startswith("Calculé à partir de P18_ACT1564, P18_CHOM1564, "
                                           "P18_POP1564 des 36 communes de la CALL")
    assert (item.call.comparability, item.call.pairing) == ("close", "same_edition")
    employment = qpv_column("insee_qpv_indicateurs/IPRO_2022_call.csv", "TX_TOT_EMPL")
    (low, low_names), (high, high_names) = extremes(employment, names(reference))
    assert (low, low_names, high, high_names) == (
        30.8, ["République - Cité 4"], 47.3, ["Quartier Saint-Elie - Fosse 13"])
    assert item.sentence == (
        "Tous les QPV ont un taux d'emploi inférieur à celui de la CALL (53,5\u00a0% en 2018) "
        ": de 30,8\u00a0% (République - Cité 4) à 47,3\u00a0% (Quartier Saint-Elie - Fosse 13).")
    assert item.worse_than_call == 22 and item.ratio_text == "de 1,1 à 1,7 fois moins"
    france = next(r for r in item.references if r.level == "france")
    assert france.value.reference_year == 2018 and france.value.derived


def test_equipment_counted_in_the_retained_iris_of_each_qpv(diagnostic, reference):
    counts = defaultdict(float)
    for row in rows("insee_bpe_2018_2019_comptages/bpe_ens_2019_call.csv"):
        iris = row["DCIRIS"].replace("_", "")
        if len(iris) == 5:   # a commune not divided into IRIS: its one IRIS is CCCCC0000
            iris += "0000"
        counts[iris] += number(row["NB_EQUIP"])
    retained = defaultdict(list)
    for qpv, iris in reference.conn.execute(
            "SELECT qpv_code, iris_code FROM qpv_iris WHERE retained = 1"):
        retained[qpv].append(iris)
    by_qpv = {qpv: math.fsum(counts[i] for i in irises) for qpv, irises in retained.items()}
    qpv_names = dict(reference.conn.execute("SELECT code, name FROM qpv"))
    (low, low_names), (high, high_names) = extremes(by_qpv, qpv_names)
    theme = diagnostic.theme("equipements")
    assert theme.statements[0].startswith(
        f"En 2019, les IRIS de chaque QPV comptent de {format_french_number(low, 0)} "
        f"équipements ({', '.join(low_names)}) à {format_french_number(high, 0)} équipements "
        f"({', '.join(high_names)})")
    assert "La Plaine Du 7 : aucun IRIS ne couvre 5 % de son périmètre" in theme.statements[0]
    total = math.fsum(counts.values())
    assert theme.statements[1].startswith(
        f"La CALL compte {format_french_number(total, 0)} équipements en 2019, soit")
    assert "n'est calculé que pour la CALL et ses communes" in theme.statements[1]
    table = theme.tables[0]
    row = next(r for r in table.rows if r[0] == "3 Cités")
    assert row[table.columns.index("Total 2019")] == format_french_number(by_qpv["QN06231M"], 0)


def test_posts_of_the_contrat_de_ville_by_year(diagnostic):
    posts = defaultdict(set)
    for row in rows("anct_politique_ville_postes_adultes_relais_fonjep/"
                    "postes_adultes_relais_fonjep_cv_lens_lievin_2020_2025.csv"):
        posts[row["dispositif"], row["annee"]].add(row["id_poste"])
    theme = diagnostic.theme("moyens")
    assert theme.statements[0] == (
        f"En 2025, le contrat de ville de la CALL finance "
        f"{len(posts['adulte-relais', '2025'])} postes d'adultes-relais et "
        f"{len(posts['fonjep', '2025'])} postes FONJEP ({len(posts['adulte-relais', '2020'])} "
        f"et {len(posts['fonjep', '2020'])} en 2020). Les sources ne rattachent ces postes à "
        "aucun quartier : ils sont comptés pour le contrat de ville.")


def test_offences_for_the_departement_and_region_only(diagnostic):
    def rate(relative, offence, year):
        row = next(r for r in rows(relative) if r["classe"] == offence and r["annee"] == year)
        return number(row["tauxpourmille"])

    dep = rate("ssmsi_delinquance_dep62_reg32/donnee-dep-2023_62.csv",
               "Coups et blessures volontaires", "23")
    reg = rate("ssmsi_delinquance_dep62_reg32/donnee-reg-2023_32.csv",
               "Coups et blessures volontaires", "23")
    theme = diagnostic.theme("tranquillite")
    assert any(s.startswith(f"En 2023, le Pas-de-Calais enregistre "
                            f"{format_french_number(dep, 2)} coups et blessures volontaires pour "
                            "1 000 habitants") and
               f"contre {format_french_number(reg, 2)} dans les Hauts-de-France" in s
               for s in theme.statements)
    assert "ni la CALL ni ses QPV" in " ".join(theme.notes)
    assert theme.findings == ()


def test_colleges_by_education_prioritaire(diagnostic, reference):
    by_group = defaultdict(list)
    for name, ips, rep in reference.conn.execute("SELECT name, ips, rep FROM college"):
        by_group[rep].append(ips)
    statement = diagnostic.theme("jeunesse").statements[1]
    low, high = min(by_group["REP+"]), max(by_group["REP+"])
    assert (f"les {len(by_group['REP+'])} collèges REP+, de "
            f"{format_french_number(low, 1)} ") in statement
    assert f"à {format_french_number(high, 1)} (" in statement


# -- comparability ----------------------------------------------------------------------------

def test_non_comparable_definitions_are_refused(diagnostic):
    """The low declared-income rate is never set beside a Filosofi poverty rate: no CALL
    value, no ratio, the refusal and its reason in the notes."""
    item = finding(diagnostic, "revenus", "REVN.BREV")
    assert item.call is None and item.ratio_text is None and item.worse_than_call is None
    assert {(r.level, r.indicator_id) for r in item.refusals} >= {
        ("epci", "FILOTP.TP60"), ("epci", "OT.TX_PAUV_60")}
    assert "la CALL n'a pas de valeur de même définition" in item.sentence
    assert any("non comparable, non mis en regard" in note and "revenu déclaré" in note
               for note in item.notes)


def test_pair_raises_for_a_different_definition():
    value = Value("FILOTP.TP60", "epci", "246200364", "CALL", 2016, 2016, 25.4, "ok", False,
                  None, "f.csv", 2)
    different = Comparator("epci", "FILOTP.TP60", "Taux de pauvreté", "%", 1, "INSEE",
                           "different", "Définitions différentes.", (value,))
    with pytest.raises(NotComparable, match="Définitions différentes"):
        pair(different, "246200364", 2022, 2018)
    same = Comparator("epci", "FILOTP.TP60", "Taux de pauvreté", "%", 1, "INSEE", "same", "",
                      (value,))
    pairing = pair(same, "246200364", 2022, 2018)
    assert pairing.value is value and pairing.basis == "only_value"
    assert "Années différentes : revenus 2016 pour la comparaison" in pairing.note


def test_close_definitions_and_other_years_are_footnoted(diagnostic):
    item = finding(diagnostic, "demographie", "DEMO.TX_TOT_MEN1")
    assert item.call.comparability == "close" and item.call.pairing == "only_value"
    assert any(note.startswith("CALL — définition proche") for note in item.notes)
    assert any("l'édition 2022 de la base des QPV ne dit pas l'année" in note
               for note in item.notes)
    poverty = finding(diagnostic, "revenus", "FILOQP.DISP_TP60")
    ot = next(r for r in rows("ot_epci_indicateurs_2021_2022/ot_epci_call_voisins_2021_2022.csv")
              if r["code_epci"] == "246200364" and "pauvreté" in r["indicateur"])
    assert poverty.call.value.value == number(ot["valeur_pct"]) == 23.8
    assert poverty.call.year_text == "2021" and poverty.call.pairing == "only_value"
    assert "Années différentes : 2021 pour la comparaison, données 2019" in \
        poverty.call.pairing_note
    assert "(23,8\u00a0% en 2021)" in poverty.sentence


def test_unverified_definitions_are_said(diagnostic):
    item = finding(diagnostic, "emploi", "IPRO.TX_TOT_EDLIM")
    assert not item.verified
    assert any("définition non vérifiée" in note for note in item.notes)


# -- evolution of the gaps -----------------------------------------------------------------------

def test_gap_evolution_of_the_median_income(diagnostic, reference):
    """Between the revenus 2016 and 2019 (Filosofi by QPV against the CALL's Filosofi of the
    same years), each QPV's gap re-read from the files."""
    item = finding(diagnostic, "revenus", "FILOQP.DISP_MED")
    evolution = item.evolution
    assert (evolution.edition_from, evolution.edition_to) == (2016, 2019)
    call_2016 = number(next(r for r in rows("insee_filosofi_caf/FILO2016_DISP_EPCI_extrait.csv")
                            if r["CODGEO"] == "246200364")["Q216"])
    before = qpv_column("insee_filosofi_qpv_2016_2019/filosofi_qp_revdis_2016_call.csv",
                        "disp_q2_a16")
    after = qpv_column("insee_filosofi_qpv_2016_2019/filosofi_qp_revdis_2019_call.csv",
                       "DISP_MED_A19")
    assert evolution.call_from.value.value == call_2016
    by_name = {c.qpv_name: c for c in evolution.changes}
    qpv_names = names(reference)
    widening = 0
    for code, name in qpv_names.items():
        gap_from, gap_to = before[code] - call_2016, after[code] - 17980
        change = by_name[name]
        assert (change.gap_from, change.gap_to) == pytest.approx((gap_from, gap_to))
        widening += -gap_to > -gap_from   # income: lower is unfavourable
        if change.movement == "worsens":
            amount = format_french_number(abs(gap_to - gap_from), 0)
            assert change.text == f"l'écart se creuse de {amount} €"
    assert evolution.worsening == widening
    assert evolution.sentence.startswith(
        f"Entre revenus 2016 et revenus 2019, l'écart au revenu disponible médian de la CALL "
        f"se creuse pour {widening} QPV")
    chart = next(c for c in diagnostic.theme("revenus").dynamics_charts
                 if c.indicator_id == "FILOQP.DISP_MED")
    assert len(chart.points) == 22 and chart.gap_unit == "€"
    point = next(p for p in chart.points if p.qpv_name == "Grande Résidence")
    assert point.change == pytest.approx(by_name["Grande Résidence"].gap_to
                                         - by_name["Grande Résidence"].gap_from)


def test_no_gap_evolution_without_two_years_of_the_same_call_source(diagnostic):
    item = finding(diagnostic, "emploi", "IPRO.TX_TOT_EMPL")
    assert item.evolution.changes == ()
    assert "une seule édition" in item.evolution.unavailable_reason
    assert finding(diagnostic, "demographie", "DEMO.POP_MUN").evolution is None


def test_evolution_chart_series(diagnostic):
    chart = diagnostic.theme("emploi").evolution_charts[0]
    assert chart.indicator_id == "IPRO.TX_TOT_EMPL" and len(chart.qpv) == 22
    camus = next(s for s in chart.qpv if s.name == "Camus")
    assert [p.edition for p in camus.points] == [2017, 2018, 2019, 2020, 2021, 2022]
    call = next(s for s in chart.references if s.level == "epci")
    assert [(p.edition, round(p.value, 2)) for p in call.points] == [(2018, 53.52),
                                                                    (2022, 57.01)]


# -- editions ------------------------------------------------------------------------------------

def test_any_edition_on_request(reference):
    older = build_diagnostic(reference, 2018)
    employment = older.theme("emploi").finding("IPRO.TX_TOT_EMPL")
    values = qpv_column("insee_qpv_indicateurs/IPRO_2018_call.csv", "TX_TOT_EMPL")
    assert employment.edition == 2018
    assert (employment.lowest.value, employment.highest.value) == (min(values.values()),
                                                                 max(values.values()))
    assert older.theme("revenus").finding("FILOQP.DISP_MED").year_text == "revenus 2018"
    # DEMO has no 2020 file in REVN: REVN.BREV falls back to the edition before
    assert build_diagnostic(reference, 2020).theme("revenus").finding("REVN.BREV").edition \
        == 2019
    with pytest.raises(ValueError, match="Édition 2030 hors des éditions disponibles"):
        build_diagnostic(reference, 2030)


def test_quality_flag_of_the_edition_shown_is_a_caution(reference):
    """Cité 2's CNAF cells of DEMO 2018 are empty, flagged NOTE_CNAF = 5 by INSEE."""
    row = next(r for r in rows("insee_qpv_indicateurs/DEMO_2018_call.csv")
               if r["CODGEO"] == "QP062026")
    assert (row["NOTE_CNAF"], row["AM"], row["A"]) == ("5", "", "")
    item = build_diagnostic(reference, 2018).theme("familles").finding("DEMO.AM/DEMO.A")
    cite_2 = next(f for f in item.qpv if f.name == "Cité 2")
    assert cite_2.value.status == "secret" and cite_2.value.value is None
    assert [(flag.flag, flag.value) for flag in cite_2.flags] == [("NOTE_CNAF", "5")]
    assert any(note.startswith("Précaution — Cité 2 (édition 2018) : Indicateur de qualité "
                               "INSEE NOTE_CNAF = 5") for note in item.notes)
    assert item.known == 21


# -- JSON and command line ---------------------------------------------------------------------

def test_json_keys_are_stable(diagnostic):
    document = json.loads(json.dumps(diagnostic_to_json(diagnostic), ensure_ascii=False))
    assert document["json_version"] == 1
    assert list(document) == ["json_version", "title", "territory", "edition_requested",
                              "editions_available", "headline", "themes", "notes", "sources"]
    theme = document["themes"][4]
    assert set(theme) == {"key", "title", "scope", "findings", "statements", "tables",
                          "evolution_charts", "dynamics_charts", "notes", "sentences"}
    item = theme["findings"][0]
    assert item["key"] == "IPRO.TX_TOT_EMPL" and len(item["qpv"]) == 22
    assert item["call"]["value"]["status"] == "ok" and item["lowest"]["names"] == [
        "République - Cité 4"]
    assert {"comparability", "pairing", "pairing_note", "year_text"} <= set(item["call"])
    assert any(source["path"].startswith("insee_comparateur_2022_national/")
               for source in document["sources"])


def test_cli_portrait_json_and_text(reference_path, capsys):
    assert main(["--reference", str(reference_path), "portrait", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [theme["key"] for theme in document["themes"]] == THEME_ORDER
    assert main(["--reference", str(reference_path), "portrait"]) == 0
    text = capsys.readouterr().out
    assert "== Emploi et chômage ==" in text and "Tous les QPV ont un taux d'emploi" in text
    assert main(["--reference", str(reference_path), "portrait", "--edition", "1999"]) == 2
    assert "hors des éditions disponibles" in capsys.readouterr().err

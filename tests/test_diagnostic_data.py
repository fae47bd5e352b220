"""The diagnostic data (issue 12) re-read from the raw files with the csv module, independently
of the build's readers: new sources, derived sums against INSEE-derived checking files,
quality flags, non_publie against secret, declared comparators, unchanged historical values."""
from __future__ import annotations

import csv
import gzip
import hashlib

import pytest

from conftest import SOURCES

NATIONAL = SOURCES / "insee_comparateur_2022_national" / "base_cc_comparateur.CSV.gz"


def number(text: str) -> float | None:
    """Test-side reading of a source cell: '' -> None, '1 515' / '38,2' / '1.5e-02'."""
    text = text.strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    return None if text in ("", "s") else float(text.replace(",", "."))


def rows(relative: str, delimiter: str = ";") -> list[dict]:
    with (SOURCES / relative).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def stored(reference, kind, code, indicator, edition):
    return reference.conn.execute(
        "SELECT value, status, status_detail, derived, note, source_file FROM indicator_value "
        "WHERE territory_kind = ? AND territory_code = ? AND indicator_id = ? AND edition = ?",
        (kind, code, indicator, edition)).fetchone()


# -- historical values unchanged --------------------------------------------------------------

def test_historical_values_are_unchanged(reference):
    """Digest of every DEMO/REVN/IPRO/FILO/CAF value as built from main before issue 12
    (51,315 rows), computed on 2026-12-03 with:
      SELECT territory_kind, territory_code, indicator_id, edition, reference_year, value,
             status, source_file, source_row FROM indicator_value ORDER BY 1,2,3,4
    hashing repr(row) + '\\n' for each row with sha256."""
    found = reference.conn.execute(
        "SELECT territory_kind, territory_code, indicator_id, edition, reference_year, value, "
        "status, source_file, source_row FROM indicator_value WHERE substr(indicator_id, 1, "
        "instr(indicator_id, '.') - 1) IN ('DEMO', 'REVN', 'IPRO', 'FILO', 'CAF') "
        "ORDER BY 1, 2, 3, 4").fetchall()
    digest = hashlib.sha256()
    for row in found:
        digest.update(repr(row).encode())
        digest.update(b"\n")
    assert len(found) == 51_315
    assert digest.hexdigest() == \
        "65162a69bcd7efe1528aa0f973b6b523ebaefe0ff2358e1f0bfaa0adf60ff819"


def test_absent_rows_of_national_extracts_are_non_publie(reference):
    # Ablain-Saint-Nazaire is not divided into IRIS and has no IRIS Filosofi row.
    value, status, detail, *_ = stored(reference, "iris", "620010000", "FILO.DISP_MED", 2019)
    assert (value, status, detail) == (None, "missing", "non_publie")
    counts = dict(reference.conn.execute(
        "SELECT status || '/' || status_detail, count(*) FROM indicator_value GROUP BY 1"))
    assert set(counts) <= {"ok/ok", "secret/secret", "missing/non_publie", "missing/missing"}


def test_empty_cell_of_published_row_is_secret_not_non_publie(reference):
    # TP6019 is empty for the smallest communes in INSEE's comparateur row.
    row = next(r for r in rows("insee_comparateur_2022/base_cc_comparateur_2022_call.csv")
               if r["CODGEO"] == "62001")
    assert row["TP6019"] == "" and row["P18_POP"] != ""
    assert stored(reference, "commune", "62001", "CC.TP60", 2022)[:3] == \
        (None, "secret", "secret")


# -- comparateur: communes and derived sums ---------------------------------------------------

def national_rows() -> list[dict]:
    with gzip.open(NATIONAL, "rt", encoding="ascii", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_national_file_is_insee_file_verbatim():
    assert hashlib.sha256(gzip.decompress(NATIONAL.read_bytes())).hexdigest() == \
        "5d9ebf51eae366cfec4819516d7196a9b4a1be33b7d578d533cabdba562d7ad3"


@pytest.mark.parametrize("code, variable, indicator", [
    ("62498", "P18_POP", "CC.P_POP"), ("62510", "P18_ACT1564", "CC.P_ACT1564"),
    ("62065", "P18_CHOM1564", "CC.P_CHOM1564"), ("62498", "TP6019", "CC.TP60"),
    ("62771", "MED19", "CC.MED")])
def test_commune_values_equal_the_comparateur(reference, code, variable, indicator):
    row = next(r for r in rows("insee_comparateur_2022/base_cc_comparateur_2022_call.csv")
               if r["CODGEO"] == code)
    value, status, *_ = stored(reference, "commune", code, indicator, 2022)
    assert status == "ok" and value == pytest.approx(number(row[variable]))


def derived_file() -> dict[str, dict]:
    checks = rows("insee_comparateur_2022/agregats_derives_rp2018_call_dep62_reg32_france.csv")
    return {row["territoire"].split()[0]: row for row in checks}


@pytest.mark.parametrize("kind, code, label", [
    ("epci", "246200364", "EPCI-246200364"), ("departement", "62", "DEP-62"),
    ("region", "32", "REG-32"), ("france", "FRM", "FRANCE-METRO")])
def test_derived_sums_match_the_checking_file(reference, kind, code, label):
    check = derived_file()[label]
    for indicator, variable in (("CC.P_POP", "P18_POP"), ("CC.P_POP1564", "P18_POP1564"),
                                ("CC.P_ACT1564", "P18_ACT1564"),
                                ("CC.P_CHOM1564", "P18_CHOM1564")):
        value, status, detail, derived, note, _ = stored(reference, kind, code, indicator, 2022)
        assert status == "ok" and derived == 1 and note.startswith("Calculé à partir de")
        assert abs(value - float(check[variable])) <= 0.0005 + 1e-9  # file: 3 decimals
    for indicator, column in (("CC.TX_EMPL_1564", "tx_emploi_1564_pct"),
                              ("CC.TX_CHOM_1564", "tx_chomage_1564_pct"),
                              ("CC.TX_ACT_1564", "tx_activite_1564_pct")):
        value, *_ = stored(reference, kind, code, indicator, 2022)
        assert round(value, 2) == float(check[column])


def test_departement_sum_recomputed_from_the_national_file(reference):
    """The Pas-de-Calais employment rate is a ratio of sums, never a mean of commune rates."""
    communes = [r for r in national_rows() if r["CODGEO"].startswith("62")]
    assert len(communes) == 890
    act = sum(number(r["P18_ACT1564"]) for r in communes)
    chom = sum(number(r["P18_CHOM1564"]) for r in communes)
    pop = sum(number(r["P18_POP1564"]) for r in communes)
    value, *_ = stored(reference, "departement", "62", "CC.TX_EMPL_1564", 2022)
    assert value == pytest.approx(100 * (act - chom) / pop, rel=1e-12)
    mean_of_rates = sum(100 * (number(r["P18_ACT1564"]) - number(r["P18_CHOM1564"]))
                        / number(r["P18_POP1564"]) for r in communes) / len(communes)
    assert abs(value - mean_of_rates) > 0.1


def test_transcribed_2025_edition_sums_to_its_checking_file(reference):
    check = rows("insee_comparateur_2025/agregat_derive_rp2022_epci_call.csv")[0]
    value, status, detail, derived, note, _ = stored(reference, "epci", "246200364",
                                                     "CC.TX_EMPL_1564", 2025)
    assert round(value, 2) == float(check["tx_emploi_1564_pct"]) and derived == 1
    lens = stored(reference, "commune", "62498", "CC.P_POP", 2025)
    assert "transcrite" in lens[4]
    # Filosofi 2021 cells of the transcription are covered by no check: not used.
    assert stored(reference, "commune", "62498", "CC.TP60", 2025) is None


# -- other new sources, re-read ---------------------------------------------------------------

def test_neet_values(reference):
    for relative, kind in (("ot_neet_2008_2018/neet_epci_2018_call.csv", "epci"),
                           ("ot_neet_2008_2018/neet_dpt_2018_call.csv", "departement"),
                           ("ot_neet_2008_2018/neet_communes_2018_call.csv", "commune")):
        for row in rows(relative)[:6]:
            value, status, *_ = stored(reference, kind, row["codgeo"], "OT.PART_NON_INSERES",
                                       int(row["an"]))
            assert value == pytest.approx(number(row["part_non_inseres"]))
    assert stored(reference, "epci", "246200364", "OT.PART_NON_INSERES", 2022)[0] == 22.7
    assert stored(reference, "epci_voisin", "246200299", "OT.TX_PAUV_60", 2021)[0] == 22.1


def test_filosofi_tp60_and_qpv_income_years(reference):
    epci = rows("insee_filosofi_tp60_2015_2016/filosofi_epci_2016_call.csv")[0]
    assert stored(reference, "epci", "246200364", "FILOTP.TP60", 2016)[0] == \
        number(epci["TP6016"]) == 25.4
    for year, column in ((2017, "tp60_a17"), (2019, "DISP_TP60_A19")):
        for row in rows(f"insee_filosofi_qpv_2016_2019/filosofi_qp_revdis_{year}_call.csv"):
            kind, code = (("ensemble_qpv", "ENSEMBLE") if row.get("codgeo", row.get("CODGEO"))
                          == "Ensemble" else ("qpv", row.get("codgeo", row.get("CODGEO"))))
            value, *_ = stored(reference, kind, code, "FILOQP.DISP_TP60", year)
            assert value == number(row[column])
    years = dict(reference.conn.execute(
        "SELECT edition, reference_year FROM qpv_edition_year WHERE indicator_id = 'REVN.TP60'"))
    assert years == {2021: 2017, 2022: 2018}


def test_bpe_counts_and_iris_of_a_qpv(reference):
    source = rows("insee_bpe_2018_2019_comptages/bpe_ens_2019_call.csv")
    lens = sum(int(float(r["NB_EQUIP"])) for r in source if r["DEPCOM"] == "62498")
    assert stored(reference, "commune", "62498", "BPE.NB_TOTAL", 2019)[0] == lens
    call = sum(int(float(r["NB_EQUIP"])) for r in source)
    assert stored(reference, "epci", "246200364", "BPE.NB_TOTAL", 2019)[0] == call == 6390
    retained = [code for code, in reference.conn.execute(
        "SELECT iris_code FROM qpv_iris WHERE qpv_code = 'QN06219M' AND retained = 1")]
    wanted = {code[:5] + "_" + code[5:] for code in retained}
    group = sum(int(float(r["NB_EQUIP"])) for r in source if r["DCIRIS"] in wanted)
    value, _, _, derived, note, _ = stored(reference, "iris_qpv", "QN06219M", "BPE.NB_TOTAL",
                                           2019)
    assert value == group and derived == 1 and all(code in note for code in retained)
    shares = reference.conn.execute("SELECT min(share_of_qpv) FROM qpv_iris WHERE retained = 1"
                                    ).fetchone()[0]
    assert shares >= 0.05


def test_posts_by_year_count_repeated_lines_once(reference):
    source = rows("anct_politique_ville_postes_adultes_relais_fonjep/"
                  "postes_adultes_relais_fonjep_cv_lens_lievin_2020_2025.csv")
    for dispositif, indicator in (("adulte-relais", "PV.ADULTES_RELAIS"),
                                  ("fonjep", "PV.FONJEP")):
        for year in range(2020, 2026):
            posts = {r["id_poste"] for r in source
                     if r["dispositif"] == dispositif and r["annee"] == str(year)}
            assert stored(reference, "epci", "246200364", indicator, year)[0] == len(posts)
    assert stored(reference, "epci", "246200364", "PV.FONJEP", 2025)[0] == 5


def test_offences_as_published_for_departement_and_region_only(reference):
    for relative, kind, code in (("ssmsi_delinquance_dep62_reg32/donnee-dep-2023_62.csv",
                                  "departement", "62"),
                                 ("ssmsi_delinquance_dep62_reg32/donnee-reg-2023_32.csv",
                                  "region", "32")):
        row = next(r for r in rows(relative) if r["classe"] == "Cambriolages de logement"
                   and r["annee"] == "23")
        assert stored(reference, kind, code, "SSMSI.CAMBRIOLAGES", 2023)[0] == \
            number(row["faits"])
        assert stored(reference, kind, code, "SSMSI.CAMBRIOLAGES_TAUX", 2023)[0] == \
            pytest.approx(number(row["tauxpourmille"]))
    kinds = {k for (k,) in reference.conn.execute(
        "SELECT DISTINCT territory_kind FROM indicator_value WHERE indicator_id LIKE 'SSMSI.%'")}
    assert kinds == {"departement", "region"}


# -- quality flags, definitions, comparators --------------------------------------------------

def test_note_cnaf_5_of_cite_2_in_2018_is_kept(reference):
    row = next(r for r in rows("insee_qpv_indicateurs/DEMO_2018_call.csv")
               if r["CODGEO"] == "QP062026")
    assert row["NOTE_CNAF"] == "5"
    from qpvdesk.models.comparators import comparators_for
    figure = comparators_for(reference, "DEMO.AM", "QP062026", 2018)
    assert figure.qpv.status == "secret"
    assert [(f.flag, f.value) for f in figure.flags] == [("NOTE_CNAF", "5")]
    assert "documentation INSEE" in figure.flags[0].meaning
    assert figure.flags[0].observation.startswith("16 des 16")
    assert comparators_for(reference, "DEMO.POP_MUN", "QP062026", 2018).flags == ()


def test_unverified_definitions_are_flagged_and_cc_ones_quote_insee(reference):
    unverified = reference.conn.execute(
        "SELECT count(*) FROM indicator WHERE verified = 0").fetchone()[0]
    marked = reference.conn.execute(
        "SELECT count(*) FROM indicator WHERE definition LIKE '%à vérifier%'").fetchone()[0]
    assert unverified == marked == 61
    dictionary = {r["COD_VAR"]: r["LIB_VAR_LONG"] for r in
                  rows("insee_comparateur_2022/meta_base_cc_comparateur_2022.csv")}
    from qpvdesk.models.catalogue_diagnostic import CC_VARIABLES
    for ident, (variable, *_rest) in CC_VARIABLES.items():
        definition, verified = reference.conn.execute(
            "SELECT definition, verified FROM indicator WHERE id = ?", (ident,)).fetchone()
        assert f"« {dictionary[variable]} »" in definition and verified == 1


def test_every_qpv_indicator_declares_comparators_or_says_why_not(reference):
    from qpvdesk.models.comparator_data import qpv_indicator_ids
    with_comparator = {i for (i,) in reference.conn.execute(
        "SELECT DISTINCT indicator_id FROM indicator_comparator WHERE level != 'ensemble_qpv'")}
    without = {i for (i,) in reference.conn.execute(
        "SELECT indicator_id FROM indicator_without_comparator")}
    qpv = set(qpv_indicator_ids())
    assert qpv == with_comparator | without and not with_comparator & without
    # Every QPV indicator the catalogue links to another level has its comparators.
    linked = {i for (i,) in reference.conn.execute(
        "SELECT id FROM indicator WHERE compare_id IS NOT NULL")}
    assert linked <= with_comparator
    assert {"IPRO.TX_TOT_EMPL", "DEMO.POP_MUN", "REVN.TP60", "REVN.BREV",
            "DEMO.TX_TOT_MEN1"} <= with_comparator


def test_employment_rate_comparators_at_every_level(reference):
    from qpvdesk.models.comparators import comparators_for
    figure = comparators_for(reference, "IPRO.TX_TOT_EMPL", "QN06219M", 2022)
    assert figure.qpv.value == 30.8  # République - Cité 4
    levels = {c.level: c for c in figure.comparators}
    assert set(levels) == {"commune", "epci", "departement", "region", "france",
                           "ensemble_qpv"}
    call = levels["epci"].closest(2018)
    assert round(call.value, 2) == 53.52 and call.derived and call.reference_year == 2018
    assert levels["epci"].comparability == "close" and "jamais une moyenne" in \
        levels["epci"].note
    assert levels["commune"].closest(2018).territory_name == "Avion"
    from qpvdesk.models.comparators import ensemble_label
    ensemble = levels["ensemble_qpv"].closest(2022)
    assert ensemble.edition == 2019 and ensemble_label(ensemble) == \
        "Ensemble des QPV de France — édition 2019"


def test_low_declared_income_rate_is_declared_different_from_poverty_rate(reference):
    from qpvdesk.models.comparators import comparators_for
    figure = comparators_for(reference, "REVN.BREV", "QN06219M")
    assert figure.comparators and {c.comparability for c in figure.comparators
                                   if c.level != "ensemble_qpv"} == {"different"}
    assert all("revenu déclaré" in c.note for c in figure.comparators
               if c.level != "ensemble_qpv")
    poverty = comparators_for(reference, "REVN.TP60", "QN06219M", 2022)
    assert poverty.reference_year == 2018
    assert {c.comparability for c in poverty.comparators} == {"same"}


def test_straddling_qpv_population_note(reference):
    from qpvdesk.models.comparators import straddling_qpv
    items = straddling_qpv(reference)
    assert [i.code for i in items] == ["QN06216M", "QN06243M", "QN06245M", "QN06247M"]
    assert all(i.population_outside_call is None and "ne publient pas" in i.note
               for i in items)
    maroc = next(i for i in items if i.code == "QN06245M")
    assert maroc.communes_outside_call == ("Rouvroy",)
    demo = {r["CODGEO"]: r for r in rows("insee_qpv_indicateurs/DEMO_2022_call.csv")}
    assert maroc.population.value == number(demo["QP062045"]["POP_MUN"])


def test_broken_national_file_is_refused(sources_copy, tmp_path):
    from qpvdesk.models.build import SourceError, build_reference_database
    path = sources_copy / "insee_comparateur_2022_national" / "base_cc_comparateur.CSV.gz"
    text = gzip.decompress(path.read_bytes()).replace(b"62498;", b"62498;9", 1)
    path.write_bytes(gzip.compress(text))
    with pytest.raises(SourceError, match="sha256") as error:
        build_reference_database(sources_copy, tmp_path / "ref.sqlite")
    assert error.value.path.name == "base_cc_comparateur.CSV.gz"
    assert not (tmp_path / "ref.sqlite").exists()


def test_transcription_slip_in_2025_population_is_refused(sources_copy, tmp_path):
    from qpvdesk.models.build import SourceError, build_reference_database
    path = sources_copy / "insee_comparateur_2025" / "base_cc_comparateur_2025_call.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n62001;1966;", "\n62001;1967;", 1), encoding="utf-8")
    with pytest.raises(SourceError, match="legal population") as error:
        build_reference_database(sources_copy, tmp_path / "ref.sqlite")
    assert error.value.row == 2


def test_inconsistent_published_offence_rate_is_refused(sources_copy, tmp_path):
    from qpvdesk.models.build import SourceError, build_reference_database
    path = sources_copy / "ssmsi_delinquance_dep62_reg32" / "donnee-dep-2023_62.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(";")
    cells[-1] = "2,5e-02"
    lines[1] = ";".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match="tauxpourmille") as error:
        build_reference_database(sources_copy, tmp_path / "ref.sqlite")
    assert error.value.row == 2 and error.value.path.name == "donnee-dep-2023_62.csv"


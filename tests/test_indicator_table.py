"""The 22 QPV × indicators table, its summaries and the dynamics of the gaps to the CALL."""
from __future__ import annotations

import statistics

import pytest

from qpvdesk.models.fiche import ComparisonValue, Figure
from qpvdesk.models.indicator_table import (MEDIAN_LABEL, NARROWING, STABLE, WIDENING,
                                            build_indicator_table, gap_dynamics,
                                            indicators_with_call_reference, versus_call)

INDICATORS = ["REVN.DISP_Q2", "REVN.TP60", "DEMO.TX_TOT_MEN6"]


def qpv_values(reference, indicator, edition):
    """code_2015 -> (value, status), read straight from the database."""
    return {code: (value, status) for code, value, status in reference.conn.execute(
        "SELECT territory_code, value, status FROM indicator_value WHERE territory_kind = 'qpv'"
        " AND indicator_id = ? AND edition = ?", (indicator, edition))}


def call_value(reference, compare_id, edition):
    return reference.conn.execute(
        "SELECT value FROM indicator_value WHERE territory_kind = 'epci' AND indicator_id = ? "
        "AND edition = ?", (compare_id, edition)).fetchone()[0]


def test_table_has_the_22_qpv_at_the_latest_edition(reference):
    table = build_indicator_table(reference, INDICATORS)
    assert len(table.rows) == 22
    assert [c.edition for c in table.columns] == [2022, 2022, 2022]
    for index, column in enumerate(table.columns):
        expected = qpv_values(reference, column.indicator_id, column.edition)
        for row in table.rows:
            figure = row.cells[index].figure
            assert (figure.value, figure.status) == expected[row.code_2015]
    secret = [row for row in table.rows if row.cells[2].figure.status == "secret"]
    assert secret and all(row.cells[2].figure.value is None for row in secret)


def test_chosen_edition_and_unpublished_edition(reference):
    table = build_indicator_table(reference, ["REVN.DISP_Q2", "DEMO.POP_MUN"], edition=2020)
    assert all(row.cells[0].figure.status == "missing" for row in table.rows)
    assert sum(row.cells[1].figure.value for row in table.rows) > 50_000
    assert any("2020 non publiée" in note and "Revenu disponible" in note
               for note in table.notes)
    older = build_indicator_table(reference, ["REVN.DISP_Q2"], edition=2019)
    expected = qpv_values(reference, "REVN.DISP_Q2", 2019)
    assert {r.code_2015: r.cells[0].figure.value for r in older.rows} == {
        code: value for code, (value, _) in expected.items()}


@pytest.mark.parametrize("descending", [False, True])
def test_sorting_keeps_secret_and_missing_last(reference, descending):
    table = build_indicator_table(reference, INDICATORS).sorted_by("DEMO.TX_TOT_MEN6",
                                                                   descending)
    statuses = [row.cells[2].figure.status for row in table.rows]
    known = statuses.count("ok")
    assert 0 < known < 22 and statuses[:known] == ["ok"] * known
    values = [row.cells[2].figure.value for row in table.rows[:known]]
    assert values == sorted(values, reverse=descending)
    names = [row.name for row in table.sorted_by("name").rows]
    assert names == sorted(names, key=str.casefold)


def test_filter_by_commune(reference):
    table = build_indicator_table(reference, INDICATORS, commune="62498")
    expected = {code for (code,) in reference.conn.execute(
        "SELECT qpv_code FROM qpv_commune WHERE geography = 2024 AND commune_insee = '62498'")}
    assert {row.code for row in table.rows} == expected and 0 < len(expected) < 22
    assert all("Lens" in row.communes_label for row in table.rows)
    # Summaries still describe the 22 QPV.
    full = build_indicator_table(reference, INDICATORS)
    assert table.summaries == full.summaries


def test_communes_column_is_the_2015_geography_of_the_figures(reference):
    """The figures are INSEE's 2015-geography ones: the communes column lists the 2015
    communes; the commune filter follows the 2024 perimeters."""
    rows = {row.code: row for row in build_indicator_table(reference, INDICATORS).rows}
    for code, communes_2015 in (("QN06224M", "Lens"), ("QN06227M", "Lens, Éleu-dit-Leauwette"),
                                ("QN06234M", "Méricourt, Sallaumines")):
        expected = [name for (name,) in reference.conn.execute(
            "SELECT commune_name FROM qpv_commune WHERE qpv_code = ? AND geography = 2015 "
            "ORDER BY in_call DESC, commune_name", (code,))]
        assert rows[code].communes_label == ", ".join(expected) == communes_2015
    assert "Loos-en-Gohelle" in {c.name for c in rows["QN06224M"].communes_2024}
    loos = build_indicator_table(reference, INDICATORS, commune="62528")
    assert "QN06224M" in {row.code for row in loos.rows}


def test_comparison_to_the_call_uses_the_unfavourable_direction(reference):
    table = build_indicator_table(reference, INDICATORS)
    income, poverty = table.columns[0], table.columns[1]
    # REVN 2022 holds the revenus 2018 (established by the build): the CALL's Filosofi 2018
    assert income.call.figure.value == call_value(reference, "FILO.DISP_MED", 2018)
    assert poverty.call is None  # no CALL poverty rate in the sources
    for row in table.rows:
        expected = "worse" if row.cells[0].figure.value < income.call.figure.value else "better"
        assert row.cells[0].versus_call == expected
        assert row.cells[1].versus_call is None


def test_versus_call_rules():
    def figure(value, status="ok"):
        return Figure("X", "x", "%", 2022, None, value, status, "f.csv", 2)

    call = ComparisonValue("epci", "246200364", "CALL", figure(40.0))
    assert versus_call(figure(50.0), call, "high") == "worse"
    assert versus_call(figure(50.0), call, "low") == "better"
    assert versus_call(figure(40.0), call, "low") == "equal"
    assert versus_call(figure(50.0), call, None) is None
    assert versus_call(figure(None, "secret"), call, "high") is None
    assert versus_call(figure(50.0), None, "high") is None


def test_summary_rows_are_statistics_of_the_22_qpv(reference):
    table = build_indicator_table(reference, INDICATORS)
    labels = [summary.label for summary in table.summaries]
    assert labels == ["CALL (valeur publiée)", "Minimum des 22 QPV", MEDIAN_LABEL,
                      "Maximum des 22 QPV"]
    assert MEDIAN_LABEL == "Médiane des 22 QPV"
    median = table.summaries[2]
    for index, column in enumerate(table.columns):
        known = [v for v, status in qpv_values(reference, column.indicator_id, 2022).values()
                 if status == "ok"]
        assert median.values[index] == pytest.approx(statistics.median(known))
        assert median.counts[index] == len(known)
        assert table.summaries[1].values[index] == min(known)
    call_row = table.summaries[0]
    assert call_row.values == (table.columns[0].call.figure.value, None, None)
    assert any("pas la médiane de la CALL" in note for note in table.notes)


def test_no_call_row_when_no_indicator_has_a_call_value(reference):
    table = build_indicator_table(reference, ["REVN.TP60", "IPRO.TX_TOT_EMPL"])
    assert [s.label for s in table.summaries][0] == "Minimum des 22 QPV"


def test_unknown_or_non_qpv_indicator_is_refused(reference):
    with pytest.raises(LookupError, match="Indicateur inconnu"):
        build_indicator_table(reference, ["REVN.NOPE"])
    with pytest.raises(ValueError, match="pas publié à l'échelle des QPV"):
        build_indicator_table(reference, ["FILO.DISP_MED"])


# -- dynamique des écarts -------------------------------------------------------------------------

def test_gap_dynamics_of_median_income(reference):
    dynamics = gap_dynamics(reference, "REVN.DISP_Q2")
    # REVN 2022 = revenus 2018 (established): 2018 = revenus 2014 by the same lag, and the
    # 2017 edition (revenus 2013) has no CALL value to pair with
    assert (dynamics.call_first.figure.edition, dynamics.call_last.figure.edition) == (2014, 2018)
    first_call = call_value(reference, "FILO.DISP_MED", 2014)
    last_call = call_value(reference, "FILO.DISP_MED", 2018)
    first = qpv_values(reference, "REVN.DISP_Q2", 2018)
    last = qpv_values(reference, "REVN.DISP_Q2", 2022)
    code_2015 = dict(reference.conn.execute("SELECT code, code_2015 FROM qpv"))
    assert len(dynamics.points) == 22
    labels = set()
    for point in dynamics.points:
        code = code_2015[point.qpv_code]
        assert (point.first.edition, point.last.edition) == (2018, 2022)
        assert point.gap_first == pytest.approx(first[code][0] - first_call)
        assert point.gap_last == pytest.approx(last[code][0] - last_call)
        # Income: a lower value is unfavourable, so a falling gap means a worsening QPV.
        assert point.worsening == pytest.approx(-(point.gap_last - point.gap_first))
        expected = WIDENING if abs(point.gap_last) > abs(point.gap_first) else NARROWING
        assert point.label == expected
        labels.add(point.label)
    assert labels == {WIDENING, NARROWING}
    assert "publication" in dynamics.explanation


def test_gap_label_takes_the_favourable_side_into_account(reference):
    dynamics = gap_dynamics(reference, "REVN.DISP_D1D9")
    # Interdecile ratio: lower is better; QPV below the CALL are on the favourable side.
    for point in dynamics.points:
        if point.gap_last is not None and point.gap_last < 0:
            assert point.label.endswith("(en faveur du QPV)")
        elif point.label is not None:
            assert point.label in (WIDENING, NARROWING, STABLE)


def test_gap_dynamics_refuses_without_a_call_value(reference):
    with pytest.raises(ValueError, match="valeur de la CALL n'est pas disponible") as error:
        gap_dynamics(reference, "REVN.TP60")
    assert "REVN.DISP_Q2" in str(error.value)
    usable = indicators_with_call_reference(reference)
    assert "REVN.DISP_Q2" in usable and "REVN.PPSOC" in usable
    assert not {"REVN.TP60", "DEMO.A", "IPRO.TX_TOT_EMPL"} & set(usable)
    for indicator in usable:
        assert len(gap_dynamics(reference, indicator).points) == 22

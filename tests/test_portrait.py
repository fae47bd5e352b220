"""« Portrait du territoire »: headline figures computed from the data, with their rules."""
from __future__ import annotations

import pytest

from qpvdesk.models.portrait import build_portrait


@pytest.fixture(scope="module")
def portrait(reference):
    return build_portrait(reference)


def latest_qpv(reference, indicator):
    edition, = reference.conn.execute(
        "SELECT max(edition) FROM indicator_value WHERE territory_kind = 'qpv' "
        "AND indicator_id = ?", (indicator,)).fetchone()
    values = [value for (value,) in reference.conn.execute(
        "SELECT value FROM indicator_value WHERE territory_kind = 'qpv' AND indicator_id = ? "
        "AND edition = ? AND status = 'ok'", (indicator, edition))]
    return edition, values


def test_population_in_qpv_is_55414_for_edition_2022(portrait):
    headline = portrait.headline("population_qpv")
    assert headline.value == 55_414
    assert "édition 2022" in headline.vintage and "2015" in headline.vintage
    assert len(headline.inputs) == 22
    assert {figure.edition for figure in headline.inputs} == {2022}
    assert {figure.indicator_id for figure in headline.inputs} == {"DEMO.POP_MUN"}
    assert "s'additionnent" in headline.explanation
    straddle = " ".join(headline.notes)
    assert straddle.startswith("4 QPV sont à cheval") and "hors CALL" in straddle
    assert "La Plaine Du 7" in straddle


def test_call_population_and_share_with_their_vintages(reference, portrait):
    population, year = reference.conn.execute(
        "SELECT population_municipale, population_year FROM epci").fetchone()
    call = portrait.headline("population_call")
    assert (call.value, call.inputs[0].edition) == (population, year)
    assert call.inputs[0].source_file.startswith("communes_epci_call/")
    share = portrait.headline("share_in_qpv")
    assert share.value == pytest.approx(55_414 / population * 100)
    assert 20 < share.value < 25
    assert "millésimes différents" in share.explanation
    assert str(year) in share.vintage and "2022" in share.vintage


def test_median_income_gives_call_and_qpv_range_never_an_average(reference, portrait):
    headline = portrait.headline("median_income")
    call, = reference.conn.execute(
        "SELECT value FROM indicator_value WHERE territory_kind = 'epci' AND "
        "indicator_id = 'FILO.DISP_MED' AND edition = 2019").fetchone()
    assert headline.value == call
    assert [r.level for r in headline.references] == ["epci", "departement", "region", "france"]
    edition, values = latest_qpv(reference, "REVN.DISP_Q2")
    assert headline.qpv_min.figure.value == min(values)
    assert headline.qpv_max.figure.value == max(values)
    assert headline.qpv_min.qpv_name == "Grande Résidence"
    assert len(headline.qpv_values) == 22
    assert headline.ratio_to_call == pytest.approx((min(values) / call, max(values) / call))
    assert "ne se moyennent pas" in headline.explanation
    assert sum(values) / len(values) not in (headline.value, *headline.ratio_to_call)


@pytest.mark.parametrize("key, indicator", [("poverty_rate", "REVN.TP60"),
                                            ("employment_rate", "IPRO.TX_TOT_EMPL")])
def test_rates_have_min_max_list_and_say_the_call_value_is_missing(reference, portrait, key,
                                                                    indicator):
    headline = portrait.headline(key)
    edition, values = latest_qpv(reference, indicator)
    assert headline.value is None and headline.references == ()
    assert (headline.qpv_min.figure.value, headline.qpv_max.figure.value) == (min(values),
                                                                           max(values))
    assert {figure.edition for _, _, figure in headline.qpv_values} == {edition}
    assert len(headline.qpv_values) == 22
    assert any("n'est pas dans les sources" in note for note in headline.notes)
    assert "Les taux et les médianes ne s'additionnent pas" in headline.explanation

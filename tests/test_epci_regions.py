"""An EPCI across two régions: each QPV's figures are set beside its own région (that of its
own département), as they are beside its own département. Mâconnais Beaujolais Agglomération
spans Saône-et-Loire (Bourgogne-Franche-Comté) and the Ain (Auvergne-Rhône-Alpes); its four
QPV are in Mâcon, Saône-et-Loire."""
from __future__ import annotations

import pytest

from qpvdesk.models.fiche import build_fiche
from qpvdesk.models.reference import ReferenceStore
from qpvdesk.render.fiche_tables import SourceIndex, theme_tables

MACONNAIS = "200070308"


@pytest.fixture(scope="module")
def maconnais(national_database):
    store = ReferenceStore(national_database(MACONNAIS))
    yield store
    store.close()


def test_the_database_spans_two_regions_with_its_qpv_in_one(maconnais):
    regions = dict(maconnais.conn.execute(
        "SELECT code, name FROM territory WHERE kind = 'region'"))
    assert regions == {"27": "Bourgogne-Franche-Comté", "84": "Auvergne-Rhône-Alpes"}
    assert {code[:4] for code, in maconnais.conn.execute("SELECT code FROM qpv")} == {"QN07"}
    assert maconnais.metadata()["departement_regions"] == "01:84,71:27"


def test_each_qpv_is_compared_with_its_own_region(maconnais):
    for qpv in maconnais.qpv_list():
        fiche = build_fiche(maconnais, qpv.code)
        levels = {level: {item.territory_code for line in fiche.lines()
                          for item in line.comparisons if item.level == level}
                  for level in ("departement", "region")}
        assert levels == {"departement": {"71"}, "region": {"27"}}, qpv.code
        table = theme_tables(fiche, SourceIndex(fiche.sources))[0]
        column = next(c for c in table.columns if c.key == "region")
        assert column.tooltip == "Bourgogne-Franche-Comté"

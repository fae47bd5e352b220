"""Commune and QPV lists in French alphabetical order: accents, case and hyphens do not
count (Bénifontaine before Billy-Montigny, Éleu-dit-Leauwette among the E)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from qpvdesk.models.map.identify import feature_info
from qpvdesk.models.proposals import QUARTIER_VECU
from qpvdesk.models.search import french_order, normalize
from qpvdesk.views.proposals import ProposalForm, ProposalListPanel
from qpvdesk.views.qpv_list import QpvListView

from proposal_fixtures import places, store  # noqa: F401 (fixtures)


def combo_labels(combo) -> list[str]:
    return [combo.itemText(index) for index in range(1, combo.count())]


def test_french_order_ignores_accents_case_and_hyphens():
    names = ["Éleu-dit-Leauwette", "Estevelles", "Bully-les-Mines", "Bénifontaine",
             "Carency", "angres"]
    assert sorted(names, key=french_order) == [
        "angres", "Bénifontaine", "Bully-les-Mines", "Carency", "Éleu-dit-Leauwette",
        "Estevelles"]


def test_commune_and_qpv_filters_of_the_proposals_panel(qtbot, store):  # noqa: F811
    panel = ProposalListPanel(store)
    qtbot.addWidget(panel)
    communes = combo_labels(panel.commune_filter)
    assert len(communes) == 36
    assert communes == sorted(communes, key=normalize)
    # byte order would put them after Bully-les-Mines and after Wingles
    assert communes.index("Bénifontaine") < communes.index("Billy-Montigny")
    assert communes.index("Carency") < communes.index("Éleu-dit-Leauwette") \
        < communes.index("Estevelles")
    assert communes.index("Mazingarbe") < communes.index("Méricourt") \
        < communes.index("Meurchin")
    qpv = combo_labels(panel.qpv_filter)
    assert qpv == sorted(qpv, key=normalize)


def test_qpv_choice_of_the_form(qtbot, store, places):  # noqa: F811
    form = ProposalForm(store, QUARTIER_VECU, places.square(places.inside))
    qtbot.addWidget(form)
    names = combo_labels(form.inputs["qpv_code"])
    assert names == sorted(names, key=normalize)


def test_communes_of_a_qpv_in_the_informations_panel(reference):
    codes = [row[0] for row in reference.conn.execute("SELECT code FROM qpv")]
    for code in codes:
        communes = dict(feature_info(reference, "qpv", code).rows)["Communes"].split(", ")
        inside = [name for name in communes if not name.endswith("(hors CALL)")]
        assert communes[:len(inside)] == inside          # the CALL's communes first
        assert inside == sorted(inside, key=normalize)


def test_qpv_list_sorts_names_the_french_way(qtbot, reference):
    view = QpvListView(reference.qpv_list())
    qtbot.addWidget(view)
    view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    model = view.model()
    names = [model.index(row, 2).data() for row in range(model.rowCount())]
    assert names == sorted(names, key=normalize)
    tip = model.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "superficie du quartier située dans la CALL" in tip

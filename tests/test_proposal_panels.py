"""The proposal form, the list panel and the history panel, driven with qtbot."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from qpvdesk.models.proposals import EQUIPEMENT, PERIMETRE, QUARTIER_VECU
from qpvdesk.views.proposals import HistoryPanel, ProposalForm, ProposalListPanel

from proposal_fixtures import EQUIPMENT_FIELDS, QPV, places, store  # noqa: F401 (fixtures)


def open_form(qtbot, store, kind, geometry, proposal=None):  # noqa: F811
    form = ProposalForm(store, kind, geometry, proposal)
    qtbot.addWidget(form)
    form.show()
    return form


def fill(form, **values):
    for name, value in values.items():
        editor = form.inputs[name]
        if hasattr(editor, "findData"):
            editor.setCurrentIndex(editor.findData(value))
        elif hasattr(editor, "setValue"):
            editor.setValue(value)
        elif hasattr(editor, "setPlainText"):
            editor.setPlainText(value)
        else:
            editor.setText(value)


def test_equipment_without_title_is_refused_next_to_the_field(qtbot, store, places):  # noqa: F811
    form = open_form(qtbot, store, EQUIPEMENT, places.inside)
    fill(form, category="sante", status="idee")
    form.save_button.click()
    assert form.isVisible() and form.result() != QDialog.DialogCode.Accepted
    assert form.result_fields() is None
    assert form.error_labels["title"].isVisible()
    assert form.error_labels["title"].text() == "Le champ « Titre » est obligatoire."
    assert "Titre" in form.summary_label.text() and form.summary.isVisible()
    assert not form.error_labels["category"].isVisible()


def test_valid_equipment_accepts_with_the_category_code(qtbot, store, places):  # noqa: F811
    form = open_form(qtbot, store, EQUIPEMENT, places.inside)
    assert form.inputs["category"].findText("Santé") > 0
    fill(form, title="Maison de santé", category="sante", status="a_l_etude",
         horizon_year=2028, author="Mairie")
    form.save_button.click()
    assert form.result() == QDialog.DialogCode.Accepted
    fields = form.result_fields()
    assert fields["category"] == "sante" and fields["status"] == "a_l_etude"
    assert fields["horizon_year"] == 2028 and fields["qpv_code"] == QPV
    assert store.list() == []       # the form never writes; the caller adds
    assert store.add(EQUIPEMENT, places.inside, fields).category == "sante"


def test_qpv_is_preselected_for_a_point_inside_it(qtbot, store, places):  # noqa: F811
    form = open_form(qtbot, store, EQUIPEMENT, places.inside)
    assert form.inputs["qpv_code"].currentData() == QPV
    assert QPV in form.inputs["qpv_code"].currentText()
    far = open_form(qtbot, store, EQUIPEMENT, places.far)
    assert far.inputs["qpv_code"].currentData() is None


def fact_rows(form) -> dict[str, str]:
    layout = form.facts_layout
    rows = {}
    for row in range(layout.rowCount()):
        label = layout.itemAt(row, layout.ItemRole.LabelRole)
        field = layout.itemAt(row, layout.ItemRole.FieldRole)
        if label and field:
            rows[label.widget().text()] = field.widget().text()
    return rows


def test_facts_show_the_area_in_hectares(qtbot, store, places):  # noqa: F811
    form = open_form(qtbot, store, QUARTIER_VECU, places.square(places.far))
    assert fact_rows(form)["Surface\u00a0:"] == "4,00\u00a0ha"     # 200 m x 200 m


def test_perimeter_facts_follow_the_nature(qtbot, store, places):  # noqa: F811
    form = open_form(qtbot, store, PERIMETRE, places.touching_square)
    assert form.inputs["qpv_code"].currentData() == QPV
    assert not any("ajoutée" in label for label in fact_rows(form))
    fill(form, nature="ajout")
    assert "Surface ajoutée au QPV\u00a0:" in fact_rows(form)
    fill(form, nature="retrait")
    assert "Surface retirée du QPV\u00a0:" in fact_rows(form)


def test_bow_tie_offers_the_repaired_shape(qtbot, store, places):  # noqa: F811
    bow_tie = places.bow_tie(places.inside)
    form = open_form(qtbot, store, QUARTIER_VECU, bow_tie)
    assert form.repair_frame.isVisible()
    fill(form, title="Autour du marché")
    form.save_button.click()
    assert form.isVisible() and "recoupe" in form.summary_label.text()
    with qtbot.waitSignal(form.geometry_repaired) as emitted:
        form.repair_button.click()
    assert emitted.args[0].is_valid and form.repaired_geometry is emitted.args[0]
    # the frame now says the corrected shape is used, and offers it no more
    assert form.repair_frame.isVisible() and not form.repair_button.isVisible()
    assert "Forme corrigée utilisée" in form.repair_label.text()
    form.save_button.click()
    assert form.result() == QDialog.DialogCode.Accepted


def test_editing_fills_the_form_from_the_proposal(qtbot, store, places):  # noqa: F811
    proposal = store.add(EQUIPEMENT, places.inside, EQUIPMENT_FIELDS)
    form = open_form(qtbot, store, EQUIPEMENT, None, proposal)
    assert form.inputs["title"].text() == EQUIPMENT_FIELDS["title"]
    assert form.inputs["horizon_year"].value() == 2028
    form.save_button.click()
    assert form.result_fields()["category"] == "sante"


def test_list_filters_by_kind_and_searches_without_accents(qtbot, store, places):  # noqa: F811
    equipment = store.add(EQUIPEMENT, places.inside, {**EQUIPMENT_FIELDS,
                                                      "title": "Médiathèque Éluard"})
    lived = store.add(QUARTIER_VECU, places.square(places.far),
                      {"title": "Cité des fleurs", "qpv_code": QPV})
    panel = ProposalListPanel(store)
    qtbot.addWidget(panel)
    assert set(panel.uuids()) == {equipment.uuid, lived.uuid}
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData(QUARTIER_VECU))
    assert panel.uuids() == [lived.uuid]
    panel.kind_filter.setCurrentIndex(0)
    qtbot.keyClicks(panel.search_box, "mediatheque eluard")
    assert panel.uuids() == [equipment.uuid]
    assert panel.count_label.text() == "1 proposition"


def test_list_buttons_emit_the_selected_uuid(qtbot, store, places):  # noqa: F811
    proposal = store.add(EQUIPEMENT, places.inside, EQUIPMENT_FIELDS)
    panel = ProposalListPanel(store)
    qtbot.addWidget(panel)
    assert not panel.delete_button.isEnabled()
    panel.select(proposal.uuid)
    model = panel.table.model()
    assert model.index(0, 5).data().count("/") == 2          # dd/mm/yyyy
    for button, signal in ((panel.zoom_button, panel.zoom_requested),
                           (panel.edit_button, panel.edit_requested),
                           (panel.delete_button, panel.delete_requested)):
        with qtbot.waitSignal(signal) as emitted:
            button.click()
        assert emitted.args == [proposal.uuid]


def test_history_marks_the_current_step_and_goes_to_a_click(qtbot, store, places):  # noqa: F811
    proposal = store.add(EQUIPEMENT, places.inside, EQUIPMENT_FIELDS)
    store.update(proposal.uuid, title="Maison de santé Camus")
    panel = HistoryPanel(store)
    qtbot.addWidget(panel)
    texts = [panel.steps.item(row).text() for row in range(panel.steps.count())]
    assert len(texts) == 3 and texts[1].startswith("Ajout de « Maison de santé")
    assert texts[2].startswith("\u25b6 Modification de")
    assert panel.undo_button.text().startswith("Annuler\u00a0: Modification")
    assert not panel.redo_button.isEnabled()

    store.undo()
    panel.refresh()
    assert panel.current_seq() == 1
    assert panel.steps.item(1).font().bold() and not panel.steps.item(2).font().bold()
    assert panel.redo_button.isEnabled() and "Modification" in panel.redo_button.text()

    item = panel.steps.item(0)
    with qtbot.waitSignal(panel.go_to_requested) as emitted:
        rect = panel.steps.visualItemRect(item)
        qtbot.mouseClick(panel.steps.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert emitted.args == [0]
    with qtbot.waitSignal(panel.undo_requested):
        panel.undo_button.click()

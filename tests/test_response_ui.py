"""The loop closed in the window (offscreen; every modal dialog answered by the test): the
agglomeration decides — a modified geometry drawn with the drawing tools — and responds; the
commune installs the agglomeration's key, imports the response and reads each decision in
its list, on its map and in its form."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from shapely.geometry import Polygon

from qt_helpers import settle
from package_fixtures import (LENS, LIEVIN, commune_key, lens_package,  # noqa: F401
                              lens_proposals, pdf_writer, trust)
from response_fixtures import (SIREN, agglomeration_key, agglomeration_store,  # noqa: F401
                               commune_trust, commune_workspace, lens_response,
                               response_pdf_writer)
from qpvdesk.models.map.styles import DECISION_FILLS, SYMBOLS
from qpvdesk.models.package import keys
from qpvdesk.models.package.responses import ResponseStore
from qpvdesk.views.main_window import MainWindow
from qpvdesk.views.package.agglomeration_key_dialog import AgglomerationKeyDialog
from qpvdesk.views.package.decision_dialog import DecisionDialog
from qpvdesk.views.package.response_actions import CommuneResponseActions
from qpvdesk.views.package.response_dialog import ResponseVerificationDialog
from scripted_actions import ScriptedDialogs

SHOTS = os.environ.get("QPVDESK_SHOTS")   # a folder: save pictures of the dialogs there


def _shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture(autouse=True)
def light_keys(monkeypatch):
    monkeypatch.setattr(keys, "KEY_OPSLIMIT", 2**14)
    monkeypatch.setattr(keys, "KEY_MEMLIMIT", 2**20)


class Responses(ScriptedDialogs, CommuneResponseActions):
    """The commune's actions with their dialogs answered by ``script`` (dialog class ->
    callable) and their messages kept."""

    exec_dialog = ScriptedDialogs.answer


@pytest.fixture
def commune_window(qtbot, reference, commune_workspace):
    window = MainWindow(reference, commune_workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    return window


@pytest.fixture
def responses(commune_window, reference, commune_workspace, commune_trust):
    actions = Responses(commune_window, commune_workspace, reference,
                        commune_window.proposals.store, trust_folder=commune_trust.folder)
    actions.responses_changed.connect(commune_window.proposals.refresh)
    return actions


def _import(dialog: ResponseVerificationDialog) -> int:
    _shot(dialog, "reponse_verifiee")
    assert dialog.report.ok, dialog.report.reason
    dialog.accept_button.click()
    return QDialog.DialogCode.Accepted


def test_the_commune_imports_the_response_and_reads_each_decision(
        responses, commune_window, lens_response, lens_proposals, qtbot):
    # a commune's layers panel lists no received proposals, and no modified geometries
    # before a response brings some
    received_or_modified = {"received", "received_perimeters", "received_points", "modified",
                            "modified_points"}
    assert "proposals" in commune_window.layer_panel.order
    assert received_or_modified.isdisjoint(commune_window.layer_panel.order)
    responses.script[ResponseVerificationDialog] = _import
    outcome = responses.import_response(lens_response.path)
    assert outcome is not None and not outcome.already_imported
    assert responses.told[-1][1] == "Réponse importée"
    point, area, perimeter = lens_proposals
    panel = commune_window.proposals.list_panel
    model = panel.model
    assert not panel.table.isColumnHidden(model.DECISION_COLUMN)
    decided = {model.proposal(row).uuid: model.index(row, model.DECISION_COLUMN).data()
               for row in range(model.rowCount())}
    assert decided == {point.uuid: "Retenue", area.uuid: "Retenue avec modifications",
                       perimeter.uuid: "Non retenue"}
    layers = commune_window.controller.composer.layers
    fills = {key: symbol.fill for layer_id in ("proposals", "proposal_perimeters",
                                                "proposal_points")
             for key, symbol in zip(layers[layer_id].keys, layers[layer_id].symbols)}
    assert fills == {point.uuid: DECISION_FILLS["retenue"],
                     area.uuid: DECISION_FILLS["retenue_modifiee"],
                     perimeter.uuid: DECISION_FILLS["non_retenue"]}
    assert layers["modified"].keys == [area.uuid]
    listed = set(commune_window.layer_panel.order)
    assert "modified" in listed and received_or_modified - listed == {
        "received", "received_perimeters", "received_points", "modified_points"}
    assert layers["modified"].geometries[0].equals(area.geometry.buffer(-60))
    legend = [item.label for item in commune_window.controller.composer.legend_for(
        "proposal_perimeters")]
    assert legend == ["Non retenue"]
    commune_window.show()
    qtbot.waitUntil(lambda: commune_window.map_canvas.isVisible())
    _shot(commune_window, "commune_decisions")


def test_retenue_avec_modifications_reads_whole_in_the_list_at_1366_px(
        responses, commune_window, lens_response, lens_proposals, qtbot):
    """The commune's list beside the map, at 1366 × 768: each decision is read whole — « Retenue
    avec modifications » on two lines in its taller row, not « Retenue… » — and the
    column is in view, right after the title."""
    responses.script[ResponseVerificationDialog] = _import
    responses.import_response(lens_response.path)
    commune_window.show()
    qtbot.waitExposed(commune_window)
    commune_window.panels.size_docks()     # the panels' default widths for 1366 px
    panel = commune_window.proposals.list_panel
    assert panel.reveal(lens_proposals[1].uuid)
    qtbot.wait(20)
    table, column = panel.table, panel.model.DECISION_COLUMN
    assert commune_window.width() == 1366 and panel.width() < 340      # the narrow dock
    start, width = table.columnViewportPosition(column), table.columnWidth(column)
    assert 0 <= start and start + width <= table.viewport().width()
    assert table.horizontalHeader().visualIndex(column) == 2            # after the title
    assert table.sizeHintForColumn(column) <= width                     # nothing elided
    proxy = table.model()
    shown = {}
    for row in range(proxy.rowCount()):
        index = proxy.index(row, column)
        delegate = table.itemDelegateForIndex(index)
        shown[index.data()] = delegate.displayText(index.data(), table.locale())
        assert table.sizeHintForRow(row) <= table.rowHeight(row)
    assert shown == {"Retenue": "Retenue", "Non retenue": "Non retenue",
                     "Retenue avec modifications": "Retenue avec\u2028modifications"}
    one_line = min(table.rowHeight(row) for row in range(proxy.rowCount()))
    two_lines = max(table.rowHeight(row) for row in range(proxy.rowCount()))
    assert two_lines >= 1.6 * one_line


def test_the_form_shows_the_decision_read_only(responses, commune_window, lens_response,
                                               lens_proposals):
    from qpvdesk.views.proposals import ProposalForm

    responses.script[ResponseVerificationDialog] = _import
    responses.import_response(lens_response.path)
    area = lens_proposals[1]
    controller = commune_window.proposals
    form = ProposalForm(controller.store, area.kind, proposal=controller.store.get(area.uuid),
                        decision=controller.decisions[area.uuid])
    assert form.decision_labels["Décision"] == "Retenue avec modifications"
    assert form.decision_labels["Motif"] == "Limité aux rues habitées"
    assert form.decision_labels["Décidé par"] == "Claire Dubois"
    assert "ha, sur la carte" in form.decision_labels["Géométrie modifiée"]
    _shot(form, "formulaire_decision")
    form.deleteLater()


def test_a_response_for_another_commune_is_refused_in_the_dialog(
        responses, commune_workspace, lens_response):
    from qpvdesk.models.package.identity import Identity, save_identity

    save_identity(commune_workspace, Identity("commune", LIEVIN, "Paul", "paul@lievin.fr"))
    seen = {}

    def look(dialog):
        seen["reason"] = dialog.report.reason
        seen["accept"] = dialog.accept_button.isEnabled()
        return QDialog.DialogCode.Rejected
    responses.script[ResponseVerificationDialog] = look
    assert responses.import_response(lens_response.path) is None
    assert "destinée à Lens (62498), pas à votre commune, Liévin (62510)" in seen["reason"]
    assert not seen["accept"]
    assert ResponseStore(commune_workspace).responses() == []


def test_without_the_agglomerations_key_the_response_is_refused_and_the_menu_named(
        responses, lens_response, tmp_path):
    responses.trust_folder = tmp_path / "vide"
    seen = {}
    responses.script[ResponseVerificationDialog] = lambda dialog: seen.update(
        reason=dialog.report.reason) or QDialog.DialogCode.Rejected
    assert responses.import_response(lens_response.path) is None
    assert "menu « Clé de l'agglomération… »" in seen["reason"]


def test_the_agglomerations_key_is_installed_from_its_file(responses, agglomeration_key,
                                                            tmp_path):
    responses.trust_folder = tmp_path / "confiance"
    key_file = tmp_path / "envoyee" / f"{SIREN}.pub"
    key_file.parent.mkdir()
    key_file.write_text(agglomeration_key[1].to_text(
        f"qpvdesk clé publique de l'agglomération {SIREN} (CA de Lens-Liévin)"))
    asked = []

    def install(dialog: AgglomerationKeyDialog):
        box = dialog.box
        assert box.missing_label.isVisibleTo(dialog)
        box.confirm = lambda title, text: asked.append(text) or True
        assert box.install(key_file)
        assert not box.missing_label.isVisibleTo(dialog)
        _shot(dialog, "cle_agglomeration")
        return QDialog.DialogCode.Accepted
    responses.script[AgglomerationKeyDialog] = install
    responses.show_key()
    assert keys.readable_key_id(agglomeration_key[1].key_id_hex) in asked[0]
    assert (tmp_path / "confiance" / f"{SIREN}.pub").is_file()


def test_no_commune_no_import(responses, commune_workspace, lens_response):
    from qpvdesk.models.package.identity import Identity, save_identity

    save_identity(commune_workspace, Identity("commune", "", "", ""))
    assert responses.import_response(lens_response.path) is None
    assert "Choisissez d'abord votre commune" in responses.told[-1][2]


# -- the agglomeration's side -------------------------------------------------------------------

@pytest.fixture
def agglomeration_window(qtbot, reference, workspace, lens_package, trust, tmp_path):
    """The agglomeration's window, Lens's package accepted, in agglomeration mode."""
    from qpvdesk.models.package.identity import Identity, save_identity
    from qpvdesk.models.package.received import ConsolidatedStore
    from qpvdesk.models.package.verify import verify_package

    report = verify_package(lens_package.path, trust)
    ConsolidatedStore(workspace).accept(report.info, report.proposals, "lens.qpvpkg",
                                        report.sha256)
    save_identity(workspace, Identity("agglomeration", "", "Claire Dubois",
                                      "pv@agglo-lenslievin.fr"))
    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    actions = window.packages.agglomeration
    actions.run_dialog = lambda dialog: script_for(actions)(dialog)
    actions.inform = actions.warn = lambda title, text: actions.told.append((title, text))
    actions.told, actions.script = [], {}
    actions.responding.key_folder = keys.KeyFolder(tmp_path / "cles-agglo")
    actions.responding.exec_dialog = lambda dialog: script_for(actions)(dialog)
    actions.responding.inform = actions.responding.warn = actions.inform
    actions.refresh_map()
    return window


def script_for(actions):
    def run(dialog):
        answer = actions.script.get(type(dialog))
        return int(answer(dialog)) if answer else int(QDialog.DialogCode.Rejected)
    return run


def _decide(code: str, motif: str, geometry_steps=None):
    def answer(dialog: DecisionDialog):
        dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData(code))
        dialog.motif_edit.setPlainText(motif)
        if geometry_steps:
            geometry_steps(dialog)
        dialog.save_button.click()
        return dialog.result()
    return answer


def test_deciding_colours_the_map_and_counts_by_commune(agglomeration_window, lens_proposals):
    from qpvdesk.views.package.received_dialog import ReceivedDialog

    actions = agglomeration_window.packages.agglomeration
    point, area, perimeter = lens_proposals
    actions.script[DecisionDialog] = _decide("non_retenue", "Hors critère de revenu")
    assert actions.deciding.decide(perimeter.uuid).decision == "non_retenue"
    layers = agglomeration_window.controller.composer.layers
    fills = dict(zip(layers["received_perimeters"].keys,
                     (symbol.fill for symbol in layers["received_perimeters"].symbols)))
    assert fills == {perimeter.uuid: DECISION_FILLS["non_retenue"]}
    assert layers["received_points"].symbols[0].fill == DECISION_FILLS["recue"]
    assert {"received", "received_perimeters", "received_points"} <= set(
        agglomeration_window.layer_panel.order)
    seen = {}

    def look(dialog: ReceivedDialog):
        seen["summary"] = dialog.summary_label.text()
        model = dialog.proposals_model
        seen["decisions"] = sorted(model.index(row, 4).data() for row in range(model.rowCount()))
        dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData("non_retenue"))
        seen["filtered"] = [item.proposal.uuid for item in dialog.shown]
        dialog.decision_combo.setCurrentIndex(0)
        dialog.select(point.uuid)
        seen["decide"] = dialog.decide_button.isEnabled()
        seen["respond"] = dialog.respond_button.isEnabled()
        _shot(dialog, "propositions_recues_decisions")
        return QDialog.DialogCode.Rejected
    actions.script[ReceivedDialog] = look
    actions.show_received()
    assert seen["summary"] == "Lens : 3 propositions — 2 reçues, 1 non retenue"
    assert seen["decisions"] == ["Non retenue", "Reçue", "Reçue"]
    assert seen["filtered"] == [perimeter.uuid]
    assert seen["decide"] and seen["respond"]


def test_a_motif_is_asked_for_in_the_dialog(agglomeration_window, lens_proposals):
    actions = agglomeration_window.packages.agglomeration
    seen = {}

    def answer(dialog: DecisionDialog):
        dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData("retenue"))
        seen["label"] = dialog.motif_label.text()
        dialog.save_button.click()
        seen["problem"] = dialog.problem_label.text()
        seen["open"] = dialog.result() != QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Rejected
    actions.script[DecisionDialog] = answer
    assert actions.deciding.decide(lens_proposals[0].uuid) is None
    assert seen["label"] == "Motif * :" and seen["open"]
    assert "motif est obligatoire" in seen["problem"]
    assert actions.deciding.store.latest() == {}


def test_a_modified_shape_drawn_with_the_capture_tool_crossing_then_repaired(
        agglomeration_window, lens_proposals):
    from qpvdesk.views.map.capture_tool import CaptureTool

    actions = agglomeration_window.packages.agglomeration
    canvas = agglomeration_window.map_canvas
    area = lens_proposals[1]
    x, y = area.geometry.centroid.coords[0]
    bow_tie = [(x - 150, y - 150), (x + 150, y + 150), (x + 150, y - 150), (x - 150, y + 150)]
    seen = {}

    def draw(dialog: DecisionDialog):
        dialog.draw_button.click()             # the dialog steps aside, the tool is active
        tool = canvas.tool
        seen["tool"] = type(tool)
        seen["hidden"] = not dialog.isVisible()
        tool.resume(area.kind, bow_tie)
        actions.deciding.bar.back_button.click()   # « Terminer » finishes the outline
        dialog.save_button.click()             # refused: the outline crosses itself
        seen["problem"] = dialog.problem_label.text()
        seen["repair"] = dialog.repair_button.isVisibleTo(dialog)
        _shot(dialog, "decision_forme_corrigee")
        dialog.repair_button.click()
    actions.script[DecisionDialog] = _decide("retenue_modifiee", "Réduit aux deux îlots", draw)
    decision = actions.deciding.decide(area.uuid)
    assert seen["tool"] is CaptureTool and seen["hidden"]
    assert "se recoupe" in seen["problem"] and seen["repair"]
    assert decision is not None and decision.geometry.geom_type == "MultiPolygon"
    assert decision.geometry.is_valid
    assert canvas.tool is agglomeration_window.pan_tool
    layers = agglomeration_window.controller.composer.layers
    assert layers["modified"].keys == [area.uuid]


def test_the_received_shape_is_reshaped_with_the_edit_tool(agglomeration_window,
                                                           lens_proposals):
    from qpvdesk.models.proposals.geometry import vertices_of
    from qpvdesk.views.map.edit_tool import EditTool

    actions = agglomeration_window.packages.agglomeration
    canvas = agglomeration_window.map_canvas
    area = lens_proposals[1]

    def reshape(dialog: DecisionDialog):
        dialog.edit_button.click()
        tool = canvas.tool
        assert isinstance(tool, EditTool) and tool.selected_geometry().equals(area.geometry)
        vertices = vertices_of(tool.selected_geometry())
        cx, cy = area.geometry.centroid.coords[0]
        vertices[0] = ((vertices[0][0] + cx) / 2, (vertices[0][1] + cy) / 2)   # pulled in
        tool.on_vertices(tool.selected_uuid, vertices)
        actions.deciding.bar.back_button.click()
    actions.script[DecisionDialog] = _decide("retenue_modifiee", "Coin retiré", reshape)
    decision = actions.deciding.decide(area.uuid)
    assert decision.geometry.area < area.geometry.area
    assert Polygon(decision.geometry.exterior).is_valid


def test_the_agglomeration_responds_from_the_received_proposals(
        agglomeration_window, lens_proposals, qtbot, tmp_path, commune_trust):
    from qpvdesk.models.package.verify import verify_response
    from qpvdesk.views.package.key_dialogs import CreateKeyDialog
    from qpvdesk.views.package.received_dialog import ReceivedDialog

    actions = agglomeration_window.packages.agglomeration
    actions.script[DecisionDialog] = _decide("retenue", "Inscrit au contrat de ville")
    actions.deciding.decide(lens_proposals[0].uuid)
    target = tmp_path / "reponse_lens.qpvpkg"
    actions.responding.choose_save_path = lambda title, suggested, filters: (
        str(target) if suggested.startswith("reponse_lens_") else None)

    def no_passphrase(dialog: CreateKeyDialog):
        dialog.no_passphrase_box.setChecked(True)
        return QDialog.DialogCode.Accepted
    actions.script[CreateKeyDialog] = no_passphrase
    written = []
    actions.responding.finished.connect(written.append)

    def respond(dialog: ReceivedDialog):
        dialog.commune_combo.setCurrentIndex(dialog.commune_combo.findData(LENS))
        dialog.respond_button.click()
        return QDialog.DialogCode.Rejected
    actions.script[ReceivedDialog] = respond
    actions.show_received()
    qtbot.waitUntil(lambda: bool(written), timeout=20_000)
    assert written == [target] and target.is_file()
    # the commune trusts the key the agglomeration just made
    commune_trust.add(actions.responding.key_folder.public_path(SIREN).read_text(), SIREN)
    report = verify_response(target, commune_trust, commune=LENS)
    assert report.ok, report.reason
    assert {state.proposal_uuid: state.decision for state in report.states}[
        lens_proposals[0].uuid] == "retenue"
    assert any("Réponse prête à envoyer" == title for title, _ in actions.told)
    assert [item.name for item in tmp_path.iterdir() if item.name.startswith(".")] == []


def test_decision_colours_are_drawn(agglomeration_window, lens_proposals, qtbot):
    """The map really paints the decision's colour inside a decided proposal."""
    from PySide6.QtGui import QColor

    actions = agglomeration_window.packages.agglomeration
    area = lens_proposals[1]
    actions.script[DecisionDialog] = _decide("retenue", "Oui")
    actions.deciding.decide(area.uuid)
    canvas = agglomeration_window.map_canvas
    agglomeration_window.show()
    qtbot.waitExposed(agglomeration_window)
    xmin, ymin, xmax, ymax = area.geometry.bounds
    canvas.zoom_to((xmin - 400, ymin - 400, xmax + 400, ymax + 400))
    settle(qtbot, agglomeration_window)
    image = canvas.grab().toImage()
    # a corner of the square, clear of the QPV's label and of the equipment at its centre
    px, py = canvas.viewport.to_screen(xmin + 40, ymin + 40)
    colour = QColor(image.pixel(int(px), int(py)))
    assert colour.green() > colour.red() + 20, colour.name()
    assert SYMBOLS["received"].fill != DECISION_FILLS["retenue"]

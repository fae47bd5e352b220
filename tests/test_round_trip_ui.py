"""The whole loop in two real main windows, as the two users live it: the commune draws five
proposals on its map and sends them in a signed package; the agglomeration verifies and
accepts it, gives each proposal one of the five decisions (a motif, one « retenue avec
modifications » reshaped with the edit tool), reads its per-commune summary and answers Lens
with a signed response; the commune installs the agglomeration's key, imports the response
and reads each decision in its list, on its map and in its form.

Every modal dialog is answered by the test through the actions' own hooks. With
QPVDESK_SHOTS=folder, each step is saved as a PNG (run under Xvfb to see the real windows)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import shapely
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QIcon, QPainter
from PySide6.QtWidgets import QDialog, QMessageBox

from qt_helpers import settle
from qpvdesk.models.decisions_vocabulary import DECISIONS
from qpvdesk.models.map.styles import DECISION_FILLS
from qpvdesk.models.package import keys
from qpvdesk.models.package.identity import Identity, save_identity
from qpvdesk.models.proposals import EQUIPEMENT, PERIMETRE, QUARTIER_VECU
from qpvdesk.models.workspace import Workspace
from qpvdesk.views.main_window import MainWindow
from qpvdesk.views.proposals import ProposalForm

LENS = "62498"
SHOTS = os.environ.get("QPVDESK_SHOTS")
# what the commune draws (kind, title, offset of the shape in metres from a point of the QPV)
# and what the agglomeration decides
PLAN = [
    (EQUIPEMENT, "Maison de santé pluriprofessionnelle", (0, 0), "retenue",
     "Inscrite au contrat de ville 2025-2030"),
    (QUARTIER_VECU, "Le quartier tel que les habitants le vivent", (-500, 300),
     "retenue_modifiee", "Limité aux rues habitées, sans la zone d'activités"),
    (PERIMETRE, "Résidence des Provinces", (500, 300), "non_retenue",
     "La résidence ne remplit pas le critère de revenu"),
    (EQUIPEMENT, "Salle de sport de quartier", (300, -300), "a_l_etude", ""),
    (QUARTIER_VECU, "Les abords du stade", (-400, -350), "recue", ""),
]


def shot(widget, name: str, over: tuple = ()) -> None:
    """``widget`` as drawn, with the tool windows ``over`` it where they stand."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        image = widget.grab()
        painter = QPainter(image)
        for window in over:
            painter.drawPixmap(widget.mapFromGlobal(window.mapToGlobal(QPoint(0, 0))),
                               window.grab())
        painter.end()
        image.save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture(autouse=True)
def light_keys(monkeypatch):
    monkeypatch.setattr(keys, "KEY_OPSLIMIT", 2**14)
    monkeypatch.setattr(keys, "KEY_MEMLIMIT", 2**20)


class Dialogs:
    """Answers every modal dialog of a window's actions: ``answers`` maps a dialog class to a
    callable; a message box is read, kept, and answered with ``buttons`` when it offers one
    of them."""

    def __init__(self) -> None:
        self.answers: dict[type, object] = {}
        self.messages: list[str] = []
        self.buttons: list[str] = []

    def __call__(self, dialog: QDialog) -> int:
        if isinstance(dialog, QMessageBox):
            self.messages.append(dialog.text())
            for button in dialog.buttons():
                if button.text() in self.buttons:
                    button.click()
                    return int(QDialog.DialogCode.Accepted)
            return int(QDialog.DialogCode.Accepted)
        answer = self.answers.get(type(dialog))
        assert answer is not None, f"unexpected dialog {type(dialog).__name__}"
        result = answer(dialog)
        return int(QDialog.DialogCode.Rejected if result is None else result)

    def told(self, title: str, text: str) -> None:
        self.messages.append(f"{title} : {text}")


def make_window(qtbot, reference, workspace):
    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def lens_qpv_point(reference):
    wkb = reference.conn.execute(
        "SELECT AsBinary(q.geom) FROM qpv q JOIN qpv_commune c ON c.qpv_code = q.code "
        "WHERE c.commune_insee = ? ORDER BY q.code LIMIT 1", (LENS,)).fetchone()[0]
    return shapely.from_wkb(wkb).representative_point()


def fill_form(form: ProposalForm) -> int:
    """The commune's officer fills the form: a title, then the first choice of every
    required list left empty."""
    title = fill_form.titles.pop(0)
    form.inputs["title"].setText(title)
    for name in ("category", "status", "nature", "qpv_code"):
        editor = form.inputs.get(name)
        if editor is not None and editor.currentIndex() <= 0:
            editor.setCurrentIndex(1)
    if "justification" in form.inputs:
        form.inputs["justification"].setPlainText("Les revenus y sont proches du seuil.")
    form.save()
    return form.result()


def draw(qtbot, window, kind: str, centre, size: float = 120.0) -> None:
    """Clicks on the map as the officer does: one for a point, four corners and Enter for an
    outline."""
    canvas = window.map_canvas
    window.proposals.start_drawing(kind)

    def click(x, y):
        sx, sy = canvas.viewport.to_screen(x, y)
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(sx), int(sy)))
    if kind == EQUIPEMENT:
        click(*centre)
        return
    x, y = centre
    for dx, dy in ((-size, -size), (size, -size), (size, size), (-size, size)):
        click(x + dx, y + dy)
    qtbot.keyClick(canvas, Qt.Key.Key_Return)


def test_commune_sends_agglomeration_decides_and_responds_commune_reads(
        qtbot, reference, tmp_path, monkeypatch):
    from qpvdesk.views.package.agglomeration_key_dialog import AgglomerationKeyDialog
    from qpvdesk.views.package.commune_actions import PackageWrittenDialog
    from qpvdesk.views.package.decision_dialog import DecisionDialog
    from qpvdesk.views.package.export_dialog import ExportPackageDialog
    from qpvdesk.views.package.key_dialogs import CreateKeyDialog
    from qpvdesk.views.package.received_dialog import ReceivedDialog
    from qpvdesk.views.package.response_dialog import ResponseVerificationDialog
    from qpvdesk.views.package.verify_dialog import VerificationDialog

    sent = tmp_path / "envoi"
    sent.mkdir()
    # -- the commune draws ------------------------------------------------------------------
    commune_workspace = Workspace(tmp_path / "lens.sqlite")
    save_identity(commune_workspace, Identity("commune", LENS, "Jeanne Martin",
                                              "jeanne.martin@lens.fr"))
    commune = make_window(qtbot, reference, commune_workspace)
    origin = lens_qpv_point(reference)
    commune.map_canvas.zoom_to((origin.x - 1200, origin.y - 900, origin.x + 1200,
                                origin.y + 900))
    settle(qtbot, commune)
    fill_form.titles = [title for _, title, *_ in PLAN]
    monkeypatch.setattr(ProposalForm, "exec", fill_form)
    for kind, _, (dx, dy), *_ in PLAN:
        draw(qtbot, commune, kind, (origin.x + dx, origin.y + dy))
    drawn = {proposal.title: proposal for proposal in commune.proposals.store.list()}
    assert sorted(drawn) == sorted(title for _, title, *_ in PLAN)
    settle(qtbot, commune)
    shot(commune, "1_commune_dessine")

    # -- and sends them, signed --------------------------------------------------------------
    packages = commune.packages.commune
    answers = Dialogs()
    answers.buttons = ["Exporter ma clé publique…"]
    packages.exec_dialog = answers

    def export(dialog: ExportPackageDialog):
        shot(dialog, "2_commune_export")
        assert dialog.ok_button.isEnabled(), dialog.reason()
        return QDialog.DialogCode.Accepted

    def no_passphrase(dialog: CreateKeyDialog):
        dialog.no_passphrase_box.setChecked(True)
        return QDialog.DialogCode.Accepted
    answers.answers[ExportPackageDialog] = export
    answers.answers[CreateKeyDialog] = no_passphrase

    def written_dialog(dialog):
        shot(dialog, "3_commune_paquet_ecrit")
        return QDialog.DialogCode.Accepted
    answers.answers[PackageWrittenDialog] = written_dialog
    package_path, public_key = sent / "lens.qpvpkg", sent / f"{LENS}.pub"
    packages.choose_save_path = lambda parent, caption, default, filters: str(
        public_key if "clé publique" in caption else package_path)
    with qtbot.waitSignal(packages.export_finished, timeout=60_000) as finished:
        assert packages.export_package() is not None
    assert finished.args[0] == package_path and public_key.is_file()

    # -- the agglomeration verifies and accepts ----------------------------------------------
    agglomeration_workspace = Workspace(tmp_path / "agglomeration.sqlite")
    save_identity(agglomeration_workspace, Identity("agglomeration", "", "Claire Dubois",
                                                    "pv@agglo-lenslievin.fr"))
    agglomeration = make_window(qtbot, reference, agglomeration_workspace)
    actions = agglomeration.packages.agglomeration
    actions.trust_folder = tmp_path / "agglomeration-confiance"
    actions.trust_store().add(public_key.read_text(encoding="utf-8"), LENS)
    seen = Dialogs()
    actions.run_dialog = seen
    actions.inform = actions.warn = seen.told
    deciding, responding = actions.deciding, actions.responding
    deciding.exec_dialog = responding.exec_dialog = seen
    responding.inform = responding.warn = seen.told
    responding.key_folder = keys.KeyFolder(tmp_path / "cles-agglomeration")

    def accept_package(dialog: VerificationDialog):
        assert dialog.report.ok, dialog.report.reason
        shot(dialog, "4_agglomeration_verifie")
        dialog.accept_button.click()
    seen.answers[VerificationDialog] = accept_package
    actions.open_package(package_path)
    assert any("5 propositions ajoutées" in text for text in seen.messages), seen.messages

    # -- decides on each proposal ------------------------------------------------------------
    received = {version.proposal.title: version.proposal
                for version in actions.consolidated.current()}
    canvas = agglomeration.map_canvas
    for kind, title, _, decision, motif in PLAN:
        proposal = received[title]

        def answer(dialog: DecisionDialog, decision=decision, motif=motif, proposal=proposal):
            dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData(decision))
            dialog.motif_edit.setPlainText(motif)
            if decision == "retenue_modifiee":
                from qpvdesk.models.proposals.geometry import vertices_of

                dialog.edit_button.click()          # the received outline, to reshape
                tool = canvas.tool
                vertices = vertices_of(tool.selected_geometry())
                cx, cy = proposal.geometry.centroid.coords[0]
                vertices[0] = ((vertices[0][0] + cx) / 2, (vertices[0][1] + cy) / 2)
                tool.on_vertices(tool.selected_uuid, vertices)
                settle(qtbot, agglomeration)
                shot(agglomeration, "5_agglomeration_modifie_la_forme", over=[deciding.bar])
                deciding.bar.back_button.click()    # « Terminer »: back to the dialog
                shot(dialog, "6_agglomeration_decision_modifiee")
            dialog.save_button.click()
            return dialog.result()
        seen.answers[DecisionDialog] = answer
        recorded = deciding.decide(proposal.uuid)
        assert recorded is not None and recorded.decision == decision, title
        assert recorded.motif == motif

    # -- reads the summary, filters, answers Lens ---------------------------------------------
    looked = {}
    response_path = sent / "reponse_lens.qpvpkg"
    responding.choose_save_path = lambda title, suggested, filters: str(response_path)
    seen.answers[CreateKeyDialog] = no_passphrase
    written: list = []
    responding.finished.connect(written.append)

    def received_dialog(dialog: ReceivedDialog):
        looked["summary"] = dialog.summary_label.text()
        model = dialog.proposals_model
        looked["column"] = sorted(model.index(row, 4).data() for row in range(model.rowCount()))
        shot(dialog, "7_agglomeration_propositions_recues")
        dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData("non_retenue"))
        looked["filtered"] = [item.proposal.title for item in dialog.shown]
        dialog.decision_combo.setCurrentIndex(0)
        dialog.commune_combo.setCurrentIndex(dialog.commune_combo.findData(LENS))
        dialog.respond_button.click()
        return QDialog.DialogCode.Rejected
    seen.answers[ReceivedDialog] = received_dialog
    actions.show_received()
    qtbot.waitUntil(lambda: bool(written), timeout=30_000)
    assert looked["summary"] == ("Lens : 5 propositions — 1 reçue, 1 à l'étude, 1 retenue, "
                                 "1 retenue avec modifications, 1 non retenue")
    assert looked["column"] == sorted(DECISIONS.values())
    assert looked["filtered"] == ["Résidence des Provinces"]
    assert written == [response_path]
    # the layers panel lists the decisions the map shows
    legend = [item.label for item in agglomeration.layer_panel.row("received").legend_items]
    assert legend == ["Reçue", "Retenue avec modifications"]
    agglomeration.map_canvas.zoom_to((origin.x - 1200, origin.y - 900, origin.x + 1200,
                                      origin.y + 900))
    settle(qtbot, agglomeration)
    shot(agglomeration, "8_agglomeration_carte_par_decision")

    # -- the commune installs the agglomeration's key and imports the response ----------------
    responses = commune.packages.responses
    responses.trust_folder = tmp_path / "commune-confiance"
    heard = Dialogs()
    responses.exec_dialog = heard
    responses.inform = responses.warn = heard.told
    agglomeration_key = responding.key_folder.public_path(responding.agglomeration.siren)

    def install(dialog: AgglomerationKeyDialog):
        dialog.box.confirm = lambda title, text: True
        assert dialog.box.install(agglomeration_key)
        shot(dialog, "9_commune_cle_agglomeration")
        return QDialog.DialogCode.Accepted
    heard.answers[AgglomerationKeyDialog] = install
    responses.show_key()

    def import_response(dialog: ResponseVerificationDialog):
        assert dialog.report.ok, dialog.report.reason
        shot(dialog, "10_commune_reponse_verifiee")
        dialog.accept_button.click()
        return QDialog.DialogCode.Accepted
    heard.answers[ResponseVerificationDialog] = import_response
    outcome = responses.import_response(response_path)
    assert outcome is not None and len(outcome.changed) == 5

    # -- and reads each decision: list, map, form ---------------------------------------------
    panel = commune.proposals.list_panel
    model = panel.model
    assert not panel.table.isColumnHidden(model.DECISION_COLUMN)
    shown = {model.proposal(row).title: model.index(row, model.DECISION_COLUMN).data()
             for row in range(model.rowCount())}
    assert shown == {title: DECISIONS[decision] for _, title, _, decision, _ in PLAN}
    def swatch(row: int, mode: QIcon.Mode) -> str:
        icon = model.index(row, model.DECISION_COLUMN).data(Qt.ItemDataRole.DecorationRole)
        return icon.pixmap(16, 16, mode).toImage().pixelColor(8, 8).name()

    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected):   # a selected row keeps its colour
        swatches = {model.proposal(row).title: swatch(row, mode)
                    for row in range(model.rowCount())}
        assert swatches == {title: DECISION_FILLS[decision]
                            for _, title, _, decision, _ in PLAN}
    header = panel.table.horizontalHeader()   # read right after the title, not out of sight
    assert header.visualIndex(model.DECISION_COLUMN) == header.visualIndex(1) + 1
    layers = commune.controller.composer.layers
    fills = {key: symbol.fill for layer_id in ("proposals", "proposal_perimeters",
                                                "proposal_points")
             for key, symbol in zip(layers[layer_id].keys, layers[layer_id].symbols)}
    assert fills == {drawn[title].uuid: DECISION_FILLS[decision]
                     for _, title, _, decision, _ in PLAN}
    modified = drawn["Le quartier tel que les habitants le vivent"]
    assert layers["modified"].keys == [modified.uuid]
    assert layers["modified"].geometries[0].area < modified.geometry.area
    legend = [item.label for item in commune.layer_panel.row("proposal_points").legend_items]
    assert legend == ["À l'étude", "Retenue"]
    settle(qtbot, commune)
    shot(commune, "11_commune_lit_les_decisions")
    form = ProposalForm(commune.proposals.store, modified.kind,
                        proposal=commune.proposals.store.get(modified.uuid),
                        decision=commune.proposals.decisions[modified.uuid], parent=commune)
    assert form.decision_labels["Décision"] == "Retenue avec modifications"
    assert form.decision_labels["Motif"] == "Limité aux rues habitées, sans la zone d'activités"
    assert form.decision_labels["Décidé par"] == "Claire Dubois"
    shot(form, "12_commune_formulaire")
    form.deleteLater()
    commune.close()          # each window saves its map state in its workspace
    agglomeration.close()
    commune_workspace.close()
    agglomeration_workspace.close()

"""The agglomeration's side of signed packages, in the real main window: verify, preview,
accept (once), refuse a tampered package, manage the communes' keys, export the base."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from package_fixtures import (LENS, LIEVIN, commune_key, lens_package,  # noqa: F401
                              lens_proposals, members_of, pdf_writer, trust, write_zip)
from qpvdesk.models.map.layers import OWN_PROPOSAL_LAYERS, RECEIVED_PROPOSAL_LAYERS
from qpvdesk.models.map.styles import SYMBOLS, default_legend
from qpvdesk.models.package.received import ConsolidatedStore
from qpvdesk.views.main_window import MainWindow
from qpvdesk.views.package.agglomeration_actions import AgglomerationActions
from qpvdesk.views.package.received_dialog import ReceivedDialog
from qpvdesk.views.package.trust_dialog import CommuneChoiceDialog, TrustDialog
from qpvdesk.views.package.verify_dialog import (VerificationDialog, french_datetime,
                                                 french_size, readable_key_id)
from scripted_actions import ScriptedDialogs

SHOTS = os.environ.get("QPVDESK_SHOTS")   # a folder: save pictures of the dialogs there


def _shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.adjustSize()   # never below the dialog's minimum size
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


class Actions(ScriptedDialogs, AgglomerationActions):
    """Modal dialogs answered by the test: ``script`` maps a dialog class to a callable."""

    run_dialog = ScriptedDialogs.answer


@pytest.fixture
def window(qtbot, reference, workspace):
    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    return window


@pytest.fixture
def actions(window, reference, workspace, trust):
    return Actions(window, workspace, reference, window.controller, window.map_canvas,
                   trust_folder=trust.folder)


def test_valid_package_shows_green_verdict_and_proposals(actions, lens_package):
    seen = {}

    def look(dialog: VerificationDialog):
        seen["verdict"] = dialog.verdict_label.text()
        seen["rows"] = dialog.proposals_model.rowCount()
        seen["identity"] = dict(dialog.identity)
        seen["marks"] = list(dialog.check_marks)
        seen["accept"] = dialog.accept_button.isEnabled()
        seen["preview"] = dialog.preview_label.pixmap().isNull()
        seen["contents"] = list(dialog.contents_lines)
        _shot(dialog, "verification_ok")

    actions.script[VerificationDialog] = look
    report = actions.open_package(lens_package.path)
    assert report is not None and report.ok
    assert "Paquet authentique et intact" in seen["verdict"]
    assert seen["rows"] == 3
    assert seen["marks"] == ["✓"] * 6
    assert seen["accept"] and seen["preview"] is False
    assert seen["identity"]["Commune"] == "Lens (62498)"
    assert seen["identity"]["Organisation"] == "Commune de Lens"
    assert seen["identity"]["Clé de signature"] == readable_key_id(lens_package.info.key_id)
    assert " à " in seen["identity"]["Créé le"] and "/" in seen["identity"]["Créé le"]
    assert any(line.startswith("propositions.gpkg — ") and line.endswith("ko")
               for line in seen["contents"])


def test_preview_fills_received_layers_and_zooms(actions, window, lens_package):
    layers = window.controller.composer.layers
    before = window.map_canvas.viewport

    def preview(dialog: VerificationDialog):
        dialog.show()
        dialog.preview_button.click()
        seen["received"] = tuple(len(layers[name]) for name in RECEIVED_PROPOSAL_LAYERS)
        seen["own"] = sum(len(layers[name]) for name in OWN_PROPOSAL_LAYERS)
        seen["visible"] = all(window.controller.state.setting(name).visible
                              for name in RECEIVED_PROPOSAL_LAYERS)
        seen["viewport"] = window.map_canvas.viewport
        # the dialog steps aside for the map; the bar over the map brings it back
        seen["dialog_hidden"] = not dialog.isVisible()
        bar = actions.preview_bar
        seen["bar"] = bar is not None and bar.isVisible() and bar.label.text()
        if SHOTS:
            window.map_canvas.wait_for_render()
            window.grab().save(str(Path(SHOTS) / "preview_map.png"))
            bar.grab().save(str(Path(SHOTS) / "preview_bar.png"))
        bar.back_button.click()
        seen["dialog_back"] = dialog.isVisible() and actions.preview_bar is None

    seen = {}
    actions.script[VerificationDialog] = preview
    actions.open_package(lens_package.path)
    kinds = [item.kind for item in lens_package.proposals]
    assert seen["received"] == (kinds.count("quartier_vecu"), kinds.count("perimetre"),
                                kinds.count("equipement"))
    assert sum(seen["received"]) == 3 and seen["own"] == 0
    assert seen["visible"] and seen["dialog_hidden"] and seen["dialog_back"]
    assert "paquet de Lens (62498)" in seen["bar"] and "3 propositions" in seen["bar"]
    assert seen["viewport"] != before and seen["viewport"].resolution < before.resolution
    # closed without accepting: the map shows again only what the base holds (nothing)
    assert all(len(layers[name]) == 0 for name in RECEIVED_PROPOSAL_LAYERS)


def test_received_and_own_proposals_have_colours_of_their_own():
    own = {SYMBOLS[name].fill for name in OWN_PROPOSAL_LAYERS}
    received = {SYMBOLS[name].fill for name in RECEIVED_PROPOSAL_LAYERS}
    assert not own & received
    # quartiers vécus and perimeter requests differ, with a legend line each
    assert SYMBOLS["proposals"].fill != SYMBOLS["proposal_perimeters"].fill
    assert SYMBOLS["received"].fill != SYMBOLS["received_perimeters"].fill
    assert default_legend("proposals")[0].label == "Quartier vécu"
    assert default_legend("proposal_perimeters")[0].label == \
        "Demande de modification de périmètre"


def test_a_package_reopened_after_acceptance_says_so(actions, lens_package):
    actions.script[VerificationDialog] = lambda dialog: dialog.accept_button.click()
    actions.open_package(lens_package.path)
    seen = {}

    def look(dialog: VerificationDialog):
        seen["button"] = (dialog.accept_button.isEnabled(), dialog.accept_button.text())
        seen["text"] = dialog.already_label.text()

    actions.script[VerificationDialog] = look
    actions.open_package(lens_package.path)
    assert seen["button"] == (False, "Déjà accepté")
    assert seen["text"].startswith("Ce paquet a déjà été accepté le ")
    assert " à " in seen["text"]


def test_accept_adds_three_then_says_already_imported(actions, window, workspace,
                                                      lens_package):
    actions.script[VerificationDialog] = lambda dialog: dialog.accept_button.click()
    actions.open_package(lens_package.path)
    store = ConsolidatedStore(workspace)
    assert len(store.current()) == 3 and len(store.packages()) == 1
    kind, title, text = actions.told[-1]
    assert kind == "info" and "3 propositions ajoutées" in text and "Lens" in text
    layers = window.controller.composer.layers
    assert sum(len(layers[name]) for name in RECEIVED_PROPOSAL_LAYERS) == 3

    told = len(actions.told)
    actions.open_package(lens_package.path)
    # reopened: the dialog says it was accepted already and cannot accept it twice
    assert not actions.dialogs[-1].accept_button.isEnabled()
    assert "déjà été accepté" in actions.dialogs[-1].already_label.text()
    assert len(actions.told) == told
    assert len(store.current()) == 3 and len(store.packages()) == 1
    # accepted once more all the same (from the model's side): nothing changes, and it says so
    report = actions.dialogs[-1].report
    assert actions.accept_report(report)
    assert "déjà été importé" in actions.told[-1][2]
    assert len(store.current()) == 3 and len(store.packages()) == 1


def test_tampered_package_is_refused_in_red(actions, workspace, lens_package, tmp_path):
    members = members_of(lens_package.path)
    members["data/propositions.csv"] += b"\n"
    tampered = write_zip(tmp_path / "modifie.qpvpkg", members)
    seen = {}

    def look(dialog: VerificationDialog):
        seen["verdict"] = dialog.verdict_label.text()
        seen["reason"] = dialog.reason_label.text()
        seen["accept"] = dialog.accept_button.isEnabled()
        seen["preview"] = dialog.preview_button.isEnabled()
        seen["marks"] = list(dialog.check_marks)
        seen["table"] = dialog.proposals_view
        _shot(dialog, "verification_refused")
        dialog.accept_button.click()   # disabled: nothing happens

    actions.script[VerificationDialog] = look
    report = actions.open_package(tampered)
    assert not report.ok
    assert "Paquet refusé" in seen["verdict"]
    assert report.reason in seen["reason"] and "modifié" in seen["reason"]
    assert not seen["accept"] and not seen["preview"] and seen["table"] is None
    assert seen["marks"] == ["✓", "✓", "✓", "✗", "–", "–"]
    assert ConsolidatedStore(workspace).packages() == []


def test_unknown_key_is_refused(window, reference, workspace, lens_package, tmp_path):
    actions = Actions(window, workspace, reference, window.controller, window.map_canvas,
                      trust_folder=tmp_path / "vide")
    seen = {}
    actions.script[VerificationDialog] = lambda dialog: seen.update(
        reason=dialog.reason_label.text(), accept=dialog.accept_button.isEnabled())
    actions.open_package(lens_package.path)
    assert "Clé inconnue" in seen["reason"] and not seen["accept"]


def test_trust_dialog_imports_and_revokes(qtbot, reference, commune_key, tmp_path):
    from qpvdesk.models.package.trust import TrustStore
    from qpvdesk.models.proposals.territory import Territory

    store = TrustStore(tmp_path / "confiance")
    key_file = tmp_path / f"{LIEVIN}.pub"
    key_file.write_text(commune_key[1].to_text(), encoding="utf-8")
    dialog = TrustDialog(None, store, Territory(reference),
                         choose_open_path=lambda title, file_filter: str(key_file))
    qtbot.addWidget(dialog)
    assert dialog.keys_model.rowCount() == 0 and not dialog.revoke_button.isEnabled()
    seen = {}

    def choose(choice: CommuneChoiceDialog):
        seen["preselected"] = choice.commune()
        seen["key"] = choice.key_label.text()
        _shot(choice, "trust_choose_commune")
        choice.commune_combo.setCurrentIndex(choice.commune_combo.findData(LENS))
        return QDialog.DialogCode.Accepted

    dialog.run_dialog = choose
    dialog.import_button.click()
    assert seen["preselected"] == LIEVIN   # from the file name
    assert seen["key"] == readable_key_id(commune_key[1].key_id_hex)
    assert [entry.commune_insee for entry in store.entries()] == [LENS]
    assert dialog.keys_model.index(0, 0).data() == "Lens"
    assert dialog.revoke_button.isEnabled()   # the new key is selected
    _shot(dialog, "trust_dialog")

    questions = []
    dialog.confirm = lambda title, text: questions.append(text) or True
    dialog.revoke_button.click()
    assert "revoquees" in questions[0]
    assert store.entries() == []
    assert [entry.commune_insee for entry in store.revoked()] == [LENS]
    assert (store.folder / "revoquees").is_dir()
    assert dialog.keys_model.rowCount() == 0 and dialog.revoked_model.rowCount() == 1


def test_trust_dialog_warns_when_the_key_file_names_another_commune(qtbot, reference,
                                                                   tmp_path):
    from qpvdesk.models.package.minisign import generate_keypair
    from qpvdesk.models.package.trust import TrustStore
    from qpvdesk.models.proposals.territory import Territory

    store = TrustStore(tmp_path / "confiance")
    public = generate_keypair()[1]
    key_file = tmp_path / "cle recue par courriel.pub"
    key_file.write_text(public.to_text("qpvdesk clé publique de la commune 62498 (Lens)"))
    dialog = TrustDialog(None, store, Territory(reference),
                         choose_open_path=lambda *args: str(key_file))
    qtbot.addWidget(dialog)
    seen = {}

    def choose(choice: CommuneChoiceDialog):
        seen["preselected"] = choice.commune()
        seen["warned before"] = not choice.mismatch_label.isHidden()
        choice.commune_combo.setCurrentIndex(choice.commune_combo.findData(LIEVIN))
        seen["warning"] = choice.mismatch_label.text()
        seen["warned"] = not choice.mismatch_label.isHidden()
        seen["key"] = choice.key_label.text()
        _shot(choice, "trust_key_of_another_commune")
        return QDialog.DialogCode.Accepted

    dialog.run_dialog = choose
    dialog.import_button.click()
    assert seen["preselected"] == LENS   # read from the file's comment, not its name
    assert not seen["warned before"] and seen["warned"]
    assert "Lens (62498)" in seen["warning"] and "Liévin (62510)" in seen["warning"]
    assert "\u00a0" in seen["key"] and " " not in seen["key"]   # never wrapped inside the id
    assert [entry.commune_insee for entry in store.entries()] == [LIEVIN]   # the user decided


def test_reimporting_a_revoked_key_asks_first(qtbot, reference, commune_key, tmp_path):
    from qpvdesk.models.package.trust import TrustStore
    from qpvdesk.models.proposals.territory import Territory

    store = TrustStore(tmp_path / "confiance")
    store.add(commune_key[1].to_text(), LENS)
    store.revoke(LENS)
    key_file = tmp_path / f"{LENS}.pub"
    key_file.write_text(commune_key[1].to_text(), encoding="utf-8")
    dialog = TrustDialog(None, store, Territory(reference),
                         choose_open_path=lambda *args: str(key_file))
    qtbot.addWidget(dialog)
    dialog.run_dialog = lambda choice: QDialog.DialogCode.Accepted
    questions = []
    dialog.confirm = lambda title, text: questions.append(text) or False
    assert dialog.import_key() is None and store.entries() == []
    assert "révoquée" in questions[0] and "Lens (62498)" in questions[0]
    assert readable_key_id(commune_key[1].key_id_hex) in questions[0]
    dialog.confirm = lambda title, text: True
    assert dialog.import_key() == LENS
    assert [entry.commune_insee for entry in store.entries()] == [LENS]


def test_a_key_bound_to_two_communes_can_be_revoked_from_the_dialog(qtbot, reference,
                                                                    commune_key, tmp_path):
    from qpvdesk.models.package.trust import TrustStore
    from qpvdesk.models.proposals.territory import Territory
    from qpvdesk.views.package.trust_dialog import CONFLICT_COLOR

    store = TrustStore(tmp_path / "confiance")
    for insee in (LENS, LIEVIN):   # copied by hand into the trust folder
        (store.folder / f"{insee}.pub").write_text(commune_key[1].to_text())
    dialog = TrustDialog(None, store, Territory(reference))
    qtbot.addWidget(dialog)
    _shot(dialog, "trust_key_for_two_communes")
    assert "Lens (62498) et Liévin (62510)" in dialog.problems_label.text()
    assert dialog.keys_model.rowCount() == 2
    assert dialog.keys_model.colors[(1, 0)] == CONFLICT_COLOR
    dialog.select(LIEVIN)
    dialog.confirm = lambda title, text: True
    dialog.revoke_button.click()
    assert [entry.commune_insee for entry in store.entries()] == [LENS]
    assert dialog.keys_model.colors == {} and dialog.problems_label.isHidden()


def test_trust_refusals_name_the_communes(qtbot, reference, commune_key, tmp_path):
    from qpvdesk.models.package.trust import TrustStore
    from qpvdesk.models.proposals.territory import Territory

    store = TrustStore(tmp_path / "confiance")
    store.add(commune_key[1].to_text(), LENS)
    key_file = tmp_path / "cle.pub"
    key_file.write_text(commune_key[1].to_text(), encoding="utf-8")
    dialog = TrustDialog(None, store, Territory(reference),
                         choose_open_path=lambda *args: str(key_file))
    qtbot.addWidget(dialog)

    def choose(choice: CommuneChoiceDialog):
        choice.commune_combo.setCurrentIndex(choice.commune_combo.findData(LIEVIN))
        return QDialog.DialogCode.Accepted

    dialog.run_dialog = choose
    told = []
    dialog.warn = lambda title, text: told.append(text)
    assert dialog.import_key() is None
    assert "Lens (62498)" in told[0] and "Liévin (62510)" in told[0]


def test_trust_dialog_refuses_a_bad_file_and_shows_problems(qtbot, reference, tmp_path):
    from qpvdesk.models.package.trust import TrustStore
    from qpvdesk.models.proposals.territory import Territory

    store = TrustStore(tmp_path / "confiance")
    (store.folder / "lens.txt").write_text("pas une clé")
    bad = tmp_path / "62498.pub"
    bad.write_text("pas une clé non plus")
    dialog = TrustDialog(None, store, Territory(reference),
                         choose_open_path=lambda *args: str(bad))
    qtbot.addWidget(dialog)
    assert "lens.txt" in dialog.problems_label.text()
    told = []
    dialog.warn = lambda title, text: told.append(text)
    dialog.run_dialog = lambda choice: pytest.fail("no commune asked for a bad key")
    assert dialog.import_key() is None
    assert told and "\n" not in told[0] and "Traceback" not in told[0]


def test_received_dialog_and_consolidated_export(qtbot, actions, workspace, lens_package,
                                                 tmp_path):
    from qpvdesk.models.proposals import gdal

    actions.script[VerificationDialog] = lambda dialog: dialog.accept_button.click()
    actions.open_package(lens_package.path)
    seen = {}

    def look(dialog: ReceivedDialog):
        seen["proposals"] = dialog.proposals_model.rowCount()
        seen["packages"] = dialog.packages_model.rowCount()
        seen["commune"] = dialog.proposals_model.index(0, 0).data()
        seen["file"] = dialog.packages_model.index(0, 5).data()
        dialog.set_commune(LIEVIN)   # not in the list: back to all communes
        seen["all"] = dialog.proposals_model.rowCount()
        dialog.set_commune(LENS)
        seen["lens"] = dialog.proposals_model.rowCount()
        _shot(dialog, "received_proposals")
        dialog.tabs.setCurrentIndex(1)
        _shot(dialog, "received_packages")

    actions.script[ReceivedDialog] = look
    actions.show_received()
    assert seen == {"proposals": 3, "packages": 1, "commune": "Lens",
                    "file": lens_package.path.name, "all": 3, "lens": 3}

    target = tmp_path / "export" / "consolidees.gpkg"
    target.parent.mkdir()
    actions.choose_save_path = lambda title, suggested, file_filter: str(target)
    assert actions.export_consolidated() == target
    pyogrio = gdal.pyogrio()
    layers = {name for name, _ in pyogrio.list_layers(target)}
    total = sum(len(pyogrio.read_dataframe(target, layer=name)) for name in layers)
    assert total == 3
    frame = pyogrio.read_dataframe(target, layer=sorted(layers)[0])
    assert "commune_insee" in frame.columns
    assert actions.told[-1][0] == "info" and "3 propositions exportées" in actions.told[-1][2]


def test_export_with_nothing_received_says_so(actions):
    actions.choose_save_path = lambda *args: pytest.fail("no file asked")
    assert actions.export_consolidated() is None
    assert "Aucune proposition reçue" in actions.told[-1][2]


def test_actions_and_french_words(actions):
    assert actions.open_package_action.text() == "Ouvrir un paquet reçu…"
    assert actions.open_package_action.shortcut().toString() == "Ctrl+Shift+O"
    assert actions.trust_action.text() == "Clés des communes…"
    assert actions.received_action.text() == "Propositions reçues…"
    assert actions.export_consolidated_action.text() == \
        "Exporter les propositions consolidées…"
    assert french_datetime("2026-11-22T10:04:31+01:00") == "22/11/2026 à 10 h 04"
    assert french_size(146125) == "142,7\u00a0ko"
    assert readable_key_id("57A9BAA9A7CB3216") == "57A9\u00a0BAA9\u00a0A7CB\u00a03216"


def test_default_trust_folder_is_in_user_data(window, reference, workspace, isolated_home):
    actions = AgglomerationActions(window, workspace, reference, window.controller,
                                   window.map_canvas)
    assert actions.trust_folder == Path(isolated_home) / "confiance"
    shutil.rmtree(actions.trust_folder, ignore_errors=True)


def test_agglomeration_mode_shows_its_menu_and_is_remembered(qtbot, reference, workspace):
    from qpvdesk.models.package.identity import MODE_AGGLOMERATION, load_identity
    from qpvdesk.views.main_window import MainWindow

    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    menus = window.packages
    assert not menus.agglomeration_menu.menuAction().isVisible()
    assert not menus.agglomeration.open_package_action.isEnabled()
    menus.mode_action.setChecked(True)
    assert menus.agglomeration_menu.menuAction().isVisible()
    assert menus.agglomeration.open_package_action.isEnabled()
    assert load_identity(workspace).mode == MODE_AGGLOMERATION
    again = MainWindow(reference, workspace)
    qtbot.addWidget(again)
    assert again.packages.mode_action.isChecked()


def test_mode_chosen_elsewhere_is_shown_after_sync(qtbot, reference, workspace):
    from dataclasses import replace

    from qpvdesk.models.package.identity import MODE_AGGLOMERATION, load_identity, save_identity
    from qpvdesk.views.main_window import MainWindow

    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    save_identity(workspace, replace(load_identity(workspace), mode=MODE_AGGLOMERATION))
    window.packages.sync_mode()   # what the app does after the first-run assistant
    assert window.packages.mode_action.isChecked()
    assert window.packages.agglomeration_menu.menuAction().isVisible()

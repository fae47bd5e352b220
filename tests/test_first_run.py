"""The first-start assistant: what it saves, what it creates, what cancelling leaves."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QWizard

from qpvdesk.models.first_run import (FIRST_RUN_KEY, backup_advice, data_locations, mark_done,
                                      needs_first_run)
from qpvdesk.models.package.identity import MODE_AGGLOMERATION, MODE_COMMUNE, load_identity
from qpvdesk.models.package.keys import KeyFolder
from qpvdesk.models.package.mail import readable_key_id
from qpvdesk.models.proposals import gdal
from qpvdesk.views.first_run import (PAGE_COMMUNE, PAGE_DATA, PAGE_KEY, PAGE_TRUST,
                                     PAGE_WELCOME, FirstRunWizard, maybe_run_first_run)

gdal.pyogrio()   # before any SpatiaLite connection of the session (see gdal.py)

LENS = "62498"


@pytest.fixture(autouse=True)
def fast_keys(monkeypatch):
    monkeypatch.setattr("qpvdesk.models.package.keys.KEY_OPSLIMIT", 2**14)
    monkeypatch.setattr("qpvdesk.models.package.keys.KEY_MEMLIMIT", 2**20)


@pytest.fixture
def key_folder(tmp_path) -> KeyFolder:
    return KeyFolder(tmp_path / "cles")


@pytest.fixture
def wizard(qtbot, workspace, reference, key_folder):
    wizard = FirstRunWizard(None, workspace, reference, key_folder)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.restart()
    return wizard


def next_button(wizard):
    return wizard.button(QWizard.WizardButton.NextButton)


# ---------------------------------------------------------------------- model

def test_first_run_flag(workspace):
    assert needs_first_run(workspace)
    mark_done(workspace)
    assert not needs_first_run(workspace)
    assert workspace.setting(FIRST_RUN_KEY) == "1"


def test_data_locations_list_the_workspace_and_key_folders(workspace, isolated_home, tmp_path):
    locations = dict((str(path), label) for label, path in data_locations(workspace.path))
    assert str(workspace.path) in locations
    assert str(isolated_home / "cles") in locations
    assert str(isolated_home / "confiance") in locations
    assert str(isolated_home / "qpvdesk-erreurs.log") in locations
    assert str(isolated_home) in locations
    # the workspace lives outside the user data folder here: two folders to copy
    advice = backup_advice(workspace.path)
    assert str(isolated_home) in advice and str(tmp_path) in advice
    assert "dossier entier" in backup_advice(isolated_home / "workspace.sqlite")


# ---------------------------------------------------------------------- wizard

def test_french_buttons(wizard):
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Suivant"
    assert wizard.buttonText(QWizard.WizardButton.BackButton) == "Précédent"
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "Terminer"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Annuler"
    assert wizard.windowTitle() == "Bienvenue dans qpvdesk"


def test_commune_path_saves_identity_and_creates_the_key(wizard, workspace, key_folder):
    assert wizard.currentId() == PAGE_WELCOME
    wizard.welcome_page.commune_radio.setChecked(True)
    wizard.next()
    assert wizard.currentId() == PAGE_COMMUNE
    assert not next_button(wizard).isEnabled()          # no commune yet
    assert wizard.commune_page.commune_combo.count() == 37   # the 36 CALL communes
    assert wizard.commune_page.select_commune(LENS)
    wizard.commune_page.name_edit.setText("Camille Martin")
    wizard.commune_page.email_edit.setText("camille.martin@mairie-lens.fr")
    assert next_button(wizard).isEnabled()
    wizard.next()
    assert wizard.currentId() == PAGE_KEY
    page = wizard.key_page
    assert not next_button(wizard).isEnabled()          # create the key or choose later
    assert not page.create_button.isEnabled()
    page.form.passphrase_edit.setText("trois mots secrets")
    page.form.confirm_edit.setText("trois mots secrets")
    assert page.create_button.isEnabled()
    page.create_button.click()
    assert key_folder.secret_path(LENS).is_file()
    assert key_folder.public_path(LENS).is_file()
    assert key_folder.is_protected(LENS)
    key_id = key_folder.public_key(LENS).key_id_hex
    assert page.key_id_label.text() == readable_key_id(key_id)
    assert page.result_box.isVisible() and not page.create_button.isVisible()
    assert next_button(wizard).isEnabled()
    wizard.next()
    assert wizard.currentId() == PAGE_DATA
    assert needs_first_run(workspace)                   # nothing saved before « Terminer »
    wizard.accept()
    identity = load_identity(workspace)
    assert identity.mode == MODE_COMMUNE
    assert identity.commune_insee == LENS
    assert identity.contact_name == "Camille Martin"
    assert identity.contact_email == "camille.martin@mairie-lens.fr"
    assert not needs_first_run(workspace)


def test_key_without_passphrase_warns(wizard, key_folder):
    wizard.next()
    wizard.commune_page.select_commune(LENS)
    wizard.next()
    form = wizard.key_page.form
    form.no_passphrase_box.setChecked(True)
    assert form.warning_label.isVisible()
    wizard.key_page.create_button.click()
    assert key_folder.has_key(LENS) and not key_folder.is_protected(LENS)


def test_key_later_creates_nothing(wizard, workspace, key_folder):
    wizard.next()
    wizard.commune_page.select_commune(LENS)
    wizard.next()
    wizard.key_page.later_radio.setChecked(True)
    assert wizard.key_page.later_label.isVisible()
    assert next_button(wizard).isEnabled()
    wizard.next()
    wizard.accept()
    assert not key_folder.has_key(LENS)
    assert load_identity(workspace).commune_insee == LENS
    assert not needs_first_run(workspace)


def test_existing_key_is_shown_not_replaced(wizard, key_folder):
    public = key_folder.create(LENS, None, "Lens")
    wizard.next()
    wizard.commune_page.select_commune(LENS)
    wizard.next()
    page = wizard.key_page
    assert page.result_box.isVisible()
    assert page.key_id_label.text() == readable_key_id(public.key_id_hex)
    assert "déjà présente" in page.result_label.text()
    assert next_button(wizard).isEnabled()


def test_agglomeration_path_saves_mode_and_creates_no_key(wizard, workspace, key_folder):
    wizard.welcome_page.agglomeration_radio.setChecked(True)
    wizard.next()
    assert wizard.currentId() == PAGE_TRUST
    wizard.next()
    assert wizard.currentId() == PAGE_DATA
    wizard.accept()
    assert load_identity(workspace).mode == MODE_AGGLOMERATION
    assert not key_folder.folder.exists()
    assert not needs_first_run(workspace)


def test_cancel_saves_nothing(wizard, workspace):
    wizard.next()
    wizard.commune_page.select_commune(LENS)
    wizard.commune_page.email_edit.setText("a@b.fr")
    wizard.reject()
    assert needs_first_run(workspace)
    assert load_identity(workspace).commune_insee == ""


@pytest.mark.parametrize("email", ["camille.martin", "camille@", "camille@mairie",
                                   "ca mille@mairie.fr"])
def test_invalid_email_blocks_next(wizard, email):
    wizard.next()
    wizard.commune_page.select_commune(LENS)
    wizard.commune_page.email_edit.setText(email)
    assert not next_button(wizard).isEnabled()
    assert wizard.commune_page.reason_label.isVisible()
    wizard.next()
    assert wizard.currentId() == PAGE_COMMUNE
    wizard.commune_page.email_edit.setText("")          # the e-mail is optional
    assert next_button(wizard).isEnabled()


def test_data_page_shows_the_workspace_path(wizard, workspace):
    wizard.welcome_page.agglomeration_radio.setChecked(True)
    wizard.next()
    wizard.next()
    labels = {label.text(): label for label in wizard.data_page.path_labels}
    assert labels[str(workspace.path)].isVisible()
    assert labels[str(wizard.key_folder.folder)].isHidden()     # not the agglomeration's
    assert str(workspace.path.parent) in wizard.data_page.advice_label.text()


def test_prefilled_from_a_saved_identity(qtbot, workspace, reference, key_folder):
    from qpvdesk.models.package.identity import Identity, save_identity

    save_identity(workspace, Identity(MODE_COMMUNE, LENS, "Camille", "c@lens.fr"))
    wizard = FirstRunWizard(None, workspace, reference, key_folder)
    qtbot.addWidget(wizard)
    assert wizard.commune_page.commune_insee == LENS
    assert wizard.commune_page.email_edit.text() == "c@lens.fr"


def test_maybe_run_first_run(qtbot, workspace, reference, key_folder):
    shown = []

    def run(wizard):
        shown.append(wizard)
        wizard.welcome_page.agglomeration_radio.setChecked(True)
        wizard.show()
        wizard.restart()
        wizard.next()
        wizard.next()
        wizard.accept()
        return QDialog.DialogCode.Accepted

    assert maybe_run_first_run(None, workspace, reference, key_folder, run=run)
    assert len(shown) == 1 and not needs_first_run(workspace)
    assert not maybe_run_first_run(None, workspace, reference, key_folder, run=run)
    assert len(shown) == 1


def test_maybe_run_first_run_cancelled(qtbot, workspace, reference, key_folder):
    assert not maybe_run_first_run(None, workspace, reference, key_folder,
                                   run=lambda wizard: QDialog.DialogCode.Rejected)
    assert needs_first_run(workspace)

"""Choosing the agglomeration (issue 13): in the first-run assistant or later from the
Fichier menu, an EPCI is found by name or SIREN (accents and case ignored), its database is
built for real in the user's data folder with a progress bar, and the app opens it — now and
at the next start."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWizard

from qpvdesk.app import WindowHost
from qpvdesk.models.reference import ReferenceStore
from qpvdesk.models.reference_choice import (BuildCancelled, build_epci_reference,
                                             chosen_reference, epci_database_path,
                                             remember_reference)
from qpvdesk.views.epci_chooser import EpciChooser
from qpvdesk.views.first_run import FirstRunWizard

MARIE_GALANTE = "249710047"     # 3 communes: a real build in about a second
MEL = "200093201"


def _results(chooser: EpciChooser) -> list[str]:
    return [chooser.results.item(row).text() for row in range(chooser.results.count())]


def test_search_ignores_accents_and_case_and_takes_a_siren(qtbot, tmp_path):
    chooser = EpciChooser(None, tmp_path)
    qtbot.addWidget(chooser)
    for text in ("Métropole Européenne de Lille", "metropole europeenne LILLE", MEL):
        chooser.search_edit.setText(text)
        assert chooser.selected().siren == MEL, text
    assert _results(chooser)[0] == ("Métropole Européenne de Lille — SIREN 200093201 — 95 "
                                    "communes, 26 QPV")
    chooser.search_edit.setText("zzzz introuvable")
    assert chooser.selected() is None and not chooser.build_button.isEnabled()
    assert chooser.status.text() == ("Aucune intercommunalité ne correspond à « zzzz "
                                     "introuvable ».")


def test_the_assistant_builds_the_chosen_agglomeration_then_lists_its_communes(
        qtbot, workspace, reference, tmp_path):
    wizard = FirstRunWizard(None, workspace, reference, data_folder=tmp_path)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.welcome_page
    assert page.keep_radio.text() == "CA de Lens-Liévin (base prête)" and page.isComplete()
    page.other_radio.setChecked(True)
    assert not page.isComplete()          # another agglomeration: not before its database
    page.epci_chooser.search_edit.setText("marie galante")
    assert page.epci_chooser.selected().siren == MARIE_GALANTE
    seen = []
    task = page.epci_chooser.build()
    task.progressed.connect(lambda percent, step: seen.append(percent))
    assert not page.isComplete()          # under way
    with qtbot.waitSignal(page.epci_chooser.built, timeout=120000) as built:
        pass
    database = built.args[0]
    assert database == epci_database_path(MARIE_GALANTE, tmp_path) and database.is_file()
    qtbot.waitUntil(lambda: page.epci_chooser.task is None)
    assert page.isComplete() and wizard.chosen_database == database
    # Enter now means « Suivant » (the focus had gone to « Annuler » during the build)
    assert QApplication.focusWidget() is wizard.button(QWizard.WizardButton.NextButton)
    assert page.epci_chooser.progress.value() == 100
    assert seen == sorted(seen)
    combo = wizard.commune_page.commune_combo
    communes = {combo.itemData(i) for i in range(1, combo.count())}
    store = ReferenceStore(database)
    try:
        assert communes == {code for (code,) in store.conn.execute(
            "SELECT insee FROM commune")}
        assert all(code.startswith("971") for code in communes)
    finally:
        store.close()
    wizard.accept()
    assert chosen_reference(workspace) == database


def test_keeping_the_bundled_database_remembers_nothing(qtbot, workspace, reference):
    wizard = FirstRunWizard(None, workspace, reference)
    qtbot.addWidget(wizard)
    wizard.accept()
    assert wizard.chosen_database is None and chosen_reference(workspace) is None


def test_a_cancelled_build_writes_nothing(tmp_path):
    steps = []

    def progress(percent, step):
        steps.append(step)
        return len(steps) < 2          # cancelled at the second step

    with pytest.raises(BuildCancelled):
        build_epci_reference(MARIE_GALANTE, progress, tmp_path)
    assert len(steps) == 2
    assert list((tmp_path / "bases").iterdir()) == []


def test_an_unknown_siren_is_said_in_french(qtbot, tmp_path):
    chooser = EpciChooser(None, tmp_path)
    qtbot.addWidget(chooser)
    with pytest.raises(LookupError, match="Aucune intercommunalité n'a le SIREN « 249710048 »"):
        build_epci_reference("249710048", lambda percent, step: True, tmp_path)
    assert not (tmp_path / "bases" / "epci_249710048.sqlite").exists()


def test_change_of_agglomeration_from_the_menu_reopens_the_window(qtbot, workspace, reference,
                                                                  national_database,
                                                                  isolated_home):
    store = ReferenceStore(reference.path)
    host = WindowHost(store, workspace)
    qtbot.addWidget(host.window)
    old_window = host.window

    def drive(dialog):
        dialog.show()
        dialog.chooser.search_edit.setText("marie-galante")
        with qtbot.waitSignal(dialog.finished, timeout=120000) as finished:
            dialog.chooser.build()
        return finished.args[0]

    with qtbot.waitSignal(old_window.reference_chosen):
        database = old_window.reference_actions.change_agglomeration(run=drive)
    assert database == epci_database_path(MARIE_GALANTE, isolated_home)
    assert host.window is not old_window
    qtbot.addWidget(host.window)
    assert host.store.path == database
    assert host.window.windowTitle().startswith(
        "Quartiers prioritaires de la CC de Marie-Galante")
    assert chosen_reference(workspace) == database
    remember_reference(workspace, None)
    assert chosen_reference(workspace) is None
    host.window.close()
    host.store.close()


def test_a_database_that_cannot_be_opened_keeps_the_current_window(qtbot, workspace, reference,
                                                                   tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: told.append(args[2]))
    broken = tmp_path / "pas_une_base.sqlite"
    broken.write_text("ceci n'est pas une base")
    store = ReferenceStore(reference.path)
    host = WindowHost(store, workspace)
    qtbot.addWidget(host.window)
    window = host.window
    assert not host.switch(broken)
    assert host.window is window and host.store is store
    assert len(told) == 1 and str(broken) in told[0]
    assert chosen_reference(workspace) is None
    window.close()
    store.close()


def test_the_key_page_names_the_agglomeration_chosen_on_the_welcome_page(
        qtbot, workspace, reference, tmp_path):
    """A commune of Marie-Galante installs Marie-Galante's key, in Marie-Galante's trust
    folder, not the key of the database the app was started with."""
    wizard = FirstRunWizard(None, workspace, reference, data_folder=tmp_path)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.welcome_page
    page.other_radio.setChecked(True)
    page.epci_chooser.search_edit.setText("marie galante")
    with qtbot.waitSignal(page.epci_chooser.built, timeout=120000):
        page.epci_chooser.build()
    qtbot.waitUntil(lambda: page.epci_chooser.task is None)
    wizard.next()                                   # the commune and its contact
    wizard.commune_page.commune_combo.setCurrentIndex(1)
    wizard.commune_page.name_edit.setText("Agent")
    wizard.commune_page.email_edit.setText("agent@example.fr")
    wizard.next()                                   # the signing key
    box = wizard.agglomeration_key_box
    assert box.siren == MARIE_GALANTE and box.isVisibleTo(wizard.key_page)
    assert [other for other in wizard.key_page.findChildren(type(box))
            if other.isVisibleTo(wizard.key_page)] == [box]
    assert MARIE_GALANTE in box.store.folder.as_posix()
    assert f"({MARIE_GALANTE})" in " ".join(label.text() for label in box.findChildren(QLabel))
    wizard.back()
    wizard.back()
    page.keep_radio.setChecked(True)                # back to the open database
    wizard.next()
    wizard.next()
    assert wizard.agglomeration_key_box.siren == "246200364"
    assert wizard.key_page.layout().indexOf(wizard.agglomeration_key_box) >= 0

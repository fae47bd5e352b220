"""The commune's side of signed packages: dialogs, key, export, e-mail (offscreen, no blocking:
every modal dialog goes through CommunePackageActions.exec_dialog, answered by a script)."""
from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import shapely
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QPushButton
from shapely.geometry import box

from qpvdesk.models.proposals import gdal

gdal.pyogrio()   # before any SpatiaLite connection of the session (see gdal.py)

from qpvdesk.models.package import keys  # noqa: E402
from qpvdesk.models.package.identity import Identity, load_identity  # noqa: E402
from qpvdesk.models.package.info import PackageInfo  # noqa: E402
from qpvdesk.models.package.keys import KeyFolder  # noqa: E402
from qpvdesk.models.package.mail import (mail_body, mail_subject, mailto_url,  # noqa: E402
                                         readable_key_id)

LENS = "62498"
PASSPHRASE = "la mairie de Lens signe"


@pytest.fixture(autouse=True)
def light_keys(monkeypatch):
    monkeypatch.setattr(keys, "KEY_OPSLIMIT", 2**14)
    monkeypatch.setattr(keys, "KEY_MEMLIMIT", 2**20)


@pytest.fixture
def store(reference, workspace):
    from qpvdesk.models.proposals import ProposalStore

    code, wkb = reference.conn.execute(
        "SELECT q.code, AsBinary(q.geom) FROM qpv q JOIN qpv_commune c ON c.qpv_code = q.code "
        "WHERE c.commune_insee = ? ORDER BY q.code LIMIT 1", (LENS,)).fetchone()
    inside = shapely.from_wkb(wkb).representative_point()
    proposals = ProposalStore(workspace, reference)
    proposals.add("equipement", inside, {"title": "Maison de santé pluriprofessionnelle",
                                         "category": "sante", "status": "a_l_etude",
                                         "horizon_year": 2028, "qpv_code": code})
    proposals.add("quartier_vecu", box(inside.x - 250, inside.y - 250, inside.x + 250,
                                       inside.y + 250),
                  {"title": "Le quartier tel que les habitants le vivent", "qpv_code": code,
                   "knowledge_source": "ateliers_habitants"})
    return proposals


class Script:
    """Answers the modal dialogs in order; each answer is a function of the dialog."""

    def __init__(self) -> None:
        self.answers: list = []
        self.seen: list[QDialog] = []

    def __call__(self, dialog: QDialog) -> int:
        self.seen.append(dialog)
        assert self.answers, f"unexpected dialog {type(dialog).__name__}: {_text(dialog)}"
        return self.answers.pop(0)(dialog)


def _text(dialog) -> str:
    return dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()


def fill_export(name="Jeanne Martin", email="jeanne.martin@lens.fr"):
    def answer(dialog):
        from qpvdesk.views.package.export_dialog import ExportPackageDialog

        assert isinstance(dialog, ExportPackageDialog)
        dialog.commune_combo.setCurrentIndex(dialog.commune_combo.findData(LENS))
        dialog.name_edit.setText(name)
        dialog.email_edit.setText(email)
        assert dialog.ok_button.isEnabled(), dialog.reason()
        return QDialog.DialogCode.Accepted
    return answer


def create_key(passphrase=PASSPHRASE):
    def answer(dialog):
        from qpvdesk.views.package.key_dialogs import CreateKeyDialog

        assert isinstance(dialog, CreateKeyDialog)
        dialog.passphrase_edit.setText(passphrase)
        dialog.confirm_edit.setText(passphrase)
        assert dialog.ok_button.isEnabled()
        return QDialog.DialogCode.Accepted
    return answer


def type_passphrase(passphrase, expect_error=None):
    def answer(dialog):
        from qpvdesk.views.package.key_dialogs import PassphraseDialog

        assert isinstance(dialog, PassphraseDialog)
        if expect_error is not None:
            assert expect_error in dialog.error_label.text()
        dialog.edit.setText(passphrase)
        return QDialog.DialogCode.Accepted
    return answer


def click(button_text, expect=None, log=None):
    def answer(dialog):
        assert isinstance(dialog, QMessageBox), type(dialog)
        if expect is not None:
            assert expect in dialog.text(), dialog.text()
        if log is not None:
            log.append(dialog.text())
        for button in dialog.buttons():
            if button.text() == button_text:
                button.click()
                return 0
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in dialog.buttons()]}")
    return answer


def choose(*paths):
    queue = [str(path) for path in paths]
    calls = []

    def pick(parent, caption, default, filters):
        calls.append((caption, default))
        return queue.pop(0)
    pick.calls = calls
    return pick


@pytest.fixture
def urls(monkeypatch):
    from qpvdesk.views.package import commune_actions

    opened: list[QUrl] = []
    monkeypatch.setattr(commune_actions, "open_url", lambda url: opened.append(url) or True)
    return opened


def run_export(qtbot, actions):
    """The export as the user lives it: dialogs, then the package written off the GUI
    thread; what export_finished brings (the package's path, or None)."""
    with qtbot.waitSignal(actions.export_finished, timeout=60000) as finished:
        assert actions.export_package() is not None
    return finished.args[0]


def make_actions(qtbot, workspace, reference, store, folder, save=None, open_=None):
    from PySide6.QtWidgets import QWidget

    from qpvdesk.views.package.commune_actions import CommunePackageActions

    window = QWidget()
    qtbot.addWidget(window)
    actions = CommunePackageActions(window, workspace, reference, store, KeyFolder(folder),
                                    choose_save_path=save, choose_open_path=open_)
    script = Script()
    actions.exec_dialog = script
    return actions, script


# -- mail -------------------------------------------------------------------------------------

def _info(**changes) -> PackageInfo:
    fields = dict(uuid="0b4f3c52-8a55-4f4e-9d4e-1f1f0e3c2a10", commune_insee=LENS,
                  source_organization="Commune de Lens", contact_name="Jeanne Martin",
                  contact_email="jeanne.martin@lens.fr", bagging_date="2026-11-22",
                  created="2026-11-22T10:04:31+01:00", key_id="57A9BAA9A7CB3216",
                  proposal_count=3, software="qpvdesk 0.1")
    fields.update(changes)
    return PackageInfo(**fields)


def test_mailto_url_decodes_to_the_french_message():
    path = Path("/home/jeanne/Documents/lens_2026-11-22.qpvpkg")
    url = mailto_url(_info(), path, to="politique.ville@agglo-lenslievin.fr")
    assert url.isascii() and " " not in url and "\n" not in url
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "politique.ville@agglo-lenslievin.fr"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Propositions QPV — Commune de Lens — 22 novembre 2026"]
    body = query["body"][0]
    assert body == mail_body(_info(), path).replace("\n", "\r\n")
    assert mail_subject(_info()) == query["subject"][0]
    for expected in ("Jeanne Martin <jeanne.martin@lens.fr>", "Nombre de propositions : 3",
                     "Identifiant du paquet : 0b4f3c52-8a55-4f4e-9d4e-1f1f0e3c2a10",
                     "Clé de signature : 57A9\u00a0BAA9\u00a0A7CB\u00a03216",
                     "Fichier : lens_2026-11-22.qpvpkg",
                     "Le paquet est à joindre à ce message : lens_2026-11-22.qpvpkg (il se "
                     "trouve dans /home/jeanne/Documents).",
                     "22 novembre 2026 à 10 h 04", "clé publique"):
        assert expected in body, expected


def test_mailto_url_keeps_reserved_characters_inside_fields():
    info = _info(source_organization="Commune d'Hulluch & co", contact_name="A?B=C")
    body = parse_qs(urlsplit(mailto_url(info, Path("/tmp/x y/h&h.qpvpkg"))).query)["body"][0]
    assert "Commune d'Hulluch & co" in body and "A?B=C" in body and "h&h.qpvpkg" in body
    assert urlsplit(mailto_url(info, Path("/tmp/a.qpvpkg"))).path == ""


def test_readable_key_id():
    """One way of writing a key id everywhere: groups of four joined by no-break spaces, so a
    label never wraps inside an id; whatever spacing or case it is given."""
    grouped = "57A9\u00a0BAA9\u00a0A7CB\u00a03216"
    assert readable_key_id("57A9BAA9A7CB3216") == grouped
    assert readable_key_id("57a9 baa9 a7cb 3216") == grouped
    assert readable_key_id(grouped) == grouped
    assert readable_key_id(bytes.fromhex("1632CBA7A9BAA957")) == grouped   # minisign's order
    assert readable_key_id("") == "—"


# -- dialogs ----------------------------------------------------------------------------------

def test_export_dialog_requires_contact_email(qtbot, store):
    from qpvdesk.views.package.export_dialog import ExportPackageDialog

    dialog = ExportPackageDialog(None, store.list(), store.territory,
                                 Identity(commune_insee=LENS, contact_name="Jeanne Martin"))
    qtbot.addWidget(dialog)
    assert dialog.commune_combo.currentData() == LENS
    assert dialog.commune_combo.count() == 1 + len(store.territory.communes.codes)
    assert not dialog.ok_button.isEnabled()
    assert "e-mail" in dialog.reason_label.text()
    dialog.email_edit.setText("jeanne.martin")
    assert not dialog.ok_button.isEnabled()
    dialog.email_edit.setText("jeanne.martin@lens.fr")
    assert dialog.ok_button.isEnabled() and dialog.reason_label.isHidden()
    dialog.uncheck_all_button.click()
    assert not dialog.ok_button.isEnabled() and dialog.chosen_proposals() == []
    dialog.check_all_button.click()
    assert len(dialog.chosen_proposals()) == 2
    assert dialog.identity() == Identity(commune_insee=LENS, contact_name="Jeanne Martin",
                                         contact_email="jeanne.martin@lens.fr")


def test_create_key_dialog(qtbot):
    from qpvdesk.views.package.key_dialogs import CreateKeyDialog

    dialog = CreateKeyDialog(None, "Lens")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.confirm_edit.setText(PASSPHRASE + "x")
    assert not dialog.ok_button.isEnabled()
    assert "pas identiques" in dialog.reason_label.text()
    dialog.confirm_edit.setText(PASSPHRASE)
    assert dialog.ok_button.isEnabled() and dialog.passphrase() == PASSPHRASE
    dialog.no_passphrase_box.setChecked(True)
    assert not dialog.warning_label.isHidden() and dialog.ok_button.isEnabled()
    assert dialog.passphrase() is None
    dialog.confirm_edit.setText("")
    assert dialog.ok_button.isEnabled()


def test_key_info_dialog(qtbot, tmp_path):
    from qpvdesk.views.package.key_dialogs import KeyInfoDialog

    folder = KeyFolder(tmp_path / "cles")
    dialog = KeyInfoDialog(None, folder, LENS, "Lens")
    qtbot.addWidget(dialog)
    assert not dialog.create_button.isHidden() and dialog.export_button.isHidden()
    public = folder.create(LENS, PASSPHRASE, "Lens")
    dialog.refresh()
    assert dialog.create_button.isHidden() and not dialog.export_button.isHidden()
    assert dialog.key_id_label.text() == readable_key_id(public.key_id_hex)
    assert "protégée" in dialog.protected_label.text()


# -- the whole export -------------------------------------------------------------------------

def test_export_with_key_creation_is_verified_by_the_agglomeration(
        qtbot, tmp_path, workspace, reference, store, urls):
    from qpvdesk.models.package.trust import TrustStore
    from qpvdesk.models.package.verify import verify_package
    from qpvdesk.views.package.commune_actions import PackageWrittenDialog

    target = tmp_path / "envoi" / f"lens_{datetime.now():%Y-%m-%d}.qpvpkg"
    target.parent.mkdir()
    public_file = tmp_path / "envoi" / "lens.pub"
    save = choose(public_file, target)
    actions, script = make_actions(qtbot, workspace, reference, store, tmp_path / "cles",
                                   save=save)
    created = []

    def mail_then_close(dialog):
        assert isinstance(dialog, PackageWrittenDialog)
        dialog.mail_button.click()
        return QDialog.DialogCode.Accepted

    script.answers = [fill_export(), create_key(),
                      click("Exporter ma clé publique…", expect="est créée", log=created),
                      click("OK", expect="Envoyez ce fichier à l'agglomération"),
                      mail_then_close]
    written = run_export(qtbot, actions)
    assert written == target and target.is_file()
    assert not script.answers
    assert save.calls[1][1].endswith(target.name)       # default name from package_name
    assert load_identity(workspace).contact_email == "jeanne.martin@lens.fr"
    assert KeyFolder(tmp_path / "cles").is_protected(LENS)

    trust = TrustStore(tmp_path / "confiance")
    trust.add_file(public_file, LENS)
    report = verify_package(target, trust)
    assert report.ok, report.reason
    assert report.info.proposal_count == 2 and report.info.contact_name == "Jeanne Martin"
    assert readable_key_id(report.info.key_id) in created[0]

    mail = [url for url in urls if url.scheme() == "mailto"]
    assert len(mail) == 1
    encoded = mail[0].toEncoded().data().decode()
    assert target.name in encoded
    assert target.name in parse_qs(urlsplit(encoded).query)["body"][0]
    assert QUrl.fromLocalFile(str(target.parent)) in urls


def test_second_export_asks_the_passphrase(qtbot, tmp_path, workspace, reference, store,
                                           urls):
    folder = KeyFolder(tmp_path / "cles")
    folder.create(LENS, PASSPHRASE, "Lens")
    target = tmp_path / "lens.qpvpkg"
    actions, script = make_actions(qtbot, workspace, reference, store, folder.folder,
                                   save=choose(tmp_path / "lens"))   # suffix added
    script.answers = [fill_export(), type_passphrase("pas la bonne"),
                      type_passphrase(PASSPHRASE, expect_error="Phrase secrète incorrecte"),
                      lambda dialog: dialog.close_button.click() or 0]
    assert run_export(qtbot, actions) == target and target.is_file()


def test_wrong_passphrase_writes_nothing(qtbot, tmp_path, workspace, reference, store):
    folder = KeyFolder(tmp_path / "cles")
    folder.create(LENS, PASSPHRASE, "Lens")
    save = choose(tmp_path / "lens.qpvpkg")
    actions, script = make_actions(qtbot, workspace, reference, store, folder.folder,
                                   save=save)
    script.answers = [fill_export(), type_passphrase("faux 1"),
                      type_passphrase("faux 2", expect_error="Phrase secrète incorrecte"),
                      type_passphrase("faux 3", expect_error="Phrase secrète incorrecte"),
                      click("OK", expect="Phrase secrète incorrecte pour cette clé.")]
    assert actions.export_package() is None
    assert not script.answers and save.calls == []
    assert "aucun paquet" in script.seen[-1].text()
    assert list(tmp_path.glob("*.qpvpkg*")) == list(tmp_path.glob(".*.part")) == []


def test_cancel_during_export_leaves_no_file(qtbot, tmp_path, workspace, reference, store):
    folder = KeyFolder(tmp_path / "cles")
    folder.create(LENS, None, "Lens")
    out = tmp_path / "envoi"
    out.mkdir()
    actions, script = make_actions(qtbot, workspace, reference, store, folder.folder,
                                   save=choose(out / "lens.qpvpkg"))
    messages = []
    actions.message.connect(messages.append)
    held, release = threading.Event(), threading.Event()

    def hold_at_the_signature(percent, text):     # runs in the worker, which waits here
        if percent >= 85 and not held.is_set():
            held.set()
            release.wait(30)

    actions.export_started.connect(lambda task: task.progressed.connect(
        hold_at_the_signature, Qt.ConnectionType.DirectConnection))
    script.answers = [fill_export()]
    with qtbot.waitSignal(actions.export_finished, timeout=60000) as finished:
        assert actions.export_package() is not None
        qtbot.waitUntil(held.is_set, timeout=60000)
        cancel = actions.progress_dialog.findChild(QPushButton)
        assert cancel.text() == "Annuler"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        release.set()
    assert finished.args == [None]
    assert not script.answers                        # no error box
    assert list(out.iterdir()) == []
    assert messages == ["Export annulé : aucun fichier n'a été écrit."]
    assert actions.export_action.isEnabled() and actions.progress_dialog is None


def test_an_export_failing_in_its_thread_is_told_and_gives_the_window_back(
        qtbot, tmp_path, workspace, reference, store):
    folder = KeyFolder(tmp_path / "cles")
    folder.create(LENS, None, "Lens")
    gone = tmp_path / "clé USB retirée" / "lens.qpvpkg"      # its folder does not exist
    actions, script = make_actions(qtbot, workspace, reference, store, folder.folder,
                                   save=choose(gone))
    script.answers = [fill_export(), click("OK", expect="Aucun paquet n'a été écrit.")]
    assert run_export(qtbot, actions) is None
    assert not script.answers and "Dossier introuvable" in script.seen[-1].text()
    assert actions.export_action.isEnabled() and actions.key_action.isEnabled()
    assert actions.progress_dialog is None and not gone.parent.exists()


def test_export_runs_off_the_gui_thread_with_the_actions_disabled(
        qtbot, tmp_path, workspace, reference, store):
    folder = KeyFolder(tmp_path / "cles")
    folder.create(LENS, None, "Lens")
    target = tmp_path / "lens.qpvpkg"
    actions, script = make_actions(qtbot, workspace, reference, store, folder.folder,
                                   save=choose(target))
    window = actions.window
    other = QAction("Importer des propositions…", window)
    greyed = QAction("Rétablir", window)
    greyed.setEnabled(False)
    window.addActions([other, greyed])
    menu = QMenu("Fichier", window)
    menu.addAction(other)
    window.addAction(menu.menuAction())
    threads = {"sql": set(), "progress": set()}
    for conn in (workspace.conn, reference.conn):     # the GUI thread's connections
        conn.set_trace_callback(lambda _sql: threads["sql"].add(threading.get_ident()))
    during = []

    def look_at_the_window(percent, text):           # queued: runs on the GUI thread
        threads["progress"].add(threading.get_ident())
        during.append((actions.export_action.isEnabled(), actions.key_action.isEnabled(),
                       other.isEnabled(), greyed.isEnabled()))
        greyed.setEnabled(True)                       # e.g. an undo step appeared meanwhile

    actions.export_started.connect(lambda task: task.progressed.connect(look_at_the_window))
    script.answers = [fill_export(), lambda dialog: dialog.close_button.click() or 0]
    try:
        with qtbot.waitSignal(actions.export_finished, timeout=60000) as finished:
            task = actions.export_package()
            assert task is not None and task.running
            assert not (actions.export_action.isEnabled() or other.isEnabled())
    finally:
        for conn in (workspace.conn, reference.conn):
            conn.set_trace_callback(None)
    assert finished.args == [target] and target.is_file()
    assert during and set(during) == {(False, False, False, False)}
    assert threads["sql"] <= {threading.get_ident()} and threads["progress"] == {
        threading.get_ident()}
    assert actions.export_action.isEnabled() and actions.key_action.isEnabled()
    assert other.isEnabled() and greyed.isEnabled()   # the state asked for meanwhile
    assert menu.menuAction() in window.actions() and menu.actions() == [other]   # all there
    assert not script.answers


def test_key_actions_export_backup_restore(qtbot, tmp_path, workspace, reference, store):
    from qpvdesk.models.package.identity import save_identity

    save_identity(workspace, Identity(commune_insee=LENS))
    folder = KeyFolder(tmp_path / "cles")
    first = folder.create(LENS, PASSPHRASE, "Lens")
    backup = tmp_path / "usb" / "lens.key"
    backup.parent.mkdir()
    actions, script = make_actions(qtbot, workspace, reference, store, folder.folder,
                                   save=choose(tmp_path / "usb" / "lens.pub", backup),
                                   open_=choose(backup))
    script.answers = [click("OK", expect=readable_key_id(first.key_id_hex))]
    assert actions.export_public_key() == tmp_path / "usb" / "lens.pub"
    script.answers = [click("Choisir l'emplacement…", expect="lieu sûr"),
                      click("OK", expect="sauvegardée")]
    assert actions.backup_key() == backup

    # another key replaced the first one; restoring the backup asks before replacing it
    other = KeyFolder(tmp_path / "autres")
    other.create(LENS, None, "Lens")
    for name in ("62498.key", "62498.pub"):
        (folder.folder / name).write_bytes((other.folder / name).read_bytes())
    script.answers = [type_passphrase(PASSPHRASE),
                      click("Remplacer", expect=readable_key_id(first.key_id_hex)),
                      click("OK", expect="restaurée")]
    assert actions.restore_key() is True
    assert folder.public_key(LENS) == first
    assert len(list(folder.archive_folder.glob("*.key"))) == 1


def test_show_key_creates_a_key(qtbot, tmp_path, workspace, reference, store):
    from qpvdesk.views.package.key_dialogs import KeyInfoDialog

    actions, script = make_actions(qtbot, workspace, reference, store, tmp_path / "cles")

    def choose_commune_and_create(dialog):
        assert isinstance(dialog, KeyInfoDialog)
        assert not dialog.create_button.isEnabled()
        dialog.commune_combo.setCurrentIndex(dialog.commune_combo.findData(LENS))
        dialog.create_button.click()
        assert not dialog.export_button.isHidden()
        return 0

    script.answers = [choose_commune_and_create, create_key(), click("Plus tard")]
    actions.show_key()
    assert not script.answers
    assert load_identity(workspace).commune_insee == LENS
    assert KeyFolder(tmp_path / "cles").has_key(LENS)
    assert actions.export_action.shortcut().toString() == "Ctrl+Shift+E"


def test_reveal_names_the_folder_when_no_file_manager_answers(qtbot, workspace, reference,
                                                              tmp_path, monkeypatch):
    from qpvdesk.models.proposals import ProposalStore
    from qpvdesk.views.package import commune_actions

    actions, _ = make_actions(qtbot, workspace, reference, ProposalStore(workspace, reference),
                              tmp_path / "cles")
    warned = []
    monkeypatch.setattr(actions, "warn", lambda title, text: warned.append((title, text)))
    package = tmp_path / "envoi" / "lens_2026-11-22.qpvpkg"
    monkeypatch.setattr(commune_actions, "open_url", lambda url: True)
    assert actions.reveal(package) and warned == []
    monkeypatch.setattr(commune_actions, "open_url", lambda url: False)
    assert not actions.reveal(package)
    [(title, text)] = warned
    assert title == "Afficher dans le dossier"
    assert str(package.parent) in text and package.name in text


def test_no_mail_program_prints_nothing_personal(qtbot, capfd, qtlog):
    from qpvdesk.views.package.commune_actions import open_url

    url = QUrl.fromEncoded(mailto_url(_info(), Path("/tmp/lens.qpvpkg")).encode("ascii"))
    capfd.readouterr()
    assert open_url(url) is False             # offscreen: no program answers
    out, err = capfd.readouterr()
    for personal in ("Jeanne", "jeanne.martin", "Martin"):
        assert personal not in out and personal not in err
    assert not any("Jeanne" in record.message for record in qtlog.records)
    # stderr works again afterwards
    import sys
    print("encore là", file=sys.stderr)
    assert "encore là" in capfd.readouterr().err

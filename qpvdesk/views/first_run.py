"""« Bienvenue dans qpvdesk »: the short assistant shown at the first start.

Welcome: the agglomeration (the bundled database, or another EPCI found by name or SIREN and
built in the user's data folder with a progress bar) and who the user works for.
Commune: welcome → commune and contact → signing key → where the data is.
Agglomeration: welcome → the communes' keys → where the data is.
Nothing is saved before « Terminer » except the signing key, which is a file created on
demand; « Annuler » leaves the assistant to show again at the next start.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QButtonGroup, QComboBox, QDialog, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QVBoxLayout, QWidget, QWizard,
                               QWizardPage)

from ..models.first_run import backup_advice, data_locations, mark_done, needs_first_run
from ..models.package.agglomeration import (CALL_NAME, CALL_SIREN, Agglomeration,
                                            agglomeration_of)
from ..models.package.identity import (MODE_AGGLOMERATION, MODE_COMMUNE, Identity,
                                       load_identity, save_identity)
from ..models.package.keys import KeyFileError, KeyFolder
from ..models.package.mail import readable_key_id
from ..models.package.trust import TrustStore
from ..models.proposals.territory import Territory
from ..models.reference import ReferenceStore
from ..models.reference_choice import remember_reference
from ..models.search import french_order
from .i18n import translate
from .package.agglomeration_key_dialog import AgglomerationKeyBox
from .package.key_dialogs import ERROR_STYLE, HINT_STYLE, CreateKeyDialog, of_commune
from .epci_chooser import EpciChooser
from .file_dialogs import open_folder
from .formatting import font_size

PAGE_WELCOME, PAGE_COMMUNE, PAGE_KEY, PAGE_TRUST, PAGE_DATA = range(5)
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
SUCCESS_STYLE = "color: #14532d; background: #f0fdf4; border: 1px solid #86efac; " \
                "border-radius: 4px; padding: 8px;"
KEY_ID_STYLE = "font-family: monospace; {size}; font-weight: bold;"

RunWizard = Callable[[QWizard], int]


def _paragraph(text: str, style: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    return label


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setCursor(Qt.CursorShape.IBeamCursor)
    return label


def valid_email(text: str) -> bool:
    return bool(EMAIL_RE.match(text.strip()))


class WelcomePage(QWizardPage):
    def __init__(self, epci_name: str = "", data_folder: Path | None = None) -> None:
        super().__init__()
        self.setTitle(self.tr("Bienvenue dans qpvdesk"))
        self.setSubTitle(self.tr("Quelques questions pour préparer l'application. Cela prend une "
                                 "minute ; vous pourrez tout changer plus tard."))
        layout = QVBoxLayout(self)
        layout.addWidget(_paragraph(
            self.tr("qpvdesk vous aide à consulter les quartiers prioritaires (QPV) de "
                    "l'agglomération : cartes, chiffres clés et fiches par quartier.<br>"
                    "Les communes y dessinent leurs propositions de périmètre et les envoient "
                    "à l'agglomération dans un paquet signé.<br>"
                    "L'agglomération vérifie ces paquets et rassemble les propositions reçues."),
            rich=True))
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("<b>Pour qui travaillez-vous ?</b>")))
        self.commune_radio = QRadioButton(self.tr("Je travaille pour une commune"))
        self.agglomeration_radio = QRadioButton(
            self.tr("Je travaille pour l'agglomération (service Politique de la ville)"))
        self.group = QButtonGroup(self)
        for radio in (self.commune_radio, self.agglomeration_radio):
            self.group.addButton(radio)
            layout.addWidget(radio)
        self.commune_radio.setChecked(True)
        layout.addSpacing(8)
        layout.addWidget(self._agglomeration_box(epci_name, data_folder))
        layout.addStretch(1)

    def _agglomeration_box(self, epci_name: str, data_folder: Path | None) -> QGroupBox:
        """The agglomeration: the open database's (ready), or another EPCI built here."""
        box = QGroupBox(self.tr("Votre agglomération"))
        inner = QVBoxLayout(box)
        self.keep_radio = QRadioButton(self.tr("{name} (base prête)").format(name=epci_name))
        self.other_radio = QRadioButton(self.tr(
            "Une autre intercommunalité : sa base est préparée à partir des données nationales "
            "fournies avec qpvdesk"))
        self.epci_group = QButtonGroup(self)
        for radio in (self.keep_radio, self.other_radio):
            self.epci_group.addButton(radio)
            inner.addWidget(radio)
        self.keep_radio.setChecked(True)
        self.epci_chooser = EpciChooser(box, data_folder)
        self.epci_chooser.results.setMaximumHeight(110)
        self.epci_chooser.hide()
        inner.addWidget(self.epci_chooser)
        self.other_radio.toggled.connect(self._epci_choice_changed)
        self.epci_chooser.built.connect(self._epci_built)
        self.epci_chooser.busy_changed.connect(lambda _: self.completeChanged.emit())
        return box

    def _epci_built(self, _database) -> None:
        self.completeChanged.emit()
        # the chooser's widgets were disabled during the build and the focus went to
        # « Annuler »: Entry must now mean « Suivant »
        if self.wizard() is not None:
            self.wizard().button(QWizard.WizardButton.NextButton).setFocus()

    def _epci_choice_changed(self, other: bool) -> None:
        self.epci_chooser.setVisible(other)
        if other:
            self.epci_chooser.search_edit.setFocus()
        self.completeChanged.emit()

    @property
    def chosen_database(self) -> Path | None:
        """The database built for another EPCI; None: keep the open one."""
        return self.epci_chooser.database if self.other_radio.isChecked() else None

    def isComplete(self) -> bool:
        """The open database kept, or another one built (a build resets it until done)."""
        return self.keep_radio.isChecked() or self.epci_chooser.database is not None

    @property
    def mode(self) -> str:
        return MODE_AGGLOMERATION if self.agglomeration_radio.isChecked() else MODE_COMMUNE

    def nextId(self) -> int:
        return PAGE_TRUST if self.mode == MODE_AGGLOMERATION else PAGE_COMMUNE


class CommunePage(QWizardPage):
    def __init__(self, communes: list[tuple[str, str]]) -> None:
        super().__init__()
        self.setTitle(self.tr("Votre commune"))
        self.setSubTitle(self.tr("Ces informations sont écrites dans chaque paquet que vous "
                                 "envoyez, pour que l'agglomération sache qui contacter."))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.commune_combo = QComboBox()
        self.set_communes(communes)
        self.commune_combo.setMaxVisibleItems(20)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Prénom Nom"))
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText("prenom.nom@mairie-exemple.fr")
        form.addRow(self.tr("Commune :"), self.commune_combo)
        form.addRow(self.tr("Votre nom (facultatif) :"), self.name_edit)
        form.addRow(self.tr("Votre adresse e-mail (facultative) :"), self.email_edit)
        layout.addLayout(form)
        layout.addWidget(_paragraph(
            self.tr("Le nom et l'adresse e-mail peuvent être ajoutés plus tard ; ils seront "
                    "demandés au premier envoi d'un paquet."), HINT_STYLE))
        self.reason_label = _paragraph("", ERROR_STYLE)
        self.reason_label.hide()
        layout.addWidget(self.reason_label)
        layout.addStretch(1)
        self.commune_combo.currentIndexChanged.connect(self._changed)
        self.name_edit.textChanged.connect(self._changed)
        self.email_edit.textChanged.connect(self._changed)
        self._changed()

    def set_communes(self, communes: list[tuple[str, str]]) -> None:
        self.commune_combo.clear()
        self.commune_combo.addItem(self.tr("Choisissez votre commune…"), "")
        for code, name in sorted(communes, key=lambda pair: french_order(pair[1])):
            self.commune_combo.addItem(name, code)

    @property
    def commune_insee(self) -> str:
        return self.commune_combo.currentData() or ""

    @property
    def commune_name(self) -> str:
        return self.commune_combo.currentText() if self.commune_insee else ""

    def select_commune(self, insee: str) -> bool:
        index = self.commune_combo.findData(insee)
        if index >= 0:
            self.commune_combo.setCurrentIndex(index)
        return index >= 0

    def reason(self) -> str:
        """Why « Suivant » is disabled ('' when it is not)."""
        if not self.commune_insee:
            return self.tr("Choisissez votre commune dans la liste.")
        email = self.email_edit.text().strip()
        if email and not valid_email(email):
            return self.tr("L'adresse e-mail n'est pas complète "
                           "(exemple : prenom.nom@mairie.fr).")
        return ""

    def _changed(self) -> None:
        reason = self.reason()
        # A missing commune is a plain hint; a wrong e-mail is an error.
        self.reason_label.setText(reason)
        self.reason_label.setStyleSheet(ERROR_STYLE if self.commune_insee else HINT_STYLE)
        self.reason_label.setVisible(bool(reason))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.reason()

    def validatePage(self) -> bool:
        return self.isComplete()

    def nextId(self) -> int:
        return PAGE_KEY


class KeyPage(QWizardPage):
    """Create the commune's signing key now (reusing CreateKeyDialog's form), or later."""

    def __init__(self, key_folder: KeyFolder, commune_page: CommunePage) -> None:
        super().__init__()
        self.key_folder, self.commune_page = key_folder, commune_page
        self.setTitle(self.tr("Votre clé de signature"))
        self.setSubTitle(self.tr("La clé prouve à l'agglomération que les paquets viennent "
                                 "bien de votre commune. Vous pouvez la créer maintenant ou plus "
                                 "tard."))
        layout = QVBoxLayout(self)
        self.now_radio = QRadioButton(self.tr("Créer ma clé maintenant"))
        self.later_radio = QRadioButton(
            self.tr("Plus tard (menu « Ma clé de signature… », avant le premier envoi)"))
        self.choice = QButtonGroup(self)
        for radio in (self.now_radio, self.later_radio):
            self.choice.addButton(radio)
        for radio in (self.now_radio, self.later_radio):
            layout.addWidget(radio)
        layout.addSpacing(6)
        self.now_radio.setChecked(True)
        self.form_holder = QVBoxLayout()
        layout.addLayout(self.form_holder)
        self.form: CreateKeyDialog | None = None
        self.create_button = QPushButton(self.tr("Créer ma clé"))
        self.create_button.setMinimumWidth(180)
        button_row = QHBoxLayout()
        button_row.addWidget(self.create_button)
        self.create_hint = _paragraph(self.tr("Cliquez sur « Créer ma clé » ; vous pourrez "
                                              "ensuite continuer avec « Suivant »."), HINT_STYLE)
        button_row.addWidget(self.create_hint, 1)
        layout.addLayout(button_row)
        self.error_label = _paragraph("", ERROR_STYLE)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.result_box = QGroupBox(self.tr("Votre clé est prête"))
        result = QVBoxLayout(self.result_box)
        self.result_label = _paragraph("", SUCCESS_STYLE)
        result.addWidget(self.result_label)
        id_row = QHBoxLayout()
        id_row.addWidget(QLabel(self.tr("Identifiant de la clé :")))
        self.key_id_label = _selectable(QLabel())
        self.key_id_label.setStyleSheet(KEY_ID_STYLE.format(size=font_size(14)))
        id_row.addWidget(self.key_id_label)
        id_row.addStretch(1)
        result.addLayout(id_row)
        self.next_step_label = _paragraph("")
        result.addWidget(self.next_step_label)
        self.public_path_label = _selectable(_paragraph("", HINT_STYLE))
        result.addWidget(self.public_path_label)
        layout.addWidget(self.result_box)
        self.later_label = _paragraph(
            self.tr("D'accord. Vous pourrez créer votre clé à tout moment par le menu « Ma "
                    "clé de signature… » ; qpvdesk vous la proposera aussi au premier envoi "
                    "d'un paquet. Vous pouvez déjà consulter les cartes et dessiner des "
                    "propositions sans clé."))
        layout.addWidget(self.later_label)
        layout.addStretch(1)
        self.created_key_id = ""
        self._form_commune = None
        self.now_radio.toggled.connect(self._refresh)
        self.create_button.clicked.connect(self.create_key)

    # ------------------------------------------------------------------ state

    @property
    def insee(self) -> str:
        return self.commune_page.commune_insee

    def existing_key_id(self) -> str:
        """The id of the commune's key already in the key folder ('' if none)."""
        try:
            if self.insee and self.key_folder.has_key(self.insee):
                return self.key_folder.public_key(self.insee).key_id_hex
        except KeyFileError:
            return ""
        return ""

    def initializePage(self) -> None:
        name = self.commune_page.commune_name
        if self._form_commune != name:
            if self.form is not None:
                self.form_holder.removeWidget(self.form)
                self.form.deleteLater()
            self.form = CreateKeyDialog(self, name)
            self.form.setWindowFlags(Qt.WindowType.Widget)
            self.form.buttons.hide()
            self.form.layout().setContentsMargins(0, 0, 0, 0)
            self.form.setMinimumWidth(0)
            self.form.passphrase_edit.textChanged.connect(self._refresh)
            self.form.confirm_edit.textChanged.connect(self._refresh)
            self.form.no_passphrase_box.toggled.connect(self._refresh)
            self.form_holder.addWidget(self.form)
            self._form_commune = name
        self.error_label.hide()
        self._refresh()

    def _refresh(self) -> None:
        key_id = self.existing_key_id()
        has_key = bool(key_id)
        now = self.now_radio.isChecked()
        for radio in (self.now_radio, self.later_radio):
            radio.setVisible(not has_key)
        if self.form is not None:
            self.form.setVisible(now and not has_key)
            self.create_button.setEnabled(not self.form.reason())
        self.create_button.setVisible(now and not has_key)
        self.create_hint.setVisible(now and not has_key)
        self.later_label.setVisible(not now and not has_key)
        self.result_box.setVisible(has_key)
        if has_key:
            commune = self.commune_page.commune_name
            if key_id == self.created_key_id:
                text = self.tr("La clé de signature {of_commune} est créée.")
            else:
                text = self.tr("La clé de signature {of_commune} est déjà présente sur cet "
                               "ordinateur.")
            self.result_label.setText(text.format(of_commune=of_commune(commune),
                                                  commune=commune))
            self.key_id_label.setText(readable_key_id(key_id))
            self.next_step_label.setText(
                self.tr("Prochaine étape : envoyez une seule fois votre clé publique à "
                        "l'agglomération (menu « Ma clé de signature… », « Exporter ma "
                        "clé publique… »), et dites-lui cet identifiant par téléphone pour "
                        "qu'elle vérifie que la clé reçue est bien la vôtre."))
            self.public_path_label.setText(
                self.tr("Fichier de la clé publique : {path}")
                .format(path=self.key_folder.public_path(self.insee)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.existing_key_id()) or self.later_radio.isChecked()

    def validatePage(self) -> bool:
        return self.isComplete()

    def nextId(self) -> int:
        return PAGE_DATA

    # ------------------------------------------------------------------ action

    def create_key(self) -> bool:
        if self.form is None or self.form.reason() or not self.insee:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            public = self.key_folder.create(self.insee, self.form.passphrase(),
                                            self.commune_page.commune_name)
        except KeyFileError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.created_key_id = public.key_id_hex
        self.form.passphrase_edit.clear()
        self.form.confirm_edit.clear()
        self.error_label.hide()
        self._refresh()
        return True


class TrustPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Les clés des communes"))
        self.setSubTitle(self.tr("Pour vérifier qu'un paquet vient bien de la commune qui l'a "
                                 "signé."))
        layout = QVBoxLayout(self)
        for text in (
            self.tr("Chaque commune possède une clé de signature. Elle l'utilise pour signer "
                    "les paquets de propositions qu'elle vous envoie."),
            self.tr("Une fois, chaque commune vous envoie sa clé publique (un petit fichier « "
                    ".pub ») et vous dicte par téléphone son identifiant, par exemple « 57A9 "
                    "BAA9 A7CB 3216 ». Vous l'ajoutez par le menu « Clés des communes… » en "
                    "vérifiant que l'identifiant affiché est le même."),
            self.tr("Ensuite, « Ouvrir un paquet reçu… » vérifie chaque paquet : qpvdesk "
                    "refuse un paquet signé par une clé inconnue ou modifié en route."),
            self.tr("Vous n'avez rien à faire maintenant : ajoutez les clés quand les communes "
                    "vous les envoient.")):
            layout.addWidget(_paragraph(text))
            layout.addSpacing(4)
        layout.addStretch(1)

    def nextId(self) -> int:
        return PAGE_DATA


class DataPage(QWizardPage):
    def __init__(self, locations: list[tuple[str, Path]], advice: str) -> None:
        super().__init__()
        self.setTitle(self.tr("Où sont vos données"))
        self.setSubTitle(self.tr("Tout reste sur cet ordinateur. Voici où, pour pouvoir les "
                                 "sauvegarder."))
        self.locations = locations
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(8)
        self.path_labels: list[QLabel] = []
        self.rows: list[tuple[QLabel, QLabel]] = []
        for row, (label, path) in enumerate(locations[:-1]):   # the last is in the advice
            title = _paragraph(label)
            title.setMinimumWidth(220)
            grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            path_label = _selectable(_paragraph(str(path)))
            path_label.setStyleSheet("font-family: monospace;")
            grid.addWidget(path_label, row, 1, Qt.AlignmentFlag.AlignTop)
            self.path_labels.append(path_label)
            self.rows.append((title, path_label))
        layout.addLayout(grid)
        layout.addSpacing(8)
        self.advice_label = _selectable(_paragraph(advice, SUCCESS_STYLE))
        layout.addWidget(self.advice_label)
        self.open_button = QPushButton(self.tr("Ouvrir le dossier de qpvdesk"))
        self.open_button.setToolTip(
            self.tr("Affiche le dossier de qpvdesk dans l'explorateur de fichiers"))
        self.open_button.clicked.connect(self.open_folder)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def initializePage(self) -> None:
        """Only what concerns the user: a commune has no communes' keys, and the reverse."""
        mode = self.wizard().welcome_page.mode if self.wizard() else MODE_COMMUNE
        hidden = 2 if mode == MODE_COMMUNE else 1
        for index, (title, path_label) in enumerate(self.rows):
            title.setVisible(index != hidden)
            path_label.setVisible(index != hidden)

    def open_folder(self) -> None:
        folder = self.locations[-1][1]
        folder.mkdir(parents=True, exist_ok=True)
        open_folder(self, folder)   # says where the folder is when no file manager answers


class FirstRunWizard(QWizard):
    """The first-start assistant; saves the identity and marks the first run done on
    « Terminer » only."""

    def __init__(self, parent: QWidget | None, workspace, reference,
                 key_folder: KeyFolder | None = None, trust_folder: Path | None = None,
                 data_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.key_folder = key_folder or KeyFolder.default()
        territory = reference if isinstance(reference, Territory) else Territory(reference)
        communes = list(zip(territory.communes.codes, territory.communes.names))
        self.setWindowTitle(self.tr("Bienvenue dans qpvdesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        for button, text in ((QWizard.WizardButton.NextButton, self.tr("Suivant")),
                             (QWizard.WizardButton.BackButton, self.tr("Précédent")),
                             (QWizard.WizardButton.FinishButton, self.tr("Terminer")),
                             (QWizard.WizardButton.CancelButton, self.tr("Annuler")),
                             (QWizard.WizardButton.CommitButton, self.tr("Valider")),
                             (QWizard.WizardButton.HelpButton, self.tr("Aide"))):
            self.setButtonText(button, text)
        self.setMinimumSize(760, 560)

        self.welcome_page = WelcomePage(reference_epci_name(reference), data_folder)
        self.commune_page = CommunePage(communes)
        self.welcome_page.epci_chooser.built.connect(self._epci_built)
        self.key_page = KeyPage(self.key_folder, self.commune_page)
        self._launch_agglomeration = _agglomeration(reference)
        self._trust_folder = trust_folder
        self.agglomeration_key_box = _agglomeration_key_box(self._launch_agglomeration,
                                                            trust_folder)
        self.key_page.layout().insertWidget(self.key_page.layout().count() - 1,
                                            self.agglomeration_key_box)
        self.trust_page = TrustPage()
        locations = data_locations(getattr(workspace, "path", None), self.key_folder.folder,
                                   trust_folder)
        self.data_page = DataPage(locations, backup_advice(
            getattr(workspace, "path", None), self.key_folder.folder, trust_folder))
        for page_id, page in ((PAGE_WELCOME, self.welcome_page),
                              (PAGE_COMMUNE, self.commune_page),
                              (PAGE_KEY, self.key_page), (PAGE_TRUST, self.trust_page),
                              (PAGE_DATA, self.data_page)):
            self.setPage(page_id, page)
        self.setStartId(PAGE_WELCOME)
        self._prefill(load_identity(workspace))
        self.currentIdChanged.connect(self._page_shown)

    def _page_shown(self, page_id: int) -> None:
        """The key page names the agglomeration chosen on the welcome page: the open
        database's, or the one built for another EPCI (its key goes to its own folder)."""
        if page_id != PAGE_KEY:
            return
        wanted = self._launch_agglomeration
        if self.chosen_database is not None:
            store = ReferenceStore(self.chosen_database)
            try:
                wanted = agglomeration_of(store)
            finally:
                store.close()
        if wanted.siren == self.agglomeration_key_box.siren:
            return
        old, layout = self.agglomeration_key_box, self.key_page.layout()
        index = layout.indexOf(old)
        layout.removeWidget(old)
        old.hide()
        old.deleteLater()
        self.agglomeration_key_box = _agglomeration_key_box(wanted, self._trust_folder)
        layout.insertWidget(index, self.agglomeration_key_box)
        self.agglomeration_key_box.show()     # added to a page already shown

    def _epci_built(self, database: Path) -> None:
        """The communes of the new agglomeration replace those of the open database."""
        store = ReferenceStore(database)
        try:
            territory = Territory(store)
            self.commune_page.set_communes(list(zip(territory.communes.codes,
                                                    territory.communes.names)))
        finally:
            store.close()

    @property
    def chosen_database(self) -> Path | None:
        return self.welcome_page.chosen_database

    def _prefill(self, identity: Identity) -> None:
        """A cancelled assistant, or an identity set before: start from what is known."""
        if identity.mode == MODE_AGGLOMERATION:
            self.welcome_page.agglomeration_radio.setChecked(True)
        if identity.commune_insee:
            self.commune_page.select_commune(identity.commune_insee)
        self.commune_page.name_edit.setText(identity.contact_name)
        self.commune_page.email_edit.setText(identity.contact_email)

    def identity(self) -> Identity:
        """What the assistant will save."""
        previous = load_identity(self.workspace)
        if self.welcome_page.mode == MODE_AGGLOMERATION:
            return Identity(MODE_AGGLOMERATION, previous.commune_insee,
                            previous.contact_name, previous.contact_email)
        return Identity(MODE_COMMUNE, self.commune_page.commune_insee,
                        self.commune_page.name_edit.text().strip(),
                        self.commune_page.email_edit.text().strip())

    def accept(self) -> None:
        save_identity(self.workspace, self.identity())
        if self.chosen_database is not None:
            remember_reference(self.workspace, self.chosen_database)
        mark_done(self.workspace)
        super().accept()

    def reject(self) -> None:
        """Annuler during a build cancels it first: nothing half-written is left."""
        chooser = self.welcome_page.epci_chooser
        if chooser.task is not None:
            chooser.cancel()
            chooser.task.finished.connect(super().reject)
            return
        super().reject()


def reference_epci_name(reference) -> str:
    """The open database's EPCI (« CA de Lens-Liévin »); a bare Territory has none."""
    return reference.epci_identity().name if hasattr(reference, "epci_identity") else ""


def _agglomeration(reference) -> Agglomeration:
    """The open database's agglomeration; the CALL for a bare Territory."""
    return (agglomeration_of(reference) if hasattr(reference, "metadata")
            else Agglomeration(CALL_SIREN, CALL_NAME))


def _agglomeration_key_box(agglomeration: Agglomeration,
                           trust_folder: Path | None) -> AgglomerationKeyBox:
    """On the commune's key page: the agglomeration's key, to verify its responses (it can
    also be installed later, « Clé de l'agglomération… »)."""
    from ..paths import epci_trust_folder

    store = TrustStore(trust_folder or epci_trust_folder(agglomeration.siren))
    box = AgglomerationKeyBox(store, agglomeration.siren, agglomeration.name)
    box.setTitle(translate("first_run", "La clé de l'agglomération (pour vérifier ses "
                                        "réponses ; facultatif, aussi plus tard)"))
    return box


def _exec(wizard: QWizard) -> int:
    return wizard.exec()


def maybe_run_first_run(parent: QWidget | None, workspace, reference,
                        key_folder: KeyFolder | None = None,
                        run: RunWizard | None = None) -> bool:
    """Show the assistant if it has never been finished; True when it was shown and
    finished (the identity may have changed), False otherwise."""
    if not needs_first_run(workspace):
        return False
    wizard = FirstRunWizard(parent, workspace, reference, key_folder)
    try:
        return (run or _exec)(wizard) == QDialog.DialogCode.Accepted
    finally:
        wizard.deleteLater()

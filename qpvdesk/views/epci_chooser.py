"""Choose an agglomeration (EPCI) by name or SIREN and build its reference database, with a
progress bar, off the GUI thread. Used by the first-run assistant and by « Fichier > Changer
d'agglomération… »."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QProgressBar, QPushButton,
                               QVBoxLayout, QWidget)

from ..models.build.epci_search import EpciMatch, search_epci
from ..models.frenchnum import format_french_number
from ..models.reference_choice import BuildCancelled, build_epci_reference
from .tasks import Task

ERROR_STYLE = "color: #7f1d1d;"


def epci_line(epci: EpciMatch) -> str:
    """« Métropole Européenne de Lille — SIREN 200093201 — 95 communes, 26 QPV »."""
    return (f"{epci.name} — SIREN {epci.siren} — {format_french_number(epci.communes, 0)} "
            f"communes, {epci.qpv} QPV")


class EpciChooser(QWidget):
    """A search field, the matching EPCI, « Préparer la base » and its progress bar.
    ``built`` carries the path of the new database; nothing else is changed."""

    built = Signal(object)          # Path of the database, once complete
    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, data_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.data_folder = data_folder
        self.task: Task | None = None
        self.database: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Nom ou SIREN de l'intercommunalité "
                                                    "(ex. : Grand Avignon, 200093201)"))
        self.search_edit.setAccessibleName(self.tr("Rechercher une intercommunalité"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Intercommunalités trouvées"))
        self.build_button = QPushButton(self.tr("Préparer la base de cette agglomération"))
        self.build_button.setEnabled(False)
        self.build_button.setAutoDefault(False)   # Enter is the dialog's « Suivant »
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        for widget in (self.search_edit, self.results, self.build_button, self.progress,
                       self.status):
            layout.addWidget(widget)
        self.search_edit.textChanged.connect(self.search)
        self.results.currentItemChanged.connect(
            lambda *_: self.build_button.setEnabled(self.selected() is not None
                                                    and self.task is None))
        self.results.itemDoubleClicked.connect(lambda _: self.build())
        self.build_button.clicked.connect(self.build)

    def search(self, text: str) -> list[EpciMatch]:
        self.results.clear()
        found = search_epci(text)
        for epci in found:
            item = QListWidgetItem(epci_line(epci))
            item.setData(Qt.ItemDataRole.UserRole, epci)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        elif text.strip():
            self._say(self.tr("Aucune intercommunalité ne correspond à « {text} »."
                              ).format(text=text.strip()), error=True)
            return found
        self._say("")
        return found

    def selected(self) -> EpciMatch | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def build(self) -> Task | None:
        """Build the selected EPCI's database off the GUI thread; None when nothing is
        selected or a build is under way."""
        epci = self.selected()
        if epci is None or self.task is not None:
            return None
        self.database = None
        folder = self.data_folder
        task = Task(lambda progress: build_epci_reference(epci.siren, progress, folder), self)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._built)
        task.failed.connect(self._failed)
        task.finished.connect(self._ended)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(task.stop)
        self.task = task
        self.progress.setValue(0)
        self.progress.show()
        self._set_busy(True)
        self._say(self.tr("Préparation de la base de {name}…").format(name=epci.name))
        task.start()
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progressed(self, percent: int, step: str) -> None:
        self.progress.setValue(percent)
        self.progress.setFormat(f"%p % — {step}")

    def _built(self, path: Path) -> None:
        self.database = Path(path)
        self.progress.setValue(100)
        epci = self.selected()
        self._say(self.tr("Base prête : {name}.").format(name=epci.name if epci else path.name))
        self.built.emit(self.database)

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        if isinstance(error, BuildCancelled):
            self._say(self.tr("Préparation annulée : rien n'a été écrit."))
        elif isinstance(error, (LookupError, ValueError, OSError)):
            self._say(self.tr("La base n'a pas pu être préparée : {error} Rien n'a été "
                              "écrit.").format(error=str(error).rstrip(".") + "."), error=True)
        else:
            raise error        # a defect: the application's error handler reports it

    def _ended(self) -> None:
        task, self.task = self.task, None
        if task is not None:
            task.deleteLater()
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.search_edit.setEnabled(not busy)
        self.results.setEnabled(not busy)
        self.build_button.setEnabled(not busy and self.selected() is not None)
        self.busy_changed.emit(busy)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")


class ChangeAgglomerationDialog(QDialog):
    """« Changer d'agglomération » : choose, build, then open (``database`` once accepted)."""

    def __init__(self, parent: QWidget | None, current_name: str,
                 data_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changer d'agglomération"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Base ouverte : {name}. Cherchez une autre intercommunalité par son nom ou son "
            "SIREN : sa base est préparée dans votre dossier de données à partir des données "
            "nationales fournies avec qpvdesk (quelques secondes), puis ouverte.").format(
                name=current_name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.chooser = EpciChooser(self, data_folder)
        layout.addWidget(self.chooser)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.chooser.built.connect(lambda _: self.accept())

    @property
    def database(self) -> Path | None:
        return self.chooser.database

    def reject(self) -> None:
        """Annuler during a build cancels it (nothing is written), then closes."""
        if self.chooser.task is not None:
            self.chooser.cancel()
            self.chooser.task.finished.connect(super().reject)
            return
        super().reject()

"""The reference database's actions of the Fichier menu: import the QPV perimeters from ANCT's
national file, and change of agglomeration. Both end by asking the application to open a
database (``reference_chosen``): the same one, now with its perimeters, or another one."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from .file_dialogs import open_path
from .tasks import Task

PERIMETER_FILTERS = ("Périmètres des QPV 2024 (*.geojson *.json *.gpkg *.shp);;"
                     "Tous les fichiers (*)")


class ReferenceActions(QObject):
    reference_chosen = Signal(object)     # Path of the database to open
    message = Signal(str)

    def __init__(self, window: QWidget, reference) -> None:
        super().__init__(window)
        self.window = window
        self.reference = reference
        self.task: Task | None = None

    def import_perimeters(self, file: str | None = None) -> Task | None:
        """Ask for ANCT's « QP2024 » file, then add its perimeters to the open database off
        the GUI thread (a copy is changed, then renamed over it); refusals in French."""
        if file is None:
            file = open_path(self.window, self.tr("Importer les périmètres des QPV (fichier "
                                                  "national de l'ANCT)"),
                             self.tr(PERIMETER_FILTERS))
            if not file:
                return None
        if self.task is not None:
            return None
        from ..models.build.perimeters import import_perimeters   # geopandas: on use

        database = Path(self.reference.path)
        task = Task(lambda progress: import_perimeters(database, file), self)
        task.succeeded.connect(lambda report: self._imported(database, report))
        task.failed.connect(self._refused)
        task.finished.connect(self._ended)
        QApplication.instance().aboutToQuit.connect(task.stop)
        self.task = task
        self.message.emit(self.tr("Import des périmètres depuis {file}…").format(
            file=Path(file).name))
        task.start()
        return task

    def _imported(self, database: Path, report) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Périmètres importés"),
                          report.summary(), QMessageBox.StandardButton.Ok, self.window)
        box.open()
        self.message.emit(report.summary())
        self.reference_chosen.emit(database)

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, (ValueError, OSError)):
            raise error           # a defect: the application's error handler reports it
        text = str(error)
        if isinstance(error, OSError):
            text = self.tr("La base de référence n'a pas pu être modifiée ({error}) : copiez-la "
                           "dans un dossier où vous pouvez écrire, ou changez d'agglomération "
                           "(Fichier > Changer d'agglomération…).").format(error=error)
        QMessageBox.warning(self.window, self.tr("Import des périmètres refusé"),
                            self.tr("{error}\nLa base de référence n'a pas été modifiée."
                                    ).format(error=text))

    def _ended(self) -> None:
        task, self.task = self.task, None
        if task is not None:
            task.deleteLater()

    def change_agglomeration(self, run=None) -> Path | None:
        """Choose and build another EPCI's database, then ask to open it; None if cancelled.
        ``run`` replaces the dialog's exec() in tests."""
        from .epci_chooser import ChangeAgglomerationDialog

        dialog = ChangeAgglomerationDialog(self.window, self.reference.epci_identity().name)
        try:
            accepted = (run or (lambda d: d.exec()))(dialog) == QDialog.DialogCode.Accepted
            database = dialog.database if accepted else None
        finally:
            dialog.deleteLater()
        if database is not None:
            self.reference_chosen.emit(database)
        return database

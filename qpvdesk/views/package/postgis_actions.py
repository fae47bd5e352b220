"""Agglomération › Publier dans PostGIS… and › Récupérer depuis PostGIS…: ask for the
connection, run the publish or the pull as a background Task (its own workspace connection),
then say what happened in one French sentence. The connection is remembered in the workspace,
never the password; a server that wants a password gets the dialog again, with why."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

from ...models.database_problems import DatabaseProblem
from ...models.package.communes import commune_names_in_file
from ...models.package.identity import load_identity
from ...models.postgis import (PasswordNeeded, PostgisProblem, publish, pull,
                               remember_connection, remembered_connection)
from ...models.postgis.connection import build, fields
from ...models.workspace import Workspace
from ..tasks import ActionLock, Task
from .postgis_dialog import PostgisConnectionDialog

PUBLISH, PULL = "publish", "pull"


def postgis_work(kind: str, workspace_path: Path, dsn: str, password: str | None, agent: str,
                 reference_path: Path | None):
    """The publish or pull as a task's work, on its own connection to the workspace (the GUI
    thread's is never used from two threads)."""
    def work(progress):
        workspace = Workspace(workspace_path, backups=False)
        try:
            if kind == PUBLISH:
                return publish(workspace, dsn, password, agent)
            names = commune_names_in_file(reference_path) if reference_path else {}
            return pull(workspace, dsn, password, names)
        finally:
            workspace.close()
    return work


class PostgisActions(QObject):
    message = Signal(str)        # French, for the status bar
    finished = Signal(object)    # the outcome, or None (cancelled, refused, failed)

    def __init__(self, window: QWidget, workspace, reference=None, on_pulled=None) -> None:
        super().__init__(window)
        self.window, self.workspace, self.reference = window, workspace, reference
        self.on_pulled = on_pulled
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self._lock: ActionLock | None = None
        self.publish_action = QAction(self.tr("Publier dans PostGIS…"), self)
        self.publish_action.setStatusTip(self.tr(
            "Écrire les propositions consolidées, leur provenance et les décisions dans la base "
            "PostgreSQL + PostGIS de l'agglomération"))
        self.publish_action.triggered.connect(lambda: self.start(PUBLISH))
        self.pull_action = QAction(self.tr("Récupérer depuis PostGIS…"), self)
        self.pull_action.setStatusTip(self.tr(
            "Ajouter à cet espace de travail les paquets et les décisions publiés par vos "
            "collègues"))
        self.pull_action.triggered.connect(lambda: self.start(PULL))

    @property
    def actions(self) -> list[QAction]:
        return [self.publish_action, self.pull_action]

    # -- what a test answers -----------------------------------------------------------------
    def run_dialog(self, dialog: QDialog) -> int:
        return dialog.exec()

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.window, title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    # -- the texts ---------------------------------------------------------------------------
    def title(self, kind: str) -> str:
        return self.tr("Publier dans PostGIS") if kind == PUBLISH else \
            self.tr("Récupérer depuis PostGIS")

    def _explanation(self, kind: str) -> str:
        if kind == PUBLISH:
            return self.tr("Les propositions reçues des communes, leur provenance (paquet, clé, "
                           "commune, date de réception) et les décisions de l'agglomération "
                           "sont écrites dans le schéma « qpvdesk » de la base PostgreSQL + "
                           "PostGIS, en une seule fois : tout ou rien. Les couches s'ouvrent "
                           "dans QGIS avec leurs styles.")
        return self.tr("Les paquets reçus et les décisions prises par vos collègues, publiés "
                       "dans la base, sont ajoutés à cet espace de travail en une seule fois. "
                       "Rien n'y est effacé ni remplacé.")

    # -- running -----------------------------------------------------------------------------
    def start(self, kind: str, problem: str = "", remembered: dict | None = None
              ) -> Task | None:
        """Ask for the connection, then run; the running Task, None when nothing started."""
        if self.task is not None:
            return None
        known = remembered if remembered is not None else fields(
            remembered_connection(self.workspace))
        dialog = PostgisConnectionDialog(
            self.window, self.title(kind), self._explanation(kind),
            self.tr("Publier") if kind == PUBLISH else self.tr("Récupérer"), known, problem)
        self.dialog = dialog
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.connection_fields()
        try:
            dsn = build(**chosen)
        except PostgisProblem as error:
            self.warn(self.title(kind), str(error))
            return None
        agent = load_identity(self.workspace).contact_name
        reference_path = getattr(self.reference, "path", None)
        task = Task(postgis_work(kind, self.workspace.path, dsn, dialog.password(), agent,
                                 reference_path), self)
        task.succeeded.connect(lambda outcome: self._succeeded(kind, dsn, outcome))
        task.failed.connect(lambda error: self._failed(kind, error, chosen))
        task.finished.connect(task.deleteLater)
        QApplication.instance().aboutToQuit.connect(task.stop)
        self.progress = QProgressDialog(
            self.tr("Publication dans PostGIS en cours…") if kind == PUBLISH
            else self.tr("Récupération depuis PostGIS en cours…"), None, 0, 0, self.window)
        self.progress.setWindowTitle(self.title(kind))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.show()
        self._lock = ActionLock(self.window)
        self.task = task
        task.start()
        return task

    def _end(self) -> None:
        self.task = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _succeeded(self, kind: str, dsn: str, outcome) -> None:
        self._end()
        try:
            remember_connection(self.workspace, dsn)
        except DatabaseProblem as error:   # the work is done; only the memory failed
            self.message.emit(str(error))
        summary = outcome.summary()
        if kind == PULL and outcome.changed and self.on_pulled is not None:
            self.on_pulled()
        self.message.emit(summary)
        self.inform(self.title(kind), summary)
        self.finished.emit(outcome)

    def _failed(self, kind: str, error: BaseException, chosen: dict[str, str]) -> None:
        self._end()
        if isinstance(error, PasswordNeeded):   # ask again, saying why
            if self.start(kind, str(error), chosen) is None:
                self.finished.emit(None)
            return
        if not isinstance(error, (PostgisProblem, DatabaseProblem)):
            self.finished.emit(None)
            raise error                 # a defect: the application's error handler logs it
        self.warn(self.title(kind), str(error))
        self.finished.emit(None)

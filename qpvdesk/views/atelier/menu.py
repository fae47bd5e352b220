"""The Atelier menu of the main window. Light on purpose (the main window builds it at
start-up): the workshop window, its dialogs and PDF writers are imported when used."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox


class AtelierMenu(QObject):
    def __init__(self, window, workspace, reference, proposals, map_controller) -> None:
        super().__init__(window)
        self.window, self.workspace, self.reference = window, workspace, reference
        self.proposals, self.map = proposals, map_controller
        menu = window.menuBar().addMenu(self.tr("A&telier"))
        self.new_action = QAction(self.tr("&Nouvel atelier…"), self)
        self.new_action.setStatusTip(self.tr("Les habitants dessinent leur quartier vécu, en "
                                             "plein écran, à la souris ou au doigt"))
        self.new_action.triggered.connect(self.new_workshop)
        self.resume_action = QAction(self.tr("&Reprendre un atelier…"), self)
        self.resume_action.triggered.connect(self.resume_workshop)
        self.paper_action = QAction(self.tr("&Carte papier pour un atelier…"), self)
        self.paper_action.setStatusTip(self.tr("Une carte à imprimer en A3 ou A4, à "
                                               "l'échelle, avec un quadrillage"))
        self.paper_action.triggered.connect(self.paper_map)
        for action in (self.new_action, self.resume_action, self.paper_action):
            menu.addAction(action)

    def _store(self):
        from ...models.atelier.store import AtelierStore

        return AtelierStore(self.workspace, [qpv.code for qpv in self.reference.qpv_list()])

    def new_workshop(self):
        from .dialogs import NewWorkshopDialog
        from ...models.atelier.workshop import InvalidContribution
        from ...models.database_problems import DatabaseProblem

        dialog = NewWorkshopDialog(self.reference.qpv_list(), self.window.focused_qpv(),
                                   self.window)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return None
        try:
            workshop = self._store().create(**dialog.values())
        except (InvalidContribution, DatabaseProblem) as exc:
            QMessageBox.warning(self.window, self.tr("Atelier non créé"), str(exc))
            return None
        return self.open_workshop(workshop.uuid)

    def resume_workshop(self):
        from .dialogs import ResumeWorkshopDialog

        workshops = self._store().workshops()
        if not workshops:
            QMessageBox.information(self.window, self.tr("Reprendre un atelier"),
                                    self.tr("Aucun atelier n'est enregistré : commencez-en un "
                                            "avec « Nouvel atelier… »."))
            return None
        names = {qpv.code: qpv.name for qpv in self.reference.qpv_list()}
        dialog = ResumeWorkshopDialog(workshops, names, self.window)
        if dialog.exec() != dialog.DialogCode.Accepted or dialog.chosen() is None:
            return None
        return self.open_workshop(dialog.chosen())

    def open_workshop(self, uuid: str, full_screen: bool = True):
        from .workshop_window import WorkshopContext, WorkshopWindow

        context = WorkshopContext(self.reference, self._store(), self.proposals.store,
                                  self.map.composer.layers, self.map.state.basemap_path)
        window = WorkshopWindow(context, uuid, self.window)
        window.proposal_created.connect(lambda _proposal: self.proposals.refresh())
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        if full_screen:
            window.showFullScreen()
        else:
            window.show()
        return window

    def paper_map(self):
        from .dialogs import PaperMapDialog
        from ..file_dialogs import save_path

        dialog = PaperMapDialog(self.reference.qpv_list(), self.window.focused_qpv(),
                                self.window)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return None
        code, sheet = dialog.values()
        path = save_path(self.window, self.tr("Enregistrer la carte papier"),
                         f"carte_atelier_{code}_{sheet}.pdf", self.tr("PDF (*.pdf)"))
        if not path:
            return None
        from ...models.frenchnum import format_french_number
        from ...render.atelier_paper import write_paper_map

        try:
            layout = write_paper_map(self.reference, code, path, sheet)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self.window, self.tr("Carte non enregistrée"), str(exc))
            return None
        self.window.statusBar().showMessage(self.tr(
            "Carte papier enregistrée ({sheet}, échelle 1:{scale}) : {path}").format(
            sheet=sheet, scale=format_french_number(layout.scale, 0), path=path), 10_000)
        return path

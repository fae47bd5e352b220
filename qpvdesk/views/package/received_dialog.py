"""What the agglomeration has received from the communes: the current version of every
proposal with its latest decision (filter, summary per commune, « Décider… », « Répondre… »),
the packages, and the consolidated GeoPackage export for QGIS."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
                               QLabel, QMessageBox, QPushButton, QTableView,
                               QTabWidget, QVBoxLayout, QWidget)

from ...models.decisions import RECUE, DecisionStore
from ...models.decisions_vocabulary import DECISIONS
from ...models.package.communes import territory_names
from ...models.proposals.vocabulary import KINDS
from ...models.search import french_order
from ..i18n import translate
from ..model_texts import model_text
from .verify_dialog import (EMPTY, ListModel, commune_label, commune_name, fit_columns,
                            french_datetime, paragraph, prepare_table, qpv_name)
from ..file_dialogs import save_path

# (title, suggested file name, file filter) -> chosen path or None.
ChooseSavePath = Callable[[str, str, str], "str | None"]
GEOPACKAGE_FILTER = "GeoPackage (*.gpkg)"
PROPOSAL_HEADERS = (QT_TRANSLATE_NOOP("RowsTableModel", "Commune"),
                    QT_TRANSLATE_NOOP("RowsTableModel", "Type"),
                    QT_TRANSLATE_NOOP("RowsTableModel", "Titre"),
                    QT_TRANSLATE_NOOP("RowsTableModel", "QPV"),
                    QT_TRANSLATE_NOOP("RowsTableModel", "Décision"),
                    QT_TRANSLATE_NOOP("RowsTableModel", "Reçu le"),
                    QT_TRANSLATE_NOOP("RowsTableModel", "Paquet"))
PACKAGE_HEADERS = (QT_TRANSLATE_NOOP("RowsTableModel", "Reçu le"),
                   QT_TRANSLATE_NOOP("RowsTableModel", "Commune"),
                   QT_TRANSLATE_NOOP("RowsTableModel", "Organisation"),
                   QT_TRANSLATE_NOOP("RowsTableModel", "Créé le"),
                   QT_TRANSLATE_NOOP("RowsTableModel", "Propositions"),
                   QT_TRANSLATE_NOOP("RowsTableModel", "Fichier"))
ALL_COMMUNES = QT_TRANSLATE_NOOP("ReceivedDialog", "Toutes les communes")
ALL_DECISIONS = QT_TRANSLATE_NOOP("ReceivedDialog", "Toutes les décisions")


def default_choose_save_path(parent: QWidget | None) -> ChooseSavePath:
    def choose(title: str, suggested: str, file_filter: str) -> str | None:
        path = save_path(parent, title, suggested, file_filter)
        if path and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        return path or None
    return choose


def export_consolidated(store, choose_save_path: ChooseSavePath, inform, warn) -> Path | None:
    """Ask where, write the consolidated GeoPackage, say what happened."""
    count = len(store.current())
    if not count:
        inform(translate("received_dialog", "Rien à exporter"),
               translate("received_dialog", "Aucune proposition reçue pour l'instant : "
                                            "acceptez d'abord un paquet d'une commune."))
        return None
    path = choose_save_path(
        translate("received_dialog", "Exporter les propositions consolidées"),
        "propositions_consolidees.gpkg", GEOPACKAGE_FILTER)
    if not path:
        return None
    impossible = translate("received_dialog", "Export impossible")
    try:
        written = store.export_geopackage(path)
    except (OSError, ValueError) as error:
        warn(impossible, translate("received_dialog", "L'export n'a pas pu être écrit : {error}")
             .format(error=error))
        return None
    except Exception as error:   # GDAL's own errors: never a traceback for the user
        warn(impossible,
             translate("received_dialog", "L'export n'a pas pu être écrit ({kind} : {error}).")
             .format(kind=type(error).__name__, error=error))
        return None
    words = (translate("received_dialog", "proposition exportée") if count == 1
             else translate("received_dialog", "propositions exportées"))
    done = translate("received_dialog",
                     "{count} {words} dans :\n{written}\n\nLe fichier s'ouvre dans QGIS (une "
                     "couche par type de proposition, avec la commune et le paquet d'origine).")
    inform(translate("received_dialog", "Export terminé"),
           done.format(count=count, words=words, written=written))
    return written


class ReceivedDialog(QDialog):
    """Tabs « Propositions » and « Paquets reçus », and the consolidated export."""

    decide_requested = Signal(str)    # a proposal's uuid: « Décider… »
    respond_requested = Signal(str)   # a commune's INSEE code: « Répondre à la commune… »

    def __init__(self, parent: QWidget | None, consolidated_store, territory,
                 choose_save_path: ChooseSavePath | None = None) -> None:
        super().__init__(parent)
        self.store, self.territory = consolidated_store, territory
        self.decisions = DecisionStore(consolidated_store.workspace)
        self.latest: dict = {}
        self.shown: list = []   # the listed proposals, in the table's order
        self.choose_save_path = choose_save_path or default_choose_save_path(self)
        self.setWindowTitle(self.tr("Propositions reçues des communes"))
        self.setMinimumSize(900, 460)
        self.resize(1000, 560)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        proposals_page = QWidget()
        box = QVBoxLayout(proposals_page)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("Commune :")))
        self.commune_combo = QComboBox()
        self.commune_combo.setMinimumWidth(240)
        filter_row.addWidget(self.commune_combo)
        filter_row.addWidget(QLabel(self.tr("Décision :")))
        self.decision_combo = QComboBox()
        self.decision_combo.addItem(self.tr(ALL_DECISIONS), None)
        for code, label in DECISIONS.items():
            self.decision_combo.addItem(model_text(label), code)
        filter_row.addWidget(self.decision_combo)
        filter_row.addStretch(1)
        self.count_label = QLabel()
        filter_row.addWidget(self.count_label)
        box.addLayout(filter_row)
        self.summary_label = paragraph("", "font-weight: bold;")
        box.addWidget(self.summary_label)
        self.proposals_model = ListModel(PROPOSAL_HEADERS)
        self.proposals_view = QTableView()
        self.proposals_view.setModel(self.proposals_model)
        prepare_table(self.proposals_view)
        box.addWidget(self.proposals_view, 1)
        decide_row = QHBoxLayout()
        self.decide_button = QPushButton(self.tr("Décider…"))
        self.decide_button.setToolTip(self.tr("Retenir, retenir avec modifications, ne pas "
                                              "retenir ou mettre à l'étude la proposition "
                                              "choisie, avec le motif."))
        self.respond_button = QPushButton(self.tr("Répondre à la commune…"))
        self.respond_button.setToolTip(self.tr("Écrire la réponse signée à la commune choisie : "
                                               "ses décisions, leurs motifs et une carte."))
        decide_row.addWidget(self.decide_button)
        decide_row.addWidget(self.respond_button)
        decide_row.addStretch(1)
        box.addLayout(decide_row)
        self.empty_label = paragraph(
            self.tr("Aucune proposition reçue pour l'instant. Pour en recevoir, ouvrez un paquet "
                    "envoyé par une commune (menu « Ouvrir un paquet reçu… ») et "
                    "acceptez-le."),
            "color: #555555; font-style: italic;")
        box.addWidget(self.empty_label)
        box.addWidget(paragraph(
            self.tr("Pour chaque proposition, la version la plus récente envoyée par sa "
                    "commune. Une proposition absente d'un paquet plus récent est conservée : "
                    "seule la commune peut la retirer."), "color: #555555;"))
        self.tabs.addTab(proposals_page, self.tr("Propositions"))

        packages_page = QWidget()
        packages_box = QVBoxLayout(packages_page)
        self.packages_model = ListModel(PACKAGE_HEADERS)
        self.packages_view = QTableView()
        self.packages_view.setModel(self.packages_model)
        prepare_table(self.packages_view)
        packages_box.addWidget(self.packages_view, 1)
        self.tabs.addTab(packages_page, self.tr("Paquets reçus"))

        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Exporter en GeoPackage…"))
        self.export_button.setToolTip(self.tr("Toutes les propositions reçues (version la plus "
                                              "récente) dans un fichier pour QGIS."))
        row.addWidget(self.export_button)
        row.addStretch(1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.export_button.clicked.connect(lambda: self.export())
        self.commune_combo.currentIndexChanged.connect(lambda _: self._fill_proposals())
        self.decision_combo.currentIndexChanged.connect(lambda _: self._fill_proposals())
        self.decide_button.clicked.connect(self._decide)
        self.respond_button.clicked.connect(self._respond)
        self.proposals_view.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons())
        self.refresh()

    # -- what a test answers -------------------------------------------------------------
    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    # -- display -------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            self.versions = self.store.current()
            packages = self.store.packages()
            self.latest = self.decisions.latest()
        except Exception as error:   # a damaged workspace: say so, show nothing
            self.versions, packages, self.latest = [], [], {}
            self.warn(self.tr("Lecture impossible"),
                      self.tr("Les propositions reçues n'ont pas pu être lues ({error}).")
                      .format(error=error))
        self.packages_by_uuid = {item["uuid"]: item for item in packages}
        chosen = self.commune_combo.currentData()
        self.commune_combo.blockSignals(True)
        self.commune_combo.clear()
        self.commune_combo.addItem(self.tr(ALL_COMMUNES), None)
        communes = sorted({item.commune_insee for item in self.versions},
                          key=lambda code: french_order(commune_name(self.territory, code)))
        for code in communes:
            self.commune_combo.addItem(commune_label(self.territory, code), code)
        position = self.commune_combo.findData(chosen) if chosen else 0
        self.commune_combo.setCurrentIndex(max(position, 0))
        self.commune_combo.blockSignals(False)
        self.packages_model.set_rows([
            [french_datetime(item["received"]), commune_label(self.territory,
                                                              item["commune_insee"]),
             item["source_organization"] or EMPTY, french_datetime(item["created"]),
             str(item["proposal_count"]), item["file_name"] or EMPTY] for item in packages])
        fit_columns(self.packages_view, stretch=len(PACKAGE_HEADERS) - 1, widest={2: 220})
        self.empty_label.setVisible(not self.versions)
        self.tabs.setTabText(1, self.tr("Paquets reçus ({count})").format(count=len(packages)))
        self.export_button.setEnabled(bool(self.versions))
        self._fill_proposals()

    def state(self, uuid: str) -> str:
        """The code of a proposal's latest decision (« recue » without any)."""
        decision = self.latest.get(uuid)
        return decision.decision if decision else RECUE

    def _fill_proposals(self) -> None:
        commune = self.commune_combo.currentData()
        decision = self.decision_combo.currentData()
        self.shown = [item for item in self.versions
                      if (commune is None or item.commune_insee == commune)
                      and (decision is None or self.state(item.proposal.uuid) == decision)]
        rows = []
        for item in self.shown:
            package = self.packages_by_uuid.get(item.package_uuid, {})
            rows.append([commune_name(self.territory, item.commune_insee),
                         KINDS.get(item.proposal.kind, item.proposal.kind), item.proposal.label,
                         qpv_name(self.territory, item.proposal.qpv_code),
                         model_text(DECISIONS[self.state(item.proposal.uuid)]),
                         french_datetime(item.received),
                         package.get("file_name") or item.package_uuid])
        self.proposals_model.set_rows(rows)
        # the decision is read whole (« Retenue avec modifications »); the title takes the rest
        fit_columns(self.proposals_view, stretch=2, widest={1: 170, 3: 160, 4: 200, 6: 150})
        words = "proposition" if len(self.shown) == 1 else "propositions"
        self.count_label.setText(f"{len(self.shown)} {words}")
        self.tabs.setTabText(0, self.tr("Propositions ({count})").format(count=len(self.versions)))
        names = territory_names(self.territory)
        lines = [line.text(names) for line in self.decisions.summary_by_commune()
                 if commune is None or line.commune_insee == commune]
        self.summary_label.setText("\n".join(lines))
        self.summary_label.setVisible(bool(lines))
        self._update_buttons()

    def selected_uuid(self) -> str | None:
        rows = self.proposals_view.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.shown):
            return None
        return self.shown[rows[0].row()].proposal.uuid

    def _chosen_commune(self) -> str | None:
        """The commune filtered on, else the one of the selected proposal."""
        commune = self.commune_combo.currentData()
        if commune is not None:
            return commune
        uuid = self.selected_uuid()
        return next((item.commune_insee for item in self.shown
                     if item.proposal.uuid == uuid), None)

    def _update_buttons(self) -> None:
        self.decide_button.setEnabled(self.selected_uuid() is not None)
        self.respond_button.setEnabled(self._chosen_commune() is not None)

    def _decide(self) -> None:
        uuid = self.selected_uuid()
        if uuid is not None:
            self.decide_requested.emit(uuid)

    def _respond(self) -> None:
        commune = self._chosen_commune()
        if commune is not None:
            self.respond_requested.emit(commune)

    def select(self, uuid: str) -> bool:
        for row, item in enumerate(self.shown):
            if item.proposal.uuid == uuid:
                self.proposals_view.selectRow(row)
                return True
        return False

    def set_commune(self, insee: str | None) -> None:
        self.commune_combo.setCurrentIndex(max(self.commune_combo.findData(insee), 0)
                                           if insee else 0)

    # -- export --------------------------------------------------------------------------
    def export(self) -> Path | None:
        return export_consolidated(self.store, self.choose_save_path, self.inform, self.warn)

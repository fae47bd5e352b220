"""Every proposal in a table, filtered by kind, commune, QPV and status and searched whatever
the accents; the panel asks for zoom, edit and delete by signal."""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QModelIndex, QSortFilterProxyModel, Qt,
                            Signal)
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton,
                               QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from ...models.map.styles import DECISION_FILLS
from ...models.proposals import KINDS, STATUSES, Proposal, ProposalStore
from ...models.proposals.vocabulary import choice_label
from ...models.search import french_order
from ..i18n import Texts
from ..table_model import RowsTableModel
from ..column_fit import TitleColumnFit
from ..model_texts import model_text

SHORT_KINDS = Texts("ProposalListPanel", {
    "equipement": QT_TRANSLATE_NOOP("ProposalListPanel", "Équipement"),
    "quartier_vecu": QT_TRANSLATE_NOOP("ProposalListPanel", "Quartier vécu"),
    "perimetre": QT_TRANSLATE_NOOP("ProposalListPanel", "Périmètre")})


def french_date(stamp: str) -> str:
    """'2026-11-22T10:04:31+01:00' -> '22/11/2026' ('' when absent or unreadable)."""
    try:
        return datetime.fromisoformat(stamp).strftime("%d/%m/%Y")
    except (TypeError, ValueError):
        return ""


MAX_LINE_CHARS = 14     # a decision longer than this reads on two lines


def two_lines(text: str) -> str:
    """« Retenue avec modifications » on two lines, « Retenue avec » and « modifications »
    (cut at the space that makes the longer line shortest, by a line separator: the one
    break an item view's text layout honours); a short label as it is."""
    spaces = [index for index, char in enumerate(text) if char == " "]
    if len(text) <= MAX_LINE_CHARS or not spaces:
        return text
    cut = min(spaces, key=lambda index: max(index, len(text) - index - 1))
    return f"{text[:cut]}\u2028{text[cut + 1:]}"


class DecisionDelegate(QStyledItemDelegate):
    """The agglomeration's decision whole in the narrow panel beside the map: a long one
    on two lines (its row grows), never cut to « Retenue… »."""

    def displayText(self, value, locale) -> str:  # noqa: N802 (Qt API)
        return two_lines(str(value))


class ProposalTableModel(RowsTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("RowsTableModel", "Type"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Titre"),
               QT_TRANSLATE_NOOP("RowsTableModel", "QPV"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Communes"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Statut"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Modifié le"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Décision"))
    DECISION_COLUMN = 6

    def __init__(self, store: ProposalStore) -> None:
        super().__init__()
        self.store = store
        self._rows: list[tuple[Proposal, tuple[str, ...]]] = []
        # the agglomeration's decisions from its responses (uuid -> ProposalState)
        self.decisions: dict = {}

    def set_proposals(self, proposals: list[Proposal]) -> None:
        self.beginResetModel()
        self._rows = [(proposal, self._cells(proposal)) for proposal in proposals]
        self.endResetModel()

    def _cells(self, proposal: Proposal) -> tuple[str, ...]:
        territory = self.store.territory
        qpv = territory.qpv_name(proposal.qpv_code) if proposal.qpv_code else "—"
        communes = ", ".join(sorted((territory.commune_name(code) for code in proposal.communes),
                                      key=french_order))
        if proposal.kind == "perimetre":
            state = model_text(choice_label("nature", proposal.nature)) or "—"
        else:
            state = model_text(choice_label("status", proposal.status)) or "—"
        decision = self.decisions.get(proposal.uuid)
        return (SHORT_KINDS.get(proposal.kind, proposal.kind), proposal.label, qpv,
                communes or "—", state, french_date(proposal.modified),
                model_text(decision.label) if decision else "—")

    def proposal(self, row: int) -> Proposal:
        return self._rows[row][0]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        proposal, cells = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return model_text(KINDS.get(proposal.kind, proposal.kind))
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return "\n\n".join(text for text in (proposal.label, proposal.description) if text)
        decision = self.decisions.get(proposal.uuid)
        if role == Qt.ItemDataRole.DecorationRole and column == self.DECISION_COLUMN \
                and decision:   # the map's colour: read even when the column is narrow
            return decision_swatch(DECISION_FILLS.get(decision.decision, DECISION_FILLS["recue"]))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DECISION_COLUMN and decision:
            return "\n".join(text for text in (cells[column], decision.motif) if text)
        if role == Qt.ItemDataRole.ToolTipRole:    # the whole text of a narrowed cell
            return cells[column]
        if role == Qt.ItemDataRole.UserRole:    # sort key: ISO date for « Modifié le »
            return proposal.modified if column == 5 else cells[column].casefold()
        return None


@lru_cache(maxsize=16)
def decision_swatch(colour: str) -> QIcon:
    """The map's colour of a decision as a square, the same on a selected row (Qt would
    blend a plain colour with the selection's)."""
    pixmap = QPixmap(SWATCH_PX, SWATCH_PX)
    pixmap.fill(QColor(colour))
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(pixmap, mode)
    return icon


SWATCH_PX = 16


class ProposalListPanel(QWidget):
    """The proposals with their filters; double-click edits."""

    zoom_requested = Signal(str)
    edit_requested = Signal(str)
    delete_requested = Signal(str)
    selection_changed = Signal(object)    # uuid of the selected proposal, or None

    def __init__(self, store: ProposalStore, parent: QWidget | None = None,
                 populate: bool = True) -> None:
        """populate=False shows an empty list until the first refresh() (the main window
        fills it once its map is painted: hundreds of rows cost ~0.1 s at start-up)."""
        super().__init__(parent)
        self.store = store
        self.model = ProposalTableModel(store)
        self._build()
        if populate:
            self.refresh()
        else:
            self._show([])

    def _build(self) -> None:
        territory = self.store.territory
        self.kind_filter = self._filter(self.tr("Tous les types"), KINDS.items())
        self.commune_filter = self._filter(self.tr("Toutes les communes"), sorted(
            zip(territory.communes.codes, territory.communes.names),
            key=lambda pair: french_order(pair[1])))
        self.qpv_filter = self._filter(self.tr("Tous les QPV"), sorted(
            zip(territory.qpv.codes, territory.qpv.names), key=lambda pair: french_order(pair[1])))
        self.status_filter = self._filter(self.tr("Tous les statuts"), STATUSES.items())
        self.search_box = QLineEdit(
            placeholderText=self.tr("Rechercher un titre, une commune, un QPV…"),
            clearButtonEnabled=True)
        self.search_box.textChanged.connect(self.refresh)
        for combo in (self.kind_filter, self.status_filter, self.commune_filter,
                      self.qpv_filter):
            # long QPV and commune names must not widen the dock beside the map
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        filters = QGridLayout()
        filters.addWidget(self.search_box, 0, 0, 1, 2)
        filters.addWidget(self.kind_filter, 1, 0)
        filters.addWidget(self.status_filter, 1, 1)
        filters.addWidget(self.commune_filter, 2, 0)
        filters.addWidget(self.qpv_filter, 2, 1)

        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # Fit the rows on screen, not all of them: hundreds of proposals cost ~0.1 s per
        # refresh otherwise, at start-up too.
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        # the title is what tells proposals apart: the other columns give way first
        decision = ProposalTableModel.DECISION_COLUMN
        self.table.setItemDelegateForColumn(decision, DecisionDelegate(self.table))
        self.column_fit = TitleColumnFit(self.table, 1, {0: 100, 2: 130, 3: 130, 4: 100,
                                                         decision: 130},
                                         kept=frozenset({decision}))
        # the agglomeration's decision, once there is one, is read right after the title:
        # at the end it was out of sight in the narrow panel
        self.table.horizontalHeader().moveSection(ProposalTableModel.DECISION_COLUMN, 2)
        self.table.doubleClicked.connect(lambda _: self._emit(self.edit_requested))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.count_label = QLabel()
        self.zoom_button = QPushButton(self.tr("Zoomer"))
        self.zoom_button.setToolTip(self.tr("Centrer la carte sur la proposition choisie"))
        self.edit_button = QPushButton(self.tr("Modifier…"))
        self.edit_button.setToolTip(self.tr("Ouvrir le formulaire de la proposition choisie"))
        self.delete_button = QPushButton(self.tr("Supprimer"))
        self.delete_button.setToolTip(self.tr("Supprimer la proposition choisie (Ctrl+Z pour "
                                              "annuler)"))
        self.zoom_button.clicked.connect(lambda: self._emit(self.zoom_requested))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.zoom_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        # the count on a line of its own: beside the buttons it kept the panel (and the map
        # beside it) ~100 px wider on a 1024 px screen
        layout.addWidget(self.count_label)
        layout.addLayout(buttons)

    def _filter(self, everything: str, choices) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for code, label in choices:
            combo.addItem(model_text(label), code)
        combo.currentIndexChanged.connect(self.refresh)
        return combo

    def set_decisions(self, decisions: dict) -> None:
        """What the agglomeration's responses say of each proposal (uuid -> ProposalState):
        the « Décision » column, shown once there is one."""
        self.model.decisions = dict(decisions)
        self.table.setColumnHidden(ProposalTableModel.DECISION_COLUMN, not decisions)
        # a decision on two lines makes its row taller; without decisions, rows keep the
        # default height (no measuring of hundreds of rows)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if decisions
            else QHeaderView.ResizeMode.Interactive)

    def refresh(self) -> None:
        """Read the store again with the current filters, keeping the selection."""
        self._show(self.store.list(
            kind=self.kind_filter.currentData(), commune=self.commune_filter.currentData(),
            qpv=self.qpv_filter.currentData(), status=self.status_filter.currentData(),
            text=self.search_box.text()))

    def _show(self, proposals: list[Proposal]) -> None:
        selected = self.selected_uuid()
        self.model.set_proposals(proposals)
        count = self.model.rowCount()
        self.count_label.setText(
            self.tr("Aucune proposition") if count == 0
            else self.tr("{count} proposition{plural}")
            .format(count=count, plural="s" if count > 1 else ""))
        if selected:
            self.select(selected)
        self._update_buttons()

    def uuids(self) -> list[str]:
        """The listed proposals in display order."""
        proxy = self.table.model()
        return [self.model.proposal(proxy.mapToSource(proxy.index(row, 0)).row()).uuid
                for row in range(proxy.rowCount())]

    def selected_uuid(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        if not rows:
            return None
        return self.model.proposal(self.table.model().mapToSource(rows[0]).row()).uuid

    def select(self, uuid: str) -> bool:
        for row, listed in enumerate(self.uuids()):
            if listed == uuid:
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self) -> None:
        self._update_buttons()
        self.selection_changed.emit(self.selected_uuid())

    def reveal(self, uuid: str) -> bool:
        """Select a proposal chosen elsewhere (on the map), scroll to it and bring the panel
        forward; False when the filters hide it."""
        if not self.select(uuid):
            return False
        self.table.scrollTo(self.table.currentIndex())
        dock = self.parentWidget()
        while dock is not None and not hasattr(dock, "toggleViewAction"):
            dock = dock.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()
        return True

    def _emit(self, signal) -> None:
        uuid = self.selected_uuid()
        if uuid:
            signal.emit(uuid)

    def _update_buttons(self) -> None:
        chosen = self.selected_uuid() is not None
        for button in (self.zoom_button, self.edit_button, self.delete_button):
            button.setEnabled(chosen)

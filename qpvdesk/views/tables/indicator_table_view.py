"""« Tableau des indicateurs »: the 22 QPV × the indicators the user picks.

The view never reads the database: it asks its ``load(ids, edition, commune)`` callable for an
:class:`~qpvdesk.models.indicator_table.IndicatorTable` whenever the choice changes, shows it
sortable (numbers numerically, secret and missing values last, summary rows pinned at the
bottom), marks the cells less or more favourable than the CALL with a colour *and* a sign, and
exports what it shows to CSV or Excel. A double-click on a quartier asks for its fiche.
"""
from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex,
                            QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QSplitter,
                               QTableView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ...models.fiche import Figure, format_figure, format_value
from ...models.frenchnum import NO_VALUE, format_status, status_tip
from ...models.indicator_table import (BETTER, EQUAL, WORSE, IndicatorTable,
                                       TableColumn, TableRow)
from ...models.search import normalize
from ...models.frenchnum import format_french_date
from ...models.table_export import (indicator_table_rows, indicator_table_sources, write_csv,
                                    write_xlsx)
from ..file_dialogs import open_folder, save_path
from ..i18n import Texts, translate
from ..formatting import font_size

DEFAULT_INDICATORS = ("DEMO.POP_MUN", "REVN.DISP_Q2", "REVN.TP60", "IPRO.TX_TOT_EMPL")

#: The sign shown after a value compared with the CALL; never colour alone.
MARKS = {WORSE: "(\u2212)", BETTER: "(+)", EQUAL: "(=)"}
#: Colour-blind safe backgrounds (light tints of Okabe-Ito vermillion and blue).
MARK_BACKGROUNDS = {WORSE: QColor("#f8d0b4"), BETTER: QColor("#c9e0f2")}
VERSUS_TEXT = Texts("IndicatorTableView", {
    WORSE: QT_TRANSLATE_NOOP("IndicatorTableView", "moins favorable que la CALL"),
    BETTER: QT_TRANSLATE_NOOP("IndicatorTableView", "plus favorable que la CALL"),
    EQUAL: QT_TRANSLATE_NOOP("IndicatorTableView", "égal à la valeur de la CALL"),
})
SUMMARY_BACKGROUND = QColor("#ececec")
UNKNOWN_COLOUR = QColor("#6b6b6b")

TEXT = Texts("IndicatorTableView", {
    "picker": QT_TRANSLATE_NOOP("IndicatorTableView", "Indicateurs"),
    "filter": QT_TRANSLATE_NOOP("IndicatorTableView", "Chercher un indicateur…"),
    "defaults": QT_TRANSLATE_NOOP("IndicatorTableView", "Revenir à la sélection par défaut"),
    "commune": QT_TRANSLATE_NOOP("IndicatorTableView", "Commune\u00a0:"),
    "all_communes": QT_TRANSLATE_NOOP("IndicatorTableView", "Toutes les communes"),
    "edition": QT_TRANSLATE_NOOP("IndicatorTableView", "Édition\u00a0:"),
    "latest": QT_TRANSLATE_NOOP("IndicatorTableView", "la plus récente"),
    "csv": QT_TRANSLATE_NOOP("IndicatorTableView", "Exporter CSV…"),
    "xlsx": QT_TRANSLATE_NOOP("IndicatorTableView", "Exporter Excel…"),
    "legend": QT_TRANSLATE_NOOP("IndicatorTableView",
                                "Comparaison à la CALL\u00a0: (\u2212) moins favorable, (+) plus "
                                "favorable, (=) égal (couleur et signe\u00a0; détail au survol "
                                "d'une case). Double-cliquez sur un quartier pour ouvrir sa "
                                "fiche."),
    "none_chosen": QT_TRANSLATE_NOOP("IndicatorTableView",
                                     "Cochez au moins un indicateur dans la liste de gauche."),
    "quartier": QT_TRANSLATE_NOOP("IndicatorTableView", "Quartier"),
    "communes": QT_TRANSLATE_NOOP("IndicatorTableView", "Communes"),
    "open_fiche": QT_TRANSLATE_NOOP("IndicatorTableView",
                                    "Double-cliquer pour ouvrir la fiche du quartier"),
    "error_title": QT_TRANSLATE_NOOP("IndicatorTableView", "Export du tableau"),
})
#: (dialog title, file filter, writer); the texts are read with tr().
EXPORTS = {
    "csv": (QT_TRANSLATE_NOOP("IndicatorTableView", "Exporter le tableau en CSV"),
            QT_TRANSLATE_NOOP("IndicatorTableView",
                              "Fichier CSV pour Excel, séparateur point-virgule (*.csv)"),
            write_csv),
    "xlsx": (QT_TRANSLATE_NOOP("IndicatorTableView", "Exporter le tableau pour Excel"),
             QT_TRANSLATE_NOOP("IndicatorTableView", "Classeur Excel (*.xlsx)"), write_xlsx),
}

NAME_COLUMN, COMMUNES_COLUMN, FIRST_INDICATOR_COLUMN = 0, 1, 2
#: Widest the quartier and communes columns get (px; the rest in the tooltip): at 1024 × 768
#: the first figures stay in view.
MAX_TEXT_COLUMN_WIDTHS = {NAME_COLUMN: 230, COMMUNES_COLUMN: 170}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1   # (group, key): known values, then unknown ones
CODE_ROLE = Qt.ItemDataRole.UserRole + 2   # the 2024 code of a QPV row, None elsewhere
_KNOWN, _UNKNOWN = 0, 1                     # sort groups


class IndicatorChoice(Protocol):
    """An indicator the user may pick (e.g. choropleth.MappableIndicator)."""
    id: str
    label: str
    unit: str
    theme: str


TableLoader = Callable[[list[str], int | None, str | None], IndicatorTable]


def plain_number(value: float, unit: str) -> str:
    """The number as the fiche writes it (same precision), without the unit."""
    text = format_value(value, unit)
    return text.removesuffix(f" {unit}").removesuffix("\u00a0%")


def figure_number(figure: Figure) -> str:
    """A cell's text: the number without its unit, « secret », « non publié » or « n.d. »."""
    if figure.status == "ok":
        return plain_number(figure.value, figure.unit)
    return format_status(figure.status, short=True)


def call_text(column: TableColumn) -> str:
    """« CALL : 17 980 € par UC (millésime 2019) », or that the CALL has no value."""
    if column.call is None or column.call.figure.status != "ok":
        return translate("indicator_table_view", "pas de valeur publiée pour la CALL")
    figure = column.call.figure
    return (translate("indicator_table_view", "CALL\u00a0: {figure} (millésime {edition})")
            .format(figure=format_figure(figure), edition=figure.edition))


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def column_header(column: TableColumn) -> str:
    """The label on lines of about 24 characters, then unit and edition."""
    return f"{textwrap.fill(column.label, 24)}\n({column.unit}, {column.edition})"


class IndicatorTableModel(QAbstractTableModel):
    """One part of an IndicatorTable: its QPV rows, or its summary rows (``summaries``)."""

    def __init__(self, summaries: bool = False) -> None:
        super().__init__()
        self.summaries = summaries
        self.table: IndicatorTable | None = None
        self.qpv_count = 22    # below this many known values a summary shows its n

    def set_table(self, table: IndicatorTable) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.summaries if self.summaries else self.table.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() or self.table is None:
            return 0
        return FIRST_INDICATOR_COLUMN + len(self.table.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or self.table is None:
            return None
        if section < FIRST_INDICATOR_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return (TEXT["quartier"], TEXT["communes"])[section]
            return None
        column = self.table.columns[section - FIRST_INDICATOR_COLUMN]
        if role == Qt.ItemDataRole.DisplayRole:
            return column_header(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (self.tr("{label} ({indicator_id})\nUnité\u00a0: {unit}\n"
                            "Édition de la base INSEE QPV\u00a0: {edition}\n"
                            "{sentence}\nCliquer pour trier.")
                    .format(label=column.label, indicator_id=column.indicator_id,
                            unit=column.unit, edition=column.edition,
                            sentence=sentence(call_text(column))))
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.table is None:
            return None
        if self.summaries:
            return self._summary_data(index.row(), index.column(), role)
        return self._qpv_data(self.table.rows[index.row()], index.column(), role)

    def _qpv_data(self, row: TableRow, column: int, role):
        if role == CODE_ROLE:
            return row.code
        if column < FIRST_INDICATOR_COLUMN:
            text = (row.name, row.communes_label)[column]
            if role == Qt.ItemDataRole.DisplayRole:
                return text
            if role == SORT_ROLE:
                return _KNOWN, normalize(text)
            if role == Qt.ItemDataRole.ToolTipRole:
                return (self.tr("{name} — code 2024 {code}, code 2015 {code_2015}\n"
                                "Communes\u00a0: {communes}\n{hint}")
                        .format(name=row.name, code=row.code, code_2015=row.code_2015,
                                communes=row.communes_label, hint=TEXT["open_fiche"]))
            return None
        cell = row.cells[column - FIRST_INDICATOR_COLUMN]
        table_column = self.table.columns[column - FIRST_INDICATOR_COLUMN]
        figure, versus = cell.figure, cell.versus_call
        if role == Qt.ItemDataRole.DisplayRole:
            mark = MARKS.get(versus)
            return f"{figure_number(figure)}\u00a0{mark}" if mark else figure_number(figure)
        if role == SORT_ROLE:
            return (_KNOWN, figure.value) if figure.status == "ok" else (_UNKNOWN, row.name)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{row.name}\u00a0: {format_figure(figure)}",
                     self.tr("{label}, édition {edition}").format(label=table_column.label,
                                                                   edition=figure.edition)]
            if versus is not None:
                lines.append(f"{sentence(VERSUS_TEXT[versus])} ({call_text(table_column)}).")
            if figure.status != "ok":
                lines.append(status_tip(figure.status))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.BackgroundRole:
            return MARK_BACKGROUNDS.get(versus)
        return _number_style(role, figure.status != "ok")

    def _summary_data(self, position: int, column: int, role):
        summary = self.table.summaries[position]
        if role == Qt.ItemDataRole.BackgroundRole:
            return SUMMARY_BACKGROUND
        if column < FIRST_INDICATOR_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole and column == NAME_COLUMN:
                return summary.label
            return _bold() if role == Qt.ItemDataRole.FontRole else None
        index = column - FIRST_INDICATOR_COLUMN
        value, count = summary.values[index], summary.counts[index]
        table_column = self.table.columns[index]
        is_call = summary.published
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return NO_VALUE
            text = plain_number(value, table_column.unit)
            return text if is_call or count >= self.qpv_count else f"{text} (n\u00a0=\u00a0{count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            if is_call:
                return f"{summary.label}\u00a0: {call_text(table_column)}"
            return (self.tr("{label}\u00a0: calculé sur {count} valeur(s) connue(s) parmi les "
                            "{total} QPV, quel que soit le filtre par commune.")
                    .format(label=summary.label, count=count, total=self.qpv_count))
        if role == Qt.ItemDataRole.FontRole:
            return _bold()
        return _number_style(role, False)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _number_style(role, unknown: bool):
    """Numbers right-aligned; secret and missing values in grey italics."""
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if unknown and role == Qt.ItemDataRole.ForegroundRole:
        return UNKNOWN_COLOUR
    if unknown and role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setItalic(True)
        return font
    return None


class UnknownLastProxy(QSortFilterProxyModel):
    """Sorts on SORT_ROLE keys; secret and missing values stay last whatever the direction."""

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        left_group, left_key = left.data(SORT_ROLE)
        right_group, right_key = right.data(SORT_ROLE)
        if left_group == right_group == _KNOWN:
            return left_key < right_key
        # Qt reverses the comparison when descending: undo it for the unknown values.
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        return ((left_group, left_key) < (right_group, right_key)) == ascending


class IndicatorPicker(QWidget):
    """Checkable indicators under their theme, with a search field. The table's columns
    follow the order in which indicators were checked."""

    selection_changed = Signal()

    def __init__(self, indicators: Sequence[IndicatorChoice], default_ids: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        known = {indicator.id for indicator in indicators}
        self.default_ids = [indicator_id for indicator_id in default_ids if indicator_id in known]
        self._order: list[str] = []
        self.search = QLineEdit()
        self.search.setPlaceholderText(TEXT["filter"])
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(TEXT["picker"])
        # Many labels share a long beginning (« Demandeurs d'emploi de catégories A, B, C — »):
        # keep their distinct end visible.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.items: dict[str, QTreeWidgetItem] = {}
        themes: dict[str, QTreeWidgetItem] = {}
        for indicator in indicators:
            theme = themes.get(indicator.theme)
            if theme is None:
                theme = themes[indicator.theme] = QTreeWidgetItem(self.tree, [indicator.theme])
                theme.setFlags(Qt.ItemFlag.ItemIsEnabled)
                theme.setFont(0, _bold())
            item = QTreeWidgetItem(theme, [indicator.label])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setToolTip(0, f"{indicator.label} ({indicator.unit}) — {indicator.id}")
            item.setData(0, Qt.ItemDataRole.UserRole, indicator.id)
            self.items[indicator.id] = item
        self.reset_button = QPushButton(TEXT["defaults"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<b>{TEXT['picker']}</b>"))
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.reset_button)
        self.set_checked(self.default_ids)
        self.tree.itemChanged.connect(self._item_changed)
        self.search.textChanged.connect(self._filter)
        self.reset_button.clicked.connect(lambda: self.set_checked(self.default_ids))

    def checked_ids(self) -> list[str]:
        return list(self._order)

    def set_checked(self, ids: Sequence[str]) -> None:
        """Check exactly these indicators, in this order; one selection_changed signal."""
        self._order = [indicator_id for indicator_id in ids if indicator_id in self.items]
        self.tree.blockSignals(True)
        for indicator_id, item in self.items.items():
            item.setCheckState(0, Qt.CheckState.Checked if indicator_id in self._order
                               else Qt.CheckState.Unchecked)
        for index in range(self.tree.topLevelItemCount()):
            theme = self.tree.topLevelItem(index)
            theme.setExpanded(any(theme.child(i).checkState(0) == Qt.CheckState.Checked
                                  for i in range(theme.childCount())))
        self.tree.blockSignals(False)
        self.selection_changed.emit()

    def _item_changed(self, item: QTreeWidgetItem) -> None:
        indicator_id = item.data(0, Qt.ItemDataRole.UserRole)
        if item.checkState(0) == Qt.CheckState.Checked and indicator_id not in self._order:
            self._order.append(indicator_id)
        elif item.checkState(0) != Qt.CheckState.Checked and indicator_id in self._order:
            self._order.remove(indicator_id)
        else:
            return
        self.selection_changed.emit()

    def _filter(self, text: str) -> None:
        wanted = normalize(text)
        for index in range(self.tree.topLevelItemCount()):
            theme = self.tree.topLevelItem(index)
            shown = 0
            for child in (theme.child(i) for i in range(theme.childCount())):
                hidden = bool(wanted) and wanted not in normalize(
                    f"{child.text(0)} {child.data(0, Qt.ItemDataRole.UserRole)}")
                child.setHidden(hidden)
                shown += not hidden
            theme.setHidden(shown == 0)
            if wanted:
                theme.setExpanded(True)


class FrozenFirstColumnView(QTableView):
    """A table whose first column (the quartier) stays in place when scrolling sideways:
    a second view sharing model and selection is laid over it (Qt's « frozen column »)."""

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.frozen = QTableView(self)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.setFrameShape(QFrame.Shape.NoFrame)
        for policy in (self.frozen.setHorizontalScrollBarPolicy,
                       self.frozen.setVerticalScrollBarPolicy):
            policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.horizontalHeader().setSortIndicatorShown(True)
        self.frozen.horizontalHeader().setSectionsClickable(True)
        self.viewport().stackUnder(self.frozen)
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.verticalHeader().sectionResized.connect(
            lambda row, _old, height: self.frozen.setRowHeight(row, height))
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.horizontalHeader().sortIndicatorChanged.connect(self._show_sort)
        self.frozen.horizontalHeader().sortIndicatorChanged.connect(
            lambda column, order: self.horizontalHeader().setSortIndicator(column, order))
        self.horizontalHeader().geometriesChanged.connect(self._place)
        model.modelReset.connect(self._freeze)
        self._freeze()

    def set_row_height(self, height: int) -> None:
        for view in (self, self.frozen):
            view.verticalHeader().setDefaultSectionSize(height)

    def hide_header(self) -> None:
        self.horizontalHeader().hide()
        self.frozen.horizontalHeader().hide()

    def _freeze(self) -> None:
        for column in range(1, self.model().columnCount()):
            self.frozen.setColumnHidden(column, True)
        self.frozen.setColumnWidth(0, self.columnWidth(0))
        self._place()

    def _show_sort(self, column: int, order: Qt.SortOrder) -> None:
        header = self.frozen.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column if column == 0 else -1, order)
        header.blockSignals(False)
        header.viewport().update()

    def _section_resized(self, column: int, _old: int, width: int) -> None:
        if column == 0:
            self.frozen.setColumnWidth(0, width)
            self._place()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        header_height = (self.horizontalHeader().height()
                         if self.horizontalHeader().isVisible() else 0)
        self.frozen.horizontalHeader().setFixedHeight(header_height)
        self.frozen.setGeometry(self.verticalHeader().width() + self.frameWidth(),
                                self.frameWidth(), self.columnWidth(0),
                                self.viewport().height() + header_height)


class IndicatorTableView(QWidget):
    """The indicator table with its picker, commune filter and exports.

    ``load(ids, edition, commune)`` returns the IndicatorTable (edition None: the latest of each
    indicator; commune: an INSEE code or None). ``editions``, when given, fills an edition
    chooser. ``fiche_requested(code)`` carries the 2024 code of the double-clicked quartier;
    ``message(text)`` reports a finished export (for a status bar).
    """

    fiche_requested = Signal(str)
    message = Signal(str)

    def __init__(self, load: TableLoader, indicators: Sequence[IndicatorChoice],
                 editions: Sequence[int] = (), default_ids: Sequence[str] = DEFAULT_INDICATORS,
                 parent: QWidget | None = None, say=str) -> None:
        """``say``: TerritoryNames.say of the database (the CALL's words otherwise)."""
        super().__init__(parent)
        self.say = say
        self.setAccessibleName(self.tr("Tableau des indicateurs"))
        self.load = load
        self.table: IndicatorTable | None = None
        self.picker = IndicatorPicker(indicators, default_ids)
        self.commune_combo = QComboBox()
        self.commune_combo.setAccessibleName(TEXT["commune"].rstrip("\u00a0:"))
        self.edition_combo = QComboBox()
        self.edition_combo.setAccessibleName(TEXT["edition"].rstrip("\u00a0:"))
        self.edition_combo.addItem(TEXT["latest"], None)
        for edition in sorted(editions, reverse=True):
            self.edition_combo.addItem(str(edition), edition)
        self.csv_button = QPushButton(TEXT["csv"])
        self.xlsx_button = QPushButton(TEXT["xlsx"])
        self.model = IndicatorTableModel()
        self.proxy = UnknownLastProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = self._qpv_view()
        self.summary_model = IndicatorTableModel(summaries=True)
        self.summary_view = self._summary_view()
        self.legend = QLabel(say(TEXT["legend"]))
        self.legend.setWordWrap(True)
        self.saved = QLabel()       # where the last export was written
        self.saved.setWordWrap(True)
        self.saved.setStyleSheet("color: #14532d; background: #e7f6ec; border: 1px solid "
                                 "#2e9e5b; border-radius: 4px; padding: 4px;")
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.saved.linkActivated.connect(lambda _link: open_folder(self, self._saved_folder))
        self.saved.hide()
        self._saved_folder: Path | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #a33a00; font-weight: bold;")
        self.status.hide()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(f"color: #555555; {font_size(9)};")
        self._layout()
        self.picker.selection_changed.connect(self.reload)
        self.commune_combo.currentIndexChanged.connect(self.reload)
        self.edition_combo.currentIndexChanged.connect(self.reload)
        self.csv_button.clicked.connect(self.export_csv)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.reload()
        self._fill_communes()

    # -- construction ---------------------------------------------------------------------
    def _qpv_view(self) -> FrozenFirstColumnView:
        view = FrozenFirstColumnView(self.proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        view.setAccessibleName(self.tr("Quartiers et indicateurs"))
        view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        for part in (view, view.frozen):
            part.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            part.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            part.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            part.setWordWrap(False)
            part.doubleClicked.connect(self._double_clicked)
        view.verticalHeader().hide()
        view.set_row_height(view.fontMetrics().height() + 8)
        return view

    def _summary_view(self) -> FrozenFirstColumnView:
        """The summary rows, pinned under the quartiers: same columns, same scrolling."""
        view = FrozenFirstColumnView(self.summary_model)
        view.setAccessibleName(self.tr("Lignes de synthèse"))
        for part in (view, view.frozen):
            part.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            part.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            part.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            part.setWordWrap(False)
        view.hide_header()
        view.verticalHeader().hide()
        view.set_row_height(self.view.verticalHeader().defaultSectionSize())
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.horizontalHeader().sectionResized.connect(
            lambda column, _old, width: view.setColumnWidth(column, width))
        self.view.horizontalScrollBar().valueChanged.connect(view.horizontalScrollBar().setValue)
        # Equal viewport widths keep the columns aligned while scrolling sideways.
        self.view.verticalScrollBar().rangeChanged.connect(
            lambda _low, high: view.setVerticalScrollBarPolicy(
                Qt.ScrollBarPolicy.ScrollBarAlwaysOn if high > 0
                else Qt.ScrollBarPolicy.ScrollBarAlwaysOff))
        return view

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(TEXT["commune"]))
        bar.addWidget(self.commune_combo)
        if self.edition_combo.count() > 1:
            bar.addSpacing(12)
            bar.addWidget(QLabel(TEXT["edition"]))
            bar.addWidget(self.edition_combo)
        bar.addStretch(1)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.xlsx_button)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(bar)
        column.addWidget(self.legend)
        column.addWidget(self.saved)
        column.addWidget(self.status)
        tables = QVBoxLayout()
        tables.setSpacing(0)
        tables.addWidget(self.view, 1)
        tables.addWidget(self.summary_view)
        tables.addSpacing(6)
        tables.addWidget(self.notes)
        tables.addStretch(0)
        column.addLayout(tables, 1)
        splitter = QSplitter()
        splitter.addWidget(self.picker)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _fill_communes(self) -> None:
        """Every commune a QPV touches (2024 perimeters), from the unfiltered table."""
        communes = {c.insee: c for row in (self.table.rows if self.table else ())
                    for c in row.communes_2024}
        self.commune_combo.blockSignals(True)
        self.commune_combo.addItem(TEXT["all_communes"], None)
        for commune in sorted(communes.values(), key=lambda c: normalize(c.name)):
            label = (commune.name if commune.in_call
                     else self.say(self.tr("{name} (hors CALL)")).format(name=commune.name))
            self.commune_combo.addItem(label, commune.insee)
        self.commune_combo.blockSignals(False)

    # -- behaviour ------------------------------------------------------------------------
    def reload(self) -> None:
        """Ask for the table the picker, the commune and the edition describe."""
        ids = self.picker.checked_ids()
        try:
            table = self.load(ids, self.edition_combo.currentData(),
                              self.commune_combo.currentData())
        except (LookupError, ValueError) as exc:
            self._show_status(str(exc))
            return
        self._show_status("" if ids else TEXT["none_chosen"])
        header = self.view.horizontalHeader()
        sorted_by = self._column_key(header.sortIndicatorSection())
        order = header.sortIndicatorOrder()
        self.table = table
        if self.commune_combo.currentData() is None:
            self.model.qpv_count = self.summary_model.qpv_count = len(table.rows)
        self.model.set_table(table)
        self.summary_model.set_table(table)
        self.notes.setText("\n".join(table.notes))
        self._fit_columns()
        # The same indicator stays the sort key when columns come and go; else the names.
        keys = [self._column_key(column) for column in range(self.model.columnCount())]
        if sorted_by in keys:
            self.view.sortByColumn(keys.index(sorted_by), order)
        else:
            self.view.sortByColumn(NAME_COLUMN, Qt.SortOrder.AscendingOrder)

    def _column_key(self, column: int) -> str | None:
        """What a column shows: 'name', 'communes' or an indicator id."""
        if column in (NAME_COLUMN, COMMUNES_COLUMN):
            return ("name", "communes")[column]
        index = column - FIRST_INDICATOR_COLUMN
        if self.table is None or not 0 <= index < len(self.table.columns):
            return None
        return self.table.columns[index].indicator_id

    def _fit_columns(self) -> None:
        """Columns as wide as their contents (text columns capped); the quartiers' table no
        taller than its rows, so that the summary rows sit right under them."""
        row_height = self.view.verticalHeader().defaultSectionSize()
        self.summary_view.setFixedHeight(
            self.summary_model.rowCount() * row_height + 2 * self.summary_view.frameWidth())
        self.view.setMaximumHeight(
            self.proxy.rowCount() * row_height + self.view.horizontalHeader().sizeHint().height()
            + self.view.horizontalScrollBar().sizeHint().height() + 2 * self.view.frameWidth())
        for column in range(self.model.columnCount()):
            width = max(self.view.sizeHintForColumn(column),
                        self.view.horizontalHeader().sectionSizeHint(column),
                        self.summary_view.sizeHintForColumn(column))
            width = min(width, MAX_TEXT_COLUMN_WIDTHS.get(column, width))
            self.view.setColumnWidth(column, width + 8)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def displayed_table(self) -> IndicatorTable:
        """The current table with its QPV rows in the order shown."""
        codes = [self.proxy.index(row, 0).data(CODE_ROLE)
                 for row in range(self.proxy.rowCount())]
        by_code = {row.code: row for row in self.table.rows}
        return replace(self.table, rows=tuple(by_code[code] for code in codes))

    def _double_clicked(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self.fiche_requested.emit(code)

    def export_csv(self) -> Path | None:
        return self.export("csv")

    def export_xlsx(self) -> Path | None:
        return self.export("xlsx")

    def export(self, kind: str) -> Path | None:
        """Ask where, write the table as shown; None when cancelled or failed (said in
        French, never a traceback)."""
        if self.table is None:
            return None
        title, file_filter, write = EXPORTS[kind]
        title, file_filter = self.tr(title), self.tr(file_filter)
        place = self.commune_combo.currentData() or re.sub(r"\W+", "_", self.say("CALL"))
        chosen = save_path(self, title, f"indicateurs_qpv_{place.strip('_')}.{kind}",
                           file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        table = self.displayed_table()
        header, rows = indicator_table_rows(table)
        try:
            if kind == "xlsx":
                write(path, header, rows, notes=indicator_table_sources(
                    table, format_french_date(datetime.now().astimezone().isoformat()),
                    self.say))
            else:
                write(path, header, rows)
        except OSError as exc:
            QMessageBox.warning(
                self, TEXT["error_title"],
                self.tr("Le tableau n'a pas pu être enregistré dans « {path} ».\n\n"
                        "Le fichier est peut-être ouvert dans un autre logiciel (Excel, "
                        "LibreOffice) ou le dossier n'accepte pas l'écriture. Fermez le fichier "
                        "ou choisissez un autre dossier, puis recommencez.\n\nDétail\u00a0: "
                        "{detail}").format(path=path, detail=exc.strerror or exc))
            return None
        self._saved_folder = path.parent
        self.saved.setText(self.tr("Tableau enregistré\u00a0: <b>{name}</b> dans {folder} — "
                                   "<a href=\"#\">Afficher dans le dossier</a>")
                           .format(name=escape(path.name), folder=escape(str(path.parent))))
        self.saved.show()
        self.message.emit(self.tr("Tableau exporté\u00a0: {path}").format(path=path))
        return path

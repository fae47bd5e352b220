"""The list of the 22 QPV with their communes, area and population."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView

from ..models.reference import QpvSummary
from ..models.frenchnum import format_french_number, format_french_percent
from ..models.search import normalize
from .i18n import HEADERS_CONTEXT, translate


SHARE_COLUMN, POPULATION_COLUMN = 5, 6
SORT_ROLE = Qt.ItemDataRole.UserRole
# read-only cells, as a QAbstractTableModel's
CELL_FLAGS = (Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
              | Qt.ItemFlag.ItemNeverHasChildren)
RIGHT_ALIGNED = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class QpvTableModel(QStandardItemModel):
    """Every cell made once, in Qt's own model: the rows never change, and a Python model
    answered ~13,000 calls (each cell's roles, on each pass of the columns sized to their
    contents) while the window first laid out: ~30 ms before the first map."""

    HEADERS = (QT_TRANSLATE_NOOP("RowsTableModel", "Code 2024"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Code 2015"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Nom du quartier"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Communes"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Superficie (ha)"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Part dans la CALL"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Population"))

    def __init__(self, rows: list[QpvSummary]) -> None:
        super().__init__(len(rows), len(self.HEADERS))
        self._rows = rows
        for column, text in enumerate(self.HEADERS):
            self.setHorizontalHeaderItem(column, QStandardItem(translate(HEADERS_CONTEXT, text)))
        self.horizontalHeaderItem(SHARE_COLUMN).setToolTip(self.tr(
            "Part de la superficie du quartier située dans la CALL : certains quartiers "
            "débordent sur une commune voisine, hors de l'agglomération."))
        for row, qpv in enumerate(rows):
            texts = (qpv.code, qpv.code_2015, qpv.name, qpv.communes,
                     format_french_number(qpv.area_ha, 1),
                     format_french_percent(qpv.share_in_call),
                     format_french_number(qpv.population, 0))
            sort_keys = (qpv.code, qpv.code_2015, normalize(qpv.name), normalize(qpv.communes),
                         qpv.area_ha, qpv.share_in_call, qpv.population or -1)
            for column, (text, key) in enumerate(zip(texts, sort_keys)):
                item = QStandardItem(text)
                item.setData(key, SORT_ROLE)
                item.setFlags(CELL_FLAGS)
                if column >= 4:
                    item.setTextAlignment(RIGHT_ALIGNED)
                self.setItem(row, column, item)
            if qpv.population is not None:
                self.item(row, POPULATION_COLUMN).setToolTip(
                    self.tr("Population municipale, INSEE base DEMO édition "
                            "{population_edition}, géographie QPV 2015")
                    .format(population_edition=qpv.population_edition))

    def qpv(self, row: int) -> QpvSummary:
        return self._rows[row]


class QpvListView(QTableView):
    def __init__(self, rows: list[QpvSummary]) -> None:
        super().__init__()
        self.source_model = QpvTableModel(rows)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.source_model)
        proxy.setSortRole(SORT_ROLE)
        self.setModel(proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setAccessibleName(self.tr("Liste des quartiers prioritaires"))

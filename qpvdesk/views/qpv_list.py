"""The list of the 22 QPV with their communes, area and population."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from ..models.reference import QpvSummary
from ..models.frenchnum import format_french_number, format_french_percent
from ..models.search import normalize
from .table_model import RowsTableModel


SHARE_COLUMN = 5


class QpvTableModel(RowsTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("RowsTableModel", "Code 2024"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Code 2015"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Nom du quartier"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Communes"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Superficie (ha)"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Part dans la CALL"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Population"))

    def __init__(self, rows: list[QpvSummary]) -> None:
        super().__init__()
        self._rows = rows

    def qpv(self, row: int) -> QpvSummary:
        return self._rows[row]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal
                and section == SHARE_COLUMN):
            return self.tr("Part de la superficie du quartier située dans la CALL : certains "
                           "quartiers débordent sur une commune voisine, hors de "
                           "l'agglomération.")
        return super().headerData(section, orientation, role)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        qpv, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (qpv.code, qpv.code_2015, qpv.name, qpv.communes,
                    format_french_number(qpv.area_ha, 1),
                    format_french_percent(qpv.share_in_call),
                    format_french_number(qpv.population, 0))[column]
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return (qpv.code, qpv.code_2015, normalize(qpv.name), normalize(qpv.communes),
                    qpv.area_ha, qpv.share_in_call, qpv.population or -1)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 6 and qpv.population is not None:
            return (self.tr("Population municipale, INSEE base DEMO édition "
                            "{population_edition}, géographie QPV 2015")
                    .format(population_edition=qpv.population_edition))
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class QpvListView(QTableView):
    def __init__(self, rows: list[QpvSummary]) -> None:
        super().__init__()
        self.source_model = QpvTableModel(rows)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.source_model)
        proxy.setSortRole(Qt.ItemDataRole.UserRole)
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

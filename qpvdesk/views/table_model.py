"""A read-only table model over a list of rows with fixed horizontal headers."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from .i18n import HEADERS_CONTEXT, translate


class RowsTableModel(QAbstractTableModel):
    """Subclasses set HEADERS (marked with QT_TRANSLATE_NOOP in the HEADERS_CONTEXT), keep
    their rows in `_rows` and implement data()."""

    HEADERS: tuple[str, ...] = ()
    _rows: list

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate(HEADERS_CONTEXT, self.HEADERS[section])
        return None

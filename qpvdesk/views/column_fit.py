"""A table whose title column stays readable in a narrow panel: the other columns are as wide
as their contents up to a cap, and give way (down to a floor) before the title does."""
from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

FLOOR_PX = 48   # narrowest a non-title column gets: a few letters and « … »


class TitleColumnFit(QObject):
    """Fits ``view``'s columns whenever it is resized or its rows change."""

    def __init__(self, view: QTableView, title_column: int, caps: Mapping[int, int],
                 min_title: int = 140, kept: frozenset[int] = frozenset()) -> None:
        """``kept``: columns that never give way below their contents (a wrapping column
        whose contents are already as narrow as they read)."""
        super().__init__(view)
        self.view, self.title_column = view, title_column
        self.caps, self.min_title, self.kept = dict(caps), min_title, kept
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(24)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.rowsRemoved):
            signal.connect(self.fit)
        self.fit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def widths(self, available: int) -> dict[int, int]:
        """Column widths for a viewport ``available`` pixels wide."""
        view, header = self.view, self.view.horizontalHeader()
        widths = {}
        for column in range(view.model().columnCount()):
            if column == self.title_column or header.isSectionHidden(column):
                continue
            natural = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
            widths[column] = min(natural, self.caps.get(column, natural))
        shortfall = self.min_title - (available - sum(widths.values()))
        room = {column: width - FLOOR_PX for column, width in widths.items()
                if width > FLOOR_PX and column not in self.kept}
        if shortfall > 0 and room:
            total = sum(room.values())
            for column, spare in room.items():
                widths[column] -= min(spare, -(-shortfall * spare // total))
        widths[self.title_column] = max(self.min_title, available - sum(widths.values()))
        return widths

    def fit(self) -> None:
        for column, width in self.widths(self.view.viewport().width()).items():
            self.view.setColumnWidth(column, width)

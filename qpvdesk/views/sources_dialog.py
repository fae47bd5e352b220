"""« Sources des données »: the provenance table of the reference database."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from ..models.reference import ProvenanceEntry


TABLE_LABELS = {
    "college": "Collèges (IPS, REP/REP+)", "commune": "Communes", "ecole": "Écoles (IPS)",
    "epci": "Agglomération (EPCI)", "etablissement_second_degre": "Établissements du 2nd degré",
    "heritage_bati": "Patrimoine minier : bâtis", "heritage_cite": "Patrimoine minier : cités",
    "heritage_puits": "Patrimoine minier : puits", "heritage_terril": "Patrimoine minier : terrils",
    "indicator": "Catalogue des indicateurs", "indicator_value": "Valeurs des indicateurs",
    "iris": "IRIS", "qpv": "Quartiers prioritaires (QPV)", "qpv_commune": "QPV et communes",
    "qpv_correspondence": "Correspondance QPV 2015-2024", "territory": "Territoires",
    "unesco_perimetre": "Bassin minier UNESCO : périmètres",
}


def grouped_by_folder(entries: list[ProvenanceEntry]) -> list[tuple[ProvenanceEntry, list[str]]]:
    """One row per table and source folder; the files of the folder are listed together."""
    groups: dict[tuple[str, str], tuple[ProvenanceEntry, list[str]]] = {}
    for entry in entries:
        key = (entry.table_name, entry.source_path.split("/", 1)[0])
        groups.setdefault(key, (entry, []))[1].append(entry.source_path)
    return list(groups.values())


class SourcesDialog(QDialog):
    HEADERS = ("Données", "Fichiers sources", "Producteur", "Licence", "Millésime", "Origine")

    def __init__(self, entries: list[ProvenanceEntry], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sources des données")
        self.resize(1200, 600)
        layout = QVBoxLayout(self)
        intro = QLabel("Toutes les données de qpvdesk sont des données publiques ouvertes. "
                       "Chaque table de la base de référence est construite à partir des "
                       "fichiers ci-dessous, fournis avec l'application.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        groups = grouped_by_folder(entries)
        self.table = QTableWidget(len(groups), len(self.HEADERS), self)
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (entry, files) in enumerate(groups):
            folder = entry.source_path.split("/", 1)[0]
            shown_files = files[0] if len(files) == 1 else f"{folder}/ ({len(files)} fichiers)"
            values = (TABLE_LABELS.get(entry.table_name, entry.table_name), shown_files,
                      entry.producer, entry.licence, entry.vintage, entry.original_location)
            tips = (entry.table_name, "\n".join(files)) + values[2:]
            for column, (value, tip) in enumerate(zip(values, tips)):
                item = QTableWidgetItem(value)
                item.setToolTip(tip)
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for column in range(len(self.HEADERS)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

"""« Sources et licences »: the provenance table of the reference database, how to cite each
dataset (Licence Ouverte / Etalab 2.0 asks for the source), and the software licences."""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget,
                               QTextBrowser, QVBoxLayout, QWidget)

from .. import paths
from ..models.licences import (LICENCE_OUVERTE, LICENCE_OUVERTE_LINK, SOFTWARE_LICENCES,
                               DatasetCredit, citation_block, dataset_credits)
from ..models.reference import ProvenanceEntry
from .i18n import Texts, translate


TABLE_LABELS = Texts("SourcesDialog", {
    "college": QT_TRANSLATE_NOOP("SourcesDialog", "Collèges (IPS, REP/REP+)"),
    "commune": QT_TRANSLATE_NOOP("SourcesDialog", "Communes"),
    "ecole": QT_TRANSLATE_NOOP("SourcesDialog", "Écoles (IPS)"),
    "epci": QT_TRANSLATE_NOOP("SourcesDialog", "Agglomération (EPCI)"),
    "etablissement_second_degre":
        QT_TRANSLATE_NOOP("SourcesDialog", "Établissements du 2nd degré"),
    "heritage_bati": QT_TRANSLATE_NOOP("SourcesDialog", "Patrimoine minier : bâtis"),
    "heritage_cite": QT_TRANSLATE_NOOP("SourcesDialog", "Patrimoine minier : cités"),
    "heritage_puits": QT_TRANSLATE_NOOP("SourcesDialog", "Patrimoine minier : puits"),
    "heritage_terril": QT_TRANSLATE_NOOP("SourcesDialog", "Patrimoine minier : terrils"),
    "indicator": QT_TRANSLATE_NOOP("SourcesDialog", "Catalogue des indicateurs"),
    "indicator_value": QT_TRANSLATE_NOOP("SourcesDialog", "Valeurs des indicateurs"),
    "iris": "IRIS",
    "qpv": QT_TRANSLATE_NOOP("SourcesDialog", "Quartiers prioritaires (QPV)"),
    "qpv_commune": QT_TRANSLATE_NOOP("SourcesDialog", "QPV et communes"),
    "qpv_correspondence": QT_TRANSLATE_NOOP("SourcesDialog", "Correspondance QPV 2015-2024"),
    "territory": QT_TRANSLATE_NOOP("SourcesDialog", "Territoires"),
    "unesco_perimetre": QT_TRANSLATE_NOOP("SourcesDialog", "Bassin minier UNESCO : périmètres"),
})


def grouped_by_folder(entries: list[ProvenanceEntry]) -> list[tuple[ProvenanceEntry, list[str]]]:
    """One row per table and source folder; the files of the folder are listed together."""
    groups: dict[tuple[str, str], tuple[ProvenanceEntry, list[str]]] = {}
    for entry in entries:
        key = (entry.table_name, entry.source_path.split("/", 1)[0])
        groups.setdefault(key, (entry, []))[1].append(entry.source_path)
    return list(groups.values())


def _read_only_table(rows, headers, parent=None) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft
                                                 | Qt.AlignmentFlag.AlignVCenter)
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(row, column, item)
    return table


def credits_html(credits: list[DatasetCredit]) -> str:
    """The « Comment citer » page: per dataset, producer, vintage, licence and the sentence."""
    parts = [translate("sources_dialog",
                       "<p>La Licence Ouverte demande de <b>citer la source</b> quand vous "
                       "reprenez ces données (dans un rapport, sous une carte ou un tableau). "
                       "Copiez la mention correspondante, ou toutes avec le bouton "
                       "ci-dessous.</p>")]
    producer, vintage, licence, mention = (
        translate("sources_dialog", "Producteur"), translate("sources_dialog", "Millésime"),
        translate("sources_dialog", "Licence"),
        translate("sources_dialog", "Mention à reproduire&nbsp;:"))
    for credit in credits:
        parts.append(
            f"<h3>{escape(credit.dataset)}</h3>"
            "<table cellpadding='2'>"
            f"<tr><td><b>{producer}</b></td><td>{escape(credit.producer)}</td></tr>"
            f"<tr><td><b>{vintage}</b></td><td>{escape(credit.vintage)}</td></tr>"
            f"<tr><td><b>{licence}</b></td><td>{escape(credit.licence)}</td></tr>"
            "</table>"
            "<p style='background-color:#eef2f7; margin-left:12px;'>"
            f"<b>{mention}</b><br>{escape(credit.attribution)}</p>")
    parts.append(translate("sources_dialog",
                           "<p>Texte de la licence : {licence}, {link}. Le détail de chaque "
                           "source est dans le fichier PROVENANCE.md de son dossier "
                           "(data/sources/).</p>")
                 .format(licence=escape(LICENCE_OUVERTE), link=escape(LICENCE_OUVERTE_LINK)))
    return "".join(parts)


class SourcesDialog(QDialog):
    HEADERS = (QT_TRANSLATE_NOOP("SourcesDialog", "Données"),
               QT_TRANSLATE_NOOP("SourcesDialog", "Fichiers sources"),
               QT_TRANSLATE_NOOP("SourcesDialog", "Producteur"),
               QT_TRANSLATE_NOOP("SourcesDialog", "Licence"),
               QT_TRANSLATE_NOOP("SourcesDialog", "Millésime"),
               QT_TRANSLATE_NOOP("SourcesDialog", "Origine"))
    SOFTWARE_HEADERS = (QT_TRANSLATE_NOOP("SourcesDialog", "Logiciel ou format"),
                        QT_TRANSLATE_NOOP("SourcesDialog", "Rôle dans qpvdesk"),
                        QT_TRANSLATE_NOOP("SourcesDialog", "Licence"))

    def __init__(self, entries: list[ProvenanceEntry], parent=None,
                 sources_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sources et licences"))
        self.resize(1200, 640)
        self.credits = dataset_credits(entries,
                                       sources_folder or paths.sources_folder())
        licences = {credit.folder: credit.licence for credit in self.credits}
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Toutes les données de qpvdesk sont des données publiques "
                               "ouvertes. Chaque table de la base de référence est construite "
                               "à partir des fichiers ci-dessous, fournis avec l'application. Si "
                               "vous reprenez ces données, citez leur source : la mention à "
                               "reproduire est donnée ci-dessous."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)

        groups = grouped_by_folder(entries)
        rows, tips = [], []
        for entry, files in groups:
            folder = entry.source_path.split("/", 1)[0]
            shown_files = (files[0] if len(files) == 1 else
                           self.tr("{folder}/ ({count} fichiers)")
                           .format(folder=folder, count=len(files)))
            values = (TABLE_LABELS.get(entry.table_name, entry.table_name), shown_files,
                      entry.producer, licences.get(folder, entry.licence), entry.vintage,
                      entry.original_location)
            rows.append(values)
            tips.append((entry.table_name, "\n".join(files)) + values[2:])
        self.table = _read_only_table(rows, [self.tr(text) for text in self.HEADERS], self)
        for row, row_tips in enumerate(tips):
            for column, tip in enumerate(row_tips):
                self.table.item(row, column).setToolTip(tip)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for column in range(len(self.HEADERS)):
            widest = 400 if column == 3 else 320
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))

        cite_page = QWidget()
        cite_layout = QVBoxLayout(cite_page)
        self.citations = QTextBrowser()
        self.citations.setOpenLinks(False)
        self.citations.setHtml(credits_html(self.credits))
        cite_layout.addWidget(self.citations)
        copy_row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copier toutes les mentions"))
        self.copy_button.setToolTip(self.tr("Copier les mentions de source, une par ligne, pour "
                                            "les coller dans un document"))
        self.copy_button.clicked.connect(self.copy_citations)
        self.copied_label = QLabel()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied_label, 1)
        cite_layout.addLayout(copy_row)
        self.tabs.addTab(cite_page, self.tr("Comment citer"))
        self.tabs.addTab(self.table, self.tr("Détail des fichiers"))

        self.software_table = _read_only_table(
            SOFTWARE_LICENCES, [self.tr(text) for text in self.SOFTWARE_HEADERS], self)
        self.software_table.resizeColumnsToContents()
        self.software_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.software_table, self.tr("Logiciels"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def citation_text(self) -> str:
        return citation_block(self.credits)

    def copy_citations(self) -> None:
        QApplication.clipboard().setText(self.citation_text())
        self.copied_label.setText(self.tr("Mentions copiées : collez-les (Ctrl+V) dans votre "
                                          "document."))

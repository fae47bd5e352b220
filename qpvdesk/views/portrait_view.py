"""« Portrait du territoire »: the territorial diagnostic on screen, section by section, and its
export as PDF and as an editable Word document.

The window shows the report Document the files are written from
(models/report/diagnostic_document.py): the summary, then each theme with its generated
sentences, tables, charts and precautions, then the sources. The list on the left goes from
section to section; each section is built when first shown. Exports run as a Task off the GUI
thread (the Word file takes about a second) and are written whole or not at all.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget, QMessageBox,
                               QPushButton, QSplitter, QStackedWidget, QToolButton,
                               QVBoxLayout, QWidget)

from ..models.report.document import Contents, Document, Heading, SourcesSection
from .document_view import DocumentPage, framed
from .file_dialogs import open_folder, save_path
from .formatting import font_size
from .tasks import Task

NAVIGATION_WIDTH = 210
#: (suffix, file-dialog filter, what the messages call the file)
FORMATS = {
    "pdf": (".pdf", QT_TRANSLATE_NOOP("PortraitView", "Documents PDF (*.pdf)"),
            "le portrait PDF"),
    "docx": (".docx", QT_TRANSLATE_NOOP("PortraitView", "Documents Word (*.docx)"),
             "le portrait Word"),
}
FILE_STEM = "portrait_de_territoire"


def sections(document: Document) -> list[tuple[str, list]]:
    """(title, blocks) of each part: what starts with a level-1 heading, and the sources
    (the list of parts stands for the table of contents)."""
    parts: list[tuple[str, list]] = []
    for block in document.blocks:
        if isinstance(block, Contents):
            continue
        if isinstance(block, Heading) and block.level == 1:
            parts.append((block.text, [block]))
        elif isinstance(block, SourcesSection):
            parts.append((block.title, [block]))
        elif parts:
            parts[-1][1].append(block)
        else:
            parts.append(("", [block]))
    return parts


def write_file(document: Document, kind: str, path: str) -> str:
    """Write the document (worker thread): the French line said once it is done."""
    what = FORMATS[kind][2]
    if kind == "pdf":
        from ..render.report_pdf import write_document_pdf

        pages = write_document_pdf(document, path, what)
        return f"{path} ({pages} pages)"
    from ..render.report_docx import write_document_docx

    write_document_docx(document, path, what)
    return path


class PortraitView(QWidget):
    """The diagnostic's sections in a list and a page; the two export buttons above."""

    export_finished = Signal(object)     # the path written, or None when nothing was

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setAccessibleName(self.tr("Portrait du territoire"))
        self.parts = sections(document)
        self.task: Task | None = None
        self.last_written: Path | None = None

        title = QLabel(document.cover.title if document.cover else document.title)
        title.setWordWrap(True)
        title.setStyleSheet(f"{font_size(14)}; font-weight: bold; color: #1f3b57;")
        lines = QLabel(" · ".join(document.cover.lines) if document.cover else "")
        lines.setWordWrap(True)
        lines.setStyleSheet(f"color: #555555; {font_size(9)};")
        self.pdf_button = QPushButton(self.tr("Exporter en PDF…"))
        self.docx_button = QPushButton(self.tr("Exporter en Word (DOCX)…"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.docx_button.clicked.connect(lambda: self.export("docx"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QToolButton()
        self.reveal_button.setText(self.tr("Ouvrir le dossier"))
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_button.hide()

        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(lines)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.docx_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.reveal_button)
        heading.addLayout(buttons)

        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Parties du portrait"))
        self.navigation.addItems([title or self.tr("Début") for title, _ in self.parts])
        self.pages = QStackedWidget()
        self._built: dict[int, QWidget] = {}
        for _ in self.parts:
            self.pages.addWidget(QWidget())   # placeholders, built when first shown
        self.navigation.currentRowChanged.connect(self.show_part)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([NAVIGATION_WIDTH, 4 * NAVIGATION_WIDTH])

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(splitter, 1)
        self.navigation.setCurrentRow(0)

    # -- pages ------------------------------------------------------------------------------

    def show_part(self, row: int) -> None:
        if row < 0:
            return
        if row not in self._built:
            page = framed(DocumentPage(self.parts[row][1]))
            placeholder = self.pages.widget(row)
            self.pages.insertWidget(row, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[row] = page
        self.pages.setCurrentIndex(row)

    def part_titles(self) -> list[str]:
        return [self.navigation.item(row).text() for row in range(self.navigation.count())]

    def current_page(self) -> QWidget:
        return self.pages.currentWidget()

    # -- exports ----------------------------------------------------------------------------

    def export(self, kind: str) -> Task | None:
        """Ask where, then write the file off the GUI thread; None when cancelled."""
        suffix, filters, _ = FORMATS[kind]
        caption = (self.tr("Exporter le portrait en PDF") if kind == "pdf" else
                   self.tr("Exporter le portrait en Word"))
        chosen = save_path(self, caption, FILE_STEM + suffix, self.tr(filters))
        if not chosen:
            return None
        path = chosen if chosen.lower().endswith(suffix) else chosen + suffix
        return self.start_export(kind, path)

    def start_export(self, kind: str, path: str) -> Task:
        document = self.document
        task = Task(lambda progress: write_file(document, kind, path), self)
        task.succeeded.connect(lambda line: self._exported(path, line))
        task.failed.connect(self._export_failed)
        task.finished.connect(self._export_ended)
        QApplication.instance().aboutToQuit.connect(task.stop)
        self.task = task
        for button in (self.pdf_button, self.docx_button):
            button.setEnabled(False)
        self.reveal_button.hide()
        self.status.setText(self.tr("Écriture de {path}…").format(path=path))
        task.start()
        return task

    def _exported(self, path: str, line: str) -> None:
        self.last_written = Path(path)
        self.status.setText(self.tr("Portrait enregistré : {line}").format(line=line))
        self.reveal_button.show()
        self.export_finished.emit(self.last_written)

    def _export_failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Aucun fichier n'a été écrit."))
        if not isinstance(error, OSError):
            self.export_finished.emit(None)
            raise error            # a defect: the application's error handler reports it
        self.show_error(str(error))
        self.export_finished.emit(None)

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Exporter le portrait"),
                            self.tr("{error}\nAucun fichier n'a été écrit.").format(error=text))

    def _export_ended(self) -> None:
        for button in (self.pdf_button, self.docx_button):
            button.setEnabled(True)
        if self.task is not None:
            self.task.deleteLater()
            self.task = None

    def reveal(self) -> None:
        if self.last_written is not None:
            open_folder(self, self.last_written.parent)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self.task is not None and self.task.running:
            self.task.stop()          # the file is finished or not written at all
        super().closeEvent(event)

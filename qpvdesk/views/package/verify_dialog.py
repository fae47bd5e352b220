"""The agglomeration checks a package received from a commune: verdict, identity, checks,
contents and — when the package is authentic — its proposals, listed and drawn on a map.

The dialog only displays a VerificationReport; AgglomerationActions does the work (preview
on the map, acceptance into the consolidated store) when its signals fire.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFormLayout, QFrame, QGridLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSizePolicy, QTableView, QVBoxLayout, QWidget)

from ...models.frenchnum import NO_VALUE, format_french_number
from ...models.map.layers import RECEIVED_PROPOSAL_LAYERS
from ...models.package.minisign import readable_key_id
from ...models.package.verify import VerificationReport
from ...models.proposals.proposal import Proposal
from ...models.search import french_order
from ..column_fit import TitleColumnFit
from ..formatting import font_size
from ..i18n import translate
from ..proposals.proposal_list import SHORT_KINDS
from ..table_model import RowsTableModel

EMPTY = NO_VALUE
OK_STYLE = ("background: #e7f6ec; color: #14532d; border: 2px solid #2e9e5b; "
            "border-radius: 6px; padding: 10px;")
REFUSED_STYLE = ("background: #fdecec; color: #7f1d1d; border: 2px solid #d64545; "
                 "border-radius: 6px; padding: 10px;")
WARNING_STYLE = ("color: #9a3412; background: #fff7ed; border: 1px solid #fdba74; "
                 "border-radius: 4px; padding: 6px;")
PASSED, FAILED, NOT_RUN = "✓", "✗", "–"
PREVIEW_SIZE = (440, 300)


# -- French words shared by the agglomeration dialogs ------------------------------------------

def french_datetime(value: str | None) -> str:
    """'2026-11-22T10:04:31+01:00' -> '22/11/2026 à 10 h 04' (in its own time zone); a date
    alone gives '22/11/2026'; anything unreadable is returned as it is."""
    if not value:
        return EMPTY
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    text = moment.strftime("%d/%m/%Y")
    if "T" in value or " " in value.strip():
        text += translate("verify_dialog", " à {hour} h {minute:02d}").format(
            hour=moment.hour, minute=moment.minute)
    return text


def french_size(size: int) -> str:
    """142 700 -> '139,4 ko' (1 ko = 1 024 octets), with a no-break space."""
    if size < 1024:
        return (translate("verify_dialog", "{number}\u00a0octets")
                .format(number=format_french_number(size, 0)))
    if size < 1024 * 1024:
        return (translate("verify_dialog", "{number}\u00a0ko")
                .format(number=format_french_number(size / 1024, 1)))
    return (translate("verify_dialog", "{number}\u00a0Mo")
            .format(number=format_french_number(size / (1024 * 1024), 1)))


def commune_name(territory, insee: str | None) -> str:
    """The commune's name, or its code when the reference does not know it."""
    if not insee:
        return EMPTY
    try:
        return territory.commune_name(insee)
    except (KeyError, IndexError, AttributeError):
        return insee


def commune_label(territory, insee: str | None) -> str:
    """'Lens (62498)'."""
    name = commune_name(territory, insee)
    return f"{name} ({insee})" if insee and name != insee else name


def qpv_name(territory, code: str | None) -> str:
    if not code:
        return EMPTY
    try:
        return territory.qpv_name(code)
    except (KeyError, IndexError, AttributeError):
        return code


def communes_text(territory, codes: Sequence[str]) -> str:
    return ", ".join(sorted((commune_name(territory, code) for code in codes),
                             key=french_order)) or EMPTY


def paragraph(text: str, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    return label


def prepare_table(view: QTableView) -> None:
    """The look shared by the read-only lists of the agglomeration dialogs."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def fit_columns(view: QTableView, stretch: int, widest: dict[int, int] | None = None) -> None:
    """Columns as wide as their contents (at most ``widest``), ``stretch`` taking the rest;
    the full text of a cut cell is in its tooltip."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for column, width in (widest or {}).items():
        if view.columnWidth(column) > width:
            view.setColumnWidth(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


# -- models -----------------------------------------------------------------------------------

class ListModel(RowsTableModel):
    """Rows of ready-made French strings (the views format, the models compute)."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[str]] = (),
                 parent=None) -> None:
        super().__init__(parent)
        self.HEADERS = tuple(headers)
        self._rows = [list(row) for row in rows]
        self.colors: dict[tuple[int, int], str] = {}

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        self._rows = [list(row) for row in rows]
        self.endResetModel()

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self.colors.get((index.row(), index.column()))
            return QColor(color) if color else None
        return None


def proposal_rows(territory, proposals: Sequence[Proposal]) -> list[list[str]]:
    """n°, type, titre, QPV, communes — the numbers match the preview map's."""
    return [[str(number_), SHORT_KINDS.get(item.kind, item.kind), item.label,
             qpv_name(territory, item.qpv_code), communes_text(territory, item.communes)]
            for number_, item in enumerate(proposals, start=1)]


PROPOSAL_HEADERS = (QT_TRANSLATE_NOOP("RowsTableModel", "N°"),
                    QT_TRANSLATE_NOOP("RowsTableModel", "Type"),
                    QT_TRANSLATE_NOOP("RowsTableModel", "Titre"),
                    QT_TRANSLATE_NOOP("RowsTableModel", "QPV"),
                    QT_TRANSLATE_NOOP("RowsTableModel", "Communes"))

# -- the dialog -------------------------------------------------------------------------------

class VerificationDialog(QDialog):
    """What the verification of one received package found."""

    preview_requested = Signal(list)   # the package's proposals, to show on the main map
    accept_requested = Signal()        # record the package in the consolidated store

    def __init__(self, parent: QWidget | None, report: VerificationReport, territory,
                 reference=None) -> None:
        super().__init__(parent)
        self.report, self.territory = report, territory
        self.setWindowTitle(self.tr("Vérification du paquet reçu"))
        self.setMinimumWidth(760 if not report.ok else 1040)
        layout = QVBoxLayout(self)
        layout.addWidget(self._banner())
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._identity())
        left.addWidget(self._checks())
        left.addWidget(self._contents())
        left.addStretch(1)
        columns.addLayout(left, 5)
        self.proposals_view: QTableView | None = None
        self.preview_label: QLabel | None = None
        if report.ok:
            columns.addWidget(self._payload(reference), 6)
        layout.addLayout(columns, 1)
        layout.addLayout(self._buttons())
        self.resize(self.sizeHint())

    # -- parts --------------------------------------------------------------------------
    def _verdict_titles(self) -> tuple[str, str]:
        """The banner's title when the file is accepted, and when it is refused."""
        return self.tr("✓  Paquet authentique et intact"), self.tr("✗  Paquet refusé")

    def _banner(self) -> QWidget:
        report = self.report
        frame = QFrame()
        frame.setObjectName("verdict")
        box = QVBoxLayout(frame)
        box.setContentsMargins(0, 0, 0, 0)
        if report.ok:
            title = self._verdict_titles()[0]
            line = self._authentic_text()
            style = OK_STYLE
        else:
            title = self._verdict_titles()[1]
            line = report.reason or ""
            style = REFUSED_STYLE
        self.verdict_label = QLabel(title)
        self.verdict_label.setStyleSheet(style + f" {font_size(15)}; font-weight: bold;"
                                         " border-bottom-left-radius: 0;"
                                         " border-bottom-right-radius: 0; border-bottom: 0;")
        self.reason_label = paragraph(line, style + " border-top-left-radius: 0;"
                                      " border-top-right-radius: 0; border-top: 0;")
        self.reason_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setSpacing(0)
        box.addWidget(self.verdict_label)
        box.addWidget(self.reason_label)
        if not report.ok:
            box.addSpacing(6)
            box.addWidget(paragraph(self._refusal_advice()))
        return frame

    def _authentic_text(self) -> str:
        sender = commune_label(self.territory, self.report.info.commune_insee) \
            if self.report.info else EMPTY
        count = len(self.report.proposals)
        words = self.tr("proposition") if count == 1 else self.tr("propositions")
        return (self.tr("Signé par la clé enregistrée pour {sender} ; aucun fichier n'a "
                        "été modifié depuis la signature. Il contient {count} {words}.")
                .format(sender=sender, count=count, words=words))

    def _refusal_advice(self) -> str:
        return self.tr("Rien n'a été importé. Ne tenez pas compte de ce paquet : demandez à "
                       "la commune de vous le renvoyer, ou vérifiez que sa clé publique a bien "
                       "été importée (menu « Clés des communes… »).")

    def _identity(self) -> QGroupBox:
        group = QGroupBox(self.tr("Expéditeur"))
        form = QFormLayout(group)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.identity: dict[str, str] = {}
        for label, value in self._identity_rows():
            self.identity[label] = value
            field = QLabel(value)
            field.setTextFormat(Qt.TextFormat.PlainText)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            form.addRow(self.tr("{label} :").format(label=self.tr(label)), field)
        return group

    def _identity_rows(self) -> list[tuple[str, str]]:
        """(label marked for translation, value) of what the package says of its sender."""
        report, info = self.report, self.report.info
        if info is None:
            rows = [(QT_TRANSLATE_NOOP("VerificationDialog", "Fichier"), report.path.name)]
            if report.trusted_commune:
                rows.insert(0, (QT_TRANSLATE_NOOP("VerificationDialog", "Clé de la commune"),
                                commune_label(self.territory, report.trusted_commune)))
        else:
            contact = info.contact_name
            if info.contact_email:
                contact = f"{contact} <{info.contact_email}>" if contact else info.contact_email
            rows = [(QT_TRANSLATE_NOOP("VerificationDialog", "Commune"),
                     commune_label(self.territory, info.commune_insee)),
                    (QT_TRANSLATE_NOOP("VerificationDialog", "Organisation"),
                     info.source_organization or EMPTY),
                    (QT_TRANSLATE_NOOP("VerificationDialog", "Contact"), contact or EMPTY),
                    (QT_TRANSLATE_NOOP("VerificationDialog", "Clé de signature"),
                     readable_key_id(info.key_id)),
                    (QT_TRANSLATE_NOOP("VerificationDialog", "Créé le"),
                     french_datetime(info.created)),
                    (QT_TRANSLATE_NOOP("VerificationDialog", "Identifiant du paquet"), info.uuid),
                    (QT_TRANSLATE_NOOP("VerificationDialog", "Fichier"), report.path.name)]
        return rows

    def _checks(self) -> QGroupBox:
        group = QGroupBox(self.tr("Contrôles"))
        grid = QGridLayout(group)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(4)
        self.check_marks: list[str] = []
        for row, check in enumerate(self.report.checks):
            mark = {True: PASSED, False: FAILED, None: NOT_RUN}[check.passed]
            color = {True: "#1e7b45", False: "#b91c1c", None: "#777777"}[check.passed]
            mark_label = QLabel(mark)
            mark_label.setStyleSheet(f"color: {color}; font-weight: bold;")
            mark_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            title = QLabel(check.label if check.passed is not None
                           else self.tr("{label} (non vérifié)").format(label=check.label))
            if check.passed is None:
                title.setStyleSheet("color: #777777;")
            lines = QVBoxLayout()
            lines.setSpacing(0)
            lines.addWidget(title)
            if check.detail and check.passed is not None:
                # the detail on its own line, smaller; only a refusal may need wrapping
                detail = QLabel(check.detail)
                detail.setWordWrap(check.passed is False)
                detail_color = "#b91c1c" if check.passed is False else "#555555"
                font = detail.font()
                font.setPointSizeF(font.pointSizeF() * 0.9)
                detail.setFont(font)
                detail.setStyleSheet(f"color: {detail_color};")
                lines.addWidget(detail)
            grid.addWidget(mark_label, row, 0)
            grid.addLayout(lines, row, 1)
            self.check_marks.append(mark)
        return group

    def _contents(self) -> QGroupBox:
        group = QGroupBox(self.tr("Contenu du paquet"))
        box = QVBoxLayout(group)
        if not self.report.contents:
            box.addWidget(paragraph(self.tr("Contenu non lu : le paquet a été refusé avant.")))
            self.contents_lines = []
            return group
        self.contents_lines = [f"{name.removeprefix('data/')} — {french_size(size)}"
                               for name, size in self.report.contents]
        box.addWidget(paragraph("\n".join(self.contents_lines)))
        return group

    def _payload(self, reference) -> QGroupBox:
        """What an authentic package holds, beside the checks."""
        return self._proposals(reference)

    def _proposals(self, reference) -> QGroupBox:
        proposals = self.report.proposals
        group = QGroupBox(self.tr("Propositions du paquet ({count})").format(count=len(proposals)))
        box = QVBoxLayout(group)
        self.proposals_model = ListModel(PROPOSAL_HEADERS,
                                         proposal_rows(self.territory, proposals))
        self.proposals_view = QTableView()
        self.proposals_view.setModel(self.proposals_model)
        prepare_table(self.proposals_view)
        # the title tells the proposals apart: it keeps its room, the others give way
        self.proposals_fit = TitleColumnFit(self.proposals_view, 2, {1: 110, 3: 150, 4: 150},
                                            min_title=180)
        self.proposals_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = min(max(len(proposals), 1), 8)
        self.proposals_view.setFixedHeight(
            self.proposals_view.horizontalHeader().sizeHint().height()
            + rows * self.proposals_view.verticalHeader().defaultSectionSize() + 4)
        box.addWidget(self.proposals_view)
        self.preview_label = QLabel()
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setSizePolicy(QSizePolicy.Policy.Preferred,
                                         QSizePolicy.Policy.Fixed)
        if reference is not None and proposals:
            try:
                from ...render.synthese_pdf import proposals_map

                # in the received colours, as on the main map: not the user's own purple
                image = proposals_map(reference, proposals, *PREVIEW_SIZE,
                                      colours=RECEIVED_PROPOSAL_LAYERS)
            except Exception:   # a preview is a comfort: never block the verdict for it
                image = None
            if image is not None and not image.isNull():
                self.preview_label.setPixmap(QPixmap.fromImage(image))
                self.preview_label.setToolTip(self.tr("Les numéros renvoient au tableau "
                                                      "ci-dessus."))
        if self.preview_label.pixmap().isNull():
            self.preview_label.setText(self.tr("Aperçu de la carte indisponible."))
        box.addWidget(self.preview_label)
        box.addStretch(1)
        return group

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Afficher sur la carte"))
        self.preview_button.setToolTip(self.tr("Montrer ces propositions sur la carte principale, "
                                               "sans les importer."))
        self.accept_button = QPushButton(self.tr("Accepter dans la base consolidée"))
        self.accept_button.setToolTip(self.tr("Enregistrer ce paquet et ses propositions dans la "
                                              "base de l'agglomération."))
        self.close_button = QPushButton(self.tr("Fermer"))
        enabled = self.report.ok
        self.preview_button.setEnabled(enabled and bool(self.report.proposals))
        self.accept_button.setEnabled(enabled)
        if enabled:
            self.accept_button.setDefault(True)
        else:
            self.close_button.setDefault(True)
        self.preview_button.clicked.connect(
            lambda: self.preview_requested.emit(list(self.report.proposals)))
        self.accept_button.clicked.connect(self.accept_requested.emit)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.preview_button)
        row.addStretch(1)
        row.addWidget(self.accept_button)
        row.addWidget(self.close_button)
        return row

    def mark_already_accepted(self, received: str) -> None:
        """Reopened after it was accepted: say so, and offer no second acceptance."""
        self.accept_button.setEnabled(False)
        self.accept_button.setText(self.tr("Déjà accepté"))
        self.close_button.setDefault(True)
        self.already_label = paragraph(
            self.tr("Ce paquet a déjà été accepté le {date}\u00a0: il figure dans la base "
                    "consolidée, l'accepter à nouveau ne changerait rien.")
            .format(date=french_datetime(received)), WARNING_STYLE)
        self.layout().insertWidget(1, self.already_label)

    def mark_accepted(self, summary: str) -> None:
        """After acceptance: the package cannot be accepted twice from this dialog."""
        self.accept_button.setEnabled(False)
        self.accept_button.setText(self.tr("Accepté"))
        self.close_button.setDefault(True)
        self.reason_label.setText(self.reason_label.text() + "\n" + summary)

"""« Portrait du territoire »: the headline figures the CALL's diagnostic opens with.

Each card shows a figure with its vintage and the statistical rule that produced it. Counts are
added up; rates and medians are not: their card shows the lowest and the highest quartier, the
CALL's published value when there is one, and the list of the 22 quartiers.
"""
from __future__ import annotations

from functools import partial
from html import escape as html_escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QFrame, QGridLayout, QLabel, QScrollArea, QToolButton,
                               QVBoxLayout, QWidget)

from ..models.fiche import Figure, format_figure, format_value
from ..models.portrait import Headline, Portrait
from .tables.indicator_table_view import figure_number, plain_number
from .formatting import font_size

escape = partial(html_escape, quote=False)   # text in labels: apostrophes stay readable
MAX_COLUMNS, CARD_WIDTH = 3, 440   # as many columns of cards as the width allows
INTRO = QT_TRANSLATE_NOOP("PortraitView",
                          "Les chiffres clés de la CA de Lens-Liévin et de ses quartiers "
                          "prioritaires, calculés à partir des données embarquées. Les "
                          "effectifs s'additionnent\u00a0; les taux et les médianes non\u00a0: "
                          "pour eux, on donne l'étendue entre quartiers et la liste des "
                          "quartiers.")
CARD_STYLE = """
QFrame#headline {{ background: white; border: 1px solid #c8c8c8; border-radius: 6px; }}
QLabel#figure {{ {figure}; font-weight: bold; color: #0b4f80; }}
QLabel#range {{ color: #0b4f80; }}
QLabel#rule {{ background: #eef3f7; border-left: 3px solid #0072B2; padding: 6px; }}
QLabel#small {{ color: #555555; {small}; }}
"""


def is_range(headline: Headline) -> bool:
    """True for rates and medians: no figure is computed from the quartiers' values (no
    inputs), so the card leads with their range instead."""
    return headline.qpv_min is not None and not headline.inputs


def _label(text: str, name: str | None = None, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def quartier_list_html(values: tuple[tuple[str, str, Figure], ...]) -> str:
    """The quartiers from the highest value to the lowest (unknown last), on two columns;
    the lowest and the highest in bold; the unit is said once, above."""
    known = sorted((item for item in values if item[2].status == "ok"),
                   key=lambda item: -item[2].value)
    ordered = known + [item for item in values if item[2].status != "ok"]
    extremes = {known[0][0], known[-1][0]} if known else set()
    cells = []
    for code, name, figure in ordered:
        style = "font-weight:bold;" if code in extremes else ""
        cells.append(f'<td style="{style}">{escape(name)}</td>'
                     f'<td align="right" style="{style} padding-right:14px">'
                     f"{escape(figure_number(figure))}</td>")
    half = (len(cells) + 1) // 2
    rows = [cells[i] + (cells[i + half] if i + half < len(cells) else "")
            for i in range(half)]
    return (f'<table cellspacing="0" cellpadding="1" style="{font_size(9)}">'
            + "".join(f"<tr>{row}</tr>" for row in rows) + "</table>")


class HeadlineCard(QFrame):
    def __init__(self, headline: Headline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = headline
        self.setObjectName("headline")
        self.setAccessibleName(headline.title)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        title = _label(headline.title)
        title.setStyleSheet(f"{font_size(11)}; font-weight: bold;")
        layout.addWidget(title)
        for widget in (self._range_widgets() if is_range(headline) else
                       self._figure_widgets()):
            layout.addWidget(widget)
        layout.addWidget(_label(self.tr("Source\u00a0: {vintage}").format(vintage=headline.vintage),
                                "small"))
        rule = self.tr("<b>Règle de calcul.</b> {explanation}")
        layout.addWidget(_label(rule.format(explanation=escape(headline.explanation)), "rule",
                                rich=True))
        for note in headline.notes:
            layout.addWidget(_label(note, "small"))
        if headline.qpv_values:
            self.list_button = QToolButton()
            self.list_button.setCheckable(True)
            self.list_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.list_button.setText(
                self.tr("Les {count} quartiers, du plus haut au plus bas ({unit})")
                .format(count=len(headline.qpv_values), unit=headline.unit))
            self.list_button.setAutoRaise(True)
            self.quartier_list = _label(quartier_list_html(headline.qpv_values), rich=True)
            self.list_button.toggled.connect(self._show_list)
            layout.addWidget(self.list_button)
            layout.addWidget(self.quartier_list)
            self.list_button.setChecked(is_range(headline))
            self._show_list(is_range(headline))
        layout.addStretch(1)

    def _show_list(self, shown: bool) -> None:
        self.quartier_list.setVisible(shown)
        self.list_button.setArrowType(Qt.ArrowType.DownArrow if shown
                                      else Qt.ArrowType.RightArrow)

    def _figure_widgets(self) -> list[QLabel]:
        headline = self.headline
        text = (self.tr("non calculable") if headline.value is None
                else format_value(headline.value, headline.unit))
        widgets = [_label(text, "figure")]
        low, high = headline.qpv_min, headline.qpv_max
        if low is not None:
            widgets.append(_label(
                self.tr("Selon le quartier, de {lowest} ({lowest_qpv}) à {highest} "
                        "({highest_qpv}).")
                .format(lowest=format_figure(low.figure), lowest_qpv=low.qpv_name,
                        highest=format_figure(high.figure), highest_qpv=high.qpv_name),
                "small"))
        return widgets

    def _range_widgets(self) -> list[QLabel]:
        headline = self.headline
        low, high = headline.qpv_min, headline.qpv_max
        lowest, highest = (f'<span style="{font_size(22)}; font-weight:bold">'
                           f"{plain_number(figure.value, figure.unit)}</span>"
                           for figure in (low.figure, high.figure))
        numbers = (self.tr("Selon le quartier, de<br>{lowest} <span style=\"{size}\">à "
                           "</span>{highest} <span style=\"{size}\">{unit}</span>")
                   .format(lowest=lowest, highest=highest, unit=escape(headline.unit),
                           size=font_size(12)))
        widgets = [
            _label(numbers, "range", rich=True),
            _label(self.tr("Le plus bas\u00a0: {lowest_qpv}. Le plus haut\u00a0: {highest_qpv}.")
                   .format(lowest_qpv=low.qpv_name, highest_qpv=high.qpv_name))]
        call = next((item for item in headline.references if item.level == "epci"), None)
        if call is not None and call.figure.status == "ok":   # else a note says why not
            widgets.append(_label(self.tr("<b>CALL\u00a0: {figure}</b> (millésime {edition})")
                                  .format(figure=escape(format_figure(call.figure)),
                                          edition=call.figure.edition), rich=True))
        others = [item for item in headline.references
                  if item.level != "epci" and item.figure.status == "ok"]
        if others:
            vintages = sorted({item.figure.edition for item in others})
            figures = " · ".join(f"{item.territory_name} {format_figure(item.figure)}"
                                 for item in others)
            widgets.append(_label(
                self.tr("Pour comparer (millésime {vintages})\u00a0: {figures}.")
                .format(vintages=", ".join(str(v) for v in vintages), figures=figures),
                "small"))
        return widgets


class PortraitView(QWidget):
    """The portrait's headline cards, three a row, in a scrolling page."""

    def __init__(self, portrait: Portrait, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Portrait du territoire"))
        page = QWidget()
        page.setStyleSheet(CARD_STYLE.format(figure=font_size(22), small=font_size(9)))
        column = QVBoxLayout(page)
        heading = _label(self.tr("Portrait du territoire"))
        heading.setStyleSheet(f"{font_size(16)}; font-weight: bold;")
        column.addWidget(heading)
        column.addWidget(_label(self.tr(INTRO)))
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        self.cards = [HeadlineCard(headline) for headline in portrait.headlines]
        self._columns = 0
        self._arrange(MAX_COLUMNS)
        column.addLayout(self.grid)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for index, card in enumerate(self.cards):
            self.grid.addWidget(card, index // columns, index % columns)
        for index in range(MAX_COLUMNS):
            self.grid.setColumnStretch(index, 1 if index < columns else 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._arrange(max(1, min(MAX_COLUMNS, event.size().width() // CARD_WIDTH)))

    def card(self, key: str) -> HeadlineCard:
        return next(card for card in self.cards if card.headline.key == key)

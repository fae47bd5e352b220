"""French numbers, dates and missing values: the one formatter of screens, PDFs and exports,
and the parser of numbers as INSEE writes them in its French CSV files.

INSEE uses a decimal comma and a (narrow) no-break space or plain space between thousands;
an empty cell means the value is under statistical secrecy or not available — never zero.
Displayed values round half away from zero, on the number as written in the source
(1 952,5 -> « 1 953 », 2,675 -> « 2,68 »), never half to even as Python's format() does.

A value that is not there is written one way per case, on every surface (screens, PDF, Word,
CSV/XLSX, map legends; the JSON keeps the status codes):
  « secret »          status ``secret``: statistical secrecy, an empty cell in a published row;
  « non publié »      status ``non_publie``: the producer publishes no row for this territory;
  « n.d. »            status ``missing``: absent from the bundled sources — « non disponible »
                      where there is room (sentences, tooltips, legends), « n.d. » in a cell;
  « — »               nothing to show: no figure belongs there (an empty field, no comparator).
None of them is ever shown as 0.
"""
from __future__ import annotations

import math
import re
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

NO_VALUE = "—"
#: The words of a figure without a value (statuses as stored), then the same in a table cell.
STATUS_WORDS = {"secret": "secret", "non_publie": "non publié", "missing": "non disponible"}
SHORT_STATUS_WORDS = {**STATUS_WORDS, "missing": "n.d."}
#: What each word means, for the notes and tooltips of every surface that shows them.
STATUS_MEANINGS = {
    "secret": "valeur couverte par le secret statistique (cellule vide d'une ligne publiée)",
    "non_publie": "le producteur ne publie pas ce territoire",
    "missing": "absent des sources embarquées"}
NO_VALUE_MEANING = "rien à montrer"


def _word_pair(status: str) -> str:
    short, long = SHORT_STATUS_WORDS[status], STATUS_WORDS[status]
    return f"« {short} »" if short == long else f"« {short} » ({long})"


def status_explanation(nothing: str = f"« {NO_VALUE} »") -> str:
    """What the words mean; ``nothing``: how the surface shows that there is nothing to show
    (« — », or an empty cell in a spreadsheet)."""
    return " ; ".join(
        [f"{_word_pair(status)} : {meaning}" for status, meaning in STATUS_MEANINGS.items()]
        + [f"{nothing} : {NO_VALUE_MEANING}"]) + ". Aucun n'est jamais remplacé par 0."


STATUS_EXPLANATION = status_explanation()

_THOUSANDS = str.maketrans("", "", " \u00a0\u202f\u2009")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")


class NumberFormatError(ValueError):
    """The text is neither empty nor a French- or point-formatted number."""


def parse_french_number(text: str | None) -> float | None:
    """``"1 515"`` -> 1515.0, ``"54,9"`` -> 54.9, ``"-8,9"`` -> -8.9, ``""`` -> None.

    A point is accepted as the decimal mark too (some INSEE extracts mix both), but never
    together with a comma. Anything else raises NumberFormatError.
    """
    if text is None:
        return None
    compact = text.strip().translate(_THOUSANDS)
    if compact == "":
        return None
    if "," in compact and "." in compact:
        raise NumberFormatError(f"ambiguous number {text!r}")
    if not _NUMBER.fullmatch(compact):
        raise NumberFormatError(f"not a number: {text!r}")
    return float(compact.replace(",", "."))


def rounded(value: float, decimals: int) -> Decimal:
    """The value rounded half away from zero (Decimal's ROUND_HALF_UP), taken as the shortest
    decimal that reads back as the same float: 2.675 is 2,675 in the source, so 2,68."""
    exact = Decimal(repr(float(value)))
    result = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return result if result != 0 else abs(result)    # never « -0 »


def format_french_number(value: float | None, decimals: int = 1, empty: str = NO_VALUE) -> str:
    """French display: narrow no-break space between thousands, decimal comma, halves
    rounded away from zero as a reader rounds ('2,5' -> '3'); ``empty`` (« — ») for None."""
    if value is None or not math.isfinite(value):
        return empty
    text = f"{rounded(value, decimals):,.{decimals}f}"
    return text.replace(",", "\u202f").replace(".", ",")


def format_french_percent(share: float | None, decimals: int = 0) -> str:
    """0.57 -> '57 %' with a no-break space, as French typography wants; « — » for None."""
    if share is None:
        return NO_VALUE
    return f"{format_french_number(share * 100, decimals)}\u00a0%"


def format_status(status: str, short: bool = False) -> str:
    """« secret », « non publié », « non disponible » (« n.d. » when short, in a cell)."""
    return (SHORT_STATUS_WORDS if short else STATUS_WORDS)[status]


def status_tip(status: str) -> str:
    """« Non publié : le producteur ne publie pas ce territoire. », for a tooltip."""
    return f"{STATUS_WORDS[status].capitalize()} : {STATUS_MEANINGS[status]}."


MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")


def format_french_date(value: str | None, with_time: bool = False) -> str:
    """'2026-11-22T10:04:31+01:00' -> '22 novembre 2026' (« à 10 h 04 » with the time, in the
    value's own time zone; « 1er » for the first day); anything unreadable as it is."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value or "")
    day = "1er" if moment.day == 1 else str(moment.day)
    text = f"{day} {MONTHS[moment.month - 1]} {moment.year}"
    if with_time and ("T" in value or " " in value.strip()):
        text += f" à {moment.hour} h {moment.minute:02d}"
    return text

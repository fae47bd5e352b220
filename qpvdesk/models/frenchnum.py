"""French numbers, dates and missing values: the one formatter of screens, PDFs and exports,
and the parser of numbers as INSEE writes them in its French CSV files.

INSEE uses a decimal comma and a (narrow) no-break space or plain space between thousands;
an empty cell means the value is under statistical secrecy or not available — never zero.

A value that is not there is written one way per case, everywhere:
  « secret » — under statistical secrecy (status ``secret``: INSEE's empty cell);
  « n.d. »   — not published: the source has no value for this territory and edition
               (status ``missing``), « non disponible » spelt out in sentences;
  « — »      — nothing to show: an empty field, or a figure the bundled sources do not have.
"""
from __future__ import annotations

import math
import re
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

SECRET = "secret"
NOT_AVAILABLE = "n.d."
NO_VALUE = "—"
STATUS_TEXTS = {"secret": SECRET, "missing": NOT_AVAILABLE}
STATUS_NOTE = ("« secret » : valeur couverte par le secret statistique ; « n.d. » : non "
               "disponible, la source ne publie pas cette valeur ; « — » : aucune valeur dans "
               "les sources embarquées. Aucune n'est jamais remplacée par 0.")

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


def format_french_number(value: float | None, decimals: int = 1, empty: str = NO_VALUE) -> str:
    """French display: narrow no-break space between thousands, decimal comma, halves
    rounded away from zero as a reader rounds ('2,5' -> '3'); ``empty`` (« — ») for None."""
    if value is None or not math.isfinite(value):
        return empty
    step = Decimal(1).scaleb(-decimals)
    rounded = Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)       # no « -0 »
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "\u202f").replace(".", ",")


def format_french_percent(share: float | None, decimals: int = 0) -> str:
    """0.57 -> '57 %' with a no-break space, as French typography wants; « — » for None."""
    if share is None:
        return NO_VALUE
    return f"{format_french_number(share * 100, decimals)}\u00a0%"


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

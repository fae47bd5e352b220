"""ISO 8601 instants as stored in the workspace: parsed to aware UTC, checked on the way in."""
from __future__ import annotations

from datetime import datetime, timezone


def utc_instant(iso: str) -> datetime:
    """An ISO 8601 date-time as an aware UTC instant, so that offsets compare correctly."""
    moment = datetime.fromisoformat(iso)
    if moment.tzinfo is None:
        moment = moment.astimezone()   # naive: local time (never stored, see checked_instant)
    return moment.astimezone(timezone.utc)


def checked_instant(iso: str, what: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        raise ValueError(f"{what} n'est pas une date ISO 8601 : « {iso} ».") from None
    if moment.tzinfo is None:
        raise ValueError(f"{what} n'indique pas de fuseau horaire : « {iso} ».")
    return iso

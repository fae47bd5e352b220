"""Build the reference database data/qpvdesk.sqlite from the real sources in data/sources/."""
from .builder import build_reference_database
from .errors import SourceError

__all__ = ["build_reference_database", "SourceError"]

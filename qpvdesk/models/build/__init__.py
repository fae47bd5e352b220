"""Build the reference database data/qpvdesk.sqlite from the real sources in data/sources/."""
from .errors import SourceError

__all__ = ["build_reference_database", "SourceError"]


def __getattr__(name: str):
    # The builder pulls in geopandas; the app opening the built database does not need it.
    if name == "build_reference_database":
        from .builder import build_reference_database

        return build_reference_database
    raise AttributeError(name)

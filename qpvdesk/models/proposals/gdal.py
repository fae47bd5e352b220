"""pyogrio, imported when a file is read or written (about 0.2 s: too much for the
application's start-up), its GDAL kept to its own PROJ and SpatiaLite (native_libraries.py)."""
from __future__ import annotations

from types import ModuleType

from ..native_libraries import keep_to_their_own


def pyogrio() -> ModuleType:
    """The pyogrio module; call this rather than importing pyogrio directly."""
    keep_to_their_own()
    import pyogrio as module

    return module

"""pyogrio, loaded so that its GDAL keeps to its own embedded libraries.

SQLite loads mod_spatialite with RTLD_GLOBAL, which puts the system's PROJ and SpatiaLite
symbols in the process-wide scope. pyogrio's libgdal embeds its own SpatiaLite and PROJ; loaded
after mod_spatialite, it binds part of them to the system copies and crashes (SIGSEGV in
proj_context_delete_cpp_context) when it closes a GeoPackage. RTLD_DEEPBIND makes libgdal
resolve its symbols within itself first. pyogrio is imported here lazily because it costs
about 0.2 s, too much for the application's start-up.
"""
from __future__ import annotations

import os
import sys
from types import ModuleType


def pyogrio() -> ModuleType:
    """The pyogrio module; call this rather than importing pyogrio directly.

    If pyogrio was already imported elsewhere after a SpatiaLite connection was opened, the
    flag comes too late: import this module's caller before opening one in that case."""
    if "pyogrio" not in sys.modules and hasattr(os, "RTLD_DEEPBIND"):
        flags = sys.getdlopenflags()
        sys.setdlopenflags(flags | os.RTLD_DEEPBIND)
        try:
            import pyogrio as module
        finally:
            sys.setdlopenflags(flags)
        return module
    import pyogrio as module

    return module

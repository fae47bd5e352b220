"""shapely and pyproj, loaded so that their bundled GEOS and PROJ keep to themselves.

SQLite loads mod_spatialite with RTLD_GLOBAL, which puts the system's GEOS and PROJ in the
process-wide scope. shapely or pyproj imported *after* a SpatiaLite connection bind part of
their calls to those copies: measured here, shapely's to_wkb then refuses 2-D output
(« WKB output dimension must be 2 or 3 ») and the process aborts at exit (double free) or
segfaults. RTLD_DEEPBIND makes their libraries resolve their own symbols first, as
proposals/gdal.py does for pyogrio. The app may open the reference database before it builds
an EPCI's or imports perimeters: the modules doing that call :func:`load_geo_libraries` first.
"""
from __future__ import annotations

import importlib
import os
import sys


def load_geo_libraries() -> None:
    """Import shapely and pyproj (once, with RTLD_DEEPBIND where the platform has it)."""
    isolate = (hasattr(os, "RTLD_DEEPBIND")
               and not {"shapely", "pyproj"} <= sys.modules.keys())
    flags = sys.getdlopenflags() if hasattr(sys, "getdlopenflags") else None
    if isolate:
        sys.setdlopenflags(flags | os.RTLD_DEEPBIND)
    try:
        for name in ("pyproj", "shapely"):
            importlib.import_module(name)
    finally:
        if isolate:
            sys.setdlopenflags(flags)

"""Python packages whose compiled modules keep to their own copies of GDAL, PROJ and GEOS.

SQLite loads mod_spatialite with RTLD_GLOBAL, which puts the system's PROJ, GEOS, SQLite and
SpatiaLite symbols in the process-wide scope. The wheels of pyproj, pyogrio and shapely carry
their own copies of these libraries, under other file names but with the same symbol names.
A compiled module loaded after mod_spatialite binds to the system copy first: `import pyproj`
after a SpatiaLite connection reported PROJ 9.1.1 (Debian's) instead of its own 9.5 and the
process died on exit (SIGSEGV, « corrupted size vs. prev_size »); pyogrio's GDAL crashed in
proj_context_delete_cpp_context when closing a GeoPackage. RTLD_DEEPBIND makes a library look
up its symbols in itself and its own dependencies first. `keep_to_their_own()` installs an
import hook that loads every compiled module of these packages that way, whenever and by
whomever it is imported (geopandas, pyogrio and pyproj import each other lazily); it is called
before mod_spatialite is loaded (`spatialite.connect`). When a build links these packages to
the system's libraries (the Debian package), there is one copy and the flag changes nothing.
"""
from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys

SELF_CONTAINED = frozenset({"pyogrio", "pyproj", "shapely"})


class _DeepBindLoader(importlib.machinery.ExtensionFileLoader):
    def create_module(self, spec):
        flags = sys.getdlopenflags()
        sys.setdlopenflags(flags | os.RTLD_DEEPBIND)
        try:
            return super().create_module(spec)
        finally:
            sys.setdlopenflags(flags)


class _DeepBindFinder(importlib.abc.MetaPathFinder):
    """Finds the compiled modules of SELF_CONTAINED packages the usual way (sys.path) and
    gives them the deep-binding loader; leaves every other module to the usual finders."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname.partition(".")[0] not in SELF_CONTAINED:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or type(spec.loader) is not importlib.machinery.ExtensionFileLoader:
            return None
        spec.loader = _DeepBindLoader(spec.loader.name, spec.loader.path)
        return spec


def keep_to_their_own() -> None:
    """Install the import hook (once; a no-op where the platform has no RTLD_DEEPBIND)."""
    if hasattr(os, "RTLD_DEEPBIND") and not any(
            isinstance(finder, _DeepBindFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _DeepBindFinder())

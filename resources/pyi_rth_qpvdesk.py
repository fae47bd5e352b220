"""PyInstaller runtime hook (build.spec): point SpatiaLite and its PROJ at the bundled copies.

Runs in the frozen app before qpvdesk is imported. mod_spatialite.so and Debian's proj.db
(matching the bundled libproj) sit in the bundle; a PROJ_DATA inherited from the user's
machine could name a proj.db of another PROJ version, so it is replaced. pyproj and pyogrio
keep their own proj.db (they look in their package folders first).
"""
import os
import sys

_root = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
_spatialite = os.path.join(_root, "mod_spatialite.so" if os.name != "nt" else "mod_spatialite.dll")
if os.path.exists(_spatialite) and "QPVDESK_SPATIALITE" not in os.environ:
    # load_extension() wants the name without suffix to derive the entry point.
    os.environ["QPVDESK_SPATIALITE"] = os.path.splitext(_spatialite)[0]
_proj = os.path.join(_root, "share", "proj")
if os.path.exists(os.path.join(_proj, "proj.db")):
    os.environ["PROJ_DATA"] = _proj
    os.environ.pop("PROJ_LIB", None)

"""The Debian package's pieces (packaging/build_deb.py) on real files: dependencies found from
real binaries with ldd and dpkg, a missing library stopping the build, the icons drawn, the
French desktop entry. (`make dist-check` installs the whole package in a fresh Debian root.)"""
from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("build_deb", ROOT / "packaging" / "build_deb.py")
build_deb = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_deb)


def site_packages() -> Path:
    import pyproj

    return Path(pyproj.__file__).parent.parent


def test_depends_names_the_debian_packages_the_binaries_load(tmp_path):
    """Debian's mod_spatialite (make install's system packages) copied into a folder."""
    folder = tmp_path / "qpvdesk"
    folder.mkdir()
    spatialite = next(Path("/usr/lib").glob("*/mod_spatialite.so"))
    shutil.copy(spatialite, folder)
    depends = build_deb.depends(folder)
    # from ldd, through dpkg -S (merged /usr: ldd says /lib/..., dpkg knows /usr/lib/...)
    assert {"libsqlite3-0", "libgeos-c1v5", "libc6"} <= set(depends)
    assert {"libsqlite3-mod-spatialite", "fonts-dejavu-core"} <= set(depends)
    assert depends == sorted(set(depends))


def test_a_library_this_machine_lacks_stops_the_build(tmp_path):
    """pyproj's PROJ alone: the curl, sqlite and tiff it was vendored with are missing."""
    folder = tmp_path / "qpvdesk"
    folder.mkdir()
    vendored = site_packages() / "pyproj.libs"
    proj = next(vendored.glob("libproj-*.so*"))
    shutil.copy(proj, folder)
    with pytest.raises(build_deb.PackagingError) as refused:
        build_deb.depends(folder)
    assert "libcurl-" in str(refused.value) and proj.name in str(refused.value)
    for library in vendored.iterdir():          # beside it, as in the folder: found
        shutil.copy(library, folder)
    assert "libc6" in build_deb.depends(folder)


def test_icons_are_drawn_in_every_hicolor_size(qapp, tmp_path):
    from PySide6.QtGui import QImage

    build_deb.render_icons(ROOT / "resources" / "qpvdesk.svg", tmp_path)
    hicolor = tmp_path / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / "qpvdesk.svg").read_bytes() == (
        ROOT / "resources" / "qpvdesk.svg").read_bytes()
    for size in build_deb.ICON_SIZES:
        image = QImage(str(hicolor / f"{size}x{size}" / "apps" / "qpvdesk.png"))
        assert (image.width(), image.height()) == (size, size)
        centre = image.pixelColor(size // 2, size // 2)
        corner = image.pixelColor(0, 0)
        assert centre.alpha() == 255 and corner.alpha() == 0    # drawn, with a transparent edge


def test_the_desktop_entry_starts_qpvdesk_and_speaks_french():
    path = ROOT / "resources" / "qpvdesk.desktop"
    entry = configparser.RawConfigParser(strict=True)
    entry.optionxform = str
    entry.read(path, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert (desktop["Type"], desktop["Exec"], desktop["Icon"]) == ("Application", "qpvdesk",
                                                                   "qpvdesk")
    assert desktop["Terminal"] == "false"
    assert "quartiers prioritaires" in desktop["Comment"]
    assert desktop["GenericName"].startswith("Quartiers prioritaires")
    assert "Comment[en]" in desktop
    validate = shutil.which("desktop-file-validate")
    if validate:
        result = subprocess.run([validate, str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr



def test_the_application_names_its_desktop_entry_and_shows_its_icon(qapp):
    """The taskbar (Wayland app id) finds resources/qpvdesk.desktop by the application's
    desktop file name; every window shows the icon drawn in resources/qpvdesk.svg."""
    from qpvdesk.app import create_application

    app = create_application(["qpvdesk"])
    assert (ROOT / "resources" / f"{app.desktopFileName()}.desktop").is_file()
    image = app.windowIcon().pixmap(64, 64).toImage()
    assert (image.width(), image.height()) == (64, 64)
    centre, corner = image.pixelColor(32, 32), image.pixelColor(0, 0)
    assert centre.alpha() == 255 and corner.alpha() == 0

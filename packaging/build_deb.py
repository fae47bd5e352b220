"""Build the Debian package around the PyInstaller folder: `make deb` (after `make dist`).

    .venv/bin/python packaging/build_deb.py [--folder dist/qpvdesk] [--out dist]

Installs to /opt/qpvdesk, with /usr/bin/qpvdesk, a French .desktop entry and the icon in the
hicolor theme (SVG, and PNG sizes drawn from it with Qt). Depends: the Debian packages holding
the libraries the folder's binaries name and load from the system (readelf, ldd, dpkg -S), plus
libsqlite3-mod-spatialite (SQLite loads it by name: ldd cannot see it) and fonts. A library
that ldd cannot find on this machine stops the build: the package would lack a dependency.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALL_DIR = "opt/qpvdesk"
# Loaded at run time without ldd seeing them: SpatiaLite (by SQLite, with its PROJ and
# proj.db), fonts (by fontconfig: with none every glyph is a box).
# Loaded at run time, not linked (readelf cannot see them): SpatiaLite by SQLite, libpq by
# psycopg's ctypes layer (Agglomération › Publier dans PostGIS…), the fonts by Qt.
RUN_TIME_DEPENDS = ["libsqlite3-mod-spatialite", "libpq5", "fonts-dejavu-core"]
ICON_SIZES = (16, 32, 48, 64, 128, 256)
LAUNCHER = """#!/bin/sh
# qpvdesk, installed in /opt/qpvdesk by its Debian package.
exec /opt/qpvdesk/qpvdesk "$@"
"""
COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: qpvdesk

Files: *
License: EUPL-1.2
Comment: /opt/qpvdesk also holds the Python packages qpvdesk runs on, each under its own
 licence (see the *.dist-info folders in /opt/qpvdesk/_internal).

Files: opt/qpvdesk/_internal/data/*
License: Licence Ouverte 2.0
Comment: INSEE, ANCT – SIG Ville, IGN, Ministère de l'Éducation nationale, Mission Bassin
 Minier; see /opt/qpvdesk/_internal/data/sources/*/PROVENANCE.md.
"""


class PackagingError(Exception):
    pass


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed(path: Path) -> list[str]:
    """The libraries ``path`` names itself (its DT_NEEDED entries, readelf)."""
    result = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True,
                            check=True)
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", result.stdout)


def system_libraries(folder: Path) -> set[str]:
    """Paths of the libraries outside ``folder`` that its ELF files name themselves (readelf),
    where ldd finds them. As dpkg-shlibdeps does, only direct dependencies count: a system
    library's own dependencies are its package's business (Debian's libgdal32 alone brings a
    hundred). A name ldd cannot resolve from one library alone is fine if the folder has it:
    the wheels' vendored libraries find each other through the RPATH of the module that
    loads them."""
    bundled = {path.name for path in folder.rglob("*")}
    libraries, missing = set(), set()
    for path in elf_files(folder):
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True)
        found = dict(re.findall(r"^\s*(\S+) => (.+?)(?: \(0x[0-9a-f]+\))?$", result.stdout,
                                re.MULTILINE))
        for loader in re.findall(r"^\s*(/\S+) \(0x[0-9a-f]+\)$", result.stdout, re.MULTILINE):
            found[os.path.basename(loader)] = loader   # the dynamic loader: no « => »
        for name in needed(path):
            where = found.get(name, "not found")
            if where == "not found":
                if name not in bundled:
                    missing.add(f"{name} (needed by {path.relative_to(folder)})")
            elif not Path(where).resolve().is_relative_to(folder.resolve()):
                libraries.add(where)
    if missing:
        raise PackagingError("libraries not found on this machine:\n  "
                             + "\n  ".join(sorted(missing)))
    return libraries


def owning_package(library: str) -> str:
    """The Debian package holding ``library`` (merged /usr: try both spellings)."""
    real = os.path.realpath(library)
    candidates = [library, real]
    for path in (library, real):
        candidates.append(path[4:] if path.startswith("/usr/") else "/usr" + path)
    for candidate in candidates:
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].split(",")[0].strip()
    raise PackagingError(f"no Debian package holds {library}")


def depends(folder: Path) -> list[str]:
    packages = {owning_package(library) for library in system_libraries(folder)}
    return sorted(packages | set(RUN_TIME_DEPENDS))


def render_icons(svg: Path, share: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (painting needs it)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise PackagingError(f"{svg} is not a valid SVG")
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "qpvdesk.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise PackagingError(f"cannot write {target}")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable / "qpvdesk.svg")


def control(version: str, architecture: str, installed_kb: int, dependencies: list[str]) -> str:
    return (f"Package: qpvdesk\nVersion: {version}\nArchitecture: {architecture}\n"
            "Maintainer: qpvdesk <qpvdesk@users.noreply.example>\n"
            f"Installed-Size: {installed_kb}\nDepends: {', '.join(dependencies)}\n"
            "Section: science\nPriority: optional\n"
            "Description: offline desktop GIS for the priority neighbourhoods of Lens-Liévin\n"
            " Cartes, fiches, tableaux et graphiques des quartiers prioritaires de la\n"
            " Communauté d'Agglomération de Lens-Liévin, et propositions des communes\n"
            " envoyées en paquets signés, sans connexion réseau.\n")


def stage(folder: Path, root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(folder, root / INSTALL_DIR, symlinks=True)
    launcher = root / "usr" / "bin" / "qpvdesk"
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER, encoding="utf-8")
    launcher.chmod(0o755)
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / "qpvdesk.desktop",
                    share / "applications" / "qpvdesk.desktop")
    render_icons(ROOT / "resources" / "qpvdesk.svg", share)
    doc = share / "doc" / "qpvdesk"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")


def installed_size_kb(root: Path) -> int:
    total = sum(path.lstat().st_size for path in root.rglob("*") if not path.is_dir())
    return (total + 1023) // 1024


def build(folder: Path, out: Path, work: Path) -> Path:
    from qpvdesk import __version__

    if not (folder / "qpvdesk").is_file():
        raise PackagingError(f"{folder}/qpvdesk missing: run `make dist` first")
    architecture = subprocess.run(["dpkg", "--print-architecture"], check=True,
                                  capture_output=True, text=True).stdout.strip()
    dependencies = depends(folder)
    root = work / "root"
    stage(folder, root)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(
        control(__version__, architecture, installed_size_kb(root), dependencies),
        encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"qpvdesk_{__version__}_{architecture}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", f"--threads-max={os.cpu_count()}",
                    "--build", str(root), str(target)], check=True)
    shutil.rmtree(root)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROOT / "dist" / "qpvdesk")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "deb")
    args = parser.parse_args(argv)
    try:
        target = build(args.folder, args.out, args.work)
    except PackagingError as exc:
        print(f"build_deb: {exc}", file=sys.stderr)
        return 1
    print(f"{target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

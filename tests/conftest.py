"""Shared fixtures. Qt runs offscreen; nothing touches the user's real data folder."""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "sources"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("QPVDESK_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def reference_path(tmp_path_factory) -> Path:
    """The reference database, built once per test session from data/sources/."""
    from qpvdesk.models.build import build_reference_database

    target = tmp_path_factory.mktemp("reference") / "qpvdesk.sqlite"
    build_reference_database(SOURCES, target)
    return target


@pytest.fixture(scope="session")
def reference(reference_path):
    from qpvdesk.models.reference import ReferenceStore

    store = ReferenceStore(reference_path)
    yield store
    store.close()


@pytest.fixture
def sources_copy(tmp_path) -> Path:
    """A writable copy of the sources, to break on purpose."""
    copy = tmp_path / "sources"
    shutil.copytree(SOURCES, copy)
    return copy


@pytest.fixture
def workspace(tmp_path):
    from qpvdesk.models.workspace import Workspace

    ws = Workspace(tmp_path / "workspace.sqlite")
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def national_database(tmp_path_factory):
    """build(siren, **options) -> path of that EPCI's database, built once per session from the
    national pack (data/national/); build.steps[path] lists its (step, fraction) progress."""
    from qpvdesk.models.build.epci_builder import build_epci_database

    built = {}

    def build(siren: str, **options) -> Path:
        key = (siren, tuple(sorted(options.items())))
        if key not in built:
            target = tmp_path_factory.mktemp(f"epci_{siren}") / "reference.sqlite"
            steps = build.steps[target] = []
            build_epci_database(siren, target, **options,
                                progress=lambda step, fraction: steps.append((step, fraction)))
            built[key] = target
        return built[key]

    build.steps = {}
    return build


@pytest.fixture
def grand_avignon(national_database):
    """The CA du Grand Avignon's reference database (SIREN 248400251: 6 QPV, none with a
    perimeter), open for the test."""
    from qpvdesk.models.reference import ReferenceStore

    store = ReferenceStore(national_database("248400251"))
    yield store
    store.close()


@dataclass(frozen=True)
class ReadOnlyFolder:
    path: Path
    reason: str          # what the French error message says about it


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody running the tests can write into. As root (CI), whom permissions do
    not stop, it is a read-only bind mount of itself; otherwise its write bits are off."""
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o500)
        yield ReadOnlyFolder(folder, "n'est pas accessible en écriture")
        folder.chmod(0o700)
        return
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        yield ReadOnlyFolder(folder, "le support est en lecture seule")
    finally:
        subprocess.run(["umount", str(folder)], check=True)

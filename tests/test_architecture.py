"""The house's layering that import-linter cannot state (it names no external subpackage):
the render package draws with QtGui alone, so the command line never loads widget code."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDGET_MODULES = ("PySide6.QtWidgets", "PySide6.QtPrintSupport")


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_render_package_imports_no_widget_module():
    offenders = {str(path.relative_to(ROOT)): sorted(imported_modules(path) & set(WIDGET_MODULES))
                 for path in (ROOT / "qpvdesk" / "render").rglob("*.py")}
    assert {path: names for path, names in offenders.items() if names} == {}


def test_snapshot_and_fiche_pdf_load_no_widget_code(tmp_path, reference_path):
    """The CLI draws a map and writes a fiche PDF without importing QtWidgets."""
    script = (
        "import sys\n"
        "from qpvdesk.cli import main\n"
        f"main(['--reference', {str(reference_path)!r}, 'snapshot', '--out', "
        f"{str(tmp_path / 'map.png')!r}, '--width', '200', '--height', '150'])\n"
        f"main(['--reference', {str(reference_path)!r}, 'fiche', 'QN06224M', '--pdf', "
        f"{str(tmp_path / 'fiche.pdf')!r}])\n"
        "print(sorted(name for name in sys.modules if name.startswith('PySide6.')))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, env={"QT_QPA_PLATFORM": "offscreen",
                                             "PATH": "/usr/bin:/bin"}, cwd=ROOT)
    loaded = result.stdout.strip().splitlines()[-1]
    assert (tmp_path / "map.png").stat().st_size > 1000
    assert (tmp_path / "fiche.pdf").read_bytes().startswith(b"%PDF")
    assert "PySide6.QtGui" in loaded and "PySide6.QtWidgets" not in loaded

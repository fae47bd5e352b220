"""The error a broken source raises: it names the file, the row and the problem."""
from __future__ import annotations

from pathlib import Path


class SourceError(Exception):
    def __init__(self, path: str | Path, problem: str, row: int | None = None,
                 unit: str = "row") -> None:
        self.path = Path(path)
        self.row = row
        self.problem = problem
        where = f"{self.path.name}" + (f", {unit} {row}" if row is not None else "")
        super().__init__(f"{where}: {problem}")

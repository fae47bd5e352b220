"""The user's proposals: equipment points, « quartier vécu » polygons and perimeter requests.

Qt-free. `ProposalStore` keeps them in the workspace with a persistent undo history;
`validate` checks a form and a shape; `import_proposals` / `export_proposals` exchange them
with GIS files.

The import and export modules (and the table writers they use) load when first named: the
app's start-up only reads the store (tests/test_startup.py).
"""
from importlib import import_module

from . import gdal
from .geometry import polygon_from_vertices, vertices_of
from .history import HistoryStep
from .proposal import EDITABLE_FIELDS, Proposal
from .store import Draft, ProposalNotFound, ProposalStore
from .territory import DerivedFacts, Territory
from .validation import InvalidProposal, Problem, Validation, validate
from .vocabulary import (CATEGORIES, EQUIPEMENT, FIELD_LABELS, KIND_FIELDS, KINDS,
                         KNOWLEDGE_SOURCES, NATURES, PERIMETRE, QUARTIER_VECU, REQUIRED_FIELDS,
                         STATUSES)

__all__ = [
    "CATEGORIES", "EDITABLE_FIELDS", "EQUIPEMENT", "EXPORT_FORMATS", "FIELD_LABELS",
    "KIND_FIELDS", "KINDS", "KNOWLEDGE_SOURCES", "NATURES", "PERIMETRE", "QUARTIER_VECU",
    "REQUIRED_FIELDS", "STATUSES", "DerivedFacts", "Draft", "FeatureOutcome", "HistoryStep",
    "ImportFileError", "ImportReport", "InvalidProposal", "Problem", "Proposal",
    "ProposalNotFound", "ProposalStore", "Territory", "Validation", "export_proposals", "gdal",
    "import_proposals", "polygon_from_vertices", "validate", "vertices_of",
]

_LAZY = {"EXPORT_FORMATS": "exporter", "export_proposals": "exporter",
         "FeatureOutcome": "importer", "ImportFileError": "importer",
         "ImportReport": "importer", "import_proposals": "importer"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

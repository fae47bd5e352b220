"""The territorial diagnostic of the CALL's QPV (issue 12), Qt-free.

``build_diagnostic(store, edition=None) -> Diagnostic`` (see :mod:`.build`), its dataclasses
(:mod:`.model`) and ``diagnostic_to_json(diagnostic) -> dict`` (:mod:`.export`, keys
documented there). Sentences are generated from the data by templates (:mod:`.sentences`,
:mod:`.wording`); comparator values are paired with QPV editions by :mod:`.pairing`, which
refuses non-comparable definitions; gaps' evolution is :mod:`.gaps`.
"""
from .build import build_diagnostic
from .export import JSON_VERSION, diagnostic_to_json
from .model import (Diagnostic, DynamicsChart, EvolutionChart, Extreme, Finding, GapChange,
                    GapEvolution, QpvFigure, Reference, Refusal, Table, Theme)
from .pairing import NotComparable

__all__ = ["JSON_VERSION", "Diagnostic", "DynamicsChart", "EvolutionChart", "Extreme",
           "Finding", "GapChange", "GapEvolution", "NotComparable", "QpvFigure", "Reference",
           "Refusal", "Table", "Theme", "build_diagnostic", "diagnostic_to_json"]

"""The territory a reference database is built for: one EPCI, its communes, and the
départements, régions and France it is compared with.

The CALL's database is built from data/sources/ (:func:`call_scope`); any EPCI's from the
national pack (``epci_builder.py``). Every build step reads codes and labels from the scope,
never from constants, and the builder writes them into ``metadata`` for the app.
"""
from __future__ import annotations

from dataclasses import dataclass, field

FRANCE = ("france", "FRM", "France métropolitaine")
ENSEMBLE_QPV = ("ensemble_qpv", "ENSEMBLE", "Ensemble des QPV de France")
FRANCE_LABEL = ("de France métropolitaine (hors arrondissements municipaux de Paris, Lyon et "
                "Marseille)")


@dataclass
class BuildScope:
    epci_siren: str
    epci_name: str
    #: How notes name the EPCI after « de » / « des communes … »: « de la CALL ».
    of_epci: str
    #: The short name comparator notes use (« CALL »); None: they say « l'EPCI ».
    short_name: str | None
    departements: dict[str, str]                 # code -> name
    regions: dict[str, str]                      # code -> name
    region_departements: dict[str, tuple[str, ...]]  # région -> all its départements
    communes: dict[str, str] = field(default_factory=dict)  # INSEE code -> name

    def departement_of(self, commune: str) -> str:
        """The département of a commune code (97x overseas, 2A/2B Corsica)."""
        return commune[:3] if commune.startswith("97") else commune[:2]

    def of_departement(self, code: str) -> str:
        return f"du département {code} ({self.departements[code]})"

    def of_region(self, code: str) -> str:
        return (f"de la région {code} (départements "
                f"{', '.join(self.region_departements[code])})")

    def reference_levels(self) -> list[tuple[str, str, str]]:
        """(kind, code, name) of the levels above the EPCI, in display order."""
        return ([("departement", code, name) for code, name in sorted(self.departements.items())]
                + [("region", code, name) for code, name in sorted(self.regions.items())]
                + [FRANCE, ENSEMBLE_QPV])

    def metadata(self) -> list[tuple[str, str]]:
        return [("epci_siren", self.epci_siren), ("epci_name", self.epci_name),
                ("epci_short_name", self.short_name or ""),
                ("departements", ",".join(sorted(self.departements))),
                ("regions", ",".join(sorted(self.regions))),
                ("departement_regions", ",".join(
                    f"{departement}:{region}" for departement in sorted(self.departements)
                    for region in sorted(self.regions)
                    if departement in self.region_departements[region]))]


def call_scope() -> BuildScope:
    """The CALL, as data/sources/ describes it: EPCI 246200364 in the Pas-de-Calais (62),
    région Hauts-de-France (32); its name comes from its EPCI record (build_epci)."""
    return BuildScope("246200364", "", "de la CALL", "CALL",
                      {"62": "Pas-de-Calais"}, {"32": "Hauts-de-France"},
                      {"32": ("02", "59", "60", "62", "80")})

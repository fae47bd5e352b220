"""What a proposal package says about itself: the fields of bag-info.txt, the payload files
and the signed trusted comment (format: shared docs PACKAGE_FORMAT.md, version 1)."""
from __future__ import annotations

import re
from dataclasses import dataclass

PACKAGE_SUFFIX = ".qpvpkg"
PACKAGE_VERSION = "1"
BAGIT_VERSION = "1.0"
# bag-info.txt's Qpvdesk-Package-Kind: what the payload holds. Absent means « propositions »
# (packages written before the field existed); other kinds are refused by this version.
PACKAGE_KIND_FIELD = "Qpvdesk-Package-Kind"
PACKAGE_KIND = "propositions"

GEOPACKAGE = "data/propositions.gpkg"
GEOJSON = "data/propositions.geojson"
CSV = "data/propositions.csv"
SYNTHESE = "data/synthese.pdf"
PAYLOAD = (GEOPACKAGE, GEOJSON, CSV, SYNTHESE)

BAGIT_TXT = "bagit.txt"
BAG_INFO = "bag-info.txt"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = "tagmanifest-sha256.txt.minisig"
TAG_FILES = (BAGIT_TXT, BAG_INFO, MANIFEST)      # what the tag manifest lists

EPCI_FIELD = "Qpvdesk-Epci-Siren"
SIREN_PATTERN = re.compile(r"^\d{9}$")
INSEE_PATTERN = re.compile(r"^(\d{5}|2[AB]\d{3})$")
KEY_ID_PATTERN = re.compile(r"^[0-9A-F]{16}$")


def valid_insee(code: str) -> bool:
    return bool(INSEE_PATTERN.match(code or ""))


@dataclass(frozen=True)
class PackageInfo:
    """The identity of one package, as bag-info.txt states it."""
    uuid: str                   # External-Identifier
    commune_insee: str          # Qpvdesk-Commune-Insee
    source_organization: str    # e.g. « Commune de Lens »
    contact_name: str
    contact_email: str
    bagging_date: str           # YYYY-MM-DD
    created: str                # ISO 8601 with time zone
    key_id: str                 # 16 uppercase hex digits
    proposal_count: int
    software: str               # Bag-Software-Agent, « qpvdesk 0.x »
    epci_siren: str = ""        # Qpvdesk-Epci-Siren; "" in packages written before it existed

    def trusted_comment(self) -> str:
        """The signed comment; it names the EPCI when the package does (packages without it,
        written for the CALL before the field existed, keep their comment and stay valid)."""
        epci = f" epci {self.epci_siren}" if self.epci_siren else ""
        return (f"qpvdesk package {self.uuid} commune {self.commune_insee}{epci} "
                f"created {self.created}")

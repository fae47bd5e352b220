"""What a package says about itself: the fields of bag-info.txt, the payload files and the
signed trusted comment, for each kind (format: docs/PACKAGE_FORMAT.md, version 1): a commune's
proposals, and the agglomeration's response to one commune."""
from __future__ import annotations

import re
from dataclasses import dataclass

PACKAGE_SUFFIX = ".qpvpkg"
PACKAGE_VERSION = "1"
BAGIT_VERSION = "1.0"
# bag-info.txt's Qpvdesk-Package-Kind: what the payload holds. Absent means « propositions »
# (packages written before the field existed); other kinds are refused.
PACKAGE_KIND_FIELD = "Qpvdesk-Package-Kind"
PACKAGE_KIND = "propositions"
PACKAGE_KIND_RESPONSE = "reponse"

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

RESPONSE_GEOPACKAGE = "data/reponse.gpkg"
RESPONSE_CSV = "data/reponse.csv"
RESPONSE_PDF = "data/reponse.pdf"
RESPONSE_PAYLOAD = (RESPONSE_GEOPACKAGE, RESPONSE_CSV, RESPONSE_PDF)

INSEE_PATTERN = re.compile(r"^(\d{5}|2[AB]\d{3})$")
SIREN_PATTERN = re.compile(r"^\d{9}$")
KEY_ID_PATTERN = re.compile(r"^[0-9A-F]{16}$")


def valid_insee(code: str) -> bool:
    return bool(INSEE_PATTERN.match(code or ""))


def valid_siren(code: str) -> bool:
    """An EPCI's SIREN: 9 digits."""
    return bool(SIREN_PATTERN.match(code or ""))


def valid_key_owner(code: str) -> bool:
    """Whom a key can belong to: a commune (INSEE code) or an agglomeration (SIREN)."""
    return valid_insee(code) or valid_siren(code)


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

    kind = PACKAGE_KIND

    @property
    def signer(self) -> str:
        """Whose key must sign it: the sending commune."""
        return self.commune_insee

    def trusted_comment(self) -> str:
        return f"qpvdesk package {self.uuid} commune {self.commune_insee} created {self.created}"


@dataclass(frozen=True)
class ResponseInfo:
    """The identity of an agglomeration's response to one commune, as bag-info.txt states it."""
    uuid: str                   # External-Identifier
    epci_siren: str             # Qpvdesk-Epci-Siren: the agglomeration that answers
    commune_insee: str          # Qpvdesk-Commune-Insee: the commune it answers
    source_organization: str    # e.g. « CA de Lens-Liévin »
    contact_name: str
    contact_email: str
    bagging_date: str
    created: str
    key_id: str
    proposal_count: int         # Qpvdesk-Proposal-Count: the proposals the response speaks of
    software: str

    kind = PACKAGE_KIND_RESPONSE

    @property
    def signer(self) -> str:
        """Whose key must sign it: the agglomeration."""
        return self.epci_siren

    def trusted_comment(self) -> str:
        return (f"qpvdesk reponse {self.uuid} epci {self.epci_siren} commune "
                f"{self.commune_insee} created {self.created}")

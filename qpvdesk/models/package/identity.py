"""Who uses this copy of qpvdesk: a commune (which sends packages) or the agglomeration (which
receives them), and the contact written into each package. Kept in the workspace settings."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .info import valid_insee

if TYPE_CHECKING:   # the package writer (and its signature code) loads when a package is made
    from .bag import Sender

MODE_COMMUNE = "commune"
MODE_AGGLOMERATION = "agglomeration"
_KEYS = {"mode": "identite.mode", "commune": "identite.commune_insee",
         "name": "identite.contact_nom", "email": "identite.contact_courriel"}


@dataclass(frozen=True)
class Identity:
    mode: str = MODE_COMMUNE
    commune_insee: str = ""
    contact_name: str = ""
    contact_email: str = ""

    @property
    def complete(self) -> bool:
        """Enough to sign a package: a commune and a contact."""
        return valid_insee(self.commune_insee) and bool(self.contact_name.strip()) \
            and "@" in self.contact_email


def organization(commune_name: str) -> str:
    """« Commune de Lens », « Commune d'Avion », « Commune d'Hulluch »."""
    elided = commune_name[:1].lower() in "aeéèêiîoôuyh"
    return f"Commune d'{commune_name}" if elided else f"Commune de {commune_name}"


def load_identity(workspace) -> Identity:
    return Identity(mode=workspace.setting(_KEYS["mode"], MODE_COMMUNE) or MODE_COMMUNE,
                    commune_insee=workspace.setting(_KEYS["commune"], "") or "",
                    contact_name=workspace.setting(_KEYS["name"], "") or "",
                    contact_email=workspace.setting(_KEYS["email"], "") or "")


def save_identity(workspace, identity: Identity) -> None:
    if identity.mode not in (MODE_COMMUNE, MODE_AGGLOMERATION):
        raise ValueError(f"unknown mode {identity.mode!r}")
    if identity.commune_insee and not valid_insee(identity.commune_insee):
        raise ValueError(f"Code INSEE invalide : « {identity.commune_insee} ».")
    for key, value in (("mode", identity.mode), ("commune", identity.commune_insee),
                       ("name", identity.contact_name.strip()),
                       ("email", identity.contact_email.strip())):
        workspace.set_setting(_KEYS[key], value)


def sender(identity: Identity, commune_name: str) -> Sender:
    from .bag import Sender

    return Sender(identity.commune_insee, organization(commune_name), identity.contact_name,
                  identity.contact_email)

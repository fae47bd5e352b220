"""Verify a received package: where it comes from (minisign signature by a key the trust store
binds to the sender it names) and that nothing changed (BagIt SHA-256 manifests).

Two kinds share the envelope and these checks: a commune's proposals (:func:`verify_package`,
on the agglomeration's side) and the agglomeration's response to a commune
(:func:`verify_response`, on the commune's side). Neither raises for a bad package nor writes
anything: each returns a report whose checks say, in French, what passed and the one thing
that failed.
"""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from ..proposals.attributes import valid_uuid
from ..proposals.proposal import Proposal
from . import minisign
from .archive import Refusal, read_file, read_members
from .communes import commune_label, communes_label
from .info import (BAG_INFO, BAGIT_TXT, BAGIT_VERSION, KEY_ID_PATTERN, MANIFEST, PACKAGE_KIND,
                   PACKAGE_KIND_FIELD, PACKAGE_KIND_RESPONSE, PACKAGE_VERSION, PAYLOAD,
                   RESPONSE_PAYLOAD, SIGNATURE, TAG_FILES, TAGMANIFEST, PackageInfo,
                   ResponseInfo, valid_insee, valid_siren)
from .minisign import readable_key_id
from .payload import read_payload
from .response import ProposalState
from .response_payload import read_response_payload

# The checks, in the order they run; a report lists them all.
CHECK_ARCHIVE = "Archive ZIP saine (taille, noms, nombre de fichiers)"
CHECK_BAGIT = "Structure BagIt 1.0 complète"
CHECK_SIGNATURE = "Signature minisign valide, par une clé connue"
CHECK_CHECKSUMS = "Sommes de contrôle SHA-256 : rien n'a été modifié"
CHECK_IDENTITY = "Clé liée à la commune, commentaire signé conforme"
CHECK_CONTENT = "Contenu lisible (GeoPackage, GeoJSON, CSV, PDF)"
CHECKS = (CHECK_ARCHIVE, CHECK_BAGIT, CHECK_SIGNATURE, CHECK_CHECKSUMS, CHECK_IDENTITY,
          CHECK_CONTENT)
CHECK_RESPONSE_IDENTITY = "Clé liée à l'agglomération, réponse destinée à la commune"
CHECK_RESPONSE_CONTENT = "Contenu lisible (GeoPackage, CSV, PDF)"
RESPONSE_CHECKS = (CHECK_ARCHIVE, CHECK_BAGIT, CHECK_SIGNATURE, CHECK_CHECKSUMS,
                   CHECK_RESPONSE_IDENTITY, CHECK_RESPONSE_CONTENT)


@dataclass(frozen=True)
class Kind:
    """What differs between the kinds of package (PACKAGE_FORMAT.md section 1)."""
    name: str                        # Qpvdesk-Package-Kind
    description: str                 # French: « un paquet de propositions d'une commune »
    sender: str                      # French: « la commune », « l'agglomération »
    payload: tuple[str, ...]
    checks: tuple[str, ...]
    unknown_key_advice: str          # French: where the receiver installs the sender's key
    trust_menu: str                  # the menu entry of the receiver's trust store

    @property
    def expected(self) -> set[str]:
        return {BAGIT_TXT, BAG_INFO, MANIFEST, TAGMANIFEST, SIGNATURE, *self.payload}


PROPOSALS_KIND = Kind(PACKAGE_KIND, "un paquet de propositions d'une commune", "la commune",
                      PAYLOAD, CHECKS, "la clé publique de cette commune n'a pas été importée "
                      "dans les clés de confiance", "Clés des communes…")
RESPONSE_KIND = Kind(PACKAGE_KIND_RESPONSE, "une réponse de l'agglomération à une commune",
                     "l'agglomération", RESPONSE_PAYLOAD, RESPONSE_CHECKS,
                     "la clé publique de l'agglomération n'a pas été installée (menu « Clé de "
                     "l'agglomération… »)", "Clé de l'agglomération…")
KINDS = {kind.name: kind for kind in (PROPOSALS_KIND, RESPONSE_KIND)}
# A package is dated between the 2024 QPV perimeters its proposals are drawn on and the
# receiving computer's clock, give or take a day of clocks and time zones.
EARLIEST_DATE = date(2024, 1, 1)
FUTURE_MARGIN = timedelta(days=1)
_ISO_EXAMPLE = "2026-11-22T10:04:31+01:00"
_REQUIRED_INFO = ("Source-Organization", "Bagging-Date", "External-Identifier", "Payload-Oxum",
                  "Qpvdesk-Package-Version", "Qpvdesk-Commune-Insee", "Qpvdesk-Key-Id",
                  "Qpvdesk-Proposal-Count", "Qpvdesk-Created")


@dataclass(frozen=True)
class Check:
    label: str
    passed: bool | None      # None: not reached because an earlier check failed
    detail: str = ""


@dataclass
class VerificationReport:
    path: Path
    sha256: str = ""
    checks: list[Check] = field(default_factory=list)
    reason: str | None = None            # the one-line French reason of a refusal
    info: PackageInfo | ResponseInfo | None = None
    trusted_owner: str | None = None   # whom the trust store binds the key to
    contents: list[tuple[str, int]] = field(default_factory=list)   # payload name, bytes
    proposals: list[Proposal] = field(default_factory=list)        # a proposals package's
    states: list[ProposalState] = field(default_factory=list)      # a response's
    kind: str = PACKAGE_KIND

    @property
    def ok(self) -> bool:
        return self.reason is None

    @property
    def trusted_commune(self) -> str | None:
        """The commune the trust store binds a proposals package's key to."""
        return self.trusted_owner


def _text(members: dict[str, bytes], name: str) -> str:
    try:
        return members[name].decode("utf-8")
    except UnicodeDecodeError:
        raise Refusal(f"{name} n'est pas en UTF-8.") from None


def _tag_fields(text: str, name: str) -> dict[str, str]:
    """``Label: value`` lines (continuation lines start with a blank), labels unique."""
    fields: dict[str, str] = {}
    last = None
    for line in text.splitlines():
        if not line.strip():
            continue
        if line[0] in " \t" and last is not None:
            fields[last] += " " + line.strip()
            continue
        label, colon, value = line.partition(":")
        if not colon or not label.strip():
            raise Refusal(f"{name} mal formé : ligne « {line[:60]} ».")
        label = label.strip()
        if label in fields:
            raise Refusal(f"{name} mal formé : « {label} » figure deux fois.")
        fields[label] = value.strip()
        last = label
    return fields


def _manifest(text: str, name: str) -> dict[str, str]:
    entries: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        digest, _, path = line.strip().partition(" ")
        path = path.strip()
        if len(digest) != 64 or any(c not in "0123456789abcdefABCDEF" for c in digest) \
                or not path or path in entries:
            raise Refusal(f"{name} mal formé : ligne « {line[:80]} ».")
        entries[path] = digest.lower()
    return entries


def _check_digests(members: dict[str, bytes], entries: dict[str, str],
                   expected: set[str], name: str) -> None:
    listed = set(entries)
    if listed - expected:
        raise Refusal(f"{name} cite un fichier inattendu : {sorted(listed - expected)[0]}.")
    if expected - listed:
        raise Refusal(f"{name} ne couvre pas {sorted(expected - listed)[0]}.")
    for path in sorted(entries):
        actual = hashlib.sha256(members[path]).hexdigest()
        if not hmac.compare_digest(actual, entries[path]):
            raise Refusal(f"Somme de contrôle incorrecte pour {path} : le fichier a été "
                          "modifié après la signature.")


def _french_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def _too_early(day: date, what: str) -> Refusal:
    return Refusal(f"bag-info.txt : {what} le {_french_date(day)}, avant le 1er janvier 2024 : "
                   "les propositions portent sur les périmètres QPV 2024, cette date est donc "
                   "fausse.")


def _in_future(day: date, what: str, sender: str) -> Refusal:
    return Refusal(f"bag-info.txt : {what} le {_french_date(day)}, dans le futur (il passerait "
                   f"avant tous les paquets suivants de {sender}) ; l'horloge de l'ordinateur "
                   f"de {sender} est sans doute fausse.")


def _check_day(day: date, what: str, now: datetime, sender: str) -> None:
    """Refusal when ``day`` is before the 2024 QPV or after tomorrow (receiver's clock)."""
    if day < EARLIEST_DATE:
        raise _too_early(day, what)
    if day > (now + FUTURE_MARGIN).date():
        raise _in_future(day, what, sender)


def _check_dates(fields: dict[str, str], now: datetime, sender: str) -> None:
    created = fields["Qpvdesk-Created"]
    try:
        moment = datetime.fromisoformat(created)
    except ValueError:
        raise Refusal(f"bag-info.txt : date de création « {created[:40]} » illisible (date et "
                      f"heure ISO 8601 avec fuseau horaire attendues, ex. {_ISO_EXAMPLE}).") \
            from None
    what = "paquet créé"
    _check_day(moment.date(), what, now, sender)
    if moment.tzinfo is None:
        raise Refusal(f"bag-info.txt : date de création « {created[:40]} » sans fuseau "
                      f"horaire (ex. {_ISO_EXAMPLE}).")
    try:
        future = moment > now + FUTURE_MARGIN
    except OverflowError:   # an offset at the edge of datetime's range
        future = True
    if future:
        raise _in_future(moment.date(), what, sender)
    try:
        bagging = date.fromisoformat(fields["Bagging-Date"])
    except ValueError:
        raise Refusal(f"bag-info.txt : Bagging-Date « {fields['Bagging-Date'][:40]} » illisible "
                      "(AAAA-MM-JJ attendu).") from None
    _check_day(bagging, "paquet emballé (Bagging-Date)", now, sender)


def _kind_of(fields: dict[str, str], expected: Kind) -> Kind:
    """The kind bag-info.txt names (absent: propositions); Refusal unless it is ``expected``."""
    name = fields.get(PACKAGE_KIND_FIELD, PACKAGE_KIND)
    kind = KINDS.get(name)
    if kind is None:
        known = " et ".join(f"« {known} »" for known in KINDS)
        raise Refusal(f"Paquet de type « {name[:40]} » : cette version de qpvdesk ne connaît que "
                      f"les paquets {known}.")
    if kind is not expected:
        raise Refusal(f"Paquet de type « {kind.name} » ({kind.description}) : ici ne sont lus "
                      f"que les paquets « {expected.name} » ({expected.description}).")
    return kind


def _package_info(fields: dict[str, str], now: datetime,
                  expected: Kind = PROPOSALS_KIND) -> PackageInfo | ResponseInfo:
    missing = [label for label in _REQUIRED_INFO if not fields.get(label)]
    if expected is RESPONSE_KIND and not fields.get("Qpvdesk-Epci-Siren"):
        missing.append("Qpvdesk-Epci-Siren")
    if missing:
        raise Refusal(f"bag-info.txt incomplet : {', '.join(missing)} absent(s).")
    if fields["Qpvdesk-Package-Version"] != PACKAGE_VERSION:
        raise Refusal(f"Version de paquet {fields['Qpvdesk-Package-Version']} non prise en "
                      f"charge (version {PACKAGE_VERSION} attendue).")
    kind = _kind_of(fields, expected)
    package_id = fields["External-Identifier"]
    if valid_uuid(package_id) != package_id:
        raise Refusal(f"bag-info.txt : External-Identifier « {package_id[:40]} » n'est pas un "
                      "UUID (en minuscules avec tirets).")
    commune = fields["Qpvdesk-Commune-Insee"]
    if not valid_insee(commune):
        raise Refusal(f"bag-info.txt : code INSEE de commune invalide « {commune} ».")
    if not KEY_ID_PATTERN.match(fields["Qpvdesk-Key-Id"]):
        raise Refusal("bag-info.txt : identifiant de clé mal formé.")
    try:
        count = int(fields["Qpvdesk-Proposal-Count"])
    except ValueError:
        raise Refusal("bag-info.txt : nombre de propositions mal formé.") from None
    _check_dates(fields, now, kind.sender)
    common = dict(
        uuid=fields["External-Identifier"], commune_insee=commune,
        source_organization=fields["Source-Organization"],
        contact_name=fields.get("Contact-Name", ""),
        contact_email=fields.get("Contact-Email", ""),
        bagging_date=fields["Bagging-Date"], created=fields["Qpvdesk-Created"],
        key_id=fields["Qpvdesk-Key-Id"], proposal_count=count,
        software=fields.get("Bag-Software-Agent", ""))
    if kind is PROPOSALS_KIND:
        return PackageInfo(**common)
    siren = fields["Qpvdesk-Epci-Siren"]
    if not valid_siren(siren):
        raise Refusal(f"bag-info.txt : SIREN d'agglomération invalide « {siren[:20]} » "
                      "(9 chiffres).")
    return ResponseInfo(epci_siren=siren, **common)


def _named_kind(members: dict[str, bytes]) -> Kind | None:
    """The kind a package's bag-info.txt names, read before anything is checked (only to
    say why its files are not the expected ones); None when it cannot be told."""
    try:
        fields = _tag_fields(_text(members, BAG_INFO), BAG_INFO) if BAG_INFO in members else {}
    except Refusal:
        return None
    return KINDS.get(fields.get(PACKAGE_KIND_FIELD, PACKAGE_KIND))


def named_kind(path: Path) -> str | None:
    """The kind a package file's bag-info.txt names (before any check: only to choose the
    verification), None when the file cannot tell; never raises for a bad file."""
    try:
        kind = _named_kind(read_members(read_file(Path(path))))
    except Refusal:
        return None
    return kind.name if kind else None


class _Verification:
    """The steps of one verification, each raising Refusal; run() fills the report."""

    def __init__(self, path: Path, trust, now: datetime, kind: Kind,
                 recipient: str | None = None, names: dict[str, str] | None = None) -> None:
        self.trust = trust
        self.now = now
        self.kind = kind
        self.recipient = recipient    # a response: the commune that receives it
        self.names = names if names is not None else getattr(trust, "names", {})
        self.report = VerificationReport(Path(path), kind=kind.name)
        self.members: dict[str, bytes] = {}
        self.fields: dict[str, str] = {}
        self.signer: str | None = None
        self.trusted_comment = ""

    def run(self) -> VerificationReport:
        steps = (self.archive, self.bagit, self.signature, self.checksums, self.identity,
                 self.content)
        for label, step in zip(self.kind.checks, steps):
            if self.report.reason is not None:
                self.report.checks.append(Check(label, None))
                continue
            try:
                detail = step()
            except Refusal as refusal:
                self._refuse(label, str(refusal))
            except Exception as exc:   # hostile input must never surface as a traceback
                self._refuse(label, f"Paquet illisible ({type(exc).__name__}).")
            else:
                self.report.checks.append(Check(label, True, detail))
        return self.report

    def _refuse(self, label: str, reason: str) -> None:
        self.report.reason = reason
        self.report.checks.append(Check(label, False, reason))
        self.report.proposals = []
        self.report.states = []

    def archive(self) -> str:
        data = read_file(self.report.path)
        self.report.sha256 = hashlib.sha256(data).hexdigest()
        self.members = read_members(data)
        names = set(self.members)
        expected = self.kind.expected
        if names != expected:
            other = _named_kind(self.members)
            if other is not None and other is not self.kind and names == other.expected:
                raise Refusal(f"Ce fichier est {other.description}, pas {self.kind.description}"
                              " : il ne s'ouvre pas ici.")
        extra = sorted(names - expected)
        if extra:
            kind = "Fichier de données en trop" if extra[0].startswith("data/") \
                else "Fichier inattendu"
            raise Refusal(f"{kind} dans le paquet : {extra[0]}.")
        missing = sorted(expected - names)
        if missing:
            kind = "Fichier de données manquant" if missing[0].startswith("data/") \
                else "Fichier manquant"
            raise Refusal(f"{kind} dans le paquet : {missing[0]}.")
        self.report.contents = [(name, len(self.members[name])) for name in self.kind.payload]
        return f"{len(self.members)} fichiers"

    def bagit(self) -> str:
        declaration = _tag_fields(_text(self.members, BAGIT_TXT), BAGIT_TXT)
        version = declaration.get("BagIt-Version")
        if version != BAGIT_VERSION:
            raise Refusal(f"Version BagIt « {version or 'absente'} » non prise en charge "
                          f"(1.0 attendue).")
        if declaration.get("Tag-File-Character-Encoding", "").upper() != "UTF-8":
            raise Refusal("bagit.txt : encodage des fichiers de balises autre que UTF-8.")
        return "BagIt 1.0, UTF-8"

    def signature(self) -> str:
        text = _text(self.members, SIGNATURE)
        try:
            key_id = minisign.signature_key_id(text)
        except minisign.SignatureError as exc:
            raise Refusal(str(exc)) from None
        trusted = self.trust.for_key_id(key_id)
        if trusted is None:
            raise Refusal(self._untrusted_key(key_id))
        try:
            self.trusted_comment = minisign.verify(trusted.public_key,
                                                   self.members[TAGMANIFEST], text)
        except minisign.SignatureError as exc:
            raise Refusal(str(exc)) from None
        self.signer = self.report.trusted_owner = trusted.owner
        return f"clé {readable_key_id(key_id)}, enregistrée pour {self._label(trusted.owner)}"

    def _label(self, code: str) -> str:
        return commune_label(code, self.names)

    def _untrusted_key(self, key_id: str) -> str:
        """Why no trusted key verifies a signature by ``key_id``."""
        shown = readable_key_id(key_id)
        owners = self.trust.communes_of_key(key_id)
        if len(owners) > 1:
            which = ("communes" if all(map(valid_insee, owners)) else "agglomérations"
                     if all(map(valid_siren, owners)) else "propriétaires")
            return (f"La clé {shown} est attribuée à plusieurs {which} dans les clés de "
                    f"confiance, {communes_label(owners, self.names)} : impossible de "
                    "savoir laquelle a signé ; révoquez l'attribution erronée (menu "
                    f"« {self.kind.trust_menu} »).")
        revoked = self.trust.revoked_for_key_id(key_id)
        if revoked is not None:
            return (f"La clé {shown} de {self._label(revoked.owner)} a été révoquée ou "
                    f"remplacée : demandez à {self.kind.sender} de renvoyer le paquet signé "
                    "avec sa clé actuelle.")
        return f"Clé inconnue ({shown}) : {self.kind.unknown_key_advice}."

    def checksums(self) -> str:
        tags = _manifest(_text(self.members, TAGMANIFEST), TAGMANIFEST)
        _check_digests(self.members, tags, set(TAG_FILES), TAGMANIFEST)
        payload = _manifest(_text(self.members, MANIFEST), MANIFEST)
        _check_digests(self.members, payload, set(self.kind.payload), MANIFEST)
        return f"{len(tags) + len(payload)} fichiers vérifiés"

    def identity(self) -> str:
        self.fields = _tag_fields(_text(self.members, BAG_INFO), BAG_INFO)
        info = _package_info(self.fields, self.now, self.kind)
        self.report.info = info
        key_id = minisign.signature_key_id(_text(self.members, SIGNATURE))
        if info.key_id != key_id:
            raise Refusal(f"bag-info.txt annonce la clé {readable_key_id(info.key_id)} mais le "
                          f"paquet est signé par la clé {readable_key_id(key_id)}.")
        if info.signer != self.signer:
            raise Refusal(f"Clé enregistrée pour {self._label(self.signer)}, utilisée pour un "
                          f"paquet au nom de {self._label(info.signer)}.")
        if self.trusted_comment != info.trusted_comment():
            raise Refusal("Le commentaire signé ne correspond pas à bag-info.txt "
                          "(identifiant, commune ou date).")
        size = sum(len(self.members[name]) for name in self.kind.payload)
        if self.fields["Payload-Oxum"] != f"{size}.{len(self.kind.payload)}":
            raise Refusal("bag-info.txt : Payload-Oxum ne correspond pas aux données.")
        if self.recipient is not None and info.commune_insee != self.recipient:
            raise Refusal(f"Cette réponse est destinée à {self._label(info.commune_insee)}, "
                          f"pas à votre commune, {self._label(self.recipient)} : elle n'est "
                          "pas importée.")
        if self.kind is RESPONSE_KIND:
            return (f"{self._label(info.signer)} à {self._label(info.commune_insee)}, "
                    f"réponse {info.uuid}")
        return f"{self._label(info.commune_insee)}, paquet {info.uuid}"

    def content(self) -> str:
        info = self.report.info
        assert info is not None
        if self.kind is RESPONSE_KIND:
            found = read_response_payload(self.members)
        else:
            found = read_payload(self.members)
        if len(found) != info.proposal_count:
            raise Refusal(f"Le paquet annonce {info.proposal_count} propositions mais en "
                          f"contient {len(found)}.")
        if self.kind is RESPONSE_KIND:
            self.report.states = found
        else:
            self.report.proposals = found
        return f"{len(found)} propositions"


def verify_package(path: str | Path, trust, now: datetime | None = None) -> VerificationReport:
    """Check the proposals package at ``path`` against ``trust`` (a TrustStore of the
    communes' keys). Reads only.

    ``now`` (aware) is the receiver's clock against which the package's dates are bounded."""
    moment = now or datetime.now(timezone.utc)
    return _Verification(Path(path), trust, moment, PROPOSALS_KIND).run()


def verify_response(path: str | Path, trust, now: datetime | None = None,
                    commune: str | None = None) -> VerificationReport:
    """Check the agglomeration's response at ``path`` against ``trust`` (a TrustStore holding
    the agglomeration's ``<SIREN>.pub``). With ``commune`` (INSEE), a response addressed to
    another commune is refused. Reads only; the report's ``states`` are what it says."""
    moment = now or datetime.now(timezone.utc)
    return _Verification(Path(path), trust, moment, RESPONSE_KIND, recipient=commune).run()

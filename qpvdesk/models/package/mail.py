"""The e-mail a commune sends with its package: a RFC 6068 ``mailto:`` URL whose subject and
body say who sends what. A mailto: URL cannot carry an attachment, so the body tells the user
which file to attach and where it is. Qt-free."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from ..frenchnum import format_french_date
from .info import PackageInfo
from .minisign import readable_key_id

__all__ = ["readable_key_id", "french_date", "proposal_count_text", "mail_subject",
           "mail_body", "mailto_url"]


def french_date(value: str, with_time: bool = False) -> str:
    return format_french_date(value, with_time)


def proposal_count_text(count: int) -> str:
    return f"{count} proposition" if count <= 1 else f"{count} propositions"


def mail_subject(info: PackageInfo) -> str:
    return (f"Propositions QPV — {info.source_organization} — "
            f"{french_date(info.created or info.bagging_date)}")


def mail_body(info: PackageInfo, package_path: Path) -> str:
    package_path = Path(package_path)
    contact = info.contact_name.strip()
    if info.contact_email.strip():
        contact = f"{contact} <{info.contact_email.strip()}>" if contact \
            else info.contact_email.strip()
    lines = [
        "Bonjour,",
        "",
        f"Veuillez trouver le paquet signé des propositions QPV de la "
        f"{info.source_organization[:1].lower()}{info.source_organization[1:]}, "
        f"préparé avec qpvdesk le {french_date(info.created, with_time=True)}.",
        "",
        f"Expéditeur : {info.source_organization} (code INSEE {info.commune_insee})",
    ]
    if contact:
        lines.append(f"Contact : {contact}")
    lines += [
        f"Nombre de propositions : {info.proposal_count}",
        f"Identifiant du paquet : {info.uuid}",
        f"Clé de signature : {readable_key_id(info.key_id)}",
        f"Fichier : {package_path.name}",
        "",
        f"Le paquet est à joindre à ce message : {package_path.name} "
        f"(il se trouve dans {package_path.parent}).",
        "",
        "Pour le vérifier, ouvrez ce fichier dans qpvdesk (mode agglomération) : la signature "
        "prouve qu'il vient bien de la commune et qu'il n'a pas été modifié depuis son envoi. "
        "Elle est contrôlée avec la clé publique que la commune vous a transmise, dont "
        f"l'identifiant doit être {readable_key_id(info.key_id)}.",
        "",
        "Cordialement,",
    ]
    if info.contact_name.strip():
        lines.append(info.contact_name.strip())
    lines.append(info.source_organization)
    return "\n".join(lines) + "\n"


def mailto_url(info: PackageInfo, package_path: Path, to: str = "") -> str:
    """``mailto:<to>?subject=…&body=…``, percent-encoded (RFC 6068: UTF-8, CRLF line breaks)."""
    subject = quote(mail_subject(info), safe="")
    body = quote(mail_body(info, package_path).replace("\n", "\r\n"), safe="")
    address = quote(to.strip(), safe="@,")
    return f"mailto:{address}?subject={subject}&body={body}"

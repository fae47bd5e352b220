"""The synthèse PDF of a proposal package: header, map, list and one block per proposal, in
French; pages counted in every footer; a failed write leaves nothing behind."""
from __future__ import annotations

import re
import subprocess

import pytest
import shapely
from shapely.geometry import box

from qpvdesk.models.package.info import PackageInfo
from qpvdesk.models.proposals.proposal import Proposal
from qpvdesk.render import synthese_pdf
from qpvdesk.render.synthese_pdf import french_datetime, write_synthese_pdf

CREATED = "2026-11-22T10:04:31+01:00"
KEY_ID = "0123456789ABCDEF"
PACKAGE_UUID = "5f0c3a1e-8d2b-4c6f-9a7e-1b2c3d4e5f60"


def pdf_text(path) -> str:
    """pdftotext's text with every kind of space (narrow no-break included) made plain."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    return re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text)


def pdfinfo_pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE).group(1))


@pytest.fixture(scope="module")
def qpv_places(reference):
    """(2024 code, centroid) of every QPV, from the reference data."""
    rows = reference.conn.execute("SELECT code, AsBinary(geom) FROM qpv ORDER BY code")
    return [(code, shapely.from_wkb(wkb).centroid) for code, wkb in rows]


@pytest.fixture(scope="module")
def commune_names(reference):
    return dict(reference.conn.execute("SELECT insee, name FROM commune"))


def communes_of(reference, geometry) -> tuple[str, ...]:
    rows = reference.conn.execute(
        "SELECT insee FROM commune WHERE Intersects(geom, GeomFromWKB(?, 2154)) "
        "ORDER BY insee", [shapely.to_wkb(geometry)])
    return tuple(row[0] for row in rows)


def make_proposals(reference, places, count: int) -> list[Proposal]:
    """Equipment points, lived neighbourhoods and perimeter requests in turn, on QPV."""
    proposals = []
    for index in range(count):
        code, centre = places[index % len(places)]
        kind = ("equipement", "quartier_vecu", "perimetre")[index % 3]
        if kind == "equipement":
            geometry = centre
        else:   # 500 m × 574,4 m = 28,72 ha
            geometry = box(centre.x - 250, centre.y - 287.2, centre.x + 250, centre.y + 287.2)
        proposals.append(Proposal(
            uuid=f"00000000-0000-4000-8000-{index:012d}", kind=kind, geometry=geometry,
            title=f"Proposition d'essai {index + 1}",
            description=("Une description longue, qui doit passer à la ligne dans le PDF. "
                         * 12).strip(),
            category="culture" if kind == "equipement" else None,
            status="a_l_etude" if kind == "equipement" else None,
            horizon_year=2031 if kind == "equipement" else None,
            qpv_code=code,
            knowledge_source="ateliers_habitants" if kind == "quartier_vecu" else None,
            nature="retrait" if kind == "perimetre" else None,
            justification="Des logements neufs ont changé le quartier." if kind == "perimetre"
            else "",
            author="Marie Dupont", contact="marie.dupont@example.fr",
            communes=communes_of(reference, geometry), created=CREATED, modified=CREATED))
    return proposals


def package_info(count: int) -> PackageInfo:
    return PackageInfo(PACKAGE_UUID, "62498", "Commune de Lens", "Jean Martin",
                       "jean.martin@example.fr", "2026-11-22", CREATED, KEY_ID, count,
                       "qpvdesk 0.9")


def test_pdf_has_header_map_list_and_every_proposal(qapp, reference, qpv_places,
                                                   commune_names, tmp_path):
    proposals = make_proposals(reference, qpv_places, 3)
    path = tmp_path / "synthese.pdf"
    pages = write_synthese_pdf(reference, proposals, path, package_info(3))
    assert path.read_bytes().startswith(b"%PDF")
    assert pages == pdfinfo_pages(path)
    text = pdf_text(path)
    for item in proposals:
        assert item.title in text
        for code in item.communes:
            assert commune_names[code] in text
    assert "Lens (62498)" in text and "Commune de Lens" in text
    assert "22 novembre 2026 à 10 h 04" in text
    assert PACKAGE_UUID in text
    # the key id as people read it everywhere: groups of four
    grouped = " ".join(KEY_ID.upper()[start:start + 4] for start in range(0, 16, 4))
    assert grouped in text.replace("\u00a0", " ")
    assert "3 (1 projet d'équipement, 1 quartier vécu, 1 demande de périmètre)" in text
    assert "28,72 ha" in text
    assert "page 1 / " in text and f"page {pages} / {pages}" in text
    # French labels and values of the forms' fields
    for words in ("Catégorie", "Culture", "Statut", "À l'étude", "Année d'horizon", "2031",
                  "Source de la connaissance", "Ateliers d'habitants",
                  "Nature de la demande", "Retrait", "Justification", "Auteur",
                  "marie.dupont@example.fr", "Carte des propositions",
                  "Liste des propositions", "Détail des propositions"):
        assert words in text, words
    assert not list(tmp_path.glob(".*tmp"))


def test_forty_proposals_paginate_and_rows_stay_on_their_page(qapp, reference, qpv_places,
                                                              tmp_path):
    proposals = make_proposals(reference, qpv_places, 40)
    path = tmp_path / "quarante.pdf"
    pages = write_synthese_pdf(reference, proposals, path, package_info(40))
    assert pages > 3
    assert pages == pdfinfo_pages(path)
    text = pdf_text(path)
    assert f"page {pages} / {pages}" in text
    assert "Liste des propositions (suite)" in text
    assert "Proposition d'essai 40" in text

    writer = synthese_pdf.QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(synthese_pdf.PDF_DPI)
    synthese_pdf.set_a4(writer)
    style = synthese_pdf._Style(writer)
    footer = 200.0
    layout = synthese_pdf._layout(style, synthese_pdf._Names(reference), package_info(40),
                                  proposals, None, footer)
    assert len(layout) > 3
    for blocks in layout:
        for top, block in blocks:
            assert top >= 0 and top + block.height <= style.height - footer + 1e-6


def test_no_proposal_still_gives_a_page(qapp, reference, tmp_path):
    path = tmp_path / "vide.pdf"
    assert write_synthese_pdf(reference, [], path, package_info(0)) == 1
    assert "aucune proposition" in pdf_text(path)


def test_missing_folder_raises_and_leaves_nothing(qapp, reference, qpv_places, tmp_path):
    proposals = make_proposals(reference, qpv_places, 2)
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(OSError, match="Impossible d'écrire la synthèse PDF.*le dossier n'existe"):
        write_synthese_pdf(reference, proposals, tmp_path / "absent" / "s.pdf",
                           package_info(2))
    with pytest.raises(OSError, match="passe par un fichier"):
        write_synthese_pdf(reference, proposals, blocker / "s.pdf", package_info(2))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not_a_folder"]


def test_read_only_folder_raises_and_leaves_nothing(qapp, reference, qpv_places,
                                                    read_only_folder):
    folder = read_only_folder.path
    with pytest.raises(OSError, match=f"Impossible d'écrire la synthèse PDF.*"
                                      f"{read_only_folder.reason}"):
        write_synthese_pdf(reference, make_proposals(reference, qpv_places, 2),
                           folder / "s.pdf", package_info(2))
    assert not list(folder.iterdir())


def test_failure_while_painting_keeps_the_previous_file(qapp, reference, qpv_places,
                                                        tmp_path, monkeypatch):
    target = tmp_path / "synthese.pdf"
    target.write_bytes(b"%PDF previous export")

    def broken(*args):
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(synthese_pdf, "paint_synthese", broken)
    with pytest.raises(RuntimeError):
        write_synthese_pdf(reference, make_proposals(reference, qpv_places, 2), target,
                           package_info(2))
    assert target.read_bytes() == b"%PDF previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["synthese.pdf"]


@pytest.mark.parametrize("value, expected", [
    ("2026-11-22T10:04:31+01:00", "22 novembre 2026 à 10 h 04"),
    ("2026-08-01T09:30:00+02:00", "1er août 2026 à 9 h 30"),
    ("2026-02-03", "3 février 2026"),
    ("", "—"),
    ("hier", "hier"),
])
def test_french_dates(value, expected):
    assert french_datetime(value) == expected

"""A « quartier vécu » agreed on in a workshop goes in a signed package like any proposal:
its provenance in the GeoPackage and the GeoJSON (the CSV keeps its 18 columns), the
workshop's synthesis as a page of data/synthese.pdf; the verifier accepts it. The synthesis
also prints alone."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import warnings

import pytest
import shapely
from package_fixtures import (LENS, commune_key, lens_proposals, make_package,  # noqa: F401
                              members_of, pdf_writer, trust)
from shapely.geometry import Point, box

from qpvdesk.models.atelier.store import AtelierStore
from qpvdesk.models.atelier.synthesis import create_proposal, synthesize
from qpvdesk.models.package.verify import verify_package
from qpvdesk.models.proposals import ProposalStore, Territory, gdal
from qpvdesk.models.proposals.exporter import csv_header
from qpvdesk.models.workspace import Workspace

FACILITATOR = "Bernadette Animatrice"


@pytest.fixture(autouse=True)
def widgets_application(qapp):
    """A QApplication before the PDF writer's fixture makes a QGuiApplication: the widget
    tests that run after these in the same session need one."""
    return qapp


@pytest.fixture(scope="module")
def workshop(reference, tmp_path_factory):
    """Five participants around a QPV of Lens, a contour made a proposal at 50 %."""
    code, wkb = reference.conn.execute(
        "SELECT q.code, AsBinary(q.geom) FROM qpv q JOIN qpv_commune c ON c.qpv_code = q.code "
        "WHERE c.commune_insee = ? ORDER BY q.code LIMIT 1", (LENS,)).fetchone()
    centre = shapely.from_wkb(wkb).representative_point()
    workspace = Workspace(tmp_path_factory.mktemp("atelier") / "workspace.sqlite")
    store = AtelierStore(workspace)
    made = store.create(code, "2026-12-05", "Salle des fêtes", FACILITATOR)
    for number, dx in enumerate((0, 60, 120, 180, 600), start=1):
        store.start_participant(made.uuid)
        store.add_drawing(made.uuid, number, box(centre.x + dx - 200, centre.y - 200,
                                                 centre.x + dx + 200, centre.y + 200))
        store.add_place(made.uuid, number, "frequent", "ecole",
                        Point(centre.x + 10 * number, centre.y))
    territory = Territory(reference)
    synthesis = synthesize(store, made.uuid, territory)
    proposal = create_proposal(ProposalStore(workspace, reference), synthesis, 0.5)
    yield synthesis, proposal
    workspace.close()


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_the_package_carries_the_provenance_and_the_synthesis_page(
        tmp_path, workshop, commune_key, pdf_writer, trust):
    synthesis, proposal = workshop
    made = make_package(tmp_path / "lens.qpvpkg", [proposal], commune_key, pdf_writer)
    report = verify_package(made.path, trust)
    assert report.ok, report.reason
    assert [item.uuid for item in report.proposals] == [proposal.uuid]

    members = members_of(made.path)
    with warnings.catch_warnings():   # bytes read from memory have no .gpkg name
        warnings.simplefilter("ignore", RuntimeWarning)
        layers = gdal.pyogrio().read_dataframe(members["data/propositions.gpkg"],
                                               layer="quartiers_vecus")
    assert json.loads(layers["provenance"][0]) == json.loads(proposal.provenance)
    (feature,) = json.loads(members["data/propositions.geojson"])["features"]
    carried = feature["properties"]["provenance"]
    # GDAL's GeoJSON writer writes a text holding a JSON object as that object
    carried = json.loads(carried) if isinstance(carried, str) else carried
    assert carried["source"] == "atelier" and carried["participants"] == 5
    assert (carried["seuil"], carried["date"], carried["lieu"]) == (0.5, "2026-12-05",
                                                                   "Salle des fêtes")
    rows = list(csv.reader(io.StringIO(members["data/propositions.csv"].decode("utf-8-sig")),
                           delimiter=";"))
    assert rows[0] == csv_header() and len(rows[0]) == 18

    pdf = tmp_path / "synthese.pdf"
    pdf.write_bytes(members["data/synthese.pdf"])
    text = pdf_text(pdf)
    assert "SYNTHÈSE D'UN ATELIER D'HABITANTS" in text
    assert "5, dont 5 ont dessiné leur quartier" in text
    assert "au moins 50 % des participants" in text
    half = synthesis.consensus.level(0.5)
    assert f"{half.area_m2 / 10_000:.2f}".replace(".", ",") in text
    assert FACILITATOR not in text and FACILITATOR not in json.dumps(carried)


def test_a_package_without_workshop_proposals_has_no_workshop_page(
        tmp_path, lens_proposals, commune_key, pdf_writer):
    made = make_package(tmp_path / "lens.qpvpkg", lens_proposals, commune_key, pdf_writer)
    pdf = tmp_path / "synthese.pdf"
    pdf.write_bytes(members_of(made.path)["data/synthese.pdf"])
    assert "ATELIER D'HABITANTS" not in pdf_text(pdf)


def test_the_synthesis_prints_alone_on_one_page(tmp_path, reference, workshop, pdf_writer):
    from qpvdesk.render.atelier_pdf import page_from_synthesis, write_atelier_pdf

    synthesis, _ = workshop
    path = tmp_path / "atelier.pdf"
    assert write_atelier_pdf(page_from_synthesis(reference, synthesis, 0.5), path) == 1
    text = pdf_text(path)
    for words in ("Où les participants s'accordent", "25 % des participants",
                  "75 % des participants", "Lieux cités", "J'y vais souvent", "Salle des fêtes"):
        assert words in text, words
    assert FACILITATOR not in text
    with pytest.raises(OSError, match="Impossible d'écrire la synthèse PDF"):
        write_atelier_pdf(page_from_synthesis(reference, synthesis), tmp_path / "non" / "a.pdf")

"""What leaves the room (RGPD): by default the consensus contours and counts only — no
name (none is stored), no one person's drawing or pin, the coarse facts as totals; the
individual anonymous contributions only when the facilitator includes them."""
from __future__ import annotations

import json

import numpy as np
import pytest
import shapely
from shapely.geometry import Point, box, shape

from qpvdesk.models.atelier.export import workshop_document, write_geojson
from qpvdesk.models.atelier.store import AtelierStore
from qpvdesk.models.atelier.synthesis import synthesize
from qpvdesk.models.map.viewport import wgs84_to_lambert93
from qpvdesk.models.proposals import Territory

QPV = "QN06202M"
FACILITATOR = "Josiane Lebrun"
PLACE = "Local associatif des Glycines"


@pytest.fixture
def workshop(workspace, reference):
    territory = Territory(reference)
    centre = territory.qpv_geometry(QPV).representative_point()
    store = AtelierStore(workspace)
    made = store.create(QPV, "2026-12-05", PLACE, FACILITATOR, ask_residence=True,
                        ask_age=True)
    drawings = {}
    # shifted both ways, so that no agreement happens to be someone's own square
    for number, (dx, dy) in enumerate(((0, 0), (40, 30), (80, -20), (500, 0)), start=1):
        store.start_participant(made.uuid, lives_in_qpv=number % 2 == 0, age_band="30_44")
        drawings[number] = box(centre.x + dx - 150, centre.y + dy - 150, centre.x + dx + 150,
                               centre.y + dy + 150)
        store.add_drawing(made.uuid, number, drawings[number])
    # a school named by three people, a corner where one person feels uneasy
    for number in (1, 2, 3):
        store.add_place(made.uuid, number, "frequent", "ecole",
                        Point(centre.x + number, centre.y))
    lonely = Point(centre.x - 400, centre.y - 400)
    store.add_place(made.uuid, 4, "mal_a_l_aise", None, lonely)
    return store, made, synthesize(store, made.uuid, territory), drawings, lonely


def lambert93(geometry):
    return shapely.transform(geometry, lambda xy: np.column_stack(
        wgs84_to_lambert93(xy[:, 0], xy[:, 1])))


def test_by_default_only_contours_and_counts_leave(workshop, tmp_path):
    store, made, synthesis, drawings, lonely = workshop
    path = write_geojson(workshop_document(synthesis, store), tmp_path / "synthese.geojson")
    text = path.read_text(encoding="utf-8")
    document = json.loads(text)
    kinds = [feature["properties"]["objet"] for feature in document["features"]]
    assert kinds.count("contour") == 3 and set(kinds) == {"contour", "lieu_cite"}
    for feature in document["features"]:
        if feature["geometry"] is None:
            continue
        exported = lambert93(shape(feature["geometry"]))
        for drawing in drawings.values():           # no one's own outline
            assert exported.hausdorff_distance(drawing) > 1.0
    (school,) = [feature for feature in document["features"]
                 if feature["properties"]["objet"] == "lieu_cite"]
    assert school["properties"]["personnes"] == 3 and school["properties"]["epingles"] == 3
    # the corner one person named is counted, not located
    assert all(lambert93(shape(feature["geometry"])).distance(lonely) > 50
               for feature in document["features"] if feature["geometry"])
    counted = document["atelier"]["lieux"]
    assert {"sorte": "mal_a_l_aise", "categorie": None, "epingles": 1, "personnes": 1} in counted
    assert document["atelier"]["participants"] == 4
    assert document["atelier"]["habitent_le_qpv"] == {"non": 2, "oui": 2}
    assert document["atelier"]["tranches_age"] == {"30_44": 4}
    assert document["atelier"]["contributions_individuelles"] is False
    assert FACILITATOR not in text and "participant\"" not in text.replace(" ", "")
    assert "Participant " not in text


def test_the_individual_anonymous_drawings_only_when_asked(workshop, tmp_path):
    store, made, synthesis, drawings, lonely = workshop
    document = workshop_document(synthesis, store, include_individual=True)
    individual = [feature for feature in document["features"]
                  if feature["properties"]["objet"].endswith("_individuel")]
    assert len(individual) == 4 + 4
    assert {feature["properties"]["participant"] for feature in individual} == {
        f"Participant {number}" for number in range(1, 5)}
    for feature in individual:     # a number, what it is — no attribute, no name
        assert set(feature["properties"]) <= {"objet", "participant", "sorte", "categorie"}
    outlines = [lambert93(shape(feature["geometry"])) for feature in individual
                if feature["properties"]["objet"] == "dessin_individuel"]
    # each the participant's own outline (to the centimetre of the WGS 84 coordinates)
    assert all(min(outline.hausdorff_distance(drawing) for drawing in drawings.values()) < 0.05
               for outline in outlines)
    assert document["atelier"]["contributions_individuelles"] is True
    assert FACILITATOR not in json.dumps(document, ensure_ascii=False)


def test_a_contour_one_drawing_makes_is_counted_not_drawn(workshop, reference, workspace):
    from qpvdesk.models.atelier.synthesis import create_proposal
    from qpvdesk.models.proposals import ProposalStore

    store, made, synthesis, drawings, lonely = workshop
    quarter = synthesis.consensus.level(0.25)          # 4 drawings: one is enough
    assert quarter.min_count == 1 and quarter.area_m2 > 0
    (feature,) = [item for item in workshop_document(synthesis, store)["features"]
                  if item["properties"].get("seuil") == 0.25]
    assert feature["geometry"] is None and feature["properties"]["masque"]
    assert feature["properties"]["surface_m2"] == pytest.approx(quarter.area_m2, abs=0.1)
    with pytest.raises(ValueError, match="un seul dessin suffit"):
        create_proposal(ProposalStore(workspace, reference), synthesis, 0.25)

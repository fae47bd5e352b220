"""Names beside scatter points (render/point_labels.py): the one placement of the gap chart on
screen and in the reports."""
from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QPointF, QRectF, QSizeF

from qpvdesk.render.point_labels import place_labels

BOUNDS = QRectF(0, 0, 600, 400)
RADIUS = 5.0


def marker(centre: QPointF) -> QRectF:
    return QRectF(centre.x() - RADIUS, centre.y() - RADIUS, 2 * RADIUS, 2 * RADIUS)


def test_a_lone_point_has_its_name_right_beside_it():
    centre = QPointF(200, 200)
    [place] = place_labels([centre], [QSizeF(60, 14)], BOUNDS, radius=RADIUS, gap=2)
    assert place.leader is None
    assert place.rect.left() == centre.x() + RADIUS + 2          # to the right
    assert place.rect.center().y() == centre.y()                  # on the point's line


def test_a_name_at_the_right_edge_goes_to_the_left():
    centre = QPointF(590, 200)
    [place] = place_labels([centre], [QSizeF(60, 14)], BOUNDS, radius=RADIUS, gap=2)
    assert place.rect.right() == centre.x() - RADIUS - 2 and BOUNDS.contains(place.rect)


#: The 22 points of the median income's « dynamique des écarts » in a 980 × 330 px plot, the
#: quartier names beside them: 15 in a 150 × 100 px cluster.
GAP_CHART = [((239, 82), "3 Cités"), ((53, 22), "Blum"), ((220, 223), "Calonne"),
             ((296, 138), "Camus"), ((276, 187), "Cité 10"), ((233, 215), "Cité 12-14"),
             ((257, 302), "Cité 2"), ((298, 141), "Cité 5"), ((198, 81), "Cité Bellevue"),
             ((185, 181), "Cité Des Brebis"), ((303, 41), "Cité Des Taberneaux"),
             ((238, 233), "Cité Du Transvaal"), ((86, 166), "Grande Résidence"),
             ((217, 204), "La Plaine Du 7"), ((198, 202), "Languedoc"),
             ((210, 211), "Les Blanches Laines…"), ((263, 141), "Les Hauts De Liévin"),
             ((129, 182), "Quartier du 3/15"), ((238, 198), "Quartier Du Maroc"),
             ((340, 97), "Quartier Saint-Elie"), ((85, 124), "République"),
             ((109, 191), "Sellier Cité 4")]
PLOT = QRectF(0, 0, 980, 330)
CORNERS = [QRectF(0, 0, 160, 22), QRectF(820, 0, 160, 22), QRectF(0, 308, 160, 22),
           QRectF(820, 308, 160, 22)]


def test_the_crowded_gap_chart_has_every_name_free_and_far_names_have_leaders():
    """Every name inside the plot, off every other name, marker and quadrant name; a name away
    from its point is joined to it by a line that starts at its marker, ends on the name's box
    and crosses no other name, nor any marker but one touching its own."""
    centres = [QPointF(x, y) for (x, y), _ in GAP_CHART]
    sizes = [QSizeF(6.2 * len(name) + 2, 15) for _, name in GAP_CHART]
    places = place_labels(centres, sizes, PLOT, CORNERS, radius=RADIUS, gap=2)
    rects = [place.rect for place in places]
    for rect in rects:
        assert PLOT.contains(rect) and not any(rect.intersects(c) for c in CORNERS)
        assert not any(rect.intersects(marker(centre)) for centre in centres)
    for first, second in itertools.combinations(rects, 2):
        assert not first.intersects(second)
    leaders = [(centre, place) for centre, place in zip(centres, places) if place.leader]
    assert leaders, "a cluster this dense needs some names further out"
    for centre, place in leaders:
        start, end = place.leader.p1(), place.leader.p2()
        assert math.dist((start.x(), start.y()), (centre.x(), centre.y())) <= RADIUS * 1.5
        on_edge = (min(abs(end.x() - place.rect.left()), abs(end.x() - place.rect.right()),
                       abs(end.y() - place.rect.top()), abs(end.y() - place.rect.bottom())))
        assert on_edge < 1e-6
        assert not any(_crosses(place.leader, rect) for rect in rects if rect != place.rect)
        # (La Plaine Du 7 and Les Blanches Laines touch: one line has to cross the other's)
        apart = [marker(c) for c in centres
                 if math.dist((c.x(), c.y()), (centre.x(), centre.y())) > 3 * RADIUS]
        assert not any(_crosses(place.leader, box) for box in apart)


def test_names_never_overlap_even_where_markers_touch():
    """22 points 15 px apart in rows (markers 10 px wide): no leader can leave the cluster
    between the markers, and still no name covers another or a quadrant name."""
    centres = [QPointF(250 + 15 * (i % 7) + 3 * (i // 7), 170 + 15 * (i // 7) + (i % 3) * 4)
               for i in range(22)]
    sizes = [QSizeF(40 + 7 * (i % 6), 14) for i in range(22)]
    places = place_labels(centres, sizes, BOUNDS, [CORNERS[0]], radius=RADIUS, gap=2)
    for first, second in itertools.combinations([place.rect for place in places], 2):
        assert not first.intersects(second)
    assert not any(place.rect.intersects(CORNERS[0]) for place in places)


def _crosses(line, rect: QRectF) -> bool:
    """Sampled along the segment: independent of the module's clipping."""
    return any(rect.contains(line.pointAt(step / 200)) for step in range(201))


def test_names_are_returned_in_the_order_of_their_points():
    centres = [QPointF(100, 100), QPointF(400, 300)]
    places = place_labels(centres, [QSizeF(30, 12), QSizeF(80, 12)], BOUNDS, radius=RADIUS)
    assert places[0].rect.width() == 30 and places[1].rect.width() == 80
    assert places[1].rect.left() > 300

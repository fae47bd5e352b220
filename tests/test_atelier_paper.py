"""The paper map of a workshop: the largest standard scale that fits, a grid to read the
drawings back, and a printed scale that is true — measured on the PDF itself (its page
size in points, its grid lines found on the rendered page)."""
from __future__ import annotations

import re
import subprocess

import numpy as np
import pytest
import shapely
from PySide6.QtGui import QImage

from qpvdesk.models.atelier.paper import (STANDARD_SCALES, column_letters, paper_layout)

POINTS_PER_MM = 72 / 25.4
RENDER_DPI = 100


def test_the_layout_takes_the_largest_standard_scale_that_fits():
    small = paper_layout((684_000.0, 7_033_000.0, 684_800.0, 7_033_600.0), "A3")
    assert small.scale == 5_000 and small.landscape       # 1200 × 1000 m in 1940 × 1100
    xmin, ymin, xmax, ymax = small.ground
    assert (xmax - xmin) * 1000 / small.scale == pytest.approx(small.frame_mm[2])
    assert xmin < 684_000 - 200 and xmax > 684_800 + 200        # the surroundings too
    wide = paper_layout((680_000.0, 7_030_000.0, 683_400.0, 7_030_400.0), "A3")
    assert wide.landscape and wide.scale == 10_000
    larger_sheet = paper_layout((680_000.0, 7_030_000.0, 683_400.0, 7_030_400.0), "A4")
    assert larger_sheet.scale > wide.scale and larger_sheet.scale in STANDARD_SCALES
    assert small.cell_of(684_400.0, 7_033_300.0) is not None
    assert small.cell_of(0.0, 0.0) is None
    assert [column_letters(index) for index in (0, 25, 26)] == ["A", "Z", "AA"]
    with pytest.raises(ValueError):
        paper_layout((0.0, 0.0, 1e6, 1e6), "A3")
    with pytest.raises(ValueError):
        paper_layout(small.ground, "A5")


def grid_positions(profile: np.ndarray) -> list[float]:
    """Centres of the runs of a boolean profile (the pixels of each grid line)."""
    runs, start = [], None
    for index, on in enumerate(list(profile) + [False]):
        if on and start is None:
            start = index
        elif not on and start is not None:
            runs.append((start + index - 1) / 2)
            start = None
    return runs


@pytest.mark.parametrize("code,sheet", [("QN06224M", "A3"), ("QN06227M", "A4")])
def test_metres_on_the_ground_are_metres_over_the_scale_on_paper(qapp, reference, tmp_path,
                                                                 code, sheet):
    from qpvdesk.render.atelier_paper import write_paper_map

    path = tmp_path / "carte.pdf"
    layout = write_paper_map(reference, code, path, sheet)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    width_pt, height_pt = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts",
                                               info).groups())
    expected = sorted(layout.page_mm)
    assert sorted((width_pt / POINTS_PER_MM, height_pt / POINTS_PER_MM)) == pytest.approx(
        expected, abs=0.5)                                   # A3 297 × 420, A4 210 × 297
    assert "Pages:           1" in info
    # residents read it: « quartier prioritaire », never the acronym
    words = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "quartier prioritaire" in words and not re.search(r"\bQPV\b", words)
    subprocess.run(["pdftoppm", "-r", str(RENDER_DPI), "-png", "-singlefile", str(path),
                    str(tmp_path / "page")], check=True)
    image = QImage(str(tmp_path / "page.png")).convertToFormat(QImage.Format.Format_RGB888)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine())[:, :image.width() * 3].reshape(
        image.height(), image.width(), 3).astype(int)
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    grid_blue = (blue > 150) & (blue - red > 70) & (blue - green > 40)
    # a grid line crosses the whole frame: most of its column (row) is grid blue
    left, top, width, height = (value * RENDER_DPI / 25.4 for value in layout.frame_mm)
    inside = grid_blue[int(top) + 5:int(top + height) - 5, int(left) + 5:int(left + width) - 5]
    columns = grid_positions(inside.mean(axis=0) > 0.5)
    rows = grid_positions(inside.mean(axis=1) > 0.5)
    verticals, horizontals = layout.grid_lines()
    assert len(columns) == len([x for x in verticals if x < layout.ground[2] - 1])
    assert len(rows) == len([y for y in horizontals if y > layout.ground[1] + 1])
    assert len(columns) >= 3 and len(rows) >= 3
    # the distance between the first and the last line, on paper, against the ground
    for positions in (columns, rows):
        ground_m = (len(positions) - 1) * layout.grid_step_m
        paper_m = (positions[-1] - positions[0]) / RENDER_DPI * 0.0254
        assert paper_m == pytest.approx(ground_m / layout.scale, rel=0.01)
    # the whole QPV is on the sheet
    geometry = shapely.from_wkb(reference.conn.execute(
        "SELECT AsBinary(geom) FROM qpv WHERE code = ?", (code,)).fetchone()[0])
    assert layout.ground[0] < geometry.bounds[0] and geometry.bounds[2] < layout.ground[2]


def test_an_unwritable_place_or_an_unknown_qpv_is_said(qapp, reference, tmp_path,
                                                       read_only_folder):
    from qpvdesk.render.atelier_paper import write_paper_map

    with pytest.raises(OSError, match="Impossible d'écrire la carte"):
        write_paper_map(reference, "QN06224M", read_only_folder.path / "carte.pdf")
    assert list(read_only_folder.path.iterdir()) == []
    with pytest.raises(ValueError, match="QPV inconnu"):
        write_paper_map(reference, "QN00000M", tmp_path / "carte.pdf")


def test_a_name_goes_wholly_inside_the_frame_or_is_left_out():
    from qpvdesk.models.atelier.paper import (area_label_box, box_inside, inner_frame,
                                              point_label_box)

    layout = paper_layout((684_000.0, 7_033_000.0, 684_800.0, 7_033_600.0), "A3")
    xmin, ymin, xmax, ymax = layout.ground
    frame = inner_frame(layout)
    size = (40.0, 5.0)                       # a long commune name, in mm
    # a commune reaching 300 m (60 mm at 1:5 000) into the frame from its right edge: its
    # name is centred over it, entirely inside the frame
    edge_commune = shapely.box(xmax - 300, ymin - 500, xmax + 2_000, ymax + 500)
    box = area_label_box(layout, edge_commune, size)
    assert box is not None and box_inside(box, frame)
    centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    assert box[2] - box[0] == pytest.approx(40.0) and box[3] - box[1] == pytest.approx(5.0)
    left, top = layout.frame_mm[:2]
    ground_x = xmin + (centre[0] - left) * layout.scale / 1000
    assert ground_x > xmax - 300                   # over the commune it names
    # a sliver of 50 m (10 mm) cannot hold a 40 mm name without crossing the frame: left out
    sliver = shapely.box(xmax - 50, ymin - 500, xmax + 2_000, ymax + 500)
    assert area_label_box(layout, sliver, size) is None
    # a collège near the right edge: its name goes on the left of its mark
    right = point_label_box(layout, xmax - 20, (ymin + ymax) / 2, (30.0, 3.0), 2.4)
    assert right is not None and box_inside(right, frame)
    assert right[2] < layout.to_paper_mm(xmax - 20, 0)[0]
    # one in the middle: on the right, as usual
    middle = point_label_box(layout, (xmin + xmax) / 2, (ymin + ymax) / 2, (30.0, 3.0), 2.4)
    assert middle[0] > layout.to_paper_mm((xmin + xmax) / 2, 0)[0]
    # a name longer than the frame is wide fits nowhere
    assert point_label_box(layout, (xmin + xmax) / 2, (ymin + ymax) / 2,
                           (layout.frame_mm[2] + 1, 3.0), 2.4) is None


@pytest.mark.parametrize("sheet", ["A3", "A4"])
def test_every_name_printed_lies_inside_the_map_frame(qapp, reference, sheet):
    """Every QPV's sheet: the glyphs of each name (white halo included) are inside the frame
    (the review found « ÉLEU-DIT-LEAUWETTE », « LENS »… cut by it); the communes that cover
    a good part of the map keep their names."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPdfWriter

    from qpvdesk.render.atelier_paper import (HALO_MM, PAPER_DPI, Landmarks, _Sheet,
                                              load_landmarks, place_labels)

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PAPER_DPI)
    for qpv in reference.qpv_list():
        geometry = shapely.from_wkb(reference.conn.execute(
            "SELECT AsBinary(geom) FROM qpv WHERE code = ?", (qpv.code,)).fetchone()[0])
        layout = paper_layout(geometry.bounds, sheet)
        marks: Landmarks = load_landmarks(reference, qpv.code, layout.ground)
        page = _Sheet(writer, layout)
        labels = place_labels(page, marks)
        halo = page.mm(HALO_MM / 2)
        for label in labels:
            glyphs = label.path.boundingRect().adjusted(-halo, -halo, halo, halo)
            assert page.frame.contains(glyphs), (qpv.code, sheet, label.text)
        printed = {label.text for label in labels}
        ground = shapely.box(*layout.ground)
        for name, commune in marks.communes:
            if commune.intersection(ground).area > 0.15 * ground.area:
                assert name.upper() in printed, (qpv.code, sheet, name)

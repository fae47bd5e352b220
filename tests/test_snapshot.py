"""Headless rendering: `qpvdesk snapshot` images against approved PNGs, and the basemap."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from pyproj import Transformer

from qpvdesk.cli import main
from qpvdesk.models.map.viewport import Viewport
from image_compare import MAX_CHANGED_PIXELS, PIXEL_TOLERANCE, image_differences, \
    missing_colours, pixels
from test_mbtiles import write_mbtiles, xyz_corner_lonlat, xyz_tile_of

APPROVED = Path(__file__).parent / "approved"
TO_L93 = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)
LENS_BBOX = "683000,7033000,689000,7038500"


def snapshot(reference_path, out: Path, *args: str) -> int:
    return main(["--reference", str(reference_path), "snapshot", "--out", str(out), *args])


LENS_LAYERS = ("iris", "cites", "terrils", "communes", "qpv", "puits", "colleges")
APPROVED_CASES = {
    "territory": ["--width", "800", "--height", "500"],
    "lens_layers": ["--width", "600", "--height", "550", "--bbox", LENS_BBOX, "--layers",
                    ",".join(LENS_LAYERS)],
    "choropleth_median_income": ["--width", "800", "--height", "500", "--choropleth",
                                 "FILO.DISP_MED", "--edition", "2019", "--layers",
                                 "communes,epci,qpv"],
}


@pytest.mark.parametrize("name", APPROVED_CASES)
def test_snapshot_matches_the_approved_image(qapp, reference_path, tmp_path, name):
    out = tmp_path / f"{name}.png"
    assert snapshot(reference_path, out, *APPROVED_CASES[name]) == 0
    approved = APPROVED / f"{name}.png"
    if os.environ.get("QPVDESK_APPROVE") == "1":
        shutil.copy(out, approved)
    problems = image_differences(pixels(out), pixels(approved))
    assert not problems, f"{out} differs from {approved.name}: {problems}"


# the two smallest layers of the image (about 1,000 pixels each) and a grey fill
@pytest.mark.parametrize("hidden", ["puits", "colleges", "terrils"])
def test_the_comparison_fails_when_one_layer_is_missing(qapp, reference_path, tmp_path,
                                                            hidden):
    out = tmp_path / "without.png"
    others = ",".join(layer for layer in LENS_LAYERS if layer != hidden)
    assert snapshot(reference_path, out, "--width", "600", "--height", "550", "--bbox",
                    LENS_BBOX, "--layers", others) == 0
    got, want = pixels(out), pixels(APPROVED / "lens_layers.png")
    assert image_differences(got, want)
    # each check alone sees it: the changed-pixel count and the layer's own colours
    assert (np.abs(got - want).max(axis=2) > PIXEL_TOLERANCE).sum() > MAX_CHANGED_PIXELS
    assert missing_colours(got, want)


def test_unknown_layer_or_indicator_is_refused_without_a_file(reference_path, tmp_path, capsys):
    out = tmp_path / "x.png"
    assert snapshot(reference_path, out, "--layers", "qpv,nope") == 1
    assert snapshot(reference_path, out, "--choropleth", "NOPE.X") == 1
    assert "nope" in capsys.readouterr().err and not out.exists()


def test_basemap_tile_corner_lands_on_its_lambert93_position(qapp, reference_path, tmp_path):
    zoom = 15
    column, row = xyz_tile_of(2.8319, 50.4322, zoom)
    red = QImage(256, 256, QImage.Format.Format_RGB32)
    red.fill(0xFFFF0000)
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    red.save(buffer, "PNG")
    tile = bytes(buffer.data())
    mbtiles = write_mbtiles(tmp_path / "one.mbtiles", [(zoom, column, row)],
                            data=lambda z, x, y: tile)
    corner_x, corner_y = TO_L93.transform(*xyz_corner_lonlat(zoom, column, row))
    bbox = (corner_x - 300, corner_y - 200, corner_x + 300, corner_y + 200)
    out = tmp_path / "basemap.png"
    assert snapshot(reference_path, out, "--width", "600", "--height", "400", "--bbox",
                    ",".join(map(str, bbox)), "--layers", "epci", "--basemap",
                    str(mbtiles)) == 0
    image = pixels(out)
    px, py = Viewport.fit(bbox, 600, 400, margin=0.0).to_screen(corner_x, corner_y)
    px, py = int(round(px)), int(round(py))

    def is_red(x, y):
        r, g, b = image[y, x]
        return r > 200 and g < 60 and b < 60

    # The tile's top-left corner: red just inside (down-right), not red just outside.
    assert is_red(px + 1, py + 1) and not is_red(px - 1, py - 1)
    assert not is_red(px + 1, py - 1) and not is_red(px - 1, py + 1)


def test_bad_basemap_is_refused_and_writes_nothing(reference_path, tmp_path, capsys):
    bad = tmp_path / "notes.mbtiles"
    bad.write_text("ceci n'est pas une base MBTiles", encoding="utf-8")
    out = tmp_path / "x.png"
    assert snapshot(reference_path, out, "--basemap", str(bad)) == 1
    assert "MBTiles" in capsys.readouterr().err and not out.exists()
    assert bad.read_text(encoding="utf-8") == "ceci n'est pas une base MBTiles"

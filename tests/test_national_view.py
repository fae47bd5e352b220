"""The national view: France's metropolitan communes from the national data pack, stored in
SpatiaLite like the reference layers, drawn with the agglomeration's QPV on top."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from qpvdesk.models.map.layers import WKB_CHUNK, FeatureLayer
from qpvdesk.models.map.national import (ARRAYS_TABLE, COVER_TABLE, DATABASE_NAME, GEOMETRY_FIELDS,
                                         LAYER_QUERY, NATIONAL_INFO, TABLE, communes_database,
                                         load_national_communes, national_communes)
from qpvdesk.render.national import (PARIS, national_compose, national_viewport,
                                     one_percent_view)
from qpvdesk.render.renderer import render_map
from qpvdesk.models.spatialite import connect
from image_compare import pixels

METROPOLITAN_COMMUNES = 34_739     # 34,868 in COG 2026 minus the 129 of the DROM
LENS = "62498"


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    return communes_database(tmp_path_factory.mktemp("national"))


@pytest.fixture(scope="module")
def communes(database):
    return load_national_communes(database)


def test_the_database_holds_every_metropolitan_commune_as_a_registered_layer(database):
    conn = connect(database, readonly=True)
    try:
        count, overseas = conn.execute(
            f"SELECT count(*), sum(dep LIKE '97%') FROM {TABLE}").fetchone()
        srid, kind = conn.execute("SELECT srid, geometry_type FROM geometry_columns "
                                  "WHERE f_table_name = ?", (TABLE,)).fetchone()
        indexed = conn.execute("SELECT spatial_index_enabled FROM geometry_columns "
                               "WHERE f_table_name = ?", (TABLE,)).fetchone()[0]
    finally:
        conn.close()
    assert count == METROPOLITAN_COMMUNES and overseas == 0
    assert (srid, kind, indexed) == (2154, 6, 1)    # MULTIPOLYGON in Lambert-93, indexed


def test_the_database_is_written_once(database):
    written = database.stat().st_mtime_ns
    assert communes_database(database.parent) == database
    assert database.stat().st_mtime_ns == written


def test_a_database_of_an_older_layout_is_written_again(database, tmp_path):
    older = tmp_path / DATABASE_NAME
    shutil.copy(database, older)
    conn = connect(older)
    try:
        conn.execute("DELETE FROM build_info WHERE key = 'layout'")
        conn.commit()
    finally:
        conn.close()
    assert communes_database(tmp_path) == older
    conn = connect(older, readonly=True)
    try:
        assert conn.execute("SELECT value FROM build_info WHERE key = 'layout'").fetchone()
    finally:
        conn.close()


def test_the_stored_arrays_are_what_the_table_s_own_wkb_decodes_to(database, communes):
    conn = connect(database, readonly=True)
    try:
        cursor = conn.execute(LAYER_QUERY)
        decoded = FeatureLayer.from_rows(NATIONAL_INFO,
                                         iter(lambda: cursor.fetchmany(WKB_CHUNK), []))
    finally:
        conn.close()
    assert communes.keys == decoded.keys and communes.labels == decoded.labels
    stored, fresh = communes.lod_for(0.0), decoded.lod_for(0.0)
    for field in GEOMETRY_FIELDS:
        assert np.array_equal(getattr(stored, field), getattr(fresh, field)), field
    assert np.array_equal(communes.extents, decoded.extents)


def segment_ends(coords: np.ndarray, joins: np.ndarray) -> np.ndarray:
    """Each joined segment's two ends, the same whichever way it runs."""
    start = np.flatnonzero(joins[:-1])
    a, b = coords[start], coords[start + 1]
    swap = (a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1]))
    return np.column_stack([np.where(swap[:, None], b, a), np.where(swap[:, None], a, b)])


def test_each_border_of_france_s_communes_is_stroked_once(communes):
    arrays = communes.lod_for(0.0)
    every = segment_ends(arrays.coords, arrays.continues)
    kept = segment_ends(arrays.coords, communes.outline_joins)
    unique = np.unique(every, axis=0)
    assert len(kept) == len(unique) < 0.52 * len(every)     # most borders are shared
    assert len(np.unique(kept, axis=0)) == len(kept)          # none twice...
    assert np.array_equal(np.unique(kept, axis=0), unique)    # ...and none missing


def test_stroking_each_border_once_draws_the_same_borders(qapp, communes):
    # every border where stroking each commune's ring put one, within a pixel, none added;
    # thinner where the two strokes of a border used to lie side by side
    full = national_viewport(communes, 800, 500)
    for viewport in (full, one_percent_view(full), full.zoomed(3.16, full.to_screen(*PARIS))):
        once = lines(rendered(communes, viewport))
        joins, communes.outline_joins = communes.outline_joins, None
        try:
            each = lines(rendered(communes, viewport))
        finally:
            communes.outline_joins = joins
        assert (once & grown(each)).sum() > 0.999 * once.sum()
        assert (each & grown(once)).sum() > 0.999 * each.sum()
        assert 0.75 * each.sum() < once.sum() <= each.sum()


def lines(image: np.ndarray) -> np.ndarray:
    """Pixels clearly darker than the communes' fill (BGRA)."""
    return np.abs(image - [224, 235, 240, 255]).sum(axis=2) > 60


def grown(mask: np.ndarray) -> np.ndarray:
    """`mask` and its pixels' four neighbours."""
    out = mask.copy()
    out[1:] |= mask[:-1]
    out[:-1] |= mask[1:]
    out[:, 1:] |= mask[:, :-1]
    out[:, :-1] |= mask[:, 1:]
    return out


def damaged_copy(database, folder, sql: str):
    folder.mkdir()
    copy = folder / DATABASE_NAME
    shutil.copy(database, copy)
    conn = connect(copy)
    try:
        conn.execute(sql)
        conn.commit()
    finally:
        conn.close()
    return copy


@pytest.mark.parametrize("sql", [
    f"UPDATE {ARRAYS_TABLE} SET data = substr(data, 1, 8000) WHERE name = 'coords'",
    f"DELETE FROM {ARRAYS_TABLE} WHERE name = 'labels'",
    # shapes that agree with their blobs but not with each other
    f"UPDATE {ARRAYS_TABLE} SET data = substr(data, 1, 400), shape = '[100]' "
    "WHERE name = 'vertex_start'",
])
def test_damaged_arrays_are_refused_before_anything_reads_them(database, tmp_path, sql):
    with pytest.raises((ValueError, KeyError)):
        load_national_communes(damaged_copy(database, tmp_path / "national", sql))


def test_a_database_whose_arrays_are_damaged_is_written_again(database, tmp_path):
    folder = tmp_path / "national"
    damaged_copy(database, folder, f"DELETE FROM {ARRAYS_TABLE} WHERE name = 'coords'")
    layer = national_communes(folder)
    assert len(layer) == METROPOLITAN_COMMUNES and LENS in layer.keys
    assert len(load_national_communes(folder / DATABASE_NAME)) == METROPOLITAN_COMMUNES


def test_the_union_of_the_communes_covers_exactly_what_they_cover(database, communes):
    conn = connect(database, readonly=True)
    try:
        cover = shapely.from_wkb([row[0] for row in conn.execute(
            f"SELECT AsBinary(geom) FROM {COVER_TABLE}")])
    finally:
        conn.close()
    communes_area = shapely.area(communes.geometries).sum()
    assert shapely.area(cover).sum() == pytest.approx(communes_area, rel=1e-9)
    assert len(communes.cover) == len(cover)
    # no commune sticks out of it (a coverage: no overlap, no gap filled twice)
    lens = communes.geometry(communes.keys.index(LENS))
    assert shapely.area(shapely.difference(lens, shapely.union_all(cover))) < 1.0


def test_filling_the_union_draws_what_filling_each_commune_draws(qapp, communes):
    full = national_viewport(communes, 800, 500)
    joins, communes.outline_joins = communes.outline_joins, None   # the same outlines
    try:
        for viewport in (full, one_percent_view(full)):
            with_cover = rendered(communes, viewport)
            cover, communes.cover = communes.cover, None
            try:
                each = rendered(communes, viewport)
            finally:
                communes.cover = cover
            # the union fills the hairline slivers that thinning each commune apart leaves
            assert (np.abs(with_cover - each).max(axis=2) > 48).sum() == 0
    finally:
        communes.outline_joins = joins


def test_the_union_cut_to_the_view_fills_the_pixels_the_whole_union_fills(qapp, communes,
                                                                          monkeypatch):
    from qpvdesk.render import renderer
    full = national_viewport(communes, 800, 500)
    for viewport in (one_percent_view(full), one_percent_view(full).panned(7, -5),
                     full.zoomed(8.0, (60, 250)), full.zoomed(4.0, (780, 480))):
        cut = rendered(communes, viewport)
        with monkeypatch.context() as patch:     # a box around all of France: no cut
            patch.setattr(renderer, "_grown", lambda box, margin: (-1e9, -1e9, 1e9, 1e9))
            whole = rendered(communes, viewport)
        assert np.array_equal(cut, whole), viewport


def rendered(layer, viewport) -> np.ndarray:
    image = render_map(national_compose(layer)(viewport))
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return data.reshape(image.height(), image.width(), 4).astype(int)


def test_the_layer_keeps_arrays_only_and_identifies_lens_where_the_reference_has_it(
        communes, reference):
    assert len(communes) == METROPOLITAN_COMMUNES and not communes.keeps_geometries
    wkb = reference.conn.execute("SELECT AsBinary(geom) FROM commune WHERE insee = ?",
                                 (LENS,)).fetchone()[0]
    lens = shapely.from_wkb(wkb)
    inside = lens.representative_point()
    index = communes.feature_at(inside.x, inside.y, 1.0)
    assert communes.keys[index] == LENS and communes.labels[index] == "Lens"
    national = communes.geometry(index)
    overlap = shapely.area(shapely.intersection(national, lens)) / shapely.area(
        shapely.union(national, lens))
    assert overlap > 0.9


def test_coarse_views_draw_a_fraction_of_the_vertices(communes):
    full, france = communes.lod_for(0.5), communes.lod_for(1100.0)
    assert len(france.coords) < 0.5 * len(full.coords)
    assert np.array_equal(np.diff(france.vertex_start) > 0, np.diff(full.vertex_start) > 0)


def test_snapshot_national_draws_the_qpv_over_the_communes(reference_path, database, tmp_path):
    home = tmp_path / "home"
    (home / "national").mkdir(parents=True)
    shutil.copy(database, home / "national" / DATABASE_NAME)
    out = tmp_path / "nord.png"
    bbox = "660000,7010000,720000,7050000"      # the CALL and around
    done = subprocess.run([sys.executable, "-m", "qpvdesk", "--reference", str(reference_path),
                           "snapshot", "--national", "--bbox", bbox, "--width", "600",
                           "--height", "400", "--out", str(out)],
                          env={**os.environ, "QPVDESK_HOME": str(home),
                               "QT_QPA_PLATFORM": "offscreen"},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    image = pixels(out)
    red = (image[..., 0] > 150) & (image[..., 1] < 110) & (image[..., 2] < 110)
    commune_fill = (np.abs(image - [240, 235, 224]).sum(axis=2) < 6)   # not the background
    lines = image.sum(axis=2) < 600
    assert red.sum() > 200                          # the QPV
    assert commune_fill.mean() > 0.5 and lines.sum() > 5000     # communes, CALL and around
    assert not (home / "national" / f".{DATABASE_NAME}.partial").exists()


@pytest.mark.slow
def test_bench_render_national_prints_its_figures_and_qgis_beside(reference_path, database,
                                                                   tmp_path):
    done = subprocess.run([sys.executable, "-m", "qpvdesk", "--reference", str(reference_path),
                           "bench", "render", "--national", "--json", "--processes", "1",
                           "--repeat", "1", "--national-folder", str(database.parent)],
                          env={**os.environ, "QPVDESK_HOME": str(tmp_path)},
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    ours = report["national"]
    for key in ("first_frame_ms", "rerender_full_ms", "rerender_1pct_ms", "pan_frame_ms",
                "peak_rss_mb"):
        assert ours[key] > 0
    assert ours["communes"] == METROPOLITAN_COMMUNES
    if shutil.which("qgis"):
        assert report["qgis"]["version"].startswith("QGIS")
        assert set(report["qgis_over_qpvdesk"]) == {"first_frame_ms", "rerender_full_ms",
                                                    "rerender_1pct_ms", "peak_rss_mb"}


def test_affichage_vue_nationale_shows_france_with_the_qpv_and_pans(qtbot, reference, workspace,
                                                                     database, isolated_home):
    from qpvdesk.views.main_window import MainWindow

    (isolated_home / "national").mkdir()
    shutil.copy(database, isolated_home / "national" / DATABASE_NAME)
    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.national_action.text() == "Vue &nationale…"
    window.national_action.trigger()
    view = window._windows["national"]
    qtbot.waitUntil(lambda: view.canvas is not None and view.canvas.image is not None,
                    timeout=60_000)
    canvas = view.canvas
    assert canvas.viewport.resolution > 500          # the whole of France in the window
    xmin, ymin, xmax, ymax = canvas.viewport.bbox
    assert xmin < 160_000 and xmax > 1_200_000       # Brittany to Alsace
    before = canvas.viewport.center_x
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(200, 150))
    qtbot.mouseMove(canvas, QPoint(260, 150))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(260, 150))
    assert canvas.viewport.center_x < before          # dragged right: the map moved west
    image = canvas.image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).reshape(
        image.height(), image.bytesPerLine())[:, :image.width() * 3].reshape(
        image.height(), image.width(), 3).astype(int)
    assert (np.abs(data - [240, 235, 224]).sum(axis=2) < 6).mean() > 0.1    # communes


def test_a_national_folder_that_cannot_be_written_is_refused_in_one_sentence(
        reference_path, read_only_folder, tmp_path):
    out = tmp_path / "france.png"
    done = subprocess.run([sys.executable, "-m", "qpvdesk", "--reference", str(reference_path),
                           "snapshot", "--national", "--out", str(out)],
                          env={**os.environ, "QPVDESK_HOME": str(read_only_folder.path),
                               "QT_QPA_PLATFORM": "offscreen"},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "could not be written" in done.stderr and not out.exists()
    assert not any(read_only_folder.path.rglob("*.sqlite*"))


def test_the_national_view_says_why_it_cannot_show(qtbot, read_only_folder):
    from qpvdesk.views.map.national_view import NationalView

    view = NationalView(read_only_folder.path / "national", [])
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.task.running, timeout=30_000)
    qtbot.waitUntil(lambda: "n'a pas pu être écrit" in view.status.text(), timeout=5_000)
    assert str(read_only_folder.path) in view.status.text() and view.canvas is None

"""The self-test's checks, one per feature family. Each takes the shared :class:`Context`,
does the real thing (files written, images drawn, packages signed) in a temporary folder, and
returns one line saying what it saw, or raises :class:`SelfTestFailure` (or whatever the
feature raised) when the result is wrong.
"""
from __future__ import annotations

import argparse
import zipfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import samples

# Communes crossed by each QPV, found through the commune R*Tree (idx_commune_geom) first.
SPATIAL_INDEX_QUERY = """
SELECT count(*) FROM qpv AS q JOIN commune AS c
  ON c.ROWID IN (SELECT pkid FROM idx_commune_geom
                 WHERE xmin <= MbrMaxX(q.geom) AND xmax >= MbrMinX(q.geom)
                   AND ymin <= MbrMaxY(q.geom) AND ymax >= MbrMinY(q.geom))
WHERE ST_Intersects(q.geom, c.geom)
"""
# Lambert-93 -> WGS 84 needs PROJ to find EPSG:2154 in its proj.db.
PROJ_QUERY = "SELECT X(Transform(Centroid(geom), 4326)), Y(Transform(Centroid(geom), 4326)) " \
             "FROM epci LIMIT 1"
CHOROPLETH_INDICATOR = "REVN.DISP_Q2"      # the example: median income, on the QPV
FICHE_QPV = "QN06202M"
COMMUNE = "62498"                          # Lens: the sender of the throwaway package
RED = (255, 0, 0)


class SelfTestFailure(Exception):
    """A check ran but its result is wrong."""


@dataclass
class Context:
    args: argparse.Namespace
    folder: Path
    opened: list = field(default_factory=list)   # stores to close at the end

    @cached_property
    def reference(self):
        from ...models.reference import ReferenceStore

        store = ReferenceStore(self.args.reference)
        self.opened.append(store)
        return store

    @cached_property
    def app(self):
        from ..map_setup import headless_application

        return headless_application()

    @cached_property
    def place(self) -> samples.Place:
        return samples.place_in_a_qpv(self.reference)

    def workspace(self, name: str):
        from ...models.workspace import Workspace

        workspace = Workspace(self.folder / f"{name}.sqlite")
        self.opened.append(workspace)
        return workspace

    @cached_property
    def proposals(self) -> list:
        """One equipment point and one « quartier vécu » square, stored the app's way."""
        from shapely.geometry import box

        from ...models.proposals import ProposalStore

        store = ProposalStore(self.workspace("proposals"), self.reference)
        x, y = self.place.inside.x, self.place.inside.y
        (equipment, _, _), (lived, _, _) = samples.SAMPLE_FEATURES
        store.add("equipement", self.place.inside,
                  {"title": equipment, "category": "sante", "status": "idee",
                   "qpv_code": self.place.qpv_code})
        store.add("quartier_vecu", box(x - 60, y - 60, x + 60, y + 60),
                  {"title": lived, "qpv_code": self.place.qpv_code})
        return store.list()

    def close(self) -> None:
        for store in reversed(self.opened):
            store.close()


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


# -- reference database -------------------------------------------------------------------
def reference_database(ctx: Context) -> str:
    store = ctx.reference
    counts, versions = store.counts(), store.versions()
    _expect(counts.get("qpv", 0) > 0 and counts.get("communes", 0) > 0,
            "no QPV or no commune in the reference database")
    try:
        store.conn.execute("CREATE TABLE self_test_write (x)")
    except Exception:  # noqa: BLE001 - any refusal is what we want
        pass
    else:
        raise SelfTestFailure("the reference database is not read-only")
    enabled = store.conn.execute(
        "SELECT spatial_index_enabled FROM geometry_columns "
        "WHERE f_table_name = 'commune' AND f_geometry_column = 'geom'").fetchone()
    _expect(bool(enabled) and enabled[0] == 1, "no spatial index on commune.geom")
    pairs = store.conn.execute(SPATIAL_INDEX_QUERY).fetchone()[0]
    _expect(pairs > 0, "the spatial-index query found no QPV/commune pair")
    lon, lat = store.conn.execute(PROJ_QUERY).fetchone()
    _expect(lon is not None and 1.0 < lon < 4.0 and 49.5 < lat < 51.5,
            f"Transform(…, 4326) gave {lon}, {lat} (PROJ data missing?)")
    return (f"{store.path.name} read-only, spatialite {versions['spatialite']}, "
            f"{counts['qpv']} QPV, {pairs} QPV/commune pairs through the R*Tree, "
            f"EPCI centroid {lon:.3f}, {lat:.3f} (WGS 84)")


# -- map --------------------------------------------------------------------------------------
def _pixels(image):
    """(height, width, 3) RGB array of a QImage."""
    import numpy as np
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    rows = data.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 3]
    return rows.reshape(image.height(), image.width(), 3).astype(int)


def _count_near(pixels, colour: tuple[int, ...], tolerance: int) -> int:
    import numpy as np

    return int(np.all(np.abs(pixels - np.array(colour)) <= tolerance, axis=2).sum())


def _packed(pixels):
    """One 0xRRGGBB integer per pixel, for fast counting."""
    return (pixels[..., 0] << 16 | pixels[..., 1] << 8 | pixels[..., 2]).ravel()


def _most_common_colour(pixels) -> tuple[int, ...]:
    import numpy as np

    colours, counts = np.unique(_packed(pixels), return_counts=True)
    value = int(colours[counts.argmax()])
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def _saved_and_reloaded(image, path: Path):
    """The image written as PNG and read back: the PNG plugin and the disk both work."""
    from PySide6.QtGui import QImage

    _expect(image.save(str(path), "PNG"), f"cannot write {path}")
    loaded = QImage(str(path))
    _expect(not loaded.isNull() and loaded.size() == image.size(),
            f"the PNG {path.name} cannot be read back")
    return loaded


def choropleth_map(ctx: Context) -> str:
    """Median income by class on the QPV layer, as `snapshot --choropleth … --choropleth-layer
    qpv` draws it: every class colour must show on the image."""
    from ...models.choropleth import NO_DATA_COLORS
    from ...models.map.map_state import ChoroplethSetting
    from ...models.map.styles import CHOROPLETH_SYMBOL
    from ...views.map.renderer import render_map
    from ..map_setup import map_composer, territory_viewport

    ctx.app
    setting = ChoroplethSetting("qpv", CHOROPLETH_INDICATOR, None, "quantiles", 5)
    composer = map_composer(ctx.reference, ["qpv"], setting)
    image = _saved_and_reloaded(render_map(composer(territory_viewport(composer, 480, 300))),
                                ctx.folder / "choropleth.png")
    pixels = _pixels(image)
    background = _most_common_colour(pixels)
    thematic, alpha = composer.thematic, CHOROPLETH_SYMBOL.fill_alpha
    classes = sorted({fill for fill, hatched in zip(thematic.fills, thematic.hatched)
                      if not hatched and fill != NO_DATA_COLORS["missing"]})
    drawn = 0
    for fill in classes:
        colour = tuple(round(alpha * int(fill[i:i + 2], 16) + (1 - alpha) * background[n])
                       for n, i in enumerate((1, 3, 5)))
        drawn += _count_near(pixels, colour, 6) >= 3
    _expect(len(classes) >= 3 and drawn == len(classes),
            f"{drawn} of the {len(classes)} class colours found on the map")
    return f"{thematic.title}: {drawn} classes drawn on the QPV"


def _encoded_tile(image_format: str) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage

    tile = QImage(256, 256, QImage.Format.Format_RGB32)
    tile.fill(0xFF000000 | (RED[0] << 16) | (RED[1] << 8) | RED[2])
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    _expect(tile.save(buffer, image_format.upper()),
            f"Qt cannot encode a {image_format} image (image format plugin missing?)")
    return bytes(buffer.data())


def mbtiles_basemap(ctx: Context) -> str:
    """One red zoom-12 tile under the QPV, in each tile format qpvdesk reads: red inside the
    tile's Lambert-93 corners, not beyond them."""
    from ...models.map.viewport import Viewport
    from ...models.mbtiles import MBTiles, tile_corners_lambert93
    from ...views.map.renderer import render_map
    from ..map_setup import map_composer

    ctx.app
    zoom = 12
    column, row = samples.xyz_tile(ctx.place.lon, ctx.place.lat, zoom)
    corners = tile_corners_lambert93(zoom, column, row)
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    width = max(xs) - min(xs)
    bbox = (min(xs) - width, min(ys) - width / 2, max(xs) + width, max(ys) + width / 2)
    viewport = Viewport.fit(bbox, 300, 200, margin=0.0)
    inside = [round(v) for v in viewport.to_screen(sum(xs) / 4, sum(ys) / 4)]
    outside = [round(v) for v in viewport.to_screen(min(xs) - width / 2, sum(ys) / 4)]
    for image_format in ("png", "jpg", "webp"):
        path = samples.write_one_tile_mbtiles(ctx.folder / f"fond_{image_format}.mbtiles", zoom,
                                              column, row, image_format,
                                              _encoded_tile(image_format))
        tiles = MBTiles(path)
        tiles.close()
        _expect(tiles.format == image_format, f"{path.name} read as {tiles.format} tiles")
        composer = map_composer(ctx.reference, ["epci"])
        composer.state.basemap_path = str(path)
        pixels = _pixels(render_map(composer(viewport)))
        red_inside = _count_near(pixels[inside[1]:inside[1] + 1, inside[0]:inside[0] + 1],
                                 RED, 40)
        red_outside = _count_near(pixels[outside[1]:outside[1] + 1,
                                         outside[0]:outside[0] + 1], RED, 40)
        _expect(red_inside == 1 and red_outside == 0,
                f"the {image_format} tile is not drawn at its place")
    return f"one zoom-{zoom} tile drawn in place from PNG, JPEG and WebP MBTiles files"


# -- fiche, charts, table ---------------------------------------------------------------------
def _colour_count(image) -> int:
    import numpy as np

    return len(np.unique(_packed(_pixels(image))))


def fiche_pdf(ctx: Context) -> str:
    import re

    from ...models.fiche import build_fiche
    from ...views.fiche.fiche_pdf import write_fiche_pdf
    from ...views.fiche.thumbnail import qpv_thumbnail

    ctx.app
    fiche = build_fiche(ctx.reference, FICHE_QPV)
    thumbnail = qpv_thumbnail(ctx.reference, FICHE_QPV)
    _expect(_colour_count(thumbnail) >= 4, "the fiche's map thumbnail is blank")
    path = ctx.folder / "fiche.pdf"
    pages = write_fiche_pdf(fiche, thumbnail, path)
    data = path.read_bytes()
    _expect(data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"),
            "the fiche PDF is not a complete PDF file")
    page_objects = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    _expect(pages >= 2 and page_objects == pages,
            f"the fiche PDF has {page_objects} page objects, {pages} announced")
    _expect(b"/FontFile2" in data, "no font embedded in the fiche PDF (fonts missing?)")
    _expect(b"/Subtype /Image" in data, "the map thumbnail is missing from the fiche PDF")
    return f"{fiche.identity.name}: {pages} A4 pages, {len(data) // 1024} kB, fonts embedded"


def charts(ctx: Context) -> str:
    """The three pyqtgraph charts of median income drawn offscreen into images: the 22 bars of
    the comparison in vermillion (all below the CALL), the evolution and gap charts not blank."""
    from ...models.choropleth import mappable_indicators
    from ...models.indicator_table import (build_indicator_table, gap_dynamics,
                                           indicators_with_call_reference)
    from ...views.charts import ChartsPanel

    app = ctx.app
    reference = ctx.reference
    panel = ChartsPanel(mappable_indicators(reference, "qpv"),
                        lambda ids, edition, commune: build_indicator_table(
                            reference, ids, edition, commune),
                        lambda indicator_id: gap_dynamics(reference, indicator_id),
                        indicators_with_call_reference(reference), CHOROPLETH_INDICATOR)
    try:
        panel.resize(1000, 700)
        panel.show()
        drawn = []
        for index, chart in enumerate((panel.evolution_chart, panel.comparison_chart,
                                       panel.gap_chart)):
            panel.tabs.setCurrentIndex(index)
            app.processEvents()
            image = _saved_and_reloaded(chart.plot.grab().toImage(),
                                        ctx.folder / f"graphique_{index}.png")
            _expect(_colour_count(image) >= 8, f"chart {index + 1} is blank")
            drawn.append(image)
        vermillion = _count_near(_pixels(drawn[1]), (0xD5, 0x5E, 0x00), 12)
        _expect(vermillion > 500, f"the comparison chart shows no bars ({vermillion} px)")
    finally:
        panel.close()
        panel.deleteLater()
    return (f"evolution, comparison ({vermillion} vermillion px of bars) and gap charts drawn "
            f"to PNG, {drawn[1].width()}×{drawn[1].height()}")


def table_export(ctx: Context) -> str:
    """The indicator table written as CSV and XLSX (openpyxl), the XLSX read back."""
    from openpyxl import load_workbook

    from ...models.indicator_table import build_indicator_table
    from ...models.table_export import indicator_table_rows, write_csv, write_xlsx

    table = build_indicator_table(ctx.reference, [CHOROPLETH_INDICATOR], None, None)
    header, rows = indicator_table_rows(table)
    csv_path = write_csv(ctx.folder / "tableau.csv", header, rows)
    xlsx_path = write_xlsx(ctx.folder / "tableau.xlsx", header, rows)
    csv_lines = csv_path.read_text(encoding="utf-8-sig").splitlines()
    sheet = load_workbook(xlsx_path, read_only=True).active
    xlsx_rows = list(sheet.iter_rows(values_only=True))
    _expect(len(csv_lines) == len(rows) + 1 and len(xlsx_rows) == len(rows) + 1,
            f"{len(csv_lines)} CSV lines, {len(xlsx_rows)} XLSX rows for {len(rows)} rows")
    _expect(list(xlsx_rows[0]) == header, "the XLSX header differs from the table's")
    return f"{len(table.rows)} QPV rows and {len(table.summaries)} summaries, CSV and XLSX"


# -- proposals and packages ---------------------------------------------------------------------
def proposal_import(file_format: str):
    """The check importing a small real file of ``file_format``."""
    def check(ctx: Context) -> str:
        from ...models.proposals import ProposalStore, import_proposals

        path, expected = samples.write_proposal_file(ctx.folder, file_format, ctx.place)
        store = ProposalStore(ctx.workspace(f"import_{file_format}"), ctx.reference)
        report = import_proposals(store, path)
        refused = " ".join(outcome.line() for outcome in report.refused)
        _expect(not refused, refused)
        stored = sorted((proposal.title, proposal.kind) for proposal in store.list())
        _expect(stored == sorted(expected), f"stored {stored}")
        _expect(all(proposal.qpv_code == ctx.place.qpv_code for proposal in store.list()),
                "the proposals were not placed in their QPV")
        kinds = " and ".join(kind for _, kind in expected)
        return f"{path.name}: {kinds} imported into {ctx.place.qpv_code}"
    return check


def proposal_export(ctx: Context) -> str:
    """The proposals written as GeoPackage, GeoJSON and CSV; the GeoPackage read back."""
    from ...models.proposals import export_proposals, gdal

    proposals = ctx.proposals
    written = [export_proposals(proposals, ctx.folder / f"export{suffix}")
               for suffix in (".gpkg", ".geojson", ".csv")]
    pyogrio = gdal.pyogrio()
    frames = [pyogrio.read_dataframe(written[0], layer=name)
              for name, _ in pyogrio.list_layers(written[0])]
    count = sum(len(frame) for frame in frames)
    _expect(count == len(proposals) and all(frame.crs.to_epsg() == 2154 for frame in frames),
            f"the GeoPackage read back has {count} features, CRS {[f.crs for f in frames]}")
    return (f"GeoPackage, GeoJSON and CSV written (GDAL {pyogrio.__gdal_version_string__}, "
            f"GeoPackage read back)")


def signed_package(ctx: Context) -> str:
    """Export signed with a throwaway key, verify against a trust store, refuse a copy with
    one payload byte changed, import into the consolidated store."""
    from ...models.package import minisign
    from ...models.package.bag import Sender, write_package
    from ...models.package.received import ConsolidatedStore
    from ...models.package.trust import TrustStore
    from ...models.package.verify import verify_package
    from ...views.package.synthese_pdf import write_synthese_pdf

    ctx.app
    secret, public = minisign.generate_keypair()
    path = ctx.folder / "auto-test.qpvpkg"
    info = write_package(ctx.proposals, Sender(COMMUNE, "Commune de Lens", "Auto-test",
                                               "auto-test@example.org"), secret, path,
                         lambda items, target, info: write_synthese_pdf(
                             ctx.reference, items, target, info))
    trust = TrustStore(ctx.folder / "confiance")
    trust.add(public.to_text(), COMMUNE)
    report = verify_package(path, trust)
    _expect(report.ok, f"the package just written is refused: {report.reason}")
    _expect(len(report.proposals) == len(ctx.proposals), "proposals lost in the package")
    _expect(any(name.endswith(".pdf") for name, _ in report.contents),
            "no synthesis PDF in the package")
    altered = _altered_copy(path, ctx.folder / "altéré.qpvpkg")
    _expect(not verify_package(altered, trust).ok, "a package with an altered byte was accepted")
    outcome = ConsolidatedStore(ctx.workspace("agglomeration")).accept(
        report.info, report.proposals, path.name, report.sha256)
    _expect(len(outcome.added) == len(ctx.proposals),
            f"{len(outcome.added)} proposals added to the consolidated store")
    return (f"{info.proposal_count} proposals signed (key {info.key_id}), verified, an altered "
            f"copy refused, imported")


def _altered_copy(path: Path, target: Path) -> Path:
    """The package with the last byte of its proposals' GeoPackage changed."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith(".gpkg"):
                data = data[:-1] + bytes([data[-1] ^ 1])
            copy.writestr(item, data)
    return target


# -- the window ---------------------------------------------------------------------------------
def main_window(ctx: Context) -> str:
    """The main window built on a fresh workspace, its map rendered; Qt's French strings."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from ...views.main_window import MainWindow

    app = ctx.app
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _expect(QTranslator().load("qtbase_fr", folder),
            f"Qt's French translations (qtbase_fr.qm) are missing from {folder}")
    window = MainWindow(ctx.reference, ctx.workspace("fenetre"))
    try:
        window.resize(1024, 700)
        window.show()
        window.map_canvas.wait_for_render()
        app.processEvents()
        _expect(window.map_canvas.image is not None, "the map was not rendered")
        rows = window.qpv_list.model().rowCount()
        _expect(rows == ctx.reference.counts()["qpv"], f"{rows} QPV listed")
        image = window.grab().toImage()
        _expect(_colour_count(image) >= 16, "the window is blank")
    finally:
        window.close()
        window.deleteLater()
    return f"{rows} QPV listed, map rendered, platform {app.platformName()}"

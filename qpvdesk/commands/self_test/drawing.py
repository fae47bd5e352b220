"""The self-test's checks of what qpvdesk draws: a choropleth map, an MBTiles basemap, a fiche
PDF, the portrait as PDF and Word, the charts and the main window. Each returns one line saying what it saw, or raises."""
from __future__ import annotations

import re

from .context import Context, expect
from .images import (colour_count, count_near, most_common_colour, rgb_array,
                     saved_and_reloaded)

CHOROPLETH_INDICATOR = "REVN.DISP_Q2"      # the example: median income, on the QPV
FICHE_QPV = "QN06202M"
RED = (255, 0, 0)


def choropleth_map(ctx: Context) -> str:
    """Median income by class on the QPV layer, as `snapshot --choropleth … --choropleth-layer
    qpv` draws it: every class colour must show on the image; and Qt's painting must be
    reachable without the GIL (render/unlocked_painting.py)."""
    from ...models.choropleth import NO_DATA_COLORS
    from ...models.map.map_state import ChoroplethSetting
    from ...models.map.styles import CHOROPLETH_SYMBOL
    from ...render.renderer import render_map
    from ..map_setup import map_composer, territory_viewport

    ctx.qt()
    setting = ChoroplethSetting("qpv", CHOROPLETH_INDICATOR, None, "quantiles", 5)
    composer = map_composer(ctx.reference, ["qpv"], setting)
    image = saved_and_reloaded(render_map(composer(territory_viewport(composer, 480, 300))),
                               ctx.folder / "choropleth.png")
    pixels = rgb_array(image)
    background = most_common_colour(pixels)
    thematic, alpha = composer.thematic, CHOROPLETH_SYMBOL.fill_alpha
    classes = sorted({fill for fill, hatched in zip(thematic.fills, thematic.hatched)
                      if not hatched and fill not in NO_DATA_COLORS.values()})
    drawn = 0
    for fill in classes:
        colour = tuple(round(alpha * int(fill[i:i + 2], 16) + (1 - alpha) * background[n])
                       for n, i in enumerate((1, 3, 5)))
        drawn += count_near(pixels, colour, 6) >= 3
    expect(len(classes) >= 3 and drawn == len(classes),
           f"{drawn} of the {len(classes)} class colours found on the map")
    from ...render import display_list, unlocked_painting
    expect(unlocked_painting.available(), "Qt's fillPath and drawPath cannot be called "
           "without the GIL (QtGui library or its functions not found): maps are painted "
           "in one thread")
    return (f"{thematic.title}: {drawn} classes drawn on the QPV; maps painted in "
            f"{display_list.band_count(1000)} bands at once")


def _encoded_tile(image_format: str) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage

    tile = QImage(256, 256, QImage.Format.Format_RGB32)
    tile.fill(0xFF000000 | (RED[0] << 16) | (RED[1] << 8) | RED[2])
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    expect(tile.save(buffer, image_format.upper()),
           f"Qt cannot encode a {image_format} image (image format plugin missing?)")
    return bytes(buffer.data())


def mbtiles_basemap(ctx: Context) -> str:
    """One red zoom-12 tile under the QPV, in each tile format qpvdesk reads: red inside the
    tile's Lambert-93 corners, not beyond them."""
    from ...models.map.viewport import Viewport
    from ...models.mbtiles import MBTiles, tile_corners_lambert93
    from ...render.renderer import render_map
    from ..map_setup import map_composer
    from ..synthetic_mbtiles import write_mbtiles, xyz_tile

    ctx.qt()
    zoom = 12
    column, row = xyz_tile(ctx.place.lon, ctx.place.lat, zoom)
    corners = tile_corners_lambert93(zoom, column, row)
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    width = max(xs) - min(xs)
    bbox = (min(xs) - width, min(ys) - width / 2, max(xs) + width, max(ys) + width / 2)
    viewport = Viewport.fit(bbox, 300, 200, margin=0.0)
    inside = [round(v) for v in viewport.to_screen(sum(xs) / 4, sum(ys) / 4)]
    outside = [round(v) for v in viewport.to_screen(min(xs) - width / 2, sum(ys) / 4)]
    for image_format in ("png", "jpg", "webp"):
        path = write_mbtiles(ctx.folder / f"fond_{image_format}.mbtiles",
                             {"name": "auto-test", "format": image_format},
                             [(zoom, column, row, _encoded_tile(image_format))])
        tiles = MBTiles(path)
        tiles.close()
        expect(tiles.format == image_format, f"{path.name} read as {tiles.format} tiles")
        composer = map_composer(ctx.reference, ["epci"])
        composer.state.basemap_path = str(path)
        pixels = rgb_array(render_map(composer(viewport)))
        red_inside, red_outside = (count_near(pixels[y:y + 1, x:x + 1], RED, 40)
                                   for x, y in (inside, outside))
        expect(red_inside == 1 and red_outside == 0,
               f"the {image_format} tile is not drawn at its place")
    return f"one zoom-{zoom} tile drawn in place from PNG, JPEG and WebP MBTiles files"


def fiche_pdf(ctx: Context) -> str:
    from ...models.fiche import build_fiche
    from ...render.fiche_pdf import write_fiche_pdf
    from ...render.thumbnail import qpv_thumbnail

    ctx.qt()
    fiche = build_fiche(ctx.reference, FICHE_QPV)
    thumbnail = qpv_thumbnail(ctx.reference, FICHE_QPV)
    expect(colour_count(thumbnail) >= 4, "the fiche's map thumbnail is blank")
    path = ctx.folder / "fiche.pdf"
    pages = write_fiche_pdf(fiche, thumbnail, path)
    data = path.read_bytes()
    _pdf_pages(data, "fiche PDF", pages)
    expect(b"/Subtype /Image" in data, "the map thumbnail is missing from the fiche PDF")
    return f"{fiche.identity.name}: {pages} A4 pages, {len(data) // 1024} kB, fonts embedded"


def _pdf_pages(data: bytes, what: str, pages: int) -> None:
    """A complete PDF with the pages announced and its fonts embedded."""
    expect(data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"),
           f"the {what} is not a complete PDF file")
    page_objects = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    expect(pages >= 2 and page_objects == pages,
           f"the {what} has {page_objects} page objects, {pages} announced")
    expect(b"/FontFile2" in data, f"no font embedded in the {what} (fonts missing?)")


def portrait(ctx: Context) -> str:
    """The territorial diagnostic written as PDF and Word by the writers of `qpvdesk portrait
    --pdf --docx`; the Word file opened again with python-docx (which reads its template at
    run time): every theme a heading, the charts embedded as images."""
    import docx

    from ...models.diagnostic import build_diagnostic
    from ...models.report.diagnostic_document import diagnostic_document
    from ...models.report.document import Figure, Image
    from ...render.report_docx import write_document_docx
    from ...render.report_pdf import write_document_pdf

    ctx.qt()
    diagnostic = build_diagnostic(ctx.reference)
    document = diagnostic_document(diagnostic)
    pdf, word = ctx.folder / "portrait.pdf", ctx.folder / "portrait.docx"
    pages = write_document_pdf(document, pdf, "le portrait PDF")
    data = pdf.read_bytes()
    _pdf_pages(data, "portrait PDF", pages)
    write_document_docx(document, word, "le portrait Word")
    opened = docx.Document(str(word))
    headings = {paragraph.text for paragraph in opened.paragraphs
                if paragraph.style.name.startswith("Heading")}
    themes = [theme.title for theme in diagnostic.themes]
    absent = [title for title in themes if title not in headings]
    expect(not absent, f"themes without a heading in the Word file: {', '.join(absent)}")
    figures = sum(1 for block in document.blocks if isinstance(block, (Figure, Image)))
    pictures = len(opened.inline_shapes)
    expect(figures > 0 and pictures >= figures,
           f"{pictures} images in the Word file for {figures} charts")
    return (f"{len(themes)} themes: PDF {pages} pages, {len(data) // 1024} kB; Word "
            f"{len(opened.tables)} tables, {pictures} images, {word.stat().st_size // 1024} kB")


def charts(ctx: Context) -> str:
    """The three pyqtgraph charts of median income drawn offscreen into images: the 22 bars of
    the comparison in vermillion (all below the CALL), the evolution and gap charts not blank."""
    from ...models.choropleth import mappable_indicators
    from ...models.indicator_table import (build_indicator_table, gap_dynamics,
                                           indicators_with_call_reference)
    from ...views.charts import ChartsPanel

    app = ctx.qt()
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
            image = saved_and_reloaded(chart.plot.grab().toImage(),
                                       ctx.folder / f"graphique_{index}.png")
            expect(colour_count(image) >= 8, f"chart {index + 1} is blank")
            drawn.append(image)
        vermillion = count_near(rgb_array(drawn[1]), (0xD5, 0x5E, 0x00), 12)
        expect(vermillion > 500, f"the comparison chart shows no bars ({vermillion} px)")
    finally:
        panel.close()
        panel.deleteLater()
    return (f"evolution, comparison ({vermillion} vermillion px of bars) and gap charts drawn "
            f"to PNG, {drawn[1].width()}×{drawn[1].height()}")


def main_window(ctx: Context) -> str:
    """The main window built on a fresh workspace, its map rendered; Qt's French strings."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from ...views.main_window import MainWindow

    app = ctx.qt()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    expect(QTranslator().load("qtbase_fr", folder),
           f"Qt's French translations (qtbase_fr.qm) are missing from {folder}")
    window = MainWindow(ctx.reference, ctx.workspace("fenetre"))
    try:
        window.resize(1024, 700)
        window.show()
        window.map_canvas.wait_for_render()
        app.processEvents()
        expect(window.map_canvas.image is not None, "the map was not rendered")
        rows = window.qpv_list.model().rowCount()
        expect(rows == ctx.reference.counts()["qpv"], f"{rows} QPV listed")
        image = window.grab().toImage()
        expect(colour_count(image) >= 16, "the window is blank")
    finally:
        window.close()
        window.deleteLater()
    return f"{rows} QPV listed, map rendered, platform {app.platformName()}"

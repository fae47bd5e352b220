"""`qpvdesk snapshot`: render the map to a PNG with no window."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..models.map.map_state import ChoroplethSetting
from ..models.map.viewport import Viewport
from ..models.reference import ReferenceStore
from .map_setup import headless_application, map_composer, territory_viewport


def _bbox(text: str) -> tuple[float, float, float, float]:
    try:
        xmin, ymin, xmax, ymax = (float(part) for part in text.split(","))
    except ValueError as exc:
        raise argparse.ArgumentTypeError("bbox must be xmin,ymin,xmax,ymax in metres") from exc
    if xmin >= xmax or ymin >= ymax:
        raise argparse.ArgumentTypeError("bbox must have xmin < xmax and ymin < ymax")
    return xmin, ymin, xmax, ymax


def add_parser(commands) -> None:
    parser = commands.add_parser("snapshot", help="render the map to a PNG (no window)")
    parser.add_argument("--out", required=True, help="PNG file to write")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--layers", help="comma-separated layer ids to show "
                                         "(default: the app's default layers)")
    parser.add_argument("--bbox", type=_bbox, help="xmin,ymin,xmax,ymax in Lambert-93 metres")
    parser.add_argument("--choropleth", metavar="INDICATOR_ID",
                        help="colour IRIS (or QPV with --choropleth-layer qpv) by an indicator")
    parser.add_argument("--choropleth-layer", choices=("iris", "qpv"), default="iris")
    parser.add_argument("--edition", type=int, help="indicator edition (default: latest)")
    parser.add_argument("--method", choices=("quantiles", "jenks", "equal_interval"),
                        default="quantiles")
    parser.add_argument("--classes", type=int, default=5)
    parser.add_argument("--basemap", help="MBTiles raster file drawn under the layers")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..render.renderer import render_map

    app = headless_application()  # noqa: F841 (keeps Qt's painting alive)
    visible = args.layers.split(",") if args.layers else None
    choropleth = None
    if args.choropleth:
        choropleth = ChoroplethSetting(args.choropleth_layer, args.choropleth, args.edition,
                                       args.method, args.classes)
        if visible is not None and args.choropleth_layer not in visible:
            visible.append(args.choropleth_layer)
    store = ReferenceStore(args.reference)
    try:
        composer = map_composer(store, visible, choropleth)
        if args.basemap:
            from ..models.mbtiles import MBTiles

            MBTiles(args.basemap).close()  # refuse a bad file before drawing anything
            composer.state.basemap_path = args.basemap
        viewport = (Viewport.fit(args.bbox, args.width, args.height, margin=0.0) if args.bbox
                    else territory_viewport(composer, args.width, args.height))
        image = render_map(composer(viewport))
    finally:
        store.close()
    out = Path(args.out)
    temporary = out.with_name(f".{out.name}.tmp.png")
    if not image.save(str(temporary), "PNG"):
        temporary.unlink(missing_ok=True)
        raise OSError(f"cannot write {out}")
    temporary.replace(out)
    print(f"{out} ({args.width}×{args.height})")
    return 0

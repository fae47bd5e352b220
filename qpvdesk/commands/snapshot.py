"""`qpvdesk snapshot`: render the map to a PNG with no window."""
from __future__ import annotations

import argparse
import errno
import sys
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


MAX_SIDE_PX = 10_000   # 10000×10000 ARGB is 400 MB already; 30000×20000 took 2.4 GB


def _side(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {text[:20]} » n'est pas un nombre entier de "
                                         "pixels") from None
    if not 1 <= value <= MAX_SIDE_PX:
        raise argparse.ArgumentTypeError(f"{value} px : la largeur et la hauteur vont de 1 à "
                                         f"{MAX_SIDE_PX} pixels")
    return value


def add_parser(commands) -> None:
    parser = commands.add_parser("snapshot", help="render the map to a PNG (no window)")
    parser.add_argument("--out", required=True, help="PNG file to write")
    parser.add_argument("--width", type=_side, default=1600, help=f"1 to {MAX_SIDE_PX} px")
    parser.add_argument("--height", type=_side, default=1000, help=f"1 to {MAX_SIDE_PX} px")
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
    parser.add_argument("--national", action="store_true",
                        help="the national view: France's metropolitan communes (from the "
                             "national data pack, stored once in the user data folder) with "
                             "the agglomeration's QPV and EPCI on top")
    parser.set_defaults(handler=run)


def _png_bytes(image) -> bytes:
    """Encoded in memory: written by Python, a full disk is an OSError with its errno rather
    than libpng's own line on stderr."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("l'image n'a pas pu être encodée en PNG : aucun fichier n'a été écrit.")
    return bytes(data)


def _write_atomically(out: Path, data: bytes) -> None:
    temporary = out.with_name(f".{out.name}.tmp.png")
    try:
        temporary.write_bytes(data)
        temporary.replace(out)
    except OSError as exc:
        reason = ("le disque est plein" if exc.errno in (errno.ENOSPC, errno.EDQUOT)
                  else "dossier en lecture seule ou inaccessible" if exc.errno in
                  (errno.EACCES, errno.EPERM, errno.EROFS) else exc.strerror)
        raise OSError(f"impossible d'écrire {out} ({reason}) : aucun fichier n'a été "
                      "écrit.") from None
    finally:
        temporary.unlink(missing_ok=True)


def run(args: argparse.Namespace) -> int:
    from ..render.legend import draw_legend_on_image
    from ..render.renderer import render_map

    out = Path(args.out)
    if out.is_dir():
        print(f"qpvdesk: {out} est un dossier : indiquez le fichier PNG à écrire "
              f"(par exemple {out / 'carte.png'}).", file=sys.stderr)
        return 2
    if not out.parent.is_dir():
        print(f"qpvdesk: le dossier {out.parent} n'existe pas : {out.name} n'a pas été écrit.",
              file=sys.stderr)
        return 2
    app = headless_application()  # noqa: F841 (keeps Qt's painting alive)
    visible = args.layers.split(",") if args.layers else None
    choropleth = None
    if args.choropleth:
        choropleth = ChoroplethSetting(args.choropleth_layer, args.choropleth, args.edition,
                                       args.method, args.classes)
        if visible is not None and args.choropleth_layer not in visible:
            visible.append(args.choropleth_layer)
    if args.national:
        return _run_national(args, out)
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
        if composer.thematic is not None:
            draw_legend_on_image(image, composer.thematic.key)
    finally:
        store.close()
    _write_atomically(out, _png_bytes(image))
    print(f"{out} ({image.width()}×{image.height()})")
    return 0


def _run_national(args: argparse.Namespace, out: Path) -> int:
    from .. import paths
    from ..models.build.errors import SourceError
    from ..models.build.national_pack import NationalPackMissing
    from ..models.map.national import national_communes
    from ..render.national import national_compose, national_viewport
    from ..render.renderer import render_map

    folder = paths.user_data_folder() / "national"
    try:
        communes = national_communes(folder)
    except (NationalPackMissing, SourceError) as exc:
        print(f"qpvdesk: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"qpvdesk: the communes' file could not be written in {folder} "
              f"({exc.strerror or exc}): free some disk space or check the folder's rights.",
              file=sys.stderr)
        return 1
    store = ReferenceStore(args.reference)
    try:
        composer = map_composer(store, ["epci", "qpv"])
        viewport = (Viewport.fit(args.bbox, args.width, args.height, margin=0.0) if args.bbox
                    else national_viewport(communes, args.width, args.height))
        image = render_map(national_compose(communes, composer(viewport).layers)(viewport))
    finally:
        store.close()
    _write_atomically(out, _png_bytes(image))
    print(f"{out} ({image.width()}×{image.height()})")
    return 0

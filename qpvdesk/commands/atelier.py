"""`qpvdesk atelier consensus` and `qpvdesk bench atelier`: the workshop synthesis without a
window — where participants' drawings agree, and how fast that is computed."""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from typing import TYPE_CHECKING

from ..models.atelier.vocabulary import DEFAULT_THRESHOLDS
from .report import print_report

if TYPE_CHECKING:   # the overlay machinery is loaded when a command runs, not by the CLI
    from ..models.atelier.consensus import Consensus

BENCH_PARTICIPANTS = 60
BENCH_QPV = "QN06224M"         # Cité 12-14, Lens
TARGET_MS = 200


def add_parser(commands) -> None:
    parser = commands.add_parser("atelier", help="residents' workshops without a window")
    actions = parser.add_subparsers(title="actions", dest="action", required=True)
    agree = actions.add_parser(
        "consensus",
        help="where participants' drawings agree: each feature of DRAWINGS is one "
             "participant's polygon (any CRS); prints JSON (participants, area in m² "
             "EPSG:2154 per threshold, drawings left out and why) and writes the contours "
             "(GeoJSON, WGS 84). Exit 0 done (invalid drawings are listed and left out, "
             "never repaired), 1 nothing usable or not written, 2 bad file or option")
    agree.add_argument("drawings", metavar="DRAWINGS.geojson")
    agree.add_argument("--out", required=True, metavar="CONSENSUS.geojson")
    agree.add_argument("--seuils", default=",".join(str(value) for value in DEFAULT_THRESHOLDS),
                       help="agreement thresholds, shares of the participants "
                            "(default 0.25,0.5,0.75)")
    agree.add_argument("--qpv", metavar="CODE",
                       help="also give the share of each contour outside this QPV "
                            "(2024 code, reference database)")
    agree.set_defaults(handler=run_consensus)


def add_bench_parser(which) -> None:
    bench = which.add_parser("atelier", help=f"consensus of {BENCH_PARTICIPANTS} "
                                             "participants' drawings (synthetic)")
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--repeat", type=int, default=9)
    bench.set_defaults(handler=run_bench)


def _qpv_perimeter(reference: str, code: str):
    import shapely

    from ..models.atelier.drawings_file import DrawingsFileError
    from ..models.reference import ReferenceStore

    store = ReferenceStore(reference)
    try:
        row = store.conn.execute("SELECT AsBinary(geom) FROM qpv WHERE code = ?",
                                 (code,)).fetchone()
    finally:
        store.close()
    if row is None:
        raise DrawingsFileError(f"QPV inconnu : « {code} » (code 2024, QN062…).")
    return shapely.from_wkb(row[0])


def consensus_report(agreement: Consensus, out: str | None) -> dict:
    return {
        "participants": agreement.participants,
        "areas_m2": {str(level.threshold): round(level.area_m2, 1)
                     for level in agreement.levels},
        "levels": [{"threshold": level.threshold, "drawings_needed": level.min_count,
                    "area_m2": round(level.area_m2, 1), "area_ha": round(level.area_ha, 4),
                    "share_outside_qpv": (None if level.share_outside is None
                                          else round(level.share_outside, 4))}
                   for level in agreement.levels],
        "left_out": [{"feature": item.label, "reason": item.reason}
                     for item in agreement.left_out],
        "out": out,
    }


def run_consensus(args: argparse.Namespace) -> int:
    from ..models.atelier.consensus import NoUsableDrawing, consensus, parse_thresholds
    from ..models.atelier.drawings_file import DrawingsFileError, read_drawings
    from ..models.atelier.export import (ExportFailed, contour_features, feature_collection,
                                         write_geojson)

    try:
        thresholds = parse_thresholds(args.seuils)
        drawings = read_drawings(args.drawings)
        perimeter = _qpv_perimeter(args.reference, args.qpv) if args.qpv else None
    except (DrawingsFileError, ValueError) as exc:
        print(f"qpvdesk: {exc}", file=sys.stderr)
        return 2
    try:
        agreement = consensus(drawings, thresholds, perimeter)
    except NoUsableDrawing as exc:
        print(f"qpvdesk: {exc} Rien n'a été écrit.", file=sys.stderr)
        return 1
    for item in agreement.left_out:
        print(f"qpvdesk: écarté — {item.label} : {item.reason}", file=sys.stderr)
    try:
        written = write_geojson(feature_collection(
            # the drawings came from this file: nothing to hide from its owner
            contour_features(agreement, mask_single=False),
            participants=agreement.participants,
            ecartes=[{"objet": item.label, "raison": item.reason}
                     for item in agreement.left_out]), args.out)
    except ExportFailed as exc:
        print(f"qpvdesk: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(consensus_report(agreement, str(written)), ensure_ascii=False, indent=2))
    return 0


def run_bench(args: argparse.Namespace) -> int:
    from ..models.atelier.consensus import consensus
    from ..models.atelier.synthetic import SYNTHETIC_LABEL, synthetic_drawings

    perimeter = _qpv_perimeter(args.reference, BENCH_QPV)
    drawings = [(f"Participant {number}", shape) for number, shape in enumerate(
        synthetic_drawings(perimeter.centroid, BENCH_PARTICIPANTS), start=1)]
    timings, cpu, agreement = [], [], None
    for _ in range(max(args.repeat, 1)):
        start, start_cpu = time.perf_counter(), time.process_time()
        agreement = consensus(drawings, DEFAULT_THRESHOLDS, perimeter)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    print_report({
        "consensus_60_first_ms": round(timings[0], 1),
        "consensus_60_median_ms": round(statistics.median(timings), 1),
        # the process's own CPU time: what other programs running at once do not change
        "consensus_60_cpu_median_ms": round(statistics.median(cpu), 1),
        "participants": agreement.participants,
        "vertices_per_drawing": len(drawings[0][1].exterior.coords) - 1,
        "overlay_faces": len(agreement.faces),
        "areas_m2": {str(level.threshold): round(level.area_m2) for level in agreement.levels},
        "qpv": BENCH_QPV,
        "data": SYNTHETIC_LABEL,
        "repeat": len(timings),
        "target_ms": TARGET_MS,
    }, args.json)
    return 0

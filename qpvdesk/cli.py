"""Command line: the app's capabilities without a window. With no command, starts the app."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__, paths
from .commands import bench, fiche, package, proposals, self_test, snapshot
from .models.build.errors import SourceError
from .models.reference import ReferenceDatabaseMissing, ReferenceStore
from .models.spatialite import SpatialiteUnavailable
from .models.workspace import Workspace, WorkspaceTooNew


def _print_progress(step: str, fraction: float) -> None:
    print(f"  [{fraction * 100:3.0f} %] {step}")


def _build_data(args: argparse.Namespace) -> int:
    if args.epci is not None:
        return _build_epci(args)
    if args.perimetres is not None:
        print("qpvdesk: --perimetres goes with --epci (the CALL's perimeters are in its "
              "sources)", file=sys.stderr)
        return 2
    from .models.build import build_reference_database

    target = Path(args.out or args.reference)
    print(f"Building {target} from {args.sources}")
    counts = build_reference_database(Path(args.sources), target, progress=_print_progress)
    print("Done: " + ", ".join(f"{key} {value}" for key, value in counts.items()))
    return 0


def _build_epci(args: argparse.Namespace) -> int:
    from .models.build.epci_builder import build_epci_database
    from .models.build.epci_search import UnknownEpci, find_epci
    from .models.build.national_pack import NationalPackMissing
    from .models.build.perimeters import PerimeterFileError

    try:
        epci = find_epci(args.epci)
        target = Path(args.out or paths.user_data_folder() / f"qpvdesk-{epci.siren}.sqlite")
        print(f"Building {target} for {epci.name} ({epci.siren}) from the national data")
        counts = build_epci_database(epci.siren, target, progress=_print_progress,
                                     perimeters=Path(args.perimetres) if args.perimetres else None)
    except (UnknownEpci, PerimeterFileError) as exc:
        print(f"qpvdesk: {exc}", file=sys.stderr)
        return 2
    except NationalPackMissing as exc:
        print(f"qpvdesk: {exc}", file=sys.stderr)
        return 1
    print("Done: " + ", ".join(f"{key} {value}" for key, value in counts.items()))
    print(f"Open it with: qpvdesk --reference {target}")
    return 0


def _info(args: argparse.Namespace) -> int:
    store = ReferenceStore(args.reference)
    workspace = Workspace(args.workspace)
    try:
        report = {
            "version": __version__,
            "reference_database": str(store.path.resolve()),
            "workspace": str(workspace.path.resolve()),
            "workspace_schema_version": workspace.schema_version(),
            **store.versions(),
            "counts": store.counts(),
            "sources_sha256": store.metadata().get("sources_sha256"),
        }
    finally:
        store.close()
        workspace.close()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for key, value in report.items():
            if key == "counts":
                for name, count in value.items():
                    print(f"  {name:<18} {count}")
            else:
                print(f"{key:<24} {value}")
    return 0


def _gui(args: argparse.Namespace) -> int:
    from .app import run

    return run(reference=Path(args.reference), workspace=Path(args.workspace))


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="qpvdesk", description=(
        "Offline desktop tool for the QPV of the CA de Lens-Liévin. "
        "Without a command, starts the application."))
    main.add_argument("--version", action="version", version=f"qpvdesk {__version__}")
    main.add_argument("--reference", default=None,
                      help="reference database (default: data/qpvdesk.sqlite)")
    main.add_argument("--workspace", default=None,
                      help="workspace database (default: in the user's data folder)")
    main.add_argument("--self-test", action="store_true",
                      help="check this install (database, SpatiaLite, GDAL, offscreen "
                           "rendering, signatures) with no window, then exit")
    main.set_defaults(handler=_gui)
    commands = main.add_subparsers(title="commands")
    build = commands.add_parser("build-data", help="build the reference database from sources")
    build.add_argument("--sources", default=str(paths.sources_folder()))
    build.add_argument("--out", default=None, help="target (default: the reference database; "
                                                   "with --epci, qpvdesk-SIREN.sqlite in the "
                                                   "user's data folder)")
    build.add_argument("--epci", default=None, metavar="SIREN",
                       help="build for this EPCI from the national data (data/national/)")
    build.add_argument("--perimetres", default=None, metavar="FILE",
                       help="with --epci: ANCT's national QPV 2024 perimeter file (GeoJSON, "
                            "GeoPackage or Shapefile)")
    build.set_defaults(handler=_build_data)
    info = commands.add_parser("info", help="paths, library versions and counts")
    info.add_argument("--json", action="store_true")
    info.set_defaults(handler=_info)
    snapshot.add_parser(commands)
    fiche.add_parser(commands)
    bench.add_parser(commands)
    proposals.add_parser(commands)
    package.add_parsers(commands)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.reference = args.reference or str(paths.reference_database())
    args.workspace = args.workspace or str(paths.default_workspace())
    if args.self_test:
        return self_test.run(args)
    try:
        return args.handler(args)
    except SpatialiteUnavailable as exc:
        print(f"qpvdesk: {exc}", file=sys.stderr)
    except SourceError as exc:
        print(f"qpvdesk: build refused, nothing written: {exc}", file=sys.stderr)
    except ReferenceDatabaseMissing as exc:
        print(f"qpvdesk: {exc}; build it with 'qpvdesk build-data'", file=sys.stderr)
    except (WorkspaceTooNew, ValueError, OSError) as exc:
        print(f"qpvdesk: {exc}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())

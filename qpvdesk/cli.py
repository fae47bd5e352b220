"""Command line: the app's capabilities without a window. With no command, starts the app."""
from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from pathlib import Path

from . import __version__, paths
from .models.build.errors import SourceError
from .models.database_problems import (REFERENCE, WORKSPACE, DatabaseDamaged, DatabaseProblem,
                                      explain)
from .models.reference import ReferenceDatabaseMissing, ReferenceStore
from .models.spatialite import SpatialiteUnavailable, sqlite_module
from .models.workspace import Workspace
from .models.workspace_backups import is_sound

# Options of the main parser also accepted after any command (`qpvdesk info --workspace W`).
GLOBAL_OPTIONS = {
    "--reference": "reference database (also accepted before the command)",
    "--workspace": "workspace database (also accepted before the command)",
}


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
    # numpy, shapely and the map's models before Qt: PySide6 reads the source of every module
    # imported after it (looking for its __feature__ switch), ~15 ms for these
    from .models.map import layers, thematic  # noqa: F401
    from .app import run

    return run(reference=Path(args.reference), workspace=Path(args.workspace),
               reference_given=getattr(args, "reference_given", True))


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr, exit code 2, like every other refusal."""

    def error(self, message: str):
        self.exit(2, f"qpvdesk: {message} (aide : {self.prog} --help)\n")


def _accept_global_options_everywhere(parser: argparse.ArgumentParser) -> None:
    """Give every subcommand, at any depth, the main parser's --reference and --workspace.
    SUPPRESS: when the option is not given there, the one given before the command stays."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in set(action.choices.values()):
                for option, text in GLOBAL_OPTIONS.items():
                    if option not in sub._option_string_actions:
                        sub.add_argument(option, default=argparse.SUPPRESS, help=text)
                _accept_global_options_everywhere(sub)


def parser() -> argparse.ArgumentParser:
    # every command's module: only when the command line asks for more than the app
    from .commands import (atelier, bench, fiche, package, portrait, proposals,  # noqa: F401
                           self_test, snapshot, workspace)

    main = _Parser(prog="qpvdesk", description=(
        "Offline desktop tool for the QPV of the CA de Lens-Liévin. "
        "Without a command, starts the application."))
    main.add_argument("--version", action="version", version=f"qpvdesk {__version__}")
    main.add_argument("--reference", default=None,
                      help="reference database (default: data/qpvdesk.sqlite)")
    main.add_argument("--workspace", default=None,
                      help="workspace database (default: in the user's data folder)")
    main.add_argument("--self-test", action="store_true",
                      help="check this install: each feature family done once for real in "
                           "a temporary folder, no window shown ("
                           + ", ".join(family.name for family in self_test.FAMILIES)
                           + "); exit 0 only if all pass")
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
    portrait.add_parser(commands)
    bench.add_parser(commands)
    proposals.add_parser(commands)
    package.add_parsers(commands)
    workspace.add_parser(commands)
    atelier.add_parser(commands)
    _accept_global_options_everywhere(main)
    return main


def _unexplained_sqlite_error(exc: Exception, args: argparse.Namespace) -> str:
    """A SQLite error that reached the top, said about the file it concerns: the reference is
    opened read-only, so a lock, a full disk or a refused write is the workspace's; damage is
    the reference's when its own check fails."""
    problem = explain(exc, args.workspace, WORKSPACE)
    if isinstance(problem, DatabaseDamaged) and not is_sound(args.reference):
        problem = explain(exc, args.reference, REFERENCE)
    if problem is not None:
        return str(problem)
    return (f"erreur de base de données inattendue ({exc}) avec l'espace de travail "
            f"{args.workspace} : rien n'a été modifié ; réessayez, puis signalez-la.")


def app_start_options(argv: list[str]) -> argparse.Namespace | None:
    """The options when the command line only starts the app (nothing but --reference and
    --workspace with their values), else None. The app then starts without building the
    parser, which imports every command's module: ~0.1 s before the window shows."""
    options = {"--reference": None, "--workspace": None}
    words = iter(argv)
    for word in words:
        name, equals, value = word.partition("=")
        if name not in options:
            return None
        if not equals:
            value = next(words, None)
            if value is None or value.startswith("-"):
                return None     # the full parser says what is wrong
        options[name] = value
    return argparse.Namespace(reference=options["--reference"],
                              workspace=options["--workspace"], self_test=False,
                              handler=_gui)


def main(argv: list[str] | None = None) -> int:
    # numpy's OpenBLAS starts a thread per core that spins ~60 ms of CPU when numpy loads: on
    # two cores, taken from the window's start. Nothing here multiplies matrices worth a
    # thread. Set before numpy loads (nothing above imports it); a user's own setting wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # Qt 6 splits semi-transparent fills over a GUI thread pool; on two cores the hand-over
    # costs more than the blending (a 1 % view of 200,000 polygons: 39.5 -> 25.5 ms). Read
    # when Qt first paints, so set before any QGuiApplication exists (app, bench, snapshot).
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    if not sys.warnoptions:
        # Library warnings (numpy, pyogrio) name site-packages files: not for the user; the
        # refusals they come with are said in French. PYTHONWARNINGS still shows them.
        warnings.simplefilter("ignore")
    argv = sys.argv[1:] if argv is None else list(argv)
    args = app_start_options(argv) or parser().parse_args(argv)
    args.reference_given = args.reference is not None
    args.reference = args.reference or str(paths.reference_database())
    if args.workspace is None and args.reference_given and getattr(args, "handler", None) \
            is not _gui:
        # a command on an agglomeration's database works in that agglomeration's workspace;
        # the app starts in the launch workspace, which says which one to open
        from .models.reference_choice import database_epci_siren

        args.workspace = str(paths.epci_workspace(database_epci_siren(args.reference)))
    args.workspace = args.workspace or str(paths.default_workspace())
    if args.self_test:
        from .commands import self_test

        return self_test.run(args)
    try:
        return args.handler(args)
    except DatabaseProblem as exc:
        print(f"qpvdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except SpatialiteUnavailable as exc:
        print(f"qpvdesk: {exc}", file=sys.stderr)
    except SourceError as exc:
        print(f"qpvdesk: build refused, nothing written: {exc}", file=sys.stderr)
    except ReferenceDatabaseMissing as exc:
        print(f"qpvdesk: {exc}", file=sys.stderr)
    except (ValueError, OSError) as exc:
        print(f"qpvdesk: {exc}", file=sys.stderr)
    except sqlite_module().Error as exc:
        print(f"qpvdesk: {_unexplained_sqlite_error(exc, args)}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())

"""`qpvdesk bench startup`: exec -> main window on screen -> first painted map, as a user
starts the app, for each state a user can leave behind (bench_startup_states.py).

The real app runs in a child process on a real X display: the current one, or an Xvfb the
bench starts (with openbox when installed, so that the window is managed as on a desktop).
The app logs both moments itself, and the phases before them, when QPVDESK_STARTUP_LOG names
a file (qpvdesk/startup_log.py); the bench takes CLOCK_MONOTONIC just before exec. Each state is
started once to warm the disk cache (not counted), then `--runs` times; medians are reported.
`--executable dist/qpvdesk/qpvdesk` measures the frozen build the same way. When `qgis` is
installed, QGIS opens the same layers in the same loop and the ratios are printed.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

from .bench_startup_qgis import QgisStarter
from .bench_startup_states import STATES, SavedState, build_state, fresh_copy
from ..startup_log import PHASES
from .startup_launch import (MAP_PAINTED, WINDOW_VISIBLE, BenchError, app_command,
                             app_environment, app_program, start_once, x_display)

TARGET_MAP_PAINTED_MS = 800


def add_parser(which) -> None:
    parser = which.add_parser("startup", help="exec -> window visible -> first painted map, "
                                              "for each saved state, on a real display")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--runs", type=int, default=5, help="starts per state (median)")
    parser.add_argument("--state", action="append", choices=list(STATES),
                        help="only this state (repeatable; default: all)")
    parser.add_argument("--executable", default=None,
                        help="the app to start (default: this qpvdesk); e.g. the frozen "
                             "build dist/qpvdesk/qpvdesk")
    parser.add_argument("--xvfb", action="store_true",
                        help="start a private Xvfb even when DISPLAY is set")
    parser.add_argument("--no-qgis", action="store_true", help="do not start QGIS")
    parser.set_defaults(handler=run_startup)


# -- the command ----------------------------------------------------------------------------
def run_startup(args: argparse.Namespace) -> int:
    if args.runs < 1:
        print("qpvdesk: --runs must be at least 1", file=sys.stderr)
        return 2
    if args.executable and not Path(args.executable).is_file():
        print(f"qpvdesk: no executable at {args.executable}", file=sys.stderr)
        return 2
    try:
        report = _measure(args)
    except BenchError as exc:
        print(f"qpvdesk: bench startup: {exc}", file=sys.stderr)
        return 1
    _print(report, args.json)
    return 0


def _measure(args: argparse.Namespace) -> dict:
    names = args.state or list(STATES)
    reference = Path(args.reference).resolve()
    with tempfile.TemporaryDirectory(prefix="qpvdesk-bench-startup-") as scratch, \
            x_display(args.xvfb) as (display, description):
        folder = Path(scratch)
        states = {name: build_state(name, reference, folder / "states") for name in names}
        qgis = None if args.no_qgis else QgisStarter.if_installed(reference, folder / "qgis",
                                                                   display)
        timings = {name: {"qpvdesk": [], "qgis": []} for name in names}
        loads = [os.getloadavg()[0]]       # the machine's other work, before and after
        for run in range(args.runs + 1):          # run 0 warms the disk cache
            for name, state in states.items():
                starts = {"qpvdesk": lambda: _start_qpvdesk(args.executable, reference, state,
                                                            folder, display)}
                if qgis is not None:
                    starts["qgis"] = lambda: qgis.start(state)
                for app, start in starts.items():
                    try:
                        result = start()
                    except BenchError as exc:
                        raise BenchError(f"{app}, state {name}, start {run + 1}: {exc}") from exc
                    if run:
                        timings[name][app].append(result)
        loads.append(os.getloadavg()[0])
    report = _report(timings, description, args, loads)
    report["qgis"] = qgis.version if qgis is not None else None
    return report


def _start_qpvdesk(executable: str | None, reference: Path, state: SavedState, folder: Path,
                   display: str) -> dict[str, float]:
    home, workspace = fresh_copy(state, folder / "run" / state.name)
    log = folder / "run" / f"{state.name}.log"
    return start_once(app_command(executable, reference, workspace),
                      app_environment(home, log, display), log)


def _medians(runs: list[dict[str, float]]) -> dict[str, float]:
    """Median ms from exec to each moment, and the app's median CPU ms by then."""
    return {f"{key}_ms": round(statistics.median(run[key] for run in runs), 1)
            for key in (WINDOW_VISIBLE, MAP_PAINTED, f"{WINDOW_VISIBLE}_cpu",
                        f"{MAP_PAINTED}_cpu") if runs and key in runs[0]}


def _phases(runs: list[dict[str, float]]) -> dict[str, float]:
    """Median ms from exec to each phase the app logged in every start (qpvdesk/startup_log.py:
    where the time goes), in the order they came."""
    logged = [phase for phase in PHASES if runs and all(phase in run for run in runs)]
    medians = {phase: round(statistics.median(run[phase] for run in runs), 1)
               for phase in logged}
    return dict(sorted(medians.items(), key=lambda item: item[1]))


def _report(timings: dict, display: str, args: argparse.Namespace,
            load_averages: list[float]) -> dict:
    states = {}
    for name, runs in timings.items():
        entry = {"description": STATES[name], **_medians(runs["qpvdesk"]),
                 "phases_ms": _phases(runs["qpvdesk"]),
                 "runs_ms": [{key: round(value, 1) for key, value in run.items()}
                             for run in runs["qpvdesk"]]}
        if runs["qgis"]:
            qgis = _medians(runs["qgis"])
            entry["qgis"] = {**qgis, "runs_ms": [{key: round(value, 1) for key, value
                                                  in run.items()} for run in runs["qgis"]]}
            entry["ratio_qpvdesk_to_qgis"] = {
                key: round(entry[key] / qgis[key], 2) for key in
                (f"{WINDOW_VISIBLE}_ms", f"{MAP_PAINTED}_ms") if key in entry and key in qgis}
        states[name] = entry
    return {
        "executable": " ".join(app_program(args.executable)),
        "display": display,
        "runs_per_state": args.runs,
        "load_average_1min": [round(load, 2) for load in load_averages],
        "states": states,
        "target_map_painted_ms": TARGET_MAP_PAINTED_MS,
        "target_met": all(entry.get(f"{MAP_PAINTED}_ms", float("inf")) <= TARGET_MAP_PAINTED_MS
                          for entry in states.values()),
    }


def _print(report: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    loads = " -> ".join(str(load) for load in report["load_average_1min"])
    print(f"{report['executable']} on {report['display']}, median of "
          f"{report['runs_per_state']} starts, ms from exec (load average {loads})")
    print(f"{'state':<20}{'window visible':>16}{'map painted':>13}{'(app CPU)':>11}"
          f"{'QGIS window':>13}{'QGIS map':>10}")
    for name, entry in report["states"].items():
        qgis = entry.get("qgis", {})
        print(f"{name:<20}{entry.get('window_visible_ms', '-'):>16}"
              f"{entry.get('map_painted_ms', '-'):>13}{entry.get('map_painted_cpu_ms', '-'):>11}"
              f"{qgis.get('window_visible_ms', '-'):>13}{qgis.get('map_painted_ms', '-'):>10}")
        if entry["phases_ms"]:
            print(f"{'':<20}" + ", ".join(f"{phase.replace('_', ' ')} {ms:.0f}"
                                          for phase, ms in entry["phases_ms"].items()))
        if "ratio_qpvdesk_to_qgis" in entry:
            ratios = entry["ratio_qpvdesk_to_qgis"]
            print(f"{'':<20}qpvdesk / QGIS: " + ", ".join(
                f"{key.removesuffix('_ms')} {value}" for key, value in ratios.items()))
    if report["qgis"]:
        print(f"QGIS: {report['qgis']}, the same layers from the same files")
    verdict = "met" if report["target_met"] else "NOT met"
    print(f"target: map painted <= {report['target_map_painted_ms']} ms in every state: "
          f"{verdict}")

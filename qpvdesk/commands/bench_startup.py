"""`qpvdesk bench startup`: exec -> main window on screen -> first painted map, as a user
starts the app, for each state a user can leave behind (bench_startup_states.py).

The real app runs in a child process on a real X display: the current one, or an Xvfb the
bench starts (with openbox when installed, so that the window is managed as on a desktop).
The app logs both moments itself when QPVDESK_STARTUP_LOG names a file
(views/startup_moments.py); the bench takes CLOCK_MONOTONIC just before exec. Each state is
started once to warm the disk cache (not counted), then `--runs` times; medians are reported.
`--executable dist/qpvdesk/qpvdesk` measures the frozen build the same way. When `qgis` is
installed, QGIS opens the same layers in the same loop and the ratios are printed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .bench_startup_states import STATES, SavedState, build_state, fresh_copy

WINDOW_VISIBLE, MAP_PAINTED = "window_visible", "map_painted"   # views/startup_moments.py
LOG_VARIABLE = "QPVDESK_STARTUP_LOG"
TARGET_MAP_PAINTED_MS = 800
START_TIMEOUT_S = 60
POLL_S = 0.003
SCREEN = "1366x768x24"


class BenchError(RuntimeError):
    pass


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


# -- one start ------------------------------------------------------------------------------
def app_program(executable: str | None) -> list[str]:
    if executable:
        return [str(Path(executable).resolve())]
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "qpvdesk"]


def app_command(executable: str | None, reference: Path, workspace: Path) -> list[str]:
    return [*app_program(executable), "--reference", str(reference),
            "--workspace", str(workspace)]


def app_environment(home: Path, log: Path, display: str | None) -> dict[str, str]:
    """The child's environment: a real display (xcb), or offscreen when display is None."""
    env = {**os.environ, "QPVDESK_HOME": str(home), LOG_VARIABLE: str(log),
           "PYTHONFAULTHANDLER": "1"}   # a crash in the child shows its Python stack
    # An installed app has its bytecode compiled; a sandbox that forbids writing it would
    # make every start compile qpvdesk's sources again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if display is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    return env


def start_once(command: list[str], env: dict[str, str], log: Path,
               moments: tuple[str, ...] = (WINDOW_VISIBLE, MAP_PAINTED)) -> dict[str, float]:
    """Start the app, wait until it logged every moment, stop it: ms from exec to each
    (key: the moment), and the CPU ms the app had used by then (key: moment + "_cpu")."""
    log.unlink(missing_ok=True)
    errors = log.with_suffix(".stderr")
    with errors.open("wb") as stderr:
        start = time.monotonic()
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            seen = _wait_for(moments, log, child, start)
            still_running = child.poll() is None
        finally:
            _stop(child)
    if seen is None:
        why = (f"logged no {' and '.join(moments)} within {START_TIMEOUT_S} s (does this "
               f"build write {LOG_VARIABLE}?)" if still_running else
               f"ended (exit {child.returncode}) before logging {' and '.join(moments)}")
        tail = errors.read_text(errors="replace")[-1500:]
        raise BenchError(f"{command[0]} {why}\n{tail}")
    return {**{moment: (seen[moment][0] - start) * 1000 for moment in moments},
            **{f"{moment}_cpu": seen[moment][1] * 1000 for moment in moments}}


def _wait_for(moments, log: Path, child: subprocess.Popen, start: float) -> dict | None:
    while time.monotonic() - start < START_TIMEOUT_S:
        seen = read_moments(log)
        if all(moment in seen for moment in moments):
            return seen
        if child.poll() is not None:
            return None
        time.sleep(POLL_S)
    return None


def read_moments(log: Path) -> dict[str, tuple[float, float]]:
    """moment -> (monotonic s, process CPU s), the first of each in a start-up log."""
    seen: dict[str, tuple[float, float]] = {}
    try:
        text = log.read_text(encoding="utf-8")
    except FileNotFoundError:
        return seen
    for line in text.split("\n")[:-1]:   # the last piece is empty or still being written
        moment, monotonic, _epoch, cpu = line.split()
        seen.setdefault(moment, (float(monotonic), float(cpu)))
    return seen


def _stop(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


# -- the display ----------------------------------------------------------------------------
@contextmanager
def x_display(private: bool) -> Iterator[tuple[str, str]]:
    """(DISPLAY, description): the current display, or a private Xvfb (+ openbox)."""
    current = os.environ.get("DISPLAY")
    if current and not private:
        yield current, f"current display {current}"
        return
    if not shutil.which("Xvfb"):
        raise BenchError("no DISPLAY and no Xvfb: apt-get install xvfb")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN,
                               "-nolisten", "tcp"], pass_fds=(write_end,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    helpers = [server]
    try:
        with os.fdopen(read_end) as numbers:
            display = f":{numbers.readline().strip()}"
        description = f"Xvfb {display} {SCREEN}"
        if shutil.which("openbox"):
            helpers.append(subprocess.Popen(["openbox"], env={**os.environ, "DISPLAY": display},
                                            stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL))
            _wait_for_window_manager(display)
            description += " + openbox"
        yield display, description
    finally:
        for process in reversed(helpers):
            _stop(process)


def _wait_for_window_manager(display: str) -> None:
    """Until the window manager has claimed the screen (xprop), or 3 s."""
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and shutil.which("xprop"):
        probe = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
                               env={**os.environ, "DISPLAY": display}, capture_output=True,
                               text=True)
        if "window id" in probe.stdout:
            return
        time.sleep(0.05)
    if not shutil.which("xprop"):
        time.sleep(1.0)


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
    from .bench_startup_qgis import QgisStarter

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
                result = _start_qpvdesk(args.executable, reference, state, folder, display)
                if run:
                    timings[name]["qpvdesk"].append(result)
                if qgis is not None:
                    result = qgis.start(state)
                    if run:
                        timings[name]["qgis"].append(result)
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


def _report(timings: dict, display: str, args: argparse.Namespace,
            load_averages: list[float]) -> dict:
    states = {}
    for name, runs in timings.items():
        entry = {"description": STATES[name], **_medians(runs["qpvdesk"]),
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
        if "ratio_qpvdesk_to_qgis" in entry:
            ratios = entry["ratio_qpvdesk_to_qgis"]
            print(f"{'':<20}qpvdesk / QGIS: " + ", ".join(
                f"{key.removesuffix('_ms')} {value}" for key, value in ratios.items()))
    if report["qgis"]:
        print(f"QGIS: {report['qgis']}, the same layers from the same files")
    verdict = "met" if report["target_met"] else "NOT met"
    print(f"target: map painted <= {report['target_map_painted_ms']} ms in every state: "
          f"{verdict}")

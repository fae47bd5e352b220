"""Starting an app for a start-up measurement: a child process on an X display (the current
one, or a private Xvfb + openbox), timed from just before exec (CLOCK_MONOTONIC) to the
moments it logs itself (QPVDESK_STARTUP_LOG, qpvdesk/startup_log.py: qpvdesk; a
PYQGIS_STARTUP hook: QGIS). Used by `qpvdesk bench startup` and `bench render`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..startup_log import LOG_VARIABLE, MAP_PAINTED, WINDOW_VISIBLE

START_TIMEOUT_S = 60
POLL_S = 0.003
SCREEN = "1366x768x24"


class BenchError(RuntimeError):
    pass


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
    moment it logged (key: the moment), and the CPU ms the app had used by then (key:
    moment + "_cpu")."""
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
    # every moment logged so far (the phases before the last one waited for, too)
    return {**{moment: (time_s - start) * 1000 for moment, (time_s, _cpu) in seen.items()},
            **{f"{moment}_cpu": cpu * 1000 for moment, (_time_s, cpu) in seen.items()}}


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

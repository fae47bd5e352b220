"""The workshop fits the screens it is held on — a 1024×768 or 1366×768 laptop, a
1920×1080 projector: full screen, every button on screen and at least 48 px high, no side
panel scrolling sideways, the dialogs inside the screen."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).parent / "atelier_probe.py"
OFFSCREEN_PLUGIN_NOISE = ("This plugin does not support",)


@pytest.mark.parametrize("width, height", [(1024, 768), (1366, 768), (1920, 1080)])
def test_the_workshop_fits_laptops_and_a_projector(reference_path, tmp_path, width, height):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({
        "synchronousWindowSystemEvents": False, "windowFrameMargins": True,
        "screens": [{"name": "screen", "x": 0, "y": 0, "width": width, "height": height,
                     "logicalDpi": 96, "logicalBpp": 32, "dpr": 1}]}))
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(
        [sys.executable, str(PROBE), str(reference_path), str(home / "workspace.sqlite")],
        env={**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
             "QPVDESK_HOME": str(home)}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["full_screen"] and report["windows"]["workshop"] == [0, 0, width, height]
    for name, (x, y, frame_width, frame_height) in report["windows"].items():
        assert x >= 0 and y >= 0 and x + frame_width <= width and y + frame_height <= height, name
    assert set(report["screens"]) == {"residence", "age", "actions", "drawing", "kinds",
                                      "categories", "placing", "synthesis"}
    for name, screen in report["screens"].items():
        assert screen == {"outside": [], "small": [], "sideways": False}, name
    assert [text for text in report["warnings"]
            if not text.startswith(OFFSCREEN_PLUGIN_NOISE)] == []

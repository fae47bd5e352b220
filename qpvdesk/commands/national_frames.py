"""One measured run of the national view, in a process of its own (`bench render --national`
starts it): the first frame as soon as the communes are drawn, then re-renders, pan frames and
the peak RSS, as one JSON line on stdout.

    python -m qpvdesk.commands.national_frames COMMUNES_DB REPEAT

The first line printed is the monotonic clock at the first frame (the parent started the
process at a known moment of the same clock).
"""
from __future__ import annotations

import os
import sys
import time


def main(argv: list[str]) -> int:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")     # as the app (cli.main)
    database, repeat = argv[0], int(argv[1])
    from .map_setup import headless_application

    headless_application(widgets=True)
    from ..models.map.national import load_national_communes
    from ..render.national import NATIONAL_SIZE, national_compose, national_viewport
    from ..render.renderer import render_map

    start = time.perf_counter()
    layer = load_national_communes(database)
    load_s = time.perf_counter() - start
    compose = national_compose(layer)
    full = national_viewport(layer, *NATIONAL_SIZE)
    render_map(compose(full))
    print(f"first_frame {time.monotonic():.6f}", flush=True)
    report = measure(compose, full, repeat)
    report["load_s"] = round(load_s, 3)
    import json

    report["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(report), flush=True)
    return 0


def peak_rss_mb() -> float:
    """This program's own peak resident memory: VmHWM (ru_maxrss would keep the parent's
    peak across fork and exec), ru_maxrss where /proc is not."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def measure(compose, full, repeat: int) -> dict:
    """Median re-renders of the whole of France and of 1 % of it, and of pan/zoom frames in
    the map canvas (moving the last image while the next one renders, as the app does)."""
    import statistics

    from ..render.national import one_percent_view
    from ..render.renderer import render_map
    from ..views.map.canvas import MapCanvas
    from .map_setup import drag_and_zoom_frames

    width, height = full.width, full.height
    one_percent = one_percent_view(full)

    def median_ms(viewport) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            render_map(compose(viewport))
            times.append((time.perf_counter() - start) * 1000)
        return round(statistics.median(times), 1)

    canvas = MapCanvas(compose, full)
    canvas.resize(width, height)
    canvas.show()
    canvas.request_render()
    canvas.wait_for_render()
    frames = drag_and_zoom_frames(canvas, width, height)
    canvas.close()
    return {"rerender_full_ms": median_ms(full), "rerender_1pct_ms": median_ms(one_percent),
            "pan_frame_ms": round(statistics.median(frames), 2)}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

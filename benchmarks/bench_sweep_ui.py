"""The Sweep tab while a sweep fills it in: the longest gap of the GUI event loop (a 1 ms timer)
from the click on Run sweep to the last cell (and, before it, while the tab opens and starts its
worker processes, and on the idle window), and optionally screenshots of the finished tab.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_sweep_ui.py [--workers 2]
        [--shots PREFIX] [--lang zh_CN]

The sweep is the edge-of-chaos preset's σ_w² × depth grid at 12 × 8, 30 training batches per
cell on layers of 32 units (bundled MNIST). Target: every gap under 50 ms. Prints the longest
gap, the 99th percentile, the load average, and for the longest gaps how much of each the GUI
thread spent computing (the rest it waited: for the GIL or for a core). Asserts nothing. With --shots, saves PREFIX-1600x1000.png and PREFIX-1280x720.png (run under
Xvfb with QT_QPA_PLATFORM=xcb to see the real fonts).
"""
from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# this checkout's initviz, not the installed one (a worktree's benchmark measures its branch)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import initviz.ui  # noqa: E402,F401
import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from initviz.engine.config import merge  # noqa: E402
from initviz.engine.presets import get  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--shots", metavar="PREFIX")
    p.add_argument("--lang", default="en")
    p.add_argument("--batches", type=int, default=30)
    p.add_argument("--axes", nargs=2, default=("sigma_w2=1:4:12", "network.depth=5:40:8"))
    args = p.parse_args(argv)
    app = QApplication.instance() or QApplication(["bench"])
    from initviz.ui.look.themes import configure_application
    configure_application(app)              # as the app starts
    from initviz.ui import i18n
    i18n.set_language(args.lang)
    from initviz.ui.main_window import MainWindow
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    window.load_preset("edge-of-chaos-tanh", run=False)
    pane = window.panes["sweep"]
    pane.set_config(merge(get("edge-of-chaos-tanh").config,
                          {"data": {"source": "bundled", "probe_samples": 300},
                           "network": {"width": 32}}))
    pane.workers = args.workers
    for _ in range(20):
        app.processEvents()
    clock = QElapsedTimer()
    clock.start()
    gaps, last, busy, cpu = [], [clock.nsecsElapsed()], [], [time.thread_time()]

    def tick():
        # The GUI thread's own CPU time over each gap: a gap it spent computing is the
        # window's work; one it spent waiting is the GIL or the machine's other processes.
        now, own = clock.nsecsElapsed(), time.thread_time()
        gaps.append((now - last[0]) / 1e6)
        busy.append((own - cpu[0]) * 1e3)
        at.append(now / 1e9)
        last[0], cpu[0] = now, own
    at = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    # Opening the tab starts the worker processes (from a background thread).
    window.show_pane("sweep")
    t_open = time.perf_counter()
    while not pane.pool.ready or time.perf_counter() < t_open + 1.0:   # (starts at 0.5 s)
        app.processEvents()
        time.sleep(0.0005)
    opening = np.array(gaps[1:])
    print(f"opening the Sweep tab ({args.workers} worker processes ready in "
          f"{time.perf_counter() - t_open:.1f} s): longest event-loop gap {opening.max():.1f} ms"
          f" at {at[1 + int(np.argmax(opening))] - at[0]:.2f} s")
    gaps.clear()
    at.clear()
    busy.clear()
    last[0], cpu[0] = clock.nsecsElapsed(), time.thread_time()
    # The same measure on the idle window first: on a shared machine the scheduler alone
    # makes gaps, and this says how large.
    end = time.perf_counter() + 3
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.0005)
    idle = np.array(gaps[1:])
    print(f"idle window, 3 s: longest event-loop gap {idle.max():.1f} ms, 99th percentile "
          f"{np.percentile(idle, 99):.1f} ms")
    gaps.clear()
    at.clear()
    busy.clear()
    last[0], cpu[0] = clock.nsecsElapsed(), time.thread_time()
    t0 = time.perf_counter()
    finished = []
    pane.sweep_finished.connect(lambda: finished.append(1))   # after the last row's signal
    pane.start_sweep(*args.axes, seeds=1, batches=args.batches)
    while not finished:
        app.processEvents()
        time.sleep(0.0005)
    seconds = time.perf_counter() - t0
    # the theory overlay may still be on its way
    end = time.perf_counter() + 30
    while pane.theory is None and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)
    timer.stop()
    g = np.array(gaps)
    print(f"Sweep tab, {pane.grid.done} cells in {seconds:.1f} s with {args.workers} worker "
          f"processes: longest event-loop gap {g.max():.1f} ms, 99th percentile "
          f"{np.percentile(g, 99):.1f} ms ({'under' if g.max() < 50 else 'OVER'} 50 ms)")
    worst = np.argsort(g)[::-1][:5]
    print("  longest gaps (ms at s after the click; of which the GUI thread computed): "
          + ", ".join(f"{g[i]:.0f} at {at[i] - at[0]:.2f} ({busy[i]:.0f})"
                      for i in sorted(worst)))
    b = np.array(busy)
    print(f"  GUI thread's own CPU time per gap: longest {b.max():.1f} ms, 99th percentile "
          f"{np.percentile(b, 99):.1f} ms; load average {os.getloadavg()[0]:.1f}")
    if args.shots:
        for w, h in ((1600, 1000), (1280, 720)):
            window.resize(w, h)
            for _ in range(30):
                app.processEvents()
                time.sleep(0.01)
            path = f"{args.shots}-{w}x{h}.png"
            window.grab().save(path)
            print("saved", path)
    pane.shutdown()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

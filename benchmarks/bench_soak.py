"""Soak: load every preset, run it (training shortened to --steps batches), draw every tab,
and do it all --rounds times (default 3). Prints the crash dialogs (must be 0), the other
dialogs and drawing errors seen, and the resident memory after each round (as is, and after
a garbage collection and malloc_trim): its growth from the end of round 1 to the end must
stay within 50 MB. Asserts nothing.

    PYTHONPATH=. QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_soak.py [--rounds 3]
"""
from __future__ import annotations

import argparse
import ctypes
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("INITVIZ_SETTINGS", str(Path(tempfile.mkdtemp()) / "settings.ini"))

import initviz.ui  # noqa: E402,F401  (QT_API before pyqtgraph)
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from bench_ui import rss_mb  # noqa: E402
from initviz import crash_report  # noqa: E402
from initviz.engine import presets  # noqa: E402


def trimmed_rss_mb() -> float:
    """RSS after a garbage collection and glibc's malloc_trim: memory still held, not memory
    freed but kept by the allocator's per-thread arenas (each run has its own thread)."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    return rss_mb()


def shortened(config, steps: int):
    """The preset's config with at most ``steps`` training batches in every run."""
    train = config.train.replace(steps=min(config.train.steps, steps))
    runs = tuple(r.replace(train={**r.train, "steps": min(r.train["steps"], steps)})
                 if "steps" in r.train else r for r in config.runs)
    return config.replace(train=train, runs=runs)


def wait_for(signal, app, timeout_s: float) -> bool:
    loop = QEventLoop()
    done = {"ok": False}

    def finish(*_):
        done["ok"] = True
        loop.quit()
    signal.connect(finish)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    signal.disconnect(finish)
    return done["ok"]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--steps", type=int, default=30)
    args = p.parse_args(argv)

    counts = {"crash dialogs": 0, "other dialogs": 0}
    logs = Path(tempfile.mkdtemp())
    crash_report.install("initviz")
    crash_report.log_dir = lambda app_name="initviz": logs
    crash_report._show_dialog = lambda *a: counts.__setitem__(
        "crash dialogs", counts["crash dialogs"] + 1)
    for name in ("warning", "critical", "information", "question"):
        setattr(QMessageBox, name, staticmethod(lambda *a, **k: counts.__setitem__(
            "other dialogs", counts["other dialogs"] + 1) or QMessageBox.StandardButton.Ok))

    app = QApplication.instance() or QApplication(["initviz-soak"])
    from initviz.ui.look.themes import configure_application
    configure_application(app)              # as the app starts
    from initviz.ui.main_window import MainWindow
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    print(f"soak: {len(presets.PRESETS)} presets x {args.rounds} rounds, training cut to "
          f"{args.steps} batches, every tab drawn; RSS at start {rss_mb():.0f} MB")
    rss, started = [], time.perf_counter()
    timeouts = []
    for round_ in range(1, args.rounds + 1):
        t0 = time.perf_counter()
        for key, preset in presets.PRESETS.items():
            window.load_preset(key, run=False)
            window.start(shortened(preset.config, args.steps))
            if not wait_for(window.controller.run_finished, app, 300):
                timeouts.append(f"{key} (round {round_})")
                window.stop()
                wait_for(window.controller.run_finished, app, 60)
            for pane in window.panes.values():
                window.tabs.setCurrentWidget(pane)
                app.processEvents()
            window.draw_all()
            app.processEvents()
        raw = rss_mb()
        rss.append(trimmed_rss_mb())
        print(f"  round {round_}: {time.perf_counter() - t0:.0f} s, RSS {raw:.0f} MB, "
              f"{rss[-1]:.0f} MB after gc and malloc_trim, "
              f"crash dialogs {counts['crash dialogs']}, other dialogs "
              f"{counts['other dialogs']}, crash reports {crash_report._state['reports']}")
    errors = getattr(getattr(window, "draw_guard", None), "errors", [])
    window.close()
    app.processEvents()
    growth = rss[-1] - rss[0] if rss else float("nan")
    print(f"soak: {time.perf_counter() - started:.0f} s; crash dialogs "
          f"{counts['crash dialogs']} (must be 0); other dialogs {counts['other dialogs']}; "
          f"drawing errors shown in the status bar {len(errors)}"
          + (f" ({'; '.join(errors[:3])})" if errors else "")
          + f"; RSS growth after round 1 (trimmed): {growth:+.1f} MB (must be <= 50); runs "
          f"that did not "
          f"finish in 5 min: {', '.join(timeouts) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

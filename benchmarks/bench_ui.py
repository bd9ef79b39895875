"""UI figures (offscreen): redraw time per frame, the longest GUI event-loop gap while a run
trains (a 10-layer net on normal data, and a four-run MNIST comparison), and memory growth over
20,000 snapshots. Prints figures; asserts nothing.

Times are wall-clock ("wall") and CPU time ("cpu", of the process while it redraws; no run is
training then): on a shared machine the wall time includes waiting for a core, the CPU time is
what the redraw itself costs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui.py [--quick]
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui.py --window-vs-headless
        (only the preset mnist-uniform-signs in the window and headless, alternately, on the
        Loss and the Activations tab; --repeat N, --tabs loss,activations)
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui.py --loss-paint
        (only the Loss pane's paint time at the end of a long run)
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui.py --redraw
        (only the redraw figures)

The window-vs-headless figures include the window process's CPU time while the window
trains (all its threads, and the GUI thread alone) and the workers' CPU time: unlike the wall
times, those hardly depend on what else runs on the machine.
"""
from __future__ import annotations

import gc
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "ui"))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))   # this checkout's initviz

import initviz.ui  # noqa: E402,F401
import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from helpers import snapshot  # noqa: E402
from initviz.engine.config import ExperimentConfig, merge  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def bench_redraw(app, window, runs=1, frames=300):
    """Ten layer panes (activations) plus the loss pane, fresh data every frame."""
    window.tabs.setCurrentWidget(window.panes["activations"])
    window.controller.run_started.emit(0, merge(ExperimentConfig(), {
        "network": {"depth": 10}, "train": {"steps": 10 ** 6},
        "runs": [{"label": f"run {i + 1}"} for i in range(runs)]}))
    snaps = [snapshot(run_index=i, run_count=runs, n_layers=10, stage="train", step=k + 1,
                      total=10 ** 6, losses=[2.0 - k * 1e-4], start=k + 1, seed=k % 7)
             for k in range(frames) for i in range(runs)]
    # The window holds one snapshot a run; these hundreds made beforehand are out of the
    # collector's sight, or its scans of them would be timed as drawing.
    gc.collect()
    gc.freeze()
    hist, loss = window.panes["activations"], window.panes["loss"]
    times, cpu = [], []
    for j in range(0, len(snaps), runs):
        for s in snaps[j:j + runs]:
            window._on_snapshot(s)
        t0, c0 = time.perf_counter(), time.process_time()
        hist.draw(window.histories)
        loss.draw(window.histories)
        app.processEvents()           # includes painting the changed items
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)   # Qt may paint big areas on helper threads
    t, c = np.array(times[10:]) * 1000, np.array(cpu[10:]) * 1000
    print(f"redraw, 10 layer panes + loss pane, {runs} run(s), 1920x1080: wall median "
          f"{np.median(t):.1f} ms, 95th percentile {np.percentile(t, 95):.1f} ms, max "
          f"{t.max():.1f} ms; cpu median {np.median(c):.1f} ms, 95th percentile "
          f"{np.percentile(c, 95):.1f} ms per frame (first frame, with the pane's build: "
          f"{times[0] * 1000:.0f} ms)")


MNIST_FOUR_RUNS = {   # the catalogue's mnist-uniform-scales, spelled out
    "data": {"name": "mnist"},
    "network": {"hidden": [256, 128], "activation": "relu", "output": "softmax"},
    "train": {"steps": 858, "optimizer": "adam", "learning_rate": 0.001, "batch_size": 128,
              "eval_every": 50},
    "runs": [{"label": f"U[−{a:g}, {a:g})", "init": {"scheme": "uniform", "low": -a, "high": a}}
             for a in (1, 0.1, 0.01, 0.001)]}
NORMAL_TEN_LAYERS = {
    "data": {"name": "normal", "samples": 2000, "features": 100},
    "network": {"depth": 10, "width": 100, "activation": "tanh"},
    "train": {"steps": 10 ** 6, "batch_size": 64}}


class GapTimer(QTimer):
    """A 1 ms timer that records the milliseconds between its ticks: how long the event loop
    was kept from them; and the GUI thread's CPU milliseconds between them (what the gap
    would be if the GUI always had a core: on a busy machine the wall gap also counts the
    waits for one)."""

    def __init__(self):
        super().__init__()
        self.setInterval(1)
        self.clock = QElapsedTimer()
        self.gaps: list[float] = []
        self.cpu_gaps: list[float] = []
        self.timeout.connect(self._tick)

    def start(self):
        self.gaps.clear()
        self.cpu_gaps.clear()
        self.clock.start()
        self._last, self._cpu = 0, time.thread_time()
        super().start()

    def _tick(self):
        now, cpu = self.clock.nsecsElapsed(), time.thread_time()
        self.gaps.append((now - self._last) / 1e6)
        self.cpu_gaps.append((cpu - self._cpu) * 1e3)
        self._last, self._cpu = now, cpu


def settle(app, seconds=0.2) -> None:
    """Let the window paint what is pending, as it would before the next click."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def bench_event_gaps(app, window, what="normal", tab="activations", seconds=8.0):
    """Longest gap between two ticks of a 1 ms timer while a run trains, from the click on
    Run (so the first frame, which builds the pane, counts)."""
    config = merge(ExperimentConfig(), MNIST_FOUR_RUNS if what == "mnist" else
                   NORMAL_TEN_LAYERS)
    window.tabs.setCurrentWidget(window.panes[tab])
    settle(app)              # the tab's first paint is the switch's, not the run's
    timer = GapTimer()
    gaps = timer.gaps
    timer.start()
    t0, c0 = time.perf_counter(), time.thread_time()
    window.start(config)
    loop = QEventLoop()          # waits as the app does: no spinning in this thread
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    timer.stop()
    busy = time.thread_time() - c0
    steps = max(h.step for h in window.histories)
    window.controller.shutdown()
    app.processEvents()   # deliver the run's last queued snapshots before anything else
    g = np.array(gaps)
    name = ("four-run MNIST comparison" if what == "mnist" else "10-layer net, normal data") + \
        f", {tab} tab"
    print(f"event loop while training ({name}; {steps:,} steps in {seconds:.0f} s, "
          f"{len(window.histories[0].losses):,} loss points kept): longest gap "
          f"{g.max():.1f} ms, 99th percentile {np.percentile(g, 99):.1f} ms; GUI thread busy "
          f"{100 * busy / (time.perf_counter() - t0):.0f} % of the time")


def bench_loss_paint(app, window, runs=4, steps=(858, 10000), frames=20, theme=None):
    """Paint time of the Loss pane alone (its view repainted, nothing else) at the end of a
    run of ``steps`` batches: noisy losses falling over two decades (so the log axis is on),
    ``runs`` runs, validation every 50 batches. Median and max over ``frames`` repaints."""
    from PySide6.QtWidgets import QApplication as _A  # noqa: F401
    loss = window.panes["loss"]
    window.tabs.setCurrentWidget(loss)
    rng = np.random.default_rng(0)
    for n in steps:
        window.controller.run_started.emit(0, merge(ExperimentConfig(), {
            "train": {"steps": n}, "runs": [{"label": f"run {i + 1}"} for i in range(runs)]}))
        for i in range(runs):
            k = np.arange(1, n + 1)
            losses = 2.3 * np.exp(-5 * k / n) * (1 + 0.3 * rng.standard_normal(n)) + 0.01
            window._on_snapshot(snapshot(run_index=i, run_count=runs, stage="done", step=n,
                                         total=n, losses=np.abs(losses), with_layers=False))
        loss.draw(window.histories)
        app.processEvents()
        viewport = loss.view.viewport()
        times, cpu = [], []
        for _ in range(frames):
            t0, c0 = time.perf_counter(), time.process_time()
            viewport.repaint()
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        t, c = np.array(times) * 1000, np.array(cpu) * 1000
        print(f"loss pane paint, {runs} runs x {n:,} batches, log axis "
              f"{'on' if loss.log_scale else 'off'}, {viewport.width()}x{viewport.height()}: "
              f"wall median {np.median(t):.1f} ms, max {t.max():.1f} ms; cpu median "
              f"{np.median(c):.1f} ms   [{load()}]", flush=True)


def children_cpu() -> float:
    """CPU seconds of the ended worker processes so far (POSIX; they are joined)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def bench_window_vs_headless(app, window, key="mnist-uniform-signs", tabs=("loss",),
                             repeat=3):
    """A preset in the window (drawing ``tab`` as the frame pacer allows) and headless (as
    `initviz run` trains it: snapshots every second, nothing drawn), alternately in this one
    process; the CPU time of this process (the GUI) and of the workers; and in a second
    window run, the longest gap between two ticks of a 1 ms timer while the window trains.
    No spare workers (the window's controller.spares is 0 here): both start theirs cold."""
    from initviz.engine.parallel import plan_workers, run_comparison
    from initviz.engine.presets import PRESETS
    from initviz.engine.data import load_dataset
    config = PRESETS[key].config
    load_dataset(config.data, config.seed)   # loading is not part of the figures
    timer = GapTimer()
    # The probe's own cost: each tick is a Python slot (and passes the app's event filter),
    # GUI-thread CPU that the window's figures below include and the frame pacer counts.
    idle = []
    for probe in (False, True):
        if probe:
            timer.start()
        g, loop = time.thread_time(), QEventLoop()
        QTimer.singleShot(2000, loop.quit)
        loop.exec()
        timer.stop()
        idle.append((time.thread_time() - g) / 2)
    print(f"window idle: {1e3 * idle[0]:.0f} ms of GUI-thread CPU a second, "
          f"{1e3 * idle[1]:.0f} ms with the 1 ms gap timer ({len(timer.gaps) / 2:.0f} ticks a "
          f"second)   [{load()}]", flush=True)
    figures = {"headless": []}
    cpu = {}
    measured = []    # full snapshots (per-layer statistics) a run sent, of the last start
    window.controller.snapshot_ready.connect(
        lambda s: measured.append(s.run_index) if s.layers is not None else None)
    for _ in range(repeat):
        t, k = time.perf_counter(), children_cpu()
        full = sum(s.layers is not None for s in run_comparison(config, snapshot_seconds=1.0))
        figures["headless"].append(time.perf_counter() - t)
        cpu.setdefault("headless workers", []).append(children_cpu() - k)
        cpu.setdefault("headless measured", []).append(full / len(config.runs))
        for tab in tabs:
            window.tabs.setCurrentWidget(window.panes[tab])
            app.processEvents()
            # Timed without the gap probe: its 1 ms timer costs the GUI thread ~80 ms of CPU a
            # second (measured above), which the frame pacer counts as drawing and the
            # workers lose; then once more with it, for the longest gap.
            for probe in (False, True):
                done = []
                window.controller.run_finished.connect(done.append)
                frames = window.pacer.frames
                measured.clear()
                if probe:
                    # the last frame of the run before is painted first: its gap is not
                    # this run's (it was counted in this one's first gap)
                    settle(app)
                    timer.start()
                t, k = time.perf_counter(), children_cpu()
                c, g = time.process_time(), time.thread_time()
                loop = QEventLoop()      # waits as the app does: no spinning in this thread
                window.controller.run_finished.connect(loop.quit)
                window.start(config)
                if not done:
                    loop.exec()
                window.controller.run_finished.disconnect(loop.quit)
                window.controller.run_finished.disconnect(done.append)
                name = tab + (" probed" if probe else "")
                figures.setdefault(name, []).append(time.perf_counter() - t)
                if probe:
                    timer.stop()
                    figures.setdefault(tab + " gap", []).append(max(timer.gaps[1:], default=0.0))
                    figures.setdefault(tab + " cpu gap", []).append(max(timer.cpu_gaps[1:],
                                                                        default=0.0))
                    continue
                cpu.setdefault(tab + " process", []).append(time.process_time() - c)
                cpu.setdefault(tab + " GUI thread", []).append(time.thread_time() - g)
                cpu.setdefault(tab + " workers", []).append(children_cpu() - k)
                cpu.setdefault(tab + " frames", []).append(window.pacer.frames - frames)
                cpu.setdefault(tab + " measured", []).append(len(measured) / len(config.runs))
        print("  " + ", ".join(f"{k} {v[-1]:.2f} {'ms' if 'gap' in k else 's'}"
                               for k, v in figures.items()) + f"   [{load()}]", flush=True)
        print("    cpu: " + ", ".join(f"{k} {v[-1]:.2f}" for k, v in cpu.items()
                                      if "frames" not in k and "measured" not in k) +
              "; frames drawn: " +
              ", ".join(f"{k.split()[0]} {v[-1]}" for k, v in cpu.items() if "frames" in k) +
              "; full snapshots a run: " +
              ", ".join(f"{k.split()[0]} {v[-1]:g}" for k, v in cpu.items() if "measured" in k),
              flush=True)
    head = min(figures["headless"])
    print(f"{key} ({len(config.runs)} runs, {config.train.steps} batches, "
          f"{plan_workers(config) or 'no'} worker processes): headless best {head:.2f} s, "
          f"workers' CPU {np.median(cpu['headless workers']):.2f} s (median)   [{load()}]")
    for tab in tabs:
        process = np.median(cpu[tab + " process"])
        print(f"  window, {tab} tab: best {min(figures[tab]):.2f} s = "
              f"{min(figures[tab]) / head:.2f}x headless (medians "
              f"{np.median(figures[tab]) / np.median(figures['headless']):.2f}x); window process "
              f"CPU {process:.2f} s ({100 * process / head:.1f} % of the headless best wall "
              f"time; GUI thread {np.median(cpu[tab + ' GUI thread']):.2f} s), workers' CPU "
              f"{np.median(cpu[tab + ' workers']):.2f} s, "
              f"{int(np.median(cpu[tab + ' frames']))} frames (medians)")
        print(f"    with the 1 ms gap probe: best {min(figures[tab + ' probed']):.2f} s = "
              f"{min(figures[tab + ' probed']) / head:.2f}x headless, longest event-loop gap "
              f"{max(figures[tab + ' gap']):.1f} ms (median of the runs' longest "
              f"{np.median(figures[tab + ' gap']):.1f} ms; most GUI-thread CPU between two ticks "
              f"{max(figures[tab + ' cpu gap']):.1f} ms)")


def load() -> str:
    return "load %.2f %.2f %.2f" % os.getloadavg()


def soak(app, window, n=20000):
    """20,000 snapshots through the window's slot and frame timer path."""
    window.tabs.setCurrentWidget(window.panes["activations"])
    window.controller.run_started.emit(0, merge(ExperimentConfig(), {
        "train": {"steps": n}, "runs": [{"label": "a"}, {"label": "b"}]}))
    base = [snapshot(run_index=i, run_count=2, n_layers=5, stage="train", seed=i)
            for i in range(2)]
    rss0 = rss_mb()
    t0 = time.perf_counter()
    for k in range(n):
        s = base[k % 2]
        s = s.__class__(**{**s.__dict__, "step": k // 2 + 1, "total_steps": n // 2,
                           "steps": np.array([k // 2 + 1]), "losses": np.array([1.0]),
                           "layers": s.layers if k % 20 < 2 else None})
        window._on_snapshot(s)
        if k % 50 == 0:
            window._draw()
            app.processEvents()
        if k == 2000:
            rss1 = rss_mb()
    window._draw()
    app.processEvents()
    rss2 = rss_mb()
    print(f"soak: {n:,} snapshots in {time.perf_counter() - t0:.1f} s; VmRSS {rss0:.0f} MB "
          f"-> {rss1:.0f} MB after 2,000 -> {rss2:.0f} MB after {n:,} "
          f"(growth after warm-up {rss2 - rss1:+.1f} MB)")


def main():
    t0 = time.perf_counter()
    app = QApplication([])
    from initviz.ui.look.themes import configure_application
    configure_application(app)              # as the app starts
    from initviz.ui.main_window import MainWindow
    window = MainWindow()
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    print(f"window on screen in {time.perf_counter() - t0:.2f} s (offscreen, incl. imports "
          f"of Qt widgets)")
    warm = getattr(window, "warm_timer", None)
    if warm is not None:         # the histogram plots are made while the window is idle
        t1 = time.perf_counter()
        while warm.isActive() or time.perf_counter() - t1 < 1.2:
            app.processEvents()
            time.sleep(0.005)
        print(f"histogram plots made while idle, done {time.perf_counter() - t1:.1f} s after "
              f"the window showed")
    if "--window-vs-headless" in sys.argv:
        repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3
        tabs = sys.argv[sys.argv.index("--tabs") + 1].split(",") if "--tabs" in sys.argv \
            else ("loss", "activations")
        bench_window_vs_headless(app, window, tabs=tabs, repeat=repeat)
        window.close()
        return
    window.frame_timer.stop()   # the benchmark drives the drawing itself
    if "--loss-paint" in sys.argv:
        bench_loss_paint(app, window)
        window.close()
        return
    bench_redraw(app, window, runs=1)
    bench_redraw(app, window, runs=3)
    if "--redraw" in sys.argv:
        window.close()
        return
    window.frame_timer.start()
    bench_event_gaps(app, window, "normal", "activations")
    bench_event_gaps(app, window, "mnist", "loss")
    bench_event_gaps(app, window, "mnist", "activations")
    bench_event_gaps(app, window, "mnist", "training")     # the heat maps
    window.frame_timer.stop()
    if "--quick" not in sys.argv:
        soak(app, window)
    window.close()


if __name__ == "__main__":
    main()

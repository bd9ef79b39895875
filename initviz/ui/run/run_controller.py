"""Owns the worker thread. Each run gets an id; snapshots of a superseded run are dropped.
A new run waits for the previous one to stop (between two of its steps) before it starts, so
that dragging a slider never piles up threads."""
from __future__ import annotations

import math
import sys
import time

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from initviz.engine import parallel, worker_pool
from initviz.engine.control import RunControl

from . import background
from .engine_worker import EngineWorker

# Every run's per-layer statistics are measured at least this often, whatever the window
# shows (as `initviz run` measures them): the course the heat maps keep. A pane that shows
# them asks for more, one measurement per frame it draws (request_layers): measuring costs
# the workers as much as 10 training steps, too much to do 30 times a second unseen.
MEASURE_SECONDS = 1.0
# After a run, its workers are replaced by spares for the next one (engine/worker_pool.py), a
# little later: the run's last frame is drawn first.
SPARES_AFTER_MS = 500
# Snapshots while worker processes train on every core: each costs this process CPU (read and
# unpickled in the run's thread, stored in the GUI thread: 295 took 0.1 s of the GUI thread in
# a profile of mnist-uniform-signs), time a worker loses, and the frame pacer draws a few frames a
# second then. Every loss point still arrives (a snapshot carries all since the last).
BUSY_SNAPSHOT_SECONDS = 0.1
# Per-layer statistics the window asks for then, at most this often: each full snapshot costs a
# worker as much as ~10 training steps. Asked after every frame (4 a second) they took a
# tenth of the workers' time (the runner's cap): the Activations and Through training tabs ran
# 1.12-1.19x as long as headless (bench_ui.py, dac5665). Every 0.5 s, once training steps had
# become twice as fast (flushed subnormals), the Activations tab still took 1.11x; as often as
# `initviz run` measures, 1.01x (medians 1.05x).
BUSY_LAYER_SECONDS = MEASURE_SECONDS


class RunController(QObject):
    run_started = Signal(int, object)     # run id, ExperimentConfig
    snapshot_ready = Signal(object)       # Snapshot of the current run
    run_finished = Signal(int)            # run id
    run_failed = Signal(str)

    def __init__(self, parent=None, snapshot_seconds: float = 1 / 30,
                 measure_seconds: float = MEASURE_SECONDS):
        super().__init__(parent)
        self.snapshot_seconds, self.measure_seconds = snapshot_seconds, measure_seconds
        self._next_id = 0
        self.current_id = -1
        self.config = None
        self._control: RunControl | None = None
        self._threads: dict[int, tuple[QThread, EngineWorker, RunControl]] = {}
        self._pending = None
        # Worker processes kept ready for the next comparison (the app sets it; tests and
        # benchmarks start their workers when a comparison needs them).
        self.spares = 0
        self._spare_timer = QTimer(self, singleShot=True, interval=SPARES_AFTER_MS)
        self._spare_timer.timeout.connect(self.prepare_spares)
        self.clock = time.monotonic
        self.layer_seconds = 0.0         # the least time between two requests for statistics
        self._asked = -math.inf

    # -- state -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.current_id in self._threads or self._pending is not None

    @property
    def paused(self) -> bool:
        return self._control is not None and self._control.paused

    def threads(self) -> list[QThread]:
        return [t for t, _, _ in self._threads.values()]

    # -- commands --------------------------------------------------------------------------
    def start(self, config, paused: bool = False, validate_start: bool = False) -> int:
        """Start a run of ``config``; any run in progress is stopped and superseded.
        ``validate_start``: the validation loss at step 0 even where no run trains."""
        self._next_id += 1
        run_id = self.current_id = self._next_id
        self.config = config
        self._control = RunControl()
        self._control.validate_start = validate_start
        if paused:
            self._control.pause()
        for _, worker, control in self._threads.values():
            worker.abandoned = True
            control.stop()
        self.run_started.emit(run_id, config)
        if self._threads:
            self._pending = (run_id, config, self._control)
        else:
            self._launch(run_id, config, self._control)
        return run_id

    def stop(self) -> None:
        for _, _, control in self._threads.values():
            control.stop()
        if self._pending is not None:   # never started: it finishes at once
            run_id = self._pending[0]
            self._pending = None
            self.run_finished.emit(run_id)

    def pause(self) -> None:
        if self._control is not None:
            self._control.pause()

    def resume(self) -> None:
        if self._control is not None:
            self._control.resume()

    def step_once(self) -> None:
        if self._control is not None:
            self._control.step_once()

    def request_layers(self) -> None:
        """The current run's per-layer statistics once more, soon: a pane showing them drew
        the last ones."""
        if self._control is not None and self.running:
            now = self.clock()
            if now - self._asked >= self.layer_seconds:
                self._asked = now
                self._control.request_layers()

    def prepare_spares(self) -> None:
        if self.spares and not self.running:
            worker_pool.prepare(self.spares)

    def shutdown(self, timeout_ms: int = 10000, detach: bool = False) -> bool:
        """Stop every run and wait for its thread; True if all ended. A thread still in one
        step after ``timeout_ms`` is waited for to the end, or with ``detach`` (closing the
        window) handed to ``background``, which waits for it after the event loop."""
        self._pending = None
        self._spare_timer.stop()
        if self.spares:
            worker_pool.discard()
        self.stop()
        ok = True
        for run_id in list(self._threads):
            thread, worker, _ = self._threads[run_id]
            if not thread.wait(timeout_ms):
                # Destroying a running QThread aborts the process: it must stay referenced
                # until it ends. The runner stops between steps, so it does end.
                ok = False
                worker.abandoned = True
                if detach:
                    background.keep(thread, worker)
                else:
                    print(f"initviz: waiting for {thread.objectName()} to finish its step",
                          file=sys.stderr)
                    thread.wait()
            self._threads.pop(run_id, None)
        return ok

    # -- internals -------------------------------------------------------------------------
    def _launch(self, run_id: int, config, control: RunControl) -> None:
        thread = QThread()
        thread.setObjectName(f"initviz-run-{run_id}")
        seconds, self.layer_seconds, self._asked = self.snapshot_seconds, 0.0, -math.inf
        if parallel.cores_left(config) == 0:
            seconds = max(seconds, BUSY_SNAPSHOT_SECONDS)
            self.layer_seconds = BUSY_LAYER_SECONDS
        worker = EngineWorker(run_id, config, control, seconds, self.measure_seconds)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.snapshot_ready.connect(self._on_snapshot)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_finished)
        self._threads[run_id] = (thread, worker, control)
        thread.start()

    @Slot(int, object)
    def _on_snapshot(self, run_id: int, snapshot) -> None:
        if run_id == self.current_id:
            self.snapshot_ready.emit(snapshot)

    @Slot(int, str)
    def _on_failed(self, run_id: int, message: str) -> None:
        if run_id == self.current_id:
            self.run_failed.emit(message)

    @Slot(int)
    def _on_finished(self, run_id: int) -> None:
        entry = self._threads.pop(run_id, None)
        if entry is not None:
            entry[0].wait()   # the worker has called quit(): this returns at once
        if run_id == self.current_id:
            self.run_finished.emit(run_id)
        if self.spares and not self._threads:
            self._spare_timer.start()
        if self._pending is not None and not self._threads:
            pending, self._pending = self._pending, None
            self._launch(*pending)

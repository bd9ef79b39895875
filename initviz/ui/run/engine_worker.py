"""Runs the engine generator in a worker thread and emits its snapshots (merged from the
worker processes of a big comparison).

No backpressure: ``snapshot_ready`` is queued to the GUI thread and the emit returns at once
(measured: 0.05 ms), whatever the GUI thread is doing; ``snapshot_seconds`` bounds how many
queue up. A run in this process shares the interpreter lock with the GUI thread, so a busy GUI
slows it, by its share of the lock (a 200 ms frame of Python every 250 ms: twice as slow), and
never stops it. Whoever waits in the GUI thread must release the lock: QEventLoop.exec (the
app, the selftest) and qtbot.wait do; PySide6's QTest.qWait does not (it sleeps holding it),
so a script that polls with QTest.qWait leaves the engine only moments of it (858 batches of
mnist-uniform-baseline: 53 s instead of 3 to 4)."""
from __future__ import annotations

import traceback

from PySide6.QtCore import QObject, QThread, Signal, Slot

from initviz.engine.control import RunControl
from initviz.engine.errors import Said
from initviz.engine.parallel import run_comparison

from ..i18n import error_text


class EngineWorker(QObject):
    snapshot_ready = Signal(int, object)   # run id, Snapshot
    failed = Signal(int, str)              # run id, one-line message
    finished = Signal(int)                 # run id; always the last signal of a run

    def __init__(self, run_id: int, config, control: RunControl,
                 snapshot_seconds: float = 1 / 30, measure_seconds: float | None = None):
        super().__init__()
        self.run_id, self.config, self.control = run_id, config, control
        self.snapshot_seconds, self.measure_seconds = snapshot_seconds, measure_seconds
        self.abandoned = False   # set by the GUI thread when a newer run supersedes this one

    @Slot()
    def run(self) -> None:
        try:
            # The runs in worker processes when the comparison is big enough: drawing and
            # training then share no interpreter lock.
            stream = run_comparison(self.config, self.control,
                                    snapshot_seconds=self.snapshot_seconds,
                                    measure_seconds=self.measure_seconds,
                                    validate_start=self.control.validate_start)
            try:
                for snapshot in stream:
                    self.snapshot_ready.emit(self.run_id, snapshot)
                    if self.abandoned:
                        # The runner only looks at its stop flag between steps; a superseded
                        # probe need not finish measuring every run.
                        break
            finally:
                stream.close()   # ends the worker processes now, not when collected
        except Exception as exc:  # noqa: BLE001 - any engine error is shown, never fatal
            traceback.print_exc()
            message = error_text(exc).strip()   # translate() is thread-safe
            message = message.splitlines()[0] if message else ""
            if isinstance(exc, Said):          # a sentence for the user, as it is
                self.failed.emit(self.run_id, message)
            else:
                self.failed.emit(self.run_id, f"{type(exc).__name__}: {message}" if message
                                 else type(exc).__name__)
        finally:
            # Quit our own thread from inside it: a queued quit() would wait for a GUI thread
            # that may itself be blocked in QThread.wait().
            self.finished.emit(self.run_id)
            QThread.currentThread().quit()

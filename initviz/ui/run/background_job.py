"""A generator run in a worker thread, its items emitted to the GUI thread: the Sweep tab's
sweep (whose cells run in worker processes) and overlay, and the Jacobian tab's spectra. The
slot that gets an item only stores it; stopping is cooperative (the generator is asked to
stop between items) and the worker quits its own thread."""
from __future__ import annotations

import multiprocessing
import threading
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..i18n import error_text


class OneProcess:
    """``fn(*args)`` in a fresh spawned process at a lower priority (one BLAS thread: importing
    initviz there sets it), so that long NumPy loops neither hold this process's GIL nor take
    the cores from the window while it draws. Its owner can end the processes at once
    (closing the window, a new config) rather than wait for their results: the jobs then
    yield nothing."""

    def __init__(self):
        self._lock = threading.Lock()
        self._pools: set = set()     # the pools of calls under way

    def run(self, fn, *args):
        """``fn(*args)`` in a fresh process; None if ``end`` ended it."""
        from initviz.engine.sweep_exec import lower_thread_priority, worker_init
        lower_thread_priority()
        # worker_init: a killed window's job would otherwise wait forever on its call queue
        # (it holds both ends of that pipe): one lived on 23 min after a stopped CI run.
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=worker_init, initargs=(True,))
        with self._lock:
            self._pools.add(pool)
        try:
            return pool.submit(fn, *args).result()
        except BrokenProcessPool:
            with self._lock:
                if pool not in self._pools:    # ended on purpose
                    return None
            raise
        finally:
            pool.shutdown(wait=True)
            with self._lock:
                self._pools.discard(pool)

    def end(self) -> None:
        with self._lock:
            pools, self._pools = self._pools, set()
        for pool in pools:
            # ProcessPoolExecutor (before Python 3.14) cannot end a running task.
            processes = list((getattr(pool, "_processes", None) or {}).values())
            for process in processes:
                process.terminate()
            for process in processes:
                process.join(5)
            pool.shutdown(wait=False, cancel_futures=True)


_RUNNING: list = []     # threads that outlived their job's shutdown, kept until they end


class JobWorker(QObject):
    item_ready = Signal(int, object)    # job id, item
    failed = Signal(int, str)           # job id, one-line message
    finished = Signal(int)              # job id; always the last signal

    def __init__(self, job_id: int, make_items, stop: threading.Event):
        super().__init__()
        self.job_id, self.make_items, self.stop = job_id, make_items, stop

    @Slot()
    def run(self) -> None:
        try:
            for item in self.make_items(self.stop.is_set):
                if self.stop.is_set():
                    break
                self.item_ready.emit(self.job_id, item)
        except Exception as exc:  # noqa: BLE001 - shown in the pane, never fatal
            traceback.print_exc()
            text = (error_text(exc).strip().splitlines() or [type(exc).__name__])[0]
            self.failed.emit(self.job_id, text)
        finally:
            self.finished.emit(self.job_id)
            QThread.currentThread().quit()


class BackgroundJob(QObject):
    """Runs one job at a time; ``start`` stops the previous one. Items of a stopped job never
    reach ``item_ready``."""
    item_ready = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._job_id = 0
        self._thread: QThread | None = None
        self._worker: JobWorker | None = None
        self._stop = threading.Event()
        self._old: list = []

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self, make_items) -> None:
        """``make_items(stopped)`` returns an iterator; ``stopped()`` says to end early."""
        self.stop()
        self._job_id += 1
        self._stop = threading.Event()
        self._thread = QThread()
        self._worker = JobWorker(self._job_id, make_items, self._stop)
        self._worker.moveToThread(self._thread)
        self._worker.item_ready.connect(self._on_item)
        self._worker.failed.connect(self._on_failed)
        self._worker.finished.connect(self._on_finished)
        self._thread.started.connect(self._worker.run)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._old.append((self._thread, self._worker))   # kept alive until it ends
        self._thread = self._worker = None
        self._old = [(t, w) for t, w in self._old if t.isRunning()]

    def shutdown(self, msecs: int = 30000) -> None:
        """Stop and wait for every thread (closing the window, tests' teardown). One still
        running after ``msecs`` is kept until it ends: a QThread deleted while it runs aborts
        the process (a test's window closed while its overlay waited for a starved process)."""
        self.stop()
        _RUNNING[:] = [(t, w) for t, w in _RUNNING if t.isRunning()]
        _RUNNING.extend((t, w) for t, w in self._old if not t.wait(msecs))
        self._old = []

    def _on_item(self, job_id: int, item) -> None:
        if job_id == self._job_id and not self._stop.is_set():
            self.item_ready.emit(item)

    def _on_failed(self, job_id: int, text: str) -> None:
        if job_id == self._job_id:
            self.failed.emit(text)

    def _on_finished(self, job_id: int) -> None:
        if job_id == self._job_id:
            self.finished.emit()

"""The worker process of a parallel comparison (engine/parallel.py starts it, "spawn" start
method): it trains its share of the runs with one BLAS thread and sends their snapshots up a
pipe. Only the standard library at the top: the BLAS thread count must be set before NumPy
loads, and this module is what the new interpreter imports first.

Messages up the pipe: ("hello", pid, BLAS threads or None, niceness or None),
("snapshot", Snapshot) ...,
then ("done", CPU seconds of the worker) or ("error", exception)."""
from __future__ import annotations

import os
import sys
import threading
import time

BLAS_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
# the fields of the shared control array (LAYERS: the parent's request_layers() calls so far)
STOP, PAUSED, GRANTED, LAYERS = range(4)
PAUSE_POLL = 0.01                  # seconds between looks at the control while paused
# The workers run well below their parent: when the window wants a core to draw, it gets one
# at once. At +5 (Linux's scheduler weight 335 against the GUI thread's 1024) a worker kept a
# quarter of the core it shared with the window's event loop; at +15 (weight 36) it keeps 3 %.
# The window draws with ~6 % of one core (ui/run/frame_pacer.py), so the runs lose little.
NICENESS = 15
BELOW_NORMAL_PRIORITY_CLASS = 0x4000   # Windows


class WorkerControl:
    """RunControl's interface over the shared array the parent writes (stop, paused, steps
    granted so far, requests for statistics so far). The parent writes "paused" before
    "granted"; we read them the other way round, so a granted step is never missed."""

    def __init__(self, state):
        self._state = state
        self._used = 0
        self.snapshot_requested = False

    @property
    def stopped(self) -> bool:
        return bool(self._state[STOP])

    @property
    def paused(self) -> bool:
        return bool(self._state[PAUSED])

    @property
    def layer_requests(self) -> int:
        return self._state[LAYERS]

    def checkpoint(self) -> bool:
        while True:
            granted = self._state[GRANTED]
            paused = self._state[PAUSED]
            if self._state[STOP]:
                return True
            if not paused:
                self._used = granted   # steps granted and then resumed: nothing owed
                return False
            if granted > self._used:
                self._used += 1
                self.snapshot_requested = True
                return False
            time.sleep(PAUSE_POLL)


def die_with_parent() -> None:
    """No worker outlives the window or the command, even one killed without a word."""
    import multiprocessing
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch():
        parent.join()
        os._exit(3)
    threading.Thread(target=watch, name="initviz-parent-watch", daemon=True).start()


def lower_priority() -> int | None:
    """Run at a lower OS priority than the parent; our niceness afterwards (None on Windows,
    or where it cannot be lowered). Priority decides who waits, never what is computed."""
    try:
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes
            kernel = ctypes.WinDLL("kernel32")
            kernel.GetCurrentProcess.restype = wintypes.HANDLE
            kernel.SetPriorityClass.argtypes = (wintypes.HANDLE, wintypes.DWORD)
            kernel.SetPriorityClass(kernel.GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS)
            return None
        return os.nice(NICENESS)
    except (OSError, AttributeError):
        return None


def blas_threads() -> int | None:
    """The number of threads NumPy's bundled OpenBLAS uses, if it says."""
    from .blas import threads
    return threads()


def serve(state, conn) -> None:
    """The process's target: get ready, wait for the job, train it, exit at once."""
    if "numpy" not in sys.modules:
        for var in BLAS_VARS:
            os.environ[var] = "1"
    niceness = lower_priority()   # first: on Linux a thread's niceness is its own
    die_with_parent()
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl+C is the parent's to handle
    try:
        from . import runner, shared_arrays  # noqa: F401 - the start-up cost, paid while idle
        conn.send(("hello", os.getpid(), blas_threads(), niceness))
        job = conn.recv()
        if job is not None:
            main(job[0], job[1], job[2], state, conn, *job[3:])
    except (BrokenPipeError, EOFError, OSError):
        pass   # the parent has gone, or did not need us
    finally:
        # Nothing is left to tear down that the OS does not: skip the interpreter's
        # finalization (0.1-0.3 s with NumPy loaded), which the comparison's end waits for.
        conn.close()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def main(config, only, data_spec, state, conn, snapshot_seconds, dtype,
         measure_at_validation: bool = False, measure_seconds: float | None = None,
         validate_start: bool = False) -> None:
    """Train runs ``only`` of ``config`` and send their snapshots up ``conn``."""
    try:
        from .data import Dataset
        from .runner import run_experiment
        from .shared_arrays import SharedArray, attach
        data = Dataset(**{k: attach(v) if isinstance(v, SharedArray) else v
                          for k, v in data_spec.items()})
        for snapshot in run_experiment(config, WorkerControl(state), snapshot_seconds,
                                       data=data, dtype=dtype, only=only,
                                       measure_at_validation=measure_at_validation,
                                       measure_seconds=measure_seconds,
                                       validate_start=validate_start):
            conn.send(("snapshot", snapshot))
        conn.send(("done", time.process_time()))
    except (BrokenPipeError, EOFError):
        pass   # the parent has gone: nobody to tell
    except BaseException as exc:  # noqa: BLE001 - the parent shows it as it would its own
        import pickle
        import traceback
        traceback.print_exc()
        try:
            pickle.dumps(exc)
        except Exception:  # noqa: BLE001
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        try:
            conn.send(("error", exc))
        except OSError:
            pass

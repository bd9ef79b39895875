"""Worker processes for the comparisons, started before they are needed.

Starting a worker ("spawn": a new interpreter that imports NumPy and the engine) delayed the
first snapshot of a four-run MNIST comparison to 0.7-0.8 s, against 0.06-0.07 s in one process
(load about 1; 0.9-1.5 s at load 3); with the workers started beforehand it came after
0.09-0.18 s. So the window keeps a spare worker per core, started while it is idle, and
`initviz run` starts its workers while it loads the data: a comparison then begins training
at once. Each worker serves one comparison and exits (a fresh process per comparison: nothing
of one run's state can leak into the next); ``prepare`` starts the next spares.

No spare outlives its parent: they exit with it (worker_process.die_with_parent), with
``discard`` and at the interpreter's exit."""
from __future__ import annotations

import atexit
import dataclasses
import multiprocessing
import os
import threading
from contextlib import contextmanager

from . import worker_process


@dataclasses.dataclass
class Worker:
    """A started worker process: its end of the pipe and its control array."""
    process: multiprocessing.process.BaseProcess
    conn: object
    state: object

    def alive(self) -> bool:
        return self.process.is_alive()

    def ready(self, timeout: float = 0.0) -> bool:
        """It has imported the engine (its hello waits in the pipe, read by the comparison)."""
        return self.conn.poll(timeout)


MOST_SPARES = 4   # comparisons have 2 to 6 runs; an idle worker: 35 MB resident, 24 MB PSS


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def spares_wanted() -> int:
    """As many spares as a comparison would use at most (none where it would use one)."""
    n = min(available_cores(), MOST_SPARES)
    return n if n >= 2 else 0


_LOCK = threading.Lock()
_SPARES: list[Worker] = []
_NAMES = iter(range(1, 1 << 62))


@contextmanager
def _one_blas_thread():
    """A spawned interpreter inherits the environment at its start: one BLAS thread each."""
    saved = {v: os.environ.get(v) for v in worker_process.BLAS_VARS}
    os.environ.update({v: "1" for v in worker_process.BLAS_VARS})
    try:
        yield
    finally:
        for v, old in saved.items():
            if old is None:
                os.environ.pop(v, None)
            else:
                os.environ[v] = old


def start() -> Worker:
    """A new worker process, waiting for its job."""
    ctx = multiprocessing.get_context("spawn")
    state = ctx.RawArray("q", 4)
    mine, theirs = ctx.Pipe()
    with _one_blas_thread():
        process = ctx.Process(target=worker_process.serve, name=f"initviz-worker-{next(_NAMES)}",
                              daemon=True, args=(state, theirs))
        process.start()
    theirs.close()   # the worker's end: its EOF tells us the worker is gone
    return Worker(process, mine, state)


def take(n: int) -> list[Worker]:
    """``n`` workers: the spares that are still alive first, new ones for the rest."""
    with _LOCK:
        spares = [w for w in _SPARES if w.alive()]
        for w in _SPARES:
            if w not in spares:
                end(w)
        taken, _SPARES[:] = spares[:n], spares[n:]
    return taken + [start() for _ in range(n - len(taken))]


def prepare(n: int) -> None:
    """Keep ``n`` spare workers (start the missing ones; returns at once)."""
    with _LOCK:
        _SPARES[:] = [w for w in _SPARES if w.alive()]
        missing = n - len(_SPARES)
    for _ in range(max(0, missing)):
        w = start()
        with _LOCK:
            _SPARES.append(w)


def spares() -> list[Worker]:
    with _LOCK:
        return list(_SPARES)


def reap(process, conn, wait: float = 2.0) -> None:
    """Wait for a worker to exit (kill it after ``wait`` seconds) and free its pipe."""
    process.join(wait)
    if process.is_alive():
        process.kill()
        process.join()
    conn.close()
    process.close()


def end(w: Worker, wait: float = 2.0) -> None:
    """Tell a worker it is not needed and wait for it to exit."""
    try:
        w.conn.send(None)
    except OSError:
        pass
    reap(w.process, w.conn, wait)


@atexit.register
def discard() -> None:
    """End every spare (the window closes, the command ends, a test cleans up)."""
    with _LOCK:
        gone, _SPARES[:] = list(_SPARES), []
    for w in gone:
        end(w)

"""Where a sweep's cells run: local worker processes (spawn, one BLAS thread each: importing
initviz in the child sets that before NumPy loads), one process in line (``workers=0``), or a
Dask cluster (``scheduler``: an address such as tcp://10.0.0.5:8786, or a
``distributed.Client`` already made). Results come back as cells finish, in any order."""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import Iterator

from .errors import QT_TRANSLATE_NOOP, Said
from .sweep import SweepSpec, cell_config, run_cell


class SchedulerError(Said):
    """The Dask scheduler cannot be used (not installed, not reachable)."""


NO_DASK = QT_TRANSLATE_NOOP("errors", "--scheduler needs Dask: pip install 'initviz[dask]'")
NO_SCHEDULER = QT_TRANSLATE_NOOP("errors", "cannot reach the Dask scheduler at {0}: {1}")


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def pending_tasks(spec: SweepSpec, done) -> list[tuple[tuple, str]]:
    """((cell, seed), config JSON) of the runs not yet in ``done``."""
    return [(key, task_json(spec, key)) for key in spec.tasks() if key not in done]


def task_json(spec: SweepSpec, key: tuple) -> str:
    """The config JSON a worker runs for ``key`` = (cell, seed)."""
    return cell_config(spec, *key).to_json()


def lower_priority() -> None:
    """Worker processes' initializer when a window is waiting: the window's process then wins
    the cores it needs to draw (on Windows, where os.nice is missing, nothing changes)."""
    try:
        os.nice(10)
    except (AttributeError, OSError):
        pass


def lower_thread_priority() -> None:
    """On Linux, lower the priority of the calling thread only (each thread has its own
    there): the processes it spawns start at it, so their seconds of importing NumPy do not
    take the cores from the window (measured: 150-200 ms event-loop gaps at normal priority).
    Elsewhere nothing: os.nice would lower the whole process, the window with it."""
    if not sys.platform.startswith("linux"):
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + 10))
    except (AttributeError, OSError):
        pass


def worker_init(nice: bool) -> None:
    """Each pool worker's first act (the Sweep's cells, the window's OneProcess jobs): end
    with its parent however the parent ends (SIGKILL included), leave Ctrl+C to the parent,
    and with ``nice`` run below it."""
    import signal
    from .worker_process import die_with_parent
    if nice:
        lower_priority()
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def process_pool(workers: int, nice: bool = False) -> ProcessPoolExecutor:
    """Spawned worker processes for the cells (at a lower priority when ``nice``)."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(
        "spawn"), initializer=worker_init, initargs=(nice,))


def end_pool(pool: ProcessPoolExecutor) -> None:
    """Shut ``pool`` down without waiting for the cells it is running: their processes are
    ended (an interrupted sweep keeps the rows it has, not the ones half computed)."""
    # The pool's processes (private, until Python 3.14's terminate_workers), taken before
    # shutdown forgets them.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        if p.is_alive():
            p.terminate()
    for p in processes:
        p.join(5)
        if p.is_alive():
            p.kill()
            p.join()
    pool.shutdown(wait=True)


def _ready() -> int:
    from . import runner, data  # noqa: F401  (imported ahead of the first cell)
    return os.getpid()


def start_workers(pool: ProcessPoolExecutor, workers: int) -> int:
    """Start ``pool``'s processes now (a pool starts them on demand) with the engine imported;
    returns how many answered. Spawning holds this process's GIL for a few ms each: done from
    a background thread ahead of a sweep, the window's click on Run sweep spawns nothing."""
    return len({f.result() for f in [pool.submit(_ready) for _ in range(workers)]})


class WorkerPool:
    """Worker processes kept from one sweep to the next and started ahead of the first, from a
    background thread (the window's: its click on Run sweep then spawns nothing)."""

    def __init__(self, nice: bool = True):
        self.nice = nice
        self._pool: ProcessPoolExecutor | None = None
        self._workers = 0
        self._lock = threading.Lock()
        self._warming: threading.Thread | None = None

    def get(self, workers: int) -> ProcessPoolExecutor | None:
        """The pool of ``workers`` processes (None for 0: the cells run in line)."""
        if workers <= 0:
            return None
        with self._lock:
            if self._pool is None or self._workers != workers:
                self._drop(wait=False)
                self._pool, self._workers = process_pool(workers, self.nice), workers
            return self._pool

    def warm(self, workers: int) -> None:
        """Start ``workers`` processes now, in a background thread."""
        if workers <= 0 or (self._pool is not None and self._workers == workers):
            return
        pool = self.get(workers)
        self._warming = threading.Thread(target=_start_quietly, args=(pool, workers),
                                         name="initviz-sweep-workers", daemon=True)
        self._warming.start()

    @property
    def ready(self) -> bool:
        """Whether the processes asked for by ``warm`` have started (or none were)."""
        return self._warming is None or not self._warming.is_alive()

    def drop(self) -> None:
        """Forget the pool (a worker died): the next sweep starts new processes."""
        with self._lock:
            self._drop(wait=False)

    def shutdown(self) -> None:
        if self._warming is not None:
            self._warming.join(30)
        with self._lock:
            self._drop(wait=True)

    def _drop(self, wait: bool) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
        self._pool, self._workers = None, 0


def _start_quietly(pool, workers: int) -> None:
    lower_thread_priority()
    try:
        start_workers(pool, workers)
    except Exception:  # noqa: BLE001 - a pool that cannot start fails the sweep, with its line
        pass


def run_sweep(spec: SweepSpec, done=(), workers: int | None = None, scheduler=None,
              stop=None, nice: bool = False, pool=None) -> Iterator[tuple[tuple, dict]]:
    """Yield ((cell, seed), row) for every run of ``spec`` not in ``done``, as each finishes.
    ``stop()`` returning true ends the sweep early (the rows already yielded stay valid);
    ``nice``: local worker processes run at a lower priority; ``pool``: a process_pool of
    ``workers`` to run them in, kept for the next sweep (its caller shuts it down)."""
    done = set(done)
    keys = [key for key in spec.tasks() if key not in done]
    if not keys:
        return
    if scheduler is not None:
        yield from _on_dask([(key, task_json(spec, key)) for key in keys], scheduler, stop)
        return
    workers = default_workers() if workers is None else workers
    if workers <= 0:
        for key in keys:
            if stop is not None and stop():
                return
            yield key, run_cell(task_json(spec, key))
        return
    own = pool is None
    if own:
        pool = process_pool(min(workers, len(keys)), nice)
    if nice:   # a pool spawns its processes on demand, from this thread
        lower_thread_priority()
    yield from _in_processes(spec, keys, workers, stop, pool, own)


def _in_processes(spec, keys, workers: int, stop, pool, own) -> Iterator[tuple[tuple, dict]]:
    # Keep at most two cells per worker queued, so a stop cancels the rest at once. Each
    # cell's config is made as it is queued: made all at once (100 cells: 20-30 ms of Python)
    # the thread held the GIL the window needed just after the click on Run sweep.
    queue = list(reversed(keys))
    running: dict = {}
    ended = False
    try:
        while queue or running:
            while queue and len(running) < 2 * workers:
                key = queue.pop()
                running[pool.submit(run_cell, task_json(spec, key))] = key
            finished, _ = wait(list(running), timeout=0.2, return_when=FIRST_COMPLETED)
            for fut in finished:
                key = running.pop(fut)
                yield key, fut.result()
            if stop is not None and stop():
                ended = True
                return
        ended = True
    finally:
        for fut in running:
            fut.cancel()
        if own and ended:
            pool.shutdown(wait=True, cancel_futures=True)
        elif own:         # interrupted, or an error: the running cells are not waited for
            end_pool(pool)


def _on_dask(tasks, scheduler, stop) -> Iterator[tuple[tuple, dict]]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise SchedulerError(NO_DASK) from None
    own = not hasattr(scheduler, "submit")
    try:
        client = Client(scheduler, timeout="10s") if own else scheduler
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerError(NO_SCHEDULER, scheduler, str(exc).splitlines()[0]) from None
    try:
        futures = {client.submit(run_cell, cfg, pure=False): key for key, cfg in tasks}
        for fut in as_completed(futures):
            yield futures[fut], fut.result()
            if stop is not None and stop():
                client.cancel(list(futures))
                return
    finally:
        if own:
            client.close()

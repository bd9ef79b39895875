"""Where a sweep's cells run: local worker processes (spawn, one BLAS thread each: importing
initviz in the child sets that before NumPy loads), one process in line (``workers=0``), or a
Dask cluster (``scheduler``: an address such as tcp://10.0.0.5:8786, or a
``distributed.Client`` already made). Results come back as cells finish, in any order."""
from __future__ import annotations

import multiprocessing
import os
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
    return [((cell, seed), cell_config(spec, cell, seed).to_json())
            for cell, seed in spec.tasks() if (cell, seed) not in done]


def lower_priority() -> None:
    """Worker processes' initializer when a window is waiting: the window's process then wins
    the cores it needs to draw (on Windows, where os.nice is missing, nothing changes)."""
    try:
        os.nice(10)
    except (AttributeError, OSError):
        pass


def run_sweep(spec: SweepSpec, done=(), workers: int | None = None, scheduler=None,
              stop=None, nice: bool = False) -> Iterator[tuple[tuple, dict]]:
    """Yield ((cell, seed), row) for every run of ``spec`` not in ``done``, as each finishes.
    ``stop()`` returning true ends the sweep early (the rows already yielded stay valid);
    ``nice``: local worker processes run at a lower priority."""
    tasks = pending_tasks(spec, set(done))
    if not tasks:
        return
    if scheduler is not None:
        yield from _on_dask(tasks, scheduler, stop)
        return
    workers = default_workers() if workers is None else workers
    if workers <= 0:
        for key, cfg in tasks:
            if stop is not None and stop():
                return
            yield key, run_cell(cfg)
        return
    yield from _in_processes(tasks, workers, stop, nice)


def _in_processes(tasks, workers: int, stop, nice) -> Iterator[tuple[tuple, dict]]:
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=ctx,
                               initializer=lower_priority if nice else None)
    # Keep at most two cells per worker queued, so a stop cancels the rest at once.
    queue = list(reversed(tasks))
    running: dict = {}
    try:
        while queue or running:
            while queue and len(running) < 2 * workers:
                key, cfg = queue.pop()
                running[pool.submit(run_cell, cfg)] = key
            finished, _ = wait(list(running), timeout=0.2, return_when=FIRST_COMPLETED)
            for fut in finished:
                key = running.pop(fut)
                yield key, fut.result()
            if stop is not None and stop():
                return
    finally:
        for fut in running:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


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

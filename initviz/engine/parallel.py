"""The runs of a comparison on every core: worker processes ("spawn", as on Windows and
macOS), each training its share of the runs with one BLAS thread, their snapshots merged into
one stream, in the order they arrive (each run's own in its order).

Every number of a run depends only on its config, the seed and the data, never on which
process trains it, so a parallel comparison gives the same results, bit for bit, as the same
comparison in one process. The data are shared (engine/shared_arrays.py), not copied; the
control (stop, pause, single step) reaches every worker between two of its steps; a worker
that dies marks its unfinished runs as failed and the others go on; no worker outlives the
comparison (they end with it, or when its consumer lets go of the generator, or with their
parent's process)."""
from __future__ import annotations

import dataclasses
import multiprocessing
import sys
from multiprocessing.connection import wait
from typing import Iterator

import numpy as np

from . import worker_pool, worker_process
from .control import RunControl
from .data import Dataset, load_dataset
from .errors import QT_TRANSLATE_NOOP
from .runner import run_experiment
from .shared_arrays import release, share
from .snapshot import Snapshot
from .worker_pool import available_cores

# Starting two workers (spawn, import NumPy and the engine, attach the data) costs 0.15 s of
# CPU each and 0.8-1.0 s (measured on a busy machine) before their first snapshot, where one
# process starts at once; one process does about 5e10 multiply-adds of run_work per second
# (the four-run 858-batch MNIST comparison: 3.1e11 in 6.5 s of CPU). Below 4e10, about
# 0.8 s in one process, the workers would save less than they cost to start
# (benchmarks/bench_parallel.py start). Probes of small nets and 2-D networks stay here.
MIN_PARALLEL_WORK = 4e10
DEAD_WORKER = QT_TRANSLATE_NOOP(
    "errors", "its worker process ended unexpectedly (killed, or out of memory?)")
_TERMINATE_WAIT = 2.0   # seconds a terminated worker gets before it is killed


def run_work(config) -> float:
    """About how many multiply-adds a comparison costs (what decides whether to spread it)."""
    d = config.data
    features = {"mnist": 784, "flower": 2}.get(d.name, d.features)
    samples = 8000 if d.name == "mnist" else d.samples
    total = 0.0
    for i in range(len(config.runs)):
        net, train = config.run_network(i), config.run_train(i)
        widths = (features,) + tuple(net.widths) + (10,)
        pieces = net.maxout_pieces if net.activation == "maxout" else 1
        weights = sum(a * b for a, b in zip(widths, widths[1:])) * pieces
        batch = min(train.batch_size or samples, samples)
        total += weights * 3 * (batch * train.steps + d.probe_samples)
    return total


def plan_workers(config, workers: int | None = None) -> int:
    """How many worker processes: 0 means train in this process. ``workers`` is the most
    the caller allows (None: one per core)."""
    most = available_cores() if workers is None else workers
    n = min(len(config.runs), most)
    if n < 2 or (workers is None and run_work(config) < MIN_PARALLEL_WORK):
        return 0
    return n


def cores_left(config) -> int | None:
    """How many cores stay free while ``config`` trains in worker processes (None: it trains
    in this process, or the engine will refuse it). At 0, whatever else this process does
    (drawing, reading snapshots) is time the training loses."""
    try:
        workers = plan_workers(config)
    except Exception:  # noqa: BLE001 - it fails when it runs, with its own message
        return None
    return max(0, available_cores() - workers) if workers else None


def run_comparison(config, control: RunControl | None = None, snapshot_seconds: float = 1 / 30,
                   data: Dataset | None = None, dtype=np.float32, workers: int | None = None,
                   measure_at_validation: bool = False,
                   measure_seconds: float | None = None,
                   validate_start: bool = False) -> Iterator[Snapshot]:
    """``run_experiment``'s stream, from worker processes when that is faster."""
    n = plan_workers(config, workers)
    if n:
        return ParallelRun(config, n, control, snapshot_seconds, data, dtype,
                           measure_at_validation, measure_seconds, validate_start).snapshots()
    return run_experiment(config, control, snapshot_seconds, data=data, dtype=dtype,
                          measure_at_validation=measure_at_validation,
                          measure_seconds=measure_seconds, validate_start=validate_start)


@dataclasses.dataclass
class _Worker:
    runs: tuple
    process: multiprocessing.process.BaseProcess
    conn: object
    done: bool = False
    pid: int | None = None
    blas_threads: int | None = None
    niceness: int | None = None        # its OS niceness (POSIX), below its parent's
    cpu_seconds: float | None = None   # its whole life, start-up included (benchmarks)


class ParallelRun:
    """One comparison spread over ``n`` worker processes, run index i in process i mod n."""

    def __init__(self, config, n: int, control: RunControl | None = None,
                 snapshot_seconds: float = 1 / 30, data: Dataset | None = None,
                 dtype=np.float32, measure_at_validation: bool = False,
                 measure_seconds: float | None = None, validate_start: bool = False):
        self.config, self.n = config, n
        self.measure_at_validation, self.measure_seconds = measure_at_validation, measure_seconds
        self.validate_start = validate_start
        self.control = control or RunControl()
        self.snapshot_seconds, self.data, self.dtype = snapshot_seconds, data, dtype
        self.workers: list[_Worker] = []
        self._last: dict[int, Snapshot] = {}
        self._finished: set[int] = set()

    # -- the stream ------------------------------------------------------------------------
    def snapshots(self) -> Iterator[Snapshot]:
        control = self.control
        data = self.data or load_dataset(self.config.data, self.config.seed,
                                         self.config.network.output)
        owned: list = []
        try:
            spec = {f.name: share(v, owned) if isinstance(v, np.ndarray) else v
                    for f in dataclasses.fields(Dataset) for v in (getattr(data, f.name),)}
        except OSError:   # no shared memory to be had: one process
            release(owned)
            yield from run_experiment(self.config, control, self.snapshot_seconds, data=data,
                                      dtype=self.dtype,
                                      measure_at_validation=self.measure_at_validation,
                                      measure_seconds=self.measure_seconds,
                                      validate_start=self.validate_start)
            return
        base = control.steps_granted - control.pending_steps
        pool = worker_pool.take(self.n)   # spares first: they have started already
        states = [w.state for w in pool]
        for k, w in enumerate(pool):
            self.workers.append(_Worker(tuple(range(k, len(self.config.runs), self.n)),
                                        w.process, w.conn, pid=w.process.pid))

        def mirror(c: RunControl) -> None:
            for state in states:
                state[worker_process.PAUSED] = int(c.paused)
                state[worker_process.GRANTED] = c.steps_granted - base
                state[worker_process.STOP] = int(c.stopped)
                state[worker_process.LAYERS] = c.layer_requests
        control.watch(mirror)
        finished = False
        try:
            for w in self.workers:
                w.conn.send((self.config, w.runs, spec, self.snapshot_seconds, self.dtype,
                             self.measure_at_validation, self.measure_seconds,
                             self.validate_start))
            yield from self._merge()
            finished = True
        finally:
            control.unwatch(mirror)
            self._end_workers(gently=finished)
            release(owned)

    def _merge(self) -> Iterator[Snapshot]:
        live = {w.conn: w for w in self.workers}
        live.update({w.process.sentinel: w for w in self.workers})
        while live:
            for ready in wait(list(live)):
                w = live.get(ready)
                if w is None:
                    continue
                # Everything the worker sent before it ended comes first.
                while not w.done and w.conn in live and w.conn.poll():
                    try:
                        message = w.conn.recv()
                    except (EOFError, OSError):
                        live.pop(w.conn, None)
                        break
                    yield from self._handle(w, message)
                if ready == w.process.sentinel or w.done or w.conn not in live:
                    live.pop(w.conn, None)
                    live.pop(w.process.sentinel, None)
                    if not w.done:
                        yield from self._failed(w)
                        w.done = True

    def _handle(self, w: _Worker, message) -> Iterator[Snapshot]:
        kind = message[0]
        if kind == "snapshot":
            snap = _read_only(message[1])
            self._last[snap.run_index] = snap
            if snap.finished:
                self._finished.add(snap.run_index)
            yield snap
        elif kind == "hello":
            w.pid, w.blas_threads, w.niceness = message[1:4]
        elif kind == "done":
            w.done, w.cpu_seconds = True, message[1]
        elif kind == "error":
            w.done = True
            raise message[1]

    def _failed(self, w: _Worker) -> Iterator[Snapshot]:
        w.process.join(_TERMINATE_WAIT)
        print(f"initviz: worker process {w.pid} of runs {[i + 1 for i in w.runs]} ended with "
              f"exit code {w.process.exitcode}", file=sys.stderr)
        for i in w.runs:
            if i in self._finished:
                continue
            last = self._last.get(i)
            if last is None:
                last = _empty_snapshot(self.config, i)
            self._finished.add(i)
            yield dataclasses.replace(
                last, stage="failed", layers=None, message=DEAD_WORKER,
                steps=_empty(np.int64), losses=_empty(np.float64),
                val_steps=_empty(np.int64), val_losses=_empty(np.float64),
                val_accuracies=_empty(np.float64), pretrain=(), unit_steps=None,
                unit_values=None)     # all these were sent with ``last``

    def _end_workers(self, gently: bool) -> None:
        """After a normal end the workers have exited; after an error or when the consumer
        let go of the stream, nobody wants their last snapshots: end them now."""
        started = [w for w in self.workers if w.process.pid is not None]
        for w in started:
            if not gently and w.process.is_alive():
                w.process.terminate()
        for w in started:
            worker_pool.reap(w.process, w.conn, _TERMINATE_WAIT)


def _empty(dtype) -> np.ndarray:
    a = np.empty(0, dtype)
    a.setflags(write=False)
    return a


def _empty_snapshot(config, i: int) -> Snapshot:
    spec = config.runs[i]
    return Snapshot(run_index=i, run_count=len(config.runs), label=spec.label or f"run {i + 1}",
                    stage="init", step=0, total_steps=config.run_train(i).steps, layers=None,
                    steps=_empty(np.int64),
                    losses=_empty(np.float64), val_steps=_empty(np.int64),
                    val_losses=_empty(np.float64), val_accuracies=_empty(np.float64))


def _freeze(obj):
    for f in dataclasses.fields(obj):
        v = getattr(obj, f.name)
        if isinstance(v, np.ndarray):
            v.setflags(write=False)
        elif dataclasses.is_dataclass(v):
            _freeze(v)
        elif isinstance(v, tuple):
            for item in v:
                if dataclasses.is_dataclass(item):
                    _freeze(item)


def _read_only(snap: Snapshot) -> Snapshot:
    """Unpickled arrays are writable again; snapshots promise read-only ones."""
    _freeze(snap)
    return snap


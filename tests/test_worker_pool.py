"""Spare worker processes (engine/worker_pool.py): started before their comparison, they give
its numbers bit for bit, serve one comparison each, and none outlives ``discard``."""
import os
import signal
import sys

import pytest

from initviz.engine import worker_pool
from initviz.engine.parallel import ParallelRun
from initviz.engine.runner import run_experiment
from processes import alive, workers
from test_parallel import assert_same_snapshot, comparison, per_run

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytest.fixture(autouse=True)
def no_spares_left():
    yield
    worker_pool.discard()


def test_a_comparison_takes_the_spares_and_gives_the_numbers_of_one_process():
    worker_pool.prepare(2)
    spares = worker_pool.spares()
    assert len(spares) == 2 and all(w.ready(30) for w in spares)   # the engine imported
    pids = sorted(w.process.pid for w in spares)
    config = comparison()
    run = ParallelRun(config, 2, snapshot_seconds=1e9)
    many = per_run(run.snapshots())
    assert sorted(w.pid for w in run.workers) == pids
    assert worker_pool.spares() == []          # each serves one comparison
    one = per_run(run_experiment(config, snapshot_seconds=1e9))
    for i in range(4):
        assert [s.stage for s in many[i]] == [s.stage for s in one[i]]
        for a, b in zip(one[i], many[i]):
            assert_same_snapshot(a, b)


def test_prepare_keeps_the_number_asked_for():
    worker_pool.prepare(2)
    first = {w.process.pid for w in worker_pool.spares()}
    worker_pool.prepare(2)                     # enough already: none started
    assert {w.process.pid for w in worker_pool.spares()} == first
    worker_pool.prepare(3)
    assert len(worker_pool.spares()) == 3 and first < {w.process.pid for w in worker_pool.spares()}


@linux_only
def test_a_spare_that_died_is_replaced_and_the_comparison_goes_on():
    worker_pool.prepare(2)
    dead, kept = worker_pool.spares()
    dead_pid, kept_pid = dead.process.pid, kept.process.pid
    os.kill(dead_pid, signal.SIGKILL)
    dead.process.join(10)
    run = ParallelRun(comparison(steps=20), 2, snapshot_seconds=0.0)
    snaps = list(run.snapshots())
    assert {s.run_index for s in snaps if s.stage == "done"} == {0, 1, 2, 3}
    pids = {w.pid for w in run.workers}
    assert kept_pid in pids and dead_pid not in pids


@linux_only
def test_discard_ends_every_spare():
    before = workers()
    worker_pool.prepare(2)
    # ready: past exec (a child just forked still shows its parent's command line, and the
    # fresh-clone CI of 4983083 missed one that way)
    assert all(w.ready(30) for w in worker_pool.spares())
    pids = {w.process.pid for w in worker_pool.spares()}
    assert pids <= workers() - before
    worker_pool.discard()
    assert not workers() - before and not any(alive(pid) for pid in pids)

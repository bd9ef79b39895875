"""Comparisons in worker processes ("spawn", as on Windows and macOS): the same numbers as in
one process, bit for bit; control of every worker; a dead worker; no leftover processes."""
import dataclasses
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from initviz.engine import worker_process
from initviz.engine.config import (DataConfig, ExperimentConfig, InitConfig, NetworkConfig,
                                   RunSpec, TrainConfig)
from initviz.engine.control import RunControl
from initviz.engine.parallel import DEAD_WORKER, ParallelRun, plan_workers, run_comparison
from initviz.engine.runner import run_experiment
from processes import alive, workers

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
TIMING = ("samples_per_second", "elapsed")   # how fast, not what


def comparison(steps=40, data=None, runs=None, **train):
    return ExperimentConfig(
        data=data or DataConfig(name="normal", samples=256, features=12, classes=3,
                                probe_samples=64),
        network=NetworkConfig(depth=3, width=16, activation="tanh"),
        train=TrainConfig(steps=steps, batch_size=32, eval_every=10, **train),
        runs=runs or (RunSpec("xavier", InitConfig("xavier_normal")),
                      RunSpec("big", InitConfig("normal", std=1.0)),
                      RunSpec("lsuv", InitConfig("lsuv")),
                      RunSpec("bn", InitConfig("normal", std=0.01), network={"batch_norm": True})),
        seed=11)


def per_run(snaps):
    out = {}
    for s in snaps:
        out.setdefault(s.run_index, []).append(s)
    return out


def assert_same_snapshot(a, b):
    for f in dataclasses.fields(a):
        if f.name in TIMING:
            continue
        x, y = getattr(a, f.name), getattr(b, f.name)
        assert_same(x, y, f"run {a.run_index} {a.stage} {f.name}")


def assert_same(x, y, where):
    """Equal, bit for bit: arrays of the same dtype and values (NaN where NaN), dataclasses
    (layer statistics, histograms) field by field."""
    if isinstance(x, np.ndarray):
        assert x.dtype == y.dtype and np.array_equal(x, y, equal_nan=True), where
    elif dataclasses.is_dataclass(x):
        assert type(x) is type(y), where
        for g in dataclasses.fields(x):
            assert_same(getattr(x, g.name), getattr(y, g.name), f"{where}.{g.name}")
    elif isinstance(x, tuple) and x and dataclasses.is_dataclass(x[0]):
        assert len(x) == len(y), where
        for k, (u, v) in enumerate(zip(x, y)):
            assert_same(u, v, f"{where}[{k}]")
    elif isinstance(x, float) and np.isnan(x):
        assert isinstance(y, float) and np.isnan(y), where
    else:
        assert x == y, where


@pytest.mark.parametrize("data", [None, DataConfig(name="mnist", source="bundled",
                                                   probe_samples=200)],
                         ids=["normal", "mnist"])
def test_parallel_comparison_equals_one_process_bit_for_bit(data):
    # No snapshot between the start and the end (a gap of 1e9 s): both streams are then
    # exactly the state at initialization and the end of every run.
    config = comparison(data=data).replace(track_units=True)   # the unit lines' points too
    one = per_run(run_experiment(config, snapshot_seconds=1e9))
    run = ParallelRun(config, 2, snapshot_seconds=1e9)
    many = per_run(run.snapshots())
    assert sorted(many) == [0, 1, 2, 3]
    for i in range(4):
        assert [s.stage for s in many[i]] == [s.stage for s in one[i]]
        assert sum(s.unit_steps.size for s in many[i]) == 41      # steps 0 to 40
        for a, b in zip(one[i], many[i]):
            assert_same_snapshot(a, b)
    assert {w.runs for w in run.workers} == {(0, 2), (1, 3)}
    if hasattr(os, "getpriority"):   # the workers ran below this process, same numbers
        mine = os.getpriority(os.PRIO_PROCESS, 0)
        assert all(w.niceness == min(19, mine + worker_process.NICENESS) for w in run.workers)


def test_runs_in_different_processes_still_share_the_data_order():
    # Same init in two processes: nothing but the init tells runs apart, so equal losses.
    same = comparison(runs=(RunSpec("a", InitConfig("xavier_normal")),
                            RunSpec("b", InitConfig("xavier_normal"))))
    snaps = per_run(ParallelRun(same, 2, snapshot_seconds=0.0).snapshots())
    la, lb = (np.concatenate([s.losses for s in snaps[i]]) for i in (0, 1))
    assert len(la) == 40 and np.array_equal(la, lb)


def test_workers_are_spawned_with_one_blas_thread_and_send_read_only_snapshots():
    run = ParallelRun(comparison(steps=5), 2, snapshot_seconds=0.0)
    snaps = list(run.snapshots())
    for w in run.workers:
        assert w.pid is not None and w.pid != os.getpid()
        assert w.blas_threads in (1, None)   # None: a BLAS that does not say
    assert all(type(w.process) is multiprocessing.get_context("spawn").Process
               for w in run.workers)
    s = next(s for s in snaps if s.layers)
    with pytest.raises(ValueError):
        s.losses[0] = 0
    for a in (s.layers[0].activation_hist.counts, s.layers[0].gradient_hist.edges,
              s.layers[0].weight_hist.log_positive):
        with pytest.raises(ValueError):
            a[0] = 0


def test_small_jobs_stay_in_process_and_big_ones_spread():
    assert plan_workers(comparison()) == 0            # a few ms of work
    assert plan_workers(comparison(), workers=2) == 2  # asked for
    big = comparison(steps=858, data=DataConfig(name="mnist")).replace(
        network=NetworkConfig(hidden=(256, 128), activation="relu"))
    assert plan_workers(big, workers=1) == 0
    assert plan_workers(big, workers=3) == 3
    assert plan_workers(big.replace(runs=big.runs[:1]), workers=4) == 0   # one run


def test_cores_left_while_a_comparison_trains(monkeypatch):
    from initviz.engine import parallel
    big = comparison(steps=858, data=DataConfig(name="mnist")).replace(
        network=NetworkConfig(hidden=(256, 128), activation="relu"))
    for cores, left in ((2, 0), (4, 0), (8, 4), (1, None)):
        monkeypatch.setattr(parallel, "available_cores", lambda: cores)
        assert parallel.cores_left(big) == left, cores
    monkeypatch.setattr(parallel, "available_cores", lambda: 8)
    assert parallel.cores_left(big.replace(runs=big.runs[:2])) == 6
    assert parallel.cores_left(comparison()) is None       # small: in this process
    monkeypatch.setattr(parallel, "plan_workers", lambda config: 1 / 0)
    assert parallel.cores_left(big) is None     # a config the engine refuses when it runs


@linux_only
@pytest.mark.parametrize("how", ["to the end", "stopped", "let go"])
def test_no_worker_outlives_the_comparison(how):
    before = workers()
    control = RunControl()
    run = ParallelRun(comparison(steps=100000), 2, control, snapshot_seconds=0.0)
    stream = run.snapshots()
    if how == "to the end":
        run = ParallelRun(comparison(steps=20), 2, snapshot_seconds=0.0)
        stream = run.snapshots()
        list(stream)
    else:
        for s in stream:
            if s.stage == "train":
                break
        assert workers() - before   # the workers are there while it runs
        if how == "stopped":
            control.stop()
            rest = list(stream)
            assert {s.run_index for s in rest if s.stage == "stopped"} == {0, 1, 2, 3}
        else:
            stream.close()
    assert not workers() - before
    for w in run.workers:
        with pytest.raises(ProcessLookupError):
            os.kill(w.pid, 0)


def test_a_killed_worker_fails_its_runs_and_the_others_go_on():
    config = comparison(steps=3000, runs=(RunSpec("a", InitConfig("xavier_normal")),
                                          RunSpec("b", InitConfig("xavier_normal"))))
    control = RunControl()
    control.pause()
    run = ParallelRun(config, 2, control, snapshot_seconds=0.0)
    last, killed = {}, False
    for s in run.snapshots():
        last[s.run_index] = s
        if not killed and len(last) == 2:   # both at initialization, both paused
            victim = next(w for w in run.workers if w.runs == (1,))
            os.kill(victim.pid, signal.SIGKILL)
            killed = True
            control.resume()
    assert last[1].stage == "failed" and last[1].finished
    assert last[1].message == DEAD_WORKER
    assert last[0].stage == "done" and last[0].step == 3000


def test_stop_pause_and_single_step_reach_every_worker_within_one_step():
    control = RunControl()
    control.pause()
    run = ParallelRun(comparison(steps=1000), 2, control, snapshot_seconds=1e9)
    stream = run.snapshots()
    seen = {}
    granted = 0
    for s in stream:
        assert s.step <= granted   # paused: never a step more than granted
        seen[s.run_index] = s.step
        if len(seen) == 4 and set(seen.values()) == {granted}:
            if granted == 3:
                break
            granted += 1
            control.step_once()   # every worker takes exactly one step, with a snapshot
    control.resume()
    time.sleep(0.05)   # not a timing assertion: let the workers run a few steps, or none
    control.stop()
    rest = per_run(stream)
    for i in range(4):
        final = rest[i][-1]
        assert final.stage == "stopped" and 3 <= final.step < 1000
        assert final.layers is not None


def test_run_comparison_with_workers_one_is_the_plain_runner():
    config = comparison(steps=10)
    a = [s.losses for s in run_comparison(config, workers=1, snapshot_seconds=1e9)]
    b = [s.losses for s in run_experiment(config, snapshot_seconds=1e9)]
    assert all(np.array_equal(x, y) for x, y in zip(a, b)) and len(a) == len(b)


def cli(*args, **kw):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, PYTHONPATH=root, LANGUAGE="", LC_ALL="", LANG="C.UTF-8")
    return subprocess.Popen([sys.executable, "-m", "initviz", *args], env=env, cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def test_initviz_run_workers_gives_the_one_process_result(tmp_path):
    path = tmp_path / "cfg.json"
    path.write_text(comparison(steps=30).to_json())
    docs = []
    for n in ("1", "2"):
        out = tmp_path / f"r{n}.json"
        p = cli("run", str(path), "--workers", n, "--json", str(out), "--quiet")
        assert p.wait(300) == 0, p.stderr.read()
        doc = json.loads(out.read_text())
        for r in doc["runs"]:
            r["final"].pop("seconds")
        docs.append(doc)
    assert docs[0] == docs[1]


def test_initviz_run_workers_must_be_positive():
    p = cli("run", "act-relu-compare", "--workers", "0")
    assert p.wait(300) == 2 and "--workers" in p.stderr.read()


@linux_only
def test_no_worker_outlives_a_killed_command(tmp_path):
    path = tmp_path / "cfg.json"
    path.write_text(comparison(steps=1_000_000).to_json())
    p = cli("run", str(path), "--workers", "2", "--quiet")
    up = set()
    for _ in range(3000):   # until both workers are up (their parent is the command)
        up = workers(p.pid)
        if len(up) == 2 or p.poll() is not None:
            break
        time.sleep(0.01)
    assert len(up) == 2
    p.kill()   # SIGKILL: no cleanup code runs in the command
    p.wait()
    for _ in range(3000):   # they notice their parent has gone and end
        if not any(alive(w) for w in up):
            break
        time.sleep(0.01)
    assert not any(alive(w) for w in up)



def test_mnist_lies_in_shared_memory_and_workers_get_it_without_a_copy():
    from initviz.engine.mnist import load_mnist
    from initviz.engine.shared_arrays import attach, release, share
    m = load_mnist("bundled")
    owned = []
    where = share(m.x_val[:100], owned)   # a view of the loaded pixels: named, not copied
    assert owned == [] and where.offset == 0 and where.shape == (100, 784)
    seen = attach(where)
    assert np.array_equal(seen, m.x_val[:100]) and not seen.flags.writeable
    other = np.arange(12.0).reshape(3, 4)  # ordinary memory: copied into a block of ours
    copy = attach(share(other, owned))
    assert len(owned) == 1 and np.array_equal(copy, other)
    del copy
    release(owned)
    assert owned == []

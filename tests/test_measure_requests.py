"""Per-layer statistics on request: a run measures them unasked only every
``measure_seconds``, once more after each ``request_layers()`` (the window asks after each frame
of a pane that shows them), and always at the start and the end. The numbers trained never
depend on when the statistics were measured."""
import math

import numpy as np
import pytest

from initviz.engine.config import (DataConfig, ExperimentConfig, InitConfig, NetworkConfig,
                                   RunSpec, TrainConfig)
from initviz.engine.control import RunControl
from initviz.engine.parallel import ParallelRun
from initviz.engine.runner import run_experiment

MOST = 100000   # a run's steps to wait for a requested measurement before giving up


def config(steps):
    return ExperimentConfig(
        data=DataConfig(name="normal", samples=256, features=12, classes=3, probe_samples=64),
        network=NetworkConfig(depth=3, width=16, activation="tanh"),
        train=TrainConfig(steps=steps, batch_size=32, eval_every=10),
        runs=(RunSpec("xavier", InitConfig("xavier_normal")),
              RunSpec("big", InitConfig("normal", std=1.0))),
        seed=3)


def losses(snaps, run):
    return np.concatenate([s.losses for s in snaps if s.run_index == run])


def test_unasked_the_statistics_come_only_at_the_start_and_the_end_and_change_no_number():
    never = list(run_experiment(config(300), snapshot_seconds=0.0, measure_seconds=math.inf))
    full = [(s.run_index, s.stage) for s in never if s.layers is not None]
    assert sorted(full) == [(0, "done"), (0, "init"), (1, "done"), (1, "init")]
    assert sum(s.stage == "train" for s in never) > 100      # light snapshots all along
    often = list(run_experiment(config(300), snapshot_seconds=0.0))
    assert any(s.layers is not None and s.stage == "train" for s in often)
    for run in (0, 1):
        assert np.array_equal(losses(never, run), losses(often, run))
        assert [s.layers for s in never if s.stage == "done" and s.run_index == run] == \
            [s.layers for s in often if s.stage == "done" and s.run_index == run]


def served(stream, control):
    """Ask once; the training snapshots up to and including the measured ones (one per run)."""
    control.request_layers()
    seen, measured, steps = [], set(), [0, 0]
    while measured != {0, 1}:
        s = next(stream)
        seen.append(s)
        steps[s.run_index] += 1
        if s.layers is not None:
            measured.add(s.run_index)
        elif steps[s.run_index] >= MOST:
            pytest.fail(f"run {s.run_index}: no statistics {MOST} of its steps after the "
                        "request")
    return seen


def asked(stream, control):
    first, started = [], set()
    while started != {0, 1}:                             # the start's: always measured
        first.append(next(stream))
        if first[-1].stage == "init":
            assert first[-1].layers is not None
            started.add(first[-1].run_index)
    first += [next(stream) for _ in range(20)]
    assert all(s.layers is None for s in first if s.stage == "train")   # nobody asked yet
    for _ in range(2):
        got = served(stream, control)
        assert [s.stage for s in got if s.layers is not None] == ["train", "train"]
        after = [next(stream) for _ in range(40)]        # one request, one measurement
        assert all(s.layers is None for s in after)
    control.stop()
    rest = list(stream)
    assert {s.run_index for s in rest if s.stage == "stopped" and s.layers is not None} == \
        {0, 1}                                            # the end is always measured


def test_each_request_brings_one_measurement_of_every_run():
    control = RunControl()
    asked(run_experiment(config(10 ** 6), control, snapshot_seconds=0.0,
                         measure_seconds=math.inf), control)


def test_requests_reach_the_worker_processes():
    control = RunControl()
    run = ParallelRun(config(10 ** 6), 2, control, snapshot_seconds=0.0,
                      measure_seconds=math.inf)
    stream = run.snapshots()
    try:
        asked(stream, control)
    finally:
        stream.close()

"""The Boundary tab's unit lines (track_units) have a point at every stride-th training step,
whatever the snapshot rate: symmetry-zeros' lines were drawn from the two or three full
snapshots a run happened to send (straight segments with a kink that moved with the rate)."""
from __future__ import annotations

import numpy as np

from initviz.engine.presets import get
from initviz.engine.runner import run_experiment
from initviz.engine.unit_trace import LINE_POINTS, UnitTrace


def _lines(cfg, **kw):
    """Per run: (steps, values (points, units)) joined over its snapshots, and the weights
    (units, inputs) of its full snapshots by step."""
    steps, values, full = {}, {}, {}
    for s in run_experiment(cfg, **kw):
        if s.unit_steps is not None:
            steps.setdefault(s.run_index, []).append(s.unit_steps)
            values.setdefault(s.run_index, []).append(s.unit_values)
        if s.unit_weights is not None:
            full.setdefault(s.run_index, {})[s.step] = s.unit_weights
    return ({i: (np.concatenate(steps[i]), np.concatenate(values[i])) for i in steps}, full)


def test_symmetry_zeros_unit_lines_have_a_point_every_step_at_any_snapshot_rate():
    cfg = get("symmetry-zeros").config
    total = cfg.train.steps
    rare, _ = _lines(cfg, snapshot_seconds=1e9)          # the start and the end only
    often, full = _lines(cfg, snapshot_seconds=0.0, measure_at_validation=True)
    assert sorted(rare) == sorted(often) == list(range(len(cfg.runs)))
    for i in rare:
        steps, values = rare[i]
        # one point a step (1000 steps: stride 1), evenly spaced, from the start to the end
        assert total <= LINE_POINTS and np.array_equal(steps, np.arange(total + 1))
        assert values.shape == (total + 1, cfg.network.hidden[0])
        # the same points, bit for bit, however often the run sent snapshots
        assert np.array_equal(steps, often[i][0]) and np.array_equal(values, often[i][1])
        # each point is the weights at its step: the full snapshots' weights from input 0
        assert len(full[i]) >= total // cfg.train.eval_every
        for step, w in full[i].items():
            assert np.array_equal(values[step], w[:, 0]), (i, step)
    # what the lines are for: all 0 is flat, all 0.5 moves as one, Xavier's units differ
    zeros, half, xavier = (rare[i][1] for i in range(3))
    assert not zeros.any()
    assert np.ptp(half[:, 0]) > 0.1 and np.all(half == half[:, :1])
    assert len(np.unique(xavier[-1])) == xavier.shape[1]


def test_a_long_run_keeps_a_fixed_stride_and_its_last_step():
    t = UnitTrace(2500, row=0, columns=2, dtype=np.float32)
    W = np.zeros((3, 4), np.float32)
    for step in range(2501):
        W[0, :2] = step
        t.record(step, W)
    steps, values = t.take()
    assert t.stride == 3 and steps[-1] == 2500 and len(steps) <= LINE_POINTS + 2
    assert np.all(np.diff(steps[:-1]) == 3) and np.array_equal(values[:, 1], steps)
    assert t.take()[0].size == 0                     # each point is sent once
    t.record(7, W, last=True)                        # a run that diverged off the stride
    assert t.take()[0].tolist() == [7]

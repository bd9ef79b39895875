"""Runs: generators that train (or just probe) one or several networks and yield snapshots.

A comparison holds several runs that share the data, the data order and every random draw but
the weights; their steps interleave so that all curves grow together. A run whose loss turns
NaN or infinite is marked "diverged at step k" and ends; the others go on.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Iterator

import numpy as np

from . import blas, stats, subnormals
from .control import RunControl
from .data import Dataset, load_dataset
from .network import Network
from .optimizers import Optimizer
from .shared_batches import SharedBatches
from .histograms import fine_histogram
from .snapshot import LayerStats, Snapshot, frozen
from .theory.finite_width import band, network_band
from .unit_trace import UnitTrace

BOUNDARY_GRID = 100
MAX_UNITS, MAX_UNIT_INPUTS = 16, 8  # the slice of layer 1 sent with track_units
VAL_CHUNK = 2000
# Full snapshots (probe and statistics) take at most a tenth of the time: on a 30-layer
# 256-wide net one costs 0.15 s per run (784-256-128 MNIST: 10 training steps' worth), and
# at a quarter (the old rule) they added ~20 %.
MEASURE_GAP = 9
# What measuring costs, in this thread's CPU seconds where the clock is fine enough (not on
# Windows): in wall seconds a measurement the scheduler stalled put the next one 9x the stall
# away (no statistics in 100,000 steps of a worker on a busy machine).
COST_CLOCK = time.thread_time if time.get_clock_info("thread_time").resolution < 1e-5 \
    else time.perf_counter


@dataclass
class _History:
    steps: list = field(default_factory=list)
    losses: list = field(default_factory=list)
    val_steps: list = field(default_factory=list)
    val_losses: list = field(default_factory=list)
    val_acc: list = field(default_factory=list)
    sent: int = 0
    val_sent: int = 0


def _all_finite(a: np.ndarray) -> bool:
    # One BLAS pass: a finite a·a proves every entry finite (else the exact test).
    return math.isfinite(float(np.dot(a, a))) or bool(np.isfinite(a).all())


class RunState:
    """One network of a comparison, with its optimizer, data stream and history."""

    def __init__(self, config, index: int, data: Dataset, dtype=np.float32):
        self.config, self.index, self.data = config, index, data
        spec = config.runs[index]
        self.label = spec.label or f"run {index + 1}"
        self.init = spec.init
        self.net_cfg = config.run_network(index)
        self.train_cfg = config.run_train(index)
        self.net = Network(data.x_train.shape[1], self.net_cfg.widths, data.n_out, self.net_cfg,
                           dtype)
        # Every run draws from the same streams; only the initializer differs between runs.
        self.weight_rng = np.random.default_rng([config.seed, 2])
        self.order_rng = np.random.default_rng([config.seed, 1])
        self.aux_rng = np.random.default_rng([config.seed, 3])
        self.step = 0
        self.history = _History()
        self.diverged_at: int | None = None
        self.stage = "init"
        self.message = ""
        self.pretrain_points: list = []
        self.pretrain_sent = 0
        self._order = np.empty(0, np.int64)
        self._pos = 1 << 62  # forces a fresh permutation before the first batch
        self.seconds = 0.0
        self.samples = 0
        self.optimizer = None
        self._shared = SharedBatches()  # run_experiment gives every run the same one
        self._band = False  # the finite-width band's (centre / prediction, Var[ln S]) per layer
        self.units: UnitTrace | None = None   # with track_units: the unit lines' points

    # -- setup ---------------------------------------------------------------------------
    def initialize(self) -> Iterator[None]:
        """Sample the weights; data-dependent schemes yield between their stages."""
        self.net.initialize(self.init, self.weight_rng)
        if self.init.scheme == "lsuv":
            from .lsuv import lsuv
            iters = lsuv(self.net, self.data.x_train[:500], self.init.tolerance,
                         self.init.max_iterations)
            self.message = f"LSUV: {sum(iters)} iterations ({', '.join(map(str, iters))} " \
                           "per layer)"
        elif self.init.scheme == "rbm":
            from .rbm import pretrain_stack
            self.stage = "pretrain"
            for point in pretrain_stack(self.net, self.data.x_train, self.init, self.aux_rng):
                self.pretrain_points.append(point)
                yield None
            self.stage = "init"
        self.optimizer = Optimizer(self.net.params, self.net.grad, self.net.decay_mask,
                                   self.train_cfg)
        if self.config.track_units:
            W = self.net.W[0]
            self.units = UnitTrace(self.train_cfg.steps, int(self._unit_inputs()[0]),
                                   min(MAX_UNITS * self.net.pieces, W.shape[1]), W.dtype)
            self.units.record(0, self.net.W[0])

    # -- training ------------------------------------------------------------------------
    def _next_batch(self) -> np.ndarray:
        n = len(self.data.x_train)
        bs = self.train_cfg.batch_size
        if bs == 0 or bs >= n:
            return slice(None)
        if self._pos + bs > n:
            self._order = self.order_rng.permutation(n)
            self._pos = 0
        idx = self._order[self._pos:self._pos + bs]
        self._pos += bs
        return idx

    def train_step(self) -> None:
        self._descend()
        if self.units is not None:
            self.units.record(self.step, self.net.W[0], last=self.finished)

    def _descend(self) -> None:
        t0 = time.perf_counter()
        idx = self._next_batch()
        if isinstance(idx, slice):  # the whole training set
            x, y = self.data.x_train, self.data.y_train
            columns = self._shared.fixed_columns("train", x)
        else:
            x, y, columns = self._shared.gather(self.data, idx)
        net = self.net
        net.forward(x, train=True, columns=columns)
        loss = net.loss(y)
        self.step += 1
        self.history.steps.append(self.step)
        self.history.losses.append(loss)
        if not np.isfinite(loss):
            self.diverged_at = self.step
            self.stage = "diverged"
            return
        net.backward(y)
        self.optimizer.step()
        if not math.isfinite(self.optimizer.last_grad_norm) or not _all_finite(net.params):
            # The update itself overflowed: the next loss would be NaN, so say so now.
            self.diverged_at = self.step
            self.stage = "diverged"
        self.samples += len(x)
        self.seconds += time.perf_counter() - t0

    def validate(self) -> None:
        x, y = self.data.x_val, self.data.y_val
        losses, correct = 0.0, 0.0
        for i in range(0, len(x), VAL_CHUNK):
            xb, yb = x[i:i + VAL_CHUNK], y[i:i + VAL_CHUNK]
            self.net.forward(xb, train=False, columns=self._shared.fixed_columns(("val", i), xb),
                             arrays=self._shared.eval_arrays(self.net, len(xb)))
            losses += self.net.loss(yb) * len(xb)
            correct += self.net.accuracy(yb) * len(xb)
        h = self.history
        if h.val_steps and h.val_steps[-1] == self.step:
            return
        h.val_steps.append(self.step)
        h.val_losses.append(losses / len(x))
        h.val_acc.append(correct / len(x))

    @property
    def finished(self) -> bool:
        return self.diverged_at is not None or self.step >= self.train_cfg.steps

    # -- measuring -----------------------------------------------------------------------
    def measure(self) -> tuple[LayerStats, ...]:
        """The per-layer statistics with subnormals kept: a vanished 1e-40 is no exact 0."""
        with subnormals.kept():
            return self.layer_stats(self.probe())

    def probe(self) -> dict:
        """Forward and backward on the fixed probe batch (batch norm in training mode, its
        running statistics untouched); returns the raw per-layer arrays, never sent. The
        parameter gradients are not computed (the statistics do not use them), and the arrays
        are the network's own, valid until its next training-mode pass with this batch size."""
        net = self.net
        with np.errstate(all="ignore"):
            net.forward(self.data.x_probe, train=True, update_stats=False)
            net.backward(self.data.y_probe, param_grads=False)
        return {"pre": net.pre, "act": net.act, "grad": net.grad_pre,
                "W": net.W[:-1], "b": net.b[:-1]}

    def layer_stats(self, raw: dict) -> tuple[LayerStats, ...]:
        net, sc = self.net, self._shared.scratch
        out = []

        def hist(x, mean):  # a finite mean proves every value finite: skip that check
            return fine_histogram(x, sc.get, all_finite=math.isfinite(mean))
        with np.errstate(all="ignore"):
            weight = [stats.mean_std(W, sc) for W in raw["W"]]
            predicted = stats.predicted_stds(net.act_fn, self.data.x_probe, raw["W"], raw["b"],
                                             net.residual, self.net_cfg.batch_norm, net.pieces,
                                             x_moments=self._shared.probe_moments(self.data),
                                             weight_moments=weight)
            if self._band is False:  # the finite-width band, from the start's weights
                self._band = network_band(net, self.data.x_probe)
                if self._band is not None:   # its centre as a multiple of the prediction
                    self._band = (self._band[0] / np.asarray(predicted), self._band[1])
            low = high = [math.nan] * len(predicted)
            # the band describes random networks: once trained, the weights are not random
            if self._band is not None and self.step == 0:
                low, high = band(np.asarray(predicted) * self._band[0], self._band[1])
            for l, width in enumerate(net.widths):
                u, a, g, W = raw["pre"][l], raw["act"][l], raw["grad"][l], raw["W"][l]
                a_mean, a_std = stats.mean_std(a, sc)
                u_mean, u_std = stats.mean_std(u, sc)
                g_mean, g_std = stats.mean_std(g, sc)
                w_mean, w_std = weight[l]
                out.append(LayerStats(
                    layer=l + 1, units=width,
                    activation_mean=a_mean, activation_std=a_std,
                    preactivation_std=u_std,
                    gradient_mean=g_mean, gradient_std=g_std,
                    weight_mean=w_mean, weight_std=w_std,
                    saturated_fraction=stats.saturated_fraction(net.act_fn, u, a, sc),
                    dead_fraction=stats.dead_fraction(net.act_fn, a),
                    predicted_activation_std=predicted[l],
                    predicted_low=float(low[l]), predicted_high=float(high[l]),
                    activation_hist=hist(a, a_mean),
                    preactivation_hist=hist(u, u_mean),
                    gradient_hist=hist(g, g_mean),
                    weight_hist=hist(W, w_mean),
                    activation_range=net.act_fn.bounded,
                ))
        return tuple(out)

    def boundary(self):
        if self.data.extent is None:
            return None
        x0, x1, y0, y1 = self.data.extent
        gx, gy = np.meshgrid(np.linspace(x0, x1, BOUNDARY_GRID),
                             np.linspace(y0, y1, BOUNDARY_GRID))
        pts = np.c_[gx.ravel(), gy.ravel()].astype(np.float32)
        with np.errstate(all="ignore"):
            p = self.net.forward(pts, train=False)
        p1 = p[:, 0] if p.shape[1] == 1 else p[:, 1]
        return frozen(p1.reshape(BOUNDARY_GRID, BOUNDARY_GRID), np.float32)

    def _unit_inputs(self) -> np.ndarray:
        """The inputs that vary most (MNIST has 784): a unit's weights from them tell it apart."""
        if not hasattr(self, "_inputs"):
            var = np.var(self.data.x_train[:2000], axis=0)
            self._inputs = np.sort(np.argsort(-var, kind="stable")[:MAX_UNIT_INPUTS])
        return self._inputs

    def _unit_weights(self) -> np.ndarray:
        """Incoming weights of layer 1's first units from ``_unit_inputs``: enough to see
        identical units as identical, small enough to send."""
        W = self.net.W[0][self._unit_inputs(), :MAX_UNITS * self.net.pieces]
        return frozen(W.T, np.float32)

    def snapshot(self, run_count: int, layers, stage=None) -> Snapshot:
        h = self.history
        new = slice(h.sent, None)
        vnew = slice(h.val_sent, None)
        h.sent, h.val_sent = len(h.steps), len(h.val_steps)
        pre = tuple(self.pretrain_points[self.pretrain_sent:])
        self.pretrain_sent = len(self.pretrain_points)
        unit_steps, unit_values = self.units.take() if self.units is not None else (None, None)
        return Snapshot(
            run_index=self.index, run_count=run_count, label=self.label,
            stage=stage or self.stage, step=self.step, total_steps=self.train_cfg.steps,
            layers=layers,
            steps=frozen(h.steps[new], np.int64), losses=frozen(h.losses[new], np.float64),
            val_steps=frozen(h.val_steps[vnew], np.int64),
            val_losses=frozen(h.val_losses[vnew], np.float64),
            val_accuracies=frozen(h.val_acc[vnew], np.float64),
            diverged_at=self.diverged_at,
            boundary=self.boundary() if layers is not None else None,
            boundary_extent=self.data.extent,
            unit_weights=self._unit_weights() if self.config.track_units and layers is not None
            else None,
            unit_steps=unit_steps, unit_values=unit_values,
            pretrain=pre, message=self.message,
            samples_per_second=self.samples / self.seconds if self.seconds > 0 else 0.0,
            elapsed=self.seconds, data_description=self.data.description,
        )


def run_experiment(config, control: RunControl | None = None, snapshot_seconds: float = 1 / 30,
                   data: Dataset | None = None, dtype=np.float32,
                   only: tuple[int, ...] | None = None, measure_at_validation: bool = False,
                   measure_seconds: float | None = None,
                   validate_start: bool = False) -> Iterator[Snapshot]:
    """Yield snapshots of every run of ``config``: pre-training progress, the state at
    initialization, progress while training, and a final full snapshot per run.
    ``only``: the indices of the runs to train here (a worker process's share).

    ``snapshot_seconds`` is the smallest gap between two snapshots of a run; per-layer
    statistics are measured less often when measuring them would cost more than a tenth of
    the time. Loss points are never dropped: each snapshot carries those since the previous one.
    ``measure_seconds`` (default ``snapshot_seconds``): the statistics are measured this often
    unasked, and besides once after each ``control.request_layers()`` (the window asks after
    each frame of a pane that shows them: measured at the rate it can draw them, not faster).
    The state at initialization and the end of every run are always measured.
    ``measure_at_validation``: also a full snapshot at every validation step (what a run went
    through, at steps that do not depend on timing).
    ``validate_start``: validate at step 0 also where no run trains (the window's Reset).
    """
    blas.one_thread()   # the same numbers whatever imported NumPy first (see blas.py)
    data = data or load_dataset(config.data, config.seed, config.network.output)  # unflushed
    steps = _run(config, control or RunControl(), snapshot_seconds, data, dtype, only,
                 measure_at_validation, measure_seconds, validate_start)
    try:
        while True:
            with subnormals.flushed():   # 3x faster steps in saturated runs (subnormals.py)
                snap = next(steps, None)
            if snap is None:
                return
            yield snap
    finally:
        steps.close()


def _run(config, control, snapshot_seconds, data, dtype, only, measure_at_validation,
         measure_seconds, validate_start) -> Iterator[Snapshot]:
    runs = [RunState(config, i, data, dtype)
            for i in (range(len(config.runs)) if only is None else only)]
    count = len(config.runs)
    shared = SharedBatches()
    for r in runs:
        r._shared = shared
    for r in runs:
        for _ in r.initialize():
            if control.checkpoint():
                yield r.snapshot(count, None, stage="stopped")
                return
            yield r.snapshot(count, None)
    for r in runs:
        if r.train_cfg.steps > 0 or validate_start:
            r.validate()
        stage = "init" if r.train_cfg.steps > 0 else "done"
        yield r.snapshot(count, r.measure(), stage=stage)
    active = [r for r in runs if not r.finished]
    last_light = last_full = time.perf_counter()
    full_cost = 0.0
    unasked = snapshot_seconds if measure_seconds is None else measure_seconds
    served = control.layer_requests   # requests answered (by the start's statistics)
    stopped = False
    while active:
        if control.checkpoint():
            stopped = True
            break
        with np.errstate(all="ignore"):
            for r in active:
                r.stage = "train"
                r.train_step()
        measured = []
        for r in active:
            if r.step % r.train_cfg.eval_every == 0 and r.diverged_at is None:
                r.validate()
                if measure_at_validation and not r.finished:
                    measured.append(r)
        for r in measured:
            yield r.snapshot(count, r.measure())
        now = time.perf_counter()
        ending = [r for r in active if r.finished]
        want_light = now - last_light >= snapshot_seconds or control.snapshot_requested
        asked = control.layer_requests
        want_full = control.snapshot_requested or (
            want_light and now - last_full >= max(snapshot_seconds, MEASURE_GAP * full_cost)
            and (asked > served or now - last_full >= unasked))
        control.snapshot_requested = False
        if want_light:
            cost = 0.0       # of measuring alone: a yield may wait on a slow reader (a pipe)
            for r in active:
                if r in ending or control.stopped:
                    continue
                t0 = COST_CLOCK()
                stats = r.measure() if want_full else None
                cost += COST_CLOCK() - t0
                yield r.snapshot(count, stats)
            if want_full:
                full_cost = cost
                last_full, served = time.perf_counter(), asked
            last_light = time.perf_counter()
        for r in ending:
            if r.diverged_at is None:
                r.validate()
                r.stage = "done"
            yield r.snapshot(count, r.measure())
        active = [r for r in active if not r.finished]
    if stopped:
        for r in active:
            yield r.snapshot(count, r.measure(), stage="stopped")

"""Immutable snapshots: what a run sends to the window. Small (per-layer histograms, each over
its own range, per-layer numbers, the loss points since the previous snapshot of the same run)
and read-only, so they can cross threads without copies or locks. Everything in a run's
snapshots depends on that run alone (its config, seed and state), never on the other runs."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .histograms import Histogram


def frozen(a, dtype=None) -> np.ndarray:
    """A read-only copy of ``a``."""
    out = np.array(a, dtype=dtype, copy=True)
    out.setflags(write=False)
    return out


@dataclass(frozen=True)
class LayerStats:
    layer: int                     # 1-based hidden layer
    units: int
    activation_mean: float
    activation_std: float
    preactivation_std: float
    gradient_mean: float
    gradient_std: float            # of dL/du, u the input of the activation
    weight_mean: float
    weight_std: float
    saturated_fraction: float
    dead_fraction: float
    predicted_activation_std: float
    activation_hist: Histogram
    preactivation_hist: Histogram
    gradient_hist: Histogram
    weight_hist: Histogram
    activation_range: tuple[float, float] | None = None   # f's natural range, if bounded
    # where one network of this width lies around the prediction (theory/finite_width.py);
    # nan where the theory does not apply
    predicted_low: float = float("nan")
    predicted_high: float = float("nan")


@dataclass(frozen=True)
class Snapshot:
    run_index: int
    run_count: int
    label: str
    stage: str   # "pretrain", "init", "train", "done", "diverged", "stopped", "failed"
    step: int
    total_steps: int
    layers: tuple[LayerStats, ...] | None   # None: unchanged since this run's last snapshot
    steps: np.ndarray              # training steps since this run's previous snapshot
    losses: np.ndarray             # their training losses
    val_steps: np.ndarray
    val_losses: np.ndarray
    val_accuracies: np.ndarray
    diverged_at: int | None = None
    boundary: np.ndarray | None = None        # (G, G) P(class 1) over boundary_extent
    boundary_extent: tuple[float, float, float, float] | None = None  # x0, x1, y0, y1
    unit_weights: np.ndarray | None = None    # (units, fan_in) incoming weights of layer 1
    # the unit lines' points since this run's previous snapshot (unit_trace.py): the steps
    # and, at each, every tracked unit's weight from one input, (points, units)
    unit_steps: np.ndarray | None = None
    unit_values: np.ndarray | None = None
    pretrain: tuple[tuple[int, int, float], ...] = ()  # new (rbm layer, epoch, recon error)
    message: str = ""
    samples_per_second: float = 0.0
    elapsed: float = 0.0
    data_description: str = ""

    @property
    def finished(self) -> bool:
        return self.stage in ("done", "diverged", "stopped", "failed")

"""Everything the window keeps of one run: the latest per-layer statistics and the whole loss
history (appended from every snapshot, never dropped)."""
from __future__ import annotations

import math

import numpy as np

from initviz.engine.heat_view import compact

SERIES_MAX = 240         # columns of the through-training heat maps kept; thinned likewise


class GrowingArray:
    """A 1-D array with amortised O(1) append of chunks."""

    def __init__(self, dtype=np.float64):
        self._a = np.empty(256, dtype)
        self.n = 0

    def extend(self, values) -> None:
        values = np.asarray(values)
        k = values.size
        if not k:
            return
        if self.n + k > self._a.size:
            grown = np.empty(max(2 * self._a.size, self.n + k), self._a.dtype)
            grown[:self.n] = self._a[:self.n]
            self._a = grown
        self._a[self.n:self.n + k] = values
        self.n += k

    @property
    def data(self) -> np.ndarray:
        return self._a[:self.n]

    def __len__(self) -> int:
        return self.n


class RunHistory:
    def __init__(self, index: int, label: str):
        self.index, self.label = index, label
        self.steps = GrowingArray(np.int64)
        self.losses = GrowingArray()
        self.val_steps = GrowingArray(np.int64)
        self.val_losses = GrowingArray()
        self.val_accuracies = GrowingArray()
        self.loss_max = 0.0          # largest finite training loss so far
        self.loss_min = np.inf       # smallest positive finite training loss so far
        self.layers = None           # latest tuple of LayerStats
        self.start_layers = None     # the first: at initialization (the Depth tab's "start")
        self.layers_version = 0      # bumped with every new tuple: panes redraw only then
        self.series: list = []       # (step, compact LayerStats) for the heat maps
        self.stage = "init"
        self.step = 0
        self.total_steps = 0
        self.diverged_at: int | None = None
        self.last_finite_loss = np.nan
        self.boundary = None
        self.boundary_extent = None
        self.unit_steps = GrowingArray(np.int64)    # the unit lines' points (unit_trace.py)
        self._unit_values = GrowingArray(np.float32)     # their values, row after row
        self.pretrain: list[tuple[int, int, float]] = []
        self.message = ""
        self.samples_per_second = 0.0
        self.elapsed = 0.0
        self.data_description = ""
        self.snapshots = 0
        self.had_band = False

    def add(self, s) -> None:
        """Store one snapshot (cheap: the GUI thread calls this for every snapshot)."""
        self.snapshots += 1
        self.label = s.label
        self.stage, self.step, self.total_steps = s.stage, s.step, s.total_steps
        if s.layers is not None:
            self.layers = s.layers
            if self.start_layers is None:
                self.start_layers = s.layers
            self.layers_version += 1
            # the finite-width band comes with the start's statistics only
            self.had_band = self.had_band or math.isfinite(s.layers[0].predicted_low) \
                if s.layers else self.had_band
            if self.series and self.series[-1][0] == s.step:
                self.series.pop()
            self.series.append((s.step, compact(s.layers)))
            if len(self.series) > SERIES_MAX:      # keep every other column, and the last
                self.series = self.series[:-1:2] + self.series[-1:]
        if s.losses.size:
            self.steps.extend(s.steps)
            self.losses.extend(s.losses)
            finite = s.losses[np.isfinite(s.losses)]
            if finite.size:
                self.loss_max = max(self.loss_max, float(finite.max()))
                pos = finite[finite > 0]
                if pos.size:
                    self.loss_min = min(self.loss_min, float(pos.min()))
                self.last_finite_loss = float(finite[-1])
        if s.val_steps.size:
            self.val_steps.extend(s.val_steps)
            self.val_losses.extend(s.val_losses)
            self.val_accuracies.extend(s.val_accuracies)
        if s.diverged_at is not None:
            self.diverged_at = s.diverged_at
        if s.boundary is not None:
            self.boundary, self.boundary_extent = s.boundary, s.boundary_extent
        if s.unit_steps is not None and s.unit_steps.size:
            self.unit_steps.extend(s.unit_steps)
            self._unit_values.extend(s.unit_values.ravel())
        if s.pretrain:
            self.pretrain.extend(s.pretrain)
        self.message = s.message or self.message
        self.samples_per_second, self.elapsed = s.samples_per_second, s.elapsed
        self.data_description = s.data_description

    @property
    def unit_values(self) -> np.ndarray:
        """(points, units): each tracked unit's weight at each of ``unit_steps``."""
        n = len(self.unit_steps)
        return self._unit_values.data.reshape(n, -1) if n else np.empty((0, 0), np.float32)

    @property
    def finished(self) -> bool:
        return self.stage in ("done", "diverged", "stopped")

    def seconds_left(self) -> float | None:
        if self.finished or self.step <= 0 or self.elapsed <= 0:
            return 0.0 if self.finished else None
        return self.elapsed / self.step * max(0, self.total_steps - self.step)


class AtStart:
    """A run's history as it stood at initialization, for the panes that draw ``layers``:
    the start's statistics, never diverged."""

    def __init__(self, history: RunHistory):
        self.history = history

    def __getattr__(self, name):
        return getattr(self.history, name)

    @property
    def layers(self):
        return self.history.start_layers

    layers_version = 0
    diverged_at = None

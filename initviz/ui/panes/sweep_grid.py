"""The Sweep tab's numbers, without Qt: rows as they arrive, the grid of per-cell means of one
metric, and the theory's lines in the grid's index coordinates."""
from __future__ import annotations

import numpy as np

from initviz.engine.sweep import METRICS


class SweepGrid:
    def __init__(self, spec):
        self.spec = spec
        self.axes = spec.axes
        self.shape = tuple(len(a.values) for a in spec.axes) + (1,) * (2 - len(spec.axes))
        self._index = [{v: i for i, v in enumerate(a.values)} for a in spec.axes]
        self._sums = {m: np.zeros(self.shape) for m in METRICS}
        self._counts = {m: np.zeros(self.shape) for m in METRICS}
        self.runs = np.zeros(self.shape, int)
        self.total = len(spec.tasks())
        self.done = 0
        self.rows: dict = {}   # (cell, seed) -> row, as the sweep's files hold them

    def cell_index(self, cell) -> tuple[int, int]:
        idx = [self._index[k][v] for k, v in enumerate(cell)]
        return tuple(idx + [0] * (2 - len(idx)))

    def cell_at(self, i: int, j: int):
        """The cell values at grid position (i, j), or None outside the grid."""
        if not (0 <= i < self.shape[0] and 0 <= j < self.shape[1]):
            return None
        return tuple(a.values[k] for a, k in zip(self.axes, (i, j)))

    def add(self, key, row: dict) -> None:
        cell, _ = key
        self.rows[key] = row
        ij = self.cell_index(cell)
        self.runs[ij] += 1
        self.done += 1
        for m in METRICS:
            v = row.get(m)
            if v is not None:
                self._sums[m][ij] += float(v)
                self._counts[m][ij] += 1

    def values(self, metric: str) -> np.ndarray:
        """Per-cell mean over the seeds in (NaN where none has a value)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self._counts[metric] > 0,
                            self._sums[metric] / np.maximum(self._counts[metric], 1), np.nan)

    def position(self, axis: int, value) -> float:
        """Where ``value`` of a numeric axis falls in index coordinates (NaN outside)."""
        vals = np.asarray(self.axes[axis].values, float)
        order = np.argsort(vals)
        v = np.asarray(value, float)
        pos = np.interp(v, vals[order], np.arange(len(vals), dtype=float)[order])
        return np.where((v >= vals.min()) & (v <= vals.max()), pos, np.nan)

"""The Sweep tab's numbers, without Qt: rows as they arrive, the grid of per-cell means of one
metric, and the theory's lines in the grid's index coordinates."""
from __future__ import annotations

import numpy as np

from initviz.engine.sweep import METRICS
from initviz.translations import QT_TRANSLATE_NOOP

# What the heat map can show: metric, its name, fixed colour levels (None: from the data).
COLOURS = (
    ("val_accuracy", QT_TRANSLATE_NOOP("SweepPane", "validation accuracy"), (0.0, 1.0)),
    ("log10_gradient_ratio", QT_TRANSLATE_NOOP(
        "SweepPane", "gradient: last layer / first (log10)"), None),
    ("log10_activation_ratio", QT_TRANSLATE_NOOP(
        "SweepPane", "activation: last layer / first (log10)"), None),
    ("saturated", QT_TRANSLATE_NOOP("SweepPane", "saturated share"), (0.0, 1.0)),
    ("dead", QT_TRANSLATE_NOOP("SweepPane", "dead share"), (0.0, 1.0)),
    ("val_loss", QT_TRANSLATE_NOOP("SweepPane", "validation loss"), None),
    ("diverged", QT_TRANSLATE_NOOP("SweepPane", "share of seeds diverged"), (0.0, 1.0)),
)
# the metrics from 0 to 1, drawn in per cent
SHARES = {key for key, _, levels in COLOURS if levels == (0.0, 1.0)}


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

    @classmethod
    def of_rows(cls, spec, rows: dict) -> "SweepGrid":
        """The grid of a saved sweep's rows (a run not in ``rows`` stays missing)."""
        grid = cls(spec)
        for key in spec.tasks():
            if key in rows:
                grid.add(key, rows[key])
        return grid

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


def colour_levels(key: str, v: np.ndarray) -> tuple[float, float]:
    """The colour bar's range for metric ``key`` over the grid ``v``: fixed for shares and
    accuracy, the data's for the loss, symmetric about 0 for the log ratios."""
    levels = next(lv for k, _, lv in COLOURS if k == key)
    if levels is None:
        finite = v[np.isfinite(v)]
        m = float(np.max(np.abs(finite))) if finite.size else 1.0
        lo, hi = (float(finite.min()), float(finite.max())) if key == "val_loss" and \
            finite.size else (-max(m, 0.1), max(m, 0.1))
        levels = (lo, hi if hi > lo else lo + 1)
    return levels


def preset_axes(config):
    """The axes of the preset whose config this is, if it has any."""
    from initviz.engine.presets import PRESETS
    cache = preset_axes.__dict__.setdefault("cache", None)
    if cache is None:
        cache = preset_axes.cache = [(p.config, p.sweep) for p in PRESETS.values()
                                     if p.sweep]
    return next((axes for cfg, axes in cache if cfg == config), None)


def overlay_key(spec) -> tuple:
    """What the theory over a grid depends on: the first run's network and start, the axes."""
    return (repr(spec.base.run_network(0)), repr(spec.base.runs[0].init),
            tuple((a.field, tuple(a.values)) for a in spec.axes))

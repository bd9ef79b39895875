"""A long, pale curve drawn cheaply: at most two points per pixel column (the lowest and the
highest of the points it covers, so no spike is lost), and in the opaque colour its translucent
colour makes over the plot's background."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ..look.palette import blend

MIN_COLUMNS = 512      # never coarser than this (the plot's width may not be known yet)


def peak_points(x: np.ndarray, y: np.ndarray, columns: int):
    """(x, y) thinned to the first and last points and, in each of ``columns`` runs of
    consecutive points, the lowest, the highest and the first NaN (a NaN breaks the line)."""
    n = len(y)
    if n <= 2 * columns + 2:
        return x, y
    size = -(-n // columns)
    rows = -(-n // size)
    pad = rows * size - n
    nan = np.concatenate([np.isnan(y), np.zeros(pad, bool)]).reshape(rows, size)
    low = np.concatenate([np.where(np.isnan(y), np.inf, y), np.full(pad, np.inf)])
    high = np.concatenate([np.where(np.isnan(y), -np.inf, y), np.full(pad, -np.inf)])
    start = np.arange(rows) * size
    keep = [start + low.reshape(rows, size).argmin(1), start + high.reshape(rows, size).argmax(1),
            (start + nan.argmax(1))[nan.any(1)], [0, n - 1]]
    idx = np.unique(np.concatenate(keep))
    idx = idx[idx < n]
    return x[idx], y[idx]


class PeakCurve(pg.PlotDataItem):
    """Give it every point with ``set_curve``; it draws the visible ones, thinned to the
    plot's width, again whenever the view's x range or width changes."""

    def __init__(self, pen, **kwargs):
        self.base_pen = pg.mkPen(pen)      # what the themes restyle from (see themes.py)
        opaque = pg.mkPen(self.base_pen)
        opaque.setColor(blend(self.base_pen.color(), pg.getConfigOption("background")))
        super().__init__(pen=opaque, antialias=False, **kwargs)
        self._x, self._y = np.empty(0), np.empty(0)
        self._shown = None

    def set_curve(self, x, y) -> None:
        self._x, self._y = np.asarray(x, float), np.asarray(y, float)
        self._shown = None
        self._thin()

    def _columns(self) -> tuple[int, float, float]:
        vb = self.getViewBox()
        if vb is None:
            return MIN_COLUMNS, -np.inf, np.inf
        (x0, x1), _ = vb.viewRange()
        return max(MIN_COLUMNS, int(vb.width())), x0, x1

    def _thin(self) -> None:
        view = self._columns()
        if view == self._shown:
            return
        self._shown = view
        columns, x0, x1 = view
        x, y = self._x, self._y
        if len(x) > 2 * columns + 2:     # the visible points and one beyond each edge
            i0 = max(0, int(np.searchsorted(x, x0)) - 1)
            x, y = x[i0:int(np.searchsorted(x, x1, "right")) + 1], y[i0:]
            y = y[:len(x)]
        x, y = peak_points(x, y, columns)
        if len(y) and not np.isfinite(y).any():
            self.setData([], [])
        else:
            self.setData(x, y)

    def viewRangeChanged(self) -> None:
        super().viewRangeChanged()
        if len(self._x):
            self._thin()

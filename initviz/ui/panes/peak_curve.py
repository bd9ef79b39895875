"""A long, pale curve drawn cheaply: at most two points per pixel column (the lowest and the
highest of the points it covers, so no spike is lost), and in the opaque colour its translucent
colour makes over the plot's background.

While it grows, only its newest points are drawn anew: they are a small curve of their own
(the tail, at most ``TAIL`` points or a quarter of them), and the rest is painted from a
pixmap of the device's pixels, made again only when the tail is handed over or the view
changes. A frame
then repaints the few pixels the tail covers, not the whole plot (stroking the thousands of
wide segments of the whole curve was most of a frame of the Loss tab)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

from ..look.palette import blend

MIN_COLUMNS = 512      # never coarser than this (the plot's width may not be known yet)
TAIL = 100             # newest points drawn apart while the curve grows (or a quarter)


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
        self._settled = 0          # points drawn by the cached curve (the rest: the tail)
        self.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.tail = pg.PlotCurveItem(pen=opaque, antialias=False, **kwargs)
        self.tail.setParentItem(self)

    def set_curve(self, x, y) -> None:
        """All the points of the curve (a longer one with the same first points grows it)."""
        self._x, self._y = np.asarray(x, float), np.asarray(y, float)
        n = len(self._x)
        if not self._settled or n < self._settled or n - self._settled > max(TAIL, n // 4):
            self._settled, self._shown = n, None
            self._thin()
        self._set_tail()

    def _set_tail(self) -> None:
        n = len(self._x)
        tail = slice(max(self._settled - 1, 0), n if n > self._settled else 0)
        y = self._y[tail]
        if self.opts["logMode"][1] and len(y):
            with np.errstate(divide="ignore", invalid="ignore"):
                y = np.log10(y)
            y[~np.isfinite(y)] = np.nan        # as PlotDataItem maps its own points
        self.tail.setData(self._x[tail], y)

    def setLogMode(self, xState: bool, yState: bool) -> None:
        super().setLogMode(xState, yState)     # (maps the rest)
        if hasattr(self, "tail"):
            self._set_tail()

    def updateItems(self, styleUpdate: bool = True) -> None:
        super().updateItems(styleUpdate)
        if hasattr(self, "tail") and self.tail.opts["pen"] != self.curve.opts["pen"]:
            self.tail.setPen(self.curve.opts["pen"])      # restyled with the rest

    def getData(self):
        """Every point drawn (thinned), the tail's too."""
        x, y = super().getData()
        tx, ty = self.tail.getData()
        if tx is None or len(tx) < 2:
            return x, y
        if x is None or not len(x):
            return tx, ty
        return np.concatenate([x, tx[1:]]), np.concatenate([y, ty[1:]])

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
        x, y = self._x[:self._settled], self._y[:self._settled]
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
        if self._settled:
            self._thin()

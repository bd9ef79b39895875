"""A histogram drawn as a step curve, cheaply."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF


class StepCurve(pg.PlotCurveItem):
    """A histogram as a step curve whose bounds are handed over with its data: Qt asks for
    the bounding rectangle of every curve several times a frame, and pyqtgraph's own answer
    scans the data with nanmin/nanmax and maps pixel sizes each time."""

    def __init__(self):
        self._rect = QRectF()
        super().__init__(np.zeros(2), np.zeros(1), stepMode="center", antialias=False,
                         skipFiniteCheck=True, connect="all")

    def set_steps(self, edges: np.ndarray, heights: np.ndarray, top: float,
                  pad: tuple[float, float] = (0.0, 0.0), bottom: float = 0.0) -> None:
        """Show ``heights`` over ``edges``; ``top``/``bottom`` are max/min(heights), ``pad``
        the room the pen needs around the data (in data units)."""
        x0, x1 = float(edges[0]), float(edges[-1])
        px, py = pad
        lo = min(bottom, 0.0)
        self.prepareGeometryChange()
        self._rect = QRectF(x0 - px, lo - py, x1 - x0 + 2 * px, max(top, 0.0) - lo + 2 * py)
        # What setData does for clean 1-D arrays, without its checks, signal and view notice
        # (nothing listens; the ranges are set by the pane): they cost more than the drawing.
        self.xData, self.yData = edges.view(np.ndarray), heights.view(np.ndarray)
        self.invalidateBounds()
        self.path = self.fillPath = self._fillPathList = self._mouseShape = None
        self._lineSegmentsRendered = False
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        r = self._rect
        return (r.left(), r.right()) if ax == 0 else (r.top(), r.bottom())

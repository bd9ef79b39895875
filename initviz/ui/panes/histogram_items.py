"""The pieces a histogram plot is drawn with: which layers are shown, the tallest bar, a run's
pen, a plot's title and axes (the tick labels are in look.plot_style, the step curve in
step_curve)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from initviz.engine.heat_view import spread as shown_layers  # noqa: F401 (re-exported)

from ..look.palette import Palette, tint
from ..look.plot_style import (LABEL_PT, TEXT, TITLE_PT, decade_ticks,  # noqa: F401
                               forget_style, mirrored_ticks, power_note, x_ticks)
from .step_curve import StepCurve

LINE_WIDTH = 2.5


def peak(pct: np.ndarray) -> tuple[float, float, int]:
    """Highest bin, the highest bin outside it, and where the highest is."""
    if pct.size < 2:
        return (float(pct.max()) if pct.size else 0.0), 0.0, 0
    at = int(np.argmax(pct))
    top = float(pct[at])
    rest = np.delete(pct, at)
    return top, float(rest.max()), at


def style_curve(curve: StepCurve, i: int, filled: bool, dashed: bool) -> None:
    """Run i's pen (dashed for runs 5-8 and for a run that coincides with another)."""
    look = (i, filled, dashed)
    if curve._look == look:
        return
    forget_style(curve)
    pen = pg.mkPen(Palette.color(i), width=LINE_WIDTH)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    # Overlaid runs: lines only (translucent fills cost ~1 ms each per frame and turn
    # muddy where they overlap); a lone run gets an opaque tint.
    curve.setPen(pen)
    curve.setBrush(pg.mkBrush(tint(Palette.color(i))) if filled else None)
    curve.setFillLevel(0 if filled else None)
    curve._look = look


def configure_plot(p, title, y_label, bottom_row: bool) -> None:
    """Title, y label and visible axes of one pooled plot, if they changed. Plots right of
    the first column have no left axis: their y range is the first one's, and an axis,
    even without numbers, is redrawn at every change of the y range."""
    conf = (title, y_label, bottom_row)
    if getattr(p, "_conf", None) == conf:
        return
    left, bottom = p.getAxis("left"), p.getAxis("bottom")
    forget_style(p, left, bottom, p.titleLabel)
    p.setTitle(title, size=f"{TITLE_PT}pt", color=TEXT)
    if y_label is None:
        p.hideAxis("left")
    else:
        p.showAxis("left")
        left.setLabel(y_label[0], **{"font-size": f"{LABEL_PT}pt", "color": y_label[1]})
        left.setWidth(64)
    # Tick labels may reach past a narrow plot's edge ("0" under the left axis).
    bottom.setStyle(showValues=bottom_row, hideOverlappingLabels=False)
    p._conf = conf

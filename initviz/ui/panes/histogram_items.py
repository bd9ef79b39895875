"""The pieces a histogram plot is drawn with: which layers are shown, tick labels (linear, with
the power of ten apart, and magnitude, as powers of ten), and a step curve that hands its bounds
over with its data. Nothing here raises for huge, tiny or non-finite ranges: the drawing code
must not, whatever the run did."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt

from initviz.engine.heat_view import spread as shown_layers  # noqa: F401 (re-exported)

from ..look.palette import Palette, tint
from ..look.plot_style import LABEL_PT, TEXT, TITLE_PT, forget_style, nice_step

LINE_WIDTH = 2.5

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_note(power: int) -> str:
    """" (×10⁻⁴)" after a label whose tick labels are in units of 10^power."""
    return f" (×10{str(power).translate(_SUPERSCRIPT)})" if power else ""


def x_ticks(x_range: tuple[float, float], count: int) -> tuple[list, int]:
    """About ``count`` round ticks over ``x_range``, as pyqtgraph tick levels, and the power
    of ten their labels are written in: "-1, 0, 1" under "(×10⁻⁴)" rather than "-0.0001, 0,
    0.0001", which runs into the next plot's labels when ten plots share a row."""
    lo, hi = float(x_range[0]), float(x_range[1])
    if not (math.isfinite(lo) and math.isfinite(hi) and hi > lo):
        return [[], []], 0
    step = float(nice_step(hi - lo, count))
    first = math.ceil(lo / step - 1e-9) * step
    values = np.arange(first, hi + step * 1e-6, step, dtype=np.float64)
    values = np.round(values / step) * step       # exact multiples, whatever the scale
    values = _inside(values, lo, hi)
    largest = float(np.max(np.abs(values))) if values.size else 0.0
    power = 0
    if largest and (largest < 0.01 or largest >= 10000):
        power = int(math.floor(math.log10(largest)))
    scale = 10.0 ** power
    return [[(float(v), f"{v / scale + 0.0:g}") for v in values], []], power


def decade_ticks(x_range: tuple[float, float], count: int) -> list:
    """Ticks of a log10|x| axis at whole decades, labelled 10⁻⁴, 10⁰, 10³."""
    lo, hi = float(x_range[0]), float(x_range[1])
    if not (math.isfinite(lo) and math.isfinite(hi) and hi > lo):
        return [[], []]
    step = max(1, int(nice_step(hi - lo, count)))
    first = math.ceil(lo / step) * step
    values = _inside(np.arange(first, math.floor(hi) + 1, step), lo, hi)
    return [[(float(k), "10" + str(int(k)).translate(_SUPERSCRIPT)) for k in values], []]


def _inside(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """The ticks not at the very ends: a label centred on a plot's edge runs into the next
    plot's first label (kept when fewer than two would remain)."""
    margin = 0.06 * (hi - lo)
    inner = values[(values >= lo + margin) & (values <= hi - margin)]
    return inner if inner.size >= 2 else values


def mirrored_ticks(top: float) -> list:
    """Ticks of a y axis from -top to top whose labels are all positive (negative values are
    drawn below the line, as shares all the same)."""
    step = float(nice_step(top, 2))
    n = int(top // step)
    return [[(k * step, f"{abs(k * step):g}") for k in range(-n, n + 1)], []]


def peak(pct: np.ndarray) -> tuple[float, float, int]:
    """Highest bin, the highest bin outside it, and where the highest is."""
    if pct.size < 2:
        return (float(pct.max()) if pct.size else 0.0), 0.0, 0
    at = int(np.argmax(pct))
    top = float(pct[at])
    rest = np.delete(pct, at)
    return top, float(rest.max()), at


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
        self.setData(edges, heights)

    def boundingRect(self) -> QRectF:
        return self._rect

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        r = self._rect
        return (r.left(), r.right()) if ax == 0 else (r.top(), r.bottom())


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

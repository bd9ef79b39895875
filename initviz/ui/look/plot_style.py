"""Shared look of the plots: large type for projectors, white background, light grid."""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem

from .palette import GRID_ALPHA, TEXT

TICK_PT = 12
LABEL_PT = 13
TITLE_PT = 14
_text_scale = [1.0]     # the type scale of the window (themes.apply sets it)


def set_text_scale(scale: float) -> None:
    _text_scale[0] = scale


def scaled_pt(pt: float) -> int:
    """A point size for rich text that lives outside the style sheet (legends)."""
    return max(6, round(pt * _text_scale[0]))


def tick_font() -> QFont:
    f = QFont()
    f.setPointSize(TICK_PT)
    return f


def label_plot(plot, title: str = "", x_label: str = "", y_label: str = "",
               y_color: str = TEXT) -> None:
    """A plot's title and axis labels (again, in another language)."""
    if title:
        plot.setTitle(title, size=f"{TITLE_PT}pt", color=TEXT)
    if x_label:
        plot.setLabel("bottom", x_label, **{"font-size": f"{LABEL_PT}pt", "color": TEXT})
    if y_label:
        plot.setLabel("left", y_label, **{"font-size": f"{LABEL_PT}pt", "color": y_color})


def style_plot(plot, title: str = "", x_label: str = "", y_label: str = "",
               y_color: str = TEXT) -> None:
    """Title, axis labels and fonts of one PlotItem; the mouse menu stays for power users."""
    let_title_shrink(plot.titleLabel)
    label_plot(plot, title)
    # Rich text lays itself out again at every paint; a pixmap is blitted.
    plot.titleLabel.item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    for name in ("left", "bottom"):
        ax = plot.getAxis(name)
        # Labels at the ends of an axis ("100" on a 0–100 axis) may reach a little past it
        # instead of vanishing.
        # Two levels of ticks (and grid lines), not three: the finest grid was clutter on a
        # projector, and it made redrawing an axis twice as slow.
        ax.setStyle(tickFont=tick_font(), tickTextOffset=4, hideOverlappingLabels=False,
                    maxTickLevel=1)
        ax.setPen(TEXT)
        ax.setTextPen(TEXT)
        # An axis repaints whenever a curve next to it changes (their rectangles touch);
        # replaying its tick text costs up to 2 ms an axis. Paint from a pixmap instead:
        # the axis redraws it only when its range, ticks or style change.
        ax.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        ax.label.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    for name in ("left", "bottom", "right", "top"):
        # "(x0.001)" on an axis confuses more than it helps; on a hidden axis the prefix's
        # update still set its label's rich text at every range change (2 ms a frame).
        plot.getAxis(name).enableAutoSIPrefix(False)
    label_plot(plot, "", x_label, y_label, y_color)
    plot.showGrid(x=True, y=True, alpha=GRID_ALPHA)
    plot.setMenuEnabled(False)
    plot.hideButtons()


MIN_TITLE_SCALE = 0.6


def let_title_shrink(label) -> None:
    """A plot title asks for the height of its text but no width: pyqtgraph makes a title's
    text width the plot's minimum width, so in a narrow window a long title pushed the plots
    beside it out of the view. A title wider than its plot is now scaled down instead."""
    from PySide6.QtCore import Qt

    def update_min():
        bounds = label.itemRect()
        label.setMinimumWidth(0)
        label.setMinimumHeight(bounds.height())
        label._sizeHint = {
            Qt.SizeHint.MinimumSize: (0, bounds.height()),
            Qt.SizeHint.PreferredSize: (bounds.width(), bounds.height()),
            Qt.SizeHint.MaximumSize: (-1, -1),
            Qt.SizeHint.MinimumDescent: (0, 0),
        }
        label.updateGeometry()

    def fit(event=None):
        # Centred over the data area, a title wider than it may reach over the plot's axis;
        # past the plot's right edge it ran into the next plot or was cut at the view's
        # ("Saturated, dea"): it is moved left, and scaled down (to 60 % at the least)
        # if wider than the whole plot.
        plot = label.parentItem()
        room = label.geometry().width() if plot is None else plot.boundingRect().width()
        text = label.item.boundingRect().width()
        label.item.setScale(1.0 if text <= room or text <= 0 or room <= 0 else
                            max(MIN_TITLE_SCALE, room / text))
        resize(event)
        if plot is not None:
            r = label.mapRectToParent(label.itemRect())
            label.item.moveBy(min(0.0, room - r.right()) or max(0.0, -r.left()), 0)

    resize = label.resizeEvent
    label.updateMin = update_min
    label.resizeEvent = fit          # pyqtgraph calls it when the text changes
    label.geometryChanged.connect(fit)     # Qt, when the layout moves or resizes it
    update_min()


def forget_style(*items) -> None:
    """Drop what the theme code remembered about ``items`` (their styled look and base pens,
    fonts and colours): a pane that reuses a plot item for something else calls this before
    giving it new labels or pens, so the next restyle starts from the new ones."""
    for item in items:
        if item is None:
            continue
        for name in [n for n in vars(item) if n.startswith("_initviz_")]:
            delattr(item, name)


def nice_step(span: float, ticks: int = 3) -> float:
    """A round tick spacing (1, 2 or 5 × 10^k) giving about ``ticks`` labels over ``span``."""
    if not span > 0 or not math.isfinite(span):
        return 1.0
    raw = span / ticks
    mag = 10.0 ** math.floor(math.log10(raw))     # a float: 10 ** 20 would be an int
    for m in (1, 2, 5, 10):
        if m * mag >= raw:
            return m * mag
    return 10 * mag


def nice_ceiling(v: float) -> float:
    """The next of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k at or above v: a top for a linear
    axis that moves in steps, not with every new largest loss (each move redraws the axes)."""
    if not v > 0 or not np.isfinite(v):
        return 1.0
    mag = 10.0 ** np.floor(np.log10(v))
    return float(next(m * mag for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)
                      if m * mag >= v * (1 - 1e-12)))   # 10·mag > v: always found


def release_menus(root) -> int:
    """Delete the context menus pyqtgraph makes for every plot and view box under ``root``,
    with the option panels in them (about 400 windows for a main window's panes, menus
    disabled). They are held by connections that outlive the window, so without this they
    stay after it closes, and every later style sheet change re-polishes them. For a window
    that is closing: the plots must not be used afterwards. Returns how many were deleted."""
    import pyqtgraph as pg
    import shiboken6
    doomed = []
    for view in root.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.PlotItem) and item.ctrlMenu is not None:
                c = item.ctrl
                doomed += [item.ctrlMenu, c.transformGroup, c.decimateGroup, c.averageGroup,
                           c.alphaGroup, c.gridGroup, c.pointsGroup]
            elif isinstance(item, pg.ViewBox) and item.menu is not None:
                doomed.append(item.menu)
    deleted = 0
    for widget in doomed:
        if shiboken6.isValid(widget) and widget.parent() is None:
            shiboken6.delete(widget)
            deleted += 1
    return deleted


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_note(power: int) -> str:
    """" (×10⁻⁴)" after an axis label whose tick labels are in units of 10^power."""
    return f" (×10{str(power).translate(_SUPERSCRIPT)})" if power else ""


def x_ticks(x_range: tuple[float, float], count: int, ends: bool = False
            ) -> tuple[list, int]:
    """About ``count`` round ticks over ``x_range``, as pyqtgraph tick levels, and the power
    of ten their labels are written in: "-1, 0, 1" under "(×10⁻⁴)" rather than "-0.0001, 0,
    0.0001", which runs into the next plot's labels when ten plots share a row. ``ends``: the
    ticks at the very ends stay (a wide plot padded for them: tanh's ±1, review 16)."""
    lo, hi = float(x_range[0]), float(x_range[1])
    if not (math.isfinite(lo) and math.isfinite(hi) and hi > lo):
        return [[], []], 0
    for n in range(count, 3 * count + 1):      # at least two labels: a finer step if need be
        step = float(nice_step(hi - lo, n))
        first = math.ceil(lo / step - 1e-9) * step
        values = np.arange(first, hi + step * 1e-6, step, dtype=np.float64)
        values = np.round(values / step) * step       # exact multiples, whatever the scale
        values = values if ends else _inside(values, lo, hi)
        if values.size >= 2:
            break
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

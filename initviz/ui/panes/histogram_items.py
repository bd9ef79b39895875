"""The pieces a histogram plot is drawn with: which layers are shown, the tallest bar, a run's
pen, a plot's title and axes (the tick labels are in look.plot_style, the step curve in
step_curve)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from initviz.engine.heat_view import spread as shown_layers  # noqa: F401 (re-exported)
from initviz.engine.hist_overlap import drawn_peak, peak

from ..look.palette import Palette, tint
from ..look.plot_style import (LABEL_PT, TEXT, TITLE_PT, decade_ticks,  # noqa: F401
                               forget_style, power_note, x_ticks)
from .step_curve import StepCurve

LINE_WIDTH = 2.5
THIN_WIDTH = 1.2     # a run that coincides with an earlier one: thinner, on top of it


def style_curve(curve: StepCurve, i: int, filled: bool, dashed: bool,
                thin: bool = False) -> None:
    """Run i's pen (dashed for runs 5-8; thinner and on top for a run that coincides with
    an earlier one, whose thicker line then shows on both sides of it)."""
    look = (i, filled, dashed, thin)
    if curve._look == look:
        return
    forget_style(curve)
    curve.setZValue(2 if thin else 0)
    pen = pg.mkPen(Palette.color(i), width=THIN_WIDTH if thin else LINE_WIDTH)
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


def measure_bars(cells, view):
    """What the plots of ``cells`` ((plot, pool index, layer, runs, ...) each) will draw of
    ``view``: per (run, layer) its bars in % (positive, negative or None, tallest); per y
    scale (a plot's ``_master``) the tallest bar it must hold; per pool index the clipped
    bars (run, height, x)."""
    magnitude = view.axis == "magnitude"
    bars, y_max, clipped = {}, {}, {}
    for p, k, layer, cell_runs, *_ in cells:
        lv = view.layers[layer] if layer < len(view.layers) else None
        if lv is None:
            continue
        for i in cell_runs:
            rv = lv.runs[i] if i < len(lv.runs) else None
            if rv is None:
                continue
            pos = rv.share(rv.counts) * 100.0   # zeros and non-finite values apart
            neg = rv.share(rv.negative) * 100.0 if magnitude else None
            both = pos if neg is None else np.maximum(pos, neg)
            found = peak(both)
            top, _, at = found
            shown = drawn_peak(both, found)
            if shown < top:
                # One bin towers over the rest (a point mass, a dead layer): clip it and say
                # its height, so the rest of the distribution stays visible.
                clipped.setdefault(k, []).append(
                    (i, top, float(lv.edges[at] + lv.edges[at + 1]) / 2))
            y_max[p._master] = max(y_max.get(p._master, 0.0), shown)
            bars[(i, layer)] = (pos, neg, top)
    return bars, y_max, clipped


Y_ROOM = 1.2       # a moved y range holds the peak at 1 / 1.2 = 83 % of its height ...
Y_LOW = 0.65       # ... and comes down once the peak stays below 65 % of it ...
Y_PATIENCE = 6     # ... for this many pictures in a row ...
Y_DROP = 0.4       # ... or at once below 40 %


def set_y_range(ranges: dict, plots, master, mirrored: bool, top: float,
                settled: bool = False) -> None:
    """Set the y range of the plots that share ``master``'s (``ranges``: master -> (lo, hi,
    mirrored, pictures low)); ``mirrored``: negative values below the line, from -``top``.
    A new or ``settled`` picture (no run training) fits ``top``;
    while runs train the range grows at once, with room, and shrinks only when the peak has
    stayed well below it: calmer to watch, and each move repaints every plot (a third of a
    redraw). Shrinking to the bare peak at once, as it did, moved the range in most frames
    of a noisy peak."""
    old = ranges.get(master)
    fresh = old is None or old[2] != mirrored
    if settled or fresh:
        if not fresh and old[1] == top:
            return
    else:
        low = old[3] + 1 if top < Y_LOW * old[1] else 0
        if top <= old[1] and top >= Y_DROP * old[1] and low < Y_PATIENCE:
            ranges[master] = (*old[:3], low)
            return
        top *= Y_ROOM
    for p in plots:
        if p._master is master:
            p.setYRange(-top if mirrored else 0, top, padding=0)
            p.getAxis("left").mirrored = mirrored    # ticks by pixels: use_mirrored_ticks
    ranges[master] = (-top if mirrored else 0.0, top, mirrored, 0)


def check_quietly(box, on: bool) -> None:
    """Show ``on`` in a check box without acting on it (the pane chose it, not the user)."""
    if box.isChecked() != on:
        box.blockSignals(True)
        box.setChecked(on)
        box.blockSignals(False)

"""Every plot a histogram pane ever made, with its curves and notes, kept for reuse: a new
experiment only rearranges them (making ten PlotItems costs ~300 ms, a visible freeze)."""
from __future__ import annotations

import pyqtgraph as pg

from ..look.axis_labels import keep_apart
from ..look.hist_ticks import use_decade_ticks, use_mirrored_ticks
from ..look.plot_style import style_plot
from ..look.themes import zero_pen
from .histogram_items import StepCurve
from .histogram_marks import NoteGroup, PlotMarks


class PlotPool:
    """Plots made on first use, each with its curves and its PlotMarks; the pane sets
    their ranges. ``resized`` is called when a plot's size changes."""

    def __init__(self, resized):
        self.plots: list[pg.PlotItem] = []
        self.curves: list[list[StepCurve]] = []
        self.marks: list[PlotMarks] = []
        self.notes = NoteGroup()     # the notes of the plots shown look alike
        self._resized = resized

    def __len__(self) -> int:
        return len(self.plots)

    def plot(self, k: int) -> pg.PlotItem:
        while len(self.plots) <= k:
            p = pg.PlotItem(enableMenu=False)   # no menu to make and drop (style_plot)
            style_plot(p)
            p.showGrid(x=False, y=False)   # grid lines over ten plots cost ~30 ms a frame
            vb = p.vb
            vb.disableAutoRange()          # the ranges are set deliberately (see draw)
            vb.setMouseEnabled(x=True, y=False)
            p.vb.sigResized.connect(lambda *_: self._resized())
            use_decade_ticks(p.getAxis("bottom"))
            # End labels may reach half the plots' spacing (2 px) past the axis: "−1" fits.
            keep_apart(p.getAxis("bottom"), spare=2.0)
            use_mirrored_ticks(p.getAxis("left"))
            keep_apart(p.getAxis("left"), overhang=0.3)
            # 0: the curves leave it out along their empty bins (on a linear axis too: only
            # the bottom row has an axis line)
            p.zero_line = pg.InfiniteLine(pos=0, angle=0, pen=zero_pen(), movable=False)
            p.zero_line.is_zero_line = True      # themes.py styles it
            p.addItem(p.zero_line, ignoreBounds=True)
            self.plots.append(p)
            self.curves.append([])
            self.marks.append(PlotMarks(p, self.notes))
        return self.plots[k]

    def curve(self, k: int, j: int) -> StepCurve:
        """Curve j of plot k, made on first use."""
        curves = self.curves[k]
        while len(curves) <= j:
            curve = StepCurve()
            self.plots[k].addItem(curve)
            curves.append(curve)
        return curves[j]

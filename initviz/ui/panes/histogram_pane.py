"""One histogram per hidden layer in a grid with shared axes: activations (or pre-activations),
back-propagated gradients or weights. Runs are overlaid in their colours or side by side.

Speed (ten layers, three runs, redrawn up to 30 times a second): the plots are made once and
kept in a pool, so a new experiment only rearranges them (making ten PlotItems costs ~300 ms,
a visible freeze); the curves are bare PlotCurveItems with fixed ranges (no auto-range, no
finite check, no antialiasing: steps are horizontal and vertical); the axes paint from a
pixmap cache unless their range or ticks change."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QCheckBox

from initviz.engine.hist_view import ViewState, common_bound, pane_view

from ..look.palette import Palette, tint
from .pane import Pane
from .step_curve import StepCurve
from ..look.plot_style import (LABEL_PT, TEXT, TITLE_PT, forget_style, power_note,
                               style_plot, x_ticks)

MAX_LAYERS = 10          # deeper nets show ten layers spread from the first to the last
MAX_LAYERS_SIDE = 6      # fewer when every run gets its own row
LINE_WIDTH = 2.5


def shown_layers(n: int, limit: int) -> tuple[int, ...]:
    if n <= limit:
        return tuple(range(n))
    return tuple(int(i) for i in np.unique(np.round(np.linspace(0, n - 1, limit))))


SPIKE_RATIO = 3.0


def _peak(pct: np.ndarray) -> tuple[float, float, int]:
    """Highest bin, the highest bin outside it, and where the highest is."""
    if pct.size < 2:
        return (float(pct.max()) if pct.size else 0.0), 0.0, 0
    at = int(np.argmax(pct))
    top = float(pct[at])
    rest = np.delete(pct, at)
    return top, float(rest.max()), at


class HistogramPane(Pane):
    def __init__(self, kind: str, parent=None):
        super().__init__(parent=parent)
        assert kind in ("activation", "gradient", "weight")
        self.kind = kind
        self.preactivation = False
        self.side_by_side = False
        self._plots: list = []                 # the plots in use, in grid order
        self._curves: dict[tuple[int, int], StepCurve] = {}   # (run, layer) -> curve
        self._peaks: dict[tuple[int, int], pg.TextItem] = {}
        self._pool: list[pg.PlotItem] = []     # every plot ever made, reused
        self._pool_curves: list[list[StepCurve]] = []
        self._pool_peaks: list[list[pg.TextItem]] = []
        self._placed = None                    # grid placement of the plots in the layout
        self._x_label = None
        self._shape = None
        self._drawn: dict[int, tuple] = {}     # run -> what its curves show
        self._peak_text: dict[tuple[int, int], tuple] = {}
        self._x_range = None
        self._x_power = 0          # tick labels are in units of 10^power (shown in the label)
        self._y_max = None
        self._state = ViewState()     # the ranges, following the data calmly
        self._view = self._view_key = None

        self.side_box = QCheckBox()
        self.side_box.toggled.connect(self.set_side_by_side)
        bar = self.title_row
        if kind == "activation":
            self.pre_box = QCheckBox()
            self.pre_box.toggled.connect(self.set_preactivation)
            bar.addWidget(self.pre_box)
        bar.addWidget(self.side_box)
        self.view = pg.GraphicsLayoutWidget()
        self.view.ci.setSpacing(4)
        self.add_body(self.view, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.side_box.setText(self.tr("Side by side"))
        self.side_box.setToolTip(self.tr("Give every run its own row instead of overlaying "
                                         "the runs in one plot per layer"))
        if self.kind == "activation":
            self.pre_box.setText(self.tr("Pre-activation u"))
            self.pre_box.setToolTip(self.tr("Show the pre-activations u = W·x + b, the inputs "
                                            "of the activation function, instead of its "
                                            "outputs f(u)"))
        self._update_title()
        self._shape = None        # plot titles and axis labels are made with the grid

    # -- what is drawn (tests and exports read it) ----------------------------------------
    def curves(self) -> dict:
        """(run, layer) -> the StepCurve that shows it."""
        return dict(self._curves)

    def plots(self) -> list:
        """The PlotItems in use, in grid order."""
        return list(self._plots)

    def pooled_curves(self, k: int) -> list:
        """Every curve ever made in plot k of the pool (the first shows run 0)."""
        return list(self._pool_curves[k])

    def pool_size(self) -> int:
        return len(self._pool)

    def x_label(self):
        return self._x_label

    # -- labels ----------------------------------------------------------------------------
    def _field(self) -> str:
        if self.kind == "activation":
            return "preactivation" if self.preactivation else "activation"
        return self.kind

    def _x_label_text(self) -> str:
        return {"activation": self.tr("activation value f(u)"),
                "preactivation": self.tr("pre-activation value u"),
                "gradient": self.tr("gradient ∂L/∂u"),
                "weight": self.tr("weight value")}[self._field()]

    def _update_title(self) -> None:
        text = {"activation": self.tr("Activations of each hidden layer"),
                "preactivation": self.tr("Pre-activations (inputs of the activation "
                                         "function) of each hidden layer"),
                "gradient": self.tr("Back-propagated gradients ∂L/∂u of each hidden layer"),
                "weight": self.tr("Incoming weights of each hidden layer")}[self._field()]
        self.title.setText(text)

    # -- toggles ---------------------------------------------------------------------------
    def set_preactivation(self, on: bool) -> None:
        self.preactivation = bool(on)
        if self.kind == "activation" and self.pre_box.isChecked() != on:
            self.pre_box.setChecked(on)
        self._update_title()
        self._shape = None   # axis labels change: rebuild

    def show_view(self, view: str | None) -> None:
        if self.kind == "activation":
            self.set_preactivation(view == "preactivations")

    def set_side_by_side(self, on: bool) -> None:
        self.side_by_side = bool(on)
        if self.side_box.isChecked() != on:
            self.side_box.setChecked(on)
        self._shape = None

    # -- the pool of plots -----------------------------------------------------------------
    def _pooled(self, k: int) -> pg.PlotItem:
        """Plot k of the pool, made on first use. Every plot shares the x and y range of
        plot 0 (the top-left one in every arrangement)."""
        while len(self._pool) <= k:
            p = pg.PlotItem()
            style_plot(p)
            p.showGrid(x=False, y=False)   # grid lines over ten plots cost ~30 ms a frame
            vb = p.vb
            vb.disableAutoRange()          # the ranges are set deliberately (see draw)
            vb.setMouseEnabled(x=True, y=False)
            if self._pool:
                p.setXLink(self._pool[0])
                p.setYLink(self._pool[0])
            self._pool.append(p)
            self._pool_curves.append([])
            self._pool_peaks.append([])
        return self._pool[k]

    def _curve(self, k: int, j: int) -> tuple[StepCurve, pg.TextItem]:
        """Curve j (and its peak label) of pooled plot k, made on first use."""
        curves, peaks = self._pool_curves[k], self._pool_peaks[k]
        while len(curves) <= j:
            curve = StepCurve()
            self._pool[k].addItem(curve)
            curves.append(curve)
            peak = pg.TextItem(anchor=(0, 0))
            peak.setZValue(10)
            peak.hide()
            self._pool[k].addItem(peak)
            peaks.append(peak)
        return curves[j], peaks[j]

    def warm_up(self) -> bool:
        """Make one more pooled plot ahead of need (the window calls this while idle);
        False once the pool holds every plot an overlaid grid uses."""
        if len(self._pool) >= MAX_LAYERS:
            return False
        self._pooled(len(self._pool))
        return True

    # -- building --------------------------------------------------------------------------
    def _rebuild(self, n_runs: int, n_layers: int, labels: list[str]) -> None:
        """Arrange pooled plots for this experiment. Only what differs from the previous
        arrangement is touched: a changed axis or title repaints (and is restyled by the
        theme) from scratch, which is most of a rebuild's cost."""
        self._curves, self._drawn, self._peaks, self._peak_text = {}, {}, {}, {}
        side = self.side_by_side and n_runs > 1
        layers = shown_layers(n_layers, MAX_LAYERS_SIDE if side else MAX_LAYERS)
        rows = n_runs if side else (1 if len(layers) <= 5 else 2)
        cols = len(layers) if side else -(-len(layers) // rows)
        cells = []   # (row, col, layer, runs)
        for r in range(rows):
            for c in range(cols):
                pos = c if side else r * cols + c
                if pos < len(layers):
                    cells.append((r, c, layers[pos], [r] if side else list(range(n_runs))))
        placed = tuple((r, c) for r, c, _, _ in cells) + (rows, cols)
        if placed != self._placed:
            self.view.ci.clear()    # removes the plots from the layout; the pool keeps them
            for k, (r, c, _, _) in enumerate(cells):
                self.view.ci.addItem(self._pooled(k), row=r, col=c)
            # One x label under the whole grid: repeated labels under narrow plots collide.
            self._x_label = self.view.ci.addLabel(self._x_label_text(), row=rows, col=0,
                                                  colspan=cols, size=f"{LABEL_PT}pt",
                                                  color=TEXT)
            self._placed = placed
            self._x_range = self._y_max = None     # new plots in view: set ranges and ticks
        self._plots = []
        filled = n_runs == 1 or side
        for k, (r, c, layer, runs) in enumerate(cells):
            p = self._pooled(k)
            bottom_row = r == rows - 1 or (not side and k + cols >= len(layers))
            title = self.tr("layer {0}").format(layer + 1) if (r == 0 or not side) else None
            if side and c == 0:
                y_label = (f"{labels[r]} — {self.tr('% of values')}", Palette.hex(r))
            else:
                y_label = (self.tr("% of values"), TEXT) if c == 0 else None
            self._configure(p, title, y_label, bottom_row)
            curves = [self._curve(k, j) for j in range(len(runs))]
            for j, (curve, peak) in enumerate(curves):
                i = runs[j]
                look = (i, filled)
                if getattr(curve, "_look", None) != look:
                    forget_style(curve, peak)
                    # Overlaid runs: lines only (translucent fills cost ~1 ms each per frame
                    # and turn muddy where they overlap); a lone run gets an opaque tint.
                    curve.setPen(pg.mkPen(Palette.color(i), width=LINE_WIDTH))
                    curve.setBrush(pg.mkBrush(tint(Palette.color(i))) if filled else None)
                    curve.setFillLevel(0 if filled else None)
                    peak.setColor(Palette.color(i))
                    curve._look = look
                curve.set_steps(np.zeros(2), np.zeros(1), 0.0)   # nothing until drawn
                curve.show()
                peak.hide()
                self._curves[(i, layer)] = curve
                self._peaks[(i, layer)] = peak
            for curve, peak in zip(self._pool_curves[k][len(runs):],
                                   self._pool_peaks[k][len(runs):]):
                curve.hide()
                peak.hide()
            self._plots.append(p)
        self._shape = (n_runs, n_layers, self.side_by_side, tuple(labels), self._field())
        self.legend.show_runs(labels)

    def _configure(self, p, title, y_label, bottom_row: bool) -> None:
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

    def export_table(self, histories, edges=None):
        """The bins the pane draws: its view's edges, each run's (estimated) count and
        share."""
        rows = []
        layers = self.view_of(histories).layers
        for h in histories:
            for lv in layers:
                rv = lv.runs[h.index] if h.index < len(lv.runs) else None
                if rv is None:
                    continue
                e, pct = lv.edges, rv.share(rv.counts) * 100.0
                rows += [[h.label, lv.layer, e[b], e[b + 1], rv.counts[b], pct[b]]
                         for b in range(len(rv.counts))]
        return ["run", "layer", "bin_left", "bin_right", "count", "percent"], rows

    # -- drawing ---------------------------------------------------------------------------
    def view_of(self, histories):
        """The pictures this pane shows for ``histories`` (a ``hist_view.PaneView``)."""
        runs = [h for h in histories if h.layers is not None]
        key = (self._field(), tuple((h.index, h.layers_version) for h in runs))
        if self._view_key != key:
            self._view = pane_view(
                [h.layers for h in histories], self._field(), axis="linear", shared=True,
                bounded=common_bound(h.layers[0].activation_range for h in runs if h.layers),
                state=self._state)
            self._view_key = key
        return self._view

    def draw(self, histories, edges=None) -> None:
        """Update the curves from the latest per-layer statistics of every run, as
        ``hist_view.pane_view`` makes them (``edges`` is unused: each run's histograms carry
        their own)."""
        runs = [h for h in histories if h.layers is not None]
        if not runs:
            return
        n_layers = max(len(h.layers) for h in runs)
        labels = [h.label for h in histories]
        field = self._field()
        if self._shape != (len(histories), n_layers, self.side_by_side, tuple(labels), field):
            self._rebuild(len(histories), n_layers, labels)
            self._state, self._view_key = ViewState(), None
        view = self.view_of(histories)
        if not view.layers:
            return
        e = view.layers[0].edges
        y_max, spikes = 0.0, []
        pad = (0.01 * float(e[-1] - e[0]), 0.01 * (self._y_max or 100.0))
        for h in runs:
            drawn = (h.layers_version, e)
            old = self._drawn.get(h.index)
            fresh = old is None or old[0] != drawn[0] or old[1] is not e
            for lv in view.layers:
                where = (h.index, lv.layer - 1)
                curve = self._curves.get(where)
                rv = lv.runs[h.index] if h.index < len(lv.runs) else None
                if curve is None or rv is None:
                    continue
                pct = rv.share(rv.counts) * 100.0    # zeros and non-finite values apart
                top, second, at = _peak(pct)
                if top > SPIKE_RATIO * max(second, 0.5):
                    # One bin towers over the rest (a point mass, a dead layer): clip it
                    # and print its height, so the rest of the distribution stays visible.
                    spikes.append((where, top, e[at], e[at + 1]))
                    y_max = max(y_max, second)
                else:
                    y_max = max(y_max, top)
                    if self._peak_text.pop(where, None) is not None:
                        self._peaks[where].hide()
                if fresh:
                    curve.set_steps(e, pct, top, pad)
            self._drawn[h.index] = drawn
        if not self._plots:
            return
        x_range = (float(e[0]), float(e[-1]))
        if x_range != self._x_range:
            self._plots[0].setXRange(*x_range, padding=0.06)
            self._x_range = x_range
            ticks, self._x_power = x_ticks(x_range, 4 if len(self._plots) > 3 else 6)
            for p in self._plots:   # few, round ticks: narrow plots must not crowd
                p.getAxis("bottom").setTicks(ticks)
        text = self._x_label_text() + power_note(self._x_power)
        if self._x_label is not None and self._x_label.text != text:
            forget_style(self._x_label)
            self._x_label.setText(text, size=f"{LABEL_PT}pt", color=TEXT)
        # Only move the y range when the peak changes noticeably, and then with some room:
        # calmer to watch, and each move repaints every plot (~10 ms for ten plots).
        top = max(y_max * (1.25 if spikes else 1.08), 1.0)
        if self._y_max is None or not 0.75 * self._y_max <= top <= self._y_max:
            top = top * 1.1 if self._y_max is not None and top > self._y_max else top
            self._plots[0].setYRange(0, top, padding=0)
            self._y_max = top
            self._peak_text = {}      # their heights follow the range
        for where, height, x0, x1 in spikes:
            label = self._peaks.get(where)
            if label is None:
                continue
            text = self.tr("↑ {0:.0f} %").format(height)
            # Stack the labels of overlaid runs so they do not cover each other.
            slot = 0 if self.side_by_side else where[0]
            pos = (float(x1), self._y_max * (0.97 - 0.09 * slot))
            if self._peak_text.get(where) != (text, pos):
                label.setText(text)         # a new text lays itself out again: only if new
                label.setPos(*pos)
                label.show()
                self._peak_text[where] = (text, pos)

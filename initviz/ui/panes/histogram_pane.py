"""One histogram per hidden layer in a grid: activations (or pre-activations), back-propagated
gradients or weights, drawn as ``hist_view.pane_view`` makes them. Each layer has its own range
(shared by the runs; optionally one for all layers), following the data calmly; a linear or a
log10|x| axis. Exact zeros and non-finite values are numbers in the plot, not bars; a bar too
tall for the common y scale is clipped and labelled once. Runs are overlaid, a run that coincides
with an earlier one drawn thinner on top of it, or each in its own row with its own y scale
(by default where one run would be a smear under another's peak, or where more than four
distinct runs would share a plot: ``hist_overlap.rows_by_default``).

Speed (ten layers, three runs, redrawn up to 30 times a second): the plots are made once and
kept in a pool (``histogram_pool``), so a new experiment only rearranges them; the curves are bare PlotCurveItems with fixed ranges (no auto-range, no
finite check, no antialiasing: steps are horizontal and vertical); the axes paint from a
pixmap cache unless their range or ticks change."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea

from initviz.engine.hist_overlap import coinciding, rows_by_default

from ..i18n import run_label
from ..look.hist_ticks import share_decades
from ..look.palette import Palette
from ..look.plot_style import LABEL_PT, TEXT, forget_style
from .histogram_boxes import label_boxes, make_boxes, pane_title, show_start_box
from .histogram_items import (StepCurve, check_quietly, configure_plot, measure_bars,
                              power_note, set_y_range, shown_layers, style_curve, x_ticks)
from .histogram_marks import legend_texts, view_rows, x_label_text
from .histogram_pool import PlotPool
from .histogram_views import PaneViews
from .histogram_rows import fit_grid, fit_title, fixed_rows, free_rows, place, rows_need
from .zero_reasons import zero_runs, zeros_reason
from .pane import Pane

MAX_LAYERS = 10          # deeper nets show ten layers spread from the first to the last
MAX_LAYERS_SIDE = 6      # fewer when every run gets its own row


class HistogramPane(Pane):
    def __init__(self, kind: str, parent=None):
        super().__init__(parent=parent)
        assert kind in ("activation", "gradient", "weight")
        self.kind = kind
        self.preactivation = False
        self.side_by_side = None               # None: as rows_by_default says
        self._rows_auto = False                # the automatic choice (kept once made)
        self.axis = "auto"                     # one of AXES
        self.shared = False                    # one range for all layers
        self.row_layers: tuple[int, ...] = ()  # the preset's layers for rows (1-based)
        self._plots: list = []                 # the plots in use, in grid order
        self._cells: list = []                 # (plot, layer, runs) in grid order
        self._curves: dict[tuple[int, int], tuple[StepCurve, StepCurve]] = {}
        self._pool = PlotPool(lambda: QTimer.singleShot(0, self, self._fit_rows))
        self._placed = None                    # grid placement of the plots in the layout
        self._rows: list = []                  # in rows: the plots of each run's row
        self._first_row: list = []             # the plots of the grid's first row
        self._titles: list = []                # in rows: the column titles' labels
        self._x_label = None
        self._shape = None
        self._drawn: dict = {}                 # (run, layer) -> what its curves show
        self._y_range: dict = {}               # y scale (its first plot) -> (lo, hi, log axis)
        self._views = PaneViews()              # the latest step's pictures, or step 0's
        self._same = (None, {})                # (view, runs that coincide in it)
        self._legend = None
        self._activations: list[str] = []      # each run's, for zero_reasons

        make_boxes(self)
        self.view = pg.GraphicsLayoutWidget()
        self.view.ci.setSpacing(4)
        self.view.sigDeviceRangeChanged.connect(self._fit_rows)
        # Rows that would be too short to read (histogram_rows.least_row) scroll instead.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.view)
        self.add_body(self.scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        label_boxes(self)
        self._update_title()
        self._shape = None        # plot titles and axis labels are made with the grid

    # -- what is drawn (tests and exports read it) ----------------------------------------
    def curves(self) -> dict:
        """(run, layer) -> the StepCurve that shows it (its positive values on the log axis)."""
        return {key: pair[0] for key, pair in self._curves.items()}

    def plots(self) -> list:
        """The PlotItems in use, in grid order."""
        return list(self._plots)

    def column_titles(self) -> list:
        """In rows: (text, scene rectangle of the text) of each column's layer title."""
        return [(t.text, t.item.sceneBoundingRect()) for t in self._titles if t.isVisible()]

    def pooled_curves(self, k: int) -> list:
        """Every curve ever made in plot k of the pool (curves 2i and 2i+1 show run i)."""
        return list(self._pool.curves[k])

    def pool_size(self) -> int:
        return len(self._pool)

    def notes(self) -> list:
        """(plot, text item) of every note shown in the plots in use."""
        return [(p, t) for p, k, *_ in self._cells for t in self._pool.marks[k].lines
                if t.isVisible()]

    def x_label(self):
        return self._x_label

    # -- labels ----------------------------------------------------------------------------
    def _field(self) -> str:
        if self.kind == "activation":
            return "preactivation" if self.preactivation else "activation"
        return self.kind

    def _update_title(self) -> None:
        self.title.setText(pane_title(self._field(), self.start_box.isChecked()))

    # -- toggles ---------------------------------------------------------------------------
    def _restart(self) -> None:
        self._shape = None            # rebuild; the ranges start afresh
        self._views.restart()

    def set_preactivation(self, on: bool) -> None:
        self.preactivation = bool(on)
        if self.kind == "activation" and self.pre_box.isChecked() != on:
            self.pre_box.setChecked(on)
        self._update_title()
        self._restart()

    def set_axis(self, axis: str) -> None:
        """"auto" (the view's default), "linear" or "magnitude"."""
        if axis == self.axis:
            return
        self.axis = axis
        self._show_axis(axis == "magnitude")
        self._restart()

    def _show_axis(self, magnitude: bool) -> None:
        check_quietly(self.axis_box, magnitude)

    def set_shared(self, on: bool) -> None:
        self.shared = bool(on)
        if self.shared_box.isChecked() != on:
            self.shared_box.setChecked(on)
        self._restart()

    def show_view(self, view: str | None) -> None:
        if self.kind == "activation":
            self.set_preactivation(view == "preactivations")

    def set_config(self, config) -> None:
        self._activations = [config.run_network(i).activation for i in range(len(config.runs))]

    def show_preset(self, preset) -> None:
        shared, axis = preset.hist_default(self.kind) if preset is not None else (False, "auto")
        self.row_layers = preset.row_layers if preset is not None else ()
        self.set_shared(shared)
        self.set_axis(axis)
        self.set_side_by_side(None)
        self.set_at_start(preset is not None and preset.opens_at_start(self.kind))

    def set_at_start(self, on: bool) -> None:
        """Draw, export and report step 0's histograms (True) or the latest ones."""
        on = bool(on)
        show_start_box(self.start_box, on)
        self._update_title()
        if self._views.at_start != on:
            self._views.at_start = on
            self._drawn, self._legend = {}, None

    def at_start(self) -> bool:
        return self._views.at_start

    def set_side_by_side(self, on: bool | None) -> None:
        """True: a row per run; False: overlaid; None: as ``rows_by_default`` says."""
        self.side_by_side = None if on is None else bool(on)
        self._rows_auto = False
        self._show_side(bool(on))
        self._shape = None

    def rows_shown(self) -> bool:
        """Whether each run has its own row now (chosen, or by default)."""
        return bool(self._shape and self._shape[2])

    def _show_side(self, on: bool) -> None:
        check_quietly(self.side_box, on)

    def _fit_rows(self, *_) -> None:
        need = rows_need(self.view.ci, self._rows, fixed_rows(self._rows))
        need = round(need) if need > self.scroll.viewport().height() + 0.5 else 0
        if self.view.minimumHeight() != need:
            self.view.setMinimumHeight(need)     # the scroll area resizes it
        fit_grid(self.view, self._rows, self._titles, self._first_row, 1 if self._rows else 0)

    def warm_up(self) -> bool:
        """Make one more pooled plot ahead of need (the window calls this while idle);
        False once the pool holds every plot an overlaid grid uses."""
        if len(self._pool) >= MAX_LAYERS:
            return False
        self._pool.plot(len(self._pool))
        return True

    # -- building --------------------------------------------------------------------------
    def _rebuild(self, n_runs: int, n_layers: int, labels: list[str], side: bool) -> None:
        """Arrange pooled plots for this experiment. Only what differs from the previous
        arrangement is touched: a changed axis or title repaints (and is restyled by the
        theme) from scratch, which is most of a rebuild's cost."""
        self._curves, self._drawn = {}, {}
        side = side and n_runs > 1
        layers = shown_layers(n_layers, MAX_LAYERS_SIDE if side else MAX_LAYERS)
        if side and self.row_layers and self.row_layers[-1] == n_layers:   # (its depth)
            layers = tuple(n - 1 for n in self.row_layers)
        rows = n_runs if side else (1 if len(layers) <= 5 else 2)
        cols = len(layers) if side else -(-len(layers) // rows)
        cells = []   # (row, col, layer, runs)
        for r in range(rows):
            for c in range(cols):
                pos = c if side else r * cols + c
                if pos < len(layers):
                    cells.append((r, c, layers[pos], [r] if side else list(range(n_runs))))
        names = tuple(run_label(label) for label in labels) if side else ()
        placed = tuple((r, c) for r, c, _, _ in cells) + (rows, cols) + names
        if placed != self._placed:
            free_rows(self.view.ci, len(self._rows) + 2 if self._rows else 0)
            plots = [self._pool.plot(k) for k in range(len(cells))]
            self._titles, self._x_label, self._rows = place(
                self.view.ci, [(p, r, c) for p, (r, c, _, _) in zip(plots, cells)], rows, cols,
                names if side else None)
            self._placed = placed
        self._y_range = {}
        self._pool.notes.reset()
        self._plots, self._cells = [], []
        self._first_row = [self._pool.plot(k) for k, cell in enumerate(cells) if cell[0] == 0]
        filled = n_runs == 1 or side
        for k, (r, c, layer, runs) in enumerate(cells):
            p = self._pool.plot(k)
            p._xr = None
            # A row per run has its own y scale (its first plot's); overlaid, all share one.
            # (set on each plot: through pyqtgraph's links each move cost a third more)
            p._master = self._pool.plot(r * cols if side else 0)
            p._layer_title = (layer, not side, c)
            bottom_row = r == rows - 1 or (not side and k + cols >= len(layers))
            y_label = ("%" if side else self.tr("% of values"), TEXT) if c == 0 else None
            for j, i in enumerate(runs):
                pos, neg = self._pool.curve(k, 2 * j), self._pool.curve(k, 2 * j + 1)
                for curve in (pos, neg):
                    curve._look = None
                    curve.set_steps(np.zeros(2), np.zeros(1), 0.0)   # nothing until drawn
                    curve.show()
                self._curves[(i, layer)] = (pos, neg)
            for curve in self._pool.curves[k][2 * len(runs):]:
                curve.hide()
            self._pool.marks[k].hide()
            self._plots.append(p)
            self._cells.append((p, k, layer, runs, bottom_row, y_label, filled))
        self._shape = (n_runs, n_layers, side, tuple(labels), self._field())
        self._legend = None

    def export_table(self, histories, edges=None):
        """The bins the pane draws (exact zeros and values beyond the range are in no bin)."""
        return ["run", "layer", "bin_left", "bin_right", "count", "percent"], view_rows(
            self.view_of(histories), histories)

    # -- drawing ---------------------------------------------------------------------------
    def view_of(self, histories):
        """The pictures this pane shows for ``histories`` (a ``hist_view.PaneView``): the
        latest, or step 0's with "At the start"."""
        return self._views.view_of(histories, self._field(), self.axis, self.shared)

    def _draw_cells(self, view, same: dict, magnitude: bool, settled: bool) -> None:
        """The ranges, titles, curves and notes of every plot in use."""
        bars, y_max, clipped = measure_bars(self._cells, view)
        for master, tallest in y_max.items():     # mirrored only for negative values
            set_y_range(self._y_range, self._plots, master, view.signed,
                        max(tallest * (1.25 if clipped else 1.08), 1.0), settled)
        count = 3 if len(self._plots) > 5 else (4 if len(self._plots) > 3 else 6)
        for p, k, layer, cell_runs, bottom_row, y_label, filled in self._cells:
            lv = view.layers[layer] if layer < len(view.layers) else None
            if lv is None:
                continue
            e = lv.edges
            x_range = (float(e[0]), float(e[-1]))
            power = 0
            if p._xr != (x_range, magnitude):
                # room for the end labels (−1 and 1); decades are labelled clear of the ends
                p.setXRange(*x_range, padding=0.01 if magnitude else 0.1)
                axis = p.getAxis("bottom")
                axis.decades = magnitude             # by its pixels (use_decade_ticks)
                ticks = None if magnitude else x_ticks(x_range, count, ends=count == 6)
                if ticks is not None:
                    ticks, power = ticks
                axis.setTicks(ticks)
                p._xr, p._power = (x_range, magnitude), power
            layer_no, titled, col = p._layer_title
            title = self.tr("layer {0}").format(layer_no + 1) + power_note(p._power)
            if not titled and col < len(self._titles):
                short = f"{layer_no + 1}{power_note(p._power)}"
                once = col > 0 and p._power == getattr(self._plots[0], "_power", None)
                fit_title(self._titles[col],      # the unit once, over layer 1, is enough
                          (title, short, str(layer_no + 1)) if once else (title, short))
            title = title if titled else None
            configure_plot(p, title, y_label, bottom_row)
            y_top = self._y_range.get(p._master, (0.0, 1.0))[1]
            pad = (0.01 * (x_range[1] - x_range[0]), 0.01 * y_top)
            zeros, bad = [], []
            for i in cell_runs:
                drawn = bars.get((i, layer))
                pos_curve, neg_curve = self._curves[(i, layer)]
                for curve in (pos_curve, neg_curve):
                    style_curve(curve, i, filled, Palette.dashed(i), i in same)
                if drawn is None:
                    continue
                pos, neg, top_i = drawn
                key = (id(view), magnitude)
                if self._drawn.get((i, layer)) != key:
                    pos_curve.set_steps(e, pos, top_i, pad)
                    if neg is not None:
                        neg_curve.set_steps(e, -neg, 0.0, pad, bottom=-float(neg.max()))
                    neg_curve.setVisible(neg is not None)
                    self._drawn[(i, layer)] = key
                if same.get(i, (None, False))[1]:   # exactly an earlier run's, which the
                    continue        # legend names: one "zeros" note, not one a run (review 14)
                rv = lv.runs[i]
                if rv.zeros and rv.zeros * 200 >= rv.total:         # at least 0.5 %
                    zeros.append((i, 100.0 * rv.zeros / rv.total))
                if rv.nan + rv.inf:
                    bad.append((i, 100.0 * (rv.nan + rv.inf) / rv.total))
            hits = sorted(clipped.get(k, ()), key=lambda t: -t[1])
            shapes = [(e, bars[(i, layer)][0]) for i in cell_runs if (i, layer) in bars]
            self._pool.marks[k].show(x_range, y_top, zeros, bad, hits, shapes)

    def draw(self, histories, edges=None) -> None:
        """Update the curves from the latest per-layer statistics of every run, as
        ``hist_view.pane_view`` makes them (``edges`` is unused: each run's histograms carry
        their own)."""
        if show_start_box(self.start_box, self._views.at_start, histories):
            self._update_title()
        histories = self._views.histories(histories)
        runs = [h for h in histories if h.layers is not None]
        if not runs:
            return
        n_layers = max(len(h.layers) for h in runs)
        labels = [h.label for h in histories]
        view = self.view_of(histories)
        if self._same[0] is not view:        # a new picture: which runs hide each other
            self._same = (view, coinciding(view, len(histories)))
        same = self._same[1]
        side = self.side_by_side
        if side is None:     # once rows are chosen for an experiment, they stay (calm)
            self._rows_auto = self._rows_auto or rows_by_default(view, len(histories), same)
            side = self._rows_auto
        same = {} if side and len(histories) > 1 else same     # in rows nothing is hidden
        self._show_side(side)
        if self._shape != (len(histories), n_layers, side, tuple(labels), self._field()):
            self._rebuild(len(histories), n_layers, labels, side)
        if not view.layers or not self._plots:
            return
        magnitude = view.axis == "magnitude"
        self._show_axis(magnitude)
        settled = self._views.at_start or all(h.finished or h.total_steps <= 0 for h in histories)
        state = (settled, self.view.width(), self.view.height())    # notes sized for the last
        if state != self._pool.notes.state:   # frame and the pane's size, not as an earlier
            self._pool.notes.reset()           # frame needed (review 17)
        self._pool.notes.state = state
        for marks in self._pool.marks:    # notes are placed once, when the ranges are set
            marks.held = True
        try:
            self._draw_cells(view, same, magnitude, settled)
        finally:
            for marks in self._pool.marks:
                marks.held = False
        if self._pool.notes.dirty:      # a note took the small font or left its plot: all do
            self._pool.notes.dirty = False
            for _, k, *_ in self._cells:
                self._pool.marks[k]._again()
        self._fit_rows()
        share_decades(p for p, *_ in self._cells)
        x_text = x_label_text(self._field(), view.axis)
        if self._x_label is not None and self._x_label.text != x_text:
            forget_style(self._x_label)
            self._x_label.setText(x_text, size=f"{LABEL_PT}pt", color=TEXT)
        moved = [(i, layer + 1, v) for _, k, layer, *_ in self._cells
                 for i, v in self._pool.marks[k].moved]
        said = set().union(*(self._pool.marks[k].said for _, k, *_ in self._cells))
        columns = [layer + 1 for _, _, layer, *_ in self._cells]
        why = zeros_reason(view.field, self._activations, zero_runs(view))
        shown, key = legend_texts(view, labels, same, moved, said,   # a row per run: names
                                  columns, why)
        legend = (() if self.rows_shown() else tuple(shown), key)   # (rows were 20 px tall)
        if legend != self._legend:       # a new text lays itself out again: only if new
            self._legend = legend
            self.legend.show_runs(legend[0], key=legend[1])

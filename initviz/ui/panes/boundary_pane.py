"""The decision boundary of each run over the 2-D data, live, and (with track_units) the incoming
weights of each hidden unit over training: identical units draw identical lines."""
from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QFont, QFontMetrics

from initviz.engine import data as engine_data

from ..i18n import current_language, run_label
from ..look.palette import CLASS_COLORS, Palette, tint
from ..look.plot_style import TEXT, TITLE_PT, let_title_shrink, nice_ceiling, style_plot
from .pane import Info, Pane

MAX_LINES = 64   # per run; more lines than this is a texture, not a picture
NOTE_SHARE = 0.4        # of a map's width at most for its corner note
NOTE_SMALLEST = 0.8     # of the window's type: a corner note smaller is not shown
NOTE_FILL = 190         # of 255: the note reads over the dots, and they show through it


class BoundaryPane(Pane):
    def __init__(self, parent=None):
        super().__init__(parent=parent)    # the legend names the runs of the unit lines
        self.view = pg.GraphicsLayoutWidget()
        self.add_body(self.view, 1)
        cmap = pg.ColorMap([0.0, 0.5, 1.0], [CLASS_COLORS[0], "#FFFFFF", CLASS_COLORS[1]])
        self._lut = cmap.getLookupTable(0.0, 1.0, 256)
        self._points = None
        self._shape = None
        self._images: list[pg.ImageItem] = []
        self._unit_plots: list = []        # one per run, under its map
        self._unit_lines: list[list[pg.PlotDataItem]] = []
        self._unit_starts: list[pg.PlotDataItem] = []    # per run: a dot a unit at step 0
        self._drawn: dict[int, tuple] = {}
        self._notes: list[pg.TextItem] = []
        self._flat: dict[int, str] = {}     # run -> the legend's note on its uniform map
        self._legend = None
        self._plots: list = []
        self._extent = None
        self.two_d, self._track = True, False
        self.retranslate()

    def set_config(self, config) -> None:
        self.two_d = config.data.name == "flower"      # the only 2-D data set
        self._track = config.track_units
        self._points = engine_data.flower(config.data.samples) if self.two_d else None
        self._shape = None
        self._show_title()

    def unavailable(self) -> str:
        if self.two_d or self._track:
            return ""
        return self.tr("The decision boundary is drawn only for 2-D inputs (the flower data); "
                       "these inputs have more dimensions than a map can show")

    def _show_title(self) -> None:
        # (what the pale shades are: P near 0.5, review 9)
        self.title.setText(self.tr(
            "Decision boundary: colour = P(class 1), from blue 0 via white 0.5 to orange 1; "
            "dots: the training points") if self.two_d else self.tr(
            "Incoming weights of hidden layer 1's units (a decision boundary is drawn only "
            "for 2-D inputs)"))

    def retranslate(self) -> None:
        self._show_title()
        self._shape = None        # plot titles are made with the plots

    def plots(self) -> list:
        return list(self._plots)

    def notes(self) -> list:
        """The notes over each run's plot ("0.50 everywhere")."""
        return list(self._notes)

    def _rebuild(self, labels, track_units: bool) -> None:
        self.view.ci.clear()
        self._images, self._unit_lines, self._drawn, self._notes = [], [], {}, []
        self._flat, self._legend = {}, None
        self._unit_plots, self._unit_range, self._unit_starts = [], None, []
        self._extent = None
        # Maps only of 2-D data: of MNIST they would be empty frames.
        for i, label in enumerate(labels if self.two_d else ()):
            p = self.view.addPlot(row=0, col=i, enableMenu=False)
            style_plot(p, f"<span style='color:{Palette.hex(i)}'>"
                          f"{html.escape(run_label(label))}</span>",
                       "x₁", "x₂" if i == 0 else "")
            p.setAspectLocked(True)
            p.vb.setMouseEnabled(x=False, y=False)
            p.vb.disableAutoRange()
            # The same width for every map (the first one's y label would make it wider)
            # and, in draw(), the same window onto the plane: they compare point by point.
            p.getAxis("left").setWidth(56)
            p.setPreferredWidth(100)     # not the title's width: equal columns
            self.view.ci.layout.setColumnStretchFactor(i, 1)
            img = pg.ImageItem(axisOrder="row-major")
            img.setLookupTable(self._lut)
            img.setLevels((0.0, 1.0))
            p.addItem(img)
            if self._points is not None:
                x, y = self._points
                brushes = [pg.mkBrush(CLASS_COLORS[int(c)]) for c in y]
                dots = pg.ScatterPlotItem(x[:, 0], x[:, 1], size=6, brush=brushes,
                                          pen=pg.mkPen("#202020", width=0.6))
                dots.setZValue(21)
                p.addItem(dots)
            # in the map's top-left corner and sized to the map (fit_maps): centred and in
            # the window's type it was larger than a presentation map and hid its dots. Over
            # them on a white box it hid the petal at (−2, 4) (review 13), under them it was
            # unread (review 17): over them on a see-through box, the petal seen through it.
            note = pg.TextItem(anchor=(0, 0), color="#202020", fill=pg.mkBrush(255, 255, 255,
                                                                               NOTE_FILL))
            note.setZValue(22)
            note.on_light_fill = True       # its text stays dark in the dark theme
            note.hide()
            p.addItem(note)
            self._notes.append(note)
            self._images.append(img)
        self._plots = [self.view.ci.getItem(0, i) for i in range(len(self._images))]
        if self._plots:
            self._plots[0].vb.sigResized.connect(lambda *_: QTimer.singleShot(0, self.fit_maps))
        if track_units:
            # A plot per run, under its map: in one shared plot Xavier's eight lines ran over
            # the constant starts' single lines (symmetry-zeros, review 7).
            row = 1 if self._images else 0
            header = self.view.ci.addLabel(
                self.tr("Each unit of hidden layer 1: its weight from one input during "
                        "training (a line a unit)"),
                row=row, col=0, colspan=len(labels), size=f"{TITLE_PT}pt", color=TEXT)
            let_title_shrink(header)      # its text's width is not the columns' minimum
            for i, label in enumerate(labels):
                p = self.view.addPlot(row=row + 1, col=i, enableMenu=False)
                title = "" if self._images else (f"<span style='color:{Palette.hex(i)}'>"
                                                 f"{html.escape(run_label(label))}</span>")
                style_plot(p, title, self.tr("training step"),
                           self.tr("weight") if i == 0 else "")
                p.getAxis("left").setWidth(56)           # as the maps': the columns line up
                p.setPreferredWidth(100)
                p.vb.setMouseEnabled(x=False, y=False)
                p.vb.disableAutoRange()                  # draw() gives all runs one scale
                self.view.ci.layout.setColumnStretchFactor(i, 1)
                self._unit_plots.append(p)
            self._unit_lines = [[] for _ in labels]
            # Before the first step a line is one point and draws nothing: a dot a unit at
            # step 0 (symmetry-zeros' plots were empty at init, review 8), on top.
            # (the symbol pen a Qt object made once: see palette.symbol_style)
            self._unit_starts = [pg.PlotDataItem(pen=None, symbol="o", symbolSize=8,
                                                 symbolPen=pg.mkPen(None)) for _ in labels]
            for p, dots in zip(self._unit_plots, self._unit_starts):
                dots.setZValue(1)
                p.addItem(dots)
        self._shape = (tuple(labels), track_units, current_language(), self.two_d)

    def draw(self, histories, edges=None) -> None:
        labels = [h.label for h in histories]
        track = any(len(h.unit_steps) for h in histories)
        if self._shape != (tuple(labels), track, current_language(), self.two_d):
            self._rebuild(labels, track)
        for h in histories:
            key = (h, h.snapshots)
            old = self._drawn.get(h.index)
            if old is not None and old[0] is h and old[1] == key[1]:
                continue
            self._drawn[h.index] = key
            if h.boundary is not None and h.index < len(self._images):
                img = self._images[h.index]
                img.setImage(h.boundary, levels=(0.0, 1.0), autoLevels=False)
                x0, x1, y0, y1 = h.boundary_extent
                img.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
                if self._extent != h.boundary_extent:
                    self._extent = h.boundary_extent
                    for p in self._plots:
                        p.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.02)
                note = self._notes[h.index]
                lo, hi = float(np.nanmin(h.boundary)), float(np.nanmax(h.boundary))
                if hi - lo < 0.02:
                    # A uniform map is white (P = 0.5) or one flat colour: say so, or it
                    # looks as if nothing was drawn.
                    note.setText(self.tr("P = {0:.2f}\neverywhere").format((lo + hi) / 2))
                    note.setPos(x0, y1)
                    # and in the legend, legibly: the corner note only where it can be read
                    self._flat[h.index] = Info(self.tr("map: P = {0:.2f} everywhere").format(
                        (lo + hi) / 2))
                    note.show()
                    self.fit_maps()
                else:
                    note.hide()
                    self._flat.pop(h.index, None)
            if self._unit_plots and len(h.unit_steps):
                self._draw_units(h)
        if self._unit_plots:
            self._scale_units(histories)
        # Runs are named in the legend for the unit lines or a note (maps have titles).
        legend = (tuple(labels) if track or self._flat else (), tuple(sorted(self._flat.items())))
        if legend != self._legend:
            self._legend = legend
            self.legend.show_runs(legend[0], dict(legend[1]))

    def fit_maps(self) -> None:
        """Maps as tall as they are wide: the flower's square window in a tall plot used
        the middle half of it, and beside the weights plot the maps were left small. The
        notes get type that fits a corner of the map, and are left out where that type
        would be too small to read (review 9; the legend says the same)."""
        if not self._plots:
            return
        p = self._plots[0]
        try:
            side = p.vb.width()
        except RuntimeError:    # a closed window's plots are gone before this timer fires
            return
        if side <= 0:
            return
        want = side + p.height() - p.vb.height()        # with the title and the x axis
        layout = self.view.ci.layout
        if self._unit_plots:                # the weights plots keep 55 % (at 38 % their eight
            want = min(want, 0.45 * self.view.height())     # lines crowded at 1280 × 720)
            if abs(layout.rowMinimumHeight(0) - want) > 1:
                layout.setRowMinimumHeight(0, want)
        if abs(layout.rowMaximumHeight(0) - want) > 1:
            layout.setRowMaximumHeight(0, want)
        font = QFont(self.font())
        size = min(p.vb.width(), p.vb.height())
        longest = max(self.tr("P = {0:.2f}\neverywhere").format(0.5).split("\n"), key=len)
        width = QFontMetrics(font).horizontalAdvance(longest)
        scale = min(1.0, NOTE_SHARE * size / width) if width > 0 else 1.0
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        for i, note in enumerate(self._notes):
            note.setFont(font)
            note.setVisible(i in self._flat and scale >= NOTE_SMALLEST)

    def note_size(self, i: int) -> tuple[float, float]:
        """The ``i``-th note's width and height over its map's (what tests check)."""
        note, vb = self._notes[i], self._plots[i].vb
        rect = note.mapRectToScene(note.boundingRect())
        view = vb.mapRectToScene(vb.boundingRect())
        return rect.width() / view.width(), rect.height() / view.height()

    def _draw_units(self, h) -> None:
        # One line per unit, its weight from one input (the same for every unit), recorded
        # at a fixed stride of steps: equal units are one line. A line per (unit, input)
        # fanned out by input, and a class read the fan as units that differ
        # (mnist-zeros-vs-ones: review 4).
        steps = np.asarray(h.unit_steps.data, float)
        lines = h.unit_values[:, :MAX_LINES]
        items = self._unit_lines[h.index]
        while len(items) < lines.shape[1]:
            # Thin (1.2, 3 px in presentation): at 2 (5 px) units 0.03 apart were one band.
            item = pg.PlotDataItem(pen=pg.mkPen(self._shade(h.index, len(items)), width=1.2))
            item.setZValue(-len(items))     # the darkest on top: equal units show the run's colour
            self._unit_plots[h.index].addItem(item)
            items.append(item)
        for j in range(lines.shape[1]):
            items[j].setData(steps, lines[:, j])
        dots = self._unit_starts[h.index]
        x0, y0 = dots.getData()
        # set once: new brushes at every frame drew the dots anew and grew pyqtgraph's
        # symbol cache by a dot each (see palette.symbol_style)
        if len(steps) and (y0 is None or len(y0) != lines.shape[1] or x0[0] != steps[0]
                           or not np.array_equal(y0, lines[0, ::-1])):
            n = lines.shape[1]         # the darkest drawn last, on top, as its line is
            dots.setData(np.full(n, steps[0]), lines[0, ::-1], symbolBrush=[
                pg.mkBrush(self._shade(h.index, j)) for j in reversed(range(n))])

    @staticmethod
    def _shade(run: int, unit: int):
        """Each unit a shade of its run's colour, dark to light: lines that run close stay
        apart (review 8 counted 4-6 of Xavier's eight in one colour)."""
        return tint(Palette.color(run), 0.55 * (unit % 8) / 7)

    def _scale_units(self, histories) -> None:
        """One scale for every run's weights plot (they compare), over the whole run."""
        lo, hi, last = np.inf, -np.inf, 1.0
        for h in histories:
            v = h.unit_values
            finite = v[np.isfinite(v)] if v.size else v
            if finite.size:
                lo, hi = min(lo, float(finite.min())), max(hi, float(finite.max()))
            last = max(last, float(h.total_steps), float(h.unit_steps.data[-1])
                       if len(h.unit_steps) else 0.0)
        if not np.isfinite(lo):
            return
        # room for "0" and for a dot and its value's label at either end: at 5 % the all-0.5
        # dots were cut at the top, 0.5 unlabelled (review 17, 1280 x 720)
        pad = max(0.1 * (hi - lo), 0.05)
        ranges = ((-0.04 * last, 1.04 * last), (lo - pad, hi + pad))
        if ranges != self._unit_range:
            self._unit_range = ranges
            step = nice_ceiling(last / 2)     # three labels at most: the plots are narrow
            ticks = [[(k * step, f"{k * step:g}") for k in range(3) if k * step <= last], []]
            for p in self._unit_plots:
                p.setRange(xRange=ranges[0], yRange=ranges[1], padding=0)
                p.getAxis("bottom").setTicks(ticks)

    def unit_line_items(self, run_index: int) -> list:
        """The weight lines drawn for run ``run_index`` (one per unit)."""
        return list(self._unit_lines[run_index]) if run_index < len(self._unit_lines) else []

    def unit_start_dots(self, run_index: int):
        """Run ``run_index``'s dots at step 0 (one per unit), or None without unit plots."""
        return self._unit_starts[run_index] if run_index < len(self._unit_starts) else None

    def export_table(self, histories, edges=None):
        rows = []
        for h in histories:
            if h.boundary is None:
                continue
            p = np.asarray(h.boundary)                 # p[i, j] at (x[j], y[i]), as the
            x0, x1, y0, y1 = h.boundary_extent         # engine samples it
            xs, ys = np.linspace(x0, x1, p.shape[1]), np.linspace(y0, y1, p.shape[0])
            rows += [[h.label, xs[j], ys[i], p[i, j]]
                     for i in range(p.shape[0]) for j in range(p.shape[1])]
        return ["run", "x1", "x2", "p_class1"], rows

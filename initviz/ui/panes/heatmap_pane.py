"""Through training: for each layer (columns) and run (rows), where the layer's values went over
the steps, as a heat map (x: training step, y: value or log10|value|, colour: share of the
layer's values), drawn as ``engine.heat_view`` makes it. TensorBoard's distributions and
fastai's "colorful dimension" show the same; here every map has labelled axes, the runs share a
layer's value axis, and one colour bar reads for all.

Speed: the maps are redrawn only when a run has a new column, at most four times a second while
the runs train, and rows already rebinned are cached."""
from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QButtonGroup, QRadioButton

from initviz.engine.heat_view import heat_view
from initviz.engine.hist_view import FIELDS, common_bound

from ..i18n import run_label
from ..look.axis_labels import keep_apart
from ..look.step_ticks import use_step_ticks
from ..look.plot_style import LABEL_PT, TEXT, forget_style, nice_ceiling, style_plot
from .histogram_items import decade_ticks, power_note, shown_layers, x_ticks
from .histogram_rows import (fit_columns, fit_rows, fit_title, fit_titles, free_rows, place,
                             same_type)
from .pane import Pane

MAX_COLUMNS = 6          # layers shown side by side (spread over the depth)
MAX_ROWS = 4             # runs shown (the first four)
MIN_INTERVAL = 0.25      # seconds between redraws while runs train (5-15 ms of CPU for 8 maps)
COLOR_MAP = "viridis"    # perceptually uniform, readable in grey and by colour-blind viewers


def _set_range(p, x: tuple, y: tuple) -> None:
    """Set a map's ranges only when they moved."""
    if getattr(p, "_ranges", None) != (x, y):
        p.setXRange(*x, padding=0)
        p.setYRange(*y, padding=0)
        p._ranges = (x, y)


class HeatmapPane(Pane):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.field = "activation"
        self.buttons = QButtonGroup(self)
        for k in range(len(FIELDS)):
            b = QRadioButton()
            b.setChecked(k == 0)
            self.buttons.addButton(b, k)
            self.title_row.addWidget(b)
        self.buttons.idToggled.connect(lambda k, on: on and self.set_field(FIELDS[k]))
        self.view = pg.GraphicsLayoutWidget()
        self.view.ci.setSpacing(6)
        self.add_body(self.view, 1)
        self._pool: list[tuple[pg.PlotItem, pg.ImageItem]] = []
        self._bar = None
        self._cache: dict = {}
        self._key = None
        self._drawn_at = 0.0
        self._shape = None
        self._cells: list = []
        self._rows: list = []          # per run its row of plots
        self._titles: list = []        # the layer titles, a row of their own
        self.view.sigDeviceRangeChanged.connect(self._fit)
        self.retranslate()

    def retranslate(self) -> None:
        for k, name in enumerate(self._names()):
            self.buttons.button(k).setText(name)
        self._show_title()
        self._shape = self._key = None      # titles and labels are made with the grid

    def _names(self) -> tuple:
        return (self.tr("activations"), self.tr("pre-activations"), self.tr("gradients"),
                self.tr("weights"))

    def _show_title(self) -> None:
        # which quantity, in the title: in a narrow window its buttons fold into "View ▾"
        name = self._names()[FIELDS.index(self.field)]
        self.title.setText(self.tr("Through training: each layer's {0} over the steps "
                                   "(colour: % of the layer's values)").format(name))

    def images(self) -> dict:
        """(run, layer) -> the ImageItem of that map (0-based; tests read it)."""
        return {(r, layer): image for _, image, r, layer in self._cells}

    def row_names(self) -> list:
        """Per run shown: (its whole name, scene rectangle of the name as drawn)."""
        return [(name.name, name.item.sceneBoundingRect()) for name in
                (self.view.ci.getItem(r + 1, 0) for r in range(len(self._rows))) if name]

    def column_titles(self) -> list:
        """(text, scene rectangle of the text) of each layer's title."""
        return [(t.text, t.item.sceneBoundingRect()) for t in self._titles]

    def grid(self) -> list:
        """Per run shown, its row of PlotItems."""
        return [list(row) for row in self._rows]

    def set_field(self, field: str) -> None:
        """Which quantity the maps show: one of hist_view.FIELDS."""
        self.field = field
        button = self.buttons.button(FIELDS.index(field))
        if not button.isChecked():
            button.setChecked(True)
        self._key = None
        self._show_title()

    def pool_size(self) -> int:
        """Maps made so far (while idle, ahead of need, or by a run)."""
        return len(self._pool)

    def _pooled(self, k: int):
        while len(self._pool) <= k:
            p = pg.PlotItem(enableMenu=False)   # no menu to make and drop (style_plot)
            style_plot(p)
            p.vb.disableAutoRange()
            p.vb.setMouseEnabled(x=False, y=False)
            p.showGrid(x=False, y=False)          # lines over the maps; and with a grid,
            # pyqtgraph drops a label reaching past the axis before use_step_ticks moves it in
            p.getAxis("bottom").setStyle(hideOverlappingLabels=40)
            use_step_ticks(p.getAxis("bottom"))   # "100" "200" in a narrow column read "10200"
            keep_apart(p.getAxis("bottom"), spare=2.0)
            keep_apart(p.getAxis("left"))
            # a map resized (its axis took the width its labels need): refit the columns
            p.vb.sigResized.connect(lambda *_: QTimer.singleShot(0, self, self._fit))
            image = pg.ImageItem(axisOrder="row-major")
            image.setColorMap(pg.colormap.get(COLOR_MAP))
            p.addItem(image)
            self._pool.append((p, image))
        return self._pool[k]

    def _colour_bar(self) -> pg.ColorBarItem:
        """The one colour bar, made once (making it took ~50 ms of the first frame)."""
        if self._bar is None:
            self._bar = pg.ColorBarItem(colorMap=pg.colormap.get(COLOR_MAP), values=(0, 1),
                                        interactive=False)
        return self._bar

    def warm_up(self) -> bool:
        if self._bar is None:
            self._colour_bar()
            # np.percentile (each frame's colour scale) imports numpy.ma on first use, 45 ms
            import numpy.ma  # noqa: F401
            return True
        if len(self._pool) >= MAX_ROWS * MAX_COLUMNS:    # every map a comparison shows: each
            return False          # made in a run's first frame cost ~10 ms (4 runs: 150 ms)
        self._pooled(len(self._pool))
        return True

    def _rebuild(self, n_runs: int, n_layers: int, labels) -> None:
        """The maps in a grid as the histogram rows have it (``histogram_rows.place``): the
        runs' names across, left of their rows (rotated along a short row's axis they ran into
        each other: batchnorm-rescue at 1280 × 720), the layer titles a row of their own."""
        runs = min(n_runs, MAX_ROWS)
        layers = shown_layers(n_layers, MAX_COLUMNS if runs > 1 else 10)
        free_rows(self.view.ci, self.view.ci.layout.rowCount())
        cells = []
        for r in range(runs):
            for c, layer in enumerate(layers):
                p, image = self._pooled(r * len(layers) + c)
                forget_style(p, p.getAxis("left"), p.getAxis("bottom"))
                p.setTitle(None)
                p.getAxis("left").showLabel(False)     # (an empty label keeps its room)
                p.getAxis("bottom").setStyle(showValues=r == runs - 1)
                cells.append((p, image, r, layer, c))
        names = [run_label(label) for label in labels[:runs]]
        self._titles, x_label, self._rows = place(
            self.view.ci, [(p, r, c) for p, _, r, _, c in cells], runs, len(layers), names)
        self._cells = [(p, image, r, layer) for p, image, r, layer, _ in cells]
        x_label.setText(self.tr("training step"), size=f"{LABEL_PT}pt", color=TEXT)
        bar = self._colour_bar()
        bar.getAxis("left").setLabel(self.tr("% of values"))
        self.view.ci.addItem(bar, row=1, col=len(layers) + 1, rowspan=runs)
        self._shape = (n_runs, n_layers, tuple(labels))
        self._fit()

    def _fit(self, *_) -> None:
        """Rows of equal height, columns of equal map width (the colour bar keeps its own)."""
        if not self._rows or self._bar is None:
            return
        ci = self.view.ci
        fit_rows(ci, self.view.height(), self._rows, (0, len(self._rows) + 1))
        bar = self._bar.width() or self._bar.preferredWidth()
        if fit_columns(ci, self.view.width() - bar - ci.layout.horizontalSpacing(),
                       self._rows[0], 1):
            ci.layout.invalidate()
            ci.layout.activate()
        if ci.geometry() != self.view.range:
            ci.setGeometry(self.view.range)
        fit_titles(self._titles)
        same_type(ci.getItem(r + 1, 0) for r in range(len(self._rows)))

    def draw(self, histories, edges=None) -> None:
        runs = [h for h in histories if h.series]
        if not runs:
            return
        key = (self.field, tuple((h.index, len(h.series), h.series[-1][0]) for h in runs))
        if key == self._key:
            return
        now = time.monotonic()
        if self._key is not None and key[0] == self._key[0] and now - self._drawn_at < \
                MIN_INTERVAL and not all(h.finished for h in histories):
            return        # a map need not follow every frame: the window calls again
        self._key, self._drawn_at = key, now
        labels = [h.label for h in histories]
        n_layers = max(len(h.series[-1][1]) for h in runs)
        if self._shape != (len(histories), n_layers, tuple(labels)):
            self._rebuild(len(histories), n_layers, labels)
            self._cache = {}
        series = [h.series for h in histories]
        bound = common_bound(ls[0].activation_range for h in runs for _, ls in h.series[-1:])
        if len(self._cache) > 20000:
            self._cache = {}
        heat = heat_view(series, self.field, bounded=bound, cache=self._cache)
        by_layer = {hl.layer: hl for hl in heat}
        top = 0.0
        c_of = {layer: c for c, (_, _, r, layer) in enumerate(self._cells) if r == 0}
        for p, image, r, layer in self._cells:
            hl = by_layer.get(layer + 1)
            hr = hl.runs[r] if hl is not None and r < len(hl.runs) else None
            if hr is None or not len(hr.steps):
                image.clear()
                continue
            shares = 100.0 * hr.shares.T                  # rows: value bins, columns: steps
            top = max(top, float(np.percentile(shares, 99.5)) if shares.size else 0.0)
            e, steps = hl.edges, hr.steps
            x1 = float(steps[-1]) if len(steps) > 1 and steps[-1] > steps[0] else \
                float(steps[0]) + 1.0
            image.setImage(shares, autoLevels=False)
            image.setRect(float(steps[0]), float(e[0]), x1 - float(steps[0]),
                          float(e[-1] - e[0]))
            # The step axis spans the whole run from the start: the maps grow into it, and
            # the axes (re-rendered whenever their range or ticks are set: ~2 ms each, 25 ms
            # a frame for eight maps) stay as they are while the runs train.
            _set_range(p, (float(steps[0]), max(x1, float(histories[r].total_steps))),
                       (float(e[0]), float(e[-1])))
            power = 0
            if hl.axis == "magnitude":
                ticks = decade_ticks((e[0], e[-1]), 4)
            else:
                ticks, power = x_ticks((e[0], e[-1]), 4)
            if getattr(p, "_ticks", None) != ticks:
                p.getAxis("left").setTicks(ticks)
                p._ticks = ticks
            if r == 0 and c_of[layer] < len(self._titles):
                name = self.tr("layer {0}").format(layer + 1) + power_note(power)
                log = self.tr(", log₁₀|x|") if hl.axis == "magnitude" else ""
                fit_title(self._titles[c_of[layer]], (name + log, name, str(layer + 1)))
        # Layers on one value range (a sigmoid's [0, 1]) are labelled once, left of the row:
        # repeated, the labels took the maps' width (18 px each at 1280 × 720 presentation).
        ranges = {(float(hl.edges[0]), float(hl.edges[-1])) for hl in heat}
        once = len(ranges) == 1 and len(heat) > 1
        for p, _, _, layer in self._cells:
            show = not once or c_of.get(layer) == 0
            if p.getAxis("left").style["showValues"] != show:
                p.getAxis("left").setStyle(showValues=show)
        self._fit()
        top = nice_ceiling(max(top, 1e-3))      # in steps: a new top repaints the colour bar
        for _, image, _, _ in self._cells:
            image.setLevels((0.0, top))
        if tuple(self._bar.levels()) != (0.0, top):
            self._bar.setLevels((0.0, top))

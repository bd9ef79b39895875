"""Every scheme for one layer shape (catalogue section I): a small histogram of each scheme's
sampled weights with its standard deviation, and a table of the formulas with this shape's
numbers. The shape follows the first layer of the experiment loaded, and can be typed in."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QSpinBox, QSplitter,
                               QTableWidget, QTableWidgetItem)

from initviz.engine import initializers
from initviz.engine.scheme_gallery import SHORT, gallery

from ..classroom.explanation_panel import layer_shapes
from ..i18n import current_language, engine_text
from ..look.palette import Palette
from ..look.plot_style import style_plot
from .pane import Pane

COLUMNS = 4
MAX_FAN = 4096          # as wide as the network's widths go, and more


def _first_layer(config) -> tuple[int, int]:
    _, _, fan_in, fan_out = layer_shapes(config, 0)[0]
    return fan_in, fan_out


class SchemesPane(Pane):
    shows_layers = False

    def __init__(self, parent=None):
        super().__init__(legend=False, wrap=False, parent=parent)
        self.fan_in = QSpinBox()
        self.fan_out = QSpinBox()
        for box in (self.fan_in, self.fan_out):
            box.setRange(1, MAX_FAN)
            box.setValue(100)
            box.setKeyboardTracking(False)       # one redraw per number typed, not per key
            box.valueChanged.connect(self._changed)
        self.in_label, self.out_label, self.note = QLabel(), QLabel(), QLabel()
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        for w in (self.in_label, self.fan_in, self.out_label, self.fan_out):
            self.title_row.addWidget(w)
        self.view = pg.GraphicsLayoutWidget()
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.add_body(self.note)
        self.add_body(split, 1)
        self._plots: list = []
        self._entries: list = []
        self._drawn = None
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Every scheme for one layer"))
        self.in_label.setText(self.tr("inputs n_in"))
        self.out_label.setText(self.tr("outputs n_out"))
        self.note.setText(self.tr(
            "Each scheme's weights sampled for this layer shape, with the standard deviation "
            "its formula gives (σ) and the one measured. He uses the ReLU gain, Xavier and "
            "orthogonal gain 1. LSUV and RBM pre-training depend on the data and are left out."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Scheme"), self.tr("Formula with these numbers"), self.tr("σ (formula)"),
            self.tr("σ (measured)")])
        self._drawn = None
        if self.isVisible():
            self.draw()


    def set_config(self, config) -> None:
        """Take the first layer's shape of the experiment loaded."""
        n_in, n_out = (min(MAX_FAN, v) for v in _first_layer(config))
        for box, v in ((self.fan_in, n_in), (self.fan_out, n_out)):
            box.blockSignals(True)
            box.setValue(v)
            box.blockSignals(False)
        self._drawn = None

    def plots(self) -> list:
        """(plot, curve, σ text) of each scheme shown."""
        return list(self._plots)

    def shape(self) -> tuple[int, int]:
        return self.fan_in.value(), self.fan_out.value()

    def _changed(self, _=None) -> None:
        self._drawn = None
        if self.isVisible():
            self.draw()

    def _build(self, entries) -> None:
        self.view.ci.clear()
        self._plots = []
        for i, e in enumerate(entries):
            p = self.view.addPlot(row=i // COLUMNS, col=i % COLUMNS)
            style_plot(p)
            p.hideAxis("left")
            p.setMouseEnabled(x=False, y=False)
            curve = pg.PlotCurveItem(fillLevel=0,
                                     brush=pg.mkBrush(Palette.hex(i % 8) + "60"),
                                     pen=pg.mkPen(Palette.hex(i % 8), width=2))
            text = pg.TextItem(anchor=(0, 0), color=Palette.hex(i % 8))
            p.addItem(curve)
            p.addItem(text)
            self._plots.append((p, curve, text))

    def draw(self, histories=None, edges=None) -> None:
        key = (self.shape(), current_language())
        if key == self._drawn:
            return
        self._drawn = key
        n_in, n_out = self.shape()
        self._entries = entries = gallery(n_in, n_out)
        if len(self._plots) != len(entries):
            self._build(entries)
        self.table.setRowCount(len(entries))
        for i, (e, (p, curve, text)) in enumerate(zip(entries, self._plots)):
            title = engine_text("schemes", initializers.SCHEMES[e.scheme].title)
            curve.setData(e.edges, e.percent, stepMode="center")
            p.setTitle(engine_text("gallery", SHORT[e.scheme]), size="11pt")
            top = float(e.percent.max()) or 1.0
            p.setXRange(float(e.edges[0]), float(e.edges[-1]), padding=0)
            p.setYRange(0, top * 2.0, padding=0)       # room above the bars for σ
            text.setText(f"σ = {e.std:.3g}")
            text.setPos(float(e.edges[0]), top * 2.0)
            formula = initializers.describe(e.init, n_in, n_out)
            cells = (title, formula, f"{e.std:.4g}", f"{e.measured_std:.4g}")
            for c, value in enumerate(cells):
                self.table.setItem(i, c, QTableWidgetItem(value))

    def export_table(self, histories=None, edges=None):
        self.draw()
        n_in, n_out = self.shape()
        header = ["scheme", "fan_in", "fan_out", "formula_mean", "formula_std",
                  "measured_mean", "measured_std"]
        return header, [[e.scheme, n_in, n_out, e.mean, e.std, e.measured_mean, e.measured_std]
                        for e in self._entries]

"""Every scheme for one layer shape (catalogue section I): a small histogram of each scheme's
sampled weights with its standard deviation, and a table of the formulas with this shape's
numbers. The shape follows the first layer of the experiment loaded, and can be typed in."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
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
TABLE_ROWS = 3          # table rows always in view under the plots
SIGMA_ROOM = 2.0        # a plot at least this many σ labels tall, or the note gives way
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
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The formula takes what the σ columns leave (elided, whole in its tooltip): sized to
        # its contents it pushed "σ (measured)" off a 1280 × 720 projector.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.split = split = QSplitter(Qt.Orientation.Vertical)
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
            # On a background: the thick presentation outlines ran through the bare text.
            ground = QColor(pg.getConfigOption("background"))
            ground.setAlpha(225)
            text = pg.TextItem(anchor=(0, 0), color=Palette.hex(i % 8), fill=ground)
            text.setZValue(5)
            text.textItem.document().setDocumentMargin(1)   # a tight box: short plots' bars
            p.addItem(curve)
            p.addItem(text)
            self._plots.append((p, curve, text))
        # σ's room and the note follow the plots' size (type, window, the splitter)
        self._plots[0][0].vb.sigResized.connect(lambda *_: QTimer.singleShot(0, self.fit_plots))

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
            p.setXRange(float(e.edges[0]), float(e.edges[-1]), padding=0)
            text.setText(f"σ = {e.std:.3g}")
            text.setPos(float(e.edges[0]), 0.0)
            formula = initializers.describe(e.init, n_in, n_out)
            cells = (title, formula, f"{e.std:.4g}", f"{e.measured_std:.4g}")
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(i, c, item)
        self.fit_table()
        self.fit_plots()

    def fit_plots(self) -> None:
        """Room above each histogram for its σ label, in the plot's pixels; and the note
        hidden when the plots would be too short for that (presentation type at 1280 × 720
        left no room under its three lines), shown again when there is room."""
        if not self._plots or not self._entries:
            return
        p, _, text = self._plots[0]
        try:
            label, room = text.boundingRect().height(), p.vb.height()
        except RuntimeError:    # a closed window's plots are gone before this timer fires
            return
        rows = -(-len(self._plots) // COLUMNS)
        note = self.note.sizeHint().height() / rows
        if self.note.isVisibleTo(self) and room < SIGMA_ROOM * label:
            self.note.hide()
        elif not self.note.isVisibleTo(self) and room - note >= SIGMA_ROOM * label + 2:
            self.note.show()
        self.title.setToolTip("" if self.note.isVisibleTo(self) else self.note.text())
        bars = max(0.25, 1.0 - (label + 2) / max(room, 1.0))   # share of the height for bars
        for (p, _, text), e in zip(self._plots, self._entries):
            top = (float(e.percent.max()) or 1.0) / bars
            p.setYRange(0, top, padding=0)
            text.setPos(float(e.edges[0]), top)

    def table_rows_shown(self) -> int:
        """The table rows whose whole height is in view (scrolled to the top)."""
        view = self.table.viewport().height()
        return sum(self.table.rowViewportPosition(r) + self.table.rowHeight(r) <= view
                   for r in range(self.table.rowCount()))

    def fit_table(self) -> None:
        """Room for the header and TABLE_ROWS rows, however large the type: at 1280 × 720
        presentation the plots' share left one row and a cut header."""
        t = self.table
        rows = min(TABLE_ROWS, t.rowCount())
        bar = t.horizontalScrollBar().sizeHint().height() if \
            t.horizontalScrollBar().isVisible() else 0
        need = (t.horizontalHeader().sizeHint().height() + 2 * t.frameWidth() + bar +
                sum(t.rowHeight(r) for r in range(rows)) + 2)
        if t.minimumHeight() != need:
            t.setMinimumHeight(need)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_table()
        QTimer.singleShot(0, self.fit_plots)     # once the plots have their new size

    def export_table(self, histories=None, edges=None):
        self.draw()
        n_in, n_out = self.shape()
        header = ["scheme", "fan_in", "fan_out", "formula_mean", "formula_std",
                  "measured_mean", "measured_std"]
        return header, [[e.scheme, n_in, n_out, e.mean, e.std, e.measured_mean, e.measured_std]
                        for e in self._entries]

"""Every scheme for one layer shape (catalogue section I): a small histogram of each scheme's
sampled weights with its standard deviation, and a table of the formulas with this shape's
numbers. The shape follows the first layer of the experiment loaded, and can be typed in; the
schemes set by their numbers (uniform, normal, ...) take those of the experiment's runs."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel,
                               QSpinBox, QSplitter, QTableWidget, QTableWidgetItem, QWidget)

from initviz.engine import initializers
from initviz.engine.scheme_gallery import experiment_settings, gallery

from ..classroom.explanation_panel import layer_shapes
from ..i18n import current_language, engine_text
from ..look.palette import TEXT, Palette
from ..look.plot_style import style_plot
from .pane import Pane
from .step_curve import StepCurve

COLUMNS = 4
TABLE_ROWS = 3          # table rows always in view under the plots
SIGMA_ROOM = 2.0        # a plot at least this many σ labels tall, or the note gives way
PLOT_ROOM = 3.0         # σ labels of height a plot needs to be shown by default (label, bars)
SCHEME_SHARE = 0.25     # of the table's width at most for the scheme's name (wrapped beyond)
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
        shape = QWidget()              # the two boxes wrap as one ("n_out" alone wrapped)
        box = QHBoxLayout(shape)
        box.setContentsMargins(0, 0, 0, 0)
        for w in (self.in_label, self.fan_in, self.out_label, self.fan_out):
            box.addWidget(w)
        self.title_row.addWidget(shape)
        self.plots_box = QCheckBox()
        self.plots_box.clicked.connect(self.set_plots_shown)
        self.title_row.addWidget(self.plots_box)
        self.plots_shown = None        # None: where they have room (plots_fit)
        self.view = pg.GraphicsLayoutWidget()
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The formula takes what the σ columns and the scheme's name leave (elided, whole in
        # its tooltip): sized to its contents it pushed "σ (measured)" off a 1280 × 720
        # projector, and the names left it a few pixels ("…").
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(20)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # a formula too long for its column wraps (at 1280 × 720 presentation, elided, it
        # read "a = √(6/(25…")
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
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
        self._settings: dict = {}      # scheme -> the experiment's InitConfig (uniform, ...)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Every scheme for one layer"))
        self.in_label.setText(self.tr("inputs n_in"))
        self.out_label.setText(self.tr("outputs n_out"))
        self.note.setText(self.tr(
            "Each scheme's weights sampled for this layer shape, with the standard deviation "
            "its formula gives (σ) and the one measured. He uses the ReLU gain, Xavier and "
            "orthogonal gain 1. LSUV and RBM pre-training depend on the data and are left out."))
        self._headers = (
            (self.tr("Scheme"),), (self.tr("Formula with these numbers"), self.tr("Formula")),
            (self.tr("σ (formula)"), "σ\n" + self.tr("(formula)")),
            (self.tr("σ (measured)"), "σ\n" + self.tr("(measured)")))
        self._names: list = []         # per scheme (whole name, short name)
        for c, texts in enumerate(self._headers):
            item = QTableWidgetItem(texts[0])
            item.setToolTip(texts[0])
            self.table.setHorizontalHeaderItem(c, item)
        self.plots_box.setText(self.tr("Histograms"))
        self.plots_box.setToolTip(self.tr(
            "Show a small histogram of each scheme's sampled weights above the table. Left "
            "out where they would be too small to read (a projector), to give the table the "
            "room."))
        self._drawn = None
        if self.isVisible():
            self.draw()


    def show_preset(self, preset) -> None:
        self.plots_shown = None

    def set_config(self, config) -> None:
        """Take the first layer's shape of the experiment loaded."""
        n_in, n_out = (min(MAX_FAN, v) for v in _first_layer(config))
        for box, v in ((self.fan_in, n_in), (self.fan_out, n_out)):
            box.blockSignals(True)
            box.setValue(v)
            box.blockSignals(False)
        self._settings = experiment_settings(config)
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
            curve = StepCurve()      # as the other panes' histograms: no line along 0
            curve.setPen(pg.mkPen(Palette.hex(i % 8), width=2))
            curve.setBrush(pg.mkBrush(Palette.hex(i % 8) + "60"))
            curve.setFillLevel(0)
            # On a background: the thick presentation outlines ran through the bare text.
            ground = QColor(pg.getConfigOption("background"))
            ground.setAlpha(225)
            # in the text colour: pink or sky-blue digits on a near-white box were faint
            # from the back of a room (review 15); the title above names the plot
            text = pg.TextItem(anchor=(0, 0), color=TEXT, fill=ground)
            text.setZValue(5)
            text.textItem.document().setDocumentMargin(1)   # a tight box: short plots' bars
            p.addItem(curve)
            p.addItem(text)
            self._plots.append((p, curve, text))
        # σ's room and the note follow the plots' size (type, window, the splitter)
        self._plots[0][0].vb.sigResized.connect(
            lambda *_: QTimer.singleShot(0, self, self.fit_plots))

    def draw(self, histories=None, edges=None) -> None:
        key = (self.shape(), current_language(), tuple(self._settings.items()))
        if key == self._drawn:
            return
        self._drawn = key
        n_in, n_out = self.shape()
        self._entries = entries = gallery(n_in, n_out, settings=self._settings)
        if len(self._plots) != len(entries):
            self._build(entries)
        self.table.setRowCount(len(entries))
        for i, (e, (p, curve, text)) in enumerate(zip(entries, self._plots)):
            title = engine_text("schemes", initializers.SCHEMES[e.scheme].title)
            curve.set_steps(np.asarray(e.edges, float), np.asarray(e.percent, float),
                            float(np.max(e.percent)))
            p.setTitle(e.title(self._gallery_text), size="11pt")
            # 3 % beyond the samples' ends: a cut (the truncated normal's at ±2) shows as an
            # edge inside the frame, not as the frame (review 18b)
            p.setXRange(float(e.edges[0]), float(e.edges[-1]), padding=0.03)
            text.setText(f"σ = {e.std:.3g}")
            text.setPos(float(e.edges[0]), 0.0)
            formula = initializers.describe(e.init, n_in, n_out,
                                            translate=lambda t: engine_text("schemes", t))
            cells = (title, formula, f"{e.std:.4g}", f"{e.measured_std:.4g}")
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(i, c, item)
        self._names = [(engine_text("schemes", initializers.SCHEMES[e.scheme].title),
                        e.title(self._gallery_text)) for e in entries]
        self.fit_table()
        self.fit_plots()
        self.fit_columns()

    @staticmethod
    def _gallery_text(text: str) -> str:
        return engine_text("gallery", text)

    def set_plots_shown(self, on: bool | None) -> None:
        """True/False: show or hide the histograms; None: where they have room."""
        self.plots_shown = None if on is None else bool(on)
        self.fit_plots()

    def plots_fit(self) -> bool:
        """Whether every row of histograms gets PLOT_ROOM σ labels of height (with its
        title and axis) above a table of TABLE_ROWS rows."""
        if not self._plots:
            return True
        p, _, text = self._plots[0]
        rows = -(-len(self._plots) // COLUMNS)
        t = self.table
        table = (t.horizontalHeader().sizeHint().height() + 2 * t.frameWidth() +
                 TABLE_ROWS * t.verticalHeader().defaultSectionSize())
        per_row = (p.titleLabel.preferredHeight() + p.getAxis("bottom").preferredHeight() +
                   PLOT_ROOM * text.boundingRect().height())
        height = self.split.height() + (self.note.height() + self._layout.spacing()
                                        if self.note.isVisibleTo(self) else 0)   # note or not
        return height - self.split.handleWidth() - table >= rows * per_row

    def fit_columns(self) -> None:
        """Column widths and texts for the table's width: the σ columns as wide as their
        numbers (their headers on two lines if need be), the schemes' whole names if the
        formulas keep their room, else their short names (the plots' titles; whole in the
        tooltip), the formula the rest (on two lines if need be). Each header the
        longest of its texts that fits, else elided: centred and cut, "Formula with these
        numbers" read "rmula with these numbe" at 1280 × 720 presentation."""
        t, header = self.table, self.table.horizontalHeader()
        width = t.viewport().width()
        if width <= 0 or not self._names or t.rowCount() != len(self._names):
            return
        metrics = header.fontMetrics()
        pad = 14                         # the style's margins, and a gap

        def wide(text):
            return max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        cell = t.fontMetrics()
        sigmas = [max([cell.horizontalAdvance(t.item(r, c).text()) for r in range(t.rowCount())]
                      + [wide(self._headers[c][-1])]) + pad for c in (2, 3)]
        formula = max(cell.horizontalAdvance(t.item(r, 1).text())
                      for r in range(t.rowCount())) + pad
        full, short = (max(cell.horizontalAdvance(n[k]) for n in self._names) + pad
                       for k in (0, 1))
        whole = full + formula + sum(sigmas) <= width
        names = full if whole else min(short, SCHEME_SHARE * width)
        room = width - names - sum(sigmas)
        for r, pair in enumerate(self._names):
            if t.item(r, 0).text() != pair[0 if whole else 1]:
                t.item(r, 0).setText(pair[0 if whole else 1])
            # too long for one line, it wraps, but not inside "W ~ U[−a, a)" ("a)" had a
            formula = t.item(r, 1).toolTip()              # line of its own)
            text = formula.replace("|", "|\u2060")       # nor inside "|W|"
            if cell.horizontalAdvance(formula) + pad > room:
                text = text.replace("W ~ U[\u2212a, a)", "W\u00a0~\u00a0U[\u2212a,\u00a0a)")
            if t.item(r, 1).text() != text:
                t.item(r, 1).setText(text)
        for c, w in ((0, names), (2, sigmas[0]), (3, sigmas[1])):
            if header.sectionSize(c) != int(w):
                header.resizeSection(c, int(w))
        for c, texts in enumerate(self._headers):
            room = header.sectionSize(c) - pad + 4
            text = next((x for x in texts if wide(x) <= room), None)
            text = text or metrics.elidedText(texts[-1], Qt.TextElideMode.ElideRight, room)
            if t.horizontalHeaderItem(c).text() != text:
                t.horizontalHeaderItem(c).setText(text)
        widths = tuple(header.sectionSize(c) for c in range(t.columnCount()))
        if widths != getattr(self, "_rows_fitted", None):
            self._rows_fitted = widths
            t.resizeRowsToContents()
            self.fit_table()

    def fit_plots(self) -> None:
        """Room above each histogram for its σ label, in the plot's pixels; and the note
        hidden when the plots would be too short for that (presentation type at 1280 × 720
        left no room under its three lines), shown again when there is room."""
        if not self._plots or not self._entries:
            return
        try:
            show = self.plots_fit() if self.plots_shown is None else self.plots_shown
        except RuntimeError:    # a closed window's table is gone before this timer fires
            return
        if self.plots_box.isChecked() != show:
            self.plots_box.setChecked(show)
        if self.view.isVisibleTo(self) != show:
            self.view.setVisible(show)
        if not show:             # the table alone: its rows before the note (in the tooltip)
            self.note.hide()
            self.title.setToolTip(self.note.text())
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
        QTimer.singleShot(0, self, self.fit_plots)     # once the plots have their new size
        QTimer.singleShot(0, self, self.fit_columns)

    def export_table(self, histories=None, edges=None):
        self.draw()
        n_in, n_out = self.shape()
        header = ["scheme", "fan_in", "fan_out", "formula_mean", "formula_std",
                  "measured_mean", "measured_std"]
        return header, [[e.scheme, n_in, n_out, e.mean, e.std, e.measured_mean, e.measured_std]
                        for e in self._entries]

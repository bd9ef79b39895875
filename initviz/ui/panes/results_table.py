"""The results table: after N batches, each run's validation accuracy and loss, and the
accuracies as bars below it (readable from the back of a room)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractScrollArea, QHeaderView, QSizePolicy, QTableWidget,
                               QTableWidgetItem)

from initviz.engine.hist_view import layer_spans, overflowed_layers

from .pane import Pane
from ..i18n import current_language, engine_text, run_label
from ..look.palette import Palette, tint
from ..look.plot_style import label_plot, style_plot


DIVERGED_ROW = "#FDE3E6"     # a diverged run's row, light red behind dark text
ALARM = "#B00020"


def _loss_text(v: float) -> str:
    """Three decimals for ordinary losses, whole numbers with separators for huge ones."""
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.3f}"


class ResultsTable(Pane):
    shows_layers = False

    def __init__(self, parent=None):
        super().__init__(legend=False, wrap=False, margin=None, parent=parent)
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        f = self.table.font()
        f.setPointSize(f.pointSize() + 3)
        self.table.setFont(f)
        # As tall as its rows: the bars get the rest of the pane.
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)        # a long status takes a second line, not "…"
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view = pg.GraphicsLayoutWidget()
        self.bars_plot = self.view.addPlot(enableMenu=False)
        style_plot(self.bars_plot)
        self.bars_plot.showGrid(x=True, y=False)
        self.bars_plot.hideAxis("left")
        self.bars_plot.vb.invertY(True)           # the first run on top, as in the table
        self.bars_plot.vb.setMouseEnabled(x=False, y=False)
        self.bars_plot.vb.disableAutoRange()
        self.bars_plot.setXRange(0, 100, padding=0.02)
        self._bars = None
        self._bar_texts: list[pg.TextItem] = []
        self.add_body(self.table)
        self.add_body(self.view, 1)
        self._drawn = None
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Results"))
        # Two-line headers: the columns stay as narrow as their numbers.
        self.table.setHorizontalHeaderLabels([
            self.tr("Run"), self.tr("Batches"), self.tr("Validation\naccuracy"),
            self.tr("Validation\nloss"), self.tr("Status")])
        label_plot(self.bars_plot, self.tr("Validation accuracy"), self.tr("accuracy (%)"))
        self._drawn = None

    def bars(self) -> tuple:
        """The accuracy bars item and the text beside each bar."""
        return self._bars, list(self._bar_texts)

    def rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    def _status(self, h) -> str:
        over = overflowed_layers(h.layers) if h.diverged_at is None else []
        if over:
            return self.tr("{0}; overflow in layers {1}").format(self._stage(h),
                                                                 layer_spans(over))
        return self._stage(h)

    def _stage(self, h) -> str:
        if h.diverged_at is not None:
            return "✕ " + self.tr("diverged at step {0}").format(h.diverged_at)
        if h.stage == "failed":
            return self.tr("failed: {0}").format(engine_text("errors", h.message))
        return {"done": self.tr("finished"), "stopped": self.tr("stopped"),
                "train": self.tr("training…"), "pretrain": self.tr("pre-training…"),
                "init": self.tr("initialized")}.get(h.stage, h.stage)

    def draw(self, histories, edges=None) -> None:
        key = (tuple((h, h.snapshots) for h in histories), current_language())
        if key == self._drawn:
            return
        self._drawn = key
        steps = max((h.step for h in histories), default=0)
        self.title.setText(self.tr("After {0} batches: validation accuracy and loss per run")
                           .format(steps))
        self.table.setRowCount(len(histories))
        for r, h in enumerate(histories):
            # A diverged run has no result: its last validation numbers (from before the
            # blow-up, often from step 0) read as an ordinary outcome.
            acc = h.val_accuracies.data if h.diverged_at is None else np.empty(0)
            loss = h.val_losses.data if h.diverged_at is None else np.empty(0)
            alarm = h.diverged_at is not None
            cells = [run_label(h.label), f"{h.step:,}",
                     f"{100 * acc[-1]:.1f} %" if acc.size and np.isfinite(acc[-1]) else "–",
                     _loss_text(loss[-1]) if loss.size and np.isfinite(loss[-1]) else "–",
                     self._status(h)]
            for c, text in enumerate(cells):
                item = self.table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(r, c, item)
                item.setText(text)
                if c == 0:
                    item.setForeground(QBrush(Palette.color(r)))
                    bold = QFont(self.table.font())
                    bold.setBold(True)
                    item.setFont(bold)
                item.setBackground(QBrush(QColor(DIVERGED_ROW)) if alarm else QBrush())
                if c == 4:
                    item.setForeground(QBrush(QColor(ALARM if alarm or "; " in text
                                                     else "#202020")))
                    font = QFont(self.table.font())
                    font.setBold(alarm)
                    item.setFont(font)
                if c in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight |
                                          Qt.AlignmentFlag.AlignVCenter)
        self.table.resizeRowsToContents()
        self._draw_bars(histories)

    def _draw_bars(self, histories) -> None:
        """One horizontal bar per run: its latest validation accuracy, labelled."""
        accs = [float(h.val_accuracies.data[-1]) * 100
                if h.val_accuracies.data.size and np.isfinite(h.val_accuracies.data[-1]) and
                h.diverged_at is None else np.nan for h in histories]
        self.view.setVisible(any(np.isfinite(a) for a in accs))
        if self._bars is not None:
            self.bars_plot.removeItem(self._bars)
        n = len(histories)
        self._bars = None
        if n == 0:
            for t in self._bar_texts:
                t.hide()
            return
        widths = [a if np.isfinite(a) else 0.0 for a in accs]
        # Light fills with the run's colour as outline: the dark text on them stays legible.
        self._bars = pg.BarGraphItem(
            x0=[0.0] * n, y=list(range(n)), height=0.7, width=widths,
            brushes=[tint(Palette.color(i), 0.55) for i in range(n)],
            pens=[pg.mkPen(Palette.color(i), width=2) for i in range(n)])
        self.bars_plot.addItem(self._bars)
        while len(self._bar_texts) < n:
            t = pg.TextItem(anchor=(0, 0.5), color="#202020")
            t.setZValue(10)         # above the bars, which are made again at every draw
            t.setFont(self.table.font())
            self.bars_plot.addItem(t)
            self._bar_texts.append(t)
        for i, t in enumerate(self._bar_texts):
            if i >= n:
                t.hide()
                continue
            a = accs[i]
            h = histories[i]
            note = "" if h.diverged_at is None else "  " + \
                self.tr("(diverged at step {0})").format(h.diverged_at)
            loss = h.val_losses.data    # the texts point to it: legible here, not only above
            if h.diverged_at is None and loss.size and np.isfinite(loss[-1]):   # (review 17)
                note = "   " + self.tr("validation loss {0}").format(_loss_text(loss[-1]))
            t.setText((f"{a:.1f} %" if np.isfinite(a) else "–") + f"   {run_label(h.label)}{note}")
            t.setPos(1.0, i)
            t.show()
        self.bars_plot.setYRange(-0.6, n - 0.4, padding=0)

    def export_table(self, histories, edges=None):
        rows = []
        for h in histories:
            acc, loss = h.val_accuracies.data, h.val_losses.data
            diverged = h.diverged_at is not None      # no result to report
            rows.append([h.label, h.step, acc[-1] if acc.size and not diverged else None,
                         loss[-1] if loss.size and not diverged else None,
                         "diverged" if h.diverged_at is not None else h.stage, h.diverged_at])
        return ["run", "batches", "val_accuracy", "val_loss", "status", "diverged_at"], rows

"""Training loss over the first 100 batches and over the whole run (linear or log scale), with
divergence marked where it happened, and the validation accuracy."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .histogram_pane import legend_html
from .palette import Palette
from .plot_style import style_plot

EARLY = 100


class LossPane(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.log_scale = False
        self.title = QLabel(self.tr("Training loss (cross-entropy) and validation accuracy"))
        self.title.setObjectName("paneTitle")
        self.log_box = QCheckBox(self.tr("Log scale for the loss"))
        self.log_box.setToolTip(self.tr("Show the loss on a logarithmic axis: small losses "
                                        "and huge early losses both stay visible"))
        self.log_box.toggled.connect(self.set_log_scale)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.log_box)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.view = pg.GraphicsLayoutWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.legend)
        layout.addWidget(self.view, 1)
        batch = self.tr("training batch (step)")
        self.early = self.view.addPlot(row=0, col=0)
        style_plot(self.early, self.tr("Loss, first {0} batches").format(EARLY), batch,
                   self.tr("training loss"))
        self.whole = self.view.addPlot(row=0, col=1)
        style_plot(self.whole, self.tr("Loss, whole run (dashed: validation)"), batch,
                   self.tr("loss"))
        self.acc = self.view.addPlot(row=1, col=0, colspan=2)
        style_plot(self.acc, self.tr("Validation accuracy"), batch, self.tr("accuracy (%)"))
        self.whole.setDownsampling(auto=True, mode="peak")
        self.whole.setClipToView(True)
        for p in (self.early, self.whole, self.acc):
            p.getAxis("left").setWidth(70)
        self.view.ci.layout.setRowStretchFactor(0, 3)
        self.view.ci.layout.setRowStretchFactor(1, 2)
        self._items: list[dict] = []
        self._shape = None
        self._drawn: dict[int, tuple] = {}

    def set_log_scale(self, on: bool) -> None:
        self.log_scale = bool(on)
        if self.log_box.isChecked() != on:
            self.log_box.setChecked(on)
        for p in (self.early, self.whole):
            p.setLogMode(x=False, y=self.log_scale)
        self._drawn = {}

    def _rebuild(self, labels) -> None:
        for items in self._items:
            for item in items.values():
                vb = item.getViewBox()
                if vb is not None:
                    vb.removeItem(item)
        self.legend.setText(legend_html(labels))
        self._items, self._drawn = [], {}
        for i, label in enumerate(labels):
            color = Palette.color(i)
            pen = pg.mkPen(color, width=2)
            marker = dict(size=16, symbol="x", pen=pg.mkPen(color, width=3), brush=color)
            items = {
                "early": pg.PlotDataItem(pen=pen, connect="finite", name=label),
                "whole": pg.PlotDataItem(pen=pen, connect="finite"),
                "val": pg.PlotDataItem(pen=pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine),
                                       connect="finite"),
                "acc": pg.PlotDataItem(pen=pg.mkPen(color, width=3), symbol="o", symbolSize=6,
                                       symbolBrush=color, symbolPen=None, connect="finite"),
                "mark_early": pg.ScatterPlotItem(**marker),
                "mark_whole": pg.ScatterPlotItem(**marker),
                "text": pg.TextItem(color=color, anchor=(1.0, 1.2)),
            }
            items["text"].setFont(self.font())
            for name in ("early", "mark_early"):
                self.early.addItem(items[name])
            for name in ("whole", "val", "mark_whole", "text"):
                self.whole.addItem(items[name])
            self.acc.addItem(items["acc"])
            self._items.append(items)
        self._shape = tuple(labels)

    def _y(self, value: float) -> float:
        return float(np.log10(value)) if self.log_scale and value > 0 else value

    def draw(self, histories, edges=None) -> None:
        labels = [h.label for h in histories]
        if self._shape != tuple(labels):
            self._rebuild(labels)
        total, lmax, lmin, early_max, changed = 1, 0.0, np.inf, 0.0, False
        for h in histories:
            total = max(total, h.total_steps)
            lmax, lmin = max(lmax, h.loss_max), min(lmin, h.loss_min)
            steps, losses = h.steps.data, h.losses.data
            head = losses[:EARLY]
            finite = head[np.isfinite(head)]
            if finite.size:
                early_max = max(early_max, float(finite.max()))
            key = (h, len(steps), len(h.val_steps), h.diverged_at)
            old = self._drawn.get(h.index)
            if old is not None and old[0] is h and old[1:] == key[1:]:
                continue
            changed = True
            items = self._items[h.index]
            shown = np.where(np.isfinite(losses) & (losses > 0 if self.log_scale else True),
                             losses, np.nan)
            items["early"].setData(steps[:EARLY], shown[:EARLY])
            items["whole"].setData(steps, shown)
            items["val"].setData(h.val_steps.data, h.val_losses.data)
            items["acc"].setData(h.val_steps.data, 100 * h.val_accuracies.data)
            if h.diverged_at is not None:
                k = h.diverged_at
                y = h.last_finite_loss if np.isfinite(h.last_finite_loss) else 1.0
                spot = [{"pos": (k, self._y(y))}]
                items["mark_whole"].setData(spot)
                if k <= EARLY:
                    items["mark_early"].setData(spot)
                else:
                    items["mark_early"].clear()
                items["text"].setText(self.tr("{0}: diverged at step {1}").format(h.label, k))
                items["text"].setPos(k, self._y(y))
            else:
                items["mark_whole"].clear()
                items["mark_early"].clear()
                items["text"].setText("")
            self._drawn[h.index] = key
        if not changed:
            return
        self.early.setXRange(0, min(EARLY, total), padding=0.02)
        self.whole.setXRange(0, total, padding=0.02)
        self.acc.setXRange(0, total, padding=0.02)
        self.acc.setYRange(0, 100, padding=0.02)
        if lmax <= 0:
            return
        if self.log_scale and np.isfinite(lmin):
            lo, hi = np.log10(lmin), np.log10(lmax)
            pad = max(0.1, 0.05 * (hi - lo))
            self.whole.setYRange(lo - pad, hi + pad, padding=0)
            self.early.setYRange(lo - pad, np.log10(max(early_max, lmin)) + pad, padding=0)
        else:
            self.whole.setYRange(0, lmax * 1.05, padding=0)
            self.early.setYRange(0, max(early_max, 1e-9) * 1.05, padding=0)

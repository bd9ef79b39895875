"""The Loss pane's pre-training plot: one line per RBM layer (and run), its reconstruction
error against the epoch, labelled "RBM k" at its end."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from ..look.palette import Palette, symbol_style


def _shade(i: int, k: int, n: int):
    """Colour of RBM layer k (0-based) of n in run i: from the run's colour to a lighter one."""
    c = Palette.color(i)
    t = 0.0 if n <= 1 else 0.55 * k / (n - 1)
    return pg.mkColor(*(int(v + (255 - v) * t) for v in (c.red(), c.green(), c.blue())))


def planned_epochs(config) -> int:
    """Epochs per RBM of the runs of ``config`` that pre-train (0: none does)."""
    return max((r.init.rbm_epochs for r in config.runs if r.init.scheme == "rbm"), default=0)


class PretrainLines:
    def __init__(self, plot, font):
        self.plot, self._font = plot, font
        self.items: dict[tuple[int, int], tuple] = {}   # (run, layer) -> (line, label)
        self._count = None                               # points drawn
        # Before the first epoch (pre-training runs with Run or Step) the plot showed
        # nothing at all (rbm-pretraining, review 8): its axes and a note say what comes.
        self.note = pg.TextItem(anchor=(0.5, 0.5), color="#202020",
                                fill=(255, 255, 255, 225))    # over the grid lines
        self.note.on_light_fill = True      # the theme keeps dark text on its white box
        self.note.setFont(font())
        self.note.setZValue(5)
        plot.addItem(self.note, ignoreBounds=True)
        self.note.hide()

    def plan(self, epochs: int) -> None:
        """The empty plot of a config whose runs pre-train ``epochs`` epochs per RBM (0:
        none): its epoch axis, and the note until the first point."""
        self.note.setText(QCoreApplication.translate(
            "LossPane", "Pre-training starts with Run or Step:\nhere each RBM's "
                        "reconstruction error,\nepoch by epoch") if epochs else "")
        self.note.setVisible(bool(epochs) and not self.items)
        if epochs and not self.items:
            self._axes(epochs, 1.0)
            self.note.setPos(0.7 + (epochs + 0.3 + 0.25 * epochs - 0.7) / 2, 0.5)

    def clear(self) -> None:
        for line, text in self.items.values():
            self.plot.removeItem(line)
            self.plot.removeItem(text)
        self.items, self._count = {}, None

    def _axes(self, e_max: int, err_max: float) -> None:
        ax = self.plot.getAxis("bottom")
        ax.setTicks([[(float(e), str(e)) for e in range(1, e_max + 1)], []]
                    if e_max <= 12 else None)
        # Room on the right for the "RBM k" labels at the line ends.
        self.plot.setXRange(0.7, e_max + 0.3 + 0.25 * max(1, e_max), padding=0)
        self.plot.setYRange(0.0, max(err_max, 1e-9) * 1.08, padding=0)

    def draw(self, points) -> None:
        """``points``: (run, [(layer, epoch, error), ...]) of the runs that pre-train."""
        if sum(len(p) for _, p in points) == self._count:
            return
        self._count = sum(len(p) for _, p in points)
        e_max, err_max = 1, 0.0
        for run, pts in points:
            a = np.asarray(pts, float)                        # (layer, epoch, error) rows
            layers = sorted({int(v) for v in a[:, 0]})
            for k, layer in enumerate(layers):
                rows = a[a[:, 0] == layer]
                key = (run, layer)
                if key not in self.items:
                    colour = _shade(run, layer - 1, max(3, len(layers)))
                    line = pg.PlotDataItem(pen=pg.mkPen(colour, width=3), symbol="o",
                                           symbolSize=8, **symbol_style(colour))
                    text = pg.TextItem(QCoreApplication.translate("LossPane", "RBM {0}")
                                       .format(layer), color=colour,
                                       anchor=(-0.15, 0.5))     # just right of the last point
                    text.setFont(self._font())
                    self.plot.addItem(line)
                    self.plot.addItem(text)
                    self.items[key] = (line, text)
                line, text = self.items[key]
                err = np.where(np.isfinite(rows[:, 2]), rows[:, 2], np.nan)
                line.setData(rows[:, 1], err)
                if np.isfinite(err[-1]):
                    text.setPos(rows[-1, 1], err[-1])
                e_max = max(e_max, int(rows[:, 1].max()))
                finite = err[np.isfinite(err)]
                if finite.size:
                    err_max = max(err_max, float(finite.max()))
        self.note.hide()
        self._axes(e_max, err_max)

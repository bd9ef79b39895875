"""The loss pane's small helpers: the key of an empty tab, an item's data set safely, the
divergence × marks, the ring at each run's step-0 loss, the curves painted from a pixmap, and
the pane's table."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGraphicsItem

from ..look.palette import symbol_style


def waiting_key(histories) -> str:
    """The Loss tab's key while no run has a loss (two empty plots said nothing, review 15)."""
    if any(len(h.losses.data) or len(h.val_losses.data) for h in histories):
        return ""
    return QCoreApplication.translate("LossPane", "no loss yet: it is drawn as the networks "
                                                  "train")


def set_finite(item, x, y) -> None:
    """Nothing rather than all-NaN data (NumPy warns "All-NaN slice" when pyqtgraph takes
    the bounds of an all-NaN curve or scatter)."""
    if len(y) and not np.isfinite(y).any():
        item.setData([], [])
    else:
        item.setData(x, y)


def ring(color) -> pg.PlotDataItem:
    return pg.PlotDataItem(pen=None, symbol="o", symbolSize=11,
                           **symbol_style(None, pg.mkPen(color, width=2.5)))


def start_loss(h) -> float | None:
    """A run's loss at step 0: its validation loss there, if finite and positive."""
    if len(h.val_steps) and h.val_steps.data[0] == 0:
        v = float(h.val_losses.data[0])
        if np.isfinite(v) and v > 0:
            return v
    return None


def show_start(items, h, shown: dict) -> None:
    """Ring run ``h``'s step 0: its validation loss on both loss plots, its accuracy on the
    accuracy plot (a 6 px dot was all an untrained run showed there, review 17b). ``shown``:
    run -> (loss, accuracy) ringed; rings are set only when they change (setting repaints)."""
    start = start_loss(h)
    acc = None
    if len(h.val_steps) and h.val_steps.data[0] == 0 and np.isfinite(h.val_accuracies.data[0]):
        acc = 100 * float(h.val_accuracies.data[0])
    if shown.get(h.index, ()) == (start, acc):
        return
    shown[h.index] = (start, acc)
    for name, y in (("start_early", start), ("start_whole", start), ("start_acc", acc)):
        items[name].setData([] if y is None else [0.0], [] if y is None else [y])


def mark(item, spot) -> None:
    """Mark ``spot`` or nothing (then hidden: an empty scatter item is painted all the same)."""
    item.clear() if spot is None else item.setData(spot)
    item.setVisible(spot is not None)


def cached(*items) -> None:
    """Paint ``items`` from a pixmap of their pixels while they and the view are unchanged:
    the early curves stop at batch 100, the validation and accuracy curves change once per
    validation, yet their antialiased wide strokes were 7-14 ms of an 18-23 ms repaint of
    the Loss tab. The exporter paints them afresh (files/exporter.py)."""
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def loss_table(histories):
    """The Loss pane's CSV: a row per run and step, training loss, validation loss and
    accuracy (empty where a step has none)."""
    rows = []
    for h in histories:
        steps, val_steps = h.steps.data, h.val_steps.data
        every = np.union1d(steps, val_steps)       # validation also happens at step 0
        columns = []
        for at, values in ((steps, h.losses.data), (val_steps, h.val_losses.data),
                           (val_steps, h.val_accuracies.data)):
            column = np.full(len(every), np.nan)
            column[np.searchsorted(every, at)] = values
            columns.append(column)
        rows += [[h.label, step, a, b, c] for step, a, b, c in zip(every, *columns)]
    return ["run", "step", "train_loss", "val_loss", "val_accuracy"], rows

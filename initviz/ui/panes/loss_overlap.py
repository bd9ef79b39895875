"""Which runs' Loss curves coincide, so that the later one would hide the earlier (in
exploding-clipping, L2 weight decay's run diverges at the same step as the run without a
remedy, with losses within 10⁻⁵ of it): the later one is drawn thinner, on top, named in
the legend ("close to no remedy: thin line on top"), and one in-plot note names both."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from initviz.engine.hist_overlap import SPREAD_NEAR, first_earlier
from initviz.translations import QT_TRANSLATE_NOOP

from ..i18n import run_label
from .pane import Info

NEAR = SPREAD_NEAR     # losses within 5 % at every step would hide each other (as elsewhere)
THIN = 0.5             # the run on top: its lines and marks this much of their width
ACC_NEAR = 0.015       # validation accuracies within 1.5 points: one line at 1280 x 720
MIN_VALIDATIONS = 3


def _close(a: np.ndarray, b: np.ndarray) -> bool:
    if a.shape != b.shape or not a.size:
        return a.shape == b.shape
    fa, fb = np.isfinite(a), np.isfinite(b)
    return bool(np.array_equal(fa, fb) and
                np.all(np.abs(b[fa] - a[fa]) <= NEAR * np.abs(a[fa])))


def same_losses(histories) -> dict[int, int]:
    """Run j -> the first earlier run i (not itself matched) that ended as j did (both
    finished, diverged at the same step or neither) with training and validation losses
    within 5 % of j's at every step. Runs still training take no part: their first steps
    alike (every run of exploding-clipping starts at the same loss) are no match."""
    done = {h.index: h for h in histories if h.finished and len(h.losses)}
    return first_earlier(done, lambda i, j: (
        i.diverged_at == j.diverged_at and _close(i.losses.data, j.losses.data) and
        _close(i.val_losses.data, j.val_losses.data)))


def _scale_pen(item, scale: float) -> None:
    """Scale the width of ``item``'s pen as drawn now (the theme's line factor included) and
    of the pens the theme restyles it from, so that a later restyle keeps it."""
    pen = item.opts["pen"]
    pen.setWidthF(pen.widthF() * scale)
    base = getattr(item, "base_pen", None)         # PeakCurve: drawn opaque from its base
    if base is not None:
        base.setWidthF(base.widthF() * scale)
    cached = getattr(item, "_initviz_pen", None)
    if cached is not None:
        item._initviz_pen = (cached[0] * scale,) + tuple(cached[1:])
    item.setPen(pen)


def emphasise(items: dict, on_top: bool) -> None:
    """A run's loss lines and × marks thinner and above the run it coincides with (only on a
    change: a new pen lays the item out again)."""
    first = items["early"]
    if getattr(first, "_on_top", False) == on_top:
        return
    first._on_top = on_top
    scale = THIN if on_top else 1 / THIN
    for name in ("early", "whole", "acc"):
        _scale_pen(items[name], scale)
        items[name].setZValue(2 if on_top else 0)
    for name in ("mark_early", "mark_whole"):
        mark = items[name]
        pen = mark.opts["pen"]
        pen.setWidthF(pen.widthF() * scale)
        mark.setPen(pen)
        mark.setSize(mark.opts["size"] * scale)
        mark.setZValue(2 if on_top else 0)


def same_accuracies(histories, same: dict) -> dict[int, int]:
    """Run j -> the first earlier run whose validation accuracy stayed within ACC_NEAR of
    j's at every validation, among the runs whose losses differ (not in ``same``):
    mnist-zeros-vs-ones' runs both stay at chance while all-ones' loss explodes, and its
    accuracy line hid the other's (review 18). Only runs validated MIN_VALIDATIONS times:
    untrained runs' one accuracy at step 0 (all near 10 %) is no line to hide."""
    done = {h.index: h for h in histories if h.finished and h.index not in same and
            len(h.val_accuracies) >= MIN_VALIDATIONS}
    return first_earlier(done, lambda i, j: (
        i.val_accuracies.data.shape == j.val_accuracies.data.shape and
        bool(np.all(np.abs(i.val_accuracies.data - j.val_accuracies.data) <= ACC_NEAR))))


def emphasise_accuracy(item, on_top: bool) -> None:
    """A run's accuracy line alone thinner and on top (see ``same_accuracies``)."""
    if getattr(item, "_acc_on_top", False) == on_top:
        return
    item._acc_on_top = on_top
    _scale_pen(item, THIN if on_top else 1 / THIN)
    item.setZValue(2 if on_top else 0)


def overlap_notes(notes: dict, same: dict, same_acc: dict, labels) -> dict:
    """``notes`` (run -> its legend note) with each run drawn thin on top named, beside its
    "diverged" in the text's colour (review 14)."""
    for runs, text in ((same, QT_TRANSLATE_NOOP("LossPane", "close to {0}: thin line on top")),
                       (same_acc, QT_TRANSLATE_NOOP(
                           "LossPane", "accuracy close to {0}: thin line on top"))):
        for j, i in runs.items():
            name = run_label(labels[i]).replace(" ", "\u00a0")   # not broken inside a name
            info = Info(QCoreApplication.translate("LossPane", text).format(name))
            notes[j] = (notes[j], info) if j in notes else info
    return notes

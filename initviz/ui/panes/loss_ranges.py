"""The Loss pane's log ranges: room for a label at each bound, and room ahead while runs
train."""
from __future__ import annotations

from initviz.engine.hist_view import widened

from ..look.axis_labels import EDGE, label_height


def label_pad(plot, lo: float, hi: float) -> float:
    """Decades added below and above [lo, hi]: 5 % of it, and at least a label's room, so
    that a decade at a bound gets its label (the baseline's first 100 batches end near 150,
    10^2.18, and with 10² too close to the bottom to be labelled nothing said "hundreds")."""
    span = hi - lo
    room = (EDGE + 0.2) * label_height(plot.getAxis("left"))
    px = max(plot.vb.height(), 4 * room)
    return max(0.1, 0.05 * span, room * (span + 0.2) / (px - 2 * room))


def with_room(old, lo: float, hi: float) -> tuple[float, float]:
    """While runs train, a log range ``old`` that moves only when the losses [lo, hi] leave
    it, and then with room ahead (half its span, at least a decade): the smallest loss falls
    with nearly every frame, and each move repainted the whole plot and its axes, most of a
    frame's cost. (When every run has finished, the pane fits the losses again.)"""
    if old is None:
        return lo, hi
    return widened(old, lo, hi, max(1.0, (max(hi, old[1]) - min(lo, old[0])) / 2))

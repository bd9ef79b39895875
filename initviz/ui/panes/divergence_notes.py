"""Where the Loss pane puts each "diverged at step k" note: beside its mark, inside the plot,
or nowhere when it does not fit there (the legend says the same, "(diverged at step k)")."""
from __future__ import annotations


def place_notes(plot, texts) -> None:
    """To the right of a mark in the left half, to its left in the right half; below a mark
    in the upper half, above it in the lower half; notes of runs that diverged close together
    are stacked. A note that would reach past the plot's edge is hidden: cut, it ran over
    the axis and the curves (narrow plots, large presentation type)."""
    vb = plot.vb
    (x0, x1), (y0, y1) = vb.viewRange()
    width, height = vb.width(), vb.height()
    if x1 <= x0 or y1 <= y0 or width <= 0 or height <= 0:
        return
    slot = 0
    for text in texts:
        if not text.toPlainText():
            continue
        pos = text.pos()
        right = pos.x() < (x0 + x1) / 2
        below = pos.y() > (y0 + y1) / 2
        ax = -0.08 if right else 1.08
        ay = (-0.3 - 1.1 * slot) if below else (1.3 + 1.1 * slot)
        text.setAnchor((ax, ay))
        w, h = text.textItem.boundingRect().width(), text.textItem.boundingRect().height()
        px = (pos.x() - x0) / (x1 - x0) * width          # the mark, in pixels from the left
        py = (y1 - pos.y()) / (y1 - y0) * height         # and from the top
        room_x = width - px if right else px
        top = py - ay * h
        text.setVisible(bool(room_x >= (1 + abs(ax)) * w and 0 <= top and top + h <= height))
        slot += 1

"""Labels of a narrow linear axis (the training steps under a heat map), chosen by its pixels:
round values 1, 2 or 5 × 10^k apart, as many as stand apart and lie within the axis, else the
single round value nearest the middle that does. pyqtgraph spaces labels by a fixed length, so
"100" and "200" under a 45 px map read "10200"."""
from __future__ import annotations

import math

from PySide6.QtGui import QFont, QFontMetrics

SPARE = 2.0          # pixels a label may reach past the axis' end (keep_apart's spare)


def step_labels(lo: float, hi: float, pixels: float, width, gap: float) -> list[float]:
    """Labelled values on [lo, hi], ``pixels`` long, for labels ``width(v)`` pixels wide and
    ``gap`` pixels apart at least."""
    if not (math.isfinite(lo) and math.isfinite(hi) and hi > lo and pixels > 0):
        return []
    per = pixels / (hi - lo)

    def inside(v):
        half = 0.5 * width(v)
        return (v - lo) * per - half >= -SPARE and (hi - v) * per - half >= -SPARE
    steps = [m * 10.0 ** e for e in range(math.floor(math.log10((hi - lo) / 50)),
                                          math.ceil(math.log10(hi - lo)) + 1) for m in (1, 2, 5)]
    for step in steps:
        values = [k * step for k in range(math.ceil(lo / step - 1e-9),
                                           math.floor(hi / step + 1e-9) + 1)]
        values = [v for v in values if inside(v)]
        if len(values) >= 2 and step * per >= max(width(v) for v in values) + gap:
            return values
    for step in reversed(steps):      # one: the roundest that fits, nearest the middle
        values = [k * step for k in range(math.ceil(lo / step - 1e-9),
                                           math.floor(hi / step + 1e-9) + 1) if
                  inside(k * step)]
        if values:
            return [min(values, key=lambda v: (abs(v - (lo + hi) / 2), -v))]
    return []


def use_step_ticks(axis) -> None:
    """A horizontal linear axis labelled by ``step_labels`` for its present width and type."""

    def values(lo, hi, size):
        metrics = QFontMetrics(axis.style.get("tickFont") or QFont())
        shown = step_labels(float(lo), float(hi), float(size),
                            lambda v: metrics.horizontalAdvance(f"{v:g}"),
                            0.6 * metrics.height())
        return [(1.0, shown), (None, [])]

    def strings(vals, scale, spacing):
        return [f"{v:g}" if spacing is not None else "" for v in vals]
    axis.tickValues = values
    axis.tickStrings = strings

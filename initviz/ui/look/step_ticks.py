"""Labels of a narrow linear axis (the training steps under a heat map), chosen by its pixels:
round values 1, 2 or 5 × 10^k apart where three or more stand apart within the axis, else its
two ends ("0 … 300", each drawn inside the axis, aligned with its end), else the last step, else
the round value nearest the middle that fits. pyqtgraph spaces labels by a fixed length, so "100"
and "200" under a 45 px map read "10200"."""
from __future__ import annotations

import math

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetrics

SPARE = 2.0          # pixels a label may reach past the axis' end (keep_apart's spare)


def label_span(v: float, lo: float, hi: float, per: float, w: float) -> tuple[float, float]:
    """Where the label of ``v`` is drawn, in pixels: centred on its tick, or inside the
    axis from an end it sits on."""
    x = (v - lo) * per
    a, b = x - w / 2, x + w / 2
    end = (hi - lo) * per
    if abs(v - lo) < 1e-9 * max(1.0, abs(hi - lo)) and a < 0:
        return 0.0, w
    if abs(v - hi) < 1e-9 * max(1.0, abs(hi - lo)) and b > end:
        return end - w, end
    return a, b


def step_labels(lo: float, hi: float, pixels: float, width, gap: float) -> list[float]:
    """Labelled values on [lo, hi], ``pixels`` long, for labels ``width(v)`` pixels wide and
    ``gap`` pixels apart at least."""
    if not (math.isfinite(lo) and math.isfinite(hi) and hi > lo and pixels > 0):
        return []
    per = pixels / (hi - lo)

    def spans(values):
        return [label_span(v, lo, hi, per, width(v)) for v in values]

    def inside(v):
        a, b = label_span(v, lo, hi, per, width(v))
        return a >= -SPARE and b <= pixels + SPARE

    def multiples(step):
        return [k * step for k in range(math.ceil(lo / step - 1e-9),
                                        math.floor(hi / step + 1e-9) + 1)]
    steps = [m * 10.0 ** e for e in range(math.floor(math.log10((hi - lo) / 50)),
                                          math.ceil(math.log10(hi - lo)) + 1) for m in (1, 2, 5)]
    def apart(values):
        s = spans(values)
        return all(b + gap <= c for (_, b), (c, _) in zip(s, s[1:]))
    regular = []
    for step in steps:
        values = [v for v in multiples(step) if inside(v)]
        if len(values) >= 2 and apart(values):
            regular = values
            break
    if len(regular) >= 3:
        return regular
    ends = [float(lo), float(hi)]       # the first and the last step: "0 … 300"
    if all(inside(v) for v in ends) and apart(ends):
        return ends
    if regular:
        return regular
    if inside(hi):
        return [float(hi)]
    for step in reversed(steps):      # one: the roundest that fits, nearest the middle
        values = [v for v in multiples(step) if inside(v)]
        if values:
            return [min(values, key=lambda v: (abs(v - (lo + hi) / 2), -v))]
    return []


def use_step_ticks(axis) -> None:
    """A horizontal linear axis labelled by ``step_labels`` for its present width and type,
    its end labels drawn inside the axis."""
    plain_specs = axis.generateDrawSpecs
    texts: dict = {}          # tick -> its label (ticks at the ends are moved in a little)

    def values(lo, hi, size):
        metrics = QFontMetrics(axis.style.get("tickFont") or QFont())
        shown = step_labels(float(lo), float(hi), float(size),
                            lambda v: metrics.horizontalAdvance(f"{v:g}"),
                            0.6 * metrics.height())
        eps = 1e-6 * (hi - lo)      # a tick on the very end is dropped by pyqtgraph
        texts.clear()
        for v in shown:
            texts[min(max(v, lo + eps), hi - eps)] = f"{v:g}"
        return [(1.0, list(texts)), (None, [])]

    def strings(vals, scale, spacing):
        return [texts.get(v, f"{v:g}") if spacing is not None else "" for v in vals]

    def specs(painter):
        out = plain_specs(painter)
        if out is None:
            return out
        axis_spec, tick_specs, text_specs = out
        end, moved = axis.size().width(), []
        for rect, flags, text in text_specs:
            shift = max(0.0, -rect.left()) if rect.left() < 0 else \
                min(0.0, end - rect.right())
            if shift and abs(shift) <= rect.width() / 2 + 0.5:
                rect = QRectF(rect)
                rect.translate(shift, 0)
            moved.append((rect, flags, text))
        return axis_spec, tick_specs, moved
    axis.tickValues = values
    axis.tickStrings = strings
    axis.generateDrawSpecs = specs

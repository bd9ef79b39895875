"""Tick labels of a histogram's axes, chosen by the pixels each has: decades on a log10|x| axis
(every k-th, k from the column's width and the labels' width, at least two where two fit, in
smaller type if only that fits them) and the shares of a mirrored y axis (one rule in every
row). A text that asks students to count decades needs two numbers on the axis."""
from __future__ import annotations

import math

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetrics

from .axis_labels import label_height, tick_label
from .plot_style import _SUPERSCRIPT


def decade_text(k: float) -> str:
    """10**k for a whole k as "10⁻⁵"."""
    return "10" + str(round(k)).translate(_SUPERSCRIPT)


GAP = 0.5      # label heights between decade labels across: keep_apart's, with room to spare
SMALLER_TYPE = (1.0, 0.88, 0.78, 0.7)   # of the theme's tick type, for decades in narrow columns


def _decades_fitting(axis, lo: float, hi: float, size: float, font: QFont):
    """(labelled decades, pixels) of a magnitude axis in ``font``: by the narrowest of the
    columns sharing its range, as a pixel's difference in width put two labels under some
    and one under others (xavier-gain-table)."""
    metrics = QFontMetrics(font)
    size = min([size] + [a.width() for a in getattr(axis, "decade_group", ())
                         if a.isVisible() and a.width() > 0])
    return decade_labels(lo, hi, size, lambda k: metrics.horizontalAdvance(decade_text(k)),
                         GAP * metrics.height()), size


def _fit_type(axis) -> None:
    """The theme's tick type, or smaller (SMALLER_TYPE) where only that puts two decades
    under a narrow column: xavier-gain-table's rows at 1280 × 720 had room for one "10⁻⁵"
    of the presentation type. Back to the theme's type on a linear axis."""
    themed, drawn = axis._decade_type or (None, None)
    current = axis.style.get("tickFont") or QFont()
    if current is not drawn:           # the theme set it since
        themed = current
    choice = themed
    if axis.decades:
        lo, hi = (float(v) for v in axis.range)
        for scale in SMALLER_TYPE:
            font = QFont(themed)
            if themed.pointSizeF() > 0:
                font.setPointSizeF(themed.pointSizeF() * scale)
            if len(_decades_fitting(axis, lo, hi, float(axis.width()), font)[0]) >= 2:
                choice = font
                break
    axis.style["tickFont"] = choice
    axis._decade_type = (themed, choice)


def use_decade_ticks(axis) -> None:
    """A histogram's magnitude axis (values in log10 units, not pyqtgraph's log mode), while
    ``axis.decades`` is true: labelled decades chosen by the pixels the axis has, at least two
    where two fit (in smaller type if need be), clear of its ends ("10⁻¹⁰ … 10⁻⁴" in a narrow
    column rather than a single "10⁻⁵"); ticks set with setTicks take precedence, as in
    pyqtgraph."""
    plain_values, plain_strings = axis.tickValues, axis.tickStrings
    plain_specs = axis.generateDrawSpecs
    axis.decades = False
    axis._decade_type = None

    def values(lo, hi, size):
        if not axis.decades:
            return plain_values(lo, hi, size)
        font = axis.style.get("tickFont") or QFont()
        major, size = _decades_fitting(axis, float(lo), float(hi), float(size), font)
        major = with_end_decade(float(lo), float(hi), size, major, font)
        per_decade = size / max(hi - lo, 1e-9)
        minor = [float(k) for k in range(math.ceil(lo), math.floor(hi) + 1)
                 if k not in major] if per_decade >= 6 else []   # else a smear of ticks
        return [(1.0, major), (None, minor)]

    def strings(vals, scale, spacing):
        if not axis.decades:
            return plain_strings(vals, scale, spacing)
        return ["" if spacing is None else decade_text(v)
                if abs(v - round(v)) < 1e-9 else tick_label(v) for v in vals]

    def specs(painter):
        if axis.decades or axis._decade_type is not None:
            _fit_type(axis)
        out = plain_specs(painter)
        if out is None or not axis.decades:
            return out
        axis_spec, tick_specs, text_specs = out      # the end decade, right-aligned inside
        end = axis.size().width()
        moved = []
        for rect, flags, text in text_specs:
            if end < rect.right() <= end + rect.width() / 2 + 0.5:
                rect = QRectF(rect)
                rect.translate(end - rect.right(), 0)
            moved.append((rect, flags, text))
        return axis_spec, tick_specs, moved
    axis.tickValues = values
    axis.tickStrings = strings
    axis.generateDrawSpecs = specs


def with_end_decade(lo: float, hi: float, pixels: float, major: list, font: QFont) -> list:
    """``major`` with the whole decade at the axis' upper end (a bounded activation's
    |x| ≤ 1: 10⁰), where it lies within half its label of the end (so decade_labels left it
    out) and its label fits right-aligned inside the axis: with ``major``'s labels if they
    stand clear of it, else with the labels as far apart counted back from it. tanh's
    saturated spike at |x| ≈ 1 sat under "10⁻⁶ … 10⁻²" with no 10⁰ (reviews 6 and 7)."""
    k = math.floor(hi + 1e-9)
    if not (math.isfinite(lo) and math.isfinite(hi) and hi > lo and pixels > 0) or \
            k <= lo or k in major:
        return major
    metrics = QFontMetrics(font)
    per_decade = pixels / (hi - lo)
    half = {m: metrics.horizontalAdvance(decade_text(m)) / 2 for m in range(
        math.ceil(lo), k + 1)}
    if (hi - k) * per_decade > half[k] + 1:       # clear of the end: decade_labels' choice
        return major
    gap = GAP * metrics.height()
    left = pixels - 2 * half[k]                    # its label, right-aligned

    def fits(labels):
        return all((m - lo) * per_decade >= half[m] + 1 for m in labels) and all(
            (m - lo) * per_decade + half[m] + gap <= left for m in labels)
    if fits(major):
        return major + [float(k)]
    step = round(major[1] - major[0]) if len(major) >= 2 else None
    if step:
        back = [float(k - step * j) for j in range(1, int((k - lo) // step) + 1)]
        back = [m for m in back if (m - lo) * per_decade >= half[round(m)] + 1]
        if back and fits(back):
            return sorted(back) + [float(k)]
    return major


def share_decades(plots) -> None:
    """Gives the magnitude axes of plots with one x range each other's company (their
    labels then follow the narrowest: use_decade_ticks)."""
    groups: dict = {}
    for p in plots:
        groups.setdefault(tuple(p.getViewBox().viewRange()[0]), []).append(p.getAxis("bottom"))
    for axes in groups.values():
        for axis in axes:
            axis.decade_group = axes


DECADE_STEPS = (1, 2, 3, 4, 5, 10, 15, 20, 25, 30, 40, 50, 100)   # decades between labels


def decade_labels(lo: float, hi: float, pixels: float, width, gap: float | None = None
                  ) -> list[float]:
    """Labelled decades on an axis [lo, hi] (log10 units) ``pixels`` long, for labels
    ``width`` pixels wide (a number, or a function of the decade: "10⁰" is narrower than
    "10⁻¹⁰"): every k-th decade for the smallest k of DECADE_STEPS whose labels are ``gap``
    pixels apart (keep_apart's; 0.3 label widths if not given), each clear of the ends, two or more of them (the multiples of k if two are
    among them, else the most from another start); else the two farthest apart if they clear
    each other; else the single roundest decade near the middle. A text that asks students
    to count decades needs two numbers on the axis."""
    if not (math.isfinite(lo) and math.isfinite(hi) and hi > lo and pixels > 0):
        return []
    wide = width if callable(width) else (lambda k: width)
    per_decade = pixels / (hi - lo)
    def clear(k):      # of the ends by half its width and a pixel
        margin = (0.5 * wide(k) + 1) / per_decade
        return lo + margin <= k <= hi - margin
    inner = [k for k in range(math.ceil(lo), math.floor(hi) + 1) if clear(k)]
    widest = max((wide(k) for k in inner), default=0.0)
    room = widest + (0.3 * widest if gap is None else gap)
    for step in DECADE_STEPS:
        if step * per_decade < room:
            continue
        starts = sorted(range(step), key=lambda s: (s != 0, s != step // 2, s))
        some = max(([k for k in inner if (k - s) % step == 0] for s in starts), key=len,
                   default=[])
        if len(some) >= 2:
            return [float(k) for k in some]
    if len(inner) >= 2 and (inner[-1] - inner[0]) * per_decade >= room:
        return [float(inner[0]), float(inner[-1])]
    # One label: the roundest decade in the middle half, whatever the pixels, so that
    # columns sharing a range are labelled alike (the axis keeps its height if none fits).
    middle = list(range(math.ceil(0.75 * lo + 0.25 * hi), math.floor(0.25 * lo + 0.75 * hi) + 1))
    return [float(max(middle or [round((lo + hi) / 2)], key=lambda k: (
        k % 10 == 0, k % 5 == 0, k % 2 == 0, -abs(k - (lo + hi) / 2))))]


ROOM = 1.5      # label heights from one share label to the next: half a height between them


def mirrored_labels(lo: float, hi: float, pixels: float, height: float) -> list[float]:
    """Labelled ticks of a mirrored share axis from -top to top (positive values above the
    line, negative below, both as shares), ``pixels`` long, for labels ``height`` tall, by
    one rule in every row: ±v for the largest round v (1, 2, 5 × 10^k, or a digit where that
    is below half the top, or where only that gives the three labels room) whose label stays
    within the axis, with 0 between them where the three stand half a label apart (ROOM); else
    v alone, at the top. Rows of one pane had
    "5 / 5", "5 / 0 / 5" and "0" alone, by which labels happened to collide; six rows of
    ~55 px at 1280 × 720 presentation read "5 / 5" with each row's lower "5" against the next
    row's upper one, a column of numbers that said little (review 8)."""
    top = min(-lo, hi)
    if not (math.isfinite(top) and top > 0 and pixels > 0):
        return []
    per = pixels / (hi - lo)
    room = ROOM * height
    inside = top - 0.2 * height / per     # keep_apart lets a label reach 0.3 heights out
    if not inside > 0:
        return [0.0]
    mag = 10.0 ** math.floor(math.log10(inside))
    v = max(m * mag for m in (1, 2, 5) if m * mag <= inside * (1 + 1e-9))
    # "4" near the top rather than "2" halfway; "8 / 0 / 8" where "5 / 0 / 5" has no room
    # (two of xavier-gain-table's six rows read "5" alone: review 15)
    digit = max(m * mag for m in range(1, 10) if m * mag <= inside * (1 + 1e-9))
    if v < 0.5 * inside or v * per < room <= digit * per:
        v = digit
    return [-v, 0.0, v] if v * per >= room else [v]


def use_mirrored_ticks(axis) -> None:
    """A histogram's share axis, while ``axis.mirrored`` is true: ticks by ``mirrored_labels``
    for the pixels the axis has, labelled without sign."""
    plain_values, plain_strings = axis.tickValues, axis.tickStrings
    axis.mirrored = False

    def values(lo, hi, size):
        if not axis.mirrored:
            return plain_values(lo, hi, size)
        return [(1.0, mirrored_labels(float(lo), float(hi), float(size), label_height(axis))),
                (None, [])]

    def strings(vals, scale, spacing):
        if not axis.mirrored:
            return plain_strings(vals, scale, spacing)
        return [f"{abs(v) + 0.0:g}" for v in vals]
    axis.tickValues = values
    axis.tickStrings = strings

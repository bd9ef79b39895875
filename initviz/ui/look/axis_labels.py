"""Tick labels chosen by the room an axis has. Logarithmic axes (loss, depth, Jacobian):
labels never run into each other (pyqtgraph's overlap check is off, see plot_style), and there
are always at least two, with 2× and 5× labels (or plain round numbers) when less than two and
a half decades are in view; exploding-clipping's loss axis had a single "10⁵" over a decade.
Over more decades the labels are a constant number of decades apart, placed so that neither end
of the axis is a whole step without a label ("10²⁰, 10¹⁸, 10¹⁵" read as a broken scale)."""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPixmap

from .plot_style import _SUPERSCRIPT, nice_step

GAP = 2.0                  # label heights from one label's centre to the next, or as
END_GAP = 1.5              # few as this on a short axis (and to an extra end label)
# label heights between two labels across (keep_apart): at 0.5, pyqtgraph's padded label boxes
# left "−0.5   0.5" under xavier-gain-table's weights, the "0" 0.2 px short (review 17)
ACROSS_GAP = 0.4
TIGHT = 1.15               # label heights apart at the least, where wider ones left 10 decades
EDGE = 0.6                 # label heights kept between a label's centre and the axis' end
STEPS = (1, 2, 3, 5, 10, 20, 25, 50, 100, 200)     # decades between labelled ticks
FEW = ((1, 2, 5), tuple(range(1, 10)))   # mantissas labelled under 2.5 decades
MIN_SPAN = 2.0             # decades a log axis shows at least (a level line looks level)


def with_min_span(lo: float, hi: float, span: float = MIN_SPAN) -> tuple[float, float]:
    """``(lo, hi)`` in log10 units widened about its middle to at least ``span`` decades:
    within a factor of two a level curve filled the plot and looked steep."""
    if hi - lo >= span:
        return lo, hi
    mid = (lo + hi) / 2
    return mid - span / 2, mid + span / 2


def log_ticks(lo: float, hi: float, pixels: float, label_px: float
              ) -> tuple[list[float], list[float]]:
    """(labelled, grid-only) ticks, in log10 units, over [lo, hi] for an axis ``pixels``
    long whose labels are ``label_px`` tall: labelled ticks at least GAP labels apart, and at
    least two of them when the axis holds two labels at all."""
    if not (math.isfinite(lo) and math.isfinite(hi) and hi > lo and pixels > 0):
        return [], []
    per_decade = pixels / (hi - lo)
    room = min(GAP, max(END_GAP, pixels / (8 * label_px))) * label_px   # 8 labels or more
    # pyqtgraph drops a label that reaches past the end of an axis with a grid
    margin = EDGE * label_px / per_decade
    inner_lo, inner_hi = lo + margin, hi - margin
    decades = list(range(math.ceil(inner_lo - 1e-9), math.floor(inner_hi + 1e-9) + 1))
    if hi - lo >= MIN_SPAN + 0.5 and len(decades) >= 2:     # else 2× and 5× too, if room
        major, step = [decades[0], decades[-1]], 0     # the farthest apart, if nothing else
        # labels closer (TIGHT) rather than 10 decades apart: exploding-clipping's 20 decades
        # in 120 px read "1, 10¹⁰, 10²⁰" in presentation (review 8)
        for gap in (room, min(room, TIGHT * label_px)):
            for k_step in STEPS:
                some = _every(decades, k_step, inner_lo, inner_hi)
                if len(some) >= 2 and k_step * per_decade >= gap:
                    major, step = some, k_step
                    break
            if 0 < step < 10:
                break
        minor = [k for k in range(math.ceil(lo), math.floor(hi) + 1) if k not in major]
        if step == 1 and per_decade >= 6 * label_px:
            minor += [k + math.log10(m) for k in range(math.floor(lo), math.ceil(hi))
                      for m in range(2, 10) if lo < k + math.log10(m) < hi]
        return [float(k) for k in major], [float(k) for k in minor]
    grid = [k + math.log10(m) for k in range(math.floor(lo), math.ceil(hi) + 1)
            for m in range(1, 10) if lo < k + math.log10(m) < hi]
    for mantissas in FEW:
        ticks = [k + math.log10(m) for k in range(math.floor(lo), math.ceil(hi) + 1)
                 for m in mantissas]
        ticks = _thinned([t for t in ticks if inner_lo <= t <= inner_hi], per_decade, room)
        if len(ticks) >= 2:
            return ticks, [t for t in grid if all(abs(t - s) > 1e-9 for s in ticks)]
    # Round numbers on the linear scale: a narrow range, or no room for 2× and 5×.
    a, b = 10.0 ** lo, 10.0 ** hi
    for count in (3, 2):
        step = float(nice_step(b - a, count))
        values = np.arange(math.ceil(a / step) * step, b + step * 1e-9, step)
        ticks = [t for t in (math.log10(v) for v in values if v > 0)
                 if inner_lo <= t <= inner_hi]
        if len(ticks) >= 2 and _apart(ticks, per_decade, room):
            return ticks, []
    ends = [math.log10(float(f"{10.0 ** t:.2g}")) for t in (inner_lo, inner_hi)]
    ends = [r if inner_lo <= r <= inner_hi else t for r, t in zip(ends, (inner_lo, inner_hi))]
    return ([inner_lo, inner_hi] if ends[0] == ends[1] else ends), []


def _every(decades: list[int], step: int, lo: float, hi: float) -> list[int]:
    """Every ``step``-th decade: the multiples of ``step`` (10⁰, 10⁵, 10¹⁰), unless starting
    elsewhere leaves a decade or more less of the axis unlabelled at its worse end."""
    def unlabelled(ks):
        return max(ks[0] - lo, hi - ks[-1]) if ks else math.inf
    best = [k for k in decades if k % step == 0]
    for start in decades[:step]:
        some = [k for k in decades if (k - start) % step == 0]
        if len(some) >= 2 and (len(best) < 2 or unlabelled(some) <= unlabelled(best) - 1):
            best = some
    return best


def _apart(ticks: list[float], per_decade: float, room: float) -> bool:
    return bool(np.all(np.diff(ticks) * per_decade >= room - 1e-6))


def _thinned(ticks: list[float], per_decade: float, room: float) -> list[float]:
    """The ticks ``room`` pixels apart: powers of ten first, then 2× and 5×, then the rest;
    from the lowest up if that leaves fewer than two."""
    def rank(t):
        m = round(10 ** (t - math.floor(t + 1e-9)))
        return (0 if m in (1, 10) else 1 if m in (2, 5) else 2, t)
    for order in (sorted(ticks, key=rank), ticks):
        kept: list[float] = []
        for t in order:
            if all(abs(t - k) * per_decade >= room - 1e-6 for k in kept):
                kept.append(t)
        if len(kept) >= 2:
            return sorted(kept)
    return sorted(kept)


def _decade(v: float) -> tuple[int, float]:
    k = math.floor(v + 1e-9)
    m = round(10.0 ** v / 10.0 ** k, 3)
    return (k + 1, round(m / 10, 3)) if m >= 10 else (k, m)


def tick_label(v: float, powers: bool = False) -> str:
    """10**v as "0.002", "5000", "10⁻⁶", "2·10⁻⁶" or "2.5·10⁵"; with ``powers``, every
    value but a plain 1 as a power of ten ("10⁻³", "2·10³", "1")."""
    k, m = _decade(v)
    if -3 <= k <= 3 and not powers or (k, m) == (0, 1):     # "1", never "10⁰"
        return f"{10.0 ** v:.4g}"
    power = "10" + str(k).translate(_SUPERSCRIPT)
    return power if m == 1 else f"{m:g}·{power}"


def tick_labels(vals) -> list[str]:
    """An axis' labels in one form: where one needs a power of ten, all have one (the Depth
    tab's gradient axis read "10⁻⁴" under "0.001", review 14)."""
    powers = any(not -3 <= _decade(v)[0] <= 3 for v in vals)
    return [tick_label(v, powers) for v in vals]


def label_height(axis) -> float:
    font = axis.style.get("tickFont")
    return QFontMetrics(font).height() if font is not None else 16.0


def use_log_ticks(axis) -> None:
    """Give a pyqtgraph AxisItem these ticks whenever it is in log mode (its linear mode
    keeps pyqtgraph's own)."""
    linear_values, linear_strings = axis.tickValues, axis.tickStrings

    def values(lo, hi, size):
        if not axis.logMode:
            return linear_values(lo, hi, size)
        vertical = axis.orientation in ("left", "right")
        px = label_height(axis) if vertical else 4.5 * label_height(axis)
        major, minor = log_ticks(float(lo), float(hi), float(size), px)
        return [(1.0, major), (None, minor)]

    def strings(vals, scale, spacing):
        if not axis.logMode:
            return linear_strings(vals, scale, spacing)
        return tick_labels(vals) if spacing is not None else [""] * len(vals)
    axis.tickValues = values
    axis.tickStrings = strings


def space_labels(axis) -> None:
    """On a linear horizontal axis, labels as far apart as the widest one needs: pyqtgraph
    spaces them by a fixed length, and presentation type ran "20406080" together. The ticks
    left without a label stay as grid lines."""
    plain_values, plain_strings = axis.tickValues, axis.tickStrings
    labelled: set = set()

    def values(lo, hi, size):
        levels = plain_values(lo, hi, size)
        labelled.clear()
        if axis.logMode or not levels or size <= 0 or hi <= lo:
            return levels
        spacing, major = levels[0]
        font = axis.style["tickFont"] or QFont()
        width = max((QFontMetrics(font).horizontalAdvance(t)
                     for t in plain_strings(major, 1.0, spacing)), default=0)
        per_unit = size / (hi - lo)
        k = next((k for k in (1, 2, 3, 4, 5, 10, 20, 50)
                  if k * spacing * per_unit >= 1.3 * width), 100)
        half = 0.5 * width / per_unit            # a label reaching past an end is dropped

        def shown(vals):
            return sum(lo + half <= v <= hi - half for v in vals)
        labelled.update(max((major[r::k] for r in range(k)), key=shown))
        return [(spacing, major)] + list(levels[1:])

    def strings(vals, scale, spacing):
        out = plain_strings(vals, scale, spacing)
        return [t if not labelled or v in labelled else "" for v, t in zip(vals, out)]
    axis.tickValues = values
    axis.tickStrings = strings


def drawn_labels(axis) -> list[tuple[QRectF, str]]:
    """The tick labels the axis draws at its present size and range, with their rectangles
    (what tests check for overlaps; the same specs pyqtgraph paints)."""
    pixmap = QPixmap(4, 4)
    painter = QPainter(pixmap)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    if specs is None:
        return []
    return [(QRectF(rect), text) for rect, _, text in specs[2] if text]


def keep_apart(axis, overhang: float = 0.0, spare: float = 0.0) -> None:
    """Draw only tick labels that lie within the axis' length (``overhang`` label lengths plus
    ``spare`` pixels past its ends at most) and that do not touch each other: across, the outermost first, then
    inwards; up, the top one, then the middle one outwards.
    Histogram plots set their ticks (decades, mirrored shares) without knowing their pixels:
    a narrow column printed "10⁻¹⁰10⁻⁵10⁰", a short row "5 0 5" on top of each other."""
    specs_of = axis.generateDrawSpecs

    def specs(painter):
        out = specs_of(painter)
        if out is None:
            return None
        axis_spec, tick_specs, text_specs = out
        vertical = axis.orientation in ("left", "right")
        length = axis.size().height() if vertical else axis.size().width()

        def span(rect):
            return (rect.top(), rect.bottom()) if vertical else (rect.left(), rect.right())
        room = [(i, span(r)) for i, (r, _, _) in enumerate(text_specs)]
        slack = [overhang * (b - a) + spare for _, (a, b) in room]
        inside = [(i, (a, b)) for (i, (a, b)), s in zip(room, slack)
                  if a >= -s - 0.5 and b <= length + s + 0.5]
        middle = length / 2
        gap = label_height(axis) * (0.25 if vertical else ACROSS_GAP)
        kept: list[tuple[float, float]] = []
        keep = []
        def rank(t):     # vertical: the top, then the middle (a mirrored axis' "0");
            c = (t[1][0] + t[1][1]) / 2          # horizontal: the ends first
            return (0 if c == top else 1, abs(c - middle)) if vertical else -abs(c - middle)
        top = min(((a + b) / 2 for _, (a, b) in inside), default=0.0)
        for i, (a, b) in sorted(inside, key=rank):
            if all(b + gap <= c or a >= d + gap for c, d in kept):
                kept.append((a, b))
                keep.append(i)
        shown = [text_specs[i] for i in sorted(keep)]
        if not keep and room:   # none fits: the middle one, moved inside by a little at most
            i, (a, b) = min(room, key=lambda t: abs((t[1][0] + t[1][1]) / 2 - middle))
            shift = min(0.0, length - b) + max(0.0, -a)
            if abs(shift) <= 0.3 * (b - a) and b - a <= length:
                rect, flags, text = text_specs[i]
                rect = QRectF(rect)
                rect.translate(0 if vertical else shift, shift if vertical else 0)
                shown = [(rect, flags, text)]
        return axis_spec, tick_specs, shown
    axis.generateDrawSpecs = specs


def fit_title_room(axis, least: int = 70) -> None:
    """A left axis as wide as its widest tick label and the title beside it need: at a fixed
    70 px, presentation type ran "std of ∂L/∂u" into "5·10⁻⁵" (depth, review 6), and the
    rotated "loss" was printed over a linear axis' "400000" (exploding-clipping, review 11)."""
    font = axis.style.get("tickFont")      # laying out the labels costs ~2 ms: only on change
    title = axis.label.boundingRect().height() if axis.label.isVisible() else 0.0
    look = (tuple(axis.range), font.toString() if font else "", title, axis.logMode,
            round(axis.size().height()))
    if getattr(axis, "_fitted_for", None) == look:
        return
    axis._fitted_for = look
    ticks = max((QFontMetrics(font or QFont()).horizontalAdvance(t)
                 for t in _tick_strings(axis)), default=0)
    want = max(least, int(ticks + title + 10))
    if axis.width() != want:
        axis.setWidth(want)


def _tick_strings(axis) -> list[str]:
    """The labels of the axis' ticks at its range and length, drawn or not: pyqtgraph draws
    none that is wider than the axis, so the drawn ones cannot tell how wide it must be."""
    length = axis.size().height()
    if length <= 0:
        return []
    out: list[str] = []
    for spacing, values in axis.tickValues(*axis.range, length)[:2]:
        out += axis.tickStrings(values, 1.0, spacing)
    return [t for t in out if t]


def keep_title_clear(plot, least: int = 70) -> None:
    """fit_title_room on the plot's left axis now and whenever its range or size changes."""
    axis = plot.getAxis("left")
    axis.setWidth(least)
    plot.vb.sigYRangeChanged.connect(lambda *_: fit_title_room(axis, least))
    plot.vb.sigResized.connect(lambda *_: fit_title_room(axis, least))

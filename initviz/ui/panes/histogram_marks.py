"""What a histogram plot says besides its bars: per plot, the shares of exact zeros and of
non-finite values and the height of a clipped bar (one text at the top of the plot where the
curves leave room, else in the pane's key line, and a small mark over the clipped bar); per
pane, which layers overflowed; the rows of a CSV export."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont

from initviz.engine.hist_view import layer_spans

from ..look import plot_style
from ..look.palette import Palette


def _pct(x: float) -> str:
    return f"{x:.0f} %" if x >= 9.5 or x == 0 else f"{x:.1g} %"


NOTE_GAP = 4      # pixels between a note and the plot's left edge, where the y labels end


class PlotMarks:
    """The texts of one pooled plot: lines in the top right corner, inside the plot, in the
    colour of the run they are about (plain text: SVG export keeps it text), and a mark over
    a clipped bar. Hidden until there is something to say. ``group``: what the plots of
    one pane share, so that their notes look alike (review 14 saw one "zeros" note smaller
    than its neighbours', and one moved to the key line while four stayed): once one note
    needs the small font, all take it; once one plot's zeros find no room, all plots' go
    to the key line. Both hold until the pane is arranged anew or resized, or its runs
    finish (``NoteGroup.reset``)."""

    def __init__(self, plot, group: "NoteGroup | None" = None):
        self.plot = plot
        self.group = group or NoteGroup()
        self.group.members.append(self)
        self.lines: list[pg.TextItem] = []
        self.clip = self._item("▲", (0.5, 0))
        self._shown = self._args = None
        self.moved: list = []    # (run, zeros %) of a note that found no room in the plot
        self.said: set = set()   # "zeros", "clip": the kinds of note shown, for the key line
        self.held = False        # the pane is drawing: it shows the notes when it is done
        self._sizes: dict = {}   # (text, font) -> the size of a note in that font
        plot.vb.sigResized.connect(self._again)    # the layout settles after the draw,
        plot.vb.sigRangeChanged.connect(self._again)   # the user pans

    def _again(self, *_) -> None:
        if self._args is not None and not self.held:
            self.show(*self._args)

    def _item(self, text, anchor) -> pg.TextItem:
        item = pg.TextItem(text, anchor=anchor, fill=(255, 255, 255, 190))  # over the bars
        item.setZValue(20)
        item.textItem.document().setDocumentMargin(1)    # (4 px a side: room that small plots lack)
        item.hide()
        self.plot.addItem(item)
        return item

    def hide(self) -> None:
        for item in self.lines + [self.clip]:
            item.hide()
        self._shown = self._args = None
        self.moved = []
        self.said = set()
        self.plot.setToolTip("")

    def show(self, x_range, y_top, zeros, bad, clipped, shapes=()) -> None:
        """``zeros``/``bad``: (run, share %) of exact zeros / non-finite values worth saying;
        ``clipped``: (run, height %, x of the bar) of clipped bars, tallest first; ``shapes``:
        (edges, heights) of the bars drawn, for the notes to keep clear of."""
        self._args = (x_range, y_top, zeros, bad, clipped, shapes)
        # Zeros are said in words or not at all here: a cryptic "0: 52 %" was read by few,
        # the key line that takes them otherwise says "exact zeros (in no bar)".
        zero = QCoreApplication.translate("HistogramPane", "zeros {0}")
        lines = [(i, zero.format(_pct(v)), zero.format(_pct(v))) for i, v in zeros]
        lines += [(i, f"▲ {_pct(h)}", f"▲ {_pct(h)}") for i, h, _ in clipped]
        lines += [(i, QCoreApplication.translate("HistogramPane", "not finite {0}").format(
            _pct(v)), f"∞: {_pct(v)}") for i, v in bad]
        vb = self.plot.vb
        (x_lo, x_hi), (y_lo, y_hi) = vb.viewRange()
        w_px, h_px = max(vb.width(), 1.0), max(vb.height(), 1.0)
        group = self.group
        shown = (tuple(lines), x_range, y_top, w_px, h_px, x_lo, x_hi, y_lo, y_hi,
                 clipped[0][2] if clipped else None, group.small, group.apart)
        if shown == self._shown:
            return
        self._shown = shown
        while len(self.lines) < max(len(lines), 1):
            self.lines.append(self._item("", (1, 0)))
        if zeros and not (clipped or bad) and all(v >= 100.0 for _, v in zeros) and \
                tallest_under(shapes, x_lo, x_hi) <= 0:
            self._all_zero(zeros[0][0], (x_lo + x_hi) / 2, (y_lo + y_hi) / 2, w_px)
            return
        # Each note whole inside the plot, where the curves leave room for it (the right
        # corner, the left, else the free place nearest the right); in the short, smaller
        # form if the long one is too wide or finds no room; only the lines that fit in its
        # height. Where no place is free, the zeros leave the plot for the pane's key line
        # (and the tooltip); a clipped bar's label stays, in the corner with the lower bars.
        self.moved = []
        self.plot.setToolTip("")
        if clipped:     # the ▲ is wider than its bar: notes keep clear of it (review 18)
            x = self._clip_x(clipped[0][2], x_range)
            half = 0.6 * self.clip.textItem.boundingRect().width() * (x_hi - x_lo) / w_px
            shapes = (*shapes, (np.array([x - half, x + half]), np.array([np.inf])))
        small = False
        for keep in (lines, lines[len(zeros):])[1 if group.apart and zeros else 0:]:
            fit, spot, step, width, small = self._place(keep, shapes, w_px, h_px,
                                                        (x_lo, x_hi, y_lo, y_hi), group.small)
            if spot is not None:
                break
        if (zeros and keep is not lines and not group.apart) or (small and not group.small):
            group.apart = group.apart or bool(zeros and keep is not lines)
            group.small = group.small or small
            group.changed(self)
        if zeros and keep is not lines:
            self.moved = list(zeros)
            self.plot.setToolTip("\n".join(t for _, t, _ in lines))
        self.said = {"clip"} if clipped else set()
        if zeros and keep is lines and spot is not None and fit:
            self.said.add("zeros")
        if spot is None and fit:
            right = tallest_under(shapes, x_hi - width, x_hi)
            spot = x_hi - width if right <= tallest_under(shapes, x_lo, x_lo + width) else x_lo
        if spot is None:
            fit = 0
        for n, item in enumerate(self.lines):
            if n >= fit:
                item.hide()
                continue
            item.setAnchor((0, 0))
            item.setPos(spot, y_hi - n * step)
            item.show()
        if clipped:
            self.clip.setColor(Palette.color(clipped[0][0]))
            self.clip.setPos(self._clip_x(clipped[0][2], x_range), y_top)
            self.clip.show()
        else:
            self.clip.hide()

    @staticmethod
    def _clip_x(x: float, x_range) -> float:
        """Where the ▲ over a clipped bar at ``x`` goes: inside the plot."""
        width = x_range[1] - x_range[0]
        return min(max(x, x_range[0] + 0.02 * width), x_range[1] - 0.02 * width)

    def _font(self) -> QFont:
        """The notes' type: the axes' (the theme scales it: presentation's notes were 12 pt,
        unreadable from the back, review 7)."""
        return QFont(self.plot.getAxis("bottom").style.get("tickFont") or
                     plot_style.tick_font())

    def _all_zero(self, run: int, x: float, y: float, w_px: float) -> None:
        """A plot with no bar at all, every value exactly 0 (mnist-zeros-vs-ones' all-zeros
        start): said in its middle, or the empty axes look like a drawing that failed
        (review 13)."""
        self.moved, self.said = [], set()
        self.plot.setToolTip("")
        font, colour = self._font(), Palette.color(run)
        item = self.lines[0]
        text = QCoreApplication.translate("HistogramPane", "every value exactly 0")
        if self._size(item, font, text, colour)[0] > w_px - 2:
            text = QCoreApplication.translate("HistogramPane", "all 0")
        _set_text(item, font, text, colour)
        item.setAnchor((0.5, 0.5))
        item.setPos(x, y)
        item.show()
        for other in self.lines[1:] + [self.clip]:
            other.hide()

    def _place(self, lines, shapes, w_px, h_px, view, only_small=False):
        """Sets ``lines`` in the first items; (lines that fit, left end or None, line step,
        width, whether a line took the small font)."""
        x_lo, x_hi, y_lo, y_hi = view
        w_px -= NOTE_GAP                # clear of the y axis's labels ("3zeros 52 %": review 16)
        x_lo += NOTE_GAP * (x_hi - x_lo) / (w_px + NOTE_GAP)
        font = self._font()             # or 0.8 of it where that does not fit
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.8)
        tried = (((font, 1), (font, 2), (small, 2)), ((small, 2),))
        for forms in tried[1:] if only_small else tried:
            sizes, used_small = [], False
            for n, line in enumerate(lines):
                item, colour = self.lines[n], Palette.color(line[0])
                for f, t in forms:
                    size = self._size(item, f, line[t], colour)
                    if size[0] <= w_px - 2:
                        break
                _set_text(item, f, line[t], colour)
                sizes.append(size)
                used_small = used_small or f is small
            line_h = max((h for _, h in sizes), default=0.0)
            fit = 0          # the lines that fit whole (a plot too small for any says none)
            while fit < len(lines) and (fit + 1) * line_h <= h_px and sizes[fit][0] <= w_px - 2:
                fit += 1
            width = max((w for w, _ in sizes[:fit]), default=0.0) * (x_hi - x_lo) / w_px
            spot = free_spot(shapes, (x_lo, x_hi), width, y_hi - fit * line_h *
                             (y_hi - y_lo) / h_px) if fit else None
            if spot is not None:
                break
        return fit, spot, line_h * (y_hi - y_lo) / h_px, width, used_small and fit > 0


    def _size(self, item, font, text, colour) -> tuple[float, float]:
        """The size of ``text`` in ``font`` as a note (measured once, in ``item``): a note
        set again lays out its text again, the most of a frame's notes."""
        key = (text, font.key())
        if key not in self._sizes:
            _set_text(item, font, text, colour)
            rect = item.textItem.boundingRect()
            self._sizes[key] = (rect.width(), rect.height())
        return self._sizes[key]


class NoteGroup:
    """What the notes of one pane's plots share (see PlotMarks): the small font, and the
    zeros in the key line. ``dirty``: it changed while the pane was drawing, and the notes
    placed before the change must be placed again (``PlotMarks._again``)."""

    def __init__(self):
        self.members: list[PlotMarks] = []
        self.small = self.apart = self.dirty = False
        self.state = None        # (finished runs or the start, the pane's size) last drawn

    def reset(self) -> None:
        self.small = self.apart = self.dirty = False

    def changed(self, by: PlotMarks) -> None:
        if by.held:
            self.dirty = True
            return
        for m in self.members:
            if m is not by:
                m._again()


def _set_text(item, font, text, colour) -> None:
    """Show ``text`` in ``font`` and ``colour`` in ``item`` unless it does already."""
    if item.textItem.font() != font or item.color != colour or \
            item.textItem.toPlainText() != text:
        item.setFont(font)
        item.setText(text, color=colour)


def tallest_under(shapes, lo: float, hi: float) -> float:
    """The tallest bar of ``shapes`` ((edges, heights)) between ``lo`` and ``hi``."""
    top = 0.0
    for edges, heights in shapes:
        inside = (edges[1:] > lo) & (edges[:-1] < hi)
        if inside.any():
            top = max(top, float(heights[inside].max()))
    return top


def free_spot(shapes, x_view, width, below):
    """The left end of a note ``width`` wide over which every bar of ``shapes`` stays at
    most ``below``: in the right corner, else the left, else the free place nearest the
    right; None where there is none."""
    lo, hi = x_view
    for x in (hi - width, lo, *np.linspace(hi - width, lo, 41)[1:-1]):
        if tallest_under(shapes, x, x + width) <= below:
            return float(x)
    return None


def where_text(layers, shown=(), total: int = 0) -> str:
    """"layer 3", "layers 1, 3, 5–6", or, when ``layers`` are all the ``total`` layers or all
    the columns ``shown``, "every layer" or "every layer shown" (review 9: "layers 1, 3, 5–6,
    8, 10" was every column of activation-compare's grid)."""
    layers = sorted(set(layers))
    if total > 1 and layers == list(range(1, total + 1)):
        return QCoreApplication.translate("HistogramPane", "every layer")
    if len(layers) > 1 and layers == sorted(set(shown)):
        return QCoreApplication.translate("HistogramPane", "every layer shown")
    return (QCoreApplication.translate("HistogramPane", "layer {0}") if len(layers) == 1
            else QCoreApplication.translate("HistogramPane", "layers {0}")).format(
        layer_spans(layers))


def moved_note(moved, labels, shown=(), total: int = 0) -> str:
    """The zeros of the plots whose note found no room (``moved``: (run, layer, share %)):
    "exact zeros (in no bar): ReLU 47–54 % (layers 1, 3)"; ``shown``: the layers of the
    grid's columns, ``total``: the network's."""
    by_run: dict = {}
    for i, layer, v in moved:
        by_run.setdefault(i, []).append((layer, v))
    parts, said = [], set()
    for i in sorted(by_run):
        layers = sorted({layer for layer, _ in by_run[i]})
        lo, hi = (_pct(f([v for _, v in by_run[i]])) for f in (min, max))
        share = lo if lo == hi else f"{lo}–{hi}".replace(" %–", "–")
        name = labels[i] if i < len(labels) else str(i + 1)
        where = where_text(layers, shown, total)
        parts.append(f"{name} {share} ({where})")
        said.add((share, where))
    if not parts:
        return ""
    if len(parts) == len(labels) > 1 and len(said) == 1:     # act-relu-compare: 3 lines
        share, where = said.pop()
        parts = [QCoreApplication.translate("HistogramPane", "every run {0}").format(
            share) + f" ({where})"]
    return QCoreApplication.translate("HistogramPane", "exact zeros (in no bar): {0}").format(
        ", ".join(parts))


def overflow_note(view) -> str:
    """"values beyond ±3.4·10³⁸ in layers 7–10" (and not-a-number values), or ""."""
    inf = [lv.layer for lv in view.layers if any(r is not None and r.inf for r in lv.runs)]
    nan = [lv.layer for lv in view.layers if any(r is not None and r.nan for r in lv.runs)]
    notes = []
    if inf:
        notes.append(QCoreApplication.translate(
            "HistogramPane", "values beyond ±3.4·10³⁸ (overflow) in layers {0}").format(
            layer_spans(inf)))
    if nan:
        notes.append(QCoreApplication.translate(
            "HistogramPane", "not-a-number values in layers {0}").format(layer_spans(nan)))
    return "; ".join(notes)


def view_rows(view, histories) -> list[list]:
    """Per run and layer, the bins of ``view``: edges, (estimated) count and percentage."""
    rows = []
    for h in histories:
        for lv in view.layers:
            rv = lv.runs[h.index] if h.index < len(lv.runs) else None
            if rv is None:
                continue
            e, pct = lv.edges, rv.share(rv.counts) * 100.0
            rows += [[h.label, lv.layer, e[b], e[b + 1], rv.counts[b], pct[b]]
                     for b in range(len(rv.counts))]
    return rows


def x_label_text(field: str, axis: str) -> str:
    """The label under the grid of a pane that shows ``field`` on ``axis``."""
    text = {"activation": QCoreApplication.translate("HistogramPane", "activation value f(u)"),
            "preactivation": QCoreApplication.translate("HistogramPane",
                                                        "pre-activation value u"),
            "gradient": QCoreApplication.translate("HistogramPane", "gradient ∂L/∂u"),
            "weight": QCoreApplication.translate("HistogramPane", "weight value")}[field]
    if axis == "magnitude":
        return QCoreApplication.translate("HistogramPane",
                                          "{0}: magnitude |x|, log scale").format(text)
    return text


def legend_texts(view, labels, same, moved=(), said=(), shown=(), why="") -> tuple[list[str],
                                                                                   str]:
    """The runs' names, a run that coincides with an earlier one (``same``: run -> (earlier
    run, exactly)) saying so, and the key line under them (with ``moved``, the zeros of the
    plots that had no room for their note; with ``said``, what the plots' "zeros" and "▲"
    notes mean: review 8 found "▲ 49 %" beside "zeros 51 %" unexplained; ``why``, why they
    are 0)."""
    names = list(labels)
    # Several runs the same as one (exploding-clipping's start): their thin lines lie on one
    # another, only the last is seen; "thin line on top" after each promised three (review 15)
    exact = [i for i, is_exact in same.values() if is_exact]
    many = {i for i in exact if exact.count(i) > 1}
    for j, (i, is_exact) in same.items():
        names[j] = (QCoreApplication.translate("HistogramPane", "{0} (same as {1})")
                    if i in many and is_exact else
                    QCoreApplication.translate("HistogramPane",
                                               "{0} (same as {1}: thin line on top)")
                    if is_exact else
                    QCoreApplication.translate("HistogramPane",
                                               "{0} (close to {1}: thin line on top)")
                    ).format(labels[j], labels[i])
    key = [overflow_note(view), moved_note(moved, labels, shown, len(view.layers))]
    if many:
        key.insert(0, QCoreApplication.translate(
            "HistogramPane", "runs the same as one another: drawn as one thin line on top"))
    if "zeros" in said and not moved:      # else "exact zeros (in no bar): …" says it
        key.append(QCoreApplication.translate("HistogramPane",
                                              "zeros n %: values exactly 0, in no bar"))
    if "zeros" in said or moved:
        key.append(why)                    # zero_reasons: the mechanism, if one is known
    if "clip" in said:
        key.append(QCoreApplication.translate("HistogramPane",
                                              "▲ n %: a bar cut at the top, and its height"))
    if view.axis == "magnitude":
        key.append(QCoreApplication.translate(
            "HistogramPane", "log₁₀|x| axis: positive values above the line, negative below")
            if view.signed else QCoreApplication.translate(
                "HistogramPane", "log₁₀|x| axis: no negative values here"))
    return names, "; ".join(t for t in key if t)

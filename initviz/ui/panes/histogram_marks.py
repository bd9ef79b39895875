"""What a histogram plot says besides its bars: per plot, the shares of exact zeros and of
non-finite values and the height of a clipped bar (one text, inside the plot's top right corner,
and a small mark over the clipped bar); per pane, which layers overflowed; the rows of a CSV
export."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from initviz.engine.hist_view import layer_spans

from ..look import plot_style
from ..look.palette import Palette


def _pct(x: float) -> str:
    return f"{x:.0f} %" if x >= 9.5 or x == 0 else f"{x:.1g} %"


class PlotMarks:
    """The texts of one pooled plot: lines in the top right corner, inside the plot, in the
    colour of the run they are about (plain text: SVG export keeps it text), and a mark over
    a clipped bar. Hidden until there is something to say."""

    def __init__(self, plot):
        self.plot = plot
        self.lines: list[pg.TextItem] = []
        self.clip = self._item("▲", (0.5, 0))
        self._shown = self._args = None
        plot.vb.sigResized.connect(self._again)    # the layout settles after the draw,
        plot.vb.sigRangeChanged.connect(self._again)   # a linked y range moves later

    def _again(self, *_) -> None:
        if self._args is not None:
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

    def show(self, x_range, y_top, zeros, bad, clipped, shapes=()) -> None:
        """``zeros``/``bad``: (run, share %) of exact zeros / non-finite values worth saying;
        ``clipped``: (run, height %, x of the bar) of clipped bars, tallest first; ``shapes``:
        (edges, heights) of the bars drawn, for the notes to keep clear of."""
        self._args = (x_range, y_top, zeros, bad, clipped, shapes)
        lines = [(i, QCoreApplication.translate("HistogramPane", "zeros {0}").format(_pct(v)),
                  f"0: {_pct(v)}") for i, v in zeros]
        lines += [(i, f"▲ {_pct(h)}", f"▲ {_pct(h)}") for i, h, _ in clipped]
        lines += [(i, QCoreApplication.translate("HistogramPane", "not finite {0}").format(
            _pct(v)), f"∞: {_pct(v)}") for i, v in bad]
        font = plot_style.tick_font()
        vb = self.plot.vb
        (x_lo, x_hi), (y_lo, y_hi) = vb.viewRange()
        w_px, h_px = max(vb.width(), 1.0), max(vb.height(), 1.0)
        shown = (tuple(lines), x_range, y_top, w_px, h_px, x_lo, x_hi, y_lo, y_hi,
                 clipped[0][2] if clipped else None)
        if shown == self._shown:
            return
        self._shown = shown
        while len(self.lines) < len(lines):
            self.lines.append(self._item("", (1, 0)))
        # Each note whole inside the plot: the short form if the long one is too wide, only
        # the lines that fit in its height; in the corner with the lower bars under it.
        small = plot_style.tick_font()
        small.setPointSizeF(font.pointSizeF() * 0.8)
        sizes = []
        for n, (i, text, short) in enumerate(lines):
            item = self.lines[n]
            for f, t in ((font, text), (font, short), (small, short)):
                item.setFont(f)
                item.setText(t, color=Palette.color(i))
                if item.textItem.boundingRect().width() <= w_px - 2:
                    break
            rect = item.textItem.boundingRect()
            sizes.append((rect.width(), rect.height()))
        line_h = max((h for _, h in sizes), default=0.0)
        fit = 0          # the lines that fit whole (a plot too small for any says none)
        while fit < len(lines) and (fit + 1) * line_h <= h_px and sizes[fit][0] <= w_px - 2:
            fit += 1
        width = max((w for w, _ in sizes[:fit]), default=0.0) * (x_hi - x_lo) / w_px
        height = fit * line_h * (y_hi - y_lo) / h_px
        right = self._emptier(shapes, (x_lo, x_hi), width, y_hi - height)
        step = line_h * (y_hi - y_lo) / h_px
        for n, item in enumerate(self.lines):
            if n >= fit:
                item.hide()
                continue
            item.setAnchor((1, 0) if right else (0, 0))
            item.setPos(x_hi if right else x_lo, y_hi - n * step)
            item.show()
        if clipped:
            i, _, x = clipped[0]
            width = x_range[1] - x_range[0]
            x = min(max(x, x_range[0] + 0.02 * width), x_range[1] - 0.02 * width)
            self.clip.setColor(Palette.color(i))
            self.clip.setPos(x, y_top)
            self.clip.show()
        else:
            self.clip.hide()


    @staticmethod
    def _emptier(shapes, x_view, width, below) -> bool:
        """Whether the right corner (rather than the left) has the lower bars under a note
        ``width`` wide; ties go right."""
        def tallest(lo, hi):
            top = 0.0
            for edges, heights in shapes:
                inside = (edges[1:] > lo) & (edges[:-1] < hi)
                if inside.any():
                    top = max(top, float(heights[inside].max()))
            return top
        left = tallest(x_view[0], x_view[0] + width)
        right = tallest(x_view[1] - width, x_view[1])
        return right <= below or right <= left


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


def legend_texts(view, labels, same) -> tuple[list[str], str]:
    """The runs' names, a run that coincides with an earlier one (``same``: run -> (earlier
    run, exactly)) saying so, and the key line under them."""
    names = list(labels)
    for j, (i, exact) in same.items():
        names[j] = (QCoreApplication.translate("HistogramPane",
                                               "{0} (= {1}: drawn thinner, on top)") if exact
                    else QCoreApplication.translate("HistogramPane",
                                                    "{0} (≈ {1}: drawn thinner, on top)")
                    ).format(labels[j], labels[i])
    key = [overflow_note(view)]
    if view.axis == "magnitude":
        key.append(QCoreApplication.translate(
            "HistogramPane", "log₁₀|x| axis: positive values above the line, negative below"))
    return names, "; ".join(t for t in key if t)

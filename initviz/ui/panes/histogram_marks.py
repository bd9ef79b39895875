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
        self._shown = None

    def _item(self, text, anchor) -> pg.TextItem:
        item = pg.TextItem(text, anchor=anchor, fill=(255, 255, 255, 190))  # over the bars
        item.setZValue(20)
        item.hide()
        self.plot.addItem(item)
        return item

    def hide(self) -> None:
        for item in self.lines + [self.clip]:
            item.hide()
        self._shown = None

    def show(self, x_range, y_top, zeros, bad, clipped) -> None:
        """``zeros``/``bad``: (run, share %) of exact zeros / non-finite values worth saying;
        ``clipped``: (run, height %, x of the bar) of clipped bars, tallest first."""
        lines = [(i, QCoreApplication.translate("HistogramPane", "zeros {0}").format(_pct(v))) for i, v in zeros]
        lines += [(i, f"▲ {_pct(h)}") for i, h, _ in clipped]
        lines += [(i, QCoreApplication.translate("HistogramPane", "not finite {0}").format(_pct(v))) for i, v in bad]
        font = plot_style.tick_font()
        y_lo, y_hi = self.plot.vb.viewRange()[1]
        pixels = self.plot.vb.height()        # a line's height in data units
        step = (y_hi - y_lo) * font.pointSizeF() * 1.9 / pixels if pixels > 20 else 0.0
        if not 0.02 * (y_hi - y_lo) < step < 0.3 * (y_hi - y_lo):
            step = 0.08 * (y_hi - y_lo)
        shown = (tuple(lines), x_range, y_top, step, clipped[0][2] if clipped else None)
        if shown == self._shown:
            return
        self._shown = shown
        while len(self.lines) < len(lines):
            self.lines.append(self._item("", (1, 0)))
        for n, item in enumerate(self.lines):
            if n >= len(lines):
                item.hide()
                continue
            i, text = lines[n]
            item.setText(text, color=Palette.color(i))
            item.setFont(font)
            item.setPos(x_range[1], y_top - n * step)
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

"""Statistics against depth: per-layer activation and gradient spread of every run (log scale),
the predicted activation spread dashed over them, and the saturated and dead fractions."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QCheckBox

from .band_note import band_tip
from .depth_matches import same_bands
from .depth_notes import FLOOR, depth_notes, off_axis
from .histogram_boxes import at_start_title, show_start_box
from .pane import Info, Pane
from ..run.run_history import AtStart
from ..look.palette import PALE, Palette, dashed_pen, symbol_style
from ..look.axis_labels import fit_title_room, use_log_ticks, with_min_span
from ..look.plot_style import label_plot, nice_ceiling, nice_step, style_plot


def _positive(values) -> np.ndarray:
    v = np.asarray(values, np.float64)
    return np.where(np.isfinite(v) & (v > 0), v, np.nan)


def _set_finite(item, x, y) -> None:
    """Plot only the finite points: a diverged run's statistics are all NaN, and NumPy warns
    ("All-NaN slice") when pyqtgraph takes the bounds of an all-NaN scatter. The gaps stay
    gaps (no line is drawn across a missing layer)."""
    y = np.asarray(y, np.float64)
    if not np.isfinite(y).any():
        item.setData([], [])
    else:
        item.setData(x, y)


def _emphasise(item, on_top: bool, symbol: bool = False) -> None:
    """A run that would hide an earlier one is drawn thinner and above it (only on a change:
    setting a pen lays the item out again)."""
    pen = item.opts["pen"]
    if pen.widthF() != (1.5 if on_top else 3):
        pen.setWidthF(1.5 if on_top else 3)
        item.setPen(pen)
        if symbol:
            item.setSymbolSize(5 if on_top else 7)
        item.setZValue(2 if on_top else 0)


DENSE = 12        # more layers than this get smaller dots
BAND_ALPHA = 30   # the fills of several bands overlap: light enough to see through three


def band_pen(i: int):
    """The edges of run i's band: thin, in its colour (dotted for runs 5-8, as their lines)."""
    style = Qt.PenStyle.DotLine if Palette.dashed(i) else Qt.PenStyle.SolidLine
    return pg.mkPen(Palette.color(i, 170), width=1.2, style=style)


def band_order(histories) -> dict[int, float]:
    """Run -> the z value of its band: the narrower a band (mean log-width over the layers),
    the higher, so that a narrow band is never painted over by a wide one."""
    widths = {}
    for h in histories:
        if h.layers is None:
            continue
        with np.errstate(all="ignore"):
            w = np.log10(_positive([s.predicted_high for s in h.layers]) /
                         _positive([s.predicted_low for s in h.layers]))
        if np.isfinite(w).any():
            widths[h.index] = float(np.nanmean(w))
    ranked = sorted(widths, key=lambda i: -widths[i])          # widest first
    return {i: -0.5 + 0.1 * rank for rank, i in enumerate(ranked)}


def share_top(percents) -> float:
    """The share plot's top: the largest share's next round step, at least 10 %, at most 100
    (on 0-100 xavier-gain-table's 5-12 % saturated lay in the bottom eighth: review 16)."""
    v = np.asarray(percents, float)
    v = v[np.isfinite(v)]
    return min(100.0, max(10.0, nice_ceiling(1.1 * v.max()))) if v.size else 100.0


def _log_range(arrays, floor=FLOOR):
    vals = np.concatenate([a[np.isfinite(a)] for a in arrays]) if arrays else np.empty(0)
    vals = vals[vals > floor]
    if not vals.size:
        return -1.0, 1.0
    lo, hi = np.log10(vals.min()), np.log10(vals.max())
    pad = max(0.15, 0.08 * (hi - lo))
    return with_min_span(lo - pad, hi + pad)


class DepthPane(Pane):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.view = pg.GraphicsLayoutWidget()
        self.add_body(self.view, 1)
        self.act_plot = self.view.addPlot(row=0, col=0, enableMenu=False)
        self.grad_plot = self.view.addPlot(row=0, col=1, enableMenu=False)
        self.frac_plot = self.view.addPlot(row=0, col=2, enableMenu=False)
        for p in (self.act_plot, self.grad_plot, self.frac_plot):
            style_plot(p)
        for p in (self.act_plot, self.grad_plot):
            p.setLogMode(x=False, y=True)
            use_log_ticks(p.getAxis("left"))
        for p in (self.act_plot, self.grad_plot, self.frac_plot):
            p.getAxis("left").setWidth(70)
            p.vb.setMouseEnabled(x=False, y=False)
            p.vb.disableAutoRange()        # draw() sets every range
            # the labels the width holds, again when it changes (the width at the first draw
            # can be the unsettled layout's: "1 … 9" crowded, "10" dropped)
            p.vb.sigResized.connect(lambda *_: self._fit_layer_ticks())
        self._layers = 1
        self.start_box = QCheckBox()     # the prediction and band hold at the start only
        self._start_on = False           # the pane's choice (the box shows it while it trains)
        self.start_box.toggled.connect(self.set_at_start)
        self.title_row.addWidget(self.start_box)
        self._starts: dict[int, AtStart] = {}
        self._items: list[dict] = []
        self._shape = None
        self._drawn: dict[int, tuple] = {}
        self._config = None
        self.retranslate()

    def retranslate(self) -> None:
        self._show_title()
        layer = self.tr("hidden layer")
        label_plot(self.act_plot, self.tr("Activation std"), layer,
                   self.tr("std of f(u), log scale"))
        label_plot(self.grad_plot, self.tr("Gradient std"), layer,
                   self.tr("std of ∂L/∂u, log scale"))
        label_plot(self.frac_plot, self.tr("Saturated, dead"), layer, self.tr("% of values"))
        self.view.setToolTip(band_tip())
        self.start_box.setText(self.tr("At the start"))
        self.start_box.setToolTip(self.tr(
            "Show each run as it was at initialization, with the dashed prediction and the "
            "finite-width band, however far it has trained since"))
        self._drawn = {}          # the legend's key line is made while drawing

    def set_at_start(self, on: bool) -> None:
        self._start_on = bool(on)
        show_start_box(self.start_box, on)
        self._drawn, self._notes = {}, None
        self._show_title()

    def _show_title(self) -> None:
        text = self.tr("Spread of the signal through the layers")
        self.title.setText(at_start_title(text) if self.start_box.isChecked() else text)

    def show_preset(self, preset) -> None:
        self.set_at_start(preset is not None and preset.opens_at_start("depth"))

    def _at_start(self, h) -> AtStart:
        view = self._starts.get(h.index)
        if view is None or view.history is not h:
            view = self._starts[h.index] = AtStart(h)
        return view

    def set_config(self, config) -> None:
        self._config = config          # for why a run has no finite-width band

    def run_items(self) -> list[dict]:
        """Per run: its plot items by name ("act", "pred", "grad", ...)."""
        return list(self._items)

    def _rebuild(self, labels: list[str]) -> None:
        plots = {"act": self.act_plot, "pred": self.act_plot, "low": self.act_plot,
                 "high": self.act_plot, "band": self.act_plot, "grad": self.grad_plot,
                 "act_off": self.act_plot, "grad_off": self.grad_plot,
                 "sat": self.frac_plot, "dead": self.frac_plot}
        for items in self._items:
            for key, item in items.items():
                # The PlotItem's own removeItem: the view box's alone left every item in the
                # plot's lists, so each new set of runs kept the old curves alive (0.5 MB).
                plots[key].removeItem(item)
        self._items, self._drawn = [], {}
        for i, label in enumerate(labels):
            color = Palette.color(i)
            solid = pg.mkPen(color, width=3)
            sym = dict(symbol="o", symbolSize=8, **symbol_style(color))
            items = {
                # The measured spread pale, the dashed prediction in full colour on top: where
                # they agree (the point of the dashes) the thicker solid line would hide them.
                "act": pg.PlotDataItem(pen=pg.mkPen(Palette.color(i, PALE), width=3),
                                       connect="finite", name=label, **sym),
                "pred": pg.PlotDataItem(pen=dashed_pen(color, i), connect="finite"),
                # where 90 % of networks of this width lie (theory/finite_width.py): its
                # edges are thin lines in the run's colour, so that overlapping bands (widths
                # 32, 128, 512 in finite-width) stay apart where their pale fills blend
                "low": pg.PlotDataItem(pen=band_pen(i), connect="finite"),
                "high": pg.PlotDataItem(pen=band_pen(i), connect="finite"),
                "grad": pg.PlotDataItem(pen=solid, connect="finite", **sym),
                # ▼ at the bottom edge for the layers whose spread is 0 (off the log axis)
                "act_off": pg.ScatterPlotItem(symbol="t", size=14, brush=color, pen=None),
                "grad_off": pg.ScatterPlotItem(symbol="t", size=14, brush=color, pen=None),
                "sat": pg.PlotDataItem(pen=solid, connect="finite", **sym),
                "dead": pg.PlotDataItem(pen=pg.mkPen(color, width=3, style=Qt.PenStyle.DotLine),
                                        connect="finite", symbol="s", symbolSize=7,
                                        **symbol_style(None, color)),
            }
            # presenting, edges as wide as the measured line read as it (review 17)
            items["low"].grows_less = items["high"].grows_less = True
            band = QColor(color)
            band.setAlpha(BAND_ALPHA)
            items["band"] = pg.FillBetweenItem(items["low"], items["high"], brush=band)
            for name in ("low", "high", "band", "act", "pred"):
                self.act_plot.addItem(items[name])
            items["pred"].setZValue(1)
            self.grad_plot.addItem(items["grad"])
            self.act_plot.addItem(items["act_off"])
            self.grad_plot.addItem(items["grad_off"])
            self.frac_plot.addItem(items["sat"])
            self.frac_plot.addItem(items["dead"])
            self._items.append(items)
        self._notes = None
        self._shape = tuple(labels)

    def draw(self, histories, edges=None) -> None:
        if show_start_box(self.start_box, self._start_on, histories):  # ("View" menu shows
            self._show_title()                                     # or hides it, not here)
        if self._start_on:
            histories = [self._at_start(h) for h in histories]
        labels = [h.label for h in histories]
        if self._shape != tuple(labels):
            self._rebuild(labels)
        d = depth_notes(histories, labels, self._config)
        notes, same, apart, shares = d.notes, d.same, d.apart, d.shares
        for h in histories:
            if h.index < len(self._items):
                items = self._items[h.index]
                for name in ("act", "grad"):
                    _emphasise(items[name], h.index in same or h.index in apart[name])
                for name in ("sat", "dead"):
                    _emphasise(items[name], h.index in shares, symbol=True)
        key = self.tr("solid: measured · left, dashed: predicted from the weights; band: where "
                      "90 % of networks of this width lie · right: ● saturated, □ dead (0 for "
                      "every input)")
        if (notes, key, d.common) != self._notes:
            self._notes = (notes, key, d.common)
            self.legend.show_runs(labels, notes, key, Info(d.common))
        acts, grads, n_max, changed = [], [], 1, False
        for h in histories:
            if h.layers is None:
                continue
            layers = h.layers
            x = np.arange(1, len(layers) + 1, dtype=float)
            n_max = max(n_max, len(layers))
            act = _positive([s.activation_std for s in layers])
            pred = _positive([s.predicted_activation_std for s in layers])
            low = _positive([s.predicted_low for s in layers])
            high = _positive([s.predicted_high for s in layers])
            grad = _positive([s.gradient_std for s in layers])
            acts += [act, pred, low, high]
            grads.append(grad)
            key = (h, h.layers_version)
            old = self._drawn.get(h.index)
            if old is not None and old[0] is h and old[1] == key[1]:
                continue
            changed = True
            items = self._items[h.index]
            for name, y in (("act", act), ("pred", pred), ("low", low), ("high", high),
                            ("grad", grad),
                            ("sat", [100 * s.saturated_fraction for s in layers]),
                            ("dead", [100 * s.dead_fraction for s in layers])):
                _set_finite(items[name], x, y)
            # Thirty layers of 8-pixel dots made beads that hid the dashed prediction
            # (finite-width): small dots where layers are dense.
            dot = 8 if len(layers) <= DENSE else 4
            for name in ("act", "grad"):
                if items[name].opts["symbolSize"] != dot:
                    items[name].setSymbolSize(dot)
            self._drawn[h.index] = key
        if not changed:
            return
        # One band for runs that coincide (ReLU, leaky ReLU): two pale fills on each other
        # blend to a grey that is no run's colour. A fill keeps its last shape when its edges
        # empty (the band after training): hidden then.
        twins = same_bands(histories, same)
        for h in histories:
            if h.layers is not None and h.index < len(self._items):
                shown = h.index not in twins and any(
                    np.isfinite(s.predicted_low) and s.predicted_low > 0 for s in h.layers)
                for name in ("band", "low", "high"):
                    self._items[h.index][name].setVisible(shown)
        for i, z in band_order(histories).items():
            for name in ("band", "low", "high"):
                self._items[i][name].setZValue(z)
        self._layers = n_max
        self._fit_layer_ticks()
        act_range, grad_range = _log_range(acts), _log_range(grads)
        self.act_plot.setYRange(*act_range, padding=0)
        self.grad_plot.setYRange(*grad_range, padding=0)
        self._fit_left_axes()
        for h in histories:
            if h.layers is None or h.index >= len(self._items):
                continue
            for name, field, (lo, hi) in (("act_off", "activation_std", act_range),
                                          ("grad_off", "gradient_std", grad_range)):
                off = off_axis([getattr(s, field) for s in h.layers]) \
                    if h.diverged_at is None else np.empty(0, int)
                self._items[h.index][name].setData(off + 1.0, np.full(off.size, lo + 0.03 *
                                                                      (hi - lo)))
        top = share_top([100 * v for h in histories if h.layers is not None
                         for s in h.layers for v in (s.saturated_fraction, s.dead_fraction)])
        # room for the labels of 0 and the top, half a label past them (review 17: at
        # 1280 x 720 act-relu-compare's shares, all near 0, lay under an unlabelled 0)
        self.frac_plot.setYRange(-0.06 * top, 1.06 * top, padding=0)

    def _fit_left_axes(self) -> None:
        for p in (self.act_plot, self.grad_plot):
            fit_title_room(p.getAxis("left"))

    def _fit_layer_ticks(self) -> None:
        """Whole layer numbers, as many as each plot's width holds (three plots side by side
        are narrow in a small window)."""
        n = self._layers
        for p in (self.act_plot, self.grad_plot, self.frac_plot):
            width = p.vb.width()
            fits = max(3, int(width // 48)) if width > 60 else 6   # 6 before the first layout
            step = max(1, int(round(nice_step(n, fits))))
            # room right of the last layer for half its label: with a grid, pyqtgraph drops
            # a label that reaches past the axis ("10" was missing)
            axis = p.getAxis("bottom")
            half = QFontMetrics(axis.style["tickFont"] or QFont()).horizontalAdvance(str(n)) / 2
            room = max(0.4, (half + 2) * (n - 0.6) / max(width - half - 2, 1.0))
            if getattr(p, "_layer_step", None) != (step, n, room):   # (a new spacing
                p._layer_step = (step, n, room)                        # repaints the axis)
                p.setXRange(0.6, n + room, padding=0)
                axis.setTickSpacing(major=step, minor=1 if step <= 5 else step)

    def band_shown(self, run_index: int) -> bool:
        """Whether run ``run_index``'s shaded band is on screen."""
        return self._items[run_index]["band"].isVisible()

    def drawn_band(self, run_index: int) -> tuple[np.ndarray, np.ndarray]:
        """The finite-width band drawn for a run (low, high per layer; empty when none)."""
        items = self._items[run_index]
        return tuple(10 ** np.asarray(items[k].getData()[1], float) if
                     items[k].getData()[1] is not None else np.empty(0)
                     for k in ("low", "high"))

    def export_table(self, histories, edges=None):
        header = ["run", "layer", "activation_std", "gradient_std", "predicted_std",
                  "predicted_low", "predicted_high", "saturated", "dead"]
        return header, [[h.label, s.layer, s.activation_std, s.gradient_std,
                         s.predicted_activation_std, s.predicted_low, s.predicted_high,
                         s.saturated_fraction, s.dead_fraction]
                        for h in histories if h.layers is not None for s in h.layers]

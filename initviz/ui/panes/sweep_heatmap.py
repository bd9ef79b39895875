"""The Sweep tab's plot: the grid as a heat map in index coordinates (cell (i, j) centred on
(i, j)), its axes named and ticked with the swept values, and the theory over it. Drawn from a
SweepGrid (the planned one before the sweep runs, the filling one while it does)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt

from ..controls.fields import label
from ..i18n import current_language
from ..look.plot_style import style_plot

SIGMAS = {"sigma_w2": "σ_w²", "sigma_b2": "σ_b²"}


def axis_title(field: str) -> str:
    """A swept field as a reader knows it: σ_w², or the control panel's name ("Depth")."""
    return SIGMAS.get(field) or label(field)


def plan_text(spec) -> str:
    """What "Run sweep" will train, in words: the axes' fields are typed as
    "sigma_w2=1:4:11", which review 15 read as code on a projector."""
    def axis(a) -> str:
        v = a.values
        if a.numeric and len(v) > 2:
            return QCoreApplication.translate("SweepPane", "{0} from {1:g} to {2:g} ({3} values)"
                                              ).format(axis_title(a.field), v[0], v[-1], len(v))
        return "{0}: {1}".format(axis_title(a.field), ", ".join(
            f"{x:g}" if isinstance(x, float) else str(x) for x in v))
    n = int(np.prod([len(a.values) for a in spec.axes])) * spec.seeds
    what = QCoreApplication.translate("SweepPane", "{0} networks, one a cell").format(n) \
        if spec.seeds == 1 else QCoreApplication.translate(
            "SweepPane", "{0} networks, {1} seeds a cell").format(n, spec.seeds)
    return QCoreApplication.translate(
        "SweepPane", "Press “Run sweep” to train {0}, {1} batches each: {2}."
    ).format(what, spec.base.train.steps, " × ".join(axis(a) for a in spec.axes))


def key_text(theory) -> str:
    """The key to the theory drawn over a σ_w² axis."""
    # The rule of the family swept only: a tanh lesson need not read the ReLU formula.
    text = QCoreApplication.translate("SweepPane", "red line: the critical σ_w², 2/(1 + a²)") \
        if theory.get("family") == "relu" else \
        QCoreApplication.translate("SweepPane", "red line: the critical σ_w² (χ₁ = 1)")
    if theory["xi"]:
        text += QCoreApplication.translate(
            "SweepPane", " · white dashed curves: depth = {0:g} ξ_c, how deep mean-field "
            "theory says a network still trains, given long training (a short sweep's "
            "networks learn less deep)").format(theory["xi_multiple"])
    return text + QCoreApplication.translate("SweepPane", " · ×: diverged")


def waiting_text(spec) -> str:
    """The key while the theory over a σ axis is being computed: the grid would otherwise
    stand empty for seconds, its lines missing from what the text tells a student to see."""
    if not any(a.field in SIGMAS for a in spec.axes):
        return ""
    return QCoreApplication.translate("SweepPane", "computing the theory's lines (red line, "
                                                   "dashed curves) …")


class SweepHeatMap:
    def __init__(self):
        self.widget = pg.PlotWidget()
        self.plot = self.widget.getPlotItem()
        style_plot(self.plot)
        self.plot.vb.setMouseEnabled(x=False, y=False)
        self.image = pg.ImageItem()
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(values=(0, 1), colorMap=pg.colormap.get("viridis"),
                                   interactive=False, width=18)
        self.bar.setImageItem(self.image, insert_in=self.plot)
        # The colour bar's "1.0" sits on its top end, half above it: room for that half (it
        # was cut at the plot's edge), also in presentation type.
        left, _, right, bottom = self.plot.layout.getContentsMargins()
        self.plot.layout.setContentsMargins(left, 14, right, bottom)
        self.critical = pg.InfiniteLine(angle=90, pen=pg.mkPen("#D81B60", width=3))
        self.plot.addItem(self.critical)
        self.critical.hide()
        # white dashes on a dark line: seen on the empty (white) grid and on every colour
        self._xi_under = [pg.PlotDataItem(pen=pg.mkPen("#202020", width=5), connect="finite")
                          for _ in range(2)]
        self.xi_curves = [pg.PlotDataItem(pen=pg.mkPen("#FFFFFF", width=3,
                                                       style=Qt.PenStyle.DashLine),
                                          connect="finite") for _ in range(2)]
        for c in self._xi_under + self.xi_curves:
            self.plot.addItem(c)
        self.crosses = pg.ScatterPlotItem(symbol="x", size=14, pen=pg.mkPen("#B00020", width=2),
                                          brush=None)
        self.plot.addItem(self.crosses)
        self._levels = None
        self._crossed = None
        self._laid_out = None
        self._fields: list[str] = []

    def axis_names(self) -> tuple[str, str]:
        """The axes' titles as drawn (a field's name in the current language)."""
        return self.plot.getAxis("bottom").labelText, self.plot.getAxis("left").labelText

    def layout_axes(self, g) -> None:
        """Names, ticks and ranges of grid ``g``'s axes; the image and theory cleared."""
        self.image.clear()
        self.crosses.setData([], [])
        self._levels = self._crossed = None
        self.clear_theory()
        key = (tuple((a.field, tuple(a.values)) for a in g.axes), current_language())
        if key == self._laid_out:
            return
        self._laid_out = key
        self._fields = [a.field for a in g.axes]
        for name, k in (("bottom", 0), ("left", 1)):
            ax = self.plot.getAxis(name)
            if k >= len(g.axes):
                ax.setTicks([[(0, "")]])
                self.plot.setLabel(name, "")
                continue
            vals = g.axes[k].values
            step = max(1, int(np.ceil(len(vals) / 10)))
            ax.setTicks([[(i, f"{v:.3g}" if isinstance(v, float) else str(v))
                          for i, v in enumerate(vals) if i % step == 0]])
            title = axis_title(g.axes[k].field)
            if ax.labelText != title:   # each change lays the axis out again
                self.plot.setLabel(name, title)
        nx, ny = g.shape
        self.plot.setRange(xRange=(-0.5, nx - 0.5), yRange=(-0.5, ny - 0.5), padding=0)

    def retitle(self) -> None:
        """The axes' titles again, in the current language (the grid stays)."""
        for name, field in zip(("bottom", "left"), self._fields):
            self.plot.setLabel(name, axis_title(field))

    def title_bar(self, title: str, share: bool) -> None:
        """The colour bar's name, and a share's ticks in per cent as every other tab's
        (review 16: an untitled bar from 0 to 1)."""
        ax = self.bar.getAxis("left")
        if share != getattr(ax, "_percent", False):
            ax._percent = share
            ax.tickStrings = (lambda values, scale, spacing: [f"{100 * v:.0f} %" for v in values]
                              ) if share else type(ax).tickStrings.__get__(ax)
            ax.picture = None
        if ax.labelText != title:
            ax.setLabel(title)

    def show_values(self, g, v: np.ndarray, levels) -> None:
        """The per-cell values (NaN: not yet) at ``levels``; crosses on diverged cells."""
        row_major = pg.getConfigOption("imageAxisOrder") == "row-major"
        self.image.setImage(v.T if row_major else v, levels=levels, autoLevels=False)
        self.image.setRect(-0.5, -0.5, *g.shape)   # cell (i, j) centred on (i, j)
        if levels != self._levels:     # the bar lays itself out again: only on a change
            self._levels = levels
            self.bar.setLevels(levels)
        crossed = np.nonzero(g.values("diverged") >= 0.5)
        if self._crossed is None or not all(np.array_equal(a, b)
                                            for a, b in zip(crossed, self._crossed)):
            self._crossed = crossed
            self.crosses.setData(crossed[0].astype(float), crossed[1].astype(float))

    def clear_theory(self) -> None:
        self.critical.hide()
        for c in self._xi_under + self.xi_curves:
            c.setData([], [])

    def draw_theory(self, t: dict, g) -> None:
        """The overlay ``t`` (theory/overlay.py) in grid ``g``'s index coordinates."""
        self.clear_theory()
        if not t or t.get("sigma_axis") is None:
            return
        s = t["sigma_axis"]
        for axis, value in t["critical"]:
            pos = float(g.position(axis, value))
            if np.isfinite(pos):
                self.critical.setAngle(90 if axis == 0 else 0)
                self.critical.setPos(pos)
                self.critical.show()
        for under, curve, (sig, depth) in zip(self._xi_under, self.xi_curves, t["xi"]):
            a, b = g.position(s, sig), g.position(1 - s, depth)
            ok = np.isfinite(a) & np.isfinite(b)
            a, b = np.where(ok, a, np.nan), np.where(ok, b, np.nan)
            for item in (under, curve):
                item.setData(*((a, b) if s == 0 else (b, a)))

"""One histogram per hidden layer in a grid with shared axes: activations (or pre-activations),
back-propagated gradients or weights. Runs are overlaid in their colours or side by side."""
from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .palette import Palette
from .plot_style import LABEL_PT, nice_step, style_plot

MAX_LAYERS = 10          # deeper nets show ten layers spread from the first to the last
MAX_LAYERS_SIDE = 6      # fewer when every run gets its own row


def shown_layers(n: int, limit: int) -> tuple[int, ...]:
    if n <= limit:
        return tuple(range(n))
    return tuple(int(i) for i in np.unique(np.round(np.linspace(0, n - 1, limit))))


SPIKE_RATIO = 3.0


def _peak(pct: np.ndarray) -> tuple[float, float, int]:
    """Highest bin, the highest bin outside it, and where the highest is."""
    if pct.size < 2:
        return (float(pct.max()) if pct.size else 0.0), 0.0, 0
    at = int(np.argmax(pct))
    top = float(pct[at])
    rest = np.delete(pct, at)
    return top, float(rest.max()), at


def _tint(color, amount: float = 0.65):
    """An opaque, lighter version of ``color`` (opaque fills paint much faster)."""
    from PySide6.QtGui import QColor
    r, g, b = color.red(), color.green(), color.blue()
    return QColor(*(int(v + (255 - v) * amount) for v in (r, g, b)))


def legend_html(labels) -> str:
    """Run labels in their colours, for a pane's title row."""
    if len(labels) < 2:
        return ""
    return "&nbsp;&nbsp;".join(
        f"<span style='color:{Palette.hex(i)};font-size:16pt'>■</span>"
        f"<span style='font-size:13pt'>&nbsp;{html.escape(label)}</span>"
        for i, label in enumerate(labels))


class HistogramPane(QWidget):
    def __init__(self, kind: str, parent=None):
        super().__init__(parent)
        assert kind in ("activation", "gradient", "weight")
        self.kind = kind
        self.preactivation = False
        self.side_by_side = False
        self._plots: list = []
        self._curves: dict[tuple[int, int], pg.PlotDataItem] = {}
        self._peaks: dict[tuple[int, int], pg.TextItem] = {}
        self._shape = None
        self._drawn: dict[int, tuple] = {}   # run -> (layers object, edges object, field)
        self._x_range = None
        self._y_max = None

        self.title = QLabel()
        self.title.setObjectName("paneTitle")
        self.title.setWordWrap(True)
        self.side_box = QCheckBox(self.tr("Side by side"))
        self.side_box.setToolTip(self.tr("Give every run its own row instead of overlaying "
                                         "the runs in one plot per layer"))
        self.side_box.toggled.connect(self.set_side_by_side)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        if kind == "activation":
            self.pre_box = QCheckBox(self.tr("Pre-activation u"))
            self.pre_box.setToolTip(self.tr("Show the pre-activations u = W·x + b, the inputs "
                                            "of the activation function, instead of its "
                                            "outputs f(u)"))
            self.pre_box.toggled.connect(self.set_preactivation)
            bar.addWidget(self.pre_box)
        bar.addWidget(self.side_box)
        self.view = pg.GraphicsLayoutWidget()
        self.view.ci.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.legend)
        layout.addWidget(self.view, 1)
        self._update_title()

    # -- labels ----------------------------------------------------------------------------
    def _field(self) -> str:
        if self.kind == "activation":
            return "preactivation" if self.preactivation else "activation"
        return self.kind

    def _x_label(self) -> str:
        return {"activation": self.tr("activation value f(u)"),
                "preactivation": self.tr("pre-activation value u"),
                "gradient": self.tr("gradient ∂L/∂u"),
                "weight": self.tr("weight value")}[self._field()]

    def _update_title(self) -> None:
        text = {"activation": self.tr("Activations of each hidden layer"),
                "preactivation": self.tr("Pre-activations (inputs of the activation "
                                         "function) of each hidden layer"),
                "gradient": self.tr("Back-propagated gradients ∂L/∂u of each hidden layer"),
                "weight": self.tr("Incoming weights of each hidden layer")}[self._field()]
        self.title.setText(text)

    # -- toggles ---------------------------------------------------------------------------
    def set_preactivation(self, on: bool) -> None:
        self.preactivation = bool(on)
        if self.kind == "activation" and self.pre_box.isChecked() != on:
            self.pre_box.setChecked(on)
        self._update_title()
        self._shape = None   # axis labels change: rebuild

    def set_side_by_side(self, on: bool) -> None:
        self.side_by_side = bool(on)
        if self.side_box.isChecked() != on:
            self.side_box.setChecked(on)
        self._shape = None

    # -- building --------------------------------------------------------------------------
    def _rebuild(self, n_runs: int, n_layers: int, labels: list[str]) -> None:
        self.view.ci.clear()
        self._plots, self._curves, self._drawn, self._peaks = [], {}, {}, {}
        self._x_range = self._y_max = None
        side = self.side_by_side and n_runs > 1
        layers = shown_layers(n_layers, MAX_LAYERS_SIDE if side else MAX_LAYERS)
        rows = n_runs if side else (1 if len(layers) <= 5 else 2)
        cols = len(layers) if side else -(-len(layers) // rows)
        first = None
        for r in range(rows):
            for c in range(cols):
                pos = c if side else r * cols + c
                if pos >= len(layers):
                    continue
                layer = layers[pos]
                p = self.view.addPlot(row=r, col=c)
                bottom_row = r == rows - 1 or (not side and pos + cols >= len(layers))
                if side and c == 0:
                    y_label, y_color = labels[r], Palette.hex(r)
                else:
                    y_label, y_color = (self.tr("% of values") if c == 0 else ""), "#202020"
                title = self.tr("layer {0}").format(layer + 1) if (r == 0 or not side) else ""
                style_plot(p, title, "", y_label, y_color)
                p.showGrid(x=False, y=False)   # grid lines over ten plots cost ~30 ms a frame
                if c == 0 and side:
                    p.setLabel("left", f"{labels[r]} — {self.tr('% of values')}",
                               **{"font-size": "12pt", "color": y_color})
                if not bottom_row:
                    p.getAxis("bottom").setStyle(showValues=False)
                if c > 0:
                    p.getAxis("left").setStyle(showValues=False)
                    p.getAxis("left").setWidth(8)
                else:
                    p.getAxis("left").setWidth(64)
                p.vb.setMouseEnabled(x=True, y=False)
                if first is None:
                    first = p
                else:
                    p.setXLink(first)
                    p.setYLink(first)
                runs = [r] if side else range(n_runs)
                for i in runs:
                    # Steps are horizontal and vertical: antialiasing buys nothing and
                    # costs most of the frame.
                    # Overlaid runs: lines only (translucent fills cost ~1 ms each per frame
                    # and turn muddy where they overlap); a lone run gets an opaque tint.
                    filled = n_runs == 1 or side
                    curve = pg.PlotDataItem(
                        stepMode="center", fillLevel=0 if filled else None, antialias=False,
                        pen=pg.mkPen(Palette.color(i), width=2.5),
                        brush=pg.mkBrush(_tint(Palette.color(i))) if filled else None)
                    p.addItem(curve)
                    self._curves[(i, layer)] = curve
                    peak = pg.TextItem(color=Palette.color(i), anchor=(0, 0))
                    peak.setZValue(10)
                    peak.hide()
                    p.addItem(peak)
                    self._peaks[(i, layer)] = peak
                self._plots.append(p)
        # One x label under the whole grid: repeated labels under narrow plots collide.
        self.view.addLabel(self._x_label(), row=rows, col=0, colspan=cols,
                           size=f"{LABEL_PT}pt", color="#202020")
        self._shape = (n_runs, n_layers, self.side_by_side, tuple(labels))
        self.legend.setText(legend_html(labels))

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, histories, edges) -> None:
        """Update the curves from the latest per-layer statistics of every run."""
        if edges is None:
            return
        runs = [h for h in histories if h.layers is not None]
        if not runs:
            return
        n_layers = max(len(h.layers) for h in runs)
        labels = [h.label for h in histories]
        if self._shape != (len(histories), n_layers, self.side_by_side, tuple(labels)):
            self._rebuild(len(histories), n_layers, labels)
        field = self._field()
        e = getattr(edges, field)
        y_max, spikes = 0.0, []
        for h in runs:
            key = (h, h.layers_version, e, field)
            old = self._drawn.get(h.index)
            fresh = old is None or old[0] is not h or old[1] != key[1] or old[2] is not e \
                or old[3] != field
            for stats in h.layers:
                curve = self._curves.get((h.index, stats.layer - 1))
                if curve is None:
                    continue
                counts = getattr(stats, field + "_hist")
                total = counts.sum()
                pct = counts * (100.0 / total) if total else np.zeros(len(counts))
                top, second, at = _peak(pct)
                if top > SPIKE_RATIO * max(second, 0.5):
                    # One bin towers over the rest (ReLU's zeros, a dead layer): clip it
                    # and print its height, so the rest of the distribution stays visible.
                    spikes.append((h.index, stats.layer - 1, top, e[at], e[at + 1]))
                    y_max = max(y_max, second)
                else:
                    y_max = max(y_max, top)
                    self._peaks[(h.index, stats.layer - 1)].hide() \
                        if (h.index, stats.layer - 1) in self._peaks else None
                if fresh:
                    curve.setData(e, pct)
            self._drawn[h.index] = key
        if self._plots:
            x_range = (float(e[0]), float(e[-1]))
            if x_range != self._x_range:
                self._plots[0].setXRange(*x_range, padding=0.06)
                self._x_range = x_range
                step = nice_step(x_range[1] - x_range[0], 4 if len(self._plots) > 3 else 6)
                first = np.ceil(x_range[0] / step - 1e-9) * step
                values = np.arange(first, x_range[1] + step * 1e-6, step)
                ticks = [[(float(v), f"{v + 0.0:g}") for v in np.round(values, 10)], []]
                for p in self._plots:   # few, round ticks: narrow plots must not crowd
                    p.getAxis("bottom").setTicks(ticks)
            # Only move the y range when the peak changes noticeably: calmer and cheaper.
            top = max(y_max * (1.25 if spikes else 1.08), 1.0)
            if self._y_max is None or not 0.85 * self._y_max <= top <= self._y_max * 1.02:
                self._plots[0].setYRange(0, top, padding=0)
                self._y_max = top
            for run, layer, height, x0, x1 in spikes:
                label = self._peaks.get((run, layer))
                if label is None:
                    continue
                label.setText(self.tr("↑ {0:.0f} %").format(height))
                # Stack the labels of overlaid runs so they do not cover each other.
                slot = 0 if self.side_by_side else run
                label.setPos(x1, self._y_max * (0.97 - 0.09 * slot))
                label.show()

"""Exports for slides, spreadsheets and scripts: a pane or the whole plot area as PNG (at twice
the screen resolution) or SVG, the data behind a pane as CSV, and a finished comparison as the
``initviz.result/2`` document that ``initviz run --json`` writes for the same config.

SVG is drawn by Qt's own QSvgGenerator: pyqtgraph 0.14's SVG exporter raises ValueError on
Qt >= 6.11 (it cannot parse the ``Z`` path token Qt now writes)."""
from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import json
import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QIODevice, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QImage, QPainter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from initviz.engine.experiment_file import write_atomically
from initviz.engine.result import ResultCollector

from .boundary_pane import BoundaryPane
from .depth_pane import DepthPane
from .histogram_pane import HistogramPane
from .loss_pane import LossPane
from .results_table import ResultsTable
from .schemes_pane import SchemesPane
from .run_history import GrowingArray

SCALE = 2.0            # PNG pixels per screen pixel: sharp on a projector and in slides
FINAL_STAGES = ("init", "done", "diverged", "stopped")   # ResultCollector's at_init stages
HISTORY = (("steps", np.int64), ("losses", np.float64), ("val_steps", np.int64),
           ("val_losses", np.float64), ("val_accuracies", np.float64))
CSV_COLUMNS = {
    "histogram": ["run", "layer", "bin_left", "bin_right", "count", "percent"],
    "depth": ["run", "layer", "activation_std", "gradient_std", "predicted_std", "saturated",
              "dead"],
    "loss": ["run", "step", "train_loss", "val_loss", "val_accuracy"],
    "table": ["run", "batches", "val_accuracy", "val_loss", "status", "diverged_at"],
    "boundary": ["run", "x1", "x2", "p_class1"],
}


# -- pictures --------------------------------------------------------------------------------
@contextlib.contextmanager
def _export_mode(widget: QWidget, painter: QPainter, line_scale: float = 1.0):
    """Plots drawn for a file rather than the screen: every item inside ``widget`` paints
    itself afresh instead of from a pixmap cached at screen resolution (axes and titles keep
    one for speed), so text stays text in SVG and sharp at 2x; and in pyqtgraph's export mode
    scatter symbols are drawn as shapes, not stamped from a 1x pixmap atlas. Curves' pens are
    cosmetic (a width in pixels): at 2x they are widened ``line_scale`` times, or they would
    come out half as thick as on screen beside text twice the size."""
    views = [v for v in widget.findChildren(pg.GraphicsView) if v.isVisibleTo(widget)]
    items = [item for view in views for item in view.scene().items()]
    no_cache = QGraphicsItem.CacheMode.NoCache
    cached = [(item, item.cacheMode()) for item in items if item.cacheMode() != no_cache]
    backgrounds = [(view, view.cacheMode()) for view in views]
    exporting = [item for item in items if hasattr(item, "setExportMode")]
    opts = {"antialias": True, "painter": painter, "resolutionScale": 1.0}
    curves = [item for item in items if isinstance(item, pg.PlotCurveItem)
              and item.opts.get("pen") is not None] if line_scale != 1.0 else []
    pens = [(curve, curve.opts["pen"]) for curve in curves]
    try:
        for curve, pen in pens:
            wide = pg.mkPen(pen)
            wide.setWidthF(max(pen.widthF(), 1.0) * line_scale)
            curve.setPen(wide)
        for item, _ in cached:
            item.setCacheMode(no_cache)
        for view, _ in backgrounds:
            view.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        for item in exporting:
            item.setExportMode(True, opts)
        yield
    finally:
        for curve, pen in pens:
            curve.setPen(pen)
        for item in exporting:
            item.setExportMode(False)
        for view, mode in backgrounds:
            view.setCacheMode(mode)
        for item, mode in cached:
            item.setCacheMode(mode)


def _render(widget: QWidget, painter: QPainter, rect: QRect, line_scale: float = 1.0) -> None:
    painter.setRenderHints(QPainter.RenderHint.Antialiasing |
                           QPainter.RenderHint.TextAntialiasing |
                           QPainter.RenderHint.SmoothPixmapTransform)
    with _export_mode(widget, painter, line_scale):
        widget.render(painter, QPoint(0, 0), QRegion(rect),
                      QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren)


def render_png(widget: QWidget, rect: QRect | None = None, scale: float = SCALE) -> QImage:
    """``rect`` of ``widget`` (all of it by default) drawn at ``scale`` times its pixels: text
    and lines are drawn again at that resolution, not enlarged."""
    rect = rect or widget.rect()
    image = QImage(rect.size() * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    image.setDevicePixelRatio(scale)
    # Tell slide software the picture's real size: twice the pixels at twice the density.
    dots_per_meter = round(widget.logicalDpiX() * scale / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    painter = QPainter(image)
    _render(widget, painter, rect, line_scale=scale)
    painter.end()
    return image


def render_svg(widget: QWidget, rect: QRect | None = None, title: str = "") -> bytes:
    rect = rect or widget.rect()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # SVG 1.1 (Qt >= 6.7), not the default SVG Tiny 1.2: only 1.1 keeps the plots' clipping.
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    generator.setOutputDevice(buffer)
    generator.setSize(rect.size())
    generator.setViewBox(QRect(QPoint(0, 0), rect.size()))
    generator.setResolution(widget.logicalDpiX())   # fonts in points come out as on screen
    generator.setTitle(title)
    generator.setDescription("initviz")
    painter = QPainter(generator)
    _render(widget, painter, rect)
    painter.end()
    buffer.close()
    return bytes(buffer.data())


# -- data ------------------------------------------------------------------------------------
def _cell(x):
    """Shortest exact text of a number; missing (NaN) values are empty cells."""
    if isinstance(x, (bool, np.bool_)):
        return int(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        x = float(x)
        return "" if math.isnan(x) else repr(x)
    return "" if x is None else x


def _histogram_rows(pane: HistogramPane, histories, edges=None) -> list[list]:
    """The bins the pane draws: its view's edges, each run's (estimated) count and share."""
    rows = []
    layers = pane.view_of(histories).layers
    for h in histories:
        for lv in layers:
            rv = lv.runs[h.index] if h.index < len(lv.runs) else None
            if rv is None:
                continue
            e, pct = lv.edges, rv.share(rv.counts) * 100.0
            rows += [[h.label, lv.layer, e[b], e[b + 1], rv.counts[b], pct[b]]
                     for b in range(len(rv.counts))]
    return rows


def _depth_rows(histories) -> list[list]:
    return [[h.label, s.layer, s.activation_std, s.gradient_std, s.predicted_activation_std,
             s.saturated_fraction, s.dead_fraction]
            for h in histories if h.layers is not None for s in h.layers]


def _loss_rows(histories) -> list[list]:
    rows = []
    for h in histories:
        steps, val_steps = h.steps.data, h.val_steps.data
        every = np.union1d(steps, val_steps)       # validation also happens at step 0
        columns = []
        for at, values in ((steps, h.losses.data), (val_steps, h.val_losses.data),
                           (val_steps, h.val_accuracies.data)):
            column = np.full(len(every), np.nan)
            column[np.searchsorted(every, at)] = values
            columns.append(column)
        rows += [[h.label, step, a, b, c] for step, a, b, c in zip(every, *columns)]
    return rows


def _table_rows(histories) -> list[list]:
    rows = []
    for h in histories:
        acc, loss = h.val_accuracies.data, h.val_losses.data
        rows.append([h.label, h.step, acc[-1] if acc.size else None,
                     loss[-1] if loss.size else None,
                     "diverged" if h.diverged_at is not None else h.stage, h.diverged_at])
    return rows


def _boundary_rows(histories) -> list[list]:
    rows = []
    for h in histories:
        if h.boundary is None:
            continue
        p = np.asarray(h.boundary)                 # p[i, j] at (x[j], y[i]), as the engine
        x0, x1, y0, y1 = h.boundary_extent         # samples it
        xs, ys = np.linspace(x0, x1, p.shape[1]), np.linspace(y0, y1, p.shape[0])
        rows += [[h.label, xs[j], ys[i], p[i, j]]
                 for i in range(p.shape[0]) for j in range(p.shape[1])]
    return rows


TABLE_PANES = (HistogramPane, DepthPane, LossPane, ResultsTable, BoundaryPane, SchemesPane)


def pane_table(pane: QWidget, histories, edges) -> tuple[list[str], list[list]]:
    """The header and rows of the data behind ``pane`` (every layer, not only those shown)."""
    if isinstance(pane, HistogramPane):
        return CSV_COLUMNS["histogram"], _histogram_rows(pane, histories, edges)
    if isinstance(pane, DepthPane):
        return CSV_COLUMNS["depth"], _depth_rows(histories)
    if isinstance(pane, LossPane):
        return CSV_COLUMNS["loss"], _loss_rows(histories)
    if isinstance(pane, ResultsTable):
        return CSV_COLUMNS["table"], _table_rows(histories)
    if isinstance(pane, BoundaryPane):
        return CSV_COLUMNS["boundary"], _boundary_rows(histories)
    if isinstance(pane, SchemesPane):
        return pane.table_rows()
    raise TypeError(f"no data export for {type(pane).__name__}")


def csv_text(header, rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(x) for x in row] for row in rows)
    return out.getvalue()


# -- the comparison's result -----------------------------------------------------------------
class ComparisonRecorder:
    """Keeps what the result document of one comparison needs: per run its first full
    snapshot, its last one, and its loss history in NumPy arrays (not the Python lists a
    ResultCollector grows, 32 bytes a number over a million steps). ``document()`` replays
    them through a ResultCollector, so the document is the one the CLI writes."""

    def __init__(self, config, preset: str | None):
        self.config, self.preset = config, preset
        n = len(config.runs)
        self._first = [None] * n
        self._last = [None] * n
        self._history = [{name: GrowingArray(dtype) for name, dtype in HISTORY}
                         for _ in range(n)]
        self._pretrain: list[list] = [[] for _ in range(n)]
        self._message = [""] * n

    def add(self, s) -> None:
        i = s.run_index
        if not 0 <= i < len(self._first):
            return
        for name, _ in HISTORY:
            self._history[i][name].extend(getattr(s, name))
        self._pretrain[i] += s.pretrain
        self._message[i] = s.message or self._message[i]
        if self._first[i] is None and s.layers is not None and s.stage in FINAL_STAGES:
            self._first[i] = s
        if s.finished:
            self._last[i] = s

    @property
    def finished(self) -> bool:
        return all(s is not None for s in self._last)

    def document(self) -> dict:
        collector = ResultCollector(self.config, self.preset)
        for i, (first, last) in enumerate(zip(self._first, self._last)):
            if first is not None and first is not last:
                collector.add(dataclasses.replace(
                    first, pretrain=(), message="",
                    **{name: np.empty(0, dtype) for name, dtype in HISTORY}))
            if last is not None:
                collector.add(dataclasses.replace(
                    last, pretrain=tuple(self._pretrain[i]), message=self._message[i],
                    **{name: array.data for name, array in self._history[i].items()}))
        return collector.document()


class Exporter(QObject):
    """Pictures, tables and the result document of the window's experiment."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.recorder: ComparisonRecorder | None = None
        window.controller.run_started.connect(self._on_run_started)
        window.controller.snapshot_ready.connect(self._on_snapshot)

    def _on_run_started(self, run_id: int, config) -> None:
        self.recorder = ComparisonRecorder(config, self.preset())

    def _on_snapshot(self, s) -> None:
        if self.recorder is not None:
            self.recorder.add(s)

    def preset(self) -> str | None:
        """The preset shown, while none of its settings has been changed."""
        w = self.window
        key = w.preset_key
        button = w.presets.buttons.get(key) if key else None
        return key if button is not None and button.isChecked() else None

    # -- what to draw ----------------------------------------------------------------------
    def pane_key(self) -> str | None:
        """The key of the pane shown (None for a tab that is not one of the panes)."""
        shown = self.window.tabs.currentWidget()
        return next((k for k, p in self.window.panes.items() if p is shown), None)

    def _widget(self, key: str | None) -> QWidget:
        return self.window.panes[key] if key else self.window.tabs.currentWidget()

    def pane(self, key: str | None = None) -> QWidget:
        """The pane ``key`` (the tab shown by default), drawn with the latest data."""
        w = self.window
        pane = self._widget(key)
        if hasattr(pane, "draw"):
            pane.draw(w.histories, w.edges)
        return pane

    def has_table(self, key: str | None = None) -> bool:
        return isinstance(self._widget(key), TABLE_PANES)

    def plot_area(self) -> tuple[QWidget, QRect]:
        """The part of the window right of the settings: the pane shown with its tabs and the
        explanation beside it, as one picture."""
        w = self.window
        self.pane()
        parts = [w.tabs] + ([w.explanation] if w.explanation.isVisible() else [])
        rect = QRect()
        for part in parts:
            rect = rect.united(QRect(part.mapTo(w, QPoint(0, 0)), part.size()))
        return w, rect

    # -- writing ---------------------------------------------------------------------------
    def save_picture(self, path, widget: QWidget, rect: QRect | None = None) -> str:
        """PNG or SVG by the suffix of ``path``; returns a short description of what was
        written."""
        path = Path(path)
        rect = rect or widget.rect()
        if path.suffix.lower() == ".svg":
            write_atomically(path, render_svg(widget, rect, path.stem))
            return self.tr("{0} × {1} SVG").format(rect.width(), rect.height())
        image = render_png(widget, rect)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise OSError(self.tr("Qt could not encode the PNG image"))
        write_atomically(path, bytes(buffer.data()))
        return self.tr("{0} × {1} pixels").format(image.width(), image.height())

    def table(self, key: str | None = None) -> tuple[list[str], list[list]]:
        return pane_table(self._widget(key), self.window.histories, self.window.edges)

    def save_csv(self, path, key: str | None = None) -> int:
        """Write the data behind pane ``key``; returns the number of rows (0: nothing to
        write, and nothing written)."""
        header, rows = self.table(key)
        if rows:
            write_atomically(path, csv_text(header, rows).encode("utf-8"))
        return len(rows)

    @property
    def result_ready(self) -> bool:
        """Every run of the latest comparison has finished (or was stopped)."""
        return self.recorder is not None and self.recorder.finished

    def result_document(self) -> dict | None:
        """The finished comparison as ``initviz run --json`` writes it (None until every run
        has finished or stopped)."""
        return self.recorder.document() if self.result_ready else None

    def save_result(self, path) -> None:
        doc = self.result_document()
        if doc is None:
            raise ValueError("the comparison has not finished")
        text = json.dumps(doc, indent=1, allow_nan=False, ensure_ascii=False) + "\n"
        write_atomically(path, text.encode("utf-8"))

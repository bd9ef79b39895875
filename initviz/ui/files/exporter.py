"""Exports for slides, spreadsheets and scripts: a pane or the whole plot area as PNG (at twice
the screen resolution) or SVG, the data behind a pane as CSV, and a finished comparison as the
``initviz.result/3`` document that ``initviz run --json`` writes for the same config.

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

from initviz.engine.result import ResultCollector
from initviz.engine.limits import clean
from initviz.safe_io import CANNOT_WRITE, WriteError, write_file
from initviz.translations import QT_TRANSLATE_NOOP

from ..panes.pane import Pane
from ..run.run_history import GrowingArray

SCALE = 2.0            # PNG pixels per screen pixel: sharp on a projector and in slides
FINAL_STAGES = ("init", "done", "diverged", "stopped")   # ResultCollector's at_init stages
HISTORY = (("steps", np.int64), ("losses", np.float64), ("val_steps", np.int64),
           ("val_losses", np.float64), ("val_accuracies", np.float64))


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


def png_bytes(image: QImage, path) -> bytes:
    """``image`` encoded as PNG, to be written to ``path`` with safe_io.write_file."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise WriteError(CANNOT_WRITE, clean(path, 200), QT_TRANSLATE_NOOP(
            "errors", "Qt could not encode the PNG image"))
    return bytes(buffer.data())


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
        return self.window.experiment.intact_preset()

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
        pane.draw(w.histories)
        return pane

    def has_table(self, key: str | None = None) -> bool:
        pane = self._widget(key)
        return isinstance(pane, Pane) and pane.has_table()

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
        written. A failed write raises safe_io.WriteError and leaves no file."""
        path = Path(path)
        rect = rect or widget.rect()
        if path.suffix.lower() == ".svg":
            write_file(path, render_svg(widget, rect, path.stem))
            return self.tr("{0} × {1} SVG").format(rect.width(), rect.height())
        image = render_png(widget, rect)
        write_file(path, png_bytes(image, path))
        return self.tr("{0} × {1} pixels").format(image.width(), image.height())

    def table(self, key: str | None = None) -> tuple[list[str], list[list]] | None:
        """The header and rows of the data behind pane ``key`` (None: it has none)."""
        if not self.has_table(key):
            return None     # a tab that is not a pane (no data) exports only as a picture
        return self._widget(key).export_table(self.window.histories)

    def save_csv(self, path, key: str | None = None) -> int:
        """Write the data behind pane ``key``; returns the number of rows (0: nothing to
        write, and nothing written)."""
        header, rows = self.table(key) or ([], [])
        if rows:
            write_file(path, csv_text(header, rows))
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
        write_file(path, text)

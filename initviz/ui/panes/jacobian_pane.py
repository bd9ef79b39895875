"""The Jacobian tab: the singular values of each run's input-output Jacobian at its start,
largest first, on a log scale. Orthogonal starts of a deep linear or tanh network give a flat
line (every direction of the signal keeps its length: dynamical isometry); Gaussian starts a
line that falls over orders of magnitude. Computed in a worker thread, only while the tab is
on screen: every preset change would otherwise start a process for a tab nobody looks at."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from initviz.engine.theory.jacobian import resolved_spread, spectra_for_config

from ..look.palette import Palette
from ..look.axis_labels import use_log_ticks, with_min_span
from ..look.plot_style import label_plot, style_plot
from ..run.background_job import BackgroundJob, OneProcess
from .pane import Info, Pane

class JacobianPane(Pane):
    shows_layers = False

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.view = pg.PlotWidget()
        self.plot = self.view.getPlotItem()
        style_plot(self.plot)
        self.plot.setLogMode(x=False, y=True)
        use_log_ticks(self.plot.getAxis("left"))
        self.plot.vb.setMouseEnabled(x=False, y=False)
        self.add_body(self.view, 1)
        self.spectra: dict[int, np.ndarray] = {}
        self.labels: list[str] = []
        self.skipped: set[int] = set()
        self._items: list = []
        self._config = None
        self._pending = False          # the config changed while the tab was hidden
        self.job = BackgroundJob(self)
        self.process = OneProcess()    # ended, not waited for, when the window closes
        self.job.item_ready.connect(self._on_spectrum)
        self.job.finished.connect(self._draw)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Singular values of the input-output Jacobian at the start"))
        label_plot(self.plot, "", self.tr("rank (largest first, as a share of all)"),
                   self.tr("singular value, log scale"))
        self._draw_legend()         # (no plot items made here: the window's retranslation
        #                             walks the plots' items while this runs)

    def set_config(self, config) -> None:
        if config == self._config:
            return
        self._config = config
        self.spectra, self.skipped = {}, set()
        self.labels = [r.label or f"run {i + 1}" for i, r in enumerate(config.runs)]
        self._pending = True
        if self.isVisible():
            self.compute()
        self._draw()

    def compute(self) -> None:
        """Start computing the spectra of the current config (the tab does so when shown)."""
        config, self._pending = self._config, False
        if config is None:
            return

        def spectra(stopped):
            yield from enumerate(self.process.run(spectra_for_config, config) or ())
        self.process.end()             # the previous config's, if still computing
        self.job.start(spectra)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pending:
            self.compute()

    def _on_spectrum(self, item) -> None:
        i, s = item
        if s is None:
            self.skipped.add(i)
        else:
            self.spectra[i] = s
        self._draw()

    def draw(self, histories, edges=None) -> None:
        pass                        # drawn when the spectra arrive

    def shutdown(self) -> None:
        self.process.end()
        self.job.shutdown()

    def spreads(self) -> dict[int, float]:
        """Decades between the 95th and 5th percentile of each run's singular values (where
        zeros reach the 5th percentile, from the smallest non-zero one: a lower bound)."""
        return {i: resolved_spread(s)[0] for i, s in self.spectra.items()}

    def notes(self) -> dict[int, str]:
        """Each run's legend note: its spread, and the share of zeros (not drawn)."""
        notes = {}
        for i, s in self.spectra.items():
            decades, zeros, at_least = resolved_spread(s)
            if at_least:
                text = self.tr("more than {0:.0f} decades: {1:.0f} % too small to tell "
                               "from 0, not drawn")
            elif zeros:
                text = self.tr("{0:.1f} decades; {1:.0f} % too small to tell from 0, "
                               "not drawn")
            else:
                text = self.tr("{0:.1f} decades")
            notes[i] = Info(text.format(decades, 100 * zeros))
        return notes

    def _draw_legend(self) -> None:
        notes = self.notes()
        for i in self.skipped:
            notes[i] = Info(self.tr("not for this network"))
        self.legend.show_runs(self.labels, notes, self.tr(
            "spread: decades between the 5th and 95th percentile of the singular values"))

    def _draw(self) -> None:
        for item in self._items:
            self.plot.removeItem(item)
        self._items = []
        for i, s in sorted(self.spectra.items()):
            s = np.where(s > 0, s, np.nan)
            x = (np.arange(len(s)) + 0.5) / len(s)
            item = pg.PlotDataItem(x, s, pen=pg.mkPen(Palette.color(i), width=3),
                                   connect="finite")
            self.plot.addItem(item)
            self._items.append(item)
        self._draw_legend()
        values = np.concatenate([s[s > 0] for s in self.spectra.values()]) \
            if self.spectra else np.empty(0)
        if values.size:
            lo, hi = np.log10(values.min()), np.log10(values.max())
            pad = max(0.2, 0.05 * (hi - lo))
            self.plot.setYRange(*with_min_span(lo - pad, hi + pad), padding=0)
            self.plot.setXRange(0, 1, padding=0.02)

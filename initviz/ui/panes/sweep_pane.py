"""The Sweep tab: a grid of experiments over two config fields, a heat map filled in as cells
finish in worker processes, under the theory (the critical σ_w²: χ₁ = 1 for tanh, 2/(1 + a²)
for ReLU; depth = 6 ξ_c). A click on a cell opens its network as an ordinary experiment."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QWidget)

from initviz.engine.sweep import axis_text, cell_config, make_spec, parse_axis, summarize
from initviz.engine.sweep_budget import check_sweep
from initviz.engine.sweep_exec import WorkerPool, default_workers, run_sweep
from initviz.engine.sweep_open import load_sweep
from initviz.engine.limits import clean
from initviz.translations import QT_TRANSLATE_NOOP

from ..controls.choice_box import ChoiceBox
from ..i18n import error_text
from ..look.flow_layout import FlowLayout, pair
from ..run.background_job import BackgroundJob
from ..run.budget_check import guard
from .pane import Pane
from .sweep_grid import COLOURS, SHARES, SweepGrid, colour_levels, overlay_key, preset_axes
from .sweep_heatmap import SweepHeatMap, key_text, plan_text, waiting_text

DEFAULT_AXES = ("sigma_w2=1:4:12", "network.depth=5:40:8")
DEFAULT_BATCHES = 100
WARM_MS = 500


class SweepPane(Pane):
    shows_layers = False
    cell_finished = Signal()              # a cell's row landed in the grid
    sweep_finished = Signal()
    experiment_chosen = Signal(object)    # the ExperimentConfig of a clicked cell

    def __init__(self, parent=None):
        super().__init__(legend=False, parent=parent)
        self.base = None
        self.grid: SweepGrid | None = None     # the sweep run (or running, or opened)
        self.source: str | None = None         # the file name of an opened sweep
        self.plan: SweepGrid | None = None     # the grid the axes plan, before any run
        self.theory: dict | None = None
        self._theory_key = None
        self.workers: int | None = None   # None: one worker process per core
        self.pool = WorkerPool(nice=True)  # started when the tab is first shown
        # Stopped by shutdown (the window closing): no processes started after the close.
        self._warm_timer = QTimer(self, singleShot=True, interval=WARM_MS)
        self._warm_timer.timeout.connect(lambda: self.pool.warm(self._workers()))
        self._shut = False     # shut down (the window closed) until shown again
        self._choosing = False
        self.job, self.theory_job = BackgroundJob(self), BackgroundJob(self)
        self.job.item_ready.connect(self._on_row)
        self.job.failed.connect(self._on_failed)
        self.job.finished.connect(self._on_finished)
        self.theory_job.item_ready.connect(self._on_theory)
        self.theory_job.failed.connect(self._on_theory_failed)

        row, row2 = QHBoxLayout(), FlowLayout()     # row 2 wraps where the window is narrow
        self.x_edit, self.y_edit = QLineEdit(DEFAULT_AXES[0]), QLineEdit(DEFAULT_AXES[1])
        for edit in (self.x_edit, self.y_edit):
            edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("network.depth=5:50:10"))
            edit.editingFinished.connect(self._plan)
        self.seeds = QSpinBox()
        self.seeds.setRange(1, 20)
        self.batches = QSpinBox()
        self.batches.setRange(0, 100000)
        self.batches.setValue(DEFAULT_BATCHES)
        for box in (self.seeds, self.batches):        # the plan's words count them
            box.valueChanged.connect(lambda _: self._plan())
        self.colour = ChoiceBox()
        for key, name, _ in COLOURS:
            self.colour.addItem(name, key)
        self.colour.currentIndexChanged.connect(lambda _: self._refresh())
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self._toggle)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._ask_open)
        self._labels = [QLabel() for _ in range(5)]
        for label, widget in zip(self._labels[:2], (self.x_edit, self.y_edit)):
            row.addWidget(label)
            row.addWidget(widget, 1)
        for label, widget in zip(self._labels[2:], (self.seeds, self.batches, self.colour)):
            row2.addWidget(pair(label, widget))
        row.addWidget(self.open_button)     # row 2 is full at 1280 × 720
        row2.addWidget(self.run_button)
        for r in (row, row2):
            r.setContentsMargins(0, 0, 0, 0)
            controls = QWidget()
            controls.setLayout(r)
            self.add_body(controls)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.add_body(self.status)

        self.map = SweepHeatMap()
        self.plot, self.plot_widget = self.map.plot, self.map.widget
        self.critical, self.xi_curves = self.map.critical, self.map.xi_curves
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.add_body(self.plot_widget, 1)
        self.key = QLabel()
        self.key.setWordWrap(True)
        self.add_body(self.key)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Where the network learns: a grid of experiments"))
        for label, text in zip(self._labels, (self.tr("x"), self.tr("y"), self.tr("seeds"),
                                              self.tr("batches"), self.tr("colour"))):
            label.setText(text)
        tip = self.tr("FIELD=FROM:TO:COUNT or FIELD=A,B,C; fields: init.*, network.*, "
                      "train.*, seed, sigma_w2, sigma_b2")
        for edit in (self.x_edit, self.y_edit):
            edit.setToolTip(tip)
        self.map.retitle()
        self.batches.setToolTip(self.tr("Training batches per cell (0: the start only)"))
        for i, (_, name, _) in enumerate(COLOURS):
            self.colour.setItemText(i, QCoreApplication.translate("SweepPane", name))
        self.map.title_bar(self.colour.currentText(), self.colour_key() in SHARES)
        self.run_button.setText(self.tr("Stop") if self.job.running else self.tr("Run sweep"))
        self.open_button.setText(self.tr("Open sweep…"))
        self.open_button.setToolTip(self.tr("Show a sweep saved by `initviz sweep` (its CSV "
                                            "or JSON), finished or not"))
        self._say_status()          # texts only: the window's retranslation walks the plots
        self._say_key()

    # -- the pane API ------------------------------------------------------------------------
    def set_config(self, config) -> None:
        if self._choosing:          # our own click: the grid stays
            return
        self.base = config
        axes = preset_axes(config)
        if axes and not self.job.running:
            self.x_edit.setText(axes[0])
            self.y_edit.setText(axes[1] if len(axes) > 1 else "")
        if self.isVisible():
            self._plan()

    def draw(self, histories, edges=None) -> None:
        pass                        # the grid is drawn as its rows arrive

    def showEvent(self, event) -> None:
        super().showEvent(event)      # the workers start once the tab has been drawn
        self._shut = False
        self._warm_timer.start()
        QTimer.singleShot(0, self._plan)

    def shutdown(self) -> None:
        self._shut = True
        self._warm_timer.stop()
        self.job.shutdown()
        self.theory_job.shutdown()
        self.pool.shutdown()

    def _workers(self) -> int:
        return default_workers() if self.workers is None else self.workers

    # -- running -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job.running

    def start_sweep(self, x: str | None = None, y: str | None = None, seeds: int | None = None,
                    batches: int | None = None) -> bool:
        """Start the grid over the current config; False (and a one-line reason in the
        status line) when the axes or values are not valid."""
        for edit, text in ((self.x_edit, x), (self.y_edit, y)):
            if text is not None:
                edit.setText(text)
        if seeds is not None:
            self.seeds.setValue(seeds)
        if batches is not None:
            self.batches.setValue(batches)
        if self.base is None:
            return False
        try:
            spec = self._spec()
            workers = self._workers()
            if not self._fits(spec, workers):
                return False
        except Exception as exc:  # noqa: BLE001 - SweepError, ConfigError: one line
            self.status.setText(error_text(exc))
            return False
        self.grid, self.source = SweepGrid(spec), None
        pool = self.pool.get(workers)
        self.job.start(lambda stopped: run_sweep(spec, workers=workers, stop=stopped,
                                                    nice=True, pool=pool))
        self.run_button.setText(self.tr("Stop"))
        self.map.layout_axes(self.grid)
        self._start_theory(spec)     # the plan's overlay when the axes are the same
        self._refresh()
        return True

    def open_sweep(self, path) -> str | None:
        """Show the sweep saved in ``path`` (CSV or JSON) as if it had run here: its grid (runs
        the file lacks left empty), axes, theory, and cells that open when clicked. None when
        shown; otherwise the one-line reason, also in the status line; the grid shown stays."""
        name = clean(Path(path).name, 80)
        try:
            if self.job.running:
                raise RuntimeError(self.tr("stop the sweep running first"))
            spec, rows = load_sweep(path)
        except Exception as exc:  # noqa: BLE001 - a file must never take the window down
            reason = error_text(exc)
            reason = reason if name in reason else f"{name}: {reason}"
            self.status.setText(reason)
            return reason
        self.grid, self.source, self.base = SweepGrid.of_rows(spec, rows), name, spec.base
        for edit, axis in zip((self.x_edit, self.y_edit), spec.axes + (None,)):
            edit.setText("" if axis is None else axis_text(axis))
        self.seeds.setValue(spec.seeds)
        self.batches.setValue(spec.base.train.steps)
        self.map.layout_axes(self.grid)
        self._start_theory(spec)
        self._refresh()
        return None

    def _ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open sweep"), "", self.tr(
            "initviz sweep (*.csv *.json);;All files (*)"))
        if path:
            self.open_sweep(path)

    def _spec(self):
        texts = [t for t in (self.x_edit.text().strip(), self.y_edit.text().strip()) if t]
        base = self.base.replace(train=self.base.train.replace(steps=self.batches.value()))
        base = base.replace(runs=(base.runs[0].replace(
            train={k: v for k, v in base.runs[0].train.items() if k != "steps"}),))
        return make_spec(base, [parse_axis(t) for t in texts], self.seeds.value())

    def _plan(self) -> None:
        """Before the first sweep: the planned grid's axes and the theory over them."""
        if self.base is None or self.grid is not None:
            return
        try:
            spec = self._spec()
        except Exception as exc:  # noqa: BLE001 - SweepError, ConfigError: one line
            self.status.setText(error_text(exc))
            return
        self.plan = SweepGrid(spec)
        self.map.layout_axes(self.plan)
        self._say_status()
        self._start_theory(spec)

    def _start_theory(self, spec) -> None:
        """The overlay, computed once per network and axes."""
        key = overlay_key(spec)
        if key == self._theory_key:
            self._draw_theory()
            return
        self._theory_key, self.theory = key, None
        self._draw_theory()
        fields = [a.field for a in spec.axes]
        values = [list(a.values) if a.numeric else [] for a in spec.axes]
        if len(fields) != 2 or not all(values) or self._shut:
            return

        def theory(stopped):
            # 0.12 s in this thread: no worker to wait for (a pool at nice +15 on a busy
            # machine answered after 20 s, review 15; when it took 1.2 s it was sent there)
            from initviz.engine.theory.overlay import overlay
            yield key, overlay(spec.base, fields, values, 40)
        self.theory_job.start(theory)

    def _fits(self, spec, workers: int) -> bool:
        """Every cell through the pre-run check (the window's, the CLI's and the sweep's one):
        a sweep whose largest cell cannot fit is refused with a warning, the grid shown stays;
        a long one is announced in the status bar and starts."""
        window = self.window()
        if not hasattr(window, "warn"):     # a pane on its own: the reason in its status line
            check_sweep(spec, workers)
            return True
        return guard(window, lambda: check_sweep(spec, workers), True,
                     self.tr("Not enough memory for this sweep")) is not None

    def stop_sweep(self) -> None:
        self.job.stop()
        self.run_button.setText(self.tr("Run sweep"))
        self._refresh()

    def _toggle(self) -> None:
        if self.job.running:
            self.stop_sweep()
        else:
            self.start_sweep()

    def _on_row(self, item) -> None:
        key, row = item
        self.grid.add(key, row)
        self._refresh()
        self.cell_finished.emit()

    def _on_theory(self, item) -> None:
        key, overlay = item
        if key == self._theory_key:
            self.theory = overlay
            self._draw_theory()

    def _on_theory_failed(self, text: str) -> None:
        self._theory_key = None       # computed again when the tab is next shown
        self._say_key()

    def _on_failed(self, text: str) -> None:
        self.pool.drop()             # a worker may have died: new ones for the next sweep
        self.status.setText(self.tr("The sweep stopped: {0}").format(text))

    def _on_finished(self) -> None:
        self.run_button.setText(self.tr("Run sweep"))
        self._refresh()
        self.sweep_finished.emit()

    def export_table(self, histories, edges):
        """One row per cell: the axis values, the seeds in, each metric's mean."""
        if self.grid is None or not self.grid.done:
            return None
        cells = summarize(self.grid.spec, self.grid.rows)
        header = list(cells[0])
        return header, [[c[k] for k in header] for c in cells]

    # -- clicking ----------------------------------------------------------------------------
    def click_cell(self, i: int, j: int = 0) -> bool:
        """Open the network of grid cell (i, j) (first seed) as an ordinary experiment."""
        if self.grid is None:
            return False
        cell = self.grid.cell_at(i, j)
        if cell is None:
            return False
        config = cell_config(self.grid.spec, cell, self.grid.spec.base.seed)
        self._choosing = True
        try:
            self.experiment_chosen.emit(config)
        finally:
            self._choosing = False
        return True

    def _on_click(self, event) -> None:
        if self.grid is None or event.button() != Qt.MouseButton.LeftButton:
            return
        p = self.plot.vb.mapSceneToView(event.scenePos())
        self.click_cell(int(np.floor(p.x() + 0.5)), int(np.floor(p.y() + 0.5)))

    # -- drawing -----------------------------------------------------------------------------
    def colour_key(self) -> str:
        return self.colour.currentData()

    def set_metric(self, key: str) -> None:
        self.colour.setCurrentIndex(self.colour.findData(key))

    def values(self) -> np.ndarray | None:
        """The grid the heat map shows (per-cell means of the chosen metric; NaN: not yet)."""
        return None if self.grid is None else self.grid.values(self.colour_key())

    def axis_names(self) -> tuple[str, str]:
        """The heat map's (x, y) axis names: the planned grid's before the sweep runs."""
        return self.map.axis_names()

    def _shown(self) -> SweepGrid | None:
        return self.grid if self.grid is not None else self.plan

    def _refresh(self) -> None:
        g = self.grid
        if g is None:
            return
        key = self.colour_key()
        v = g.values(key)
        self.map.title_bar(self.colour.currentText(), key in SHARES)
        self.map.show_values(g, v, colour_levels(key, v))
        self._say_status()

    def _say_status(self) -> None:
        g = self.grid
        if g is None:          # an empty grid says nothing by itself: say what fills it
            self.status.setText(plan_text(self.plan.spec) if self.plan is not None else self.tr(
                "Press “Run sweep”: each cell trains one network with the values of its row "
                "and column."))
            return
        state = self.tr("running") if self.job.running else self.tr("done") \
            if g.done == g.total else self.tr("stopped")
        if self.source is not None:
            state = self.tr("from {0}").format(self.source)
        self.status.setText(self.tr("{0} of {1} runs ({2}); colour: {3}. Click a cell to open "
                                    "its network.").format(g.done, g.total, state,
                                                          self.colour.currentText()))

    def _draw_theory(self) -> None:
        g = self._shown()
        self._say_key()
        if g is not None:
            self.map.draw_theory(self.theory, g)

    def _say_key(self) -> None:
        t, g = self.theory, self._shown()   # t None: still being computed (a tenth of a second)
        self.key.setText(waiting_text(g.spec) if t is None and g and self._theory_key else
                         key_text(t) if t and g and t.get("sigma_axis") is not None else "")

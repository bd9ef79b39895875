"""The window: presets and settings on the left, the panes in tabs, the explanation on the
right, transport in the tool bar, progress in the status bar."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QMainWindow, QMessageBox, QScrollArea, QSplitter, QTabWidget,
                               QToolBar)

from initviz.engine import presets as catalogue
from initviz.translations import QT_TRANSLATE_NOOP

from .classroom.explanation_panel import ExplanationPanel
from .classroom.presentation import PresentationController
from .controls.control_panel import ControlPanel
from .controls.preset_bar import PresetBar
from .experiment import Experiment
from .files.download_controller import DownloadController
from .edit_menu import EditMenu
from .files.file_menu import FileMenu
from .i18n import error_text
from .look.plot_style import release_menus
from .look.tab_strip import TabStrip
from .panes.draw_guard import DrawGuard
from .panes.registry import PANES, open_cells_of_sweeps, pane_for_view, update_tabs
from .run.collector import freeze_startup_objects
from .run.budget_check import may_start
from .run.frame_pacer import FramePacer
from .run.run_controller import RunController
from .run.status_line import StatusLine

DEBOUNCE_MS = 30       # settle time after a setting changes before the probe reruns
CLOSE_WAIT_MS = 300    # then a step that cannot stop is left to finish in the background


# The tool bar: (method, text, tool tip, shortcut). Space is the presentation controller's
# run/pause key (shortcuts.py).
TRANSPORT = (
    ("run", QT_TRANSLATE_NOOP("MainWindow", "▶ Run"), QT_TRANSLATE_NOOP(
        "MainWindow", "Train (or measure) the runs with the settings shown (Ctrl+R)"), "Ctrl+R"),
    ("toggle_pause", QT_TRANSLATE_NOOP("MainWindow", "Pause"),
     QT_TRANSLATE_NOOP("MainWindow", "Pause or resume training (Space)"), None),
    ("step", QT_TRANSLATE_NOOP("MainWindow", "Step"),
     QT_TRANSLATE_NOOP("MainWindow", "Train one batch, then pause"), None),
    ("stop", QT_TRANSLATE_NOOP("MainWindow", "■ Stop"),
     QT_TRANSLATE_NOOP("MainWindow", "Stop training; the plots keep the last state"), None),
    ("reset", QT_TRANSLATE_NOOP("MainWindow", "↺ Reset"), QT_TRANSLATE_NOOP(
        "MainWindow", "Stop, clear the curves and show the networks at initialization"), None),
    ("replay", QT_TRANSLATE_NOOP("MainWindow", "⟳ Replay"), QT_TRANSLATE_NOOP(
        "MainWindow", "Run again from the same initial weights (same seed, same data order)"),
     None),
)


class MainWindow(QMainWindow):
    result_drawn = Signal()     # every run of the current experiment has been drawn once

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.base_title())
        self.controller = RunController(self)
        self.closed = False
        self._dirty = False
        self._announced = False
        self._pending_config = None
        self.draw_guard = DrawGuard(self)   # a pane that cannot draw: one status-bar line

        self.presets = PresetBar()
        self.panel = ControlPanel()
        self.explanation = ExplanationPanel()
        self.experiment = Experiment(self.panel.config(), self)
        self.panes = {entry.key: entry.make() for entry in PANES}
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setMinimumWidth(420)
        for entry in PANES:
            self.tabs.addTab(self.panes[entry.key], "")
        self.tabs.currentChanged.connect(lambda _: self._draw(force=True))
        self.tab_strip = TabStrip(self.tabs)      # whole titles, never scroll arrows

        settings = QScrollArea()
        settings.setWidgetResizable(True)
        settings.setWidget(self.panel)
        settings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Never narrower than the panel: a clipped control is worse than narrower plots.
        settings.setMinimumWidth(self.panel.minimumSizeHint().width() +
                                 settings.verticalScrollBar().sizeHint().width() + 4)
        self.explanation.setMinimumWidth(220)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.presets)
        left.addWidget(settings)
        left.setStretchFactor(0, 2)
        left.setStretchFactor(1, 3)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tab_strip.column())
        self.splitter.addWidget(self.explanation)
        for i, stretch in enumerate((0, 1, 0)):      # the plots take what the window gains
            self.splitter.setStretchFactor(i, stretch)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self._build_toolbar()
        self.status_line = StatusLine(self.statusBar())
        self.retranslate()

        self.presets.preset_chosen.connect(self.load_preset)
        open_cells_of_sweeps(self)
        self.panel.config_changed.connect(self.experiment.edit)
        self.panel.config_invalid.connect(self.experiment.mark_invalid)
        self.experiment.preset_changed.connect(self._show_preset)
        self.experiment.config_changed.connect(self._show_config)
        self.controller.run_started.connect(self._on_run_started)
        self.controller.snapshot_ready.connect(self._on_snapshot)
        self.controller.run_finished.connect(self._on_run_finished)
        self.controller.run_failed.connect(self._on_run_failed)
        self.pacer = FramePacer(self, self._draw)   # draws what came in, a frame at a time
        self.frame_timer = self.pacer.timer
        # Make the histogram panes' plots while nothing happens, one per tick: making ten
        # at the first frame of a run froze the window for ~0.4 s.
        self.warm_timer = QTimer(self)
        self.warm_timer.setInterval(40)
        self.warm_timer.timeout.connect(self._warm_up)
        QTimer.singleShot(1000, self.warm_timer.start)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self._start_pending)
        self.explanation.show_runs(self.experiment.config)
        self.file_menu = FileMenu(self)   # File menu, experiment files, exports, drops
        self.edit_menu = EditMenu(self)   # Undo and Redo of the experiment's changes
        # View/Lesson/Help menus, keys, themes, type size, language, remembered settings
        self.presentation = PresentationController(self)
        self.downloads = DownloadController(self)   # Data menu: download the full MNIST set

    # -- building --------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setMovable(False)
        self.toolbar.setObjectName("transport")
        self.addToolBar(self.toolbar)
        self.transport: dict[str, QAction] = {}
        for name, _, _, shortcut in TRANSPORT:
            if name == "reset":
                self.toolbar.addSeparator()
            a = QAction(self)
            a.triggered.connect(getattr(self, name))
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            self.toolbar.addAction(a)
            self.transport[name] = a

    def retranslate(self) -> None:
        self.toolbar.setWindowTitle(self.tr("Run"))
        for name, text, tip, _ in TRANSPORT:
            self.transport[name].setText(self.tr(text))
            self.transport[name].setToolTip(self.tr(tip))
        for i, entry in enumerate(PANES):
            self.tabs.setTabText(i, entry.tab_title())
        update_tabs(self.tabs, self.panes, self.tab_strip)   # tool tips: why one is disabled

    def event(self, event) -> bool:
        handled = super().event(event)      # LanguageChange: this window, then its children
        if event.type() == QEvent.Type.LanguageChange and not self.closed and \
                hasattr(self, "downloads"):
            self.retranslate()
            # The helper objects get no LanguageChange of their own; the presentation
            # controller comes last (it redraws and restyles what the others changed).
            self.file_menu.retranslate()
            self.edit_menu.retranslate()
            self.downloads.retranslate()
            self.presentation.retranslate_all()
        return handled

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_columns()
        QTimer.singleShot(0, self, self._fit_columns)   # again at its real size; not once deleted

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_columns()

    def base_title(self) -> str:
        return self.tr("initviz — weight initialization, layer by layer")

    def _fit_columns(self) -> None:
        presentation = getattr(self, "presentation", None)
        if presentation is not None and presentation.presenting:
            presentation.fit_columns()      # its own proportions, for large type
            return
        w = self.width()
        left = max(self.splitter.widget(0).minimumSizeHint().width(), min(420, int(0.21 * w)))
        right = max(240, min(400, int(0.2 * w)))     # the lesson's words above the fold
        self.splitter.setSizes([left, max(300, w - left - right), right])

    def show_pane(self, key: str) -> None:
        """Bring the tab of pane ``key`` (a registry key) to the front."""
        self.tabs.setCurrentWidget(self.panes[key])

    # -- presets and settings --------------------------------------------------------------
    @property
    def preset_key(self) -> str | None:
        return self.experiment.preset

    @property
    def histories(self):
        """One RunHistory per run of the latest start."""
        return self.experiment.runs

    def load_preset(self, key: str, run: bool = True) -> None:
        config = self.experiment.load_preset(key)
        if run:
            self.start(config)

    def _show_preset(self, key: str | None) -> None:
        """A preset (or a file) was loaded: its explanation, and the pane of its first view."""
        preset = catalogue.PRESETS[key] if key is not None else None
        self.explanation.show_preset(preset)
        for pane in self.panes.values():
            pane.show_preset(preset)
        if preset is None:
            return
        first = preset.views[0] if preset.views else "activations"
        for entry in PANES:
            self.panes[entry.key].show_view(first if first in entry.views else None)
        self.show_pane(pane_for_view(first))

    def _show_config(self, config, why: str) -> None:
        if why != "edit":
            self.debounce.stop()             # a probe of the old settings must not follow
            self.panel.set_config(config)
        self.presets.mark(self.experiment.intact_preset())
        self.explanation.show_runs(config)
        for pane in self.panes.values():
            pane.set_config(config)
        update_tabs(self.tabs, self.panes, self.tab_strip)
        if why not in ("edit", "undo"):
            return
        if config.train.steps == 0 and all("steps" not in r.train for r in config.runs):
            self._pending_config = config
            self.debounce.start()      # a slider drag restarts it: one probe per pause
        else:
            self.statusBar().showMessage(self.tr("Settings changed: press Run to train"), 5000)

    def _start_pending(self) -> None:
        if self._pending_config is not None:
            config, self._pending_config = self._pending_config, None
            self.start(config)

    # -- transport -------------------------------------------------------------------------
    def start(self, config, paused: bool = False, ask: bool = False, validate_start=False) -> bool:
        # not after closing (a queued probe), nor what cannot fit in memory (warn if ``ask``)
        if self.closed or not may_start(self, config, ask):
            return False
        self.controller.start(config, paused=paused, validate_start=validate_start)
        return True

    def warn(self, title: str, text: str) -> None:
        """A warning dialog (tests replace this)."""
        QMessageBox.warning(self, title, text)

    def run(self) -> None:
        if self.controller.running and self.controller.paused:
            self.controller.resume()
            return
        try:
            config = self.panel.config()
        except Exception as exc:  # ConfigError: the panel already shows it
            self.statusBar().showMessage(error_text(exc), 8000)
            return
        self.start(config, ask=True)

    def toggle_pause(self) -> None:
        if not self.controller.running:
            return
        (self.controller.resume if self.controller.paused else self.controller.pause)()

    def step(self) -> None:
        if not self.controller.running:
            try:
                if not self.start(self.panel.config(), paused=True, ask=True):
                    return
            except Exception as exc:
                self.statusBar().showMessage(error_text(exc), 8000)
                return
        self.controller.step_once()

    def stop(self) -> None:
        self.controller.stop()

    def reset(self) -> None:
        """Clear the curves and measure the networks at initialization again."""
        try:
            config = self.panel.config()
        except Exception as exc:
            self.statusBar().showMessage(error_text(exc), 8000)
            return
        runs = tuple(dataclasses.replace(r, train={k: v for k, v in r.train.items()
                                                   if k != "steps"}) for r in config.runs)
        trains = config.train.steps > 0 or any(r.train.get("steps", 0) for r in config.runs)
        self.start(config.replace(train=config.train.replace(steps=0), runs=runs),
                   validate_start=trains)   # the Loss tab: where each run starts (review 17)

    def replay(self) -> None:
        config = self.controller.config
        if config is None:
            self.run()
        else:
            self.start(config, ask=True)

    # -- results ---------------------------------------------------------------------------
    def _on_run_started(self, run_id: int, config) -> None:
        self.experiment.start_runs(config)
        self._announced = False
        self.draw_guard.new_run()
        self.status_line.start(config)
        self.pacer.start_run(config)
        self._dirty = True

    def _on_snapshot(self, s) -> None:
        self.experiment.add_snapshot(s)     # store only; the frame timer draws
        self._dirty = True

    def _on_run_finished(self, run_id: int) -> None:
        self._dirty = True
        self._draw()

    def _on_run_failed(self, message: str) -> None:
        QMessageBox.critical(self, self.tr("The run failed"),
                             self.tr("The run stopped with an error:\n\n{0}").format(message))

    # -- drawing ---------------------------------------------------------------------------
    def _draw(self, force: bool = False, status: bool = True) -> bool:
        if not (self._dirty or force) or self.closed:
            return False
        self._dirty, pane = False, self.tabs.currentWidget()
        self.draw_guard.draw(pane)
        if getattr(pane, "shows_layers", False):   # the runs measure for its next frame
            self.controller.request_layers()
        if status:
            self.draw_guard.run(self.tr("Status"), self._update_status)
        if not self._announced and self.histories and \
                all(h.layers is not None for h in self.histories):
            self._announced = True
            self.result_drawn.emit()
        return True

    def redraw(self) -> None:
        """Draw the pane shown now, changed or not (after a language or look change)."""
        self._draw(force=True)

    def _warm_up(self) -> None:
        if self.closed:     # its start was queued for a second after the window was made
            self.warm_timer.stop()
            return
        if self.controller.running:
            return        # never during a run: each plot costs ~15 ms of the GUI thread
        if not any(pane.warm_up() for pane in self.panes.values()):
            self.warm_timer.stop()
            freeze_startup_objects()     # idle now: a full collection costs ~40 ms once

    def draw_all(self) -> None:
        """Redraw every pane (tests and screenshots; the timer draws only the visible one)."""
        for pane in self.panes.values():
            self.draw_guard.draw(pane)

    def _update_status(self) -> None:
        hs = self.histories
        if not hs:
            return
        bundled = self.status_line.show(hs)
        self.explanation.show_data(hs[0].data_description)
        self.downloads.offer(bundled)

    # -- closing ---------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        """In this order: keep or drop unsaved changes (may cancel), remember the session,
        stop the timers, the runs and the download."""
        if self.isVisible() and not self.file_menu.maybe_save_changes():
            event.ignore()
            return
        self.presentation.close()
        self.frame_timer.stop()
        self.warm_timer.stop()
        self.debounce.stop()
        # At once: a step or download not ended by then ends in the background (app.main)
        self.controller.shutdown(CLOSE_WAIT_MS, detach=True)
        self.downloads.shutdown(10 * CLOSE_WAIT_MS)
        super().closeEvent(event)
        if event.isAccepted():
            for pane in self.panes.values():   # background jobs (sweep, Jacobian spectra)
                pane.shutdown()
            # Closing the window ends it (the app quits): no more redraws, retranslations or
            # restyles, and pyqtgraph's menus go with it.
            self.closed = True
            release_menus(self)

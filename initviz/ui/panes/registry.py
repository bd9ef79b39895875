"""The panes, in tab order: the one list the tab bar, ``--tab``, presets' views and the
exporter read. A new pane is a ``Pane`` subclass and one entry here (see ARCHITECTURE.md)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication

from initviz.translations import QT_TRANSLATE_NOOP

from .boundary_pane import BoundaryPane
from .depth_pane import DepthPane
from .heatmap_pane import HeatmapPane
from .histogram_pane import HistogramPane
from .jacobian_pane import JacobianPane
from .loss_pane import LossPane
from .pane import Pane
from .results_table import ResultsTable
from .schemes_pane import SchemesPane
from .sweep_pane import SweepPane


@dataclass(frozen=True)
class PaneEntry:
    key: str                      # --tab KEY, file names of exports
    make: Callable[[], Pane]
    title: str                    # the tab's text (context "Panes")
    tooltip: str
    views: tuple[str, ...]        # the preset views (engine.presets.VIEWS) this pane shows

    def tab_title(self) -> str:
        return QCoreApplication.translate("Panes", self.title)

    def tab_tooltip(self) -> str:
        return QCoreApplication.translate("Panes", self.tooltip)


PANES = (
    PaneEntry("activations", lambda: HistogramPane("activation"),
              QT_TRANSLATE_NOOP("Panes", "Activations"),
              QT_TRANSLATE_NOOP("Panes", "Histograms of each hidden layer's activations"),
              ("activations", "preactivations")),
    PaneEntry("gradients", lambda: HistogramPane("gradient"),
              QT_TRANSLATE_NOOP("Panes", "Gradients"),
              QT_TRANSLATE_NOOP("Panes", "Histograms of the back-propagated gradients per "
                                "layer"),
              ("gradients",)),
    PaneEntry("weights", lambda: HistogramPane("weight"),
              QT_TRANSLATE_NOOP("Panes", "Weights"),
              QT_TRANSLATE_NOOP("Panes", "Histograms of each layer's weights"), ("weights",)),
    PaneEntry("training", HeatmapPane, QT_TRANSLATE_NOOP("Panes", "Through training"),
              QT_TRANSLATE_NOOP("Panes", "Each layer's values over the training steps, as heat "
                                "maps: where the values went, not only the last frame"), ()),
    PaneEntry("depth", DepthPane, QT_TRANSLATE_NOOP("Panes", "Depth"),
              QT_TRANSLATE_NOOP("Panes", "Standard deviation of activations and gradients "
                                "against depth, with the prediction; saturated and dead units"),
              ("depth",)),
    PaneEntry("loss", LossPane, QT_TRANSLATE_NOOP("Panes", "Loss"),
              QT_TRANSLATE_NOOP("Panes", "Training loss and validation accuracy"),
              ("loss_early", "loss", "accuracy", "pretrain")),
    PaneEntry("table", ResultsTable, QT_TRANSLATE_NOOP("Panes", "Results"),
              QT_TRANSLATE_NOOP("Panes", "Validation accuracy and loss of every run"),
              ("table",)),
    PaneEntry("boundary", BoundaryPane, QT_TRANSLATE_NOOP("Panes", "Boundary"),
              QT_TRANSLATE_NOOP("Panes", "Decision boundary over the 2-D data; each unit's "
                                "incoming weights"),
              ("boundary", "units")),
    PaneEntry("schemes", SchemesPane, QT_TRANSLATE_NOOP("Panes", "Schemes"),
              QT_TRANSLATE_NOOP("Panes", "Every initialization scheme sampled for one layer "
                                "shape, with its formula and standard deviation"),
              ("schemes",)),
    PaneEntry("sweep", SweepPane, QT_TRANSLATE_NOOP("Panes", "Sweep"),
              QT_TRANSLATE_NOOP("Panes", "A grid of experiments over two settings as a heat "
                                "map, with the theory's critical line; click a cell to open it"),
              ("sweep",)),
    PaneEntry("jacobian", JacobianPane, QT_TRANSLATE_NOOP("Panes", "Jacobian"),
              QT_TRANSLATE_NOOP("Panes", "Singular values of each run's input-output Jacobian "
                                "at the start (dynamical isometry)"),
              ("jacobian",)),
)
KEYS = tuple(entry.key for entry in PANES)


def update_tabs(tabs, panes, strip) -> None:
    """Enable the tab of each pane that has something to show for the experiment set, and
    disable the others with a tool tip that says why; never leave a disabled tab in front.
    ``strip`` (the tab buttons the user sees) then mirrors the tabs."""
    for i, entry in enumerate(PANES):
        why = panes[entry.key].unavailable()
        tabs.setTabEnabled(i, not why)
        tabs.setTabToolTip(i, why or entry.tab_tooltip())
    if not tabs.isTabEnabled(tabs.currentIndex()):
        tabs.setCurrentWidget(panes["activations"])
    strip.sync()


def pane_for_view(view: str) -> str:
    """The key of the pane that shows a preset's ``view`` (activations if none does)."""
    return next((e.key for e in PANES if view in e.views), "activations")


def open_cells_of_sweeps(window) -> None:
    """A clicked cell opens as the window's experiment: shown, on the Activations tab, run."""
    def open_config(config):
        window.experiment.show_config(config)
        window.show_pane("activations")
        window.start(config)
    for pane in window.panes.values():
        if isinstance(pane, SweepPane):
            pane.experiment_chosen.connect(open_config)

"""A preset: a partial config merged over the defaults, plus the words the window shows."""
from __future__ import annotations

from dataclasses import dataclass

from ..config import ExperimentConfig, merge

VIEWS = ("activations", "preactivations", "gradients", "weights", "depth", "loss_early", "loss",
         "accuracy", "table", "boundary", "units", "pretrain", "schemes", "sweep", "jacobian")

SECTIONS = {
    "A": "Activations at initialization",
    "B": "Glorot & Bengio: activations and gradients",
    "C": "MNIST: training from different starts",
    "D": "The flower: a small MLP",
    "E": "Why constant initialization fails",
    "F": "Deep ReLU: He vs Xavier",
    "G": "Unsupervised pre-training",
    "H": "Remedies for vanishing and exploding gradients",
    "I": "Weight distributions",
    "J": "Deep information propagation: where a deep network can learn",
}

SHARED_RANGE_SECTIONS = frozenset("A")

# The views whose pane can show the start (step 0) after training ("At the start").
START_VIEWS = ("activations", "gradients", "weights", "depth")


def hist_view_name(quantity: str) -> str:
    """The view of the histogram pane that draws ``quantity`` (one of hist_view.FIELDS):
    pre-activations are drawn by the Activations pane."""
    return {"gradient": "gradients", "weight": "weights"}.get(quantity, "activations")


@dataclass(frozen=True)
class Preset:
    key: str
    section: str
    title: str
    question: str             # what the experiment asks, in a student's words
    look: str                 # what to look at, and in which pane
    takeaway: str             # what it shows, and why
    views: tuple[str, ...]    # the panes that matter, most important first
    overrides: dict           # partial ExperimentConfig as nested dicts
    sweep: tuple[str, ...] = ()   # the Sweep tab's axes ("FIELD=FROM:TO:COUNT"), if any
    # The histogram views whose layers share one range (the text is about how the values
    # change from layer to layer); None: every view in SHARED_RANGE_SECTIONS, none elsewhere.
    hist_shared: tuple[str, ...] | None = None
    # (view, axis) pairs: a histogram view drawn on this axis ("linear" or "magnitude")
    # because its text describes that picture; the others as hist_view.default_axis chooses.
    hist_axes: tuple[tuple[str, str], ...] = ()
    # The views (of START_VIEWS) that open at the start, step 0, however far the runs have
    # trained: the text is about the start (the user can untick "At the start").
    at_start: tuple[str, ...] = ()
    # The layers (1-based) a histogram pane shows when each run has a row of its own; ():
    # up to six, spread from the first to the last. Fewer columns are wider, where six runs
    # and many decades left ~90 px a column (activation-compare, review 10).
    row_layers: tuple[int, ...] = ()

    def __post_init__(self):
        bad = [v for v in self.at_start if v not in START_VIEWS]
        if bad:
            raise ValueError(f"preset {self.key}: at_start names {bad}, not one of "
                             f"{START_VIEWS}")
        depth = len(self.config.network.widths) if self.row_layers else 0
        if any(not 1 <= n <= depth for n in self.row_layers) or \
                list(self.row_layers) != sorted(set(self.row_layers)):
            raise ValueError(f"preset {self.key}: row_layers {self.row_layers} are not "
                             f"increasing layers of 1 to {depth}")

    @property
    def explanation(self) -> str:
        """The three parts as one paragraph (``initviz list``, tool tips)."""
        return " ".join(part for part in (self.question, self.look, self.takeaway) if part)

    @property
    def config(self) -> ExperimentConfig:
        return merge(ExperimentConfig(), self.overrides)

    def shares_range(self, view: str) -> bool:
        """Whether histogram view ``view`` opens with one range for all its layers."""
        if self.hist_shared is None:
            return self.section in SHARED_RANGE_SECTIONS
        return view in self.hist_shared

    def hist_axis(self, view: str) -> str:
        """The axis histogram view ``view`` opens on: "linear", "magnitude" or "auto"."""
        return dict(self.hist_axes).get(view, "auto")

    def hist_default(self, quantity: str) -> tuple[bool, str]:
        """(one range for all layers, axis) of the pane that draws ``quantity`` (one of
        hist_view.FIELDS) as it opens: pre-activations are drawn by the Activations pane."""
        view = hist_view_name(quantity)
        return self.shares_range(view), self.hist_axis(view)

    def opens_at_start(self, pane: str) -> bool:
        """Whether the pane that draws ``pane`` (a view, or a quantity of hist_view.FIELDS)
        opens at the start, step 0."""
        return (pane if pane in START_VIEWS else hist_view_name(pane)) in self.at_start

    @property
    def section_title(self) -> str:
        return SECTIONS[self.section]

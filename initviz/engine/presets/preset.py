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
    # One histogram range for all layers of a pane (the pictures are about how the values
    # change from layer to layer); None: the section's default (SHARED_RANGE_SECTIONS).
    share_ranges: bool | None = None
    # (view, axis) pairs: a histogram view drawn on this axis ("linear" or "magnitude")
    # because its text describes that picture; the others as hist_view.default_axis chooses.
    hist_axes: tuple[tuple[str, str], ...] = ()

    @property
    def explanation(self) -> str:
        """The three parts as one paragraph (``initviz list``, tool tips)."""
        return " ".join(part for part in (self.question, self.look, self.takeaway) if part)

    @property
    def config(self) -> ExperimentConfig:
        return merge(ExperimentConfig(), self.overrides)

    @property
    def shared_ranges(self) -> bool:
        return self.section in SHARED_RANGE_SECTIONS if self.share_ranges is None \
            else self.share_ranges

    def hist_axis(self, view: str) -> str:
        """The axis histogram view ``view`` opens on: "linear", "magnitude" or "auto"."""
        return dict(self.hist_axes).get(view, "auto")

    @property
    def section_title(self) -> str:
        return SECTIONS[self.section]

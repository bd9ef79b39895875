"""The experiment catalogue as data (see shared/experiments.md).

A preset is a partial config merged over the defaults, plus the words the window and
``initviz list`` show. Keys are stable: tests, saved files and the command line use them.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..config import ExperimentConfig, merge

VIEWS = ("activations", "preactivations", "gradients", "weights", "depth", "loss_early", "loss",
         "accuracy", "table", "boundary", "units", "pretrain", "schemes")

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
}


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

    @property
    def explanation(self) -> str:
        """The three parts as one paragraph (``initviz list``, tool tips)."""
        return " ".join(part for part in (self.question, self.look, self.takeaway) if part)

    @property
    def config(self) -> ExperimentConfig:
        return merge(ExperimentConfig(), self.overrides)

    @property
    def section_title(self) -> str:
        return SECTIONS[self.section]


def _collect() -> dict[str, Preset]:
    from . import (section_a, section_b, section_c, section_d, section_e, section_f, section_g,
                   section_h, section_i)
    out: dict[str, Preset] = {}
    for module in (section_a, section_b, section_c, section_d, section_e, section_f, section_g,
                   section_h, section_i):
        for p in module.PRESETS:
            assert p.key not in out, p.key
            out[p.key] = p
    return out


PRESETS: dict[str, Preset] = _collect()


def get(key: str) -> Preset:
    try:
        return PRESETS[key]
    except KeyError:
        raise KeyError(f"unknown preset {key!r}; `initviz list` shows the presets") from None

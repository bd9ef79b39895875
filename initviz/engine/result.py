"""Collect a finished experiment into the ``initviz.result/1`` JSON document."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import numpy as np

from .initializers import SCHEMES

RESULT_SCHEMA = "initviz.result/1"


def _clean(x):
    """Strict JSON: non-finite numbers become null, arrays become lists."""
    if isinstance(x, dict):
        return {k: _clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_clean(v) for v in x]
    if isinstance(x, np.ndarray):
        return _clean(x.tolist())
    if isinstance(x, (np.floating, float)):
        return float(x) if math.isfinite(x) else None
    if isinstance(x, np.integer):
        return int(x)
    return x


def layer_dict(s, edges, activation: str) -> dict:
    return {
        "layer": s.layer, "units": s.units, "activation": activation,
        "activation_mean": s.activation_mean, "activation_std": s.activation_std,
        "saturated_fraction": s.saturated_fraction, "dead_fraction": s.dead_fraction,
        "gradient_std": s.gradient_std, "weight_std": s.weight_std,
        "predicted_activation_std": s.predicted_activation_std,
        "predicted_low": s.predicted_low, "predicted_high": s.predicted_high,
        "activation_hist": {"edges": edges.activation, "counts": s.activation_hist},
        "gradient_hist": {"edges": edges.gradient, "counts": s.gradient_hist},
    }


@dataclass
class RunRecord:
    label: str
    init: dict
    activation: str
    at_init: list | None = None
    at_end: list | None = None
    history: dict = field(default_factory=lambda: {k: [] for k in (
        "step", "train_loss", "val_step", "val_loss", "val_accuracy")})
    pretrain: list = field(default_factory=list)
    final: dict = field(default_factory=dict)
    message: str = ""


class ResultCollector:
    """Feed it every snapshot of a run of ``config``; ``document()`` gives the result."""

    def __init__(self, config, preset: str | None = None):
        self.config, self.preset = config, preset
        self.data_description = ""
        self.runs = []
        for i, spec in enumerate(config.runs):
            init = {"scheme": spec.init.scheme}
            for p in SCHEMES[spec.init.scheme].params:
                init[p] = getattr(spec.init, p)
            self.runs.append(RunRecord(spec.label or f"run {i + 1}", init,
                                       config.run_network(i).activation))

    def add(self, snap) -> None:
        r = self.runs[snap.run_index]
        h = r.history
        h["step"] += snap.steps.tolist()
        h["train_loss"] += snap.losses.tolist()
        h["val_step"] += snap.val_steps.tolist()
        h["val_loss"] += snap.val_losses.tolist()
        h["val_accuracy"] += snap.val_accuracies.tolist()
        r.pretrain += [list(p) for p in snap.pretrain]
        r.message = snap.message or r.message
        self.data_description = snap.data_description or self.data_description
        if snap.layers is not None and snap.stage in ("init", "done", "diverged", "stopped"):
            layers = [layer_dict(s, snap.edges, r.activation) for s in snap.layers]
            if r.at_init is None:
                r.at_init = layers
            if snap.finished and (snap.total_steps > 0 or snap.stage != "done"):
                r.at_end = layers
        if snap.finished:
            last = lambda key: h[key][-1] if h[key] else None  # noqa: E731
            r.final = {"steps": snap.step, "train_loss": last("train_loss"),
                       "val_loss": last("val_loss"), "val_accuracy": last("val_accuracy"),
                       "diverged": snap.diverged_at is not None,
                       "diverged_at": snap.diverged_at, "seconds": snap.elapsed,
                       "stopped": snap.stage == "stopped"}

    def document(self) -> dict:
        runs = []
        for r in self.runs:
            d = {"label": r.label, "init": r.init, "at_init": r.at_init, "at_end": r.at_end,
                 "history": r.history, "final": r.final}
            if r.pretrain:
                d["pretrain"] = [{"layer": a, "epoch": b, "reconstruction_error": c}
                                 for a, b, c in r.pretrain]
            if r.message:
                d["message"] = r.message
            runs.append(d)
        return _clean({"schema": RESULT_SCHEMA, "preset": self.preset,
                       "data": self.data_description, "config": self.config.to_dict(),
                       "runs": runs})

    def to_json(self) -> str:
        return json.dumps(self.document(), indent=1, allow_nan=False, ensure_ascii=False)

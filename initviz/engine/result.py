"""Collect a finished experiment into the ``initviz.result/2`` JSON document (described in
docs/result-schema.md). Its histograms are the window's default view (``hist_view``)."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import numpy as np

from .hist_view import FIELDS, common_bound, pane_view
from .initializers import SCHEMES

RESULT_SCHEMA = "initviz.result/2"


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


def hist_dict(layer_view, run: int) -> dict | None:
    """One run's histogram in one layer's view, as in the schema."""
    v = layer_view.runs[run]
    if v is None:
        return None
    d = {"axis": layer_view.axis, "edges": layer_view.edges}
    if v.negative is None:
        d["counts"] = v.counts
    else:
        d["positive"], d["negative"] = v.counts, v.negative
    d.update(zeros=v.zeros, nan=v.nan, inf=v.inf, total=v.total)
    return d


def layer_dicts(stats: list, activations: list, shared: bool) -> list:
    """Per run, its layers as dicts: the numbers and, for each quantity, the histogram of the
    window's default view of the runs measured together (``stats``: per run, LayerStats)."""
    bound = common_bound(ls[0].activation_range for ls in stats if ls)
    views = {name: pane_view(stats, name, bounded=bound, shared=shared) for name in FIELDS}
    out = []
    for i, layers in enumerate(stats):
        if layers is None:
            out.append(None)
            continue
        rows = []
        for l, s in enumerate(layers):
            row = {
                "layer": s.layer, "units": s.units, "activation": activations[i],
                "activation_mean": s.activation_mean, "activation_std": s.activation_std,
                "preactivation_std": s.preactivation_std,
                "saturated_fraction": s.saturated_fraction, "dead_fraction": s.dead_fraction,
                "gradient_std": s.gradient_std, "weight_std": s.weight_std,
                "predicted_activation_std": s.predicted_activation_std,
                "predicted_low": s.predicted_low, "predicted_high": s.predicted_high}
            for name in FIELDS:
                row[name + "_hist"] = hist_dict(views[name].layers[l], i)
            rows.append(row)
        out.append(rows)
    return out


@dataclass
class RunRecord:
    label: str
    init: dict
    activation: str
    at_init: tuple | None = None     # LayerStats
    at_end: tuple | None = None
    history: dict = field(default_factory=lambda: {k: [] for k in (
        "step", "train_loss", "val_step", "val_loss", "val_accuracy")})
    pretrain: list = field(default_factory=list)
    final: dict = field(default_factory=dict)
    message: str = ""


class ResultCollector:
    """Feed it every snapshot of a run of ``config``; ``document()`` gives the result."""

    def __init__(self, config, preset: str | None = None, shared_ranges: bool | None = None):
        self.config, self.preset = config, preset
        if shared_ranges is None:
            from .presets import PRESETS
            p = PRESETS.get(preset) if preset else None
            shared_ranges = p is not None and p.shared_ranges
        self.shared_ranges = shared_ranges
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
            if r.at_init is None:
                r.at_init = snap.layers
            if snap.finished and (snap.total_steps > 0 or snap.stage != "done"):
                r.at_end = snap.layers
        if snap.finished:
            last = lambda key: h[key][-1] if h[key] else None  # noqa: E731
            r.final = {"steps": snap.step, "train_loss": last("train_loss"),
                       "val_loss": last("val_loss"), "val_accuracy": last("val_accuracy"),
                       "diverged": snap.diverged_at is not None,
                       "diverged_at": snap.diverged_at, "seconds": snap.elapsed,
                       "stopped": snap.stage == "stopped", "failed": snap.stage == "failed"}

    def document(self) -> dict:
        runs = []
        activations = [r.activation for r in self.runs]
        at_init = layer_dicts([r.at_init for r in self.runs], activations, self.shared_ranges)
        at_end = layer_dicts([r.at_end for r in self.runs], activations, self.shared_ranges)
        for i, r in enumerate(self.runs):
            d = {"label": r.label, "init": r.init, "at_init": at_init[i], "at_end": at_end[i],
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

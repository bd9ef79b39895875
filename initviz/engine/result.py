"""Collect a finished experiment into the ``initviz.result/3`` JSON document (described in
docs/result-schema.md). Its histograms are the window's default view (``hist_view``), with the
preset's choice of axis and shared range per pane."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import numpy as np

from .heat_view import heat_view
from .hist_view import FIELDS, common_bound, pane_view
from .initializers import SCHEMES

RESULT_SCHEMA = "initviz.result/3"


class ResultSchemaError(ValueError):
    """A result document this version cannot read, with a one-line reason."""


def read_result(doc) -> dict:
    """``doc`` if it is an ``initviz.result/3`` document; a clear error otherwise (older
    histograms count other values in their bars: result/1 one range frozen at step 0 with the
    zeros inside, result/2 the values beyond the range in the end bins; they do not mean what
    result/3's do, so they are not read as such)."""
    schema = doc.get("schema") if isinstance(doc, dict) else None
    if schema == RESULT_SCHEMA:
        return doc
    old = {"initviz.result/1": "one histogram range for every layer and run, zeros inside the "
                               "bars",
           "initviz.result/2": "values beyond a histogram's range inside its end bins"}
    if schema in old:
        raise ResultSchemaError(
            f"this result was written by an older initviz ({schema}: {old[schema]}); run the "
            f"experiment again to get {RESULT_SCHEMA}")
    base, _, version = str(schema).partition("/")
    if base == "initviz.result" and version.isdigit() and int(version) > 3:
        raise ResultSchemaError(f"this result was written by a newer initviz ({schema}); "
                                f"this version reads {RESULT_SCHEMA}. Please update initviz.")
    raise ResultSchemaError(f"not an initviz result document (schema {schema!r})")


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
    d.update(below=v.below, above=v.above, zeros=v.zeros, nan=v.nan, inf=v.inf, total=v.total)
    return d


def heat_dicts(series: list) -> list:
    """Per run, per quantity, per layer: its heat map over the measured steps."""
    states = [ls for run in series for _, ls in run if ls]
    bound = common_bound(ls[0].activation_range for ls in states)
    out = [{} for _ in series]
    for name in FIELDS:
        for lv in heat_view(series, name, bounded=bound):
            for i, hr in enumerate(lv.runs):
                out[i].setdefault(name, []).append(None if hr is None else {
                    "layer": lv.layer, "axis": lv.axis, "edges": lv.edges, "steps": hr.steps,
                    "shares": hr.shares, "zeros": hr.zeros, "below": hr.below,
                    "above": hr.above})
    return out


def layer_dicts(stats: list, activations: list, preset=None, magnitude: bool = False) -> list:
    """Per run, its layers as dicts: the numbers and, for each quantity, the histogram of the
    window's default view of the runs measured together (``stats``: per run, LayerStats;
    ``preset``: the Preset whose choice of shared range and axis the panes open with); with
    ``magnitude``, also the magnitude view of each quantity."""
    bound = common_bound(ls[0].activation_range for ls in stats if ls)
    opens = {name: preset.hist_default(name) if preset is not None else (False, "auto")
             for name in FIELDS}
    views = {name: pane_view(stats, name, bounded=bound, shared=opens[name][0],
                             axis=opens[name][1]) for name in FIELDS}
    mags = {name: pane_view(stats, name, axis="magnitude", shared=opens[name][0])
            for name in FIELDS} if magnitude else {}
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
            for name, view in mags.items():
                row[name + "_magnitude"] = hist_dict(view.layers[l], i)
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
    series: list = field(default_factory=list)   # (step, LayerStats) at validation steps
    history: dict = field(default_factory=lambda: {k: [] for k in (
        "step", "train_loss", "val_step", "val_loss", "val_accuracy")})
    pretrain: list = field(default_factory=list)
    final: dict = field(default_factory=dict)
    message: str = ""


class ResultCollector:
    """Feed it every snapshot of a run of ``config``; ``document()`` gives the result."""

    def __init__(self, config, preset: str | None = None, magnitude: bool = False,
                 through_training: bool = False):
        """``magnitude``: every layer also gets the magnitude view of each quantity;
        ``through_training``: each run gets the heat maps of its layers over the validation
        steps (run the experiment with ``measure_at_validation=True``)."""
        self.config, self.preset = config, preset
        self.magnitude, self.through_training = magnitude, through_training
        from .presets import PRESETS
        self.opens = PRESETS.get(preset) if preset else None   # the panes open as it says
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
        if self.through_training and snap.layers is not None and \
                snap.step in h["val_step"][-2:] + [0] and \
                not (r.series and r.series[-1][0] == snap.step):
            r.series.append((snap.step, snap.layers))
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
        at_init = layer_dicts([r.at_init for r in self.runs], activations, self.opens,
                              self.magnitude)
        at_end = layer_dicts([r.at_end for r in self.runs], activations, self.opens,
                             self.magnitude)
        heat = heat_dicts([r.series for r in self.runs]) if self.through_training else None
        for i, r in enumerate(self.runs):
            d = {"label": r.label, "init": r.init, "at_init": at_init[i], "at_end": at_end[i],
                 "history": r.history, "final": r.final}
            if heat is not None:
                d["through_training"] = heat[i]
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

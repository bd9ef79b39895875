"""Sweeps: a grid over config fields, each cell an ordinary experiment (a probe, or a short
training when the config trains), several seeds per cell.

A cell's row says how the signal fares at the start (the last layer's activation and gradient
spread relative to the first, as log10: an activation ratio below 0 means the signal fades on
the way up, a gradient ratio above 0 that the gradient fades on the way back down; the mean
saturated and dead shares over the layers)
and, after training, the validation loss and accuracy and whether the run diverged. Rows are
independent and deterministic (same config, same numbers), so they may run in any process or
on any machine (``run_cell`` is what a worker calls) and a sweep can resume from the rows it
already has.
"""
from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass
from functools import lru_cache

from .config import ExperimentConfig, InitConfig, NetworkConfig, TrainConfig, DataConfig, merge
from .errors import QT_TRANSLATE_NOOP, Said

SWEEP_SCHEMA = "initviz.sweep/1"
MAX_CELLS = 10000
# σ_w² and σ_b² of mean-field theory, in terms of the config: LeCun normal with gain σ_w is its
# W ~ N(0, σ_w²/n_in) in every layer (Xavier's gain² · 2/(n_in + n_out) only on square layers,
# orthogonal's gain²/max(n_in, n_out) where n_in ≥ n_out); biases ~ N(0, bias_std²).
ALIASES = {"sigma_w2": ("init.gain", math.sqrt), "sigma_b2": ("init.bias_std", math.sqrt)}
SIGMA_SCHEMES = ("lecun_normal", "xavier_normal", "xavier_uniform", "orthogonal")
METRICS = ("log10_activation_ratio", "log10_gradient_ratio", "saturated", "dead",
           "val_loss", "val_accuracy", "diverged")
_PARTS = {"init": InitConfig, "network": NetworkConfig, "train": TrainConfig,
          "data": DataConfig}


class SweepError(Said):
    """A bad sweep axis or file; one line for the user."""


BAD_AXIS = QT_TRANSLATE_NOOP("errors", "{0}: an axis is FIELD=FROM:TO:COUNT or FIELD=A,B,C, "
                             "e.g. network.depth=2:40:10 or sigma_w2=1,2,4")
BAD_FIELD = QT_TRANSLATE_NOOP("errors", "{0}: not a config field to sweep; use init.*, "
                              "network.*, train.*, data.*, seed, sigma_w2 or sigma_b2")
BAD_COUNT = QT_TRANSLATE_NOOP("errors", "{0}: the grid has {1} cells; at most {2}")
BAD_SIGMA = QT_TRANSLATE_NOOP("errors", "{0}: needs a scheme whose gain sets σ_w² ({1}), "
                              "not {2}")


@dataclass(frozen=True)
class Axis:
    field: str          # a dotted config path ("network.depth", "init.gain") or an alias
    values: tuple

    @property
    def numeric(self) -> bool:
        return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in self.values)


def _field_meta(path: str):
    part, _, name = path.partition(".")
    if path == "seed":
        return next(fl.metadata for fl in dataclasses.fields(ExperimentConfig) if fl.name == "seed")
    cls = _PARTS.get(part)
    if cls is None:
        return None
    for fl in dataclasses.fields(cls):
        if fl.name == name and ("range" in fl.metadata or "choices" in fl.metadata):
            return fl.metadata
    return None


def parse_axis(text: str) -> Axis:
    """``FIELD=FROM:TO:COUNT`` (evenly spaced; whole numbers for integer fields) or
    ``FIELD=A,B,C`` (numbers, or words for fields with choices such as network.activation)."""
    field, sep, spec = text.partition("=")
    field = field.strip()
    if not sep or not spec.strip() or not field:
        raise SweepError(BAD_AXIS, text)
    meta = _field_meta(ALIASES[field][0] if field in ALIASES else field)
    if meta is None:
        raise SweepError(BAD_FIELD, field)
    integer = bool(meta.get("integer"))
    try:
        if ":" in spec:
            lo, hi, count = spec.split(":")
            lo, hi, count = float(lo), float(hi), int(count)
            if count < 1 or not (math.isfinite(lo) and math.isfinite(hi)):
                raise ValueError
            values = [lo + (hi - lo) * i / max(count - 1, 1) for i in range(count)]
        elif "choices" in meta:
            values = [v.strip() for v in spec.split(",")]
        else:
            values = [float(v) for v in spec.split(",")]
    except ValueError:
        raise SweepError(BAD_AXIS, text) from None
    if integer:
        values = list(dict.fromkeys(int(round(v)) for v in values))
    else:
        values = [round(v, 12) if isinstance(v, float) else v for v in values]
    return Axis(field, tuple(values))


def axis_text(axis: Axis) -> str:
    """``FIELD=A,B,C``: what parse_axis reads back as ``axis``."""
    return f"{axis.field}=" + ",".join(repr(v) if isinstance(v, float) else str(v)
                                       for v in axis.values)


@dataclass(frozen=True)
class SweepSpec:
    base: ExperimentConfig      # its first run is the network swept
    axes: tuple                 # Axis, Axis, ...
    seeds: int = 1

    def cells(self) -> list[tuple]:
        out = [()]
        for axis in self.axes:
            out = [c + (v,) for c in out for v in axis.values]
        return out

    def tasks(self) -> list[tuple]:
        """(cell values, seed) of every run, seeds innermost."""
        return [(cell, self.base.seed + k) for cell in self.cells() for k in range(self.seeds)]

    def to_dict(self) -> dict:
        return {"schema": SWEEP_SCHEMA, "base": self.base.to_dict(),
                "axes": [{"field": a.field, "values": list(a.values)} for a in self.axes],
                "seeds": self.seeds}

    @classmethod
    def from_dict(cls, d: dict) -> "SweepSpec":
        return cls(ExperimentConfig.from_dict(d["base"]),
                   tuple(Axis(a["field"], tuple(a["values"])) for a in d["axes"]),
                   int(d["seeds"]))


def make_spec(base: ExperimentConfig, axes, seeds: int = 1) -> SweepSpec:
    """A checked spec: every axis value validates (a bad value fails here, before any run,
    with the config's one-line message)."""
    spec = SweepSpec(base.replace(runs=base.runs[:1]), tuple(axes), seeds)
    n = len(spec.cells()) * seeds
    if n > MAX_CELLS:
        raise SweepError(BAD_COUNT, " × ".join(a.field for a in axes), n, MAX_CELLS)
    for axis in spec.axes:
        if axis.field == "sigma_w2":
            scheme = base.runs[0].init.scheme
            if scheme not in SIGMA_SCHEMES and all(a.field != "init.scheme" for a in axes):
                raise SweepError(BAD_SIGMA, "sigma_w2", ", ".join(SIGMA_SCHEMES), scheme)
    # Each axis's values against the first values of the others: a bad value fails here
    # (sum, not product, of the axes' lengths: a 20 × 10 grid checks 30 configs, not 200).
    first = tuple(a.values[0] for a in spec.axes)
    for k, axis in enumerate(spec.axes):
        for v in axis.values:
            cell_config(spec, first[:k] + (v,) + first[k + 1:], base.seed)
    return spec


def cell_config(spec: SweepSpec, cell: tuple, seed: int) -> ExperimentConfig:
    """The experiment of one cell: the base with the cell's values, one run, ``seed``."""
    base = spec.base
    run = base.runs[0].to_dict()
    over: dict = {"seed": seed}
    for axis, value in zip(spec.axes, cell):
        path, fn = ALIASES.get(axis.field, (axis.field, None))
        value = fn(value) if fn else value
        part, _, name = path.partition(".")
        if path == "seed":
            over["seed"] = int(value) + (seed - base.seed)
        elif part == "init":
            run["init"][name] = value
        else:
            over.setdefault(part, {})[name] = value
            if part in run:            # the run's own setting must not hide the axis
                run[part].pop(name, None)
    over["runs"] = [run]
    return merge(base, over)


@lru_cache(maxsize=4)
def _dataset(data_json: str, seed: int, output: str):
    from .data import load_dataset
    return load_dataset(DataConfig.from_dict(json.loads(data_json)), seed, output)


def _ratio(last: float, first: float) -> float | None:
    if not (first > 0 and last > 0 and math.isfinite(first) and math.isfinite(last)):
        return None
    return math.log10(last / first)


def run_cell(config_json: str) -> dict:
    """Run one cell's experiment (given as JSON, so any process or machine can take it) and
    return its numbers. Data sets are cached per process."""
    from .runner import run_experiment
    config = ExperimentConfig.from_json(config_json)
    data = _dataset(json.dumps(config.data.to_dict(), sort_keys=True),
                    config.seed if config.data.name == "normal" else 0, config.network.output)
    first = last = None
    for snap in run_experiment(config, snapshot_seconds=math.inf, data=data):
        if snap.layers is not None:
            first = first or snap
            last = snap
    layers, end = first.layers, last
    row = {
        "log10_activation_ratio": _ratio(layers[-1].activation_std, layers[0].activation_std),
        "log10_gradient_ratio": _ratio(layers[-1].gradient_std, layers[0].gradient_std),
        "saturated": sum(l.saturated_fraction for l in layers) / len(layers),
        "dead": sum(l.dead_fraction for l in layers) / len(layers),
        "val_loss": None, "val_accuracy": None, "diverged": end.diverged_at is not None,
        "steps": end.step,
    }
    if config.train.steps > 0 and end.diverged_at is None and len(end.val_losses):
        row["val_loss"] = float(end.val_losses[-1])
        row["val_accuracy"] = float(end.val_accuracies[-1])
    for k in ("log10_activation_ratio", "log10_gradient_ratio", "saturated", "dead",
              "val_loss", "val_accuracy"):  # plain floats (CSV, JSON, pickling), no inf/NaN
        row[k] = None if row[k] is None or not math.isfinite(row[k]) else float(row[k])
    return row


def summarize(spec: SweepSpec, rows: dict) -> list[dict]:
    """Per cell, the mean of each metric over the seeds that have it (``diverged``: the share
    of seeds that diverged), and how many seeds are in."""
    out = []
    for cell in spec.cells():
        got = [rows[(cell, s)] for c, s in spec.tasks() if c == cell and (c, s) in rows]
        entry = {a.field: v for a, v in zip(spec.axes, cell)}
        entry["seeds_done"] = len(got)
        for m in METRICS:
            vals = [float(r[m]) for r in got if r.get(m) is not None]
            entry[m] = sum(vals) / len(vals) if vals else None
        out.append(entry)
    return out

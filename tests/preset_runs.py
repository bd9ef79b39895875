"""Running a preset for its tests: the result document and each run's first and last full
snapshot (bundled MNIST, so every machine sees the same images)."""
from __future__ import annotations

import math

import numpy as np

from initviz.engine.config import merge
from initviz.engine.presets import get
from initviz.engine.result import ResultCollector
from initviz.engine.runner import run_experiment

SEEDS = (0, 1, 2)
LN2, LN10 = math.log(2), math.log(10)

def run(key: str, seed: int = 0, **over):
    """Run preset ``key`` (bundled MNIST, the given seed, parts overridden as in ``merge``).
    Returns the result document and the last snapshot of each run."""
    over = {**over, "data": {"source": "bundled", **over.get("data", {})}}
    cfg = merge(get(key).config, {**over, "seed": seed})
    collector = ResultCollector(cfg, key)
    last, first = {}, {}
    for snap in run_experiment(cfg, snapshot_seconds=1e9):
        collector.add(snap)
        if snap.layers is not None:
            first.setdefault(snap.run_index, snap)
        last[snap.run_index] = snap
    doc = collector.document()
    for r in doc["runs"]:
        assert r["final"], f"{key}: run {r['label']} never finished"
    return doc, first, last


def by_label(doc) -> dict:
    return {r["label"]: r for r in doc["runs"]}


def stat(run_doc, name, when="at_init") -> np.ndarray:
    return np.array([layer[name] for layer in run_doc[when]], dtype=float)


def final(run_doc, name):
    return run_doc["final"][name]


def losses(run_doc) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in run_doc["history"]["train_loss"]])

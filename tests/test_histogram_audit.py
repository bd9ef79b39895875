"""Issue #10's done-when figures on shortened runs of every preset (benchmarks/histogram_audit.py
reports them at full length): no histogram of an unbounded quantity holds more than 2 % of its
values in an end bin, and at most 2 % of the layer pictures are narrow (the widest run's
central 98 % in fewer than 10 bins), each of them a sigmoid collapsed on its natural range or a
true point mass named here."""
import importlib.util
from pathlib import Path

import pytest

from initviz.engine.config import merge
from initviz.engine.presets import PRESETS
from initviz.engine.result import ResultCollector
from initviz.engine.runner import run_experiment

_spec = importlib.util.spec_from_file_location(
    "histogram_audit", Path(__file__).parents[1] / "benchmarks" / "histogram_audit.py")
audit_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(audit_module)

# All-equal weights are one value; with all of a layer's weights equal, every unit of the layer
# below gets the same gradient, and for the last hidden layer that gradient is f'(u)·Σ(p − y)
# = 0 up to rounding: one bar.
POINT_MASSES = {("mnist-zeros-vs-ones", "weight"), ("mnist-zeros-vs-ones", "gradient")}
# A sigmoid started with N(0, 0.01) weights sits at 0.5: narrow on its natural range [0, 1] is
# the lesson of the preset, not a range that hides it.
COLLAPSED = {("act-sigmoid-std001", "activation")}


@pytest.fixture(scope="module")
def audits():
    out = {}
    for key, preset in PRESETS.items():
        cfg = merge(preset.config, {"data": {"source": "bundled"}})
        cfg = cfg.replace(train=cfg.train.replace(steps=min(cfg.train.steps, 5)), runs=tuple(
            r.replace(train={k: v for k, v in r.train.items() if k != "steps"})
            for r in cfg.runs))
        collector = ResultCollector(cfg, key)
        for snap in run_experiment(cfg, snapshot_seconds=1e9):
            collector.add(snap)
        out[key] = audit_module.audit(collector.document())
    return out


def test_no_unbounded_histogram_piles_up_in_an_end_bin(audits):
    heavy = [case for a in audits.values() for case in a["end_heavy"]]
    assert sum(a["histograms"] for a in audits.values()) > 2000
    assert heavy == []


def test_narrow_pictures_are_rare_and_each_a_named_case(audits):
    narrow = [case for a in audits.values() for case in a["narrow"]]
    pictures = sum(a["pictures"] for a in audits.values())
    assert len(narrow) <= 0.02 * pictures, narrow
    for preset, when, quantity, layer, bins in narrow:
        assert (preset, quantity) in POINT_MASSES | COLLAPSED, (preset, when, quantity, layer)
    # the audit does see a point mass: all-equal weights are one bar
    assert ("mnist-zeros-vs-ones", "at_init", "weight", 1) in [c[:4] for c in narrow]

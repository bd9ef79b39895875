"""The key line says why values are exactly 0, and the reason is the one in the numbers:
review 15 found residual-deep's "exact zeros" on sigmoid gradients and activation-compare's
"zeros 50 %" on every maxout plot unexplained."""
from __future__ import annotations

import numpy as np

from initviz.engine.presets import get
from initviz.engine.runner import RunState
from initviz.engine.data import load_dataset
from initviz.engine.shared_batches import SharedBatches
from test_histogram_notes import drawn_at_start

SIGMOID = "sigmoid units at exactly 0 or 1 in float32 have slope 0"
RELU = "switched-off ReLU units pass no gradient"
MAXOUT = "the maxout pieces not picked get no gradient"


def probe(key, run):
    cfg = get(key).config
    cfg = cfg.replace(data=cfg.data.replace(source="bundled"))
    r = RunState(cfg, run, load_dataset(cfg.data, cfg.seed, cfg.network.output))
    r._shared = SharedBatches()
    for _ in r.initialize():
        pass
    return r.probe(), r.net


def key_line(pane) -> str:
    return pane.legend.text().replace("&nbsp;", " ")


def test_residual_deeps_zero_gradients_are_sigmoid_units_at_exactly_0_or_1(qtbot):
    raw, _ = probe("residual-deep", 1)
    zeros = 0
    for g, a in zip(raw["grad"], raw["act"]):
        z = g == 0
        assert np.all((a[z] == 0) | (a[z] == 1))           # every zero: a flat sigmoid
        zeros += int(z.sum())
    assert zeros > 0
    plain, _ = probe("residual-deep", 0)
    assert not any(np.any(g == 0) for g in plain["grad"])
    pane = drawn_at_start(qtbot, "residual-deep", "gradient", {"train": {"steps": 0}})
    text = key_line(pane)
    # the notes in the plots ("zeros n %") or, where they find no room, in the key line
    assert ("exact zeros" in text or "zeros n %" in text) and f"zeros: {SIGMOID}" in text, text
    assert RELU not in text and MAXOUT not in text


def test_activation_compares_zero_gradients_are_relu_and_maxout_ones(qtbot):
    labels = [r.label for r in get("activation-compare").config.runs]
    relu, maxout = labels.index("ReLU"), next(i for i, lab in enumerate(labels)
                                              if lab.startswith("maxout"))
    raw, net = probe("activation-compare", relu)
    for g, u in zip(raw["grad"], raw["pre"]):
        assert np.all(g[u <= 0] == 0) and np.any(u <= 0)  # off units: no gradient
    raw, net = probe("activation-compare", maxout)
    for g in raw["grad"]:                                   # one piece of two picked
        assert np.mean(g == 0) == (net.pieces - 1) / net.pieces
    pane = drawn_at_start(qtbot, "activation-compare", "gradient")
    text = key_line(pane)
    assert RELU in text and MAXOUT in text and SIGMOID not in text, text


def test_relu_zero_activations_and_tanh_zero_gradients_say_theirs(qtbot):
    labels = [r.label for r in get("act-tanh-compare").config.runs]
    raw, _ = probe("act-tanh-compare", labels.index("N(0, 1)"))
    flat = 0
    for g, a in zip(raw["grad"], raw["act"]):
        assert np.all(np.abs(a[g == 0]) == 1)               # every zero: tanh at exactly ±1
        flat += int(np.sum(g == 0))
    pane = drawn_at_start(qtbot, "act-tanh-compare", "gradient")
    assert ("zeros: tanh units at exactly ±1 in float32 have slope 0" in key_line(pane)) == \
        (flat > 0), key_line(pane)
    raw, _ = probe("act-relu-compare", 1)
    for a, u in zip(raw["act"], raw["pre"]):
        assert np.array_equal(a == 0, u <= 0)
    pane = drawn_at_start(qtbot, "act-relu-compare", "activation")
    assert "zeros: ReLU units switched off (input below 0)" in key_line(pane), key_line(pane)

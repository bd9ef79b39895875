"""Presets whose text is about the start open that pane at the start, step 0 (Preset.at_start;
the user can untick "At the start"), and what the text says of the start is checked on the
histograms the pane draws then: hist_view.pane_view of the first snapshot, with the range
choices the pane opens with (no Qt). That the window opens ticked and follows the box is
tests/ui/test_at_the_start.py."""
from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest

from initviz.engine.hist_view import common_bound, pane_view
from initviz.engine.presets import PRESETS, get
from initviz.engine.presets.preset import START_VIEWS

from preset_runs import SEEDS, run

TABS = {"activations": "Activations", "gradients": "Gradients", "weights": "Weights",
        "depth": "Depth"}


def test_at_start_names_only_panes_that_can_show_the_start():
    assert all(set(p.at_start) <= set(START_VIEWS) for p in PRESETS.values())
    with pytest.raises(ValueError, match="at_start"):
        dataclasses.replace(get("mnist-normal-vs-truncated"), at_start=("loss",))
    assert {k for k, p in PRESETS.items() if p.at_start} == {
        "mnist-normal-vs-truncated", "mnist-uniform-vs-normal", "batchnorm-rescue",
        "he-vs-xavier-deep", "edge-of-chaos-tanh", "residual-deep", "exploding-clipping"}


@pytest.mark.parametrize("key", sorted(PRESETS))
def test_a_text_says_which_pane_opens_at_the_start(key):
    """The text and the data agree: "The Weights tab opens at the start" where, and only
    where, the preset opens it so; no text still asks to tick the box after training."""
    p = get(key)
    said = set()      # "The Depth tab opens at the start", "The Depth and Gradients tabs open…"
    for one, two in re.findall(r"The (\w+)(?: and (\w+))? tabs? opens? at the start", p.look):
        said |= {one, two} - {""}
    assert said == {TABS[view] for view in p.at_start}, key
    assert "untick “At the start”" in p.look if p.at_start else "At the start" not in p.look
    assert "tick “At the start”" not in p.look.replace("untick “At the start”", "")


def start_view(key: str, field: str, seed: int):
    """The pane that draws ``field`` as preset ``key`` opens it at the start, and the labels."""
    preset = get(key)
    doc, first, _ = run(key, seed, train={"steps": 0})
    layers = [first[i].layers for i in sorted(first)]
    shared, axis = preset.hist_default(field)
    view = pane_view(layers, field, shared=shared, axis=axis,
                     bounded=common_bound(ls[0].activation_range for ls in layers))
    return view, [r["label"] for r in doc["runs"]]


def shares(lv, i):
    """Bin centres and run i's drawn bars as shares of all its values."""
    rv = lv.runs[i]
    return (lv.edges[1:] + lv.edges[:-1]) / 2, rv.share(rv.counts)


@pytest.mark.parametrize("seed", SEEDS)
def test_normal_vs_truncated_weights_at_the_start(seed):
    """'the normal has thin tails beyond ±0.2, while the truncated normal stops sharply at two
    standard deviations' (σ = 0.1)."""
    view, labels = start_view("mnist-normal-vs-truncated", "weight", seed)
    normal, cut = labels.index("N(0, 0.1)"), labels.index("truncated N(0, 0.1), 2σ cut")
    assert view.axis == "linear"
    for lv in view.layers:
        x, p = shares(lv, normal)
        beyond = np.abs(x) > 0.2 + (lv.edges[1] - lv.edges[0])
        assert lv.edges[-1] > 0.25 and 0.02 < p[beyond].sum() < 0.06       # thin tails
        x, p = shares(lv, cut)
        assert p[beyond].sum() == 0 and lv.runs[cut].above == lv.runs[cut].below == 0
        assert p[np.abs(x) < 0.2].sum() > 0.99                             # stops sharply


@pytest.mark.parametrize("seed", SEEDS)
def test_uniform_vs_normal_weights_at_the_start(seed):
    """'a flat histogram for the uniform and a bell for the normal' (both of scale 0.1)."""
    view, labels = start_view("mnist-uniform-vs-normal", "weight", seed)
    uniform, normal = labels.index("U[−0.1, 0.1)"), labels.index("N(0, 0.1)")
    for lv in view.layers:
        w = lv.edges[1] - lv.edges[0]
        x, p = shares(lv, uniform)
        inside = p[np.abs(x) < 0.1 - w]
        assert inside.max() < 1.15 * inside.min()                       # flat ...
        assert p[np.abs(x) > 0.1 + w].sum() == 0                        # ... with hard edges
        x, p = shares(lv, normal)
        middle, flank = p[np.abs(x) < 0.02].mean(), p[np.abs(np.abs(x) - 0.15) < 0.02].mean()
        assert middle > 2.5 * flank                                     # a bell


@pytest.mark.parametrize("seed", SEEDS)
def test_batchnorm_rescue_plain_activations_at_the_start(seed):
    """'N(0, 1) piles most sigmoid outputs at 0 and 1, and N(0, 0.01) squeezes every layer
    into a spike at 0.5' (the sigmoid's range, 0 to 1)."""
    view, labels = start_view("batchnorm-rescue", "activation", seed)
    big, tiny = labels.index("N(0, 1)"), labels.index("N(0, 0.01)")
    assert view.axis == "linear"
    assert (view.layers[0].edges[0], view.layers[0].edges[-1]) == (0, 1)
    for lv in view.layers:
        x, p = shares(lv, big)
        assert p[(x < 0.1) | (x > 0.9)].sum() > 0.6
        x, p = shares(lv, tiny)
        assert p[np.abs(x - 0.5) < 0.1].sum() > 0.99 and p[np.abs(x - 0.5) < 0.04].sum() > 0.5

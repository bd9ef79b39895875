"""Presets whose text describes a histogram picture open that view on the axis that shows it
(Preset.hist_axes), checked on the histograms the pane draws (hist_view.pane_view; no Qt):
act-relu-compare's "spike at 0" and narrowing on the linear axis, act-tanh-compare's
"shrinks tenfold per layer" on the log₁₀|x| axis."""
from __future__ import annotations

import numpy as np
import pytest

from initviz.engine.hist_view import common_bound, pane_view
from initviz.engine.presets import get

from preset_runs import run

SEEDS = (0, 1, 2, 3, 4)


def drawn(key: str, seed: int):
    """The Activations pane's view of preset ``key`` as it opens, and the run labels."""
    preset = get(key)
    _, _, last = run(key, seed)
    snaps = [last[i] for i in sorted(last)]
    layers = [s.layers for s in snaps]
    shared, axis = preset.hist_default("activation")
    view = pane_view(layers, "activation", shared=shared, axis=axis,
                     bounded=common_bound(ls[0].activation_range for ls in layers))
    return view, [s.label for s in snaps]


def centres_shares(lv, i):
    rv = lv.runs[i]
    shares = rv.share(rv.counts)
    return (lv.edges[1:] + lv.edges[:-1]) / 2, shares / shares.sum()


def spread(lv, i) -> float:
    x, p = centres_shares(lv, i)
    mean = float(np.sum(p * x))
    return float(np.sqrt(np.sum(p * (x - mean) ** 2)))


@pytest.mark.parametrize("seed", SEEDS)
def test_act_relu_compare_activations_show_the_spike_and_the_narrowing(seed):
    view, labels = drawn("act-relu-compare", seed)
    assert view.axis == "linear"
    tiny, xavier, he = (labels.index(k) for k in ("N(0, 0.01)", "Xavier N(0, 1/√n)",
                                                  "He N(0, √(2/n))"))
    for lv in view.layers[1:]:        # from layer 2: the tiny start is one bar at 0
        x, p = centres_shares(lv, tiny)
        k = int(np.argmax(p))
        assert p[k] > 0.95 and lv.edges[k] <= 0 < lv.edges[k + 1] + 1e-12
    xs = [spread(lv, xavier) for lv in view.layers]
    hs = [spread(lv, he) for lv in view.layers]
    assert all(b < a for a, b in zip(xs, xs[1:]))           # Xavier narrows layer by layer
    assert xs[-1] < 0.45 * xs[0]                             # (1/√2)⁴ = 0.25
    assert 0.6 < hs[-1] / hs[0] < 1.6                        # He keeps its width


@pytest.mark.parametrize("seed", SEEDS)
def test_act_tanh_compare_activations_show_the_tenfold_shrinking(seed):
    view, labels = drawn("act-tanh-compare", seed)
    assert view.axis == "magnitude"
    tiny = labels.index("N(0, 0.01)")
    where = []                      # the drawn histogram's middle, in decades of |x|
    for lv in view.layers:
        x, p = centres_shares(lv, tiny)
        where.append(float(np.sum(p * x)))
    steps = np.diff(where)
    assert np.all((-1.3 < steps) & (steps < -0.7)), where   # about tenfold per layer

"""Presets whose text describes a histogram picture open that view on the axis and range that
show it (Preset.hist_axes, Preset.hist_shared), checked on the histograms the pane draws
(hist_view.pane_view; no Qt): act-relu-compare's "spike at 0" and narrowing on the linear axis,
act-tanh-compare's "shrinks tenfold per layer" on the log₁₀|x| axis, and the gradients that
shrink or keep their size from layer to layer (glorot-gradients, xavier-gain-table,
activation-compare, residual-deep) on one range for all layers, where the histogram's place
in its column moves as the text says."""
from __future__ import annotations

import numpy as np
import pytest

from initviz.engine.hist_view import common_bound, pane_view
from initviz.engine.presets import get

from preset_runs import run

SEEDS = (0, 1, 2, 3, 4)


def drawn(key: str, seed: int, **over):
    """The Activations pane's view of preset ``key`` as it opens, and the run labels."""
    preset = get(key)
    _, _, last = run(key, seed, **over)
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
    big, xavier = labels.index("N(0, 1)"), labels.index("Xavier N(0, 1/√n)")
    middle = []
    for lv in view.layers:
        x, p = centres_shares(lv, big)
        assert p[x > -0.25].sum() > 0.9            # a spike at |x| ≈ 1: above 0.56
        x, p = centres_shares(lv, xavier)
        middle.append(float(np.sum(p * x)))
    # within a decade below 1, drifting left only slowly
    assert all(-1 < m < -0.2 for m in middle) and -0.6 < middle[-1] - middle[0] < -0.2, middle


# -- Gradients: one range for all layers, so "shrinks layer by layer" is where the bars are ----
def gradients_at_start(key: str, seed: int):
    """The Gradients pane's view of preset ``key`` at the start, as it opens."""
    preset = get(key)
    doc, first, _ = run(key, seed, train={"steps": 0})
    layers = [first[i].layers for i in sorted(first)]
    shared, axis = preset.hist_default("gradient")
    view = pane_view(layers, "gradient", shared=shared, axis=axis)
    return view, [r["label"] for r in doc["runs"]]


def middle(lv, i) -> float:
    """Where run i's drawn bars have half their values on either side (decades of |x| on the
    magnitude axis): the histogram's place in its column."""
    rv = lv.runs[i]
    bars = rv.counts if rv.negative is None else rv.counts + rv.negative
    cum = np.cumsum(bars)
    return float(np.interp(cum[-1] / 2, cum, lv.edges[1:]))


def between(lv, i, lo: float, hi: float) -> float:
    """Decades between the ``lo`` and ``hi`` quantiles of run i's drawn bars."""
    rv = lv.runs[i]
    bars = rv.counts if rv.negative is None else rv.counts + rv.negative
    cum = np.cumsum(bars)
    a, b = np.interp([lo * cum[-1], hi * cum[-1]], cum, lv.edges[1:])
    return float(b - a)


def one_range(view) -> bool:
    return view.shared and all(np.array_equal(lv.edges, view.layers[0].edges)
                               for lv in view.layers)


@pytest.mark.parametrize("seed", SEEDS)
def test_xavier_gain_table_gradients_move_left_toward_layer_1(seed):
    """'the plain sigmoid's gradient gets several times smaller at each layer on its way back
    to layer 1, while the ×4 runs keep far more of it'."""
    view, labels = gradients_at_start("xavier-gain-table", seed)
    assert one_range(view) and view.axis == "magnitude"
    for form in ("uniform", "normal"):
        plain = [middle(lv, labels.index(f"sigmoid, Xavier {form}")) for lv in view.layers]
        four = [middle(lv, labels.index(f"sigmoid, Xavier {form} ×4")) for lv in view.layers]
        assert np.all(np.diff(plain) > np.log10(2)), plain          # > 2-fold a layer
        assert four[0] - plain[0] > 1.5                               # 30-fold more at layer 1
        assert four[-1] - four[0] < 0.5 * (plain[-1] - plain[0])


@pytest.mark.parametrize("seed", SEEDS)
def test_activation_compare_gradients_sigmoid_shrinks_relu_keeps(seed):
    """'the sigmoid's gradient shrinks fastest, about 3-fold per layer, while ReLU's and
    leaky ReLU's keep their size from top to bottom ... maxout's [grows] about 20-fold'."""
    view, labels = gradients_at_start("activation-compare", seed)
    assert one_range(view) and view.axis == "magnitude"
    at = {name: [middle(lv, labels.index(name)) for lv in view.layers]
          for name in ("sigmoid", "ReLU", "maxout (2 pieces)")}
    steps = np.diff(at["sigmoid"])
    assert np.all(steps > 0.2) and 0.35 < steps.mean() < 0.65, at["sigmoid"]   # about 3-fold
    assert np.ptp(at["ReLU"]) < 0.3
    assert 0.9 < at["maxout (2 pieces)"][0] - at["maxout (2 pieces)"][-1] < 1.8      # ~20-fold


@pytest.mark.parametrize("seed", SEEDS)
def test_activation_compare_leaky_relu_gradients_have_two_humps_two_decades_apart(seed):
    """'Leaky ReLU's has two humps two decades apart: negative inputs pass back 0.01.' In
    every layer, on the drawn bars."""
    view, labels = gradients_at_start("activation-compare", seed)
    leaky = labels.index("leaky ReLU")
    for lv in view.layers:
        rv = lv.runs[leaky]
        bars = (rv.counts if rv.negative is None else rv.counts + rv.negative).astype(float)
        x, p = (lv.edges[1:] + lv.edges[:-1]) / 2, bars / bars.sum()
        top = int(np.argmax(p))
        other = int(np.argmax(np.where(np.abs(x - x[top]) > 1.2, p, 0)))
        assert 1.75 < abs(x[top] - x[other]) < 2.25, (x[top], x[other])
        for k in (top, other):                        # each hump holds a good third or more
            assert p[np.abs(x - x[k]) <= 0.5].sum() > 0.3, p[np.abs(x - x[k]) <= 0.5].sum()


@pytest.mark.parametrize("seed", SEEDS)
def test_residual_deep_plain_gradient_slides_many_decades(seed):
    """'the plain network's gradient shrinks by many orders of magnitude on the way down ...
    while the residual network's gradient stays usable in every layer'."""
    view, labels = gradients_at_start("residual-deep", seed)
    assert one_range(view) and view.axis == "magnitude"
    plain = [middle(lv, labels.index("plain")) for lv in view.layers]
    residual = [middle(lv, labels.index("residual")) for lv in view.layers]
    assert np.all(np.diff(plain) > 0) and plain[-1] - plain[0] > 20, plain
    assert min(residual) > -12 and min(residual) - plain[0] > 20     # 10⁻³⁵ against 10⁻¹⁰ at worst
    # "the residual one's stays usable (smeared at the saturated top)" (review 13 found the
    # smear unexplained; the take-away says why the top units saturate): the central 80 % spans
    # 1.1-3.0 decades at layer 1, 12-17 at layer 50 (seeds 0-2)
    i = labels.index("residual")
    spans = [between(lv, i, 0.1, 0.9) for lv in view.layers]
    assert spans[0] < 5 and spans[-1] > 10 and max(spans[:10]) < 7, spans


@pytest.mark.parametrize("seed", SEEDS)
def test_glorot_gradients_standard_narrows_toward_layer_1(seed):
    """'with the standard rule the gradient shrinks at every layer it passes ... With the
    normalized rule it shrinks only by about a third' (a linear axis: their spreads differ
    20-fold at most)."""
    view, labels = gradients_at_start("glorot-gradients", seed)
    assert one_range(view) and view.axis == "linear"
    standard = [spread_of(lv, labels.index("standard U[−1/√n, 1/√n)")) for lv in view.layers]
    normalized = [spread_of(lv, labels.index("normalized (Xavier) U[−a, a), a = √(6/(n_in+n_out))"))
                  for lv in view.layers]
    assert np.all(np.diff(standard) > 0) and standard[-1] > 4 * standard[0], standard
    assert max(normalized) < 1.5 * min(normalized)
    # "in Gradients its histograms narrow a little and grow more peaked toward layer 1, their
    # peak about doubling, from about 4 % to 8 %" (review 8: the text said "about the same in
    # every layer" beside peaks of 4 % and 8 %)
    i = labels.index("normalized (Xavier) U[−a, a), a = √(6/(n_in+n_out))")
    peaks = [100 * float(lv.runs[i].share(lv.runs[i].counts).max()) for lv in view.layers]
    assert np.all(np.diff(normalized) > 0) and np.all(np.diff(peaks) < 0), (normalized, peaks)
    assert 3.5 <= peaks[-1] <= 5 and 7 <= peaks[0] <= 9.5, peaks
    assert 1.6 <= peaks[0] / peaks[-1] <= 2.2, peaks


def spread_of(lv, i) -> float:
    rv = lv.runs[i]
    x = (lv.edges[1:] + lv.edges[:-1]) / 2
    p = rv.counts / rv.counts.sum()
    return float(np.sqrt(np.sum(p * x ** 2) - np.sum(p * x) ** 2))


# -- the magnitude axis spends its width where the values are --------------------------------
def drawn_share(lv, i) -> float:
    """The share of run i's non-zero values that its bars hold (the rest is beyond the ends)."""
    rv = lv.runs[i]
    return float((rv.counts + rv.negative).sum() / (rv.total - rv.zeros - rv.nan - rv.inf))


@pytest.mark.parametrize("seed", (0, 1, 2))
@pytest.mark.parametrize("key, field, decades", [
    ("act-tanh-compare", "activation", 8.0),      # 10 on whole decades over 99.9 %
    ("xavier-gain-table", "gradient", 7.0)])      # 8
def test_magnitude_range_holds_98_percent_in_few_decades(key, field, decades, seed):
    """|x| of a normal reaches three decades below its spread for 99.9 % of its values, two for
    99 %: the range that held 99.9 % of every run spent a decade or two of a 105-pixel column
    (act-tanh-compare in presentation at 1280 × 720) on the thin tail of tiny values, and the
    slide of a decade per layer the text points at was 8 pixels. Now it holds at least 98 % of
    every run in every layer, within ``decades`` (one range for all layers, as the presets
    open)."""
    if field == "activation":
        view, _ = drawn(key, seed)
    else:
        view, _ = gradients_at_start(key, seed)
    assert view.axis == "magnitude" and one_range(view)
    edges = view.layers[0].edges
    assert edges[-1] - edges[0] <= decades, (edges[0], edges[-1])
    for lv in view.layers:
        for i in range(len(lv.runs)):
            assert drawn_share(lv, i) >= 0.98, (lv.layer, i)


@pytest.mark.parametrize("seed", SEEDS)
def test_exploding_clipping_gradients_grow_eightfold_toward_layer_1(seed):
    """'Five ReLU layers from N(0, 1) multiply the signal by about eight per layer, so the
    first gradients are huge': the Gradients pane opens at the start on one log₁₀|x| range,
    where the histogram moves right by about a decade a layer toward layer 1 (each layer's own
    range hid it, review 13; gradient spreads 7.2-8.5 times the next layer's, seeds 0-5)."""
    preset = get("exploding-clipping")
    assert preset.opens_at_start("gradients")
    view, labels = gradients_at_start("exploding-clipping", seed)
    assert one_range(view) and view.axis == "magnitude"
    where = [middle(lv, labels.index("no remedy")) for lv in view.layers]
    steps = -np.diff(where)
    assert np.all((np.log10(5) < steps) & (steps < np.log10(13))), where


@pytest.mark.parametrize("key,falls,level,grows", [
    ("he-vs-xavier-deep", "Xavier N(0, 1/√n)", "He N(0, √(2/n))", None),
    ("relu-critical-line", "σ_w² = 1.6", "σ_w² = 2 (He)", "σ_w² = 2.5")])
@pytest.mark.parametrize("seed", SEEDS)
def test_deep_relu_activations_slide_on_one_range(key, falls, level, grows, seed):
    """Review 15 (at the start): each layer's own range put Xavier's and He's humps the same
    distance apart in every plot while the gap grew to ~5 decades. On one range for all
    layers the too-small start slides left layer by layer (and the too-large one right),
    He's stays in place. At the start (he-vs-xavier-deep's end, after 300 batches, was
    measured too: Xavier's middle 1.4-1.5 decades lower at layer 30, seeds 0-1)."""
    view, labels = drawn(key, seed, train={"steps": 0})
    assert one_range(view) and view.axis == "magnitude"
    mid = {lab: [middle(lv, labels.index(lab)) for lv in view.layers]
           for lab in (falls, level, grows) if lab}
    assert mid[falls][-1] < mid[falls][0] - 1.2, mid[falls]
    assert abs(mid[level][-1] - mid[level][0]) < 0.8, mid[level]
    if grows:
        assert mid[grows][-1] > mid[grows][0] + 0.8, mid[grows]


@pytest.mark.parametrize("seed", SEEDS)
def test_mnist_uniform_signs_activations_grow_apart_on_one_range(seed):
    """"the signals stay much smaller than with all-positive weights": on one log10|x| range
    U[0, 1)'s activations move 2 decades right from layer 1 to layer 2 and U[−1, 1)'s less
    than one, ending 2 decades below (per layer, both sat alike in each plot: review 15)."""
    for steps in (0, None):
        view, labels = drawn("mnist-uniform-signs", seed,
                             **({"train": {"steps": 0}} if steps == 0 else {}))
        assert one_range(view) and view.axis == "magnitude"
        pos, centred = ([middle(lv, labels.index(lab)) for lv in view.layers]
                        for lab in ("U[0, 1)", "U[−1, 1)"))
        assert pos[1] - pos[0] > 1.5 and centred[1] - centred[0] < 1.0, (pos, centred)
        assert pos[1] - centred[1] > 2.0, (pos, centred)

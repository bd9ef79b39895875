"""Which overlaid runs hide each other, and when each run gets its own row (engine/hist_overlap,
no Qt), on hand-made histograms and on the presets whose pictures hid a run."""
import numpy as np
import pytest

from initviz.engine.hist_overlap import (HIDDEN, MAX_OVERLAID, coinciding, hidden_share,
                                         rows_by_default, smeared)
from initviz.engine.hist_view import LayerView, PaneView, RunView, common_bound, pane_view
from initviz.engine.presets import get
from preset_runs import run


def rv(counts, zeros=0, negative=None, std=1.0):
    counts = np.asarray(counts, float)
    neg = None if negative is None else np.asarray(negative, float)
    total = int(counts.sum() + zeros + (0 if neg is None else neg.sum()))
    return RunView(counts, zeros, 0, 0, total, neg, std=std)


def view_of(*runs):
    edges = np.arange(len(runs[0].counts) + 1, dtype=float)
    return PaneView("gradient", "linear", False, (LayerView(1, "linear", edges, runs),))


def test_hidden_share_measures_how_much_of_a_curve_lies_under_another():
    a = rv([0, 10, 30, 10, 0])
    assert hidden_share(a, a) == 1.0
    assert hidden_share(a, rv([0, 0, 0, 0, 50])) == 0.0                 # drawn elsewhere
    assert hidden_share(rv([0, 5, 15, 5, 0], zeros=25), rv([0, 10, 30, 10, 0])) == \
        pytest.approx(0.5)                                             # half as tall
    # ReLU under leaky ReLU: leaky's active part has ReLU's bars; its extra bump (the
    # inactive units' tiny gradients) is its own. Exact zeros are not drawn.
    relu = rv([0, 0, 0, 10, 30, 10], zeros=50)
    leaky = rv([10, 30, 10, 10, 30, 10])
    assert hidden_share(relu, leaky) == 1.0 and hidden_share(leaky, relu) == pytest.approx(0.5)
    assert coinciding(view_of(relu, leaky), 2) == {1: (0, False)}
    assert coinciding(view_of(a, a), 2) == {1: (0, True)}
    # A run beside the pair does not coincide with either.
    assert coinciding(view_of(relu, leaky, rv([40, 10, 0, 0, 0, 0])), 3) == {1: (0, False)}
    # Covered, but with a spread 12 % apart (a truncated normal under its normal): not the
    # same; within 5 % it is. Unknown spreads (overflow) count only when exactly equal.
    normal, cut = rv([2, 10, 30, 10, 2]), rv([0, 11, 33, 11, 0])
    assert coinciding(view_of(normal, cut), 2) == {1: (0, False)}
    assert coinciding(view_of(normal, rv([0, 11, 33, 11, 0], std=0.88)), 2) == {}
    assert coinciding(view_of(normal, rv([0, 11, 33, 11, 0], std=1.04)), 2) == {1: (0, False)}
    assert coinciding(view_of(rv([1, 2], std=np.nan), rv([1, 2], std=np.nan)), 2) == \
        {1: (0, True)}
    assert coinciding(view_of(rv([1, 2], std=np.nan), rv([1, 2.1], std=np.nan)), 2) == {}


def test_magnitude_axis_counts_the_bars_below_the_line():
    up = rv([0, 10, 30], negative=[30, 10, 0])
    flipped = rv([30, 10, 0], negative=[0, 10, 30])
    assert hidden_share(up, up) == 1.0
    assert hidden_share(up, flipped) == pytest.approx(20 / 80)


def test_rows_when_a_run_is_a_smear_or_too_many_runs_share_a_plot():
    spike, broad = rv([0, 0, 90, 0, 0]), rv([8, 10, 12, 10, 8])
    assert smeared(view_of(spike, broad), 2) == []                 # 90 % in one bar: clipped
    tall = rv([0, 30, 40, 30, 0])
    assert smeared(view_of(tall, broad), 2) == []                  # 40 vs 12: not a smear
    towering = rv([0, 45, 50, 45] + [0] * 16)                     # 36 % at the top
    flat = rv([5] * 20)                                            # 5 % in every bar
    assert smeared(view_of(towering, flat), 2) == [1] and rows_by_default(
        view_of(towering, flat), 2)
    shapes = [rv(np.roll([5, 20, 40, 20, 5, 0, 0, 0, 0, 0, 0, 0], 2 * k)) for k in range(6)]
    for n in range(2, 7):
        assert rows_by_default(view_of(*shapes[:n]), n) == (n > MAX_OVERLAID)
    # Runs that coincide count once: two pairs of twins are two runs to tell apart.
    twins = [shapes[0], shapes[0], shapes[1], shapes[1], shapes[2]]
    assert not rows_by_default(view_of(*twins), 5)


def _views(key, seed=0, **over):
    """The panes' views of preset ``key`` as they open (its shared ranges and axes)."""
    doc, _, last = run(key, seed, **over)
    stats = [last[i].layers for i in sorted(last)]
    bound = common_bound(ls[0].activation_range for ls in stats)
    labels = [r["label"] for r in doc["runs"]]
    preset = get(key)
    return labels, {name: pane_view(stats, name, bounded=bound,
                                    shared=preset.hist_default(name)[0],
                                    axis=preset.hist_default(name)[1])
                    for name in ("activation", "preactivation", "gradient", "weight")}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_truncated_normal_is_not_named_the_same_as_its_normal(seed):
    """Its bars lie under the bell's middle, but the lesson is that it differs (σ 0.88 vs 1):
    no "≈ N(0, 1)" in the legend. Runs that are the same picture still are named."""
    for key, cut, bell in (("distributions", "truncated N(0, 1), 2σ cut", "N(0, 1)"),
                           ("mnist-normal-vs-truncated", "truncated N(0, 0.1), 2σ cut",
                            "N(0, 0.1)")):
        labels, views = _views(key, seed, train={"steps": 0})
        j, i = labels.index(cut), labels.index(bell)
        for view in views.values():
            assert j not in coinciding(view, len(labels)), (key, view.field)
        w = views["weight"]      # covered, yet not the same
        assert all(hidden_share(lv.runs[j], lv.runs[i]) >= HIDDEN for lv in w.layers)
        assert all(lv.runs[j].std < 0.92 * lv.runs[i].std for lv in w.layers)
    labels, views = _views("batchnorm-rescue", seed, train={"steps": 0})
    a, b = labels.index("N(0, 1) + batch norm"), labels.index("N(0, 0.01) + batch norm")
    assert coinciding(views["activation"], len(labels)).get(b) == (a, False)


def test_activation_compare_relu_is_named_under_leaky_relu():
    """Gradients tab: ReLU's drawn histogram lies under leaky ReLU's (more than HIDDEN of it
    in every layer), though the two differ by more than 0.3 points in some bars."""
    labels, views = _views("activation-compare")
    view = views["gradient"]
    relu, leaky = labels.index("ReLU"), labels.index("leaky ReLU")
    assert coinciding(view, len(labels)) == {leaky: (relu, False)}
    for lv in view.layers:
        a, b = lv.runs[relu], lv.runs[leaky]
        assert hidden_share(a, b) >= HIDDEN
        assert np.max(np.abs(a.counts / a.total - b.counts / b.total)) > 0.003


def test_xavier_gain_table_and_sigmoid_compare_get_rows():
    labels, views = _views("xavier-gain-table", train={"steps": 0})
    assert len(labels) == 6 and rows_by_default(views["gradient"], 6)
    labels, views = _views("act-sigmoid-compare")
    # Xavier's broad histogram is a flat line under N(0, 0.01)'s spike in every layer.
    assert smeared(views["activation"], 3) == [1, 2, 3, 4, 5]
    assert rows_by_default(views["activation"], 3)


@pytest.mark.parametrize("key", ["mnist-general-rule", "he-vs-xavier-deep", "finite-width",
                                 "distributions"])
def test_comparable_runs_stay_overlaid(key):
    labels, views = _views(key, train={"steps": 0})
    for view in views.values():
        assert not rows_by_default(view, len(labels)), view.field

"""The histogram panes draw what hist_view.pane_view gives, keep exact zeros out of the y scale,
and draw enormous and non-finite values (a state to show, not an error)."""
import numpy as np
import pytest

from initviz.engine.config import DataConfig, ExperimentConfig, InitConfig, NetworkConfig, RunSpec
from initviz.engine.histograms import fine_histogram
from initviz.engine.runner import run_experiment
from initviz.ui.panes.histogram_items import shown_layers
from initviz.ui.panes.histogram_pane import HistogramPane

from helpers import histories, snapshot


def test_exact_zeros_are_a_number_not_the_y_scale(qtbot):
    import dataclasses
    rng = np.random.default_rng(3)
    x = np.maximum(rng.normal(0, 1, 20000), 0).astype(np.float32)
    x[rng.random(x.size) < 0.8] = 0                   # 90 % exact zeros (dead units)
    s = snapshot(n_layers=2)
    layers = tuple(dataclasses.replace(la, activation_hist=fine_histogram(x)) for la in s.layers)
    hs = histories(dataclasses.replace(s, layers=layers))
    pane = HistogramPane("activation")
    qtbot.addWidget(pane)
    pane.draw(hs)
    _, y = pane.curves()[(0, 0)].getData()
    zeros = 100 * np.count_nonzero(x == 0) / x.size
    assert zeros > 85
    rv = pane.view_of(hs).layers[0].runs[0]
    beyond = 100 * (rv.below + rv.above) / rv.total              # at most 0.1 % a side
    assert beyond <= 0.2
    assert y.sum() == pytest.approx(100 - zeros - beyond, rel=1e-6)   # the bars: the others
    top = pane._plots[0].vb.viewRange()[1][1]
    assert top < 0.5 * zeros and top >= y.max()                 # zeros do not set the scale


def probe(network, init, samples=200):
    config = ExperimentConfig(data=DataConfig(samples=samples, features=100),
                              network=network, runs=(RunSpec("wild", init),))
    return histories(*list(run_experiment(config)))


@pytest.mark.parametrize("network,init", [
    (NetworkConfig(depth=10, width=100, activation="relu"), InitConfig("normal", std=100.0)),
    (NetworkConfig(depth=100, width=100, activation="linear"), InitConfig("normal", std=10.0)),
], ids=["relu-10x100-N(0,100)", "linear-100-layers-sigma-10"])
def test_enormous_and_non_finite_values_draw(qtbot, network, init):
    hs = probe(network, init)
    stats = hs[0].layers
    assert any(not np.isfinite(s.activation_std) or s.activation_std > 1e20 for s in stats)
    for kind in ("activation", "gradient", "weight"):
        pane = HistogramPane(kind)
        qtbot.addWidget(pane)
        for axis in ("auto", "linear", "magnitude"):
            pane.set_axis(axis)
            for shared in (False, True):
                pane.set_shared(shared)
                pane.draw(hs)                                # must not raise
                for layer in shown_layers(len(stats), 10):
                    x, y = pane.curves()[(0, layer)].getData()
                    assert np.all(np.isfinite(x)) and np.all(np.isfinite(y))
    if network.depth == 100:            # the overflow is said, with the layers it is in
        pane = HistogramPane("activation")
        qtbot.addWidget(pane)
        pane.draw(hs)
        assert any(s.activation_hist.inf for s in stats)
        assert "3.4·10³⁸" in pane.legend.text()


def test_runs_that_coincide_stay_visible(qtbot):
    import dataclasses
    a = snapshot(run_index=0, run_count=3, seed=1, label="uniform")
    b = dataclasses.replace(a, run_index=1, label="normal")         # the same numbers
    c = snapshot(run_index=2, run_count=3, seed=2, label="other")
    pane = HistogramPane("activation")
    qtbot.addWidget(pane)
    pane.draw(histories(a, b, c))
    text = pane.legend.text()
    assert "normal&nbsp;(same&nbsp;as&nbsp;uniform:&nbsp;thin&nbsp;line&nbsp;on&nbsp;top)" in text
    assert "other&nbsp;(" not in text
    under, over = pane.curves()[(0, 0)], pane.curves()[(1, 0)]
    assert over.opts["pen"].widthF() < under.opts["pen"].widthF()
    assert over.zValue() > under.zValue()
    assert pane.curves()[(2, 0)].opts["pen"].widthF() == under.opts["pen"].widthF()


def test_heat_maps_draw_what_heat_view_gives(qtbot):
    from initviz.engine.heat_view import heat_view
    from initviz.engine.presets import PRESETS
    from initviz.ui.panes.heatmap_pane import HeatmapPane
    config = PRESETS["flower-small-vs-xavier"].config
    config = config.replace(train=config.train.replace(steps=60))
    hs = histories(*run_experiment(config, snapshot_seconds=0.0, measure_at_validation=True))
    assert all(len(h.series) >= 3 for h in hs)
    pane = HeatmapPane()
    qtbot.addWidget(pane)
    for field in ("activation", "gradient"):
        pane.set_field(field)
        pane.draw(hs)
        # the title names the quantity (its buttons fold into "View ▾" in a narrow window)
        assert f"each layer's {field}s over the steps" in pane.title.text()
        expected = heat_view([h.series for h in hs], field,     # tanh: its own range [-1, 1]
                             bounded=hs[0].layers[0].activation_range)
        images = pane.images()
        assert set(images) == {(r, 0) for r in range(len(hs))}
        for (run, layer), image in images.items():
            hr = next(hl for hl in expected if hl.layer == layer + 1).runs[run]
            np.testing.assert_allclose(image.image, 100 * hr.shares.T)


def test_the_ranges_do_not_depend_on_which_run_came_first(qtbot):
    """A run's first picture may arrive before or after another's; the ranges start afresh
    when a run joins, so the picture is the same (a narrow run first had left the range
    widened with room to spare: mnist-normal-vs-truncated opened at ±0.45 or ±0.35)."""
    import dataclasses
    rng = np.random.default_rng(5)

    def snap(i, std):
        s = snapshot(run_index=i, run_count=2, n_layers=2)
        w = fine_histogram(rng.normal(0, std, 20000).astype(np.float32))
        return dataclasses.replace(s, layers=tuple(
            dataclasses.replace(la, weight_hist=w) for la in s.layers))
    narrow, wide = snap(0, 0.02), snap(1, 0.1)
    fresh, late = HistogramPane("weight"), HistogramPane("weight")
    qtbot.addWidget(fresh)
    qtbot.addWidget(late)
    late.draw(histories(narrow))                           # the narrow run alone, first
    both = histories(narrow, wide)
    late.draw(both)
    fresh.draw(both)
    for a, b in zip(late.view_of(both).layers, fresh.view_of(both).layers, strict=True):
        assert np.array_equal(a.edges, b.edges)


def test_heat_maps_span_the_whole_run_while_it_trains(qtbot):
    """The step axis is the run's from the start (the maps grow into it; a moving axis was
    re-rendered with every frame), and the colour scale moves in steps."""
    from initviz.engine.presets import PRESETS
    from initviz.ui.panes.heatmap_pane import HeatmapPane
    config = PRESETS["flower-small-vs-xavier"].config
    config = config.replace(train=config.train.replace(steps=60))
    hs = histories(*run_experiment(config, snapshot_seconds=0.0, measure_at_validation=True))
    for h in hs:
        h.total_steps = 200              # as if a third of a 200-step run had trained
    pane = HeatmapPane()
    qtbot.addWidget(pane)
    pane.draw(hs)
    for image in pane.images().values():
        (x0, x1), _ = image.getViewBox().viewRange()
        assert x0 == 0 and x1 == 200
        assert image.boundingRect().width() * image.transform().m11() == 60
        low, top = image.getLevels()
        assert low == 0 and top in {m * 10.0 ** k for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)
                                    for k in range(-3, 3)}


def test_the_y_range_holds_still_while_a_noisy_peak_wanders(qtbot):
    """Each move of a y range repaints every plot. While a run trains, a peak that wanders by
    sampling noise (the same distribution, other draws: up to a third apart) moves it at most
    twice after the first picture, and no bar is ever above the range; a peak that falls to a
    third brings it down at once; the finished run's picture fits its peak."""
    pane = HistogramPane("activation")
    qtbot.addWidget(pane)
    pane.resize(1200, 800)

    def drawn(s):
        pane.draw(histories(s))
        top = pane._plots[0].vb.viewRange()[1][1]
        return top, max(float(np.max(pane.curves()[(0, layer)].getData()[1]))
                        for layer in range(3))

    tops, peaks = zip(*(drawn(snapshot(n_layers=3, seed=k % 7, step=k + 1, total=100,
                                       stage="train")) for k in range(40)))
    assert all(top >= peak - 1e-9 for top, peak in zip(tops, peaks))
    assert max(peaks) / min(peaks) > 1.25                   # the case: the peak does wander
    moves = sum(a != b for a, b in zip(tops, tops[1:]))
    assert moves <= 2, tops
    top, peak = drawn(flattened(snapshot(n_layers=3, step=41, total=100, stage="train")))
    assert top < tops[-1] and peak <= top <= 1.35 * peak     # 1.2 room, 8 % headroom
    top, peak = drawn(snapshot(n_layers=3, step=100, total=100, stage="done"))
    assert peak <= top <= 1.1 * peak


def flattened(s):
    """``s`` with every layer's activations uniform rather than normal: lower bars."""
    import dataclasses
    rng = np.random.default_rng(0)
    layers = tuple(dataclasses.replace(
        la, activation_hist=fine_histogram(rng.uniform(-1, 1, (200, 50)))) for la in s.layers)
    return dataclasses.replace(s, layers=layers)


def test_the_magnitude_axis_mirrors_only_for_negative_values(qtbot):
    """ReLU outputs are never negative: mirrored for them, each plot's lower half stayed
    empty (review 10, mnist-uniform-signs). Gradients have both signs: mirrored."""
    hs = probe(NetworkConfig(depth=3, width=50, activation="relu"),
               InitConfig("kaiming_normal"))
    for kind, signed in (("activation", False), ("gradient", True)):
        pane = HistogramPane(kind)
        qtbot.addWidget(pane)
        pane.set_axis("magnitude")
        pane.draw(hs)
        assert pane.view_of(hs).signed == signed
        lo, hi = pane._plots[0].vb.viewRange()[1]
        assert hi > 0 and (lo == pytest.approx(-hi) if signed else lo == 0), (kind, lo, hi)
        key = pane.legend.text()
        assert ("negative below" in key) == signed and ("no negative values" in key) != signed

"""The Depth tab keeps runs whose curves coincide visible: ReLU and leaky ReLU (slope 0.01)
in activation-compare lie within 5 % of each other at every layer."""
from __future__ import annotations

import html
import re

import numpy as np

from initviz.engine.config import merge
from initviz.engine.presets import get


def test_a_run_that_coincides_with_an_earlier_one_is_named_and_drawn_thinner_on_top(
        qtbot, window):
    config = merge(get("activation-compare").config, {"data": {"source": "bundled"}})
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        window.start(config)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)
    window.draw_all()
    pane = window.panes["depth"]
    assert window.draw_guard.errors == []
    legend = pane.legend.text().replace("&nbsp;", " ")
    assert "close to ReLU" in legend and legend.count("close to") == 1   # only leaky ReLU
    items = pane.run_items()
    leaky, relu = items[3], items[2]
    for name in ("act", "grad"):
        assert leaky[name].opts["pen"].widthF() < relu[name].opts["pen"].widthF()
        assert leaky[name].zValue() > relu[name].zValue()
    assert items[0]["act"].opts["pen"].widthF() == relu["act"].opts["pen"].widthF()


def _run(qtbot, window, key, changes=None):
    config = merge(get(key).config, {"data": {"source": "bundled", "probe_samples": 200},
                                     "train": {"steps": 0}, **(changes or {})})
    window.experiment.show_config(config)
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        window.start(config)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)
    window.draw_all()
    assert window.draw_guard.errors == []
    return window.panes["depth"]


def test_every_activation_of_activation_compare_but_maxout_gets_its_band(qtbot, window):
    pane = _run(qtbot, window, "activation-compare")
    assert not pane.start_box.isEnabled()          # no training: all is the start
    acts = {h.index: window.panel.config().run_network(h.index).activation
            for h in window.histories}
    assert {"sigmoid", "tanh", "relu", "elu", "maxout"} <= set(acts.values())
    for h in window.histories:
        low, high = pane.drawn_band(h.index)
        if acts[h.index] == "maxout":
            assert low.size == 0
            continue
        assert low.size == len(h.layers) and np.all(np.isfinite(low)) and np.all(low < high)
        assert np.allclose(low, [s.predicted_low for s in h.layers])
    legend = pane.legend.text().replace("&nbsp;", " ")
    assert legend.count("no finite-width band") == 1 and "not derived for maxout" in legend
    # leaky ReLU's band is ReLU's (within 5 %): one fill in ReLU's colour, not two blended
    leaky = [i for i, a in acts.items() if a == "leaky_relu"][0]
    shown = {i: pane.band_shown(i) for i, a in acts.items()}
    assert not shown[leaky] and all(v for i, v in shown.items()
                                    if acts[i] not in ("maxout", "leaky_relu")), shown


def test_a_run_without_a_band_says_why(qtbot, window):
    pane = _run(qtbot, window, "batchnorm-rescue")
    legend = pane.legend.text().replace("&nbsp;", " ")
    assert legend.count("no finite-width band: not derived for batch norm") == 2
    bands = [pane.drawn_band(h.index)[0] for h in window.histories]
    assert bands[0].size and np.all(np.isfinite(bands[0]))      # N(0, 1): a band
    assert all(b.size == 0 for b in bands[2:])                  # batch norm: none
    assert "Hanin and Nica" in pane.view.toolTip()


def test_finite_width_bands_keep_apart(qtbot):
    """finite-width's three 90 % bands overlap: each has edges in its own colour, and the
    narrower a band the higher it lies, so a wide band's fill never covers a narrow one."""
    import numpy as np
    from initviz.engine.runner import run_experiment
    from initviz.ui.look.palette import Palette
    from initviz.ui.panes.depth_pane import DepthPane
    from helpers import histories
    config = merge(get("finite-width").config, {"data": {"source": "bundled"}})
    hs = histories(*run_experiment(config, snapshot_seconds=1e9))
    pane = DepthPane()
    qtbot.addWidget(pane)
    pane.draw(hs)
    items = pane.run_items()
    widths = []
    for h in hs:
        low, high = pane.drawn_band(h.index)
        widths.append(np.mean(np.log10(high / low)))
        for edge in ("low", "high"):
            pen = items[h.index][edge].opts["pen"]
            assert pen.color().rgb() == Palette.color(h.index).rgb() and pen.color().alpha() > 100
    assert widths[0] > widths[1] > widths[2]                      # width 32, 128, 512
    z = [items[h.index]["band"].zValue() for h in hs]
    assert z[2] > z[1] > z[0]                                     # the narrowest on top
    assert all(items[h.index]["act"].zValue() > max(z) for h in hs)   # under the lines


def test_runs_with_the_same_dead_shares_keep_both_visible(qtbot, window):
    """He and Xavier leave the same ReLU units at 0 (scaling weights does not change a sign):
    the later run's saturated/dead markers are drawn thinner on top, and the legend says so."""
    pane = _run(qtbot, window, "he-vs-xavier-deep")
    first, second = window.histories[0], window.histories[1]
    dead = [[s.dead_fraction for s in h.layers] for h in (first, second)]
    assert np.allclose(dead[0], dead[1]) and max(dead[0]) > 0.01     # the case: they coincide
    items = pane.run_items()
    for name in ("sat", "dead"):
        assert items[1][name].opts["pen"].widthF() < items[0][name].opts["pen"].widthF()
        assert items[1][name].zValue() > items[0][name].zValue()
    legend = pane.legend.text().replace("&nbsp;", " ")
    # the note names the run drawn thinner (review 8: "drawn thinner" after He's name left
    # the student to guess which of the two)
    note = html.unescape(legend).replace("\xa0", " ")
    assert f"saturated and dead shares close to {first.label}'s: thin marks on top" \
        in note


def test_a_curve_that_coincides_in_one_plot_only_is_drawn_thinner_there_and_named(qtbot,
                                                                                  window):
    """batchnorm-rescue's two batch-norm runs start with the same activation spread in every
    layer, their gradients apart: the later activation curve lay hidden under the earlier,
    with no note (review 13). Now it is drawn thinner on top in that plot alone, and named."""
    pane = _run(qtbot, window, "batchnorm-rescue")
    hs = window.histories
    a, b = hs[2], hs[3]                      # N(0, 1) + batch norm, N(0, 0.01) + batch norm
    act = [np.array([s.activation_std for s in h.layers]) for h in (a, b)]
    grad = [np.array([s.gradient_std for s in h.layers]) for h in (a, b)]
    assert np.all(np.abs(act[1] - act[0]) <= 0.05 * act[0])               # the case
    assert not np.all(np.abs(grad[1] - grad[0]) <= 0.05 * grad[0])
    items = pane.run_items()
    assert items[3]["act"].opts["pen"].widthF() < items[2]["act"].opts["pen"].widthF()
    assert items[3]["act"].zValue() > items[2]["act"].zValue()
    assert items[3]["grad"].opts["pen"].widthF() == items[2]["grad"].opts["pen"].widthF()
    note = html.unescape(pane.legend.text()).replace("\xa0", " ")
    assert f"activation spread close to {a.label}'s: thin line on top" in note
    assert "gradient spread close to" not in note


def test_after_training_the_band_is_gone_and_the_legend_says_where_it_is(qtbot, window):
    pane = _run(qtbot, window, "relu-critical-line",
                {"train": {"steps": 3, "eval_every": 3}, "network": {"depth": 6}})
    assert all(pane.drawn_band(h.index)[0].size == 0 or
               not np.isfinite(pane.drawn_band(h.index)[0]).any() for h in window.histories)
    assert not any(pane.band_shown(h.index) for h in window.histories)   # no stale fill
    legend = pane.legend.text().replace("&nbsp;", " ")
    said = "the dashed prediction and the band hold at the start"
    assert len(window.histories) > 1 and legend.count(said) == 1   # said once, for every run
    assert "not centred" not in legend


def test_layer_numbers_follow_the_plot_width_and_the_last_layer_is_labelled(qtbot):
    """activation-compare's first two plots read "1 … 9" with "10" dropped: pyqtgraph drops a
    label that reaches past a gridded axis, and the spacing was chosen for the width at the
    first draw, before the layout settled."""
    from initviz.engine.runner import run_experiment
    from initviz.ui.look.axis_labels import drawn_labels
    from initviz.ui.panes.depth_pane import DepthPane
    from helpers import histories
    config = merge(get("activation-compare").config,
                   {"data": {"source": "bundled", "probe_samples": 200}})
    hs = histories(*run_experiment(config, snapshot_seconds=1e9))
    pane = DepthPane()
    qtbot.addWidget(pane)
    pane.resize(1500, 700)
    pane.show()
    qtbot.waitExposed(pane)
    pane.draw(hs)
    for size in ((700, 500), (1000, 700)):
        pane.resize(*size)
        qtbot.wait(50)
        for p in (pane.act_plot, pane.grad_plot, pane.frac_plot):
            rects = sorted(drawn_labels(p.getAxis("bottom")), key=lambda rt: rt[0].left())
            assert rects and rects[-1][1] == "10", (size, [t for _, t in rects])
            assert all(a[0].right() <= b[0].left() for a, b in zip(rects, rects[1:]))


def test_at_the_start_shows_the_start_with_its_band_after_training(qtbot, window):
    """he-vs-xavier-deep's text reads the Depth tab at the start, then the Loss tab: "press
    Reset" emptied the Loss tab (review 4)."""
    pane = _run(qtbot, window, "he-vs-xavier-deep", {"train": {"steps": 20}})
    legend = pane.legend.text().replace("&nbsp;", " ")
    assert "no longer independent draws" in legend
    # said once for both runs, as a run's own explaining note is (review 5): in the text's
    # colour, not the red of trouble (review 13 read the red explanations as errors)
    from initviz.ui.panes.pane import note_colour
    assert legend.count("no longer independent draws") == 1
    assert re.search("<span style=''>[^<]*no longer independent draws", legend)
    assert note_colour() not in legend
    assert not any(pane.band_shown(h.index) for h in window.histories)
    assert pane.start_box.isEnabled()
    pane.set_at_start(True)
    window.draw_all()
    assert pane.start_box.isChecked()
    assert "no longer independent draws" not in pane.legend.text().replace("&nbsp;", " ")
    for h in window.histories:
        assert pane.band_shown(h.index)
        drawn = 10 ** np.asarray(pane.run_items()[h.index]["act"].getData()[1], float)
        start = [s.activation_std for s in h.start_layers]
        assert np.allclose(drawn, start) and not np.allclose(drawn, [s.activation_std
                                                                     for s in h.layers])
    pane.set_at_start(False)
    window.draw_all()
    assert "no longer independent draws" in pane.legend.text().replace("&nbsp;", " ")


def test_log_axis_titles_clear_their_tick_labels_in_presentation(qtbot, window):
    # "std of ∂L/∂u, log scale" ran into "5·10⁻⁵" at the fixed 70 px in presentation type
    # (glorot-activations, review 6)
    from initviz.ui.look.axis_labels import drawn_labels
    window.show()
    window.presentation.set_presenting(True)
    window.resize(1280, 720)
    window.show_pane("depth")
    try:
        pane = _run(qtbot, window, "glorot-activations")
        qtbot.wait(100)
        window.draw_all()
        for p in (pane.act_plot, pane.grad_plot):
            axis = p.getAxis("left")
            title = axis.label.mapRectToScene(axis.label.boundingRect())
            for rect, text in drawn_labels(axis):
                assert not axis.mapRectToScene(rect).intersects(title), text
    finally:
        window.presentation.set_presenting(False)


def test_shares_alike_in_every_run_are_said_once(qtbot, window):
    # relu-critical-line: all three runs leave the same ReLU units dead; the legend said
    # "saturated and dead shares close to σ_w² = 1.6's" after two of them (review 6)
    pane = _run(qtbot, window, "relu-critical-line")
    legend = pane.legend.text().replace("&nbsp;", " ")
    assert "shares close to" not in legend
    assert legend.count("saturated and dead shares alike in every run") == 1


def test_runs_the_same_at_the_start_are_called_the_same_as_on_the_gradients_tab(qtbot, window):
    """exploding-clipping's four runs start from the same weights: its Gradients tab said
    "same as no remedy", its Depth tab "close to no remedy" for the same curves (review 15).
    Equal statistics in every layer say "same as", one key line for several; the curves that
    are only within 5 % keep "close to" (activation-compare's leaky ReLU, above)."""
    pane = _run(qtbot, window, "exploding-clipping")
    hs = window.histories
    first = hs[0]
    equal = [h for h in hs[1:] if all(
        (s.activation_std, s.gradient_std, s.saturated_fraction, s.dead_fraction) ==
        (t.activation_std, t.gradient_std, t.saturated_fraction, t.dead_fraction)
        for s, t in zip(h.layers, first.layers))]
    assert len(equal) == len(hs) - 1 >= 2           # the numbers the pane draws
    legend = html.unescape(pane.legend.text().replace("&nbsp;", " "))
    assert "close to" not in legend
    assert legend.count(f"same as {first.label}") == len(equal), legend
    assert "thin line on top)" not in legend and ": thin line on top" not in legend
    assert "runs the same as one another: drawn as one thin line on top" in legend
    assert "alike in every run" not in legend                # said once, by the line above


def test_the_share_plot_spans_the_shares_drawn(qtbot, window):
    """On 0-100 % xavier-gain-table's 5-12 % saturated ×4 units lay in the bottom eighth of
    the 'Saturated, dead' plot (review 16). Its top is now the largest share's next round
    step (at least 10 %): every share drawn lies in its upper part's reach."""
    pane = _run(qtbot, window, "xavier-gain-table")
    shares = [100 * v for h in window.histories for s in h.layers
              for v in (s.saturated_fraction, s.dead_fraction)]
    _, (lo, hi) = pane.frac_plot.vb.viewRange()
    assert 5 < max(shares) <= hi <= 2 * max(shares), (max(shares), hi)
    assert lo <= 0
    pane = _run(qtbot, window, "act-relu-compare")
    shares = [100 * v for h in window.histories for s in h.layers
              for v in (s.saturated_fraction, s.dead_fraction)]
    _, (lo, hi) = pane.frac_plot.vb.viewRange()
    assert max(shares) <= hi <= max(2 * max(shares), 10.7), (max(shares), hi)   # 10 % at least
    # 0 and the top labelled: the shares near 0 lay under an unlabelled 0 (review 17)
    from initviz.ui.look.axis_labels import drawn_labels
    texts = [t for _, t in drawn_labels(pane.frac_plot.getAxis("left"))]
    assert texts[0] == "0" and texts[-1] == "10", texts

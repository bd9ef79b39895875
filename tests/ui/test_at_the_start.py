""""At the start" on the histogram panes: after training, the box draws, exports and reports
step 0's histograms (RunHistory.start_layers), unticked the latest again, with ranges of its
own that leave the live view's alone; a preset whose text is about the start opens ticked
(Preset.at_start)."""
from __future__ import annotations

import numpy as np

from initviz.engine.config import merge
from initviz.engine.presets import get

TRUNCATED = "truncated N(0, 0.1), 2σ cut"


def trained(qtbot, window, key, steps):
    """Preset ``key`` loaded as a user would, then run for ``steps`` batches (bundled data)."""
    window.load_preset(key, run=False)
    config = merge(get(key).config, {"data": {"source": "bundled"}, "train": {"steps": steps}})
    with qtbot.waitSignal(window.controller.run_finished, timeout=120000):
        window.start(config)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)
    window.draw_all()
    assert window.draw_guard.errors == []
    return window.histories


def beyond_cut(pane, run: int) -> list[float]:
    """Per drawn layer, the % of run ``run``'s values drawn in bins beyond 0.2 (the 2σ cut of
    σ = 0.1) by more than a bin: read from the curves on screen."""
    out = []
    for (i, layer), curve in sorted(pane.curves().items()):
        if i == run:
            x, y = curve.getData()
            centres = (x[1:] + x[:-1]) / 2
            out.append(float(y[np.abs(centres) > 0.2 + (x[1] - x[0])].sum()))
    return out


def exported_beyond_cut(pane, histories, label: str) -> float:
    header, rows = pane.export_table(histories)
    left, right, pct = (header.index(k) for k in ("bin_left", "bin_right", "percent"))
    return sum(r[pct] for r in rows if r[0] == label and
               min(abs(r[left]), abs(r[right])) > 0.2 + abs(r[right] - r[left]))


def test_truncated_weights_stop_at_the_cut_at_the_start_not_at_the_end(qtbot, window):
    """mnist-normal-vs-truncated: 'The Weights tab opens at the start of training (untick “At
    the start” to see the end): ... the truncated normal stops sharply at two standard
    deviations'. After training, trained weights have left the cut behind."""
    pane = window.panes["weights"]
    hs = trained(qtbot, window, "mnist-normal-vs-truncated", 300)
    cut = [h.label for h in hs].index(TRUNCATED)
    assert window.tabs.currentWidget() is pane
    assert pane.start_box.isChecked() and pane.at_start() and pane.start_box.isEnabled()
    assert pane.title.text().endswith("at the start")
    assert beyond_cut(pane, cut) == [0.0, 0.0]
    assert beyond_cut(pane, 1 - cut)[0] > 2.0                  # the normal's thin tails
    assert exported_beyond_cut(pane, hs, TRUNCATED) == 0.0
    start = pane.view_of(hs)
    assert start.layers[0].runs[cut].total == hs[cut].start_layers[0].weight_hist.total
    pane.set_at_start(False)                                    # the user unticks
    window.draw_all()
    assert not pane.start_box.isChecked() and "step 0" not in pane.title.text()
    assert all(share > 0.1 for share in beyond_cut(pane, cut)), beyond_cut(pane, cut)
    assert exported_beyond_cut(pane, hs, TRUNCATED) > 0.1
    assert pane.view_of(hs) is not start
    pane.start_box.click()                                      # and ticks again
    window.draw_all()
    assert pane.at_start() and beyond_cut(pane, cut) == [0.0, 0.0]


def test_the_start_leaves_the_live_ranges_alone(qtbot, window):
    """Ticking and unticking gives back the very view the live frames made (its ranges'
    state untouched), and the start's own view is made once."""
    pane = window.panes["activations"]
    hs = trained(qtbot, window, "batchnorm-rescue", 30)
    assert pane.at_start()
    start = pane.view_of(hs)
    pane.set_at_start(False)
    live = pane.view_of(hs)
    edges = [lv.edges.copy() for lv in live.layers]
    pane.set_at_start(True)
    window.draw_all()
    assert pane.view_of(hs) is start
    pane.set_at_start(False)
    window.draw_all()
    assert pane.view_of(hs) is live
    assert all(np.array_equal(a, lv.edges) for a, lv in zip(edges, live.layers))


def test_batchnorm_rescue_opens_its_activations_at_the_start(qtbot, window):
    """'The Activations tab opens at the start ...: N(0, 0.01) squeezes every layer into a
    spike at 0.5': so it is drawn after the run; the Depth pane does not open at the start."""
    hs = trained(qtbot, window, "batchnorm-rescue", 30)
    pane = window.panes["activations"]
    assert window.tabs.currentWidget() is pane and pane.start_box.isChecked()
    assert not window.panes["depth"].start_box.isChecked()
    assert not window.panes["weights"].start_box.isChecked()
    tiny = [h.label for h in hs].index("N(0, 0.01)")
    for (i, layer), curve in pane.curves().items():
        if i == tiny:
            x, y = curve.getData()
            centres = (x[1:] + x[:-1]) / 2
            assert y[np.abs(centres - 0.5) < 0.1].sum() > 99.0, layer


def test_presets_open_depth_at_the_start_and_others_do_not(qtbot, window):
    for key, ticked in (("he-vs-xavier-deep", True), ("residual-deep", True),
                        ("edge-of-chaos-tanh", True), ("relu-critical-line", False),
                        ("mnist-uniform-vs-normal", False)):
        window.load_preset(key, run=False)
        assert window.panes["depth"].start_box.isChecked() == ticked, key
        # the title says so too (in a narrow window the box is folded into "View ▾")
        assert window.panes["depth"].title.text().endswith("at the start") == ticked
    assert window.panes["weights"].start_box.isChecked()          # mnist-uniform-vs-normal
    window.panes["weights"].set_at_start(False)
    window.load_preset("mnist-uniform-vs-normal", run=False)      # loaded again: as it opens
    assert window.panes["weights"].start_box.isChecked()


def test_untrained_networks_show_the_start_alike_on_every_tab(qtbot, window):
    """Review 16: exploding-clipping's untrained networks had "At the start" ticked (greyed) on
    Gradients and unticked (greyed) on Depth, and only Gradients' title said "at the start".
    While nothing trains every box is greyed and ticked and every title says so; once a run
    trains, each pane shows the preset's own choice again (Gradients at the start, Depth not)."""
    tabs = ("activations", "gradients", "weights", "depth")
    trained(qtbot, window, "exploding-clipping", 0)
    for tab in tabs:
        pane = window.panes[tab]
        assert not pane.start_box.isEnabled() and pane.start_box.isChecked(), tab
        assert pane.title.text().endswith("at the start"), tab
    trained(qtbot, window, "exploding-clipping", 3)
    for tab in tabs:
        pane = window.panes[tab]
        ticked = tab == "gradients"
        assert pane.start_box.isEnabled() and pane.start_box.isChecked() == ticked, tab
        assert pane.title.text().endswith("at the start") == ticked, tab
    window.panes["depth"].start_box.click()                 # the user's choice, and back
    assert window.panes["depth"].title.text().endswith("at the start")

"""Loss curves that coincide stay visible: in exploding-clipping, L2 weight decay diverges at
the same step as the run without a remedy, its losses within 10⁻⁵ of it, and was drawn exactly
over it (review 7): now thinner, on top, named in the legend, with one in-plot note for both."""
from __future__ import annotations

import re

import numpy as np

from initviz.engine.config import merge
from initviz.engine.presets import get
from initviz.ui.panes.loss_overlap import same_losses

from helpers import histories, snapshot


def test_exploding_clipping_shows_both_runs_that_diverge_together(qtbot, window):
    window.load_preset("exploding-clipping", run=False)
    config = merge(get("exploding-clipping").config, {"data": {"source": "bundled"},
                                                      "train": {"steps": 60}})
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        window.start(config)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)
    window.show_pane("loss")
    window.draw_all()
    assert window.draw_guard.errors == []
    hs = window.histories
    labels = [h.label for h in hs]
    none, clip, slow, l2 = (labels.index(k) for k in (
        "no remedy", "clip gradient norm at 1", "learning rate ÷ 10", "L2 weight decay 0.01"))
    assert hs[none].diverged_at == hs[l2].diverged_at is not None
    pane = window.panes["loss"]
    items = pane.run_items()
    for name in ("early", "whole"):
        x0, y0 = items[none][name].getData()
        x1, y1 = items[l2][name].getData()
        assert np.array_equal(x0, x1) and np.allclose(y0, y1, rtol=1e-3, equal_nan=True)
        assert items[l2][name].opts["pen"].widthF() < items[none][name].opts["pen"].widthF()
        assert items[l2][name].zValue() > items[none][name].zValue()
        assert items[clip][name].opts["pen"].widthF() == items[none][name].opts["pen"].widthF()
    for name in ("mark_early", "mark_whole"):
        under, over = items[none][name], items[l2][name]
        assert under.isVisible() and over.isVisible()
        assert np.allclose(under.getData(), over.getData())          # the same spot ...
        assert over.opts["size"] < under.opts["size"] and over.zValue() > under.zValue()
    note = items[none]["text"].toPlainText()                           # ... one note for both
    assert note == f"no remedy, L2 weight decay 0.01:\ndiverged at step {hs[none].diverged_at}"
    assert items[l2]["text"].toPlainText() == ""
    legend = re.sub("<[^>]+>", "", pane.legend.text()).replace("&nbsp;", " ")
    assert "close to no\u00a0remedy" in legend         # the name is not broken across lines
    legend = legend.replace("\u00a0", " ")
    assert f"L2 weight decay 0.01 (diverged at step {hs[l2].diverged_at}; close to no remedy: " \
        "thin line on top)" in legend and legend.count("close to") == 1
    assert slow not in same_losses(hs) and clip not in same_losses(hs)


def test_runs_match_only_once_finished_and_alike_to_the_end():
    def run(i, losses, stage="done", diverged_at=None):
        return snapshot(run_index=i, run_count=3, stage=stage, step=len(losses),
                        total=len(losses), losses=losses, diverged_at=diverged_at)
    a = run(0, [1.0, 0.8, 0.7])
    assert same_losses(histories(a, run(1, [1.0, 0.81, 0.7]))) == {1: 0}       # within 5 %
    assert same_losses(histories(a, run(1, [1.0, 0.7, 0.7]))) == {}            # 12.5 % apart
    assert same_losses(histories(a, run(1, [1.0, 0.8], stage="train"))) == {}  # still training
    assert same_losses(histories(run(0, [1.0, 0.8], stage="train"),
                                 run(1, [1.0, 0.8], stage="train"))) == {}
    blown = run(0, [1.0, 9.0, np.inf], "diverged", 3)
    assert same_losses(histories(blown, run(1, [1.0, 9.1, np.inf], "diverged", 3))) == {1: 0}
    assert same_losses(histories(blown, run(1, [1.0, 9.1, 80.0], "done"))) == {}


def test_accuracy_lines_at_one_level_are_drawn_thin_on_top(qtbot):
    """mnist-zeros-vs-ones at 1280 x 720 (review 18): both runs stay at chance, but all-ones'
    loss explodes, so the losses differ and nothing was thinned: its accuracy line hid the
    other's. A run whose accuracy stays within 1.5 points of an earlier run's at every
    validation has its accuracy line thin and on top, and the legend says so."""
    import dataclasses
    from initviz.engine.snapshot import frozen
    from initviz.ui.panes.loss_overlap import same_accuracies
    from initviz.ui.panes.loss_pane import LossPane

    def run(i, losses, accuracies):
        s = snapshot(run_index=i, run_count=3, step=3, total=3, losses=losses, start=1,
                     with_layers=False, label=("zeros", "ones", "learns")[i])
        return dataclasses.replace(s, val_steps=frozen(np.array([0, 2, 3])),
                                   val_losses=frozen(np.asarray(losses, float)),
                                   val_accuracies=frozen(np.asarray(accuracies, float)))
    hs = histories(run(0, [2.3, 2.3, 2.3], [0.098, 0.101, 0.099]),
                   run(1, [2.3, 900.0, 4000.0], [0.098, 0.112, 0.1]),
                   run(2, [2.3, 1.0, 0.5], [0.098, 0.5, 0.9]))
    assert same_losses(hs) == {} and same_accuracies(hs, {}) == {1: 0}
    # before training (Reset: one validation, at step 0, all near 10 %) nothing is hidden
    untrained = histories(*(dataclasses.replace(
        s, val_steps=frozen(np.array([0])), val_losses=frozen(np.array([2.3])),
        val_accuracies=frozen(np.array([0.1]))) for s in (run(0, [2.3], [0.1]),
                                                          run(1, [2.3], [0.1]))))
    assert same_accuracies(untrained, {}) == {}
    pane = LossPane()
    qtbot.addWidget(pane)
    pane.draw(hs)
    items = pane.run_items()
    zeros, ones, learns = (items[i]["acc"] for i in range(3))
    assert ones.opts["pen"].widthF() < zeros.opts["pen"].widthF() == learns.opts["pen"].widthF()
    assert ones.zValue() > zeros.zValue()
    assert items[1]["whole"].zValue() == items[0]["whole"].zValue()     # the losses differ
    legend = re.sub("<[^>]+>", "", pane.legend.text()).replace("&nbsp;", " ")
    assert "ones (accuracy close to zeros: thin line on top)" in legend, legend
    assert legend.count("close to") == 1

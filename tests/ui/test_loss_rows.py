"""The Loss tab's upper row: the first 100 batches beside the whole run, or the whole run
alone across the width where no run has more than 100 batches (flower-small-vs-xavier trains
100: review 13 found its two loss plots the same)."""
import numpy as np
import pytest

from initviz.ui.panes.loss_pane import EARLY, LossPane

from helpers import histories, snapshot


def drawn(qtbot, totals):
    pane = LossPane()
    qtbot.addWidget(pane)
    pane.resize(900, 600)
    pane.show()
    qtbot.waitExposed(pane)
    snaps = [snapshot(i, len(totals), step=t, total=t, losses=np.linspace(2, 1, t),
                      with_layers=False) for i, t in enumerate(totals)]
    pane.draw(histories(*snaps))
    qtbot.wait(20)
    return pane


def shown(pane):
    return [p for p in (pane.early, pane.whole, pane.acc) if p in pane.view.ci.items]


def test_a_run_of_at_most_100_batches_has_one_loss_plot_across_the_width(qtbot):
    pane = drawn(qtbot, [EARLY, 60])
    assert shown(pane) == [pane.whole, pane.acc]
    assert pane.whole.width() > 0.9 * pane.acc.width()
    x0, x1 = pane.whole.vb.viewRange()[0]
    assert x0 < 1 and EARLY - 1 < x1 < EARLY * 1.1


def test_a_longer_run_keeps_its_first_100_batches_beside_the_whole_run(qtbot):
    pane = drawn(qtbot, [EARLY, EARLY + 1])
    assert shown(pane) == [pane.early, pane.whole, pane.acc]
    assert pane.whole.width() < 0.6 * pane.acc.width()
    short = drawn(qtbot, [30])
    short.draw(histories(snapshot(0, 1, step=300, total=300, losses=np.linspace(2, 1, 300),
                                  with_layers=False)))      # the next run is longer
    qtbot.wait(20)
    assert shown(short) == [short.early, short.whole, short.acc]


def test_an_empty_loss_tab_says_why_until_a_loss_comes(qtbot):
    """Review 15 at the start: the Loss tab was two empty plots on a 0-1 axis, with no word.
    Until a run has a loss, the key line says it comes with training; then it goes."""
    hint = "no loss yet: it is drawn as the networks train"
    pane = drawn(qtbot, [0, 0])               # measured at initialization, nothing trained
    assert hint in pane.legend.text().replace("&nbsp;", " ")
    height = pane.view.height()
    pane.draw(histories(*(snapshot(i, 2, step=5, total=50, losses=np.linspace(2, 1.9, 5),
                                   with_layers=False) for i in range(2))))
    qtbot.wait(20)
    assert hint not in pane.legend.text().replace("&nbsp;", " ")
    # The hint follows the runs on their line, and that line is the legend's least height:
    # the plots keep their size as the first loss comes (a height change redrew every axis,
    # a second repaint of the whole pane in the run's first frame).
    assert pane.legend.height() == pane.legend.minimumHeight()
    assert pane.view.height() == height


def test_the_validation_loss_has_a_dot_at_each_validated_step(qtbot):
    """Review 16: flower's dashed validation line ran straight from step 0 to step 10, far above
    the training loss that had fallen by step 2, and read as a gap between the two. A dot at
    each validation says where it was measured."""
    import dataclasses
    from initviz.engine.snapshot import frozen
    pane = drawn(qtbot, [0])
    val_steps = np.array([0, 10, 20])
    snap = dataclasses.replace(
        snapshot(0, 1, step=20, total=20, losses=np.linspace(0.7, 0.3, 20), with_layers=False),
        val_steps=frozen(val_steps), val_losses=frozen(np.array([0.88, 0.43, 0.31])),
        val_accuracies=frozen(np.array([0.5, 0.8, 0.9])))
    pane.draw(histories(snap))
    qtbot.wait(20)
    val = pane.run_items()[0]["val"]
    x, y = val.scatter.getData()
    assert list(x) == [0, 10, 20] and np.allclose(y, [0.88, 0.43, 0.31])
    assert val.scatter.isVisible() and val.opts["symbolSize"] > 0


def test_reset_shows_where_each_training_run_starts(qtbot, window):
    """Review 17: before a run every training preset's Loss tab was blank 0-1 axes, though
    mnist-uniform-baseline's text says 'the loss starts in the tens of thousands'. Reset
    (how the window measures a preset untrained) validates each run at step 0: the ring and
    the accuracy point are drawn there."""
    window.load_preset("mnist-uniform-baseline", run=False)
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        window.reset()
    window.show_pane("loss")
    window.draw_all()
    (h,) = window.histories
    val_steps, val_losses = h.val_steps.data, h.val_losses.data
    assert h.total_steps == 0 and list(val_steps) == [0] and val_losses[0] > 10000
    items = window.panes["loss"].run_items()[0]
    x, y = items["start_whole"].getData()
    assert list(x) == [0] and y[0] == pytest.approx(val_losses[0])
    ax, ay = items["acc"].getData()
    assert list(ax) == [0] and 0 < ay[0] < 30
    # ringed there as the loss (review 17b: a 6 px dot was all the accuracy plot showed)
    rx, ry = items["start_acc"].getData()
    assert list(rx) == [0] and ry[0] == pytest.approx(ay[0])
    assert items["start_acc"].opts["symbolSize"] == items["start_whole"].opts["symbolSize"]
    assert "no loss yet" not in window.panes["loss"].legend.text().replace("&nbsp;", " ")
    # on an axis of batches to come, not 0-1 in steps of 0.2
    x0, x1 = window.panes["loss"].whole.vb.viewRange()[0]
    assert x0 < 0 and EARLY - 1 < x1 < EARLY * 1.1


def test_rings_near_0_lie_whole_above_the_axis(qtbot, window):
    """mnist-uniform-scales before a run (review 18): on the linear axis of 0 to 200 the
    three small starts' rings at 2.3 sat on the x axis, half hidden, with no "0" labelled.
    The linear axes keep 6 % of their span below 0."""
    window.load_preset("mnist-uniform-scales", run=False)
    with qtbot.waitSignal(window.controller.run_finished, timeout=120000):
        window.reset()
    window.show_pane("loss")
    window.draw_all()
    pane = window.panes["loss"]
    assert not pane.log_scale
    for plot, name in ((pane.whole, "start_whole"), (pane.early, "start_early")):
        lo, hi = plot.vb.viewRange()[1]
        ys = [float(items[name].getData()[1][0]) for items in pane.run_items()[:4]]
        assert min(ys) < 0.02 * hi                       # the case: rings near 0
        assert all((y - lo) / (hi - lo) >= 0.05 for y in ys), (lo, hi, ys)

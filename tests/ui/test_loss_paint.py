"""The Loss pane's whole-run curves are drawn cheaply (thinned, opaque) and still show what
the data hold: the first and last points, every spike, and the pale colour of the theme."""
import numpy as np
import pytest

from initviz.ui.look.palette import OKABE_ITO, PALE
from initviz.ui.panes.loss_pane import LossPane

from helpers import histories, snapshot

N = 20000


def shown_pane(qtbot) -> LossPane:
    pane = LossPane()
    qtbot.addWidget(pane)
    pane.resize(1200, 700)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def long_run(qtbot, losses):
    pane = shown_pane(qtbot)
    hs = histories(snapshot(stage="done", step=len(losses), total=len(losses), losses=losses,
                            with_layers=False))
    pane.draw(hs)
    x, y = pane.run_items()[0]["whole"].getData()
    return x, 10 ** y if pane.log_scale else y     # the log axis draws log10 of the loss


def test_a_long_run_is_thinned_but_keeps_its_ends_and_every_spike(qtbot):
    rng = np.random.default_rng(3)
    losses = 2.0 * np.exp(-3 * np.arange(N) / N) * (1 + 0.2 * rng.random(N))
    spikes = rng.choice(np.arange(1, N - 1), 12, replace=False)
    losses[spikes[:6]] = 9.0 + np.arange(6)         # upward spikes, all different
    losses[spikes[6:]] = 1e-3 * (1 + np.arange(6))  # and downward ones
    x, y = long_run(qtbot, losses)
    assert len(x) < N / 4                          # thinned ...
    assert x[0] == 1 and np.isclose(y[0], losses[0])      # ... but the first and the last
    assert x[-1] == N and np.isclose(y[-1], losses[-1])   # point stay
    assert np.allclose(y, losses[x.astype(int) - 1])      # only points of the data
    assert set(spikes + 1) <= set(x.astype(int).tolist())   # steps are 1-based
    assert np.isclose(y.max(), losses.max()) and np.isclose(y.min(), losses.min())


def test_a_diverged_run_is_not_drawn_past_its_last_finite_loss(qtbot):
    losses = np.linspace(2.0, 1.0, N)
    losses[15000:] = np.nan
    x, y = long_run(qtbot, losses)
    last = x[np.isfinite(y)].max()
    assert last == 15000 and np.isnan(y[x > last]).all() and (x > last).any()


def test_a_short_run_is_drawn_point_for_point(qtbot):
    losses = np.linspace(2.0, 1.0, 300)
    x, y = long_run(qtbot, losses)
    assert np.array_equal(x, np.arange(1, 301)) and np.allclose(y, losses)


def over(colour, alpha, background):
    a = alpha / 255
    c, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5)), \
        (int(background[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(a * u + (1 - a) * v):02x}" for u, v in zip(c, b))


def test_the_pale_curve_is_the_opaque_colour_it_makes_over_the_themes_background(window,
                                                                                 qtbot):
    pane = window.panes["loss"]
    window.show_pane("loss")
    hs = histories(*(snapshot(run_index=i, run_count=2, stage="done", step=3, total=3,
                              losses=[2.0, 1.5, 1.0], with_layers=False) for i in range(2)))
    pane.draw(hs)
    for theme, background, first in (("dark", "#000000", "#3d9be0"),
                                     ("light", "#ffffff", OKABE_ITO[0])):
        window.presentation.set_theme(theme)
        for i, colour in enumerate((first, OKABE_ITO[1])):
            pen = pane.run_items()[i]["whole"].opts["pen"]
            assert pen.color().alpha() == 255
            assert pen.color().name() == over(colour.lower(), PALE, background)
    assert over("#0072b2", PALE, "#ffffff") == "#91c2de"     # pale blue on white, by hand


def test_a_growing_curve_draws_only_its_newest_points_anew(qtbot):
    """While a run streams in, its older points keep their drawing (a cached pixmap): only the
    tail changes, until it grows too long or the axis turns to log. Every point is drawn."""
    from initviz.ui.run.run_history import RunHistory
    pane = shown_pane(qtbot)
    h = RunHistory(0, "a")
    losses = 2.0 * np.exp(-np.arange(1, 601) / 200)         # falls 20-fold: a linear axis
    whole = None
    for k in range(0, 600, 30):
        h.add(snapshot(stage="train", step=k + 30, total=600, losses=losses[k:k + 30],
                       start=k + 1, with_layers=False))
        pane.draw([h])
        whole = pane.run_items()[0]["whole"]
        x, y = whole.getData()
        assert np.array_equal(x, np.arange(1, k + 31)) and np.allclose(y, losses[:k + 30])
        older = whole.curve.getData()[0]
        if k == 300:
            kept = older
        if k == 330:            # 30 more points went to the tail only
            assert np.array_equal(older, kept) and len(whole.tail.getData()[0]) > 30
    assert len(whole.curve.getData()[0]) < 600               # a tail is still drawn apart
    pane.set_log_scale(True)
    x, y = whole.getData()
    assert np.array_equal(x, np.arange(1, 601)) and np.allclose(y, np.log10(losses))


def test_the_step_axis_is_the_whole_run_from_the_first_frame(qtbot, window):
    # Known from the config before any snapshot: the first frame does not draw a 0-1 axis
    # that the next one replaces (each new range repaints the step axes).
    from initviz.engine.presets import PRESETS
    config = PRESETS["mnist-uniform-signs"].config
    window.show_pane("loss")
    window.start(config, paused=True)
    total = config.train.steps
    assert [h.total_steps for h in window.histories] == [total] * len(config.runs)
    window.draw_all()
    pane = window.panes["loss"]
    for plot in (pane.whole, pane.acc):
        assert plot.vb.viewRange()[0] == pytest.approx([-0.02 * total, 1.02 * total])
    window.controller.stop()


def test_the_loss_at_step_0_is_a_ring_before_any_step(qtbot):
    """Before the first step (and after one) the loss plots were empty: each run's step-0
    (validation) loss is a ring at step 0 in both plots, inside their ranges; a run without
    a validation at step 0 has none."""
    import dataclasses
    from initviz.engine.snapshot import frozen
    pane = LossPane()
    qtbot.addWidget(pane)
    pane.resize(1200, 700)
    at_start = [dataclasses.replace(
        snapshot(run_index=i, run_count=3, stage="init", total=858, with_layers=False),
        val_steps=frozen(np.array([0])), val_losses=frozen(np.array([v])),
        val_accuracies=frozen(np.array([0.1]))) for i, v in enumerate((31000.0, 2.4))]
    at_start.append(snapshot(run_index=2, run_count=3, stage="init", total=858,
                             with_layers=False))
    pane.draw(histories(*at_start))
    items = pane.run_items()
    for i, v in enumerate((31000.0, 2.4)):
        for name in ("start_early", "start_whole"):
            x, y = items[i][name].getData()
            assert x.tolist() == [0.0]
            y = 10 ** y if pane.log_scale else y
            assert np.allclose(y, [v])
    for plot in (pane.early, pane.whole):
        (_, _), (lo, hi) = plot.vb.viewRange()
        shown = (lambda v: np.log10(v)) if pane.log_scale else (lambda v: v)
        assert lo <= shown(2.4) and shown(31000.0) <= hi
    assert items[2]["start_early"].getData()[0] is None or \
        len(items[2]["start_early"].getData()[0]) == 0
    # the legend says what the rings are, once, after the runs (review 9: nothing did)
    text = pane.legend.text()
    assert text.count("○") == 1 and text.index("○") > text.index("■")
    assert "step\xa00" in text or "step&nbsp;0" in text


def test_no_ring_no_ring_in_the_legend(qtbot):
    pane = LossPane()
    qtbot.addWidget(pane)
    pane.draw(histories(snapshot(stage="init", total=858, with_layers=False)))
    assert "○" not in pane.legend.text() and "■" in pane.legend.text()


def test_while_a_run_trains_the_log_loss_axis_moves_only_when_the_losses_leave_it(qtbot):
    """Each move of the range repaints the whole plot and its axes: while the loss falls
    through the decades the range moves only when the losses leave it, and then with a decade
    or more of room; once the run has finished it fits the losses as a fresh pane would."""
    from initviz.ui.run.run_history import RunHistory

    pane = shown_pane(qtbot)
    h = RunHistory(0, "a")
    losses = 10.0 ** np.linspace(4, -3, 600)       # seven decades: the axis turns to log
    ranges, moves = [], 0
    for k in range(0, 600, 30):
        h.add(snapshot(stage="train", step=k + 30, total=600, losses=losses[k:k + 30],
                       start=k + 1, with_layers=False))
        pane.draw([h])
        if not pane.log_scale:          # until the losses span two decades
            assert k < 180
            continue
        lo, hi = pane.whole.vb.viewRange()[1]
        seen = np.log10(losses[:k + 30])
        assert lo <= seen.min() and seen.max() <= hi
        if ranges and (lo, hi) != ranges[-1]:
            moves += 1
            assert lo <= seen.min() - 1                  # it left a decade of room
        ranges.append((lo, hi))
    assert moves < len(ranges) / 3
    h.add(snapshot(stage="done", step=600, total=600, losses=[], start=601,
                   with_layers=False))
    pane.draw([h])
    fresh = shown_pane(qtbot)
    fresh.draw([h])
    assert pane.whole.vb.viewRange()[1] == pytest.approx(fresh.whole.vb.viewRange()[1])
    assert pane.whole.vb.viewRange()[1][0] > ranges[-1][0]      # tighter than while training


def test_markers_drawn_again_and_again_reuse_their_drawn_symbol(qtbot):
    """pyqtgraph keys the symbols it has drawn by the pen and brush objects: the accuracy
    markers and the rings keep theirs, so new points do not draw the symbol again (each new
    pen grew the symbol cache by one and cost a symbol's drawing)."""
    from dataclasses import replace
    from initviz.engine.snapshot import frozen
    from initviz.ui.run.run_history import RunHistory
    pane = shown_pane(qtbot)
    h = RunHistory(0, "a")
    for k in range(10):
        s = snapshot(stage="train", step=10 * k + 10, total=100, losses=[1.0] * 10,
                     start=10 * k + 1, with_layers=False)
        h.add(replace(s, val_steps=frozen(np.array([10 * k])), val_losses=frozen(np.ones(1)),
                      val_accuracies=frozen(np.array([0.1 * k]))))
        pane.draw([h])
    items = pane.run_items()[0]
    assert len(items["acc"].getData()[0]) == 10
    for name in ("acc", "start_whole"):
        assert len(items[name].scatter.fragmentAtlas) == 1

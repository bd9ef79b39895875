import numpy as np
import pytest

from initviz.ui.panes.depth_pane import DepthPane
from initviz.ui.panes.histogram_pane import HistogramPane
from initviz.ui.panes.loss_pane import LossPane
from initviz.ui.panes.results_table import ResultsTable
from initviz.ui.run.run_history import RunHistory

from helpers import histories, snapshot


def drawn_as(pane, hs, run, layer):
    """The edges and percentages the pane's view gives run ``run`` in layer ``layer``."""
    lv = pane.view_of(hs).layers[layer]
    rv = lv.runs[run]
    return lv.edges, 100 * rv.counts / rv.total




def test_snapshot_lands_in_histogram_pane(qtbot):
    pane = HistogramPane("activation")
    qtbot.addWidget(pane)
    s = snapshot(n_layers=3)
    hs = histories(s)
    pane.draw(hs)
    for stats in s.layers:
        x, y = pane.curves()[(0, stats.layer - 1)].getData()
        e, pct = drawn_as(pane, hs, 0, stats.layer - 1)
        np.testing.assert_array_equal(x, e)
        np.testing.assert_allclose(y, pct)
        assert len(x) == len(y) + 1
        # every value is in the picture: the bars sum to the non-zero share
        h = stats.activation_hist
        assert y.sum() == pytest.approx(100 * h.finite_nonzero / h.total)
    pane.set_preactivation(True)
    pane.draw(hs)
    x, y = pane.curves()[(0, 0)].getData()
    e, pct = drawn_as(pane, hs, 0, 0)
    assert pane.view_of(hs).field == "preactivation"
    np.testing.assert_array_equal(x, e)
    np.testing.assert_allclose(y, pct)


def test_gradient_and_weight_panes(qtbot):
    s = snapshot(n_layers=2)
    hs = histories(s)
    for kind in ("gradient", "weight"):
        pane = HistogramPane(kind)
        qtbot.addWidget(pane)
        pane.draw(hs)
        assert pane.view_of(hs).field == kind
        x, _ = pane.curves()[(0, 1)].getData()
        np.testing.assert_array_equal(x, drawn_as(pane, hs, 0, 1)[0])


def test_compare_runs_stay_apart_overlaid_and_side_by_side(qtbot):
    pane = HistogramPane("activation")
    qtbot.addWidget(pane)
    a = snapshot(run_index=0, run_count=2, seed=1)
    b = snapshot(run_index=1, run_count=2, seed=2)
    hs = histories(a, b)
    for side in (False, True):
        pane.set_side_by_side(side)
        pane.draw(hs)
        for run in (0, 1):
            _, y = pane.curves()[(run, 0)].getData()
            np.testing.assert_allclose(y, drawn_as(pane, hs, run, 0)[1])
        assert not np.allclose(pane.curves()[(0, 0)].getData()[1],
                               pane.curves()[(1, 0)].getData()[1])
    assert len(pane.plots()) == 2 * 3     # side by side: a row per run


def test_deep_networks_show_ten_layers(qtbot):
    pane = HistogramPane("activation")
    qtbot.addWidget(pane)
    s = snapshot(n_layers=30)
    pane.draw(histories(s))
    assert len(pane.plots()) == 10
    assert (0, 0) in pane.curves() and (0, 29) in pane.curves()


def test_depth_pane(qtbot):
    pane = DepthPane()
    qtbot.addWidget(pane)
    s = snapshot(n_layers=4)
    pane.draw(histories(s))
    y = pane.run_items()[0]["act"].yData     # getData() is in log10 units on a log axis
    np.testing.assert_allclose(y, [l.activation_std for l in s.layers])
    pred = pane.run_items()[0]["pred"].yData
    np.testing.assert_allclose(pred, [l.predicted_activation_std for l in s.layers])
    g = pane.run_items()[0]["grad"].yData
    np.testing.assert_allclose(g, [l.gradient_std for l in s.layers])


def test_loss_points_are_appended_never_dropped(qtbot):
    pane = LossPane()
    qtbot.addWidget(pane)
    hs = [RunHistory(0, "a")]
    for k in range(50):
        hs[0].add(snapshot(stage="train", step=4 * k + 4, total=200,
                           losses=np.full(4, 2.0 - k / 100), start=4 * k + 1, with_layers=False))
    pane.draw(hs)
    x, y = pane.run_items()[0]["whole"].getData()
    assert len(x) == 200 and x[0] == 1 and x[-1] == 200
    x, _ = pane.run_items()[0]["early"].getData()
    assert len(x) == 100


def test_divergence_is_marked_on_curve_and_in_table(qtbot):
    pane = LossPane()
    table = ResultsTable()
    qtbot.addWidget(pane)
    qtbot.addWidget(table)
    ok = snapshot(run_index=0, run_count=2, stage="train", step=3, total=10,
                  losses=[2.0, 1.5, 1.2], label="fine")
    bad = snapshot(run_index=1, run_count=2, stage="diverged", step=3, total=10,
                   losses=[2.0, 50.0, np.inf], diverged_at=3, label="blows up")
    hs = histories(ok, bad)
    pane.draw(hs)
    table.draw(hs)
    pos = pane.run_items()[1]["mark_whole"].getData()
    assert list(pos[0]) == [3] and list(pos[1]) == [50.0]
    assert "diverged at step 3" in pane.run_items()[1]["text"].toPlainText()
    assert len(pane.run_items()[0]["mark_whole"].getData()[0]) == 0
    rows = table.rows()
    assert rows[1][0] == "blows up" and "diverged at step 3" in rows[1][4]
    assert "diverged" not in rows[0][4]
    pane.set_log_scale(True)
    pane.draw(hs)
    assert abs(pane.run_items()[1]["mark_whole"].getData()[1][0] - np.log10(50.0)) < 1e-9


# -- added with the speed and readability work ------------------------------------------------
import dataclasses  # noqa: E402
import warnings  # noqa: E402

import pytest  # noqa: E402

from initviz.ui.panes.boundary_pane import BoundaryPane  # noqa: E402
from initviz.ui.panes.step_curve import StepCurve  # noqa: E402


def test_histogram_pane_keeps_its_plots_from_one_experiment_to_the_next(qtbot):
    pane = HistogramPane("activation")
    qtbot.addWidget(pane)
    three = [snapshot(run_index=i, run_count=3, n_layers=10, seed=i) for i in range(3)]
    pane.draw(histories(*three))
    plots = list(pane.plots())
    assert len(plots) == 10 and all(isinstance(c, StepCurve) for c in pane.curves().values())
    one = snapshot(n_layers=10, label="alone")
    hs = histories(one)
    pane.draw(hs)
    assert pane.plots() == plots                 # the same PlotItems, not new ones
    assert set(pane.curves()) == {(0, k) for k in range(10)}
    hidden = [c for k in range(10) for c in pane.pooled_curves(k)[2:]]
    assert hidden and not any(c.isVisible() for c in hidden)
    x, y = pane.curves()[(0, 9)].getData()
    np.testing.assert_allclose(y, drawn_as(pane, hs, 0, 9)[1])
    few = snapshot(n_layers=3, label="shallow")
    pane.draw(histories(few))
    assert pane.plots() == plots[:3] and len(pane.view.ci.items) == 3 + 1   # + the x label
    assert not pane.plots()[1].getAxis("left").isVisible()   # y axis only in the first column


def test_histogram_pane_warms_up_one_plot_at_a_time(qtbot):
    pane = HistogramPane("weight")
    qtbot.addWidget(pane)
    made = 0
    while pane.warm_up():
        made += 1
        assert pane.pool_size() == made
    assert made == 10 and not pane.warm_up()


def test_step_curve_bounds_come_with_the_data(qtbot):
    curve = StepCurve()
    curve.set_steps(np.linspace(-1, 1, 5), np.array([1.0, 4.0, 2.0, 0.0]), 4.0, (0.1, 0.5))
    r = curve.boundingRect()
    assert (r.left(), r.right(), r.top(), r.bottom()) == pytest.approx((-1.1, 1.1, -0.5, 4.5))
    assert curve.dataBounds(0) == pytest.approx((-1.1, 1.1))


def _diverged(snap, step):
    nan_layers = tuple(dataclasses.replace(
        l, activation_std=np.nan, gradient_std=np.nan, predicted_activation_std=np.nan,
        saturated_fraction=np.nan, dead_fraction=np.nan) for l in snap.layers)
    return dataclasses.replace(snap, layers=nan_layers, stage="diverged", diverged_at=step)


def test_depth_pane_draws_no_nan_and_names_the_diverged_run(qtbot):
    pane = DepthPane()
    qtbot.addWidget(pane)
    ok = snapshot(run_index=0, run_count=2, n_layers=4, label="calm")
    bad = _diverged(snapshot(run_index=1, run_count=2, n_layers=4, label="wild"), 7)
    with warnings.catch_warnings():
        warnings.simplefilter("error")            # "All-NaN slice encountered" fails here
        pane.draw(histories(ok, bad))
        pane.act_plot.setXRange(0, 5)
    for name in ("act", "pred", "grad", "sat", "dead"):
        assert len(pane.run_items()[1][name].xData if pane.run_items()[1][name].xData is not None
                   else []) == 0
    assert "diverged at step 7" in pane.legend.text().replace("&nbsp;", " ")


def test_loss_pane_turns_to_log_scale_when_losses_span_decades_unless_told(qtbot):
    pane = LossPane()
    qtbot.addWidget(pane)
    calm = snapshot(run_index=0, run_count=2, stage="train", step=3, total=10,
                    losses=[2.3, 2.0, 1.8], label="calm")
    wild = snapshot(run_index=1, run_count=2, stage="train", step=3, total=10,
                    losses=[900.0, 400.0, 300.0], label="wild")
    pane.draw(histories(calm, wild))
    assert pane.log_scale and pane.log_box.isChecked()
    assert "log" in pane.early.getAxis("left").labelText
    # A person clears the box: it stays cleared for this and later experiments.
    pane.log_box.click()
    assert not pane.log_scale
    pane.draw(histories(calm, wild))
    assert not pane.log_scale
    other = [dataclasses.replace(s, label=s.label + "!") for s in (calm, wild)]
    pane.draw(histories(*other))
    assert not pane.log_scale
    # A fresh pane with a narrow spread stays linear.
    lin = LossPane()
    qtbot.addWidget(lin)
    lin.draw(histories(calm))
    assert not lin.log_scale


def test_loss_pane_notes_divergence_in_the_legend_and_inside_the_plot(qtbot):
    pane = LossPane()
    qtbot.addWidget(pane)
    pane.resize(900, 600)
    pane.show()
    ok = snapshot(run_index=0, run_count=2, stage="train", step=3, total=10,
                  losses=[2.0, 1.5, 1.2], label="fine")
    bad = snapshot(run_index=1, run_count=2, stage="diverged", step=2, total=10,
                   losses=[2.0, np.inf], diverged_at=2, label="blows up")
    pane.draw(histories(ok, bad))
    assert "diverged at step 2" in pane.legend.text().replace("&nbsp;", " ")
    text = pane.run_items()[1]["text"]
    ax, ay = text.anchor.x(), text.anchor.y()
    assert ax < 0            # the mark is at the left edge: the note goes to its right
    assert ay < 0            # and at the top: the note goes below it


def test_results_table_draws_accuracy_bars(qtbot):
    table = ResultsTable()
    qtbot.addWidget(table)
    snaps = []
    for i, acc in enumerate((0.9, 0.5)):
        s = snapshot(run_index=i, run_count=2, stage="done", step=5, total=5, label=f"r{i}")
        snaps.append(dataclasses.replace(s, val_steps=np.array([5]), val_losses=np.array([0.3]),
                                         val_accuracies=np.array([acc])))
    table.draw(histories(*snaps))
    assert table.rows()[0][2] == "90.0 %"
    assert list(table.bars()[0].opts["width"]) == pytest.approx([90.0, 50.0])
    assert table.bars()[1][1].toPlainText().startswith("50.0 %")
    # the validation loss the texts point to, in the bar's words too: the table's small type
    # was the only place it was said at 1600 x 1000 (review 17)
    assert table.bars()[1][1].toPlainText().endswith("validation loss " + table.rows()[1][3])
    # The bars are made again at every draw: their labels must stay on top of them (equal
    # z-values stack in the order items were added, and the opaque bars hid the labels).
    snaps[0] = dataclasses.replace(snaps[0], step=6)
    table.draw(histories(*snaps))
    assert all(t.zValue() > table.bars()[0].zValue() for t in table.bars()[1])
    table.draw([])                                 # no runs: no bars, no error


def test_boundary_maps_share_one_window_and_say_when_flat(qtbot):
    from initviz.engine.config import ExperimentConfig, merge
    pane = BoundaryPane()
    qtbot.addWidget(pane)
    pane.resize(1000, 500)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_config(merge(ExperimentConfig(), {"data": {"name": "flower", "samples": 400}}))
    flat = np.full((10, 10), 0.5, np.float32)
    ramp = np.tile(np.linspace(0, 1, 10, dtype=np.float32), (10, 1))
    snaps = [dataclasses.replace(snapshot(run_index=i, run_count=2, label=f"r{i}"),
                                 boundary=b, boundary_extent=(-5.0, 5.0, -4.0, 4.0))
             for i, b in enumerate((flat, ramp))]
    pane.draw(histories(*snaps))
    qtbot.wait(50)
    (x0, x1), (y0, y1) = pane.plots()[1].vb.viewRange()
    assert np.allclose(pane.plots()[0].vb.viewRange(), pane.plots()[1].vb.viewRange())
    assert x0 <= -5 and x1 >= 5 and y0 <= -4 and y1 >= 4
    assert pane.notes()[0].isVisible() is not False and "0.50\neverywhere" in \
        pane.notes()[0].toPlainText()
    assert not pane.notes()[1].isVisible()
    # over the training points, on a see-through box: under them it was unread (review 17),
    # on a white one it hid a petal (review 13)
    note = pane.notes()[0]
    from pyqtgraph import ScatterPlotItem
    dots = [i for i in pane.plots()[0].items if isinstance(i, ScatterPlotItem)]
    assert dots and all(note.zValue() > d.zValue() for d in dots)
    assert 128 <= note.fill.color().alpha() < 255
    # and legibly in the legend, after the flat map's run only (the corner note is small)
    legend = pane.legend.text()
    assert legend.count("P = 0.50 everywhere") == 1
    assert legend.index("r0") < legend.index("P = 0.50") < legend.index("r1")


def test_boundary_maps_fill_their_plots_and_notes_fit_a_corner(qtbot):
    """flower-small-vs-xavier's square maps used the middle half of tall plots, and the
    "P = 0.50 everywhere" note was larger than a presentation map (symmetry-zeros)."""
    from initviz.engine.config import ExperimentConfig, merge
    pane = BoundaryPane()
    qtbot.addWidget(pane)
    pane.resize(640, 640)                  # two maps in a column narrower than it is tall
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_config(merge(ExperimentConfig(), {"data": {"name": "flower", "samples": 400}}))
    flat = np.full((10, 10), 0.5, np.float32)
    snaps = [dataclasses.replace(snapshot(run_index=i, run_count=2, label=f"r{i}"),
                                 boundary=flat, boundary_extent=(-5.0, 5.0, -5.0, 5.0))
             for i in range(2)]
    pane.draw(histories(*snaps))
    qtbot.waitUntil(lambda: abs(pane.plots()[0].vb.height() - pane.plots()[0].vb.width())
                    <= 0.1 * pane.plots()[0].vb.width(), timeout=3000)
    for plot in pane.plots():                     # the square window fills the square plot
        (x0, x1), (y0, y1) = plot.vb.viewRange()
        assert y1 - y0 <= 1.15 * 10 and x1 - x0 <= 1.15 * 10
    for i in range(2):
        wide, tall = pane.note_size(i)
        assert wide <= 0.45 and tall <= 0.35, (wide, tall)


def test_tiny_tick_values_are_written_in_a_power_of_ten():
    from initviz.ui.look.plot_style import power_note, x_ticks
    ticks, power = x_ticks((-0.00013, 0.00013), 4)
    assert power == -4 and [t for _, t in ticks[0]] == ["-1", "0", "1"]
    assert power_note(power) == " (×10⁻⁴)"
    ticks, power = x_ticks((0.0, 1.0), 4)
    assert power == 0 and power_note(power) == "" and ticks[0][-1][1] == "1"
    for span in (-0.00045, 0.00045), (-4.5, 4.5), (-1.0, 1.0), (0.0, 3.5):
        for count in (3, 4, 6):       # a round step that leaves one label inside: a finer one
            assert len(x_ticks(span, count)[0][0]) >= 2, (span, count)


def test_a_wide_plot_labels_the_ends_of_its_range():
    """Review 16: flower's one tanh plot was labelled −0.5, 0, 0.5, and the ±1 where a quarter
    of Xavier's units sit had no label. A pane of at most three plots (padded for them) labels
    its ends; ten plots in a row still keep theirs clear of the next plot's."""
    from initviz.ui.look.plot_style import x_ticks
    labels = [t for _, t in x_ticks((-1.0, 1.0), 6, ends=True)[0][0]]
    assert labels[0] == "-1" and labels[-1] == "1"
    assert "1" not in [t for _, t in x_ticks((-1.0, 1.0), 4)[0][0]]


def test_gradient_pane_puts_the_power_of_ten_in_its_label(qtbot):
    pane = HistogramPane("gradient")
    qtbot.addWidget(pane)
    s = snapshot(n_layers=5)       # gradients of about 1e-4
    layers = tuple(dataclasses.replace(
        la, gradient_hist=dataclasses.replace(la.weight_hist, edges=la.weight_hist.edges * 1e-3))
        for la in s.layers)
    pane.draw(histories(dataclasses.replace(s, layers=layers)))
    assert pane.plots()[0].titleLabel.text.endswith("(×10⁻⁴)")   # each layer says its power
    labels = [t for _, t in pane.plots()[0].getAxis("bottom")._tickLevels[0]]
    assert "0" in labels and all(len(t) <= 4 for t in labels)


def test_the_divergence_note_follows_the_language(qtbot):
    from initviz.ui import i18n
    pane = LossPane()
    qtbot.addWidget(pane)
    bad = snapshot(run_index=0, run_count=1, stage="diverged", step=2, total=10,
                   losses=[2.0, np.inf], diverged_at=2, label="no remedy")
    hs = histories(bad)
    pane.draw(hs)
    text = pane.run_items()[0]["text"]
    assert text.toPlainText() == "no remedy: diverged at step 2"
    try:
        i18n.set_language("zh_CN")
        pane.draw(hs)                  # as the window does after a switch
        assert text.toPlainText() == "不加补救：在第 2 步发散"
    finally:
        i18n.set_language("en")


def test_a_uniform_maps_corner_note_is_legible_or_left_to_the_legend(qtbot):
    """symmetry-zeros at 1280 × 720 presentation: "P = 0.50 everywhere" in 7-pixel type in
    the corner of a small map (review 9). A note smaller than 0.8 of the window's type is
    not shown; the legend says it in any case."""
    from PySide6.QtGui import QFont
    from initviz.engine.config import ExperimentConfig, merge
    from initviz.ui.panes.boundary_pane import NOTE_SMALLEST
    flat = np.full((10, 10), 0.5, np.float32)
    for width, visible in ((1200, True), (330, False)):
        pane = BoundaryPane()
        qtbot.addWidget(pane)
        font = QFont(pane.font())
        font.setPointSizeF(16)                  # presentation type
        pane.setFont(font)
        pane.resize(width, 500)
        pane.show()
        qtbot.waitExposed(pane)
        pane.set_config(merge(ExperimentConfig(), {"data": {"name": "flower",
                                                            "samples": 400}}))
        snaps = [dataclasses.replace(snapshot(run_index=i, run_count=3, label=f"r{i}"),
                                     boundary=flat, boundary_extent=(-5.0, 5.0, -5.0, 5.0))
                 for i in range(3)]
        pane.draw(histories(*snaps))
        qtbot.wait(100)
        for note in pane.notes():
            assert note.isVisible() == visible, width
            if note.isVisible():
                assert note.textItem.font().pointSizeF() >= NOTE_SMALLEST * 16 - 0.01
        assert pane.legend.text().count("P = 0.50 everywhere") == 3

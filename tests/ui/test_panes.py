import numpy as np

from initviz.ui.depth_pane import DepthPane
from initviz.ui.histogram_pane import HistogramPane
from initviz.ui.loss_pane import LossPane
from initviz.ui.results_table import ResultsTable
from initviz.ui.run_history import RunHistory

from helpers import snapshot


def histories(*snaps):
    out = []
    for s in snaps:
        while len(out) <= s.run_index:
            out.append(RunHistory(len(out), s.label))
        out[s.run_index].add(s)
    return out


def test_snapshot_lands_in_histogram_pane(qtbot):
    pane = HistogramPane("activation")
    qtbot.addWidget(pane)
    s = snapshot(n_layers=3)
    pane.draw(histories(s), s.edges)
    for stats in s.layers:
        x, y = pane._curves[(0, stats.layer - 1)].getData()
        np.testing.assert_array_equal(x, s.edges.activation)
        counts = stats.activation_hist
        np.testing.assert_allclose(y, 100 * counts / counts.sum())
        assert len(x) == len(y) + 1
    pane.set_preactivation(True)
    pane.draw(histories(s), s.edges)
    x, y = pane._curves[(0, 0)].getData()
    np.testing.assert_array_equal(x, s.edges.preactivation)
    np.testing.assert_allclose(y, 100 * s.layers[0].preactivation_hist /
                               s.layers[0].preactivation_hist.sum())


def test_gradient_and_weight_panes(qtbot):
    s = snapshot(n_layers=2)
    for kind, field in (("gradient", "gradient"), ("weight", "weight")):
        pane = HistogramPane(kind)
        qtbot.addWidget(pane)
        pane.draw(histories(s), s.edges)
        x, _ = pane._curves[(0, 1)].getData()
        np.testing.assert_array_equal(x, getattr(s.edges, field))


def test_compare_runs_stay_apart_overlaid_and_side_by_side(qtbot):
    pane = HistogramPane("activation")
    qtbot.addWidget(pane)
    a = snapshot(run_index=0, run_count=2, seed=1)
    b = snapshot(run_index=1, run_count=2, seed=2)
    hs = histories(a, b)
    for side in (False, True):
        pane.set_side_by_side(side)
        pane.draw(hs, a.edges)
        for run, s in enumerate((a, b)):
            _, y = pane._curves[(run, 0)].getData()
            h = s.layers[0].activation_hist
            np.testing.assert_allclose(y, 100 * h / h.sum())
        assert not np.allclose(pane._curves[(0, 0)].getData()[1],
                               pane._curves[(1, 0)].getData()[1])
    assert len(pane._plots) == 2 * 3     # side by side: a row per run


def test_deep_networks_show_ten_layers(qtbot):
    pane = HistogramPane("activation")
    qtbot.addWidget(pane)
    s = snapshot(n_layers=30)
    pane.draw(histories(s), s.edges)
    assert len(pane._plots) == 10
    assert (0, 0) in pane._curves and (0, 29) in pane._curves


def test_depth_pane(qtbot):
    pane = DepthPane()
    qtbot.addWidget(pane)
    s = snapshot(n_layers=4)
    pane.draw(histories(s))
    y = pane._items[0]["act"].yData     # getData() is in log10 units on a log axis
    np.testing.assert_allclose(y, [l.activation_std for l in s.layers])
    pred = pane._items[0]["pred"].yData
    np.testing.assert_allclose(pred, [l.predicted_activation_std for l in s.layers])
    g = pane._items[0]["grad"].yData
    np.testing.assert_allclose(g, [l.gradient_std for l in s.layers])


def test_loss_points_are_appended_never_dropped(qtbot):
    pane = LossPane()
    qtbot.addWidget(pane)
    hs = [RunHistory(0, "a")]
    for k in range(50):
        hs[0].add(snapshot(stage="train", step=4 * k + 4, total=200,
                           losses=np.full(4, 2.0 - k / 100), start=4 * k + 1, with_layers=False))
    pane.draw(hs)
    x, y = pane._items[0]["whole"].getData()
    assert len(x) == 200 and x[0] == 1 and x[-1] == 200
    x, _ = pane._items[0]["early"].getData()
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
    pos = pane._items[1]["mark_whole"].getData()
    assert list(pos[0]) == [3] and list(pos[1]) == [50.0]
    assert "diverged at step 3" in pane._items[1]["text"].toPlainText()
    assert len(pane._items[0]["mark_whole"].getData()[0]) == 0
    rows = table.rows()
    assert rows[1][0] == "blows up" and "diverged at step 3" in rows[1][4]
    assert "diverged" not in rows[0][4]
    pane.set_log_scale(True)
    pane.draw(hs)
    assert abs(pane._items[1]["mark_whole"].getData()[1][0] - np.log10(50.0)) < 1e-9

"""The histogram panes on the presets whose runs hid each other: a run that coincides with an
earlier one is named in the legend and drawn thinner on top of it; a run that would be a smear,
or more than four distinct runs, get a row each with its own y scale (hist_overlap)."""
import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from initviz.engine.config import merge
from initviz.engine.presets import get
from initviz.engine.runner import run_experiment
from initviz.ui.panes.histogram_pane import HistogramPane

from helpers import histories


def preset_histories(key, **over):
    preset = get(key)
    config = merge(preset.config, {"data": {"source": "bundled"}, **over})
    return preset, histories(*run_experiment(config, snapshot_seconds=1e9))


def pane_for(qtbot, kind, preset):
    pane = HistogramPane(kind)
    qtbot.addWidget(pane)
    pane.resize(1200, 800)
    pane.show_preset(preset)
    return pane


def tallest(curve) -> float:
    return float(np.max(curve.getData()[1]))


def y_top(plot) -> float:
    return plot.vb.viewRange()[1][1]


def test_sigmoid_compare_gives_xavier_a_row_and_a_scale_of_its_own(qtbot):
    preset, hs = preset_histories("act-sigmoid-compare")
    pane = pane_for(qtbot, "activation", preset)
    pane.draw(hs)
    assert pane.rows_shown() and pane.side_box.isChecked()
    plots = pane.plots()
    assert len(plots) == 3 * 5                                 # a row per run, five layers
    spike_row, xavier_row = plots[5:10], plots[10:15]
    assert y_top(xavier_row[0]) < y_top(spike_row[0]) / 3     # its own, lower scale
    # Xavier's histogram fills its row (the row's layers share its scale) and at least a
    # quarter of it in every layer; overlaid, under N(0, 0.01)'s spike, below a fifth.
    peaks = [tallest(pane.curves()[(2, layer)]) for layer in range(5)]
    assert max(peaks) > y_top(xavier_row[0]) / 1.5
    assert min(peaks) > y_top(xavier_row[0]) / 4
    # The user's choice holds until the next preset.
    pane.set_side_by_side(False)
    pane.draw(hs)
    assert not pane.rows_shown() and len(pane.plots()) == 5
    assert tallest(pane.curves()[(2, 0)]) < y_top(pane.plots()[0]) / 5
    pane.show_preset(preset)
    pane.draw(hs)
    assert pane.rows_shown()


def test_activation_compare_relu_stays_visible_under_leaky_relu(qtbot):
    preset, hs = preset_histories("activation-compare")
    labels = [h.label for h in hs]
    relu, leaky = labels.index("ReLU"), labels.index("leaky ReLU")
    pane = pane_for(qtbot, "gradient", preset)
    pane.draw(hs)
    assert pane.rows_shown()              # six runs, five of them distinct: a row each
    assert "thin&nbsp;line" not in pane.legend.text()
    pane.set_side_by_side(False)          # overlaid: the legend says which run lies on which
    pane.draw(hs)
    assert "leaky&nbsp;ReLU&nbsp;(close&nbsp;to&nbsp;ReLU:&nbsp;thin&nbsp;line&nbsp;on&nbsp;top)" in \
        pane.legend.text()
    for layer in range(10):
        under, over = pane.curves()[(relu, layer)], pane.curves()[(leaky, layer)]
        assert over.opts["pen"].widthF() < under.opts["pen"].widthF() / 1.5
        assert over.zValue() > under.zValue()
        # ReLU's bars are drawn (not all zeros) where leaky ReLU's active part lies.
        assert tallest(under) > 0.3 * tallest(over)


def test_xavier_gain_table_gets_a_row_per_run(qtbot):
    preset, hs = preset_histories("xavier-gain-table", train={"steps": 0})
    pane = pane_for(qtbot, "gradient", preset)
    pane.draw(hs)
    assert pane.rows_shown() and len(pane.plots()) == 6 * 5
    assert "thin&nbsp;line" not in pane.legend.text()


def drawn_at_window_sizes(qtbot, pane, hs):
    """The pane shown and drawn at its size in the window at 1280×720, then at 1600×1000."""
    pane.show()
    for size in ((635, 530), (950, 800)):
        pane.resize(*size)
        qtbot.wait(50)
        pane.draw(hs)
        qtbot.wait(50)
        yield size


def overlapping(rects) -> bool:
    rects = sorted(rects, key=lambda r: r.top())
    return any(a.intersects(b) for a, b in zip(rects, rects[1:]))


def test_rows_get_equal_plot_heights_and_their_labels_never_overlap(qtbot):
    from initviz.ui.look.axis_labels import drawn_labels
    preset, hs = preset_histories("xavier-gain-table", train={"steps": 0})
    pane = pane_for(qtbot, "gradient", preset)
    for _ in drawn_at_window_sizes(qtbot, pane, hs):
        plots = pane.plots()
        assert pane.rows_shown() and len(plots) == 30
        heights = [p.vb.height() for p in plots]
        assert min(heights) > 25 and max(heights) - min(heights) <= 3, heights
        for p in plots:
            for name in ("left", "bottom"):
                axis = p.getAxis(name)
                if axis.isVisible():
                    rects = [r for r, _ in drawn_labels(axis)]
                    vertical = name == "left"
                    key = (lambda r: r.top()) if vertical else (lambda r: r.left())
                    rects = sorted(rects, key=key)
                    assert not any(a.intersects(b) for a, b in zip(rects, rects[1:]))
                    if not vertical:       # no label past the plot's ends
                        assert all(r.left() >= -2.5 and r.right() <= axis.width() + 2.5
                                   for r in rects)
        # the plots lie inside the pane: nothing is pushed below its bottom
        bottom = max(p.mapRectToScene(p.boundingRect()).bottom() for p in plots)
        assert bottom < pane.view.height()


def test_zero_notes_lie_whole_inside_their_plots(qtbot):
    preset, hs = preset_histories("activation-compare")
    pane = pane_for(qtbot, "gradient", preset)
    for size in drawn_at_window_sizes(qtbot, pane, hs):
        pane.grab()                               # painted: the notes' transforms follow the view
        notes = pane.notes()
        # ReLU's and maxout's exact zeros: in their plots, or all in the key line
        assert notes or "exact zeros (in no bar)" in pane.legend.text().replace("&nbsp;", " ")
        for plot, note in notes:
            inside = plot.vb.sceneBoundingRect().adjusted(-1, -1, 1, 1)
            assert inside.contains(note.sceneBoundingRect()), note.textItem.toPlainText()


def test_row_names_are_the_legends_translated_labels(qtbot):
    from initviz.ui import i18n
    from initviz.ui.i18n import run_label
    preset, hs = preset_histories("xavier-gain-table", train={"steps": 0})
    i18n.set_language("zh_CN")
    try:
        pane = pane_for(qtbot, "gradient", preset)
        pane.draw(hs)
        names = [pane.view.ci.getItem(r + 1, 0).name for r in range(len(hs))]
        assert names == [run_label(h.label) for h in hs]
        assert names != [h.label for h in hs]               # translated, as in the legend
        # the rows name the runs; the legend above them, which would say it again, leaves
        # its lines to the rows (xavier-gain-table's rows were 20 px tall at 1280 × 720)
        assert pane.rows_shown()
        assert not any(name.replace(" ", "&nbsp;") in pane.legend.text() for name in names)
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("key,kind", [("activation-compare", "gradient"),
                                      ("act-tanh-compare", "activation"),
                                      ("xavier-gain-table", "gradient"),
                                      ("glorot-activations", "activation")])
def test_x_tick_labels_stay_inside_their_plot_and_apart(qtbot, key, kind):
    from initviz.ui.look.axis_labels import drawn_labels
    preset, hs = preset_histories(key, train={"steps": 0})
    pane = pane_for(qtbot, kind, preset)
    pane.show()
    for size in ((635, 530), (520, 530), (950, 800)):   # 1280×720, narrower, 1600×1000
        pane.resize(*size)
        qtbot.wait(50)
        pane.draw(hs)
        qtbot.wait(50)
        labelled = 0
        for p in pane.plots():
            axis = p.getAxis("bottom")
            rects = sorted((r for r, _ in drawn_labels(axis)), key=lambda r: r.left())
            labelled += bool(rects)
            assert all(r.left() >= -2.5 and r.right() <= axis.width() + 2.5 for r in rects), \
                (size, axis.width(), [(r.left(), r.right(), t) for r, t in drawn_labels(axis)])
            assert all(a.right() <= b.left() for a, b in zip(rects, rects[1:]))
        assert labelled >= len({layer for (_, layer) in pane.curves()})   # a label a column
        if kind == "activation" and key == "glorot-activations" and size[0] == 635:
            for p in pane.plots()[-5:]:       # tanh's [−1, 1]: both ends and the middle
                shown = [t for _, t in drawn_labels(p.getAxis("bottom"))]
                assert shown == ["-1", "0", "1"] or (p.getAxis("bottom").width() < 60 and
                                                     len(shown) >= 2), shown
        if pane.view_of(hs).axis == "magnitude" and pane.view_of(hs).shared:
            bottom = pane.plots()[-(len(pane.column_titles()) or 5):]    # the bottom row
            shown = {tuple(t for _, t in drawn_labels(p.getAxis("bottom"))) for p in bottom}
            assert len(shown) == 1, shown     # one range: the columns are labelled alike


def test_a_chinese_run_name_without_spaces_is_wrapped_too():
    from initviz.ui.panes.histogram_rows import name_lines
    lines = name_lines("归一化（Xavier）U[±√(6/(n+n_out)))")
    assert lines == ["归一化（Xavier）", "U[±√(6/(n+n_out)))"]
    assert name_lines("sigmoid, Xavier uniform ×4") == ["sigmoid,", "Xavier uniform", "×4"]
    # never inside brackets: "(Xavier) U[−a," ⏎ "a), a =" (review 9)
    for width in (14, 18):
        lines = name_lines("normalized (Xavier) U[−a, a), a = √(6/(n_in+n_out))", width)
        assert any("U[−a, a)" in line for line in lines), lines


def test_column_titles_never_run_together_at_1280_by_720(window, qtbot):
    """glorot-gradients' shared range writes every column in units of 10⁻⁴: at 1280 × 720
    the titles read "2 (×10⁻⁴)3 (×10⁻⁴)4 (×10⁻⁴)"; the unit now stands once, over layer 1."""
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.load_preset("glorot-gradients")
    window.show_pane("gradients")
    qtbot.waitUntil(lambda: all(h.layers is not None for h in window.histories), timeout=20000)
    pane = window.panes["gradients"]
    window.draw_all()
    QApplication.processEvents()
    titles = pane.column_titles()
    assert len(titles) == 5 and "10⁻⁴" in titles[0][0]
    for (a, ra), (b, rb) in zip(titles, titles[1:]):     # a gap that reads as one: 5 px
        assert rb.left() - ra.right() >= 0.3 * ra.height(), (a, b)   # offscreen, 0 on screen


@pytest.mark.parametrize("key,kind", [("act-sigmoid-compare", "activation"),
                                      ("glorot-activations", "activation"),
                                      ("xavier-gain-table", "gradient")])
def test_column_titles_are_centred_on_their_plots(qtbot, key, kind):
    """A row per run: the layer titles are a row of their own. Centred over plot and y axis,
    "layer 1" stood ~30 px left of its histogram (review 7); each is now centred on its view
    box, in scene coordinates, at the pane's sizes in a 1280×720 and a 1600×1000 window."""
    preset, hs = preset_histories(key, train={"steps": 0})
    pane = pane_for(qtbot, kind, preset)
    for size in drawn_at_window_sizes(qtbot, pane, hs):
        QApplication.processEvents()
        titles = pane.column_titles()
        assert pane.rows_shown() and len(titles) >= 4
        first_row = pane.plots()[:len(titles)]
        axis = first_row[0].getAxis("left").width()
        assert axis > 15                      # the y axis the column title was centred over
        for (text, rect), plot in zip(titles, first_row, strict=True):
            box = plot.vb.sceneBoundingRect()
            assert abs(rect.center().x() - box.center().x()) <= 3, (size, text)


def test_activation_compare_rows_show_four_wide_columns_where_the_sigmoid_moves(qtbot):
    """Six runs in rows of six ~90 px columns over 12 decades hid the sigmoid's ~3-fold shrink
    per layer (review 10). The preset's row_layers show layers 1, 4, 7 and 10: in the pane
    of a 1600 × 1000 window the sigmoid's histogram, where half its values lie on either side,
    moves right by more than a third of a column from layer 1 to layer 10."""
    def middle(lv, i) -> float:       # as tests/test_preset_hist_axes.py measures it
        bars = lv.runs[i].counts + lv.runs[i].negative
        cum = np.cumsum(bars)
        return float(np.interp(cum[-1] / 2, cum, lv.edges[1:]))
    preset, hs = preset_histories("activation-compare")
    pane = pane_for(qtbot, "gradient", preset)
    pane.show()
    pane.resize(950, 800)
    qtbot.wait(50)
    pane.draw(hs)
    qtbot.wait(50)
    assert pane.rows_shown()
    assert [t for t, _ in pane.column_titles()] == [f"layer {n}" for n in (1, 4, 7, 10)]
    view, sigmoid = pane.view_of(hs), [h.label for h in hs].index("sigmoid")
    at = []
    for plot, layer in zip(pane.plots()[:4], (0, 3, 6, 9)):
        box = plot.vb.sceneBoundingRect()
        x = plot.vb.mapViewToScene(QPointF(middle(view.layers[layer], sigmoid), 0)).x()
        at.append((x - box.left()) / box.width())
        assert box.width() > 120
    assert np.all(np.diff(at) > 0.08) and at[-1] - at[0] > 1 / 3, at
    pane.set_side_by_side(False)          # overlaid, all ten layers
    pane.draw(hs)
    assert len(pane.plots()) == 10


def test_rows_too_short_to_read_scroll(qtbot):
    """Eight runs in a short pane: each row keeps at least ``least_row`` (its y axis' top,
    middle and bottom labels), and the pane scrolls rather than squeezing them."""
    from initviz.ui.panes.histogram_rows import least_row
    from helpers import snapshot
    hs = histories(*(snapshot(run_index=i, run_count=8, n_layers=3, seed=10 * i)
                     for i in range(8)))
    pane = HistogramPane("activation")
    qtbot.addWidget(pane)
    pane.set_side_by_side(True)
    pane.show()
    for size, scrolls in (((600, 380), True), ((600, 1400), False)):
        pane.resize(*size)
        qtbot.wait(50)
        pane.draw(hs)
        QApplication.processEvents()
        qtbot.wait(50)
        rows = [pane.view.ci.layout.rowMinimumHeight(r + 1) for r in range(8)]
        assert min(rows) >= least_row(pane.plots()[0]) - 1, rows
        bar = pane.scroll.verticalScrollBar()
        assert (bar.maximum() > 0) == scrolls, (size, bar.maximum())
        assert pane.view.height() >= pane.scroll.viewport().height()


def test_every_weight_plot_labels_its_zero(qtbot):
    """Review 17: under layers 2-5 of xavier-gain-table's Weights (six rows, 1600 x 1000) the
    axes read "−0.5   0.5": the "0" between fell 0.2 px short of the gap kept between labels.
    Every plot of the bottom row labels −0.5, 0 and 0.5, none touching."""
    from initviz.ui.look.axis_labels import drawn_labels
    from test_histogram_notes import drawn_at_start
    pane = drawn_at_start(qtbot, "xavier-gain-table", "weight", {"train": {"steps": 0}},
                          size=(880, 720))
    bottom = [p for p in pane.plots() if p.getAxis("bottom").style["showValues"]]
    assert len(bottom) == 5
    for p in bottom:
        labels = drawn_labels(p.getAxis("bottom"))
        assert [t for _, t in labels] == ["-0.5", "0", "0.5"], labels
        assert all(a.right() < b.left() for (a, _), (b, _) in zip(labels, labels[1:]))

"""The log10|x| histograms readable from the back of a classroom (review 5, problems 1-3): in
presentation mode at 1280 × 720 the slide the text points at is wide enough to see, every
magnitude panel carries two or more decade labels, whole and apart, every column draws its
decades at the same scale, and the share axes of the rows follow one rule.

Measured on the pictures the panes draw (``HistogramPane.view_of``) and the labels their axes
paint (``drawn_labels``). The offscreen screen is 800 × 800: the window presents, takes the
projector's size and reports a 720-line screen (test_presentation_fit's fixture)."""
import itertools
import math

import numpy as np
import pytest
from helpers import histories
from test_presentation_fit import HEIGHT, WIDTH, on_projector
from test_presentation_fit import presenting  # noqa: F401 (a fixture: 1280 × 720, presenting)

from initviz.engine.config import merge
from initviz.engine.presets import get
from initviz.engine.runner import run_experiment
from initviz.ui.look.axis_labels import drawn_labels


@pytest.fixture
def laptop(qtbot, monkeypatch):
    """The window at 1280 × 720, not presenting: its centre pane is narrower than in
    presentation (60-76 px columns), where review 6 found one decade label per panel."""
    w = on_projector(qtbot, monkeypatch)
    w.showNormal()
    w.resize(WIDTH, HEIGHT)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == (WIDTH, HEIGHT))
    yield w
    w.controller.shutdown()


@pytest.fixture(scope="module")
def at_start():
    """Per preset key, the window's histories of its runs at initialization."""
    out = {}
    for key in ("act-tanh-compare", "xavier-gain-table", "activation-compare"):
        cfg = merge(get(key).config, {"data": {"source": "bundled"}, "train": {"steps": 0}})
        out[key] = histories(*(s for s in run_experiment(cfg, snapshot_seconds=1e9)
                               if s.layers is not None))
    return out


def drawn_pane(qtbot, w, key, tab, hs):
    w.load_preset(key, run=False)
    w.show_pane(tab)
    pane = w.panes[tab]
    pane.draw(hs)
    qtbot.wait(50)
    pane.draw(hs)
    qtbot.wait(50)
    return pane


def middle(lv, i) -> float:
    """Where run i's drawn bars have half their values on either side (log10|x|)."""
    rv = lv.runs[i]
    cum = np.cumsum(rv.counts + rv.negative)
    return float(np.interp(cum[-1] / 2, cum, lv.edges[1:]))


def per_decade(plot) -> float:
    lo, hi = plot.vb.viewRange()[0]
    return plot.vb.width() / (hi - lo)


def test_act_tanh_compare_slide_is_wide_enough_to_see(presenting, qtbot, at_start):
    """"N(0, 0.01) slides one decade to the left per layer": 8-10 pixels a layer in
    presentation at 1280 × 720 before (13 decades in a 105-pixel column), now 14."""
    hs = at_start["act-tanh-compare"]
    pane = drawn_pane(qtbot, presenting, "act-tanh-compare", "activations", hs)
    view = pane.view_of(hs)
    assert view.axis == "magnitude"
    tiny = [h.label for h in hs].index("N(0, 0.01)")
    plots = pane.plots()
    assert len(plots) == len(view.layers) == 5
    slides = []
    for l in range(4):
        a, b = view.layers[l], view.layers[l + 1]
        slides.append((middle(a, tiny) - middle(b, tiny)) * per_decade(plots[l]))
    assert min(slides) >= 12, slides


def test_xavier_gain_table_plain_and_x4_drift_apart_visibly(presenting, qtbot, at_start):
    """"the plain sigmoid's gradient gets several times smaller at each layer ... while the ×4
    runs keep far more of it": 6 px apart at layer 5 and 16 px at layer 1 before (review 5);
    every column now draws its decades at one scale (layer 1's column, beside the y axis,
    drew them 30 % narrower) and the range holds fewer decades."""
    hs = at_start["xavier-gain-table"]
    pane = drawn_pane(qtbot, presenting, "xavier-gain-table", "gradients", hs)
    view = pane.view_of(hs)
    labels = [h.label for h in hs]
    plain = labels.index("sigmoid, Xavier uniform")
    four = labels.index("sigmoid, Xavier uniform ×4")
    scales = [per_decade(p) for p in pane.plots()]
    assert max(scales) - min(scales) <= 0.02 * max(scales), scales
    gap_1 = (middle(view.layers[0], four) - middle(view.layers[0], plain)) * scales[0]
    assert gap_1 >= 24, gap_1


@pytest.mark.parametrize("key, tab", [("act-tanh-compare", "activations"),
                                      ("xavier-gain-table", "gradients"),
                                      ("activation-compare", "gradients")])
def test_every_magnitude_panel_has_two_whole_labels_apart(presenting, qtbot, at_start, key, tab):
    """One "10⁻⁵" per panel could not be counted in decades (review 5, problem 3)."""
    two_whole_labels(qtbot, presenting, at_start, key, tab)


def test_narrow_columns_of_the_laptop_layout_have_two_labels(laptop, qtbot, at_start):
    """xavier-gain-table's 76-px columns at 1280 × 720 showed one "10⁻⁵" (review 6): two
    labels in smaller type now. (activation-compare's 60-px columns still show one.)"""
    two_whole_labels(qtbot, laptop, at_start, "xavier-gain-table", "gradients")


def two_whole_labels(qtbot, window, at_start, key, tab):
    hs = at_start[key]
    pane = drawn_pane(qtbot, window, key, tab, hs)
    assert pane.view_of(hs).axis == "magnitude"
    labelled = 0
    for p in pane.plots():
        axis = p.getAxis("bottom")
        shown = drawn_labels(axis)
        if not shown:        # only the bottom row is labelled
            continue
        labelled += 1
        assert len(shown) >= 2, [t for _, t in shown]
        assert all(t.startswith("10") for _, t in shown)
        for rect, _ in shown:
            assert rect.left() >= -2.5 and rect.right() <= axis.width() + 2.5
        for (a, ta), (b, tb) in itertools.combinations(shown, 2):
            assert not a.intersects(b), (ta, tb)
    assert labelled >= (len(pane.column_titles()) or 5)      # every column of the bottom row


@pytest.mark.parametrize("key", ["xavier-gain-table", "activation-compare"])
def test_share_axes_of_the_rows_follow_one_rule(presenting, qtbot, at_start, key):
    """Rows of xavier-gain-table showed "5 / 5", "5 / 0 / 5" and "0" alone (review 5)."""
    hs = at_start[key]
    pane = drawn_pane(qtbot, presenting, key, "gradients", hs)
    assert pane.rows_shown()
    shapes = set()
    for p in pane.plots():
        axis = p.getAxis("left")
        if not axis.isVisible():
            continue
        texts = [t for _, t in sorted(drawn_labels(axis), key=lambda s: s[0].top())]
        assert texts and texts != ["0"], texts
        assert texts[0] == texts[-1] != "0", texts      # the same share above and below
        shapes.add(len(texts))
    assert len(shapes) == 1, shapes


# -- the rules themselves -------------------------------------------------------------------
def test_decade_labels_are_two_wherever_two_fit():
    from initviz.ui.look.hist_ticks import decade_labels
    for (lo, hi), pixels, width in itertools.product(
            ((-9.56, -2.94), (-7.58, 0.58), (-12.1, -1.4), (-39.4, -1.6)), range(50, 260, 9),
            (26, 31, 35)):
        gap = 8
        ks = decade_labels(lo, hi, pixels, width, gap)
        per = pixels / (hi - lo)
        clear = [k for k in range(math.ceil(lo), math.floor(hi) + 1)
                 if lo + (width / 2 + 1) / per <= k <= hi - (width / 2 + 1) / per]
        fit = len(clear) >= 2 and (clear[-1] - clear[0]) * per >= width + gap
        assert len(ks) >= 2 or not fit, (lo, hi, pixels, width, ks)
        if len(ks) >= 2:
            assert set(ks) <= set(clear)
            assert all((b - a) * per >= width + gap for a, b in zip(ks, ks[1:]))


def test_mirrored_labels_one_rule():
    from initviz.ui.look.hist_ticks import mirrored_labels
    for top, pixels in itertools.product((0.7, 2.6, 4.5, 5.5, 9.0, 33.0), range(30, 400, 11)):
        ticks = mirrored_labels(-top, top, pixels, 19)
        assert ticks and all(abs(t) <= top for t in ticks)
        outer = max(ticks)
        assert outer > 0 and outer >= 0.3 * top          # a share near the top, not "0" alone
        assert ticks in ([outer], [-outer, 0.0, outer]), ticks   # never "5 / 5"
        per = pixels / (2 * top)
        assert (0.0 in ticks) == (outer * per >= 1.5 * 19)     # labels half a height apart
    # xavier-gain-table's top row at 1600 x 1000: "5 / 0 / 5" had 27.3 px of the 28.5 its
    # labels need, and the row read "5" alone beside rows reading "5 / 0 / 5" (review 15)
    assert mirrored_labels(-8.99, 8.99, 98, 19) == [-8.0, 0.0, 8.0]
    assert mirrored_labels(-5.52, 5.52, 98, 19) == [-5.0, 0.0, 5.0]


@pytest.mark.parametrize("where", ["presenting", "laptop"])
def test_act_tanh_compare_labels_the_decade_of_its_spike(request, qtbot, at_start, where):
    """"a spike at |x| ≈ 1": the saturated N(0, 1) run piles up in the decade at the axis'
    right end, which had no label ("10⁻⁶ … 10⁻²", reviews 6 and 7). Every column now labels
    10⁰ there, whole inside its axis, and still has two labels apart."""
    w = request.getfixturevalue(where)
    hs = at_start["act-tanh-compare"]
    pane = drawn_pane(qtbot, w, "act-tanh-compare", "activations", hs)
    view = pane.view_of(hs)
    big = [h.label for h in hs].index("N(0, 1)")
    for plot, lv in zip(pane.plots(), view.layers, strict=True):
        rv = lv.runs[big]
        top = int(np.argmax(rv.counts + rv.negative))
        assert lv.edges[top] >= -1.0               # the spike: in the last decade
        axis = plot.getAxis("bottom")
        shown = drawn_labels(axis)
        assert "10⁰" in [t for _, t in shown], [t for _, t in shown]
        rects = sorted((r for r, _ in shown), key=lambda r: r.left())
        assert len(rects) >= 2 and all(a.right() < b.left() for a, b in zip(rects, rects[1:]))
        assert rects[-1].right() <= axis.width() + 0.5


def test_every_histogram_plot_has_a_thin_zero_line_and_no_coloured_baseline(presenting, qtbot,
                                                                           at_start):
    """Review 17b: at 1280 x 720 the empty bins' baselines, in each run's colour and the
    presentation's pen, were the strongest marks of activation-compare's six rows. The
    curves leave them out (tests/ui/test_step_curve.py); 0 is a thin grey line in every plot:
    on a mirrored axis in its middle, on a linear one at its bottom (review 18b: only the
    bottom row has an axis line, and the rows above had lost their baselines)."""
    hs = at_start["activation-compare"]
    pane = drawn_pane(qtbot, presenting, "activation-compare", "gradients", hs)
    shown = [p for p in pane.plots() if p.isVisible()]
    assert len(shown) == 24 and all(p.getAxis("left").mirrored for p in shown)
    curve_width = min(c.opts["pen"].widthF() for c in pane.curves().values())
    for p in shown:
        assert p.zero_line.isVisible() and p.zero_line.value() == 0
        pen = p.zero_line.pen
        assert pen.widthF() < curve_width and pen.color().alpha() < 255
    pane.set_axis("linear")
    pane.draw(hs)
    shown = [p for p in pane.plots() if p.isVisible()]
    assert not any(p.getAxis("left").mirrored for p in shown)
    assert all(p.zero_line.isVisible() for p in shown)
    assert any(not p.getAxis("bottom").style["showValues"] for p in shown)   # upper rows

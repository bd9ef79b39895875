"""Log axes whose tick labels never overlap and are never fewer than two.

On the Loss tab, mnist-general-rule's labels ran into each other at the end, residual-deep's in
its first 100 batches, and exploding-clipping's axis had no label below 10⁵. The loss curves
below have the ranges those presets' runs measure (`initviz run KEY --json`, seed 0)."""
from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from helpers import histories, snapshot
from test_presentation_fit import presenting  # noqa: F401 (a fixture: 1280 × 720, presenting)
from PySide6.QtWidgets import QApplication

from initviz.ui.look.axis_labels import (EDGE, END_GAP, MIN_SPAN, TIGHT, drawn_labels,
                                         log_ticks, tick_label, with_min_span)

LABEL_PX = 17.0
SUPER_BACK = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def label_value(text: str) -> float:
    """The number a tick label shows: "0.01", "5000", "10⁶", "2·10⁻⁵"."""
    mantissa, _, power = text.rpartition("·") if "·" in text else ("1", "", text)
    if power.startswith("10") and power[2:] and not power[2:].isascii():
        return float(mantissa) * 10.0 ** int(power[2:].translate(SUPER_BACK))
    return float(mantissa) * float(power)


@pytest.mark.parametrize("lo, span, pixels", list(itertools.product(
    (-12.3, -4.05, -0.5, 0.0, 3.9), (0.05, 0.3, 0.9, 1.5, 2.5, 7.0, 17.0, 40.0),
    (3 * END_GAP * LABEL_PX, 120.0, 300.0, 700.0))))
def test_labels_are_apart_and_at_least_two(lo, span, pixels):
    major, minor = log_ticks(lo, lo + span, pixels, LABEL_PX)
    assert len(major) >= 2, (lo, span, pixels)
    assert all(lo - 1e-9 <= t <= lo + span + 1e-9 for t in minor)
    margin = EDGE * LABEL_PX * span / pixels        # labels do not reach past the ends
    assert all(lo + margin - 1e-9 <= t <= lo + span - margin + 1e-9 for t in major)
    gaps = np.diff(sorted(major)) * pixels / span
    assert gaps.min() >= TIGHT * LABEL_PX - 1e-6, (lo, span, pixels, major)
    if gaps.min() < END_GAP * LABEL_PX - 1e-6:     # closer only instead of 10 decades apart
        assert np.diff(sorted(major)).max() <= 5, (lo, span, pixels, major)
    texts = [tick_label(t) for t in major]
    assert len(set(texts)) == len(texts), texts


# (lo, hi, pixels) of axes the review found irregular: exploding-clipping's first 100 batches
# (10²⁰, 10¹⁸, 10¹⁵), mnist-uniform-signs' whole run (10⁴, 100, 1, 0.01, 0.001) and
# mnist-uniform-baseline's first 100 at 1280 × 720 (150 … 3·10⁴), and a grid of others.
IRREGULAR = [(1.55, 21.25, 300.0), (-0.3, 19.4, 300.0), (2.66, 22.36, 300.0),
             (-3.26, 16.44, 300.0), (0.6, 20.3, 420.0), (-3.3, 4.4, 150.0), (2.05, 4.6, 120.0)]


@pytest.mark.parametrize("lo, hi, pixels", IRREGULAR + [
    (lo, lo + span, pixels) for lo, span, pixels in itertools.product(
        (-12.3, -4.05, 0.0, 3.9), (2.6, 3.4, 7.0, 17.0, 40.0), (60.0, 150.0, 300.0, 700.0))])
def test_decade_labels_are_a_constant_step_apart_and_cover_the_axis(lo, hi, pixels):
    major, _ = log_ticks(lo, hi, pixels, LABEL_PX)
    assert len(major) >= 2
    if hi - lo < MIN_SPAN + 0.5:
        return                                  # 1-2-5 labels (tested above)
    steps = np.diff(major)
    assert np.allclose(steps, steps[0]), [tick_label(t) for t in major]
    step = steps[0]
    # neither end of the axis is a whole step (and more than a label's room) without a label
    margin = EDGE * LABEL_PX * (hi - lo) / pixels
    assert major[0] - lo < step + margin and hi - major[-1] < step + margin, major


def test_under_two_decades_the_labels_are_1_2_and_5_times_a_power_of_ten():
    major, _ = log_ticks(4.6, 5.4, 300.0, LABEL_PX)          # 4·10⁴ … 2.5·10⁵
    assert [tick_label(t) for t in major] == ["5·10⁴", "10⁵", "2·10⁵"]
    major, _ = log_ticks(-0.3, -0.1, 200.0, LABEL_PX)         # 0.5 … 0.79
    assert [tick_label(t) for t in major] == ["0.6", "0.7"]


def test_log_ranges_span_two_decades_at_least():
    assert with_min_span(-4.2, -3.9) == pytest.approx((-5.05, -3.05))
    assert with_min_span(1.0, 9.0) == (1.0, 9.0)
    assert MIN_SPAN == 2.0


def loss_runs(curves, total):
    """Histories of runs with these loss curves (NaN/inf: diverged at that step)."""
    snaps = []
    for i, losses in enumerate(curves):
        losses = np.asarray(losses, float)
        bad = np.flatnonzero(~np.isfinite(losses))
        diverged = int(bad[0]) + 1 if bad.size else None
        snaps.append(snapshot(run_index=i, run_count=len(curves), n_layers=2,
                              stage="diverged" if diverged else "done",
                              step=len(losses), total=total, losses=losses,
                              diverged_at=diverged, label=f"run {i + 1}"))
    return histories(*snaps)


def decay(start, end, n, noise=0.0, seed=0):
    rng = np.random.default_rng(seed)
    t = np.linspace(0, 1, n)
    return np.exp(np.log(start) + (np.log(end) - np.log(start)) * t ** 0.4) * \
        np.exp(noise * rng.standard_normal(n))


PRESET_LOSSES = {
    # no remedy and weight decay: 5.6·10⁵, 4.4·10⁹, 1.3·10²⁰, NaN; clipping stays between
    # 4.4·10⁵ and 7.0·10⁵; learning rate ÷ 10 peaks at 2.0·10⁶ and ends between 5.7 and 28
    "exploding-clipping": ([[5.6e5, 4.4e9, 1.27e20, np.nan]] * 2 +
                           [np.clip(5.6e5 * np.exp(0.1 * np.random.default_rng(1)
                                                   .standard_normal(300)), 4.4e5, 7.0e5),
                            decay(2.0e6, 5.7, 300, noise=0.5)], 300),
    # plain: 2.56 down to 2.28; residual: 60 down to 0.36 (1.23 at the end of the first 100)
    "residual-deep": ([2.28 + 0.28 * np.exp(-np.arange(300) / 10.0),
                       decay(60.0, 0.36, 300, noise=0.2)], 300),
    # U[0, 1): from 3·10⁴ to about 150 in the first 100 batches, then down to about 10
    "mnist-uniform-baseline": ([np.concatenate([decay(3e4, 150.0, 100, noise=0.2),
                                                decay(150.0, 10.0, 758, noise=0.3)])], 858),
    # two runs from 2.29 down to 0.0026-0.014 over 858 batches, noisy
    "mnist-general-rule": ([decay(2.29, e, 858, noise=0.35, seed=k)
                            for k, e in enumerate((0.005, 0.012))], 858),
}


@pytest.mark.parametrize("key", sorted(PRESET_LOSSES))
@pytest.mark.parametrize("size", [(1280, 720), (1600, 1000)])
def test_loss_axis_labels_never_overlap_and_are_at_least_two(qtbot, window, key, size):
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.show_pane("loss")
    pane = window.panes["loss"]
    curves, total = PRESET_LOSSES[key]
    hs = loss_runs(curves, total)
    if True:
        pane.draw(hs)
        QApplication.processEvents()
        assert pane.log_scale
        for plot in (pane.early, pane.whole):
            labels = drawn_labels(plot.getAxis("left"))
            assert len(labels) >= 2, (key, [t for _, t in labels])
            for (a, ta), (b, tb) in itertools.combinations(labels, 2):
                assert not a.intersects(b), (key, ta, tb)
            lo, hi = plot.vb.viewRange()[1]
            assert hi - lo >= MIN_SPAN - 1e-9
        if key == "mnist-uniform-baseline":  # "still in the hundreds after 100 batches"
            values = [label_value(t) for _, t in drawn_labels(pane.early.getAxis("left"))]
            assert min(values) < 1000, values
    if key == "exploding-clipping":   # the whole run: a label near the lowest losses too
        axis = pane.whole.getAxis("left")
        lowest = max(rect.center().y() for rect, _ in drawn_labels(axis))
        assert lowest >= 0.75 * axis.geometry().height()


def test_many_decades_in_presentation_are_labelled_every_five_at_most(qtbot, presenting):
    """exploding-clipping's loss axes span 20 decades in about 120 pixels in presentation at
    1280 × 720: labelled only at 1, 10¹⁰ and 10²⁰, "from hundreds of thousands to hundreds"
    could not be read off (review 8). Labels 5 decades apart at most, still apart."""
    w = presenting
    w.load_preset("exploding-clipping", run=False)
    w.show_pane("loss")
    pane = w.panes["loss"]
    curves, total = PRESET_LOSSES["exploding-clipping"]
    hs = loss_runs(curves, total)
    pane.draw(hs)
    qtbot.wait(50)
    pane.draw(hs)
    QApplication.processEvents()
    for plot in (pane.early, pane.whole):
        axis = plot.getAxis("left")
        labels = drawn_labels(axis)
        values = sorted(math.log10(label_value(t)) for _, t in labels)
        lo, hi = plot.vb.viewRange()[1]
        assert hi - lo > 15, (lo, hi)                       # the case: many decades
        assert len(values) >= 3 and max(np.diff(values)) <= 5 + 1e-9, values
        for (a, ta), (b, tb) in itertools.combinations(labels, 2):
            assert not a.intersects(b), (ta, tb)


def test_an_axis_writes_its_labels_in_one_form():
    """The Depth tab's gradient axis read "10⁻⁴" under "0.001" (review 14): where one label
    needs a power of ten, every label has one, except a plain "1"."""
    from initviz.ui.look.axis_labels import tick_labels
    assert tick_labels([-5, -4, -3]) == ["10⁻⁵", "10⁻⁴", "10⁻³"]
    assert tick_labels([-3, -2, -1, 0]) == ["0.001", "0.01", "0.1", "1"]
    assert tick_labels([0, 5, 10]) == ["1", "10⁵", "10¹⁰"]
    assert tick_labels([2, 3, 4]) == ["10²", "10³", "10⁴"]
    assert tick_labels([np.log10(5e-5), np.log10(5e-4)]) == ["5·10⁻⁵", "5·10⁻⁴"]
    for vals in ((-4.0, -3.5, -3.0), (1.0, 2.0, 3.0)):     # each says its value
        assert [label_value(t) for t in tick_labels(vals)] == pytest.approx(
            [10.0 ** v for v in vals], rel=1e-3)

"""Histograms: each run's fine histograms (its own range, zeros and non-finite values apart, the
magnitude counts) and the views the panes and the JSON make from them. No Qt."""

import numpy as np
import pytest

from initviz.engine.config import RunSpec
from initviz.engine.hist_view import (COVER, NARROW_AFTER, SMALL_COVER, ViewState, pane_view,
                                      rebin)
from initviz.engine.histograms import (MAGNITUDE_SAMPLE, PER_DECADE, fine_histogram,
                                       sample_stride)
from initviz.engine.runner import run_experiment
from initviz.engine.snapshot import LayerStats

from test_runner import flower_config

rng = np.random.default_rng(7)

def layer_of(k=1, std=1.0, **arrays) -> LayerStats:
    """LayerStats whose four histograms count ``arrays`` (default: N(0, std) samples)."""
    hists = {}
    for name in ("activation", "preactivation", "gradient", "weight"):
        x = arrays.get(name)
        if x is None:
            x = rng.normal(0, std, 4000).astype(np.float32)
        hists[name + "_hist"] = fine_histogram(x)
    return LayerStats(layer=k, units=10, activation_mean=0.0, activation_std=std,
                      preactivation_std=std, gradient_mean=0.0, gradient_std=std,
                      weight_mean=0.0, weight_std=std, saturated_fraction=0.0,
                      dead_fraction=0.0, predicted_activation_std=std, **hists)

# -- a run's own histograms ------------------------------------------------------------------
def test_fine_counts_are_np_histogram_over_their_own_round_range():
    x = rng.normal(3.0, 0.01, 20000).astype(np.float32)
    h = fine_histogram(x)
    assert h.edges[0] <= x.min() and x.max() <= h.edges[-1]      # nothing clipped here
    assert 192 <= len(h.counts) <= 480
    assert h.edges[0] > 2.9 and h.edges[-1] < 3.1                 # its own range, not [-1, 1]
    step = h.edges[1] - h.edges[0]
    assert np.allclose(np.diff(h.edges), step)
    assert h.edges[0] / step == pytest.approx(round(h.edges[0] / step))   # round numbers
    ref, _ = np.histogram(x.astype(np.float64), h.edges)
    assert np.abs(h.counts - ref).sum() <= 4     # float32 vs float64 at a bin edge
    assert h.counts.sum() == x.size and h.zeros == h.nan == h.inf == 0

def test_exact_zeros_are_counted_apart():
    x = np.maximum(rng.normal(0, 1, (500, 40)), 0).astype(np.float32)   # ReLU outputs
    h = fine_histogram(x)
    zeros = int(np.count_nonzero(x == 0))
    assert zeros > 8000 and h.zeros == zeros
    assert h.counts.sum() == x.size - zeros
    assert h.edges[0] == 0.0
    # the bin that holds 0 holds only the small positive values
    small = np.count_nonzero((x > 0) & (x < h.edges[1]))
    assert h.counts[0] == small

def test_non_finite_values_are_counted_apart_never_in_a_bin():
    x = rng.normal(0, 1, 1000).astype(np.float32)
    x[:5] = np.nan
    x[5:8] = np.inf
    x[8:10] = -np.inf
    h = fine_histogram(x)
    assert (h.nan, h.inf, h.nonfinite) == (5, 5, 10)
    assert h.counts.sum() == 990 and h.total == 1000
    assert np.all(np.isfinite(h.edges)) and abs(h.edges[0]) < 10 and h.edges[-1] < 10

def test_enormous_values_get_a_finite_range():
    x = np.array([3e38, -3e38, 1.0, 2e38, -1e30], np.float32)
    h = fine_histogram(x)
    assert np.all(np.isfinite(h.edges)) and h.counts.sum() == 5
    assert h.edges[0] <= -3e38 and 3e38 <= h.edges[-1]
    assert np.array_equal(h.counts, np.histogram(x.astype(np.float64), h.edges)[0])


def test_all_zero_and_constant_arrays():
    h = fine_histogram(np.zeros((10, 10), np.float32))
    assert h.zeros == 100 and h.counts.sum() == 0 and h.edges[-1] > h.edges[0]
    h = fine_histogram(np.ones((10, 10), np.float32))
    assert h.counts.sum() == 100 and np.count_nonzero(h.counts) == 1

@pytest.mark.parametrize("size", [5000, 3 * MAGNITUDE_SAMPLE + 17])
def test_magnitude_counts_are_np_histogram_of_log10(size):
    x = (rng.standard_cauchy(size) * 1e-3).astype(np.float32)
    x[::97] = 0
    h = fine_histogram(x)
    sub = x[::sample_stride(size, size)]       # the documented strided subsample
    sub = sub[sub != 0]
    edges = h.log_edges
    for sign, counts in ((1, h.log_positive), (-1, h.log_negative)):
        part = sub[sub * sign > 0]
        ref, _ = np.histogram(np.log10(np.abs(part).astype(np.float64)), edges)
        assert np.abs(counts - ref).sum() <= 2, sign
        assert counts.sum() == part.size
    assert np.allclose(edges * PER_DECADE, np.round(edges * PER_DECADE))

# -- views -----------------------------------------------------------------------------------
def test_the_magnitude_sample_visits_every_unit():
    assert sample_stride(1000 * 100, 100) % 2 and sample_stride(1000 * 100, 100) % 5
    assert sample_stride(10, 100) == 1 and sample_stride(1000 * 512, 512) >= 16
    x = np.tile(np.arange(1, 101, dtype=np.float32), (1000, 1))     # unit j's value is j
    h = fine_histogram(x)
    assert h.log_positive.sum() == -(-x.size // sample_stride(x.size, 100))
    first_decade = h.log_positive[:PER_DECADE].sum()                 # units 1-9 of 100
    assert first_decade / h.log_positive.sum() == pytest.approx(0.09, abs=0.01)


def test_rebinning_conserves_the_count():
    x = rng.normal(0, 1, 10000).astype(np.float32)
    h = fine_histogram(x)
    for lo, hi in ((-3, 3), (-10, 10), (-1, 0.5), (2, 5), (-0.1, 0.1)):
        counts = rebin(h, np.linspace(lo, hi, 61))
        assert counts.sum() == pytest.approx(h.counts.sum(), rel=1e-12)
        assert np.all(counts >= 0)
    narrow = rebin(h, np.linspace(-1, 1, 61))       # values beyond land in the end bins
    fine = h.edges[1] - h.edges[0]
    below = [np.count_nonzero(x < -1 + 2 / 60 + d) for d in (-fine, fine)]
    assert below[0] <= narrow[0] <= below[1]

def test_runs_share_a_layer_range_layers_have_their_own():
    a = (layer_of(1, 1.0), layer_of(2, 10.0))
    b = (layer_of(1, 2.0), layer_of(2, 5.0))
    view = pane_view([a, b], "preactivation", axis="linear")
    l1, l2 = view.layers
    assert l1.edges[-1] < l2.edges[-1] / 2                      # per layer
    for lv, widest in ((l1, 2.0), (l2, 10.0)):
        assert len(lv.edges) == 61
        assert lv.edges[0] == -lv.edges[-1]                     # symmetric about 0
        assert 2.5 * widest < lv.edges[-1] < 6 * widest          # covers the widest run
        for rv in lv.runs:                                       # at most 2 % in an end bin
            assert max(rv.counts[0], rv.counts[-1]) / rv.total < 0.02
            assert rv.counts.sum() + rv.below + rv.above == pytest.approx(rv.total - rv.zeros)
    shared = pane_view([a, b], "preactivation", axis="linear", shared=True)
    assert np.array_equal(shared.layers[0].edges, shared.layers[1].edges)

@pytest.mark.parametrize("axis", ["linear", "magnitude"])
def test_values_beyond_the_range_are_in_no_bin_and_few(axis):
    """A thin tail stays thin up to the ends of the picture: the few values beyond the range
    (at most COVER a side; on the magnitude axis up to SMALL_COVER of the smallest) are counted
    apart, not added to the end bins."""
    x = rng.normal(0, 0.1, 200_000).astype(np.float32)
    lv = pane_view([(layer_of(1, weight=x),)], "weight", axis=axis).layers[0]
    rv = lv.runs[0]
    bars = rv.counts if rv.negative is None else rv.counts + rv.negative
    assert bars.sum() + rv.below + rv.above == pytest.approx(x.size)
    small = SMALL_COVER if axis == "magnitude" else COVER
    assert 0 <= rv.below <= small * x.size and 0 <= rv.above <= COVER * x.size
    assert bars[0] + rv.below <= 0.02 * x.size      # the audit's end bin (issue #10)
    if axis == "linear":
        assert rv.below + rv.above > 0          # a normal's tails do reach beyond
        assert rv.below == pytest.approx(np.count_nonzero(x < lv.edges[0]), abs=x.size * 2e-4)
        # the bars fall towards both ends: no end bar rises above the bars inside it
        assert bars[0] <= bars[1:5].min() and bars[-1] <= bars[-5:-1].min()
    else:     # on |x| the small magnitudes go on and on: only what the range leaves out
        assert 0.001 * x.size < rv.below <= SMALL_COVER * x.size


def test_bounded_activations_keep_their_natural_range():
    a = (layer_of(1, 0.01, activation=rng.uniform(0.49, 0.51, 1000)),)
    view = pane_view([a], "activation", bounded=(0.0, 1.0))
    assert view.axis == "linear" and (view.layers[0].edges[0], view.layers[0].edges[-1]) == (0, 1)
    # a saturated sigmoid answers exactly 1.0: in the last bar, not "beyond" its range
    x = np.where(rng.random(4000) < 0.4, 1.0, rng.uniform(0, 1, 4000)).astype(np.float32)
    rv = pane_view([(layer_of(1, activation=x),)], "activation", bounded=(0.0, 1.0)).layers[0].runs[0]
    assert rv.below == rv.above == 0 and rv.counts.sum() == pytest.approx(x.size)
    assert rv.counts[-1] >= np.count_nonzero(x == 1.0)

def test_one_signed_values_start_at_zero_and_zeros_stay_apart():
    x = np.maximum(rng.normal(0, 1, 20000), 0).astype(np.float32)
    view = pane_view([(layer_of(1, activation=x),)], "activation", axis="linear")
    lv = view.layers[0]
    rv = lv.runs[0]
    assert -0.1 * lv.edges[-1] < lv.edges[0] < 0  # from 0, with room below for the zero bar
    assert rv.zeros == np.count_nonzero(x == 0)
    assert rv.counts[0] == 0                       # the zeros are in no bin
    assert rv.below == 0                           # (nor beyond: there is nothing below 0)
    assert rv.counts.sum() + rv.above == pytest.approx(x.size - rv.zeros)

def test_a_point_mass_is_shown_in_context():
    view = pane_view([(layer_of(1, weight=np.ones(100, np.float32)),)], "weight",
                     axis="linear")
    lv = view.layers[0]
    assert lv.edges[0] < 1 < lv.edges[-1] and lv.edges[-1] - lv.edges[0] >= 0.5
    assert np.count_nonzero(lv.runs[0].counts) == 1

def test_magnitude_axis_is_the_default_where_one_range_spans_100_fold():
    vanishing = tuple(layer_of(k, 10.0 ** -(2 * k)) for k in range(1, 5))
    assert pane_view([vanishing], "gradient").axis == "linear"     # a range per layer
    view = pane_view([vanishing], "gradient", shared=True)         # one range for all
    assert view.axis == "magnitude"
    lv = view.layers[0]
    assert np.allclose(lv.edges * PER_DECADE, np.round(lv.edges * PER_DECADE))
    # the histograms move left from layer to layer: their peaks are about 2 decades apart
    peaks = [lv.edges[np.argmax(lv.runs[0].counts + lv.runs[0].negative)]
             for lv in view.layers]
    assert np.allclose(np.diff(peaks), -2, atol=0.5), peaks
    for lv in view.layers:                 # every non-zero value is in a bar
        rv = lv.runs[0]
        assert (rv.counts + rv.negative).sum() + rv.below + rv.above == \
            pytest.approx(rv.total - rv.zeros)
        assert rv.counts.sum() == pytest.approx(rv.negative.sum(), rel=0.1)   # signs apart
    calm = tuple(layer_of(k, 1.0 + k / 10) for k in range(1, 5))
    assert pane_view([calm], "gradient", shared=True).axis == "linear"
    tiny = tuple(layer_of(k, 1e-3 + k / 1e4) for k in range(1, 5))  # runs 1000x apart
    assert pane_view([calm, tiny], "gradient").axis == "magnitude"

def test_the_range_widens_at_once_and_narrows_only_after_a_while():
    state = ViewState()

    def layer_of(k, std):        # 40,000 gradients: the range's 0.1 % tails are not noise
        return globals()["layer_of"](k, std, gradient=rng.normal(0, std, 40_000))
    wide = (layer_of(1, 1.0),)
    narrow = (layer_of(1, 0.2),)

    def shown(layers):
        e = pane_view([layers], "gradient", axis="linear", state=state).layers[0].edges
        return e[0], e[-1]
    first = shown(wide)
    for std in (0.97, 0.9, 0.95):                      # small changes: the picture stays
        assert shown((layer_of(1, std),)) == first
    for _ in range(NARROW_AFTER - 1):
        assert shown(narrow) == first
    assert shown(narrow)[1] < first[1] / 2            # narrowed after NARROW_AFTER updates
    wider = (layer_of(1, 3.0),)
    assert shown(wider)[1] >= 3 * 2.5                 # widened at once
    assert pane_view([narrow], "gradient", axis="linear").layers[0].edges[-1] < 1.5   # no state

# -- independence ----------------------------------------------------------------------------
def full_snapshots(config):
    return {(s.run_index, s.step, s.stage): s.layers
            for s in run_experiment(config, snapshot_seconds=0.0) if s.layers is not None}

def test_a_runs_snapshots_are_the_same_alone_and_in_a_comparison():
    both = flower_config(steps=40)
    together = full_snapshots(both)
    for i, spec in enumerate(both.runs):
        alone = full_snapshots(both.replace(runs=(spec,)))
        common = [(step, stage) for (_, step, stage) in alone
                  if (i, step, stage) in together]
        assert (0, "init") in common and (40, "done") in common
        for step, stage in common:
            for x, y in zip(alone[(0, step, stage)], together[(i, step, stage)], strict=True):
                assert x == y         # every number, histograms bit for bit

def test_snapshot_histograms_do_not_depend_on_the_other_runs_scale():
    config = flower_config(steps=0)
    spec = config.runs[0]
    huge = RunSpec("huge", spec.init.replace(scheme="normal", std=100.0))
    a = full_snapshots(config.replace(runs=(spec,)))
    b = full_snapshots(config.replace(runs=(spec, huge)))
    assert a[(0, 0, "done")] == b[(0, 0, "done")]

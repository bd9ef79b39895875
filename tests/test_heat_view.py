"""Through training (engine.heat_view, the numbers the heat-map pane draws): values beyond a
layer's axis are in no row, so a column's end rows hold only the values that fall in them and
a thin tail does not light the map's edge as if values piled up there. No Qt."""
import numpy as np
import pytest

from initviz.engine.config import merge
from initviz.engine.heat_view import compact, heat_view
from initviz.engine.hist_view import FIELDS, rebin_apart
from initviz.engine.presets import get
from initviz.engine.runner import run_experiment

from initviz.engine.histograms import fine_histogram
from initviz.engine.snapshot import LayerStats

rng = np.random.default_rng(11)


def layer_of(weight) -> LayerStats:
    """A layer whose four histograms all count ``weight``."""
    h = fine_histogram(weight)
    s = float(weight.std())
    return LayerStats(1, 10, 0.0, s, s, 0.0, s, 0.0, s, 0.0, 0.0, s, h, h, h, h)


def test_end_rows_hold_only_their_values_synthetic():
    """A heavy-tailed layer (Student's t, 3 degrees of freedom) whose spread grows over five
    steps: every column's end rows match the share of the samples inside them, and the shares
    beyond the axis are the samples beyond it."""
    xs = [(rng.standard_t(3, 50_000) * s).astype(np.float32) for s in (1, 1.5, 2, 3, 4)]
    series = [[(10 * k, (layer_of(x),)) for k, x in enumerate(xs)]]
    hl = heat_view(series, "weight", axis="linear")[0]
    e, hr = hl.edges, hl.runs[0]
    for k, x in enumerate(xs):
        n = x.size
        first = np.count_nonzero((x >= e[0]) & (x < e[1])) / n
        last = np.count_nonzero((x >= e[-2]) & (x < e[-1])) / n
        assert hr.shares[k, 0] <= first + 3e-4 and hr.shares[k, -1] <= last + 3e-4
        assert hr.below[k] == pytest.approx(np.count_nonzero(x < e[0]) / n, abs=2e-4)
        assert hr.above[k] == pytest.approx(np.count_nonzero(x >= e[-1]) / n, abs=2e-4)
        assert hr.shares[k].sum() + hr.below[k] + hr.above[k] + hr.zeros[k] == \
            pytest.approx(1.0)
    # the widest column's tails reach beyond (at most 0.1 % a side), more than its end rows hold
    assert 0 < hr.below[-1] <= 1e-3 and 0 < hr.above[-1] <= 1e-3
    assert hr.below[-1] > 2 * hr.shares[-1, 0] and hr.above[-1] > 2 * hr.shares[-1, -1]
    mag = heat_view(series, "weight", axis="magnitude")[0].runs[0]   # |x| beyond: apart too
    assert np.allclose(mag.shares.sum(axis=1) + mag.below + mag.above + mag.zeros, 1.0)
    assert mag.above.max() > 0


@pytest.mark.parametrize("seed", [0, 1])
def test_end_rows_hold_only_their_values_in_a_preset(seed):
    """mnist-general-rule (bundled MNIST, 60 steps), measured at every validation step as the
    window keeps it (``compact``): in every quantity, layer, run and column, the end rows hold
    no more than the run's fine histogram has between their edges (to 5·10⁻⁵, the error of
    rebinning 96 bins); what lies beyond (up to about 3·10⁻⁴ of a column here) is counted
    apart."""
    cfg = merge(get("mnist-general-rule").config,
                {"data": {"source": "bundled"}, "train": {"steps": 60, "eval_every": 20},
                 "seed": seed})
    series, fine = {}, {}
    for s in run_experiment(cfg, snapshot_seconds=1e9, measure_at_validation=True):
        if s.layers is not None:
            series.setdefault(s.run_index, []).append((s.step, compact(s.layers)))
            fine.setdefault(s.run_index, []).append(compact(s.layers, most=10**9))
    series = [series[i] for i in sorted(series)]
    beyond = 0.0
    for name in FIELDS:
        for hl in heat_view(series, name):
            for i, hr in enumerate(hl.runs):
                for k in range(len(hr.steps)):
                    layers = fine[i][k]
                    h = next(s for s in layers if s.layer == hl.layer)
                    h = getattr(h, name + "_hist")
                    if hl.axis == "linear":
                        counts = rebin_apart(h, hl.edges)[0] / h.total
                        assert hr.shares[k, 0] <= counts[0] + 5e-5
                        assert hr.shares[k, -1] <= counts[-1] + 5e-5
                    assert hr.shares[k].sum() + hr.below[k] + hr.above[k] + hr.zeros[k] == \
                        pytest.approx(1.0)
                    assert max(hr.below[k], hr.above[k]) <= 2e-3
                    beyond = max(beyond, hr.below[k] + hr.above[k])
    assert beyond > 1e-4      # more than the end rows' tolerance: added, they would show

"""The finite-width band of the Depth tab (theory/finite_width.py) against Hanin and Nica's
sum of reciprocal widths, closed forms for ReLU, and simulated networks (no Qt)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from initviz.engine.config import ExperimentConfig, merge
from initviz.engine.theory.finite_width import (band, band_gap, log_variance, network_band,
                                                spread_statistics)


def test_relu_single_input_log_variance_is_five_over_width_summed():
    widths = [64, 128, 256, 512] * 5
    x = np.random.default_rng(0).standard_normal((1, 50))
    v = log_variance("relu", [2.0] * 20, [0.0] * 20, widths, x, batch=1)
    assert v == pytest.approx(np.cumsum([5 / n for n in widths]), rel=1e-6)


def test_relu_std_adds_its_own_last_term():
    # What the Depth tab plots is the std, S = M − m²: for one input and q = 1,
    # m = 1/√(2π), M = 1/2, E[z³; z>0] = 2/√(2π), E[z⁴; z>0] = 3/2, so one layer adds
    # (Var Y − 4m Cov(Y, Z) + 4m² Var Z) / S² / n instead of 5/n; earlier layers still add 5/n.
    m, M = 1 / math.sqrt(2 * math.pi), 0.5
    S = M - m * m
    kappa = ((1.5 - M * M) - 4 * m * (2 * m - M * m) + 4 * m * m * S) / (S * S)
    assert 4.3 < kappa < 4.5
    widths = [100, 200, 50]
    x = np.ones((1, 10))
    centre, v_s, v_m = spread_statistics("relu", [2.0] * 3, [0.0] * 3, widths, x)
    # (2-D Gauss-Hermite over ReLU's kink: 2 % on the covariances)
    assert v_s == pytest.approx([kappa / 100, 5 / 100 + kappa / 200,
                                 5 / 100 + 5 / 200 + kappa / 50], rel=0.02)
    # the centre: the mean-field std (q = σ_w² x² = 2) less its 1/n bias Var Z / n
    assert centre[0] == pytest.approx(math.sqrt(2 * S * (1 - 1 / 100)), rel=0.005)


def test_relu_log_squared_norm_over_many_networks():
    # Hanin & Nica 2019: ln|a_L|² over networks ≈ normal, variance ≈ Σ 5/n. Simulated on
    # 3000 networks of width 64, depth 8, He's σ_w² = 2, one input.
    rng = np.random.default_rng(3)
    nets, n, depth = 3000, 64, 8
    a = np.abs(rng.standard_normal((nets, n)))
    start = np.log(np.sum(a * a, axis=1))
    for _ in range(depth):
        W = rng.normal(0, math.sqrt(2 / n), (nets, n, n))
        a = np.maximum(np.einsum("bi,bij->bj", a, W), 0)
    logs = np.log(np.sum(a * a, axis=1)) - start
    predicted = depth * 5 / n
    assert np.var(logs) == pytest.approx(predicted, rel=0.15), (np.var(logs), predicted)
    assert np.mean(logs) == pytest.approx(-predicted / 2, abs=0.05)


def test_tanh_log_variance_over_many_networks_with_biases():
    # The recursion with its elasticity against simulation where e ≠ 1: tanh with
    # σ_w² = 2, σ_b² = 0.1, one input, 2000 networks of width 32, depth 6.
    rng = np.random.default_rng(4)
    nets, n, depth, sw, sb = 2000, 32, 6, 2.0, 0.1
    x = rng.standard_normal((1, n))
    a = np.repeat(x, nets, axis=0)
    for _ in range(depth):
        W = rng.normal(0, math.sqrt(sw / n), (nets, n, n))
        b = rng.normal(0, math.sqrt(sb), (nets, 1, n))[:, 0]
        a = np.tanh(np.einsum("bi,bij->bj", a, W) + b)
    var = np.var(np.log(a.var(axis=1)))
    _, v_s, _ = spread_statistics("tanh", [sw] * depth, [sb] * depth, [n] * depth, x)
    assert var == pytest.approx(v_s[-1], rel=0.15), (var, v_s[-1])


def test_band_is_centred_below_the_prediction_and_symmetric_in_logs():
    lo, hi = band([1.0, 2.0], [0.04, 0.16], coverage=0.9)
    assert np.allclose(np.sqrt(lo * hi), np.array([1.0, 2.0]) * np.exp(-np.array([0.01, 0.04])))
    assert np.all(hi / lo > 1)


# Real networks on MNIST images at the start (a preset's probe of 250 images), seeds 0-9 of
# each (width, depth), with biases (σ_b² = 0.01 and 0.05) so the elasticity is not 1.
CASES = {"relu": ("kaiming_normal", 1.0, ((64, 10), (128, 20), (32, 30))),
         "tanh": ("xavier_normal", 1.33, ((64, 10), (128, 20), (32, 30)))}
SEEDS = range(10)


def _network(activation, width, depth, seed):
    from initviz.engine.data import load_dataset
    from initviz.engine.runner import RunState
    scheme, gain, _ = CASES[activation]
    cfg = merge(ExperimentConfig(), {
        "seed": seed, "data": {"name": "mnist", "source": "bundled", "probe_samples": 250},
        "network": {"depth": depth, "width": width, "activation": activation},
        "runs": [{"label": "r", "init": {"scheme": scheme, "gain": gain,
                                         "bias_std": 0.1 if activation == "relu" else 0.22}}]})
    r = RunState(cfg, 0, load_dataset(cfg.data, seed))
    list(r.initialize())
    return r


@pytest.fixture(scope="module")
def simulated():
    """Per activation: (measured std, drawn low, drawn high, centre, Var[ln S]) over every
    layer of every network."""
    out = {}
    for act, (_, _, shapes) in CASES.items():
        rows = []
        for width, depth in shapes:
            for seed in SEEDS:
                r = _network(act, width, depth, seed)
                stats = r.layer_stats(r.probe())
                centre, v = network_band(r.net, r.data.x_probe)
                rows += [(s.activation_std, s.predicted_low, s.predicted_high, c, vv)
                         for s, c, vv in zip(stats, centre, v)]
        out[act] = np.array(rows)
    return out


@pytest.mark.parametrize("activation", list(CASES))
def test_the_drawn_band_holds_nine_in_ten_networks(simulated, activation):
    std, lo, hi, _, _ = simulated[activation].T
    share = np.mean((std >= lo) & (std <= hi))
    # 30 networks, 600 layers; the layers of one network move together, so the share's
    # standard error is between √(0.09/600) = 0.012 and √(0.09/30) = 0.055: ±0.08 is
    # about 1.5 of the larger and 6 of the smaller.
    assert 0.82 <= share <= 0.98, share


@pytest.mark.parametrize("activation", list(CASES))
def test_the_half_band_holds_half_of_them(simulated, activation):
    # A band too wide passes the 90 % check; at 50 % (standard error 0.02 to 0.09) it fails.
    std, _, _, centre, v = simulated[activation].T
    lo, hi = band(centre, v, coverage=0.5)
    share = np.mean((std >= lo) & (std <= hi))
    assert 0.35 <= share <= 0.65, share


def test_networks_the_theory_does_not_cover_say_why():
    cfg = ExperimentConfig().network
    assert band_gap(cfg.replace(activation="tanh")) is None
    assert band_gap(cfg.replace(activation="maxout")) == "maxout"
    assert band_gap(cfg.replace(batch_norm=True)) == "batch_norm"
    assert band_gap(cfg.replace(residual=True)) == "residual"
    r = _network("relu", 32, 3, 0)
    assert network_band(r.net, r.data.x_probe) is not None
    r.net.cfg = r.net.cfg.replace(batch_norm=True)
    assert network_band(r.net, r.data.x_probe) is None


def test_the_band_is_given_for_the_random_start_only():
    """The band describes random networks: the start's statistics carry it, a trained
    network's do not (its weights are no longer independent draws)."""
    from initviz.engine.config import merge
    from initviz.engine.presets import get
    from initviz.engine.runner import run_experiment
    config = merge(get("relu-critical-line").config,
                   {"data": {"source": "bundled", "probe_samples": 100},
                    "network": {"depth": 6}, "train": {"steps": 3, "eval_every": 3}})
    full = [s for s in run_experiment(config, snapshot_seconds=0.0) if s.layers is not None]
    start = [s for s in full if s.step == 0]
    trained = [s for s in full if s.step > 0]
    assert start and trained
    assert all(math.isfinite(l.predicted_low) and l.predicted_low < l.predicted_high
               for s in start for l in s.layers)
    assert all(math.isnan(l.predicted_low) and math.isnan(l.predicted_high)
               for s in trained for l in s.layers)

"""Section J's runs labelled σ_w² draw what mean-field theory assumes, W ~ N(0, σ_w²/n_in), in
every layer: the first (784 → width) and the output layer too, not only the square ones
(Xavier's √(2/(n_in + n_out)) gave 0.0468 instead of 0.0357 in dynamical-isometry's layer 1)."""
from __future__ import annotations

import math
import re

import numpy as np
import pytest

from initviz.engine.network import Network
from initviz.engine.presets import get
from preset_runs import SEEDS

MNIST_IN, MNIST_OUT = 784, 10
# finite-width's runs are named by width; its text and band are for He's σ_w² = 2.
SIGMA_W2 = {"finite-width": 2.0}


def _sigma_w2(key: str, label: str) -> float:
    found = re.search(r"σ_w² = ([0-9.]+)", label)
    return float(found.group(1)) if found else SIGMA_W2[key]


@pytest.mark.parametrize("key", ["edge-of-chaos-tanh", "relu-critical-line", "finite-width",
                                 "dynamical-isometry"])
@pytest.mark.parametrize("seed", SEEDS)
def test_every_layer_of_a_sigma_w_run_has_std_sigma_w_over_root_fan_in(key, seed):
    cfg = get(key).config.replace(seed=seed)
    assert cfg.data.name == "mnist"
    for i, run in enumerate(cfg.runs):
        net_cfg = cfg.run_network(i)
        net = Network(MNIST_IN, net_cfg.widths, MNIST_OUT, net_cfg, np.float64)
        net.initialize(run.init, np.random.default_rng([seed, 2]))   # as RunState draws
        sigma_w = math.sqrt(_sigma_w2(key, run.label))
        assert len(net.W) == net_cfg.depth + 1
        for layer, W in enumerate(net.W):
            fan_in = W.shape[0]
            want = sigma_w / math.sqrt(fan_in)
            # the sample std of n normal draws is off by about 1/√(2n) of itself
            tol = 5.0 / math.sqrt(2.0 * W.size)
            assert float(W.std()) == pytest.approx(want, rel=tol), (run.label, layer, W.shape)
            assert abs(float(W.mean())) < 5.0 * want / math.sqrt(W.size)

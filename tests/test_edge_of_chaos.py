"""The edge of chaos for tanh with σ_b² = 0.05 (Schoenholz et al. 2017), no Qt: the depth scale
ξ_c that the Sweep tab draws, against an independent computation, and the sweep's phenomenon
(a network trains only to a depth of a few ξ_c, deepest near the χ₁ = 1 line) over seeds 0-2."""
from __future__ import annotations

import math

import numpy as np
import pytest

from initviz.engine.presets import get
from initviz.engine.presets.signal_propagation import SIGMA_B2
from initviz.engine.theory.overlay import XI_MULTIPLE, overlay

# ------------------------------------------------------------------ ξ_c, computed another way
# The correlation map itself on a trapezoid grid (not the engine's Gauss-Hermite sums or its
# χ formulas): q* by iterating the length map, c* by iterating the correlation map, and χ_c as
# the map's slope at c* by finite differences. (The trapezoid rule is spectrally accurate for
# these smooth Gaussian integrands.)
_Z = np.linspace(-9.0, 9.0, 181)
_W = np.exp(-_Z ** 2 / 2)
_W /= _W.sum()
_Z1, _Z2 = np.meshgrid(_Z, _Z, indexing="ij")
_W2 = np.outer(_W, _W)


def _q_star(sw2: float, sb2: float) -> float:
    q = 1.0
    for _ in range(300):
        q = sw2 * float(_W @ np.tanh(math.sqrt(q) * _Z) ** 2) + sb2
    return q


def _corr_map(c: float, q: float, sw2: float, sb2: float) -> float:
    u1 = math.sqrt(q) * _Z1
    u2 = math.sqrt(q) * (c * _Z1 + math.sqrt(max(1 - c * c, 0.0)) * _Z2)
    return (sw2 * float(np.sum(_W2 * np.tanh(u1) * np.tanh(u2))) + sb2) / q


def _xi_c(sw2: float, sb2: float) -> float:
    q = _q_star(sw2, sb2)
    h = 1e-6
    slope = (1.0 - _corr_map(1 - h, q, sw2, sb2)) / h
    if slope > 1:         # chaotic: c = 1 repels; c* < 1 is where the map crosses c
        lo, hi = 0.0, 1 - 1e-4
        for _ in range(50):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if _corr_map(mid, q, sw2, sb2) > mid else (lo, mid)
        c = (lo + hi) / 2
        slope = (_corr_map(c + h, q, sw2, sb2) - _corr_map(c - h, q, sw2, sb2)) / (2 * h)
    return -1.0 / math.log(slope)


def test_overlay_xi_c_curves_match_the_correlation_map_computed_independently():
    base = get("edge-of-chaos-tanh").config
    o = overlay(base, ["sigma_w2", "network.depth"], [[1.0, 4.0], [10, 100]], points=6)
    sides = o["xi"]
    assert len(sides) == 2
    for sigmas, depths in sides:
        picks = range(0, len(sigmas), 2)
        for k in picks:
            expected = XI_MULTIPLE * _xi_c(sigmas[k], SIGMA_B2)
            assert depths[k] == pytest.approx(expected, rel=1e-4), (sigmas[k], depths[k])
    # the figures the preset's texts quote: ξ_c ≈ 3.6 at σ_w² = 1 and ≈ 7.0 at σ_w² = 4
    assert _xi_c(1.0, SIGMA_B2) == pytest.approx(3.63, abs=0.01)
    assert _xi_c(4.0, SIGMA_B2) == pytest.approx(6.98, abs=0.01)


# ------------------------------------------------------------------ the sweep's phenomenon
# What the preset's "Run sweep" trains (its network, 100 batches per cell; bundled MNIST), on a
# few cells of its grid. A cell "trains" above 40 % validation accuracy (four times chance) and
# "does not" below 25 % (chance: the largest class, 10.6 % of the validation images).
TRAINS, FAILS = 0.4, 0.25   # seeds 0-2 measured: 0.57-0.73 and 0.10-0.19
BATCHES = 100                    # the Sweep tab's default
_XI = {1.0: 3.63, 4.0: 6.97}     # ξ_c at the two ends of the preset's σ_w² axis


def _accuracies(sigma_w2: float, depths) -> dict:
    """{(depth, seed): validation accuracy} over seeds 0, 1, 2 (in two worker processes)."""
    from initviz.engine.config import merge
    from initviz.engine.sweep import make_spec, parse_axis
    from initviz.engine.sweep_exec import run_sweep
    base = merge(get("edge-of-chaos-tanh").config, {
        "seed": 0, "data": {"source": "bundled"}, "train": {"steps": BATCHES}})
    spec = make_spec(base, [parse_axis(f"sigma_w2={sigma_w2}"),
                            parse_axis("network.depth=" + ",".join(map(str, depths)))], seeds=3)
    return {(cell[1], seed): row["val_accuracy"] or 0.0
            for (cell, seed), row in run_sweep(spec, workers=2)}


def test_trainable_depth_is_a_few_xi_c_and_the_critical_line_trains_deeper():
    from initviz.engine.sweep import parse_axis
    sigmas, depths = (parse_axis(a).values for a in get("edge-of-chaos-tanh").sweep)
    # the preset's sweep: 77 networks of 10 to 100 layers, σ_w² from 1 to 4
    assert (sigmas[0], sigmas[-1], depths[0], depths[-1]) == (1, 4, 10, 100)
    assert len(sigmas) * len(depths) == 77
    for sigma_w2, xi in _XI.items():
        assert xi == pytest.approx(_xi_c(sigma_w2, SIGMA_B2), abs=0.02)
    shallow = {s: round(2 * xi) for s, xi in _XI.items()}       # 7 and 14 layers
    deep = {s: round(7 * xi) for s, xi in _XI.items()}          # 25 and 49 layers
    depth = 40      # 11 ξ_c of σ_w² = 1, 5.7 ξ_c of σ_w² = 4
    acc = {s: _accuracies(s, sorted({shallow[s], deep[s], depth})) for s in _XI}
    critical = _accuracies(1.76, [depth])
    for seed in (0, 1, 2):
        for s in _XI:
            # the same multiples of ξ_c on both sides of the line, though ξ_c differs twofold
            assert acc[s][(shallow[s], seed)] > TRAINS, (s, seed, acc[s])
            assert acc[s][(deep[s], seed)] < FAILS, (s, seed, acc[s])
            assert acc[s][(depth, seed)] < FAILS, (s, seed, acc[s])
        assert critical[(depth, seed)] > TRAINS, (seed, critical)

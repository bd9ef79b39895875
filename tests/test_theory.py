"""Deep-information-propagation theory against the papers' numbers and against Monte Carlo
simulations of wide random networks (no Qt)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from initviz.engine.config import ExperimentConfig, merge
from initviz.engine.theory import meanfield as mf
from initviz.engine.theory.jacobian import (resolved_spread, spectrum_for_run,
                                           spread_decades)


# ------------------------------------------------------------------ mean field: the papers

def test_tanh_order_to_chaos_at_sigma_b2_005_is_176():
    # Schoenholz et al. 2017 (and Poole et al. 2016): σ_b² = 0.05 puts χ₁ = 1 at σ_w² ≈ 1.76.
    s = mf.critical_sigma_w2(0.05)
    assert abs(s - 1.76) < 0.005, s
    assert abs(mf.chi_1(s, 0.05) - 1) < 1e-6


def test_tanh_critical_line_starts_at_one_and_rises_with_the_bias():
    line = mf.critical_line([0.0, 0.05, 0.1, 0.3])
    assert abs(line[0] - 1.0) < 1e-6     # σ_b = 0: q* = 0 and χ₁ = σ_w² φ'(0)² = σ_w²
    assert np.all(np.diff(line) > 0), line


@pytest.mark.parametrize("slope", [0.0, 0.1, 0.5])
def test_relu_family_critical_line_is_he(slope):
    act = "relu" if slope == 0 else "leaky_relu"
    s = mf.relu_critical_sigma_w2(slope)
    assert s == pytest.approx(2 / (1 + slope ** 2))
    assert mf.chi_1(s, 0.0, act, slope) == pytest.approx(1.0, abs=1e-12)
    assert mf.critical_sigma_w2(0.0, act, slope) == pytest.approx(s, abs=1e-6)
    assert mf.critical_line([0.0, 0.2], act, slope) == pytest.approx([s, s])
    assert mf.relu_critical_sigma_w2(0.0) == 2.0


def test_xi_c_diverges_at_the_critical_line_from_both_sides():
    crit = mf.critical_sigma_w2(0.05)
    below = [mf.mean_field(crit - d, 0.05).xi_c for d in (0.5, 0.2, 0.05, 0.01)]
    above = [mf.mean_field(crit + d, 0.05).xi_c for d in (1.0, 0.3, 0.05, 0.01)]
    assert np.all(np.diff(below) > 0) and np.all(np.diff(above) > 0), (below, above)
    assert below[-1] > 100 and above[-1] > 100
    assert below[0] < 10 and above[0] < 15
    assert mf.mean_field(crit - 0.3, 0.05).phase == "ordered"
    assert mf.mean_field(crit + 0.3, 0.05).phase == "chaotic"
    # ξ_q stays finite across the line (the length converges on both sides).
    assert mf.mean_field(crit, 0.05).xi_q < 5


def test_ordered_phase_has_c_star_one_and_xi_c_from_chi_1():
    m = mf.mean_field(1.3, 0.05)
    assert m.c_star == 1.0 and m.chi_c == m.chi_1
    assert m.xi_c == pytest.approx(-1 / math.log(m.chi_1))


# ------------------------------------------------------------------ mean field: Monte Carlo

def _propagate(sigma_w2, sigma_b2, h, layers, width, rng):
    """Push the rows of h (inputs × units of pre-activations) through ``layers`` random tanh
    layers; returns the pre-activations after each."""
    out = []
    for _ in range(layers):
        W = rng.normal(0, math.sqrt(sigma_w2 / width), (width, width))
        b = rng.normal(0, math.sqrt(sigma_b2), width)
        h = np.tanh(h) @ W + b
        out.append(h)
    return out


def test_q_star_and_c_star_match_a_wide_network():
    # 16 independent inputs; c is averaged over their 120 pairs (one pair's c wanders by
    # about 1/√(n(1 − χ_c²)) in the chaotic phase).
    rng = np.random.default_rng(0)
    n, k = 2000, 16
    for sw, sb in ((1.3, 0.05), (3.0, 0.05)):
        m = mf.mean_field(sw, sb)
        h0 = rng.standard_normal((k, n))
        hs = _propagate(sw, sb, h0, 30, n, rng)
        q = np.mean(hs[-1] ** 2, axis=1)
        assert np.allclose(q, m.q_star, rtol=0.1), (q, m.q_star)
        c = (hs[-1] @ hs[-1].T / n) / np.sqrt(np.outer(q, q))
        c_mean = c[np.triu_indices(k, 1)].mean()
        assert abs(c_mean - m.c_star) < 0.04, (c_mean, m.c_star)


def test_correlation_decays_at_chi_1_per_layer_in_the_ordered_phase():
    sw, sb = 1.2, 0.05
    m = mf.mean_field(sw, sb)
    rng = np.random.default_rng(1)
    n = 4000
    z = rng.standard_normal((2, n))
    c0 = 0.9
    h0 = math.sqrt(m.q_star) * np.stack([z[0], c0 * z[0] + math.sqrt(1 - c0 ** 2) * z[1]])
    hs = _propagate(sw, sb, h0, 12, n, rng)
    gap = [1 - np.corrcoef(h[0], h[1])[0, 1] for h in hs]
    rate = np.exp(np.polyfit(np.arange(4, 12), np.log(gap[4:12]), 1)[0])
    assert rate == pytest.approx(m.chi_1, rel=0.05), (rate, m.chi_1)


def test_chi_q_is_the_slope_of_the_length_in_a_wide_network():
    sw, sb = 1.5, 0.05
    m = mf.mean_field(sw, sb)
    rng = np.random.default_rng(2)
    n = 2000
    q0 = m.q_star * 1.3
    h = rng.standard_normal((64, n)) * math.sqrt(q0)
    q1 = float(np.mean(_propagate(sw, sb, h, 1, n, rng)[0] ** 2))
    assert (q1 - m.q_star) / (q0 - m.q_star) == pytest.approx(m.chi_q, abs=0.08)


# ------------------------------------------------------------------ Jacobian spectrum

def _config(activation, scheme, depth, width=96, gain=1.0, seed=0):
    return merge(ExperimentConfig(), {
        "seed": seed, "data": {"name": "normal", "features": width, "samples": 50,
                               "probe_samples": 10},
        "network": {"depth": depth, "width": width, "activation": activation},
        "runs": [{"label": "r", "init": {"scheme": scheme, "gain": gain}}]})


def test_deep_orthogonal_linear_network_is_a_single_point():
    for depth, gain in ((1, 1.0), (20, 1.1), (40, 0.95)):
        s = spectrum_for_run(_config("linear", "orthogonal", depth, gain=gain))
        assert s.size == 96
        assert s == pytest.approx(gain ** depth, rel=1e-5), (depth, s.min(), s.max())  # float32
        assert spread_decades(s) < 1e-5


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_gaussian_linear_spectrum_spreads_by_orders_of_magnitude_with_depth(seed):
    spreads = [spread_decades(spectrum_for_run(_config("linear", "xavier_normal", d,
                                                       seed=seed)))
               for d in (1, 4, 16, 48)]
    assert np.all(np.diff(spreads) > 0), spreads
    assert spreads[-1] - spreads[0] > 2, spreads   # at least a hundredfold more


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_orthogonal_tanh_keeps_the_spectrum_narrower_than_gaussian(seed):
    orth = spread_decades(spectrum_for_run(_config("tanh", "orthogonal", 32, gain=1.05,
                                                   seed=seed)))
    gauss = spread_decades(spectrum_for_run(_config("tanh", "xavier_normal", 32, gain=1.05,
                                                    seed=seed)))
    assert gauss > orth + 1, (orth, gauss)


def test_singular_values_lost_to_rounding_are_zeros_and_the_spread_a_lower_bound():
    # 50 Gaussian tanh layers: the smallest singular values fall below float64's precision
    # (they lay on a flat floor near 1e-16, counted as 15.5 decades of spread)
    s = spectrum_for_run(_config("tanh", "xavier_normal", 50, width=64))
    nonzero = s[s > 0]
    assert 0 < nonzero.size < s.size
    assert nonzero.min() > s[0] * 64 * np.finfo(np.float64).eps
    decades, zeros, at_least = resolved_spread(s)
    assert zeros == 1 - nonzero.size / s.size
    assert at_least and decades == pytest.approx(np.log10(np.percentile(s, 95) / nonzero.min()))
    assert resolved_spread([2.0, 1.0, 0.5])[1:] == (0.0, False)


# ------------------------------------------------------------------ the Sweep tab's overlay

def test_overlay_puts_the_critical_line_in_the_axis_units():
    from initviz.engine.presets import get
    from initviz.engine.theory.overlay import overlay
    relu = get("relu-critical-line").config
    o = overlay(relu, ["network.depth", "init.gain"], [[5, 50], [1.0, 2.0]])
    assert o["critical"] == [(1, pytest.approx(math.sqrt(2.0)))] and o["xi"] == []
    leaky = merge(relu, {"network": {"activation": "leaky_relu", "negative_slope": 0.5}})
    o = overlay(leaky, ["sigma_w2", "network.depth"], [[1.0, 3.0], [5, 50]])
    assert o["critical"] == [(0, pytest.approx(2 / 1.25))]
    tanh = get("edge-of-chaos-tanh").config
    o = overlay(tanh, ["sigma_w2", "network.depth"], [[1.0, 4.0], [5, 50]], points=8)
    assert o["critical"] == [(0, pytest.approx(mf.critical_sigma_w2(0.05), abs=1e-6))]
    (s_lo, d_lo), (s_hi, d_hi) = o["xi"]
    assert s_lo[0] == 1.0 and s_hi[0] == 4.0
    assert d_lo[0] == pytest.approx(6 * mf.mean_field(1.0, 0.05).xi_c)
    assert np.all(np.diff(d_lo) > 0) and np.all(np.diff(d_hi) > 0)   # rising to the line
    assert overlay(tanh, ["network.width", "network.depth"], [[8, 16], [5, 50]])["critical"] \
        == []


@pytest.mark.parametrize("activation", ["tanh", "softsign"])
def test_newton_finds_the_correlation_maps_fixed_point_the_iteration_finds(activation):
    # c* by Newton steps (the Sweep overlay's speed) against the plain iterated map, its
    # fixed point checked by one more application of the map
    from initviz.engine.theory.meanfield import (_iterate_correlation, correlation_fixed_point,
                                                 fixed_point_q, pair_moment, phi_and_slope)
    phi, slope = phi_and_slope(activation)
    checked = 0
    for sigma_b2 in (0.0, 0.05, 0.5):
        for sigma_w2 in np.linspace(1.2, 8.0, 12):
            if mf.chi_1(sigma_w2, sigma_b2, activation) <= 1.02:
                continue
            q = fixed_point_q(sigma_w2, sigma_b2, phi)
            c, chi_c = correlation_fixed_point(q, sigma_w2, sigma_b2, phi, slope)
            c_it, chi_it = _iterate_correlation(q, sigma_w2, sigma_b2, phi, slope)
            assert c == pytest.approx(c_it, abs=1e-11) and chi_c == pytest.approx(chi_it, 1e-10)
            mapped = (sigma_w2 * pair_moment(phi, phi, q, q, c) + sigma_b2) / q
            assert float(mapped) == pytest.approx(c, abs=1e-13)
            assert 0 <= c < 1 and 0 < chi_c < 1
            checked += 1
    assert checked >= 15

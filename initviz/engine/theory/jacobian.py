"""The singular values of the input-output Jacobian at initialization (Saxe et al. 2014;
Pennington, Schoenholz and Ganguli 2017).

With row vectors (h_l = φ(h_{l-1} W_l + b_l)) the Jacobian of the last hidden layer with respect
to the input is J = W_1 D_1 W_2 D_2 ··· W_L D_L, D_l = diag φ'(u_l) at one input. Orthogonal
weights in a linear network make every singular value exactly gain^L ("dynamical isometry");
Gaussian weights spread them over orders of magnitude as the depth grows, so some directions
of the signal (and of the gradient) are amplified and others all but lost."""
from __future__ import annotations

import numpy as np


def jacobian_singular_values(net, x: np.ndarray) -> np.ndarray:
    """Singular values (descending) of d h_L / d x at the input row ``x`` for an engine Network
    (dense layers without batch norm, skips or maxout), in float64."""
    if net.cfg.batch_norm or any(net.residual) or net.pieces > 1:
        raise ValueError("the Jacobian spectrum is for plain dense layers")
    x = np.asarray(x, net.dtype).reshape(1, -1)
    with np.errstate(all="ignore"):
        net.forward(x, train=False)
        act = net.act_fn
        slopes = [np.asarray(act.slope(u, a, np.empty_like(u)), np.float64).ravel()
                  for u, a in zip(net.pre, net.act)]
    # Multiply from the output end: square products first, the wide input layer last.
    J = None
    for W, d in zip(reversed(net.W[:-1]), reversed(slopes)):
        WD = np.asarray(W, np.float64) * d
        J = WD if J is None else WD @ J
    s = np.linalg.svd(J, compute_uv=False)
    # Below numpy's rank tolerance a singular value is rounding, not signal: a deep Gaussian
    # product's smallest ones otherwise lie on a flat floor near 1e-16 (read as zeros).
    s[s <= s[0] * max(J.shape) * np.finfo(np.float64).eps] = 0.0
    return s


def spectrum_for_run(config, run_index: int = 0, data=None, sample: int = 0) -> np.ndarray:
    """The Jacobian's singular values for run ``run_index`` of ``config`` at initialization, with
    the weights that run starts from, at probe input ``sample``."""
    from ..data import load_dataset
    from ..runner import RunState
    data = data or load_dataset(config.data, config.seed, config.network.output)
    state = RunState(config, run_index, data)
    for _ in state.initialize():
        pass
    return jacobian_singular_values(state.net, data.x_probe[sample])


SLOW_SCHEMES = ("rbm", "lsuv")   # data-dependent starts: their Jacobian is left out


def spectra_for_config(config) -> list:
    """Each run's singular values (None for runs the spectrum is not for: batch norm, skips,
    maxout, data-dependent starts)."""
    from ..data import load_dataset
    data, out = None, []
    for i, run in enumerate(config.runs):
        net = config.run_network(i)
        if run.init.scheme in SLOW_SCHEMES or net.batch_norm or net.residual or \
                net.activation == "maxout":
            out.append(None)
            continue
        data = data or load_dataset(config.data, config.seed, config.network.output)
        out.append(spectrum_for_run(config, i, data))
    return out


SPREAD_QUANTILES = (5, 95)


def spread_decades(singular_values, quantiles=SPREAD_QUANTILES) -> float:
    """log10 of the ratio of the 95th to the 5th percentile of the singular values: how many
    orders of magnitude the bulk of the spectrum covers (the extremes of a square Gaussian
    matrix's spectrum reach 0 already at depth 1; dead ReLU units give exact zeros)."""
    s = np.asarray(singular_values, float)
    lo, hi = np.percentile(s, quantiles)
    return float(np.log10(hi / lo)) if lo > 0 else float("inf")


def resolved_spread(singular_values, quantiles=SPREAD_QUANTILES) -> tuple[float, float, bool]:
    """(decades, share of zeros, whether the decades are only a lower bound). Where the 5th
    percentile is a zero (dead units, or values below float64's precision), the decades are
    counted from the smallest non-zero value: the spread is at least that."""
    s = np.asarray(singular_values, float)
    nonzero = s[s > 0]
    zeros = 1 - nonzero.size / max(s.size, 1)
    if nonzero.size == 0:
        return 0.0, zeros, False
    lo, hi = np.percentile(s, quantiles)
    return float(np.log10(hi / (lo if lo > 0 else nonzero.min()))), zeros, not lo > 0

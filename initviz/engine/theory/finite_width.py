"""How far one network of finite width strays from the mean-field prediction at initialization.

Given layer l−1, layer l's units are independent: unit j's pre-activations z_j(x) over the inputs
are a Gaussian process with mean μ_b and kernel q(x, x') = σ_w² K(x, x') + σ_b², K = a·a'/n the
layer below's kernel. What the Depth tab plots is the activations' standard deviation over the
batch and the units, S = M − m² with M = (1/n) Σ_j Y_j, m = (1/n) Σ_j Z_j, Y_j = mean_x φ(z_j)²,
Z_j = mean_x φ(z_j). By the delta method one layer adds

    κ_S / n = (Var Y − 4 m Cov(Y, Z) + 4 m² Var Z) / (n S²)      to Var[ln S],
    κ_M / n = Var Y / (n M²)                                      to Var[ln M],

and the fluctuation of ln M_{l−1} (what layer l's kernel is made of) is carried in with the
elasticities e_S = d ln S_l / d ln M_{l−1} and e_M = d ln M_l / d ln M_{l−1} of the mean-field
map (the layer below's kernel scaled as a whole):

    Var[ln M_l] = e_M² Var[ln M_{l−1}] + κ_M / n_l,   Var[ln S_l] = e_S² Var[ln M_{l−1}] + κ_S / n_l.

For ReLU at He's σ_w² = 2 without biases, e = 1 and for one input κ_M = (3/2 − 1/4)/(1/4) = 5:
Var[ln M_L] = Σ 5/n_l, Hanin and Nica's (2019) sum of reciprocal widths with its constant (the
std's own last term is κ_S ≈ 4.4). A batch of correlated inputs averages part of it away: the
variances and covariances above are over the batch mean, from the mean-field kernel of a subsample
(2-D Gauss-Hermite). The band's centre is the mean-field S propagated input by input (the dashed
prediction averages the inputs' variances before the nonlinearity), less its 1/n bias Var Z / n."""
from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

from .meanfield import phi_and_slope

SUBSAMPLE = 24      # inputs of the batch whose kernel is propagated
COVERAGE = 0.9      # the band's share of networks
# checked on simulated networks: ReLU, tanh in tests/test_finite_width.py; the others by hand
BAND_ACTIVATIONS = ("relu", "leaky_relu", "tanh", "softsign", "sigmoid", "elu", "selu",
                    "linear")
_H = 1e-3           # relative step of the elasticities
_GX, _GW = np.polynomial.hermite_e.hermegauss(24)
_GW = _GW / _GW.sum()
_Z1, _Z2 = (z.ravel() for z in np.meshgrid(_GX, _GX, indexing="ij"))
_W2 = np.outer(_GW, _GW).ravel()
# one dimension is cheap: more nodes, as ReLU's kink costs a 24-node rule 1.7 % of E|z|
_DX, _DW = np.polynomial.hermite_e.hermegauss(96)
_DW = _DW / _DW.sum()


def _pair_moments(phi, q: np.ndarray, mu: float) -> dict:
    """Over the pairs of inputs of the kernel q (m×m), for u ~ N(μ, q): E[φφ'] (the next
    kernel before σ_w²) and the covariances Cov[φ², φ'²], Cov[φ, φ'], Cov[φ², φ'] (m×m each)."""
    d = np.sqrt(np.maximum(np.diag(q), 1e-300))
    rho = np.clip(q / np.outer(d, d), -1.0, 1.0)
    i, j = np.triu_indices(len(q))
    r = rho[i, j][:, None]
    u1 = mu + d[i][:, None] * _Z1
    u2 = mu + d[j][:, None] * (r * _Z1 + np.sqrt(1 - r * r) * _Z2)
    f1, f2 = phi(u1), phi(u2)
    e1, e2, s1, s2 = f1 @ _W2, f2 @ _W2, (f1 * f1) @ _W2, (f2 * f2) @ _W2
    out = {}
    for name, upper, lower in (
            ("k", (f1 * f2) @ _W2, None),
            ("yy", (f1 * f1 * f2 * f2) @ _W2 - s1 * s2, None),
            ("zz", (f1 * f2) @ _W2 - e1 * e2, None),
            ("yz", (f1 * f1 * f2) @ _W2 - s1 * e2, (f1 * f2 * f2) @ _W2 - e1 * s2)):
        a = np.empty_like(q)
        a[i, j] = upper
        a[j, i] = upper if lower is None else lower
        out[name] = a
    return out


def _diag_moments(phi, qdiag: np.ndarray, mu: float) -> tuple[np.ndarray, np.ndarray]:
    """E[φ(u)] and E[φ(u)²] for u ~ N(μ, q) per input."""
    y = phi(mu + np.sqrt(np.maximum(qdiag, 0.0))[:, None] * _DX)
    return y @ _DW, (y * y) @ _DW


def _batch_mean(c: np.ndarray, batch: int) -> float:
    """Var (or Cov) of a mean over ``batch`` inputs whose pairwise covariances are like c's."""
    m = len(c)
    off = (c.sum() - np.trace(c)) / (m * (m - 1)) if m > 1 else 0.0
    return float(np.trace(c) / m / batch + (1 - 1 / batch) * off)


def _spread(phi, D: np.ndarray, sw: float, sb: float, mu: float) -> tuple[float, float]:
    """Mean-field (M, S) of a layer whose input second moments per input are D."""
    e, s = _diag_moments(phi, sw * D + sb, mu)
    M, m = float(np.mean(s)), float(np.mean(e))
    return M, M - m * m


def spread_statistics(activation: str, sigma_w2s, sigma_b2s, widths, x: np.ndarray,
                      batch: int | None = None, negative_slope: float = 0.01, bias_means=None):
    """Per hidden layer: (the mean-field std of the activations over the batch and units,
    Var[ln S], Var[ln M]), S the activations' variance and M their mean square, x the inputs
    (all of them for the centre, the first SUBSAMPLE for the variances), ``batch`` the number
    of inputs the std is over (default len(x)). σ_w² is per layer with W ~ N(0, σ_w²/fan_in),
    biases ~ N(μ_b, σ_b²) (``bias_means`` the μ_b, default 0)."""
    phi, _ = phi_and_slope(activation, negative_slope)
    x = np.asarray(x, np.float64)
    batch = len(x) if batch is None else batch
    mus = [0.0] * len(widths) if bias_means is None else bias_means
    D = np.mean(x * x, axis=1)                  # every input's second moment
    xs = x[:SUBSAMPLE]
    K = xs @ xs.T / xs.shape[1]
    vm, centre, v_s, v_m = 0.0, [], [], []
    for sw, sb, mu, n in zip(sigma_w2s, sigma_b2s, mus, widths):
        M, S = _spread(phi, D, sw, sb, mu)
        mom = _pair_moments(phi, sw * K + sb, mu)
        Ms = float(np.mean(np.diag(mom["k"])))
        ms = float(np.mean(_diag_moments(phi, np.diag(sw * K + sb), mu)[0]))
        Ss = Ms - ms * ms
        var_y, var_z = _batch_mean(mom["yy"], batch), _batch_mean(mom["zz"], batch)
        cov_yz = _batch_mean((mom["yz"] + mom["yz"].T) / 2, batch)
        k_m = max(var_y, 0.0) / (n * Ms * Ms) if Ms > 0 else math.nan
        k_s = max(var_y - 4 * ms * cov_yz + 4 * ms * ms * var_z, 0.0) / (n * Ss * Ss) \
            if Ss > 0 else math.nan
        e_m = e_s = 1.0
        if vm > 0:     # nothing is carried into the first layer: its inputs are the data
            up, dn = (_spread(phi, D * (1 + s * _H), sw, sb, mu) for s in (1, -1))
            dl = math.log1p(_H) - math.log1p(-_H)
            if min(up + dn) > 0:
                e_m = (math.log(up[0]) - math.log(dn[0])) / dl
                e_s = (math.log(up[1]) - math.log(dn[1])) / dl
        v_s.append(e_s * e_s * vm + k_s)
        vm = e_m * e_m * vm + k_m
        v_m.append(vm)
        centre.append(math.sqrt(max(S - max(var_z, 0.0) / n, 0.0)))
        D = _diag_moments(phi, sw * D + sb, mu)[1]
        K = mom["k"]
    return np.array(centre), np.array(v_s), np.array(v_m)


def log_variance(activation: str, sigma_w2s, sigma_b2s, widths, x: np.ndarray,
                 batch: int | None = None, negative_slope: float = 0.01) -> np.ndarray:
    """Var[ln M_l] for each hidden layer l: M the batch's mean squared activation."""
    return spread_statistics(activation, sigma_w2s, sigma_b2s, widths, x, batch,
                             negative_slope)[2]


def band(predicted, log_var, coverage: float = COVERAGE) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) of the activation spread: ln(spread) ~ N(ln predicted − v/4, v/4) per layer
    (the mean of ln S lies v/2 below ln E[S], as ln(1 + δ) ≈ δ − δ²/2), v = Var[ln S]."""
    z = NormalDist().inv_cdf(0.5 + coverage / 2)
    v = np.asarray(log_var, float)
    half = z * 0.5 * np.sqrt(v)
    centre = np.asarray(predicted, float) * np.exp(-v / 4)
    return centre * np.exp(-half), centre * np.exp(half)


def layer_scales(W, b) -> tuple[float, float, float] | None:
    """(σ_w², σ_b², μ_b) of one layer from its matrices: σ_w² = fan_in · E[W²], the biases'
    variance and mean. None when the weights are not centred enough for the zero-mean theory."""
    W = np.asarray(W, np.float64)
    mw, vw = float(W.mean()), float(W.var())
    if vw <= 0 or mw * mw > 0.01 * vw:
        return None
    b = np.zeros(1) if b is None else np.asarray(b, np.float64)
    return W.shape[0] * (vw + mw * mw), float(b.var()), float(b.mean())


def band_gap(cfg, activation: str | None = None) -> str | None:
    """Why a network of this config gets no band (None: it gets one unless its weights turn
    out uncentred): "batch_norm", "residual", "maxout" or "activation"."""
    activation = activation or cfg.activation
    if cfg.batch_norm:
        return "batch_norm"
    if cfg.residual:
        return "residual"
    if activation == "maxout":
        return "maxout"
    return None if activation in BAND_ACTIVATIONS else "activation"


def network_band(net, x_probe) -> tuple[np.ndarray, np.ndarray] | None:
    """(mean-field std, Var[ln S]) per hidden layer for an engine Network as it stands (its
    weights' scales), or None where the theory does not apply (band_gap, uncentred weights)."""
    if net.cfg.batch_norm or any(net.residual) or net.pieces > 1 or \
            net.cfg.activation not in BAND_ACTIVATIONS:
        return None
    scales = [layer_scales(W, b) for W, b in zip(net.W[:-1], net.b[:-1])]
    if any(s is None for s in scales):
        return None
    sw, sb, mu = zip(*scales)
    with np.errstate(all="ignore"):
        centre, v, _ = spread_statistics(net.cfg.activation, sw, sb, net.widths, x_probe,
                                         negative_slope=net.cfg.negative_slope, bias_means=mu)
    ok = np.all(np.isfinite(v)) and np.all(np.isfinite(centre)) and np.all(centre > 0)
    return (centre, v) if ok else None

"""How far one network of finite width strays from the mean-field prediction at initialization.

Given layer l, the pre-activations z_j(x) of layer l+1's n units are independent over j, each a
Gaussian process over the inputs with kernel q(x, x') = σ_w² a(x)·a(x')/n_l + σ_b². So the
batch's mean squared activation M_{l+1} = (1/n) Σ_j Y_j, Y_j = mean_x φ(z_j(x))², is an average
of n independent terms: its relative variance is ε = Var[Y] / (n E[Y]²). Fluctuations carried in
from layer l scale by the slope s = d ln M_{l+1} / d ln M_l, so to first order

    v_{l+1} = s² v_l + ε_{l+1},      v = Var[ln M].

For ReLU with He's σ_w² = 2, s = 1 and for a single input Var[φ(z)²]/E[φ(z)²]² = (3/2 − 1/4)/(1/4)
= 5: v_L = Σ 5/n_l, Hanin and Nica's (2019) sum of reciprocal widths with its constant. A batch
of correlated inputs averages part of it away (Var[Y] includes the covariances of
φ(z(x))², φ(z(x'))², computed on a subsample of the batch with the mean-field kernel). The
activation spread is √M up to a fixed factor, so ln(spread) has standard deviation ½√v."""
from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

from .meanfield import phi_and_slope

SUBSAMPLE = 24      # inputs of the batch whose kernel is propagated
COVERAGE = 0.9      # the band's share of networks
BAND_ACTIVATIONS = ("relu", "leaky_relu")   # where the band's coverage is checked
_GX, _GW = np.polynomial.hermite_e.hermegauss(24)
_GW = _GW / _GW.sum()
_Z1, _Z2 = (z.ravel() for z in np.meshgrid(_GX, _GX, indexing="ij"))
_W2 = np.outer(_GW, _GW).ravel()


def _moments(phi, q: np.ndarray):
    """For a pre-activation kernel q (m×m): E[φ(u)φ(u')] (the next kernel before σ_w²) and
    Cov[φ(u)², φ(u')²] for every pair, by 2-D Gauss-Hermite."""
    d = np.sqrt(np.maximum(np.diag(q), 1e-300))
    rho = np.clip(q / np.outer(d, d), -1.0, 1.0)
    iu = np.triu_indices(len(q))
    r = rho[iu][:, None]
    u1 = d[iu[0]][:, None] * _Z1
    u2 = d[iu[1]][:, None] * (r * _Z1 + np.sqrt(1 - r * r) * _Z2)
    f1, f2 = phi(u1), phi(u2)
    e12 = (f1 * f2) @ _W2
    e11, e22 = (f1 * f1) @ _W2, (f2 * f2) @ _W2
    cov = (f1 * f1 * f2 * f2) @ _W2 - e11 * e22
    k, c = np.empty_like(q), np.empty_like(q)
    k[iu], c[iu] = e12, cov
    k.T[iu], c.T[iu] = e12, cov
    return k, c


def _mean_square(phi, qdiag: np.ndarray) -> float:
    u = np.sqrt(np.maximum(qdiag, 0.0))[:, None] * _GX
    y = phi(u)
    return float(np.mean((y * y) @ _GW))


def log_variance(activation: str, sigma_w2s, sigma_b2s, widths, x: np.ndarray,
                 batch: int | None = None, negative_slope: float = 0.01) -> np.ndarray:
    """Var[ln M_l] for each hidden layer l: M the batch's mean squared activation, x the inputs
    (the first SUBSAMPLE rows are used), ``batch`` the number of inputs M averages over (the
    probe batch; default len(x)). σ_w² is per layer with W ~ N(0, σ_w²/fan_in)."""
    phi, _ = phi_and_slope(activation, negative_slope)
    x = np.asarray(x, np.float64)
    batch = len(x) if batch is None else batch
    xs = x[:SUBSAMPLE]
    m = len(xs)
    K = xs @ xs.T / xs.shape[1]  # the input "activations" kernel a·a'/n
    off = ~np.eye(m, dtype=bool)
    v, out = 0.0, []
    for sw, sb, n in zip(sigma_w2s, sigma_b2s, widths):
        q = sw * K + sb
        k, c = _moments(phi, q)
        M = float(np.mean(np.diag(k)))
        var_y = np.mean(np.diag(c)) / batch
        if m > 1:
            var_y += (1 - 1 / batch) * np.mean(c[off])
        eps = max(var_y, 0.0) / (n * M * M) if M > 0 else math.nan
        if out:  # fluctuations carried in from the layer below
            h = 1e-3
            up = _mean_square(phi, sw * np.diag(K) * (1 + h) + sb)
            dn = _mean_square(phi, sw * np.diag(K) * (1 - h) + sb)
            s = (math.log(up) - math.log(dn)) / (math.log1p(h) - math.log1p(-h)) \
                if up > 0 and dn > 0 else 1.0
            v = s * s * v
        v += eps
        out.append(v)
        K = k
    return np.array(out)


def band(predicted, log_var, coverage: float = COVERAGE) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) of the activation spread: ln(spread) ~ N(ln predicted − v/4, v/4) per layer
    (the mean of ln M lies v/2 below ln E[M], as ln(1 + δ) ≈ δ − δ²/2)."""
    z = NormalDist().inv_cdf(0.5 + coverage / 2)
    v = np.asarray(log_var, float)
    half = z * 0.5 * np.sqrt(v)
    centre = np.asarray(predicted, float) * np.exp(-v / 4)
    return centre * np.exp(-half), centre * np.exp(half)


def layer_scales(W, b) -> tuple[float, float] | None:
    """(σ_w², σ_b²) of one layer from its matrices: σ_w² = fan_in · E[W²], σ_b² = E[b²]. None
    when the weights are not centred enough for the zero-mean theory."""
    W = np.asarray(W, np.float64)
    mw, vw = float(W.mean()), float(W.var())
    if vw <= 0 or mw * mw > 0.01 * vw:
        return None
    sb = 0.0 if b is None else float(np.mean(np.square(np.asarray(b, np.float64))))
    return W.shape[0] * (vw + mw * mw), sb


def network_band_log_variance(net, x_probe) -> np.ndarray | None:
    """Var[ln M_l] per hidden layer for an engine Network as it stands (its weights' scales),
    or None where the theory does not apply (batch norm, skips, maxout, uncentred weights) or
    where the band has not been checked against simulations: it is for the ReLU family only
    (for tanh the band is a few per cent wide, narrower than the error of the dashed
    prediction itself, which averages the inputs' variances before the nonlinearity)."""
    if net.cfg.batch_norm or any(net.residual) or net.pieces > 1 or \
            net.cfg.activation not in BAND_ACTIVATIONS:
        return None
    scales = [layer_scales(W, b) for W, b in zip(net.W[:-1], net.b[:-1])]
    if any(s is None for s in scales):
        return None
    with np.errstate(all="ignore"):
        v = log_variance(net.cfg.activation, [s[0] for s in scales], [s[1] for s in scales],
                         net.widths, x_probe, negative_slope=net.cfg.negative_slope)
    return v if np.all(np.isfinite(v)) else None

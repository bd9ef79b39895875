"""Per-layer statistics (the histograms are in ``histograms``): spreads, saturation, dead
units, and the standard deviation the variance recursion predicts for each layer.

The arrays are large (a deep probe has 50 layers of 1000 x 512 values, four kinds each), so the
functions here take an optional ``Scratch`` whose buffers they reuse instead of allocating
temporaries (a fresh multi-megabyte temporary costs page faults on every call)."""
from __future__ import annotations

import numpy as np

SATURATION_THRESHOLD = 0.05  # a unit is saturated where f'(u) < 5 % of f's largest slope

# Gauss-Hermite nodes for expectations under a normal (probabilists' form, weight e^{-x²/2}).
_GH_X, _GH_W = np.polynomial.hermite_e.hermegauss(80)
_GH_W = _GH_W / _GH_W.sum()


class Scratch:
    """Reusable temporary buffers, one per dtype, grown on demand. Not thread-safe: one per
    run."""

    def __init__(self):
        self._buffers: dict = {}

    def get(self, dtype, shape) -> np.ndarray:
        dtype = np.dtype(dtype)
        size = int(np.prod(shape))
        buf = self._buffers.get(dtype)
        if buf is None or buf.size < size:
            buf = self._buffers[dtype] = np.empty(size, dtype)
        return buf[:size].reshape(shape)


def _scratch(scratch: Scratch | None, dtype, shape) -> np.ndarray:
    return np.empty(shape, dtype) if scratch is None else scratch.get(dtype, shape)


def _squares_underflow(dtype) -> float:
    """Spreads below this lose digits (or become 0) when their squares are summed."""
    return float(np.sqrt(np.finfo(dtype).tiny)) * 1e3 if dtype.kind == "f" else 0.0


def mean_std(x: np.ndarray, scratch: Scratch | None = None) -> tuple[float, float]:
    """``np.mean(x)`` and ``np.std(x)`` (the same operations in x's precision, so the same
    numbers) without their temporaries. A finite mean means every value is finite. Spreads
    whose squares underflow are taken in float64, scaled by the largest deviation."""
    flat = np.asarray(x).ravel()
    n = flat.size
    if n == 0:
        return float("nan"), float("nan")
    mean = np.add.reduce(flat) / n
    d = np.subtract(flat, mean, out=_scratch(scratch, flat.dtype, flat.shape))
    np.multiply(d, d, out=d)
    std = float(np.sqrt(np.add.reduce(d) / n))
    if std < _squares_underflow(flat.dtype):
        # Deviations below ~1e-19 (float32) square into denormals or 0: a vanished gradient is
        # tiny, not 0, and its spread is measured in float64, scaled by the largest deviation.
        dev = flat.astype(np.float64) - float(mean)
        top = float(np.max(np.abs(dev)))
        if top > 0.0:
            std = top * float(np.sqrt(np.mean(np.square(dev / top))))
    return float(mean), std


def saturated_fraction(act_fn, u: np.ndarray, a: np.ndarray,
                       scratch: Scratch | None = None) -> float:
    if not act_fn.saturates:
        return 0.0
    d = act_fn.slope(u, a, _scratch(scratch, u.dtype, u.shape))
    return np.count_nonzero(d < SATURATION_THRESHOLD * act_fn.max_derivative) / d.size


def dead_fraction(act_fn, a: np.ndarray) -> float:
    """Fraction of units that output exactly 0 for every sample (ReLU family only)."""
    if not act_fn.relu_family or act_fn.name == "maxout":
        return 0.0
    return float(np.mean(np.all(a == 0, axis=0)))


def _gauss_moments(f, mean: float, var: float) -> tuple[float, float]:
    """E[f(s)] and E[f(s)²] for s ~ N(mean, var)."""
    s = mean + np.sqrt(max(var, 0.0)) * _GH_X
    y = f(s)
    return float(_GH_W @ y), float(_GH_W @ (y * y))


def input_moments(x: np.ndarray) -> tuple[float, float]:
    """E[x] and E[x²] over every entry of the input batch, in float64."""
    x = np.asarray(x, np.float64)
    return float(x.mean()), float(np.mean(x * x))


def predicted_stds(act_fn, x: np.ndarray, weights, biases, residual, batch_norm: bool,
                   pieces: int = 1, *, x_moments: tuple[float, float] | None = None,
                   weight_moments=None) -> list[float]:
    """The activation standard deviation per layer that mean-field variance propagation
    predicts: s = Σ a_i w_i with independent terms, so E[s] = n·μ_w·E[a] and
    Var[s] = n·(σ_w²·E[a²] + μ_w²·Var[a]); then the moments of f(s) for a normal s.
    For ReLU and zero-mean weights this is He's recursion (Var halves through the ReLU); in
    the linear regime of tanh it is Glorot's. ``weights`` are the current matrices, so the
    prediction also covers data-dependent schemes.

    ``x_moments`` (``input_moments(x)``) and ``weight_moments`` ((mean, std) per layer) may be
    passed when the caller has them already; otherwise they are computed in float64."""
    ea, ea2 = input_moments(x) if x_moments is None else x_moments
    out = []
    f = lambda s: act_fn.forward(s.astype(np.float64))  # noqa: E731
    for l, W in enumerate(weights):
        n = W.shape[0]
        if weight_moments is None:
            W = np.asarray(W, np.float64)
            mw, vw = float(W.mean()), float(W.var())
        else:
            mw, sw = weight_moments[l]
            vw = sw * sw
        b = 0.0 if biases[l] is None else float(np.mean(biases[l]))
        # random biases (σ_b²) add their variance; equal biases add none
        vb = 0.0 if biases[l] is None or np.ptp(biases[l]) == 0 else \
            float(np.var(np.asarray(biases[l], np.float64)))
        mean_s = n * mw * ea + b
        var_s = n * (vw * ea2 + mw * mw * max(ea2 - ea * ea, 0.0)) + vb
        if batch_norm:
            mean_s, var_s = 0.0, 1.0
        if pieces > 1:  # max of k independent normals: sample the moments
            z = np.sort(np.random.default_rng(0).normal(mean_s, np.sqrt(var_s), (4000, pieces)),
                        axis=1)[:, -1]
            m1, m2 = float(z.mean()), float(np.mean(z * z))
        else:
            m1, m2 = _gauss_moments(f, mean_s, var_s)
        var_a = max(m2 - m1 * m1, 0.0)
        out.append(float(np.sqrt(var_a)))
        if residual[l]:
            ea, ea2 = ea + m1, ea2 + m2 + 2 * ea * m1
        else:
            ea, ea2 = m1, m2
    return out

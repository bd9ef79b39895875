"""Weight initializers.

Each scheme samples a ``(fan_in, fan_out)`` matrix from an explicit ``numpy.random.Generator``.
Names follow ``torch.nn.init`` where PyTorch has the scheme. Every scheme carries a one-line
formula the UI shows, and ``scheme_std`` gives the standard deviation its formula predicts.
The data-dependent schemes (LSUV, RBM pre-training) start from a scheme here and are finished by
the runner (see ``lsuv.py`` and ``rbm.py``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .activations import calculate_gain

# Truncated normals are cut at this many standard deviations; values beyond are redrawn.
TRUNCATION = 2.0
# Standard deviation of a standard normal truncated to [-2, 2] (for the predicted spread).
_TRUNC_STD_FACTOR = math.sqrt(1.0 - 2.0 * TRUNCATION * math.exp(-TRUNCATION ** 2 / 2.0)
                              / (math.sqrt(2.0 * math.pi) * math.erf(TRUNCATION / math.sqrt(2.0))))


@dataclass(frozen=True)
class Scheme:
    name: str
    title: str
    formula: str
    params: tuple[str, ...]   # which InitConfig fields the scheme reads
    data_dependent: bool = False


SCHEMES: dict[str, Scheme] = {s.name: s for s in (
    Scheme("zeros", "all zeros", "W = 0", ()),
    Scheme("ones", "all ones", "W = 1", ()),
    Scheme("constant", "constant", "W = c", ("value",)),
    Scheme("uniform", "uniform U[a, b)", "W ~ U[a, b)", ("low", "high")),
    Scheme("normal", "normal N(μ, σ)", "W ~ N(μ, σ²)", ("mean", "std")),
    Scheme("trunc_normal", "truncated normal", "W ~ N(μ, σ²), values beyond μ ± 2σ redrawn",
           ("mean", "std")),
    Scheme("standard_uniform", "1/√n rule (Glorot's \"standard\")",
           "W ~ U[-1/√n, 1/√n),  n = fan_in", ()),
    Scheme("xavier_uniform", "Xavier/Glorot uniform",
           "W ~ U[-a, a),  a = gain · √(6 / (n_in + n_out))", ("gain",)),
    Scheme("xavier_normal", "Xavier/Glorot normal",
           "W ~ N(0, σ²),  σ = gain · √(2 / (n_in + n_out))", ("gain",)),
    Scheme("xavier_uniform_logistic", "Xavier uniform ×4 (logistic)",
           "W ~ U[-a, a),  a = 4 · gain · √(6 / (n_in + n_out))", ("gain",)),
    Scheme("xavier_normal_logistic", "Xavier normal ×4 (logistic)",
           "W ~ N(0, σ²),  σ = 4 · gain · √(2 / (n_in + n_out))", ("gain",)),
    Scheme("kaiming_uniform", "He/Kaiming/MSRA uniform",
           "W ~ U[-a, a),  a = gain · √(3 / n),  gain = √(2 / (1 + slope²)) for ReLU",
           ("mode", "nonlinearity", "negative_slope")),
    Scheme("kaiming_normal", "He/Kaiming/MSRA normal",
           "W ~ N(0, σ²),  σ = gain / √n,  gain = √(2 / (1 + slope²)) for ReLU",
           ("mode", "nonlinearity", "negative_slope")),
    Scheme("lecun_uniform", "LeCun uniform", "W ~ U[-a, a),  a = √(3 / n_in)", ()),
    Scheme("lecun_normal", "LeCun normal", "W ~ N(0, σ²),  σ = 1/√n_in", ()),
    Scheme("orthogonal", "orthogonal", "W = gain · Q,  Q from QR of a normal matrix (sign-fixed)",
           ("gain",)),
    Scheme("lsuv", "LSUV (layer-sequential unit variance)",
           "orthogonal, then each layer scaled by 1/std(output) until |Var − 1| < tol",
           ("tolerance", "max_iterations"), data_dependent=True),
    Scheme("rbm", "RBM pre-training (CD-1)",
           "greedy stack of RBMs trained by contrastive divergence; weights start N(0, 0.01)",
           ("rbm_epochs", "rbm_learning_rate"), data_dependent=True),
)}


def fan_for_mode(fan_in: int, fan_out: int, mode: str) -> int:
    if mode == "fan_in":
        return fan_in
    if mode == "fan_out":
        return fan_out
    raise ValueError(f"mode must be 'fan_in' or 'fan_out', not {mode!r}")


def _kaiming_gain(nonlinearity: str, negative_slope: float) -> float:
    return calculate_gain(nonlinearity, negative_slope if nonlinearity == "leaky_relu" else None)


def scheme_bound_and_std(init, fan_in: int, fan_out: int) -> tuple[float | None, float, float]:
    """(bound or None, mean, std) that the scheme's formula gives for this layer shape."""
    s = init.scheme
    if s == "zeros":
        return None, 0.0, 0.0
    if s == "ones":
        return None, 1.0, 0.0
    if s == "constant":
        return None, init.value, 0.0
    if s == "uniform":
        return None, (init.low + init.high) / 2, (init.high - init.low) / math.sqrt(12.0)
    if s == "normal":
        return None, init.mean, init.std
    if s == "trunc_normal":
        return None, init.mean, init.std * _TRUNC_STD_FACTOR
    if s == "standard_uniform":
        a = 1.0 / math.sqrt(fan_in)
    elif s in ("xavier_uniform", "xavier_uniform_logistic"):
        a = init.gain * math.sqrt(6.0 / (fan_in + fan_out))
        a *= 4.0 if s.endswith("logistic") else 1.0
    elif s in ("xavier_normal", "xavier_normal_logistic"):
        std = init.gain * math.sqrt(2.0 / (fan_in + fan_out))
        return None, 0.0, std * (4.0 if s.endswith("logistic") else 1.0)
    elif s == "kaiming_uniform":
        n = fan_for_mode(fan_in, fan_out, init.mode)
        a = _kaiming_gain(init.nonlinearity, init.negative_slope) * math.sqrt(3.0 / n)
    elif s == "kaiming_normal":
        n = fan_for_mode(fan_in, fan_out, init.mode)
        return None, 0.0, _kaiming_gain(init.nonlinearity, init.negative_slope) / math.sqrt(n)
    elif s == "lecun_uniform":
        a = math.sqrt(3.0 / fan_in)
    elif s == "lecun_normal":
        return None, 0.0, 1.0 / math.sqrt(fan_in)
    elif s in ("orthogonal", "lsuv"):
        # Orthogonal columns of length gain: each entry has variance gain² / max(n_in, n_out).
        g = init.gain if s == "orthogonal" else 1.0
        return None, 0.0, g / math.sqrt(max(fan_in, fan_out))
    elif s == "rbm":
        return None, 0.0, 0.01
    else:
        raise ValueError(f"unknown scheme {s!r}")
    return a, 0.0, a / math.sqrt(3.0)


def _orthogonal(rng: np.random.Generator, fan_in: int, fan_out: int, gain: float) -> np.ndarray:
    rows, cols = max(fan_in, fan_out), min(fan_in, fan_out)
    q, r = np.linalg.qr(rng.standard_normal((rows, cols)))
    # Sign fix (Mezzadri 2007) so Q is uniform over the orthogonal group, not biased by QR.
    q *= np.sign(np.diag(r))
    if fan_in < fan_out:
        q = q.T
    return gain * q


def _trunc_normal(rng: np.random.Generator, shape, mean: float, std: float) -> np.ndarray:
    x = rng.standard_normal(shape)
    bad = np.abs(x) > TRUNCATION
    while bad.any():  # redraw: about 4.6 % per round
        x[bad] = rng.standard_normal(int(bad.sum()))
        bad = np.abs(x) > TRUNCATION
    return mean + std * x


def sample_weights(init, fan_in: int, fan_out: int, rng: np.random.Generator,
                   dtype=np.float32, shape=None) -> np.ndarray:
    """Sample a (fan_in, fan_out) weight matrix for ``init`` (an InitConfig). ``shape`` draws
    that many weights of the same layer's distribution instead (not for orthogonal, whose
    entries depend on the whole matrix)."""
    s = init.scheme
    shape = (fan_in, fan_out) if shape is None or s in ("orthogonal", "lsuv") else shape
    if s == "zeros":
        w = np.zeros(shape)
    elif s == "ones":
        w = np.ones(shape)
    elif s == "constant":
        w = np.full(shape, init.value)
    elif s == "uniform":
        w = rng.uniform(init.low, init.high, shape)
    elif s == "normal":
        w = rng.normal(init.mean, init.std, shape) if init.std > 0 else np.full(shape, init.mean)
    elif s == "trunc_normal":
        w = _trunc_normal(rng, shape, init.mean, init.std)
    elif s in ("orthogonal", "lsuv"):
        w = _orthogonal(rng, fan_in, fan_out, init.gain if s == "orthogonal" else 1.0)
    elif s == "rbm":
        w = rng.normal(0.0, 0.01, shape)
    else:
        bound, _, std = scheme_bound_and_std(init, fan_in, fan_out)
        w = rng.uniform(-bound, bound, shape) if bound is not None else rng.normal(0.0, std, shape)
    return np.ascontiguousarray(w, dtype=dtype)


def describe(init, fan_in: int, fan_out: int) -> str:
    """The formula with this layer's numbers, e.g. 'σ = √(2/100) = 0.141'."""
    bound, mean, std = scheme_bound_and_std(init, fan_in, fan_out)
    if bound is not None:
        return f"U[-{bound:.3g}, {bound:.3g}),  σ = {std:.3g}"
    if std == 0:
        return f"every weight = {mean:g}"
    return f"mean {mean:.3g},  σ = {std:.3g}"

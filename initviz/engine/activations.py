"""Activation functions: one entry each in ``_MAKERS``, with the function beside its derivative
and its recommended gain.

Derivatives are written in terms of the pre-activation ``z`` and the output ``a`` so that the
backward pass never recomputes an exponential. ``Activation.slope`` writes f'(z) into a given
array (no temporaries: on a 1000 x 512 layer fresh temporaries cost more than the arithmetic).
``max_derivative`` is used for the saturation statistic (a unit is saturated where f'(z) < 5 %
of it). ``gain`` is ``torch.nn.init.calculate_gain``'s value for the function.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

SELU_ALPHA = 1.6732632423543772
SELU_SCALE = 1.0507009873554805
ELU_ALPHA = 1.0


def _sigmoid(z, out=None):
    # 1 / (1 + e^−z) in four in-place passes (splitting by sign took seven, with temporaries:
    # 179 µs on 128 x 128 floats, now 37 µs), as close to the exact value (a test). Below
    # z ≈ −88.7 (float32) e^−z overflows to inf and 1/(1 + inf) = 0, the limit: the true
    # value is then under float32's smallest normal number.
    out = np.empty_like(z) if out is None else out
    with np.errstate(over="ignore"):
        np.negative(z, out=out)
        np.exp(out, out=out)
    out += 1
    return np.reciprocal(out, out=out)


def _tanh(z, out=None):
    return np.tanh(z, out=out)


def _relu(z, out=None):
    return np.maximum(z, 0, out=out)


def _linear(z, out=None):
    if out is None:
        return z.copy()
    out[...] = z
    return out


def _softsign(z, out=None):
    return np.divide(z, 1.0 + np.abs(z), out=out)


# f'(z) into ``out``.
def _sigmoid_slope(z, a, out):
    np.subtract(1.0, a, out=out)
    return np.multiply(a, out, out=out)


def _tanh_slope(z, a, out):
    np.multiply(a, a, out=out)
    return np.subtract(1.0, out, out=out)


def _relu_slope(z, a, out):
    return np.greater(z, 0, out=out)  # the boolean lands in ``out`` as 0.0 / 1.0


def _one_slope(z, a, out):
    out.fill(1.0)
    return out


def _into(out, values):
    np.copyto(out, values)
    return out


@dataclass(frozen=True)
class Activation:
    """An element-wise activation: f, f' and the gain that keeps the variance through it."""

    name: str
    title: str               # as the settings list it
    forward: Callable        # (z, out=None) -> f(z)
    slope: Callable          # (z, a, out) -> f'(z) written into out, given a = f(z)
    max_derivative: float
    saturates: bool          # can f'(z) approach 0 (sigmoid, tanh, softsign, ELU, SELU)
    relu_family: bool        # dead units are reported for these
    bounded: tuple[float, float] | None  # output range where it is finite (histogram edges)
    gain: float


def _leaky_relu(s: float) -> Activation:
    def fwd(z, out=None):
        return np.where(z > 0, z, z * z.dtype.type(s)) if out is None else \
            np.copyto(out, np.where(z > 0, z, z * z.dtype.type(s))) or out

    return Activation("leaky_relu", "leaky ReLU", fwd,
                      lambda z, a, out: _into(out, np.where(z > 0, z.dtype.type(1),
                                                            z.dtype.type(s))),
                      1.0, False, True, None, math.sqrt(2.0 / (1.0 + s * s)))


def _elu(z, out=None):
    r = np.where(z > 0, z, ELU_ALPHA * np.expm1(np.minimum(z, 0)))
    return r if out is None else (np.copyto(out, r) or out)


def _selu(z, out=None):
    r = SELU_SCALE * np.where(z > 0, z, SELU_ALPHA * np.expm1(np.minimum(z, 0)))
    return r.astype(z.dtype, copy=False) if out is None else (np.copyto(out, r) or out)


# name -> (negative_slope -> Activation); only leaky ReLU reads the slope.
_MAKERS: dict[str, Callable[[float], Activation]] = {
    "sigmoid": lambda s: Activation("sigmoid", "sigmoid", _sigmoid, _sigmoid_slope, 0.25,
                                    True, False, (0.0, 1.0), 1.0),
    "tanh": lambda s: Activation("tanh", "tanh", _tanh, _tanh_slope, 1.0, True, False,
                                 (-1.0, 1.0), 5.0 / 3.0),
    "relu": lambda s: Activation("relu", "ReLU", _relu, _relu_slope, 1.0, False, True, None,
                                 math.sqrt(2.0)),
    "leaky_relu": _leaky_relu,
    "elu": lambda s: Activation(
        "elu", "ELU", _elu,
        lambda z, a, out: _into(out, np.where(z > 0, z.dtype.type(1),
                                              a + z.dtype.type(ELU_ALPHA))),
        1.0, True, True, None, math.sqrt(2.0)),
    "selu": lambda s: Activation(
        "selu", "SELU", _selu,
        lambda z, a, out: _into(out, np.where(z > 0, z.dtype.type(SELU_SCALE),
                                              a + z.dtype.type(SELU_SCALE * SELU_ALPHA))),
        SELU_SCALE * SELU_ALPHA, True, False, None, 3.0 / 4.0),
    "softsign": lambda s: Activation(
        "softsign", "softsign", _softsign,
        lambda z, a, out: _into(out, 1.0 / np.square(1.0 + np.abs(z))),
        1.0, True, False, (-1.0, 1.0), 1.0),
    "linear": lambda s: Activation("linear", "linear (identity)", _linear, _one_slope, 1.0,
                                   False, False, None, 1.0),
    # Maxout is not element-wise; the network takes the max over pieces and uses the
    # identity derivative on the winning piece.
    "maxout": lambda s: Activation("maxout", "maxout", _linear, _one_slope, 1.0, False, True,
                                   None, 1.0),
}
ACTIVATIONS = tuple(_MAKERS)
ACTIVATION_TITLES = {name: make(0.01).title for name, make in _MAKERS.items()}


def make_activation(name: str, negative_slope: float = 0.01) -> Activation:
    """The activation called ``name``; ``negative_slope`` is used by leaky ReLU only."""
    if name not in _MAKERS:
        raise ValueError(f"unknown activation {name!r}; allowed: {', '.join(ACTIVATIONS)}")
    return _MAKERS[name](float(negative_slope))


def calculate_gain(nonlinearity: str, param: float | None = None) -> float:
    """The recommended gain for a nonlinearity, as in ``torch.nn.init.calculate_gain``."""
    if nonlinearity in ("conv1d", "conv2d", "conv3d"):
        return 1.0
    if nonlinearity not in _MAKERS:
        raise ValueError(f"unsupported nonlinearity {nonlinearity!r}")
    return make_activation(nonlinearity, 0.01 if param is None else param).gain

"""Activation functions, each forward beside its derivative.

Derivatives are written in terms of the pre-activation ``z`` and the output ``a`` so that the
backward pass never recomputes an exponential. ``Activation.slope`` writes f'(z) into a given
array (no temporaries: on a 1000 x 512 layer fresh temporaries cost more than the arithmetic).
``max_derivative`` is used for the saturation statistic (a unit is saturated where f'(z) < 5 %
of it).
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
    # Split by sign so exp never overflows (float32 exp(89) is inf).
    out = np.empty_like(z) if out is None else out
    np.negative(np.abs(z), out=out)
    np.exp(out, out=out)  # e = exp(-|z|) in (0, 1]
    pos = z >= 0
    # z >= 0: 1 / (1 + e);  z < 0: e / (1 + e)
    np.divide(np.where(pos, 1.0, out), 1.0 + out, out=out)
    return out


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


# f'(z) into ``out``, each computing exactly what the matching ``derivative`` lambda computes.
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


@dataclass(frozen=True)
class Activation:
    """An element-wise activation. ``derivative(z, a)`` returns f'(z) given z and a = f(z)."""

    name: str
    title: str
    forward: Callable
    derivative: Callable
    max_derivative: float
    saturates: bool          # can f'(z) approach 0 (sigmoid, tanh, softsign, ELU, SELU)
    relu_family: bool        # dead units are reported for these
    bounded: tuple[float, float] | None  # output range where it is finite (histogram edges)
    gain_name: str           # the key for calculate_gain
    slope_into: Callable | None = None  # (z, a, out) -> out = f'(z) without temporaries

    def slope(self, z: np.ndarray, a: np.ndarray, out: np.ndarray) -> np.ndarray:
        """f'(z) written into ``out`` (same values as ``derivative``)."""
        if self.slope_into is not None:
            return self.slope_into(z, a, out)
        np.copyto(out, self.derivative(z, a))
        return out


def make_activation(name: str, negative_slope: float = 0.01) -> Activation:
    """Build the activation called ``name``; ``negative_slope`` is used by leaky ReLU only."""
    if name == "sigmoid":
        return Activation(name, "sigmoid", _sigmoid, lambda z, a: a * (1.0 - a), 0.25,
                          True, False, (0.0, 1.0), "sigmoid", _sigmoid_slope)
    if name == "tanh":
        return Activation(name, "tanh", _tanh, lambda z, a: 1.0 - a * a, 1.0,
                          True, False, (-1.0, 1.0), "tanh", _tanh_slope)
    if name == "relu":
        return Activation(name, "ReLU", _relu, lambda z, a: (z > 0).astype(z.dtype), 1.0,
                          False, True, None, "relu", _relu_slope)
    if name == "leaky_relu":
        s = float(negative_slope)

        def fwd(z, out=None):
            return np.where(z > 0, z, z * z.dtype.type(s)) if out is None else \
                np.copyto(out, np.where(z > 0, z, z * z.dtype.type(s))) or out

        def der(z, a):
            return np.where(z > 0, z.dtype.type(1), z.dtype.type(s))

        return Activation(name, f"leaky ReLU ({s:g})", fwd, der, 1.0, False, True, None,
                          "leaky_relu")
    if name == "elu":
        def fwd(z, out=None):
            r = np.where(z > 0, z, ELU_ALPHA * np.expm1(np.minimum(z, 0)))
            return r if out is None else (np.copyto(out, r) or out)

        def der(z, a):
            return np.where(z > 0, z.dtype.type(1), a + z.dtype.type(ELU_ALPHA))

        return Activation(name, "ELU", fwd, der, 1.0, True, True, None, "relu")
    if name == "selu":
        def fwd(z, out=None):
            r = SELU_SCALE * np.where(z > 0, z, SELU_ALPHA * np.expm1(np.minimum(z, 0)))
            return r.astype(z.dtype, copy=False) if out is None else (np.copyto(out, r) or out)

        def der(z, a):
            return np.where(z > 0, z.dtype.type(SELU_SCALE),
                            a + z.dtype.type(SELU_SCALE * SELU_ALPHA))

        return Activation(name, "SELU", fwd, der, SELU_SCALE * SELU_ALPHA, True, False, None,
                          "selu")
    if name == "softsign":
        return Activation(name, "softsign", _softsign,
                          lambda z, a: 1.0 / np.square(1.0 + np.abs(z)), 1.0,
                          True, False, (-1.0, 1.0), "tanh")
    if name == "linear":
        return Activation(name, "linear", _linear, lambda z, a: np.ones_like(z), 1.0,
                          False, False, None, "linear", _one_slope)
    if name == "maxout":
        # Maxout is not element-wise; the network handles the max over pieces and uses the
        # identity derivative on the winning piece.
        return Activation(name, "maxout", _linear, lambda z, a: np.ones_like(z), 1.0,
                          False, True, None, "linear", _one_slope)
    raise ValueError(f"unknown activation {name!r}; allowed: {', '.join(ACTIVATIONS)}")


ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "softsign", "linear",
               "maxout")

ACTIVATION_TITLES = {
    "sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "leaky ReLU",
    "elu": "ELU", "selu": "SELU", "softsign": "softsign", "linear": "linear (identity)",
    "maxout": "maxout",
}


def calculate_gain(nonlinearity: str, param: float | None = None) -> float:
    """The recommended gain for a nonlinearity, as in ``torch.nn.init.calculate_gain``."""
    if nonlinearity in ("linear", "conv1d", "conv2d", "conv3d", "sigmoid", "maxout",
                        "softsign"):
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3.0
    if nonlinearity in ("relu", "elu"):
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else float(param)
        return math.sqrt(2.0 / (1.0 + slope * slope))
    if nonlinearity == "selu":
        return 3.0 / 4.0
    raise ValueError(f"unsupported nonlinearity {nonlinearity!r}")

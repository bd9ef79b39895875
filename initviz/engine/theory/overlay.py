"""What the Sweep tab draws over its heat map, in the axes' own values: the critical σ_w² line
(χ₁ = 1 for the tanh family at the run's σ_b²; 2/(1 + a²) for the ReLU family) when one axis is
σ_w² (``sigma_w2``, or ``init.gain`` with σ_w² = gain²), and, when the other axis is the depth,
the curves depth = k·ξ_c on both sides of the line (Schoenholz et al. 2017: a network trains to
a depth of about 6 ξ_c)."""
from __future__ import annotations

import math

import numpy as np

from .meanfield import critical_sigma_w2, mean_field, relu_critical_sigma_w2

XI_MULTIPLE = 6.0
TANH_FAMILY = ("tanh", "softsign", "linear")
RELU_FAMILY = ("relu", "leaky_relu")
DEPTH_FIELD = "network.depth"


def _to_axis(field: str, sigma_w2):
    """σ_w² in the units of the axis ``field``."""
    s = np.asarray(sigma_w2, float)
    return np.sqrt(s) if field == "init.gain" else s


def _from_axis(field: str, values):
    v = np.asarray(values, float)
    return v * v if field == "init.gain" else v


def overlay(base, fields, values, points: int = 60) -> dict:
    """``{"critical": [(axis index, value on that axis)], "xi": [(xs, ys)], "xi_multiple": k,
    "family": "tanh" or "relu"}``
    for a sweep whose first run is ``base.runs[0]`` with the axes ``fields`` (two names) and
    their ``values``; empty where no theory applies (other activations, batch norm, skips)."""
    out = {"critical": [], "xi": [], "xi_multiple": XI_MULTIPLE, "sigma_axis": None,
           "family": None}
    net = base.run_network(0)
    init = base.runs[0].init
    if net.batch_norm or net.residual or net.activation not in TANH_FAMILY + RELU_FAMILY:
        return out
    sigma_b2 = init.bias_std ** 2 + init.bias ** 2
    sigma_axes = [i for i, f in enumerate(fields) if f in ("sigma_w2", "init.gain")]
    if "sigma_b2" in fields or not sigma_axes:
        return out
    i = sigma_axes[0]
    field = fields[i]
    out["sigma_axis"] = i
    out["family"] = "relu" if net.activation in RELU_FAMILY else "tanh"
    if net.activation in RELU_FAMILY:
        a = net.negative_slope if net.activation == "leaky_relu" else 0.0
        crit = relu_critical_sigma_w2(a)
    else:
        crit = critical_sigma_w2(sigma_b2, net.activation)
    if math.isfinite(crit):
        out["critical"].append((i, float(_to_axis(field, crit))))
    other = 1 - i
    if len(fields) == 2 and fields[other] == DEPTH_FIELD and net.activation in TANH_FAMILY:
        lo, hi = (float(v) for v in _from_axis(field, [min(values[i]), max(values[i])]))
        for side in (np.linspace(lo, crit, points, endpoint=False),
                     np.linspace(hi, crit, points, endpoint=False)):
            side = side[(side > 0)]
            if not side.size:
                continue
            xi = np.array([mean_field(s, sigma_b2, net.activation).xi_c for s in side])
            depth = XI_MULTIPLE * xi
            keep = np.isfinite(depth)
            out["xi"].append((_to_axis(field, side[keep]).tolist(), depth[keep].tolist()))
    return out

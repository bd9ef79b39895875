"""LSUV (Mishkin & Matas 2016): orthogonal weights, then each layer in turn rescaled on a batch
until its output variance is within ``tolerance`` of 1."""
from __future__ import annotations

import numpy as np


def lsuv(net, x: np.ndarray, tolerance: float, max_iterations: int) -> list[int]:
    """Rescale ``net``'s hidden layers in place; return the rescalings done per layer."""
    iterations = []
    for l in range(net.hidden_count):
        done = 0
        for _ in range(max_iterations):
            net.forward(x, train=True, update_stats=False)
            var = float(np.var(net.pre[l]))
            if not np.isfinite(var) or var == 0.0 or abs(var - 1.0) < tolerance:
                break
            net.W[l] /= np.sqrt(var)
            if net.b[l] is not None:
                net.b[l] /= np.sqrt(var)
            done += 1
        iterations.append(done)
    return iterations

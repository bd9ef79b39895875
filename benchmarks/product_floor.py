"""The matrix products alone of one run of a preset: the least time its training can take on
one core with NumPy's BLAS, whatever the engine does around them. bench_parallel.py's `deep`
prints it beside the measured time.

Each product of a training step (forward, and backward's weight and input gradients) and of
a validation pass is timed with its own shapes, repeated on the same arrays (so in cache: a
floor, not an estimate of the real loop, whose arrays are not). Layer 1 takes as many input
columns as the engine multiplies (it skips the all-zero pixels of a batch). The per-layer
statistics, the optimizer and the element-wise work are left out.
"""
from __future__ import annotations

import time

import numpy as np

from initviz.engine.network import nonzero_columns
from initviz.engine.runner import VAL_CHUNK


def _seconds(a: np.ndarray, b: np.ndarray, least: float = 0.05) -> float:
    out = np.empty((a.shape[0], b.shape[1]), a.dtype)
    np.matmul(a, b, out=out)
    n, t0 = 0, time.perf_counter()
    while True:
        for _ in range(5):
            np.matmul(a, b, out=out)
        n += 5
        t = time.perf_counter() - t0
        if t > least:
            return t / n


def _step_seconds(sizes, n: int, first_in: int, backward: bool, rng) -> float:
    """One forward pass (and backward's products) of a batch of n through layers ``sizes``."""
    total = 0.0
    for l, (d_in, d_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        d_in = first_in if l == 0 else d_in
        x = rng.standard_normal((n, d_in), dtype=np.float32)
        W = rng.standard_normal((d_in, d_out), dtype=np.float32)
        g = rng.standard_normal((n, d_out), dtype=np.float32)
        total += _seconds(x, W)
        if backward:
            total += _seconds(x.T, g)                    # dW
            if l > 0:
                total += _seconds(g, W.T)                # dx (layer 1 needs none)
    return total


def product_floor(config, data) -> float:
    """Seconds of matrix products in one run of ``config`` on ``data`` (a Dataset)."""
    rng = np.random.default_rng(0)
    net, train = config.network, config.train
    sizes = (data.x_train.shape[1], *net.widths, data.n_out)
    picks = rng.integers(0, len(data.x_train), (20, train.batch_size))
    cols = [nonzero_columns(data.x_train[p]) for p in picks]
    first = int(np.mean([sizes[0] if c is None else len(c[0]) for c in cols]))
    steps = train.steps
    validations = steps // train.eval_every + 1
    val = min(len(data.x_val), VAL_CHUNK)
    val_cols = nonzero_columns(data.x_val[:val])
    val_first = sizes[0] if val_cols is None else len(val_cols[0])
    chunks = -(-len(data.x_val) // VAL_CHUNK)
    return (steps * _step_seconds(sizes, train.batch_size, first, True, rng)
            + validations * chunks * _step_seconds(sizes, val, val_first, False, rng))

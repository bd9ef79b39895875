"""Greedy layer-wise pre-training with binary RBMs and one-step contrastive divergence (CD-1),
the way deep networks were first trained (Hinton, Osindero & Teh 2006)."""
from __future__ import annotations

from typing import Iterator

import numpy as np

from .activations import _sigmoid

BATCH = 100
MAX_SAMPLES = 10000


def train_rbm(v_data: np.ndarray, W: np.ndarray, b_h: np.ndarray, epochs: int, lr: float,
              rng: np.random.Generator) -> Iterator[tuple[int, float]]:
    """Train W (n_visible × n_hidden) and the hidden bias in place; yield (epoch, mean squared
    reconstruction error) after each epoch."""
    n_v = W.shape[0]
    b_v = np.zeros(n_v, W.dtype)
    n = len(v_data)
    for epoch in range(epochs):
        order = rng.permutation(n)
        err = 0.0
        batches = 0
        for i in range(0, n - BATCH + 1, BATCH):
            v0 = v_data[order[i:i + BATCH]]
            ph0 = _sigmoid(v0 @ W + b_h)
            h0 = (rng.random(ph0.shape, dtype=np.float32) < ph0).astype(W.dtype)
            pv1 = _sigmoid(h0 @ W.T + b_v)
            ph1 = _sigmoid(pv1 @ W + b_h)
            W += (lr / BATCH) * (v0.T @ ph0 - pv1.T @ ph1)
            b_h += lr * (ph0 - ph1).mean(axis=0)
            b_v += lr * (v0 - pv1).mean(axis=0)
            err += float(np.mean((v0 - pv1) ** 2))
            batches += 1
        yield epoch + 1, err / max(batches, 1)


def pretrain_stack(net, x_train: np.ndarray, init, rng: np.random.Generator
                   ) -> Iterator[tuple[int, int, float]]:
    """Pre-train every hidden layer of ``net`` as an RBM on the hidden activities of the layer
    below; yield (layer, epoch, reconstruction error). The output layer keeps its start."""
    v = np.asarray(x_train[:MAX_SAMPLES], net.dtype)
    for l in range(net.hidden_count):
        W = net.W[l]
        if W.shape[1] != net.widths[l]:
            raise ValueError("RBM pre-training needs one weight column per unit (no maxout)")
        b_h = np.zeros(W.shape[1], net.dtype)
        for epoch, err in train_rbm(v, W, b_h, init.rbm_epochs, init.rbm_learning_rate, rng):
            yield l + 1, epoch, err
        if net.b[l] is not None:
            net.b[l][...] = b_h
        v = _sigmoid(v @ W + b_h)

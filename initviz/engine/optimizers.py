"""SGD, momentum and Adam over the network's flat parameter buffer, with L2 weight decay and
gradient clipping. Every update is a handful of in-place NumPy calls, made on one cache-sized
chunk of the buffers after another: a deep network's buffers (he-vs-xavier-deep: 2.2M values,
8.8 MB each) do not fit in a core's cache, and Adam's ten whole-buffer passes each went to
memory. Element by element the arithmetic is the same, so the result is too, bit for bit."""
from __future__ import annotations

import math

import numpy as np

# Values a chunk: Adam's four float32 buffers of a chunk (1 MB) stay in a core's L2 cache. The
# 784-256-128-10 network (235k values) takes four chunks.
CHUNK = 1 << 16


class Optimizer:
    def __init__(self, params: np.ndarray, grad: np.ndarray, decay_mask: np.ndarray, train):
        self.params, self.grad = params, grad
        self.cfg = train
        self.lr = train.learning_rate
        self.decay = train.weight_decay
        # λ on the weights, 0 elsewhere: the decay term is then one multiply (mask·λ is exact).
        self.decay_mask = decay_mask.astype(params.dtype) * params.dtype.type(self.decay) \
            if train.weight_decay > 0 else None
        self.kind = train.optimizer
        self.t = 0
        # np.zeros, not zeros_like: the OS hands out zero pages lazily, so a run that never
        # steps (a 50-layer probe has 13M parameters) does not pay for filling them.
        self._tmp = np.empty(min(params.size, CHUNK), params.dtype)
        if self.kind in ("momentum", "adam"):
            self.m = np.zeros(params.shape, params.dtype)
        if self.kind == "adam":
            self.v = np.zeros(params.shape, params.dtype)
        self.last_grad_norm = 0.0

    def step(self) -> None:
        g, p, n = self.grad, self.params, self.params.size
        if self.decay_mask is not None:  # L2: d/dW (λ/2)‖W‖² = λW, weights only
            for i in range(0, n, CHUNK):
                tmp = self._tmp[:min(CHUNK, n - i)]
                np.multiply(p[i:i + CHUNK], self.decay_mask[i:i + CHUNK], out=tmp)
                g[i:i + CHUNK] += tmp
        norm = math.sqrt(float(np.dot(g, g)))
        self.last_grad_norm = norm
        if self.cfg.clip_value > 0:
            np.clip(g, -self.cfg.clip_value, self.cfg.clip_value, out=g)
        if self.cfg.clip_norm > 0 and norm > self.cfg.clip_norm:
            g *= self.cfg.clip_norm / norm
        self.t += 1
        update = {"sgd": self._sgd, "momentum": self._momentum}.get(self.kind, self._adam)
        for i in range(0, n, CHUNK):
            update(slice(i, i + CHUNK), self._tmp[:min(CHUNK, n - i)])

    def _sgd(self, c: slice, tmp: np.ndarray) -> None:
        np.multiply(self.grad[c], self.lr, out=tmp)
        self.params[c] -= tmp

    def _momentum(self, c: slice, tmp: np.ndarray) -> None:
        m = self.m[c]
        m *= self.cfg.momentum
        m += self.grad[c]
        np.multiply(m, self.lr, out=tmp)
        self.params[c] -= tmp

    def _adam(self, c: slice, tmp: np.ndarray) -> None:
        b1, b2, eps = 0.9, 0.999, 1e-8
        g, m, v = self.grad[c], self.m[c], self.v[c]
        # ``m`` holds Adam's first moment divided by (1 − β1), so its update needs no
        # scaled copy of g: m ← β1·m + g. The factor goes into the step size below.
        m *= b1
        m += g
        v *= b2
        np.multiply(g, g, out=tmp)
        tmp *= 1 - b2
        v += tmp
        # Bias correction folded into the step size and epsilon (as in the Adam paper's
        # efficient form): lr_t = lr·√(1−β2^t)/(1−β1^t).
        c2 = math.sqrt(1 - b2 ** self.t)
        lr_t = self.lr * c2 / (1 - b1 ** self.t) * (1 - b1)
        np.sqrt(v, out=tmp)
        tmp += eps * c2
        np.divide(m, tmp, out=tmp)
        tmp *= lr_t
        self.params[c] -= tmp

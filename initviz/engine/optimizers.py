"""SGD, momentum and Adam over the network's flat parameter buffer, with L2 weight decay and
gradient clipping. Every update is a handful of in-place whole-buffer NumPy calls (each call is
one pass over the buffer, so their number is the cost)."""
from __future__ import annotations

import math

import numpy as np


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
        self._tmp = np.empty_like(params)
        if self.kind in ("momentum", "adam"):
            self.m = np.zeros(params.shape, params.dtype)
        if self.kind == "adam":
            self.v = np.zeros(params.shape, params.dtype)
        self.last_grad_norm = 0.0

    def step(self) -> None:
        g, tmp = self.grad, self._tmp
        if self.decay_mask is not None:  # L2: d/dW (λ/2)‖W‖² = λW, weights only
            np.multiply(self.params, self.decay_mask, out=tmp)
            g += tmp
        norm = math.sqrt(float(np.dot(g, g)))
        self.last_grad_norm = norm
        if self.cfg.clip_value > 0:
            np.clip(g, -self.cfg.clip_value, self.cfg.clip_value, out=g)
        if self.cfg.clip_norm > 0 and norm > self.cfg.clip_norm:
            g *= self.cfg.clip_norm / norm
        self.t += 1
        if self.kind == "sgd":
            np.multiply(g, self.lr, out=tmp)
            self.params -= tmp
        elif self.kind == "momentum":
            self.m *= self.cfg.momentum
            self.m += g
            np.multiply(self.m, self.lr, out=tmp)
            self.params -= tmp
        else:
            b1, b2, eps = 0.9, 0.999, 1e-8
            m, v = self.m, self.v
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
            self.params -= tmp

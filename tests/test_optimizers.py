"""The optimizers against their textbook updates (float64, written out plainly below: SGD,
momentum as PyTorch's SGD(momentum) with dampening 0, Adam with bias correction as in Kingma
and Ba's Algorithm 1), with L2 weight decay on the weights only and clipping by norm or value;
and their update made chunk by chunk (optimizers.CHUNK) equal, bit for bit, to the same update
made on the whole buffer at once."""
from __future__ import annotations

import numpy as np
import pytest

from initviz.engine import optimizers
from initviz.engine.config import TrainConfig
from initviz.engine.optimizers import Optimizer

STEPS = 5
VARIANTS = [{}, {"weight_decay": 0.01}, {"clip_norm": 0.5}, {"clip_value": 0.02},
            {"weight_decay": 0.1, "clip_norm": 0.5}]


def textbook(kind, cfg, p, grads, mask):
    p, m, v = p.copy(), np.zeros_like(p), np.zeros_like(p)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t, g in enumerate(grads, 1):
        g = g + cfg.weight_decay * mask * p
        if cfg.clip_value > 0:
            g = np.clip(g, -cfg.clip_value, cfg.clip_value)
        norm = np.sqrt(np.sum(g * g))
        if cfg.clip_norm > 0 and norm > cfg.clip_norm:
            g = g * (cfg.clip_norm / norm)
        if kind == "sgd":
            p = p - cfg.learning_rate * g
        elif kind == "momentum":
            m = cfg.momentum * m + g
            p = p - cfg.learning_rate * m
        else:
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g * g
            m_hat, v_hat = m / (1 - b1 ** t), v / (1 - b2 ** t)
            p = p - cfg.learning_rate * m_hat / (np.sqrt(v_hat) + eps)
    return p


def stepped(cfg, p, grads, mask):
    p = p.copy()
    g = np.empty_like(p)
    opt = Optimizer(p, g, mask, cfg)
    for grad in grads:
        g[:] = grad
        opt.step()
    return p, opt


@pytest.mark.parametrize("kind", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("extra", VARIANTS)
def test_an_update_is_the_textbook_one(kind, extra):
    rng = np.random.default_rng(3)
    n = 3001
    cfg = TrainConfig(optimizer=kind, learning_rate=0.05, momentum=0.9, **extra)
    p = rng.standard_normal(n)
    mask = rng.random(n) < 0.8                 # the weights; biases are not decayed
    grads = [rng.standard_normal(n) * 0.01 for _ in range(STEPS)]
    ours, opt = stepped(cfg, p, grads, mask)
    np.testing.assert_allclose(ours, textbook(kind, cfg, p, grads, mask), rtol=1e-12,
                               atol=1e-14)
    assert not np.allclose(ours, p)              # it did move
    assert opt.last_grad_norm > 0


@pytest.mark.parametrize("kind", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("extra", [{}, {"weight_decay": 0.01, "clip_norm": 0.5}])
def test_chunks_give_the_whole_buffer_update_bit_for_bit(kind, extra, monkeypatch):
    rng = np.random.default_rng(4)
    n = 10_007                                   # not a multiple of the chunk
    cfg = TrainConfig(optimizer=kind, learning_rate=0.01, **extra)
    p = rng.standard_normal(n).astype(np.float32)
    mask = rng.random(n) < 0.8
    grads = [rng.standard_normal(n).astype(np.float32) for _ in range(STEPS)]
    whole, _ = stepped(cfg, p, grads, mask)      # n < CHUNK: one chunk
    assert n < optimizers.CHUNK
    monkeypatch.setattr(optimizers, "CHUNK", 1000)
    chunked, _ = stepped(cfg, p, grads, mask)
    assert np.array_equal(whole, chunked)
    assert not np.array_equal(whole, p)

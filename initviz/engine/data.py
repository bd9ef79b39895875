"""Data sets: standard-normal inputs, the two-class flower, and MNIST."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FLOWER_SEED = 1  # the flower is a fixed picture, the same in every run


@dataclass(frozen=True)
class Dataset:
    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_probe: np.ndarray      # the fixed batch the per-layer statistics are measured on
    y_probe: np.ndarray
    n_out: int               # output units: classes for softmax, 1 for a sigmoid output
    description: str
    source: str = ""
    extent: tuple[float, float, float, float] | None = None  # 2-D data: x0, x1, y0, y1


def flower(samples: int = 400, seed: int = FLOWER_SEED) -> tuple[np.ndarray, np.ndarray]:
    """The two-class 'flower' of the catalogue (section D)."""
    rng = np.random.default_rng(seed)
    per = samples // 2
    xs, ys = [], []
    for j in range(2):
        t = np.linspace(3.12 * j, 3.12 * (j + 1), per) + rng.normal(0, 0.2, per)
        r = 4 * np.sin(4 * t) + rng.normal(0, 0.2, per)
        xs.append(np.c_[r * np.sin(t), r * np.cos(t)])
        ys.append(np.full(per, j))
    return np.concatenate(xs).astype(np.float32), np.concatenate(ys).astype(np.int64)


def _freeze(*arrays):
    for a in arrays:
        a.setflags(write=False)
    return arrays


# The words that describe a data set, as templates: the window translates them (context "data").
NORMAL_TEXT = "{0:,} samples of {1} standard-normal features"
FLOWER_TEXT = "two-class flower, {0} points"


def load_dataset(cfg, seed: int, output: str = "softmax") -> Dataset:
    """Build the data set of a DataConfig. ``seed`` draws the normal inputs."""
    if cfg.name == "normal":
        rng = np.random.default_rng([seed, 7])
        x = rng.standard_normal((cfg.samples, cfg.features)).astype(np.float32)
        classes = cfg.classes if output == "softmax" else 2
        y = rng.integers(0, classes, cfg.samples)
        _freeze(x, y)
        return Dataset("normal", x, y, x, y, x[:cfg.probe_samples], y[:cfg.probe_samples],
                       classes if output == "softmax" else 1,
                       NORMAL_TEXT.format(cfg.samples, cfg.features))
    if cfg.name == "flower":
        x, y = flower(cfg.samples)
        _freeze(x, y)
        pad = 1.0
        extent = (float(x[:, 0].min() - pad), float(x[:, 0].max() + pad),
                  float(x[:, 1].min() - pad), float(x[:, 1].max() + pad))
        return Dataset("flower", x, y, x, y, x, y, 1 if output == "sigmoid" else 2,
                       FLOWER_TEXT.format(len(x)), extent=extent)
    if cfg.name == "mnist":
        from .mnist import load_mnist
        m = load_mnist(cfg.source)
        k = min(cfg.probe_samples, len(m.x_val))
        return Dataset("mnist", m.x_train, m.y_train, m.x_val, m.y_val, m.x_val[:k],
                       m.y_val[:k], 10, m.description, source=m.source)
    raise ValueError(f"unknown data set {cfg.name!r}")

"""Every scheme the app offers, sampled for one layer shape: the histogram of its weights, the
standard deviation its formula gives and the one measured (catalogue section I).

The data-dependent schemes (LSUV, RBM pre-training) need a network and data, so they are not
in the gallery. Each scheme is shown with its usual settings (ReLU gain for He, gain 1 for
Xavier and orthogonal); the figures are exact for those. The schemes set by their numbers
(constant, uniform, normal, truncated normal) take those of the experiment's run that uses
them, so that a lesson's U[−3, 3) is not shown as U[−1, 1) (review 9).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import InitConfig
from .initializers import (SCHEMES, number_text, run_label, sample_weights,
                           scheme_bound_and_std)

# The settings each scheme is drawn with (those the catalogue's text names).
SETTINGS = {
    "constant": {"value": 0.5},
    "uniform": {"low": -1.0, "high": 1.0},
    "normal": {"mean": 0.0, "std": 1.0},
    "trunc_normal": {"mean": 0.0, "std": 1.0},
    "kaiming_uniform": {"nonlinearity": "relu"},
    "kaiming_normal": {"nonlinearity": "relu"},
}
BY_NUMBERS = ("constant", "uniform", "normal", "trunc_normal")   # an experiment's run sets them
BINS = 41
LIMIT = 1 << 18       # weights drawn per scheme: enough for a smooth histogram at any shape
# Names short enough for a small plot's title (the window translates them, context "gallery").
SHORT = {
    "zeros": "zeros", "ones": "ones", "constant": "constant 0.5", "uniform": "U[−1, 1)",
    "normal": "N(0, 1)", "trunc_normal": "truncated N(0, 1)", "standard_uniform": "1/√n rule",
    "xavier_uniform": "Xavier uniform", "xavier_normal": "Xavier normal",
    "xavier_uniform_logistic": "Xavier uniform ×4", "xavier_normal_logistic": "Xavier normal ×4",
    "kaiming_uniform": "He uniform", "kaiming_normal": "He normal",
    "lecun_uniform": "LeCun uniform", "lecun_normal": "LeCun normal", "orthogonal": "orthogonal",
}
# The names with words of the schemes set by their numbers, for other numbers than SHORT's.
NUMBERED = {"constant": ("constant {0}", ("value",)),
            "trunc_normal": ("truncated N({0}, {1})", ("mean", "std"))}


@dataclass(frozen=True)
class GalleryEntry:
    init: InitConfig
    mean: float               # what the formula gives
    std: float
    measured_mean: float
    measured_std: float
    edges: np.ndarray         # BINS + 1 edges, the scheme's own range
    percent: np.ndarray       # % of the weights in each bin
    samples: int              # weights drawn (the whole layer, or LIMIT of its distribution)

    @property
    def scheme(self) -> str:
        return self.init.scheme

    def title(self, translate=lambda text: text) -> str:
        """The short name for a small plot's title ("He uniform", "U[−3, 3)"), in the
        language of ``translate`` (context "gallery")."""
        default = InitConfig(scheme=self.scheme, **SETTINGS.get(self.scheme, {}))
        params = SCHEMES[self.scheme].params
        if all(getattr(self.init, p) == getattr(default, p) for p in params):
            return translate(SHORT[self.scheme])
        if self.scheme in NUMBERED:
            template, fields = NUMBERED[self.scheme]
            return translate(template).format(
                *(number_text(getattr(self.init, f)) for f in fields))
        return run_label(self.init)


def schemes() -> list[str]:
    return [name for name, s in SCHEMES.items() if not s.data_dependent]


def _edges(w: np.ndarray) -> np.ndarray:
    low, high = float(w.min()), float(w.max())
    if high - low < 1e-12:                      # a constant: a window around its value
        half = max(abs(low) * 0.5, 0.5)
        return np.linspace(low - half, low + half, BINS + 1)
    pad = 0.04 * (high - low)
    return np.linspace(low - pad, high + pad, BINS + 1)


def _sample(init: InitConfig, fan_in: int, fan_out: int, rng) -> np.ndarray:
    """The layer's weights, or LIMIT draws of their distribution for a large layer (a 4096 ×
    4096 layer would take seconds, its QR for orthogonal much longer, for the same picture)."""
    if fan_in * fan_out <= LIMIT:
        return sample_weights(init, fan_in, fan_out, rng, dtype=np.float64)
    if init.scheme == "orthogonal":
        # k columns of a random orthogonal matrix of the layer's larger size: each entry
        # has the same distribution as in the whole matrix (σ = gain/√max(n_in, n_out)).
        rows = max(fan_in, fan_out)
        cols = max(1, min(min(fan_in, fan_out), LIMIT // rows))
        return sample_weights(init, rows, cols, rng, dtype=np.float64)
    return sample_weights(init, fan_in, fan_out, rng, dtype=np.float64, shape=(LIMIT,))


def experiment_settings(config) -> dict:
    """Scheme -> the InitConfig of the experiment's first run that uses it, for the schemes
    set by their numbers."""
    found: dict = {}
    for run in config.runs:
        if run.init.scheme in BY_NUMBERS:
            found.setdefault(run.init.scheme, run.init)
    return found


def gallery(fan_in: int, fan_out: int, seed: int = 0, settings=None) -> list[GalleryEntry]:
    """One entry per scheme, sampled as a (fan_in, fan_out) weight matrix; ``settings``
    (scheme -> InitConfig, see ``experiment_settings``) replaces the usual settings of the
    schemes set by their numbers."""
    if not (1 <= fan_in <= 100_000 and 1 <= fan_out <= 100_000):
        raise ValueError(f"layer shape {fan_in} × {fan_out}: each size must be 1 to 100,000")
    out = []
    for i, name in enumerate(schemes()):
        init = (settings or {}).get(name) if name in BY_NUMBERS else None
        init = init or InitConfig(scheme=name, **SETTINGS.get(name, {}))
        rng = np.random.default_rng([seed, i])
        w = _sample(init, fan_in, fan_out, rng)
        _, mean, std = scheme_bound_and_std(init, fan_in, fan_out)
        edges = _edges(w)
        counts, _ = np.histogram(w, edges)
        out.append(GalleryEntry(init, mean, std, float(w.mean()), float(w.std()), edges,
                                100.0 * counts / w.size, int(w.size)))
    return out

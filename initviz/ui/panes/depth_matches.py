"""Which runs' Depth curves coincide (and would hide each other): the later one is drawn
thinner, on top, and named in the legend."""
from __future__ import annotations

import numpy as np

from initviz.engine.hist_overlap import SPREAD_NEAR, first_earlier

NEAR = SPREAD_NEAR   # curves within 5 % at every layer would hide each other (as histograms)


def earlier_match(histories, fields, close) -> dict[int, int]:
    """Run j -> the first earlier run i (not itself matched) whose per-layer ``fields`` j's are
    ``close(ci, cj)`` to; runs without finite statistics take no part."""
    curves = {h.index: np.array([[getattr(s, f) for f in fields] for s in h.layers], float)
              for h in histories if h.layers is not None and h.diverged_at is None}

    def both(ci, cj) -> bool:
        with np.errstate(all="ignore"):
            return ci.shape == cj.shape and cj.size > 0 and bool(close(ci, cj))
    return first_earlier(curves, both)


def _near(ci, cj) -> bool:
    return bool(np.all(np.abs(cj - ci) <= NEAR * np.abs(ci)))   # (NaN is never near)


def nearly_same_curves(histories) -> dict[int, int]:
    """Run j -> the earlier run i whose spread and gradient curves j's lie within 5 % of at
    every layer (ReLU and leaky ReLU in activation-compare): drawn on top, thinner."""
    return earlier_match(histories, ("activation_std", "gradient_std"), lambda ci, cj: (
        np.all(np.isfinite(ci)) and np.all(np.isfinite(cj)) and _near(ci, cj)))


def same_curve(histories, field: str) -> dict[int, int]:
    """As ``nearly_same_curves`` for one plot's curve alone (``field``: "activation_std" or
    "gradient_std"): batchnorm-rescue's two batch-norm runs start with one activation spread,
    0.21 in every layer, and gradients about 40 times apart; the later activation curve lay
    hidden under the earlier with nothing said (review 13)."""
    return earlier_match(histories, (field,), lambda ci, cj: (
        np.all(np.isfinite(ci)) and np.all(np.isfinite(cj)) and _near(ci, cj)))


def same_bands(histories, same: dict) -> set[int]:
    """The runs of ``same`` (nearly_same_curves) whose finite-width band is also within 5 %
    of the earlier run's: one band is drawn for both."""
    return set(same) & set(earlier_match(histories, ("predicted_low", "predicted_high"),
                                         _near))


NEAR_POINTS = 0.01  # saturated or dead shares within 1 percentage point at every layer


def same_fractions(histories) -> dict[int, int]:
    """Run j -> the earlier run i whose saturated and dead shares j's lie within a point of at
    every layer (He and Xavier leave exactly the same ReLU units dead in he-vs-xavier-deep):
    j's markers are drawn on top, thinner, so that i's stay visible. All near 0 (nothing
    saturated or dead) is no picture to hide; NaN compares as not the same."""
    return earlier_match(histories, ("saturated_fraction", "dead_fraction"), lambda ci, cj: (
        np.nanmax(ci) > NEAR_POINTS and np.all(np.abs(cj - ci) <= NEAR_POINTS)))

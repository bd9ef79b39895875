"""What the Depth tab's finite-width band is, and why a run has none: the theory
(engine/theory/finite_width.py) covers dense layers of the activations it was checked on."""
from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from initviz.engine.theory.finite_width import band_gap
from initviz.translations import QT_TRANSLATE_NOOP

REASONS = {
    "batch_norm": QT_TRANSLATE_NOOP("DepthPane", "no finite-width band: not derived for batch "
                                                 "norm"),
    "residual": QT_TRANSLATE_NOOP("DepthPane", "no finite-width band: not derived for skip "
                                               "connections"),
    "maxout": QT_TRANSLATE_NOOP("DepthPane", "no finite-width band: not derived for maxout"),
    "activation": QT_TRANSLATE_NOOP("DepthPane", "no finite-width band: not checked for this "
                                                 "activation"),
    "weights": QT_TRANSLATE_NOOP("DepthPane", "no finite-width band: the weights are not "
                                              "centred on zero"),
    # He's trained spread lay 10× above its dashed line with nothing said (review 3)
    "trained": QT_TRANSLATE_NOOP("DepthPane", "trained weights are no longer independent "
                                              "draws: the dashed prediction and the band hold "
                                              "at the start (tick “At the start”)"),
}
TIP = QT_TRANSLATE_NOOP(
    "DepthPane", "Shaded band: where 90 % of random networks with these layer widths and "
    "weight scales lie at the start. Each layer of n units multiplies the spread by a random "
    "factor whose log has a variance of about κ/n (κ = 5 for ReLU: Hanin and Nica 2019); the "
    "factors of the layers below carry through the mean-field map. Checked against simulated "
    "networks for ReLU and tanh.")


def band_tip() -> str:
    return QCoreApplication.translate("DepthPane", TIP)


def band_note(config, history) -> str | None:
    """The legend's note for a run drawn without a band (None: it has one, or no layers yet)."""
    layers = history.layers
    if config is None or layers is None or history.diverged_at is not None or \
            history.index >= len(config.runs) or \
            any(math.isfinite(s.predicted_low) for s in layers):
        return None
    reason = band_gap(config.run_network(history.index)) or \
        ("trained" if history.had_band else "weights")
    return QCoreApplication.translate("DepthPane", REASONS[reason])

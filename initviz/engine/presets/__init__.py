"""The experiment catalogue as data (see shared/experiments.md), one module per section, named
for its topic. A preset is a partial config merged over the defaults, plus the words the window
and ``initviz list`` show. Keys are stable: tests, saved files and the command line use them.
"""
from __future__ import annotations

from . import (activations_at_init, constant_init, deep_relu, distributions, flower,
               glorot_bengio, mnist_starts, pretraining, remedies, signal_propagation)
from .preset import SECTIONS, VIEWS, Preset

__all__ = ["PRESETS", "Preset", "SECTIONS", "VIEWS", "get"]

# In the catalogue's order (sections A to J).
_MODULES = (activations_at_init, glorot_bengio, mnist_starts, flower, constant_init, deep_relu,
            pretraining, remedies, distributions, signal_propagation)


def _collect() -> dict[str, Preset]:
    out: dict[str, Preset] = {}
    for module in _MODULES:
        for p in module.PRESETS:
            assert p.key not in out, p.key
            out[p.key] = p
    return out


PRESETS: dict[str, Preset] = _collect()


def get(key: str) -> Preset:
    try:
        return PRESETS[key]
    except KeyError:
        raise KeyError(f"unknown preset {key!r}; `initviz list` shows the presets") from None

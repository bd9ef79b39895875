"""The Depth tab's legend notes: what each run's entry says besides its name (diverged,
overflow, off the axis, coinciding with an earlier run, its finite-width band), the key line's
shared notes, and which runs are drawn thinner, on top."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from initviz.engine.hist_view import layer_spans, overflowed_layers

from .band_note import band_note
from .depth_matches import nearly_same_curves, same_curve, same_fractions
from .pane import Info

FLOOR = 1e-45     # spreads at or below this (0: float32 ends near 1.4e-45) are off the axis


def add_note(notes: dict, j: int, text: str) -> None:
    """Run j's legend note after any it has, each part in its own colour (legend_html)."""
    old = notes.get(j, ())
    notes[j] = (*(old if isinstance(old, tuple) else (old,)), Info(text)) if old else Info(text)


def off_axis(values) -> np.ndarray:
    """The 0-based indices of finite spreads too small for the log axis (at most 10⁻⁴⁵, or
    0): drawn as ▼ at the axis' bottom, not left out."""
    v = np.asarray(values, np.float64)
    return np.flatnonzero(np.isfinite(v) & (v <= FLOOR))


FIELDS = ("activation_std", "gradient_std", "saturated_fraction", "dead_fraction")


def _identical(a, b) -> bool:
    """Every statistic the tab draws equal, layer by layer (runs that differ only after
    their start: exploding-clipping's remedies at step 0)."""
    if a.layers is None or b.layers is None or len(a.layers) != len(b.layers):
        return False
    return all(np.array_equal(np.array([getattr(s, f) for f in FIELDS], float),
                              np.array([getattr(t, f) for f in FIELDS], float), equal_nan=True)
               for s, t in zip(a.layers, b.layers))


@dataclass
class DepthNotes:
    notes: dict             # run index -> its legend note
    same: dict              # run j -> earlier run i whose curves j's lie on (drawn thinner)
    apart: dict             # "act"/"grad" -> {j: i}: one plot's curve alone close
    shares: dict            # j -> i: saturated and dead shares close
    common: str             # said once, in the key line


def depth_notes(histories, labels, config) -> DepthNotes:
    tr = QCoreApplication
    # A diverged run has no finite statistics left to draw: say so beside its name.
    notes = {h.index: tr.translate("DepthPane", "diverged at step {0}").format(h.diverged_at)
             for h in histories if h.diverged_at is not None}
    for h in histories:     # overflow is a result to show: its spreads are not finite
        over = overflowed_layers(h.layers) if h.diverged_at is None else []
        if over:
            notes[h.index] = tr.translate("DepthPane", "values overflow (beyond ±3.4·10³⁸) in "
                                          "layers {0}").format(layer_spans(over))
    for h in histories:
        if h.layers is None or h.diverged_at is not None:
            continue
        for field, text in (
                ("activation_std", tr.translate("DepthPane", "activation std below 10⁻⁴⁵ in "
                                                "layers {0}: ▼ at the bottom")),
                ("gradient_std", tr.translate("DepthPane", "gradient std below 10⁻⁴⁵ in "
                                              "layers {0}: ▼ at the bottom"))):
            off = off_axis([getattr(s, field) for s in h.layers])
            if off.size:
                note = text.format(layer_spans([int(k) + 1 for k in off]))
                notes[h.index] = "; ".join(filter(None, (notes.get(h.index), note)))
    same = nearly_same_curves(histories)
    by_index = {h.index: h for h in histories}
    exact = {j: i for j, i in same.items() if _identical(by_index[i], by_index[j])}
    # several runs the same as one (exploding-clipping's start): one key line, not "thin
    # line on top" after each of three thin lines that lie on one another (as Gradients)
    many = {i for i in exact.values() if list(exact.values()).count(i) > 1}
    for j, i in same.items():
        text = tr.translate("DepthPane", "same as {0}") if i in many and j in exact else \
            tr.translate("DepthPane", "same as {0}: thin line on top") if j in exact else \
            tr.translate("DepthPane", "close to {0}: thin line on top")
        notes.setdefault(j, Info(text.format(labels[i])))
    apart = {"act": same_curve(histories, "activation_std"),    # one plot's curve only
             "grad": same_curve(histories, "gradient_std")}
    for name, text in (
            ("act", tr.translate("DepthPane",
                                 "activation spread close to {0}'s: thin line on top")),
            ("grad", tr.translate("DepthPane",
                                  "gradient spread close to {0}'s: thin line on top"))):
        for j, i in apart[name].items():
            if j not in same:
                add_note(notes, j, text.format(labels[i]))
    shares = same_fractions(histories)
    # every run's alike: said once (relu-critical-line printed it after two runs)
    alike = len(histories) > 2 and len(shares) == len(histories) - 1
    for j, i in shares.items():
        if j not in same and not alike:
            notes.setdefault(j, Info(tr.translate(
                "DepthPane", "saturated and dead shares close to {0}'s: thin marks on top"
            ).format(labels[i])))
    # A band note all runs share is said once, in the key line that wraps (a run's note
    # does not break: two long ones ran past a 1280 × 720 presentation pane).
    band = {h.index: n for h in histories if (n := band_note(config, h))}
    common = next(iter(band.values())) if len(band) == len(histories) > 1 and \
        len(set(band.values())) == 1 else ""
    for i, note in band.items():
        if not common and i not in same:
            add_note(notes, i, note)
    extra = [tr.translate("DepthPane", "runs the same as one another: drawn as one thin "
                          "line on top")] if many else []
    if alike and not set(shares) <= set(exact):      # else the line above says it
        extra.append(tr.translate("DepthPane", "saturated and dead shares alike in every run: "
                                  "later runs' marks thinner, on top"))
    common = " · ".join(n for n in (common, *extra) if n)
    return DepthNotes(notes, same, apart, shares, common)

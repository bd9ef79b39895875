"""Why a histogram pane's values are exactly 0, said once in its key line: review 15 found
"exact zeros" on residual-deep's sigmoid gradients and on every maxout plot with no word of
why. Each reason is the activation's own mechanism, checked on the engine's numbers
(tests/ui/test_zero_reasons.py)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from initviz.translations import QT_TRANSLATE_NOOP

REASONS = {   # (field, activation) -> why its values are exactly 0
    ("activation", "relu"): QT_TRANSLATE_NOOP(
        "HistogramPane", "ReLU units switched off (input below 0)"),
    ("gradient", "relu"): QT_TRANSLATE_NOOP(
        "HistogramPane", "switched-off ReLU units pass no gradient"),
    ("gradient", "maxout"): QT_TRANSLATE_NOOP(
        "HistogramPane", "the maxout pieces not picked get no gradient"),
    ("gradient", "sigmoid"): QT_TRANSLATE_NOOP(
        "HistogramPane", "sigmoid units at exactly 0 or 1 in float32 have slope 0"),
    ("gradient", "tanh"): QT_TRANSLATE_NOOP(
        "HistogramPane", "tanh units at exactly ±1 in float32 have slope 0"),
}


def zero_runs(view) -> list[int]:
    """The runs with exact zeros in some layer of ``view``, not all of theirs 0 (a plot whose
    every value is 0 says so in its middle)."""
    out = []
    for i in range(max((len(lv.runs) for lv in view.layers), default=0)):
        rvs = [lv.runs[i] for lv in view.layers if i < len(lv.runs) and lv.runs[i] is not None]
        if any(rv.zeros for rv in rvs) and not all(rv.zeros == rv.total for rv in rvs):
            out.append(i)
    return out


def zeros_reason(field: str, activations, runs) -> str:
    """"zeros: …" for the activations of ``runs`` (indices into ``activations``, one
    activation name per run); "" where none has a known reason."""
    reasons = []
    for i in runs:
        text = REASONS.get((field, activations[i] if i < len(activations) else None))
        if text and text not in reasons:
            reasons.append(text)
    if not reasons:
        return ""
    return QCoreApplication.translate("HistogramPane", "zeros: {0}").format("; ".join(
        QCoreApplication.translate("HistogramPane", r) for r in reasons))

"""A spin box for numbers of any size: shows 0.001 and 1e-05 as typed, not as 0.001000."""
from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox


class NumberBox(QDoubleSpinBox):
    def __init__(self, lo: float, hi: float, integer: bool = False, parent=None):
        super().__init__(parent)
        self.integer = integer
        self.setDecimals(0 if integer else 8)
        self.setRange(lo, hi)
        self.setKeyboardTracking(False)  # emit on Enter/focus loss, not per keystroke
        self.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        if integer:
            self.setSingleStep(1)
        self.setAccelerated(True)

    def textFromValue(self, value: float) -> str:
        return str(int(round(value))) if self.integer else f"{value:.6g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text.replace(",", "").strip())
        except ValueError:
            return self.value()

    def validate(self, text, pos):
        t = text.replace(",", "").strip()
        if t in ("", "-", "+", ".", "-.", "e", "E") or t.lower().endswith(("e", "e-", "e+")):
            return QValidator.State.Intermediate, text, pos
        try:
            v = float(t)
        except ValueError:
            return QValidator.State.Invalid, text, pos
        if self.minimum() <= v <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def number(self):
        """The value as the config wants it: int for whole-number fields."""
        return int(round(self.value())) if self.integer else float(self.value())

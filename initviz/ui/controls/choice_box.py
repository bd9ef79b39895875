"""A drop-down list as wide as its chosen entry, in whatever type size it has, rather than as
wide as its longest entry (the Sweep tab's colour: "activation: last layer / first (log10)"
filled a row that "validation accuracy" needed)."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox


class ChoiceBox(QComboBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.currentIndexChanged.connect(self.updateGeometry)   # (no lambda: a cycle)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()       # the longest entry, the arrow and the frame
        fm = self.fontMetrics()
        longest = max((fm.horizontalAdvance(self.itemText(i)) for i in range(self.count())),
                      default=0)
        return QSize(hint.width() - longest + fm.horizontalAdvance(self.currentText()),
                     hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()          # a full row wraps (FlowLayout), it never cuts the name

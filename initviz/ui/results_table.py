"""The results table: after N batches, each run's validation accuracy and loss."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from .palette import Palette


class ResultsTable(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(self.tr("Results"))
        self.title.setObjectName("paneTitle")
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Run"), self.tr("Batches"), self.tr("Validation accuracy"),
            self.tr("Validation loss"), self.tr("Status")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        f = self.table.font()
        f.setPointSize(f.pointSize() + 3)
        self.table.setFont(f)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        self._drawn = None

    def rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    def _status(self, h) -> str:
        if h.diverged_at is not None:
            return self.tr("diverged at step {0}").format(h.diverged_at)
        return {"done": self.tr("finished"), "stopped": self.tr("stopped"),
                "train": self.tr("training…"), "pretrain": self.tr("pre-training…"),
                "init": self.tr("initialized")}.get(h.stage, h.stage)

    def draw(self, histories, edges=None) -> None:
        key = tuple((h, h.snapshots) for h in histories)
        if key == self._drawn:
            return
        self._drawn = key
        steps = max((h.step for h in histories), default=0)
        self.title.setText(self.tr("After {0} batches: validation accuracy and loss per run")
                           .format(steps))
        self.table.setRowCount(len(histories))
        for r, h in enumerate(histories):
            acc = h.val_accuracies.data
            loss = h.val_losses.data
            cells = [h.label, f"{h.step:,}",
                     f"{100 * acc[-1]:.1f} %" if acc.size and np.isfinite(acc[-1]) else "–",
                     f"{loss[-1]:.3f}" if loss.size and np.isfinite(loss[-1]) else "–",
                     self._status(h)]
            for c, text in enumerate(cells):
                item = self.table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(r, c, item)
                item.setText(text)
                if c == 0:
                    item.setForeground(QBrush(Palette.color(r)))
                    bold = QFont(self.table.font())
                    bold.setBold(True)
                    item.setFont(bold)
                if c == 4:
                    item.setForeground(QBrush(QColor("#B00020" if h.diverged_at is not None
                                                     else "#202020")))
                if c in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight |
                                          Qt.AlignmentFlag.AlignVCenter)

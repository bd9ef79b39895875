"""A lesson: the experiments a teacher steps through with "next" (Right) and "previous" (Left).

Without a saved list it is the whole catalogue in its order (section A to I); the teacher can
pick and order a shorter list (Lesson ▸ Choose the lesson's experiments…), which is remembered.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout,
                               QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout)

from initviz.engine import presets as catalogue

from ..i18n import engine_text


class Lesson:
    def __init__(self, keys=()):
        self.custom_keys = [k for k in keys if k in catalogue.PRESETS]

    @property
    def keys(self) -> list[str]:
        return list(self.custom_keys) or list(catalogue.PRESETS)

    def neighbour(self, current: str | None, delta: int) -> str | None:
        """The key ``delta`` steps from ``current`` (the first one if none is loaded, or if
        the loaded one is not in the lesson); None past either end."""
        keys = self.keys
        if not keys:
            return None
        if current not in keys:
            return keys[0] if delta > 0 else keys[-1]
        i = keys.index(current) + delta
        return keys[i] if 0 <= i < len(keys) else None


class LessonDialog(QDialog):
    """Tick the experiments of the lesson and drag them into order."""

    def __init__(self, keys, parent=None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Lesson", "The lesson's experiments"))
        self.resize(700, 600)
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        chosen = [k for k in keys if k in catalogue.PRESETS]
        order = chosen + [k for k in catalogue.PRESETS if k not in chosen]
        for key in order:
            p = catalogue.PRESETS[key]
            item = QListWidgetItem(f"{p.section}  {engine_text('presets', p.title)}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen or not chosen
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        hint = QLabel(QCoreApplication.translate("Lesson", "Tick the experiments to show and drag them into the order of the "
                         "lesson. Nothing ticked, or everything ticked in the catalogue's "
                         "order, means the whole catalogue."))
        hint.setWordWrap(True)
        everything = QPushButton(QCoreApplication.translate("Lesson", "Whole catalogue"))
        everything.clicked.connect(self._whole)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(everything)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def _whole(self) -> None:
        items = sorted((self.list.takeItem(0) for _ in range(self.list.count())),
                       key=lambda it: list(catalogue.PRESETS).index(
                           it.data(Qt.ItemDataRole.UserRole)))
        for it in items:
            it.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(it)

    def keys(self) -> list[str]:
        out = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
               if self.list.item(i).checkState() == Qt.CheckState.Checked]
        return [] if out == list(catalogue.PRESETS) else out

"""The selected run's own network and training settings (batch norm for one run of a
comparison, a smaller learning rate for another): a row per setting the run changes, each
with the same kind of widget as the panel's, a "×" to drop it and a list to add one."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QToolButton, QVBoxLayout, QWidget)

from . import fields

# What a run may change on its own: settings that leave the layer shapes alone (the panes
# compare layer by layer).
OFFERED = ("network.activation", "network.negative_slope", "network.maxout_pieces",
           "network.bias", "network.batch_norm", "network.residual", "train.optimizer",
           "train.learning_rate", "train.momentum", "train.weight_decay", "train.clip_norm",
           "train.clip_value")


class RunSettings(QGroupBox):
    """``make_widget(key)`` builds a setting's widget (connected to the panel's change
    handler), ``label(key)`` names it, ``default(key)`` is the setting's value for the whole
    comparison, ``changed()`` is called after a row is added or dropped."""

    def __init__(self, make_widget: Callable, label: Callable, default: Callable,
                 changed: Callable, parent=None):
        super().__init__(parent)
        self._make, self._label = make_widget, label
        self._default, self._changed = default, changed
        self.rows: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_box = QComboBox()
        self.add_box.activated.connect(self._add_chosen)
        self.none = QLabel()
        self.none.setObjectName("muted")
        self.none.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.none)
        layout.addLayout(self.form)
        layout.addWidget(self.add_box)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Settings of the selected run only"))
        self.setToolTip(self.tr("Network and training settings in which this run differs "
                                "from the others (the rest of the panel applies to all)"))
        self.none.setText(self.tr("This run uses the settings below, like the others."))
        for key, w in self.rows.items():
            self.form.labelForField(w.parentWidget()).setText(self._label(key))
            w.setToolTip(fields.tooltip(key))
            fields.retitle(w, fields.choice_titles().get(key, {}))
        self._fill_add_box()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # -- reading and writing ---------------------------------------------------------------
    def show_run(self, network: dict, train: dict) -> None:
        """Rows for the run's own settings (emits nothing)."""
        for key in list(self.rows):
            self._drop_row(key)
        for section, values in (("network", network), ("train", train)):
            for name, value in values.items():
                self._add_row(f"{section}.{name}", value)
        self._fill_add_box()

    def overrides(self) -> tuple[dict, dict]:
        """(network, train) settings of the run, as the widgets show them."""
        out = {"network": {}, "train": {}}
        for key, w in self.rows.items():
            section, name = key.split(".", 1)
            out[section][name] = fields.value(w)
        return out["network"], out["train"]

    # -- rows --------------------------------------------------------------------------------
    def _add_row(self, key: str, value) -> None:
        w = self._make(key)
        fields.set_quietly(w, value)
        drop = QToolButton()
        drop.setText("×")
        drop.setToolTip(self.tr("Use the setting of the whole comparison for this run"))
        drop.clicked.connect(lambda _=False, k=key: self._drop(k))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(w, 1)
        line.addWidget(drop)
        row.setProperty("setting", key)
        self.form.addRow(self._label(key), row)
        self.rows[key] = w
        self.none.setVisible(False)

    def _drop_row(self, key: str) -> None:
        w = self.rows.pop(key)
        row = w.parentWidget()
        self.form.removeRow(row)
        self.none.setVisible(not self.rows)

    def _drop(self, key: str) -> None:
        self._drop_row(key)
        self._fill_add_box()
        self._changed()

    def add(self, key: str) -> None:
        """Give the run its own value of ``key``, starting from the comparison's."""
        if key in self.rows:
            return
        self._add_row(key, self._default(key))
        self._fill_add_box()
        self._changed()

    def _add_chosen(self, index: int) -> None:
        key = self.add_box.itemData(index)
        self.add_box.setCurrentIndex(0)
        if key:
            self.add(key)

    def _fill_add_box(self) -> None:
        self.add_box.blockSignals(True)
        self.add_box.clear()
        self.add_box.addItem(self.tr("Give this run its own…"), None)
        for key in OFFERED:
            if key not in self.rows:
                self.add_box.addItem(self._label(key), key)
        self.add_box.setCurrentIndex(0)
        self.add_box.blockSignals(False)
        self.add_box.setEnabled(self.add_box.count() > 1)
        self.none.setVisible(not self.rows)

"""A lesson: the experiments a teacher steps through with "next" (Right) and "previous" (Left).

Without a saved list it is the whole catalogue in its order (section A to I); the teacher can
pick and order a shorter list (Lesson ▸ Choose the lesson's experiments…), which is remembered.
``formula_with_numbers`` writes a scheme's formula with the current layer's sizes filled in,
e.g. ``σ = √(2/100) = 0.141``, for the explanation beside the plots.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout,
                               QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout)

from initviz.engine import presets as catalogue
from initviz.engine.activations import calculate_gain

from ..i18n import engine_text


def _t(text: str) -> str:
    return QCoreApplication.translate("Lesson", text)


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


_UNIFORM = ",  W ~ U[-a, a)"


def _num(v: float) -> str:
    return f"{v:g}".replace("-", "−")


def formula_with_numbers(init, fan_in: int, fan_out: int, short: bool = False) -> str | None:
    """The scheme's formula with this layer's numbers, or None where there is no closed form.
    ``short`` leaves out what a uniform's bound means (",  W ~ U[-a, a)"), for a narrow
    column that names the scheme beside it."""
    text = _formula(init, fan_in, fan_out)
    return text.replace(_UNIFORM, "") if short and text else text


def _formula(init, fan_in: int, fan_out: int) -> str | None:
    s, n, m = init.scheme, fan_in, fan_out
    if s == "standard_uniform":
        return f"a = 1/√{n} = {1 / math.sqrt(n):.3g}{_UNIFORM}"
    if s in ("xavier_uniform", "xavier_uniform_logistic"):
        k = 4 if s.endswith("logistic") else 1
        g = init.gain * k
        a = g * math.sqrt(6 / (n + m))
        lead = f"{g:g} · " if g != 1 else ""
        return f"a = {lead}√(6/({n}+{m})) = {a:.3g}{_UNIFORM}"
    if s in ("xavier_normal", "xavier_normal_logistic"):
        k = 4 if s.endswith("logistic") else 1
        g = init.gain * k
        lead = f"{g:g} · " if g != 1 else ""
        return f"σ = {lead}√(2/({n}+{m})) = {g * math.sqrt(2 / (n + m)):.3g}"
    if s in ("kaiming_uniform", "kaiming_normal"):
        fan = n if init.mode == "fan_in" else m
        slope = init.negative_slope if init.nonlinearity == "leaky_relu" else None
        gain = calculate_gain(init.nonlinearity, slope)
        g2 = gain * gain
        if s == "kaiming_normal":
            return f"σ = √({g2:.3g}/{fan}) = {gain / math.sqrt(fan):.3g}"
        return f"a = √(3·{g2:.3g}/{fan}) = {gain * math.sqrt(3 / fan):.3g}{_UNIFORM}"
    if s == "lecun_normal":
        return f"σ = 1/√{n} = {1 / math.sqrt(n):.3g}"
    if s == "lecun_uniform":
        return f"a = √(3/{n}) = {math.sqrt(3 / n):.3g}{_UNIFORM}"
    if s == "uniform":
        low = f"({_num(init.low)})" if init.low < 0 else _num(init.low)
        return (f"σ = ({_num(init.high)} − {low})/√12 = "
                f"{(init.high - init.low) / math.sqrt(12):.3g}")
    if s in ("normal", "trunc_normal"):
        return f"σ = {init.std:g}"
    if s in ("zeros", "ones", "constant"):
        return f"W = {dict(zeros=0, ones=1).get(s, init.value):g}"
    if s == "orthogonal":
        return f"σ = {init.gain:g}/√{max(n, m)} = {init.gain / math.sqrt(max(n, m)):.3g}"
    return None


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

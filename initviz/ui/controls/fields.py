"""One setting's widget, made from its field in ``engine.config`` (a range gives a number box,
choices a list, a flag a check box) and read and written the same way wherever it appears:
the panel and a run's own settings."""
from __future__ import annotations

import dataclasses
import math
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QCheckBox, QComboBox, QSlider, QWidget

from initviz.engine.config import (ConfigError, DataConfig, ExperimentConfig, InitConfig,
                                   NetworkConfig, TrainConfig)

from ..look.palette import Palette
from .number_box import NumberBox

CLASSES = {"init": InitConfig, "network": NetworkConfig, "data": DataConfig,
           "train": TrainConfig, "": ExperimentConfig}
LOG_SLIDERS = {"init.std": (-300, 200), "init.gain": (-200, 200)}  # 10^(pos/100)


def make_field(key: str, titles: dict, on_change) -> QWidget:
    """The widget of one setting ("train.learning_rate"), from its range or choices;
    ``titles`` names the choices, ``on_change`` is connected to every change."""
    section, _, name = key.rpartition(".")
    meta = next(fl.metadata for fl in dataclasses.fields(CLASSES[section]) if fl.name == name)
    if "choices" in meta:
        w = QComboBox()
        w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        w.setMinimumContentsLength(8)
        for c in meta["choices"]:
            w.addItem(titles.get(c, str(c)), c)
        w.currentIndexChanged.connect(on_change)
        tip = meta.get("doc", "")
    elif "range" in meta:
        lo, hi = meta["range"]
        w = NumberBox(lo, hi, meta["integer"])
        w.valueChanged.connect(on_change)
        tip = QCoreApplication.translate("ControlPanel", "{0} ({1:g} to {2:g})").format(
            meta.get("doc", ""), lo, hi)
    else:
        w = QCheckBox()
        w.toggled.connect(on_change)
        tip = meta.get("doc", "")
    w.setToolTip(tip[:1].upper() + tip[1:])
    return w


def value(w):
    if isinstance(w, QComboBox):
        return w.currentData()
    if isinstance(w, NumberBox):
        return w.number()
    return w.isChecked()


def set_value(w, v) -> None:
    if isinstance(w, QComboBox):
        w.setCurrentIndex(max(0, w.findData(v)))
    elif isinstance(w, NumberBox):
        w.setValue(v)
    else:
        w.setChecked(bool(v))


def set_quietly(w, v) -> None:
    w.blockSignals(True)
    try:
        set_value(w, v)
    finally:
        w.blockSignals(False)


def slider_value(pos: int) -> float:
    """The number at a logarithmic slider's position."""
    return round(10 ** (pos / 100), 4 if pos < -100 else 3)


def sync_slider(slider: QSlider, v: float) -> None:
    pos = int(round(100 * math.log10(v))) if v > 0 else slider.minimum()
    slider.blockSignals(True)
    slider.setValue(pos)
    slider.blockSignals(False)


def parse_widths(text: str) -> tuple:
    parts = [p for p in re.split(r"[\s,;x×\-]+", text.strip()) if p]
    try:
        return tuple(int(p) for p in parts)
    except ValueError:
        raise ConfigError(f"network.hidden: must be whole numbers separated by commas, "
                          f"not {text!r}") from None


def swatch(i: int) -> QIcon:
    """A square of run ``i``'s colour."""
    pm = QPixmap(18, 18)
    pm.fill(QColor(Palette.hex(i)))
    return QIcon(pm)

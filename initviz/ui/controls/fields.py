"""One setting's widget, made from its field in ``engine.config`` (a range gives a number box,
choices a list, a flag a check box) and read and written the same way wherever it appears:
the panel and a run's own settings."""
from __future__ import annotations

import dataclasses
import math
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QCheckBox, QComboBox, QSlider, QWidget

from initviz.engine.activations import ACTIVATION_TITLES
from initviz.engine.config import (ConfigError, DataConfig, ExperimentConfig, InitConfig,
                                   NetworkConfig, TrainConfig)

from initviz.engine.initializers import SCHEMES
from initviz.translations import QT_TRANSLATE_NOOP

from ..i18n import engine_text
from ..look.palette import Palette
from .number_box import NumberBox

CLASSES = {"init": InitConfig, "network": NetworkConfig, "data": DataConfig,
           "train": TrainConfig, "": ExperimentConfig}
LOG_SLIDERS = {"init.std": (-300, 200), "init.gain": (-200, 200)}  # 10^(pos/100)


# The panel's groups: (section, title, ((field, label), ...)), in the panel's order.
GROUPS = (
    ("init", QT_TRANSLATE_NOOP("ControlPanel", "Initialization of the selected run"), (
        ("scheme", QT_TRANSLATE_NOOP("ControlPanel", "Scheme")),
        ("mean", QT_TRANSLATE_NOOP("ControlPanel", "Mean μ")),
        ("std", QT_TRANSLATE_NOOP("ControlPanel", "Std σ")),
        ("low", QT_TRANSLATE_NOOP("ControlPanel", "Low a")),
        ("high", QT_TRANSLATE_NOOP("ControlPanel", "High b")),
        ("value", QT_TRANSLATE_NOOP("ControlPanel", "Constant c")),
        ("gain", QT_TRANSLATE_NOOP("ControlPanel", "Gain")),
        ("mode", QT_TRANSLATE_NOOP("ControlPanel", "Fan mode")),
        ("nonlinearity", QT_TRANSLATE_NOOP("ControlPanel", "Nonlinearity")),
        ("negative_slope", QT_TRANSLATE_NOOP("ControlPanel", "Slope")),
        ("bias", QT_TRANSLATE_NOOP("ControlPanel", "Initial bias")),
        ("bias_std", QT_TRANSLATE_NOOP("ControlPanel", "Bias spread σ_b")),
        ("tolerance", QT_TRANSLATE_NOOP("ControlPanel", "LSUV tolerance")),
        ("max_iterations", QT_TRANSLATE_NOOP("ControlPanel", "LSUV iterations")),
        ("rbm_epochs", QT_TRANSLATE_NOOP("ControlPanel", "RBM epochs")),
        ("rbm_learning_rate", QT_TRANSLATE_NOOP("ControlPanel", "RBM learning rate")),
    )),
    ("network", QT_TRANSLATE_NOOP("ControlPanel", "Network"), (
        ("activation", QT_TRANSLATE_NOOP("ControlPanel", "Activation")),
        ("depth", QT_TRANSLATE_NOOP("ControlPanel", "Hidden layers")),
        ("width", QT_TRANSLATE_NOOP("ControlPanel", "Units per layer")),
        ("negative_slope", QT_TRANSLATE_NOOP("ControlPanel", "Leaky slope")),
        ("maxout_pieces", QT_TRANSLATE_NOOP("ControlPanel", "Maxout pieces")),
        ("bias", QT_TRANSLATE_NOOP("ControlPanel", "Biases")),
        ("batch_norm", QT_TRANSLATE_NOOP("ControlPanel", "Batch norm")),
        ("residual", QT_TRANSLATE_NOOP("ControlPanel", "Residual")),
        ("output", QT_TRANSLATE_NOOP("ControlPanel", "Output")),
    )),
    ("data", QT_TRANSLATE_NOOP("ControlPanel", "Data"), (
        ("name", QT_TRANSLATE_NOOP("ControlPanel", "Data set")),
        ("samples", QT_TRANSLATE_NOOP("ControlPanel", "Samples")),
        ("features", QT_TRANSLATE_NOOP("ControlPanel", "Features")),
        ("classes", QT_TRANSLATE_NOOP("ControlPanel", "Classes")),
        ("source", QT_TRANSLATE_NOOP("ControlPanel", "MNIST set")),
        ("probe_samples", QT_TRANSLATE_NOOP("ControlPanel", "Probe samples")),
    )),
    ("train", QT_TRANSLATE_NOOP("ControlPanel", "Training"), (
        ("steps", QT_TRANSLATE_NOOP("ControlPanel", "Batches")),
        ("optimizer", QT_TRANSLATE_NOOP("ControlPanel", "Optimizer")),
        ("learning_rate", QT_TRANSLATE_NOOP("ControlPanel", "Learning rate")),
        ("momentum", QT_TRANSLATE_NOOP("ControlPanel", "Momentum")),
        ("batch_size", QT_TRANSLATE_NOOP("ControlPanel", "Batch size")),
        ("eval_every", QT_TRANSLATE_NOOP("ControlPanel", "Validate every")),
        ("weight_decay", QT_TRANSLATE_NOOP("ControlPanel", "Weight decay")),
        ("clip_norm", QT_TRANSLATE_NOOP("ControlPanel", "Clip norm")),
        ("clip_value", QT_TRANSLATE_NOOP("ControlPanel", "Clip value")),
    )),
    ("", QT_TRANSLATE_NOOP("ControlPanel", "Other"), (
        ("seed", QT_TRANSLATE_NOOP("ControlPanel", "Seed")),
        ("bins", QT_TRANSLATE_NOOP("ControlPanel", "Histogram bins")),
        ("track_units", QT_TRANSLATE_NOOP("ControlPanel", "Track units")),
    )),
)
LABELS = {(f"{section}.{name}" if section else name): label
          for section, _, rows in GROUPS for name, label in rows}


def label(key: str) -> str:
    """A setting's name in the current language."""
    return QCoreApplication.translate("ControlPanel", LABELS[key]) if key in LABELS else key


def _meta(key: str):
    section, _, name = key.rpartition(".")
    return next(fl.metadata for fl in dataclasses.fields(CLASSES[section]) if fl.name == name)


def tooltip(key: str) -> str:
    """What a setting means (from its field's doc) and, for a number, its range."""
    meta = _meta(key)
    tip = engine_text("config", meta.get("doc", ""))
    if "range" in meta and "choices" not in meta:
        tip = QCoreApplication.translate("ControlPanel", "{0} ({1:g} to {2:g})").format(
            tip, *meta["range"])
    return tip[:1].upper() + tip[1:]


def choice_titles() -> dict[str, dict[str, str]]:
    """The names of the choices of each list setting, in the current language."""
    return {
        "init.scheme": {k: engine_text("schemes", s.title) for k, s in SCHEMES.items()},
        "network.activation": {k: engine_text("activations", title)
                               for k, title in ACTIVATION_TITLES.items()},
        "init.mode": {"fan_in": QCoreApplication.translate("ControlPanel", "fan-in"),
                      "fan_out": QCoreApplication.translate("ControlPanel", "fan-out")},
        "train.optimizer": {
            "sgd": QCoreApplication.translate("ControlPanel", "SGD"),
            "momentum": QCoreApplication.translate("ControlPanel", "SGD + momentum"),
            "adam": QCoreApplication.translate("ControlPanel", "Adam")},
        "data.name": {
            "normal": QCoreApplication.translate("ControlPanel", "standard-normal inputs"),
            "flower": QCoreApplication.translate("ControlPanel", "two-class flower"),
            "mnist": QCoreApplication.translate("ControlPanel", "MNIST digits")},
        "data.source": {
            "auto": QCoreApplication.translate("ControlPanel", "full if downloaded"),
            "bundled": QCoreApplication.translate("ControlPanel", "bundled 10,000"),
            "full": QCoreApplication.translate("ControlPanel", "full 60,000")},
        "network.output": {
            "softmax": QCoreApplication.translate("ControlPanel", "softmax + cross-entropy"),
            "sigmoid": QCoreApplication.translate("ControlPanel", "sigmoid + binary CE")},
    }


def retitle(w: QWidget, titles: dict) -> None:
    """A choice list's items named in the current language."""
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            w.setItemText(i, titles.get(w.itemData(i), str(w.itemData(i))))


def make_field(key: str, titles: dict, on_change) -> QWidget:
    """The widget of one setting ("train.learning_rate"), from its range or choices;
    ``titles`` names the choices, ``on_change`` is connected to every change."""
    meta = _meta(key)
    if "choices" in meta:
        w = QComboBox()
        w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        w.setMinimumContentsLength(8)
        for c in meta["choices"]:
            w.addItem(titles.get(c, str(c)), c)
        w.currentIndexChanged.connect(on_change)
    elif "range" in meta:
        lo, hi = meta["range"]
        w = NumberBox(lo, hi, meta["integer"])
        w.valueChanged.connect(on_change)
    else:
        w = QCheckBox()
        w.toggled.connect(on_change)
    w.setToolTip(tooltip(key))
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
    """A square of run ``i``'s colour, framed, the same when its row is selected (Qt tinted
    it with the highlight: review 16 found the selected run's colour gone)."""
    pm = QPixmap(18, 18)
    pm.fill(QColor("#404040"))
    painter = QPainter(pm)
    painter.fillRect(1, 1, 16, 16, QColor("#FFFFFF"))   # a white ring: on any background
    painter.fillRect(3, 3, 12, 12, QColor(Palette.hex(i)))
    painter.end()
    icon = QIcon(pm)
    icon.addPixmap(pm, QIcon.Mode.Selected)
    return icon

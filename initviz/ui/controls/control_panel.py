"""Every setting of an experiment as a widget. The panel emits ``config_changed`` with exactly
what its widgets show; controls that do not apply are disabled, never hidden."""
from __future__ import annotations

import dataclasses
import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListView, QListWidget, QListWidgetItem, QPushButton, QSlider,
                               QVBoxLayout, QWidget)

from initviz.engine.config import (ConfigError, DataConfig, ExperimentConfig, InitConfig,
                                   NetworkConfig, RunSpec, TrainConfig)
from initviz.engine.initializers import SCHEMES, run_label

from ..i18n import engine_text, error_text
from ..look.palette import Palette
from ..i18n import run_label as shown_label
from . import fields
from .run_settings import RunSettings

MAX_COMPARE = 6


class ControlPanel(QWidget):
    config_changed = Signal(object)   # ExperimentConfig
    config_invalid = Signal(str)      # the settings shown make no config: why

    def __init__(self, parent=None):
        super().__init__(parent)
        self.widgets: dict[str, QWidget] = {}
        self.sliders: dict[str, QSlider] = {}
        self._updating = False
        self._runs: list[RunSpec] = [RunSpec(label="run 1")]
        self._sel = 0
        self._titles = fields.choice_titles()
        self._boxes: dict[str, QGroupBox] = {}
        self._forms: dict[str, QFormLayout] = {}
        self._fields: dict[str, object] = {}     # key -> the widget or layout of its row
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._runs_group())
        for section, _, rows in fields.GROUPS:
            layout.addWidget(self._group(section, rows))
        self.formula = QLabel()
        self.formula.setWordWrap(True)
        self.formula.setObjectName("muted")
        self._forms["init"].addRow(self.formula)
        self.run_settings = RunSettings(
            self._make_field, fields.label, lambda key: fields.value(self.widgets[key]),
            self._changed)
        layout.insertWidget(2, self.run_settings)    # below the selected run's initialization
        self.hidden_edit = QLineEdit()
        self.hidden_edit.editingFinished.connect(self._changed)
        self._widths_label = QLabel()
        self._forms["network"].insertRow(3, self._widths_label, self.hidden_edit)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B00020; font-weight: bold")
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.retranslate()
        self.set_config(ExperimentConfig())

    def retranslate(self) -> None:
        self._titles = fields.choice_titles()
        for section, title, _ in fields.GROUPS:
            self._boxes[section].setTitle(self.tr(title))
        for key, w in self.widgets.items():
            fields.retitle(w, self._titles.get(key, {}))
            w.setToolTip(fields.tooltip(key))
            row = self._forms[key.rpartition(".")[0]].labelForField(self._fields[key])
            row.setText(fields.label(key))
            row.setToolTip(w.toolTip())
        for key, s in self.sliders.items():
            s.setToolTip(self.tr("Drag: {0} on a logarithmic scale; the histograms follow "
                                 "while you drag (without training)").format(fields.label(key)))
        self._runs_box.setTitle(self.tr("Runs compared (same data and seed)"))
        self.run_list.setToolTip(self.tr("The runs of the comparison in their plot colours; "
                                         "select one to edit its initialization below"))
        self.label_edit.setToolTip(self.tr("Legend label of the selected run"))
        self._label_label.setText(self.tr("Label"))
        for button, text, tip in (
                (self.add_button, self.tr("Add"), self.tr(
                    "Add a copy of the selected run to the comparison (up to {0} runs), then "
                    "change its initialization").format(MAX_COMPARE)),
                (self.remove_button, self.tr("Remove"),
                 self.tr("Remove the selected run from the comparison")),
                (self.clear_button, self.tr("Clear"), self.tr("Keep only the selected run"))):
            button.setText(text)
            button.setToolTip(tip)
        self.hidden_edit.setPlaceholderText(self.tr("e.g. 256, 128 (empty: layers × units)"))
        self.hidden_edit.setToolTip(self.tr("Explicit hidden widths, overriding hidden layers "
                                            "and units per layer; empty to use those two"))
        self._widths_label.setText(self.tr("Widths"))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._refresh_runs()          # the note on runs with settings of their own
            self._update_enabled()        # the scheme's formula line

    # -- building --------------------------------------------------------------------------
    def _runs_group(self) -> QGroupBox:
        box = self._runs_box = QGroupBox()
        self.run_list = QListWidget()
        # selected: grey, not the highlight's blue, which is the first run's colour (review 18)
        self.run_list.setObjectName("runList")
        self.run_list.setMaximumHeight(150)
        # long names ("normalized (Xavier) U[−a, a), a = √(6/(n_in+n_out))") wrap: a
        # sideways scroll bar hid the end of every name
        self.run_list.setWordWrap(True)
        self.run_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.run_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.run_list.currentRowChanged.connect(self._select_run)
        self.label_edit = QLineEdit()
        self.label_edit.editingFinished.connect(self._label_edited)
        self.add_button, self.remove_button, self.clear_button = \
            QPushButton(), QPushButton(), QPushButton()
        self.add_button.clicked.connect(self.add_run)
        self.remove_button.clicked.connect(self.remove_run)
        self.clear_button.clicked.connect(self.clear_runs)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.clear_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(box)
        layout.addWidget(self.run_list)
        form = QFormLayout()
        self._label_label = QLabel()
        form.addRow(self._label_label, self.label_edit)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.overrides = QLabel()
        self.overrides.setWordWrap(True)
        self.overrides.setTextFormat(Qt.TextFormat.RichText)
        self.overrides.setObjectName("muted")
        layout.addWidget(self.overrides)
        return box

    def _make_field(self, key: str) -> QWidget:
        return fields.make_field(key, self._titles.get(key, {}), self._changed)

    def _group(self, section: str, rows) -> QGroupBox:
        box = self._boxes[section] = QGroupBox()
        form = self._forms[section] = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, _ in rows:
            key = f"{section}.{name}" if section else name
            w = self.widgets[key] = self._make_field(key)
            row = w
            if key in fields.LOG_SLIDERS:
                row = QHBoxLayout()
                row.addWidget(w, 1)
                s = self.sliders[key] = QSlider(Qt.Orientation.Horizontal)
                s.setRange(*fields.LOG_SLIDERS[key])
                s.valueChanged.connect(lambda pos, box=w: self._slider_moved(box, pos))
                w.valueChanged.connect(lambda v, sl=s: fields.sync_slider(sl, v))
                row.addWidget(s, 2)
            form.addRow(QLabel(), row)
            self._fields[key] = row
        return box

    def _slider_moved(self, box, pos: int) -> None:
        if not self._updating:
            box.setValue(fields.slider_value(pos))

    # -- reading and writing ---------------------------------------------------------------
    def _shown(self, key: str, value) -> str:
        """A setting's value as its widget would show it (a choice's title, yes/no)."""
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        return str(self._titles.get(key, {}).get(value, value)) if isinstance(value, str) \
            else f"{value:g}"

    def _part(self, section: str) -> dict:
        prefix = f"{section}." if section else ""
        return {k[len(prefix):]: fields.value(w) for k, w in self.widgets.items()
                if (k.startswith(prefix) if section else "." not in k)}

    def _read_init(self) -> InitConfig:
        return InitConfig(**self._part("init"))

    def config(self) -> ExperimentConfig:
        """The configuration the widgets show; raises ConfigError if it is not valid."""
        network = self._part("network")
        network["hidden"] = fields.parse_widths(self.hidden_edit.text())
        runs = list(self._runs)
        own_network, own_train = self.run_settings.overrides()
        runs[self._sel] = dataclasses.replace(runs[self._sel], init=self._read_init(),
                                              label=self.label_edit.text().strip(),
                                              network=own_network, train=own_train)
        return ExperimentConfig(data=DataConfig(**self._part("data")),
                                network=NetworkConfig(**network),
                                train=TrainConfig(**self._part("train")),
                                runs=tuple(runs), **self._part(""))

    def set_config(self, config: ExperimentConfig) -> None:
        """Show ``config`` in the widgets (emits nothing)."""
        self._updating = True
        try:
            for section in ("data", "network", "train"):
                obj = getattr(config, section)
                for k, w in self.widgets.items():
                    if k.startswith(section + "."):
                        fields.set_value(w, getattr(obj, k.split(".", 1)[1]))
            for k in ("seed", "bins", "track_units"):
                fields.set_value(self.widgets[k], getattr(config, k))
            self.hidden_edit.setText(", ".join(str(w) for w in config.network.hidden))
            self._runs = list(config.runs)
            self._sel = 0
            self._show_run(0)
            self._refresh_runs()
        finally:
            self._updating = False
        self._update_enabled()
        self.error.clear()

    def _show_run(self, i: int) -> None:
        run = self._runs[i]
        was, self._updating = self._updating, True
        for k, w in self.widgets.items():
            if k.startswith("init."):
                fields.set_value(w, getattr(run.init, k[5:]))
        self.label_edit.setText(run.label)
        self.run_settings.show_run(dict(run.network), dict(run.train))
        self._updating = was

    def _refresh_runs(self) -> None:
        was, self._updating = self._updating, True
        self.run_list.clear()
        for i, run in enumerate(self._runs):
            item = QListWidgetItem(fields.swatch(i), shown_label(run.label) if run.label else
                                   f"run {i + 1}")
            item.setToolTip(item.text())
            self.run_list.addItem(item)
        self.run_list.setCurrentRow(self._sel)
        n = len(self._runs)
        self.add_button.setEnabled(n < MAX_COMPARE)
        self.remove_button.setEnabled(n > 1)
        self.clear_button.setEnabled(n > 1)
        self._show_overrides()
        self._updating = was

    def _show_overrides(self) -> None:
        """The runs' own settings, by setting and value with the runs' swatches ("Activation:
        sigmoid ■■■■, tanh ■■"); each run's in words in the tooltip. Written out run by run
        they were a wall of text repeating the legend (review 16)."""
        by_key: dict = {}
        notes = []
        for i, run in enumerate(self._runs):
            changes = [(f"{section}.{k}", self._shown(f"{section}.{k}", v)) for section, part in
                       (("network", run.network), ("train", run.train)) for k, v in part.items()]
            for key, v in changes:
                by_key.setdefault(key, {}).setdefault(v, []).append(i)
            if changes:
                text = ", ".join(f"{fields.label(key)} = {v}" for key, v in changes)
                notes.append(f"{shown_label(run.label) if run.label else i + 1}: {text}")
        parts = ["{0}: {1}".format(html.escape(fields.label(key)), ", ".join(
            html.escape(v) + "&nbsp;" + "".join(
                f'<span style="color:{Palette.hex(i)}">■</span>' for i in runs)
            for v, runs in values.items())) for key, values in by_key.items()]
        self.overrides.setText(self.tr("Runs that also change other settings: ") +
                               "; ".join(parts) if parts else "")
        self.overrides.setToolTip("\n".join(notes))

    # -- reacting --------------------------------------------------------------------------
    def _store_selected(self) -> bool:
        """Write the widgets' initialization into the selected run; False if invalid."""
        try:
            init = self._read_init()
        except ConfigError as exc:
            self.error.setText(error_text(exc))
            return False
        own_network, own_train = self.run_settings.overrides()
        self._runs[self._sel] = dataclasses.replace(self._runs[self._sel], init=init,
                                                    label=self.label_edit.text().strip(),
                                                    network=own_network, train=own_train)
        return True

    def _changed(self, *_):
        if self._updating:
            return
        sender = self.sender()
        if sender is not None and any(sender is w for k, w in self.widgets.items()
                                      if k.startswith("init.")):
            try:  # the label follows the initialization it names
                self.label_edit.setText(run_label(self._read_init()))
                self.run_list.item(self._sel).setText(self.label_edit.text())
            except ConfigError:
                pass
        self._update_enabled()
        self._emit()

    def _emit(self) -> None:
        try:
            config = self.config()
        except ConfigError as exc:
            self.error.setText(error_text(exc))
            self.config_invalid.emit(self.error.text())
            return
        self.error.clear()
        self._store_selected()
        self.config_changed.emit(config)

    def _label_edited(self) -> None:
        if self._updating:
            return
        item = self.run_list.item(self._sel)
        if item is not None and item.text() != self.label_edit.text():
            item.setText(self.label_edit.text())
            self._emit()

    def _select_run(self, row: int) -> None:
        if self._updating or row < 0 or row == self._sel:
            return
        if not self._store_selected():
            self.run_list.setCurrentRow(self._sel)
            return
        self._sel = row
        self._show_run(row)
        self._update_enabled()

    def add_run(self) -> None:
        if len(self._runs) >= MAX_COMPARE or not self._store_selected():
            return
        copy = self._runs[self._sel]
        self._runs.append(dataclasses.replace(copy, label=f"{copy.label} ({len(self._runs) + 1})"))
        self._sel = len(self._runs) - 1
        self._show_run(self._sel)
        self._refresh_runs()
        self._emit()

    def remove_run(self, index: int | None = None) -> None:
        if len(self._runs) <= 1:
            return
        self._store_selected()
        del self._runs[self._sel if index is None else index]
        self._sel = min(self._sel, len(self._runs) - 1)
        self._show_run(self._sel)
        self._refresh_runs()
        self._emit()

    def clear_runs(self) -> None:
        if len(self._runs) <= 1 or not self._store_selected():
            return
        self._runs = [self._runs[self._sel]]
        self._sel = 0
        self._refresh_runs()
        self._emit()

    def select_run(self, index: int) -> None:
        self.run_list.setCurrentRow(index)

    def _update_enabled(self) -> None:
        v = {k: fields.value(w) for k, w in self.widgets.items()}
        params = SCHEMES[v["init.scheme"]].params
        on = {f"init.{p}": p in params for p in
              ("mean", "std", "low", "high", "value", "gain", "mode", "nonlinearity",
               "tolerance", "max_iterations", "rbm_epochs", "rbm_learning_rate")}
        on["init.negative_slope"] = "negative_slope" in params and \
            v["init.nonlinearity"] == "leaky_relu"
        on["init.bias"] = on["init.bias_std"] = v["network.bias"]
        explicit = bool(self.hidden_edit.text().strip())
        on["network.depth"] = on["network.width"] = not explicit
        on["network.negative_slope"] = v["network.activation"] == "leaky_relu"
        on["network.maxout_pieces"] = v["network.activation"] == "maxout"
        on["data.samples"] = v["data.name"] in ("normal", "flower")
        on["data.features"] = on["data.classes"] = v["data.name"] == "normal"
        on["data.source"] = v["data.name"] == "mnist"
        training = v["train.steps"] > 0
        for k in self.widgets:
            if k.startswith("train.") and k != "train.steps":
                on[k] = training
        on["train.momentum"] = training and v["train.optimizer"] == "momentum"
        for k, w in self.widgets.items():
            enabled = on.get(k, True)
            w.setEnabled(enabled)
            if k in self.sliders:
                self.sliders[k].setEnabled(enabled)
        scheme = SCHEMES[v["init.scheme"]]
        self.formula.setText(engine_text("schemes", scheme.formula))

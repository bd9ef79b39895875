"""The Edit menu: Undo and Redo of the experiment model's changes (a setting, a preset, a file
opened), each enabled only when there is something to undo or redo and saying what it is."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from initviz.engine import presets as catalogue
from initviz.engine.limits import clean

from .classroom.shortcuts import EDIT_KEYS, bindings
from .controls import fields
from .i18n import engine_text


def _value(v) -> str:
    return clean(f"{v:g}" if isinstance(v, float) else v, 40)


class EditMenu(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.experiment = window.experiment
        self.menu = QMenu(window)
        self.undo_action, self.redo_action = QAction(window), QAction(window)
        for name, action, slot in (("undo", self.undo_action, self.experiment.undo),
                                   ("redo", self.redo_action, self.experiment.redo)):
            action.setShortcuts(bindings(EDIT_KEYS[name][0]))
            action.triggered.connect(lambda _=False, do=slot: do())
            self.menu.addAction(action)
            window.addAction(action)     # the keys work with the menu bar hidden
        bar = window.menuBar()
        after = window.file_menu.menu.menuAction()
        following = bar.actions()[bar.actions().index(after) + 1:]
        if following:
            bar.insertMenu(following[0], self.menu)     # right after File
        else:
            bar.addMenu(self.menu)
        self.experiment.config_changed.connect(self.refresh)
        self.experiment.file_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Edit"))
        self.refresh()

    def refresh(self, *_) -> None:
        """Enabled only with something to undo or redo, the text saying what."""
        for action, change, text in (
                (self.undo_action, self.experiment.undo_change(), self.tr("&Undo")),
                (self.redo_action, self.experiment.redo_change(), self.tr("&Redo"))):
            action.setEnabled(change is not None)
            what = self.describe(change).replace("&", "&&") if change else ""
            action.setText(self.tr("{0}: {1}").format(text, what) if what else text)

    def describe(self, change) -> str:
        kind, detail = change
        if kind == "preset":
            preset = catalogue.PRESETS.get(detail)
            return self.tr("preset {0}").format(
                engine_text("presets", preset.title) if preset else "")
        if kind == "file":
            return self.tr("open {0}").format(clean(detail, 80))
        if detail is None:
            return self.tr("several settings")
        key, old, new = detail
        name = key.split(".", 2)[2] if key.startswith("runs.") else key  # a run's own setting
        return f"{fields.label(name)} {_value(old)} → {_value(new)}"

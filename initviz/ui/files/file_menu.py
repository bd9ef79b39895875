"""The File menu: open and save experiment files (versioned JSON: the config, the runs compared,
the seed and the preset), open recent, and export pictures, data and results. A file dropped on
the window opens too. Every dialog goes through a small method (ask_*, warn) that tests replace.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from initviz.engine.config import ConfigError
from initviz.engine.limits import clean
from initviz.engine.experiment_file import (SUFFIX, ExperimentFileError, load_experiment,
                                            save_experiment)
from initviz.engine.sweep_open import is_sweep_file

from initviz.safe_io import WriteError
from initviz.translations import QT_TRANSLATE_NOOP

from .exporter import Exporter
from ..i18n import error_text
from .recent_files import RecentFiles
from .file_kinds import dropped_file, open_sweep
from ..classroom.shortcuts import FILE_KEYS

NOTICE_MS = 8000
_PATTERN = re.compile(r"\*(\.\w+)")


def _suffixes(filters) -> list[str]:
    return [m.group(1) for f in filters for m in [_PATTERN.search(f)] if m]


# The menu's items: (method, text, tool tip); the keys are in shortcuts.FILE_KEYS.
ACTIONS = (
    ("open", QT_TRANSLATE_NOOP("FileMenu", "&Open…"),
     QT_TRANSLATE_NOOP("FileMenu", "Open an experiment file (.json) and run it")),
    ("save", QT_TRANSLATE_NOOP("FileMenu", "&Save"), QT_TRANSLATE_NOOP(
        "FileMenu", "Save the settings, the runs compared and the seed, so that the file "
        "gives the same curves on any computer")),
    ("save_as", QT_TRANSLATE_NOOP("FileMenu", "Save &As…"),
     QT_TRANSLATE_NOOP("FileMenu", "Save the experiment under a new name")),
    ("export_pane", QT_TRANSLATE_NOOP("FileMenu", "&Export Pane…"), QT_TRANSLATE_NOOP(
        "FileMenu", "Save the pane shown as a PNG picture (twice the screen resolution, for "
        "slides), as an SVG drawing, or its data as CSV")),
    ("export_plot_area", QT_TRANSLATE_NOOP("FileMenu", "Export Plot &Area…"), QT_TRANSLATE_NOOP(
        "FileMenu", "Save the pane shown together with its tabs and the explanation beside "
        "it as one PNG or SVG picture")),
    ("export_result", QT_TRANSLATE_NOOP("FileMenu", "Export Res&ult as JSON…"), QT_TRANSLATE_NOOP(
        "FileMenu", "Save the finished comparison as JSON: the same document `initviz run "
        "--json` writes")),
)


class FileMenu(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.exporter = Exporter(window)
        self.recent = RecentFiles()
        self.experiment = window.experiment
        self._directory = str(Path.home())

        self.menu = QMenu(window)
        self.menu.setToolTipsVisible(True)
        self.actions: dict[str, QAction] = {}
        for name, _, _ in ACTIONS:
            if name in ("save", "export_pane"):
                self.menu.addSeparator()
            self.actions[name] = self._add(getattr(self, name), FILE_KEYS.get(name))
            if name == "open":
                self.recent_menu = self.menu.addMenu("")
                self.recent_menu.setToolTipsVisible(True)
                self.recent_menu.aboutToShow.connect(self._fill_recent)
        a = self.actions
        self.open_action, self.save_action, self.save_as_action = a["open"], a["save"], a["save_as"]
        self.export_pane_action, self.export_result_action = a["export_pane"], a["export_result"]
        self.retranslate()
        self.menu.aboutToShow.connect(self._update_actions)

        bar = window.menuBar()
        first = bar.actions()[0] if bar.actions() else None
        if first is None:
            bar.addMenu(self.menu)
        else:
            bar.insertMenu(first, self.menu)    # File comes first, whoever adds menus

        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self._install_drop_filters()
        self.experiment.file_changed.connect(self.retranslate_title)
        self.experiment.modified_changed.connect(window.setWindowModified)

    @property
    def path(self) -> Path | None:
        """The experiment file shown, once opened or saved."""
        return self.experiment.path

    def _add(self, slot, keys=None) -> QAction:
        action = QAction(self.window)
        action.triggered.connect(lambda _=False: slot())
        if keys:
            action.setShortcut(QKeySequence(keys[0][0]))
        self.menu.addAction(action)
        self.window.addAction(action)    # the shortcut works even with the menu bar hidden
        return action

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        for name, text, tip in ACTIONS:
            self.actions[name].setText(self.tr(text))
            self.actions[name].setToolTip(self.tr(tip))
            self.actions[name].setStatusTip(self.tr(tip))
        self.retranslate_title()

    # -- dialogs (tests replace these) -----------------------------------------------------
    def ask_open_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open experiment"), self._directory,
            ";;".join([self.experiment_filter(), self.tr("initviz sweep (*.csv *.json)"),
                       self.tr("All files (*)")]))
        return path or None

    def ask_save_path(self, title: str, suggested: str, filters: list[str]):
        """(path, chosen filter), or None when cancelled."""
        path, chosen = QFileDialog.getSaveFileName(self.window, title, suggested,
                                                   ";;".join(filters))
        return (path, chosen) if path else None

    def ask_save_changes(self) -> QMessageBox.StandardButton:
        buttons = QMessageBox.StandardButton
        return QMessageBox.question(
            self.window, self.tr("Unsaved changes"),
            self.tr("The experiment {0} has changed since it was saved. Save the changes?")
            .format(self.path.name if self.path else ""),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    def _notice(self, text: str) -> None:
        self.window.statusBar().showMessage(text, NOTICE_MS)

    # -- file names ------------------------------------------------------------------------
    def experiment_filter(self) -> str:
        return self.tr("initviz experiment (*.json)")

    def _picture_filters(self) -> list[str]:
        return [self.tr("PNG picture, twice the screen resolution (*.png)"),
                self.tr("SVG drawing (*.svg)")]

    def _suggest(self, what: str, suffix: str) -> str:
        stem = self.path.stem if self.path else (self.exporter.preset() or "initviz")
        return os.path.join(self._directory, f"{stem}-{what}{suffix}" if what else stem + suffix)

    def _chosen(self, got, filters) -> Path:
        """The path from a save dialog, with the suffix of the chosen type if it has none of
        the offered ones."""
        path, chosen = Path(got[0]), got[1]
        self._directory = str(path.parent)
        allowed = _suffixes(filters)
        if path.suffix.lower() in allowed:
            return path.with_suffix(path.suffix.lower())
        picked = _suffixes([chosen or ""]) or allowed
        return path.with_name(path.name + picked[0])

    # -- open ------------------------------------------------------------------------------
    def open(self) -> None:
        if not self.maybe_save_changes():
            return
        path = self.ask_open_path()
        if path:
            self._directory = str(Path(path).parent)
            self.open_path(path)

    def open_path(self, path) -> bool:
        """Show and run the experiment in ``path``. A file that cannot be opened gets a
        one-line reason and leaves everything as it was."""
        path = Path(path)
        name = clean(path.name, 80)
        if is_sweep_file(path):        # a sweep's CSV or JSON: shown on the Sweep tab
            return open_sweep(self.window, path, lambda text: self.warn(
                self.tr("Cannot open {0}").format(name), text))
        try:
            config, preset, _ = load_experiment(path)
            self.experiment.open_file(path, config, preset)   # all or nothing
        except Exception as exc:  # noqa: BLE001 - a file must never take the window down
            if isinstance(exc, ExperimentFileError):
                text = error_text(exc)
            else:
                text = self.tr("{0} is not a valid experiment file ({1}: {2})").format(
                    name, type(exc).__name__, clean((str(exc).strip().splitlines() or [""])[0],
                                                    200))
            self.warn(self.tr("Cannot open {0}").format(name), text)
            return False
        self._directory = str(self.path.parent)
        self.recent.add(self.path)
        self._notice(self.tr("Opened {0}").format(clean(path, 200)))
        self.window.start(config, ask=True)
        return True

    def open_recent(self, path: str) -> None:
        if not os.path.isfile(path):
            self.recent.remove(path)
            self.warn(self.tr("File not found"),
                      self.tr("{0} is no longer there; it was removed from the recent files.")
                      .format(path))
            return
        if self.maybe_save_changes():
            self.open_path(path)

    def _fill_recent(self) -> None:
        missing = self.recent.prune()
        if missing:
            self._notice(self.tr("Removed from the recent files, no longer there: {0}").format(
                ", ".join(Path(p).name for p in missing)))
        menu = self.recent_menu
        menu.clear()
        paths = self.recent.paths()
        for i, path in enumerate(paths, 1):
            action = menu.addAction(f"&{i}  {clean(Path(path).name, 80).replace('&', '&&')}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if paths:
            menu.addSeparator()
            menu.addAction(self.tr("Clear the List"), self.recent.clear)
        else:
            menu.addAction(self.tr("No recent files")).setEnabled(False)

    # -- save ------------------------------------------------------------------------------
    def save(self) -> bool:
        return self.save_as() if self.path is None else self.save_to(self.path)

    def save_as(self) -> bool:
        filters = [self.experiment_filter()]
        got = self.ask_save_path(self.tr("Save experiment"), self._suggest("", SUFFIX), filters)
        return bool(got) and self.save_to(self._chosen(got, filters))

    def save_to(self, path) -> bool:
        path = Path(path)
        try:
            config = self.window.panel.config()
        except ConfigError as exc:
            self.warn(self.tr("Cannot save"), str(exc))
            return False
        try:
            save_experiment(path, config, self.exporter.preset())
        except WriteError as exc:      # the old file, the title and the modified mark stay
            self.warn(self.tr("Cannot save {0}").format(clean(path.name, 80)), error_text(exc))
            return False
        self.experiment.saved_to(path, config)
        self._directory = str(self.path.parent)
        self.recent.add(self.path)
        self._notice(self.tr("Saved {0}").format(path))
        return True

    # -- unsaved changes -------------------------------------------------------------------
    def retranslate_title(self, *_) -> None:
        """The window's title in the current language, with the file's name once there is one."""
        title = self.window.base_title()
        self.window.setWindowTitle(f"{clean(self.path.name)}[*] — {title}" if self.path else title)

    def is_modified(self) -> bool:
        return self.experiment.is_modified()

    def maybe_save_changes(self) -> bool:
        """True when the experiment shown may be replaced: unchanged, saved or discarded."""
        if not self.is_modified():
            return True
        answer = self.ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- export ----------------------------------------------------------------------------
    def _update_actions(self) -> None:
        self.export_result_action.setEnabled(self.exporter.result_ready)

    def _csv_filter(self) -> str:
        return self.tr("CSV data for spreadsheets (*.csv)")

    def export_pane(self) -> None:
        key = self.exporter.pane_key()
        filters = self._picture_filters() + \
            ([self._csv_filter()] if self.exporter.has_table(key) else [])
        got = self.ask_save_path(self.tr("Export the {0} pane").format(self._tab_name(key)),
                                 self._suggest(key or "pane", ".png"), filters)
        if got:
            self.export_pane_to(self._chosen(got, filters), key)

    def export_pane_to(self, path, key: str | None = None) -> bool:
        """The pane ``key`` (the tab shown by default) as PNG, SVG or CSV by the suffix of
        ``path``."""
        path = Path(path)
        exporter = self.exporter
        try:
            if path.suffix.lower() == ".csv":
                rows = exporter.save_csv(path, key) if exporter.has_table(key) else 0
                if not rows:
                    self.warn(self.tr("Nothing to export"),
                              self.tr("The {0} pane has no data to export yet.").format(
                                  self._tab_name(key)))
                    return False
                what = self.tr("{0} rows").format(rows)
            else:
                what = exporter.save_picture(path, exporter.pane(key))
        except WriteError as exc:
            return self._cannot_export(path, exc)
        self._notice(self.tr("Exported {0} ({1})").format(path, what))
        return True

    def export_plot_area(self) -> None:
        filters = self._picture_filters()
        got = self.ask_save_path(self.tr("Export the plot area"),
                                 self._suggest("plots", ".png"), filters)
        if got:
            self.export_plot_area_to(self._chosen(got, filters))

    def export_plot_area_to(self, path) -> bool:
        path = Path(path)
        try:
            what = self.exporter.save_picture(path, *self.exporter.plot_area())
        except WriteError as exc:
            return self._cannot_export(path, exc)
        self._notice(self.tr("Exported {0} ({1})").format(path, what))
        return True

    def export_result(self) -> None:
        if not self.exporter.result_ready:
            self._warn_not_finished()
            return
        filters = [self.tr("initviz result, as `initviz run --json` writes it (*.json)")]
        got = self.ask_save_path(self.tr("Export the result"), self._suggest("result", ".json"),
                                 filters)
        if got:
            self.export_result_to(self._chosen(got, filters))

    def export_result_to(self, path) -> bool:
        path = Path(path)
        if not self.exporter.result_ready:
            self._warn_not_finished()
            return False
        try:
            self.exporter.save_result(path)
        except WriteError as exc:
            return self._cannot_export(path, exc)
        self._notice(self.tr("Exported {0}").format(path))
        return True

    def _cannot_export(self, path: Path, exc: WriteError) -> bool:
        self.warn(self.tr("Cannot export"), error_text(exc))    # names the path and why
        return False

    def _warn_not_finished(self) -> None:
        self.warn(self.tr("No finished comparison"),
                  self.tr("The result can be exported once every run has finished (or was "
                          "stopped)."))

    def _tab_name(self, key: str | None) -> str:
        tabs = self.window.tabs
        index = tabs.indexOf(self.window.panes[key]) if key else tabs.currentIndex()
        return tabs.tabText(index).replace("&", "")

    # -- drag and drop, closing ------------------------------------------------------------
    def _install_drop_filters(self) -> None:
        """Plots and line edits take drops themselves: let a file dropped anywhere open."""
        for child in self.window.findChildren(QWidget):
            if child.acceptDrops():
                child.installEventFilter(self)   # installing twice is harmless

    def _open_dropped(self, path: str) -> None:
        if self.maybe_save_changes():
            self.open_path(path)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            path = dropped_file(event)
            if path is None:
                return False
            event.acceptProposedAction()
            if kind == QEvent.Type.Drop:
                # Open after the drop returns: a message box inside a drop can hang the
                # application the file came from.
                QTimer.singleShot(0, lambda: self._open_dropped(path))
            return True
        if obj is self.window and kind == QEvent.Type.Show:
            self._install_drop_filters()
        return False

"""The experiment the window shows: the preset it came from, its config, the file it was opened
from or saved to and whether it changed since, and one record per run of it. Loading a preset,
editing a setting, opening a file and undoing all go through here; the panel, panes,
explanation, title bar and File menu follow the signals. Needs no widget: tests drive it
alone."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from initviz.engine import presets as catalogue

from .run.run_history import RunHistory

UNDO_DEPTH = 50


class Experiment(QObject):
    preset_changed = Signal(object)        # the preset key shown (None: none)
    config_changed = Signal(object, str)   # config, and why: "preset", "edit", "file", "undo",
    #                                        "config" (shown from elsewhere: a sweep's cell)
    file_changed = Signal(object)          # the experiment file's Path (None: none)
    modified_changed = Signal(bool)        # differs from the file it came from
    runs_started = Signal()                # a run of the config began: fresh records

    def __init__(self, config=None, parent=None):
        super().__init__(parent)
        self.preset: str | None = None
        self.config = config
        self.path: Path | None = None
        self.saved_config = None           # the config as opened or last saved
        self.valid = True                  # the settings shown make a config
        self.edited = False                # changed since the preset was loaded
        self.runs: list[RunHistory] = []   # one record per run of the latest start
        self.edges = None                  # unused: each run's histograms carry their own
        self._undo: list[tuple] = []

    # -- what is shown ---------------------------------------------------------------------
    def intact_preset(self) -> str | None:
        """The preset shown, while none of its settings has been changed."""
        return self.preset if self.preset is not None and not self.edited else None

    def load_preset(self, key: str):
        """Show preset ``key``; returns its config."""
        preset = catalogue.PRESETS[key]
        self._remember()
        self._set(key, preset.config, edited=False, why="preset")
        return preset.config

    def edit(self, config) -> None:
        """A setting changed (``config`` is what the settings now show)."""
        self._remember()
        self.valid = True
        self._set(self.preset, config, edited=True, why="edit")

    def show_config(self, config) -> None:
        """Show ``config``, not a preset's (the network of a Sweep tab cell)."""
        self._remember()
        self.valid = True
        self._set(None, config, edited=True, why="config")

    def mark_invalid(self, reason: str = "") -> None:
        """The settings shown do not make a config (the panel shows ``reason``)."""
        self.valid = False
        self._update_modified()

    def open_file(self, path, config, preset: str | None) -> None:
        """Show the experiment read from ``path``; ``preset`` is the key it was saved with.
        All or nothing: if a follower fails half-way (Qt hands a slot's exception to
        sys.excepthook, the crash dialog, not to the emitter: caught here for the time of the
        change), what was shown comes back and the exception is raised."""
        key = preset if preset in catalogue.PRESETS else None
        before, failed, hook = (self.path, self.saved_config), [], sys.excepthook
        sys.excepthook = lambda kind, exc, tb: failed.append(exc)
        try:
            self._remember()
            self.path, self.saved_config, self.valid = Path(path).resolve(), config, True
            edited = key is None or catalogue.PRESETS[key].config != config
            self._set(key, config, edited=edited, why="file")
            self.file_changed.emit(self.path)
        except Exception as exc:  # noqa: BLE001 - undone below
            failed.append(exc)
        finally:
            sys.excepthook = hook
        if failed:
            self.path, self.saved_config = before
            self.undo()
            self.file_changed.emit(self.path)
            raise failed[0]
        self._update_modified()

    def saved_to(self, path, config) -> None:
        self.path, self.saved_config = Path(path).resolve(), config
        self.file_changed.emit(self.path)
        self._update_modified()

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> bool:
        """Back to the preset and config shown before the last change (not the file)."""
        if not self._undo:
            return False
        preset, config, edited = self._undo.pop()
        self.valid = True
        self._set(preset, config, edited=edited, why="undo")
        return True

    def is_modified(self) -> bool:
        """The settings differ from the experiment file they came from."""
        return self.path is not None and (not self.valid or self.config != self.saved_config)

    # -- runs ------------------------------------------------------------------------------
    def start_runs(self, config) -> None:
        self.runs = [RunHistory(i, r.label or f"run {i + 1}") for i, r in enumerate(config.runs)]
        self.runs_started.emit()

    def add_snapshot(self, s) -> None:
        while len(self.runs) <= s.run_index:
            self.runs.append(RunHistory(len(self.runs), s.label))
        self.runs[s.run_index].add(s)

    # -- inside ----------------------------------------------------------------------------
    def _remember(self) -> None:
        if self.config is not None:
            self._undo.append((self.preset, self.config, self.edited))
            del self._undo[:-UNDO_DEPTH]

    def _set(self, preset, config, edited: bool, why: str) -> None:
        new_preset = preset != self.preset
        self.preset, self.config, self.edited = preset, config, edited
        if new_preset or why in ("preset", "file"):
            self.preset_changed.emit(preset)
        self.config_changed.emit(config, why)
        self._update_modified()

    def _update_modified(self) -> None:
        self.modified_changed.emit(self.is_modified())

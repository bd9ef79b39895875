"""The experiment the window shows: the preset it came from, its config, the file it was opened
from or saved to and whether it changed since, and one record per run of it. Loading a preset,
editing a setting, opening a file and undoing all go through here; the panel, panes,
explanation, title bar and File menu follow the signals. Needs no widget: tests drive it
alone."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from initviz.engine import presets as catalogue

from .run.run_history import RunHistory

UNDO_DEPTH = 50


@dataclass(frozen=True)
class Shown:
    """What was shown before a change (``why``: "preset", "edit", "config" or "file");
    undoing a file's opening brings back the file shown before it too."""
    why: str
    preset: str | None
    config: object
    edited: bool
    path: Path | None
    saved_config: object


def _leaves(value, key=""):
    if isinstance(value, (dict, list, tuple)):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for k, v in items:
            yield from _leaves(v, f"{key}.{k}" if key else str(k))
    else:
        yield key, value


def config_change(before, after):
    """(key, old, new) of the one setting that differs between two configs (None: several,
    or a run added or removed)."""
    old, new = dict(_leaves(before.to_dict())), dict(_leaves(after.to_dict()))
    keys = [k for k in old.keys() | new.keys() if old.get(k, ...) != new.get(k, ...)]
    return (keys[0], old.get(keys[0]), new.get(keys[0])) if len(keys) == 1 else None


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
        self._undo: list[Shown] = []
        self._redo: list[Shown] = []

    # -- what is shown ---------------------------------------------------------------------
    def intact_preset(self) -> str | None:
        """The preset shown, while none of its settings has been changed."""
        return self.preset if self.preset is not None and not self.edited else None

    def load_preset(self, key: str):
        """Show preset ``key``; returns its config."""
        preset = catalogue.PRESETS[key]
        self._remember("preset")
        self._set(key, preset.config, edited=False, why="preset")
        return preset.config

    def edit(self, config) -> None:
        """A setting changed (``config`` is what the settings now show)."""
        self._remember("edit")
        self.valid = True
        self._set(self.preset, config, edited=True, why="edit")

    def show_config(self, config) -> None:
        """Show ``config``, not a preset's (the network of a Sweep tab cell)."""
        self._remember("config")
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
        redo, failed, hook = list(self._redo), [], sys.excepthook
        sys.excepthook = lambda kind, exc, tb: failed.append(exc)
        try:
            self._remember("file")
            self.path, self.saved_config, self.valid = Path(path).resolve(), config, True
            edited = key is None or catalogue.PRESETS[key].config != config
            self._set(key, config, edited=edited, why="file")
            self.file_changed.emit(self.path)
        except Exception as exc:  # noqa: BLE001 - undone below
            failed.append(exc)
        finally:
            sys.excepthook = hook
        if failed:
            self._show(self._undo.pop())        # as it was, the redo list included
            self._redo = redo
            raise failed[0]
        self._update_modified()

    def saved_to(self, path, config) -> None:
        self.path, self.saved_config = Path(path).resolve(), config
        self.file_changed.emit(self.path)
        self._update_modified()

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> bool:
        """Back to the preset and config shown before the last change (and the file shown
        before, if the change opened one)."""
        return self._step(self._undo, self._redo)

    def redo(self) -> bool:
        """The change undone last, again (config_changed says "undo" for both)."""
        return self._step(self._redo, self._undo)

    def undo_change(self):
        """What Undo would undo: ("preset", key), ("file", name), ("edit", (key, old, new))
        or ("edit", None) for several settings; None when there is nothing to undo."""
        return self._change(self._undo[-1], self.current(), True) if self._undo else None

    def redo_change(self):
        return self._change(self._redo[-1], self.current(), False) if self._redo else None

    def forget_history(self) -> None:
        """Nothing to undo or redo (what the window shows at start-up)."""
        self._undo.clear()
        self._redo.clear()

    def current(self, why: str = "") -> Shown:
        return Shown(why, self.preset, self.config, self.edited, self.path, self.saved_config)

    def is_modified(self) -> bool:
        """The settings differ from the experiment file they came from."""
        return self.path is not None and (not self.valid or self.config != self.saved_config)

    # -- runs ------------------------------------------------------------------------------
    def start_runs(self, config) -> None:
        self.runs = [RunHistory(i, r.label or f"run {i + 1}") for i, r in enumerate(config.runs)]
        for i, h in enumerate(self.runs):
            # known now: the first frame draws the run's whole step axis, not 0-1 and then
            # the real one (each new range repaints three axes, ~5 ms each)
            h.total_steps = config.run_train(i).steps
        self.runs_started.emit()

    def add_snapshot(self, s) -> None:
        while len(self.runs) <= s.run_index:
            self.runs.append(RunHistory(len(self.runs), s.label))
        self.runs[s.run_index].add(s)

    # -- inside ----------------------------------------------------------------------------
    def _remember(self, why: str) -> None:
        if self.config is not None:
            self._undo.append(self.current(why))
            del self._undo[:-UNDO_DEPTH]
            self._redo.clear()

    def _step(self, source: list, target: list) -> bool:
        if not source:
            return False
        shown = source.pop()
        target.append(self.current(shown.why))
        self._show(shown)
        return True

    def _show(self, shown: Shown) -> None:
        self.valid = True
        if shown.why == "file":
            self.path, self.saved_config = shown.path, shown.saved_config
        self._set(shown.preset, shown.config, edited=shown.edited, why="undo")
        if shown.why == "file":
            self.file_changed.emit(self.path)

    @staticmethod
    def _change(shown: Shown, now: Shown, undo: bool):
        """The change between ``shown`` (in an undo or redo list) and ``now``, described by
        the state it led to: ``now`` for an undo, ``shown`` for a redo."""
        after = now if undo else shown
        if shown.why == "preset":
            return ("preset", after.preset)
        if shown.why == "file":
            return ("file", after.path.name if after.path else "")
        return ("edit", config_change(shown.config, now.config) if undo else
                config_change(now.config, shown.config))

    def _set(self, preset, config, edited: bool, why: str) -> None:
        new_preset = preset != self.preset
        self.preset, self.config, self.edited = preset, config, edited
        if new_preset or why in ("preset", "file"):
            self.preset_changed.emit(preset)
        self.config_changed.emit(config, why)
        self._update_modified()

    def _update_modified(self) -> None:
        self.modified_changed.emit(self.is_modified())

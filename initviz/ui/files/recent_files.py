"""The list of recently opened or saved experiment files, kept in QSettings: newest first, at
most eight, each file once, files that no longer exist pruned."""
from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from ..settings import default_path

KEY = "files/recent"
LIMIT = 8


def settings() -> QSettings:
    """The app's one settings file (``initviz.ui.settings``; the tests point it elsewhere)."""
    return QSettings(str(default_path()), QSettings.Format.IniFormat)


def _key(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


class RecentFiles:
    def paths(self) -> list[str]:
        value = settings().value(KEY, [])
        if isinstance(value, str):          # QSettings returns a lone string for one entry
            value = [value]
        return [str(p) for p in (value or []) if p][:LIMIT]

    def _store(self, paths: list[str]) -> None:
        s = settings()
        s.setValue(KEY, list(paths[:LIMIT]))
        s.sync()

    def add(self, path) -> None:
        path = os.path.abspath(os.fspath(path))
        self._store([path] + [p for p in self.paths() if _key(p) != _key(path)])

    def remove(self, path) -> None:
        path = os.fspath(path)
        self._store([p for p in self.paths() if _key(p) != _key(path)])

    def clear(self) -> None:
        self._store([])

    def prune(self) -> list[str]:
        """Drop the files that no longer exist; returns the dropped paths."""
        paths = self.paths()
        missing = [p for p in paths if not os.path.isfile(p)]
        if missing:
            self._store([p for p in paths if p not in missing])
        return missing

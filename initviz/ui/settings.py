"""What the app remembers between launches: window geometry, language, theme, type scale, the
last preset and the teacher's lesson list.

One INI file through QSettings. ``INITVIZ_SETTINGS`` names another file (the tests point it into
a temporary folder). A file that cannot be read, or a value of the wrong kind, is ignored with a
notice (``Settings.notice``) and the defaults are used: a damaged file never stops the app. A
damaged file is moved aside to ``<name>.corrupt`` so that the next save starts clean.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from initviz.engine.limits import LimitError, read_capped

MAX_BYTES = 1 << 20      # a settings file is a few hundred bytes

ENV = "INITVIZ_SETTINGS"
SCALE_RANGE = (0.7, 3.0)
THEMES = ("light", "contrast", "dark")
DEFAULTS = {
    "language": "",                  # "" = from the system locale
    "window/theme": "light",
    "window/scale": 1.0,
    "presentation/theme": "contrast",
    "presentation/scale": 1.5,
    "presentation/controls_folded": True,
    "last_preset": "",
    "lesson": [],                    # preset keys; [] = the whole catalogue in its order
}


def default_path() -> Path:
    override = os.environ.get(ENV)
    if override:
        return Path(override).expanduser()
    s = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "initviz", "initviz")
    return Path(s.fileName())


def _looks_like_ini(path: Path) -> bool:
    """QSettings reads almost anything without complaint; catch what it silently drops."""
    try:
        raw = read_capped(path, MAX_BYTES)
    except (OSError, LimitError):
        return False
    if not raw.strip():
        return True
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if "\x00" in text:
        return False
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            continue
        if "=" not in line:
            return False
    return True


class Settings:
    _shared: dict = {}

    @classmethod
    def shared(cls) -> "Settings":
        """One instance per settings file, so a notice about a damaged file reaches the
        window even when the language was read from it before the window existed."""
        path = default_path()
        if str(path) not in cls._shared:
            cls._shared[str(path)] = cls(path)
        return cls._shared[str(path)]

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_path()
        self.notice = ""
        self._scratch = None
        if self._not_a_file():
            # A folder, a pipe or a device where the file should be: never moved, never
            # opened (a pipe would block); this session remembers in a scratch file instead.
            self._scratch = tempfile.TemporaryDirectory(prefix="initviz-settings-")
            self.notice = QCoreApplication.translate(
                "Settings", "The settings path {0} is not a file; the defaults are used and "
                            "nothing is remembered").format(self.path)
            self.path = Path(self._scratch.name) / "settings.ini"
        elif self.path.exists():
            ok = _looks_like_ini(self.path)
            if ok:
                probe = QSettings(str(self.path), QSettings.Format.IniFormat)
                probe.allKeys()
                ok = probe.status() == QSettings.Status.NoError
                del probe
            if not ok:
                self._set_aside()
        self.qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _not_a_file(self) -> bool:
        try:
            return not stat.S_ISREG(os.stat(self.path).st_mode)
        except OSError:          # missing (a first start): QSettings makes it
            return False

    def _set_aside(self) -> None:
        aside = self.path.with_name(self.path.name + ".corrupt")
        try:
            os.replace(self.path, aside)
            where = QCoreApplication.translate(
                "Settings", "(kept as {0})").format(aside.name)
        except OSError:
            where = ""
        self.notice = QCoreApplication.translate(
            "Settings", "The settings file could not be read and was ignored; "
                        "the defaults are used {0}").format(where).strip()

    # -- typed access: a value of the wrong kind gives the default, with a notice ----------
    def _bad(self, key: str) -> None:
        self.notice = self.notice or QCoreApplication.translate(
            "Settings", "A remembered setting ({0}) was not valid and was ignored").format(key)
        self.qs.remove(key)

    def get(self, key: str):
        default = DEFAULTS[key]
        if not self.qs.contains(key):
            return default
        value = self.qs.value(key)
        try:
            if isinstance(default, bool):
                if isinstance(value, str) and value.lower() in ("true", "false"):
                    return value.lower() == "true"
                if isinstance(value, bool):
                    return value
                raise ValueError
            if isinstance(default, float):
                v = float(value)
                if not SCALE_RANGE[0] <= v <= SCALE_RANGE[1]:
                    raise ValueError
                return v
            if isinstance(default, list):
                if value in (None, ""):
                    return []
                items = [value] if isinstance(value, str) else list(value)
                if not all(isinstance(k, str) for k in items):
                    raise ValueError
                return items
            if not isinstance(value, str):
                raise ValueError
            if key.endswith("theme") and value not in THEMES:
                raise ValueError
            return value
        except (TypeError, ValueError):
            self._bad(key)
            return default

    def set(self, key: str, value) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        if isinstance(DEFAULTS[key], list):
            value = list(value)
        self.qs.setValue(key, value)

    def geometry(self) -> QByteArray | None:
        v = self.qs.value("window/geometry")
        if v is None:
            return None
        if not isinstance(v, QByteArray):
            self._bad("window/geometry")
            return None
        return v

    def set_geometry(self, data: QByteArray) -> None:
        self.qs.setValue("window/geometry", data)

    def sync(self) -> None:
        self.qs.sync()

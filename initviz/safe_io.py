"""Writing results where the user asked, and talking to a terminal, without ever losing the
result to a traceback: one line naming the path and the reason, and no temporary file left.
Stdlib only (the command line and the window both use it)."""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from .engine.errors import QT_TRANSLATE_NOOP, Said
from .engine.limits import clean

CANNOT_WRITE = QT_TRANSLATE_NOOP("errors", "cannot write {0}: {1}")


class WriteError(Said):
    """An output file that could not be written; nothing partial was left."""


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def check_target(path) -> None:
    """Fail now, before hours of work, if ``path`` clearly cannot be written: its folder is
    missing or not a folder, or the path is a folder."""
    path = Path(path)
    shown = clean(path, 200)
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise WriteError(CANNOT_WRITE, shown, os.strerror(21))         # EISDIR
    if not parent.exists():
        raise WriteError(CANNOT_WRITE, shown, os.strerror(2))          # ENOENT
    if not parent.is_dir():
        raise WriteError(CANNOT_WRITE, shown, os.strerror(20))         # ENOTDIR


def write_atomically(path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, so a crash
    never leaves half a file and a failed write leaves the old one. The file keeps the
    permissions of the one it replaces, or gets what the umask gives a new file (not
    mkstemp's 0600: experiment files are for sharing)."""
    path = Path(path)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    # The name cut short: a 250-character name is allowed, with ".tmpXXXXXXXX" it would not be.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:64]}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_file(path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` atomically; an OSError becomes a WriteError naming the path
    and the reason, and the temporary file is gone."""
    if isinstance(data, str):
        data = data.encode("utf-8", "replace")     # a lone surrogate must not lose the file
    try:
        check_target(path)
        return write_atomically(path, data)
    except OSError as exc:
        raise WriteError(CANNOT_WRITE, clean(path, 200), _reason(exc)) from None


def safe_console() -> None:
    """A terminal that cannot show a character gets an escape, not a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass      # not a text stream we may reconfigure (a test's capture, a closed pipe)

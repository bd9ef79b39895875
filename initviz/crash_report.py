"""Uncaught exceptions: write the traceback to a log file and tell the user where it is.

A windowed build (PyInstaller ``console=False``, a desktop launcher) has no console, so a
traceback printed to stderr is lost. ``install(app_name)`` replaces ``sys.excepthook`` and
``threading.excepthook``: each uncaught exception is written to a timestamped file in the
user's log folder and, when a QApplication exists, a dialog gives the message and the file's
path. It still prints the traceback to stderr when there is one.

Log folder: ``INITVIZ_LOG_DIR`` if set, else Linux ``$XDG_STATE_HOME/<app>/log`` (or
``~/.local/state/<app>/log``), macOS ``~/Library/Logs/<app>``, Windows
``%LOCALAPPDATA%\\<app>\\Logs``; if that cannot be written, the temporary folder.

Nothing here ever raises: a failing report falls back to the interpreter's own hook. Qt is
imported only if the program already did, so the headless commands stay Qt-free.
"""
from __future__ import annotations

import datetime as _dt
import os
import platform
import sys
import tempfile
import threading
import traceback
from pathlib import Path

LOG_DIR_ENV = "INITVIZ_LOG_DIR"
MAX_REPORTS = 20          # per process: an exception raised on every frame must not fill a disk
_state = {"app_name": "initviz", "installed": False, "reports": 0, "dialog_open": False,
          "notifier": None, "last_path": None}
_lock = threading.Lock()


def log_dir(app_name: str = "initviz") -> Path:
    """The per-user folder for log files (not created here)."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    home = Path.home()
    if sys.platform.startswith("win"):
        local = os.environ.get("LOCALAPPDATA")
        return (Path(local) if local else home / "AppData" / "Local") / app_name / "Logs"
    if sys.platform == "darwin":
        return home / "Library" / "Logs" / app_name
    xdg = os.environ.get("XDG_STATE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "state"
    return base / app_name / "log"


def _header(app_name: str, thread_name: str | None) -> str:
    now = _dt.datetime.now().isoformat(timespec="seconds")
    lines = [f"{app_name} crash report", f"time: {now}"]
    try:
        from initviz import __version__
        lines.append(f"version: {__version__}")
    except Exception:  # noqa: BLE001
        pass
    lines.append(f"python: {sys.version.split()[0]} ({sys.executable})")
    lines.append(f"platform: {platform.platform()}")
    lines.append(f"frozen: {bool(getattr(sys, 'frozen', False))}")
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        try:
            lines.append(f"qt: {qtcore.qVersion()}, PySide6 {sys.modules['PySide6'].__version__}")
        except Exception:  # noqa: BLE001
            pass
    if thread_name:
        lines.append(f"thread: {thread_name}")
    lines.append(f"argv: {sys.argv!r}")
    return "\n".join(lines) + "\n\n"


def write_report(exc_type, exc, tb, app_name: str | None = None,
                 thread_name: str | None = None) -> Path | None:
    """Write one report; return its path, or None if no folder could be written."""
    app_name = app_name or _state["app_name"]
    try:
        text = _header(app_name, thread_name) + "".join(
            traceback.format_exception(exc_type, exc, tb))
    except Exception:  # noqa: BLE001
        text = f"{app_name} crash report\n{exc_type!r}: {exc!r}\n"
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    name = f"crash-{stamp}-{os.getpid()}.log"
    for folder in (log_dir(app_name), Path(tempfile.gettempdir()) / app_name):
        path = folder / name
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", errors="replace") as f:
                f.write(text)
            return path
        except Exception:  # noqa: BLE001 - try the next folder
            try:
                path.unlink(missing_ok=True)     # a full disk leaves no half report
            except OSError:
                pass
            continue
    return None


def _message(exc_type, exc, path: Path | None) -> str:
    what = f"{getattr(exc_type, '__name__', exc_type)}: {exc}".strip().rstrip(":")
    if len(what) > 600:
        what = what[:600] + "…"
    where = (f"The details were written to:\n{path}" if path is not None
             else "The details could not be written to a log file.")
    return (f"{_state['app_name']} hit an unexpected error and may not work correctly.\n\n"
            f"{what}\n\n{where}\n\nPlease include that file when you report the problem.")


def _show_dialog(title: str, text: str, details: str) -> None:
    """A modal QMessageBox in the GUI thread; one at a time."""
    if _state["dialog_open"]:
        return
    from PySide6.QtWidgets import QMessageBox
    _state["dialog_open"] = True
    try:
        box = QMessageBox(QMessageBox.Icon.Critical, title, text)
        if details:
            box.setDetailedText(details)
        box.exec()
    finally:
        _state["dialog_open"] = False


def _notifier():
    """A QObject living in the GUI thread: its signal, emitted from any thread, runs the dialog
    in the GUI thread (queued connection to its own slot)."""
    if _state["notifier"] is not None:
        return _state["notifier"]
    from PySide6.QtCore import QObject, Qt, Signal, Slot
    from PySide6.QtWidgets import QApplication

    class _Notifier(QObject):
        request = Signal(str, str, str)

        @Slot(str, str, str)
        def show(self, title, text, details):
            try:
                _show_dialog(title, text, details)
            except Exception:  # noqa: BLE001 - never raise from the crash reporter
                pass

    notifier = _Notifier()
    app = QApplication.instance()
    if notifier.thread() is not app.thread():
        notifier.moveToThread(app.thread())
    notifier.request.connect(notifier.show, Qt.ConnectionType.QueuedConnection)
    _state["notifier"] = notifier
    return notifier


def _no_console() -> bool:
    """A frozen app started from a desktop (no terminal to read a traceback in)."""
    try:
        return bool(getattr(sys, "frozen", False)) and (
            sys.stderr is None or not sys.stderr.isatty())
    except Exception:  # noqa: BLE001
        return True


def _qapplication():
    """The running QApplication; in a frozen app without a console that has loaded Qt, one
    made for the dialog (an error before the window existed must not vanish silently). None
    for the headless commands, which never load Qt."""
    try:
        if "PySide6.QtWidgets" in sys.modules:
            from PySide6.QtWidgets import QApplication
            app = QApplication.instance()
            if isinstance(app, QApplication):      # a bare QCoreApplication cannot show one
                return app
            if app is not None:
                return None
        if ("PySide6.QtCore" in sys.modules and _no_console()
                and threading.current_thread() is threading.main_thread()):
            from PySide6.QtWidgets import QApplication
            _state["own_app"] = QApplication.instance() or QApplication([_state["app_name"]])
            return _state["own_app"]
    except Exception:  # noqa: BLE001
        pass
    return None


def _print_stderr(exc_type, exc, tb) -> None:
    try:
        if sys.stderr is not None:
            traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
            sys.stderr.flush()
    except Exception:  # noqa: BLE001
        pass


def report(exc_type, exc, tb, thread_name: str | None = None) -> Path | None:
    """Log one exception and, with a QApplication, show the dialog. Never raises."""
    try:
        _print_stderr(exc_type, exc, tb)
        with _lock:
            _state["reports"] += 1
            if _state["reports"] > MAX_REPORTS:
                return _state["last_path"]
        path = write_report(exc_type, exc, tb, thread_name=thread_name)
        _state["last_path"] = path
        app = _qapplication()
        if app is not None:
            title = f"{_state['app_name']}: unexpected error"
            text = _message(exc_type, exc, path)
            details = "".join(traceback.format_exception(exc_type, exc, tb))
            if threading.current_thread() is threading.main_thread():
                _show_dialog(title, text, details)
            else:
                _notifier().request.emit(title, text, details)
        return path
    except Exception:  # noqa: BLE001 - the report itself failed: say so on stderr at least
        try:
            sys.__excepthook__(exc_type, exc, tb)
        except Exception:  # noqa: BLE001
            pass
        return None


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report(exc_type, exc, tb)


def _threading_hook(args) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else None
    report(args.exc_type, args.exc_value, args.exc_traceback, thread_name=name)


def install(app_name: str = "initviz") -> None:
    """Route uncaught exceptions (main and other threads) to a log file and a dialog."""
    try:
        _state["app_name"] = app_name
        if _state["installed"]:
            return
        _state["previous"] = (sys.excepthook, threading.excepthook)
        sys.excepthook = _excepthook
        threading.excepthook = _threading_hook
        _state["installed"] = True
    except Exception:  # noqa: BLE001
        pass


def uninstall() -> None:
    """Restore the hooks that were there before install() (tests)."""
    try:
        if _state["installed"]:
            sys.excepthook, threading.excepthook = _state.pop("previous")
        _state.update(installed=False, reports=0, dialog_open=False, last_path=None)
        _state["notifier"] = None
    except Exception:  # noqa: BLE001
        pass

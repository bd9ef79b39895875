"""The crash reporter (a log and a dialog for an uncaught exception, in any thread) and the
installer's self-test, run from the checkout: both need a Qt application."""
from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest


# -- crash reporter --------------------------------------------------------------------------
@pytest.fixture
def crash(monkeypatch, tmp_path):
    from initviz import crash_report
    monkeypatch.setenv("INITVIZ_LOG_DIR", str(tmp_path / "logs"))
    crash_report.uninstall()
    crash_report.install("initviz")
    yield crash_report
    crash_report.uninstall()


@pytest.fixture
def dialogs(monkeypatch, qapp):
    """QMessageBox whose exec() records instead of blocking."""
    from PySide6 import QtWidgets
    shown = []

    class RecordingBox(QtWidgets.QMessageBox):
        def exec(self):
            shown.append((self.windowTitle(), self.text(), self.detailedText()))
            return 0

    monkeypatch.setattr(QtWidgets, "QMessageBox", RecordingBox)
    return shown


def _raise(exc):
    try:
        raise exc
    except BaseException:
        return sys.exc_info()


def test_log_dir_per_platform(monkeypatch, tmp_path):
    from initviz import crash_report
    monkeypatch.delenv("INITVIZ_LOG_DIR", raising=False)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert crash_report.log_dir() == tmp_path / "state" / "initviz" / "log"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/is/ignored")
    assert crash_report.log_dir() == tmp_path / ".local" / "state" / "initviz" / "log"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert crash_report.log_dir() == tmp_path / "Library" / "Logs" / "initviz"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert crash_report.log_dir() == tmp_path / "Local" / "initviz" / "Logs"


def test_uncaught_exception_is_logged_and_shown(crash, dialogs, tmp_path, capsys):
    assert sys.excepthook is crash._excepthook
    assert threading.excepthook is crash._threading_hook
    sys.excepthook(*_raise(ValueError("the histogram has no bins")))
    logs = list((tmp_path / "logs").glob("crash-*.log"))
    assert len(logs) == 1
    text = logs[0].read_text(encoding="utf-8")
    assert "ValueError: the histogram has no bins" in text
    assert "Traceback" in text and "python:" in text and "qt:" in text
    assert len(dialogs) == 1
    title, message, details = dialogs[0]
    assert "initviz" in title
    assert "ValueError: the histogram has no bins" in message
    assert str(logs[0]) in message                      # the dialog gives the log's path
    assert "Traceback" in details
    assert "ValueError" in capsys.readouterr().err      # a console still sees it


def test_exception_in_a_thread_is_shown_in_the_gui_thread(crash, dialogs, qtbot, tmp_path):
    shown_in = []
    original = crash._show_dialog

    def spy(*args):
        shown_in.append(threading.current_thread() is threading.main_thread())
        original(*args)

    crash._show_dialog = spy
    try:
        worker = threading.Thread(target=lambda: 1 / 0, name="engine-worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=5000)
    finally:
        crash._show_dialog = original
    assert shown_in == [True]
    log = next((tmp_path / "logs").glob("crash-*.log")).read_text(encoding="utf-8")
    assert "ZeroDivisionError" in log and "thread: engine-worker" in log


def test_crash_report_never_raises(crash, monkeypatch, tmp_path, qapp):
    from PySide6 import QtWidgets

    class BrokenBox(QtWidgets.QMessageBox):
        def exec(self):
            raise RuntimeError("no dialog today")

    monkeypatch.setattr(QtWidgets, "QMessageBox", BrokenBox)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    monkeypatch.setenv("INITVIZ_LOG_DIR", str(blocker))
    sys.excepthook(*_raise(KeyError("x")))          # must return normally
    path = crash.write_report(*_raise(KeyError("y")))
    assert path is not None and path.parent.name == "initviz"   # fell back to the temp folder
    path.unlink()


def test_reports_are_capped(crash, monkeypatch, dialogs):
    monkeypatch.setattr(crash, "MAX_REPORTS", 3)
    for i in range(6):
        sys.excepthook(*_raise(RuntimeError(f"frame {i}")))
    logs = list(Path(os.environ["INITVIZ_LOG_DIR"]).glob("crash-*.log"))
    assert len(logs) == 3


# -- self-test -------------------------------------------------------------------------------
def test_selftest_passes_from_the_checkout(qapp, monkeypatch, tmp_path, capsys):
    from initviz import selftest
    monkeypatch.setenv("INITVIZ_CACHE_DIR", str(tmp_path / "cache"))
    settings = os.environ.get("INITVIZ_SETTINGS")
    assert selftest.main([]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "sha256 ok" in out and "drew its first result" in out and "passed" in out
    assert os.environ.get("INITVIZ_SETTINGS") == settings     # the user's settings untouched


def test_selftest_fails_clearly_on_timeout(qapp, capsys):
    from initviz import selftest
    assert selftest.main(["--timeout", "0.001"]) == 1
    assert "FAILED: timed out" in capsys.readouterr().err


def test_selftest_fails_clearly_on_a_damaged_resource(qapp, monkeypatch, tmp_path, capsys):
    from initviz import resources, selftest
    for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        target = tmp_path / "resources" / "mnist" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"\x00" * 16)
    monkeypatch.setattr(resources, "_resource_roots", lambda: [tmp_path / "resources"])
    assert selftest.main([]) == 1
    assert "FAILED" in capsys.readouterr().err

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import initviz.ui  # noqa: E402,F401  (QT_API=pyside6 before pyqtgraph)
import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _application_look(qapp):
    """The tests see the app as users do: the same options, type size and style sheet."""
    from initviz.ui.look.themes import configure_application
    configure_application(qapp)


@pytest.fixture
def window(qtbot):
    from initviz.ui.main_window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1280, 800)
    yield w
    w.controller.shutdown()
    assert not any(t.isRunning() for t in w.controller.threads())


@pytest.fixture
def controller(qtbot):
    from initviz.ui.run.run_controller import RunController
    c = RunController()
    yield c
    assert c.shutdown()


@pytest.fixture(autouse=True)
def _settings_file(tmp_path, monkeypatch):
    """Every UI test reads and writes its own settings file, never the user's."""
    monkeypatch.setenv("INITVIZ_SETTINGS", str(tmp_path / "settings.ini"))


@pytest.fixture
def no_real_dialogs(monkeypatch):
    """A real dialog would block an offscreen test forever: every one of them fails."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    def blocked(*args, **kwargs):
        raise AssertionError("a real dialog was opened")
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(blocked))
    for name in ("warning", "question", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(blocked))

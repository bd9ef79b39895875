"""The installer's pieces, without PyInstaller: the spec and its exclusion rules, the icon,
the licences, the .desktop file, the crash reporter and the self-test the frozen app runs."""
from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"


def _load(path: Path, name: str):
    """Import a packaging/ script under a name of its own (no sys.path change)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


initviz_slim = _load(PACKAGING / "hooks" / "initviz_slim.py", "_initviz_packaging_slim")


# -- the spec and the build script -----------------------------------------------------------
def test_spec_bundles_the_resources_icon_and_launcher():
    spec = (PACKAGING / "initviz.spec").read_text(encoding="utf-8")
    assert '(str(RESOURCES), "resources")' in spec          # the whole folder, as resources/
    assert 'ROOT / "resources"' in spec
    assert "launcher.py" in spec and (PACKAGING / "launcher.py").is_file()
    for name in ("initviz.ico", "initviz.icns"):
        assert name in spec
        assert (RESOURCES / "icons" / name).is_file()
    assert "resources/licenses/third-party" in spec
    assert "strip=False" in spec                             # a global strip breaks NumPy
    assert "hookspath=[str(HOOKS)]" in spec
    for module in ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtOpenGL", "QtOpenGLWidgets"):
        assert (PACKAGING / "hooks" / f"hook-PySide6.{module}.py").is_file()
    # the resources the spec ships are the ones the app looks for
    for parts in (("mnist", "t10k-images-idx3-ubyte.gz"), ("mnist", "t10k-labels-idx1-ubyte.gz"),
                  ("mnist", "README.md"), ("icons", "initviz.svg"), ("licenses", "README.md")):
        assert RESOURCES.joinpath(*parts).is_file(), parts


def test_resources_resolve_where_the_bundle_puts_them(tmp_path, monkeypatch):
    """The spec puts resources/ at sys._MEIPASS/resources; resource_path looks there first."""
    from initviz import resources
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    (tmp_path / "resources" / "icons" / "initviz.svg").write_text("<svg/>")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("icons", "initviz.svg") == \
        tmp_path / "resources" / "icons" / "initviz.svg"


def test_qt_modules_the_app_imports_are_all_bundled():
    """A PySide6 module used in initviz/ but missing from QT_MODULES_USED would be excluded
    from the bundle, and the frozen app would fail where the checkout works."""
    used = set()
    for path in (ROOT / "initviz").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"PySide6\.(Qt\w+)", text))
        for names in re.findall(r"from PySide6 import ([\w, ()]+)", text):
            used |= {n.strip(" ()") for n in names.split(",") if n.strip(" ()")}
    assert used, "no PySide6 import found: the scan is broken"
    assert used <= initviz_slim.QT_MODULES_USED, used - initviz_slim.QT_MODULES_USED


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib", "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6Gui.so.6",
    "PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6OpenGL.so.6",
    "PySide6/Qt/lib/libQt6OpenGLWidgets.so.6", "PySide6/Qt/lib/libQt6Svg.so.6",
    "PySide6/Qt/lib/libQt6DBus.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    "PySide6/Qt/lib/libQt6WaylandClient.so.6", "PySide6/Qt6Core.dll", "PySide6/Qt6Gui.dll",
    "PySide6/Qt/lib/libicudata.so.73", "numpy.libs/libscipy_openblas64_-32a4b2a6.so",
    "resources/mnist/t10k-images-idx3-ubyte.gz", "resources/translations/initviz_zh_CN.qm",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
])
def test_slim_keeps_what_the_app_needs(dest):
    assert initviz_slim.keep(dest, {"zh_cn"})


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so", "PySide6/plugins/platforms/qdirect2d.dll",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/imageformats/libqpdf.so", "PySide6/plugins/imageformats/qpdf.dll",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so",
    "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Qml.so.6",
    "PySide6/Qt/lib/libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", "PySide6/Qt6Quick.dll",
    "PySide6/Qt/qml/QtQuick/qmldir", "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/translations/qtbase_zh_TW.qm", "PySide6/Qt/translations/qt_help_zh_CN.qm",
])
def test_slim_drops_what_the_app_does_not_use(dest):
    assert not initviz_slim.keep(dest, {"zh_cn"})


def test_build_installs_pinned_pyinstaller_and_only_pyside6():
    build = _load(PACKAGING / "build.py", "_initviz_packaging_build")
    reqs = build.requirements()
    names = {re.split(r"[<>=!~ \[;]", r, maxsplit=1)[0].lower() for r in reqs}
    assert {"numpy", "pyside6-essentials", "pyqtgraph", "pyinstaller"} <= names
    assert not names & {"pyqt5", "pyqt6", "pyside2", "pytest"}
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    for name in names | {"pyinstaller-hooks-contrib", "altgraph", "setuptools", "shiboken6"}:
        assert name in pins, f"{name} has no pin in constraints.txt"


# -- icon, licences, desktop file ------------------------------------------------------------
def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_icon_files():
    icons = RESOURCES / "icons"
    root = ET.parse(icons / "initviz.svg").getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 256 256"
    assert _png_size(icons / "initviz-256.png") == (256, 256)
    assert _png_size(icons / "initviz-64.png") == (64, 64)
    ico = (icons / "initviz.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    icns = (icons / "initviz.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_icon_svg_is_what_make_icons_draws():
    make_icons = _load(PACKAGING / "make_icons.py", "_initviz_packaging_make_icons")
    assert (RESOURCES / "icons" / "initviz.svg").read_text(encoding="utf-8") == \
        make_icons.svg_text()


def test_licences_are_shipped_and_listed():
    from initviz.selftest import LICENCE_FILES
    folder = RESOURCES / "licenses"
    index = (folder / "README.md").read_text(encoding="utf-8")
    for name in LICENCE_FILES:
        assert (folder / name).stat().st_size > 0, name
        if name != "README.md":
            assert f"`{name}`" in index, f"{name} is not listed in licenses/README.md"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (folder / "LGPL-3.0.txt").read_text()
    assert "Version 3" in (folder / "GPL-3.0.txt").read_text()
    assert "MIT License" in (folder / "initviz-MIT.txt").read_text()
    assert "Yann LeCun" in (folder / "MNIST-CC-BY-SA-3.0.md").read_text(encoding="utf-8")
    assert "LGPL" in (folder / "Qt-PySide6-LGPL-notice.md").read_text(encoding="utf-8")


def test_desktop_file_is_valid():
    path = PACKAGING / "initviz.desktop"
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str          # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    entry = parser["Desktop Entry"]
    for key in ("Type", "Name", "Exec", "Icon", "Categories"):
        assert entry.get(key), f"{key} missing"
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0].endswith("initviz")
    assert entry["Icon"] == "initviz"
    assert entry["Categories"].endswith(";")
    assert entry.get("Terminal") == "false"
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        assert not line or re.match(r"^[A-Za-z0-9-]+(\[[^\]]+\])?=", line), line
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True,
                                text=True)
        assert result.returncode == 0, result.stdout + result.stderr


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


def test_the_wheel_lists_every_package_and_carries_the_resources():
    """pyproject lists the packages by hand (to map resources/ into initviz/_resources): a new
    subpackage missing from that list would be missing from the wheel."""
    import tomllib
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    tool = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(root).parts)
             for p in (root / "initviz").rglob("__init__.py")}
    assert found | {"initviz._resources"} == set(tool["packages"])
    assert tool["package-dir"] == {"initviz._resources": "resources"}
    assert (root / "resources" / "mnist" / "t10k-images-idx3-ubyte.gz").exists()

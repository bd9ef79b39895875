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

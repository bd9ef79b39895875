"""What the initviz bundle leaves out of Qt: shared by packaging/initviz.spec and the PySide6
module hooks beside this file (which filter before PyInstaller analyses the binaries' own
dependencies, so that a dropped plugin does not drag its libraries in).

Names are matched on the destination path, lower case, '/' separators; file names without the
``lib`` prefix and the extension (``libqvnc.so``, ``qvnc.dll`` and ``libqvnc.dylib`` are all
``qvnc``).
"""
from __future__ import annotations

import re

# PySide6 modules initviz uses (grep initviz/ and pyqtgraph/Qt/__init__.py before changing):
# pyqtgraph needs QtOpenGL/QtOpenGLWidgets and QtSvg; the self-test and icon need QtSvg.
QT_MODULES_USED = {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtOpenGL", "QtOpenGLWidgets"}

DROP_PLUGIN_DIRS = {
    "egldeviceintegrations", "generic", "designer", "qmltooling", "qmllint", "qmlls",
    "sqldrivers", "networkinformation", "tls", "printsupport", "vectorimageformats",
    "position", "wayland-graphics-integration-server", "multimedia", "sceneparsers",
    "renderers", "geometryloaders", "texttospeech", "webview", "canbus", "sensors",
}
DROP_PLUGINS = {
    # embedded / remote platforms; the offscreen and minimal platforms stay (the self-test)
    "platforms": {"qeglfs", "qlinuxfb", "qvnc", "qvkkhrdisplay", "qminimalegl", "qdirect2d"},
    # the GTK3 theme loads the system's GTK against bundled GLib/Cairo copies (a known source
    # of crashes) and pulls ~10 MB of them in; Qt's built-in GNOME theme and the XDG portal
    # theme remain
    "platformthemes": {"qgtk3"},
    # the virtual keyboard pulls in QtQuick/QML
    "platforminputcontexts": {"qtvirtualkeyboardplugin"},
    # qpdf pulls in QtPdf; the others are formats initviz never reads
    "imageformats": {"qpdf", "qtiff", "qwebp", "qtga", "qwbmp", "qicns"},
    "wayland-shell-integration": {"fullscreen-shell-v1", "ivi-shell", "wl-shell-plugin",
                                  "qt-shell"},
    "wayland-graphics-integration-client": {"dmabuf-server", "drm-egl-server",
                                            "shm-emulation-server", "vulkan-server"},
}
# Qt libraries only the dropped modules and plugins load.
DROP_LIBS = re.compile(
    r"^qt6(quick\w*|qml\w*|pdf\w*|virtualkeyboard\w*|network|designer\w*|help|sql|lottie\w*|"
    r"labs\w*|shadertools|waylandcompositor\w*|eglfs\w*|eglfsdeviceintegration|uitools|"
    r"statemachine\w*|texttospeech|concurrent|test|wlshellintegration)$")


def stem(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
    base = re.sub(r"(\.so(\.\d+)*|\.dll|\.dylib|\.pyd)$", "", base)
    return base[3:] if base.startswith("lib") else base


def keep(dest: str, languages=()) -> bool:
    """Whether the file that goes to ``dest`` (relative path in the bundle) is kept.

    ``languages``: the languages initviz ships translations for; Qt's own qtbase_*.qm are kept
    for those only (they translate the standard dialogs' buttons), every other Qt .qm goes.
    """
    d = dest.replace("\\", "/").lower()
    m = re.search(r"(?:^|/)plugins/([^/]+)/([^/]+)$", d)
    if m:
        kind, name = m.group(1), stem(m.group(2))
        if kind in DROP_PLUGIN_DIRS or name in DROP_PLUGINS.get(kind, ()):
            return False
    if "/qml/" in f"/{d}" or "/libexec/" in f"/{d}":
        return False
    m = re.search(r"(?:^|/)translations/([a-z_]+?)_([a-z]{2,3}(?:_[a-z]{2,4})?)\.qm$", d)
    if m and d.startswith("pyside6/"):
        lang = m.group(2)
        return m.group(1) == "qtbase" and (lang in languages or lang.split("_")[0] in languages)
    if DROP_LIBS.match(stem(d)):
        return False
    return True


def filtered_qt_hook(hook_api, hook_file: str) -> None:
    """The stock PySide6 module hook, minus what keep() drops (if the spec asked for slim)."""
    import os
    from PyInstaller.utils.hooks import get_hook_config
    from PyInstaller.utils.hooks.qt import add_qt6_dependencies

    hiddenimports, binaries, datas = add_qt6_dependencies(hook_file)
    slim = get_hook_config(hook_api, "initviz", "slim")
    if slim is None or slim:
        languages = set(get_hook_config(hook_api, "initviz", "languages") or ())
        binaries = [(src, dst) for src, dst in binaries
                    if keep(f"{dst}/{os.path.basename(src)}", languages)]
        datas = [(src, dst) for src, dst in datas
                 if keep(f"{dst}/{os.path.basename(src)}", languages)]
        hiddenimports = [m for m in hiddenimports
                         if not m.startswith("PySide6.") or m.split(".")[1] in QT_MODULES_USED]
    hook_api.add_imports(*hiddenimports)
    hook_api.add_binaries(binaries)
    hook_api.add_datas(datas)

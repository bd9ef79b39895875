"""``initviz --selftest``: prove that an installed or frozen initviz works, without a person.

1. The resources it needs are there and intact: the bundled MNIST files (size and sha256,
   then decoded), the app icon (SVG and PNGs, rendered), the licence files, and any
   translations (each .qm must load).
2. A two-run comparison trains in two worker processes and gives the one-process numbers.
3. The window opens (offscreen unless QT_QPA_PLATFORM says otherwise), a short preset runs
   to its first result (``MainWindow.result_drawn``), every pane draws it, and the window
   renders to an image.

Prints one line per check and exits 0, or prints ``initviz selftest FAILED: <why>`` on stderr
and returns 1. Gives up after ``--timeout`` seconds (60 by default) with a clear message. Any
modal dialog (a run's error, a crash report) or uncaught exception during the test is a failure,
and the dialog is closed so the test never hangs. This is the same code path in a checkout,
an installed wheel and the PyInstaller bundle: ``initviz.resources.resource_path`` finds the
files in each.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time

DEFAULT_PRESET = "act-relu-compare"     # three runs, no training: a result in well under 1 s
DEFAULT_TIMEOUT_S = 60.0
SETTINGS_ENV = "INITVIZ_SETTINGS"     # initviz.ui.settings: where the window keeps its state
ICON_FILES = ("initviz.svg", "initviz-256.png", "initviz-64.png")
LICENCE_FILES = ("README.md", "initviz-MIT.txt", "Qt-PySide6-LGPL-notice.md", "LGPL-3.0.txt",
                 "GPL-3.0.txt", "pyqtgraph-MIT.txt", "NumPy-BSD-3-Clause.txt",
                 "MNIST-CC-BY-SA-3.0.md")


class SelftestError(Exception):
    """A check failed; the message says which and why."""


def _say(text: str) -> None:
    print(f"selftest: {text}", flush=True)   # print() is a no-op when stdout is None


def _application():
    """The QApplication (created once, offscreen unless --show; kept referenced)."""
    global _APP
    from PySide6.QtWidgets import QApplication
    import initviz.ui  # noqa: F401  (QT_API=pyside6 before pyqtgraph)
    _APP = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "initviz"])
    return _APP


_APP = None


def _sha256(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _find(*parts: str):
    from initviz.resources import resource_path
    try:
        return resource_path(*parts)
    except FileNotFoundError as exc:
        raise SelftestError(str(exc)) from None


# -- resources (no Qt) -----------------------------------------------------------------------
def check_mnist() -> str:
    from initviz.engine.mnist import BUNDLED_FILES, read_idx
    arrays = {}
    for name, (sha, size) in BUNDLED_FILES.items():
        path = _find("mnist", name)
        actual_size = path.stat().st_size
        if actual_size != size:
            raise SelftestError(f"{path}: {actual_size:,} bytes, expected {size:,}")
        actual = _sha256(path)
        if actual != sha:
            raise SelftestError(f"{path}: sha256 {actual}, expected {sha}")
        arrays[name] = read_idx(path)
    images = arrays["t10k-images-idx3-ubyte.gz"]
    labels = arrays["t10k-labels-idx1-ubyte.gz"]
    if images.shape != (10000, 28, 28) or labels.shape != (10000,):
        raise SelftestError(f"MNIST decoded to shapes {images.shape} and {labels.shape}")
    _find("mnist", "README.md")
    return f"MNIST: {len(BUNDLED_FILES)} files, sha256 ok, {images.shape[0]:,} images decoded"


def check_licences() -> str:
    for name in LICENCE_FILES:
        path = _find("licenses", name)
        if path.stat().st_size == 0:
            raise SelftestError(f"{path} is empty")
    return f"licences: {len(LICENCE_FILES)} files"


def check_parallel() -> str:
    """A two-run comparison on bundled MNIST in two worker processes (spawn: the bundle starts
    itself again) gives the losses of the same comparison in this process."""
    import numpy as np
    from initviz.engine.config import ExperimentConfig, merge
    from initviz.engine.parallel import ParallelRun
    from initviz.engine.runner import run_experiment
    config = merge(ExperimentConfig(), {
        "data": {"name": "mnist", "source": "bundled", "probe_samples": 100},
        "network": {"hidden": [32], "activation": "relu"},
        "train": {"steps": 20, "batch_size": 64},
        "runs": [{"label": "a", "init": {"scheme": "kaiming_normal"}},
                 {"label": "b", "init": {"scheme": "normal", "std": 0.1}}]})

    def losses(stream):
        out = {0: [], 1: []}
        for s in stream:
            out[s.run_index] += s.losses.tolist()
            if s.stage == "failed":
                raise SelftestError(f"parallel run {s.label}: {s.message}")
        return out
    run = ParallelRun(config, 2, snapshot_seconds=1e9)
    many = losses(run.snapshots())
    one = losses(run_experiment(config, snapshot_seconds=1e9))
    if not (len(one[0]) == 20 and all(np.array_equal(one[i], many[i]) for i in (0, 1))):
        raise SelftestError("a comparison in worker processes gave other losses than in one")
    pids = ", ".join(str(w.pid) for w in run.workers)
    return f"parallel: two runs in worker processes {pids}, the same losses as in one process"


# -- resources that need Qt ------------------------------------------------------------------
def check_icon() -> str:
    from PySide6.QtGui import QIcon, QImage
    from PySide6.QtSvg import QSvgRenderer
    svg = _find("icons", "initviz.svg")
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SelftestError(f"{svg} is not a valid SVG (or QtSvg is missing)")
    for name in ICON_FILES[1:]:
        path = _find("icons", name)
        image = QImage(str(path))
        if image.isNull():
            raise SelftestError(f"{path} does not load as an image")
    if QIcon(str(svg)).pixmap(48, 48).isNull():
        raise SelftestError(f"{svg} does not render as an icon (SVG icon engine missing?)")
    return "icon: SVG and PNGs load and render"


def check_translations() -> str:
    """Every language initviz offers loads (through initviz.ui.i18n, as the app does), and
    every .qm under resources/translations is a valid catalogue."""
    from PySide6.QtCore import QTranslator
    try:
        folder = _find("translations")
    except SelftestError:
        return "translations: none bundled"
    files = sorted(folder.glob("*.qm"))
    for path in files:
        if not QTranslator().load(str(path)):
            raise SelftestError(f"{path} does not load as a Qt translation")
    if getattr(sys, "frozen", False):
        for ts in sorted(folder.glob("initviz_*.ts")):
            if not ts.with_suffix(".qm").exists():
                raise SelftestError(f"{ts.name} has no compiled {ts.with_suffix('.qm').name} "
                                    "in the bundle (packaging/build.py compiles them)")
    languages = []
    try:
        from initviz.ui import i18n
        offered = [lang for lang in i18n.available_languages() if lang != "en"]
    except (ImportError, AttributeError):
        offered = []          # the UI has no language switch (yet): the .qm check above is all
    try:
        for lang in offered:
            if i18n.set_language(lang) != lang:
                raise SelftestError(f"language {lang!r} is offered but its catalogue does "
                                    "not load")
            languages.append(lang)
    finally:
        if offered:
            i18n.set_language("en")
    return (f"translations: {len(files)} .qm file(s) load"
            + (f"; languages {', '.join(languages)} switch on" if languages else ""))


# -- the window ------------------------------------------------------------------------------
def run_window(preset: str, timeout_s: float) -> str:
    import initviz.ui  # noqa: F401  (QT_API=pyside6 before pyqtgraph)
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from initviz.engine import presets

    if preset not in presets.PRESETS:
        raise SelftestError(f"unknown preset {preset!r}; known: "
                            f"{', '.join(sorted(presets.PRESETS))}")
    app = _application()
    from initviz.ui.look.themes import configure_application
    configure_application(app)              # as initviz.ui.app.main starts
    from initviz.ui.main_window import MainWindow

    state: dict = {"error": None, "drawn_at": None}
    loop = QEventLoop()

    def fail(message: str) -> None:
        if state["error"] is None:
            state["error"] = message
        loop.quit()

    def on_drawn() -> None:
        state["drawn_at"] = time.perf_counter()
        loop.quit()

    def close_dialogs() -> None:
        # A run's error or a crash report opens a modal QMessageBox: report it, close it.
        widget = QApplication.activeModalWidget()
        while widget is not None:
            text = getattr(widget, "text", lambda: "")()
            fail(f"a dialog opened: {widget.windowTitle()}: {text}".strip())
            widget.close()
            if hasattr(widget, "reject"):
                widget.reject()
            nxt = QApplication.activeModalWidget()
            if nxt is widget:
                break
            widget = nxt

    old_hook = sys.excepthook

    def hook(exc_type, exc, tb):
        import traceback
        fail("uncaught exception:\n" + "".join(traceback.format_exception(exc_type, exc, tb)))

    sys.excepthook = hook
    window = None
    watchdog = QTimer()
    watchdog.setInterval(100)
    watchdog.timeout.connect(close_dialogs)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(lambda: fail(
        f"timed out: preset {preset!r} drew no result within {timeout_s:g} s"))
    try:
        t0 = time.perf_counter()
        window = MainWindow()
        window.resize(1280, 800)
        window.result_drawn.connect(on_drawn)
        window.controller.run_failed.connect(lambda message: fail(f"the run failed: {message}"))
        window.show()
        watchdog.start()
        deadline.start(int(timeout_s * 1000))
        window.load_preset(preset)
        if state["error"] is None and state["drawn_at"] is None:
            loop.exec()
        if state["error"] is None:
            close_dialogs()
        if state["error"] is not None:
            raise SelftestError(state["error"])
        first = state["drawn_at"] - t0
        if not window.histories or any(h.layers is None for h in window.histories):
            raise SelftestError("result_drawn was emitted but a run has no layer statistics")
        window.draw_all()           # every pane, not just the visible tab
        app.processEvents()
        image = window.grab()
        if image.isNull() or image.width() < 200:
            raise SelftestError("the window did not render")
        if state["error"] is not None:
            raise SelftestError(state["error"])
        return (f"window: preset {preset!r} ({len(window.histories)} runs) drew its first "
                f"result in {first:.2f} s; all {len(window.panes)} panes drew; "
                f"platform {app.platformName()}")
    finally:
        deadline.stop()
        watchdog.stop()
        if window is not None:
            window.controller.stop()
            window.close()          # closeEvent stops the timers and waits for the thread
            window.deleteLater()
            app.processEvents()
        sys.excepthook = old_hook


def _parse(argv):
    p = argparse.ArgumentParser(prog="initviz --selftest", description=(
        "Check that initviz works: resources present and intact, the window opens "
        "offscreen and a preset draws its first result. Exit status 0 on success."))
    p.add_argument("--preset", default=DEFAULT_PRESET, metavar="KEY",
                   help=f"preset to run (default {DEFAULT_PRESET})")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, metavar="SECONDS",
                   help=f"give up after this long (default {DEFAULT_TIMEOUT_S:g})")
    p.add_argument("--show", action="store_true",
                   help="use the real display instead of the offscreen platform")
    return p.parse_args(argv)


def main(argv) -> int:
    argv = [a for a in argv if a != "--selftest"]
    args = _parse(argv)
    if not args.show:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    t0 = time.perf_counter()
    # The window saves its geometry, language and last preset on close: keep the user's
    # settings file out of it.
    settings_dir = tempfile.TemporaryDirectory(prefix="initviz-selftest-")
    saved_env = os.environ.get(SETTINGS_ENV)
    os.environ[SETTINGS_ENV] = os.path.join(settings_dir.name, "settings.ini")
    try:
        return _run(args, t0)
    finally:
        if saved_env is None:
            os.environ.pop(SETTINGS_ENV, None)
        else:
            os.environ[SETTINGS_ENV] = saved_env
        settings_dir.cleanup()


def _run(args, t0: float) -> int:
    frozen = "frozen (PyInstaller)" if getattr(sys, "frozen", False) else "from source"
    from initviz import __version__
    _say(f"initviz {__version__}, {frozen}, Python {sys.version.split()[0]}, {sys.platform}")
    try:
        for check in (check_mnist, check_licences, check_parallel):
            _say(check())
        from PySide6.QtCore import qVersion
        _application()
        _say(f"Qt {qVersion()}")
        for check in (check_icon, check_translations):
            _say(check())
        _say(run_window(args.preset, args.timeout))
    except SelftestError as exc:
        print(f"initviz selftest FAILED: {exc}", file=sys.stderr, flush=True)
        return 1
    except Exception as exc:  # noqa: BLE001 - a broken bundle fails with a message, not a trace
        import traceback
        traceback.print_exc()
        print(f"initviz selftest FAILED: {type(exc).__name__}: {exc}", file=sys.stderr,
              flush=True)
        return 1
    _say(f"passed in {time.perf_counter() - t0:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

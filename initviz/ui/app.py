"""``initviz [--preset KEY] [--screenshot PNG] [--size WxH] [FILE]``: the desktop window."""
from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from initviz.safe_io import WriteError, write_file

from .files.exporter import png_bytes
from .look.themes import configure_application
from .panes.registry import KEYS

# A run not finished by then is taken as it stands (20 s caught two presets mid-run on a
# slow 2-core machine).
SCREENSHOT_TIMEOUT_MS = 180_000



def _set_icon(app) -> None:
    from PySide6.QtGui import QIcon
    from initviz.resources import resource_path
    icon = QIcon()
    for name in ("initviz-64.png", "initviz-256.png"):
        try:
            icon.addFile(str(resource_path("icons", name)))
        except FileNotFoundError:  # an icon is nice to have, never a reason to fail
            pass
    app.setWindowIcon(icon)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x800, not {text!r}")
    if w < 200 or h < 200:
        raise argparse.ArgumentTypeError(f"window size {text} is too small")
    return w, h


def parse_args(argv, lang: str = "en"):
    """The options, in ``lang``; parsed before Qt starts, so ``--help`` needs no display."""
    from initviz.engine import presets
    from initviz.translations import QT_TRANSLATE_NOOP
    from initviz.translations import available, translate, use_for_argparse

    def t(text: str) -> str:
        return translate(lang, "app", text)
    use_for_argparse(lang)
    p = argparse.ArgumentParser(prog="initviz", description=t(QT_TRANSLATE_NOOP(
        "app", "See what weight initialization does to every layer of a neural network. "
        "`initviz run|list|schemes --help` shows the commands that need no window.")))
    p.add_argument("--preset", choices=sorted(presets.PRESETS), metavar="KEY",
                   help=t(QT_TRANSLATE_NOOP("app", "open with this preset loaded and running")))
    p.add_argument("--screenshot", metavar="PNG", help=t(QT_TRANSLATE_NOOP(
        "app", "save the window as PNG when the run has finished (after 3 minutes at the "
        "latest), then exit")))
    p.add_argument("--size", type=_size, metavar="WxH",
                   help=t(QT_TRANSLATE_NOOP("app", "window size")))
    p.add_argument("--tab", choices=KEYS, metavar="TAB", help=t(QT_TRANSLATE_NOOP(
        "app", "open on this tab: {0}")).format(", ".join(KEYS)))
    p.add_argument("--presentation", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "app", "start in presentation mode (full screen, large type)")))
    p.add_argument("--lang", choices=available(), help=t(QT_TRANSLATE_NOOP(
        "app", "language of the interface (default: the last one chosen, else the system's)")))
    p.add_argument("file", nargs="?", metavar="FILE", help=t(QT_TRANSLATE_NOOP(
        "app", "an experiment or config file (.json) to open and run, as a double-click "
        "on it does")))
    return p.parse_args(argv)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    from initviz.translations import language_from
    args = parse_args(argv, language_from(argv))
    app = QApplication.instance() or QApplication([sys.argv[0]] if sys.argv else ["initviz"])
    configure_application(app)
    app.setApplicationName("initviz")
    app.setDesktopFileName("initviz")
    _set_icon(app)

    from . import i18n
    from .settings import Settings
    i18n.set_language(args.lang or Settings.shared().get("language") or i18n.system_language())
    from initviz.engine import worker_pool
    spares = worker_pool.spares_wanted()
    worker_pool.prepare(spares)     # they import the engine while the window is built
    from .main_window import MainWindow
    window = MainWindow()
    window.controller.spares = spares
    if args.size:
        window.resize(*args.size)
    else:
        screen = app.primaryScreen().availableGeometry()
        window.resize(min(1600, screen.width()), min(1000, screen.height()))
    window.show()
    window.presentation.restore_session(args.preset, size_given=bool(args.size))
    if args.presentation:
        window.presentation.set_presenting(True)
    if args.preset:
        window.load_preset(args.preset)
    status = {"code": 0}
    if args.file:
        if args.screenshot:     # nobody to click a dialog away: say it on stderr
            window.file_menu.warn = lambda title, text: print(f"initviz: {text}",
                                                              file=sys.stderr)
        if not window.file_menu.open_path(args.file) and args.screenshot:
            status["code"] = 2
    window.experiment.forget_history()     # what start-up showed is no change to undo
    window.edit_menu.refresh()
    if args.tab:
        window.show_pane(args.tab)
    if args.screenshot:
        path = args.screenshot

        def shoot():
            if status.get("shot"):
                return
            status["shot"] = True
            window.draw_all()
            app.processEvents()
            try:      # atomically, and a write error in one line, as every output
                write_file(path, png_bytes(window.grab().toImage(), path))
            except WriteError as exc:
                print(f"initviz: {exc}", file=sys.stderr)
                status["code"] = 2
            window.close()
            app.quit()

        def when_done(*_):
            if not window.controller.running:
                QTimer.singleShot(400, shoot)   # let the last frame and layout settle

        window.controller.run_finished.connect(when_done)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, shoot)
        if not (args.preset or (args.file and window.controller.running)):
            QTimer.singleShot(1500, shoot)
    code = app.exec()
    from .run import background
    background.wait_all()       # a step the closed window did not wait for
    return status["code"] or code

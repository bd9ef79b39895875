"""Entry script of the PyInstaller bundle (packaging/initviz.spec).

``initviz --selftest [...]`` runs initviz.selftest; anything else is ``initviz`` as installed
(initviz.__main__), with the crash reporter installed first: a windowed build has no console,
so an uncaught exception goes to a log file and a dialog instead.
"""
import os
import sys


def _streams() -> None:
    # A windowed Windows build starts with sys.stdout/stderr = None; some libraries write to
    # them directly. Give them somewhere harmless to go.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def main() -> int:
    _streams()
    argv = sys.argv[1:]
    if argv[:1] == ["--selftest"]:
        from initviz.selftest import main as selftest
        return selftest(argv[1:])
    from initviz import crash_report
    crash_report.install("initviz")
    from initviz.__main__ import main as initviz_main
    return initviz_main(argv)


if __name__ == "__main__":
    import multiprocessing
    # The worker processes of a comparison ("spawn") start the bundle again with
    # --multiprocessing-fork: this runs the worker instead of the app.
    multiprocessing.freeze_support()
    sys.exit(main())

"""Entry point: ``initviz run|list|schemes ...`` are headless (never import Qt); anything else
opens the window."""
from __future__ import annotations

import sys

HEADLESS = ("run", "list", "schemes", "sweep")


def _command(argv: list[str]) -> str | None:
    """The first word that is not ``--lang X``: a headless command, or an option."""
    i = 0
    while i < len(argv):
        if argv[i] == "--lang":
            i += 2
        elif argv[i].startswith("--lang="):
            i += 1
        else:
            return argv[i]
    return None


def main(argv: list[str] | None = None) -> int:
    import multiprocessing
    multiprocessing.freeze_support()  # a frozen app's sweep workers start here (spawn)
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["--selftest"]:
        from .selftest import main as selftest_main
        return selftest_main(argv[1:])
    if _command(argv) in HEADLESS:
        from .cli import main as cli_main
        return cli_main(argv)
    from . import crash_report
    crash_report.install("initviz")
    from .ui.app import main as app_main
    return app_main(argv)


if __name__ == "__main__":
    import multiprocessing
    multiprocessing.freeze_support()   # a frozen app's worker processes start here
    sys.exit(main())

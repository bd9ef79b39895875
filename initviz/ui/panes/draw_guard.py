"""Drawing that fails is shown, not fatal: the frame timer draws through ``DrawGuard.run``,
which shows an exception once in the status bar (per tab and kind of error, until the next
run), writes its traceback once to stderr, and lets the frame go on. Never the crash dialog,
never once per frame."""
from __future__ import annotations

import traceback

from PySide6.QtCore import QObject

from initviz.engine.limits import clean

SHOW_MS = 20000


class DrawGuard(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.errors: list[str] = []      # every message shown, in order (tests, the soak)
        self._seen: set = set()

    def new_run(self) -> None:
        """A new run may fail anew: say so again."""
        self._seen.clear()

    def draw(self, pane) -> bool:
        """Draw ``pane`` (one of the window's tabs) with the window's runs."""
        w = self.window
        return self.run(w.tabs.tabText(w.tabs.indexOf(pane)),
                        lambda: pane.draw(w.histories))

    def run(self, what: str, draw) -> bool:
        """Call ``draw()``; False if it raised (shown once)."""
        try:
            draw()
            return True
        except Exception as exc:  # noqa: BLE001 - a picture that cannot be drawn is news
            key = (what, type(exc).__name__)
            if key not in self._seen:
                self._seen.add(key)
                traceback.print_exc()
                detail = clean(str(exc).strip().splitlines()[0] if str(exc).strip() else "",
                               160)
                text = self.tr("The {0} tab could not be drawn ({1}{2}); the other tabs are "
                               "not affected").format(what, type(exc).__name__,
                                                      f": {detail}" if detail else "")
                self.errors.append(text)
                self.window.statusBar().showMessage(text, SHOW_MS)
            return False

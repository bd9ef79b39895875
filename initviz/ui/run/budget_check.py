"""The window's side of the pre-run check (``initviz.engine.budget``, shared with the command
line and the sweep): a run or sweep that cannot fit in this machine's memory is not started,
with the reason in the status bar and, when the user asked for it, in a warning; a long one is
announced in the status bar and starts."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from initviz.engine import budget

from ..i18n import error_text

SHOW_MS = 20000


def may_start(window, config, ask: bool) -> bool:
    """True if ``config`` may run; otherwise says why (``window.warn`` when ``ask``)."""
    title = QCoreApplication.translate("MainWindow", "Not enough memory for this run")
    return guard(window, lambda: budget.check(config), ask, title) is not None


def guard(window, check, ask: bool, title: str):
    """``check()``'s estimate, its warning shown in the status bar; None (and the reason shown,
    in ``window.warn(title, reason)`` too when ``ask``) when it raises BudgetError."""
    try:
        estimate = check()
    except budget.BudgetError as exc:
        text = error_text(exc)
        window.statusBar().showMessage(text, SHOW_MS)
        if ask:
            window.warn(title, text)
        return None
    if estimate.warning is not None:
        window.statusBar().showMessage(error_text(estimate.warning), SHOW_MS)
    return estimate

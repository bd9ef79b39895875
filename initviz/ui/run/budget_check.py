"""The window's side of the pre-run check (``initviz.engine.budget``, shared with the command
line and the sweep): a run that cannot fit in this machine's memory is not started, with the
reason in the status bar and, when the user asked for the run, in a warning; a long run is
announced in the status bar and starts."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from initviz.engine import budget

from ..i18n import error_text

SHOW_MS = 20000


def may_start(window, config, ask: bool) -> bool:
    """True if ``config`` may run; otherwise says why (``window.warn`` when ``ask``)."""
    try:
        estimate = budget.check(config)
    except budget.BudgetError as exc:
        text = error_text(exc)
        window.statusBar().showMessage(text, SHOW_MS)
        if ask:
            window.warn(QCoreApplication.translate("MainWindow", "Not enough memory for this "
                                                                 "run"), text)
        return False
    if estimate.warning is not None:
        window.statusBar().showMessage(error_text(estimate.warning), SHOW_MS)
    return True

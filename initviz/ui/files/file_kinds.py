"""The kinds of file the window opens besides experiment files: which file a drop carries,
and a sweep's CSV or JSON (``initviz sweep``'s), shown on the Sweep tab."""
from __future__ import annotations

from initviz.engine.experiment_file import SUFFIX

SWEEP_SUFFIXES = (".csv",)    # a sweep's JSON ends in SUFFIX, like an experiment file


def dropped_file(event) -> str | None:
    """The first local experiment or sweep file of a drag-and-drop event, if any."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith((SUFFIX,) + SWEEP_SUFFIXES):
            return url.toLocalFile()
    return None


def open_sweep(window, path, warn) -> bool:
    """Show the sweep in ``path`` on the window's Sweep tab; ``warn(text)`` with the one-line
    reason when it cannot be read (the tab then shows what it showed)."""
    pane = window.panes.get("sweep")
    if pane is None:
        return False
    reason = pane.open_sweep(path)
    if reason is not None:
        warn(reason)
        return False
    window.show_pane("sweep")
    return True

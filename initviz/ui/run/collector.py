"""Python's cyclic garbage collector runs in the GUI thread, between events, only.

Left automatic, it runs in whichever thread allocates when a threshold is passed: in the
engine's thread, where it may finalize Qt wrappers the GUI owns, or in the GUI thread in the
middle of a paint or a signal. The window's tests died with SIGSEGV while collecting in
fresh-clone CI runs of the last three sessions (once with the engine's thread in PySide's
import hook). pyqtgraph's GarbageCollector is the known cure: automatic collection off, a
timer in the GUI thread collects what the thresholds would have."""
from __future__ import annotations

from pyqtgraph.util.garbage_collector import GarbageCollector

_COLLECTOR: GarbageCollector | None = None


def collect_in_gui_thread(interval: float = 1.0) -> None:
    """Call in the GUI thread once there is an application (again: nothing changes)."""
    global _COLLECTOR
    if _COLLECTOR is None:
        _COLLECTOR = GarbageCollector(interval=interval)


def running() -> bool:
    """Is the GUI thread's collection timer on?"""
    return _COLLECTOR is not None and _COLLECTOR.timer.isActive()

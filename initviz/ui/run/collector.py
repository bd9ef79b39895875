"""Python's cyclic garbage collector runs in the GUI thread, between events, only.

Left automatic, it runs in whichever thread allocates when a threshold is passed: in the
engine's thread, where it may finalize Qt wrappers the GUI owns, or in the GUI thread in the
middle of a paint or a signal. The window's tests died with SIGSEGV while collecting in
fresh-clone CI runs of the last three sessions (once with the engine's thread in PySide's
import hook). pyqtgraph's GarbageCollector is the known cure: automatic collection off, a
timer in the GUI thread collects what the thresholds would have."""
from __future__ import annotations

import gc

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


_FROZEN = False


def freeze_startup_objects() -> bool:
    """Collect once, then move what is left out of the collector's sight (gc.freeze), once a
    process; True if it did. The ~90,000 objects of a window's start (Qt wrappers, pyqtgraph
    items, modules) were scanned again by each older-generation collection, and those came
    during runs: a generation-1 collection in a training run took 7.1 ms, 1.2 ms frozen
    (gap9/between.py). Objects frozen are never collected, hence once (a test session makes
    many windows)."""
    global _FROZEN
    if _FROZEN:
        return False
    _FROZEN = True
    gc.collect()
    gc.freeze()
    return True

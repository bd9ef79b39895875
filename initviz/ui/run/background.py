"""Threads the window no longer waits for: a worker in the middle of one long step (a deep
network's training batch) when the window closes. The window closes at once; the thread is
kept referenced here (a QThread destroyed while it runs aborts the process) and waited for
after the event loop has ended (``app.main``) or, at the latest, at interpreter exit."""
from __future__ import annotations

import atexit
import sys

_KEPT: list = []


def keep(thread, *objects) -> None:
    """Hold ``thread`` and the objects it runs (its worker) until it has finished."""
    entry = (thread, objects)
    _KEPT.append(entry)


def pending() -> int:
    """How many kept threads still run."""
    return sum(1 for thread, _ in _KEPT if thread.isRunning())


def wait_all() -> None:
    """Wait for every kept thread; the process may then end cleanly."""
    while _KEPT:
        thread, _ = _KEPT.pop()
        if thread.isRunning():
            print(f"initviz: waiting for {thread.objectName()} to finish its step",
                  file=sys.stderr)
            thread.wait()


atexit.register(wait_all)

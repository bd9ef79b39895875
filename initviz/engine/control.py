"""Cooperative run control shared by a runner and whoever drives it (a thread, a test).

The runner calls ``checkpoint()`` between steps: it blocks while paused, lets exactly one step
through after ``step_once()``, and tells the runner to stop. No Qt here.

Worker processes cannot share this object: ``watch(callback)`` tells the parallel layer of
every change, which it mirrors into memory the workers read (engine/worker_process.py)."""
from __future__ import annotations

import threading


class RunControl:
    def __init__(self):
        self._cond = threading.Condition()
        self._stop = False
        self._paused = False
        self._grant = 0
        self.steps_granted = 0   # step_once() calls so far, never decremented
        self.snapshot_requested = False
        self.layer_requests = 0   # request_layers() calls so far, never decremented
        self.validate_start = False   # a run measured untrained: its loss at step 0 too
        self._watchers: list = []

    def watch(self, callback) -> None:
        """Call ``callback(self)`` after every stop, pause, resume and step_once."""
        self._watchers.append(callback)
        callback(self)

    def unwatch(self, callback) -> None:
        if callback in self._watchers:
            self._watchers.remove(callback)

    def _changed(self) -> None:
        for callback in list(self._watchers):
            callback(self)

    @property
    def stopped(self) -> bool:
        return self._stop

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def pending_steps(self) -> int:
        """Steps granted by step_once() that the runner has not taken yet."""
        return self._grant

    def _set(self, name: str, value: bool) -> None:
        with self._cond:
            setattr(self, name, value)
            self._cond.notify_all()        # a waiting runner looks again
        self._changed()

    def stop(self) -> None:
        self._set("_stop", True)

    def pause(self) -> None:
        self._set("_paused", True)

    def resume(self) -> None:
        self._set("_paused", False)

    def step_once(self) -> None:
        """While paused, let one more step run and ask for a snapshot after it."""
        with self._cond:
            self._paused = True
            self._grant += 1
            self.steps_granted += 1
            self._cond.notify_all()
        self._changed()

    def request_layers(self) -> None:
        """Ask for the per-layer statistics of every run once more, soon (between two steps,
        within the runner's limit on what measuring may cost)."""
        self.layer_requests += 1
        self._changed()

    def checkpoint(self) -> bool:
        """Wait while paused; return True if the run must stop."""
        with self._cond:
            while self._paused and not self._stop and self._grant == 0:
                self._cond.wait(0.25)
            if self._grant and self._paused:
                self._grant -= 1
                self.snapshot_requested = True
            return self._stop

"""SIGTERM and SIGHUP handled like Ctrl+C by the headless commands (standard library only):
each raises ``Interrupted`` (a KeyboardInterrupt, so the commands' ``except
KeyboardInterrupt`` keeps what is finished) and the command exits with 128 + the signal's
number. A signal that arrives while a result is being written waits until it is written.
After the first signal the defaults are back: a second one ends the command at once (its
worker processes notice and end too)."""
from __future__ import annotations

import signal
from contextlib import contextmanager

NAMES = ("SIGINT", "SIGTERM", "SIGHUP")


class Interrupted(KeyboardInterrupt):
    def __init__(self, signum: int = signal.SIGINT):
        super().__init__(signum)
        self.signum = int(signum)

    @property
    def name(self) -> str:
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return str(self.signum)


def exit_code(exc: BaseException) -> int:
    """128 + the signal's number (130 for Ctrl+C), as a shell reports a command it ended."""
    return 128 + getattr(exc, "signum", int(signal.SIGINT))


class Interrupts:
    """``with Interrupts() as guard:`` the signals raise Interrupted in the main thread;
    ``with guard.held():`` defers them to the end of the block; ``guard.check()`` raises one
    that was lost on the way."""

    def __init__(self):
        self._held = 0
        self._pending: int | None = None
        self._saved: dict = {}
        self.received: int | None = None

    def _handler(self, signum, frame):
        self.received = signum
        self._restore()            # a second signal: the default, at once
        if self._held:
            self._pending = signum
            return
        raise Interrupted(signum)

    def __enter__(self) -> "Interrupts":
        for name in NAMES:
            sig = getattr(signal, name, None)   # SIGHUP does not exist on Windows
            if sig is None:
                continue
            try:
                self._saved[sig] = signal.signal(sig, self._handler)
            except (ValueError, OSError):       # not the main thread: leave the defaults
                pass
        return self

    def __exit__(self, *exc) -> None:
        self._restore()

    def _restore(self) -> None:
        saved, self._saved = self._saved, {}
        for sig, handler in saved.items():
            signal.signal(sig, handler)

    def check(self) -> None:
        """Raise Interrupted if a signal came. The handler raises where the main thread happens
        to be, and there it can be lost: in a ``__del__`` or a weakref callback run by the
        garbage collector, Python reports the exception and goes on. A loop that calls this
        each turn ends all the same. (In a CI run of 2026-12-02 `initviz run` trained on
        after a SIGTERM, its main thread waiting for snapshots; a lost raise is the likely
        cause, not a proven one.)"""
        if self.received is not None and not self._held:
            raise Interrupted(self.received)

    @contextmanager
    def held(self):
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            pending, self._pending = self._pending, None
            if pending is not None and not self._held:
                raise Interrupted(pending)

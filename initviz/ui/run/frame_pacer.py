"""When the window draws while a run streams in: often enough to look alive, seldom enough
that drawing takes only a small share of a core the training needs.

On a machine whose cores all train (two runs in two worker processes on two cores, or one
run in the window's own process, where drawing holds the interpreter lock the engine needs),
every millisecond the GUI thread spends drawing is a millisecond of training lost. So a frame
is drawn only when the GUI thread's CPU time since the last frame (that frame's drawing and
painting, storing the snapshots, whatever else) is at most ``GUI_SHARE`` of the wall time
since then: with 6 %, a pane that costs 4 ms a frame draws up to 15 frames a second, one that
costs 12 ms 5. The budget follows the measured cost, on any machine and any load, and
nothing is dropped: the snapshots are all stored, only the drawing waits, and the end of a
run is always drawn (the window draws it at once, not through this pacer). With a core to
spare (fewer workers than cores) the window draws at the full frame rate.

The status line (step, speed, time left, progress bar: the bar repaints at once, not with the
next frame) is brought up to date at most every ``STATUS_SECONDS``."""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

from initviz.engine import parallel

FRAME_MS = 33            # the timer: ~30 frames a second at most
GUI_SHARE = 0.06         # of one core, while every core trains
LONGEST_WAIT = 1.0       # seconds: a frame at least this often, whatever it costs
STATUS_SECONDS = 0.25


class FramePacer(QObject):
    """Owns the window's frame timer; each tick calls ``draw(status=...)`` when a frame is
    due. ``draw`` returns True if it drew (False: nothing new to draw)."""

    def __init__(self, parent, draw, clock=time.perf_counter, cpu=time.thread_time):
        super().__init__(parent)
        self._draw, self.clock, self.cpu = draw, clock, cpu
        self.share = GUI_SHARE
        self.frames = 0                  # frames drawn through the pacer (benchmarks)
        self._last: tuple[float, float] | None = None   # (wall, GUI thread CPU) at a frame
        self._status = -float("inf")
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def start_run(self, config) -> None:
        """A run of ``config`` starts: its first frame is due at once."""
        self.share = 1.0 if parallel.cores_left(config) else GUI_SHARE
        self._last, self._status = None, -float("inf")

    def due(self) -> bool:
        if self._last is None:
            return True
        wall = self.clock() - self._last[0]
        return wall >= LONGEST_WAIT or self.cpu() - self._last[1] <= self.share * wall

    def tick(self) -> None:
        if not self.due():
            return
        now, cpu = self.clock(), self.cpu()
        status = now - self._status >= STATUS_SECONDS
        if self._draw(status=status):
            self.frames += 1
            self._last = (now, cpu)
            if status:
                self._status = now

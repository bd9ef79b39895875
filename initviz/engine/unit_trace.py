"""The weights the Boundary tab's unit lines follow (``track_units``): each tracked unit of
hidden layer 1, its weight from one input, recorded at every ``stride``-th training step. The
stride comes from the run's length alone, never from how often snapshots are taken, so a line
has the same points at any frame rate and in worker processes; each snapshot carries the points
recorded since the previous one, like the loss points. A handful of numbers per step."""
from __future__ import annotations

import numpy as np

from .snapshot import frozen

LINE_POINTS = 1000    # at most about this many points a line (plus the start and the end)


class UnitTrace:
    def __init__(self, total_steps: int, row: int, columns: int, dtype):
        self.dtype = dtype
        self.stride = max(1, -(-total_steps // LINE_POINTS))
        self.total = total_steps
        self.row, self.columns = row, columns       # which weights of layer 1's matrix
        self.steps: list[int] = []
        self.values: list[np.ndarray] = []
        self.sent = 0

    def record(self, step: int, W: np.ndarray, last: bool = False) -> None:
        """Weights ``W`` (layer 1's, fan_in × units) as they stand after ``step`` updates;
        kept at the stride's steps, the start, and ``last`` (the run's final step)."""
        if step % self.stride and step != self.total and not last:
            return
        if self.steps and self.steps[-1] == step:
            return
        self.steps.append(step)
        self.values.append(np.array(W[self.row, :self.columns]))

    def take(self) -> tuple[np.ndarray, np.ndarray]:
        """(steps, values (points, units)) recorded since the last call."""
        new = slice(self.sent, None)
        self.sent = len(self.steps)
        steps, values = self.steps[new], self.values[new]
        shape = (len(values), self.columns)
        return (frozen(steps, np.int64),
                frozen(np.stack(values) if values else np.empty(shape, self.dtype)))

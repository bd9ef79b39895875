"""What the runs of a comparison share in one process (engine/runner.py): the batches of their
common data order, the zero columns of fixed batches, the probe batch's moments, and the arrays
of the statistics and of the validation passes."""
from __future__ import annotations

import numpy as np

from . import stats
from .data import Dataset
from .network import Network, nonzero_columns


class SharedBatches:
    """What the runs of a comparison share. They all draw the same data order, so one gather
    of a batch (and one search for its zero columns) serves every run with that batch size;
    the zero columns of fixed batches (validation chunks) and the probe's moments are found
    once for all; and the statistics and the validation passes reuse one set of arrays."""

    def __init__(self):
        self._last: dict = {}
        self._fixed: dict = {}
        self._eval: dict = {}
        self._moments = None
        self.scratch = stats.Scratch()  # the runs measure one after another, in one thread

    def eval_arrays(self, net: Network, n: int):
        """The arrays of an evaluation pass of n samples, shared by the networks of a layout
        (the runs validate one after another, each using its pass's result at once)."""
        key = (net.layout, n)
        if key not in self._eval:
            self._eval[key] = net.eval_arrays(n)
        return self._eval[key]

    def fixed_columns(self, key, x: np.ndarray):
        """nonzero_columns of a batch that never changes (a validation chunk, the whole
        training set). Not used for the probe: it stays bit for bit the plain product, so the
        state at initialization is exactly what it always was."""
        if key not in self._fixed:
            self._fixed[key] = nonzero_columns(x)
        return self._fixed[key]

    def probe_moments(self, data: Dataset):
        """E[x], E[x²] of the probe batch, for the predicted spreads of every run."""
        if self._moments is None:
            self._moments = stats.input_moments(data.x_probe)
        return self._moments

    def gather(self, data: Dataset, idx: np.ndarray):
        hit = self._last.get(len(idx))
        if hit is not None and np.array_equal(hit[0], idx):
            return hit[1:]
        x, y = np.take(data.x_train, idx, axis=0), data.y_train[idx]
        columns = nonzero_columns(x)
        for a in (x, y) + (columns or ()):
            a.setflags(write=False)  # shared between runs
        self._last[len(idx)] = (idx.copy(), x, y, columns)
        return x, y, columns

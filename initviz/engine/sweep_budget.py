"""The pre-run check of ``budget`` for a whole sweep: every cell's config is estimated before
the sweep starts. The largest cell decides the memory (as many cells at a time as there are
workers, each in its own process); the time is the sum over the runs divided by the workers.

Only the axes that change a run's size are walked cell by cell: the weight scale, the bias
scale and the seed change neither its memory nor its time, so a 20 × 10 σ_w² × depth grid
estimates 10 configs (the click on Run sweep stays short), and their times count 20 times.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import budget
from .errors import QT_TRANSLATE_NOOP, Said
from .sweep import ALIASES, SweepSpec, cell_config

TOO_BIG = QT_TRANSLATE_NOOP(
    "errors", "the largest cell of this sweep ({0}) needs about {1} of memory, {2} at a time, "
    "and this machine has {3}; lower {4}")
TOO_LONG = QT_TRANSLATE_NOOP(
    "errors", "this sweep will take about {0} minutes ({1} runs on {2} workers); lower "
    "train.steps, {3} or the number of values to make it shorter")
# init fields that change a run's size (budget.estimate reads these two)
SIZED_INIT = ("init.scheme", "init.rbm_epochs")


class SweepBudgetError(budget.BudgetError):
    """A sweep whose largest cell cannot fit; the message names the axes to lower."""


@dataclass(frozen=True)
class SweepEstimate:
    bytes: int                   # the largest cell's
    seconds: float               # the whole sweep's, on ``workers`` at a time
    workers: int
    warning: Said | None = None


def sizes_run(field: str) -> bool:
    """Whether an axis over ``field`` changes a run's memory or time."""
    if field in ALIASES or field == "seed":
        return False
    return not field.startswith("init.") or field in SIZED_INIT


def check_sweep(spec: SweepSpec, workers: int, memory: int | None = None) -> SweepEstimate:
    """Refuse (SweepBudgetError) a sweep whose largest cell cannot fit, ``workers`` cells at a
    time, in ``memory`` bytes (default: this machine's); otherwise the estimate, with a warning
    if the sweep will take long. ``workers``: cells run at once (0, in line, counts as 1)."""
    parallel = max(1, min(workers, len(spec.tasks())))
    sized = [sizes_run(a.field) for a in spec.axes]
    repeat = spec.seeds
    for axis, s in zip(spec.axes, sized):
        repeat *= 1 if s else len(axis.values)
    cells = [()]
    for axis, s in zip(spec.axes, sized):
        cells = [c + (v,) for c in cells for v in (axis.values if s else axis.values[:1])]
    have = budget.memory_limit() if memory is None else memory
    seconds, worst = 0.0, None
    for cell in cells:
        # memory=the largest int: the estimate and its weightiest fields, never a refusal
        est = budget.check(cell_config(spec, cell, spec.base.seed), memory=2 ** 62)
        seconds += est.seconds * repeat
        if worst is None or est.bytes > worst[0].bytes:
            worst = (est, cell)
    est, cell = worst
    seconds /= parallel
    swept = [a.field for a, s in zip(spec.axes, sized) if s]
    if est.bytes * parallel > budget.SHARE_OF_MEMORY * have:
        lower = swept + [f for f in est.fields if f not in swept]
        where = ", ".join(f"{a.field}={v}" for a, v in zip(spec.axes, cell)) or "-"
        raise SweepBudgetError(TOO_BIG, where, budget._size(est.bytes), parallel,
                               budget._size(have), ", ".join(lower[:4]) or "network.width")
    warning = None
    if seconds > budget.LONG_SECONDS:
        warning = Said(TOO_LONG, max(1, round(seconds / 60)), len(spec.tasks()), parallel,
                       ", ".join(swept + ["seeds"]))
    return SweepEstimate(est.bytes, seconds, parallel, warning)

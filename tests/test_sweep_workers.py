"""Worker processes kept from one sweep to the next (engine/sweep_exec.py WorkerPool, the Sweep
tab's): started ahead of the sweep, reused, the same numbers as one process, and gone after
shutdown; and the Linux thread priority their start uses (no Qt)."""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time

import pytest

from initviz.engine.sweep import make_spec, parse_axis
from initviz.engine.sweep_exec import WorkerPool, lower_thread_priority, run_sweep
from test_sweep import BASE


def test_a_kept_pool_is_started_ahead_reused_and_gives_the_numbers_of_one_process():
    spec = make_spec(BASE.replace(train=BASE.train.replace(steps=0)),
                     [parse_axis("network.depth=2,3"), parse_axis("sigma_w2=1,2")], 1)
    inline = dict(run_sweep(spec, workers=0))
    before = set(multiprocessing.active_children())
    workers = WorkerPool(nice=False)
    try:
        workers.warm(2)
        pool = workers.get(2)
        first = dict(run_sweep(spec, workers=2, pool=pool))
        started = set(multiprocessing.active_children()) - before
        assert 0 < len(started) <= 2                   # at most the 2 asked for
        assert workers.get(2) is pool                  # kept for the next sweep
        again = dict(run_sweep(spec, workers=2, pool=pool))
        assert first == inline and again == inline
        # the warming thread ends once it has read its answers, which the sweeps may have
        # overtaken: it is waited for (a CI run found it alive for an instant), not timed
        for _ in range(400):
            if workers.ready:
                break
            time.sleep(0.05)
        assert workers.ready
    finally:
        workers.shutdown()
    assert not started & set(multiprocessing.active_children())   # shutdown ended them
    assert workers.get(0) is None                      # 0 workers: the cells run in line


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_only_the_calling_thread_is_lowered():
    main_tid = threading.get_native_id()
    main_nice = os.getpriority(os.PRIO_PROCESS, main_tid)
    seen = []

    def lowered():
        tid = threading.get_native_id()
        before = os.getpriority(os.PRIO_PROCESS, tid)
        lower_thread_priority()
        seen.append((before, os.getpriority(os.PRIO_PROCESS, tid)))
    t = threading.Thread(target=lowered)
    t.start()
    t.join()
    (before, after), = seen
    assert after == min(19, before + 10) and after > before or before == 19
    assert os.getpriority(os.PRIO_PROCESS, main_tid) == main_nice

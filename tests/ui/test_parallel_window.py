"""The window with a comparison in worker processes: the runs train there, stop, pause,
single step, reset and closing reach every worker, a killed worker fails only its run, and
no worker outlives the run or the window."""
import os
import signal
import sys

import pytest

from initviz.engine import parallel
from initviz.engine.config import ExperimentConfig, merge
from processes import workers

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytest.fixture(autouse=True)
def every_comparison_in_workers(monkeypatch):
    """Small comparisons would stay in the window's process: send them to workers."""
    monkeypatch.setattr(parallel, "MIN_PARALLEL_WORK", 0)


def comparison(steps=1_000_000):
    return merge(ExperimentConfig(), {
        "data": {"name": "normal", "samples": 200, "features": 10, "probe_samples": 100},
        "network": {"depth": 2, "width": 16, "activation": "tanh"},
        "train": {"steps": steps, "batch_size": 32, "eval_every": 10},
        "runs": [{"label": "a", "init": {"scheme": "xavier_normal"}},
                 {"label": "b", "init": {"scheme": "normal", "std": 0.5}}]})


def start_paused(qtbot, window, steps=1_000_000):
    window.start(comparison(steps), paused=True)
    qtbot.waitUntil(lambda: len(window.histories) == 2 and
                    all(h.layers is not None for h in window.histories), timeout=60000)
    assert len(workers()) == 2   # one per run on this machine's cores (at least two)


@pytest.fixture(autouse=True)
def two_cores(monkeypatch):
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)


def test_single_step_pause_and_stop_reach_every_worker(qtbot, window):
    start_paused(qtbot, window)
    for k in (1, 2):
        window.step()
        qtbot.waitUntil(lambda: all(h.step == k for h in window.histories), timeout=60000)
    window.toggle_pause()   # run
    qtbot.waitUntil(lambda: all(h.step > 5 for h in window.histories), timeout=60000)
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        window.stop()
    assert [h.stage for h in window.histories] == ["stopped", "stopped"]
    assert not workers()


def test_a_comparison_in_workers_runs_to_the_end(qtbot, window):
    start_paused(qtbot, window, steps=300)
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        window.toggle_pause()
    assert [(h.stage, h.step) for h in window.histories] == [("done", 300), ("done", 300)]
    assert len(window.histories[0].losses) == 300   # no loss point lost on the way
    assert not workers()


def test_reset_and_close_leave_no_worker(qtbot, window):
    start_paused(qtbot, window)
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        window.reset()   # the panel's config at initialization: in this process
    assert not workers()
    start_paused(qtbot, window)
    window.close()
    assert not workers()
    assert not any(t.isRunning() for t in window.controller.threads())


def test_a_killed_worker_fails_its_run_and_the_other_goes_on(qtbot, window):
    start_paused(qtbot, window, steps=2000)
    os.kill(min(workers()), signal.SIGKILL)   # the first started: run "a"
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        window.toggle_pause()
    stages = sorted((h.stage, h.step) for h in window.histories)
    assert stages[0] == ("done", 2000) and stages[1][0] == "failed"
    window.draw_all()
    statuses = [row[-1] for row in window.panes["table"].rows()]
    assert any(s.startswith("failed: its worker process ended unexpectedly") for s in statuses)

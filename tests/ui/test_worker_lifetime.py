"""No worker process outlives the window: the Sweep tab's pool (warmed WARM_MS after the tab
is shown) and the Jacobian tab's spectra process end when the window closes, whenever it
closes."""
import os
import signal
import time

from PySide6.QtTest import QTest
from processes import alive, workers

from initviz.engine import worker_pool
from initviz.engine.presets import PRESETS
from initviz.ui.main_window import MainWindow
from initviz.ui.panes import jacobian_pane
from initviz.ui.panes.sweep_pane import WARM_MS


def never_ends(config):
    """Spectra that take longer than any test (run in the worker process)."""
    time.sleep(90)


def shown(qtbot, key):
    qtbot.waitUntil(lambda: not workers(), timeout=30000)   # earlier tests' have ended
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.show_pane(key)
    return w


def end_leftovers(w):
    """On failure, end what the test started (later tests count workers)."""
    for pid in workers():
        os.kill(pid, signal.SIGKILL)
    for pane in w.panes.values():
        pane.shutdown()


def test_a_window_closed_before_the_sweep_pool_warms_starts_no_workers(qtbot):
    w = shown(qtbot, "sweep")
    try:
        w.close()                          # before the tab's first event-loop turn, even
        for _ in range(2 * WARM_MS // 50):  # past the moment the pool would have warmed
            QTest.qWait(50)
            assert not workers()
    finally:
        end_leftovers(w)


def test_closing_the_window_ends_the_warmed_sweep_pool(qtbot):
    w = shown(qtbot, "sweep")
    try:
        qtbot.waitUntil(lambda: len(workers()) > 0, timeout=15000)
        started = workers()
        w.close()
        assert not workers() and not any(alive(pid) for pid in started)
        QTest.qWait(WARM_MS + 200)        # and no timer starts new ones afterwards
        assert not workers()
    finally:
        end_leftovers(w)


def test_closing_the_window_ends_the_jacobian_spectra_at_once(qtbot, monkeypatch):
    monkeypatch.setattr(jacobian_pane, "spectra_for_config", never_ends)
    w = shown(qtbot, "activations")
    w.experiment.show_config(PRESETS["dynamical-isometry"].config)    # shown, not run
    w.show_pane("jacobian")
    try:
        qtbot.waitUntil(lambda: len(workers()) > 0, timeout=15000)
        started = workers()
        w.close()              # ended, not waited for (the job would wait 30 s, in vain)
        assert not workers() and not any(alive(pid) for pid in started)
        assert w.panes["jacobian"].spectra == {}
    finally:
        end_leftovers(w)


def test_spare_workers_follow_each_run_and_end_with_the_window(qtbot):
    # The app keeps a spare worker per core (up to worker_pool.MOST_SPARES) for the next
    # comparison: made again after each run, ended when the window closes.
    w = shown(qtbot, "activations")
    w.controller.spares = 2
    try:
        with qtbot.waitSignal(w.controller.run_finished, timeout=60000):
            w.load_preset("act-tanh-compare")
        qtbot.waitUntil(lambda: len(worker_pool.spares()) == 2, timeout=15000)
        started = {s.process.pid for s in worker_pool.spares()}
        # A spare just started may not have exec'd yet (its command line is still ours).
        qtbot.waitUntil(lambda: started <= workers(), timeout=15000)
        w.close()
        assert not workers() and not any(alive(pid) for pid in started)
        assert worker_pool.spares() == []
    finally:
        worker_pool.discard()
        end_leftovers(w)

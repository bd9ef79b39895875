import time

import pytest
from PySide6.QtWidgets import QMessageBox

from initviz.engine.config import ExperimentConfig, merge
from initviz.engine.presets import PRESETS
from initviz.ui.run import engine_worker


def training(steps=30, depth=2, width=16, activation="tanh", **runs):
    return merge(ExperimentConfig(), {
        "data": {"name": "normal", "samples": 200, "features": 10, "probe_samples": 100},
        "network": {"depth": depth, "width": width, "activation": activation},
        "train": {"steps": steps, "batch_size": 32, "eval_every": 10, "optimizer": "sgd",
                  "learning_rate": 0.01},
        **runs})


def test_real_short_run_goes_start_to_finish(qtbot, controller):
    got = []
    controller.snapshot_ready.connect(got.append)
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        controller.start(training(steps=40))
    assert got[0].stage == "init" and got[-1].stage == "done"
    assert sum(len(s.losses) for s in got) == 40          # no loss point lost
    assert not controller.running
    assert not any(t.isRunning() for t in controller.threads())


def test_stale_run_never_reaches_the_window(qtbot, window):
    a = training(steps=100000, runs=[{"label": "A", "init": {"scheme": "normal"}}])
    b = training(steps=0, depth=3, runs=[{"label": "B", "init": {"scheme": "lecun_normal"}}])
    seen = []
    window.controller.snapshot_ready.connect(seen.append)
    window.start(a)
    time.sleep(0.5)   # A's worker queues snapshots; the GUI thread has not delivered them
    with qtbot.waitSignal(window.controller.run_finished, timeout=30000):
        window.start(b)
    qtbot.wait(100)
    assert seen and all(s.label == "B" for s in seen)
    assert [h.label for h in window.histories] == ["B"]
    assert len(window.histories[0].layers) == 3
    window.draw_all()
    assert set(window.panes["activations"].curves()) == {(0, 0), (0, 1), (0, 2)}


def test_stop_mid_run_ends_cleanly(qtbot, window):
    window.start(training(steps=1_000_000))
    qtbot.waitUntil(lambda: any(h.step > 5 for h in window.histories), timeout=30000)
    threads = window.controller.threads()
    with qtbot.waitSignal(window.controller.run_finished, timeout=30000):
        window.stop()
    assert not any(t.isRunning() for t in threads)
    assert window.histories[0].stage == "stopped"


def test_pause_step_resume(qtbot, window):
    window.start(training(steps=1_000_000), paused=True)
    qtbot.waitUntil(lambda: window.histories and window.histories[0].layers is not None,
                    timeout=30000)
    qtbot.wait(100)
    assert window.histories[0].step == 0
    window.step()
    qtbot.waitUntil(lambda: window.histories[0].step == 1, timeout=30000)
    window.toggle_pause()   # resume
    qtbot.waitUntil(lambda: window.histories[0].step > 5, timeout=30000)
    window.stop()


def test_close_mid_run_ends_cleanly(qtbot, window):
    window.start(training(steps=1_000_000))
    qtbot.waitUntil(lambda: any(h.step > 5 for h in window.histories), timeout=30000)
    threads = window.controller.threads()
    assert threads and threads[0].isRunning()
    window.close()
    assert not any(t.isRunning() for t in threads)


def test_worker_exception_reaches_the_dialog(qtbot, window, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the engine fell over\nsecond line")
        yield  # pragma: no cover

    monkeypatch.setattr(engine_worker, "run_comparison", broken)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    with qtbot.waitSignal(window.controller.run_failed, timeout=10000):
        window.start(training())
    qtbot.waitUntil(lambda: not window.controller.running, timeout=10000)
    assert shown and "RuntimeError: the engine fell over" in shown[0]
    monkeypatch.undo()
    with qtbot.waitSignal(window.controller.run_finished, timeout=30000):   # still usable
        window.start(training(steps=0))


def test_a_data_error_reaches_the_dialog_as_a_sentence_in_the_language(qtbot, window,
                                                                      monkeypatch):
    from initviz.engine.errors import DataError
    from initviz.ui import i18n

    def missing(*args, **kwargs):
        raise DataError("the full MNIST set is not downloaded (looked in {0})", "/cache")
        yield  # pragma: no cover

    monkeypatch.setattr(engine_worker, "run_comparison", missing)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    try:
        i18n.set_language("zh_CN")
        with qtbot.waitSignal(window.controller.run_failed, timeout=10000):
            window.start(training())
        qtbot.waitUntil(lambda: not window.controller.running, timeout=10000)
    finally:
        i18n.set_language("en")
    assert len(shown) == 1 and shown[0].endswith("\n\n完整的 MNIST 数据集还没有下载（查找位置：/cache）")
    assert "DataError" not in shown[0]


def test_preset_button_loads_its_preset(qtbot, window):
    key = "act-sigmoid-std1"
    preset = PRESETS[key]
    with qtbot.waitSignal(window.controller.run_finished, timeout=30000):
        window.presets.buttons[key].click()
    assert window.panel.config() == preset.config
    assert window.explanation.parts() == {"title": preset.title, "question": preset.question,
                                          "look": preset.look, "takeaway": preset.takeaway}
    assert window.tabs.currentWidget() is window.panes["activations"]
    assert window.presets.buttons[key].isChecked()
    window.redraw()
    pane = window.panes["activations"]
    x, _ = pane.curves()[(0, 0)].getData()
    assert x[0] == 0.0 and x[-1] == 1.0    # sigmoid: the engine's edges span [0, 1]


def test_every_preset_section_has_buttons(qtbot, window):
    assert set(window.presets.buttons) == set(PRESETS)


def test_setting_change_without_training_reprobes(qtbot, window):
    window.load_preset("act-sigmoid-std1", run=False)
    w = window.panel.widgets
    with qtbot.waitSignal(window.controller.run_finished, timeout=30000):
        w["init.std"].setValue(0.01)
    qtbot.waitUntil(lambda: window.histories and window.histories[0].layers is not None)
    assert window.controller.config.runs[0].init.std == 0.01


def test_divergence_in_a_real_run_is_marked_and_others_go_on(qtbot, window):
    config = training(steps=60, depth=3, width=32, activation="relu", runs=[
        {"label": "calm", "init": {"scheme": "lecun_normal"}},
        {"label": "wild", "init": {"scheme": "normal", "std": 3.0},
         "train": {"learning_rate": 1.0}}])
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        window.start(config)
    qtbot.wait(50)
    calm, wild = window.histories
    assert wild.diverged_at is not None and wild.stage == "diverged"
    assert calm.stage == "done" and calm.step == 60
    window.show_pane("loss")
    window.draw_all()
    assert "diverged at step" in window.panes["loss"].run_items()[1]["text"].toPlainText()
    assert "diverged" in window.panes["table"].rows()[1][4]


@pytest.mark.parametrize("left, seconds", [(0, 0.1), (1, 1 / 30), (None, 1 / 30)])
def test_snapshots_come_less_often_while_workers_train_on_every_core(qtbot, controller,
                                                                      monkeypatch, left,
                                                                      seconds):
    # Each snapshot costs the window's process CPU a worker would use when no core is left.
    from initviz.engine import parallel
    from initviz.ui.run import run_controller
    asked = []

    class Recording(engine_worker.EngineWorker):
        def __init__(self, run_id, config, control, snapshot_seconds, *rest):
            asked.append(snapshot_seconds)
            super().__init__(run_id, config, control, snapshot_seconds, *rest)
    monkeypatch.setattr(run_controller, "EngineWorker", Recording)
    monkeypatch.setattr(parallel, "cores_left", lambda config: left)
    got = []
    controller.snapshot_ready.connect(got.append)
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        controller.start(training(steps=300))
    assert asked == [pytest.approx(seconds)]
    assert sum(len(s.losses) for s in got) == 300          # every loss point arrives


@pytest.mark.parametrize("cores_left,asked", [(0, 2), (1, 5)])
def test_statistics_are_asked_for_less_often_while_every_core_trains(qtbot, controller,
                                                                     monkeypatch, cores_left,
                                                                     asked):
    """With no core to spare the window's requests for per-layer statistics (one after each
    frame) reach the runs at most every BUSY_LAYER_SECONDS: each full snapshot is time the
    workers lose. With a core to spare every request goes through."""
    from initviz.engine import control as control_module
    from initviz.ui.run import run_controller
    counts = []

    class Counting(control_module.RunControl):
        def request_layers(self):
            counts.append(1)
            super().request_layers()
    monkeypatch.setattr(run_controller, "RunControl", Counting)
    monkeypatch.setattr(run_controller.parallel, "cores_left", lambda config: cores_left)
    now = [100.0]
    controller.clock = lambda: now[0]
    controller.start(training(steps=1_000_000), paused=True)
    qtbot.waitUntil(lambda: controller.running, timeout=30000)
    gap = run_controller.BUSY_LAYER_SECONDS
    assert gap == run_controller.MEASURE_SECONDS == 1.0     # as often as `initviz run`
    for t in (0.0, 0.2, 0.4, 0.6, 1.0):       # five frames, 0.2-0.4 s apart
        now[0] = 100.0 + t * gap
        controller.request_layers()
    assert len(counts) == asked
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        controller.stop()

"""The frame pacer: while a run streams, the window draws only when drawing has used at most
its share of the GUI thread's time since the last frame; nothing is dropped (every snapshot
is stored, the end of a run is always drawn), and only the pane shown draws."""
import numpy as np
import pytest

from helpers import snapshot
from initviz.engine import parallel
from initviz.engine.config import ExperimentConfig, merge
from initviz.ui.run import frame_pacer
from initviz.ui.run.frame_pacer import FramePacer


class Clocks:
    """Wall and CPU clocks the test moves by hand."""

    def __init__(self):
        self.wall = self.cpu = 100.0


@pytest.fixture
def paced(qtbot):
    clocks, calls = Clocks(), []

    def draw(status):
        calls.append(status)
        clocks.cpu += 0.010          # every frame costs 10 ms of the GUI thread
        return True
    pacer = FramePacer(None, draw, clock=lambda: clocks.wall, cpu=lambda: clocks.cpu)
    pacer.timer.stop()               # the test ticks
    yield pacer, clocks, calls
    pacer.deleteLater()


def small_comparison(runs=2, steps=858):
    return merge(ExperimentConfig(), {
        "data": {"name": "mnist", "source": "bundled"}, "train": {"steps": steps},
        "network": {"hidden": [256, 128]},
        "runs": [{"label": f"r{i}"} for i in range(runs)]})


def test_a_frame_waits_until_drawing_has_used_at_most_its_share(paced, monkeypatch):
    pacer, clocks, calls = paced
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    pacer.start_run(small_comparison())          # two workers on two cores: no core spare
    assert pacer.share == frame_pacer.GUI_SHARE
    pacer.tick()
    assert len(calls) == 1                       # the first frame of a run: at once
    wait = 0.010 / frame_pacer.GUI_SHARE         # 10 ms of CPU buys this much wall time
    for t in np.linspace(0.01, 0.95 * wait, 10):
        clocks.wall = 100.0 + t
        pacer.tick()
    assert len(calls) == 1
    clocks.wall = 100.0 + 1.01 * wait
    pacer.tick()
    assert len(calls) == 2 and pacer.frames == 2


def test_with_a_core_to_spare_every_tick_draws(paced, monkeypatch):
    pacer, clocks, calls = paced
    monkeypatch.setattr(parallel, "available_cores", lambda: 8)
    pacer.start_run(small_comparison())
    assert parallel.plan_workers(small_comparison()) == 2
    for k in range(5):
        clocks.wall += 0.033
        pacer.tick()
    assert len(calls) == 5


def test_a_frame_at_least_every_second_and_the_status_line_four_times_a_second(paced):
    pacer, clocks, calls = paced
    pacer.start_run(ExperimentConfig())          # trains in this process: paced
    pacer.tick()
    clocks.cpu += 5.0                            # something else kept the GUI thread busy
    clocks.wall += frame_pacer.LONGEST_WAIT
    pacer.tick()
    assert len(calls) == 2
    calls.clear()
    pacer.share = 1.0
    for k in range(10):                          # frames 0.1 s apart
        clocks.wall += 0.1
        pacer.tick()
    assert len(calls) == 10
    assert 2 <= sum(calls) <= 4                  # status at most every 0.25 s


def test_nothing_new_to_draw_is_no_frame(paced):
    pacer, clocks, calls = paced
    pacer.start_run(ExperimentConfig())
    pacer._draw = lambda status: False
    pacer.tick()
    assert pacer.frames == 0
    pacer._draw = lambda status: True
    pacer.tick()
    assert pacer.frames == 1                     # still the run's first frame: at once


def stream(qtbot, window, n=400, chunk=10):
    """A run of ``n`` steps whose snapshots carry ``chunk`` loss points each; the rest come
    after the run's first frame."""
    config = merge(ExperimentConfig(), {"train": {"steps": n}})
    frames = window.pacer.frames
    window.controller.run_started.emit(1, config)
    losses = 2.0 - np.arange(1, n + 1) / n      # within a decade: a linear axis
    for start in range(0, n, chunk):
        window.controller.snapshot_ready.emit(snapshot(
            step=start + chunk, total=n, losses=losses[start:start + chunk], start=start + 1,
            stage="train" if start + chunk < n else "done", seed=start))
        if start == 0:
            qtbot.waitUntil(lambda: window.pacer.frames > frames, timeout=5000)
    return losses


def test_the_end_of_a_run_is_drawn_whatever_the_pacer_held_back(qtbot, window, monkeypatch):
    monkeypatch.setattr(frame_pacer, "GUI_SHARE", -1.0)          # never a paced frame ...
    monkeypatch.setattr(frame_pacer, "LONGEST_WAIT", float("inf"))
    window.show_pane("loss")
    losses = stream(qtbot, window)
    qtbot.wait(200)
    whole = window.panes["loss"].run_items()[0]["whole"]
    x, _ = whole.getData()
    assert x is None or len(x) < len(losses)       # ... so the frames held the points back
    window.controller.run_finished.emit(1)
    x, y = whole.getData()
    assert len(x) == len(losses) and x[-1] == len(losses) and y[-1] == losses[-1]
    assert f"{len(losses):,}" in window.status_line.step_label.text()


def test_only_the_pane_shown_draws_while_a_run_streams(qtbot, window, monkeypatch):
    window.show_pane("activations")
    drawn = {"loss": 0, "activations": 0}
    for key in drawn:
        pane = window.panes[key]
        monkeypatch.setattr(pane, "draw", lambda hs, edges=None, key=key, draw=pane.draw: (
            drawn.__setitem__(key, drawn[key] + 1), draw(hs, edges))[1])
    stream(qtbot, window)
    assert drawn["activations"] >= 1 and drawn["loss"] == 0
    window.show_pane("loss")                          # drawn when it is shown
    assert drawn["loss"] == 1

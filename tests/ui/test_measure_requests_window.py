"""While a run trains, the runs measure their per-layer statistics for the window only when the
pane shown draws them (after each of its frames): the Loss tab leaves the runs to train, and
the end of every run is still measured and stored."""
import math

from initviz.engine.config import ExperimentConfig, merge


def small(steps):
    """Trains in the window's own process (too small for worker processes)."""
    return merge(ExperimentConfig(), {
        "data": {"name": "normal", "samples": 512, "features": 20},
        "network": {"depth": 3, "width": 16}, "train": {"steps": steps, "batch_size": 32},
        "runs": [{"label": "a"}, {"label": "b", "init": {"scheme": "normal", "std": 1.0}}]})


def record(window):
    snaps = []
    window.controller.snapshot_ready.connect(snaps.append)
    window.controller.measure_seconds = math.inf   # nothing measured unasked
    return snaps


def test_the_loss_tab_asks_for_no_statistics_and_the_end_is_measured(qtbot, window):
    snaps = record(window)
    window.show_pane("loss")
    frames = window.pacer.frames
    assert window.start(small(10 ** 6))
    # until the Loss tab has drawn while it trains (a fixed step count could end first)
    qtbot.waitUntil(lambda: window.pacer.frames - frames >= 3 and
                    sum(s.stage == "train" for s in snaps) > 10, timeout=120000)
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        window.stop()
    training = [s for s in snaps if s.stage == "train"]
    assert len(training) > 10 and all(s.layers is None for s in training)
    ends = [s for s in snaps if s.finished]
    assert sorted(s.run_index for s in ends) == [0, 1]
    assert all(s.layers is not None for s in ends)          # the end is measured, stopped too
    for h, end in zip(window.histories, sorted(ends, key=lambda s: s.run_index)):
        assert h.layers is end.layers and h.step == end.step > 0


def test_a_tab_of_statistics_gets_fresh_ones_while_it_draws(qtbot, window):
    snaps = record(window)
    window.show_pane("activations")
    assert window.start(small(10 ** 6))
    qtbot.waitUntil(lambda: sum(s.stage == "train" and s.layers is not None
                                for s in snaps) >= 4, timeout=120000)
    window.stop()
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)
    measured = {s.run_index for s in snaps if s.stage == "train" and s.layers is not None}
    assert measured == {0, 1}
    assert all(s.layers is not None for s in snaps if s.finished)

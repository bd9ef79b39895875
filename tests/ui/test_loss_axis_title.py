"""The rotated "loss" title beside its tick labels, never on them: at step 0 the axis is still
linear, and mnist-uniform-baseline's "35000" and exploding-clipping's "700000" ran under it
(review 11); in presentation the axis had no label at all. Real step-0 runs of those presets, at the review's size and in presentation."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from initviz.engine.config import merge
from initviz.engine.presets import get
from initviz.ui.look.axis_labels import drawn_labels


def _step0(qtbot, window, key):
    """The preset started paused: its step-0 result drawn, as a class sees it first."""
    config = merge(get(key).config, {"data": {"source": "bundled", "probe_samples": 200}})
    window.experiment.show_config(config)
    with qtbot.waitSignal(window.result_drawn, timeout=60000):
        window.start(config, paused=True)
    window.draw_all()
    qtbot.wait(50)
    QApplication.processEvents()
    return window.panes["loss"]


@pytest.mark.parametrize("key", ["mnist-uniform-baseline", "exploding-clipping"])
@pytest.mark.parametrize("presenting", [False, True])
def test_the_loss_title_clears_its_linear_tick_labels_at_step_0(qtbot, window, key,
                                                                  presenting):
    window.show()
    window.presentation.set_presenting(presenting)
    window.resize(*((1280, 720) if presenting else (1600, 1000)))
    window.show_pane("loss")
    try:
        pane = _step0(qtbot, window, key)
        assert not pane.log_scale                   # the case: linear, large numbers
        for plot in (pane.early, pane.whole):
            axis = plot.getAxis("left")
            labels = drawn_labels(axis)
            assert len(labels) >= 2, [t for _, t in labels]   # (presentation had none)
            assert max(len(t) for _, t in labels) >= 5, [t for _, t in labels]
            title = axis.label.mapRectToScene(axis.label.boundingRect())
            for rect, text in labels:
                assert not axis.mapRectToScene(rect).intersects(title), (key, text)
    finally:
        window.controller.shutdown()
        window.presentation.set_presenting(False)

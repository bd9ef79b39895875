"""The Depth tab keeps runs whose curves coincide visible: ReLU and leaky ReLU (slope 0.01)
in activation-compare lie within 5 % of each other at every layer."""
from __future__ import annotations

from initviz.engine.config import merge
from initviz.engine.presets import get


def test_a_run_that_coincides_with_an_earlier_one_is_named_and_drawn_thinner_on_top(
        qtbot, window):
    config = merge(get("activation-compare").config, {"data": {"source": "bundled"}})
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        window.start(config)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)
    window.draw_all()
    pane = window.panes["depth"]
    assert window.draw_guard.errors == []
    legend = pane.legend.text().replace("&nbsp;", " ")
    assert "≈ ReLU" in legend and legend.count("≈") == 1          # only leaky ReLU
    items = pane.run_items()
    leaky, relu = items[3], items[2]
    for name in ("act", "grad"):
        assert leaky[name].opts["pen"].widthF() < relu[name].opts["pen"].widthF()
        assert leaky[name].zValue() > relu[name].zValue()
    assert items[0]["act"].opts["pen"].widthF() == relu["act"].opts["pen"].widthF()

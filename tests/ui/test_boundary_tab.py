"""The Boundary tab has decision maps only for 2-D inputs: for MNIST it is disabled and says why,
unless the preset follows each unit's incoming weights (then it shows those alone, no empty
maps). No preset opens on a disabled tab."""
import dataclasses

import numpy as np
import pytest

from initviz.engine.presets import PRESETS
from initviz.engine.snapshot import frozen
from initviz.ui.panes.boundary_pane import BoundaryPane
from initviz.ui.panes.registry import KEYS
from helpers import histories, snapshot

BOUNDARY = KEYS.index("boundary")


def test_no_preset_opens_on_a_disabled_tab_and_mnist_has_no_maps(window):
    tabs = window.tabs
    for key, preset in PRESETS.items():
        window.tabs.setCurrentIndex(BOUNDARY)        # a student was looking at the maps
        window.load_preset(key, run=False)
        config = preset.config
        assert tabs.isTabEnabled(tabs.currentIndex()), key
        two_d = config.data.name == "flower"
        assert tabs.isTabEnabled(BOUNDARY) == (two_d or config.track_units), key
        why = window.panes["boundary"].unavailable()
        if not tabs.isTabEnabled(BOUNDARY):       # the tab's tool tip says why
            assert "only for 2-D inputs" in why and tabs.tabToolTip(BOUNDARY) == why
            assert tabs.currentIndex() != BOUNDARY
        else:
            assert why == "" and "only for 2-D" not in tabs.tabToolTip(BOUNDARY)


def _train_on_boundary_tab(qtbot, window, key, steps):
    window.load_preset(key, run=False)
    window.show_pane("boundary")
    with qtbot.waitSignal(window.controller.run_finished, timeout=120000):
        window.start(window.panel.config().replace(
            train=window.panel.config().train.replace(steps=steps)))
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)
    window.draw_all()


@pytest.mark.parametrize("key,maps", [("mnist-zeros-vs-ones", 0), ("symmetry-zeros", 3)])
def test_the_boundary_tab_draws_maps_only_of_2d_data(qtbot, window, key, maps):
    pane = window.panes["boundary"]
    _train_on_boundary_tab(qtbot, window, key, 5)
    assert window.draw_guard.errors == []
    assert len(pane.plots()) == maps
    assert ("2-D" in pane.title.text()) == (maps == 0)


def test_each_run_has_its_weights_plot_under_its_map(qtbot, window):
    """symmetry-zeros: in one shared plot Xavier's eight lines ran over the constant starts'
    single lines (review 7 could tell about five apart): each run has its own plot, under
    its map, on one scale."""
    pane = window.panes["boundary"]
    _train_on_boundary_tab(qtbot, window, "symmetry-zeros", 20)
    boxes = [{item.getViewBox() for item in pane.unit_line_items(h.index)}
             for h in window.histories]
    assert all(len(b) == 1 for b in boxes)
    boxes = [b.pop() for b in boxes]
    assert len(set(boxes)) == 3                               # a plot per run
    assert len({tuple(map(tuple, b.viewRange())) for b in boxes}) == 1     # one scale
    for vb, plot in zip(boxes, pane.plots(), strict=True):    # under its map
        unit, map_ = vb.sceneBoundingRect(), plot.vb.sceneBoundingRect()
        assert unit.top() > map_.bottom()
        assert abs(unit.center().x() - map_.center().x()) < 0.1 * map_.width()
    # a line a unit: the eight units of a constant start are one line, Xavier's eight
    ends = [{round(float(item.getData()[1][-1]), 6) for item in pane.unit_line_items(h.index)}
            for h in window.histories]
    assert [len(e) for e in ends] == [1, 1, 8] and ends[0] == {0.0}, ends
    # a point at every step (the engine records them; not only at the frames it measured)
    for h in window.histories:
        for item in pane.unit_line_items(h.index):
            assert item.getData()[0].tolist() == list(range(21))


def test_unit_chart_is_about_as_tall_as_a_map_in_a_short_pane(qtbot):
    """Under three maps in a 1280 × 720 presentation window the unit chart was about 110 px
    tall and its eight lines crowded (review 5): it is about as tall as a map."""
    from initviz.engine.config import ExperimentConfig, merge
    pane = BoundaryPane()
    qtbot.addWidget(pane)
    pane.resize(900, 460)     # maps as wide as this would be squares taller than the chart
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_config(merge(ExperimentConfig(), {"data": {"name": "flower", "samples": 400},
                                               "track_units": True}))
    ramp = np.tile(np.linspace(0, 1, 10, dtype=np.float32), (10, 1))
    steps = np.arange(11)
    values = np.outer(steps, np.arange(8)).astype(np.float32) / 10
    snaps = [dataclasses.replace(snapshot(run_index=i, run_count=3, label=f"r{i}"),
                                 boundary=ramp, boundary_extent=(-5.0, 5.0, -5.0, 5.0),
                                 unit_steps=frozen(steps), unit_values=frozen(values))
             for i in range(3)]
    pane.draw(histories(*snaps))
    lines = pane.unit_line_items(0)
    assert len(lines) == 8 and lines[3].getData()[0].tolist() == steps.tolist()
    chart = lines[0].getViewBox()
    qtbot.waitUntil(lambda: pane.plots()[0].vb.height() > 0, timeout=3000)
    pane.fit_maps()                          # as after a resize; the layout then settles
    qtbot.wait(100)
    # (39 px against the maps' 153 px here when the maps kept 62 % of the height)
    assert chart.height() > 0.8 * pane.plots()[0].vb.height()
    assert chart.height() > 0.25 * pane.view.height()


def test_the_unit_plots_show_step_0_before_the_first_step(qtbot):
    """symmetry-zeros at init: each line was one point, so the three weights plots were empty
    until a step was taken (review 8). Each unit has a dot at step 0, at its weight there:
    the constant starts' eight dots at 0 and 0.5, Xavier's spread apart; no line is drawn yet."""
    from initviz.engine.config import merge
    from initviz.engine.runner import run_experiment
    config = merge(PRESETS["symmetry-zeros"].config, {"train": {"steps": 50}})
    snaps = []
    for s in run_experiment(config, snapshot_seconds=1e9):
        if s.stage != "init" and s.step > 0:
            break
        snaps.append(s)
    pane = BoundaryPane()
    qtbot.addWidget(pane)
    pane.set_config(config)
    hs = histories(*snaps)
    assert all(h.unit_steps.data.tolist() == [0] for h in hs)      # step 0 alone so far
    pane.draw(hs)
    starts = []
    for h in hs:
        x, y = pane.unit_start_dots(h.index).getData()
        assert x.tolist() == [0.0] * 8
        assert np.allclose(np.sort(y), np.sort(h.unit_values[0]))
        lo, hi = pane.unit_line_items(h.index)[0].getViewBox().viewRange()[1]
        # inside the plot's range, a 13th of it clear of either end: room for a dot and
        # its value's label (at 1280 x 720 the all-0.5 dots were cut at the top, review 17).
        # In shares of the range: a check in pixels failed in CI, whose layout differed.
        assert min(y.min() - lo, hi - y.max()) >= (hi - lo) / 13, (h.label, lo, y, hi)
        starts.append(np.round(y, 6))
    assert set(starts[0]) == {0.0} and set(starts[1]) == {0.5}
    assert len(set(starts[2])) == 8
    for _ in range(3):       # drawn again: the dots keep their drawn symbols (one per shade)
        pane.draw(hs)
    assert all(len(pane.unit_start_dots(h.index).scatter.fragmentAtlas) <= 8 for h in hs)


"""The Through training tab on a 1280 × 720 projector with four runs of ten layers
(batchnorm-rescue): the runs' names never run into each other (rotated along short rows,
"N(0, 0.01)" was printed over "N(0, 1) + batch norm"), nor the x tick labels of the narrow
columns ("100" and "200" read "10200"), nor the layer titles; each title is centred on its map.
The runs are hand-built snapshots (helpers), 31 steps each."""
import pytest
from helpers import histories, snapshot
from test_presentation_fit import on_projector
from PySide6.QtWidgets import QApplication

from initviz.ui.look.axis_labels import drawn_labels

LABELS = ("N(0, 1)", "N(0, 0.01)", "N(0, 1) + batch norm", "N(0, 0.01) + batch norm")


@pytest.fixture
def window(qtbot, monkeypatch):
    w = on_projector(qtbot, monkeypatch)
    yield w
    w.presentation.set_presenting(False)
    w.controller.shutdown()


def four_runs():
    return histories(*(snapshot(run_index=i, run_count=4, n_layers=10, step=s, total=300,
                                label=LABELS[i], seed=s)
                       for s in range(0, 310, 10) for i in range(4)))


def apart(rects, across=True) -> bool:
    key = (lambda r: r.left()) if across else (lambda r: r.top())
    rects = sorted(rects, key=key)
    return all(not a.intersects(b) for a, b in zip(rects, rects[1:]))


@pytest.mark.parametrize("presenting,size", [(True, (1280, 720)), (False, (1600, 1000)),
                                             (False, (1280, 720))])
def test_four_runs_of_names_ticks_and_titles_never_overlap(window, qtbot, presenting, size):
    w = window
    w.load_preset("batchnorm-rescue")
    if presenting:
        w.presentation.set_presenting(True)
        w.showNormal()              # the offscreen screen is smaller than the projector
    w.resize(*size)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == size)
    w.show_pane("training")
    pane = w.panes["training"]
    pane.draw(four_runs())
    w.presentation.restyle_plots(force=True)
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)
    grid = pane.grid()
    assert len(grid) == 4 and all(len(row) == 6 for row in grid)       # 4 runs × 6 layers
    # the names: whole or elided, each within its own row, none over another
    names = pane.row_names()
    assert [n for n, _ in names] == list(LABELS)
    for (name, rect), row in zip(names, grid, strict=True):
        box = row[0].vb.sceneBoundingRect()
        assert rect.height() > 5 and rect.top() >= box.top() - 2 and \
            rect.bottom() <= box.bottom() + 2, (name, rect, box)
        assert rect.right() <= box.left(), name                # left of the maps
    assert apart([r for _, r in names], across=False)
    # the bottom row's x tick labels, in scene coordinates: apart across the whole row,
    # at least one under every map, none past its map's ends
    ticks = []
    for p in grid[-1]:
        axis = p.getAxis("bottom")
        shown = [(axis.mapRectToScene(r), t) for r, t in drawn_labels(axis)]
        assert shown, "a column without a step label"
        for r, t in shown:
            assert r.left() >= axis.sceneBoundingRect().left() - 3 and \
                r.right() <= axis.sceneBoundingRect().right() + 3, t
        ticks += [r for r, _ in shown]
    assert apart(ticks), [(r.left(), r.right()) for r in ticks]
    # y tick labels of every map apart too
    for row in grid:
        for p in row:
            assert apart([r for r, _ in drawn_labels(p.getAxis("left"))], across=False)
    # layer titles: apart, each centred on its map
    titles = pane.column_titles()
    # "layer 3" where it fits, else "3" (narrow maps); layers spread from the first to the last
    assert [t.split(",")[0].split()[-1] for t, _ in titles] == ["1", "3", "5", "6", "8", "10"]
    assert apart([r for _, r in titles])
    for (text, rect), p in zip(titles, grid[0], strict=True):
        assert abs(rect.center().x() - p.vb.sceneBoundingRect().center().x()) <= 3, text


def test_step_labels_stand_apart_inside_the_axis():
    """Over widths from 20 to 600 px and several step ranges: labels at round steps or at
    the ends, each within the axis (2 px of slack; an end's label drawn inside from its end),
    apart by the gap, at least one wherever one fits; "0 … 300" where three do not fit."""
    from initviz.ui.look.step_ticks import SPARE, label_span, step_labels
    width = lambda v: 9.0 * len(f"{v:g}")      # noqa: E731 (9 px a digit)
    for lo, hi in ((0, 300), (0, 1000), (10, 60), (0, 25000), (1, 2)):
        for pixels in (20, 35, 45, 60, 90, 150, 300, 600):
            shown = step_labels(lo, hi, pixels, width, 8.0)
            per = pixels / (hi - lo)
            spans = [label_span(v, lo, hi, per, width(v)) for v in shown]
            assert all(a >= -SPARE and b <= pixels + SPARE for a, b in spans), (lo, hi, pixels)
            assert all(b + 8.0 <= c for (_, b), (c, _) in zip(spans, spans[1:])), shown
            assert shown or pixels < 40, (lo, hi, pixels)
            if pixels >= 300 and hi - lo >= 10:
                assert len(shown) >= 2, (lo, hi, pixels, shown)
    assert step_labels(0, 300, 60, width, 8.0) == [0.0, 300.0]
    assert step_labels(0, 300, 150, width, 8.0) == [0.0, 100.0, 200.0, 300.0]

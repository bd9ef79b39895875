"""Where a histogram plot's note ("zeros 52 %") goes: at the top of the plot where the curves
leave room for it, never on a peak, in words (a smaller font before the cryptic "0: 52 %");
where no place is free, into the pane's key line. Tested
on activation-compare's Gradients and Activations at initialization, in a pane of the size the
1280 × 720 window gives it, normal and presenting."""
import numpy as np
import pytest

from initviz.engine.config import merge
from initviz.engine.presets import get
from initviz.engine.runner import run_experiment
from initviz.ui.panes.histogram_pane import HistogramPane

from helpers import histories


@pytest.fixture(scope="module")
def at_init():
    cfg = merge(get("activation-compare").config,
                {"data": {"source": "bundled"}, "train": {"steps": 1}})
    first = {}
    for s in run_experiment(cfg, snapshot_seconds=1e9):
        if s.layers is not None:
            first.setdefault(s.run_index, s)
    return histories(*(first[i] for i in sorted(first)))


def curve_under(pane, plot, rect):
    """The highest point of the curves drawn in ``plot`` between the note's left and right."""
    top = -np.inf
    for (run, layer), curve in pane.curves().items():
        if curve.getViewBox() is not plot.vb or not curve.isVisible():
            continue
        x, y = curve.getData()
        if x is None or not len(x):
            continue
        if len(x) == len(y) + 1:        # steps: a level from x[k] to x[k + 1]
            inside = (x[1:] > rect.left()) & (x[:-1] < rect.right())
        else:       # points joined by lines: those in the note and their neighbours
            inside = (x >= rect.left()) & (x <= rect.right())
            inside |= np.r_[inside[1:], False] | np.r_[False, inside[:-1]]
        if inside.any():
            top = max(top, float(y[inside].max()))
    return top


@pytest.mark.parametrize("field", ["gradient", "activation"])
@pytest.mark.parametrize("size", [(610, 470), (690, 440)])     # normal, presenting
def test_notes_keep_off_the_curves(qtbot, at_init, field, size):
    pane = HistogramPane(field)
    qtbot.addWidget(pane)
    pane.resize(*size)
    pane.show_preset(get("activation-compare"))      # its shared log10|x| gradient axis
    if field == "activation":   # linear (it opens on log10|x|): maxout's range clips bars
        pane.set_axis("linear")
    pane.show()
    qtbot.waitExposed(pane)
    for _ in range(2):            # the second draw after the layout has settled
        pane.draw(at_init)
        qtbot.wait(50)
    notes = pane.notes()
    assert field == "gradient" or any("▲" in n.textItem.toPlainText() for _, n in notes)
    for plot, note in notes:
        if "▲" in note.textItem.toPlainText():     # a clipped bar's label stays by its bar
            continue
        assert note.textItem.toPlainText().startswith("zeros "), note.textItem.toPlainText()
        rect = plot.vb.mapSceneToView(note.sceneBoundingRect()).boundingRect()
        assert curve_under(pane, plot, rect) <= rect.top() + 1e-9, note.textItem.toPlainText()
        view = plot.vb.viewRect()
        assert view.left() - 1e-9 <= rect.left() and rect.right() <= view.right() + 1e-9
    legend = pane.legend.text().replace("&nbsp;", " ")
    shown = {p for p, _ in notes}
    moved = "exact zeros (in no bar)" in legend
    # every run with many exact zeros (ReLU, maxout) is told: in a plot or in the key line
    relu = [k for k, h in enumerate(at_init) if h.label == "ReLU"][0]
    told = moved or any(p.vb is pane.curves()[(relu, 0)].getViewBox() for p in shown)
    assert told
    # the marks a plot shows are explained once, in the key line (review 8: "▲ 49 %" beside
    # "zeros 51 %" left a student guessing)
    texts = [n.textItem.toPlainText() for _, n in notes]
    assert any(t.startswith("▲") for t in texts) == ("▲ n %: a bar cut at the top" in legend)
    explained = "zeros n %: values exactly 0, in no bar" in legend
    assert explained == (any(t.startswith("zeros ") for t in texts) and not moved)


def drawn_at_start(qtbot, key, field, overrides=None, size=(690, 470)):
    """A pane for ``field`` of preset ``key``, drawn with each run's first measured
    snapshot, at ``size`` (default: the size the 1280 x 720 window gives it)."""
    cfg = merge(get(key).config, {"data": {"source": "bundled"}, **(overrides or {})})
    first = {}
    for s in run_experiment(cfg, snapshot_seconds=1e9):
        if s.layers is not None:
            first.setdefault(s.run_index, s)
    pane = HistogramPane(field)
    qtbot.addWidget(pane)
    pane.resize(*size)
    pane.set_config(cfg)              # as the window does when an experiment is shown
    pane.show_preset(get(key))
    pane.show()
    qtbot.waitExposed(pane)
    pane.drawn = histories(*(first[i] for i in sorted(first)))
    for _ in range(2):
        pane.draw(pane.drawn)
        qtbot.wait(50)
    return pane


def test_the_key_line_says_what_zeros_and_the_clip_mark_mean(qtbot):
    """act-relu-compare's Activations: "zeros 51 %" and "▲ 49 %" in the plots, with no word
    of what they are (review 8); the key line now says it once."""
    pane = drawn_at_start(qtbot, "act-relu-compare", "activation")
    texts = [n.textItem.toPlainText() for _, n in pane.notes()]
    assert any(t.startswith("▲") for t in texts)
    legend = pane.legend.text().replace("&nbsp;", " ")
    assert "▲ n %: a bar cut at the top, and its height" in legend
    # the zeros: in the plots, explained in the key line, or in the key line itself
    if any(t.startswith("zeros ") for t in texts):
        assert "zeros n %: values exactly 0, in no bar" in legend
    else:
        assert "exact zeros (in no bar): every run" in legend, legend


def test_a_list_of_every_layer_shown_says_so(qtbot):
    """activation-compare's Gradients key read "ReLU 47–54 % (layers 1, 3, 5–6, 8, 10)":
    every column of its grid (review 9)."""
    from initviz.ui.panes.histogram_marks import moved_note, where_text
    shown = [1, 3, 5, 6, 8, 10]
    assert where_text(shown, shown, 11) == "every layer shown"
    assert where_text(range(1, 6), range(1, 6), 5) == "every layer"
    assert where_text([1, 3], shown, 11) == "layers 1, 3"
    assert where_text([5, 6, 8], shown, 11) == "layers 5–6, 8"
    assert where_text([3], [3], 1) == "layer 3"
    moved = [(0, layer, 50.0) for layer in shown] + [(1, layer, 50.0) for layer in shown[:2]]
    assert moved_note(moved, ["ReLU", "maxout"], shown, 11) == \
        "exact zeros (in no bar): ReLU 50 % (every layer shown), maxout 50 % (layers 1, 3)"


def test_runs_that_are_exactly_one_run_get_one_zeros_note(qtbot):
    """exploding-clipping's four runs start from the same weights: its Gradients pane, at the
    start, drew four equal "zeros 55 %" notes a plot, in two sizes (review 14). The legend says
    the later three are the first ("same as no remedy"); the plot says its zeros once."""
    pane = drawn_at_start(qtbot, "exploding-clipping", "gradient", {"train": {"steps": 1}})
    legend = pane.legend.text().replace("&nbsp;", " ")
    assert legend.count("same as no remedy") == 3, legend
    # three runs the same as one: their thin lines lie on one another, so the legend does not
    # promise a thin line after each, but says once how they are drawn (review 15)
    assert "thin line on top)" not in legend, legend
    assert legend.count("runs the same as one another: drawn as one thin line on top") == 1
    per_plot = {}
    for plot, note in pane.notes():
        per_plot.setdefault(id(plot), []).append(note.textItem.toPlainText())
    assert all(len(t) == 1 and t[0].startswith("zeros ") for t in per_plot.values()), per_plot
    # every layer has ReLU's zeros: where a plot has no room for its note, all five go to the
    # key line (test_a_panes_zeros_notes_look_alike), once, under the first run's name
    assert len(per_plot) in (0, 5), per_plot
    moved = legend.split("exact zeros (in no bar): ")[1] if not per_plot else ""
    assert per_plot or (moved.startswith("no remedy") and "clip" not in moved and
                        "every layer" in moved), legend


@pytest.mark.parametrize("size", [(690, 470), (610, 400), (520, 330)])
@pytest.mark.parametrize("key", ["exploding-clipping", "activation-compare"])
def test_a_panes_zeros_notes_look_alike(qtbot, key, size):
    """Review 14, exploding-clipping's Gradients: layer 4's "zeros 50 %" was smaller than its
    neighbours' and, at 1280 x 720, left its plot for the key line while four stayed. A pane's
    notes share one font, and its zeros are said in every plot that has them or in none."""
    pane = drawn_at_start(qtbot, key, "gradient", {"train": {"steps": 1}})
    pane.resize(*size)
    for _ in range(2):
        qtbot.wait(50)
        pane.draw(pane.drawn)
    view = pane.view_of(pane.drawn)
    zeros = [(plot, n) for plot, n in pane.notes()
             if n.textItem.toPlainText().startswith("zeros ")]
    sizes = {n.textItem.font().pointSizeF() for _, n in pane.notes()}
    assert len(sizes) <= 1, sizes
    legend = pane.legend.text().replace("&nbsp;", " ")
    with_zeros = {p.vb for p, k, layer, runs, *_ in pane._cells
                  if any(r is not None and r.zeros * 200 >= r.total
                         for r in (view.layers[layer].runs[i] for i in runs))}
    assert with_zeros, "the test needs a pane with zeros"
    if zeros:
        assert {p.vb for p, _ in zeros} == with_zeros, legend
        assert "exact zeros (in no bar)" not in legend
    else:
        assert "exact zeros (in no bar)" in legend, legend


def test_a_plot_of_nothing_but_zeros_says_so_in_its_middle(qtbot):
    """mnist-zeros-vs-ones' all-zeros start: its Activations row was empty axes with a small
    "zeros 100 %" in a corner, which review 13 took for a drawing that failed."""
    pane = drawn_at_start(qtbot, "mnist-zeros-vs-ones", "activation", {"train": {"steps": 1}})
    assert pane.rows_shown()
    zero_run = [h.index for h in pane.drawn if h.label == "all weights 0"][0]
    zero_plots = {p.vb for p, _, _, runs, *_ in pane._cells if runs == [zero_run]}
    assert zero_plots
    said = {}
    for plot, note in pane.notes():
        said.setdefault(plot.vb, []).append(note)
    for vb in zero_plots:
        (note,) = said[vb]
        assert note.textItem.toPlainText() in ("every value exactly 0", "all 0")
        (x_lo, x_hi), (y_lo, y_hi) = vb.viewRange()
        centre = vb.mapSceneToView(note.sceneBoundingRect().center())
        assert abs(centre.x() - (x_lo + x_hi) / 2) < 0.05 * (x_hi - x_lo)
        assert abs(centre.y() - (y_lo + y_hi) / 2) < 0.1 * (y_hi - y_lo)
    others = [n.textItem.toPlainText() for vb, ns in said.items() if vb not in zero_plots
              for n in ns]
    assert not any("exactly 0" in t for t in others), others


def test_a_zeros_note_stands_clear_of_the_y_labels(qtbot):
    """activation-compare's Gradients: "zeros 52 %" began at the plot's left edge, against
    the y axis's "3" beside it ("3zeros 52 %", review 16). Every note now starts at least
    NOTE_GAP pixels inside its plot."""
    from initviz.ui.panes.histogram_marks import NOTE_GAP
    pane = drawn_at_start(qtbot, "activation-compare", "gradient", size=(1100, 800))
    notes = pane.notes()                    # room for them in their plots, as at 1600 x 1000
    assert len(notes) >= 8                  # ReLU's and maxout's, a plot each
    for plot, note in notes:
        left = note.mapRectToScene(note.boundingRect()).left()
        edge = plot.vb.mapRectToScene(plot.vb.boundingRect()).left()
        assert left - edge >= NOTE_GAP - 0.5, (note.textItem.toPlainText(), left - edge)


def test_notes_are_sized_afresh_when_the_pane_grows(qtbot):
    """Review 17: act-relu-compare's notes were ~13 px at the start and ~10 px after a run in
    the same window: a frame drawn before the window's layout had settled needed the small
    font (or the key line), and the pane kept that until rearranged. A frame in a pane of a new
    size places its notes as a fresh pane of that size would."""
    cfg = merge(get("exploding-clipping").config,
                {"data": {"source": "bundled"}, "train": {"steps": 1}})
    last = {}
    for s in run_experiment(cfg, snapshot_seconds=1e9):
        if s.layers is not None:
            last[s.run_index] = s
    done = histories(*(last[i] for i in sorted(last)))

    def pane_of(size):
        pane = HistogramPane("gradient")
        qtbot.addWidget(pane)
        pane.resize(*size)
        pane.set_config(cfg)
        pane.show_preset(get("exploding-clipping"))
        pane.show()
        qtbot.waitExposed(pane)
        return pane

    def notes(pane):
        for _ in range(2):
            pane.draw(done)
            qtbot.wait(50)
        return sorted((n.textItem.toPlainText(), n.textItem.font().pointSizeF())
                      for _, n in pane.notes())
    fresh = notes(pane_of((1100, 800)))
    assert fresh
    pane = pane_of((520, 330))
    assert notes(pane) != fresh              # the case: in the small pane they differ
    pane.resize(1100, 800)
    assert notes(pane) == fresh


@pytest.mark.parametrize("size", [(610, 470), (690, 470)])
def test_notes_keep_clear_of_the_clip_mark(qtbot, size):
    """act-relu-compare's Activations at the start, at the sizes 1280 x 720 gives the pane
    (review 18): in the N(0, 0.01) row the "zeros" note began on the ▲ over the clipped
    bar at 0, no gap between them. Every note lies beside the mark, not on it."""
    pane = drawn_at_start(qtbot, "act-relu-compare", "activation", size=size)
    checked = 0
    for p, k, *_ in pane._cells:
        clip = pane._pool.marks[k].clip
        if not clip.isVisible():
            continue
        mark = clip.mapRectToScene(clip.boundingRect())
        for plot, note in pane.notes():
            if plot is p:
                checked += 1
                assert not note.mapRectToScene(note.boundingRect()).intersects(mark), \
                    (k, note.textItem.toPlainText())
    assert checked, "the test needs a plot with a clip mark and a note"

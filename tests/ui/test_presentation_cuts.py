"""In presentation mode at 1280 × 720, with the type one or two steps larger than the default,
no plot title is cut at its plot's edge and no in-plot divergence note reaches past its plot
("Saturated, dea…" on the Depth tab; the Loss tab's "diverged at step k" notes in Chinese)."""
import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from initviz.ui import i18n
from initviz.ui.panes.loss_pane import LossPane
from test_presentation_fit import presenting  # noqa: F401  (the 1280 × 720 projector)

from helpers import histories, snapshot


def scene_rect(item):
    return item.mapRectToScene(item.boundingRect())


def title_overflow(plot) -> float:
    """Pixels of the plot's title beyond the left or right edge of the plot."""
    text, box = scene_rect(plot.titleLabel.item), scene_rect(plot)
    return max(0.0, box.left() - text.left(), text.right() - box.right())


@pytest.mark.parametrize("steps", [0, 2])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_plot_title_is_cut(presenting, language, steps):  # noqa: F811
    w = presenting
    p = w.presentation
    if language != "en":
        p.set_language(language)
    for _ in range(steps):
        p.bigger()
    w.load_preset("act-relu-compare", run=False)
    for key in ("depth", "loss"):
        w.show_pane(key)
        QApplication.processEvents()
        pane = w.panes[key]
        plots = _plots(pane)
        assert plots, key
        for plot in plots:
            if plot.titleLabel.isVisible() and plot.titleLabel.text:
                assert title_overflow(plot) <= 1, (key, plot.titleLabel.text)


def _plots(pane):
    import pyqtgraph as pg
    out = []
    for view in pane.findChildren(pg.GraphicsView):
        out += [i for i in view.scene().items() if isinstance(i, pg.PlotItem) and i.isVisible()]
    return out


def diverging(qtbot, size, font_pt):
    pane = LossPane()
    qtbot.addWidget(pane)
    font = pane.font()
    font.setPointSizeF(font_pt)
    pane.setFont(font)
    pane.resize(*size)
    pane.show()
    qtbot.waitExposed(pane)
    losses = np.full(300, 2.0) * np.linspace(1, 0.5, 300)
    bad = np.concatenate([[2.0, 1e5, 1e12], np.full(297, np.nan)])
    hs = histories(
        snapshot(run_index=0, run_count=3, stage="diverged", step=4, total=300, losses=bad,
                 diverged_at=4, label="no remedy", with_layers=False),
        snapshot(run_index=1, run_count=3, stage="done", step=300, total=300, losses=losses,
                 label="clipped", with_layers=False),
        snapshot(run_index=2, run_count=3, stage="diverged", step=4, total=300, losses=bad,
                 diverged_at=4, label="L2 weight decay 0.01", with_layers=False))
    i18n.set_language("zh_CN")
    try:
        pane.retranslate()
        pane.draw(hs)
        QApplication.processEvents()
    finally:
        i18n.set_language("en")
    return pane


@pytest.mark.parametrize("size, font_pt, shown", [((1500, 900), 11, True),
                                                  ((700, 500), 16, False)])
def test_divergence_notes_stay_inside_their_plot(qtbot, size, font_pt, shown):
    pane = diverging(qtbot, size, font_pt)
    # the two runs diverged alike: one note names both, at the first one's mark
    notes = [pane.run_items()[0]["text"]]
    assert pane.run_items()[2]["text"].toPlainText() == ""
    assert "不加补救" in notes[0].toPlainText() and "L2" in notes[0].toPlainText()   # both
    assert all("4" in n.toPlainText() for n in notes)
    box = scene_rect(pane.whole.vb)
    for note in notes:
        if note.isVisible():
            assert box.contains(scene_rect(note.textItem)), note.toPlainText()
    # Room for them in a wide pane; in a narrow one with large type they make way (the
    # legend says "(diverged at step 4)" as well).
    assert all(n.isVisible() for n in notes) == shown

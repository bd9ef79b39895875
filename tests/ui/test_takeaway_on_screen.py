"""Presentation mode on a 1280 × 720 projector: every lesson step shows its take-away without
scrolling, in every language.

The offscreen platform has one 800 × 800 screen, so a full-screen window cannot be 1280 × 720
there: the test presents, gives the window the projector's size, and lets the window's screen
report 720 lines so that the type follows a 720-line screen as it would on the projector."""
import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from initviz.engine import presets as catalogue
from initviz.ui import i18n
from initviz.ui.main_window import MainWindow

WIDTH, HEIGHT = 1280, 720


class Projector:
    def geometry(self):
        return QRect(0, 0, WIDTH, HEIGHT)


@pytest.fixture
def presenting(qtbot, monkeypatch):
    monkeypatch.setattr(MainWindow, "start", lambda self, config: None)   # words only
    w = MainWindow()
    qtbot.addWidget(w)
    monkeypatch.setattr(w, "screen", lambda: Projector())
    w.show()
    qtbot.waitExposed(w)
    w.presentation.set_presenting(True)
    w.showNormal()              # the offscreen screen is smaller than the projector
    w.resize(WIDTH, HEIGHT)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == (WIDTH, HEIGHT))
    w.presentation.fit_columns()
    yield w
    w.presentation.set_presenting(False)
    if i18n.current_language() != "en":
        w.presentation.set_language("en")
    i18n.set_language("en")
    w.controller.shutdown()


def takeaway_hidden_by(w) -> int:
    """Pixels of the take-away below the bottom of the explanation's view (0: all of it shows),
    with the view scrolled to the top, as a lesson step opens."""
    panel = w.explanation
    QApplication.processEvents()
    assert panel.verticalScrollBar().value() == 0
    label = panel.takeaway
    assert label.isVisibleTo(panel) and label.text()
    bottom = label.mapTo(panel.viewport(), label.rect().bottomLeft()).y()
    return max(0, bottom - panel.viewport().height())


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_takeaway_is_on_screen_without_scrolling(presenting, language):
    w = presenting
    p = w.presentation
    if language != "en":
        p.set_language(language)
    assert p.presenting and p.effective_scale == pytest.approx(p.scale * HEIGHT / 1080)
    cut = {}
    for key in catalogue.PRESETS:          # the whole catalogue is the default lesson
        p.next_preset()
        assert w.preset_key == key
        assert w.explanation.step.isVisibleTo(w.explanation)    # "Lesson: experiment k of n"
        hidden = takeaway_hidden_by(w)
        if hidden:
            cut[key] = hidden
    assert not cut, f"take-away below the fold by this many pixels: {cut}"

"""Every tab title and every control of a pane's title row whole at 1280 × 720 and 1600 × 1000,
in English and in Chinese, and in presentation mode at 1280 × 720: tab titles that wrap onto a
second row instead of hiding behind scroll arrows, check boxes that move below the title
instead of being cut ("Pre-activatior"), a section title that wraps instead of "…"."""
import pytest
from PySide6.QtCore import QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from processes import workers

from initviz.ui import i18n
from initviz.ui.panes.registry import KEYS, PANES
from initviz.ui.panes.sweep_pane import WARM_MS
from test_presentation_fit import presenting  # noqa: F401  (the 1280 × 720 projector)


def whole(widget) -> bool:
    """Shown and not cut by anything around it."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == \
        QRect(0, 0, widget.width(), widget.height())


def text_fits(button) -> bool:
    return button.fontMetrics().horizontalAdvance(button.text()) <= \
        button.contentsRect().width()


def check_tab_titles(w) -> None:
    strip = w.tab_strip
    assert [b.text() for b in strip.buttons] == \
        [w.tabs.tabText(i) for i in range(w.tabs.count())]
    assert not w.tabs.tabBar().isVisible()          # no bar, so no scroll arrows
    for b in strip.buttons:
        assert whole(b), b.text()
        assert text_fits(b), (b.text(), b.width())
        assert strip.rect().contains(b.geometry()), b.text()


def check_title_rows(w) -> None:
    try:
        _check_title_rows(w)
    finally:        # showing the Jacobian tab starts its spectra in worker processes
        w.show_pane("activations")      # hidden, it computes no more
        for pane in w.panes.values():
            pane.shutdown()


def _check_title_rows(w) -> None:
    for entry in PANES:
        pane = w.panes[entry.key]
        w.show_pane(entry.key)
        QApplication.processEvents()
        assert whole(pane.title), entry.key
        title = pane.title
        assert title.heightForWidth(title.width()) <= title.height() + 1, entry.key
        boxes = [pane.title_row.itemAt(i).widget() for i in range(1, pane.title_row.count())]
        boxes = [b for b in boxes if b is not pane.view_button]
        button = pane.view_button
        if button.folded:       # the boxes are in the "View ▾" menu, as they are
            assert whole(button) and text_fits(button), entry.key
            assert title.geometry().bottom() >= button.geometry().top(), entry.key  # one row
            actions = button.fill_menu()
            assert [(a.text(), a.isChecked()) for a in actions] == \
                [(b.text(), b.isChecked()) for b in boxes], entry.key
            assert not any(b.isVisible() for b in boxes)
            continue
        assert button.isHidden(), entry.key
        for box in boxes:
            assert whole(box), (entry.key, box.text() if hasattr(box, "text") else box)
            assert box.width() >= box.sizeHint().width(), entry.key


def no_workers_left() -> None:
    """Wait for the Jacobian spectra's worker processes to end (later tests count workers)."""
    for _ in range(400):
        if not workers():
            return
        QTest.qWait(50)


@pytest.fixture
def english_after():
    yield
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def _windows_closed_and_workers_gone(qtbot, monkeypatch):
    # Shown, the Jacobian tab computes spectra and the Sweep tab warms its pool in worker
    # processes, which outlive the test (the pool warms WARM_MS after the tab is shown, even
    # if the window has closed by then) while later tests count workers; the title rows
    # need none of them.
    from initviz.engine.sweep_exec import WorkerPool
    from initviz.ui.panes.jacobian_pane import JacobianPane
    monkeypatch.setattr(JacobianPane, "compute", lambda self: None)
    monkeypatch.setattr(WorkerPool, "warm", lambda self, workers: None)
    yield
    from initviz.ui.main_window import MainWindow
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and not w.closed:
            w.show_pane("activations")
            w.close()
    QTest.qWait(WARM_MS + 100)      # the Sweep tab's timer fires while warm is patched
    no_workers_left()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("size", [(1280, 720), (1600, 1000)])
def test_every_tab_title_and_title_row_control_is_whole(qtbot, window, size, language,
                                                        english_after):
    i18n.set_language(language)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.width() == size[0])
    QApplication.processEvents()
    check_tab_titles(window)
    check_title_rows(window)
    rows = window.tab_strip.rows()
    assert sum(len(r) for r in rows) == len(PANES)
    if size == (1600, 1000):
        assert len(rows) <= 2


def test_the_strip_wraps_only_when_one_row_does_not_fit(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    strip = window.tab_strip
    window.resize(3000, 800)
    qtbot.waitUntil(lambda: len(strip.rows()) == 1)
    assert strip.fit(force=True) == 1.0
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: len(strip.rows()) == 2)
    # clicking a title shows its pane, and the pane shown checks its title
    strip.buttons[PANES.index(next(e for e in PANES if e.key == "depth"))].click()
    assert window.tabs.currentWidget() is window.panes["depth"]
    window.show_pane("loss")
    assert [b.isChecked() for b in strip.buttons] == [e.key == "loss" for e in PANES]
    window.tabs.setTabEnabled(KEYS.index("boundary"), False)    # e.g. no 2-D data
    strip.sync()
    assert [b.isEnabled() for b in strip.buttons] == [e.key != "boundary" for e in PANES]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_presentation_at_1280_by_720_shows_every_tab_and_the_section_title(presenting,
                                                                          language):
    w = presenting
    if language != "en":
        w.presentation.set_language(language)
    for section in ("A", "H"):
        w.presets.show_section(section)
        QApplication.processEvents()
        check_tab_titles(w)
        box = w.presets.sections
        needs, room = box.title_needs(), box.title_rect()
        assert needs.width() <= room.width() and needs.height() <= room.height(), \
            (box.currentText(), needs, room)
    check_title_rows(w)
    no_workers_left()


def test_folded_check_boxes_work_from_the_view_menu(qtbot, window):
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.show_pane("activations")
    pane = window.panes["activations"]
    qtbot.waitUntil(lambda: pane.view_button.folded)
    actions = {a.text(): a for a in pane.view_button.fill_menu()}
    assert pane.side_box.text() in actions and not pane.side_by_side
    actions[pane.side_box.text()].trigger()
    assert pane.side_by_side and pane.side_box.isChecked()
    assert {a.text(): a.isChecked() for a in pane.view_button.fill_menu()}[
        pane.side_box.text()]
    window.resize(2200, 1000)          # room again: the boxes come back beside the title
    qtbot.waitUntil(lambda: not pane.view_button.folded)
    assert pane.side_box.isVisible() and pane.view_button.isHidden()

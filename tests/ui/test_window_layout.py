"""What a person sees at the usual screen sizes: every preset of a section at once, plots that
fit their pane, and plots made ahead of the first run."""
import pytest
from PySide6.QtCore import QRect

from initviz.engine.presets import PRESETS


def fully_visible(widget) -> bool:
    return widget.isVisible() and widget.visibleRegion().boundingRect() == \
        QRect(0, 0, widget.width(), widget.height())


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_a_section_shows_all_its_presets(qtbot, window, size):
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    sections = {p.section for p in PRESETS.values()}
    for section in sorted(sections):
        keys = [k for k, p in PRESETS.items() if p.section == section]
        window.presets.show_section(section)
        qtbot.wait(10)
        for key in keys:
            b = window.presets.buttons[key]
            assert fully_visible(b), (section, key)
            assert b.height() >= b.label.heightForWidth(b.label.width())   # no cut-off line


def test_marking_a_preset_shows_its_section(qtbot, window):
    window.presets.mark("exploding-clipping")
    assert window.presets.sections.currentIndex() == window.presets.stack.currentIndex()
    page = window.presets.stack.currentWidget()
    assert window.presets.buttons["exploding-clipping"].parent() is page


def test_loss_plots_fit_a_narrow_pane(qtbot, window):
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    pane = window.panes["loss"]
    window.tabs.setCurrentWidget(pane)
    qtbot.wait(50)
    view = pane.view
    for plot in (pane.early, pane.whole, pane.acc):
        right = plot.mapRectToScene(plot.boundingRect()).right()
        assert right <= view.width() + 1, plot


def test_histogram_plots_and_maps_are_made_while_the_window_is_idle(qtbot, window):
    window.show()
    qtbot.waitUntil(lambda: not window.warm_timer.isActive() and
                    all(window.panes[k].pool_size() == 10
                        for k in ("activations", "gradients", "weights")) and
                    window.panes["loss"].pool_size() == 6 and
                    window.panes["training"].pool_size() == 24, timeout=30000)


def test_every_preset_view_is_shown_by_exactly_one_pane():
    from initviz.engine.presets import PRESETS, VIEWS
    from initviz.ui.panes.registry import PANES, pane_for_view
    for view in VIEWS:
        assert sum(view in entry.views for entry in PANES) == 1, view
    served = {v for entry in PANES for v in entry.views}
    assert served <= set(VIEWS)
    assert {pane_for_view(p.views[0]) for p in PRESETS.values()} >= {"activations", "loss"}


def test_the_tab_bar_and_the_tab_option_follow_the_registry(window):
    from initviz.ui.app import parse_args
    from initviz.ui.panes.registry import PANES
    tabs = window.tabs
    assert [tabs.widget(i) for i in range(tabs.count())] == \
        [window.panes[e.key] for e in PANES]
    assert [tabs.tabText(i) for i in range(tabs.count())] == [e.title for e in PANES]
    for entry in PANES:
        assert parse_args(["--tab", entry.key]).tab == entry.key


def test_a_closed_window_lets_go_of_pyqtgraphs_menus(qtbot):
    """pyqtgraph makes context menus and option panels for every plot (disabled here); they
    outlived a closed window and made every later style change slower."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication, QMenu
    from initviz.ui import i18n
    from initviz.ui.main_window import MainWindow

    def plot_menus():
        return sum(1 for x in QApplication.topLevelWidgets()
                   if isinstance(x, QMenu) and x.title() == "Plot Options")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    plots = [i for v in w.findChildren(pg.GraphicsView) for i in v.scene().items()
             if isinstance(i, pg.PlotItem)]
    before = plot_menus()
    assert w.close()
    assert before - plot_menus() == len(plots) > 5
    # a closed window no longer redraws or retranslates (its plots have no menus left)
    i18n.set_language("zh_CN")
    qtbot.wait(50)
    i18n.set_language("en")
    qtbot.wait(50)


def test_a_window_closed_at_once_stays_quiet(qtbot):
    """Closed before its idle warm-up starts (a second after it is made), or with a probe
    queued by a setting changed just before: neither may touch its released plots."""
    from initviz.ui.main_window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.panel.config_changed.emit(w.panel.config())      # queues a probe
    assert w.close()
    qtbot.wait(1300)                                    # past the warm-up's start
    assert not w.warm_timer.isActive() and not w.controller.running

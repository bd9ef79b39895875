"""The keyboard, presentation mode, type size and the lesson order."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from initviz.engine import presets as catalogue
from initviz.ui.main_window import MainWindow


@pytest.fixture
def spied(qtbot, monkeypatch):
    """A shown, active window whose transport methods only record that they were called."""
    calls = []
    for name in ("run", "toggle_pause", "reset", "step"):
        monkeypatch.setattr(MainWindow, name, lambda self, n=name: calls.append(n))
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    yield w, calls
    w.controller.shutdown()


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    widget.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(widget, key, modifier)


@pytest.mark.parametrize("focus", ["plots", "run list", "number box", "slider"])
def test_single_keys_fire_whatever_has_the_focus(spied, qtbot, focus):
    w, calls = spied
    target = {"plots": w.tabs, "run list": w.panel.run_list,
              "number box": w.panel.widgets["seed"],
              "slider": next(iter(w.panel.sliders.values()))}[focus]
    for key, expected in ((Qt.Key.Key_Space, "run"), (Qt.Key.Key_R, "reset"),
                          (Qt.Key.Key_S, "step")):
        calls.clear()
        press(qtbot, target, key)
        assert calls == [expected], (focus, key)


def test_space_pauses_a_running_experiment(spied, qtbot, monkeypatch):
    w, calls = spied
    monkeypatch.setattr(type(w.controller), "running", property(lambda self: True))
    press(qtbot, w.tabs, Qt.Key.Key_Space)
    assert calls == ["toggle_pause"]


def test_letters_typed_into_a_text_field_stay_text(spied, qtbot):
    w, calls = spied
    edit = w.panel.label_edit
    edit.clear()
    press(qtbot, edit, Qt.Key.Key_R)
    qtbot.keyClick(edit, Qt.Key.Key_S)
    qtbot.keyClick(edit, Qt.Key.Key_Space)
    assert calls == []
    assert edit.text().lower() == "rs "


def test_right_and_left_step_through_the_catalogue(spied, qtbot):
    w, _ = spied
    keys = list(catalogue.PRESETS)
    press(qtbot, w.tabs, Qt.Key.Key_Right)
    assert w.preset_key == keys[0]
    press(qtbot, w.tabs, Qt.Key.Key_Right)
    assert w.preset_key == keys[1]
    press(qtbot, w.presets, Qt.Key.Key_Left)
    assert w.preset_key == keys[0]


def test_right_follows_the_teachers_lesson(spied, qtbot):
    from initviz.ui.classroom.lesson import Lesson
    w, _ = spied
    keys = list(catalogue.PRESETS)
    w.presentation.lesson = Lesson([keys[3], keys[0]])
    press(qtbot, w.tabs, Qt.Key.Key_Right)
    assert w.preset_key == keys[3]
    press(qtbot, w.tabs, Qt.Key.Key_Right)
    assert w.preset_key == keys[0]
    press(qtbot, w.tabs, Qt.Key.Key_Right)        # end of the lesson: stays
    assert w.preset_key == keys[0]


def test_f11_presents_and_esc_leaves(spied, qtbot):
    w, _ = spied
    p = w.presentation
    font_before = QApplication.font().pointSizeF()
    press(qtbot, w.tabs, Qt.Key.Key_F11)
    assert p.presenting and p.controls_folded
    assert w.windowState() & Qt.WindowState.WindowFullScreen
    assert not p.settings_column().isVisible()
    assert w.presets.isVisible() and w.tabs.isVisible()
    assert QApplication.font().pointSizeF() > font_before
    press(qtbot, w.tabs, Qt.Key.Key_F9)               # the controls come back
    assert p.settings_column().isVisible()
    press(qtbot, w.tabs, Qt.Key.Key_Escape)
    assert not p.presenting
    assert not w.windowState() & Qt.WindowState.WindowFullScreen
    assert QApplication.font().pointSizeF() == pytest.approx(font_before)


def test_ctrl_plus_and_minus_change_and_remember_the_type_size(spied, qtbot):
    w, _ = spied
    p = w.presentation
    before = p.scale
    press(qtbot, w.tabs, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert p.scale == pytest.approx(before * 1.1, rel=1e-3)
    assert p.settings.get("window/scale") == pytest.approx(p.scale)
    press(qtbot, w.tabs, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, w.tabs, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert p.scale < before


def test_f1_shows_every_key(spied, qtbot):
    from PySide6.QtGui import QKeySequence
    from initviz.ui.classroom.shortcuts import EDIT_KEYS, FILE_KEYS, KEYS, bindings, description
    w, _ = spied
    press(qtbot, w.tabs, Qt.Key.Key_F1)
    sheet = w.presentation.sheet
    assert sheet is not None and sheet.isVisible()
    text = sheet.label.text()
    for name, (keys, _) in {**KEYS, **FILE_KEYS, **EDIT_KEYS}.items():
        assert bindings(keys)
        for k in bindings(keys):
            assert k.toString(QKeySequence.SequenceFormat.NativeText) in text
        assert description(name) in text
    assert "Ctrl+Z" in text
    # and the File menu really has those keys
    shortcuts = {a.shortcut().toString() for a in w.actions()}
    assert {"Ctrl+O", "Ctrl+S", "Ctrl+Shift+S", "Ctrl+E"} <= shortcuts
    sheet.close()


def test_legends_follow_the_type_size(window, qtbot):
    window.load_preset("act-relu-compare")
    qtbot.waitUntil(lambda: all(h.layers is not None for h in window.histories), timeout=10000)
    pane = window.panes["activations"]
    pane.set_side_by_side(False)     # overlaid: the legend names the runs (rows name them)
    window.draw_all()
    legend = pane.legend
    assert "font-size:13pt" in legend.text()
    window.presentation.set_scale(2.0)
    assert "font-size:26pt" in legend.text()
    window.presentation.set_scale(1.0)
    assert "font-size:13pt" in legend.text()


def test_presentation_type_follows_the_screen_height(window, monkeypatch):
    """The teacher's scale is for a 1080-line screen: a 720-line projector shows the same
    share of the picture, so nothing that fits at 1920 × 1080 is cut at 1280 × 720."""
    from PySide6.QtCore import QRect
    p = window.presentation

    class Screen:
        def __init__(self, h):
            self.h = h

        def geometry(self):
            return QRect(0, 0, self.h * 16 // 9, self.h)
    p.presenting = True
    try:
        for lines, factor in ((1080, 1.0), (720, 720 / 1080), (2160, 2.0), (480, 0.6)):
            monkeypatch.setattr(window, "screen", lambda lines=lines: Screen(lines))
            assert p.effective_scale == pytest.approx(p.scale * factor)
    finally:
        p.presenting = False
    assert p.effective_scale == p.scale


def test_the_window_title_keeps_the_file_name_in_every_language(window, qtbot, tmp_path):
    from initviz.ui import i18n
    window.experiment.saved_to(tmp_path / "lesson one.json", window.experiment.config)
    assert window.windowTitle() == "lesson one.json[*] — " + window.base_title()
    try:
        window.presentation.set_language("zh_CN")
        qtbot.waitUntil(lambda: "初始化" in window.windowTitle())
        assert window.windowTitle().startswith("lesson one.json[*] — ")
    finally:
        window.presentation.set_language("en")
        i18n.set_language("en")
    assert window.windowTitle() == "lesson one.json[*] — " + window.base_title()


def test_themes_restyle_the_plots(window, qtbot):
    import pyqtgraph as pg
    p = window.presentation
    window.load_preset("act-relu-compare")
    qtbot.waitUntil(lambda: all(h.layers is not None for h in window.histories), timeout=10000)
    window.draw_all()
    p.set_theme("dark")
    view = window.panes["depth"].view
    assert view.backgroundBrush().color().name() == "#000000"
    axes = [i for i in view.scene().items() if isinstance(i, pg.AxisItem)]
    assert axes and all(a.pen().color().name() == "#f0f0f0" for a in axes)
    # a note that explains the picture is in the text's colour, not red (review 13 read the
    # red "saturated and dead shares alike" as an error)
    legend = window.panes["depth"].legend
    assert "saturated" in legend.text() and "#FF8A80" not in legend.text() and \
        "#B00020" not in legend.text()
    # trouble is red: light on the dark window (dark red on black was unread)
    legend.show_runs(["a", "b"], {1: "diverged at step 4"})
    assert "#FF8A80" in legend.text() and "#B00020" not in legend.text()
    p.set_theme("light")
    assert view.backgroundBrush().color().name() == "#ffffff"
    assert "#B00020" in legend.text()


def test_a_note_on_a_white_box_stays_dark_in_the_dark_theme(window, qtbot):
    """symmetry-zeros' all-0 map is white with "P = 0.50 everywhere" on it: the dark theme
    turned the note's text white as well."""
    from initviz.engine.config import merge
    window.load_preset("symmetry-zeros", run=False)
    config = window.panel.config()
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        window.start(merge(config, {"train": {"steps": 1}}))
    window.show_pane("boundary")
    window.draw_all()
    window.presentation.set_theme("dark")
    try:
        # (shown or not: a map too small for legible type leaves it to the legend)
        notes = [n for n in window.panes["boundary"].notes()
                 if "everywhere" in n.toPlainText()]
        assert notes and all(n.color.lightness() < 100 for n in notes)
    finally:
        window.presentation.set_theme("light")


def test_lesson_formula_fills_in_the_layer_sizes():
    from initviz.engine.config import InitConfig
    from initviz.engine.initializers import formula_with_numbers
    he = InitConfig(scheme="kaiming_normal", nonlinearity="relu")
    assert formula_with_numbers(he, 100, 100) == "σ = √(2/100) = 0.141"
    assert formula_with_numbers(InitConfig(scheme="xavier_uniform"), 100, 50) == \
        "a = √(6/(100+50)) = 0.2,  W ~ U[−a, a)"


def test_every_key_is_bound_once(window):
    """One action per key sequence in the window (Space was bound by the tool bar and
    unbound again by the presentation controller)."""
    from PySide6.QtGui import QAction, QKeySequence
    bound = [s.toString() for a in window.findChildren(QAction) for s in a.shortcuts()
             if not s.isEmpty()]
    assert bound.count(QKeySequence("Space").toString()) == 1
    assert len(bound) == len(set(bound)), sorted(bound)

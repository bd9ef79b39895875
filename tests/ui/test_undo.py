"""Edit ▸ Undo and Redo: the experiment model's changes (a setting, a preset, a file opened)
undone from the window, each action enabled only with something to undo and saying what."""
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from initviz.engine.config import ExperimentConfig, merge
from initviz.engine.experiment_file import save_experiment
from initviz.engine.presets import PRESETS

pytestmark = pytest.mark.usefixtures("no_real_dialogs")
KEY = "act-tanh-compare"


def small(seed=3):
    return merge(ExperimentConfig(), {
        "data": {"name": "normal", "samples": 200, "features": 10, "probe_samples": 100},
        "network": {"depth": 3, "width": 16}, "train": {"steps": 5},
        "runs": [{"label": "a"}, {"label": "b"}], "seed": seed})


def test_nothing_to_undo_disables_both(window):
    menu = window.edit_menu
    assert not menu.undo_action.isEnabled() and not menu.redo_action.isEnabled()
    assert menu.undo_action.text() == "&Undo"
    assert menu.menu.menuAction() is window.menuBar().actions()[1]     # right after File


def test_undo_restores_an_edited_control_and_redo_repeats_it(window):
    menu = window.edit_menu
    window.load_preset(KEY, run=False)
    seed = window.panel.config().seed
    window.panel.widgets["seed"].setValue(seed + 4)
    assert menu.undo_action.isEnabled()
    assert menu.undo_action.text() == f"&Undo: Seed {seed} → {seed + 4}"
    menu.undo_action.trigger()
    assert window.panel.widgets["seed"].value() == seed
    assert window.panel.config() == PRESETS[KEY].config
    assert menu.redo_action.text() == f"&Redo: Seed {seed} → {seed + 4}"
    menu.redo_action.trigger()
    assert window.panel.config().seed == seed + 4 and not menu.redo_action.isEnabled()


def test_undo_an_edit_brings_back_the_preset_and_its_mark(window):
    window.load_preset(KEY, run=False)
    assert window.presets.buttons[KEY].isChecked()
    window.panel.widgets["bins"].setValue(window.panel.config().bins + 10)
    assert window.experiment.intact_preset() is None       # the mark is gone while edited
    window.edit_menu.undo_action.trigger()
    assert window.panel.config() == PRESETS[KEY].config
    assert window.experiment.intact_preset() == KEY and window.presets.buttons[KEY].isChecked()
    assert window.edit_menu.undo_action.text().startswith("&Undo: preset ")
    window.edit_menu.undo_action.trigger()                  # and the preset's loading itself
    assert window.preset_key is None and not window.edit_menu.undo_action.isEnabled()


def test_undo_an_opened_file_brings_back_what_was_shown(qtbot, window, tmp_path):
    window.load_preset(KEY, run=False)
    title = window.windowTitle()
    path = tmp_path / "e.json"
    save_experiment(path, small())
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        assert window.file_menu.open_path(path)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)
    assert window.windowTitle().startswith("e.json")
    menu = window.edit_menu
    assert menu.undo_action.text() == "&Undo: open e.json"
    menu.undo_action.trigger()
    assert window.panel.config() == PRESETS[KEY].config and window.preset_key == KEY
    assert window.file_menu.path is None and window.windowTitle() == title
    assert not window.isWindowModified()
    menu.redo_action.trigger()
    assert window.file_menu.path == path.resolve() and window.panel.config() == small()
    assert not window.isWindowModified() and window.windowTitle().startswith("e.json")


@pytest.mark.parametrize("focus", ["plots", "number box"])
def test_ctrl_z_is_the_undo_key(qtbot, window, focus):
    """Also in the number box just changed: its own undo would only undo typing."""
    window.load_preset(KEY, run=False)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    box = window.panel.widgets["seed"]
    target = box if focus == "number box" else window.tabs
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert window.panel.config().seed == PRESETS[KEY].config.seed + 1
    target.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.panel.config() == PRESETS[KEY].config
    assert window.presets.buttons[KEY].isChecked()


def test_the_undo_text_is_in_the_users_language(window):
    window.load_preset(KEY, run=False)
    seed = window.panel.config().seed
    window.panel.widgets["seed"].setValue(seed + 1)
    try:
        window.presentation.set_language("zh_CN")
        QApplication.processEvents()
        assert window.edit_menu.undo_action.text() == \
            f"撤销(&U)：{QCoreApplication.translate('ControlPanel', 'Seed')} " \
            f"{seed} → {seed + 1}"
        assert window.edit_menu.menu.title() == "编辑(&E)"
    finally:
        window.presentation.set_language("en")

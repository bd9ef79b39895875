"""The File menu: experiment files open and save, reproduce the same numbers in a fresh window,
bad files change nothing, recent files, drag and drop, shortcuts, unsaved changes."""
import json
import os

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from initviz.engine.config import ExperimentConfig, merge
from initviz.engine.experiment_file import SCHEMA, save_experiment
from initviz.engine.presets import PRESETS
from initviz.ui.files import recent_files


def training(steps=30, seed=7, **more):
    return merge(ExperimentConfig(), {
        "data": {"name": "normal", "samples": 200, "features": 10, "probe_samples": 100},
        "network": {"depth": 3, "width": 16, "activation": "tanh"},
        "train": {"steps": steps, "batch_size": 32, "eval_every": 10, "optimizer": "sgd",
                  "learning_rate": 0.05},
        "runs": [{"label": "small", "init": {"scheme": "normal", "std": 0.05}},
                 {"label": "Xavier", "init": {"scheme": "xavier_normal"}}],
        "seed": seed, **more})


pytestmark = pytest.mark.usefixtures("no_real_dialogs")


@pytest.fixture
def warnings(window, monkeypatch):
    shown = []
    monkeypatch.setattr(window.file_menu, "warn", lambda title, text: shown.append(text))
    return shown


def finish(qtbot, window, action):
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        action()
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)


def fresh_window(qtbot):
    from initviz.ui.main_window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    return w


# -- the menu --------------------------------------------------------------------------------
def test_file_menu_comes_first_with_the_shortcuts(window):
    fm = window.file_menu
    assert window.menuBar().actions()[0].menu() is fm.menu
    assert fm.open_action.shortcut() == QKeySequence("Ctrl+O")
    assert fm.save_action.shortcut() == QKeySequence("Ctrl+S")
    assert fm.save_as_action.shortcut() == QKeySequence("Ctrl+Shift+S")
    assert fm.export_pane_action.shortcut() == QKeySequence("Ctrl+E")
    for a in (fm.open_action, fm.save_action, fm.save_as_action, fm.export_pane_action):
        assert a in window.actions()          # still work with the menu bar hidden
        assert a.toolTip()
    # no shortcut of the File menu is taken twice in the window
    keys = [a.shortcut().toString() for a in window.findChildren(type(fm.open_action))
            if not a.shortcut().isEmpty()]
    for a in (fm.open_action, fm.save_action, fm.save_as_action, fm.export_pane_action):
        assert keys.count(a.shortcut().toString()) == 1


def test_actions_go_through_the_dialog_methods(window, monkeypatch, tmp_path):
    fm = window.file_menu
    asked = []
    monkeypatch.setattr(fm, "ask_open_path", lambda: asked.append("open"))
    monkeypatch.setattr(fm, "ask_save_path",
                        lambda title, suggested, filters: asked.append(("save", suggested,
                                                                        filters)))
    fm.open_action.trigger()
    fm.save_action.trigger()          # no file yet: Save asks where, like Save As
    fm.save_as_action.trigger()
    fm.export_pane_action.trigger()
    assert asked[0] == "open"
    assert [a[0] for a in asked[1:]] == ["save"] * 3
    assert asked[1][1].endswith(".json") and "*.json" in asked[1][2][0]
    assert any("*.png" in f for f in asked[3][2]) and any("*.svg" in f for f in asked[3][2])
    assert any("*.csv" in f for f in asked[3][2])
    assert fm.path is None and not list(tmp_path.glob("*.json"))


# -- save and open ---------------------------------------------------------------------------
def test_save_then_open_in_a_fresh_window_gives_the_same_numbers(qtbot, window, tmp_path,
                                                                  monkeypatch):
    config = training()
    window.panel.set_config(config)
    finish(qtbot, window, window.run)
    fm = window.file_menu
    # The dialog returns a name without suffix: .json is added.
    monkeypatch.setattr(fm, "ask_save_path",
                        lambda *a: (str(tmp_path / "lesson"), fm.experiment_filter()))
    assert fm.save_as()
    path = tmp_path / "lesson.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["schema"] == SCHEMA and doc["config"]["seed"] == 7
    assert [r["label"] for r in doc["config"]["runs"]] == ["small", "Xavier"]
    assert fm.path == path.resolve() and "lesson.json" in window.windowTitle()
    assert recent_files.RecentFiles().paths() == [str(path.resolve())]

    other = fresh_window(qtbot)
    monkeypatch.setattr(other.file_menu, "ask_open_path", lambda: str(path))
    finish(qtbot, other, other.file_menu.open)
    assert other.panel.config() == config
    assert other.file_menu.path == path.resolve()
    for a, b in zip(window.histories, other.histories, strict=True):
        assert a.label == b.label and a.step == b.step == 30
        assert np.array_equal(a.losses.data, b.losses.data)          # bit for bit
        assert np.array_equal(a.val_accuracies.data, b.val_accuracies.data)
        for la, lb in zip(a.layers, b.layers, strict=True):
            assert la.activation_std == lb.activation_std
            assert la.gradient_std == lb.gradient_std
            assert la.activation_hist == lb.activation_hist
    a = window.file_menu.exporter.result_document()
    b = other.file_menu.exporter.result_document()
    for doc in (a, b):
        for run in doc["runs"]:
            run["final"].pop("seconds")
    assert a == b
    other.controller.shutdown()


def test_save_overwrites_the_open_file_and_keeps_its_permissions(qtbot, window, tmp_path):
    path = tmp_path / "e.json"
    save_experiment(path, training(seed=1))
    os.chmod(path, 0o640)
    fm = window.file_menu
    finish(qtbot, window, lambda: fm.open_path(path))
    window.panel.widgets["seed"].setValue(5)
    assert fm.is_modified() and window.isWindowModified()
    assert fm.save()                       # Ctrl+S: no dialog, same file
    assert json.loads(path.read_text())["config"]["seed"] == 5
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert not fm.is_modified() and not window.isWindowModified()
    assert [p.name for p in tmp_path.iterdir() if "e.json" in p.name] == ["e.json"]  # no tmp


def test_a_new_file_is_readable_by_others_as_the_umask_says(window, tmp_path):
    umask = os.umask(0o022)
    try:
        assert window.file_menu.save_to(tmp_path / "shared.json")
    finally:
        os.umask(umask)
    assert os.stat(tmp_path / "shared.json").st_mode & 0o777 == 0o644


def test_a_preset_file_opens_with_its_preset(qtbot, window, tmp_path):
    key = "act-tanh-compare"
    window.load_preset(key, run=False)
    fm = window.file_menu
    assert fm.save_to(tmp_path / "p.json")
    assert json.loads((tmp_path / "p.json").read_text())["preset"] == key
    other = fresh_window(qtbot)
    finish(qtbot, other, lambda: other.file_menu.open_path(tmp_path / "p.json"))
    assert other.preset_key == key and other.presets.buttons[key].isChecked()
    assert other.explanation.title.text() == window.explanation.title.text()
    assert other.panel.config() == PRESETS[key].config
    other.controller.shutdown()


def test_a_changed_preset_is_saved_as_your_own_experiment(window, tmp_path):
    window.load_preset("act-tanh-compare", run=False)
    window.panel.widgets["seed"].setValue(99)        # the preset is no longer what it was
    assert window.file_menu.save_to(tmp_path / "mine.json")
    doc = json.loads((tmp_path / "mine.json").read_text())
    assert doc["preset"] is None and doc["config"]["seed"] == 99


BAD = {
    "malformed.json": ("{not json", "not valid JSON"),
    "foreign.json": ('{"schema": "someone.else/1", "data": []}', "not an initviz experiment"),
    "newer.json": ('{"schema": "initviz.experiment/9", "config": {}}', "newer initviz"),
    "invalid.json": ('{"schema": "initviz.experiment/1", "config": {"network": {"depth": 0}}}',
                     "network.depth"),
    "list.json": ("[1, 2, 3]", "not an initviz experiment"),
    "binary.json": (b"\x89PNG\r\n\x1a\n\x00\x00", "not"),
    "runs.json": ('{"schema": "initviz.experiment/1", "config": {"runs": [5]}}', "runs.json"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_file_says_why_and_changes_nothing(qtbot, window, tmp_path, monkeypatch, name):
    content, reason = BAD[name]
    path = tmp_path / name
    (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    good = tmp_path / "good.json"
    save_experiment(good, training(seed=3))
    fm = window.file_menu
    finish(qtbot, window, lambda: fm.open_path(good))
    window.panel.widgets["bins"].setValue(40)           # an unsaved change, kept as it is
    before = (window.panel.config(), fm.path, window.windowTitle(), window.isWindowModified(),
              recent_files.RecentFiles().paths(), window.controller.current_id,
              window.preset_key)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    monkeypatch.setattr(fm, "ask_save_changes", lambda: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(fm, "ask_open_path", lambda: str(path))
    fm.open()
    assert len(shown) == 1 and reason in shown[0] and "\n" not in shown[0]
    after = (window.panel.config(), fm.path, window.windowTitle(), window.isWindowModified(),
             recent_files.RecentFiles().paths(), window.controller.current_id,
             window.preset_key)
    assert after == before


def test_a_missing_file_says_so(window, warnings, tmp_path):
    assert not window.file_menu.open_path(tmp_path / "gone.json")
    assert warnings and "cannot read gone.json" in warnings[0]


def test_a_bad_setting_cannot_be_saved(window, warnings, tmp_path, monkeypatch):
    from initviz.engine.config import ConfigError

    def broken():
        raise ConfigError("network.width: must be a whole number from 1 to 2048, not 0")
    monkeypatch.setattr(window.panel, "config", broken)
    assert not window.file_menu.save_to(tmp_path / "x.json")
    assert "network.width" in warnings[0] and not (tmp_path / "x.json").exists()


def test_an_unwritable_folder_says_so(window, warnings, tmp_path):
    assert not window.file_menu.save_to(tmp_path / "no such folder" / "x.json")
    assert warnings and "x.json" in warnings[0]
    assert window.file_menu.path is None


# -- recent files ----------------------------------------------------------------------------
def test_recent_files_newest_first_at_most_eight(window, tmp_path):
    fm = window.file_menu
    paths = []
    for i in range(10):
        paths.append(tmp_path / f"e{i}.json")
        assert fm.save_to(paths[-1])
    assert fm.save_to(paths[3])                      # again: moves to the top, once
    recent = recent_files.RecentFiles().paths()
    assert recent == [str(p.resolve()) for p in [paths[3], paths[9], paths[8], paths[7],
                                                 paths[6], paths[5], paths[4], paths[2]]]
    fm.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in fm.recent_menu.actions() if not a.isSeparator()]
    assert texts[0] == "&1  e3.json" and len(texts) == 9     # eight files and "clear"


def test_missing_recent_files_are_pruned_with_a_notice(qtbot, window, tmp_path, warnings):
    fm = window.file_menu
    for name in ("a.json", "b.json", "c.json"):
        assert fm.save_to(tmp_path / name)
    (tmp_path / "b.json").unlink()
    fm.recent_menu.aboutToShow.emit()
    assert [os.path.basename(p) for p in fm.recent.paths()] == ["c.json", "a.json"]
    assert "b.json" in window.statusBar().currentMessage()
    # a file that vanishes while the menu is open: a warning, and it leaves the list
    (tmp_path / "a.json").unlink()
    a = next(x for x in fm.recent_menu.actions() if x.text().endswith("a.json"))
    a.trigger()
    assert warnings and "a.json" in warnings[0]
    assert [os.path.basename(p) for p in fm.recent.paths()] == ["c.json"]


def test_open_recent_opens_the_file(qtbot, window, tmp_path):
    path = tmp_path / "r.json"
    save_experiment(path, training(seed=11))
    window.file_menu.recent.add(path)
    window.file_menu.recent_menu.aboutToShow.emit()
    action = window.file_menu.recent_menu.actions()[0]
    finish(qtbot, window, action.trigger)
    assert window.panel.config().seed == 11


def test_the_recent_list_lives_in_the_settings_file(window, tmp_path):
    window.file_menu.save_to(tmp_path / "s.json")
    text = (tmp_path / "settings.ini").read_text()      # conftest's INITVIZ_SETTINGS
    assert "s.json" in text


# -- drag and drop ---------------------------------------------------------------------------
def _drop_events(path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    return mime, enter, drop


@pytest.mark.parametrize("target", ["window", "plot"])
def test_a_file_dropped_on_the_window_opens(qtbot, window, tmp_path, target):
    path = tmp_path / "dropped.json"
    save_experiment(path, training(seed=21))
    assert window.acceptDrops()
    widget = window if target == "window" else window.panes["loss"].view.viewport()
    mime, enter, drop = _drop_events(path)      # the events point at mime: keep it alive
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        QApplication.sendEvent(widget, drop)
    assert window.panel.config().seed == 21 and window.file_menu.path == path.resolve()


def test_other_files_are_not_taken(window, tmp_path):
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG")
    mime, enter, drop = _drop_events(path)      # the events point at mime: keep it alive
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


# -- unsaved changes -------------------------------------------------------------------------
def test_unsaved_changes_ask_before_they_are_replaced(qtbot, window, tmp_path, monkeypatch):
    fm = window.file_menu
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    save_experiment(first, training(seed=1))
    save_experiment(second, training(seed=2))
    finish(qtbot, window, lambda: fm.open_path(first))
    assert not window.isWindowModified()
    window.panel.widgets["seed"].setValue(8)
    assert window.isWindowModified()
    answers = [QMessageBox.StandardButton.Cancel]
    asked = []
    monkeypatch.setattr(fm, "ask_save_changes", lambda: asked.append(1) or answers[0])
    monkeypatch.setattr(fm, "ask_open_path", lambda: str(second))
    fm.open()                                          # Cancel: nothing happens
    assert asked and fm.path == first.resolve() and window.panel.config().seed == 8
    answers[0] = QMessageBox.StandardButton.Save       # Save: written, then opened
    finish(qtbot, window, fm.open)
    assert json.loads(first.read_text())["config"]["seed"] == 8
    assert fm.path == second.resolve() and window.panel.config().seed == 2


def test_closing_with_unsaved_changes_can_be_cancelled(qtbot, window, tmp_path, monkeypatch):
    fm = window.file_menu
    path = tmp_path / "c.json"
    save_experiment(path, training(seed=1))
    window.show()
    qtbot.waitExposed(window)
    finish(qtbot, window, lambda: fm.open_path(path))
    window.panel.widgets["seed"].setValue(4)
    monkeypatch.setattr(fm, "ask_save_changes", lambda: QMessageBox.StandardButton.Cancel)

    saved = []
    monkeypatch.setattr(window.presentation, "save", lambda: saved.append(1))
    assert not window.close()
    assert window.isVisible() and not saved               # a cancelled close saves nothing
    monkeypatch.setattr(fm, "ask_save_changes", lambda: QMessageBox.StandardButton.Discard)
    assert window.close()
    assert saved == [1]                                    # then the session, once
    assert json.loads(path.read_text())["config"]["seed"] == 1


def test_no_question_without_a_file(window, monkeypatch):
    monkeypatch.setattr(window.file_menu, "ask_save_changes",
                        lambda: pytest.fail("asked about a file that does not exist"))
    window.panel.widgets["seed"].setValue(4)
    assert window.file_menu.maybe_save_changes()
    assert not window.isWindowModified()



@pytest.mark.parametrize("keys,asked", [("Ctrl+O", "open"), ("Ctrl+S", "Save experiment"),
                                        ("Ctrl+Shift+S", "Save experiment"),
                                        ("Ctrl+E", "Export the Activations pane")])
def test_the_keys_reach_their_commands(qtbot, window, monkeypatch, keys, asked):
    fm = window.file_menu
    called = []
    monkeypatch.setattr(fm, "ask_open_path", lambda: called.append("open"))
    monkeypatch.setattr(fm, "ask_save_path", lambda title, *a: called.append(title))
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    sequence = QKeySequence(keys)[0]
    qtbot.keyClick(window, sequence.key(), sequence.keyboardModifiers())
    assert called == [asked]


def test_a_bad_file_is_explained_in_the_users_language(window, warnings, tmp_path):
    from initviz.ui import i18n
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "initviz.experiment/1", "config": {"train": {"steps": -1}}}')
    before = window.panel.config()
    try:
        i18n.set_language("zh_CN")
        assert not window.file_menu.open_path(bad)
    finally:
        i18n.set_language("en")
    assert warnings[-1] == "bad.json: train.steps：必须是 0 到 1e+06 之间的整数，而不是 -1"
    assert window.panel.config() == before          # nothing changed
    # and in English the same file says the same in English
    assert not window.file_menu.open_path(bad)
    assert "train.steps: must be a whole number from 0 to 1e+06, not -1" in warnings[-1]

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QToolButton

from initviz.engine.config import ExperimentConfig
from initviz.engine.presets import PRESETS
from initviz.ui.controls.control_panel import ControlPanel


def make(qtbot):
    panel = ControlPanel()
    qtbot.addWidget(panel)
    return panel


def shown_panel(qtbot, key):
    """A panel on screen, as tall as a window's, showing preset ``key``."""
    panel = make(qtbot)
    panel.resize(340, 900)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_config(PRESETS[key].config)
    return panel


def test_panel_shows_and_emits_a_preset_unchanged(qtbot):
    panel = make(qtbot)
    config = PRESETS["act-relu-compare"].config
    panel.set_config(config)
    assert panel.config() == config


def test_panel_emits_the_config_its_widgets_show(qtbot):
    panel = make(qtbot)
    panel.set_config(ExperimentConfig())
    seen = []
    panel.config_changed.connect(seen.append)
    w = panel.widgets
    w["init.scheme"].setCurrentIndex(w["init.scheme"].findData("normal"))
    w["init.std"].setValue(0.25)
    w["network.activation"].setCurrentIndex(w["network.activation"].findData("relu"))
    w["network.depth"].setValue(7)
    w["network.width"].setValue(64)
    w["network.batch_norm"].setChecked(True)
    w["train.steps"].setValue(200)
    w["train.optimizer"].setCurrentIndex(w["train.optimizer"].findData("sgd"))
    w["train.learning_rate"].setValue(0.05)
    w["train.clip_norm"].setValue(1.5)
    w["seed"].setValue(42)
    c = seen[-1]
    assert c.runs[0].init.scheme == "normal" and c.runs[0].init.std == 0.25
    assert c.network.activation == "relu" and c.network.depth == 7 and c.network.width == 64
    assert c.network.batch_norm is True
    assert c.train.steps == 200 and c.train.optimizer == "sgd"
    assert c.train.learning_rate == 0.05 and c.train.clip_norm == 1.5
    assert c.seed == 42
    assert c == panel.config()
    assert c.runs[0].label == "N(0, 0.25)"   # the label follows the initialization


def test_controls_that_do_not_apply_are_disabled(qtbot):
    panel = make(qtbot)
    panel.set_config(ExperimentConfig())
    w = panel.widgets
    w["init.scheme"].setCurrentIndex(w["init.scheme"].findData("uniform"))
    assert w["init.low"].isEnabled() and not w["init.std"].isEnabled()
    assert not panel.sliders["init.std"].isEnabled()
    w["train.steps"].setValue(0)
    assert not w["train.learning_rate"].isEnabled()
    w["train.steps"].setValue(10)
    assert w["train.learning_rate"].isEnabled()
    assert all(widget.toolTip() for widget in w.values())


def test_invalid_settings_are_reported_not_emitted(qtbot):
    panel = make(qtbot)
    seen = []
    panel.config_changed.connect(seen.append)
    w = panel.widgets
    w["init.scheme"].setCurrentIndex(w["init.scheme"].findData("uniform"))
    n = len(seen)
    w["init.low"].setValue(5.0)   # above high = 1
    assert len(seen) == n and "init.low" in panel.error.text()


def test_compare_add_remove_clear(qtbot):
    panel = make(qtbot)
    panel.set_config(ExperimentConfig())
    seen = []
    panel.config_changed.connect(seen.append)
    for _ in range(8):
        panel.add_run()
    assert len(seen[-1].runs) == 6                      # at most six
    w = panel.widgets
    w["init.scheme"].setCurrentIndex(w["init.scheme"].findData("normal"))
    w["init.std"].setValue(3.0)
    c = seen[-1]
    assert c.runs[5].init.std == 3.0 and c.runs[0].init.scheme != "normal"
    panel.remove_run()
    assert len(seen[-1].runs) == 5
    panel.clear_runs()
    assert len(seen[-1].runs) == 1


def test_std_slider_moves_sigma(qtbot):
    panel = make(qtbot)
    w = panel.widgets
    w["init.scheme"].setCurrentIndex(w["init.scheme"].findData("normal"))
    seen = []
    panel.config_changed.connect(seen.append)
    panel.sliders["init.std"].setValue(-100)   # 10^-1
    assert abs(seen[-1].runs[0].init.std - 0.1) < 1e-9


def test_every_preset_round_trips_through_the_panel(qtbot):
    panel = make(qtbot)
    for key, preset in PRESETS.items():
        panel.set_config(preset.config)
        assert panel.config() == preset.config, key


def test_a_runs_own_settings_are_shown_and_edited(qtbot):
    panel = make(qtbot)
    panel.set_config(PRESETS["batchnorm-rescue"].config)
    seen = []
    panel.config_changed.connect(seen.append)
    panel.select_run(0)
    assert panel.run_settings.rows == {}                 # the plain run has none
    panel.select_run(2)
    box = panel.run_settings.rows["network.batch_norm"]
    assert box.isChecked()
    box.setChecked(False)                                # this run only
    assert seen[-1].runs[2].network == {"batch_norm": False}
    assert seen[-1].runs[3].network == {"batch_norm": True}
    box.parentWidget().findChild(QToolButton).click()  # back to the comparison's setting
    assert seen[-1].runs[2].network == {}
    assert "network.batch_norm" not in panel.run_settings.rows


def test_giving_a_run_its_own_learning_rate(qtbot):
    panel = make(qtbot)
    config = PRESETS["exploding-clipping"].config
    panel.set_config(config)
    seen = []
    panel.config_changed.connect(seen.append)
    settings = panel.run_settings
    index = settings.add_box.findData("train.learning_rate")
    assert index > 0
    settings.add_box.activated.emit(index)               # as if chosen from the list
    rate = settings.rows["train.learning_rate"]
    assert rate.number() == config.train.learning_rate   # starts from the comparison's
    assert settings.add_box.findData("train.learning_rate") == -1
    rate.setValue(0.0005)
    assert seen[-1].runs[0].train == {"learning_rate": 0.0005}
    assert seen[-1].run_train(0).learning_rate == 0.0005
    assert seen[-1].run_train(1).learning_rate == config.train.learning_rate
    panel.select_run(1)                                   # another run: its own rows
    assert list(settings.rows) == ["train.clip_norm"]
    panel.select_run(0)
    assert settings.rows["train.learning_rate"].number() == 0.0005


def test_long_run_names_wrap_inside_the_list(qtbot):
    """glorot-activations' "normalized (Xavier) U[−a, a), a = √(6/(n_in+n_out))" is wider
    than the list: it wraps onto a second line, whole, rather than running past the edge."""
    panel = shown_panel(qtbot, "glorot-activations")
    lst = panel.run_list
    longest = max(range(lst.count()), key=lambda i: len(lst.item(i).text()))
    item = lst.item(longest)
    width = lst.fontMetrics().horizontalAdvance(item.text())
    assert width > lst.viewport().width()                   # the case: it does not fit
    rect = lst.visualItemRect(item)
    assert rect.right() <= lst.viewport().width()
    assert rect.height() >= 2 * lst.fontMetrics().height() - 2     # on two lines
    assert item.toolTip() == item.text()


def test_the_selected_run_keeps_its_colour_swatch(qtbot):
    """Review 16: the selected run's swatch was tinted by the selection's blue, its colour (the
    key to its lines) gone. Each row's drawn swatch holds its run's colour, selected or not."""
    from initviz.ui.look.palette import Palette
    panel = shown_panel(qtbot, "he-vs-xavier-deep")
    lst = panel.run_list
    for selected in range(lst.count()):
        lst.setCurrentRow(selected)
        qtbot.wait(10)
        image = lst.viewport().grab().toImage()
        for i in range(lst.count()):
            rect = lst.visualItemRect(lst.item(i))
            colours = {image.pixelColor(x, rect.center().y()).name()
                       for x in range(rect.left(), rect.left() + 40)}
            assert Palette.hex(i).lower() in colours, (selected, i)
            # framed in white: the first run's blue is the selection's own (review 17b)
            assert "#ffffff" in colours, (selected, i)
        # the selection is grey, no run's colour: under the highlight's blue the first
        # run's swatch read as an empty box (review 18)
        rect = lst.visualItemRect(lst.item(selected))
        behind = image.pixelColor(rect.right() - 3, rect.center().y()).name()
        assert behind not in {Palette.hex(i).lower() for i in range(8)}, behind
        assert QColor(behind).saturation() < 40, behind


def test_runs_own_settings_are_summed_up_by_setting_with_their_swatches(qtbot):
    """Review 16: xavier-gain-table's six runs each listed "Activation = sigmoid" or "= tanh"
    after its full name, a wall of text repeating the legend. Each setting is named once, each
    value once, with the swatches of its runs; the tooltip keeps each run's words."""
    import re
    from initviz.ui.look.palette import Palette
    panel = make(qtbot)
    panel.set_config(PRESETS["xavier-gain-table"].config)
    runs = PRESETS["xavier-gain-table"].config.runs
    text = panel.overrides.text()
    words = re.sub(r"<[^>]+>", "", text).replace("&nbsp;", " ")
    assert words.count("Activation") == 1 and words.count("sigmoid") == 1
    for value in ("sigmoid", "tanh"):
        swatches = re.search(re.escape(value) + r"&nbsp;((?:<span[^>]*>■</span>)+)", text)
        colours = re.findall(r"color:(#[0-9A-Fa-f]{6})", swatches.group(1))
        assert colours == [Palette.hex(i) for i, r in enumerate(runs)
                           if r.network.get("activation") == value]
    assert len(panel.overrides.toolTip().splitlines()) == len(runs)

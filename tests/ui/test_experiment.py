"""The experiment model: what the window shows, in one place. Every way in (preset, edit, file,
undo) goes through it, and the window follows its signals."""
from __future__ import annotations

import pytest

from initviz.engine.config import ExperimentConfig, merge
from initviz.engine.experiment_file import save_experiment
from initviz.engine.presets import PRESETS
from initviz.ui.experiment import Experiment


def probe(features=37, width=11, seed=3):
    return merge(ExperimentConfig(), {
        "data": {"name": "normal", "samples": 200, "features": features, "probe_samples": 100},
        "network": {"depth": 2, "width": width, "activation": "tanh"},
        "train": {"steps": 0},
        "runs": [{"label": "small", "init": {"scheme": "normal", "std": 0.05}}],
        "seed": seed})


@pytest.fixture
def model(qapp):
    return Experiment(ExperimentConfig())


def record(model):
    seen = []
    model.preset_changed.connect(lambda key: seen.append(("preset", key)))
    model.config_changed.connect(lambda config, why: seen.append(("config", why)))
    model.file_changed.connect(lambda path: seen.append(("file", path)))
    return seen


def test_loading_a_preset_then_editing_it(model):
    key = next(iter(PRESETS))
    seen = record(model)
    assert model.load_preset(key) == PRESETS[key].config
    assert seen == [("preset", key), ("config", "preset")]
    assert model.intact_preset() == key
    model.edit(probe())
    assert seen[-1] == ("config", "edit")
    assert model.preset == key and model.intact_preset() is None   # explained, not intact
    assert model.config == probe()


def test_undo_goes_back_one_change_at_a_time(model):
    first, second = list(PRESETS)[:2]
    start = model.config
    model.load_preset(first)
    model.edit(probe(seed=5))
    model.load_preset(second)
    seen = record(model)
    assert model.undo()
    assert model.config == probe(seed=5) and model.preset == first
    assert model.intact_preset() is None
    assert ("preset", first) in seen and seen[-1] == ("config", "undo")
    assert model.undo() and model.config == PRESETS[first].config
    assert model.intact_preset() == first
    assert model.undo() and model.config == start and model.preset is None
    assert not model.undo() and not model.can_undo()


def test_a_file_is_modified_when_its_settings_change_or_make_no_config(model, tmp_path):
    path = tmp_path / "a.json"
    assert not model.is_modified()              # no file: nothing to lose
    changes = []
    model.modified_changed.connect(changes.append)
    model.open_file(path, probe(), None)
    assert model.path == path.resolve() and not model.is_modified()
    model.edit(probe(seed=9))
    assert model.is_modified() and changes[-1] is True
    model.edit(probe())
    assert not model.is_modified()
    model.mark_invalid("network.width: must be a whole number")
    assert model.is_modified()
    model.saved_to(tmp_path / "b.json", probe(seed=9))
    model.edit(probe(seed=9))
    assert model.path.name == "b.json" and not model.is_modified()


def test_a_file_saved_from_an_unchanged_preset_shows_the_preset(model, tmp_path):
    key = next(iter(PRESETS))
    model.open_file(tmp_path / "p.json", PRESETS[key].config, key)
    assert model.intact_preset() == key
    model.open_file(tmp_path / "q.json", probe(), key)
    assert model.preset == key and model.intact_preset() is None
    model.open_file(tmp_path / "r.json", probe(), "no-such-preset")
    assert model.preset is None


def test_one_record_per_run(model):
    config = merge(probe(), {"runs": [{"label": "a"}, {"label": ""}]})
    model.start_runs(config)
    assert [h.label for h in model.runs] == ["a", "run 2"]


# -- the window follows the model ----------------------------------------------------------
def test_opening_a_file_shows_its_first_layer_in_the_schemes_tab(window, tmp_path):
    path = tmp_path / "shape.json"
    save_experiment(path, probe(features=37, width=11))
    assert window.panes["schemes"].shape() == (100, 100)
    assert window.file_menu.open_path(path)
    assert window.panes["schemes"].shape() == (37, 11)
    window.show_pane("schemes")
    header, rows = window.panes["schemes"].export_table(window.histories)
    assert {(r[1], r[2]) for r in rows} == {(37, 11)}


def test_undo_in_the_window_restores_the_settings_and_the_preset_mark(window):
    key = next(iter(PRESETS))
    window.load_preset(key, run=False)
    window.panel.widgets["seed"].setValue(PRESETS[key].config.seed + 1)
    assert not window.presets.buttons[key].isChecked()
    assert window.experiment.undo()
    assert window.panel.config() == PRESETS[key].config
    assert window.presets.buttons[key].isChecked()
    assert window.file_menu.exporter.preset() == key


def test_redo_repeats_what_undo_took_back_until_a_new_change(model, tmp_path):
    key = next(iter(PRESETS))
    model.load_preset(key)
    model.edit(probe(seed=5))
    assert model.undo_change() == ("edit", None)          # many settings from the preset
    model.edit(probe(seed=6))
    assert model.undo_change() == ("edit", ("seed", 5, 6))
    assert model.undo() and model.redo_change() == ("edit", ("seed", 5, 6))
    assert model.redo() and model.config == probe(seed=6) and not model.can_redo()
    model.undo()
    model.edit(probe(seed=6))                  # a new change: the undone one is gone
    assert not model.can_redo() and not model.redo()
    model.open_file(tmp_path / "f.json", probe(seed=7), None)
    assert model.undo_change() == ("file", "f.json")
    assert model.undo() and model.path is None and model.config == probe(seed=6)
    assert model.redo() and model.path == (tmp_path / "f.json").resolve()
    assert not model.is_modified()
    model.undo()
    model.forget_history()                     # start-up: nothing the user did
    assert not model.can_undo() and not model.can_redo() and model.undo_change() is None


def test_config_change_names_the_one_setting_that_differs():
    from initviz.ui.experiment import config_change
    assert config_change(probe(width=11), probe(width=12)) == ("network.width", 11, 12)
    assert config_change(probe(), probe()) is None
    assert config_change(probe(width=11, seed=1), probe(width=12, seed=2)) is None
    one_run = probe()
    other = merge(one_run, {"runs": [{"label": "small", "init": {"scheme": "normal",
                                                                 "std": 0.5}}]})
    assert config_change(one_run, other) == ("runs.0.init.std", 0.05, 0.5)

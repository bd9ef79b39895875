"""Saving and opening experiment files; bad files give a clear message."""
import json
import os

import numpy as np
import pytest

from initviz.engine.config import ExperimentConfig
from initviz.engine.experiment_file import (ExperimentFileError, load_experiment,
                                            parse_experiment, save_experiment)
from initviz.engine.presets import PRESETS
from initviz.engine.runner import run_experiment


def test_round_trip_reproduces_the_same_numbers(tmp_path):
    config = PRESETS["act-tanh-compare"].config.replace(seed=11)
    path = save_experiment(tmp_path / "e.json", config, preset="act-tanh-compare")
    loaded, preset, result = load_experiment(path)
    assert loaded == config and preset == "act-tanh-compare" and result is None
    a = list(run_experiment(config))
    b = list(run_experiment(loaded))
    for x, y in zip(a, b):
        for la, lb in zip(x.layers, y.layers):
            assert la.activation_hist == lb.activation_hist
            assert la.activation_std == lb.activation_std


def test_no_temporary_files_left(tmp_path):
    save_experiment(tmp_path / "e.json", ExperimentConfig())
    assert [p.name for p in tmp_path.iterdir()] == ["e.json"]


def test_files_get_the_usual_permissions_not_mkstemps(tmp_path):
    umask = os.umask(0o022)
    try:
        save_experiment(tmp_path / "new.json", ExperimentConfig())
        assert os.stat(tmp_path / "new.json").st_mode & 0o777 == 0o644
        os.chmod(tmp_path / "new.json", 0o600)          # a replaced file keeps its own
        save_experiment(tmp_path / "new.json", ExperimentConfig(seed=1))
        assert os.stat(tmp_path / "new.json").st_mode & 0o777 == 0o600
    finally:
        os.umask(umask)


@pytest.mark.parametrize("content,message", [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "not an initviz experiment file"),
    ('{"schema": "someone.else/1"}', "not an initviz experiment file"),
    ('{"schema": "initviz.experiment/7", "config": {}}', "newer initviz"),
    ('{"schema": "initviz.experiment/1", "config": {"network": {"depth": 0}}}',
     "network.depth"),
    ('{"schema": "initviz.experiment/1", "config": {"runs": [5]}}', "each run must be an object"),
    ('{"schema": "initviz.experiment/1", "config": {"runs": [{"init": 3}]}}',
     "runs\\[\\].init: must be an object"),
])
def test_bad_files(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(ExperimentFileError, match=message):
        load_experiment(path)


def test_binary_and_missing_files(tmp_path):
    path = tmp_path / "b.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ExperimentFileError):
        load_experiment(path)
    with pytest.raises(ExperimentFileError, match="cannot read"):
        load_experiment(tmp_path / "missing.json")


def test_a_bare_config_opens_too(tmp_path):
    path = tmp_path / "c.json"
    path.write_text(ExperimentConfig().to_json())
    config, preset, _ = load_experiment(path)
    assert config == ExperimentConfig() and preset is None
    json.loads(path.read_text())


def test_errors_keep_their_template_for_translation():
    from initviz.engine.errors import render
    with pytest.raises(ExperimentFileError) as info:
        parse_experiment('{"schema": "initviz.experiment/1", "config": {"seed": -2}}', "x.json")
    exc = info.value
    assert str(exc) == "x.json: seed: must be a whole number from 0 to 4.29497e+09, not -2"
    shout = {"{0}: must be {1} from {2:g} to {3:g}, not {4}":
             "{0} := {1} IN [{2:g}, {3:g}] ≠ {4}", "a whole number": "INTEGER"}
    assert render(exc, lambda t: shout.get(t, t)) == \
        "x.json: seed := INTEGER IN [0, 4.29497e+09] ≠ -2"
    # a translation that lost a field falls back to English instead of failing
    broken = {"{0}: must be {1} from {2:g} to {3:g}, not {4}": "{7}"}
    assert render(exc, lambda t: broken.get(t, t)) == "x.json: " + str(exc).split(": ", 1)[1]

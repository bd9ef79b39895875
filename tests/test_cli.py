"""The headless commands, run as a user would, with Qt made unimportable."""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def no_qt(tmp_path_factory):
    """A folder with stand-in PySide6/pyqtgraph packages that raise on import."""
    d = tmp_path_factory.mktemp("noqt")
    for name in ("PySide6", "pyqtgraph", "PyQt6"):
        (d / name).mkdir()
        (d / name / "__init__.py").write_text(
            f"raise ImportError('{name} must not be imported by the headless commands')\n")
    return d


def cli(no_qt, *args, cwd=None, **environ):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(no_qt), str(ROOT)]),
               OPENBLAS_NUM_THREADS="1", LANGUAGE="", LC_ALL="", LC_MESSAGES="", LANG="C.UTF-8")
    env.update(environ)
    return subprocess.run([sys.executable, "-m", "initviz", *args], capture_output=True,
                          text=True, env=env, cwd=cwd or ROOT, timeout=300)


def test_engine_imports_without_qt():
    code = textwrap.dedent("""
        import sys
        import initviz.engine.runner, initviz.engine.presets, initviz.engine.mnist
        import initviz.cli, initviz.engine.result
        bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'PyQt6',
                                                              'PyQt5', 'shiboken6')]
        assert not bad, bad
    """)
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=120)


def test_list_and_schemes(no_qt):
    out = cli(no_qt, "list")
    assert out.returncode == 0, out.stderr
    keys = [line.split("\t")[0] for line in out.stdout.splitlines()]
    assert "act-relu-compare" in keys and all("\t" in l for l in out.stdout.splitlines())
    out = cli(no_qt, "schemes")
    assert out.returncode == 0
    names = dict(line.split("\t", 1) for line in out.stdout.splitlines())
    assert "√" in names["xavier_uniform"] and "kaiming_normal" in names


def test_run_preset_writes_strict_json(no_qt, tmp_path):
    out_file = tmp_path / "out.json"
    out = cli(no_qt, "run", "act-relu-compare", "--json", str(out_file))
    assert out.returncode == 0, out.stderr
    text = out_file.read_text()
    assert "NaN" not in text and "Infinity" not in text
    doc = json.loads(text)
    assert doc["schema"] == "initviz.result/3" and doc["preset"] == "act-relu-compare"
    assert doc["config"]["network"]["activation"] == "relu"
    assert [r["label"] for r in doc["runs"]] == ["N(0, 0.01)", "Xavier N(0, 1/√n)",
                                                  "He N(0, √(2/n))"]
    for run in doc["runs"]:
        assert set(run) >= {"label", "init", "at_init", "at_end", "history", "final"}
        assert run["at_end"] is None  # no training
        assert len(run["at_init"]) == 5
        layer = run["at_init"][0]
        for key in ("layer", "units", "activation", "activation_mean", "activation_std",
                    "saturated_fraction", "dead_fraction", "gradient_std", "weight_std",
                    "predicted_activation_std", "activation_hist", "gradient_hist"):
            assert key in layer
        for key in ("activation_hist", "preactivation_hist", "gradient_hist", "weight_hist"):
            h = layer[key]
            bars = h["counts"] if h["axis"] == "linear" else h["positive"]
            assert len(h["edges"]) == len(bars) + 1
        assert set(run["final"]) >= {"steps", "train_loss", "val_loss", "val_accuracy",
                                     "diverged", "diverged_at", "seconds"}
    he = [l["activation_std"] for l in doc["runs"][2]["at_init"]]
    xavier = [l["activation_std"] for l in doc["runs"][1]["at_init"]]
    assert he[-1] / he[0] > 0.5 and xavier[-1] / xavier[0] < 0.4


def test_run_config_file_with_overrides_and_divergence(no_qt, tmp_path):
    from initviz.engine.config import (DataConfig, ExperimentConfig, InitConfig,
                                       NetworkConfig, RunSpec, TrainConfig)
    cfg = ExperimentConfig(
        data=DataConfig(name="flower"),
        network=NetworkConfig(depth=6, width=32, activation="relu", output="sigmoid"),
        train=TrainConfig(steps=10, optimizer="sgd", learning_rate=0.5, batch_size=64),
        runs=(RunSpec("huge", InitConfig("normal", std=3.0)),))
    path = tmp_path / "cfg.json"
    path.write_text(cfg.to_json())
    out_file = tmp_path / "r.json"
    out = cli(no_qt, "run", str(path), "--json", str(out_file), "--batches", "40", "--seed", "3")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out_file.read_text())
    assert doc["config"]["seed"] == 3 and doc["config"]["train"]["steps"] == 40
    final = doc["runs"][0]["final"]
    assert final["diverged"] is True and final["diverged_at"] >= 1
    assert "diverged at step" in out.stderr + out.stdout
    assert len(doc["runs"][0]["history"]["train_loss"]) == final["diverged_at"]


@pytest.mark.parametrize("content,message", [
    ('{"network": {"width": 5000}}', "network.width: must be a whole number from 1 to 2048"),
    ('{"network": {"widht": 5}}', "network.widht: unknown key"),
    ('{"runs": [{"init": {"scheme": "magic"}}]}', "init.scheme: must be one of"),
    ('{"train": {"learning_rate": -1}}', "train.learning_rate"),
    ('{"schema": "initviz.experiment/9"}', "newer initviz"),
    ('{"schema": "other.tool/1"}', "not an initviz experiment file"),
    ('{"network": ', "not valid JSON"),
])
def test_bad_configs_give_one_clear_line_and_status_2(no_qt, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    out = cli(no_qt, "run", str(path))
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], out.stderr


def test_unknown_preset(no_qt):
    out = cli(no_qt, "run", "no-such-preset")
    assert out.returncode == 2 and "initviz list" in out.stderr


def test_commands_speak_the_language_asked_for(no_qt):
    english = cli(no_qt, "run", "--help")
    assert english.returncode == 0 and "a preset key" in english.stdout
    chinese = cli(no_qt, "run", "--help", LANG="zh_CN.UTF-8")
    assert chinese.returncode == 0
    assert "用法" in chinese.stdout and "预设实验的键名" in chinese.stdout
    listed = cli(no_qt, "--lang", "zh_CN", "list")
    assert listed.returncode == 0
    assert "act-sigmoid-std1\tSigmoid + N(0, 1)：饱和" in listed.stdout.splitlines()
    missing = cli(no_qt, "--lang", "zh_CN", "run")
    assert missing.returncode == 2 and "缺少以下参数" in missing.stderr


def test_window_help_needs_no_display():
    """``initviz --help`` prints before Qt starts: no display, no platform plugin needed."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                            "QT_QPA_PLATFORM")}
    env.update(PYTHONPATH=str(ROOT), LANG="C.UTF-8")
    for lang, word in (("en", "presentation mode"), ("zh_CN", "演示模式")):
        r = subprocess.run([sys.executable, "-m", "initviz", "--lang", lang, "--help"],
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
        assert r.returncode == 0, r.stderr
        assert word in r.stdout


def test_the_language_comes_from_the_environment():
    from initviz.translations import language_from, system_language
    assert system_language({"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert system_language({"LANGUAGE": "zh_TW:en", "LANG": "en_GB.UTF-8"}) == "zh_CN"
    assert system_language({"LC_ALL": "de_DE.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert system_language({"LANG": "C"}) == "en"
    assert language_from(["--lang", "zh_CN", "list"], {}) == "zh_CN"
    assert language_from(["--lang=en", "list"], {"LANG": "zh_CN.UTF-8"}) == "en"


def test_run_measures_the_layers_only_where_the_result_holds_them(tmp_path, monkeypatch):
    """The result holds each run's statistics at the start and the end (and, asked, at each
    validation): `initviz run` measures no others. Measuring each second as the window does
    cost a tenth of a deep preset's time. A clock that jumps 2 s a reading makes every step
    look a second apart."""
    import itertools
    from initviz import cli
    from initviz.engine import runner
    ticks = itertools.count()
    monkeypatch.setattr(runner.time, "perf_counter", lambda: 2.0 * next(ticks))
    calls = []
    measure = runner.RunState.layer_stats
    monkeypatch.setattr(runner.RunState, "layer_stats",
                        lambda self, raw: calls.append(self.step) or measure(self, raw))
    for through, expected in ((False, [0, 120]), (True, [0, 50, 100, 120])):
        calls.clear()
        assert cli.main(["run", "act-relu-compare", "--workers", "1", "--quiet",
                         "--batches", "120", "--json", str(tmp_path / "r.json")] +
                        (["--through-training"] if through else [])) == 0
        assert sorted(set(calls)) == expected and len(calls) == 3 * len(expected), calls

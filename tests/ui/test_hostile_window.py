"""Hostile input in the window: each case gives a warning (or a status-bar line) and keeps the
window's state; none shows the crash dialog, leaves a thread running or a file behind."""
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from helpers import snapshot
from initviz.engine import budget, mnist
from initviz.engine.config import ExperimentConfig, merge
from initviz.engine.hist_view import layer_spans, overflowed_layers
from initviz.engine.experiment_file import save_experiment
from initviz.ui.files import recent_files
from initviz.ui.run import background, engine_worker
from mnist_files import fake_full_set, serve, sha

pytestmark = pytest.mark.usefixtures("no_real_dialogs")
ROOT = Path(__file__).resolve().parents[2]


def small(**more):
    return merge(ExperimentConfig(), {
        "data": {"name": "normal", "samples": 200, "features": 10, "probe_samples": 100},
        "network": {"depth": 3, "width": 16}, "runs": [{"label": "a"}, {"label": "b"}],
        "seed": 3, **more})


def finish(qtbot, window, action):
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        action()
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)


def state(window):
    fm = window.file_menu
    return (window.panel.config(), fm.path, window.windowTitle(), window.isWindowModified(),
            recent_files.RecentFiles().paths(), window.controller.current_id,
            window.preset_key)


def experiment(label):
    doc = {"schema": "initviz.experiment/1", "config": small().to_dict()}
    doc["config"]["runs"][0]["label"] = label
    return json.dumps(doc)


OPEN_CASES = [
    ("label-1mb", experiment("L" * 1_000_000), "a text of 1,000,000 characters"),
    ("label-201", experiment("L" * 201), "at most 200"),
    ("nested-100000", "[" * 100_000 + "]" * 100_000, "nests deeper than 32"),
    ("digits-5000", experiment("x").replace('"seed": 3', '"seed": 1' + "0" * 4999),
     "5,000 digits"),
    ("schema-v0", '{"schema": "initviz.experiment/0", "config": {}}', "unreadable schema"),
    ("too-big", " " * (17 * 2 ** 20), "bytes; files of more than"),
]


@pytest.mark.parametrize("case", OPEN_CASES, ids=[c[0] for c in OPEN_CASES])
def test_a_hostile_file_warns_once_and_keeps_the_window(qtbot, window, tmp_path, monkeypatch,
                                                       case):
    name, content, reason = case
    good, bad = tmp_path / "good.json", tmp_path / f"{name}.json"
    save_experiment(good, small())
    bad.write_text(content)
    finish(qtbot, window, lambda: window.file_menu.open_path(good))
    before = state(window)
    shown = []
    monkeypatch.setattr(window.file_menu, "warn", lambda title, text: shown.append(text))
    assert not window.file_menu.open_path(bad)
    assert len(shown) == 1 and reason in shown[0] and "\n" not in shown[0]
    assert len(shown[0]) < 300
    assert state(window) == before


@pytest.mark.parametrize("label", ["\ud800", "\x1b[31mred\x07", "\u202eevil", "L" * 200])
def test_an_odd_label_opens_cleaned(qtbot, window, tmp_path, label):
    path = tmp_path / "odd.json"
    path.write_text(experiment(label), encoding="utf-8")
    finish(qtbot, window, lambda: window.file_menu.open_path(path))
    shown = window.panel.config().runs[0].label
    assert shown.isprintable() and len(shown) == len(label)
    assert window.windowTitle().startswith("odd.json")
    window.draw_all()


# -- drawing -------------------------------------------------------------------------------
def test_a_drawing_error_is_shown_once_in_the_status_bar(qtbot, window, monkeypatch):
    window.tabs.setCurrentWidget(window.panes["depth"])

    def broken(histories, edges):
        raise TypeError("unsupported operand type(s)")
    monkeypatch.setattr(window.panes["depth"], "draw", broken)
    messages = []
    window.statusBar().messageChanged.connect(
        lambda text: messages.append(text) if "could not be drawn" in text else None)
    window.controller.run_started.emit(1, small())
    for step in range(1, 6):     # five frames' worth of snapshots, each drawn
        window.controller.snapshot_ready.emit(snapshot(step=step, total=10, stage="train"))
        qtbot.waitUntil(lambda: bool(window.draw_guard.errors), timeout=5000)
        window.draw_all()
    assert len(messages) == 1 and len(window.draw_guard.errors) == 1
    assert "Depth" in messages[0] and "TypeError" in messages[0]
    window.tabs.setCurrentWidget(window.panes["loss"])     # the others still draw
    window.draw_all()


@pytest.mark.parametrize("config", [
    {"network": {"depth": 10, "width": 100, "activation": "relu"},
     "runs": [{"init": {"scheme": "normal", "std": 100}}]},
    {"network": {"depth": 100, "width": 100, "activation": "linear"},
     "runs": [{"init": {"scheme": "normal", "std": 10}}]},
], ids=["relu-std-100", "linear-100-std-10"])
def test_exploding_activations_never_raise_from_a_frame(qtbot, window, config):
    finish(qtbot, window, lambda: window.start(merge(ExperimentConfig(), config)))
    for pane in window.panes.values():       # every tab, as the frame timer draws it
        window.tabs.setCurrentWidget(pane)
        qtbot.wait(50)
    window.draw_all()
    # pytest-qt fails the test on an exception escaping a slot; a guarded one would be a line
    assert window.draw_guard.errors == []


def test_overflow_is_said_on_the_depth_tab_and_in_the_results(qtbot, window):
    """A linear 100-layer network with σ = 10 passes float32's ±3.4·10³⁸ near layer 20: the
    Depth tab and the results say in which layers, as the histograms do."""
    config = merge(ExperimentConfig(), {
        "network": {"depth": 100, "width": 100, "activation": "linear"},
        "runs": [{"label": "huge", "init": {"scheme": "normal", "std": 10}},
                 {"label": "tame", "init": {"scheme": "lecun_normal"}}]})
    finish(qtbot, window, lambda: window.start(config))
    window.draw_all()
    huge, tame = window.histories
    over = overflowed_layers(huge.layers)
    assert over and over[-1] == 100 and 10 < over[0] < 40 and overflowed_layers(tame.layers) == []
    spans = layer_spans(over)
    assert "overflow" in window.panes["depth"].legend.text() and spans in \
        window.panes["depth"].legend.text()
    status = {row[0]: row for row in window.panes["table"].rows()}
    assert any(f"overflow in layers {spans}" in cell for cell in status["huge"])
    assert not any("overflow" in cell for cell in status["tame"])


# -- the budget ----------------------------------------------------------------------------
def test_a_run_too_big_for_the_machine_is_refused_with_a_warning(qtbot, window, monkeypatch):
    finish(qtbot, window, lambda: window.start(small()))
    before = window.controller.current_id
    monkeypatch.setattr(budget, "memory_limit", lambda: 64 * 2 ** 20)
    shown = []
    monkeypatch.setattr(window, "warn", lambda title, text: shown.append(text))
    window.run()
    assert len(shown) == 1 and "this machine has 64.0 MB; lower" in shown[0]
    assert window.controller.current_id == before and not window.controller.running
    assert "64.0 MB" in window.statusBar().currentMessage()


def test_a_long_run_is_announced_in_the_status_bar_and_runs(qtbot, window, monkeypatch):
    monkeypatch.setattr(budget, "LONG_SECONDS", 0)
    window.panel.set_config(small())
    finish(qtbot, window, window.run)
    assert "this run will take about" in window.statusBar().currentMessage()


# -- closing -------------------------------------------------------------------------------
def test_closing_during_a_step_that_cannot_stop_closes_at_once(qtbot, window, monkeypatch):
    """The step holds until the window has closed: close() cannot have waited for it."""
    entered, release = threading.Event(), threading.Event()

    def one_long_step(config, control=None, snapshot_seconds=None, **kwargs):
        entered.set()
        release.wait(60)        # stop is only looked at between steps
        yield from ()
    monkeypatch.setattr(engine_worker, "run_comparison", one_long_step)
    window.start(small())
    assert entered.wait(10)
    window.close()
    assert window.closed and background.pending() == 1
    release.set()
    background.wait_all()
    assert background.pending() == 0 and not window.controller.threads()


@pytest.fixture
def server():
    with serve() as state:
        yield state


def test_closing_while_the_server_never_answers_joins_the_thread(qtbot, window, tmp_path,
                                                                 server, monkeypatch):
    files = fake_full_set()
    server.files.update(files)
    server.hold.clear()                    # connected, then never a byte
    monkeypatch.setattr(mnist, "FULL_FILES", {n: (sha(b), len(b)) for n, b in files.items()})
    monkeypatch.setenv("INITVIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("INITVIZ_MNIST_URL", server.url)
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")
    window.downloads.start()
    qtbot.waitUntil(lambda: bool(server.requests), timeout=10000)
    thread = window.downloads.worker_thread()
    window.close()
    assert not thread.isRunning() and not window.downloads.running
    assert background.pending() == 0
    assert [p.name for p in (tmp_path / "cache" / "mnist").iterdir()] == []
    server.hold.set()


# -- settings ------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_settings_path_that_is_not_a_file_is_left_alone(qtbot, tmp_path, monkeypatch, kind):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings
    path = tmp_path / "settings.ini"
    if kind == "folder":
        path.mkdir()
        (path / "keep.txt").write_text("mine")
    else:
        os.mkfifo(path)            # opening it to read would block for ever
    monkeypatch.setenv("INITVIZ_SETTINGS", str(path))
    Settings._shared.clear()
    w = MainWindow()
    qtbot.addWidget(w)
    w.presentation.restore_session(None, size_given=False)
    notice = w.presentation.settings.notice
    assert "is not a file" in notice and str(path) in notice
    w.close()
    Settings._shared.clear()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.ini"]
    assert (path / "keep.txt").read_text() == "mine" if kind == "folder" else \
        stat.S_ISFIFO(os.stat(path).st_mode)


# -- initviz FILE --------------------------------------------------------------------------
def test_initviz_file_opens_it_and_screenshot_works(tmp_path):
    exp, png = tmp_path / "e.json", tmp_path / "shot.png"
    save_experiment(exp, small())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               INITVIZ_SETTINGS=str(tmp_path / "s.ini"))
    out = subprocess.run([sys.executable, "-m", "initviz", str(exp), "--screenshot", str(png),
                          "--size", "1280x800"], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert png.stat().st_size > 10_000 and "Traceback" not in out.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "initviz.experiment/0"}')
    out = subprocess.run([sys.executable, "-m", "initviz", str(bad), "--screenshot", str(png)],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines()[-1] == \
        "initviz: bad.json has an unreadable schema version 'initviz.experiment/0'"


def test_the_window_parses_a_file_argument():
    from initviz.ui.app import parse_args
    assert parse_args(["x.json", "--tab", "depth"]).file == "x.json"
    assert parse_args([]).file is None


CLOSE_MID_STEP = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import initviz.ui
from initviz.ui import app
from initviz.ui.run import engine_worker

def one_long_step(config, control=None, snapshot_seconds=None, **kwargs):
    time.sleep(3)            # one step; the stop flag is only looked at between steps
    yield from ()
engine_worker.run_comparison = one_long_step
qt = QApplication([sys.argv[0]])
def close():
    for w in qt.topLevelWidgets():
        if type(w).__name__ == "MainWindow":
            w.close()
            print("closed", w.isVisible(), flush=True)
QTimer.singleShot(800, close)
sys.exit(app.main(["--preset", "act-sigmoid-std1", "--size", "800x600"]))
"""


def test_the_process_exits_cleanly_after_closing_mid_step(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               INITVIZ_SETTINGS=str(tmp_path / "s.ini"))
    out = subprocess.run([sys.executable, "-c", CLOSE_MID_STEP], capture_output=True,
                         text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "closed False"
    assert "finish its step" in out.stderr and "QThread: Destroyed" not in out.stderr


def test_the_depth_pane_lets_go_of_the_curves_of_earlier_runs(window):
    """The soak's leak: each new set of runs left the old curves in the plots' lists."""
    pane = window.panes["depth"]
    for run_id, labels in enumerate((["a", "b"], ["c"], ["d", "e", "f"], ["g"]), 1):
        window.controller.run_started.emit(run_id, small(runs=[{"label": x} for x in labels]))
        for i, label in enumerate(labels):
            window.controller.snapshot_ready.emit(snapshot(run_index=i, run_count=len(labels),
                                                           label=label))
        pane.draw(window.histories)
    # one run: measured, predicted, the finite-width band's two edges, and the ▼ marks of
    # spreads of 0 (below the log axis)
    assert len(pane.act_plot.listDataItems()) == 5
    assert len(pane.grad_plot.listDataItems()) == 2
    assert len(pane.frac_plot.listDataItems()) == 2


def test_a_file_that_fails_half_way_through_showing_leaves_the_old_state(qtbot, window,
                                                                         tmp_path,
                                                                         monkeypatch):
    good, other = tmp_path / "good.json", tmp_path / "other.json"
    save_experiment(good, small())
    save_experiment(other, small(seed=9))
    finish(qtbot, window, lambda: window.file_menu.open_path(good))
    before = state(window)
    boundary = window.panes["boundary"]
    show = boundary.set_config

    def fails_for_seed_9(config):
        if config.seed == 9:
            raise ValueError("a widget refused the value")
        show(config)
    monkeypatch.setattr(boundary, "set_config", fails_for_seed_9)
    shown = []
    monkeypatch.setattr(window.file_menu, "warn", lambda title, text: shown.append(text))
    assert not window.file_menu.open_path(other)
    assert len(shown) == 1 and "ValueError: a widget refused the value" in shown[0]
    assert state(window) == before

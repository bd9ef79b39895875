"""Exports open as what they claim to be: PNG at twice the widget's size, SVG that Qt parses and
draws, CSV with the pane's columns and numbers, and the result JSON the CLI writes."""
import csv
import json

import numpy as np
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from initviz import cli
from initviz.engine.config import ExperimentConfig, merge
from initviz.engine.experiment_file import save_experiment
from initviz.ui.look.palette import Palette

PANES = ("activations", "gradients", "weights", "depth", "loss", "table", "boundary")


def training(steps=40, data="normal", **more):
    data = {"name": "normal", "samples": 200, "features": 10, "probe_samples": 100} \
        if data == "normal" else {"name": "flower", "samples": 200, "probe_samples": 100}
    return merge(ExperimentConfig(), {
        "data": data, "network": {"depth": 3, "width": 16, "activation": "tanh"},
        "train": {"steps": steps, "batch_size": 32, "eval_every": 10, "optimizer": "sgd",
                  "learning_rate": 0.05},
        "runs": [{"label": "small, σ=0.05", "init": {"scheme": "normal", "std": 0.05}},
                 {"label": "Xavier", "init": {"scheme": "xavier_normal"}}],
        "seed": 5, **more})


pytestmark = pytest.mark.usefixtures("no_real_dialogs")


@pytest.fixture
def finished(qtbot, window):
    """The window on screen after a short two-run comparison on the flower data."""
    window.show()
    qtbot.waitExposed(window)
    window.panel.set_config(training(data="flower"))
    window.panes["boundary"].set_config(window.panel.config())
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        window.run()
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)
    window.draw_all()
    return window


def show(window, qtbot, key):
    window.show_pane(key)
    qtbot.wait(50)


def non_blank(image: QImage) -> int:
    """Pixels that differ from the image's corner colour (the background)."""
    a = np.frombuffer(image.convertToFormat(QImage.Format.Format_RGB32).constBits(),
                      np.uint32).reshape(image.height(), image.width())
    return int(np.count_nonzero(a != a[0, 0]))


def has_colour(image: QImage, colour: QColor, tolerance=40) -> bool:
    a = np.frombuffer(image.convertToFormat(QImage.Format.Format_RGB32).constBits(),
                      np.uint8).reshape(image.height(), image.width(), 4)[..., :3].astype(int)
    want = np.array([colour.blue(), colour.green(), colour.red()])
    return bool(np.any(np.abs(a - want).sum(axis=2) < tolerance))


# -- pictures --------------------------------------------------------------------------------
def test_png_of_every_pane_is_twice_its_size(qtbot, finished, tmp_path):
    window = finished
    for key in PANES:
        show(window, qtbot, key)
        path = tmp_path / f"{key}.png"
        assert window.file_menu.export_pane_to(path), key
        image = QImage(str(path))
        pane = window.panes[key]
        assert (image.width(), image.height()) == (2 * pane.width(), 2 * pane.height()), key
        assert abs(image.dotsPerMeterX() - 2 * window.logicalDpiX() / 0.0254) < 2
        assert non_blank(image) > 0.02 * image.width() * image.height(), key
        if key in ("activations", "depth", "loss"):
            assert has_colour(image, Palette.color(0)) and has_colour(image, Palette.color(1))


def test_svg_of_every_pane_parses_and_renders(qtbot, finished, tmp_path):
    window = finished
    for key in PANES:
        show(window, qtbot, key)
        path = tmp_path / f"{key}.svg"
        assert window.file_menu.export_pane_to(path), key
        renderer = QSvgRenderer(str(path))
        assert renderer.isValid(), key
        pane = window.panes[key]
        assert renderer.viewBox() == QRect(0, 0, pane.width(), pane.height())
        image = QImage(pane.size(), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        assert non_blank(image) > 0.02 * image.width() * image.height(), key
        if key in ("activations", "depth", "loss"):
            assert has_colour(image, Palette.color(0)) and has_colour(image, Palette.color(1))
        text = path.read_text(encoding="utf-8")
        assert "<text" in text, key                          # text stays text
        assert "<clipPath" in text or key == "table"         # SVG 1.1: plots stay clipped
        # Vectors, not pictures of the plots: only the boundary's probability map is one.
        assert text.count("<image") == (2 if key == "boundary" else 0), key


def test_plot_area_png_and_svg(qtbot, finished, tmp_path):
    window = finished
    show(window, qtbot, "depth")
    widget, rect = window.file_menu.exporter.plot_area()
    assert rect.contains(QRect(window.tabs.mapTo(window, window.tabs.rect().topLeft()),
                               window.tabs.size()))
    assert rect.width() > window.tabs.width()              # the explanation is beside it
    assert window.file_menu.export_plot_area_to(tmp_path / "area.png")
    image = QImage(str(tmp_path / "area.png"))
    assert (image.width(), image.height()) == (2 * rect.width(), 2 * rect.height())
    assert non_blank(image) > 0.02 * image.width() * image.height()
    assert window.file_menu.export_plot_area_to(tmp_path / "area.svg")
    renderer = QSvgRenderer(str(tmp_path / "area.svg"))
    assert renderer.isValid() and renderer.viewBox().size() == rect.size()


def test_export_dialog_adds_the_suffix_of_the_chosen_type(qtbot, finished, tmp_path,
                                                          monkeypatch):
    window = finished
    fm = window.file_menu
    show(window, qtbot, "depth")
    monkeypatch.setattr(fm, "ask_save_path",
                        lambda title, suggested, filters: (str(tmp_path / "figure"),
                                                           filters[1]))   # SVG
    fm.export_pane_action.trigger()                                     # Ctrl+E
    assert QSvgRenderer(str(tmp_path / "figure.svg")).isValid()
    monkeypatch.setattr(fm, "ask_save_path",
                        lambda title, suggested, filters: (str(tmp_path / "data.CSV"),
                                                           filters[0]))
    fm.export_pane_action.trigger()
    assert (tmp_path / "data.csv").read_text().startswith(",".join(CSV_COLUMNS["depth"]))
    assert "depth" in window.statusBar().currentMessage() or \
        "data.csv" in window.statusBar().currentMessage()


# -- data ------------------------------------------------------------------------------------
CSV_COLUMNS = {     # the columns a spreadsheet user gets, per pane
    "histogram": ["run", "layer", "bin_left", "bin_right", "count", "percent"],
    "depth": ["run", "layer", "activation_std", "gradient_std", "predicted_std",
              "predicted_low", "predicted_high", "saturated", "dead"],
    "loss": ["run", "step", "train_loss", "val_loss", "val_accuracy"],
    "table": ["run", "batches", "val_accuracy", "val_loss", "status", "diverged_at"],
    "boundary": ["run", "x1", "x2", "p_class1"],
}


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def test_csv_of_every_pane_has_its_columns_and_numbers(qtbot, finished, tmp_path):
    window = finished
    small, xavier = window.histories
    bins = window.panel.config().bins
    for key in PANES:
        path = tmp_path / f"{key}.csv"
        assert window.file_menu.export_pane_to(path, key)
        header, rows = read_csv(path)
        kind = {"activations": "histogram", "gradients": "histogram",
                "weights": "histogram"}.get(key, key)
        assert header == CSV_COLUMNS[kind], key
        assert all(len(r) == len(header) for r in rows)
        assert {r[0] for r in rows} == {"small, σ=0.05", "Xavier"}      # labels, quoted
        if kind == "histogram":       # the bins the pane draws
            assert len(rows) == 2 * 3 * bins
            lv = window.panes[key].view_of(window.histories).layers[1]
            rv = lv.runs[1]
            first = [r for r in rows if r[0] == "Xavier" and r[1] == "2"]
            assert [float(r[4]) for r in first] == rv.counts.tolist()
            assert float(first[0][2]) == lv.edges[0]
            apart = (rv.zeros + rv.nan + rv.inf + rv.below + rv.above) / rv.total
            assert abs(sum(float(r[5]) for r in first) - 100 * (1 - apart)) < 1e-9
        elif kind == "depth":
            assert len(rows) == 6
            assert float(rows[0][2]) == small.layers[0].activation_std      # exact
            assert float(rows[5][3]) == xavier.layers[2].gradient_std
            assert float(rows[5][4]) == xavier.layers[2].predicted_activation_std
            assert 0 <= float(rows[5][7]) <= 1 and 0 <= float(rows[5][8]) <= 1
        elif kind == "loss":
            mine = [r for r in rows if r[0] == "Xavier"]
            assert [int(r[1]) for r in mine] == list(range(0, 41))       # val at step 0
            assert mine[0][2] == "" and mine[0][3] != ""                  # no training yet
            assert [float(r[2]) for r in mine[1:]] == xavier.losses.data.tolist()
            assert [float(r[4]) for r in mine if r[4]] == xavier.val_accuracies.data.tolist()
            assert sum(1 for r in mine if r[3]) == len(xavier.val_steps)
        elif kind == "table":
            assert [r[1] for r in rows] == ["40", "40"] and rows[1][4] == "done"
            assert float(rows[1][2]) == xavier.val_accuracies.data[-1]
        elif kind == "boundary":
            g = xavier.boundary.shape[0]
            assert len(rows) == 2 * g * g
            x0, x1, y0, y1 = xavier.boundary_extent
            last = rows[-1]
            assert (float(last[1]), float(last[2])) == (x1, y1)
            assert float(last[3]) == float(xavier.boundary[-1, -1])


def test_csv_of_an_empty_pane_says_so(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window.file_menu, "warn", lambda title, text: shown.append(text))
    assert not window.file_menu.export_pane_to(tmp_path / "loss.csv", "loss")
    assert shown and not (tmp_path / "loss.csv").exists()


def test_csv_follows_the_pre_activation_switch(qtbot, finished, tmp_path):
    window = finished
    pane = window.panes["activations"]
    pane.set_preactivation(True)
    header, rows = window.file_menu.exporter.table("activations")
    view = pane.view_of(window.histories)
    assert view.field == "preactivation"
    assert float(rows[0][2]) == view.layers[0].edges[0]
    assert float(rows[0][4]) == view.layers[0].runs[0].counts[0]


# -- the result, as the CLI writes it --------------------------------------------------------
def untimed(doc):
    doc = json.loads(json.dumps(doc))
    for run in doc["runs"]:
        run["final"].pop("seconds")
    return doc


@pytest.mark.parametrize("config", [
    training(steps=45, data="flower"),
    training(steps=0),                                       # measure only, no training
    training(steps=30, runs=[{"label": "wild", "init": {"scheme": "normal", "std": 3.0},
                              "train": {"learning_rate": 5.0}},
                             {"label": "calm", "init": {"scheme": "lecun_normal"}}]),
], ids=["train", "probe", "diverge"])
def test_result_json_is_what_the_cli_writes(qtbot, window, tmp_path, capsys, config):
    path = tmp_path / "experiment.json"
    save_experiment(path, config)
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        assert window.file_menu.open_path(path)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)
    assert window.file_menu.exporter.result_ready
    assert window.file_menu.export_result_to(tmp_path / "gui.json")
    assert cli.main(["run", str(path), "--json", str(tmp_path / "cli.json"), "--quiet"]) == 0
    gui = json.loads((tmp_path / "gui.json").read_text(encoding="utf-8"))
    ours = json.loads((tmp_path / "cli.json").read_text(encoding="utf-8"))
    assert gui["schema"] == "initviz.result/3"
    assert untimed(gui) == untimed(ours)
    assert all(isinstance(r["final"]["seconds"], float) for r in gui["runs"])


def test_result_of_a_preset_names_it_like_the_cli(qtbot, window, tmp_path):
    key = "act-sigmoid-std1"
    with qtbot.waitSignal(window.controller.run_finished, timeout=60000):
        window.load_preset(key)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)
    gui = window.file_menu.exporter.result_document()
    assert cli.main(["run", key, "--json", str(tmp_path / "cli.json"), "--quiet"]) == 0
    assert untimed(gui) == untimed(json.loads((tmp_path / "cli.json").read_text()))
    assert gui["preset"] == key


def test_a_stopped_run_exports_as_stopped(qtbot, window, tmp_path):
    window.start(training(steps=1_000_000))
    qtbot.waitUntil(lambda: any(h.step > 5 for h in window.histories), timeout=30000)
    assert not window.file_menu.exporter.result_ready
    shown = []
    window.file_menu.warn = lambda title, text: shown.append(text)
    assert not window.file_menu.export_result_to(tmp_path / "early.json")
    assert shown and not (tmp_path / "early.json").exists()
    with qtbot.waitSignal(window.controller.run_finished, timeout=30000):
        window.stop()
    assert window.file_menu.export_result_to(tmp_path / "stopped.json")
    doc = json.loads((tmp_path / "stopped.json").read_text())
    assert all(r["final"]["stopped"] for r in doc["runs"])
    assert [len(r["history"]["step"]) for r in doc["runs"]] == \
        [len(h.steps) for h in window.histories]


def test_a_tab_that_is_not_a_pane_exports_as_a_picture(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QLabel

    class Page(QLabel):               # a page some other part of the app adds; no data
        def draw(self, histories, edges=None):
            pass
    page = Page("A page another part of the app added")
    window.tabs.addTab(page, "Notes")
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(page)
    qtbot.wait(20)
    fm = window.file_menu
    offered = []
    monkeypatch.setattr(fm, "ask_save_path",
                        lambda title, suggested, filters: offered.extend(filters) or
                        (str(tmp_path / "notes"), filters[0]))
    fm.export_pane_action.trigger()
    assert not any("*.csv" in f for f in offered)
    assert QImage(str(tmp_path / "notes.png")).size() == page.size() * 2
    shown = []
    monkeypatch.setattr(fm, "warn", lambda title, text: shown.append(text))
    assert not fm.export_pane_to(tmp_path / "notes.csv")
    assert shown and "Notes" in shown[0]


def test_png_at_twice_the_size_keeps_the_lines_in_proportion(qtbot):
    """A 3-pixel curve is 6 pixels thick at 2x, like the text beside it; the screen keeps 3."""
    import pyqtgraph as pg
    from initviz.ui.files.exporter import render_png
    from PySide6.QtWidgets import QVBoxLayout, QWidget
    pane = QWidget()                      # a pane: a widget holding a plot view
    qtbot.addWidget(pane)
    view = pg.GraphicsLayoutWidget()
    QVBoxLayout(pane).addWidget(view)
    pane.resize(300, 200)
    pane.show()
    plot = view.addPlot()
    curve = pg.PlotCurveItem([0, 1], [0.5, 0.5], pen=pg.mkPen("#FF0000", width=3))
    plot.addItem(curve)
    plot.setYRange(0, 1)
    plot.hideAxis("left")
    plot.hideAxis("bottom")

    def thickness(image):
        x = image.width() // 2
        return sum(1 for y in range(image.height())
                   if (c := image.pixelColor(x, y)).red() > 200 and c.green() < 80)
    one, two = thickness(render_png(pane, scale=1.0)), thickness(render_png(pane, scale=2.0))
    assert one >= 2 and two >= 2 * one
    assert curve.opts["pen"].widthF() == 3         # the screen's pen is back

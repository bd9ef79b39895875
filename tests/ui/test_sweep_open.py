"""A saved sweep opened in the window (the Sweep tab's open_sweep, File ▸ Open): the grid drawn
is the file's per-cell means, runs the file lacks are missing cells, the theory is the swept
network's, a clicked cell opens as an experiment; a file that is not a whole sweep gets one line
and the grid shown stays. The files are written by the engine's own writers with made-up
numbers (no runs: the numbers only have to come back)."""
from __future__ import annotations

import numpy as np
import pytest

from initviz.engine.config import merge
from initviz.engine.presets import get
from initviz.engine.sweep import METRICS, cell_config, make_spec, parse_axis
from initviz.engine.sweep_file import RowWriter, write_json
from initviz.engine.theory.meanfield import critical_sigma_w2

SIGMAS, DEPTHS, SEEDS = (1.0, 1.5, 2.5, 4.0), (3, 6, 9), 2


@pytest.fixture
def sweep_window(window):
    pane = window.panes["sweep"]
    pane.workers = 0                 # the overlay in a process of its own
    yield window, pane
    pane.shutdown()
    assert not pane.running


def _spec():
    base = merge(get("edge-of-chaos-tanh").config, {"data": {"probe_samples": 100}})
    axes = [parse_axis("sigma_w2=" + ",".join(map(str, SIGMAS))),
            parse_axis("network.depth=" + ",".join(map(str, DEPTHS)))]
    return make_spec(base, axes, SEEDS)


def _row(i: int, j: int, seed: int) -> dict:
    """Made-up numbers that differ by cell and seed (None where a run has none)."""
    return {"log10_activation_ratio": -0.1 * j + 0.01 * seed, "log10_gradient_ratio": 0.2 * i,
            "saturated": 0.05 * i + 0.01 * seed, "dead": 0.0,
            "val_loss": None if (i, j, seed) == (3, 2, 1) else 2.0 - 0.1 * i + 0.03 * seed,
            "val_accuracy": 0.1 + 0.2 * i - 0.05 * j + 0.01 * seed,
            "diverged": (i, j, seed) == (3, 2, 1), "steps": 100}


def _write(tmp_path, skip=(), name="s.csv"):
    """The CSV as `initviz sweep` leaves it, without the runs in ``skip`` (i, j, seed); the
    rows written, by (i, j)."""
    spec, path, written = _spec(), tmp_path / name, {}
    writer = RowWriter(path, spec)
    rows = {}
    for cell, seed in spec.tasks():
        i, j = SIGMAS.index(cell[0]), DEPTHS.index(cell[1])
        if (i, j, seed) in skip:
            continue
        row = _row(i, j, seed)
        writer.write((cell, seed), row)
        rows[(cell, seed)] = row
        written.setdefault((i, j), []).append(row)
    writer.close()
    return spec, path, rows, written


def _means(written, metric):
    out = np.full((len(SIGMAS), len(DEPTHS)), np.nan)
    for (i, j), rows in written.items():
        vals = [float(r[metric]) for r in rows if r[metric] is not None]
        if vals:
            out[i, j] = np.mean(vals)
    return out


def _equal(a, b):
    return a.shape == b.shape and np.array_equal(np.isnan(a), np.isnan(b)) and \
        np.allclose(a[~np.isnan(a)], b[~np.isnan(b)], rtol=1e-12, atol=0)


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_an_opened_sweep_draws_the_files_means_the_theory_and_opens_cells(
        qtbot, tmp_path, sweep_window, kind):
    window, pane = sweep_window
    spec, path, rows, written = _write(tmp_path)
    if kind == "json":
        path = tmp_path / "s.json"
        write_json(path, spec, rows)
    window.show()
    assert pane.open_sweep(path) is None
    assert pane.axis_names() == ("σ_w²", "Hidden layers")
    for metric in METRICS:                      # every colour-by choice
        pane.set_metric(metric)
        assert pane.colour_key() == metric
        assert _equal(pane.values(), _means(written, metric)), metric
    assert f"{len(rows)} of {len(rows)} runs" in pane.status.text()
    assert str(path.name) in pane.status.text()
    # The theory of the swept network: tanh with σ_b² = 0.05, χ₁ = 1 at σ_w² ≈ 1.76.
    qtbot.waitUntil(lambda: pane.critical.isVisible(), timeout=60000)
    crit = critical_sigma_w2(0.05)
    assert pane.critical.value() == pytest.approx(1 + (crit - 1.5) / (2.5 - 1.5), abs=1e-6)
    # A clicked cell opens its network, first seed, as an ordinary experiment.
    with qtbot.waitSignal(pane.experiment_chosen) as got:
        assert pane.click_cell(2, 1)
    assert got.args[0] == cell_config(spec, (2.5, 6), spec.base.seed)


def test_an_interrupted_sweep_opens_with_its_missing_runs_missing(tmp_path, sweep_window):
    window, pane = sweep_window
    skip = {(3, 2, 0), (3, 2, 1), (3, 1, 1)}       # the last cell not run, one seed short
    spec, path, rows, written = _write(tmp_path, skip)
    with open(path, "a", encoding="utf-8") as fh:   # and a line cut short by a kill
        fh.write("4.0,9,0,-0.2,0.6")
    assert pane.open_sweep(path) is None
    pane.set_metric("val_accuracy")
    v = pane.values()
    assert np.isnan(v[3, 2]) and np.isfinite(v).sum() == v.size - 1
    assert v[3, 1] == pytest.approx(_row(3, 1, 0)["val_accuracy"])   # the one seed in
    assert _equal(v, _means(written, "val_accuracy"))
    total = len(SIGMAS) * len(DEPTHS) * SEEDS
    assert f"{total - 3} of {total} runs" in pane.status.text()


def test_file_open_shows_a_sweep_on_the_sweep_tab(tmp_path, sweep_window, monkeypatch):
    window, pane = sweep_window
    shown = []
    monkeypatch.setattr(window.file_menu, "warn", lambda title, text: shown.append(text))
    spec, path, rows, written = _write(tmp_path)
    json_path = tmp_path / "s.json"
    write_json(json_path, spec, rows)
    for p in (path, json_path):
        window.show_pane("activations")
        assert window.file_menu.open_path(p)
        assert window.tabs.currentWidget() is pane and not shown
        assert _equal(pane.values(), _means(written, pane.colour_key()))


HOSTILE = {
    "foreign.csv": "a,b,c\n1,2,3\n",
    "empty.csv": "",
    "cut-spec.csv": "# initviz.sweep/1 {\"axes\": [{\"field\": \"sigma_w2\", \"val",
    "bad-spec.csv": "# initviz.sweep/1 {\"axes\": 3, \"base\": {}, \"seeds\": 1}\nx\n",
    "foreign.json": "{\"schema\": \"initviz.sweep/1\", \"spec\": [], \"runs\": 5}",
    "list.json": "[1, 2, 3]",
    "binary.csv": "\udcff\udcfe\0\0garbage",
}


@pytest.mark.parametrize("name", sorted(HOSTILE) + ["other-columns.csv", "text-runs.json",
                                                    "folder.csv"])
def test_a_file_that_is_not_a_whole_sweep_gets_one_line_and_the_grid_stays(
        tmp_path, sweep_window, monkeypatch, name):
    window, pane = sweep_window
    spec, good, rows, written = _write(tmp_path)
    assert pane.open_sweep(good) is None
    before, grid = pane.values().copy(), pane.grid
    bad = tmp_path / name
    if name in HOSTILE:
        bad.write_bytes(HOSTILE[name].encode("utf-8", "surrogateescape"))
    elif name == "other-columns.csv":      # a whole spec line, but another table under it
        lines = good.read_text(encoding="utf-8").splitlines()
        bad.write_text("\n".join([lines[0], "x,y,z"] + lines[2:]) + "\n", encoding="utf-8")
    elif name == "text-runs.json":
        write_json(bad, spec, rows)
        bad.write_text(bad.read_text(encoding="utf-8").replace("false", "\"no\"", 1),
                       encoding="utf-8")
    else:
        bad.mkdir()
    reason = pane.open_sweep(bad)
    assert reason and "\n" not in reason and name in reason, reason
    assert pane.status.text() == reason
    assert pane.grid is grid and _equal(pane.values(), before)
    shown = []       # and the same through File ▸ Open: a warning, nothing else changes
    monkeypatch.setattr(window.file_menu, "warn", lambda title, text: shown.append(text))
    assert not window.file_menu.open_path(bad)
    assert len(shown) == 1 and "\n" not in shown[0] and pane.grid is grid

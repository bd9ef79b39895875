"""Sweeps: axes, cell configs, the numbers per cell, resuming from the CSV, worker processes and
a Dask cluster giving the same numbers as one process, and the command line (no Qt)."""
from __future__ import annotations

import json

import pytest

from initviz.cli import main
from test_cli import cli, no_qt  # noqa: F401  (the fixture)
from initviz.engine.config import ConfigError, ExperimentConfig, merge
from initviz.engine.sweep import SweepError, cell_config, make_spec, parse_axis, run_cell
from initviz.engine.sweep_exec import run_sweep
from initviz.engine.sweep_file import RowWriter, read_rows

BASE = merge(ExperimentConfig(), {
    "data": {"name": "mnist", "source": "bundled", "probe_samples": 100},
    "network": {"depth": 4, "width": 32, "activation": "tanh"},
    "train": {"steps": 20, "batch_size": 32, "optimizer": "sgd", "learning_rate": 0.05,
              "eval_every": 20},
    "runs": [{"label": "a", "init": {"scheme": "xavier_normal"}, "network": {"width": 16}}]})


def test_axes_parse_ranges_lists_and_words():
    assert parse_axis("sigma_w2=1:4:4").values == (1.0, 2.0, 3.0, 4.0)
    assert parse_axis("network.depth=2:10:5").values == (2, 4, 6, 8, 10)
    assert parse_axis("network.depth=1:2:5").values == (1, 2)   # whole numbers, once each
    assert parse_axis("network.activation=tanh, relu").values == ("tanh", "relu")
    assert parse_axis("train.learning_rate=0.1,0.01").values == (0.1, 0.01)
    assert parse_axis("seed=0,5").values == (0, 5)


@pytest.mark.parametrize("text", ["network.depth", "network.depth=", "=1,2", "sigma_w2=1:2",
                                  "sigma_w2=a,b", "sigma_w2=1:2:0", "network.depth=1:nan:3"])
def test_bad_axis_syntax_says_how(text):
    with pytest.raises(SweepError, match="FIELD=FROM:TO:COUNT"):
        parse_axis(text)


@pytest.mark.parametrize("text", ["network.dept=1,2", "runs.label=1", "bins=1,2",
                                  "init=1,2", "network.hidden=1"])
def test_unknown_fields_are_refused(text):
    with pytest.raises(SweepError, match="not a config field"):
        parse_axis(text)


def test_cell_config_applies_every_value_to_the_swept_run():
    spec = make_spec(BASE, [parse_axis("sigma_w2=4"), parse_axis("sigma_b2=0.09"),
                            parse_axis("network.width=8"), parse_axis("init.scheme=orthogonal")])
    cfg = cell_config(spec, spec.cells()[0], 7)
    init = cfg.runs[0].init
    assert init.gain == pytest.approx(2.0) and init.bias_std == pytest.approx(0.3)
    assert init.scheme == "orthogonal" and cfg.seed == 7
    # The run's own width would hide the axis: the axis wins.
    assert cfg.run_network(0).width == 8 and len(cfg.runs) == 1
    data = make_spec(BASE, [parse_axis("data.probe_samples=50"), parse_axis("seed=3")])
    cfg = cell_config(data, data.cells()[0], 0)
    assert cfg.data.probe_samples == 50 and cfg.seed == 3


def test_a_value_outside_the_config_range_fails_before_any_run():
    with pytest.raises(ConfigError, match="network.depth"):
        make_spec(BASE, [parse_axis("network.depth=50:150:3")])
    with pytest.raises(SweepError, match="sigma_w2"):
        make_spec(merge(BASE, {"runs": [{"label": "a", "init": {"scheme": "kaiming_normal"}}]}),
                  [parse_axis("sigma_w2=1,2")])    # He's gain is the ReLU's, not σ_w


def test_cell_numbers_say_what_the_start_does():
    def row(scheme, **over):
        over = {"train": {"steps": 100, **over.get("train", {})}}
        cfg = merge(BASE, {"network": {"depth": 12, "width": 64, "activation": "relu"},
                           "runs": [{"label": "a", "init": {"scheme": scheme}}], **over})
        return run_cell(cfg.to_json())
    he, lecun = row("kaiming_normal"), row("lecun_normal")
    assert abs(he["log10_activation_ratio"]) < 0.25          # He keeps the spread
    assert lecun["log10_activation_ratio"] < -1               # 1/√2 per layer: ~12 × −0.15
    # last layer's gradient over the first's: > 0 when it fades on the way back to the input
    assert lecun["log10_gradient_ratio"] > he["log10_gradient_ratio"] + 0.5
    assert abs(he["log10_gradient_ratio"]) < 0.25
    assert 0 <= he["dead"] < 0.2 and he["saturated"] == 0
    assert he["val_accuracy"] > 0.3 and not he["diverged"] and he["steps"] == 100
    blown = row("kaiming_normal", train={"learning_rate": 50.0})
    assert blown["diverged"] and blown["val_loss"] is None
    probe = run_cell(merge(BASE, {"train": {"steps": 0}}).to_json())
    assert probe["val_accuracy"] is None and probe["steps"] == 0


def test_tanh_saturation_grows_with_sigma_w2():
    spec = make_spec(merge(BASE, {"network": {"depth": 6, "width": 64}, "train": {"steps": 0}}),
                     [parse_axis("sigma_w2=1,9")])
    rows = dict(run_sweep(spec, workers=0))
    low, high = (rows[((v,), 0)] for v in (1.0, 9.0))
    assert high["saturated"] > low["saturated"] + 0.2, (low, high)


def _spec(seeds=2):
    return make_spec(BASE, [parse_axis("network.depth=2,3"), parse_axis("sigma_w2=1,2")], seeds)


def test_resume_runs_only_what_the_file_lacks(tmp_path):
    spec = _spec()
    out = tmp_path / "s.csv"
    full = dict(run_sweep(spec, workers=0))
    assert len(full) == 8
    w = RowWriter(out, spec)
    for key in list(full)[:3]:
        w.write(key, full[key])
    w.close()
    with open(out, "a", encoding="utf-8") as fh:   # a line cut short by a kill
        fh.write("3,2.0,1,0.1")
    have = read_rows(out, spec)
    assert have == {k: full[k] for k in list(full)[:3]}
    rest = dict(run_sweep(spec, have, workers=0))
    assert set(rest) == set(full) - set(have)
    assert rest == {k: full[k] for k in rest}             # deterministic cells
    w = RowWriter(out, spec)
    for key, row in rest.items():
        w.write(key, row)
    w.close()
    assert read_rows(out, spec) == full
    with pytest.raises(SweepError, match="different sweep"):
        read_rows(out, _spec(seeds=3))


def test_worker_processes_give_the_numbers_of_one_process():
    spec = _spec(seeds=1)
    assert dict(run_sweep(spec, workers=2)) == dict(run_sweep(spec, workers=0))


def test_a_dask_cluster_gives_the_numbers_of_one_process():
    distributed = pytest.importorskip("distributed")
    spec = _spec(seeds=1)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  protocol="tcp://", host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        on_dask = dict(run_sweep(spec, scheduler=cluster.scheduler_address))
    assert on_dask == dict(run_sweep(spec, workers=0))


# ------------------------------------------------------------------ command line

def _write_base(tmp_path):
    path = tmp_path / "base.json"
    path.write_text(BASE.to_json(), encoding="utf-8")
    return str(path)


def test_cli_sweep_writes_csv_and_json_and_resumes(tmp_path, capsys):
    base, out, js = _write_base(tmp_path), tmp_path / "s.csv", tmp_path / "s.json"
    args = ["sweep", base, "--axis", "network.depth=2,3", "--axis", "sigma_w2=1,2",
            "--seeds", "2", "--workers", "0", "--out", str(out), "--json", str(js)]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "8/8" in err
    doc = json.loads(js.read_text(encoding="utf-8"))
    assert doc["schema"] == "initviz.sweep/1" and len(doc["runs"]) == 8
    assert len(doc["cells"]) == 4 and all(c["seeds_done"] == 2 for c in doc["cells"])
    cell = doc["cells"][0]
    seeds = [r for r in doc["runs"] if r["network.depth"] == 2 and r["sigma_w2"] == 1.0]
    assert cell["val_accuracy"] == pytest.approx(
        sum(r["val_accuracy"] for r in seeds) / 2)
    lines = out.read_text(encoding="utf-8").splitlines()
    out.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")   # keep two runs
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "resuming: 2/8" in err and "8/8" in err and "3/8" in err and "1/8" not in err
    assert json.loads(js.read_text(encoding="utf-8"))["cells"] == doc["cells"]


@pytest.mark.parametrize("extra, words", [
    (["--axis", "network.depth=0,1"], "network.depth: must be a whole number"),
    (["--axis", "nonsense"], "FIELD=FROM:TO:COUNT"),
    (["--axis", "x.y=1"], "not a config field"),
    (["--axis", "network.depth=2", "--seeds", "0"], "--seeds must be at least 1"),
    (["--axis", "network.depth=2", "--scheduler", "tcp://127.0.0.1:9"], "Dask"),
])
def test_cli_sweep_bad_input_is_one_line_and_exit_2(tmp_path, capsys, extra, words):
    out = tmp_path / "s.csv"
    assert main(["sweep", _write_base(tmp_path), "--out", str(out), "--quiet"] + extra) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith("initviz: ") and words in err, err


def test_cli_sweep_refuses_another_sweeps_file(tmp_path, capsys):
    base, out = _write_base(tmp_path), tmp_path / "s.csv"
    common = ["sweep", base, "--out", str(out), "--workers", "0", "--quiet", "--batches", "0"]
    assert main(common + ["--axis", "network.depth=2"]) == 0
    before = out.read_text(encoding="utf-8")
    assert main(common + ["--axis", "network.depth=3"]) == 2
    assert "different sweep" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == before


def test_the_real_command_runs_cells_in_spawned_workers_without_qt(tmp_path, no_qt):
    # `python -m initviz sweep` with PySide6/pyqtgraph made unimportable: the spawned workers
    # start from initviz/__main__.py (freeze_support) and never import Qt either.
    out = tmp_path / "s.csv"
    done = cli(no_qt, "sweep", _write_base(tmp_path), "--axis", "network.depth=2,3",
               "--batches", "0", "--workers", "2", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "2/2" in done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4   # spec, header, 2 rows

"""The pre-run check for a sweep (engine/sweep_budget.py): every cell's config is estimated
before the sweep starts; the largest cell decides the memory (workers cells at a time), the
time is the sum over the runs divided by the workers; the command line refuses in one line,
exit 2, and announces a long sweep (no Qt)."""
from __future__ import annotations

import pytest

from initviz.cli import main
from initviz.engine import budget
from initviz.engine.sweep import cell_config, make_spec, parse_axis
from initviz.engine.sweep_budget import SweepBudgetError, check_sweep, sizes_run
from test_sweep import BASE, _write_base

AXES = ("sigma_w2=1,2,4", "network.depth=2,60", "network.width=16,256")


def _spec(*axes, seeds=2):
    return make_spec(BASE, [parse_axis(a) for a in axes or AXES], seeds)


def _each(spec):
    """budget.estimate of every run of the sweep, walked in full."""
    return [budget.estimate(cell_config(spec, cell, seed))[:2] for cell, seed in spec.tasks()]


def test_the_largest_cell_decides_and_the_message_names_the_axes_to_lower():
    spec = _spec()
    sizes = [b for b, _ in _each(spec)]
    assert max(sizes) > 1.5 * min(sizes)
    between = int((max(sizes) + min(sizes)) / 2 / budget.SHARE_OF_MEMORY)
    with pytest.raises(SweepBudgetError) as err:
        check_sweep(spec, workers=1, memory=between)
    text = str(err.value)
    assert "\n" not in text and "network.depth=60" in text and "network.width=256" in text
    assert "lower network.depth, network.width" in text and "sigma_w2" not in text.split("lower")[1]
    # the same memory holds the sweep without its largest cell
    small = _spec("sigma_w2=1,2,4", "network.depth=2", "network.width=16")
    assert check_sweep(small, workers=1, memory=between).bytes == min(sizes)


def test_workers_hold_their_cells_at_the_same_time():
    spec = _spec()
    worst = max(b for b, _ in _each(spec))
    memory = int(1.5 * worst / budget.SHARE_OF_MEMORY)
    assert check_sweep(spec, workers=1, memory=memory).bytes == worst
    with pytest.raises(SweepBudgetError, match="2 at a time"):
        check_sweep(spec, workers=2, memory=memory)


@pytest.mark.parametrize("workers", [1, 2, 0])
def test_the_time_is_the_sum_over_runs_divided_by_the_workers(workers):
    spec = _spec()
    total = sum(s for _, s in _each(spec))   # σ_w² and the seed walked too
    est = check_sweep(spec, workers=workers, memory=2 ** 50)
    assert est.seconds == pytest.approx(total / max(workers, 1), rel=1e-9)
    assert est.warning is None or est.seconds > budget.LONG_SECONDS


def test_a_long_sweep_is_announced(monkeypatch):
    monkeypatch.setattr(budget, "LONG_SECONDS", 0)
    est = check_sweep(_spec(), workers=2, memory=2 ** 50)
    text = str(est.warning)
    assert "this sweep will take about" in text and "24 runs on 2 workers" in text
    assert "network.depth, network.width" in text


def test_only_axes_that_size_a_run_are_walked_cell_by_cell():
    assert [sizes_run(f) for f in ("sigma_w2", "sigma_b2", "seed", "init.gain",
                                   "init.bias_std")] == [False] * 5
    assert all(sizes_run(f) for f in ("network.depth", "network.width", "train.steps",
                                      "train.batch_size", "data.samples", "init.scheme",
                                      "init.rbm_epochs", "network.activation"))


# ------------------------------------------------------------------ command line

def test_cli_refuses_a_sweep_that_cannot_fit_in_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(budget, "memory_limit", lambda: 64 * 2 ** 20)
    out = tmp_path / "s.csv"
    code = main(["sweep", _write_base(tmp_path), "--axis", "network.depth=2,30", "--workers",
                 "0", "--out", str(out)])
    err = capsys.readouterr().err.strip()
    assert code == 2 and "\n" not in err and err.startswith("initviz: the largest cell")
    assert "network.depth=30" in err and "this machine has 64.0 MB; lower network.depth" in err
    assert not out.exists()


def test_cli_announces_a_long_sweep_and_runs_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(budget, "LONG_SECONDS", 0)
    out = tmp_path / "s.csv"
    code = main(["sweep", _write_base(tmp_path), "--axis", "network.depth=2,3", "--workers",
                 "0", "--batches", "0", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 0 and "initviz: this sweep will take about 1 minutes (2 runs on 1 workers)" \
        in err and "2/2" in err

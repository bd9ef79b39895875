"""What falls off a log axis is still shown, and a run that diverged reads as diverged.

Depth: residual-deep's plain run had gradient spreads of 0 (their squares underflowed) below
layer 23; its line stopped there with nothing below. Spreads of 0 (or under 10⁻⁴⁵) get a ▼ at
the bottom of the axis and a legend note. A level line fills at least two decades of axis
(act-sigmoid-std1's level gradients looked steep on a range of a factor of two).

Results: exploding-clipping's two diverged runs showed "8.8 %" and "609,067" (their validation
at step 0) like the finished runs' results."""
from __future__ import annotations

import csv
import dataclasses
import io

import numpy as np
from helpers import histories, snapshot

from initviz.ui.panes.depth_pane import DepthPane
from initviz.ui.panes.results_table import ResultsTable


def with_gradients(s, grads):
    layers = tuple(dataclasses.replace(l, gradient_std=g) for l, g in zip(s.layers, grads))
    return dataclasses.replace(s, layers=layers)


def test_layers_whose_gradient_is_zero_get_a_mark_at_the_bottom_and_a_note(qtbot):
    pane = DepthPane()
    qtbot.addWidget(pane)
    grads = [1e-3, 1e-6, 1e-12, 0.0, 0.0, 0.0]
    plain = with_gradients(snapshot(run_index=0, run_count=2, n_layers=6, label="plain"),
                           grads)
    resid = snapshot(run_index=1, run_count=2, n_layers=6, label="residual")
    pane.draw(histories(plain, resid))
    items = pane.run_items()
    line = items[0]["grad"].yData
    assert np.isnan(line[3:]).all() and np.isfinite(line[:3]).all()   # the line stops
    x, y = items[0]["grad_off"].getData()
    assert list(x) == [4.0, 5.0, 6.0]                                 # ▼ at layers 4–6
    lo, hi = pane.grad_plot.vb.viewRange()[1]
    assert np.all((y > lo) & (y < lo + 0.1 * (hi - lo)))              # at the bottom edge
    assert np.all(y < np.log10(1e-12))                                # below every value
    assert len(items[1]["grad_off"].getData()[0]) == 0                # none for the other
    legend = pane.legend.text().replace("&nbsp;", " ")
    assert "gradient std below 10⁻⁴⁵ in layers 4–6" in legend
    # back to ordinary values: the marks go
    pane.draw(histories(snapshot(run_index=0, run_count=2, n_layers=6, label="plain"),
                        resid))
    assert len(pane.run_items()[0]["grad_off"].getData()[0]) == 0


def test_a_level_line_spans_at_least_two_decades_of_axis(qtbot):
    pane = DepthPane()
    qtbot.addWidget(pane)
    level = with_gradients(snapshot(n_layers=5), [1.0e-4, 1.3e-4, 0.9e-4, 1.1e-4, 1.6e-4])
    pane.draw(histories(level))
    lo, hi = pane.grad_plot.vb.viewRange()[1]
    assert hi - lo >= 2.0 - 1e-9
    y = pane.run_items()[0]["grad"].getData()[1]
    assert (y.max() - y.min()) / (hi - lo) < 0.15      # a factor of 1.8: a small rise


def diverged_and_finished():
    blown = snapshot(run_index=0, run_count=2, stage="diverged", step=4, total=300,
                     losses=[5.6e5, 4.4e9, 1.3e20, np.inf], diverged_at=4, label="no remedy")
    blown = dataclasses.replace(blown, val_steps=np.array([0]), val_losses=np.array([609066.7]),
                                val_accuracies=np.array([0.088]))
    fine = snapshot(run_index=1, run_count=2, stage="done", step=300, total=300,
                    losses=[5.6e5, 30.0], label="learning rate ÷ 10")
    fine = dataclasses.replace(fine, val_steps=np.array([300]), val_losses=np.array([31.133]),
                               val_accuracies=np.array([0.128]))
    return histories(blown, fine)


def test_a_diverged_run_shows_no_result_numbers_in_the_table(qtbot):
    table = ResultsTable()
    qtbot.addWidget(table)
    hs = diverged_and_finished()
    table.draw(hs)
    blown, fine = table.rows()
    assert blown[2] == "–" and blown[3] == "–"                # not "8.8 %", "609,067"
    assert blown[4] == "✕ diverged at step 4"
    assert fine[2] == "12.8 %" and fine[3] == "31.133" and fine[4] == "finished"
    item = table.table.item(0, 2)
    assert item.background().color().name() != table.table.item(1, 2).background().color().name()
    assert table.table.item(0, 4).font().bold()
    bars, texts = table.bars()
    assert list(bars.opts["width"])[0] == 0.0
    assert texts[0].toPlainText().startswith("–") and "diverged at step 4" in \
        texts[0].toPlainText()


def test_the_csv_of_a_diverged_run_has_no_result_numbers(qtbot):
    table = ResultsTable()
    qtbot.addWidget(table)
    header, rows = table.export_table(diverged_and_finished())
    out = io.StringIO()
    csv.writer(out).writerows([header] + [["" if v is None else v for v in r] for r in rows])
    read = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert read[0]["status"] == "diverged" and read[0]["diverged_at"] == "4"
    assert read[0]["val_accuracy"] == "" and read[0]["val_loss"] == ""
    assert float(read[1]["val_accuracy"]) == 0.128 and read[1]["status"] == "done"

"""The Loss tab's pre-training plot: a line per RBM as the epochs arrive, and before the first
epoch its axes and a note saying what will appear."""
import dataclasses

import numpy as np

from initviz.ui.panes.loss_pane import LossPane
from helpers import histories, snapshot


def test_pretraining_draws_one_line_per_rbm(qtbot):
    pane = LossPane()
    qtbot.addWidget(pane)
    plain = snapshot(run_index=1, run_count=2, stage="init", label="plain")
    assert pane.pretrain not in pane.view.ci.items
    pane.draw(histories(plain))
    assert pane.pretrain not in pane.view.ci.items
    points = tuple((layer, epoch, 0.1 / layer - 0.01 * epoch)
                   for layer in (1, 2, 3) for epoch in (1, 2, 3))
    rbm = dataclasses.replace(snapshot(run_index=0, run_count=2, stage="pretrain",
                                       label="rbm", with_layers=False), pretrain=points[:4])
    hs = histories(rbm, plain)
    pane.draw(hs)
    assert pane.pretrain in pane.view.ci.items
    assert sorted(pane.pretrain_items()) == [(0, 1), (0, 2)]
    hs[0].add(dataclasses.replace(rbm, pretrain=points[4:]))
    pane.draw(hs)
    assert sorted(pane.pretrain_items()) == [(0, 1), (0, 2), (0, 3)]
    for layer in (1, 2, 3):
        line, text = pane.pretrain_items()[(0, layer)]
        x, y = line.getData()
        np.testing.assert_array_equal(x, [1, 2, 3])
        np.testing.assert_allclose(y, [0.1 / layer - 0.01 * e for e in (1, 2, 3)])
        assert text.toPlainText() == f"RBM {layer}"


def test_the_pretraining_plot_is_there_before_the_first_epoch(qtbot):
    """rbm-pretraining at init: pre-training runs with Run or Step, and until then the Loss
    tab had no pre-training plot at all (review 8). A config that pre-trains shows the plot
    at once, with its epochs on the axis and a note saying what will appear; the first
    points replace the note; a config that does not pre-train has no such plot."""
    from initviz.engine.presets import PRESETS
    pane = LossPane()
    qtbot.addWidget(pane)
    config = PRESETS["rbm-pretraining"].config
    pane.set_config(config)
    assert pane.pretrain in pane.view.ci.items
    assert "Run or Step" in pane.pretrain_note() and "RBM" in pane.pretrain_note()
    epochs = config.runs[0].init.rbm_epochs
    lo, hi = pane.pretrain.vb.viewRange()[0]
    assert lo < 1 and epochs < hi
    from initviz.ui.look.axis_labels import drawn_labels
    pane.resize(900, 600)
    pane.show()
    qtbot.waitExposed(pane)
    labels = [text for _, text in drawn_labels(pane.pretrain.getAxis("bottom"))]
    assert labels == [str(e) for e in range(1, epochs + 1)], labels
    pane.draw(histories(snapshot(run_index=0, run_count=3, stage="init", label="rbm")))
    assert pane.pretrain in pane.view.ci.items and pane.pretrain_note()   # no epoch yet
    rbm = dataclasses.replace(snapshot(run_index=0, run_count=3, stage="pretrain",
                                       label="rbm", with_layers=False), pretrain=((1, 1, 0.09),))
    pane.draw(histories(rbm))
    assert pane.pretrain_note() == "" and sorted(pane.pretrain_items()) == [(0, 1)]
    pane.set_config(PRESETS["symmetry-zeros"].config)     # no RBM: the plot goes
    pane.draw(histories(snapshot(run_index=0, run_count=1, stage="init", label="plain")))
    assert pane.pretrain not in pane.view.ci.items and pane.pretrain_note() == ""

"""The window's numbers are run_experiment's, bit for bit, whatever state the process's BLAS
is in. A script that imported pyqtgraph (so NumPy) before initviz left OpenBLAS with a thread
per core; a run in the window's own process then trained with threaded products, which round
differently: mnist-uniform-baseline ended at 0.758 / 17.340 instead of 0.7895 / 14.260 (and
took 100-185 s instead of 2-4, the BLAS threads fighting the GUI thread for the cores)."""
import pytest

from initviz.engine import blas
from initviz.engine.config import merge
from initviz.engine.presets import PRESETS
from initviz.engine.runner import run_experiment
from initviz.ui import i18n

KEY = "mnist-uniform-baseline"


def short(key=KEY, steps=4):
    """The preset, a few batches long: threaded BLAS changes its very first loss."""
    return merge(PRESETS[key].config, {"train": {"steps": steps, "eval_every": steps}})


def headless(config):
    """Every training loss, validation loss and validation accuracy, in order."""
    losses, val_losses, val_accuracies = [], [], []
    for s in run_experiment(config):
        losses += s.losses.tolist()
        val_losses += s.val_losses.tolist()
        val_accuracies += s.val_accuracies.tolist()
    return losses, val_losses, val_accuracies


@pytest.fixture
def threaded_blas():
    """OpenBLAS as importing NumPy before initviz leaves it on a two-core machine."""
    before = blas.set_threads(2)
    if before is None or blas.threads() != 2:
        blas.set_threads(before or 1)
        pytest.skip("no OpenBLAS whose thread count can be set")
    yield
    blas.set_threads(1)


def test_a_single_run_in_the_window_gives_run_experiments_numbers(qtbot, window,
                                                                  threaded_blas):
    config = short()
    blas.set_threads(1)
    expected = headless(config)
    blas.set_threads(2)
    # what drive.py did: a language, the session restored, the preset loaded, then its run
    i18n.set_language("en")
    window.resize(1600, 1000)
    window.show()
    window.presentation.restore_session(KEY, size_given=True)
    window.load_preset(KEY, run=False)
    with qtbot.waitSignal(window.controller.run_finished, timeout=120000):
        assert window.start(config)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30000)
    [h] = window.histories
    assert h.stage == "done"
    assert (h.losses.data.tolist(), h.val_losses.data.tolist(),
            h.val_accuracies.data.tolist()) == expected


def test_run_experiment_ignores_the_blas_thread_count(threaded_blas):
    config = short(steps=2)
    blas.set_threads(1)
    one = headless(config)
    blas.set_threads(2)
    assert headless(config) == one

"""Runs: determinism, stopping, immutability, divergence, LSUV, and comparisons."""
import numpy as np
import pytest

from initviz.engine.config import (DataConfig, ExperimentConfig, InitConfig, NetworkConfig,
                                   RunSpec, TrainConfig)
from initviz.engine.control import RunControl
from initviz.engine.runner import run_experiment


def flower_config(steps=200, runs=None, **train):
    return ExperimentConfig(
        data=DataConfig(name="flower", samples=400),
        network=NetworkConfig(depth=2, width=8, activation="tanh", output="sigmoid"),
        train=TrainConfig(steps=steps, optimizer="adam", learning_rate=0.01, batch_size=32,
                          eval_every=20, **train),
        runs=runs or (RunSpec("xavier", InitConfig("xavier_normal")),
                      RunSpec("small", InitConfig("normal", std=0.1))),
        seed=5)


def collect(config, **kw):
    return list(run_experiment(config, snapshot_seconds=0.0, **kw))


def losses_of(snaps, run):
    return np.concatenate([s.losses for s in snaps if s.run_index == run])


def test_same_config_and_seed_give_identical_numbers():
    a, b = collect(flower_config()), collect(flower_config())
    for run in (0, 1):
        la, lb = losses_of(a, run), losses_of(b, run)
        assert len(la) == 200 and np.array_equal(la, lb)
    fa = [s for s in a if s.finished][-1]
    fb = [s for s in b if s.finished][-1]
    for x, y in zip(fa.layers, fb.layers):
        assert x.activation_hist == y.activation_hist
        assert x.gradient_std == y.gradient_std


def test_a_different_seed_gives_different_numbers():
    a = collect(flower_config())
    b = collect(flower_config().replace(seed=6))
    assert not np.array_equal(losses_of(a, 0), losses_of(b, 0))


def test_runs_share_the_data_order_only_weights_differ():
    # Two runs with the same init must be identical: nothing but the init tells them apart.
    same = flower_config(runs=(RunSpec("a", InitConfig("xavier_normal")),
                               RunSpec("b", InitConfig("xavier_normal"))))
    snaps = collect(same)
    assert np.array_equal(losses_of(snaps, 0), losses_of(snaps, 1))


def test_comparison_steps_interleave():
    snaps = collect(flower_config(steps=100))
    order = [s.run_index for s in snaps if s.stage == "train"]
    assert order[:4] == [0, 1, 0, 1]


def test_loss_points_are_never_dropped_with_slow_snapshots():
    snaps = list(run_experiment(flower_config(steps=150), snapshot_seconds=10.0))
    steps = np.concatenate([s.steps for s in snaps if s.run_index == 0])
    assert np.array_equal(steps, np.arange(1, 151))


def test_snapshot_arrays_are_read_only():
    snaps = collect(flower_config(steps=5))
    s = [s for s in snaps if s.layers is not None][-1]
    h = s.layers[0].activation_hist
    arrays = [s.steps, s.losses, s.val_losses, s.boundary, h.edges, h.counts, h.log_positive,
              h.log_negative, s.layers[0].gradient_hist.counts, s.layers[0].weight_hist.counts]
    for arr in arrays:
        assert not arr.flags.writeable
        with pytest.raises(ValueError):
            arr[...] = 0
    with pytest.raises(AttributeError):
        s.step = 3


def test_stop_flag_ends_the_run_within_one_step():
    control = RunControl()
    gen = run_experiment(flower_config(steps=10000), control=control, snapshot_seconds=0.0)
    seen = []
    for snap in gen:
        seen.append(snap)
        if snap.stage == "train" and snap.step >= 7:
            control.stop()
            step_at_stop = max(s.step for s in seen)
            break
    rest = list(gen)
    assert rest and all(s.stage == "stopped" for s in rest)
    assert max(s.step for s in rest) <= step_at_stop + 1
    assert len(rest) == 2  # one final snapshot per run, with full statistics
    assert all(s.layers is not None for s in rest)


def test_single_step_while_paused():
    control = RunControl()
    control.pause()
    control.step_once()
    gen = run_experiment(flower_config(steps=100), control=control, snapshot_seconds=1e9)
    snaps = []
    for snap in gen:
        snaps.append(snap)
        if snap.stage == "train":
            break
    assert snaps[-1].step == 1 and snaps[-1].layers is not None
    control.stop()
    list(gen)


def test_divergence_is_detected_and_the_other_run_goes_on():
    config = ExperimentConfig(
        data=DataConfig(name="flower"),
        network=NetworkConfig(depth=6, width=32, activation="relu", output="sigmoid"),
        train=TrainConfig(steps=60, optimizer="sgd", learning_rate=0.5, batch_size=64),
        runs=(RunSpec("huge", InitConfig("normal", std=3.0)),
              RunSpec("clipped", InitConfig("kaiming_normal"),
                      train={"clip_norm": 1.0, "learning_rate": 0.01})),
        seed=0)
    snaps = collect(config)
    final = {s.run_index: s for s in snaps if s.finished}
    assert final[0].stage == "diverged" and final[0].diverged_at is not None
    assert final[0].step == final[0].diverged_at < 60
    assert final[1].stage == "done" and final[1].diverged_at is None and final[1].step == 60
    assert np.isfinite(losses_of(snaps, 1)).all()


def test_lsuv_reaches_its_tolerance():
    from initviz.engine.lsuv import lsuv
    from initviz.engine.network import Network
    cfg = NetworkConfig(depth=6, width=64, activation="relu")
    net = Network(50, cfg.widths, 10, cfg)
    net.initialize(InitConfig("lsuv"), np.random.default_rng(0))
    x = np.random.default_rng(1).normal(size=(500, 50)).astype(np.float32) * 3
    iters = lsuv(net, x, 0.02, 10)
    assert len(iters) == 6 and all(1 <= i < 10 for i in iters)
    net.forward(x, update_stats=False)
    for u in net.pre:
        assert abs(np.var(u) - 1.0) < 0.02


def test_lsuv_runs_inside_an_experiment_and_reports_iterations():
    config = flower_config(steps=3, runs=(RunSpec("lsuv", InitConfig("lsuv")),))
    snaps = collect(config)
    assert "LSUV" in snaps[-1].message and "iterations" in snaps[-1].message


def test_rbm_pretraining_yields_its_stage_and_reconstruction_falls():
    from initviz.engine.mnist import load_mnist  # noqa: F401  (bundled data must load)
    config = ExperimentConfig(
        data=DataConfig(name="mnist", source="bundled", probe_samples=200),
        network=NetworkConfig(hidden=(64, 32), activation="sigmoid"),
        train=TrainConfig(steps=2),
        runs=(RunSpec("rbm", InitConfig("rbm", rbm_epochs=3)),), seed=0)
    snaps = collect(config)
    points = [p for s in snaps for p in s.pretrain]
    assert [p[:2] for p in points] == [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)]
    assert points[2][2] < points[0][2] and points[5][2] < points[3][2]
    assert snaps[0].stage == "pretrain"


def test_predicted_std_follows_the_measurement_for_he_and_xavier():
    """The recursion predicts the expected variance; one weight draw of a deep, finite net
    fluctuates around it, so compare the variance averaged over several draws."""
    measured, predicted = {}, {}
    for seed in range(8):
        config = ExperimentConfig(
            data=DataConfig(samples=1000, features=256),
            network=NetworkConfig(depth=10, width=256, activation="relu", bias=False),
            runs=(RunSpec("he", InitConfig("kaiming_normal")),
                  RunSpec("xavier", InitConfig("lecun_normal"))), seed=seed)
        for snap in collect(config):
            m = measured.setdefault(snap.label, [])
            p = predicted.setdefault(snap.label, [])
            m.append([l.activation_std ** 2 for l in snap.layers])
            p.append([l.predicted_activation_std ** 2 for l in snap.layers])
    for label in ("he", "xavier"):
        ratio = np.mean(measured[label], axis=0) / np.mean(predicted[label], axis=0)
        assert np.all(np.abs(ratio - 1) < 0.2), (label, ratio)
    # He holds the spread; Xavier's variance halves layer by layer.
    he, xavier = np.mean(predicted["he"], axis=0), np.mean(predicted["xavier"], axis=0)
    assert 0.8 < he[-1] / he[0] < 1.25
    assert xavier[-1] / xavier[0] == pytest.approx(0.5 ** 9, rel=0.2)


def test_histograms_cover_every_value():
    snaps = collect(flower_config(steps=0))
    for s in snaps:
        for layer in s.layers:
            h = layer.activation_hist
            assert h.total == 400 * layer.units
            assert h.counts.sum() + h.zeros + h.nonfinite == h.total
            assert len(h.edges) == len(h.counts) + 1


def test_validation_shares_its_arrays_and_keeps_the_numbers_of_fresh_ones():
    # The runs of a comparison validate into one set of arrays (fresh ones cost a page fault
    # per 4 KB every time); each run's figures stay those of a pass with fresh arrays.
    from initviz.engine.data import load_dataset
    from initviz.engine.runner import RunState
    from initviz.engine.shared_batches import SharedBatches
    config = flower_config()
    data = load_dataset(config.data, config.seed, config.network.output)
    shared = SharedBatches()
    runs = [RunState(config, i, data) for i in (0, 1)]
    for r in runs:
        r._shared = shared
        list(r.initialize())
        for _ in range(30):
            r.train_step()
    for r in runs:
        r.validate()
    n = len(data.x_val)
    assert shared.eval_arrays(runs[0].net, n) is shared.eval_arrays(runs[1].net, n)
    for r in runs:
        r.net.forward(data.x_val, train=False)
        assert r.history.val_losses[-1] == r.net.loss(data.y_val) * n / n
        assert r.history.val_acc[-1] == r.net.accuracy(data.y_val) * n / n
    assert runs[0].history.val_losses[-1] != runs[1].history.val_losses[-1]


@pytest.mark.parametrize("workers", [None, 2])
def test_validate_start_gives_an_untrained_runs_loss_at_step_0(workers):
    """The window's Reset measures a training preset untrained (0 steps): its Loss tab was
    blank axes beside texts about where the losses start (review 17). Asked, the runs are
    validated at step 0, with the numbers a training run has there; unasked (a preset that
    only measures: relu-critical-line's 30 layers took a second more), not."""
    from initviz.engine.parallel import run_comparison
    trained = [s for s in collect(flower_config(steps=5)) if s.stage == "init"]
    untrained = flower_config(steps=0)
    for asked in (True, False):
        snaps = list(run_comparison(untrained, snapshot_seconds=1e9, workers=workers,
                                    validate_start=asked))
        ends = {s.run_index: s for s in snaps if s.finished}
        assert sorted(ends) == [0, 1]
        for s in trained:
            end = ends[s.run_index]
            if asked:
                assert list(end.val_steps) == [0]
                assert end.val_losses[0] == s.val_losses[0]
                assert end.val_accuracies[0] == s.val_accuracies[0]
            else:
                assert len(end.val_steps) == 0

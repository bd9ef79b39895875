"""Float32 subnormals are flushed to zero in the engine's thread while it runs, and only there."""
import contextlib
import threading

import numpy as np
import pytest

from initviz.engine import subnormals
from initviz.engine.config import (DataConfig, ExperimentConfig, InitConfig, NetworkConfig,
                                   RunSpec, TrainConfig)
from initviz.engine.runner import run_experiment

TINY = np.float32(1e-39)   # a float32 subnormal

supported = subnormals.supported()
needs_flush = pytest.mark.skipif(not supported, reason="no known control register here")


def keeps_subnormals() -> bool:
    return bool((np.array([TINY]) * np.float32(1.0))[0] != 0)


def in_thread(fn):
    out = []
    t = threading.Thread(target=lambda: out.append(fn()))
    t.start()
    t.join()
    return out[0]


def saturated(steps=60) -> ExperimentConfig:
    """U[−1, 1) on MNIST: the softmax saturates and its gradients hold subnormals."""
    return ExperimentConfig(data=DataConfig(name="mnist", source="bundled"),
                            network=NetworkConfig(hidden=(256, 128), activation="relu"),
                            train=TrainConfig(steps=steps, optimizer="adam", batch_size=128,
                                              learning_rate=0.001, eval_every=20),
                            runs=(RunSpec("U[−1, 1)", InitConfig("uniform", low=-1, high=1)),))


@needs_flush
def test_flushed_sets_and_restores_only_this_thread():
    inside, checked = threading.Event(), threading.Event()
    other = []

    def flushing():
        with subnormals.flushed() as on:
            flushed = not keeps_subnormals()
            inside.set()
            checked.wait(10)
        return on, flushed, keeps_subnormals()

    def watching():          # a thread of its own, not started by the flushing one
        inside.wait(10)
        other.append(keeps_subnormals())
        checked.set()
    watcher = threading.Thread(target=watching)
    watcher.start()
    on, flushed, after = in_thread(flushing)
    watcher.join()
    assert on and flushed and after
    assert other == [True]
    assert keeps_subnormals()   # this thread was never touched


@needs_flush
def test_engine_flushes_while_training_keeps_them_to_measure_and_not_between(monkeypatch):
    """Training flushes; the statistics the panes draw keep subnormals (a vanished gradient
    is drawn as what it is); the consumer's code between two snapshots, and the thread after
    the run or after close(), keep them too."""
    from initviz.engine.runner import RunState
    seen = {"train": [], "measure": [], "between": []}
    train, stats = RunState.train_step, RunState.layer_stats

    def training(self):
        seen["train"].append(keeps_subnormals())
        train(self)

    def measuring(self, raw):
        seen["measure"].append(keeps_subnormals())
        return stats(self, raw)
    monkeypatch.setattr(RunState, "train_step", training)
    monkeypatch.setattr(RunState, "layer_stats", measuring)

    def run(close_early):
        gen = run_experiment(saturated(steps=5), snapshot_seconds=0)
        for i, _ in enumerate(gen):
            seen["between"].append(keeps_subnormals())
            if close_early and i == 2:
                gen.close()
                break
        return keeps_subnormals()
    for close_early in (False, True):
        assert in_thread(lambda: run(close_early))
    assert seen["train"] and not any(seen["train"])
    assert seen["measure"] and all(seen["measure"])
    assert seen["between"] and all(seen["between"])


@needs_flush
def test_flushing_does_not_change_a_saturated_runs_numbers(monkeypatch):
    def losses():
        out = {"train": [], "val": [], "acc": []}
        for s in run_experiment(saturated()):
            out["train"] += s.losses.tolist()
            out["val"] += s.val_losses.tolist()
            out["acc"] += s.val_accuracies.tolist()
        return out
    flushed = losses()
    from initviz.engine import network
    found = []
    backward = network.Network.backward

    def counting(self, y, param_grads=True):   # the subnormals the run would make
        backward(self, y, param_grads)
        found.append(int(np.count_nonzero((self.probs != 0) & (np.abs(self.probs)
                                                              < np.finfo(np.float32).tiny))))
    monkeypatch.setattr(network.Network, "backward", counting)
    monkeypatch.setattr(subnormals, "flushed", contextlib.nullcontext)   # not flushed
    kept = losses()
    assert sum(found) > 0        # without flushing the gradients do hold subnormals
    assert kept == flushed and len(flushed["train"]) == 60

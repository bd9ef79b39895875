"""Hand-built snapshots for the pane tests."""
import numpy as np

from initviz.engine.histograms import fine_histogram
from initviz.engine.snapshot import LayerStats, Snapshot, frozen


def layer(k, bins=10, seed=0):
    rng = np.random.default_rng(seed + k)
    h = lambda scale: fine_histogram(rng.normal(0, scale, (50, 20)))  # noqa: E731
    return LayerStats(layer=k, units=100, activation_mean=0.5, activation_std=0.1 * k,
                      preactivation_std=1.0, gradient_mean=0.0, gradient_std=10.0 ** -k,
                      weight_mean=0.0, weight_std=0.1, saturated_fraction=0.1 * k,
                      dead_fraction=0.0, predicted_activation_std=0.1 * k + 0.01,
                      activation_hist=h(0.1 * k), preactivation_hist=h(1.0),
                      gradient_hist=h(10.0 ** -k), weight_hist=h(0.1))


def snapshot(run_index=0, run_count=1, n_layers=3, step=0, total=0, losses=(), start=1,
             diverged_at=None, stage="done", label=None, seed=0, with_layers=True):
    losses = np.asarray(losses, float)
    steps = np.arange(start, start + len(losses))
    return Snapshot(
        run_index=run_index, run_count=run_count, label=label or f"run {run_index + 1}",
        stage=stage, step=step, total_steps=total,
        layers=tuple(layer(k, seed=seed + 10 * run_index) for k in range(1, n_layers + 1))
        if with_layers else None,
        steps=frozen(steps), losses=frozen(losses),
        val_steps=frozen(np.empty(0, np.int64)), val_losses=frozen(np.empty(0)),
        val_accuracies=frozen(np.empty(0)), diverged_at=diverged_at)

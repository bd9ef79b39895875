"""Sections C-I of the catalogue as presets: each, when run, shows the phenomenon the
catalogue promises (no Qt). Sections A and B and the catalogue's keys: test_presets.py.
Seeds are 0, 1, 2 wherever one seed could mislead; they were not chosen because they pass."""
from __future__ import annotations

import math

import numpy as np
import pytest

from initviz.engine.presets import get
from preset_runs import LN2, LN10, SEEDS, by_label, final, losses, run, stat

# ------------------------------------------------------------------ C: MNIST with Adam

C_STEPS = 300  # every phenomenon of section C is already clear after 300 of the 858 batches


def _c(key, seed, **over):
    doc, first, last = run(key, seed, train={"steps": C_STEPS}, **over)
    return by_label(doc), first, last


def _unit_spread(snap) -> tuple[float, float]:
    w = np.asarray(snap.unit_weights, np.float64)
    return float(np.abs(w - w[0]).max()), float(np.abs(w).max())


def test_mnist_zeros_vs_ones():
    # The weights are constants, so the seed only moves the batch order; one seed suffices.
    runs, first, last = _c("mnist-zeros-vs-ones", 0)
    zeros, ones = runs["all weights 0"], runs["all weights 1"]
    assert final(zeros, "val_accuracy") < 0.2 and final(ones, "val_accuracy") < 0.2
    assert final(ones, "train_loss") > 10 * final(zeros, "train_loss")   # huge loss
    assert np.mean(losses(ones)) > 100
    for i in (0, 1):  # the units of the first layer stay identical
        spread, scale = _unit_spread(last[i])
        assert spread <= 1e-5 * max(scale, 1.0), (i, spread, scale)
    assert _unit_spread(last[0])[1] == 0.0                    # zeros: nothing ever moves
    assert not np.array_equal(first[1].unit_weights, last[1].unit_weights)  # ones: moves


@pytest.mark.parametrize("seed", SEEDS)
def test_mnist_uniform_baseline_learns_slowly(seed):
    runs, _, _ = _c("mnist-uniform-baseline", seed)
    r = runs["U[0, 1)"]
    acc = r["history"]["val_accuracy"]
    assert acc[-1] > 0.4 and acc[-1] > 2 * acc[0]           # it learns ...
    assert acc[-1] < 0.85                                    # ... to a mediocre accuracy
    assert final(r, "val_loss") > 2.0                        # with a large loss
    assert losses(r)[:100].mean() > 100


@pytest.mark.parametrize("seed", SEEDS)
def test_mnist_uniform_signs_centring_helps(seed):
    runs, _, _ = _c("mnist-uniform-signs", seed)
    pos, centred = runs["U[0, 1)"], runs["U[−1, 1)"]
    assert final(centred, "val_accuracy") > final(pos, "val_accuracy") + 0.05
    assert final(centred, "val_loss") < 0.75 * final(pos, "val_loss")
    assert losses(centred)[:100].mean() < 0.1 * losses(pos)[:100].mean()


@pytest.mark.parametrize("seed", SEEDS)
def test_mnist_uniform_scales_has_a_sweet_spot(seed):
    runs, _, _ = _c("mnist-uniform-scales", seed)
    acc = {k: final(r, "val_accuracy") for k, r in runs.items()}
    loss = {k: final(r, "val_loss") for k, r in runs.items()}
    best = "U[−0.1, 0.1)"
    assert acc[best] > 0.9, acc
    for other in ("U[−1, 1)", "U[−0.01, 0.01)", "U[−0.001, 0.001)"):
        assert acc[best] > acc[other] and loss[best] < loss[other], (acc, loss)
    assert loss["U[−1, 1)"] > 5 * loss[best], loss                  # too wide is bad
    # Smaller gets worse again: slower at the start, higher final validation loss. (Not the
    # accuracy: at the full 858 batches ±0.001 ends above ±0.01 on seed 0.)
    early = {k: losses(r)[:100].mean() for k, r in runs.items()}
    assert early[best] < early["U[−0.01, 0.01)"] < early["U[−0.001, 0.001)"], early
    assert loss["U[−0.01, 0.01)"] < loss["U[−0.001, 0.001)"], loss


@pytest.mark.parametrize("seed", SEEDS)
def test_mnist_uniform_scales_results_at_the_full_length(seed):
    """At the preset's 858 batches, what the Results tab shows: 'the smaller the range, ... the
    higher the final validation loss (the table's loss column; their accuracy bars lie within 3
    points of each other, in either order)' (the bars show accuracy: ±0.001 ends above ±0.01 on
    seed 0, review 15 read it as contradicting the text), under ±0.1."""
    doc, _, _ = run("mnist-uniform-scales", seed)
    runs = by_label(doc)
    acc = {k: final(r, "val_accuracy") for k, r in runs.items()}
    loss = {k: final(r, "val_loss") for k, r in runs.items()}
    small, smaller = "U[−0.01, 0.01)", "U[−0.001, 0.001)"
    assert loss["U[−0.1, 0.1)"] < loss[small] < loss[smaller], loss
    assert abs(acc[small] - acc[smaller]) < 0.03, acc
    assert max(acc[small], acc[smaller]) < acc["U[−0.1, 0.1)"], acc


@pytest.mark.parametrize("seed", SEEDS)
def test_mnist_general_rule_is_close_to_hand_picked(seed):
    runs, _, _ = _c("mnist-general-rule", seed)
    a = final(runs["U[−0.1, 0.1)"], "val_accuracy")
    b = final(runs["U[−1/√n, 1/√n) (general rule)"], "val_accuracy")
    assert a > 0.88 and b > 0.88 and abs(a - b) < 0.03, (a, b)


@pytest.mark.parametrize("seed", SEEDS)
def test_mnist_uniform_vs_normal_about_the_same(seed):
    runs, _, _ = _c("mnist-uniform-vs-normal", seed)
    a = final(runs["U[−0.1, 0.1)"], "val_accuracy")
    b = final(runs["N(0, 0.1)"], "val_accuracy")
    assert a > 0.9 and b > 0.9 and abs(a - b) < 0.03, (a, b)


def _tail_mass(snap, beyond: float) -> float:
    h = snap.layers[0].weight_hist    # the run's own fine histogram
    e = np.asarray(h.edges)
    centres = (e[:-1] + e[1:]) / 2
    counts = np.asarray(h.counts, float)
    return float(counts[np.abs(centres) > beyond].sum() / counts.sum())


@pytest.mark.parametrize("seed", SEEDS)
def test_mnist_normal_vs_truncated(seed):
    runs, first, _ = _c("mnist-normal-vs-truncated", seed)
    a = final(runs["N(0, 0.1)"], "val_accuracy")
    b = final(runs["truncated N(0, 0.1), 2σ cut"], "val_accuracy")
    assert a > 0.9 and b > 0.9 and abs(a - b) < 0.02, (a, b)
    # The two weight distributions differ visibly: the truncated one has no tails.
    bin_width = float(np.diff(first[0].layers[0].weight_hist.edges[:2])[0])
    assert _tail_mass(first[0], 0.2 + bin_width) > 0.02
    assert _tail_mass(first[1], 0.2 + bin_width) == 0.0
    ratio = stat(runs["truncated N(0, 0.1), 2σ cut"], "weight_std")[0] / \
        stat(runs["N(0, 0.1)"], "weight_std")[0]
    assert 0.85 < ratio < 0.91, ratio   # 0.88 for a 2σ cut


@pytest.mark.parametrize("seed", SEEDS)
def test_mnist_baseline_vs_truncated_gap_is_large(seed):
    runs, _, _ = _c("mnist-baseline-vs-truncated", seed)
    base, good = runs["U[0, 1)"], runs["truncated N(0, 0.1), 2σ cut"]
    assert final(good, "val_accuracy") > final(base, "val_accuracy") + 0.15
    assert final(base, "val_loss") > 10 * final(good, "val_loss")


# ------------------------------------------------------------------ D: the flower

@pytest.mark.parametrize("seed", SEEDS)
def test_flower_small_start_catches_up_after_130_to_170_steps(seed):
    # The take-away: "only after 130 to 170 steps can the tanh bend its boundary (set Batches
    # to 500 to watch it catch up)".
    doc, _, last = run("flower-small-vs-xavier", seed, train={"steps": 500})
    runs = by_label(doc)
    small, xavier = losses(runs["N(0, 0.01)"]), losses(runs["Xavier N(0, 1/√n)"])
    leaves = int(np.argmax(small < 0.65))          # first step below the plateau
    assert 120 <= leaves <= 170, leaves
    assert small[-1] < 0.45                                            # then catches up
    assert xavier[-1] < 0.45 and xavier[99] < 0.6
    assert final(runs["Xavier N(0, 1/√n)"], "val_accuracy") > 0.85
    # The boundary is drawn: a probability map that, for Xavier, has both classes on it.
    b = np.asarray(last[1].boundary)
    assert b.shape[0] == b.shape[1] and b.min() < 0.1 and b.max() > 0.9


# ------------------------------------------------------------------ E: symmetry

@pytest.mark.parametrize("seed", SEEDS)
def test_symmetry_constant_starts_keep_units_identical(seed):
    doc, first, last = run("symmetry-zeros", seed)
    runs = by_label(doc)
    spread = {i: _unit_spread(last[i]) for i in range(3)}
    assert spread[0] == (0.0, 0.0)                                # all 0: nothing moves
    assert spread[1][0] == 0.0                                    # all 0.5: identical ...
    assert np.abs(np.asarray(last[1].unit_weights) - 0.5).max() > 0.05   # ... though moving
    assert spread[2][0] > 0.5                                     # Xavier's units differ
    acc = {k: final(r, "val_accuracy") for k, r in runs.items()}
    assert acc["Xavier N(0, 1/√n)"] > max(acc["all 0"], acc["all 0.5"]) + 0.1, acc


# ------------------------------------------------------------------ F: He vs Xavier, deep ReLU

@pytest.mark.parametrize("seed", SEEDS)
def test_he_vs_xavier_deep_spread_at_full_width(seed):
    doc, _, _ = run("he-vs-xavier-deep", seed, train={"steps": 0})
    runs = by_label(doc)
    xav = stat(runs["Xavier N(0, 1/√n)"], "activation_std")
    he = stat(runs["He N(0, √(2/n))"], "activation_std")
    assert len(xav) == 30
    assert xav[-1] < xav[0] / 100, xav
    per_layer = np.exp(np.log(xav[1:] / xav[:-1]).mean())
    assert 0.62 < per_layer < 0.80, per_layer                       # ≈ 1/√2
    pred = stat(runs["Xavier N(0, 1/√n)"], "predicted_activation_std")
    assert np.all(np.abs(np.log(xav / pred)) < np.log(2)), (xav, pred)
    assert he.max() / he.min() < 3 and 1 / 3 < he[-1] / he[0] < 3, he
    g = stat(runs["Xavier N(0, 1/√n)"], "gradient_std")
    assert g[0] < g[-1] / 100                                        # gradients vanish too


@pytest.mark.parametrize("seed", SEEDS)
def test_he_vs_xavier_deep_training(seed):
    doc, _, _ = run("he-vs-xavier-deep", seed, network={"width": 128},
                    train={"steps": 120, "eval_every": 40})
    runs = by_label(doc)
    xav, he = runs["Xavier N(0, 1/√n)"], runs["He N(0, √(2/n))"]
    assert final(xav, "val_loss") > 2.2 and final(xav, "val_accuracy") < 0.2   # barely moves
    # Xavier sits at ln 10 = 2.30; He's loss falls clearly below it and it learns above chance.
    # (120 batches of a 30-layer net: where He gets to varies a lot with the seed, from 1.05
    # to 1.95 over seeds 0-9, so the line is drawn at the phenomenon, not at a typical value.)
    assert final(he, "val_loss") < min(2.1, final(xav, "val_loss") - 0.2)
    assert final(he, "val_accuracy") > 0.2


# ------------------------------------------------------------------ G: RBM pre-training

@pytest.mark.parametrize("seed", SEEDS)
def test_rbm_pretraining(seed):
    doc, _, _ = run("rbm-pretraining", seed, train={"steps": 200})
    runs = by_label(doc)
    rbm, small, xavier = (runs["RBM pre-trained (CD-1)"], runs["N(0, 0.01)"],
                          runs["Xavier N(0, 1/√n)"])
    epochs = get("rbm-pretraining").config.runs[0].init.rbm_epochs
    pre = rbm["pretrain"]
    assert len(pre) == 3 * epochs
    for layer in (1, 2, 3):
        errs = [p["reconstruction_error"] for p in pre if p["layer"] == layer]
        assert len(errs) == epochs and errs[-1] < 0.85 * errs[0], (layer, errs)
    assert "pretrain" not in small and "pretrain" not in xavier
    # Usable hidden activations from the start, unlike the tiny start's.
    assert np.all(stat(rbm, "activation_std") > 5 * stat(small, "activation_std"))
    # Fine-tuning: the pre-trained net's loss falls faster than the small start's.
    lr, ls = losses(rbm), losses(small)
    assert lr[50:].mean() < ls[50:].mean() - 0.8, (lr[50:].mean(), ls[50:].mean())
    assert final(rbm, "val_loss") < final(small, "val_loss") - 1.0
    assert final(rbm, "val_accuracy") > 0.7
    # The text: the pre-trained loss falls from the first batches, the tiny start's stays at
    # ln 10 (the loss of a 1-in-10 guess), Xavier's near ln 10 for about 100 batches, then
    # falls.
    assert lr[:25].mean() < LN10 - 0.3, lr[:25].mean()
    assert abs(ls[25:].mean() - LN10) < 0.05 and abs(final(small, "val_loss") - LN10) < 0.05
    lx = losses(xavier)
    assert abs(lx[20:90].mean() - LN10) < 0.1, lx[20:90].mean()
    assert lx[-20:].mean() < lx[20:90].mean() - 0.6, lx[-20:].mean()


# ------------------------------------------------------------------ H: remedies

@pytest.mark.parametrize("seed", SEEDS)
def test_exploding_clipping(seed):
    doc, _, last = run("exploding-clipping", seed)       # the whole run: 300 steps
    runs = by_label(doc)
    steps = get("exploding-clipping").config.train.steps
    none = runs["no remedy"]
    assert final(none, "diverged") and final(none, "diverged_at") <= 20
    assert last[0].stage == "diverged" and last[0].diverged_at == final(none, "diverged_at")
    for label in ("clip gradient norm at 1", "learning rate ÷ 10"):
        r = runs[label]
        assert not final(r, "diverged") and final(r, "steps") == steps, label
        assert np.all(np.isfinite(losses(r))), label
    # As the explanation says, weight decay alone does not stop an explosion this fast.
    assert final(runs["L2 weight decay 0.01"], "diverged")
    assert final(runs["L2 weight decay 0.01"], "diverged_at") <= 20   # 'in their first steps'
    # Only the smaller rate brings the loss down, from hundreds of thousands to hundreds or
    # less; the clipped run's loss stays about as huge as it started.
    slow, clip = losses(runs["learning rate ÷ 10"]), losses(runs["clip gradient norm at 1"])
    assert slow[0] > 1e5 and slow[-10:].mean() < 1000, (slow[0], slow[-10:].mean())
    assert 0.5 < clip[-10:].mean() / clip[0] < 1.5 and clip.min() > 1e5, clip[-10:].mean()
    # "yet its accuracy stays under 50 %: a falling loss is not yet right answers": with the
    # preset's seed it even falls back, from about 29 % to 13 %, while its loss goes on
    # falling (review 8; the figures left the text in review 14 to make room at 1280 x 720)
    h = runs["learning rate ÷ 10"]["history"]
    acc, val = np.array(h["val_accuracy"], float), np.array(h["val_loss"], float)
    assert acc.max() < 0.5, acc
    if seed == get("exploding-clipping").config.seed:
        top = int(np.argmax(acc))
        assert 0.26 <= acc[top] <= 0.32 and 0.11 <= acc[-1] <= 0.15, acc
        assert val[-1] < val[top] / 10 and np.all(np.diff(val[top:]) < 0), val


@pytest.mark.parametrize("seed", SEEDS)
def test_batchnorm_rescue(seed):
    doc, _, _ = run("batchnorm-rescue", seed, network={"width": 64})
    runs = by_label(doc)
    big, small = runs["N(0, 1)"], runs["N(0, 0.01)"]
    # The bad starts: N(0, 1) mostly saturated, N(0, 0.01) collapsed near 0.5.
    assert stat(big, "saturated_fraction")[0] > 0.5
    assert np.all(stat(small, "activation_std") < 0.03)
    assert np.all(np.abs(stat(small, "activation_mean") - 0.5) < 0.01)
    vl = {k: final(r, "val_loss") for k, r in runs.items()}
    gap_bn = abs(vl["N(0, 1) + batch norm"] - vl["N(0, 0.01) + batch norm"])
    gap_plain = abs(vl["N(0, 1)"] - vl["N(0, 0.01)"])
    assert gap_bn < 0.3 and gap_bn < gap_plain / 4, vl
    assert max(vl["N(0, 1) + batch norm"], vl["N(0, 0.01) + batch norm"]) < \
        min(vl["N(0, 1)"], vl["N(0, 0.01)"]), vl
    # 'the tiny start does not learn at all (its loss stays at ln 10 ≈ 2.3)': at the preset's
    # width 256, val loss 2.302-2.304 and accuracy 0.105 over seeds 1-3 (review 13 had read
    # 'hardly learns' as understated)
    tiny = runs["N(0, 0.01)"]
    assert abs(vl["N(0, 0.01)"] - LN10) < 0.01, vl
    assert np.all(np.abs(np.array(tiny["history"]["val_loss"], float) - LN10) < 0.02)
    assert final(tiny, "val_accuracy") < 0.15


@pytest.mark.parametrize("seed", SEEDS)
def test_residual_deep_saturates_its_upper_units_yet_passes_the_gradient(seed):
    """residual-deep's text: 'Depth shows most of its upper sigmoid units saturated: each skip
    adds a layer's output to the signal, so later layers get large inputs', while its gradient
    stays usable in every layer (the Depth tab's saturated share: f'(u) below 5 % of 1/4)."""
    doc, _, _ = run("residual-deep", seed, train={"steps": 0})
    runs = by_label(doc)
    plain, res = runs["plain"], runs["residual"]
    sat, u = stat(res, "saturated_fraction"), stat(res, "preactivation_std")
    assert np.all(stat(plain, "saturated_fraction") < 0.01)      # the plain net: none
    assert sat[0] < 0.01 and np.mean(sat[25:]) > 0.5 and sat[-1] > 0.75, sat   # most, above
    assert u[-1] > 30 * u[0] and np.all(np.diff(u[::10]) > 0), u   # the inputs grow
    assert stat(res, "gradient_std")[0] > 1e-6 > 1e-20 > stat(plain, "gradient_std")[0]
    # the Depth tab opens here (at the start): usable in every layer, within two decades
    g = stat(res, "gradient_std")
    assert np.all(g > 1e-6) and g.max() < 100 * g.min(), g
    # "in Gradients, the “zeros” of the residual network's upper layers are units so
    # saturated that their slope is exactly 0" (review 8: "zeros 12 … 44 %" unexplained): no
    # zeros below, in the plain net or beyond the saturated share; many in the top layers
    zeros = [np.array([layer["gradient_hist"]["zeros"] / layer["gradient_hist"]["total"]
                       for layer in r["at_init"]]) for r in (plain, res)]
    assert not zeros[0].any() and not zeros[1][:10].any(), zeros
    assert np.all(zeros[1] <= sat) and zeros[1][-10:].mean() > 0.1, zeros[1]


@pytest.mark.parametrize("seed", SEEDS)
def test_residual_deep(seed):
    doc, _, _ = run("residual-deep", seed, network={"width": 64}, train={"steps": 150})
    runs = by_label(doc)
    plain, res = runs["plain"], runs["residual"]
    gp, gr = stat(plain, "gradient_std"), stat(res, "gradient_std")
    assert len(gp) == 50
    assert gp[0] < 1e-12 * gp[-1], gp                    # vanished at the bottom
    assert gr[0] > gr[-1] / 100 and np.all(gr > 0), gr   # the skips carry it down
    assert final(plain, "val_loss") > 2.2 and final(plain, "val_accuracy") < 0.2
    assert final(res, "val_loss") < 1.5 and final(res, "val_accuracy") > 0.6


@pytest.mark.parametrize("seed", SEEDS)
def test_activation_compare(seed):
    doc, _, _ = run("activation-compare", seed, network={"width": 128})
    runs = by_label(doc)
    keep = {k: stat(r, "gradient_std")[0] / stat(r, "gradient_std")[-1]
            for k, r in runs.items()}
    assert min(keep, key=keep.get) == "sigmoid", keep          # shrinks fastest
    assert keep["sigmoid"] < 1e-3, keep
    others = [v for k, v in keep.items() if k != "sigmoid"]
    assert keep["sigmoid"] < min(others) / 100, keep
    for k in ("ReLU", "leaky ReLU"):                           # the ReLU family keeps it
        assert 0.5 < keep[k] < 2, keep


# ------------------------------------------------------------------ I: distributions

@pytest.mark.parametrize("seed", SEEDS)
def test_distributions(seed):
    doc, first, _ = run("distributions", seed)
    runs = by_label(doc)
    std = {k: stat(r, "weight_std")[0] for k, r in runs.items()}
    assert abs(std["U[−3, 3)"] - math.sqrt(3)) < 0.03
    assert abs(std["N(0, 1)"] - 1.0) < 0.02
    assert abs(std["truncated N(0, 1), 2σ cut"] - 0.880) < 0.02
    bin_width = float(np.diff(first[0].layers[0].weight_hist.edges[:2])[0])
    assert _tail_mass(first[0], 3 + bin_width) == 0.0       # the uniform has hard edges
    assert _tail_mass(first[1], 2 + bin_width) > 0.01        # the normal has tails beyond 2σ
    assert _tail_mass(first[2], 2 + bin_width) == 0.0        # the truncated one has none
    # The uniform is flat: its inner bins hold about equal counts.
    e = np.asarray(first[0].layers[0].weight_hist.edges)
    centres = (e[:-1] + e[1:]) / 2
    counts = np.asarray(first[0].layers[0].weight_hist.counts, float)
    inner = counts[np.abs(centres) < 2.8]
    assert inner.std() / inner.mean() < 0.1

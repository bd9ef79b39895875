"""Section C: a 784-256-128-10 ReLU network trained on MNIST with Adam, from different starts."""
from . import Preset

_DATA = {"name": "mnist"}
_NET = {"hidden": [256, 128], "activation": "relu", "output": "softmax"}
# 858 batches of 128: two epochs of the classic 55,000-image training split.
_TRAIN = {"steps": 858, "optimizer": "adam", "learning_rate": 0.001, "batch_size": 128,
          "eval_every": 50}
_VIEWS = ("loss_early", "loss", "table", "accuracy", "weights", "activations")


def _uniform(a, b):
    return {"label": f"U[{a:g}, {b:g})", "init": {"scheme": "uniform", "low": a, "high": b}}


ZEROS = {"label": "all weights 0", "init": {"scheme": "zeros"}}
ONES = {"label": "all weights 1", "init": {"scheme": "ones"}}
U01 = _uniform(0.0, 1.0)
U1 = _uniform(-1.0, 1.0)
U01_SYM = _uniform(-0.1, 0.1)
U001 = _uniform(-0.01, 0.01)
U0001 = _uniform(-0.001, 0.001)
RULE = {"label": "U[±1/√n) (general rule)", "init": {"scheme": "standard_uniform"}}
NORMAL = {"label": "N(0, 0.1)", "init": {"scheme": "normal", "std": 0.1}}
TRUNC = {"label": "truncated N(0, 0.1), 2σ cut", "init": {"scheme": "trunc_normal", "std": 0.1}}


def _train(runs, **extra):
    return {"data": _DATA, "network": _NET, "train": _TRAIN, "runs": runs, **extra}


PRESETS = (
    Preset("mnist-zeros-vs-ones", "C", "All zeros vs all ones",
           "What if every weight starts with the same value, 0 or 1? Then every unit of a "
           "layer computes the same thing and receives the same gradient, so the units stay "
           "copies of each other forever: the symmetry never breaks. With all zeros no "
           "gradient reaches the hidden layers at all, and only the output biases learn the "
           "class frequencies. With all ones the outputs are enormous, so the loss is huge. "
           "Look at the accuracy: both stay near chance, about 10 %, and the units pane shows "
           "identical incoming weights.",
           ("loss_early", "table", "units", "loss", "accuracy", "activations"),
           _train([ZEROS, ONES], track_units=True)),
    Preset("mnist-uniform-baseline", "C", "Uniform U[0, 1): a poor baseline",
           "A first naive start: every weight drawn uniformly between 0 and 1. All weights "
           "are positive, so each unit adds up hundreds of positive terms and the outputs are "
           "huge at first. Look at the loss: it starts very large and falls slowly, and after "
           "858 batches the accuracy is only mediocre. The next presets show what goes wrong "
           "and how to fix it.",
           _VIEWS, _train([U01])),
    Preset("mnist-uniform-signs", "C", "U[0, 1) vs U[−1, 1): centre at zero",
           "Does it help to let the weights be negative too? With U[−1, 1) the weights are "
           "centred at zero, so the positive and negative terms of each unit's sum cancel in "
           "part and the signals stay much smaller. Compare the two loss curves and the table: "
           "the centred start learns far faster and ends far more accurate.",
           _VIEWS, _train([U01, U1])),
    Preset("mnist-uniform-scales", "C", "How wide should the uniform be?",
           "Four centred uniform starts, from ±1 down to ±0.001. Too wide (±1) and the "
           "outputs are large, the first steps are wild and the loss stays high. Around ±0.1 "
           "the network learns fastest and ends best. Smaller still (±0.01, ±0.001) the "
           "signals and gradients are so weak that the network needs many steps just to get "
           "going, so it falls behind again. Look at the early loss and the table: the scale "
           "matters, and there is a sweet spot.",
           _VIEWS, _train([U1, U01_SYM, U001, U0001])),
    Preset("mnist-general-rule", "C", "±0.1 vs the general rule U[±1/√n)",
           "Must we hunt for the right number by hand? The general rule sets the range from "
           "the layer itself: U[−1/√n, 1/√n) with n the number of inputs of a unit, here "
           "1/√784 ≈ 0.036 for the first layer and 1/√256 = 0.0625 for the second. Compare "
           "it with the hand-picked ±0.1: the curves and the final accuracy are close. The "
           "rule needs no hand-picked number and adapts when the layers change size.",
           _VIEWS, _train([U01_SYM, RULE])),
    Preset("mnist-uniform-vs-normal", "C", "Uniform vs normal",
           "Does the shape of the distribution matter, or only its size? U[−0.1, 0.1) and "
           "N(0, 0.1) both centre at zero with a similar scale (the uniform's standard "
           "deviation is 0.058, the normal's 0.1). Compare the curves and the table: they "
           "train about the same. What matters is that the weights are centred and of a "
           "sensible size.",
           _VIEWS, _train([U01_SYM, NORMAL])),
    Preset("mnist-normal-vs-truncated", "C", "Normal vs truncated normal",
           "A truncated normal redraws every value that falls more than two standard "
           "deviations from the mean, so no weight starts unusually large. Look at the weight "
           "histograms first: the truncated one has no tails. Then compare the training "
           "curves: on a network this small they are about the same, because a few large "
           "weights do little harm here. Truncation matters more in very deep or very wide "
           "networks.",
           ("weights", "loss_early", "loss", "table", "accuracy"),
           _train([NORMAL, TRUNC])),
    Preset("mnist-baseline-vs-truncated", "C", "Where we started vs where we ended",
           "The naive start U[0, 1) against a good one, the truncated normal with σ = 0.1. "
           "Everything else is the same: the data, the order of the batches and the "
           "optimizer. Compare the loss curves and the table: the gap is large, and it comes "
           "from the initialization alone.",
           _VIEWS, _train([U01, TRUNC])),
)

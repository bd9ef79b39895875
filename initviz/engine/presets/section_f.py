"""Section F: deep ReLU networks, He (MSRA) vs Xavier."""
from . import Preset

_DATA = {"name": "mnist"}
_NET = {"depth": 30, "width": 256, "activation": "relu", "output": "softmax"}
_TRAIN = {"steps": 300, "optimizer": "momentum", "learning_rate": 0.01, "momentum": 0.9,
          "batch_size": 128, "eval_every": 25}
XAVIER = {"label": "Xavier N(0, 1/√n)", "init": {"scheme": "lecun_normal"}}
HE = {"label": "He N(0, √(2/n))", "init": {"scheme": "kaiming_normal", "nonlinearity": "relu"}}

PRESETS = (
    Preset("he-vs-xavier-deep", "F", "30 ReLU layers: He vs Xavier",
           "Xavier's rule was worked out for activations that are symmetric around 0, but a "
           "ReLU sets half of its inputs to zero and so halves the variance of the signal in "
           "every layer. Over 30 layers that compounds: look at the spread against depth, where "
           "Xavier's falls by about 1/√2 per layer, as the drawn prediction says, until almost "
           "nothing reaches the top, and the gradients fade the same way on the way back. "
           "He's rule uses σ = √(2/n), twice Xavier's variance, to make up for the halving, "
           "and the spread holds from the first layer to the last. Then watch the loss: "
           "Xavier's barely moves from ln 10 ≈ 2.3, while He's falls.",
           ("depth", "activations", "gradients", "loss", "accuracy", "table"),
           {"data": _DATA, "network": _NET, "train": _TRAIN, "runs": [XAVIER, HE]}),
)

"""Section F: deep ReLU networks, He (MSRA) vs Xavier."""
from .preset import Preset

_DATA = {"name": "mnist"}
_NET = {"depth": 30, "width": 256, "activation": "relu", "output": "softmax"}
_TRAIN = {"steps": 300, "optimizer": "momentum", "learning_rate": 0.01, "momentum": 0.9,
          "batch_size": 128, "eval_every": 25}
XAVIER = {"label": "Xavier N(0, 1/√n)", "init": {"scheme": "lecun_normal"}}
HE = {"label": "He N(0, √(2/n))", "init": {"scheme": "kaiming_normal", "nonlinearity": "relu"}}

PRESETS = (
    Preset("he-vs-xavier-deep", "F", "30 ReLU layers: He vs Xavier",
           "Xavier's start works well for tanh, so why does a deep ReLU network need a different "
           "one?",
           "The Depth tab opens at the start (untick “At the start”, in the header or under View "
           "▾, for the end): Xavier's activation spread falls by about 1/√2 per layer, along"
           " the dashed prediction, to almost nothing at layer 30, and its gradients fade on the "
           "way back, while He's spread holds level. In the Loss tab, Xavier's loss barely moves "
           "from ln 10 ≈ 2.3; He's falls.",
           "A ReLU sets about half of its inputs to zero, which halves the variance of the "
           "signal in every layer, and Xavier's rule, worked out for activations symmetric "
           "around 0, does not make up for that. He's σ = √(2/n) doubles the variance to "
           "compensate, so the signal keeps its size through all 30 layers and the network can "
           "learn.",
           ("depth", "activations", "gradients", "loss", "accuracy", "table"),
           {"data": _DATA, "network": _NET, "train": _TRAIN, "runs": [XAVIER, HE]},
           at_start=("depth",),
           # one range: per layer, each plot's own decades hid Xavier's fall (review 15)
           hist_shared=("activations",)),
)

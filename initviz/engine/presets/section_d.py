"""Section D: the two-class flower in the plane, a small MLP trained by full-batch descent."""
from . import Preset

_DATA = {"name": "flower", "samples": 400}
# A wide hidden layer makes the contrast clearest: Xavier's start falls within a few dozen
# steps, while N(0, 0.01) sits near ln 2 for well over a hundred.
_NET = {"hidden": [64], "activation": "tanh", "output": "sigmoid"}
_TRAIN = {"steps": 500, "optimizer": "sgd", "learning_rate": 0.3, "batch_size": 0,
          "eval_every": 10}
SMALL = {"label": "N(0, 0.01)", "init": {"scheme": "normal", "std": 0.01}}
XAVIER = {"label": "Xavier N(0, 1/√n)", "init": {"scheme": "lecun_normal"}}

PRESETS = (
    Preset("flower-small-vs-xavier", "D", "The flower: tiny weights vs Xavier",
           "A network with one hidden layer of 64 tanh units learns to separate the two "
           "classes of the flower, by plain gradient descent on all 400 points at once. "
           "Started from N(0, 0.01), every unit outputs almost 0, the network says 50 % for "
           "every point, and the loss sits near ln 2 ≈ 0.693 for a long time: the gradients "
           "are as tiny as the weights. Started from Xavier's N(0, 1/√n), the loss falls from "
           "the first steps. Watch the decision boundary: Xavier's soon wraps around the "
           "petals, while the small start stays blank for a long while before it catches up.",
           ("boundary", "loss", "accuracy", "activations"),
           {"data": _DATA, "network": _NET, "train": _TRAIN, "runs": [SMALL, XAVIER]}),
)

"""Section D: the two-class flower in the plane, a small MLP trained by full-batch descent."""
from .preset import Preset

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
           "What happens when a small network starts with every weight tiny instead of at "
           "Xavier's scale?",
           "In the Boundary tab, Xavier's decision boundary soon wraps around the petals, while "
           "the tiny start stays blank, with P ≈ 0.5 everywhere, for the first hundred steps or "
           "so before it slowly catches up. In the Loss tab, the tiny start's loss sits flat "
           "near ln 2 ≈ 0.693, the loss of a coin toss, while Xavier's falls from the first "
           "steps.",
           "With weights of 0.01 every tanh unit outputs almost 0, so the network says 50 % for "
           "every point, and the gradients are as tiny as the weights: learning crawls until the "
           "weights have grown. Xavier's N(0, 1/√n) gives the units a useful signal, and so a "
           "useful gradient, from the very first step.",
           ("boundary", "loss", "accuracy", "activations"),
           {"data": _DATA, "network": _NET, "train": _TRAIN, "runs": [SMALL, XAVIER]}),
)

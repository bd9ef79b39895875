"""Section D: the two-class flower in the plane, a small MLP trained by full-batch descent."""
from .preset import Preset

_DATA = {"name": "flower", "samples": 400}
# A wide hidden layer makes the contrast clearest: Xavier's start falls within a few dozen
# steps, while N(0, 0.01) sits at the loss of the best straight line (0.657) until step 130-170
# (seeds 0-4). 100 steps end while it still sits there, so the end shows the contrast.
_NET = {"hidden": [64], "activation": "tanh", "output": "sigmoid"}
_TRAIN = {"steps": 100, "optimizer": "sgd", "learning_rate": 0.3, "batch_size": 0,
          "eval_every": 10}
SMALL = {"label": "N(0, 0.01)", "init": {"scheme": "normal", "std": 0.01}}
XAVIER = {"label": "Xavier N(0, 1/√n)", "init": {"scheme": "lecun_normal"}}

PRESETS = (
    Preset("flower-small-vs-xavier", "D", "The flower: tiny weights vs Xavier",
           "What happens when a small network starts with every weight tiny instead of at "
           "Xavier's scale?",
           "In Loss, the tiny start's loss stays almost flat, just below ln 2 ≈ 0.69 (a coin "
           "toss's), while Xavier's falls to about 0.3 by step 50. In Boundary, the tiny start "
           "is a faint straight split; Xavier's bends into sectors around the petals. In "
           "Activations, a quarter of Xavier's units sit at ±1: σ = 1/√2 counts the 2 inputs, "
           "not their size (std ≈ 2).",
           "With weights of 0.01 every tanh unit works in its straight middle part, so the "
           "network is a linear classifier, and 0.657 is the loss of the best straight line "
           "through the flower. Its gradients are as tiny as its weights: only after 130 to 170 "
           "steps can the tanh bend its boundary (set Batches to 500 to watch it catch up).",
           ("boundary", "loss", "accuracy", "activations"),
           {"data": _DATA, "network": _NET, "train": _TRAIN, "runs": [SMALL, XAVIER]}),
)

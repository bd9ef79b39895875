"""Section E: why zero or constant initialization fails (the symmetry problem)."""
from .preset import Preset

_DATA = {"name": "flower", "samples": 400}
_NET = {"hidden": [8], "activation": "tanh", "output": "sigmoid"}
_TRAIN = {"steps": 1000, "optimizer": "sgd", "learning_rate": 0.3, "batch_size": 0,
          "eval_every": 20}

PRESETS = (
    Preset("symmetry-zeros", "E", "Constant weights: every unit the same",
           "Why not simply start every weight at 0, or at some other constant such as 0.5?",
           "In the Boundary tab, follow the eight hidden units under the maps, a line each (its "
           "weight from one input; a dot at step 0): from all 0 they stay flat at 0, from all 0.5"
           " they move but the eight lines lie exactly on top of each other, and only Xavier's "
           "random start spreads them apart (a few run close in this one weight). The maps above "
           "show the cost: only Xavier's boundary bends (all 0.5's is one straight line).",
           "Units that start equal compute the same function, receive the same gradient and make "
           "the same update, so they stay identical forever and eight units are no better than "
           "one. Random weights break this symmetry; all zeros is even worse, because no "
           "gradient reaches the hidden layer at all.",
           ("units", "boundary", "loss", "accuracy"),
           {"data": _DATA, "network": _NET, "train": _TRAIN, "track_units": True,
            "runs": [{"label": "all 0", "init": {"scheme": "zeros"}},
                     {"label": "all 0.5", "init": {"scheme": "constant", "value": 0.5}},
                     {"label": "Xavier N(0, 1/√n)", "init": {"scheme": "lecun_normal"}}]}),
)

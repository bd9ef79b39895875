"""Section E: why zero or constant initialization fails (the symmetry problem)."""
from . import Preset

_DATA = {"name": "flower", "samples": 400}
_NET = {"hidden": [8], "activation": "tanh", "output": "sigmoid"}
_TRAIN = {"steps": 1000, "optimizer": "sgd", "learning_rate": 0.3, "batch_size": 0,
          "eval_every": 20}

PRESETS = (
    Preset("symmetry-zeros", "E", "Constant weights: every unit the same",
           "Why not start every weight at 0, or at some other constant? Then all hidden "
           "units compute the same function, receive the same gradient and make the same "
           "update, so they stay identical forever and eight units are no better than one. "
           "Look at the units pane: with all zeros nothing moves at all (no gradient reaches "
           "the hidden layer), with all 0.5 the eight lines move but lie exactly on top of "
           "each other, and only Xavier's random start gives eight different units. The "
           "boundary shows the cost: the constant starts cannot bend around the petals.",
           ("units", "boundary", "loss", "accuracy"),
           {"data": _DATA, "network": _NET, "train": _TRAIN, "track_units": True,
            "runs": [{"label": "all 0", "init": {"scheme": "zeros"}},
                     {"label": "all 0.5", "init": {"scheme": "constant", "value": 0.5}},
                     {"label": "Xavier N(0, 1/√n)", "init": {"scheme": "lecun_normal"}}]}),
)

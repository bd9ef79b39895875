"""Section H: remedies for vanishing and exploding gradients."""
from . import Preset

_DATA = {"name": "mnist"}
BIG = {"scheme": "normal", "std": 1.0}
XAVIER = {"scheme": "lecun_normal"}
HE = {"scheme": "kaiming_normal", "nonlinearity": "relu"}

# Five ReLU layers of 128 from N(0, 1): every layer multiplies the signal by about
# √(128/2) = 8, so the first gradients are astronomically large. At this learning rate plain
# SGD overflows within a few steps; a 10× smaller rate or clipping stays finite.
_EXPLODE_NET = {"depth": 5, "width": 128, "activation": "relu", "output": "softmax"}
_EXPLODE_TRAIN = {"steps": 300, "optimizer": "sgd", "learning_rate": 0.001, "batch_size": 128,
                  "eval_every": 25}

_BN_NET = {"depth": 10, "width": 128, "activation": "sigmoid", "output": "softmax"}
_BN_TRAIN = {"steps": 300, "optimizer": "adam", "learning_rate": 0.001, "batch_size": 128,
             "eval_every": 25}

_RES_NET = {"depth": 50, "width": 128, "activation": "sigmoid", "output": "softmax"}
_RES_TRAIN = {"steps": 300, "optimizer": "adam", "learning_rate": 0.001, "batch_size": 128,
              "eval_every": 25}

_ACTIVATIONS = (("sigmoid", "sigmoid"), ("tanh", "tanh"), ("relu", "ReLU"),
                ("leaky_relu", "leaky ReLU"), ("elu", "ELU"), ("maxout", "maxout (2 pieces)"))

PRESETS = (
    Preset("exploding-clipping", "H", "Exploding gradients: clipping and smaller steps",
           "Five ReLU layers started from N(0, 1) make every layer multiply the signal by "
           "about eight, so the loss and the gradients are astronomically large from the start. "
           "Without a remedy the first updates are so big that the weights overflow: the loss "
           "jumps, turns into NaN or infinity, and the app marks the run 'diverged at step k' "
           "while the others go on. Clipping the gradient's norm to 1 caps the size of every "
           "update, and a ten times smaller learning rate shrinks it; both keep the loss "
           "finite. L2 weight decay only pulls the weights back a little per step, far too "
           "slowly to stop an explosion this fast, so it diverges like the unremedied run.",
           ("loss_early", "loss", "table", "gradients", "depth"),
           {"data": _DATA, "network": _EXPLODE_NET, "train": _EXPLODE_TRAIN,
            "runs": [{"label": "no remedy", "init": BIG},
                     {"label": "clip gradient norm at 1", "init": BIG,
                      "train": {"clip_norm": 1.0}},
                     {"label": "learning rate ÷ 10", "init": BIG,
                      "train": {"learning_rate": 0.0001}},
                     {"label": "L2 weight decay 0.01", "init": BIG,
                      "train": {"weight_decay": 0.01}}]}),
    Preset("batchnorm-rescue", "H", "Batch normalization rescues a bad start",
           "Ten sigmoid layers started badly: N(0, 1) saturates most units at 0 or 1, and "
           "N(0, 0.01) collapses every layer to a spike at 0.5. Without batch normalization "
           "the two train very differently, and the tiny start hardly learns at all. Batch "
           "normalization rescales each unit's input to mean 0 and spread 1 on every batch, "
           "before the sigmoid, so the scale of the initial weights no longer reaches the "
           "activations. Compare the four loss curves: with batch norm both starts train well "
           "and end close together, nearly indifferent to the initial scale.",
           ("loss", "activations", "table", "loss_early", "depth", "accuracy"),
           {"data": _DATA, "network": _BN_NET, "train": _BN_TRAIN,
            "runs": [{"label": "N(0, 1)", "init": BIG},
                     {"label": "N(0, 0.01)", "init": {"scheme": "normal", "std": 0.01}},
                     {"label": "N(0, 1) + batch norm", "init": BIG,
                      "network": {"batch_norm": True}},
                     {"label": "N(0, 0.01) + batch norm",
                      "init": {"scheme": "normal", "std": 0.01},
                      "network": {"batch_norm": True}}]}),
    Preset("residual-deep", "H", "50 layers: plain vs residual",
           "Fifty sigmoid layers from the same Xavier start, once plain and once with an "
           "identity skip around every layer (h = f(s) + x). In the plain network the "
           "gradient passes through 50 sigmoid slopes, each at most 1/4, so it vanishes on the "
           "way down: look at the gradient spread per layer, where the bottom layers get "
           "nothing at all, and the loss stays at ln 10 ≈ 2.3. The skip gives the gradient a "
           "path that bypasses every slope, so every layer receives a usable gradient and the "
           "residual network trains. Its first losses are large, because the skips add up the "
           "outputs of all 50 layers, but they fall fast.",
           ("gradients", "depth", "loss", "loss_early", "accuracy", "table"),
           {"data": _DATA, "network": _RES_NET, "train": _RES_TRAIN,
            "runs": [{"label": "plain", "init": XAVIER},
                     {"label": "residual", "init": XAVIER, "network": {"residual": True}}]}),
    Preset("activation-compare", "H", "Which activations keep the gradient alive?",
           "Ten layers, one start (He's N(0, √(2/n))), six activations: how large is the "
           "gradient that reaches each layer? The sigmoid's slope is at most 1/4, so its "
           "gradient shrinks fastest, by several times per layer. ReLU and leaky ReLU have "
           "slope 1 wherever they are active, and with He's start their gradient keeps its "
           "size from the top to the bottom. Tanh, ELU and maxout sit in between or even grow "
           "a little with this start; look at the gradient spread per layer side by side.",
           ("gradients", "depth", "activations", "preactivations"),
           {"data": _DATA, "network": {"depth": 10, "width": 256, "output": "softmax"},
            "train": {"steps": 0},
            "runs": [{"label": title, "init": HE, "network": {"activation": name}}
                     for name, title in _ACTIVATIONS]}),
)

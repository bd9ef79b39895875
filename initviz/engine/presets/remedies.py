"""Section H: remedies for vanishing and exploding gradients."""
from .preset import Preset

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
           "What can we do when the gradients are so large that training blows up?",
           "The Gradients tab opens at the start (untick “At the start”, in the header or under "
           "View ▾, for the end): the gradient grows about eightfold a layer toward the "
           "input. In Loss, no remedy and L2 weight decay diverge in their first steps; only "
           "the smaller rate brings the loss down, and its accuracy stays under 50 %: a falling "
           "loss is not yet right answers.",
           "Five ReLU layers from N(0, 1) multiply the signal by about eight per layer, so the "
           "first gradients are huge and a few plain steps overflow. Clipping caps each update "
           "at a step of 0.001, far too small to repair weights of size 1, and weight decay "
           "pulls them back by 0.001 % per step: a remedy keeps a run alive, but a bad start "
           "still learns slowly or not at all.",
           ("loss_early", "loss", "table", "gradients", "depth"),
           {"data": _DATA, "network": _EXPLODE_NET, "train": _EXPLODE_TRAIN,
            "runs": [{"label": "no remedy", "init": BIG},
                     {"label": "clip gradient norm at 1", "init": BIG,
                      "train": {"clip_norm": 1.0}},
                     {"label": "learning rate ÷ 10", "init": BIG,
                      "train": {"learning_rate": 0.0001}},
                     {"label": "L2 weight decay 0.01", "init": BIG,
                      "train": {"weight_decay": 0.01}}]},
           # the growth toward the input is at the start: two runs end as NaN, and each
           # layer's own range hid a factor of about 8 per layer (review 13)
           hist_shared=("gradients",), at_start=("gradients",)),
    Preset("batchnorm-rescue", "H", "Batch normalization rescues a bad start",
           "Can batch normalization rescue a deep network whose initial weights are far too "
           "large or far too small?",
           "The Activations tab opens at the start (untick “At the start”, in the header or under "
           "View ▾, to see the end): N(0, 1) piles most sigmoid outputs at 0 and 1, and "
           "N(0, 0.01) squeezes every layer into a spike at 0.5. In the Loss tab, the two plain "
           "runs train very differently and the tiny start does not learn at all (its loss stays "
           "at ln 10 ≈ 2.3), while both runs with batch norm learn well and end close together.",
           "Batch normalization rescales each unit's input to mean 0 and spread 1 on every "
           "batch, before the sigmoid, so the scale of the initial weights no longer reaches the "
           "activations. That makes training nearly indifferent to how large or small the "
           "initial weights were.",
           ("activations", "loss", "table", "loss_early", "depth", "accuracy"),
           {"data": _DATA, "network": _BN_NET, "train": _BN_TRAIN,
            "runs": [{"label": "N(0, 1)", "init": BIG},
                     {"label": "N(0, 0.01)", "init": {"scheme": "normal", "std": 0.01}},
                     {"label": "N(0, 1) + batch norm", "init": BIG,
                      "network": {"batch_norm": True}},
                     {"label": "N(0, 0.01) + batch norm",
                      "init": {"scheme": "normal", "std": 0.01},
                      "network": {"batch_norm": True}}]},
           at_start=("activations",),
           # four runs in rows: evenly spaced layers (by itself the pane picked 1, 3, 5, 6, 8
           # and 10, review 11), each column wider
           row_layers=(1, 4, 7, 10)),
    Preset("residual-deep", "H", "50 layers: plain vs residual",
           "Why can't a plain 50-layer sigmoid network learn, and how do skip connections fix "
           "it?",
           "The Depth and Gradients tabs open at the start (untick “At the start”, in the header "
           "or under View ▾, for the end): the plain net's gradient shrinks by over 20 "
           "decades toward the input, the residual one's stays usable (smeared at the "
           "saturated top). Loss: plain stays at ln 10; residual starts in the tens, below it "
           "within 50 batches.",
           "In the plain network the gradient is multiplied by 50 sigmoid slopes of at most 1/4 "
           "each, so almost nothing reaches the bottom. The identity skip (h = f(s) + x) gives "
           "the gradient a path around every slope, so every layer gets a usable gradient. "
           "The skips also sum the outputs, growing with depth: top units saturate, the first "
           "loss is large.",
           ("depth", "gradients", "loss", "loss_early", "accuracy", "table"),
           {"data": _DATA, "network": _RES_NET, "train": _RES_TRAIN,
            "runs": [{"label": "plain", "init": XAVIER},
                     {"label": "residual", "init": XAVIER, "network": {"residual": True}}]},
           hist_shared=("gradients",),   # the shrinking from layer to layer
           # trained, the residual gradient falls to 1e-9 at the top layers (review 8), and its
           # histograms at layers 40-50 to 1e-15 (review 9): the text is about the start
           at_start=("depth", "gradients")),
    Preset("activation-compare", "H", "Which activations keep the gradient alive?",
           "Which activation functions let the gradient reach the bottom of a deep network "
           "without shrinking away?",
           "In Gradients and Depth's gradient plot: the sigmoid's shrinks fastest, about 3-fold "
           "per layer; ReLU's and leaky ReLU's keep their size; tanh's, ELU's and maxout's grow "
           "toward the input, maxout's about 20-fold in all. Leaky ReLU's has two humps two "
           "decades apart: negative inputs pass back 0.01.",
           "On the way back, the gradient is multiplied by the activation's slope in every "
           "layer: the sigmoid's is at most 1/4, while ReLU's is 1 for the active half and He's"
           " √2 makes up for the inactive half. Tanh, ELU and maxout pass back more than "
           "ReLU's half, so He's √2 is more than they need; this is one big reason why deep "
           "networks moved from the sigmoid to ReLU-like activations.",
           ("gradients", "depth", "activations", "preactivations"),
           {"data": _DATA, "network": {"depth": 10, "width": 256, "output": "softmax"},
            "train": {"steps": 0},
            "runs": [{"label": title, "init": HE, "network": {"activation": name}}
                     for name, title in _ACTIVATIONS]},
           hist_shared=("gradients",),   # the shrinking from layer to layer
           # each layer's range is maxout's (to 20 at layer 8): on a linear axis the sigmoid
           # was one bar and tanh and ReLU spikes (review 9)
           hist_axes=(("activations", "magnitude"),),
           # six runs in rows: four wider columns show the sigmoid's shift from layer to layer
           row_layers=(1, 4, 7, 10)),
)

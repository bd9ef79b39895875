"""Section A: activation distributions at initialization, no training."""
from . import Preset

_DATA = {"name": "normal", "samples": 1000, "features": 100}
_VIEWS = ("activations", "depth", "preactivations", "gradients", "weights")
STD1 = {"label": "N(0, 1)", "init": {"scheme": "normal", "std": 1.0}}
STD001 = {"label": "N(0, 0.01)", "init": {"scheme": "normal", "std": 0.01}}
XAVIER = {"label": "Xavier N(0, 1/√n)", "init": {"scheme": "lecun_normal"}}
HE = {"label": "He N(0, √(2/n))", "init": {"scheme": "kaiming_normal", "nonlinearity": "relu"}}


def _probe(activation, runs):
    return {"data": _DATA,
            "network": {"depth": 5, "width": 100, "activation": activation, "bias": False},
            "train": {"steps": 0}, "runs": runs}


PRESETS = (
    Preset("act-sigmoid-std1", "A", "Sigmoid, N(0, 1): saturation",
           "What happens to a sigmoid network when every weight is drawn from N(0, 1)? "
           "Each unit sums 100 inputs, so its input has a spread of about 10 and the sigmoid "
           "is pushed to its flat ends. Look at the histograms: in every layer the "
           "activations pile up at 0 and 1. There the slope of the sigmoid is almost zero, "
           "so almost no gradient flows back and the network cannot learn.",
           _VIEWS, _probe("sigmoid", [STD1])),
    Preset("act-sigmoid-std001", "A", "Sigmoid, N(0, 0.01): collapse",
           "What if the weights are tiny instead, N(0, 0.01)? Each unit's input is then "
           "close to 0 and the sigmoid answers 0.5 to everything. Look at the histograms: "
           "every layer is one narrow spike at 0.5. All units say the same thing, so the "
           "layers carry almost no information about the input.",
           _VIEWS, _probe("sigmoid", [STD001])),
    Preset("act-sigmoid-xavier", "A", "Sigmoid, Xavier: a healthy spread",
           "Xavier's rule scales the weights by 1/√n, n being the number of inputs of a "
           "unit. The sum over n inputs then keeps a spread of about 1, the sigmoid's "
           "responsive middle range. Look at the histograms: the activations are broad and "
           "unsaturated, and they keep their width from the first layer to the last. (The "
           "clumps from layer 2 on are single units: the sigmoid's outputs are all positive, "
           "so each unit gets an offset of its own.)",
           _VIEWS, _probe("sigmoid", [XAVIER])),
    Preset("act-sigmoid-compare", "A", "Sigmoid: three starts side by side",
           "The three sigmoid starts at once. N(0, 1) saturates at 0 and 1, N(0, 0.01) "
           "collapses to a spike at 0.5, and Xavier keeps a broad spread in every layer. "
           "Compare the histograms layer by layer, then the spread against depth: only one "
           "of the three starts leaves the units both different and responsive.",
           _VIEWS, _probe("sigmoid", [STD1, STD001, XAVIER])),
    Preset("act-relu-compare", "A", "ReLU: tiny, Xavier and He",
           "ReLU sets half of its inputs to zero, so each layer halves the variance of the "
           "signal. With N(0, 0.01) the signal dies within two layers. Xavier's 1/√n does "
           "not make up for the halving: the spread shrinks by about 1/√2 per layer. He's "
           "√(2/n) doubles the variance to compensate, and the spread holds across layers.",
           _VIEWS, _probe("relu", [STD001, XAVIER, HE])),
    Preset("act-tanh-compare", "A", "Tanh: saturation, collapse, spread",
           "Tanh behaves like the sigmoid but is centred at zero. With N(0, 1) the "
           "activations saturate at −1 and +1, where the slope and so the gradient is "
           "almost zero. With N(0, 0.01) they shrink towards 0 layer after layer, and with "
           "Xavier they keep a healthy spread.",
           _VIEWS, _probe("tanh", [STD1, STD001, XAVIER])),
)

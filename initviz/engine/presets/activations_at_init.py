"""Section A: activation distributions at initialization, no training."""
from .preset import Preset

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
           'What happens to a sigmoid network when every weight is drawn from N(0, 1)?',
           'In Activations, the histogram of every layer piles up at 0 and 1 with almost '
           'nothing in between. In Depth, the saturated fraction shows that a large share of '
           'the values sits on these flat ends in every layer.',
           'Each unit adds up 100 inputs, so its input is far too large and the sigmoid is '
           'pushed onto its flat ends. There its slope is almost zero, so hardly any gradient '
           'flows back and the network can barely learn.',
           _VIEWS, _probe("sigmoid", [STD1])),
    Preset("act-sigmoid-std001", "A", "Sigmoid, N(0, 0.01): collapse",
           'What happens if the weights are tiny instead, drawn from N(0, 0.01)?',
           'In Activations, every layer shrinks to one narrow spike at 0.5. In Depth, the '
           'activation spread is tiny in every layer and no value is saturated.',
           "Each unit's input is then close to 0, and the sigmoid answers 0.5 to everything. "
           'All units say the same thing, so the layers carry almost no information about the'
           ' input.',
           _VIEWS, _probe("sigmoid", [STD001])),
    Preset("act-sigmoid-xavier", "A", "Sigmoid, Xavier: a healthy spread",
           'How should the weights be scaled so that a sigmoid network neither saturates nor '
           'collapses?',
           'In Activations, every layer shows a broad histogram that stays away from 0 and 1 '
           'and keeps its width from the first layer to the last, and Depth shows almost no '
           "saturation. The clumps from layer 2 on are single units: the sigmoid's outputs "
           'are all positive, so each unit gets an offset of its own.',
           "Xavier's rule scales the weights by 1/√n, where n is the number of inputs of a "
           'unit, so the sum over the n inputs keeps a spread of order 1 however large n is. '
           "That is the sigmoid's responsive middle range, where the units differ from each "
           'other and still have a useful slope.',
           _VIEWS, _probe("sigmoid", [XAVIER])),
    Preset("act-sigmoid-compare", "A", "Sigmoid: three starts side by side",
           'Which of the three starts, N(0, 1), N(0, 0.01) or Xavier, gives a sigmoid network '
           'units that are both different and responsive?',
           'In Activations, compare the three runs layer by layer (tick "Side by side" to give '
           'each run its own row): N(0, 1) piles up at 0 and 1, N(0, 0.01) is a spike at 0.5, '
           'and Xavier stays broad. In Depth, the activation spread and the saturated fraction'
           ' tell the same story in every layer.',
           'Only Xavier leaves the units both different and responsive: weights that are too '
           'large saturate them, and weights that are too small make them all alike. The right'
           ' scale depends on the number of inputs of a unit, which is what 1/√n accounts for.',
           _VIEWS, _probe("sigmoid", [STD1, STD001, XAVIER])),
    Preset("act-relu-compare", "A", "ReLU: tiny, Xavier and He",
           "Which start keeps the signal alive through five ReLU layers: N(0, 0.01), Xavier's "
           "1/√n or He's √(2/n)?",
           'In Depth, follow the activation spread from layer to layer (log scale, prediction '
           'dashed): with N(0, 0.01) it drops to almost nothing within two layers, with Xavier'
           ' it falls steadily by about 1/√2 per layer, and with He it stays level. The '
           'histograms in Activations show the same: the tiny start shrinks to a spike at 0, '
           "Xavier's narrows layer by layer and He's keeps its width.",
           'ReLU sets about half of its inputs to zero, so each layer halves the variance of '
           "the signal. Xavier's 1/√n does not make up for this, while He's √(2/n) doubles the"
           ' variance to compensate, so the signal keeps its size from the first layer to the '
           'last.',
           _VIEWS, _probe("relu", [STD001, XAVIER, HE])),
    Preset("act-tanh-compare", "A", "Tanh: saturation, collapse, spread",
           'Does tanh, which is centred at zero, suffer from the same problems as the sigmoid '
           'when the weights have the wrong scale?',
           'In Activations, N(0, 1) piles up at −1 and +1, N(0, 0.01) shrinks towards 0 from '
           'layer to layer, and Xavier keeps a broad spread in every layer. In Depth, most '
           'values of N(0, 1) are saturated, the spread of N(0, 0.01) falls at every layer, '
           "and Xavier's stays broad.",
           'Yes: too large weights saturate tanh where its slope, and so the gradient, is '
           'almost zero, and too small ones make the signal fade to 0 (instead of a spike at '
           "0.5 as with the sigmoid). Xavier's 1/√n keeps tanh in its responsive middle range"
           ' in every layer.',
           _VIEWS, _probe("tanh", [STD1, STD001, XAVIER])),
)

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
           'In Activations, every layer piles up at 0 and 1, with most values in the outer '
           'tenths. In Depth, about two thirds of the values are saturated in layer 1 and '
           'about half in the layers after it, yet the gradient spread stays level, at about '
           '10⁻⁴, from the last layer back to the first.',
           'Each unit adds up 100 inputs with weights of size 1, so the sigmoid is pushed onto '
           'its flat ends. The gradient still gets through, since the few units in the middle '
           'pass it back through weights ten times too large; what saturation costs here is '
           'variety, as most units answer only 0 or 1.',
           _VIEWS, _probe("sigmoid", [STD1])),
    Preset("act-sigmoid-std001", "A", "Sigmoid, N(0, 0.01): collapse",
           'What happens if the weights are tiny instead, drawn from N(0, 0.01)?',
           'In Activations, every layer shrinks to one narrow spike at 0.5. In Depth, the '
           'activation spread is tiny and no value is saturated, yet the gradient shrinks '
           'about 40-fold per layer on its way back, to about 10⁻¹² at layer 1.',
           "Each unit's input is close to 0, so the sigmoid answers 0.5 to everything and all "
           'units say the same thing. On the way back each layer multiplies the gradient by '
           'weights of 0.01 summed over 100 units and a slope of 1/4, so by 0.01 · √100 · 1/4 '
           '= 1/40: it vanishes without any saturation.',
           _VIEWS, _probe("sigmoid", [STD001])),
    Preset("act-sigmoid-xavier", "A", "Sigmoid, Xavier: a healthy spread",
           'How should the weights be scaled so that a sigmoid network neither saturates nor '
           'collapses?',
           'In Activations, every layer stays away from 0 and 1 (Depth: almost no saturation);'
           ' the spread drops from about 0.21 at layer 1 to 0.11–0.14 from layer 2 on. From '
           'layer 3 on the histogram breaks into narrow clumps, each a single unit with an '
           "offset of its own (the sigmoid's outputs are all positive). The catch, in Depth's "
           "gradient plot: it still shrinks about 4-fold per layer toward the input.",
           "Xavier's 1/√n keeps each unit's sum at a spread of order 1, the sigmoid's "
           'responsive middle range, where units differ and still have a useful slope. Layer 1'
           ' reads inputs of spread 1, but later layers read outputs near 0.5 whose mean square'
           ' is only about 1/4, so their sums have half the spread.',
           _VIEWS, _probe("sigmoid", [XAVIER])),
    Preset("act-sigmoid-compare", "A", "Sigmoid: three starts side by side",
           'Which of the three starts, N(0, 1), N(0, 0.01) or Xavier, gives a sigmoid network '
           'units that are both different and responsive?',
           "In Activations (a row and y scale per run), N(0, 1) piles up at 0 and 1, N(0, 0.01) "
           "is a spike at 0.5, Xavier stays broad, from layer 3 on in clumps, each a single "
           "unit. In Depth's gradient plot, the saturated N(0, 1)'s gradients are the largest, "
           "level at about 10⁻⁴; toward the input Xavier's shrink about 4-fold per layer, N(0, "
           "0.01)'s 40-fold.",
           'Only Xavier leaves the units both different and responsive: too large weights make'
           ' them on/off switches, too small ones make them all alike. Saturation does not stop'
           ' the gradient here, because the large weights multiply back what the flat sigmoid '
           'takes away; a bad scale shows first in the activations.',
           _VIEWS, _probe("sigmoid", [STD1, STD001, XAVIER])),
    Preset("act-relu-compare", "A", "ReLU: tiny, Xavier and He",
           "Which start keeps the signal alive through five ReLU layers: N(0, 0.01), Xavier's "
           "1/√n or He's √(2/n)?",
           'In Depth, follow the activation spread from layer to layer (log scale, prediction '
           'dashed): with N(0, 0.01) it falls about 14-fold per layer, to almost nothing, with '
           'Xavier it falls steadily by about 1/√2 per layer, and with He it stays level. The '
           'histograms in Activations show the same: the tiny start shrinks to a spike at 0, '
           "Xavier's narrows layer by layer and He's keeps its width.",
           'ReLU sets about half of its inputs to zero, so each layer halves the variance of '
           "the signal. Xavier's 1/√n does not make up for this, while He's √(2/n) doubles the"
           ' variance to compensate, so the signal keeps its size from the first layer to the '
           'last.',
           _VIEWS, _probe("relu", [STD001, XAVIER, HE]),
           hist_axes=(("activations", "linear"),)),    # the spike at 0 and the narrowing
    Preset("act-tanh-compare", "A", "Tanh: saturation, collapse, spread",
           'Does tanh, which is centred at zero, suffer from the same problems as the sigmoid '
           'when the weights have the wrong scale?',
           "In Activations (log₁₀|x| axis), N(0, 1) is a spike at |x| ≈ 1, N(0, 0.01) slides one "
           "decade left per layer, and Xavier stays within a decade below 1 (std 0.63 at layer 1,"
           " 0.32 at layer 5). In Depth, 80 % of N(0, 1)'s values are saturated, yet its "
           "gradients are the largest, growing about twofold per layer on the way back.",
           'Yes: too large weights saturate tanh, and too small ones make the signal fade to 0 '
           "(not to a spike at 0.5 as with the sigmoid); Xavier's 1/√n keeps it in its "
           'responsive middle range. Saturation does not starve the gradient: weights of size '
           '1 over 100 inputs multiply it by about 10 per layer, more than the flat ends take '
           'away.',
           _VIEWS, _probe("tanh", [STD1, STD001, XAVIER]),
           hist_axes=(("activations", "magnitude"),)),   # N(0, 0.01) slides a decade a layer
)

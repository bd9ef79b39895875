"""Section C: a 784-256-128-10 ReLU network trained on MNIST with Adam, from different starts."""
from ..initializers import number_text
from .preset import Preset

_DATA = {"name": "mnist"}
_NET = {"hidden": [256, 128], "activation": "relu", "output": "softmax"}
# 858 batches of 128: two epochs of the classic 55,000-image training split.
_TRAIN = {"steps": 858, "optimizer": "adam", "learning_rate": 0.001, "batch_size": 128,
          "eval_every": 50}
_VIEWS = ("loss_early", "loss", "table", "accuracy", "weights", "activations")


def _uniform(a, b):
    return {"label": f"U[{number_text(a)}, {number_text(b)})",      # a minus, not "-"
            "init": {"scheme": "uniform", "low": a, "high": b}}


ZEROS = {"label": "all weights 0", "init": {"scheme": "zeros"}}
ONES = {"label": "all weights 1", "init": {"scheme": "ones"}}
U01 = _uniform(0.0, 1.0)
U1 = _uniform(-1.0, 1.0)
U01_SYM = _uniform(-0.1, 0.1)
U001 = _uniform(-0.01, 0.01)
U0001 = _uniform(-0.001, 0.001)
RULE = {"label": "U[−1/√n, 1/√n) (general rule)", "init": {"scheme": "standard_uniform"}}
NORMAL = {"label": "N(0, 0.1)", "init": {"scheme": "normal", "std": 0.1}}
TRUNC = {"label": "truncated N(0, 0.1), 2σ cut", "init": {"scheme": "trunc_normal", "std": 0.1}}


def _train(runs, **extra):
    return {"data": _DATA, "network": _NET, "train": _TRAIN, "runs": runs, **extra}


PRESETS = (
    Preset("mnist-zeros-vs-ones", "C", "All zeros vs all ones",
           "What happens if every weight starts with the same value, all 0 or all 1?",
           "In the Loss tab both runs stay at chance accuracy, about 10 %; both losses start at "
           "ln 10 ≈ 2.3, but after one batch the all-ones loss is in the hundreds to about "
           "10,000. In the Boundary tab, a line for each unit of the first "
           "hidden layer (its weight from one input), all the units draw one line: flat at 0 "
           "for all zeros, moving but always together for all ones.",
           "Units that start equal compute the same thing and receive the same gradient, so they "
           "stay copies of each other forever and the symmetry never breaks. With all zeros no "
           "gradient even reaches the hidden layers, so only the output biases learn. With all "
           "ones the outputs start equal (loss ln 10), but the hidden values are so large that "
           "one step makes the outputs, and the loss, huge.",
           ("loss_early", "table", "units", "loss", "accuracy", "activations"),
           _train([ZEROS, ONES], track_units=True)),
    Preset("mnist-uniform-baseline", "C", "Uniform U[0, 1): a poor baseline",
           "What happens if we draw every weight uniformly between 0 and 1?",
           "In the Loss tab the loss starts in the tens of thousands and is still in the "
           "hundreds after 100 batches, and the validation accuracy climbs to a mediocre level. "
           "The Results tab shows that the validation loss stays large.",
           "All the weights are positive, so each unit adds up hundreds of positive terms and "
           "the signal grows from layer to layer, making the outputs and the first losses huge. "
           "This is a poor baseline, and the next presets improve on it step by step.",
           _VIEWS, _train([U01])),
    Preset("mnist-uniform-signs", "C", "U[0, 1) vs U[−1, 1): centre at zero",
           "Does it help to let the weights be negative as well as positive?",
           "In the Loss tab the centred U[−1, 1) start has a far smaller loss from the first "
           "batches on, and the Results tab shows it ending with a higher validation accuracy "
           "and a lower validation loss.",
           "With the weights centred at zero, the positive and negative terms of each unit's sum "
           "partly cancel, so the signals stay much smaller than with all-positive weights. "
           "Centring the weights at zero is the first rule of a good start.",
           _VIEWS, _train([U01, U1]),
           # one range: per layer (4 and 5.5 decades wide) both runs sat alike in every plot;
           # on one 6-decade range U[0, 1)'s hump moves 2 decades right (review 15). Not the
           # baseline's: its lone run, on one range, is a spike of 7-8 bins in each layer
           hist_shared=("activations",)),
    Preset("mnist-uniform-scales", "C", "How wide should the uniform be?",
           "Once the weights are centred, how wide should the uniform range be?",
           "Compare the four runs in the Loss tab, above all over the first 100 batches, and "
           "then in the Results tab: ±1 keeps a much higher loss, ±0.1 ends best, and ±0.01 "
           "and ±0.001 fall behind again: the smaller the range, the slower the start and the "
           "higher the final validation loss (the table's loss column; their accuracy bars lie "
           "within 3 points of each other, in either order).",
           "Too wide a range makes the outputs large and the first steps wild, while too narrow "
           "a range lets the signal fade through the layers, so the network is slow to get "
           "going. The scale of the start matters, and the sweet spot lies in between.",
           _VIEWS, _train([U1, U01_SYM, U001, U0001])),
    Preset("mnist-general-rule", "C", "±0.1 vs the general rule U[−1/√n, 1/√n)",
           "Do we have to find the right range by hand for every network?",
           "Compare the hand-picked ±0.1 with the general rule U[−1/√n, 1/√n) in the Loss tab "
           "and the Results tab: the curves and the final validation accuracies are close.",
           "The rule takes the range from the layer itself, n being the number of inputs of a "
           "unit, so units with many inputs get narrower weights. It needs no hand-picked number "
           "and adapts by itself when the layers change size.",
           _VIEWS, _train([U01_SYM, RULE])),
    Preset("mnist-uniform-vs-normal", "C", "Uniform vs normal",
           "Does the shape of the weight distribution matter, or only its size?",
           "Compare U[−0.1, 0.1) with N(0, 0.1) in the Loss tab and the Results tab: the two "
           "train about the same. The Weights tab opens at the start: a flat histogram for the "
           "uniform and a bell for the normal (untick “At the start”, in the header or under "
           "View ▾, to see the end).",
           "Both are centred at zero with a spread of the same order, and that is what counts. "
           "As long as the weights are centred and of a sensible size, the exact shape of the "
           "distribution matters little.",
           _VIEWS, _train([U01_SYM, NORMAL]), at_start=("weights",)),
    Preset("mnist-normal-vs-truncated", "C", "Normal vs truncated normal",
           "Does it help to cut off the tails of the normal, so that no weight starts unusually "
           "large?",
           "The Weights tab opens at the start of training (untick “At the start”, in the header "
           "or under View ▾, to see the end): the normal has thin tails beyond ±0.2, while the "
           "truncated normal stops sharply at two standard deviations. Then compare the Loss and "
           "Results tabs: the two runs train about the same.",
           "A truncated normal redraws every value beyond two standard deviations, which also "
           "makes its spread a little smaller. On a network this small the few large weights do "
           "little harm, so truncation is a cheap safeguard rather than a big win.",
           ("weights", "loss_early", "loss", "table", "accuracy"),
           _train([NORMAL, TRUNC]), at_start=("weights",)),
    Preset("mnist-baseline-vs-truncated", "C", "Where we started vs where we ended",
           "How much does a good initialization gain over our naive first start?",
           "Compare the naive U[0, 1) with the truncated normal of σ = 0.1 in the Loss tab and "
           "the Results tab: the truncated normal ends with a far higher validation accuracy and "
           "a much smaller loss.",
           "Everything else is identical, the data, the order of the batches and the optimizer, "
           "so the whole gap comes from the initialization alone. A start centred at zero and of "
           "a sensible size is what makes the difference.",
           _VIEWS, _train([U01, TRUNC])),
)

"""Section B: Glorot & Bengio's two figures, activations and back-propagated gradients, at
initialization (no training)."""
from .preset import Preset

_DATA = {"name": "mnist"}
_NET = {"depth": 5, "width": 256, "activation": "tanh", "output": "softmax"}
STANDARD = {"label": "standard U[−1/√n, 1/√n)", "init": {"scheme": "standard_uniform"}}
NORMALIZED = {"label": "normalized (Xavier) U[−a, a), a = √(6/(n_in+n_out))",
              "init": {"scheme": "xavier_uniform"}}


def _run(activation, scheme, label):
    return {"label": label, "init": {"scheme": scheme}, "network": {"activation": activation}}


def _probe(runs):
    return {"data": _DATA, "network": _NET, "train": {"steps": 0}, "runs": runs}


PRESETS = (
    Preset("glorot-activations", "B", "Glorot & Bengio: activations, standard vs normalized",
           'Five tanh layers read MNIST images: does the popular rule U[−1/√n, 1/√n) keep the '
           'signal alive through them before any training?',
           'In Activations, the histograms of the standard rule narrow toward 0 from layer to '
           'layer, while those of the normalized (Xavier) rule narrow only slowly. In Depth, '
           "the standard rule's activation spread falls by almost half at every layer (about "
           '0.19 to 0.02 over five layers), the normalized one only from about 0.36 to 0.25.',
           'A draw from U[−1/√n, 1/√n) has a variance of only 1/(3n), so every layer scales '
           "the signal down. Glorot and Bengio's normalized rule widens the range to give a "
           'variance of about 1/n, which keeps the signal nearly the same size from layer to '
           'layer.',
           ("activations", "depth", "preactivations", "gradients", "weights"),
           _probe([STANDARD, NORMALIZED])),
    Preset("glorot-gradients", "B", "Glorot & Bengio: back-propagated gradients",
           'With the same two starts, how large is the gradient that reaches each layer on its'
           ' way back from the loss?',
           "In Gradients and in Depth's gradient spread, go from the last layer back to the "
           "first: with the standard rule the gradient shrinks at every layer, so the first "
           "and last differ strongly. With the normalized rule it shrinks only by about a "
           "third from layer 5 to layer 1 (Depth); toward layer 1 its histograms in "
           "Gradients narrow a little, their peak rising from about 4 % to 8 %.",
           'The backward pass multiplies by the same weights, so a variance that is too small '
           'shrinks the gradient just as it shrank the signal, and the lower layers would '
           'learn much more slowly. The normalized rule uses n_in and n_out to balance the '
           'forward and backward pass, so every layer gets a gradient of similar size.',
           ("gradients", "depth", "activations", "weights"),
           _probe([STANDARD, NORMALIZED]),
           hist_shared=("gradients",)),   # the shrinking from layer to layer
    Preset("xavier-gain-table", "B", "Xavier for tanh and for the sigmoid (×4)",
           "Xavier's rule assumes an activation whose slope at 0 is 1, as tanh's is, so what "
           'must change for the logistic sigmoid, whose slope at 0 is only 1/4?',
           "In Gradients, or in the gradient spread in Depth, compare 'sigmoid, Xavier' with "
           "'sigmoid, Xavier ×4' and 'tanh, Xavier', uniform and normal: the plain sigmoid's "
           "gradient gets several times smaller at each layer on its way back to layer 1; the "
           "×4 runs keep far more. Their weights are 4× as wide (Weights), and from layer 2 on "
           "about 5–12 % of their units saturate at 0 or 1 (Depth, right), the others' none.",
           'With a slope of only 1/4, every layer shrinks the gradient, so the logistic form '
           'of Xavier multiplies the range by 4 to make up for it. This works for the uniform '
           'and the '
           "normal form alike, and brings the sigmoid's gradients much closer to those of "
           'tanh.',
           ("gradients", "activations", "weights", "depth", "preactivations"),
           _probe([_run("sigmoid", "xavier_uniform", "sigmoid, Xavier uniform"),
                   _run("sigmoid", "xavier_uniform_logistic", "sigmoid, Xavier uniform ×4"),
                   _run("tanh", "xavier_uniform", "tanh, Xavier uniform"),
                   _run("sigmoid", "xavier_normal", "sigmoid, Xavier normal"),
                   _run("sigmoid", "xavier_normal_logistic", "sigmoid, Xavier normal ×4"),
                   _run("tanh", "xavier_normal", "tanh, Xavier normal")]),
           hist_shared=("gradients",)),   # the shrinking from layer to layer
)

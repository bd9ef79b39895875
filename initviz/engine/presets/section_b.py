"""Section B: Glorot & Bengio's two figures, activations and back-propagated gradients, at
initialization (no training)."""
from . import Preset

_DATA = {"name": "mnist"}
_NET = {"depth": 5, "width": 256, "activation": "tanh", "output": "softmax"}
STANDARD = {"label": "standard U[±1/√n)", "init": {"scheme": "standard_uniform"}}
NORMALIZED = {"label": "normalized (Xavier) U[±√(6/(n+n_out)))",
              "init": {"scheme": "xavier_uniform"}}


def _run(activation, scheme, label):
    return {"label": label, "init": {"scheme": scheme}, "network": {"activation": activation}}


def _probe(runs):
    return {"data": _DATA, "network": _NET, "train": {"steps": 0}, "runs": runs}


PRESETS = (
    Preset("glorot-activations", "B", "Glorot & Bengio: activations, standard vs normalized",
           "Does the popular rule U[−1/√n, 1/√n) keep the signal alive in a deep tanh network? "
           "Five tanh layers read MNIST images, and we look at their activations before any "
           "training. With the standard rule each weight has a variance of 1/(3n), so every "
           "layer shrinks the signal by about 1/√3 and the histograms narrow toward 0 from layer "
           "to layer. Glorot and Bengio's normalized rule, U[±√(6/(n + n_out))), gives a variance "
           "of about 1/n, and the histograms stay alike in every layer.",
           ("activations", "depth", "preactivations", "gradients", "weights"),
           _probe([STANDARD, NORMALIZED])),
    Preset("glorot-gradients", "B", "Glorot & Bengio: back-propagated gradients",
           "The same two starts, seen from the other side: how large is the gradient dL/ds that "
           "reaches each layer on its way back from the loss? With the standard rule the "
           "gradient shrinks on every layer it passes, so the spread differs strongly between "
           "the top and the bottom layer and the lower layers would learn much more slowly. "
           "The normalized rule balances the forward and the backward pass (that is why it uses "
           "both n and n_out), and the gradient spread is about the same in every layer.",
           ("gradients", "depth", "activations", "weights"),
           _probe([STANDARD, NORMALIZED])),
    Preset("xavier-gain-table", "B", "Xavier for tanh and for the sigmoid (×4)",
           "Xavier's rule draws weights from U[−a, a) with a = √(6/(n_in + n_out)), or from "
           "N(0, σ²) with σ = √(2/(n_in + n_out)); it assumes an activation whose slope at 0 is "
           "1, as tanh's is. The logistic sigmoid has slope 1/4 at 0, so the same weights make "
           "each layer shrink the gradient about four times: compare the gradient spread per "
           "layer of 'sigmoid, Xavier' with that of tanh. Multiplying the range by 4 "
           "(a = 4·√(6/(n_in + n_out)), σ = 4·√(2/(n_in + n_out))) makes up for the smaller "
           "slope, and the sigmoid's gradients then hold up about as well as tanh's, in both "
           "the uniform and the normal form.",
           ("gradients", "activations", "weights", "depth", "preactivations"),
           _probe([_run("sigmoid", "xavier_uniform", "sigmoid, Xavier uniform"),
                   _run("sigmoid", "xavier_uniform_logistic", "sigmoid, Xavier uniform ×4"),
                   _run("tanh", "xavier_uniform", "tanh, Xavier uniform"),
                   _run("sigmoid", "xavier_normal", "sigmoid, Xavier normal"),
                   _run("sigmoid", "xavier_normal_logistic", "sigmoid, Xavier normal ×4"),
                   _run("tanh", "xavier_normal", "tanh, Xavier normal")])),
)

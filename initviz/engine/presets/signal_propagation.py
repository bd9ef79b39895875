"""Section J: deep information propagation. Where a deep network can learn (the edge of chaos
for tanh, the critical line for ReLU), how far one network of finite width strays from the
mean-field prediction, and why orthogonal starts keep every direction of the signal alive.
Weights are W ~ N(0, σ_w²/n_in) in every layer (LeCun normal with gain σ_w, the scale the theory
assumes), and σ_b is set through bias_std."""
import math

from .preset import Preset

_DATA = {"name": "mnist"}
SIGMA_B2 = 0.05   # Schoenholz et al.'s σ_b² for tanh: χ₁ = 1 at σ_w² ≈ 1.76


def sigma_init(sigma_w2: float, sigma_b2: float = 0.0, scheme: str = "lecun_normal") -> dict:
    return {"scheme": scheme, "gain": round(math.sqrt(sigma_w2), 6),
            "bias_std": round(math.sqrt(sigma_b2), 6)}


_CHAOS_NET = {"depth": 40, "width": 128, "activation": "tanh", "output": "softmax"}
_CHAOS_TRAIN = {"steps": 300, "optimizer": "sgd", "learning_rate": 0.01, "batch_size": 64,
                "eval_every": 50}
CHAOS_RUNS = ((1.2, "ordered σ_w² = 1.2"), (1.76, "critical σ_w² = 1.76"),
              (3.0, "chaotic σ_w² = 3"))

_RELU_NET = {"depth": 30, "width": 256, "activation": "relu", "output": "softmax"}
RELU_RUNS = ((1.6, "σ_w² = 1.6"), (2.0, "σ_w² = 2 (He)"), (2.5, "σ_w² = 2.5"))

_WIDTH_NET = {"depth": 30, "activation": "relu", "output": "softmax"}
WIDTHS = (32, 128, 512)

_ISO_NET = {"depth": 50, "width": 128, "activation": "tanh", "output": "softmax"}
_ISO_TRAIN = {"steps": 300, "optimizer": "sgd", "learning_rate": 0.01, "batch_size": 64,
              "eval_every": 50}

PRESETS = (
    Preset("edge-of-chaos-tanh", "J", "The edge of chaos: 40 tanh layers",
           "For which weight scale can a deep tanh network still learn?",
           "The Depth tab opens at the start (untick “At the start”, in the header or under View "
           "▾, for the end): the gradient spread fades towards the input when ordered, grows"
           " when chaotic and holds level (within 3×) at the critical σ_w² = 1.76, which learns "
           "fastest (Loss). In Sweep, “Run sweep” colours the networks that learn: a band around "
           "the red χ₁ = 1 line.",
           "Mean-field theory multiplies the gradient's variance by χ₁ per layer: below 1 it "
           "vanishes, above 1 it explodes; only at χ₁ = 1 does it last. Off it a "
           "network trains only a few correlation lengths ξ_c deep (Schoenholz et al. 2017): "
           "about 6 ξ_c (the Sweep's white dashed curves) in a sweep of 600 batches at half the "
           "rate, about 3 ξ_c in the Sweep's 100.",
           ("depth", "loss", "gradients", "sweep"),
           {"data": _DATA, "network": _CHAOS_NET, "train": _CHAOS_TRAIN,
            "runs": [{"label": label, "init": sigma_init(s, SIGMA_B2)}
                     for s, label in CHAOS_RUNS]},
           sweep=("sigma_w2=1:4:11", "network.depth=10:100:7"), at_start=("depth",)),
    Preset("relu-critical-line", "J", "The ReLU critical line: σ_w² = 2",
           "Why is He's σ_w² = 2 the only right scale for a deep ReLU network?",
           "In the Depth tab, the activation spread of σ_w² = 1.6 falls by √0.8 per layer, that "
           "of σ_w² = 2.5 grows by √1.25 per layer, and He's σ_w² = 2 holds level; each run "
           "follows its dashed prediction. In the right plot, the dead share (units at 0 for "
           "every input) grows with depth, to 25–40 % by layer 30, the same in all three runs: "
           "scaling the weights changes no sign.",
           "A ReLU passes half of the variance, so a layer multiplies it by σ_w²/2: only "
           "σ_w² = 2/(1 + a²), a the negative slope, keeps it (He, Zhang, Ren and Sun "
           "2015). The ReLU critical line does not depend on the bias, and off it the spread changes "
           "geometrically with depth.",
           ("depth", "activations", "gradients", "sweep"),
           {"data": _DATA, "network": _RELU_NET, "train": {"steps": 0},
            "runs": [{"label": label, "init": sigma_init(s)} for s, label in RELU_RUNS]},
           sweep=("sigma_w2=1:3:20", "network.depth=5:50:10"),
           hist_shared=("activations",)),   # the geometric change from layer to layer
    Preset("finite-width", "J", "Finite width: one network strays from the prediction",
           "How closely does one real network follow the mean-field prediction?",
           "In the Depth tab, each run's shaded band is where 90 % of networks of its width "
           "fall around the dashed prediction: it widens with depth, and width 32's band is "
           "about four times as wide (in logs) as width 512's. The dead share (right plot: "
           "units at 0 for every input) strays the same way: width 512's rises smoothly to "
           "about 30 % by layer 30, width 32's jumps from layer to layer and peaks higher.",
           "Mean-field theory describes infinitely wide layers; in a layer of n units the "
           "squared norm of the signal picks up a random factor with variance about 5/n for "
           "ReLU, and the logs of these factors add up over the layers (Hanin and Nica 2019). "
           "A narrow deep network can therefore be far from the prediction by chance alone.",
           ("depth", "activations"),
           {"data": _DATA, "network": _WIDTH_NET, "train": {"steps": 0},
            "runs": [{"label": f"width {w}", "init": sigma_init(2.0),
                      "network": {"width": w}} for w in WIDTHS]}),
    Preset("dynamical-isometry", "J", "Dynamical isometry: orthogonal vs Gaussian",
           "Why do orthogonal weights help a very deep tanh network learn?",
           "In the Jacobian tab, the singular values of the orthogonal start's input-output "
           "Jacobian sit close together, while the Gaussian start's spread over more than ten "
           "orders of magnitude. In the Loss tab, the orthogonal start ends its 300 batches "
           "with the lower validation loss.",
           "A product of 50 random Gaussian matrices stretches a few directions of the signal "
           "and all but erases most others, even when its average gain is 1. Orthogonal "
           "matrices keep every direction's length and the tanh slopes shrink all of them "
           "about alike (nine in ten singular values 0.1–0.5), so the gradient reaches the "
           "first layers in every direction (Saxe et al. 2014; Pennington et al. 2017).",
           ("jacobian", "loss", "depth"),
           {"data": _DATA, "network": _ISO_NET, "train": _ISO_TRAIN,
            "runs": [{"label": "Gaussian σ_w² = 1", "init": sigma_init(1.0)},
                     {"label": "orthogonal σ_w² = 1",
                      "init": sigma_init(1.0, 0.0, "orthogonal")}]}),
)

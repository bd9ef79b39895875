"""Section G: greedy layer-wise pre-training with RBMs, then supervised fine-tuning."""
from . import Preset

_DATA = {"name": "mnist"}
_NET = {"hidden": [256, 128, 64], "activation": "sigmoid", "output": "softmax"}
_TRAIN = {"steps": 400, "optimizer": "momentum", "learning_rate": 0.1, "momentum": 0.9,
          "batch_size": 128, "eval_every": 25}
RBM = {"label": "RBM pre-trained (CD-1)",
       "init": {"scheme": "rbm", "rbm_epochs": 3, "rbm_learning_rate": 0.05}}
SMALL = {"label": "N(0, 0.01)", "init": {"scheme": "normal", "std": 0.01}}
XAVIER = {"label": "Xavier N(0, 1/√n)", "init": {"scheme": "lecun_normal"}}

PRESETS = (
    Preset("rbm-pretraining", "G", "Unsupervised pre-training with RBMs",
           "Before good random starts were known, deep networks were started by pre-training: "
           "each hidden layer is first trained alone, without labels, as a restricted "
           "Boltzmann machine that learns to reconstruct the layer below (contrastive "
           "divergence, CD-1). The pre-training pane shows this stage: the reconstruction "
           "error of each RBM falls epoch by epoch. The stacked RBMs then become the start for "
           "ordinary training with labels. Compare the loss with the same sigmoid network "
           "started from N(0, 0.01), which hardly moves because its signals and gradients are "
           "too weak, and from Xavier, which catches up: pre-training gives useful hidden "
           "units from the first step.",
           ("pretrain", "loss_early", "loss", "table", "activations", "accuracy"),
           {"data": _DATA, "network": _NET, "train": _TRAIN, "runs": [RBM, SMALL, XAVIER]}),
)

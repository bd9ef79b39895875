"""Configuration: frozen dataclasses that validate on construction and round-trip through JSON.

Every field carries its allowed range or choices in its metadata; ``ConfigError`` names the field
(as a dotted path such as ``network.width``) and what is allowed, in one line.
"""
from __future__ import annotations

import dataclasses
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from .activations import ACTIVATIONS
from .errors import QT_TRANSLATE_NOOP, Said
from .initializers import SCHEMES
from .limits import MAX_LABEL, LimitError, clean, loads, shown

CONFIG_SCHEMA = "initviz.config/1"
MAX_RUNS = 8


class ConfigError(Said):
    """A bad configuration value; the message names the field and the allowed values."""


RANGE = QT_TRANSLATE_NOOP("errors", "{0}: must be {1} from {2:g} to {3:g}, not {4}")
WHOLE = QT_TRANSLATE_NOOP("errors", "a whole number")
NUMBER = QT_TRANSLATE_NOOP("errors", "a number")
CHOICE = QT_TRANSLATE_NOOP("errors", "{0}: must be one of {1}; not {2}")
BOOL = QT_TRANSLATE_NOOP("errors", "{0}: must be true or false, not {1}")
OBJECT = QT_TRANSLATE_NOOP("errors", "{0}: must be an object, not {1}")
UNKNOWN = QT_TRANSLATE_NOOP("errors", "{0}: unknown key; allowed keys: {1}")


def _num(lo, hi, *, integer=False, doc=""):
    return {"range": (lo, hi), "integer": integer, "doc": doc}


def _choice(*choices, doc=""):
    return {"choices": choices, "doc": doc}


def f(default, meta):
    return field(default=default, metadata=meta)


def _check(obj, path: str) -> None:
    for fl in dataclasses.fields(obj):
        meta = fl.metadata
        value = getattr(obj, fl.name)
        where = f"{path}.{fl.name}" if path else fl.name
        if "range" in meta:
            lo, hi = meta["range"]
            kind = WHOLE if meta["integer"] else NUMBER
            if isinstance(value, bool) or not isinstance(value, (int, float)) or \
                    (isinstance(value, float) and meta["integer"] and not value.is_integer()):
                raise ConfigError(RANGE, where, kind, lo, hi, shown(value))
            # compared as Python numbers: a 400-digit integer is out of range, not an overflow
            if (isinstance(value, float) and not math.isfinite(value)) or not lo <= value <= hi:
                raise ConfigError(RANGE, where, kind, lo, hi, shown(value))
            if meta["integer"] and not isinstance(value, int):
                object.__setattr__(obj, fl.name, int(value))
            elif not meta["integer"] and isinstance(value, int):
                object.__setattr__(obj, fl.name, float(value))
        elif "choices" in meta:
            if value not in meta["choices"]:
                allowed = ", ".join(str(c) for c in meta["choices"])
                raise ConfigError(CHOICE, where, allowed, shown(value))
        elif fl.type in ("bool",) and not isinstance(value, bool):
            raise ConfigError(BOOL, where, shown(value))


class _Base:
    _path = ""

    def __post_init__(self):
        _check(self, self._path)

    def to_dict(self) -> dict[str, Any]:
        out = {}
        for fl in dataclasses.fields(self):
            v = getattr(self, fl.name)
            if isinstance(v, _Base):
                v = v.to_dict()
            elif isinstance(v, tuple):
                v = [x.to_dict() if isinstance(x, _Base) else x for x in v]
            out[fl.name] = v
        return out

    @classmethod
    def from_dict(cls, data: Any, path: str | None = None):
        path = cls._path if path is None else path
        if not isinstance(data, dict):
            raise ConfigError(OBJECT, path or "config", type(data).__name__)
        names = {fl.name for fl in dataclasses.fields(cls)}
        unknown = sorted(map(str, set(data) - names))
        if unknown:
            key = clean(unknown[0], 40)
            where = f"{path}.{key}" if path else key
            raise ConfigError(UNKNOWN, where, ", ".join(sorted(names)))
        return cls(**data)

    def replace(self, **changes):
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class InitConfig(_Base):
    """How one run's weights start. Only the fields its scheme reads matter."""
    _path = "init"
    scheme: str = f("xavier_normal", _choice(*SCHEMES, doc="initialization scheme"))
    mean: float = f(0.0, _num(-10, 10, doc="mean μ of the normal"))
    std: float = f(1.0, _num(0, 100, doc="standard deviation σ"))
    low: float = f(-1.0, _num(-100, 100, doc="uniform lower bound a"))
    high: float = f(1.0, _num(-100, 100, doc="uniform upper bound b"))
    value: float = f(0.0, _num(-100, 100, doc="constant c"))
    gain: float = f(1.0, _num(0, 100, doc="gain"))
    mode: str = f("fan_in", _choice("fan_in", "fan_out", doc="which fan Kaiming divides by"))
    nonlinearity: str = f("relu", _choice("relu", "leaky_relu", "linear", "tanh", "sigmoid",
                                          "selu", doc="nonlinearity Kaiming's gain is for"))
    negative_slope: float = f(0.0, _num(0, 1, doc="negative slope for Kaiming's leaky ReLU gain"))
    bias: float = f(0.0, _num(-100, 100, doc="initial value of every bias"))
    bias_std: float = f(0.0, _num(0, 100, doc="biases drawn from N(bias, bias_std²) "
                                              "(σ_b of mean-field theory; 0: all equal)"))
    tolerance: float = f(0.02, _num(1e-4, 0.5, doc="LSUV: allowed |Var − 1|"))
    max_iterations: int = f(10, _num(1, 100, integer=True, doc="LSUV: iterations per layer"))
    rbm_epochs: int = f(3, _num(1, 100, integer=True, doc="RBM: epochs per layer"))
    rbm_learning_rate: float = f(0.05, _num(1e-5, 10, doc="RBM: CD-1 learning rate"))

    def __post_init__(self):
        super().__post_init__()
        if self.scheme == "uniform" and not self.low < self.high:
            raise ConfigError(QT_TRANSLATE_NOOP(
                "errors", "init.low: must be below init.high ({0:g}), not {1:g}"),
                self.high, self.low)

    def from_partial(self, **kw):
        return dataclasses.replace(self, **kw)


@dataclass(frozen=True)
class NetworkConfig(_Base):
    """The multilayer perceptron. ``hidden`` lists the hidden widths; empty means depth × width."""
    _path = "network"
    depth: int = f(5, _num(1, 100, integer=True, doc="number of hidden layers"))
    width: int = f(100, _num(1, 2048, integer=True, doc="units per hidden layer"))
    hidden: tuple = field(default=(), metadata={"doc": "explicit hidden widths"})
    activation: str = f("tanh", _choice(*ACTIVATIONS, doc="hidden activation"))
    negative_slope: float = f(0.01, _num(0, 1, doc="leaky ReLU slope"))
    maxout_pieces: int = f(2, _num(2, 8, integer=True, doc="maxout: pieces per unit"))
    bias: bool = f(True, {"doc": "dense layers have a bias"})
    batch_norm: bool = f(False, {"doc": "batch normalization before the activation"})
    residual: bool = f(False, {"doc": "identity skip around each hidden layer where widths match"})
    output: str = f("softmax", _choice("softmax", "sigmoid", doc="output layer and loss"))

    def __post_init__(self):
        if isinstance(self.hidden, list):
            object.__setattr__(self, "hidden", tuple(self.hidden))
        super().__post_init__()
        if not isinstance(self.hidden, tuple) or len(self.hidden) > 100 or any(
                isinstance(w, bool) or not isinstance(w, int) or not 1 <= w <= 2048
                for w in self.hidden):
            raise ConfigError(QT_TRANSLATE_NOOP(
                "errors", "{0}: must be a list of at most 100 whole numbers from 1 to 2048, "
                "not {1}"), "network.hidden", shown(self.hidden))
        for name in ("bias", "batch_norm", "residual"):
            if not isinstance(getattr(self, name), bool):
                raise ConfigError(BOOL, f"network.{name}", shown(getattr(self, name)))

    @property
    def widths(self) -> tuple[int, ...]:
        return self.hidden if self.hidden else (self.width,) * self.depth


@dataclass(frozen=True)
class DataConfig(_Base):
    _path = "data"
    name: str = f("normal", _choice("normal", "flower", "mnist", doc="data set"))
    samples: int = f(1000, _num(10, 100000, integer=True,
                                doc="samples (normal inputs, flower points)"))
    features: int = f(100, _num(1, 4096, integer=True, doc="features of the normal inputs"))
    classes: int = f(10, _num(2, 100, integer=True, doc="classes of the normal inputs' labels"))
    source: str = f("auto", _choice("auto", "bundled", "full", doc="MNIST: which set"))
    probe_samples: int = f(1000, _num(10, 10000, integer=True,
                                      doc="samples the per-layer statistics are measured on"))


@dataclass(frozen=True)
class TrainConfig(_Base):
    _path = "train"
    steps: int = f(0, _num(0, 1_000_000, integer=True, doc="training batches (0: no training)"))
    optimizer: str = f("adam", _choice("sgd", "momentum", "adam", doc="optimizer"))
    learning_rate: float = f(0.001, _num(1e-7, 100, doc="learning rate"))
    momentum: float = f(0.9, _num(0, 0.999, doc="momentum coefficient"))
    batch_size: int = f(128, _num(0, 100000, integer=True, doc="batch size (0: full batch)"))
    weight_decay: float = f(0.0, _num(0, 10, doc="L2 weight decay"))
    clip_norm: float = f(0.0, _num(0, 1e6, doc="clip the global gradient norm (0: off)"))
    clip_value: float = f(0.0, _num(0, 1e6, doc="clip each gradient value (0: off)"))
    eval_every: int = f(50, _num(1, 100000, integer=True, doc="steps between validations"))


@dataclass(frozen=True)
class RunSpec(_Base):
    """One run of a comparison: a label, its initialization and what it changes."""
    _path = "runs[]"
    label: str = f("", {"doc": "legend label"})
    init: InitConfig = field(default_factory=InitConfig)
    network: dict = field(default_factory=dict, metadata={"doc": "network fields this run "
                                                                 "changes"})
    train: dict = field(default_factory=dict, metadata={"doc": "training fields this run changes"})

    def __post_init__(self):
        if not isinstance(self.label, str):
            raise ConfigError(QT_TRANSLATE_NOOP("errors", "{0}: must be text, not {1}"),
                              "runs[].label", shown(self.label))
        if len(self.label) > MAX_LABEL:
            raise ConfigError(QT_TRANSLATE_NOOP(
                "errors", "{0}: a label of {1:,} characters; at most {2} are allowed"),
                "runs[].label", len(self.label), MAX_LABEL)
        # what the legend, the title and the terminal show: no lone surrogate, no control
        object.__setattr__(self, "label", clean(self.label))
        if isinstance(self.init, dict):
            object.__setattr__(self, "init", InitConfig.from_dict(self.init, "runs[].init"))
        elif not isinstance(self.init, InitConfig):
            raise ConfigError(OBJECT, "runs[].init", shown(self.init))
        for part, cls in (("network", NetworkConfig), ("train", TrainConfig)):
            value = getattr(self, part)
            if not isinstance(value, dict):
                raise ConfigError(OBJECT, f"runs[].{part}", shown(value))
            names = {fl.name for fl in dataclasses.fields(cls)}
            for key in value:
                if key not in names:
                    raise ConfigError(UNKNOWN, f"runs[].{part}.{clean(key, 40)}",
                                      ", ".join(sorted(names)))

    def to_dict(self):
        return {"label": self.label, "init": self.init.to_dict(),
                "network": dict(self.network), "train": dict(self.train)}


@dataclass(frozen=True)
class ExperimentConfig(_Base):
    """Everything one experiment needs: data, network, training, the runs compared, the seed."""
    data: DataConfig = field(default_factory=DataConfig)
    network: NetworkConfig = field(default_factory=NetworkConfig)
    train: TrainConfig = field(default_factory=TrainConfig)
    runs: tuple = field(default_factory=lambda: (RunSpec(label="run 1"),))
    seed: int = f(0, _num(0, 2 ** 32 - 1, integer=True, doc="random seed"))
    bins: int = f(60, _num(5, 400, integer=True, doc="histogram bins"))
    track_units: bool = f(False, {"doc": "record each hidden unit's incoming weights"})

    def __post_init__(self):
        for name, cls in (("data", DataConfig), ("network", NetworkConfig),
                          ("train", TrainConfig)):
            value = getattr(self, name)
            if isinstance(value, dict):
                object.__setattr__(self, name, cls.from_dict(value, name))
            elif not isinstance(value, cls):
                raise ConfigError(OBJECT, name, shown(value))
        runs = self.runs
        if isinstance(runs, list):
            runs = tuple(runs)
        if not isinstance(runs, tuple) or not 1 <= len(runs) <= MAX_RUNS:
            raise ConfigError(QT_TRANSLATE_NOOP("errors", "runs: must be a list of 1 to {0} runs, "
                                                "not {1}"), MAX_RUNS, shown(self.runs))
        runs = tuple(RunSpec.from_dict(r, "runs[]") if isinstance(r, dict) else r for r in runs)
        for run in runs:
            if not isinstance(run, RunSpec):
                raise ConfigError(QT_TRANSLATE_NOOP("errors", "runs[]: each run must be an "
                                                    "object, not {0}"), shown(run))
        object.__setattr__(self, "runs", runs)
        super().__post_init__()
        for i, run in enumerate(runs):  # the merged configs must validate too
            try:
                self.run_network(i), self.run_train(i)
            except ConfigError as exc:
                if not (exc.params and isinstance(exc.params[0], str)):
                    raise
                where = re.sub(r"^(network|train)\.", rf"runs[{i}].\1.", exc.params[0])
                raise ConfigError(exc.template, where, *exc.params[1:]) from None
        if not isinstance(self.track_units, bool):
            raise ConfigError(BOOL, "track_units", shown(self.track_units))

    def run_network(self, i: int) -> NetworkConfig:
        return dataclasses.replace(self.network, **self.runs[i].network) \
            if self.runs[i].network else self.network

    def run_train(self, i: int) -> TrainConfig:
        return dataclasses.replace(self.train, **self.runs[i].train) \
            if self.runs[i].train else self.train

    def to_dict(self):
        d = super().to_dict()
        d["network"]["hidden"] = list(self.network.hidden)
        return {"schema": CONFIG_SCHEMA, **d}

    @classmethod
    def from_dict(cls, data, path=None):
        if isinstance(data, dict) and "schema" in data:
            data = dict(data)
            schema = data.pop("schema")
            if schema != CONFIG_SCHEMA:
                raise ConfigError(QT_TRANSLATE_NOOP(
                    "errors", "schema: expected {0}, found {1} (a file from another program "
                    "or a newer initviz?)"), repr(CONFIG_SCHEMA), shown(schema))
        try:
            return super().from_dict(data, "")
        except TypeError as exc:  # a wrongly typed nested value
            raise ConfigError(clean(exc, 200)) from None

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "ExperimentConfig":
        try:
            data = loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"not valid JSON: {exc.msg} at line {exc.lineno}, "
                              f"column {exc.colno}") from None
        except LimitError as exc:
            raise ConfigError("{0}", exc) from None
        return cls.from_dict(data)


def merge(config: ExperimentConfig, overrides: dict) -> ExperimentConfig:
    """A config with parts replaced from a nested dict (a preset's partial config)."""
    base = config.to_dict()
    base.pop("schema")
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = {**base[key], **value}
        else:
            base[key] = value
    return ExperimentConfig.from_dict(base)

"""Before a run starts: how much memory and time will it take, and can this machine give it?

``check(config)`` is the one guard the window, the command line and the sweep call. It raises
``BudgetError`` for a run that cannot fit in the memory this machine has (the message names the
fields to lower) and returns an ``Estimate`` whose ``warning`` says when a run will take long.
The estimate counts the arrays the runner keeps (data, weights with their gradients and the
optimizer's moments, the per-batch workspaces) and the multiply-adds of the steps; it is meant
to be within a factor of two, which is what a refusal needs.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from .errors import QT_TRANSLATE_NOOP, Said

FLOAT = 4                    # float32
BASE_BYTES = 150 * 2 ** 20   # the interpreter, NumPy and the window before any array
FLOPS_PER_SECOND = 1e10      # one BLAS thread on a laptop, small matrices (measured 38e9 at best)
LONG_SECONDS = 300           # warn before a run that takes longer than this
SHARE_OF_MEMORY = 0.8        # refuse above this share of what the machine has
MNIST_TRAIN = {"bundled": 8_000, "full": 55_000, "auto": 55_000}
MNIST_VAL = {"bundled": 2_000, "full": 5_000, "auto": 5_000}
VAL_CHUNK = 2000             # runner.VAL_CHUNK (not imported: keeps this module light)
WORKSPACES = 3               # network.WORKSPACES


class BudgetError(Said):
    """A run that cannot fit in this machine's memory; the message names what to lower."""


@dataclass(frozen=True)
class Estimate:
    bytes: int
    seconds: float
    memory: int                  # what this machine has for it
    fields: tuple[str, ...]      # the fields that weigh most, largest first
    warning: Said | None = None  # set when the run will take long


def memory_limit() -> int:
    """The memory a run may use: the smallest of physical memory, the address-space and data
    limits (``ulimit -v``/``-d``) and a cgroup's limit (containers)."""
    limits = []
    try:
        limits.append(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, ValueError, OSError):
        limits.append(8 * 2 ** 30)
    try:
        import resource
        for which in (resource.RLIMIT_AS, getattr(resource, "RLIMIT_DATA", None)):
            if which is not None:
                soft = resource.getrlimit(which)[0]
                if soft != resource.RLIM_INFINITY and soft > 0:
                    limits.append(soft)
    except (ImportError, OSError, ValueError):
        pass
    if sys.platform.startswith("linux"):
        for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
            try:
                with open(path) as fh:
                    text = fh.read(64).strip()
            except OSError:
                continue
            if text.isdigit() and 0 < int(text) < 2 ** 60:
                limits.append(int(text))
    return min(limits)


def _sizes(config):
    """(training samples, validation samples, probe samples, input features, outputs)."""
    d = config.data
    if d.name == "mnist":
        n, n_val, features = MNIST_TRAIN[d.source], MNIST_VAL[d.source], 784
        return n, n_val, min(d.probe_samples, n_val), features, 10, n * (features + 2) * FLOAT
    n_out = d.classes if config.network.output == "softmax" else 2
    if d.name == "flower":
        n = d.samples // 2 * 2
        return n, n, n, 2, n_out, n * 16
    n, features = d.samples, d.features
    return n, n, min(d.probe_samples, n), features, n_out, n * (features + 2) * FLOAT


def estimate(config) -> tuple[int, float, dict[str, float]]:
    """(bytes, seconds, weight of each field in the bytes) for ``config``."""
    n, n_val, n_probe, features, n_out, data_bytes = _sizes(config)
    total, seconds = BASE_BYTES + data_bytes, 0.0
    weight = {"data.samples": data_bytes, "data.features": data_bytes}
    for i in range(len(config.runs)):
        net, train = config.run_network(i), config.run_train(i)
        pieces = net.maxout_pieces if net.activation == "maxout" else 1
        widths = list(net.widths)
        fans = list(zip([features] + widths, widths + [n_out]))
        params = sum(a * b * pieces for a, b in fans)
        units = sum(widths) * pieces
        batch = n if train.batch_size == 0 or train.batch_size >= n else train.batch_size
        batches = {batch, n_probe, min(VAL_CHUNK, n_val)} if train.steps else {n_probe}
        # kept per batch size: pre-activations, activations and their two gradients
        work = sum(sorted(batches, reverse=True)[:WORKSPACES]) * (units * 4 + n_out * 4)
        param_bytes = params * FLOAT * 6   # weights, gradient, scratch, two moments, mask
        total += param_bytes + work * FLOAT
        weight["network.width"] = weight.get("network.width", 0) + param_bytes + work * FLOAT
        weight["network.depth"] = weight["network.width"]
        weight["train.batch_size"] = weight.get("train.batch_size", 0) + batch * units * 4 * FLOAT
        weight["data.probe_samples"] = weight.get("data.probe_samples", 0) + \
            n_probe * units * 4 * FLOAT
        weight["runs"] = total
        flops = 6 * batch * params * train.steps + 4 * n_probe * params
        flops += 2 * n_val * params * (train.steps // max(train.eval_every, 1))
        if config.runs[i].init.scheme == "rbm":
            flops += 6 * n * params * config.runs[i].init.rbm_epochs
        seconds += flops / FLOPS_PER_SECOND
    if len(config.runs) == 1:
        weight.pop("runs", None)
    return int(total), seconds, weight


def check(config, memory: int | None = None) -> Estimate:
    """Refuse (BudgetError) a run that cannot fit in ``memory`` bytes (default: this
    machine's, see memory_limit); otherwise the estimate, with a warning if it will take long."""
    need, seconds, weight = estimate(config)
    have = memory_limit() if memory is None else memory
    fields = tuple(k for k, v in sorted(weight.items(), key=lambda kv: -kv[1])
                   if v >= 0.1 * need)[:4]
    if need > SHARE_OF_MEMORY * have:
        raise BudgetError(QT_TRANSLATE_NOOP(
            "errors", "this run needs about {0} of memory and this machine has {1}; lower {2}"),
            _size(need), _size(have), ", ".join(fields) or "network.width")
    warning = None
    if seconds > LONG_SECONDS:
        warning = Said(QT_TRANSLATE_NOOP(
            "errors", "this run will take about {0} minutes (about {1} of memory); lower "
            "train.steps or {2} to make it shorter"),
            max(1, round(seconds / 60)), _size(need),
            ", ".join(f for f in fields if f != "train.steps") or "network.width")
    return Estimate(need, seconds, have, fields, warning)


def _size(n: int) -> str:
    for unit, scale in (("GB", 2 ** 30), ("MB", 2 ** 20)):
        if n >= scale:
            return f"{n / scale:,.1f} {unit}"
    return f"{n / 1024:,.0f} kB"

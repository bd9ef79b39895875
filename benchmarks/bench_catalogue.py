"""Time every preset of the catalogue headless at full length.

    OPENBLAS_NUM_THREADS=1 python benchmarks/bench_catalogue.py [--source bundled] [KEY ...]

Runs each preset as ``initviz run KEY`` does (snapshots once a second, the layers measured at
the start and the end, collected into the result document), but in one process, and prints
the seconds per preset and the total. Targets: every two-run MNIST preset under 10 s, the
whole catalogue under 5 minutes.
"""
from __future__ import annotations

import argparse
import math
import sys
import time

from initviz.engine.config import merge
from initviz.engine.presets import PRESETS
from initviz.engine.result import ResultCollector
from initviz.engine.runner import run_experiment


def time_preset(key: str, source: str, seed: int) -> tuple[float, dict]:
    config = merge(PRESETS[key].config, {"data": {"source": source}, "seed": seed})
    collector = ResultCollector(config, key)
    t0 = time.perf_counter()
    for snap in run_experiment(config, snapshot_seconds=1.0, measure_seconds=math.inf):
        collector.add(snap)
    return time.perf_counter() - t0, collector.document()


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("keys", nargs="*", help="presets to time (default: all)")
    p.add_argument("--source", default="auto", choices=("auto", "bundled", "full"),
                   help="MNIST source (default: auto, as the app)")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    keys = args.keys or list(PRESETS)
    unknown = [k for k in keys if k not in PRESETS]
    if unknown:
        p.error(f"unknown preset(s): {', '.join(unknown)}")
    total = 0.0
    print(f"{'preset':<30} {'runs':>4} {'batches':>7} {'seconds':>8}  result")
    for key in keys:
        seconds, doc = time_preset(key, args.source, args.seed)
        total += seconds
        cfg = PRESETS[key].config
        steps = max(cfg.run_train(i).steps for i in range(len(cfg.runs)))
        finals = []
        for r in doc["runs"]:
            f = r["final"]
            if f.get("diverged"):
                finals.append(f"diverged@{f['diverged_at']}")
            elif f.get("val_accuracy") is not None and f.get("steps"):
                finals.append(f"{f['val_accuracy']:.3f}")
        print(f"{key:<30} {len(cfg.runs):>4} {steps:>7} {seconds:>8.1f}  {' '.join(finals)}",
              flush=True)
    print(f"{'total':<30} {'':>4} {'':>7} {total:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

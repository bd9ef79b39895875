"""How close is the pre-run estimate (initviz.engine.budget) to the memory a run really takes?
Runs a few configs, each in its own process, and prints the estimate beside the peak resident
memory (ru_maxrss). Needs about 10 GB free for the largest; asserts nothing.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_budget.py
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

CONFIGS = [
    {"network": {"depth": 20, "width": 1024}, "train": {"steps": 2, "batch_size": 4096},
     "data": {"samples": 20000, "features": 1000}},
    {"network": {"depth": 50, "width": 2048}, "train": {"steps": 1, "batch_size": 128}},
    {"network": {"depth": 10, "width": 512}, "train": {"steps": 1, "batch_size": 0},
     "data": {"samples": 100000, "features": 2000, "probe_samples": 10000}},
    {"network": {"depth": 5, "width": 100, "activation": "maxout", "maxout_pieces": 8},
     "runs": [{}, {}, {}, {}], "train": {"steps": 2}},
]
CHILD = """
import json, resource, sys
from initviz.engine import budget
from initviz.engine.config import ExperimentConfig
from initviz.engine.runner import run_experiment
c = ExperimentConfig.from_dict(json.loads(sys.argv[1]))
estimate = budget.estimate(c)[0]
for _ in run_experiment(c, snapshot_seconds=10):
    pass
print(estimate / 2 ** 20, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def main() -> int:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    for config in CONFIGS:
        out = subprocess.run([sys.executable, "-c", CHILD, json.dumps(config)], env=env,
                             capture_output=True, text=True, timeout=1800)
        if out.returncode:
            print(f"{json.dumps(config)}: failed: {out.stderr.strip().splitlines()[-1]}")
            continue
        estimate, peak = map(float, out.stdout.split())
        print(f"estimate {estimate:7.0f} MB, peak {peak:7.0f} MB ({estimate / peak:.2f}x): "
              f"{json.dumps(config)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

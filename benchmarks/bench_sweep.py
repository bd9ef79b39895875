"""Time a 20 × 10 sweep with short training, in local worker processes and on a Dask cluster.

    python benchmarks/bench_sweep.py [--workers 2] [--batches 100] [--width 64] [--dask]

The grid is issue #14's 20 × 10: σ_w² from 1 to 4 (20 values) × depth 5 to 50 (10), the
edge-of-chaos preset's network (tanh, σ_b² = 0.05) on the bundled MNIST set, one seed. Target: under 3 minutes on a 2-core
machine. With --dask the same sweep also runs on a LocalCluster (127.0.0.1, one process per
worker) and the two results are compared number for number. Also prints how many cells fall
in the trainable region and where, next to the χ₁ = 1 line.
"""
from __future__ import annotations

import argparse
import time

from initviz.engine.config import merge
from initviz.engine.presets import get
from initviz.engine.sweep import make_spec, parse_axis, summarize
from initviz.engine.sweep_exec import run_sweep
from initviz.engine.theory.meanfield import critical_sigma_w2


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--batches", type=int, default=100)
    p.add_argument("--width", type=int, default=64)
    p.add_argument("--dask", action="store_true", help="also run on a Dask LocalCluster")
    args = p.parse_args(argv)
    base = merge(get("edge-of-chaos-tanh").config, {
        "data": {"source": "bundled", "probe_samples": 500},
        "network": {"width": args.width}, "train": {"steps": args.batches}})
    spec = make_spec(base, [parse_axis("sigma_w2=1:4:20"), parse_axis("network.depth=5:50:10")])
    print(f"{len(spec.tasks())} cells, {args.batches} batches each, width {args.width}")
    t0 = time.perf_counter()
    local = dict(run_sweep(spec, workers=args.workers))
    seconds = time.perf_counter() - t0
    print(f"local, {args.workers} worker processes: {seconds:.1f} s "
          f"({'under' if seconds < 180 else 'OVER'} 3 minutes)")
    crit = critical_sigma_w2(0.05)
    print(f"χ₁ = 1 at σ_w² = {crit:.3f}; best σ_w² per depth (validation accuracy):")
    cells = summarize(spec, local)
    for depth in spec.axes[1].values:
        row = [c for c in cells if c["network.depth"] == depth]
        best = max(row, key=lambda c: c["val_accuracy"] or 0)
        good = [c["sigma_w2"] for c in row if (c["val_accuracy"] or 0) > 0.5]
        span = f"{min(good):.2f}-{max(good):.2f}" if good else "none"
        print(f"  depth {depth:3d}: best σ_w² {best['sigma_w2']:.2f} "
              f"(acc {best['val_accuracy'] or 0:.3f}); accuracy > 0.5 for σ_w² in {span}")
    if args.dask:
        from distributed import Client, LocalCluster
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=None) as cluster, \
                Client(cluster) as client:
            t0 = time.perf_counter()
            remote = dict(run_sweep(spec, scheduler=client))
            seconds = time.perf_counter() - t0
        print(f"Dask LocalCluster, {args.workers} worker processes: {seconds:.1f} s; "
              f"same numbers as local: {remote == local}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
